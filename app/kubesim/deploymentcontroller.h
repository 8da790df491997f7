#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Gantry::KubeSim {

struct ControllerContext;

// The Deployment controller, after kubernetes pkg/controller/deployment: one ReplicaSet per pod
// template (named <deployment>-<pod-template-hash>, revision annotations, controller owner
// reference), rolling updates within maxSurge/maxUnavailable, Recreate, rollback by template
// equality (the old ReplicaSet is reused and re-stamped), revisionHistoryLimit, pause, scale,
// and status with observedGeneration and the Progressing/Available conditions in one write.
class DeploymentController final
{
public:
    explicit DeploymentController(ControllerContext *context);

    // Returns when the deployment next needs a visit (its progress deadline), or 0.
    qint64 sync(const QString &ns, const QString &name);
    void forget(const QString &uid) { m_progressStamps.remove(uid); }

private:
    struct State; // one sync's view of the deployment and its ReplicaSets

    void syncRevision(State &s);
    bool createNewReplicaSet(State &s, int replicas);
    bool rolloutRolling(State &s);
    bool rolloutRecreate(State &s);
    bool scalePaused(State &s);
    bool isScalingEvent(const State &s) const;
    bool scaleProportionally(State &s);
    void scale(State &s, QJsonObject &rs, int replicas);
    void cleanup(State &s);
    qint64 finish(State &s, bool scaled);
    QJsonObject newReplicaSetAnnotations(const State &s, const QJsonObject &rs, int revision) const;

    ControllerContext *m_context;
    QHash<QString, qint64> m_progressStamps; // deployment uid -> when Progressing last moved (ms)
};

} // namespace Gantry::KubeSim
