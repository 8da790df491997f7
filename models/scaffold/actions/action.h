#pragma once

#include "models/catalog/catalog.h"
#include "models/scaffold/scaffoldtypes.h"
#include "models/scaffold/stagingdeployer.h"
#include "models/scaffold/template.h"
#include "models/workspace/workspace.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>

namespace Gantry::Scaffold {

// Everything one step's action may use. Actions work on the in-memory FileSet; only publish,
// register and deploy touch anything outside the process, and none runs a shell command.
struct ActionContext
{
    const Template *tmpl = nullptr;
    const Workspace::Workspace *workspace = nullptr;
    Catalog::CatalogPtr catalog;
    QString stepId;
    QString action;
    QJsonObject input;   // rendered
    QJsonObject context; // {parameters, steps, each?, user}: for actions that render files
    FileSet *files = nullptr;
    QJsonObject output; // filled by the action
    RunOptions options;
    const std::atomic_bool *cancel = nullptr;
    StagingDeployer *deployer = nullptr;
    std::function<void(const QString &)> log;
    // Things that now exist outside the process (for the failure report), appended by actions.
    QStringList *existing = nullptr;

    bool cancelled() const { return cancel && cancel->load(); }
    void say(const QString &line) const
    {
        if (log) {
            log(line);
        }
    }
};

// The registry of actions: runs `ctx.action`. Returns false with *error (translated, saying what to
// do) on failure.
class Action final
{
public:
    static bool run(ActionContext &ctx, QString *error);
    // Whether the action changes something outside the process (publish, register, deploy).
    static bool hasSideEffects(const QString &action);
};

} // namespace Gantry::Scaffold
