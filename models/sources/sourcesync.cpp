#include "models/sources/sourcesync.h"

#include "models/sources/gitrepository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QUrl>

#include <limits>
#include <utility>

Q_LOGGING_CATEGORY(lcSourceSync, "gantry.sources.sourcesync")

namespace Gantry::Sources {

using Catalog::CatalogLoader;
using Catalog::MountPtr;
using Catalog::Problem;
using Workspace::CatalogLocation;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Sources::SourceSync", text);
}

QString mountId(const QString &url, const QString &branch)
{
    return url + QLatin1Char('#') + branch;
}

QString cloneFolder(const QString &cacheDir, const QString &url, const QString &branch)
{
    const QByteArray digest =
        QCryptographicHash::hash(mountId(url, branch).toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return cacheDir + QStringLiteral("/repos/") + QString::fromLatin1(digest);
}

// A path inside a repository as the loader and Git spell it: no "./", no leading or trailing "/".
QString cleanRelative(const QString &path)
{
    QString clean = QDir::cleanPath(QDir::fromNativeSeparators(path));
    while (clean.startsWith(QLatin1Char('/'))) {
        clean.remove(0, 1);
    }
    if (clean == QLatin1String(".")) {
        clean.clear();
    }
    return clean;
}

struct GitMount
{
    MountPtr mount;  // set when usable (possibly stale: see warning)
    QString error;   // why it is not usable
    QString warning; // usable, but the remote could not be reached
};

GitMount syncGit(const QString &cacheDir, const QString &url, const QString &branch, bool offline,
                 const std::atomic_bool *cancel, const GitRepository::Progress &progress = {})
{
    GitMount out;
    const QString folder = cloneFolder(cacheDir, url, branch);
    const GitRepository::SyncResult result = GitRepository::sync(url, branch, folder, offline, cancel, progress);
    if (!result.ok) {
        out.error = result.error;
        return out;
    }
    if (result.offline) {
        out.warning = result.error;
    }
    QString blobError;
    const auto ids =
        std::make_shared<const QHash<QString, QByteArray>>(GitRepository::blobIds(folder, result.commit, &blobError));
    if (!blobError.isEmpty()) {
        qCWarning(lcSourceSync) << "no blob ids for" << url << blobError;
    }
    auto mount = std::make_shared<Catalog::Mount>();
    mount->id = mountId(url, branch);
    mount->rootDir = folder;
    mount->label = branch.isEmpty() ? url : url + QStringLiteral(" (") + branch + QLatin1Char(')');
    mount->commit = result.commit;
    // Blob ids identify content exactly and cost nothing to read; unknown paths fall back to
    // size + modification time in the loader.
    mount->versionKey = [ids](const QString &relativePath) { return ids->value(cleanRelative(relativePath)); };
    out.mount = std::move(mount);
    return out;
}

// Memoised syncs for one sync() call or one resolver, so several locations in the same
// repository fetch it once.
class GitSession
{
public:
    GitSession(QString cacheDir, bool offline)
        : m_cacheDir(std::move(cacheDir))
        , m_offline(offline)
    {}

    GitMount get(const QString &url, const QString &branch, const std::atomic_bool *cancel,
                 const GitRepository::Progress &progress = {})
    {
        const QString key = mountId(url, branch);
        {
            const QMutexLocker locker(&m_mutex);
            const auto found = m_mounts.constFind(key);
            if (found != m_mounts.cend()) {
                return *found;
            }
        }
        GitMount mount = syncGit(m_cacheDir, url, branch, m_offline, cancel, progress);
        if (cancel && cancel->load() && !mount.mount) {
            return mount; // do not remember a cancelled fetch
        }
        const QMutexLocker locker(&m_mutex);
        m_mounts.insert(key, mount);
        return mount;
    }

private:
    QString m_cacheDir;
    bool m_offline;
    QMutex m_mutex;
    QHash<QString, GitMount> m_mounts;
};

// Where a Location target URL points: a repository, a branch and a path inside it.
struct RemoteTarget
{
    QString url;
    QString branch;
    QString path;
};

bool isRepositoryFolder(const QString &folder)
{
    const QDir dir(folder);
    return dir.exists(QStringLiteral(".git")) ||
           (dir.exists(QStringLiteral("HEAD")) && dir.exists(QStringLiteral("objects")));
}

RemoteTarget parseTargetUrl(const QString &text)
{
    // GitHub (/blob/BRANCH/PATH, /tree/BRANCH/DIR) and GitLab (/-/blob/..., /-/tree/...); a
    // fragment there is a line anchor (#L10).
    static const QRegularExpression hosted(QStringLiteral("^(.+?)(?:/-)?/(?:blob|tree)/([^/]+)/?(.*)$"));
    const qsizetype hash = text.indexOf(QLatin1Char('#'));
    const QRegularExpressionMatch match = hosted.match(hash < 0 ? text : text.left(hash));
    // Otherwise "URL#branch:path", our own spelling.
    if (hash >= 0 && !match.hasMatch()) {
        const CatalogLocation location = CatalogLocation::fromString(text);
        return {location.url, location.branch, location.path};
    }
    const QUrl url(text);
    if (url.isLocalFile()) {
        // A file:// URL may name a repository as it is, use the hosted spelling, or name a
        // file or folder inside a local repository.
        QString local = QDir::cleanPath(url.toLocalFile());
        if (QFileInfo(local).isDir() && isRepositoryFolder(local)) {
            return {text, {}, {}};
        }
        if (match.hasMatch() && isRepositoryFolder(QUrl(match.captured(1)).toLocalFile())) {
            return {match.captured(1), match.captured(2), match.captured(3)};
        }
        QString inside;
        while (!local.isEmpty() && local != QLatin1String("/")) {
            const QFileInfo info(local);
            if (info.isDir() && isRepositoryFolder(local)) {
                return {QUrl::fromLocalFile(local).toString(QUrl::FullyEncoded), {}, inside};
            }
            inside = inside.isEmpty() ? info.fileName() : info.fileName() + QLatin1Char('/') + inside;
            local = info.absolutePath();
        }
        return {text, {}, {}};
    }
    if (match.hasMatch()) {
        return {match.captured(1), match.captured(2), match.captured(3)};
    }
    return {text, {}, {}};
}

} // namespace

