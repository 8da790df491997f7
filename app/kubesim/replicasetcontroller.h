#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Gantry::KubeSim {

struct ControllerContext;

// The ReplicaSet controller: creates and deletes pods until the active ones match spec.replicas,
// and keeps status (replicas, fullyLabeledReplicas, readyReplicas, availableReplicas with
// minReadySeconds, observedGeneration) in step with them.
class ReplicaSetController final
{
public:
    explicit ReplicaSetController(ControllerContext *context);

    // Returns when the ReplicaSet next needs a visit (a pod reaching minReadySeconds), or 0.
    qint64 sync(const QString &ns, const QString &name);

    // The pods the ReplicaSet controls that are not terminating.
    static QList<QJsonObject> activePods(const ControllerContext &context, const QJsonObject &replicaSet);
    static bool isPodReady(const QJsonObject &pod);

private:
    ControllerContext *m_context;
};

} // namespace Gantry::KubeSim
