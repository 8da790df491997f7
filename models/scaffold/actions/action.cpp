#include "models/scaffold/actions/action.h"

#include "models/scaffold/actions/deployaction.h"
#include "models/scaffold/actions/fetchactions.h"
#include "models/scaffold/actions/publishaction.h"
#include "models/scaffold/actions/registeraction.h"
#include "models/scaffold/expression.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAction, "gantry.scaffold.action")

namespace Gantry::Scaffold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Scaffold::Action", text);
}

bool debugLog(ActionContext &ctx)
{
    const QJsonValue message = ctx.input.value(QStringLiteral("message"));
    if (!message.isUndefined()) {
        ctx.say(Expression::toText(message));
    }
    if (ctx.input.value(QStringLiteral("listWorkspace")).toBool()) {
        for (const auto &[path, file] : *ctx.files) {
            ctx.say(QStringLiteral("  %1 (%2 bytes)").arg(path).arg(file.contents.size()));
        }
    }
    return true;
}

} // namespace

bool Action::hasSideEffects(const QString &action)
{
    return action.startsWith(QLatin1String("publish:")) || action == QLatin1String("catalog:register") ||
           action == QLatin1String("gantry:deploy");
}

bool Action::run(ActionContext &ctx, QString *error)
{
    const QString &a = ctx.action;
    if (a == QLatin1String("fetch:template")) {
        return FetchActions::fetchTemplate(ctx, false, error);
    }
    if (a == QLatin1String("fetch:template:file")) {
        return FetchActions::fetchTemplate(ctx, true, error);
    }
    if (a == QLatin1String("fetch:plain")) {
        return FetchActions::fetchPlain(ctx, false, error);
    }
    if (a == QLatin1String("fetch:plain:file")) {
        return FetchActions::fetchPlain(ctx, true, error);
    }
    if (a == QLatin1String("catalog:write")) {
        return FetchActions::catalogWrite(ctx, error);
    }
    if (a == QLatin1String("debug:log")) {
        return debugLog(ctx);
    }
    if (a.startsWith(QLatin1String("publish:"))) {
        return PublishAction::run(ctx, error);
    }
    if (a == QLatin1String("catalog:register")) {
        return RegisterAction::run(ctx, error);
    }
    if (a == QLatin1String("gantry:deploy")) {
        return DeployAction::run(ctx, error);
    }
    *error = tr("the action \"%1\" is not supported").arg(a);
    return false;
}

} // namespace Gantry::Scaffold
