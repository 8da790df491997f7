#pragma once

#include "models/kube/kubeerror.h"
#include "models/kube/rolloutstatus.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

class QTimer;

namespace Gantry::Kube {

class DeployLedger;
class Informer;
class KubeClient;

// What an action is about to do (for the confirmation dialog) — filled by prepare().
struct DeployPlan
{
    QString action; // promote, rollback, restart, scale
    QString service;
    QString environment;     // target
    QString fromEnvironment; // promote: source
    QString deployment;
    QString nameSpace;
    QString imageFrom;             // target's current first image
    QString imageTo;               // what it will run (promote: source's image; rollback: previous revision's)
    QStringList containerImagesTo; // "container=image" for every container that changes
    qint64 revisionFrom = 0;       // target's current revision
    qint64 revisionTo = 0;         // rollback: the revision rolled back to
    int replicasFrom = 0;
    int replicasTo = 0; // scale
    QString commit;     // promote: gantry.dev/source-commit of the source, if any
    QString changeCause;
    bool noChange = false; // already there (promote with equal images, rollback "skipped")
    QString noChangeReason;
};

struct DeployOutcome
{
    enum class Result { Succeeded, Failed, TimedOut };
    Result result = Result::Failed;
    QString message; // translated, for people
    KubeError error; // when a request failed
    qint64 rolloutMs = -1;
    RolloutStatus lastStatus;
    QString resultName() const; // "succeeded", "failed", "timed-out"
};

// One promote / rollback / restart / scale of one Deployment, recorded in the deploy ledger.
//   auto *op = new DeployOperation(request, parent);
//   connect(op, &DeployOperation::prepared, ...);  // show plan, ask
//   op->prepare();  ... op->execute();              // or op->start() = prepare + execute
// With `wait`, it follows the rollout with the kubectl rule until done, failed (progress deadline)
// or `timeoutMs`, emitting progress. Emits finished exactly once; deletes nothing by itself.
class DeployOperation final : public QObject
{
    Q_OBJECT
public:
    enum class Action { Promote, Rollback, Restart, Scale };

    struct Request
    {
        Action action = Action::Promote;
        QString service;     // for the ledger and the change-cause
        QString workspace;   // for the ledger
        QString environment; // target environment name
        KubeClient *client = nullptr;
        QString nameSpace;
        QString deployment; // Deployment name in the target
        // Promote: the source environment's Deployment.
        QString fromEnvironment;
        KubeClient *fromClient = nullptr;
        QString fromNamespace;
        QString fromDeployment; // empty: same name as `deployment`
        int replicas = -1;      // Scale
        bool wait = true;
        int timeoutMs = 10 * 60 * 1000;
        DeployLedger *ledger = nullptr; // not owned; nullptr: not recorded (tests only)
        QString actor;                  // empty: DeployLedger::currentActor()
    };

    explicit DeployOperation(Request request, QObject *parent = nullptr);
    ~DeployOperation() override;

    static QString actionName(Action action); // "promote", ...

    const Request &request() const { return m_request; }
    const DeployPlan &plan() const { return m_plan; }
    bool isPrepared() const { return m_prepared; }

    // Reads what is needed and emits prepared(plan) or finished(failed).
    void prepare();
    // Applies the change (prepare() must have succeeded); emits changed... progress, finished.
    void execute();
    // prepare() then execute() straight away.
    void start();
    // Stops waiting (the change stays applied); finishes as failed "cancelled".
    void cancel();

Q_SIGNALS:
    void prepared(const Gantry::Kube::DeployPlan &plan);
    // The change was accepted by the API server (before the rollout).
    void applied();
    // Rollout progress while waiting (kubectl rule).
    void progress(const Gantry::Kube::RolloutStatus &status);
    void finished(const Gantry::Kube::DeployOutcome &outcome);

private:
    void prepareTarget(const QJsonObject &source);
    void prepareRollback(const QJsonObject &target);
    void apply();
    void waitForRollout();
    void onRolloutChanged();
    void finish(DeployOutcome outcome);
    void fail(const KubeError &error);

    Request m_request;
    DeployPlan m_plan;
    QJsonObject m_target;
    QJsonObject m_rollbackTemplate;
    QJsonObject m_rollbackAnnotations;
    bool m_prepared = false;
    bool m_executeAfterPrepare = false;
    bool m_finished = false;
    qint64 m_ledgerId = 0;
    qint64 m_expectedGeneration = 0;
    QElapsedTimer m_clock;
    Informer *m_informer = nullptr;
    QTimer *m_timeout = nullptr;
    RolloutStatus m_last;
};

} // namespace Gantry::Kube

Q_DECLARE_METATYPE(Gantry::Kube::DeployOutcome)
Q_DECLARE_METATYPE(Gantry::Kube::DeployPlan)
Q_DECLARE_METATYPE(Gantry::Kube::RolloutStatus)
