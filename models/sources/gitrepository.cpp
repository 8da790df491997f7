#include "models/sources/gitrepository.h"

#include "models/sources/gitsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QTemporaryDir>

#include <git2.h>

#include <memory>

Q_LOGGING_CATEGORY(lcGitRepository, "gantry.sources.gitrepository")

namespace Gantry::Sources {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Sources::GitRepository", text);
}

using namespace Git;

QString oidToHex(const git_oid &oid)
{
    char buffer[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(buffer, sizeof buffer, &oid);
    return QString::fromLatin1(buffer);
}

QString shortId(const QString &commit)
{
    return commit.left(7);
}

// State shared with libgit2's callbacks during one network operation.
struct CallbackState
{
    const std::atomic_bool *cancel = nullptr;
    const GitRepository::Progress *progress = nullptr;
    QString what;
    int agentAttempts = 0;
    bool authFailed = false;
    QString pushRejection;

    bool cancelled() const { return cancel && cancel->load(); }
};

int credentialsCallback(git_credential **out, const char *url, const char *usernameFromUrl, unsigned int allowedTypes,
                        void *payload)
{
    auto *state = static_cast<CallbackState *>(payload);
    const char *user = usernameFromUrl && *usernameFromUrl ? usernameFromUrl : "git";
    if (allowedTypes & GIT_CREDENTIAL_USERNAME) {
        return git_credential_username_new(out, user);
    }
    // ssh-agent only, once: libgit2 asks again after a rejected key, which would loop forever.
    if ((allowedTypes & GIT_CREDENTIAL_SSH_KEY) && state->agentAttempts == 0) {
        ++state->agentAttempts;
        return git_credential_ssh_key_from_agent(out, user);
    }
    // HTTPS passwords (the Git credential helper) are not supported yet.
    state->authFailed = true;
    git_error_set_str(GIT_ERROR_NET, "authentication required");
    qCDebug(lcGitRepository) << "no usable credentials for" << url << "allowed types" << allowedTypes;
    return GIT_EAUTH;
}

int transferProgressCallback(const git_indexer_progress *stats, void *payload)
{
    auto *state = static_cast<CallbackState *>(payload);
    if (state->cancelled()) {
        return -1;
    }
    if (state->progress && *state->progress) {
        (*state->progress)(stats->received_objects, stats->total_objects, state->what);
    }
    return 0;
}

int sidebandCallback(const char *, int, void *payload)
{
    return static_cast<CallbackState *>(payload)->cancelled() ? -1 : 0;
}

int pushUpdateReferenceCallback(const char *refname, const char *status, void *payload)
{
    if (status) {
        auto *state = static_cast<CallbackState *>(payload);
        state->pushRejection = QString::fromUtf8(refname) + QStringLiteral(": ") + QString::fromUtf8(status);
    }
    return 0;
}

void setupCallbacks(git_remote_callbacks &callbacks, CallbackState &state)
{
    git_remote_init_callbacks(&callbacks, GIT_REMOTE_CALLBACKS_VERSION);
    callbacks.credentials = credentialsCallback;
    callbacks.transfer_progress = transferProgressCallback;
    callbacks.sideband_progress = sidebandCallback;
    callbacks.push_update_reference = pushUpdateReferenceCallback;
    // certificate_check stays unset: libgit2 verifies TLS certificates against the system store.
    callbacks.payload = &state;
}

QString authFailedMessage(const QString &url)
{
    return tr("authentication failed for %1: configure an SSH key in ssh-agent or a credential helper").arg(url);
}

// One mutex per clone folder: two syncs of the same clone (say the workspace's and a Location's)
// must not interleave.
std::shared_ptr<QMutex> folderMutex(const QString &localDir)
{
    static QMutex registryMutex;
    static QHash<QString, std::shared_ptr<QMutex>> registry;
    const QMutexLocker locker(&registryMutex);
    auto &mutex = registry[QDir::cleanPath(QFileInfo(localDir).absoluteFilePath())];
    if (!mutex) {
        mutex = std::make_shared<QMutex>();
    }
    return mutex;
}

// url.<base>.insteadOf from the Git configuration, applied by hand: libgit2 1.5 leaks memory on
// every regular expression that does not match, and it matches one per configuration entry each
// time a remote is looked up or created with rewriting on.
QString applyInsteadOf(git_repository *repo, const QString &url)
{
    git_config *config = nullptr;
    if (git_repository_config_snapshot(&config, repo) < 0) {
        git_error_clear();
        return url;
    }
    QString bestPrefix;
    QString bestBase;
    git_config_iterator *iterator = nullptr;
    if (git_config_iterator_new(&iterator, config) == 0) {
        git_config_entry *entry = nullptr;
        while (git_config_next(&entry, iterator) == 0) {
            const QString name = QString::fromUtf8(entry->name);
            const QLatin1String section("url.");
            const QLatin1String key(".insteadof");
            if (!name.startsWith(section) || !name.endsWith(key, Qt::CaseInsensitive)) {
                continue;
            }
            const QString prefix = QString::fromUtf8(entry->value);
            if (!prefix.isEmpty() && url.startsWith(prefix) && prefix.size() > bestPrefix.size()) {
                bestPrefix = prefix;
                bestBase = name.mid(section.size(), name.size() - section.size() - key.size());
            }
        }
        git_config_iterator_free(iterator);
    }
    git_config_free(config);
    git_error_clear();
    return bestPrefix.isEmpty() ? url : bestBase + url.mid(bestPrefix.size());
}

// An in-memory remote for `url` (nothing is written to the repository's configuration).
RemotePtr anonymousRemote(git_repository *repo, const QString &url)
{
    git_remote_create_options options;
    git_remote_create_options_init(&options, GIT_REMOTE_CREATE_OPTIONS_VERSION);
    options.repository = repo;
    options.flags = GIT_REMOTE_CREATE_SKIP_INSTEADOF | GIT_REMOTE_CREATE_SKIP_DEFAULT_FETCHSPEC;
    const QByteArray effective = applyInsteadOf(repo, url).toUtf8();
    git_remote *remote = nullptr;
    if (git_remote_create_with_opts(&remote, effective.constData(), &options) < 0) {
        return nullptr;
    }
    return RemotePtr(remote);
}

struct FetchOutcome
{
    bool ok = false;
    bool cancelled = false;
    bool authFailed = false;
    QString error;         // libgit2's message
    QString defaultBranch; // short name, when the remote told us
};

// Fetches the branches of `url` into refs/remotes/origin/* and learns the remote's default branch.
FetchOutcome fetchOrigin(git_repository *repo, const std::atomic_bool *cancel, const GitRepository::Progress &progress,
                         const QString &url)
{
    FetchOutcome outcome;
    const RemotePtr remote = anonymousRemote(repo, url);
    if (!remote) {
        outcome.error = GitRepository::lastError();
        return outcome;
    }

    CallbackState state;
    state.cancel = cancel;
    state.progress = &progress;
    state.what = tr("Fetching %1").arg(url);

    git_remote_connect_options connectOptions;
    git_remote_connect_options_init(&connectOptions, GIT_REMOTE_CONNECT_OPTIONS_VERSION);
    setupCallbacks(connectOptions.callbacks, state);

    git_fetch_options fetchOptions;
    git_fetch_options_init(&fetchOptions, GIT_FETCH_OPTIONS_VERSION);
    setupCallbacks(fetchOptions.callbacks, state);

    const auto fail = [&]() {
        outcome.cancelled = state.cancelled();
        outcome.authFailed = state.authFailed;
        outcome.error = GitRepository::lastError();
        git_remote_disconnect(remote.get());
        return outcome;
    };

    if (git_remote_connect_ext(remote.get(), GIT_DIRECTION_FETCH, &connectOptions) < 0) {
        return fail();
    }
    git_buf defaultBranch = {nullptr, 0, 0};
    if (git_remote_default_branch(&defaultBranch, remote.get()) == 0) {
        const QString ref = QString::fromUtf8(defaultBranch.ptr, qsizetype(defaultBranch.size));
        if (ref.startsWith(QLatin1String("refs/heads/"))) {
            outcome.defaultBranch = ref.mid(11);
        }
    }
    git_buf_dispose(&defaultBranch);
    git_error_clear();

    char refspec[] = "+refs/heads/*:refs/remotes/origin/*";
    char *refspecList[] = {refspec};
    const git_strarray refspecs = {refspecList, 1};
    fetchOptions.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
    if (git_remote_download(remote.get(), &refspecs, &fetchOptions) < 0) {
        return fail();
    }
    if (git_remote_update_tips(remote.get(), &fetchOptions.callbacks, 1, GIT_REMOTE_DOWNLOAD_TAGS_NONE, nullptr) < 0) {
        return fail();
    }
    // update_tips does not prune by itself: branches deleted on the remote go away here.
    if (git_remote_prune(remote.get(), &fetchOptions.callbacks) < 0) {
        qCWarning(lcGitRepository) << "could not prune" << url << GitRepository::lastError();
    }
    git_remote_disconnect(remote.get());

    if (!outcome.defaultBranch.isEmpty()) {
        // Remember it for offline starts, like `git clone` does.
        const QByteArray target = "refs/remotes/origin/" + outcome.defaultBranch.toUtf8();
        git_reference *head = nullptr;
        if (git_reference_symbolic_create(&head, repo, "refs/remotes/origin/HEAD", target.constData(), 1,
                                          "gantry: remote HEAD") == 0) {
            git_reference_free(head);
        }
        git_error_clear();
    }
    outcome.ok = true;
    return outcome;
}

struct CheckoutOutcome
{
    bool ok = false;
    QString error;
    QString commit;
    QString previousCommit;
    QStringList changedPaths;
};

QStringList diffPaths(git_repository *repo, git_tree *oldTree, git_tree *newTree)
{
    QStringList paths;
    git_diff_options options;
    git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
    git_diff *rawDiff = nullptr;
    if (git_diff_tree_to_tree(&rawDiff, repo, oldTree, newTree, &options) < 0) {
        qCWarning(lcGitRepository) << "diff failed:" << GitRepository::lastError();
        return paths;
    }
    const DiffPtr diff(rawDiff);
    const size_t count = git_diff_num_deltas(diff.get());
    for (size_t i = 0; i < count; ++i) {
        const git_diff_delta *delta = git_diff_get_delta(diff.get(), i);
        const QString newPath = QString::fromUtf8(delta->new_file.path);
        const QString oldPath = QString::fromUtf8(delta->old_file.path);
        if (!newPath.isEmpty() && !paths.contains(newPath)) {
            paths.append(newPath);
        }
        if (!oldPath.isEmpty() && !paths.contains(oldPath)) {
            paths.append(oldPath);
        }
    }
    paths.sort();
    return paths;
}

// Makes the working tree equal to the tip of refs/remotes/origin/BRANCH (detached HEAD).
CheckoutOutcome checkoutRemoteBranch(git_repository *repo, const QString &branch, const QString &url)
{
    CheckoutOutcome outcome;
    const QByteArray refName = branch.isEmpty() ? QByteArray("refs/remotes/origin/HEAD")
                                                : QByteArray("refs/remotes/origin/" + branch.toUtf8());
    git_oid target;
    if (git_reference_name_to_id(&target, repo, refName.constData()) < 0) {
        git_error_clear();
        outcome.error = branch.isEmpty()
                            ? tr("%1 has no default branch (is the repository empty?); name a branch").arg(url)
                            : tr("branch '%1' does not exist in %2; check the branch name").arg(branch, url);
        return outcome;
    }

    git_commit *rawCommit = nullptr;
    if (git_commit_lookup(&rawCommit, repo, &target) < 0) {
        outcome.error = GitRepository::lastError();
        return outcome;
    }
    const CommitPtr commit(rawCommit);
    git_tree *rawTree = nullptr;
    if (git_commit_tree(&rawTree, commit.get()) < 0) {
        outcome.error = GitRepository::lastError();
        return outcome;
    }
    const TreePtr tree(rawTree);

    TreePtr previousTree;
    git_oid previous;
    if (git_reference_name_to_id(&previous, repo, "HEAD") == 0) {
        outcome.previousCommit = oidToHex(previous);
        git_commit *previousCommit = nullptr;
        if (git_commit_lookup(&previousCommit, repo, &previous) == 0) {
            git_tree *raw = nullptr;
            if (git_commit_tree(&raw, previousCommit) == 0) {
                previousTree.reset(raw);
            }
            git_commit_free(previousCommit);
        }
    }
    git_error_clear();

    git_checkout_options options;
    git_checkout_options_init(&options, GIT_CHECKOUT_OPTIONS_VERSION);
    // The clone belongs to Gantry: whatever is in it, it must equal the commit afterwards.
    options.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_REMOVE_UNTRACKED | GIT_CHECKOUT_REMOVE_IGNORED;
    if (git_checkout_tree(repo, reinterpret_cast<const git_object *>(commit.get()), &options) < 0 ||
        git_repository_set_head_detached(repo, &target) < 0) {
        outcome.error = GitRepository::lastError();
        return outcome;
    }
    outcome.commit = oidToHex(target);
    if (previousTree && outcome.previousCommit != outcome.commit) {
        outcome.changedPaths = diffPaths(repo, previousTree.get(), tree.get());
    }
    outcome.ok = true;
    return outcome;
}

bool isRepository(const QString &dir, RepositoryPtr *out)
{
    git_repository *raw = nullptr;
    const QByteArray path = QFile::encodeName(dir);
    if (git_repository_open_ext(&raw, path.constData(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0) {
        git_error_clear();
        return false;
    }
    if (out) {
        out->reset(raw);
    } else {
        git_repository_free(raw);
    }
    return true;
}

} // namespace

QString GitRepository::lastError()
{
    const git_error *error = git_error_last();
    if (!error || !error->message) {
        return tr("unknown Git error");
    }
    return QString::fromUtf8(error->message).trimmed();
}

GitRepository::SyncResult GitRepository::sync(const QString &url, const QString &branch, const QString &localDir,
                                              bool offline, const std::atomic_bool *cancel, const Progress &progress)
{
    ensureInitialised();
    SyncResult result;
    const auto mutex = folderMutex(localDir);
    const QMutexLocker locker(mutex.get());

    RepositoryPtr repo;
    const bool haveClone = isRepository(localDir, &repo);

    if (!haveClone) {
        if (offline) {
            result.error =
                tr("%1 has not been downloaded yet and Gantry is offline; connect to the network and refresh").arg(url);
            return result;
        }
        // Clone into a temporary sibling and move it in place once complete, so that an
        // interrupted clone never looks like a usable one.
        const QFileInfo target(localDir);
        if (!QDir().mkpath(target.absolutePath())) {
            result.error = tr("cannot create the folder %1").arg(target.absolutePath());
            return result;
        }
        QTemporaryDir temporary(target.absolutePath() + QStringLiteral("/.clone-XXXXXX"));
        if (!temporary.isValid()) {
            result.error = tr("cannot create a temporary folder in %1").arg(target.absolutePath());
            return result;
        }
        git_repository_init_options initOptions;
        git_repository_init_options_init(&initOptions, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
        initOptions.flags = GIT_REPOSITORY_INIT_MKPATH;
        git_repository *raw = nullptr;
        const QByteArray tempPath = QFile::encodeName(temporary.path());
        if (git_repository_init_ext(&raw, tempPath.constData(), &initOptions) < 0) {
            result.error = tr("cannot create a clone of %1: %2").arg(url, lastError());
            return result;
        }
        RepositoryPtr fresh(raw);
        const FetchOutcome fetched = fetchOrigin(fresh.get(), cancel, progress, url);
        if (!fetched.ok) {
            if (fetched.cancelled) {
                result.error = tr("cancelled");
            } else if (fetched.authFailed) {
                result.error = authFailedMessage(url);
            } else {
                result.error =
                    tr("could not reach %1: %2; check the URL and your network connection").arg(url, fetched.error);
            }
            return result;
        }
        const CheckoutOutcome checkedOut =
            checkoutRemoteBranch(fresh.get(), branch.isEmpty() ? fetched.defaultBranch : branch, url);
        if (!checkedOut.ok) {
            result.error = checkedOut.error;
            return result;
        }
        fresh.reset();
        if (QFileInfo::exists(localDir) && !QDir(localDir).removeRecursively()) {
            result.error = tr("cannot replace the damaged clone in %1").arg(localDir);
            return result;
        }
        if (!QDir().rename(temporary.path(), localDir)) {
            result.error = tr("cannot move the clone to %1").arg(localDir);
            return result;
        }
        result.ok = true;
        result.commit = checkedOut.commit;
        qCDebug(lcGitRepository) << "cloned" << url << branch << "at" << result.commit;
        return result;
    }

    // An existing clone: fetch it from `url` (in memory; the clone's own configuration is not
    // consulted, so it cannot point anywhere else).
    QString fetchProblem;
    QString defaultBranch;
    if (offline) {
        result.offline = true;
    } else {
        const FetchOutcome fetched = fetchOrigin(repo.get(), cancel, progress, url);
        if (fetched.cancelled) {
            result.error = tr("cancelled");
            return result;
        }
        if (!fetched.ok) {
            result.offline = true;
            fetchProblem =
                fetched.authFailed ? authFailedMessage(url) : tr("could not reach %1: %2").arg(url, fetched.error);
        }
        defaultBranch = fetched.defaultBranch;
    }
    if (cancel && cancel->load()) {
        result.error = tr("cancelled");
        return result;
    }
    const CheckoutOutcome checkedOut = checkoutRemoteBranch(repo.get(), branch.isEmpty() ? defaultBranch : branch, url);
    if (!checkedOut.ok) {
        result.error = fetchProblem.isEmpty() ? checkedOut.error : fetchProblem;
        return result;
    }
    result.ok = true;
    result.commit = checkedOut.commit;
    result.previousCommit = checkedOut.previousCommit;
    result.changedPaths = checkedOut.changedPaths;
    if (!fetchProblem.isEmpty()) {
        result.error = tr("%1; showing the last fetched commit %2").arg(fetchProblem, shortId(result.commit));
    }
    qCDebug(lcGitRepository) << "synced" << url << branch << result.previousCommit << "->" << result.commit
                             << result.changedPaths.size() << "changed" << (result.offline ? "(offline)" : "");
    return result;
}

QHash<QString, QByteArray> GitRepository::blobIds(const QString &localDir, const QString &commit, QString *error)
{
    ensureInitialised();
    QHash<QString, QByteArray> ids;
    RepositoryPtr repo;
    if (!isRepository(localDir, &repo)) {
        if (error) {
            *error = tr("%1 is not a Git repository").arg(localDir);
        }
        return ids;
    }
    const QByteArray spec = commit.isEmpty() ? QByteArray("HEAD") : commit.toLatin1();
    git_object *rawObject = nullptr;
    if (git_revparse_single(&rawObject, repo.get(), spec.constData()) < 0) {
        if (error) {
            *error = lastError();
        }
        return ids;
    }
    const ObjectPtr object(rawObject);
    git_object *rawTree = nullptr;
    if (git_object_peel(&rawTree, object.get(), GIT_OBJECT_TREE) < 0) {
        if (error) {
            *error = lastError();
        }
        return ids;
    }
    const ObjectPtr tree(rawTree);
    const auto visit = [](const char *root, const git_tree_entry *entry, void *payload) -> int {
        if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB) {
            char hex[GIT_OID_HEXSZ + 1] = {};
            git_oid_tostr(hex, sizeof hex, git_tree_entry_id(entry));
            auto *out = static_cast<QHash<QString, QByteArray> *>(payload);
            out->insert(QString::fromUtf8(root) + QString::fromUtf8(git_tree_entry_name(entry)), QByteArray(hex));
        }
        return 0;
    };
    if (git_tree_walk(reinterpret_cast<const git_tree *>(tree.get()), GIT_TREEWALK_PRE, visit, &ids) < 0) {
        if (error) {
            *error = lastError();
        }
        ids.clear();
    }
    return ids;
}

bool GitRepository::initBare(const QString &path, QString *error, const QString &initialBranch)
{
    ensureInitialised();
    git_repository_init_options options;
    git_repository_init_options_init(&options, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
    options.flags = GIT_REPOSITORY_INIT_BARE | GIT_REPOSITORY_INIT_MKPATH;
    const QByteArray head = initialBranch.toUtf8();
    options.initial_head = head.constData();
    git_repository *raw = nullptr;
    const QByteArray nativePath = QFile::encodeName(path);
    if (git_repository_init_ext(&raw, nativePath.constData(), &options) < 0) {
        if (error) {
            *error = tr("cannot create the Git repository %1: %2").arg(path, lastError());
        }
        return false;
    }
    git_repository_free(raw);
    return true;
}

bool GitRepository::commitAllAndPush(const QString &workTree, const QString &remoteUrl, const QString &branch,
                                     const QString &message, const QString &fallbackName, const QString &fallbackEmail,
                                     QString *error, qint64 commitTime)
{
    ensureInitialised();
    const auto fail = [error](const QString &what) {
        if (error) {
            *error = what;
        }
        return false;
    };
    const QByteArray branchRef = "refs/heads/" + branch.toUtf8();

    RepositoryPtr repo;
    if (!isRepository(workTree, &repo)) {
        git_repository_init_options options;
        git_repository_init_options_init(&options, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
        options.flags = GIT_REPOSITORY_INIT_MKPATH;
        const QByteArray head = branch.toUtf8();
        options.initial_head = head.constData();
        git_repository *raw = nullptr;
        const QByteArray path = QFile::encodeName(workTree);
        if (git_repository_init_ext(&raw, path.constData(), &options) < 0) {
            return fail(tr("cannot create a Git repository in %1: %2").arg(workTree, lastError()));
        }
        repo.reset(raw);
    }

    git_index *rawIndex = nullptr;
    if (git_repository_index(&rawIndex, repo.get()) < 0) {
        return fail(tr("cannot read the Git index of %1: %2").arg(workTree, lastError()));
    }
    const IndexPtr index(rawIndex);
    git_strarray everything = {nullptr, 0};
    git_oid treeId;
    if (git_index_add_all(index.get(), &everything, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr) < 0 ||
        git_index_update_all(index.get(), &everything, nullptr, nullptr) < 0 || git_index_write(index.get()) < 0 ||
        git_index_write_tree(&treeId, index.get()) < 0) {
        return fail(tr("cannot add the files of %1 to Git: %2").arg(workTree, lastError()));
    }
    git_tree *rawTree = nullptr;
    if (git_tree_lookup(&rawTree, repo.get(), &treeId) < 0) {
        return fail(lastError());
    }
    const TreePtr tree(rawTree);

    CommitPtr parent;
    git_oid parentId;
    if (git_reference_name_to_id(&parentId, repo.get(), branchRef.constData()) == 0) {
        git_commit *raw = nullptr;
        if (git_commit_lookup(&raw, repo.get(), &parentId) < 0) {
            return fail(lastError());
        }
        parent.reset(raw);
    }
    git_error_clear();

    const bool unchanged = parent && git_oid_equal(git_commit_tree_id(parent.get()), &treeId);
    if (!unchanged) {
        git_signature *rawSignature = nullptr;
        QByteArray name = fallbackName.toUtf8();
        QByteArray email = fallbackEmail.toUtf8();
        const bool reproducible = commitTime >= 0;
        if (!reproducible && git_signature_default(&rawSignature, repo.get()) == 0) {
            name = rawSignature->name;
            email = rawSignature->email;
            git_signature_free(rawSignature);
            rawSignature = nullptr;
        }
        git_error_clear();
        const int created = reproducible
                                ? git_signature_new(&rawSignature, name.constData(), email.constData(), commitTime, 0)
                                : git_signature_now(&rawSignature, name.constData(), email.constData());
        if (created < 0) {
            return fail(tr("cannot make a Git signature for %1 <%2>: %3")
                            .arg(QString::fromUtf8(name), QString::fromUtf8(email), lastError()));
        }
        const SignaturePtr signature(rawSignature);
        const git_commit *parents[] = {parent.get()};
        git_oid commitId;
        const QByteArray messageBytes = message.toUtf8();
        if (git_commit_create(&commitId, repo.get(), branchRef.constData(), signature.get(), signature.get(), nullptr,
                              messageBytes.constData(), tree.get(), parent ? 1 : 0, parents) < 0) {
            return fail(tr("cannot commit in %1: %2").arg(workTree, lastError()));
        }
    }
    if (git_repository_set_head(repo.get(), branchRef.constData()) < 0) {
        return fail(lastError());
    }

    const RemotePtr remote = anonymousRemote(repo.get(), remoteUrl);
    if (!remote) {
        return fail(tr("cannot push to %1: %2").arg(remoteUrl, lastError()));
    }

    CallbackState state;
    git_push_options pushOptions;
    git_push_options_init(&pushOptions, GIT_PUSH_OPTIONS_VERSION);
    setupCallbacks(pushOptions.callbacks, state);
    const QByteArray refspec = branchRef + ':' + branchRef;
    char *refspecs[] = {const_cast<char *>(refspec.constData())};
    const git_strarray specs = {refspecs, 1};
    if (git_remote_push(remote.get(), &specs, &pushOptions) < 0) {
        if (state.authFailed) {
            return fail(authFailedMessage(remoteUrl));
        }
        return fail(tr("cannot push to %1: %2").arg(remoteUrl, lastError()));
    }
    if (!state.pushRejection.isEmpty()) {
        return fail(tr("%1 rejected the push (%2); fetch and retry").arg(remoteUrl, state.pushRejection));
    }
    return true;
}

} // namespace Gantry::Sources
