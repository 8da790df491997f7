#include "app/gantry/deploycommands.h"

#include "app/gantry/commandline.h"
#include "models/catalog/catalogloader.h"
#include "models/kube/deployactions.h"
#include "models/kube/deployledger.h"
#include "models/kube/deploymentstatus.h"
#include "models/kube/kubeclient.h"
#include "models/kube/workloadselector.h"
#include "models/sources/sourcesync.h"
#include "models/workspace/workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>

namespace Gantry::App {

using namespace Gantry::Kube;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::App::Deploy", text);
}

// Go/kubectl durations: "30s", "5m", "1h30m", "500ms"; a bare number is seconds. -1 when invalid.
qint64 parseDuration(const QString &text)
{
    bool ok = false;
    const double plain = text.toDouble(&ok);
    if (ok) {
        return plain < 0 ? -1 : qint64(plain * 1000);
    }
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)(ms|s|m|h)"));
    qint64 total = 0;
    qsizetype position = 0;
    auto it = part.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() != position) {
            return -1;
        }
        position = m.capturedEnd();
        const double value = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        const double factor = unit == QLatin1String("ms")  ? 1
                              : unit == QLatin1String("s") ? 1000
                              : unit == QLatin1String("m") ? 60000
                                                           : 3600000;
        total += qint64(value * factor);
    }
    return (position == text.size() && !text.isEmpty()) ? total : -1;
}

struct Context
{
    Workspace::Workspace workspace;
    Catalog::CatalogPtr catalog;
};

std::optional<Context> loadWorkspace(const QString &workspacePath, bool offline, int *exitCode)
{
    const QString path = resolveWorkspacePath(workspacePath);
    if (path.isEmpty()) {
        *exitCode = usageError(tr("no workspace; pass --workspace DIR"), QString());
        return std::nullopt;
    }
    QString error;
    auto workspace = Workspace::Workspace::load(path, &error);
    if (!workspace) {
        *exitCode = failure(error);
        return std::nullopt;
    }
    if (workspace->environments.empty()) {
        *exitCode = failure(tr("%1: the workspace has no environments; add an environments: list with name, context "
                               "and namespace")
                                .arg(workspace->filePath));
        return std::nullopt;
    }
    Context context{*workspace, {}};
    if (!workspace->locations.empty()) {
        Sources::SourceSync sync(workspace->cacheDirectory());
        auto result = sync.sync(*workspace, offline);
        Catalog::CatalogLoader loader;
        loader.setMountResolver(sync.resolver(offline));
        context.catalog = loader.load(result.entries, nullptr, std::move(result.problems));
    }
    return context;
}

// SERVICE: a catalog component's name (its annotations say which workloads), else a kubernetes-id.
WorkloadSelector selectorFor(const Context &context, const QString &service)
{
    if (context.catalog) {
        if (const auto *entity = context.catalog->find(service)) {
            WorkloadSelector s = WorkloadSelector::fromEntity(*entity);
            if (!s.isEmpty()) {
                return s;
            }
        }
    }
    return WorkloadSelector::fromKubernetesId(service);
}

std::vector<WorkloadSelector> allServices(const Context &context)
{
    std::vector<WorkloadSelector> result;
    if (!context.catalog) {
        return result;
    }
    for (const auto &entity : context.catalog->entities()) {
        if (entity.kind.compare(QLatin1String("Component"), Qt::CaseInsensitive) != 0) {
            continue;
        }
        WorkloadSelector s = WorkloadSelector::fromEntity(entity);
        if (!s.isEmpty()) {
            result.push_back(s);
        }
    }
    std::sort(result.begin(), result.end(),
              [](const WorkloadSelector &a, const WorkloadSelector &b) { return a.service < b.service; });
    return result;
}

