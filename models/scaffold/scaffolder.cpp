#include "models/scaffold/scaffolder.h"

#include "models/scaffold/actions/action.h"
#include "models/scaffold/expression.h"
#include "models/scaffold/formvalidator.h"
#include "models/sources/gitpublisher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

Q_LOGGING_CATEGORY(lcScaffolder, "gantry.scaffold.scaffolder")

namespace Gantry::Scaffold {

namespace {

// Values shown in logs: passwords and fields hidden on review are masked.
QJsonObject maskedValues(const Template &tmpl, const QJsonObject &values)
{
    QJsonObject masked = values;
    for (const FormField *f : tmpl.form.allFields()) {
        if (f->hiddenOnReview && masked.contains(f->key)) {
            masked.insert(f->key, QStringLiteral("********"));
        }
    }
    return masked;
}

QJsonObject userContext()
{
    const Sources::GitPublisher::Identity who = Sources::GitPublisher::identity();
    QJsonObject profile{{QStringLiteral("displayName"), who.name}, {QStringLiteral("email"), who.email}};
    QJsonObject entity{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), who.name}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("profile"), profile}}}};
    return QJsonObject{{QStringLiteral("entity"), entity}, {QStringLiteral("ref"), QString()}};
}

void readOutputs(const QJsonValue &output, RunResult *result)
{
    const QJsonObject o = output.toObject();
    for (const QJsonValue &v : o.value(QStringLiteral("links")).toArray()) {
        const QJsonObject l = v.toObject();
        if (l.contains(QStringLiteral("if")) && !Expression::isTruthy(l.value(QStringLiteral("if")))) {
            continue;
        }
        OutputLink link{l.value(QStringLiteral("title")).toString(), l.value(QStringLiteral("icon")).toString(),
                        l.value(QStringLiteral("url")).toString(), l.value(QStringLiteral("entityRef")).toString()};
        if (!link.url.isEmpty() || !link.entityRef.isEmpty()) {
            result->links.push_back(link);
        }
    }
    for (const QJsonValue &v : o.value(QStringLiteral("text")).toArray()) {
        const QJsonObject t = v.toObject();
        if (t.contains(QStringLiteral("if")) && !Expression::isTruthy(t.value(QStringLiteral("if")))) {
            continue;
        }
        result->texts.push_back(
            {t.value(QStringLiteral("title")).toString(), Expression::toText(t.value(QStringLiteral("content")))});
    }
}

} // namespace

Scaffolder::Scaffolder(QObject *parent)
    : QObject(parent)
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
    qRegisterMetaType<Gantry::Scaffold::RunResult>();
    qRegisterMetaType<Gantry::Scaffold::StepReport>();
}

Scaffolder::~Scaffolder()
{
    m_cancel->store(true);
    m_job.waitForFinished();
}

