#pragma once

#include "models/catalog/catalog.h"
#include "models/scaffold/scaffoldtypes.h"
#include "models/scaffold/stagingdeployer.h"
#include "models/scaffold/template.h"
#include "models/workspace/workspace.h"

#include <QFuture>
#include <QJsonObject>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

namespace Gantry::Scaffold {

// Runs a template, all or nothing: renders every file in memory, checks them (the new
// catalog-info.yaml passes the catalog validator, every YAML file parses, no path leaves the
// repository), then publishes (git init, commit, push to the workspace's Git host), registers
// (a Location entry committed to the catalog repository and pushed) and deploys to staging.
// A failure before the push leaves nothing behind; after it, RunResult::state says what exists and
// resume() continues from there. No step ever runs a shell command.
//
// The same code serves the wizard (start()/signals, on the thread pool) and the command line
// (run(), blocking).
class Scaffolder final : public QObject
{
    Q_OBJECT
public:
    explicit Scaffolder(QObject *parent = nullptr);
    ~Scaffolder() override;

    // Callbacks of a blocking run; may be called from a worker thread.
    struct Callbacks
    {
        std::function<void(int index, const StepReport &step)> stepChanged;
        std::function<void(const QString &line)> log;
    };

    // Blocking. `state` non-empty resumes: steps in state.completedSteps are not run again and
    // their outputs are reused. Values are validated against the template's form first.
    static RunResult run(const TemplatePtr &tmpl, const QJsonObject &values, const Workspace::Workspace &workspace,
                         const Catalog::CatalogPtr &catalog, const RunOptions &options, const Callbacks &callbacks = {},
                         const std::atomic_bool *cancel = nullptr, const RunState &state = {},
                         StagingDeployer *deployer = nullptr);

    // Dry run, blocking and quick (the wizard's review page): the files that would be created.
    static RunResult dryRun(const TemplatePtr &tmpl, const QJsonObject &values, const Workspace::Workspace &workspace,
                            const Catalog::CatalogPtr &catalog);

    // Asynchronous run on the thread pool; signals arrive on this object's thread.
    void start(const TemplatePtr &tmpl, const QJsonObject &values, const Workspace::Workspace &workspace,
               const Catalog::CatalogPtr &catalog, const RunOptions &options = {});
    // Continues a run that failed after its push (RunResult::resumable), with the same values.
    void resume(const TemplatePtr &tmpl, const RunState &state, const Workspace::Workspace &workspace,
                const Catalog::CatalogPtr &catalog, const RunOptions &options = {});
    // Stops at the next safe point (between steps, or during a fetch/push); a run cancelled
    // before the push leaves nothing behind.
    void cancel();
    bool isRunning() const { return m_running; }

    // Replaces the staging deployer (tests; the default wraps the Kubernetes client).
    void setDeployerFactory(StagingDeployerFactory factory) { m_deployerFactory = std::move(factory); }

Q_SIGNALS:
    void started(int stepCount);
    // A step started, finished, was skipped or failed (StepReport::status says which).
    void stepChanged(int index, const Gantry::Scaffold::StepReport &step);
    void logMessage(const QString &line);
    void finished(const Gantry::Scaffold::RunResult &result);
    void runningChanged(bool running);

private:
    void launch(const TemplatePtr &tmpl, const QJsonObject &values, const Workspace::Workspace &workspace,
                const Catalog::CatalogPtr &catalog, const RunOptions &options, const RunState &state);
    void setRunning(bool running);

    std::shared_ptr<std::atomic_bool> m_cancel;
    StagingDeployerFactory m_deployerFactory;
    QFuture<void> m_job;
    bool m_running = false;
};

} // namespace Gantry::Scaffold

Q_DECLARE_METATYPE(Gantry::Scaffold::StepReport)