// Starts the services and waits until every environment answered (or the time is up).
void waitSettled(const std::vector<std::unique_ptr<DeploymentStatusService>> &services, int timeoutMs)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    auto check = [&] {
        for (const auto &s : services) {
            if (!s->isSettled()) {
                return;
            }
        }
        loop.quit();
    };
    for (const auto &s : services) {
        s->setCoalesceInterval(20);
        QObject::connect(s.get(), &DeploymentStatusService::changed, &loop, check);
        QObject::connect(s.get(), &DeploymentStatusService::errorChanged, &loop, check);
        s->start();
    }
    timeout.start(timeoutMs);
    QTimer::singleShot(0, &loop, check);
    loop.exec();
    for (const auto &s : services) {
        s->stop();
    }
}

QJsonObject errorJson(const KubeError &e)
{
    return QJsonObject{{QStringLiteral("kind"), e.kindName()},
                       {QStringLiteral("httpStatus"), e.httpStatus},
                       {QStringLiteral("message"), e.message}};
}

QJsonObject environmentJson(const EnvironmentStatus &s)
{
    QJsonArray deployments;
    for (const auto &d : s.deployments) {
        QJsonArray conditions;
        for (const auto &c : d.conditions) {
            conditions.append(QJsonObject{{QStringLiteral("type"), c.type},
                                          {QStringLiteral("status"), c.status},
                                          {QStringLiteral("reason"), c.reason},
                                          {QStringLiteral("message"), c.message}});
        }
        deployments.append(
            QJsonObject{{QStringLiteral("name"), d.name},
                        {QStringLiteral("image"), d.image()},
                        {QStringLiteral("images"), QJsonArray::fromStringList(d.images)},
                        {QStringLiteral("version"), d.version()},
                        {QStringLiteral("desired"), d.desired},
                        {QStringLiteral("updated"), d.updated},
                        {QStringLiteral("ready"), d.ready},
                        {QStringLiteral("available"), d.available},
                        {QStringLiteral("revision"), d.revision},
                        {QStringLiteral("changeCause"), d.changeCause},
                        {QStringLiteral("sourceCommit"), d.sourceCommit},
                        {QStringLiteral("conditions"), conditions},
                        {QStringLiteral("rollout"), QJsonObject{{QStringLiteral("state"), d.rollout.stateName()},
                                                                {QStringLiteral("message"), d.rollout.message},
                                                                {QStringLiteral("progress"), d.rollout.progress()}}}});
    }
    QJsonArray pods;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto &p : s.pods) {
        pods.append(QJsonObject{{QStringLiteral("name"), p.status.name},
                                {QStringLiteral("status"), p.status.status},
                                {QStringLiteral("ready"), p.status.readyText()},
                                {QStringLiteral("restarts"), p.status.restarts},
                                {QStringLiteral("node"), p.status.node},
                                {QStringLiteral("age"),
                                 p.status.created.isValid() ? humanDuration(p.status.created.secsTo(now)) : QString()},
                                {QStringLiteral("deployment"), p.deployment}});
    }
    QJsonObject o{{QStringLiteral("name"), s.environment},
                  {QStringLiteral("context"), s.context},
                  {QStringLiteral("namespace"), s.nameSpace},
                  {QStringLiteral("healthy"), s.isHealthy()},
                  {QStringLiteral("loaded"), s.loaded},
                  {QStringLiteral("error"), s.error.isError() ? QJsonValue(errorJson(s.error)) : QJsonValue()},
                  {QStringLiteral("deployments"), deployments},
                  {QStringLiteral("pods"), pods},
                  {QStringLiteral("problems"), QJsonArray::fromStringList(s.problemSummaries)}};
    return o;
}

QString pad(const QString &text, int width)
{
    return text.leftJustified(width);
}

