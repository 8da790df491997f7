#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace Gantry::Kube {

// One detected problem, following Backstage's kubernetes-common error detection rules
// (pods: readiness-probe-taking-too-long, container-waiting, containers-restarting; deployments:
// condition-message-present; HPAs: hpa-max-current-replicas) plus Gantry's own
// replicas-not-ready (ready < desired once the rollout is not progressing).
struct WorkloadProblem
{
    QString objectKind; // "Pod", "Deployment", "HorizontalPodAutoscaler"
    QString objectName;
    QString type;        // the rule's id, e.g. "container-waiting"
    int severity = 0;    // Backstage's: 4 pods, 6 deployments, 8 HPAs; replicas-not-ready 5
    QString reason;      // CrashLoopBackOff, ImagePullBackOff, OOMKilled, Error, ProgressDeadlineExceeded ...
    QString container;   // for pod rules
    int exitCode = -1;   // lastState.terminated.exitCode when known
    int occurrences = 1; // containers-restarting: the restart count
    QString message;     // translated, for one object
    QString proposedFix; // translated
};

std::vector<WorkloadProblem> detectPodProblems(const QJsonObject &pod, const QDateTime &now);
std::vector<WorkloadProblem> detectDeploymentProblems(const QJsonObject &deployment);
std::vector<WorkloadProblem> detectHpaProblems(const QJsonObject &hpa);
// Every rule over every object.
std::vector<WorkloadProblem> detectProblems(const QList<QJsonObject> &deployments, const QList<QJsonObject> &pods,
                                            const QList<QJsonObject> &hpas, const QDateTime &now);

// The problems in words, grouped: "2 pods in CrashLoopBackOff: exit code 1, 14 restarts",
// "1 pod in ImagePullBackOff: Back-off pulling image \"x\"", "deployment orders: 1 of 3 replicas
// ready", "deployment orders exceeded its progress deadline". Translated; most severe first.
QStringList summarizeProblems(const std::vector<WorkloadProblem> &problems);

} // namespace Gantry::Kube
