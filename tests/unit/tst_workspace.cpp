// Workspace: reading and writing gantry.yaml, paths relative to it, and compiler-style errors.

#include "models/workspace/workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using Gantry::Workspace::CatalogLocation;
using Gantry::Workspace::Environment;
using Gantry::Workspace::Workspace;

namespace {

QString writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
    return path;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void loadsTheDocumentedFormat()
    {
        const QString file = writeFile(m_dir.filePath(QStringLiteral("documented/gantry.yaml")),
                                       "name: Demo Company\n"
                                       "catalog:\n"
                                       "  locations:\n"
                                       "    - url: file:///srv/git/catalog.git\n"
                                       "      branch: main\n"
                                       "      path: catalog-info.yaml\n"
                                       "    - path: ./more-entities   # a local folder\n"
                                       "git:\n"
                                       "  remotePattern: file:///srv/git/{name}.git\n"
                                       "kubeconfig: ./kubeconfig\n"
                                       "environments:\n"
                                       "  - {name: staging, context: demo, namespace: staging}\n"
                                       "  - name: production\n"
                                       "    context: prod\n"
                                       "    namespace: \"{service}-prod\"\n"
                                       "prometheus:\n"
                                       "  url: http://127.0.0.1:9090\n"
                                       "someFutureKey: [ignored]\n");
        QString error;
        const auto workspace = Workspace::load(file, &error);
        QVERIFY2(workspace, qPrintable(error));
        QCOMPARE(workspace->filePath, file);
        QCOMPARE(workspace->directory(), m_dir.filePath(QStringLiteral("documented")));
        QCOMPARE(workspace->name, QStringLiteral("Demo Company"));
        QCOMPARE(workspace->locations.size(), size_t(2));
        const CatalogLocation &git = workspace->locations.at(0);
        QVERIFY(git.isGit());
        QCOMPARE(git.url, QStringLiteral("file:///srv/git/catalog.git"));
        QCOMPARE(git.branch, QStringLiteral("main"));
        QCOMPARE(git.path, QStringLiteral("catalog-info.yaml"));
        QCOMPARE(git.line, 4);
        QCOMPARE(git.column, 7);
        const CatalogLocation &local = workspace->locations.at(1);
        QVERIFY(!local.isGit());
        QCOMPARE(local.path, QStringLiteral("./more-entities"));
        QCOMPARE(local.line, 7);
        QCOMPARE(workspace->gitRemotePattern, QStringLiteral("file:///srv/git/{name}.git"));
        QCOMPARE(workspace->kubeconfig, m_dir.filePath(QStringLiteral("documented/kubeconfig")));
        QCOMPARE(workspace->environments.size(), size_t(2));
        QCOMPARE(workspace->environments.at(0).name, QStringLiteral("staging"));
        QCOMPARE(workspace->environments.at(0).context, QStringLiteral("demo"));
        QCOMPARE(workspace->environments.at(0).nameSpace, QStringLiteral("staging"));
        QCOMPARE(workspace->environments.at(1).nameSpace, QStringLiteral("{service}-prod"));
        QCOMPARE(workspace->prometheusUrl, QStringLiteral("http://127.0.0.1:9090"));
    }

    void loadsFromTheFolder()
    {
        writeFile(m_dir.filePath(QStringLiteral("folder/gantry.yaml")), "name: In a folder\n");
        QString error;
        const auto workspace = Workspace::load(m_dir.filePath(QStringLiteral("folder")), &error);
        QVERIFY2(workspace, qPrintable(error));
        QCOMPARE(workspace->name, QStringLiteral("In a folder"));
        QCOMPARE(workspace->filePath, m_dir.filePath(QStringLiteral("folder/gantry.yaml")));
        QVERIFY(workspace->locations.empty());
    }

