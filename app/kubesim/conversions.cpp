#include "app/kubesim/conversions.h"

#include "app/kubesim/resourcetypes.h"
#include "app/kubesim/selectors.h"

#include <QJsonArray>

namespace Gantry::KubeSim {

namespace {

const QString kMetadata = QStringLiteral("metadata");

} // namespace

QJsonObject Conversions::toServedVersion(const ResourceType &type, const QJsonObject &stored)
{
    if (type.storeKey != QLatin1String("horizontalpodautoscalers.autoscaling") || type.version != QLatin1String("v1")) {
        return stored;
    }
    QJsonObject out = stored;
    out.insert(QStringLiteral("apiVersion"), type.apiVersion());
    QJsonObject spec = out.value(QStringLiteral("spec")).toObject();
    for (const QJsonValue &metric : spec.value(QStringLiteral("metrics")).toArray()) {
        const QJsonObject resource = metric.toObject().value(QStringLiteral("resource")).toObject();
        if (resource.value(QStringLiteral("name")).toString() == QLatin1String("cpu")) {
            spec.insert(
                QStringLiteral("targetCPUUtilizationPercentage"),
                resource.value(QStringLiteral("target")).toObject().value(QStringLiteral("averageUtilization")));
        }
    }
    spec.remove(QStringLiteral("metrics"));
    spec.remove(QStringLiteral("behavior"));
    out.insert(QStringLiteral("spec"), spec);
    QJsonObject status = out.value(QStringLiteral("status")).toObject();
    for (const QJsonValue &metric : status.value(QStringLiteral("currentMetrics")).toArray()) {
        const QJsonObject resource = metric.toObject().value(QStringLiteral("resource")).toObject();
        if (resource.value(QStringLiteral("name")).toString() == QLatin1String("cpu")) {
            status.insert(
                QStringLiteral("currentCPUUtilizationPercentage"),
                resource.value(QStringLiteral("current")).toObject().value(QStringLiteral("averageUtilization")));
        }
    }
    status.remove(QStringLiteral("currentMetrics"));
    status.remove(QStringLiteral("conditions"));
    out.insert(QStringLiteral("status"), status);
    return out;
}

QJsonObject Conversions::fromServedVersion(const ResourceType &type, const QJsonObject &object)
{
    if (type.storeKey != QLatin1String("horizontalpodautoscalers.autoscaling") || type.version != QLatin1String("v1")) {
        return object;
    }
    QJsonObject out = object;
    QJsonObject spec = out.value(QStringLiteral("spec")).toObject();
    if (spec.contains(QStringLiteral("targetCPUUtilizationPercentage"))) {
        QJsonObject target{
            {QStringLiteral("type"), QStringLiteral("Utilization")},
            {QStringLiteral("averageUtilization"), spec.take(QStringLiteral("targetCPUUtilizationPercentage"))}};
        QJsonObject resource{{QStringLiteral("name"), QStringLiteral("cpu")}, {QStringLiteral("target"), target}};
        spec.insert(QStringLiteral("metrics"),
                    QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Resource")},
                                           {QStringLiteral("resource"), resource}}});
    }
    out.insert(QStringLiteral("spec"), spec);
    out.insert(QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v2"));
    return out;
}

QJsonObject Conversions::scaleOf(const QJsonObject &deployment)
{
    const QJsonObject metadata = deployment.value(kMetadata).toObject();
    QJsonObject scaleMetadata;
    for (const QString &key : {QStringLiteral("name"), QStringLiteral("namespace"), QStringLiteral("uid"),
                               QStringLiteral("resourceVersion"), QStringLiteral("creationTimestamp")}) {
        if (metadata.contains(key)) {
            scaleMetadata.insert(key, metadata.value(key));
        }
    }
    const QJsonObject spec = deployment.value(QStringLiteral("spec")).toObject();
    const QJsonObject status = deployment.value(QStringLiteral("status")).toObject();
    QJsonObject out;
    out.insert(QStringLiteral("kind"), QStringLiteral("Scale"));
    out.insert(QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v1"));
    out.insert(kMetadata, scaleMetadata);
    out.insert(QStringLiteral("spec"),
               QJsonObject{{QStringLiteral("replicas"), spec.value(QStringLiteral("replicas"))}});
    out.insert(
        QStringLiteral("status"),
        QJsonObject{{QStringLiteral("replicas"), status.value(QStringLiteral("replicas")).toInteger()},
                    {QStringLiteral("selector"),
                     Selector::fromLabelSelector(spec.value(QStringLiteral("selector")).toObject()).toString()}});
    return out;
}

} // namespace Gantry::KubeSim
