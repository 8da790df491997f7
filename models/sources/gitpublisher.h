#pragma once

#include <QString>

#include <atomic>
#include <functional>

namespace Gantry::Sources {

// Creates and updates repositories on the workspace's Git host for the scaffolder, with libgit2:
// a new repository from a folder (init, commit as the user, push), and a commit to an existing
// one (clone, edit, commit, push; retried once when someone pushed in between). Local file://
// hosts get their bare repository created (and removed again when the push fails). SSH uses the
// ssh-agent; HTTPS asks the user's Git credential helper (`git credential fill`, run without a
// shell) — no secret is ever logged or stored by Gantry. TLS is always verified.
class GitPublisher final
{
public:
    struct Identity
    {
        QString name;
        QString email;
        bool fromGitConfig = false;
    };
    // The user's Git identity (user.name/user.email), else "Gantry" <gantry@localhost>.
    static Identity identity();

    // True when `remoteUrl` is file:// (Gantry creates the bare repository itself).
    static bool isLocalRemote(const QString &remoteUrl);
    // For file:// remotes: whether a repository (or anything) already exists there.
    static bool localRemoteExists(const QString &remoteUrl);

    // Commits every file of `folder` (not yet a repository) on `branch` and pushes it to
    // `remoteUrl`. For a file:// remote the bare repository is created first and must not exist.
    // On failure nothing is left on the host (*createdRemote says whether it had been created).
    // *commit receives the hex id of the pushed commit.
    static bool publishNew(const QString &folder, const QString &remoteUrl, const QString &branch,
                           const QString &message, QString *commit, QString *error,
                           const std::atomic_bool *cancel = nullptr);

    // Clones `url` (branch, empty = default) into a temporary folder, calls `edit(checkout)`,
    // commits what changed and pushes. A rejected push (someone else pushed) is retried once
    // from a fresh clone.
    using Edit = std::function<bool(const QString &checkout, QString *error)>;
    static bool commitToRepository(const QString &url, const QString &branch, const QString &message, const Edit &edit,
                                   QString *commit, QString *error, const std::atomic_bool *cancel = nullptr);

    // Removes a file:// bare repository created by publishNew (used when a later step fails and
    // the user chooses to start over). Refuses anything that is not a bare repository.
    static bool removeLocalRemote(const QString &remoteUrl, QString *error);
};

} // namespace Gantry::Sources
