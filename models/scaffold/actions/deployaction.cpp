#include "models/scaffold/actions/deployaction.h"

#include "models/scaffold/filecheck.h"
#include "models/scaffold/renderer.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDeployAction, "gantry.scaffold.deployaction")

namespace Gantry::Scaffold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Scaffold::DeployAction", text);
}

} // namespace

QByteArray DeployAction::manifestsIn(const FileSet &files, const QString &folder)
{
    QByteArray stream;
    const QString prefix = folder.isEmpty() ? QString() : folder + QLatin1Char('/');
    for (const auto &[path, file] : files) {
        if (!path.startsWith(prefix) || !FileCheck::isYamlPath(path)) {
            continue;
        }
        if (!stream.isEmpty()) {
            stream += "\n---\n";
        }
        stream += "# " + path.toUtf8() + "\n" + file.contents;
    }
    return stream;
}

bool DeployAction::run(ActionContext &ctx, QString *error)
{
    QString environmentName = ctx.input.value(QStringLiteral("environment")).toString();
    if (environmentName.isEmpty()) {
        environmentName = QStringLiteral("staging");
    }
    QString folder = ctx.input.value(QStringLiteral("path")).toString();
    if (folder.isEmpty()) {
        folder = QStringLiteral("deploy/") + environmentName;
    }
    QString normalized;
    if (!Renderer::normalizeRelativePath(folder, &normalized, error)) {
        return false;
    }
    const QByteArray manifests = manifestsIn(*ctx.files, normalized);
    if (manifests.isEmpty()) {
        *error = tr("there are no manifests in %1 to deploy").arg(normalized);
        return false;
    }
    const Workspace::Environment *environment = nullptr;
    for (const Workspace::Environment &e : ctx.workspace->environments) {
        if (e.name == environmentName) {
            environment = &e;
            break;
        }
    }
    if (!environment) {
        *error = tr("the workspace has no environment \"%1\"; add it to the environments in %2, or run without the "
                    "deploy step (--no-deploy)")
                     .arg(environmentName, ctx.workspace->filePath);
        return false;
    }
    ctx.output.insert(QStringLiteral("environment"), environmentName);
    if (ctx.options.dryRun) {
        ctx.say(tr("dry run: would apply the manifests of %1 to %2").arg(normalized, environmentName));
        return true;
    }
    if (!ctx.deployer) {
        *error = tr("this build of Gantry cannot deploy; run with --no-deploy");
        return false;
    }
    const StagingDeployer::Result result = ctx.deployer->apply(*ctx.workspace, *environment, manifests, ctx.cancel);
    if (!result.ok) {
        *error = result.error;
        return false;
    }
    ctx.say(result.summary);
    if (ctx.existing) {
        ctx.existing->append(tr("deployment in %1: %2").arg(environmentName, result.summary));
    }
    return true;
}

} // namespace Gantry::Scaffold
