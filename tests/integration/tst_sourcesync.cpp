// SourceSync: workspace locations and command-line sources become loader entries; Git URLs are
// cloned into the cache folder, local paths are used in place, failures name gantry.yaml:line.

#include "models/sources/gitrepository.h"
#include "models/sources/sourcesync.h"
#include "models/workspace/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using Gantry::Catalog::Problem;
using Gantry::Sources::GitRepository;
using Gantry::Sources::SourceSync;
using Gantry::Workspace::CatalogLocation;
using Gantry::Workspace::Workspace;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
    QCOMPARE(file.write(content), content.size());
}

QByteArray gitBlobId(const QByteArray &content)
{
    const QByteArray object = "blob " + QByteArray::number(content.size()) + '\0' + content;
    return QCryptographicHash::hash(object, QCryptographicHash::Sha1).toHex();
}

QString fileUrl(const QString &path)
{
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded);
}

CatalogLocation gitLocation(const QString &url, const QString &branch, const QString &path, int line)
{
    CatalogLocation location;
    location.column = 5;
    location.url = url;
    location.branch = branch;
    location.path = path;
    location.line = line;
    return location;
}

CatalogLocation localLocation(const QString &path, int line)
{
    CatalogLocation location;
    location.path = path;
    location.line = line;
    return location;
}

} // namespace