    void plainStringLocations()
    {
        const QString file = writeFile(m_dir.filePath(QStringLiteral("strings/gantry.yaml")),
                                       "catalog:\n"
                                       "  locations:\n"
                                       "    - https://example.com/org/catalog.git#main:all.yaml\n"
                                       "    - git@example.com:org/other.git\n"
                                       "    - ../shared/catalog\n");
        QString error;
        const auto workspace = Workspace::load(file, &error);
        QVERIFY2(workspace, qPrintable(error));
        QCOMPARE(workspace->locations.size(), size_t(3));
        QCOMPARE(workspace->locations.at(0).url, QStringLiteral("https://example.com/org/catalog.git"));
        QCOMPARE(workspace->locations.at(0).branch, QStringLiteral("main"));
        QCOMPARE(workspace->locations.at(0).path, QStringLiteral("all.yaml"));
        QCOMPARE(workspace->locations.at(0).line, 3);
        QCOMPARE(workspace->locations.at(1).url, QStringLiteral("git@example.com:org/other.git"));
        QVERIFY(workspace->locations.at(1).branch.isEmpty());
        QVERIFY(!workspace->locations.at(2).isGit());
        QCOMPARE(workspace->locations.at(2).path, QStringLiteral("../shared/catalog"));
        QCOMPARE(workspace->locations.at(2).line, 5);
    }

    void saveAndLoadRoundTrip()
    {
        Workspace original;
        original.filePath = m_dir.filePath(QStringLiteral("roundtrip/new/gantry.yaml"));
        original.name = QStringLiteral("Acme: \"quoted\" # not a comment");
        CatalogLocation git;
        git.url = QStringLiteral("ssh://git@example.com/acme/catalog.git");
        git.branch = QStringLiteral("release/1.0");
        git.path = QStringLiteral("catalog/all.yaml");
        CatalogLocation local;
        local.path = QStringLiteral("./local entities");
        original.locations = {git, local};
        original.gitRemotePattern = QStringLiteral("git@example.com:acme/{name}.git");
        original.kubeconfig = m_dir.filePath(QStringLiteral("roundtrip/new/config/kubeconfig"));
        original.environments = {{QStringLiteral("staging"), QStringLiteral("ctx"), QStringLiteral("staging")},
                                 {QStringLiteral("production"), QString(), QStringLiteral("{service}")}};
        original.prometheusUrl = QStringLiteral("http://localhost:9090");

        QString error;
        QVERIFY2(original.save(&error), qPrintable(error));
        // Paths inside the workspace folder are written relative to it.
        QVERIFY2(readFile(original.filePath).contains("kubeconfig: ./config/kubeconfig"),
                 readFile(original.filePath).constData());

        const auto loaded = Workspace::load(original.filePath, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->name, original.name);
        QCOMPARE(loaded->locations.size(), size_t(2));
        QCOMPARE(loaded->locations.at(0).url, git.url);
        QCOMPARE(loaded->locations.at(0).branch, git.branch);
        QCOMPARE(loaded->locations.at(0).path, git.path);
        QCOMPARE(loaded->locations.at(1).url, QString());
        QCOMPARE(loaded->locations.at(1).path, local.path);
        QCOMPARE(loaded->gitRemotePattern, original.gitRemotePattern);
        QCOMPARE(loaded->kubeconfig, original.kubeconfig);
        QCOMPARE(loaded->environments.size(), size_t(2));
        QCOMPARE(loaded->environments.at(1).name, QStringLiteral("production"));
        QCOMPARE(loaded->environments.at(1).context, QString());
        QCOMPARE(loaded->environments.at(1).nameSpace, QStringLiteral("{service}"));
        QCOMPARE(loaded->prometheusUrl, original.prometheusUrl);

        // Saving what was loaded gives the same file.
        const QByteArray first = readFile(original.filePath);
        QVERIFY(loaded->save(&error));
        QCOMPARE(readFile(original.filePath), first);
    }