RunResult Scaffolder::run(const TemplatePtr &tmpl, const QJsonObject &inputValues,
                          const Workspace::Workspace &workspace, const Catalog::CatalogPtr &catalog,
                          const RunOptions &options, const Callbacks &callbacks, const std::atomic_bool *cancel,
                          const RunState &state, StagingDeployer *deployer)
{
    QElapsedTimer timer;
    timer.start();
    RunResult result;
    result.dryRun = options.dryRun;
    result.state = state;
    const bool resuming = !state.isEmpty();
    auto log = [&](const QString &line) {
        if (callbacks.log) {
            callbacks.log(line);
        }
    };
    auto finish = [&](RunResult &r) -> RunResult {
        r.elapsedMs = timer.elapsed();
        return r;
    };
    if (!tmpl) {
        result.error = tr("no template");
        return finish(result);
    }
    result.state.templateRef = tmpl->ref;
    if (!tmpl->isUsable()) {
        QStringList lines;
        for (const Catalog::Problem &p : tmpl->problems) {
            if (p.isError()) {
                lines << p.toCompilerString();
            }
        }
        result.error = tr("the template %1 cannot run:\n%2").arg(tmpl->name, lines.join(QLatin1Char('\n')));
        return finish(result);
    }

    // Defaults, then what was given. Resuming reuses the values of the first attempt.
    QJsonObject values = tmpl->form.defaults();
    const QJsonObject given = resuming ? state.values : inputValues;
    for (auto it = given.begin(); it != given.end(); ++it) {
        values.insert(it.key(), it.value());
    }
    // A resumed run has registered its own name: do not refuse it as "taken".
    const auto errors = FormValidator::validateAll(tmpl->form, values, resuming ? nullptr : catalog.get());
    if (!errors.isEmpty()) {
        QStringList lines;
        for (auto it = errors.begin(); it != errors.end(); ++it) {
            lines << it.value();
        }
        lines.sort();
        result.error = tr("the values are not valid:\n%1").arg(lines.join(QLatin1Char('\n')));
        return finish(result);
    }
    result.state.values = values;
    // What would fail after the push is checked before anything is written.
    QStringList preflight;
    for (const TemplateStep &step : tmpl->steps) {
        const QJsonObject input = step.input.toObject();
        if (step.action.startsWith(QLatin1String("publish:")) && workspace.gitRemotePattern.isEmpty()) {
            preflight << tr("the workspace has no git.remotePattern in %1, so step \"%2\" cannot publish; add one "
                            "(e.g. git@github.com:acme/{name}.git)")
                             .arg(workspace.filePath, step.displayName());
        }
        if (step.action == QLatin1String("catalog:register") &&
            std::none_of(workspace.locations.begin(), workspace.locations.end(),
                         [](const Workspace::CatalogLocation &l) { return l.isGit(); })) {
            preflight << tr("the workspace's catalog is not in a Git repository, so step \"%1\" cannot register the "
                            "new service; add a Git location to %2")
                             .arg(step.displayName(), workspace.filePath);
        }
        if (step.action == QLatin1String("gantry:deploy") && options.deploy) {
            QString environment = input.value(QStringLiteral("environment")).toString();
            if (environment.isEmpty()) {
                environment = QStringLiteral("staging");
            }
            if (!Expression::containsExpression(environment) &&
                std::none_of(workspace.environments.begin(), workspace.environments.end(),
                             [&](const Workspace::Environment &e) { return e.name == environment; })) {
                preflight << tr("the workspace has no environment \"%1\" for step \"%2\"; add it to %3 or run "
                                "without the deploy step (--no-deploy)")
                                 .arg(environment, step.displayName(), workspace.filePath);
            } else if (!options.dryRun && workspace.kubeconfig.isEmpty()) {
                preflight << tr("the workspace has no kubeconfig for step \"%1\"; add one to %2 or run without the "
                                "deploy step (--no-deploy)")
                                 .arg(step.displayName(), workspace.filePath);
            }
        }
    }
    if (!preflight.isEmpty()) {
        result.error = preflight.join(QLatin1Char('\n')) + QLatin1Char('\n') + tr("Nothing was created.");
        log(result.error);
        return finish(result);
    }
    log(tr("%1 %2 with %3")
            .arg(options.dryRun ? tr("Dry run of") : (resuming ? tr("Resuming") : tr("Running")), tmpl->ref,
                 QString::fromUtf8(QJsonDocument(maskedValues(*tmpl, values)).toJson(QJsonDocument::Compact))));

    QJsonObject context;
    context.insert(QStringLiteral("parameters"), values);
    context.insert(QStringLiteral("user"), userContext());
    QJsonObject stepsContext;

    for (const TemplateStep &step : tmpl->steps) {
        StepReport report;
        report.id = step.id;
        report.name = step.displayName();
        report.action = step.action;
        result.steps.push_back(report);
    }
    auto report = [&](int i, StepStatus status, const QString &message, qint64 elapsed) {
        StepReport &r = result.steps[size_t(i)];
        r.status = status;
        r.message = message;
        r.elapsedMs = elapsed;
        if (callbacks.stepChanged) {
            callbacks.stepChanged(i, r);
        }
    };
    FileSet files;
    QStringList existing = state.existing;
    bool sideEffects = !state.completedSteps.isEmpty();

    for (int i = 0; i < int(tmpl->steps.size()); ++i) {
        const TemplateStep &step = tmpl->steps[size_t(i)];
        QElapsedTimer stepTimer;
        stepTimer.start();
        auto fail = [&](const QString &message) {
            report(i, StepStatus::Failed, message, stepTimer.elapsed());
            result.error = tr("step \"%1\" failed: %2").arg(step.displayName(), message);
            result.failedStep = step.id;
            result.cancelled = cancel && cancel->load();
            result.state.existing = existing;
            result.resumable = sideEffects && !options.dryRun;
            if (result.resumable) {
                result.error += QLatin1Char('\n') + tr("What exists now:\n  %1\nResume to continue from this step.")
                                                        .arg(existing.join(QStringLiteral("\n  ")));
            } else if (!options.dryRun) {
                result.error += QLatin1Char('\n') + tr("Nothing was created.");
            }
            log(result.error);
        };
        if (cancel && cancel->load()) {
            result.cancelled = true;
            fail(tr("cancelled"));
            return finish(result);
        }
        if (!options.failBeforeStep.isEmpty() && options.failBeforeStep == step.id) {
            fail(tr("stopped on purpose before this step (test hook)"));
            return finish(result);
        }
        report(i, StepStatus::Running, QString(), 0);
        const bool effectful = Action::hasSideEffects(step.action);
        if (effectful && state.completedSteps.contains(step.id)) {
            const QJsonObject output = state.stepOutputs.value(step.id).toObject();
            stepsContext.insert(step.id, QJsonObject{{QStringLiteral("output"), output}});
            context.insert(QStringLiteral("steps"), stepsContext);
            report(i, StepStatus::Done, tr("done in an earlier attempt"), 0);
            continue;
        }
        if (step.action == QLatin1String("gantry:deploy") && !options.deploy) {
            report(i, StepStatus::Skipped, tr("skipped (--no-deploy)"), 0);
            continue;
        }
        QString error;
        if (!step.ifExpression.isEmpty()) {
            const QJsonValue condition = Expression::renderString(step.ifExpression, context, &error);
            if (!error.isEmpty()) {
                fail(tr("in \"if\": %1").arg(error));
                return finish(result);
            }
            if (!Expression::isTruthy(condition)) {
                report(i, StepStatus::Skipped, tr("skipped (the condition is false)"), 0);
                continue;
            }
        }
        QJsonArray items;
        bool eachIsObject = false;
        const bool loops = !step.each.isUndefined() && !step.each.isNull();
        if (loops) {
            const QJsonValue each = Expression::renderValue(step.each, context, &error);
            if (!error.isEmpty()) {
                fail(tr("in \"each\": %1").arg(error));
                return finish(result);
            }
            if (each.isArray()) {
                items = each.toArray();
            } else if (each.isObject()) {
                eachIsObject = true;
                const QJsonObject o = each.toObject();
                for (auto it = o.begin(); it != o.end(); ++it) {
                    items.append(QJsonObject{{QStringLiteral("key"), it.key()}, {QStringLiteral("value"), it.value()}});
                }
            } else {
                fail(tr("\"each\" must give a list or an object"));
                return finish(result);
            }
        } else {
            items.append(QJsonValue(QJsonValue::Undefined));
        }
        QJsonArray outputs;
        QJsonObject lastOutput;
        for (qsizetype n = 0; n < items.size(); ++n) {
            QJsonObject itemContext = context;
            if (loops) {
                const QJsonValue item = items.at(n);
                itemContext.insert(QStringLiteral("each"),
                                   eachIsObject ? item
                                                : QJsonValue(QJsonObject{{QStringLiteral("key"), double(n)},
                                                                         {QStringLiteral("value"), item}}));
            }
            const QJsonValue input = Expression::renderValue(step.input, itemContext, &error);
            if (!error.isEmpty()) {
                fail(tr("in its input: %1").arg(error));
                return finish(result);
            }
            ActionContext ctx;
            ctx.tmpl = tmpl.get();
            ctx.workspace = &workspace;
            ctx.catalog = catalog;
            ctx.stepId = step.id;
            ctx.action = step.action;
            ctx.input = input.toObject();
            ctx.context = itemContext;
            ctx.files = &files;
            ctx.options = options;
            ctx.cancel = cancel;
            ctx.deployer = deployer;
            ctx.log = [&log, &step](const QString &line) { log(QStringLiteral("[%1] %2").arg(step.id, line)); };
            ctx.existing = &existing;
            if (!Action::run(ctx, &error)) {
                fail(error);
                return finish(result);
            }
            outputs.append(ctx.output);
            lastOutput = ctx.output;
        }
        const QJsonObject output = loops ? QJsonObject{{QStringLiteral("results"), outputs}} : lastOutput;
        stepsContext.insert(step.id, QJsonObject{{QStringLiteral("output"), loops ? QJsonValue(outputs) : output}});
        context.insert(QStringLiteral("steps"), stepsContext);
        if (effectful && !options.dryRun) {
            sideEffects = true;
            result.state.completedSteps << step.id;
            result.state.stepOutputs.insert(step.id, output);
            if (step.action == QLatin1String("gantry:deploy")) {
                result.state.deployed = true;
            }
        }
        // Well-known outputs.
        if (step.action.startsWith(QLatin1String("publish:"))) {
            result.remoteUrl = output.value(QStringLiteral("remoteUrl")).toString();
            result.repoContentsUrl = output.value(QStringLiteral("repoContentsUrl")).toString();
        } else if (step.action == QLatin1String("catalog:register")) {
            result.entityRef = output.value(QStringLiteral("entityRef")).toString();
            result.registeredAfterMs = timer.elapsed();
        } else if (step.action == QLatin1String("gantry:deploy")) {
            result.deployedEnvironment = output.value(QStringLiteral("environment")).toString();
            result.deployedAfterMs = timer.elapsed();
        }
        report(i, StepStatus::Done, QString(), stepTimer.elapsed());
    }
    // Outputs of steps done in an earlier attempt.
    for (const QString &id : state.completedSteps) {
        const QJsonObject output = state.stepOutputs.value(id).toObject();
        if (result.remoteUrl.isEmpty() && output.contains(QStringLiteral("remoteUrl"))) {
            result.remoteUrl = output.value(QStringLiteral("remoteUrl")).toString();
            result.repoContentsUrl = output.value(QStringLiteral("repoContentsUrl")).toString();
        }
        if (result.entityRef.isEmpty() && output.contains(QStringLiteral("entityRef"))) {
            result.entityRef = output.value(QStringLiteral("entityRef")).toString();
        }
    }
    result.catalogInfoPath = QStringLiteral("catalog-info.yaml");
    QString error;
    const QJsonValue output = Expression::renderValue(tmpl->output, context, &error);
    if (error.isEmpty()) {
        readOutputs(output, &result);
    } else {
        log(tr("warning: the template's output could not be rendered: %1").arg(error));
    }
    result.files = std::move(files);
    result.state.existing = existing;
    result.ok = true;
    log(options.dryRun ? tr("Dry run finished: %1 file(s) would be created").arg(result.files.size())
                       : tr("Finished in %1 ms").arg(timer.elapsed()));
    return finish(result);
}

