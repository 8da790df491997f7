#include "models/scaffold/actions/publishaction.h"

#include "models/catalog/validator.h"
#include "models/scaffold/expression.h"
#include "models/scaffold/filecheck.h"
#include "models/scaffold/renderer.h"
#include "models/sources/gitpublisher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTemporaryDir>

Q_LOGGING_CATEGORY(lcPublishAction, "gantry.scaffold.publishaction")

namespace Gantry::Scaffold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Scaffold::PublishAction", text);
}

bool writeFiles(const FileSet &files, const QString &root, QString *error)
{
    for (const auto &[path, file] : files) {
        const QString full = root + QLatin1Char('/') + path;
        if (!QDir().mkpath(QFileInfo(full).absolutePath())) {
            *error = tr("cannot create the folder for %1").arg(path);
            return false;
        }
        QSaveFile out(full);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.contents) != file.contents.size() || !out.commit()) {
            *error = tr("cannot write %1: %2").arg(path, out.errorString());
            return false;
        }
        if (file.executable) {
            QFile::setPermissions(full, QFile::permissions(full) | QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                            QFileDevice::ExeOther);
        }
    }
    return true;
}

} // namespace

QString PublishAction::repositoryName(const ActionContext &ctx, QString *error)
{
    QString name;
    const QString repoUrl = ctx.input.value(QStringLiteral("repoUrl")).toString();
    if (!repoUrl.isEmpty()) {
        QString e;
        const QJsonValue spec = Expression::renderString(QStringLiteral("${{ url | parseRepoUrl }}"),
                                                         QJsonObject{{QStringLiteral("url"), repoUrl}}, &e);
        if (!e.isEmpty()) {
            *error = e;
            return {};
        }
        name = spec.toObject().value(QStringLiteral("repo")).toString();
    }
    if (name.isEmpty()) {
        name = ctx.input.value(QStringLiteral("repoName")).toString();
    }
    if (name.isEmpty()) {
        name = ctx.context.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("name")).toString();
    }
    if (name.isEmpty()) {
        *error = tr("no repository name: give input.repoUrl (host?repo=name) or a \"name\" parameter");
        return {};
    }
    // The name becomes a path on local hosts: one safe component only.
    if (!Catalog::Validator::isValidObjectName(name) || name.startsWith(QLatin1Char('.'))) {
        *error = tr("\"%1\" is not a usable repository name: use letters, digits, \"-\", \"_\" and \".\", starting "
                    "with a letter or digit")
                     .arg(name.left(100));
        return {};
    }
    return name;
}

QString PublishAction::remoteUrlFor(const Workspace::Workspace &workspace, const QString &name, const QString &owner,
                                    QString *error)
{
    if (workspace.gitRemotePattern.isEmpty()) {
        *error = tr("the workspace has no git.remotePattern in %1; add one, e.g. git@github.com:acme/{name}.git")
                     .arg(workspace.filePath);
        return {};
    }
    if (!workspace.gitRemotePattern.contains(QLatin1String("{name}"))) {
        *error = tr("git.remotePattern in %1 has no {name} placeholder").arg(workspace.filePath);
        return {};
    }
    QString url = workspace.gitRemotePattern;
    url.replace(QLatin1String("{name}"), name);
    url.replace(QLatin1String("{owner}"), owner.section(QLatin1Char('/'), -1));
    return url;
}

bool PublishAction::run(ActionContext &ctx, QString *error)
{
    const QString name = repositoryName(ctx, error);
    if (name.isEmpty()) {
        return false;
    }
    const QString owner =
        ctx.context.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("owner")).toString();
    const QString remoteUrl = remoteUrlFor(*ctx.workspace, name, owner, error);
    if (remoteUrl.isEmpty()) {
        return false;
    }
    QString branch = ctx.input.value(QStringLiteral("defaultBranch")).toString();
    if (branch.isEmpty()) {
        branch = QStringLiteral("main");
    }
    // Only a sub-folder of the rendered files is published when sourcePath says so.
    QString sourcePath;
    if (!Renderer::normalizeRelativePath(ctx.input.value(QStringLiteral("sourcePath")).toString(), &sourcePath,
                                         error)) {
        return false;
    }
    FileSet published;
    for (const auto &[path, file] : *ctx.files) {
        if (sourcePath.isEmpty()) {
            published[path] = file;
        } else if (path.startsWith(sourcePath + QLatin1Char('/'))) {
            RenderedFile copy = file;
            copy.path = path.mid(sourcePath.size() + 1);
            published[copy.path] = copy;
        }
    }
    if (published.empty()) {
        *error = tr("there are no files to publish; the template's fetch steps rendered nothing");
        return false;
    }
    // The check before anything leaves the machine.
    const FileCheck::Result check = FileCheck::check(published, QStringLiteral("catalog-info.yaml"));
    for (const QString &w : check.warnings) {
        ctx.say(tr("warning: %1").arg(w));
    }
    if (!check.ok()) {
        *error = tr("the rendered files did not pass the checks, so nothing was published:\n%1")
                     .arg(check.errors.join(QLatin1Char('\n')));
        return false;
    }
    ctx.output.insert(QStringLiteral("remoteUrl"), remoteUrl);
    ctx.output.insert(QStringLiteral("repoContentsUrl"), QString(remoteUrl + QLatin1Char('#') + branch));
    ctx.output.insert(QStringLiteral("cloneUrl"), remoteUrl);
    ctx.output.insert(QStringLiteral("defaultBranch"), branch);
    // Checked in dry runs too, so that the review page says so before Create.
    if (Sources::GitPublisher::localRemoteExists(remoteUrl)) {
        *error = tr("the repository %1 already exists; choose another name").arg(remoteUrl);
        return false;
    }
    if (ctx.options.dryRun) {
        ctx.say(tr("dry run: would push %1 file(s) to %2").arg(published.size()).arg(remoteUrl));
        return true;
    }
    QTemporaryDir folder;
    if (!folder.isValid()) {
        *error = tr("cannot create a temporary folder: %1").arg(folder.errorString());
        return false;
    }
    const QString work = folder.path() + QStringLiteral("/") + name;
    if (!writeFiles(published, work, error)) {
        return false;
    }
    const Sources::GitPublisher::Identity who = Sources::GitPublisher::identity();
    ctx.say(tr("committing %1 file(s) as %2 <%3>").arg(published.size()).arg(who.name, who.email));
    QString message = ctx.input.value(QStringLiteral("gitCommitMessage")).toString();
    if (message.isEmpty()) {
        message = tr("Create %1 from the %2 template").arg(name, ctx.tmpl->name);
    }
    QString commit;
    if (!Sources::GitPublisher::publishNew(work, remoteUrl, branch, message, &commit, error, ctx.cancel)) {
        return false;
    }
    ctx.output.insert(QStringLiteral("commitHash"), commit);
    ctx.say(tr("pushed %1 to %2 (%3)").arg(commit.left(12), remoteUrl, branch));
    if (ctx.existing) {
        ctx.existing->append(tr("repository %1 (branch %2, commit %3)").arg(remoteUrl, branch, commit.left(12)));
    }
    return true;
}

} // namespace Gantry::Scaffold