SourceSync::SourceSync(QString cacheDir)
    : m_cacheDir(std::move(cacheDir))
{}

MountPtr SourceSync::mountFolder(const QString &absoluteFolder)
{
    auto mount = std::make_shared<Catalog::Mount>();
    const QString folder = QDir::cleanPath(absoluteFolder);
    mount->id = folder;
    mount->rootDir = folder;
    mount->label = QDir::toNativeSeparators(folder);
    return mount;
}

MountPtr SourceSync::mountGit(const QString &url, const QString &branch, bool offline, QString *error,
                              const std::atomic_bool *cancel)
{
    const GitMount result = syncGit(m_cacheDir, url, branch, offline, cancel);
    if (error) {
        *error = result.mount ? result.warning : result.error;
    }
    return result.mount;
}

namespace {

// Adds the entry for one location, or the problem that prevents it.
void addLocation(SourceSync::Result &result, GitSession &session, const CatalogLocation &location,
                 const QString &baseDir, const Catalog::SourceLocation &where, const std::atomic_bool *cancel,
                 const GitRepository::Progress &progress)
{
    const auto report = [&](Problem::Severity severity, const QString &message) {
        Problem problem;
        problem.severity = severity;
        problem.location = where;
        problem.message = message;
        result.problems.push_back(problem);
        result.messages.append(message);
        result.anyFailure = true;
    };

    if (location.isGit()) {
        const GitMount git = session.get(location.url, location.branch, cancel, progress);
        if (cancel && cancel->load() && !git.mount) {
            return;
        }
        if (!git.mount) {
            report(Problem::Severity::Error, git.error);
            return;
        }
        if (!git.warning.isEmpty()) {
            report(Problem::Severity::Warning, git.warning);
        }
        const QString path = cleanRelative(location.path);
        const QFileInfo info(git.mount->rootDir + QLatin1Char('/') + path);
        if (!path.isEmpty() && !info.exists()) {
            report(Problem::Severity::Error,
                   tr("'%1' does not exist in %2 at commit %3; fix the path in the workspace file")
                       .arg(path, git.mount->label, git.mount->commit.left(7)));
            return;
        }
        result.entries.push_back({git.mount, path, info.isFile()});
        return;
    }

    const QString absolute = QDir::cleanPath(QDir(baseDir).absoluteFilePath(QDir::fromNativeSeparators(location.path)));
    const QFileInfo info(absolute);
    if (info.isDir()) {
        result.entries.push_back({SourceSync::mountFolder(absolute), QString(), false});
    } else if (info.isFile()) {
        result.entries.push_back({SourceSync::mountFolder(info.absolutePath()), info.fileName(), true});
    } else {
        report(Problem::Severity::Error,
               tr("the catalog folder or file %1 does not exist; fix the path or create it").arg(absolute));
    }
}

} // namespace