class TestSourceSync : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_bare;
    QString m_url;
    QString m_cache;

    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    Workspace workspace(std::vector<CatalogLocation> locations) const
    {
        Workspace ws;
        ws.filePath = path(QStringLiteral("ws/gantry.yaml"));
        ws.locations = std::move(locations);
        return ws;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_bare = path(QStringLiteral("host/catalog.git"));
        m_url = fileUrl(m_bare);
        m_cache = path(QStringLiteral("cache"));
        QString error;
        QVERIFY2(GitRepository::initBare(m_bare, &error), qPrintable(error));
        const QString work = path(QStringLiteral("work"));
        writeFile(work + QStringLiteral("/catalog-info.yaml"), "kind: Location\n");
        writeFile(work + QStringLiteral("/team/a.yaml"), "a: 1\n");
        QVERIFY2(GitRepository::commitAllAndPush(work, m_url, QStringLiteral("main"), QStringLiteral("first"),
                                                 QStringLiteral("Test"), QStringLiteral("t@example.invalid"), &error),
                 qPrintable(error));
        writeFile(path(QStringLiteral("ws/local/x.yaml")), "x: 1\n");
        writeFile(path(QStringLiteral("ws/gantry.yaml")), "name: test\n");
    }

    void gitLocationBecomesAMountWithBlobIds()
    {
        SourceSync sync(m_cache);
        const auto result = sync.sync(
            workspace({gitLocation(m_url, QStringLiteral("main"), QStringLiteral("catalog-info.yaml"), 4)}), false);
        QVERIFY(!result.anyFailure);
        QVERIFY(result.problems.empty());
        QCOMPARE(result.entries.size(), size_t(1));
        const auto &entry = result.entries.front();
        QCOMPARE(entry.path, QStringLiteral("catalog-info.yaml"));
        QVERIFY(entry.explicitFile);
        QCOMPARE(entry.mount->id, m_url + QStringLiteral("#main"));
        QVERIFY2(entry.mount->rootDir.startsWith(m_cache + QStringLiteral("/repos/")),
                 qPrintable(entry.mount->rootDir));
        QCOMPARE(QFileInfo(entry.mount->rootDir).fileName().size(), 16);
        QVERIFY(QFile::exists(entry.mount->rootDir + QStringLiteral("/team/a.yaml")));
        QCOMPARE(entry.mount->commit.size(), 40);
        QVERIFY(entry.mount->label.contains(m_url));
        QVERIFY(entry.mount->versionKey);
        QCOMPARE(entry.mount->versionKey(QStringLiteral("team/a.yaml")), gitBlobId("a: 1\n"));
        QCOMPARE(entry.mount->versionKey(QStringLiteral("./catalog-info.yaml")), gitBlobId("kind: Location\n"));
        QVERIFY(entry.mount->versionKey(QStringLiteral("not/there.yaml")).isEmpty());
    }

    void locationsInTheSameRepositoryShareOneMount()
    {
        SourceSync sync(m_cache);
        const auto result =
            sync.sync(workspace({gitLocation(m_url, QStringLiteral("main"), QString(), 3),
                                 gitLocation(m_url, QStringLiteral("main"), QStringLiteral("team"), 6)}),
                      false);
        QVERIFY(!result.anyFailure);
        QCOMPARE(result.entries.size(), size_t(2));
        QCOMPARE(result.entries.at(0).mount, result.entries.at(1).mount);
        QCOMPARE(result.entries.at(0).path, QString());
        QCOMPARE(result.entries.at(1).path, QStringLiteral("team"));
        QVERIFY(!result.entries.at(1).explicitFile);
    }

    void localPathsAreRelativeToTheWorkspace()
    {
        SourceSync sync(m_cache);
        const auto result = sync.sync(
            workspace({localLocation(QStringLiteral("./local"), 2), localLocation(QStringLiteral("local/x.yaml"), 3)}),
            false);
        QVERIFY(!result.anyFailure);
        QCOMPARE(result.entries.size(), size_t(2));
        const QString folder = QDir::cleanPath(path(QStringLiteral("ws/local")));
        QCOMPARE(result.entries.at(0).mount->rootDir, folder);
        QCOMPARE(result.entries.at(0).mount->id, folder);
        QCOMPARE(result.entries.at(0).path, QString());
        QVERIFY(!result.entries.at(0).mount->versionKey); // size + mtime
        QVERIFY(result.entries.at(0).mount->commit.isEmpty());
        QCOMPARE(result.entries.at(1).mount->rootDir, folder);
        QCOMPARE(result.entries.at(1).path, QStringLiteral("x.yaml"));
        QVERIFY(result.entries.at(1).explicitFile);
    }

    void failuresNameTheWorkspaceLine()
    {
        SourceSync sync(m_cache);
        const QString unreachable = QStringLiteral("file:///nonexistent/catalog.git");
        const Workspace ws = workspace({gitLocation(unreachable, QStringLiteral("main"), QString(), 7),
                                        localLocation(QStringLiteral("./missing"), 11),
                                        gitLocation(m_url, QStringLiteral("main"), QStringLiteral("nope.yaml"), 13),
                                        gitLocation(m_url, QStringLiteral("main"), QString(), 16)});
        const auto result = sync.sync(ws, false);
        QVERIFY(result.anyFailure);
        QCOMPARE(result.entries.size(), size_t(1)); // the good one is still loaded
        QCOMPARE(result.problems.size(), size_t(3));
        QCOMPARE(result.messages.size(), 3);

        const Problem &fetch = result.problems.at(0);
        QVERIFY(fetch.isError());
        QCOMPARE(fetch.location.file, ws.filePath);
        QCOMPARE(fetch.location.line, 7);
        QCOMPARE(fetch.location.column, 5);
        QVERIFY2(fetch.message.contains(unreachable), qPrintable(fetch.message));
        QCOMPARE(result.messages.at(0), fetch.message);

        QCOMPARE(result.problems.at(1).location.line, 11);
        QVERIFY2(result.problems.at(1).message.contains(path(QStringLiteral("ws/missing"))),
                 qPrintable(result.problems.at(1).message));
        QCOMPARE(result.problems.at(2).location.line, 13);
        QVERIFY2(result.problems.at(2).message.contains(QStringLiteral("nope.yaml")),
                 qPrintable(result.problems.at(2).message));
    }

    void unreachableRemoteFallsBackToTheClone()
    {
        const QString bare = path(QStringLiteral("host/moving.git"));
        QString error;
        QVERIFY(GitRepository::initBare(bare, &error));
        writeFile(path(QStringLiteral("moving-work/catalog-info.yaml")), "kind: Location\n");
        QVERIFY(GitRepository::commitAllAndPush(path(QStringLiteral("moving-work")), fileUrl(bare),
                                                QStringLiteral("main"), QStringLiteral("m"), QStringLiteral("T"),
                                                QStringLiteral("t@example.invalid"), &error));
        SourceSync sync(m_cache);
        const Workspace ws = workspace({gitLocation(fileUrl(bare), QStringLiteral("main"), QString(), 5)});
        const auto online = sync.sync(ws, false);
        QVERIFY(!online.anyFailure);
        QVERIFY(QDir().rename(bare, bare + QStringLiteral(".gone")));

        const auto result = sync.sync(ws, false);
        QVERIFY(result.anyFailure);
        QCOMPARE(result.entries.size(), size_t(1));
        QCOMPARE(result.entries.front().mount->commit, online.entries.front().mount->commit);
        QCOMPARE(result.problems.size(), size_t(1));
        QCOMPARE(result.problems.front().location.line, 5);
        QVERIFY2(result.problems.front().message.contains(QStringLiteral("showing the last fetched commit")),
                 qPrintable(result.problems.front().message));

        // Explicitly offline: the clone, and no complaint.
        const auto offline = sync.sync(ws, true);
        QVERIFY(!offline.anyFailure);
        QCOMPARE(offline.entries.size(), size_t(1));
    }

    void commandLineSources()
    {
        SourceSync sync(m_cache);
        const auto git = sync.syncSource(m_url + QStringLiteral("#main:team/a.yaml"), false);
        QVERIFY2(!git.anyFailure, qPrintable(git.messages.join(QLatin1Char('\n'))));
        QCOMPARE(git.entries.size(), size_t(1));
        QCOMPARE(git.entries.front().path, QStringLiteral("team/a.yaml"));
        QVERIFY(git.entries.front().explicitFile);

        const auto file = sync.syncSource(path(QStringLiteral("ws/local/x.yaml")), false);
        QCOMPARE(file.entries.size(), size_t(1));
        QCOMPARE(file.entries.front().path, QStringLiteral("x.yaml"));

        const auto folderUrl = sync.syncSource(fileUrl(path(QStringLiteral("ws/local"))), false);
        QCOMPARE(folderUrl.entries.size(), size_t(1));
        QCOMPARE(folderUrl.entries.front().mount->rootDir, QDir::cleanPath(path(QStringLiteral("ws/local"))));
        QVERIFY(folderUrl.entries.front().mount->commit.isEmpty());

        const auto missing = sync.syncSource(path(QStringLiteral("nothing-here")), false);
        QVERIFY(missing.anyFailure);
        QVERIFY(missing.entries.empty());
    }

    void resolverUnderstandsLocationUrls_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QString>("relativePath");
        QTest::newRow("whole repository") << QString() << QString();
        QTest::newRow("branch and path") << QStringLiteral("#main:team/a.yaml") << QStringLiteral("team/a.yaml");
        QTest::newRow("github blob") << QStringLiteral("/blob/main/team/a.yaml") << QStringLiteral("team/a.yaml");
        QTest::newRow("github tree") << QStringLiteral("/tree/main/team") << QStringLiteral("team");
        QTest::newRow("github blob with a line anchor")
            << QStringLiteral("/blob/main/team/a.yaml#L2") << QStringLiteral("team/a.yaml");
        QTest::newRow("gitlab blob") << QStringLiteral("/-/blob/main/catalog-info.yaml")
                                     << QStringLiteral("catalog-info.yaml");
    }

    void resolverUnderstandsLocationUrls()
    {
        QFETCH(QString, suffix);
        QFETCH(QString, relativePath);
        SourceSync sync(m_cache);
        const auto resolve = sync.resolver(false);
        QString relative = QStringLiteral("unset");
        QString error;
        const auto mount = resolve(m_url + suffix, &relative, &error);
        QVERIFY2(mount, qPrintable(error));
        QCOMPARE(relative, relativePath);
        QCOMPARE(mount->id, m_url + QLatin1Char('#') + (suffix.isEmpty() ? QString() : QStringLiteral("main")));
        QVERIFY(QFileInfo::exists(mount->rootDir + QLatin1Char('/') + relativePath));
    }

    void resolverReportsUnreachableRepositories()
    {
        SourceSync sync(m_cache);
        const auto resolve = sync.resolver(false);
        QString relative;
        QString error;
        QVERIFY(!resolve(QStringLiteral("file:///nonexistent/other.git/blob/main/x.yaml"), &relative, &error));
        QVERIFY2(error.contains(QStringLiteral("file:///nonexistent")), qPrintable(error));
        error.clear();
        QVERIFY(!resolve(QStringLiteral("mailto:someone@example.invalid"), &relative, &error));
        QVERIFY(!error.isEmpty());
    }

    void locationStrings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("branch");
        QTest::addColumn<QString>("path");
        QTest::newRow("local") << QStringLiteral("./catalog") << QString() << QString() << QStringLiteral("./catalog");
        QTest::newRow("https") << QStringLiteral("https://example.com/org/repo.git")
                               << QStringLiteral("https://example.com/org/repo.git") << QString() << QString();
        QTest::newRow("branch") << QStringLiteral("ssh://git@example.com/org/repo.git#dev")
                                << QStringLiteral("ssh://git@example.com/org/repo.git") << QStringLiteral("dev")
                                << QString();
        QTest::newRow("scp-like") << QStringLiteral("git@example.com:org/repo.git#main:catalog/all.yaml")
                                  << QStringLiteral("git@example.com:org/repo.git") << QStringLiteral("main")
                                  << QStringLiteral("catalog/all.yaml");
    }

    void locationStrings()
    {
        QFETCH(QString, text);
        QFETCH(QString, url);
        QFETCH(QString, branch);
        QFETCH(QString, path);
        const CatalogLocation location = CatalogLocation::fromString(text);
        QCOMPARE(location.url, url);
        QCOMPARE(location.branch, branch);
        QCOMPARE(location.path, path);
    }
};

QTEST_GUILESS_MAIN(TestSourceSync)
#include "tst_sourcesync.moc"