int status(const QString &workspacePath, const QStringList &args)
{
    const QString usage = tr("usage: gantry status [SERVICE] [--env ENV] [--format table|json] [--offline]");
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption(QCommandLineOption(QStringLiteral("env"), tr("Only this environment."), QStringLiteral("ENV")));
    parser.addOption(QCommandLineOption(QStringLiteral("format"), tr("table or json."), QStringLiteral("FORMAT"),
                                        QStringLiteral("table")));
    parser.addOption(QCommandLineOption(QStringLiteral("offline"), tr("Do not fetch the catalog.")));
    if (!parser.parse(QStringList{QStringLiteral("gantry")} + args)) {
        return usageError(parser.errorText(), usage);
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("table") && format != QLatin1String("json")) {
        return usageError(tr("--format must be table or json"), usage);
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        return usageError(tr("at most one SERVICE"), usage);
    }
    int exitCode = ExitOk;
    auto context = loadWorkspace(workspacePath, parser.isSet(QStringLiteral("offline")), &exitCode);
    if (!context) {
        return exitCode;
    }
    const QString onlyEnv = parser.value(QStringLiteral("env"));
    if (!onlyEnv.isEmpty()) {
        bool known = false;
        QStringList names;
        for (const auto &e : context->workspace.environments) {
            known = known || e.name == onlyEnv;
            names << e.name;
        }
        if (!known) {
            return usageError(
                tr("no environment \"%1\" in the workspace (known: %2)").arg(onlyEnv, names.join(QStringLiteral(", "))),
                usage);
        }
    }
    std::vector<WorkloadSelector> selectors;
    if (positional.isEmpty()) {
        selectors = allServices(*context);
        if (selectors.empty()) {
            return failure(tr("no catalog component has a backstage.io/kubernetes-id or "
                              "backstage.io/kubernetes-label-selector annotation; name a SERVICE"));
        }
    } else {
        selectors.push_back(selectorFor(*context, positional.first()));
    }
    std::vector<std::unique_ptr<DeploymentStatusService>> services;
    for (const auto &s : selectors) {
        services.push_back(std::make_unique<DeploymentStatusService>(context->workspace, s));
    }
    waitSettled(services, 60000);

    bool healthy = true;
    QJsonArray items;
    QStringList rows;
    QStringList notes;
    const QStringList header{tr("SERVICE"),    tr("ENVIRONMENT"), tr("DEPLOYMENT"), tr("IMAGE"),  tr("READY"),
                             tr("UP-TO-DATE"), tr("AVAILABLE"),   tr("REVISION"),   tr("ROLLOUT")};
    std::vector<QStringList> table;
    for (const auto &service : services) {
        QJsonArray envs;
        bool anyWorkloads = false;
        for (const auto &s : service->statuses()) {
            if (!onlyEnv.isEmpty() && s.environment != onlyEnv) {
                continue;
            }
            envs.append(environmentJson(s));
            if (!s.isHealthy()) {
                healthy = false;
            }
            if (s.error.isError()) {
                table.push_back({service->selector().service, s.environment, QStringLiteral("-"), QStringLiteral("-"),
                                 QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-"),
                                 s.loaded ? tr("error (stale data)") : tr("error")});
                notes << QStringLiteral("%1/%2: %3").arg(service->selector().service, s.environment, s.error.message);
            }
            if (!s.loaded) {
                continue;
            }
            if (s.deployments.empty() && !s.error.isError()) {
                table.push_back({service->selector().service, s.environment, tr("<none>"), QStringLiteral("-"),
                                 QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-"),
                                 tr("no workloads")});
            }
            for (const auto &d : s.deployments) {
                anyWorkloads = true;
                table.push_back({service->selector().service, s.environment, d.name, d.image(),
                                 QStringLiteral("%1/%2").arg(d.ready).arg(d.desired), QString::number(d.updated),
                                 QString::number(d.available), QString::number(d.revision), d.rollout.stateName()});
                if (!d.rollout.isDone()) {
                    notes << QStringLiteral("%1/%2: %3")
                                 .arg(service->selector().service, s.environment, d.rollout.message);
                }
            }
            for (const auto &problem : s.problemSummaries) {
                notes << QStringLiteral("%1/%2: %3").arg(service->selector().service, s.environment, problem);
            }
        }
        Q_UNUSED(anyWorkloads);
        if (service->hasDrift() && onlyEnv.isEmpty()) {
            notes << tr("%1: drift: %2").arg(service->selector().service, service->driftDescription());
        }
        items.append(QJsonObject{{QStringLiteral("service"), service->selector().service},
                                 {QStringLiteral("labelSelector"), service->selector().labelSelector},
                                 {QStringLiteral("environments"), envs},
                                 {QStringLiteral("drift"), service->hasDrift()},
                                 {QStringLiteral("driftDescription"), service->driftDescription()}});
    }
    if (format == QLatin1String("json")) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("healthy"), healthy}})
                     .toJson(QJsonDocument::Indented);
    } else {
        QList<int> widths;
        for (const auto &h : header) {
            widths << int(h.size());
        }
        for (const auto &row : table) {
            for (int i = 0; i < row.size(); ++i) {
                widths[i] = std::max(widths[i], int(row[i].size()));
            }
        }
        auto line = [&](const QStringList &cells) {
            QString text;
            for (int i = 0; i < cells.size(); ++i) {
                text += i + 1 == cells.size() ? cells[i] : pad(cells[i], widths[i] + 2);
            }
            out() << text << '\n';
        };
        line(header);
        for (const auto &row : table) {
            line(row);
        }
        if (!notes.isEmpty()) {
            out() << '\n';
            for (const auto &n : notes) {
                out() << n << '\n';
            }
        }
    }
    out().flush();
    return healthy ? ExitOk : ExitFailure;
}