SourceSync::Result SourceSync::sync(const Workspace::Workspace &workspace, bool offline, const std::atomic_bool *cancel,
                                    const CatalogLoader::ProgressCallback &progress)
{
    Result result;
    GitSession session(m_cacheDir, offline);
    const int total = int(workspace.locations.size());
    int done = 0;
    for (const CatalogLocation &location : workspace.locations) {
        if (cancel && cancel->load()) {
            break;
        }
        const QString what = location.isGit() ? tr("Fetching %1").arg(location.url)
                                              : tr("Reading %1").arg(QDir::toNativeSeparators(location.path));
        if (progress) {
            progress(done, total, what);
        }
        GitRepository::Progress gitProgress;
        if (progress) {
            gitProgress = [&progress, what](qint64 received, qint64 objects, const QString &) {
                progress(int(qMin<qint64>(received, std::numeric_limits<int>::max())),
                         int(qMin<qint64>(objects, std::numeric_limits<int>::max())), what);
            };
        }
        addLocation(result, session, location, workspace.directory(),
                    {workspace.filePath, location.line, location.column}, cancel, gitProgress);
        ++done;
    }
    if (progress) {
        progress(done, total, QString());
    }
    return result;
}

SourceSync::Result SourceSync::syncSource(const QString &source, bool offline, const std::atomic_bool *cancel)
{
    Result result;
    GitSession session(m_cacheDir, offline);
    CatalogLocation location = CatalogLocation::fromString(source);
    // file:// naming a plain folder (not a repository) is just that folder.
    if (const QUrl url(location.url); url.isLocalFile() && location.branch.isEmpty() &&
                                      QFileInfo(url.toLocalFile()).isDir() && !isRepositoryFolder(url.toLocalFile())) {
        location.path = url.toLocalFile();
        location.url.clear();
    }
    addLocation(result, session, location, QDir::currentPath(), {source, 0, 0}, cancel, {});
    return result;
}

CatalogLoader::MountResolver SourceSync::resolver(bool offline)
{
    auto session = std::make_shared<GitSession>(m_cacheDir, offline);
    return [session](const QString &url, QString *relativePath, QString *error) -> MountPtr {
        const RemoteTarget target = parseTargetUrl(url);
        if (!CatalogLocation::isGitUrl(target.url)) {
            if (error) {
                *error = tr("%1 is not a Git URL that Gantry can fetch").arg(url);
            }
            return nullptr;
        }
        const GitMount git = session->get(target.url, target.branch, nullptr);
        if (!git.mount) {
            if (error) {
                *error = git.error;
            }
            return nullptr;
        }
        if (!git.warning.isEmpty()) {
            qCWarning(lcSourceSync) << git.warning;
        }
        if (relativePath) {
            *relativePath = cleanRelative(target.path);
        }
        return git.mount;
    };
}

} // namespace Gantry::Sources
