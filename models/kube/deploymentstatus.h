#pragma once

#include "models/kube/deploymentinfo.h"
#include "models/kube/workloadselector.h"
#include "models/workspace/workspace.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QTimer;

namespace Gantry::Kube {

class Informer;
class KubeClient;
class PodTableModel;
class EventTableModel;

// Live deployment status of one catalog entity in every environment of the workspace: per
// environment, informers (list + watch) on Deployments, ReplicaSets, Pods, Events and HPAs of the
// environment's namespace with the entity's label selector, digested into an EnvironmentStatus.
// Changes are coalesced: `changed(environment)` fires at most every ~150 ms per environment.
// Cluster errors (unreachable, 401, 403, TLS...) are kept alongside the last good data.
//
// The kubeconfig is the workspace's `kubeconfig` (else $KUBECONFIG / ~/.kube/config); each
// environment names its context. One KubeClient per context, owned here and shared with actions.
class DeploymentStatusService final : public QObject
{
    Q_OBJECT
public:
    DeploymentStatusService(const Workspace::Workspace &workspace, WorkloadSelector selector,
                            QObject *parent = nullptr);
    ~DeploymentStatusService() override;

    const WorkloadSelector &selector() const { return m_selector; }
    // Environment names in gantry.yaml order.
    QStringList environments() const;

    // Starts listing and watching (idempotent). Without start() nothing is fetched.
    void start();
    void stop();
    // Retry now in every environment in error (a Retry button).
    void retry();
    // Coalescing interval for `changed` (default 150 ms; tests/benchmarks may change it).
    void setCoalesceInterval(int milliseconds);

    // A snapshot of one environment (copy; cheap enough for a panel refresh).
    EnvironmentStatus status(const QString &environment) const;
    std::vector<EnvironmentStatus> statuses() const;
    // Every environment has answered (successfully or with an error) at least once.
    bool isSettled() const;

    // Drift: the environments do not all run the same images. Describes it in words
    // ("staging runs orders:1.5.0, production runs orders:1.4.2"); empty when in step.
    bool hasDrift() const;
    QString driftDescription() const;

    // The client for an environment's context (nullptr when the kubeconfig or context is bad; the
    // error is then in status(environment).error). Shared with DeployOperation.
    KubeClient *client(const QString &environment) const;
    QString nameSpace(const QString &environment) const;

    // Table models for the panel; owned by the service, updated on every `changed`.
    PodTableModel *podModel(const QString &environment) const;
    EventTableModel *eventModel(const QString &environment) const;

Q_SIGNALS:
    void changed(const QString &environment);
    // The error of an environment was set or cleared (also reflected in status()).
    void errorChanged(const QString &environment);

private:
    struct Env;
    void setUp(const Workspace::Workspace &workspace);
    void scheduleRebuild(Env *env);
    void rebuild(Env *env);

    WorkloadSelector m_selector;
    std::vector<std::unique_ptr<Env>> m_envs;
    int m_coalesceMs = 150;
    bool m_started = false;
};

} // namespace Gantry::Kube
