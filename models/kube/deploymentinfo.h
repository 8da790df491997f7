#pragma once

#include "models/kube/kubeerror.h"
#include "models/kube/podstatus.h"
#include "models/kube/rolloutstatus.h"
#include "models/kube/workloadproblems.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace Gantry::Kube {

struct DeploymentCondition
{
    QString type;   // Progressing, Available, ReplicaFailure
    QString status; // "True", "False", "Unknown"
    QString reason;
    QString message;
    QDateTime lastUpdate;
    QDateTime lastTransition;
};

// One Deployment of an environment, digested for display.
struct DeploymentInfo
{
    QString name;
    QString nameSpace;
    QStringList images; // one per container, in order ("registry/orders:1.5.0")
    QStringList containers;
    QString image() const { return images.value(0); }
    // The tag (or digest) of the first image: "1.5.0".
    QString version() const;
    int desired = 0; // spec.replicas (1 when unset)
    int current = 0; // status.replicas
    int updated = 0;
    int ready = 0;
    int available = 0;
    int unavailable = 0;
    qint64 revision = 0; // deployment.kubernetes.io/revision
    qint64 generation = 0;
    qint64 observedGeneration = 0;
    bool paused = false;
    std::vector<DeploymentCondition> conditions;
    RolloutStatus rollout; // the kubectl rule
    QString changeCause;   // kubernetes.io/change-cause
    QString sourceCommit;  // gantry.dev/source-commit (deployment or pod template annotation)
    QDateTime created;
    QJsonObject object; // the raw object
};

// One pod row.
struct PodInfo
{
    PodStatus status;   // name, printPod status, ready r/t, restarts, node, created
    QString deployment; // owning Deployment (via its ReplicaSet), empty when unknown
    QString image;      // first container's image
    QString problem;    // the most important problem in words, empty when fine
    QJsonObject object;
};

// One event row (core/v1 Event about the deployments, their ReplicaSets or pods).
struct EventInfo
{
    QString type; // Normal, Warning
    QString reason;
    QString message;
    QString objectKind;
    QString objectName;
    int count = 1;
    QDateTime lastSeen;
};

// Everything known about one entity in one environment. When `error` is set, the data is the
// last good data (`stale` is true) or nothing when `loaded` is false: never an empty answer
// disguised as "no workloads".
struct EnvironmentStatus
{
    QString environment; // name from gantry.yaml
    QString context;
    QString nameSpace;
    bool loaded = false; // at least one good answer arrived (deployments and pods)
    bool stale = false;  // `error` is set and the data below is from before it
    KubeError error;
    QDateTime lastUpdate;
    std::vector<DeploymentInfo> deployments; // sorted by name
    std::vector<PodInfo> pods;               // sorted by name
    std::vector<EventInfo> events;           // newest first, at most 50
    std::vector<WorkloadProblem> problems;
    QStringList problemSummaries; // summarizeProblems(problems)

    // Loaded, no error, every deployment rolled out or progressing without problems, no problems.
    bool isHealthy() const;
    // Done/Waiting/Failed over all deployments: Failed if any failed, Waiting if any waits.
    RolloutStatus::State rolloutState() const;
    // The first deployment's first image ("" when none).
    QString primaryImage() const;
    const DeploymentInfo *deployment(const QString &name) const;
};

} // namespace Gantry::Kube