    void kubeconfigOutsideTheFolderStaysAbsolute()
    {
        Workspace workspace;
        workspace.filePath = m_dir.filePath(QStringLiteral("outside/gantry.yaml"));
        workspace.kubeconfig = QStringLiteral("/etc/gantry/kubeconfig");
        QString error;
        QVERIFY(workspace.save(&error));
        QVERIFY(readFile(workspace.filePath).contains("kubeconfig: /etc/gantry/kubeconfig"));
        QCOMPARE(Workspace::load(workspace.filePath, &error)->kubeconfig, workspace.kubeconfig);
    }

    void saveFailsCleanly()
    {
        const QString folder = m_dir.filePath(QStringLiteral("is-a-folder/gantry.yaml"));
        QVERIFY(QDir().mkpath(folder));
        Workspace workspace;
        workspace.filePath = folder;
        QString error;
        QVERIFY(!workspace.save(&error));
        QVERIFY2(error.contains(folder), qPrintable(error));
    }

    void errorsNameFileLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected"); // ":LINE:COL: error: " and the start of the message

        QTest::newRow("syntax") << QByteArray("name: ok\ncatalog:\n  locations: [one, two\n")
                                << QStringLiteral(":4:1: error: ");
        QTest::newRow("bad indentation") << QByteArray("name: a\n  bad: b\n") << QStringLiteral(":2:6: error: ");
        QTest::newRow("locations not a list") << QByteArray("name: x\ncatalog:\n  locations: ./here\n")
                                              << QStringLiteral(":3:14: error: 'catalog.locations' must be a list");
        QTest::newRow("location without url or path")
            << QByteArray("catalog:\n  locations:\n    - branch: main\n")
            << QStringLiteral(":3:7: error: a catalog location needs a 'url' (Git) or a 'path'");
        QTest::newRow("environment without name") << QByteArray("environments:\n  - context: demo\n")
                                                  << QStringLiteral(":2:5: error: an environment needs a 'name'");
        QTest::newRow("name is a list") << QByteArray("name: [a, b]\n")
                                        << QStringLiteral(":1:7: error: 'name' must be a single value");
        QTest::newRow("not a mapping") << QByteArray("- just\n- a list\n")
                                       << QStringLiteral(":1:1: error: the workspace file must be a mapping");
        QTest::newRow("empty") << QByteArray("") << QStringLiteral(":1:1: error: the workspace file is empty");
    }

    void errorsNameFileLineAndColumn()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString file = writeFile(
            m_dir.filePath(QStringLiteral("errors/%1.yaml").arg(QString::fromLatin1(QTest::currentDataTag()))),
            content);
        QString error;
        QVERIFY(!Workspace::load(file, &error));
        QVERIFY2(error.startsWith(file + expected), qPrintable(error));
    }

    void missingFile()
    {
        const QString file = m_dir.filePath(QStringLiteral("nowhere/gantry.yaml"));
        QString error;
        QVERIFY(!Workspace::load(file, &error));
        QCOMPARE(error, file + QStringLiteral(":0:0: error: cannot read the workspace file: no such file"));
        // A folder without gantry.yaml names the file it looked for.
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("empty-folder"))));
        QVERIFY(!Workspace::load(m_dir.filePath(QStringLiteral("empty-folder")), &error));
        QVERIFY2(error.startsWith(m_dir.filePath(QStringLiteral("empty-folder/gantry.yaml:0:0: error: "))),
                 qPrintable(error));
    }

    void cacheDirectoryIsPerWorkspace()
    {
        Workspace a;
        a.filePath = m_dir.filePath(QStringLiteral("a/gantry.yaml"));
        Workspace b;
        b.filePath = m_dir.filePath(QStringLiteral("b/gantry.yaml"));
        const QString root =
            QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/workspaces/");
        QVERIFY(a.cacheDirectory().startsWith(root));
        QCOMPARE(a.cacheDirectory().size(), root.size() + 16);
        QVERIFY(a.cacheDirectory() != b.cacheDirectory());
        Workspace again;
        again.filePath = a.filePath;
        QCOMPARE(again.cacheDirectory(), a.cacheDirectory());
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
