#pragma once

#include <QJsonObject>
#include <QString>

namespace Gantry::Kube {

// The verdict of `kubectl rollout status deployment/NAME`, computed exactly as kubectl does
// (kubectl pkg/polymorphichelpers/rollout_status.go, DeploymentStatusViewer.Status).
struct RolloutStatus
{
    enum class State { Waiting, Done, Failed };
    State state = State::Waiting;
    QString message; // kubectl's exact text (English, as kubectl prints it)
    int updated = 0; // status.updatedReplicas
    int desired = 0; // spec.replicas (1 when unset)
    int available = 0;
    int total = 0;                 // status.replicas (old + new)
    bool observed = false;         // generation <= observedGeneration
    bool revisionMismatch = false; // --revision given and different from the running revision

    bool isDone() const { return state == State::Done; }
    bool isFailed() const { return state == State::Failed; }
    // updated / desired in [0, 1]; 1 when done, also for 0 desired replicas.
    double progress() const;
    // "done", "waiting", "failed" (JSON output).
    QString stateName() const;
};

// `revision` > 0 checks the deployment's deployment.kubernetes.io/revision like --revision.
RolloutStatus deploymentRolloutStatus(const QJsonObject &deployment, qint64 revision = 0);

} // namespace Gantry::Kube