// Runs one operation to its end, printing its plan, progress and outcome.
bool runOperation(DeployOperation *op)
{
    QEventLoop loop;
    bool ok = false;
    QString lastMessage;
    QObject::connect(op, &DeployOperation::prepared, &loop, [](const DeployPlan &plan) {
        QString text;
        if (plan.action == QLatin1String("promote")) {
            text = tr("promote %1 %2→%3 (deployment %4): %5 → %6")
                       .arg(plan.service, plan.fromEnvironment, plan.environment, plan.deployment, plan.imageFrom,
                            plan.imageTo);
            if (!plan.commit.isEmpty()) {
                text += tr(" (commit %1)").arg(plan.commit);
            }
        } else if (plan.action == QLatin1String("restart")) {
            text = tr("restart %1 in %2 (deployment %3): %4")
                       .arg(plan.service, plan.environment, plan.deployment, plan.imageFrom);
        } else if (plan.action == QLatin1String("scale")) {
            text = tr("scale %1 in %2 (deployment %3): %4 → %5 replicas")
                       .arg(plan.service, plan.environment, plan.deployment)
                       .arg(plan.replicasFrom)
                       .arg(plan.replicasTo);
        } else {
            text = tr("rollback %1 in %2 (deployment %3): revision %4 → %5, %6 → %7")
                       .arg(plan.service, plan.environment, plan.deployment)
                       .arg(plan.revisionFrom)
                       .arg(plan.revisionTo)
                       .arg(plan.imageFrom, plan.imageTo);
        }
        out() << text << '\n';
        out().flush();
    });
    QObject::connect(op, &DeployOperation::progress, &loop, [&lastMessage](const RolloutStatus &s) {
        if (s.message != lastMessage) {
            lastMessage = s.message;
            out() << s.message << '\n';
            out().flush();
        }
    });
    QObject::connect(op, &DeployOperation::finished, &loop, [&](const DeployOutcome &outcome) {
        ok = outcome.result == DeployOutcome::Result::Succeeded;
        if (ok) {
            if (outcome.message != lastMessage) {
                out() << outcome.message << '\n';
            }
            out().flush();
        } else {
            err() << QStringLiteral("gantry: ") << outcome.message << '\n';
            err().flush();
        }
        loop.quit();
    });
    op->start();
    loop.exec();
    return ok;
}

struct DeployArgs
{
    QString service;
    QString from;
    QString to;
    bool wait = false;
    qint64 timeoutMs = 10 * 60 * 1000;
};

