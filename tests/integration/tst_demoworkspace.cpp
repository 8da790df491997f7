// DemoWorkspace: the first-run demo is a loadable gantry.yaml and a bare "Git host" holding the
// built-in catalog as one commit on main, identical every time.

#include "models/sources/gitrepository.h"
#include "models/workspace/demoworkspace.h"
#include "models/workspace/workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <git2.h>

using Gantry::Sources::GitRepository;
using Gantry::Workspace::DemoWorkspace;
using Gantry::Workspace::Workspace;

namespace {

QString fileUrl(const QString &path)
{
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded);
}

// Commits reachable from `branch` in the bare repository, counted with libgit2 directly.
int commitCount(const QString &bare, const char *branch)
{
    git_libgit2_init();
    git_repository *repo = nullptr;
    if (git_repository_open_bare(&repo, QFile::encodeName(bare).constData()) < 0) {
        return -1;
    }
    git_revwalk *walk = nullptr;
    int count = 0;
    if (git_revwalk_new(&walk, repo) == 0 && git_revwalk_push_ref(walk, branch) == 0) {
        git_oid oid;
        while (git_revwalk_next(&oid, walk) == 0) {
            ++count;
        }
    } else {
        count = -1;
    }
    git_revwalk_free(walk);
    git_repository_free(repo);
    git_libgit2_shutdown();
    return count;
}

QStringList resourceFiles()
{
    QStringList files;
    const QString root = QStringLiteral(":/demo/catalog");
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files.append(it.next().mid(root.size() + 1));
    }
    files.sort();
    return files;
}

} // namespace

class TestDemoWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(resourceFiles().contains(QStringLiteral("catalog-info.yaml")),
                 "the demo catalog resource has no root catalog-info.yaml");
    }

    void createsALoadableWorkspace()
    {
        const QString dir = m_dir.filePath(QStringLiteral("demo"));
        QString error;
        QVERIFY2(DemoWorkspace::create(dir, &error), qPrintable(error));

        const auto workspace = Workspace::load(dir, &error);
        QVERIFY2(workspace, qPrintable(error));
        QCOMPARE(workspace->name, QStringLiteral("Acme Demo"));
        QVERIFY(DemoWorkspace::isDemo(*workspace));
        const QString bare = dir + QStringLiteral("/git/catalog.git");
        QCOMPARE(workspace->locations.size(), size_t(1));
        QCOMPARE(workspace->locations.front().url, fileUrl(bare));
        QCOMPARE(workspace->locations.front().branch, QStringLiteral("main"));
        QCOMPARE(workspace->locations.front().path, QStringLiteral("catalog-info.yaml"));
        QCOMPARE(workspace->gitRemotePattern, fileUrl(dir + QStringLiteral("/git")) + QStringLiteral("/{name}.git"));
        QCOMPARE(workspace->kubeconfig, dir + QStringLiteral("/kubeconfig"));
        QCOMPARE(workspace->environments.size(), size_t(2));
        QCOMPARE(workspace->environments.at(0).name, QStringLiteral("staging"));
        QCOMPARE(workspace->environments.at(0).context, QStringLiteral("gantry-demo"));
        QCOMPARE(workspace->environments.at(0).nameSpace, QStringLiteral("staging"));
        QCOMPARE(workspace->environments.at(1).name, QStringLiteral("production"));
        QCOMPARE(workspace->environments.at(1).nameSpace, QStringLiteral("production"));

        // The Git host: one commit on main holding exactly the built-in catalog.
        QCOMPARE(commitCount(bare, "refs/heads/main"), 1);
        const QString clone = m_dir.filePath(QStringLiteral("clone"));
        const auto synced = GitRepository::sync(workspace->locations.front().url, QString(), clone, false);
        QVERIFY2(synced.ok, qPrintable(synced.error));
        QStringList committed = GitRepository::blobIds(clone, synced.commit).keys();
        committed.sort();
        QCOMPARE(committed, resourceFiles());

        // kubeconfig and cluster.yaml belong to a later step.
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/kubeconfig")));
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/cluster.yaml")));
        // Nothing else was left in the folder.
        QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList({QStringLiteral("gantry.yaml"), QStringLiteral("git")}));
    }

    void isTheSameEveryTime()
    {
        QString error;
        QStringList commits;
        for (const QString &name : {QStringLiteral("first"), QStringLiteral("second")}) {
            const QString dir = m_dir.filePath(name);
            QVERIFY2(DemoWorkspace::create(dir, &error), qPrintable(error));
            const auto synced =
                GitRepository::sync(fileUrl(dir + QStringLiteral("/git/catalog.git")), QStringLiteral("main"),
                                    m_dir.filePath(name + QStringLiteral("-clone")), false);
            QVERIFY2(synced.ok, qPrintable(synced.error));
            commits.append(synced.commit);
        }
        QCOMPARE(commits.at(0), commits.at(1));
    }

    void existingEmptyFolderIsFine()
    {
        const QString dir = m_dir.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(dir));
        QString error;
        QVERIFY2(DemoWorkspace::create(dir, &error), qPrintable(error));
    }

    void refusesANonEmptyFolder()
    {
        const QString dir = m_dir.filePath(QStringLiteral("busy"));
        QVERIFY(QDir().mkpath(dir));
        QFile keep(dir + QStringLiteral("/.keep"));
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.close();
        QString error;
        QVERIFY(!DemoWorkspace::create(dir, &error));
        QVERIFY2(error.contains(dir) && error.contains(QStringLiteral("not empty")), qPrintable(error));
        QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList({QStringLiteral(".keep")}));

        QVERIFY(!DemoWorkspace::create(keep.fileName(), &error));
        QVERIFY2(error.contains(keep.fileName()), qPrintable(error));
    }

    void otherWorkspacesAreNotTheDemo()
    {
        Workspace workspace;
        workspace.filePath = m_dir.filePath(QStringLiteral("other/gantry.yaml"));
        workspace.name = QStringLiteral("Acme Demo");
        QVERIFY(!DemoWorkspace::isDemo(workspace));
    }
};

QTEST_GUILESS_MAIN(TestDemoWorkspace)
#include "tst_demoworkspace.moc"