RunResult Scaffolder::dryRun(const TemplatePtr &tmpl, const QJsonObject &values, const Workspace::Workspace &workspace,
                             const Catalog::CatalogPtr &catalog)
{
    RunOptions options;
    options.dryRun = true;
    return run(tmpl, values, workspace, catalog, options);
}

void Scaffolder::start(const TemplatePtr &tmpl, const QJsonObject &values, const Workspace::Workspace &workspace,
                       const Catalog::CatalogPtr &catalog, const RunOptions &options)
{
    launch(tmpl, values, workspace, catalog, options, {});
}

void Scaffolder::resume(const TemplatePtr &tmpl, const RunState &state, const Workspace::Workspace &workspace,
                        const Catalog::CatalogPtr &catalog, const RunOptions &options)
{
    launch(tmpl, state.values, workspace, catalog, options, state);
}

void Scaffolder::cancel()
{
    m_cancel->store(true);
}

void Scaffolder::setRunning(bool running)
{
    if (m_running != running) {
        m_running = running;
        Q_EMIT runningChanged(running);
    }
}

void Scaffolder::launch(const TemplatePtr &tmpl, const QJsonObject &values, const Workspace::Workspace &workspace,
                        const Catalog::CatalogPtr &catalog, const RunOptions &options, const RunState &state)
{
    if (m_running) {
        qCWarning(lcScaffolder) << "a run is already in progress";
        return;
    }
    m_cancel = std::make_shared<std::atomic_bool>(false);
    setRunning(true);
    Q_EMIT started(tmpl ? int(tmpl->steps.size()) : 0);
    const QPointer<Scaffolder> self(this);
    const auto cancel = m_cancel;
    const StagingDeployerFactory factory = m_deployerFactory;
    m_job = QtConcurrent::run([self, tmpl, values, workspace, catalog, options, state, cancel, factory] {
        Callbacks callbacks;
        callbacks.stepChanged = [self](int index, const StepReport &step) {
            QMetaObject::invokeMethod(
                self,
                [self, index, step] {
                    if (self) {
                        Q_EMIT self->stepChanged(index, step);
                    }
                },
                Qt::QueuedConnection);
        };
        callbacks.log = [self](const QString &line) {
            QMetaObject::invokeMethod(
                self,
                [self, line] {
                    if (self) {
                        Q_EMIT self->logMessage(line);
                    }
                },
                Qt::QueuedConnection);
        };
        std::unique_ptr<StagingDeployer> deployer = factory ? factory() : defaultStagingDeployer();
        const RunResult result =
            run(tmpl, values, workspace, catalog, options, callbacks, cancel.get(), state, deployer.get());
        QMetaObject::invokeMethod(
            self,
            [self, result] {
                if (self) {
                    self->setRunning(false);
                    Q_EMIT self->finished(result);
                }
            },
            Qt::QueuedConnection);
    });
}

} // namespace Gantry::Scaffold
