#pragma once

#include "app/kubesim/controllercontext.h"

#include <QHash>
#include <QMultiMap>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

namespace Gantry::KubeSim {

class Churn;
class DeploymentController;
class EventRecorder;
class PodLifecycle;
class ReplicaSetController;
struct Change;
struct Scenario;

// Makes the simulated cluster behave: seeds the store from a scenario, then runs the Deployment
// and ReplicaSet controllers, the scheduler/kubelet and the event recorder. It follows the store's
// changed() signal, so writes made through the API (set image, scale, rollout undo, restart,
// create, delete) are acted on; work is coalesced with a zero timer and timed steps (readiness,
// back-off, progress deadlines) wake it through one timer.
class Controller final : public QObject
{
    Q_OBJECT
public:
    explicit Controller(Store *store, QObject *parent = nullptr);
    ~Controller() override;

    // Creates the scenario's namespaces, nodes, Deployments (with their history as older
    // ReplicaSets), Services, HPAs and bare pods, then starts reconciling and churning.
    void start(const Scenario &scenario);

    // The time scale from the scenario (set before start() to override it, like --time-scale).
    void setTimeScale(double scale);
    double timeScale() const { return m_context.timeScale; }
    void setEventTimeToLiveSeconds(qint64 seconds);

    // Runs every pending reconcile now (tests and seeding); returns when nothing is dirty.
    void settle();

private:
    enum class Kind { Pod, ReplicaSet, Deployment };

    void onChanged(const Change &change);
    void markDirty(Kind kind, const QString &key);
    void schedulePass();
    void runPass();
    void wakeAt(qint64 when, Kind kind, const QString &key);
    void onWakeTimer();
    void armWakeTimer();

    ControllerContext m_context;
    std::unique_ptr<EventRecorder> m_events;
    std::unique_ptr<PodLifecycle> m_pods;
    std::unique_ptr<ReplicaSetController> m_replicaSets;
    std::unique_ptr<DeploymentController> m_deployments;
    Churn *m_churn = nullptr;
    bool m_timeScaleOverridden = false;
    bool m_ignoreChanges = false;

    QSet<QString> m_dirtyPods; // "namespace/name"
    QSet<QString> m_dirtyReplicaSets;
    QSet<QString> m_dirtyDeployments;
    QMultiMap<qint64, QPair<Kind, QString>> m_wakeups;
    QHash<QString, qint64> m_wakeFor; // kind + key -> the wake-up already queued
    QTimer m_passTimer;
    QTimer m_wakeTimer;
    QTimer m_expireTimer;
};

} // namespace Gantry::KubeSim
