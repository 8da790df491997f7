#include "models/scaffold/actions/registeraction.h"

#include "models/scaffold/filecheck.h"
#include "models/sources/gitpublisher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>

Q_LOGGING_CATEGORY(lcRegisterAction, "gantry.scaffold.registeraction")

namespace Gantry::Scaffold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Scaffold::RegisterAction", text);
}

QByteArray quoted(const QString &text)
{
    QByteArray out = "\"";
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\')) {
            out += '\\';
        }
        out += QString(c).toUtf8();
    }
    return out + '"';
}

QByteArray locationDocument(const QString &name, const QString &target, const QString &entityRef)
{
    QByteArray doc;
    doc += "apiVersion: backstage.io/v1alpha1\n";
    doc += "kind: Location\n";
    doc += "metadata:\n";
    doc += "  name: " + quoted(name) + "\n";
    doc += "  description: " + quoted(QStringLiteral("Registered by Gantry for %1").arg(entityRef)) + "\n";
    doc += "spec:\n";
    doc += "  type: url\n";
    doc += "  target: " + quoted(target) + "\n";
    return doc;
}

} // namespace

QString RegisterAction::targetFor(const QString &repoContentsUrl, const QString &catalogInfoPath)
{
    QString path = catalogInfoPath;
    while (path.startsWith(QLatin1Char('/'))) {
        path.remove(0, 1);
    }
    if (path.isEmpty()) {
        path = QStringLiteral("catalog-info.yaml");
    }
    if (repoContentsUrl.contains(QLatin1Char('#'))) {
        return repoContentsUrl + QLatin1Char(':') + path; // our "URL#branch:path" spelling
    }
    return repoContentsUrl + QLatin1Char('/') + path; // hosted .../blob/BRANCH + /path
}

bool RegisterAction::run(ActionContext &ctx, QString *error)
{
    QString catalogInfoPath = ctx.input.value(QStringLiteral("catalogInfoPath")).toString();
    while (catalogInfoPath.startsWith(QLatin1Char('/'))) {
        catalogInfoPath.remove(0, 1);
    }
    if (catalogInfoPath.isEmpty()) {
        catalogInfoPath = QStringLiteral("catalog-info.yaml");
    }
    QString target = ctx.input.value(QStringLiteral("catalogInfoUrl")).toString();
    if (target.isEmpty()) {
        const QString contents = ctx.input.value(QStringLiteral("repoContentsUrl")).toString();
        if (contents.isEmpty()) {
            *error = tr("catalog:register needs input.repoContentsUrl (the publish step's output) or catalogInfoUrl");
            return false;
        }
        target = targetFor(contents, catalogInfoPath);
    }
    const FileCheck::Result check = FileCheck::check(*ctx.files, catalogInfoPath);
    QString entityRef = check.entityRef;
    ctx.output.insert(QStringLiteral("entityRef"), entityRef);
    ctx.output.insert(QStringLiteral("catalogInfoUrl"), target);

    const Workspace::CatalogLocation *catalogRepo = nullptr;
    for (const Workspace::CatalogLocation &l : ctx.workspace->locations) {
        if (l.isGit()) {
            catalogRepo = &l;
            break;
        }
    }
    if (!catalogRepo) {
        *error = tr("the workspace's catalog is not in a Git repository, so Gantry cannot register %1; add this "
                    "Location target to your catalog by hand: %2")
                     .arg(entityRef, target);
        return false;
    }
    if (ctx.options.dryRun) {
        ctx.say(tr("dry run: would register %1 in %2").arg(entityRef, catalogRepo->url));
        return true;
    }
    const QString repoName =
        target.section(QLatin1Char('#'), 0, 0).section(QLatin1Char('/'), -1).remove(QLatin1String(".git"));
    const QString locationName = QStringLiteral("generated-%1").arg(repoName).left(63);
    const QByteArray document = locationDocument(locationName, target, entityRef);
    const QString path = catalogRepo->path;
    auto edit = [&](const QString &checkout, QString *editError) -> bool {
        const QString full = QDir::cleanPath(checkout + QLatin1Char('/') + path);
        if (!full.startsWith(checkout)) {
            *editError = tr("the catalog path %1 leaves the repository").arg(path);
            return false;
        }
        const QFileInfo info(full);
        if (path.isEmpty() || info.isDir()) {
            // A scanned folder: one new file.
            const QString file = full + QStringLiteral("/") + locationName + QStringLiteral(".yaml");
            QSaveFile out(file);
            if (!out.open(QIODevice::WriteOnly) || out.write(document) != document.size() || !out.commit()) {
                *editError = tr("cannot write %1: %2").arg(file, out.errorString());
                return false;
            }
            return true;
        }
        QFile in(full);
        if (!in.open(QIODevice::ReadOnly)) {
            *editError = tr("cannot read %1 in the catalog repository: %2").arg(path, in.errorString());
            return false;
        }
        QByteArray contents = in.readAll();
        in.close();
        if (contents.contains(quoted(target))) {
            return true; // registered already (a resumed run)
        }
        if (!contents.isEmpty() && !contents.endsWith('\n')) {
            contents += '\n';
        }
        contents += "---\n" + document;
        QSaveFile out(full);
        if (!out.open(QIODevice::WriteOnly) || out.write(contents) != contents.size() || !out.commit()) {
            *editError = tr("cannot write %1: %2").arg(path, out.errorString());
            return false;
        }
        return true;
    };
    QString commit;
    if (!Sources::GitPublisher::commitToRepository(catalogRepo->url, catalogRepo->branch,
                                                   tr("Register %1").arg(entityRef), edit, &commit, error,
                                                   ctx.cancel)) {
        return false;
    }
    ctx.say(tr("registered %1 in %2 (commit %3)").arg(entityRef, catalogRepo->url, commit.left(12)));
    if (ctx.existing) {
        ctx.existing->append(tr("catalog entry %1 in %2 (Location %3)").arg(entityRef, catalogRepo->url, locationName));
    }
    return true;
}

} // namespace Gantry::Scaffold
