// GitRepository against real local repositories: a bare repository plays the Git host, a work
// tree pushes to it with commitAllAndPush, and sync() clones and fetches it.

#include "models/sources/gitrepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <git2.h>

using Gantry::Sources::GitRepository;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
    QCOMPARE(file.write(content), content.size());
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

// What `git hash-object` prints: computed here independently of libgit2.
QByteArray gitBlobId(const QByteArray &content)
{
    const QByteArray object = "blob " + QByteArray::number(content.size()) + '\0' + content;
    return QCryptographicHash::hash(object, QCryptographicHash::Sha1).toHex();
}

QString fileUrl(const QString &path)
{
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded);
}

// "Name <email>" of the commit a branch of a bare repository points at, read with libgit2.
QString authorOf(const QString &bare, const char *ref)
{
    git_libgit2_init();
    QString author;
    git_repository *repo = nullptr;
    git_oid oid;
    git_commit *commit = nullptr;
    if (git_repository_open_bare(&repo, QFile::encodeName(bare).constData()) == 0 &&
        git_reference_name_to_id(&oid, repo, ref) == 0 && git_commit_lookup(&commit, repo, &oid) == 0) {
        const git_signature *signature = git_commit_author(commit);
        author = QString::fromUtf8(signature->name) + QStringLiteral(" <") + QString::fromUtf8(signature->email) +
                 QLatin1Char('>');
    }
    git_commit_free(commit);
    git_repository_free(repo);
    git_libgit2_shutdown();
    return author;
}

} // namespace

