#include "models/sources/gitpublisher.h"

#include "models/sources/gitsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>

#include <git2.h>

#include <memory>

Q_LOGGING_CATEGORY(lcGitPublisher, "gantry.sources.gitpublisher")

namespace Gantry::Sources {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Sources::GitPublisher", text);
}

QString lastError()
{
    const git_error *error = git_error_last();
    if (!error || !error->message) {
        return tr("unknown Git error");
    }
    return QString::fromUtf8(error->message).trimmed();
}

using namespace Git;

struct CallbackState
{
    const std::atomic_bool *cancel = nullptr;
    int credentialAttempts = 0;
    bool authFailed = false;
    QString rejection;
    // What the credential helper gave, to approve/reject afterwards (never logged).
    QByteArray helperInput;
    QByteArray helperAnswer;
};

// Asks `git credential fill` (the user's credential helper, run directly, no shell) for HTTPS.
bool credentialHelper(const char *url, QByteArray *username, QByteArray *password, CallbackState *state)
{
    const QString git = QStandardPaths::findExecutable(QStringLiteral("git"));
    if (git.isEmpty()) {
        return false;
    }
    const QUrl u(QString::fromUtf8(url));
    QByteArray input = "protocol=" + u.scheme().toUtf8() + "\nhost=" + u.host(QUrl::FullyEncoded).toUtf8();
    if (u.port() > 0) {
        input += ':' + QByteArray::number(u.port());
    }
    input += "\npath=" + u.path(QUrl::FullyEncoded).mid(1).toUtf8() + "\n\n";
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    process.setProcessEnvironment(env);
    process.start(git, {QStringLiteral("credential"), QStringLiteral("fill")});
    if (!process.waitForStarted(5000)) {
        return false;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        process.kill();
        process.waitForFinished(1000);
        return false;
    }
    const QByteArray answer = process.readAllStandardOutput();
    for (const QByteArray &line : answer.split('\n')) {
        if (line.startsWith("username=")) {
            *username = line.mid(9);
        } else if (line.startsWith("password=")) {
            *password = line.mid(9);
        }
    }
    state->helperInput = input;
    state->helperAnswer = answer;
    return !password->isEmpty();
}

void credentialFeedback(const CallbackState &state, bool approve)
{
    if (state.helperAnswer.isEmpty()) {
        return;
    }
    const QString git = QStandardPaths::findExecutable(QStringLiteral("git"));
    QProcess process;
    process.start(git, {QStringLiteral("credential"), approve ? QStringLiteral("approve") : QStringLiteral("reject")});
    if (process.waitForStarted(5000)) {
        process.write(state.helperAnswer + "\n");
        process.closeWriteChannel();
        process.waitForFinished(10000);
    }
}

int credentials(git_credential **out, const char *url, const char *usernameFromUrl, unsigned int allowedTypes,
                void *payload)
{
    auto *state = static_cast<CallbackState *>(payload);
    if (++state->credentialAttempts > 3) {
        state->authFailed = true;
        return GIT_EUSER;
    }
    const char *user = usernameFromUrl && *usernameFromUrl ? usernameFromUrl : "git";
    if (allowedTypes & GIT_CREDENTIAL_USERNAME) {
        return git_credential_username_new(out, user);
    }
    if ((allowedTypes & GIT_CREDENTIAL_SSH_KEY) && state->credentialAttempts == 1) {
        return git_credential_ssh_key_from_agent(out, user);
    }
    if ((allowedTypes & GIT_CREDENTIAL_USERPASS_PLAINTEXT) && state->credentialAttempts == 1) {
        QByteArray username;
        QByteArray password;
        if (credentialHelper(url, &username, &password, state)) {
            const int rc = git_credential_userpass_plaintext_new(out, username.constData(), password.constData());
            password.fill('\0');
            return rc;
        }
    }
    state->authFailed = true;
    return GIT_EUSER;
}

int transferProgress(const git_indexer_progress *, void *payload)
{
    const auto *state = static_cast<CallbackState *>(payload);
    return state->cancel && state->cancel->load() ? GIT_EUSER : 0;
}

