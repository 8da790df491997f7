#include "app/kubesim/deploymentstatus.h"

#include "app/kubesim/objectutil.h"
#include "app/kubesim/store.h"

#include <QJsonArray>

#include <algorithm>

namespace Gantry::KubeSim::DeploymentStatus {

namespace {
const QString kSpec = QStringLiteral("spec");
const QString kStatus = QStringLiteral("status");

QJsonObject rollingUpdate(const QJsonObject &deployment)
{
    return deployment.value(kSpec)
        .toObject()
        .value(QStringLiteral("strategy"))
        .toObject()
        .value(QStringLiteral("rollingUpdate"))
        .toObject();
}

// ResolveFenceposts: {surge, unavailable}.
std::pair<int, int> fenceposts(const QJsonObject &deployment)
{
    const int desired = replicas(deployment);
    const QJsonObject rolling = rollingUpdate(deployment);
    const QJsonValue surgeValue = rolling.contains(QStringLiteral("maxSurge"))
                                      ? rolling.value(QStringLiteral("maxSurge"))
                                      : QJsonValue(QStringLiteral("25%"));
    const QJsonValue unavailableValue = rolling.contains(QStringLiteral("maxUnavailable"))
                                            ? rolling.value(QStringLiteral("maxUnavailable"))
                                            : QJsonValue(QStringLiteral("25%"));
    const int surge = scaledValue(surgeValue, desired, true);
    int unavailable = scaledValue(unavailableValue, desired, false);
    if (surge == 0 && unavailable == 0) {
        unavailable = 1;
    }
    return {surge, unavailable};
}
} // namespace

int replicas(const QJsonObject &deployment)
{
    return ObjectUtil::intAt(deployment, kSpec, QStringLiteral("replicas"), 1);
}

bool isRecreate(const QJsonObject &deployment)
{
    return deployment.value(kSpec)
               .toObject()
               .value(QStringLiteral("strategy"))
               .toObject()
               .value(QStringLiteral("type"))
               .toString() == QLatin1String("Recreate");
}

int scaledValue(const QJsonValue &intOrPercent, int total, bool roundUp)
{
    if (intOrPercent.isDouble()) {
        return std::max(0, intOrPercent.toInt());
    }
    QString text = intOrPercent.toString().trimmed();
    if (!text.endsWith(QLatin1Char('%'))) {
        return std::max(0, text.toInt());
    }
    text.chop(1);
    const long long scaled = text.toLongLong() * total;
    return int(roundUp ? (scaled + 99) / 100 : scaled / 100);
}

int maxSurge(const QJsonObject &deployment)
{
    return isRecreate(deployment) ? 0 : fenceposts(deployment).first;
}

int maxUnavailable(const QJsonObject &deployment)
{
    const int desired = replicas(deployment);
    if (isRecreate(deployment) || desired == 0) {
        return 0;
    }
    return std::min(fenceposts(deployment).second, desired);
}

int revision(const QJsonObject &replicaSet)
{
    return ObjectUtil::annotation(replicaSet, kRevision).toInt();
}

int specReplicas(const QJsonObject &replicaSet)
{
    return ObjectUtil::intAt(replicaSet, kSpec, QStringLiteral("replicas"), 1);
}

int statusCount(const QJsonObject &object, const QString &key)
{
    return ObjectUtil::intAt(object, kStatus, key, 0);
}

QJsonObject makeCondition(const QString &type, const QString &status, const QString &reason, const QString &message)
{
    const QString now = Store::timestamp();
    return QJsonObject{{QStringLiteral("type"), type},          {QStringLiteral("status"), status},
                       {QStringLiteral("lastUpdateTime"), now}, {QStringLiteral("lastTransitionTime"), now},
                       {QStringLiteral("reason"), reason},      {QStringLiteral("message"), message}};
}

bool setCondition(QJsonObject &status, QJsonObject condition)
{
    const QJsonObject current = ObjectUtil::condition(status, condition.value(QStringLiteral("type")).toString());
    if (!current.isEmpty() && current.value(QStringLiteral("status")) == condition.value(QStringLiteral("status")) &&
        current.value(QStringLiteral("reason")) == condition.value(QStringLiteral("reason"))) {
        return false;
    }
    if (!current.isEmpty() && current.value(QStringLiteral("status")) == condition.value(QStringLiteral("status"))) {
        condition.insert(QStringLiteral("lastTransitionTime"), current.value(QStringLiteral("lastTransitionTime")));
    }
    ObjectUtil::putCondition(status, condition);
    return true;
}

QJsonObject calculate(const QJsonObject &deployment, const QJsonObject &newRs, const QList<QJsonObject> &allRs,
                      const QJsonObject &current)
{
    int total = 0;
    int actual = 0;
    int ready = 0;
    int available = 0;
    for (const QJsonObject &rs : allRs) {
        total += specReplicas(rs);
        actual += statusCount(rs, QStringLiteral("replicas"));
        ready += statusCount(rs, QStringLiteral("readyReplicas"));
        available += statusCount(rs, QStringLiteral("availableReplicas"));
    }
    QJsonObject status = current;
    status.insert(QStringLiteral("observedGeneration"),
                  deployment.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("generation")).toInt(1));
    // Integer fields are omitempty in the real API: absent means 0.
    const auto put = [&status](const QString &key, int value) {
        if (value > 0) {
            status.insert(key, value);
        } else {
            status.remove(key);
        }
    };
    put(QStringLiteral("replicas"), actual);
    put(QStringLiteral("updatedReplicas"), newRs.isEmpty() ? 0 : statusCount(newRs, QStringLiteral("replicas")));
    put(QStringLiteral("readyReplicas"), ready);
    put(QStringLiteral("availableReplicas"), available);
    put(QStringLiteral("unavailableReplicas"), std::max(0, total - available));

    if (available >= replicas(deployment) - maxUnavailable(deployment)) {
        setCondition(status, makeCondition(QStringLiteral("Available"), QStringLiteral("True"),
                                           QStringLiteral("MinimumReplicasAvailable"),
                                           QStringLiteral("Deployment has minimum availability.")));
    } else {
        setCondition(status, makeCondition(QStringLiteral("Available"), QStringLiteral("False"),
                                           QStringLiteral("MinimumReplicasUnavailable"),
                                           QStringLiteral("Deployment does not have minimum availability.")));
    }
    return status;
}

bool isComplete(const QJsonObject &deployment, const QJsonObject &status)
{
    const int desired = replicas(deployment);
    const int generation =
        deployment.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("generation")).toInt(1);
    return status.value(QStringLiteral("updatedReplicas")).toInt() == desired &&
           status.value(QStringLiteral("replicas")).toInt() == desired &&
           status.value(QStringLiteral("availableReplicas")).toInt() == desired &&
           status.value(QStringLiteral("observedGeneration")).toInt() >= generation;
}

bool isProgressing(const QJsonObject &deployment, const QJsonObject &newStatus)
{
    const QJsonObject old = deployment.value(kStatus).toObject();
    const auto n = [](const QJsonObject &s, const char *key) { return s.value(QLatin1String(key)).toInt(); };
    const int oldOld = n(old, "replicas") - n(old, "updatedReplicas");
    const int newOld = n(newStatus, "replicas") - n(newStatus, "updatedReplicas");
    return n(newStatus, "updatedReplicas") > n(old, "updatedReplicas") || newOld < oldOld ||
           n(newStatus, "readyReplicas") > n(old, "readyReplicas") ||
           n(newStatus, "availableReplicas") > n(old, "availableReplicas");
}

} // namespace Gantry::KubeSim::DeploymentStatus