QString deployUsage(DeployOperation::Action action)
{
    switch (action) {
    case DeployOperation::Action::Promote:
        return tr("usage: gantry promote SERVICE [--from ENV] --to ENV [--wait] [--timeout DURATION] [--offline]");
    case DeployOperation::Action::Rollback:
        return tr("usage: gantry rollback SERVICE --env ENV [--wait] [--timeout DURATION] [--offline]");
    case DeployOperation::Action::Restart:
        return tr("usage: gantry restart SERVICE --env ENV [--wait] [--timeout DURATION] [--offline]");
    case DeployOperation::Action::Scale:
        return tr("usage: gantry scale SERVICE --env ENV --replicas N [--wait] [--timeout DURATION] [--offline]");
    }
    return {};
}

// promote, rollback, restart and scale: the same steps as the deploy panel's buttons.
int deployVerb(const QString &workspacePath, const QStringList &args, DeployOperation::Action action)
{
    const bool promote = action == DeployOperation::Action::Promote;
    const bool scale = action == DeployOperation::Action::Scale;
    const QString usage = deployUsage(action);
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (promote) {
        parser.addOption(QCommandLineOption(QStringLiteral("from"), tr("Source environment."), QStringLiteral("ENV")));
        parser.addOption(QCommandLineOption(QStringLiteral("to"), tr("Target environment."), QStringLiteral("ENV")));
    } else {
        parser.addOption(QCommandLineOption(QStringLiteral("env"), tr("Environment."), QStringLiteral("ENV")));
    }
    if (scale) {
        parser.addOption(QCommandLineOption(QStringLiteral("replicas"), tr("Desired replicas."), QStringLiteral("N")));
    }
    parser.addOption(QCommandLineOption(QStringLiteral("wait"), tr("Wait until rolled out.")));
    parser.addOption(QCommandLineOption(QStringLiteral("timeout"), tr("How long to wait (30s, 5m)."),
                                        QStringLiteral("DURATION"), QStringLiteral("10m")));
    parser.addOption(QCommandLineOption(QStringLiteral("offline"), tr("Do not fetch the catalog.")));
    if (!parser.parse(QStringList{QStringLiteral("gantry")} + args)) {
        return usageError(parser.errorText(), usage);
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(tr("name exactly one SERVICE"), usage);
    }
    DeployArgs a;
    a.service = parser.positionalArguments().first();
    a.wait = parser.isSet(QStringLiteral("wait"));
    a.timeoutMs = parseDuration(parser.value(QStringLiteral("timeout")));
    if (a.timeoutMs <= 0) {
        return usageError(tr("--timeout must be a duration such as 30s, 5m or 1h (got \"%1\")")
                              .arg(parser.value(QStringLiteral("timeout"))),
                          usage);
    }
    int replicas = -1;
    if (scale) {
        bool ok = false;
        replicas = parser.value(QStringLiteral("replicas")).toInt(&ok);
        if (!ok || replicas < 0) {
            return usageError(tr("--replicas N is required: a whole number, 0 or more"), usage);
        }
    }
    a.to = promote ? parser.value(QStringLiteral("to")) : parser.value(QStringLiteral("env"));
    if (a.to.isEmpty()) {
        return usageError(promote ? tr("--to ENV is required") : tr("--env ENV is required"), usage);
    }
    int exitCode = ExitOk;
    auto context = loadWorkspace(workspacePath, parser.isSet(QStringLiteral("offline")), &exitCode);
    if (!context) {
        return exitCode;
    }
    QStringList names;
    for (const auto &e : context->workspace.environments) {
        names << e.name;
    }
    if (promote) {
        a.from = parser.value(QStringLiteral("from"));
        if (a.from.isEmpty()) {
            const qsizetype i = names.indexOf(a.to);
            a.from = i > 0 ? names.at(i - 1) : QStringLiteral("staging");
        }
        if (a.from == a.to) {
            return usageError(tr("--from and --to name the same environment"), usage);
        }
    }
    for (const auto &env : promote ? QStringList{a.from, a.to} : QStringList{a.to}) {
        if (!names.contains(env)) {
            return usageError(
                tr("no environment \"%1\" in the workspace (known: %2)").arg(env, names.join(QStringLiteral(", "))),
                usage);
        }
    }

    const WorkloadSelector selector = selectorFor(*context, a.service);
    std::vector<std::unique_ptr<DeploymentStatusService>> services;
    services.push_back(std::make_unique<DeploymentStatusService>(context->workspace, selector));
    DeploymentStatusService &service = *services.front();
    waitSettled(services, 60000);
    const EnvironmentStatus target = service.status(a.to);
    const EnvironmentStatus source = promote ? service.status(a.from) : EnvironmentStatus();
    for (const EnvironmentStatus *s : promote ? std::vector<const EnvironmentStatus *>{&source, &target}
                                              : std::vector<const EnvironmentStatus *>{&target}) {
        if (s->error.isError()) {
            return failure(tr("%1: %2").arg(s->environment, s->error.message));
        }
        if (!s->loaded) {
            return failure(tr("%1: no answer from the cluster in time").arg(s->environment));
        }
        if (s->deployments.empty()) {
            return failure(tr("%1: no Deployment labelled %2 in namespace %3")
                               .arg(s->environment, selector.labelSelector, s->nameSpace));
        }
    }

    DeployLedger ledger;
    QString ledgerError;
    const bool ledgerOpen = ledger.open(&ledgerError);
    if (!ledgerOpen) {
        err() << QStringLiteral("gantry: ") << tr("warning: %1; the action is not recorded").arg(ledgerError) << '\n';
    }

    bool ok = true;
    for (const auto &d : target.deployments) {
        DeployOperation::Request request;
        request.action = action;
        request.replicas = replicas;
        request.service = selector.service;
        request.workspace = context->workspace.filePath;
        request.environment = a.to;
        request.client = service.client(a.to);
        request.nameSpace = service.nameSpace(a.to);
        request.deployment = d.name;
        request.wait = a.wait;
        request.timeoutMs = int(std::min<qint64>(a.timeoutMs, std::numeric_limits<int>::max()));
        request.ledger = ledgerOpen ? &ledger : nullptr;
        if (promote) {
            // The source deployment of the same name, else the only one there.
            const DeploymentInfo *from = source.deployment(d.name);
            if (!from && source.deployments.size() == 1) {
                from = &source.deployments.front();
            }
            if (!from) {
                err() << QStringLiteral("gantry: ") << tr("%1: no Deployment %2 to promote from").arg(a.from, d.name)
                      << '\n';
                ok = false;
                continue;
            }
            request.fromEnvironment = a.from;
            request.fromClient = service.client(a.from);
            request.fromNamespace = service.nameSpace(a.from);
            request.fromDeployment = from->name;
        }
        DeployOperation op(request);
        ok = runOperation(&op) && ok;
    }
    return ok ? ExitOk : ExitFailure;
}

} // namespace

int runDeployVerb(const QString &workspace, const QStringList &args)
{
    const QString verb = args.value(0);
    const QStringList rest = args.mid(1);
    if (verb == QLatin1String("status")) {
        return status(workspace, rest);
    }
    if (verb == QLatin1String("promote")) {
        return deployVerb(workspace, rest, DeployOperation::Action::Promote);
    }
    if (verb == QLatin1String("rollback")) {
        return deployVerb(workspace, rest, DeployOperation::Action::Rollback);
    }
    if (verb == QLatin1String("restart")) {
        return deployVerb(workspace, rest, DeployOperation::Action::Restart);
    }
    if (verb == QLatin1String("scale")) {
        return deployVerb(workspace, rest, DeployOperation::Action::Scale);
    }
    return usageError(tr("unknown verb \"%1\"").arg(verb), usageText());
}

} // namespace Gantry::App
