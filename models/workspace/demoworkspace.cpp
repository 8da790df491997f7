#include "models/workspace/demoworkspace.h"

#include "models/sources/gitrepository.h"
#include "models/workspace/democluster.h"
#include "models/workspace/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QUrl>

Q_LOGGING_CATEGORY(lcDemoWorkspace, "gantry.workspace.demoworkspace")

namespace Gantry::Workspace {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Workspace::DemoWorkspace", text);
}

const QLatin1String kDemoName("Acme Demo");
const QLatin1String kResourceRoot(":/demo/catalog");
const QLatin1String kBranch("main");
// 2026-01-01T00:00:00Z: a fixed commit time keeps the demo repository identical between runs.
constexpr qint64 kCommitTime = 1767225600;

QString fileUrl(const QString &path)
{
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded);
}

QString remotePattern(const QString &dir)
{
    return fileUrl(dir + QStringLiteral("/git")) + QStringLiteral("/{name}.git");
}

// Copies the built-in demo catalog into `target`, keeping relative paths.
bool copyCatalog(const QString &target, QString *error)
{
    int copied = 0;
    QDirIterator it(kResourceRoot, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString relative = source.mid(kResourceRoot.size() + 1);
        const QString destination = target + QLatin1Char('/') + relative;
        QFile in(source);
        QFile out(destination);
        if (!QDir().mkpath(QFileInfo(destination).absolutePath()) || !in.open(QIODevice::ReadOnly) ||
            !out.open(QIODevice::WriteOnly) || out.write(in.readAll()) != in.size()) {
            *error = tr("cannot write %1: %2").arg(destination, out.errorString());
            return false;
        }
        ++copied;
    }
    if (copied == 0) {
        *error = tr("this build of Gantry has no demo catalog");
        return false;
    }
    return true;
}

// The Git host with the catalog pushed to it, and gantry.yaml, in the empty folder `root`.
bool populate(const QString &root, QString *message)
{
    const QString bare = root + QStringLiteral("/git/catalog.git");
    if (!Sources::GitRepository::initBare(bare, message, kBranch)) {
        return false;
    }
    QTemporaryDir workTree;
    if (!workTree.isValid()) {
        *message = tr("cannot create a temporary folder: %1").arg(workTree.errorString());
        return false;
    }
    if (!copyCatalog(workTree.path(), message)) {
        return false;
    }
    if (!Sources::GitRepository::commitAllAndPush(
            workTree.path(), fileUrl(bare), kBranch, QStringLiteral("Acme catalog for the Gantry demo"),
            QStringLiteral("Gantry Demo"), QStringLiteral("demo@gantry.invalid"), message, kCommitTime)) {
        return false;
    }

    Workspace workspace;
    workspace.filePath = root + QStringLiteral("/gantry.yaml");
    workspace.name = kDemoName;
    CatalogLocation location;
    location.url = fileUrl(bare);
    location.branch = kBranch;
    location.path = QStringLiteral("catalog-info.yaml");
    workspace.locations.push_back(location);
    workspace.gitRemotePattern = remotePattern(root);
    workspace.kubeconfig = root + QStringLiteral("/kubeconfig");
    workspace.environments.push_back(
        {QStringLiteral("staging"), QStringLiteral("gantry-demo"), QStringLiteral("staging")});
    workspace.environments.push_back(
        {QStringLiteral("production"), QStringLiteral("gantry-demo"), QStringLiteral("production")});
    return workspace.save(message);
}

} // namespace

bool DemoWorkspace::create(const QString &dir, QString *error)
{
    return createIn(dir, false, QString(), error);
}

bool DemoWorkspace::createWithCluster(const QString &dir, const QString &simulator, QString *error)
{
    return createIn(dir, true, simulator, error);
}

bool DemoWorkspace::createIn(const QString &dir, bool withCluster, const QString &simulator, QString *error)
{
    QString ignored;
    QString &message = error ? *error : ignored;
    const QString root = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    const QFileInfo info(root);
    if (info.exists() && !info.isDir()) {
        message = tr("%1 is a file; choose a new or empty folder for the demo").arg(root);
        return false;
    }
    const bool existed = info.exists();
    if (existed && !QDir(root).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)) {
        message = tr("%1 is not empty; choose a new or empty folder for the demo").arg(root);
        return false;
    }
    if (!QDir().mkpath(root)) {
        message = tr("cannot create the folder %1").arg(root);
        return false;
    }
    if (populate(root, &message) && (!withCluster || DemoCluster::write(root, simulator, &message))) {
        qCInfo(lcDemoWorkspace) << "created the demo workspace in" << root;
        return true;
    }
    // Leave the folder as it was (absent or empty), so that trying again works.
    if (!existed) {
        QDir(root).removeRecursively();
    } else {
        const QDir folder(root);
        for (const QFileInfo &entry :
             folder.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)) {
            if (entry.isDir() && !entry.isSymLink()) {
                QDir(entry.absoluteFilePath()).removeRecursively();
            } else {
                QFile::remove(entry.absoluteFilePath());
            }
        }
    }
    return false;
}

bool DemoWorkspace::isDemo(const Workspace &workspace)
{
    return workspace.name == kDemoName && workspace.gitRemotePattern == remotePattern(workspace.directory());
}

} // namespace Gantry::Workspace
