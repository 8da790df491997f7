#pragma once

#include "models/workspace/workspace.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace Gantry::Scaffold {

// Plain data shared by the scaffolder, its actions, the wizard and the command line.

// One file the run creates, relative to the new repository's root ("src/main.go").
struct RenderedFile
{
    QString path;
    QByteArray contents;
    bool executable = false;
    // Not UTF-8 text (or holds NUL bytes): show it as binary, never highlight it.
    bool isBinary() const;
};

// The files a run produces, by relative path (sorted, so dry runs list them in a stable order).
using FileSet = std::map<QString, RenderedFile>;

// A link or text shown at the end (spec.output), rendered.
struct OutputLink
{
    QString title;
    QString icon;
    QString url;       // or:
    QString entityRef; // a catalog entity to open
};
struct OutputText
{
    QString title;
    QString content; // Markdown
};

enum class StepStatus { Pending, Running, Done, Skipped, Failed };

struct StepReport
{
    QString id;
    QString name;
    QString action;
    StepStatus status = StepStatus::Pending;
    QString message; // the failure, or a one-line summary
    qint64 elapsedMs = 0;
};

// What exists after a run stopped, and enough to continue it: values, and the outputs of the
// steps that completed (publish/register are never done twice). Serializable to JSON so the
// wizard (and `gantry create-service --resume FILE`) can offer "Resume".
struct RunState
{
    QString templateRef;
    QJsonObject values;
    QStringList completedSteps; // step ids that finished (their side effects exist)
    QJsonObject stepOutputs;    // {stepId: {outputKey: value}}
    QStringList existing;       // human-readable: "repository file:///…/foo.git (pushed)", ...
    bool deployed = false;

    QJsonObject toJson() const;
    static RunState fromJson(const QJsonObject &object);
    bool isEmpty() const { return completedSteps.isEmpty(); }
};

struct RunResult
{
    bool ok = false;
    bool cancelled = false;
    bool dryRun = false;
    QString error;      // what failed and what to do
    QString failedStep; // step id
    // After a failure past the push: what exists (also in state.existing) and how to resume.
    bool resumable = false;
    RunState state;
    std::vector<StepReport> steps;
    FileSet files; // everything rendered (dry run: what would be created)
    // Well-known outputs, also in state.stepOutputs:
    QString remoteUrl;           // the pushed repository (clone URL)
    QString repoContentsUrl;     // browseable contents URL
    QString entityRef;           // the registered entity ("component:default/foo")
    QString catalogInfoPath;     // "catalog-info.yaml" inside the repository
    QString deployedEnvironment; // "staging" when the staging deploy step ran
    std::vector<OutputLink> links;
    std::vector<OutputText> texts;
    qint64 elapsedMs = 0;
    qint64 registeredAfterMs = -1; // from start to the catalog registration pushed
    qint64 deployedAfterMs = -1;   // from start to the staging apply accepted
};

// Options of one run.
struct RunOptions
{
    bool dryRun = false; // render and check only: nothing is written anywhere
    bool deploy = true;  // run the staging deploy step (`--no-deploy` turns it off)
    // Test hook: fail on purpose right before this step id runs (e.g. "publish"), to prove the
    // all-or-nothing behaviour. Never set by the UI.
    QString failBeforeStep;
};

} // namespace Gantry::Scaffold

Q_DECLARE_METATYPE(Gantry::Scaffold::RunResult)
