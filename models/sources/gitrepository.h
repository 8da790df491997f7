#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace Gantry::Sources {

// A local clone of a remote Git repository, driven with libgit2. All calls block: run them off
// the UI thread. Progress callbacks may come from libgit2's thread; cancel is polled.
class GitRepository final
{
public:
    using Progress = std::function<void(qint64 received, qint64 total, const QString &what)>;

    struct SyncResult
    {
        bool ok = false;
        bool offline = false;     // the remote could not be reached; the existing clone was used
        QString error;            // what failed and what to do, when !ok or offline
        QString commit;           // hex id of the commit now checked out
        QString previousCommit;   // what was checked out before (empty on first clone)
        QStringList changedPaths; // paths changed between previousCommit and commit
    };

    // Clones `url` into `localDir` (or fetches if it is already a clone of it), then checks out
    // the tip of `branch` (empty: the remote's default branch). With offline=true, nothing is
    // fetched. A failure leaves any existing clone untouched and usable.
    static SyncResult sync(const QString &url, const QString &branch, const QString &localDir, bool offline,
                           const std::atomic_bool *cancel = nullptr, const Progress &progress = {});

    // Blob ids (hex) of every file in the commit's tree, by path relative to the repository root.
    static QHash<QString, QByteArray> blobIds(const QString &localDir, const QString &commit, QString *error = nullptr);

    // Helpers for the demo workspace and, later, the scaffolder.
    // A bare repository whose HEAD names `initialBranch` (so clones without a branch find it).
    static bool initBare(const QString &path, QString *error, const QString &initialBranch = QStringLiteral("main"));
    // Commits every file of `workTree` (a fresh or existing repository) on `branch` and pushes
    // it to `remoteUrl` (not recorded as a remote in the repository). Author from the user's Git
    // config, or `fallbackName`/`fallbackEmail`. `commitTime` >= 0 (seconds since the epoch, UTC)
    // makes the commit reproducible: that time, and always the fallback author (the demo).
    static bool commitAllAndPush(const QString &workTree, const QString &remoteUrl, const QString &branch,
                                 const QString &message, const QString &fallbackName, const QString &fallbackEmail,
                                 QString *error, qint64 commitTime = -1);

    // A short, readable description of the last libgit2 error.
    static QString lastError();
};

} // namespace Gantry::Sources