int pushUpdate(const char *refname, const char *status, void *payload)
{
    auto *state = static_cast<CallbackState *>(payload);
    if (status) {
        state->rejection = QString::fromUtf8(refname) + QStringLiteral(": ") + QString::fromUtf8(status);
    }
    return 0;
}

void setupCallbacks(git_remote_callbacks &callbacks, CallbackState &state)
{
    callbacks.credentials = credentials;
    callbacks.transfer_progress = transferProgress;
    callbacks.push_update_reference = pushUpdate;
    callbacks.payload = &state;
    // certificate_check stays unset: libgit2 verifies TLS certificates against the system store.
}

QString authMessage(const QString &url)
{
    return tr("authentication failed for %1: add your SSH key to ssh-agent, or set up a Git credential helper for "
              "HTTPS (git config --global credential.helper …)")
        .arg(url);
}

QString localPath(const QString &remoteUrl)
{
    return QDir::cleanPath(QUrl(remoteUrl).toLocalFile());
}

bool initBare(const QString &path, const QString &branch, QString *error)
{
    git_repository_init_options options;
    git_repository_init_options_init(&options, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
    options.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_BARE;
    const QByteArray head = branch.toUtf8();
    options.initial_head = head.constData();
    git_repository *raw = nullptr;
    const QByteArray p = QFile::encodeName(path);
    if (git_repository_init_ext(&raw, p.constData(), &options) < 0) {
        *error = tr("cannot create the repository %1: %2").arg(path, lastError());
        return false;
    }
    git_repository_free(raw);
    return true;
}

// Stages everything in the work tree and commits on `branchRef` (parent: its current tip, if any).
bool commitAll(git_repository *repo, const QByteArray &branchRef, const QString &message, git_oid *commitId,
               bool *changed, QString *error)
{
    git_index *rawIndex = nullptr;
    if (git_repository_index(&rawIndex, repo) < 0) {
        *error = lastError();
        return false;
    }
    const IndexPtr index(rawIndex);
    git_strarray everything = {nullptr, 0};
    git_oid treeId;
    if (git_index_add_all(index.get(), &everything, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr) < 0 ||
        git_index_update_all(index.get(), &everything, nullptr, nullptr) < 0 || git_index_write(index.get()) < 0 ||
        git_index_write_tree(&treeId, index.get()) < 0) {
        *error = tr("cannot stage the files: %1").arg(lastError());
        return false;
    }
    git_tree *rawTree = nullptr;
    if (git_tree_lookup(&rawTree, repo, &treeId) < 0) {
        *error = lastError();
        return false;
    }
    const TreePtr tree(rawTree);
    CommitPtr parent;
    git_oid parentId;
    if (git_reference_name_to_id(&parentId, repo, branchRef.constData()) == 0) {
        git_commit *raw = nullptr;
        if (git_commit_lookup(&raw, repo, &parentId) < 0) {
            *error = lastError();
            return false;
        }
        parent.reset(raw);
    }
    git_error_clear();
    if (parent && git_oid_equal(git_commit_tree_id(parent.get()), &treeId)) {
        *changed = false;
        git_oid_cpy(commitId, &parentId);
        return true;
    }
    *changed = true;
    const GitPublisher::Identity who = GitPublisher::identity();
    git_signature *rawSignature = nullptr;
    if (git_signature_now(&rawSignature, who.name.toUtf8().constData(), who.email.toUtf8().constData()) < 0) {
        *error = tr("cannot make a Git signature for %1 <%2>: %3").arg(who.name, who.email, lastError());
        return false;
    }
    const SignaturePtr signature(rawSignature);
    const git_commit *parents[] = {parent.get()};
    const QByteArray messageBytes = message.toUtf8();
    if (git_commit_create(commitId, repo, branchRef.constData(), signature.get(), signature.get(), nullptr,
                          messageBytes.constData(), tree.get(), parent ? 1 : 0, parents) < 0) {
        *error = tr("cannot commit: %1").arg(lastError());
        return false;
    }
    return true;
}

enum class PushOutcome { Ok, Rejected, Failed };

PushOutcome push(git_repository *repo, const QString &remoteUrl, const QByteArray &branchRef, QString *error,
                 const std::atomic_bool *cancel)
{
    git_remote *rawRemote = nullptr;
    const QByteArray url = remoteUrl.toUtf8();
    if (git_remote_create_anonymous(&rawRemote, repo, url.constData()) < 0) {
        *error = tr("cannot push to %1: %2").arg(remoteUrl, lastError());
        return PushOutcome::Failed;
    }
    const RemotePtr remote(rawRemote);
    CallbackState state;
    state.cancel = cancel;
    git_push_options options;
    git_push_options_init(&options, GIT_PUSH_OPTIONS_VERSION);
    setupCallbacks(options.callbacks, state);
    const QByteArray refspec = branchRef + ':' + branchRef;
    char *refspecs[] = {const_cast<char *>(refspec.constData())};
    const git_strarray specs = {refspecs, 1};
    if (git_remote_push(remote.get(), &specs, &options) < 0) {
        const QString message = lastError();
        credentialFeedback(state, false);
        if (state.authFailed) {
            *error = authMessage(remoteUrl);
            return PushOutcome::Failed;
        }
        if (message.contains(QLatin1String("fast-forward"), Qt::CaseInsensitive) ||
            message.contains(QLatin1String("rejected"), Qt::CaseInsensitive)) {
            *error = tr("%1 rejected the push: %2").arg(remoteUrl, message);
            return PushOutcome::Rejected;
        }
        *error = tr("cannot push to %1: %2").arg(remoteUrl, message);
        return PushOutcome::Failed;
    }
    if (!state.rejection.isEmpty()) {
        *error = tr("%1 rejected the push (%2)").arg(remoteUrl, state.rejection);
        return PushOutcome::Rejected;
    }
    credentialFeedback(state, true);
    return PushOutcome::Ok;
}

QString hex(const git_oid &id)
{
    char buffer[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(buffer, sizeof(buffer), &id);
    return QString::fromLatin1(buffer);
}

} // namespace

GitPublisher::Identity GitPublisher::identity()
{
    ensureInitialised();
    Identity who;
    git_config *raw = nullptr;
    if (git_config_open_default(&raw) == 0) {
        const ConfigPtr config(raw);
        git_buf name = GIT_BUF_INIT;
        git_buf email = GIT_BUF_INIT;
        if (git_config_get_string_buf(&name, config.get(), "user.name") == 0 &&
            git_config_get_string_buf(&email, config.get(), "user.email") == 0) {
            who.name = QString::fromUtf8(name.ptr).trimmed();
            who.email = QString::fromUtf8(email.ptr).trimmed();
            who.fromGitConfig = !who.name.isEmpty() && !who.email.isEmpty();
        }
        git_buf_dispose(&name);
        git_buf_dispose(&email);
    }
    git_error_clear();
    if (!who.fromGitConfig) {
        who.name = QStringLiteral("Gantry");
        who.email = QStringLiteral("gantry@localhost");
    }
    return who;
}

bool GitPublisher::isLocalRemote(const QString &remoteUrl)
{
    return remoteUrl.startsWith(QLatin1String("file://"));
}

bool GitPublisher::localRemoteExists(const QString &remoteUrl)
{
    return isLocalRemote(remoteUrl) && QFileInfo::exists(localPath(remoteUrl));
}

bool GitPublisher::publishNew(const QString &folder, const QString &remoteUrl, const QString &branch,
                              const QString &message, QString *commit, QString *error, const std::atomic_bool *cancel)
{
    ensureInitialised();
    bool created = false;
    const QString bare = isLocalRemote(remoteUrl) ? localPath(remoteUrl) : QString();
    auto failed = [&](const QString &message) {
        *error = message;
        if (created) {
            QDir(bare).removeRecursively();
        }
        return false;
    };
    if (!bare.isEmpty()) {
        if (QFileInfo::exists(bare)) {
            return failed(tr("the repository %1 already exists; choose another name").arg(bare));
        }
        QString e;
        if (!initBare(bare, branch, &e)) {
            return failed(e);
        }
        created = true;
    }
    git_repository_init_options options;
    git_repository_init_options_init(&options, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
    options.flags = GIT_REPOSITORY_INIT_MKPATH;
    const QByteArray head = branch.toUtf8();
    options.initial_head = head.constData();
    git_repository *raw = nullptr;
    const QByteArray path = QFile::encodeName(folder);
    if (git_repository_init_ext(&raw, path.constData(), &options) < 0) {
        return failed(tr("cannot create a Git repository in %1: %2").arg(folder, lastError()));
    }
    const RepositoryPtr repo(raw);
    const QByteArray branchRef = "refs/heads/" + branch.toUtf8();
    git_oid id;
    bool changed = false;
    QString e;
    if (!commitAll(repo.get(), branchRef, message, &id, &changed, &e)) {
        return failed(e);
    }
    if (cancel && cancel->load()) {
        return failed(tr("cancelled"));
    }
    if (push(repo.get(), remoteUrl, branchRef, &e, cancel) != PushOutcome::Ok) {
        return failed(e);
    }
    if (commit) {
        *commit = hex(id);
    }
    return true;
}

bool GitPublisher::commitToRepository(const QString &url, const QString &branch, const QString &message,
                                      const Edit &edit, QString *commit, QString *error, const std::atomic_bool *cancel)
{
    ensureInitialised();
    for (int attempt = 0; attempt < 2; ++attempt) {
        QTemporaryDir checkout;
        if (!checkout.isValid()) {
            *error = tr("cannot create a temporary folder: %1").arg(checkout.errorString());
            return false;
        }
        CallbackState state;
        state.cancel = cancel;
        git_clone_options options;
        git_clone_options_init(&options, GIT_CLONE_OPTIONS_VERSION);
        setupCallbacks(options.fetch_opts.callbacks, state);
        const QByteArray branchBytes = branch.toUtf8();
        if (!branch.isEmpty()) {
            options.checkout_branch = branchBytes.constData();
        }
        git_repository *raw = nullptr;
        const QByteArray urlBytes = url.toUtf8();
        const QByteArray path = QFile::encodeName(checkout.path() + QStringLiteral("/repo"));
        if (git_clone(&raw, urlBytes.constData(), path.constData(), &options) < 0) {
            *error = state.authFailed ? authMessage(url) : tr("cannot clone %1: %2").arg(url, lastError());
            return false;
        }
        const RepositoryPtr repo(raw);
        git_reference *headRef = nullptr;
        if (git_repository_head(&headRef, repo.get()) < 0) {
            *error = tr("%1 has no branch to commit to: %2").arg(url, lastError());
            return false;
        }
        const QByteArray branchRef = git_reference_name(headRef);
        git_reference_free(headRef);
        const QString work = checkout.path() + QStringLiteral("/repo");
        if (!edit(work, error)) {
            return false;
        }
        git_oid id;
        bool changed = false;
        if (!commitAll(repo.get(), branchRef, message, &id, &changed, error)) {
            return false;
        }
        if (!changed) {
            if (commit) {
                *commit = hex(id);
            }
            return true;
        }
        const PushOutcome outcome = push(repo.get(), url, branchRef, error, cancel);
        if (outcome == PushOutcome::Ok) {
            if (commit) {
                *commit = hex(id);
            }
            return true;
        }
        if (outcome == PushOutcome::Failed) {
            return false;
        }
        qCInfo(lcGitPublisher) << "push to" << url << "was rejected; retrying from a fresh clone";
    }
    return false;
}

bool GitPublisher::removeLocalRemote(const QString &remoteUrl, QString *error)
{
    const QString bare = localPath(remoteUrl);
    const QDir dir(bare);
    if (!isLocalRemote(remoteUrl) || !dir.exists(QStringLiteral("HEAD")) || !dir.exists(QStringLiteral("objects"))) {
        *error = tr("%1 is not a local bare repository; nothing was removed").arg(remoteUrl);
        return false;
    }
    if (!QDir(bare).removeRecursively()) {
        *error = tr("cannot remove %1").arg(bare);
        return false;
    }
    return true;
}

} // namespace Gantry::Sources