class TestGitSync : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_bare;
    QString m_work;

    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    bool push(const QString &message)
    {
        QString error;
        const bool ok =
            GitRepository::commitAllAndPush(m_work, fileUrl(m_bare), QStringLiteral("main"), message,
                                            QStringLiteral("Test"), QStringLiteral("test@example.invalid"), &error);
        if (!ok) {
            qWarning() << error;
        }
        return ok;
    }

    // The Git configuration this test may write: never the real ~/.gitconfig, even when the test
    // runs outside CTest (which gives it a private HOME).
    QString globalConfig() const { return path(QStringLiteral("git-config-home/.gitconfig")); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(path(QStringLiteral("git-config-home"))));
        git_libgit2_init(); // kept until exit, so that the search paths below stay set
        const QByteArray home = QFile::encodeName(path(QStringLiteral("git-config-home")));
        for (const int level : {GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL}) {
            QCOMPARE(git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, home.constData()), 0);
        }
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_bare = path(QStringLiteral("host/catalog-%1.git").arg(QString::fromLatin1(QTest::currentTestFunction())));
        m_work = path(QStringLiteral("work-%1").arg(QString::fromLatin1(QTest::currentTestFunction())));
        QString error;
        QVERIFY2(GitRepository::initBare(m_bare, &error), qPrintable(error));
        writeFile(m_work + QStringLiteral("/catalog-info.yaml"), "kind: Location\n");
        writeFile(m_work + QStringLiteral("/a.yaml"), "a: 1\n");
        writeFile(m_work + QStringLiteral("/dir/b.yaml"), "b: 1\n");
        writeFile(m_work + QStringLiteral("/dir/unchanged.yaml"), "same\n");
        QVERIFY(push(QStringLiteral("first")));
    }

    void cloneThenFetchReportsExactlyTheChangedFiles()
    {
        const QString clone = path(QStringLiteral("clone"));
        const auto first = GitRepository::sync(fileUrl(m_bare), QStringLiteral("main"), clone, false);
        QVERIFY2(first.ok, qPrintable(first.error));
        QVERIFY(!first.offline);
        QVERIFY(first.error.isEmpty());
        QCOMPARE(first.commit.size(), 40);
        QVERIFY(first.previousCommit.isEmpty());
        QCOMPARE(readFile(clone + QStringLiteral("/dir/b.yaml")), QByteArray("b: 1\n"));

        // Modify one file, add one, delete one.
        writeFile(m_work + QStringLiteral("/a.yaml"), "a: 2\n");
        writeFile(m_work + QStringLiteral("/c.yaml"), "c: 1\n");
        QVERIFY(QFile::remove(m_work + QStringLiteral("/dir/b.yaml")));
        QVERIFY(push(QStringLiteral("second")));

        const auto second = GitRepository::sync(fileUrl(m_bare), QStringLiteral("main"), clone, false);
        QVERIFY2(second.ok, qPrintable(second.error));
        QCOMPARE(second.previousCommit, first.commit);
        QVERIFY(second.commit != first.commit);
        QCOMPARE(second.changedPaths,
                 QStringList({QStringLiteral("a.yaml"), QStringLiteral("c.yaml"), QStringLiteral("dir/b.yaml")}));
        // The working tree equals the new commit.
        QCOMPARE(readFile(clone + QStringLiteral("/a.yaml")), QByteArray("a: 2\n"));
        QCOMPARE(readFile(clone + QStringLiteral("/c.yaml")), QByteArray("c: 1\n"));
        QVERIFY(!QFile::exists(clone + QStringLiteral("/dir/b.yaml")));
        QVERIFY(QFile::exists(clone + QStringLiteral("/dir/unchanged.yaml")));

        const auto third = GitRepository::sync(fileUrl(m_bare), QStringLiteral("main"), clone, false);
        QVERIFY2(third.ok, qPrintable(third.error));
        QCOMPARE(third.commit, second.commit);
        QVERIFY(third.changedPaths.isEmpty());
    }

    void localEditsInTheCloneAreOverwritten()
    {
        const QString clone = path(QStringLiteral("clone-edited"));
        QVERIFY(GitRepository::sync(fileUrl(m_bare), QStringLiteral("main"), clone, false).ok);
        writeFile(clone + QStringLiteral("/a.yaml"), "edited by hand\n");
        writeFile(clone + QStringLiteral("/stray.yaml"), "x\n");
        const auto result = GitRepository::sync(fileUrl(m_bare), QStringLiteral("main"), clone, false);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(readFile(clone + QStringLiteral("/a.yaml")), QByteArray("a: 1\n"));
        QVERIFY(!QFile::exists(clone + QStringLiteral("/stray.yaml")));
    }

    void emptyBranchMeansTheRemoteDefault()
    {
        const QString clone = path(QStringLiteral("clone-default"));
        const auto result = GitRepository::sync(fileUrl(m_bare), QString(), clone, false);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(QFile::exists(clone + QStringLiteral("/catalog-info.yaml")));
        // Offline, the remembered default branch is used.
        const auto offline = GitRepository::sync(fileUrl(m_bare), QString(), clone, true);
        QVERIFY2(offline.ok, qPrintable(offline.error));
        QCOMPARE(offline.commit, result.commit);
    }

    void offlineStartUsesTheExistingClone()
    {
        const QString clone = path(QStringLiteral("clone-offline"));
        const auto first = GitRepository::sync(fileUrl(m_bare), QStringLiteral("main"), clone, false);
        QVERIFY(first.ok);
        writeFile(m_work + QStringLiteral("/a.yaml"), "a: 3\n");
        QVERIFY(push(QStringLiteral("not fetched")));

        const auto offline = GitRepository::sync(fileUrl(m_bare), QStringLiteral("main"), clone, true);
        QVERIFY2(offline.ok, qPrintable(offline.error));
        QVERIFY(offline.offline);
        QCOMPARE(offline.commit, first.commit);
        QCOMPARE(readFile(clone + QStringLiteral("/a.yaml")), QByteArray("a: 1\n"));
    }

    void offlineWithoutACloneFails()
    {
        const QString clone = path(QStringLiteral("clone-never"));
        const auto result = GitRepository::sync(fileUrl(m_bare), QStringLiteral("main"), clone, true);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(fileUrl(m_bare)), qPrintable(result.error));
        QVERIFY(!QFileInfo::exists(clone));
    }

    void unreachableRemoteWithACloneShowsTheLastCommit()
    {
        const QString clone = path(QStringLiteral("clone-unreachable"));
        const auto first = GitRepository::sync(fileUrl(m_bare), QStringLiteral("main"), clone, false);
        QVERIFY(first.ok);
        const QString moved = m_bare + QStringLiteral(".moved");
        QVERIFY(QDir().rename(m_bare, moved));

        const auto result = GitRepository::sync(fileUrl(m_bare), QStringLiteral("main"), clone, false);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(result.offline);
        QCOMPARE(result.commit, first.commit);
        QVERIFY2(result.error.startsWith(QStringLiteral("could not reach ") + fileUrl(m_bare)),
                 qPrintable(result.error));
        QVERIFY2(result.error.endsWith(QStringLiteral("showing the last fetched commit ") + first.commit.left(7)),
                 qPrintable(result.error));
        QVERIFY(QFile::exists(clone + QStringLiteral("/a.yaml")));
    }

    void unreachableRemoteWithoutACloneFails()
    {
        const QString clone = path(QStringLiteral("clone-nonexistent"));
        const QString url = QStringLiteral("file:///nonexistent/catalog.git");
        const auto result = GitRepository::sync(url, QStringLiteral("main"), clone, false);
        QVERIFY(!result.ok);
        QVERIFY(!result.offline);
        QVERIFY2(result.error.startsWith(QStringLiteral("could not reach file:///nonexistent/catalog.git: ")),
                 qPrintable(result.error));
        QVERIFY(!QFileInfo::exists(clone));
        // No half-made clone is left next to it either.
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral(".clone-*")}, QDir::AllEntries | QDir::Hidden).size(), 0);
    }

    void missingBranchIsAClearError()
    {
        const QString clone = path(QStringLiteral("clone-nobranch"));
        const auto result = GitRepository::sync(fileUrl(m_bare), QStringLiteral("does-not-exist"), clone, false);
        QVERIFY(!result.ok);
        QCOMPARE(
            result.error,
            QStringLiteral("branch 'does-not-exist' does not exist in %1; check the branch name").arg(fileUrl(m_bare)));
        QVERIFY(!QFileInfo::exists(clone));
    }

    void branchDeletedOnTheRemoteIsReported()
    {
        QString error;
        QVERIFY2(GitRepository::commitAllAndPush(m_work, fileUrl(m_bare), QStringLiteral("feature"),
                                                 QStringLiteral("feature"), QStringLiteral("Test"),
                                                 QStringLiteral("test@example.invalid"), &error),
                 qPrintable(error));
        const QString clone = path(QStringLiteral("clone-feature"));
        QVERIFY(GitRepository::sync(fileUrl(m_bare), QStringLiteral("feature"), clone, false).ok);

        git_repository *bare = nullptr;
        QCOMPARE(git_repository_open_bare(&bare, QFile::encodeName(m_bare).constData()), 0);
        QCOMPARE(git_reference_remove(bare, "refs/heads/feature"), 0);
        git_repository_free(bare);

        const auto result = GitRepository::sync(fileUrl(m_bare), QStringLiteral("feature"), clone, false);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.startsWith(QStringLiteral("branch 'feature' does not exist")), qPrintable(result.error));
    }

    void cancelStopsTheClone()
    {
        const QString clone = path(QStringLiteral("clone-cancelled"));
        const std::atomic_bool cancel{true};
        int progressCalls = 0;
        const auto result = GitRepository::sync(fileUrl(m_bare), QStringLiteral("main"), clone, false, &cancel,
                                                [&](qint64, qint64, const QString &) { ++progressCalls; });
        QVERIFY(!result.ok);
        QCOMPARE(result.error, QStringLiteral("cancelled"));
        QVERIFY(!QFileInfo::exists(clone));
    }

    void progressIsReported()
    {
        const QString clone = path(QStringLiteral("clone-progress"));
        qint64 lastReceived = -1;
        qint64 lastTotal = -1;
        QString what;
        const auto result = GitRepository::sync(fileUrl(m_bare), QStringLiteral("main"), clone, false, nullptr,
                                                [&](qint64 received, qint64 total, const QString &text) {
                                                    lastReceived = received;
                                                    lastTotal = total;
                                                    what = text;
                                                });
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(lastTotal > 0);
        QCOMPARE(lastReceived, lastTotal);
        QVERIFY2(what.contains(fileUrl(m_bare)), qPrintable(what));
    }

    void blobIdsMatchGit()
    {
        const QString clone = path(QStringLiteral("clone-blobs"));
        const auto result = GitRepository::sync(fileUrl(m_bare), QStringLiteral("main"), clone, false);
        QVERIFY(result.ok);
        QString error;
        const auto ids = GitRepository::blobIds(clone, result.commit, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(ids.size(), 4);
        QCOMPARE(ids.value(QStringLiteral("a.yaml")), gitBlobId("a: 1\n"));
        QCOMPARE(ids.value(QStringLiteral("dir/b.yaml")), gitBlobId("b: 1\n"));
        QCOMPARE(ids.value(QStringLiteral("catalog-info.yaml")), gitBlobId("kind: Location\n"));
        // Empty commit: HEAD.
        QCOMPARE(GitRepository::blobIds(clone, QString()), ids);

        QVERIFY(GitRepository::blobIds(path(QStringLiteral("not-a-repo")), QString(), &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void pushingUnchangedFilesAddsNoCommit()
    {
        const QString clone = path(QStringLiteral("clone-unchanged"));
        const auto first = GitRepository::sync(fileUrl(m_bare), QStringLiteral("main"), clone, false);
        QVERIFY(push(QStringLiteral("nothing new")));
        const auto second = GitRepository::sync(fileUrl(m_bare), QStringLiteral("main"), clone, false);
        QCOMPARE(second.commit, first.commit);
    }

    void authorComesFromTheGitConfig()
    {
        // Without a configuration, the fallback (init() pushed before the file below existed).
        QCOMPARE(authorOf(m_bare, "refs/heads/main"), QStringLiteral("Test <test@example.invalid>"));
        const QString config = globalConfig();
        writeFile(config, "[user]\n\tname = Configured Person\n\temail = person@example.invalid\n");
        writeFile(m_work + QStringLiteral("/a.yaml"), "a: configured\n");
        const bool pushed = push(QStringLiteral("by the configured user"));
        const QString configured = authorOf(m_bare, "refs/heads/main");

        // A reproducible commit always uses the given author.
        writeFile(m_work + QStringLiteral("/a.yaml"), "a: reproducible\n");
        QString error;
        const bool pushedFixed = GitRepository::commitAllAndPush(
            m_work, fileUrl(m_bare), QStringLiteral("main"), QStringLiteral("fixed"), QStringLiteral("Fallback"),
            QStringLiteral("fallback@example.invalid"), &error, 1767225600);
        const QString fixed = authorOf(m_bare, "refs/heads/main");
        QFile::remove(config);

        QVERIFY(pushed);
        QVERIFY2(pushedFixed, qPrintable(error));
        QCOMPARE(configured, QStringLiteral("Configured Person <person@example.invalid>"));
        QCOMPARE(fixed, QStringLiteral("Fallback <fallback@example.invalid>"));
    }

    void urlRewritingFromTheGitConfigIsHonoured()
    {
        // url.<base>.insteadOf, as people use it to turn https:// into ssh:// URLs.
        const QString config = globalConfig();
        const QString base = fileUrl(path(QStringLiteral("host"))) + QLatin1Char('/');
        writeFile(config, "[url \"" + base.toUtf8() + "\"]\n\tinsteadOf = https://git.example.invalid/acme/\n");
        const QString url = QStringLiteral("https://git.example.invalid/acme/") + QFileInfo(m_bare).fileName();
        const auto result =
            GitRepository::sync(url, QStringLiteral("main"), path(QStringLiteral("clone-rewritten")), false);
        QFile::remove(config);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(QFile::exists(path(QStringLiteral("clone-rewritten/a.yaml"))));
    }

    void fixedCommitTimeIsReproducible()
    {
        QStringList commits;
        for (int i = 0; i < 2; ++i) {
            const QString bare = path(QStringLiteral("repro-%1.git").arg(i));
            const QString work = path(QStringLiteral("repro-work-%1").arg(i));
            QString error;
            QVERIFY(GitRepository::initBare(bare, &error));
            writeFile(work + QStringLiteral("/x.yaml"), "x: 1\n");
            QVERIFY2(GitRepository::commitAllAndPush(work, fileUrl(bare), QStringLiteral("main"), QStringLiteral("m"),
                                                     QStringLiteral("Test"), QStringLiteral("t@example.invalid"),
                                                     &error, 1767225600),
                     qPrintable(error));
            const auto result = GitRepository::sync(fileUrl(bare), QStringLiteral("main"),
                                                    path(QStringLiteral("repro-clone-%1").arg(i)), false);
            QVERIFY(result.ok);
            commits.append(result.commit);
        }
        QCOMPARE(commits.at(0), commits.at(1));
    }
};

QTEST_GUILESS_MAIN(TestGitSync)
#include "tst_gitsync.moc"
