#pragma once

// Helpers for the controller tests: a store with a running controller, kubectl's rollout rule,
// and the small lookups the assertions need.
#include "app/kubesim/controller.h"
#include "app/kubesim/scenario.h"
#include "app/kubesim/store.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

namespace Gantry::KubeSim::TestHelpers {

inline const QString kDeployments = QStringLiteral("deployments.apps");
inline const QString kReplicaSets = QStringLiteral("replicasets.apps");
inline const QString kPods = QStringLiteral("pods");
inline constexpr int kTimeout = 20000;

inline QString revisionOf(const QJsonObject &object)
{
    return object.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("annotations"))
        .toObject()
        .value(QStringLiteral("deployment.kubernetes.io/revision"))
        .toString();
}

inline QJsonObject conditionOf(const QJsonObject &object, const QString &type)
{
    for (const QJsonValue &c :
         object.value(QStringLiteral("status")).toObject().value(QStringLiteral("conditions")).toArray()) {
        if (c.toObject().value(QStringLiteral("type")).toString() == type) {
            return c.toObject();
        }
    }
    return {};
}

inline bool podReady(const QJsonObject &pod)
{
    return conditionOf(pod, QStringLiteral("Ready")).value(QStringLiteral("status")).toString() ==
           QLatin1String("True");
}

inline bool terminating(const QJsonObject &object)
{
    return object.value(QStringLiteral("metadata")).toObject().contains(QStringLiteral("deletionTimestamp"));
}

inline QString imageOf(const QJsonObject &object)
{
    QJsonObject spec = object.value(QStringLiteral("spec")).toObject();
    if (spec.contains(QStringLiteral("template"))) {
        spec = spec.value(QStringLiteral("template")).toObject().value(QStringLiteral("spec")).toObject();
    }
    return spec.value(QStringLiteral("containers"))
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("image"))
        .toString();
}

inline QJsonObject firstContainerStatus(const QJsonObject &pod)
{
    return pod.value(QStringLiteral("status"))
        .toObject()
        .value(QStringLiteral("containerStatuses"))
        .toArray()
        .first()
        .toObject();
}

inline int statusInt(const QJsonObject &object, const char *key)
{
    return object.value(QStringLiteral("status")).toObject().value(QLatin1String(key)).toInt();
}

// kubectl rollout status (reference §1.3): "done", "failed" or "wait".
inline QString rolloutStatus(const Store &store, const QString &ns, const QString &name)
{
    const auto d = store.get(kDeployments, ns, name);
    if (!d) {
        return QStringLiteral("missing");
    }
    const int generation = d->value(QStringLiteral("metadata")).toObject().value(QStringLiteral("generation")).toInt();
    if (generation > statusInt(*d, "observedGeneration")) {
        return QStringLiteral("wait");
    }
    if (conditionOf(*d, QStringLiteral("Progressing")).value(QStringLiteral("reason")).toString() ==
        QLatin1String("ProgressDeadlineExceeded")) {
        return QStringLiteral("failed");
    }
    const int replicas = d->value(QStringLiteral("spec")).toObject().value(QStringLiteral("replicas")).toInt();
    if (statusInt(*d, "updatedReplicas") < replicas || statusInt(*d, "replicas") > statusInt(*d, "updatedReplicas") ||
        statusInt(*d, "availableReplicas") < statusInt(*d, "updatedReplicas")) {
        return QStringLiteral("wait");
    }
    return QStringLiteral("done");
}

inline QList<QJsonObject> ownedReplicaSets(const Store &store, const QString &ns, const QString &deployment)
{
    QList<QJsonObject> out;
    const auto d = store.get(kDeployments, ns, deployment);
    for (const QJsonObject &rs : store.list(kReplicaSets, ns)) {
        for (const QJsonValue &ref :
             rs.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("ownerReferences")).toArray()) {
            if (d && ref.toObject().value(QStringLiteral("controller")).toBool() &&
                ref.toObject().value(QStringLiteral("uid")) ==
                    d->value(QStringLiteral("metadata")).toObject().value(QStringLiteral("uid"))) {
                out.append(rs);
            }
        }
    }
    return out;
}

inline QList<QJsonObject> podsWithLabel(const Store &store, const QString &ns, const QString &app)
{
    QList<QJsonObject> out;
    for (const QJsonObject &pod : store.list(kPods, ns)) {
        if (pod.value(QStringLiteral("metadata"))
                .toObject()
                .value(QStringLiteral("labels"))
                .toObject()
                .value(QStringLiteral("app"))
                .toString() == app) {
            out.append(pod);
        }
    }
    return out;
}

inline QList<QJsonObject> eventsFor(const Store &store, const QString &ns, const QString &kind, const QString &reason)
{
    QList<QJsonObject> out;
    for (const QJsonObject &event : store.list(QStringLiteral("events"), ns)) {
        if (event.value(QStringLiteral("involvedObject")).toObject().value(QStringLiteral("kind")).toString() == kind &&
            event.value(QStringLiteral("reason")).toString() == reason) {
            out.append(event);
        }
    }
    return out;
}

// What kubectl set image sends, applied to the stored object.
inline void setImage(Store &store, const QString &ns, const QString &name, const QString &image)
{
    const StoreResult result = store.modify(kDeployments, ns, name, [&](QJsonObject &d) {
        QJsonObject spec = d.value(QStringLiteral("spec")).toObject();
        QJsonObject podTemplate = spec.value(QStringLiteral("template")).toObject();
        QJsonObject podSpec = podTemplate.value(QStringLiteral("spec")).toObject();
        QJsonArray containers = podSpec.value(QStringLiteral("containers")).toArray();
        QJsonObject container = containers.first().toObject();
        container.insert(QStringLiteral("image"), image);
        containers.replace(0, container);
        podSpec.insert(QStringLiteral("containers"), containers);
        podTemplate.insert(QStringLiteral("spec"), podSpec);
        spec.insert(QStringLiteral("template"), podTemplate);
        d.insert(QStringLiteral("spec"), spec);
        return true;
    });
    QVERIFY2(result.ok(), qPrintable(result.message));
}

inline void setSpecField(Store &store, const QString &ns, const QString &name, const QString &key,
                         const QJsonValue &value)
{
    const StoreResult result = store.modify(kDeployments, ns, name, [&](QJsonObject &d) {
        QJsonObject spec = d.value(QStringLiteral("spec")).toObject();
        if (value.isNull()) {
            spec.remove(key);
        } else {
            spec.insert(key, value);
        }
        d.insert(QStringLiteral("spec"), spec);
        return true;
    });
    QVERIFY2(result.ok(), qPrintable(result.message));
}

struct Cluster
{
    Store store;
    std::unique_ptr<Controller> controller;
};

inline std::unique_ptr<Cluster> startCluster(const QByteArray &yaml)
{
    QString error;
    const auto scenario = Scenario::parse(yaml, QStringLiteral("test.yaml"), &error);
    if (!scenario) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    auto cluster = std::make_unique<Cluster>();
    cluster->controller = std::make_unique<Controller>(&cluster->store);
    cluster->controller->start(*scenario);
    return cluster;
}

} // namespace Gantry::KubeSim::TestHelpers
