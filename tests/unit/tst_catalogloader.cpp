// CatalogLoader: folders, Location following (relative, globs, cycles, escapes), substitutions,
// bad input, incremental re-parse and the memo used by the disk cache.
#include "models/catalog/catalogloader.h"

#include <QBuffer>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Gantry::Catalog;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    f.write(content);
}

QByteArray component(const char *name, const char *extra = "")
{
    return QByteArray("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ") + name +
           "\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n" + extra;
}

const QByteArray group = "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\n"
                         "spec:\n  type: team\n  children: []\n";

MountPtr folderMount(const QString &dir)
{
    auto m = std::make_shared<Mount>();
    m->id = dir;
    m->rootDir = dir;
    m->label = dir;
    return m;
}

bool hasProblem(const Catalog &c, const QString &needle, Problem::Severity severity)
{
    for (const auto &p : c.problems()) {
        if (p.severity == severity && p.message.contains(needle)) {
            return true;
        }
    }
    return false;
}

QString problemsText(const Catalog &c)
{
    QStringList lines;
    for (const auto &p : c.problems()) {
        lines << p.toCompilerString();
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestCatalogLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void folderScanSkipsNonCatalogYaml()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("a/catalog-info.yaml")), component("alpha"));
        writeFile(dir.filePath(QStringLiteral("org.yaml")), group);
        // A Kubernetes manifest and a CI file: not catalog files, no complaints about them.
        writeFile(dir.filePath(QStringLiteral("k8s/deploy.yaml")), "apiVersion: apps/v1\nkind: Deployment\n");
        writeFile(dir.filePath(QStringLiteral(".github/workflows/ci.yml")), "on: push\njobs: {\n");
        writeFile(dir.filePath(QStringLiteral("node_modules/x/catalog-info.yaml")), component("hidden"));
        CatalogLoader loader;
        const auto catalog = loader.load({{folderMount(dir.path()), QString(), false}});
        QVERIFY(catalog);
        QCOMPARE(catalog->size(), 2);
        QVERIFY(catalog->entity(QStringLiteral("component:default/alpha")));
        QVERIFY(!catalog->entity(QStringLiteral("component:default/hidden")));
        QCOMPARE(loader.lastStats().files, 2); // the manifest and the CI file do not count
        QCOMPARE(catalog->errorCount(), 0);
        QCOMPARE(catalog->warningCount(), 0);
    }

    void followsLocationTargetsAndGlobs()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("catalog-info.yaml")),
                  "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n"
                  "  targets:\n    - ./org.yaml\n    - ./services/*/catalog-info.yaml\n"
                  "    - ./missing.yaml\n");
        writeFile(dir.filePath(QStringLiteral("org.yaml")), group);
        writeFile(dir.filePath(QStringLiteral("services/one/catalog-info.yaml")), component("one"));
        writeFile(dir.filePath(QStringLiteral("services/two/catalog-info.yaml")), component("two"));
        writeFile(dir.filePath(QStringLiteral("services/two/deep/catalog-info.yaml")), component("deep"));
        CatalogLoader loader;
        const auto catalog = loader.load({{folderMount(dir.path()), QStringLiteral("catalog-info.yaml"), true}});
        QVERIFY(catalog);
        QVERIFY(catalog->entity(QStringLiteral("location:default/root")));
        QVERIFY(catalog->entity(QStringLiteral("component:default/one")));
        QVERIFY(catalog->entity(QStringLiteral("component:default/two")));
        QVERIFY2(!catalog->entity(QStringLiteral("component:default/deep")), "'*' must not cross folders");
        QVERIFY2(hasProblem(*catalog, QStringLiteral("./missing.yaml was not found"), Problem::Severity::Error) ||
                     hasProblem(*catalog, QStringLiteral("missing.yaml was not found"), Problem::Severity::Error),
                 qPrintable(problemsText(*catalog)));
        // The missing target is reported where it is written: catalog-info.yaml line 8.
        bool located = false;
        for (const auto &p : catalog->problems()) {
            if (p.message.contains(QLatin1String("missing.yaml"))) {
                located = p.location.file.endsWith(QLatin1String("catalog-info.yaml")) && p.location.line == 9;
            }
        }
        QVERIFY2(located, qPrintable(problemsText(*catalog)));
    }

    void optionalTargetsAreQuiet()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("catalog-info.yaml")),
                  "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n"
                  "  presence: optional\n  target: ./nothing.yaml\n");
        CatalogLoader loader;
        const auto catalog = loader.load({{folderMount(dir.path()), QStringLiteral("catalog-info.yaml"), true}});
        QCOMPARE(catalog->errorCount(), 0);
    }

    void cyclicLocationsTerminate()
    {
        QTemporaryDir dir;
        writeFile(
            dir.filePath(QStringLiteral("a.yaml")),
            "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: a\nspec:\n  target: ./b.yaml\n");
        writeFile(
            dir.filePath(QStringLiteral("b.yaml")),
            "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: b\nspec:\n  target: ./a.yaml\n");
        CatalogLoader loader;
        const auto catalog = loader.load({{folderMount(dir.path()), QStringLiteral("a.yaml"), true}});
        QVERIFY(catalog);
        QCOMPARE(catalog->size(), 2);
        QCOMPARE(loader.lastStats().files, 2);
        QCOMPARE(catalog->errorCount(), 0);
    }

    void targetsCannotEscapeTheirRoot()
    {
        QTemporaryDir outer;
        writeFile(outer.filePath(QStringLiteral("secret.yaml")), component("secret"));
        const QString root = outer.filePath(QStringLiteral("repo"));
        writeFile(root + QStringLiteral("/catalog-info.yaml"),
                  "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n"
                  "  target: ../secret.yaml\n");
        CatalogLoader loader;
        const auto catalog = loader.load({{folderMount(root), QStringLiteral("catalog-info.yaml"), true}});
        QVERIFY(!catalog->entity(QStringLiteral("component:default/secret")));
        QVERIFY2(hasProblem(*catalog, QStringLiteral("points outside"), Problem::Severity::Error),
                 qPrintable(problemsText(*catalog)));
    }

    void substitutions()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("api/openapi.yaml")), "openapi: 3.0.0\ninfo:\n  title: Pets\n");
        writeFile(dir.filePath(QStringLiteral("api/extra.json")), R"({"a": [1, true, "x"]})");
        writeFile(dir.filePath(QStringLiteral("api/extra.yaml")), "b:\n  c: d\n");
        writeFile(dir.filePath(QStringLiteral("api/catalog-info.yaml")),
                  "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: pets\nspec:\n"
                  "  type: openapi\n  lifecycle: production\n  owner: team-a\n"
                  "  definition:\n    $text: ./openapi.yaml\n"
                  "  fromJson:\n    $json: ./extra.json\n"
                  "  fromYaml:\n    $yaml: ./extra.yaml\n");
        writeFile(dir.filePath(QStringLiteral("org.yaml")), group);
        CatalogLoader loader;
        const auto catalog = loader.load({{folderMount(dir.path()), QString(), false}});
        QCOMPARE(catalog->errorCount(), 0);
        const Entity *api = catalog->entity(QStringLiteral("api:default/pets"));
        QVERIFY(api);
        QCOMPARE(api->spec()["definition"].scalar(), QStringLiteral("openapi: 3.0.0\ninfo:\n  title: Pets\n"));
        QCOMPARE(api->spec()["fromJson"]["a"].size(), 3);
        QCOMPARE(api->spec()["fromJson"]["a"].at(1).toJson(), QJsonValue(true));
        QCOMPARE(api->spec()["fromYaml"]["b"]["c"].scalar(), QStringLiteral("d"));
    }

    void substitutionsCannotReadOutside()
    {
        QTemporaryDir outer;
        writeFile(outer.filePath(QStringLiteral("passwd")), "root:x:0:0\n");
        const QString root = outer.filePath(QStringLiteral("repo"));
        writeFile(root + QStringLiteral("/catalog-info.yaml"),
                  "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: leak\nspec:\n"
                  "  type: openapi\n  lifecycle: production\n  owner: team-a\n"
                  "  definition:\n    $text: ../passwd\n");
        CatalogLoader loader;
        const auto catalog = loader.load({{folderMount(root), QString(), false}});
        QVERIFY2(hasProblem(*catalog, QStringLiteral("points outside"), Problem::Severity::Error),
                 qPrintable(problemsText(*catalog)));
        for (const auto &e : catalog->entities()) {
            QVERIFY(!e.spec()["definition"].scalar().contains(QLatin1String("root:x")));
        }
    }

    void badInputNeverCrashes_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QByteArray("apiVersion: backstage.io/v1alpha1\nkind: [\n")
                                << QStringLiteral("YAML syntax error");
        QTest::newRow("scalar document") << QByteArray("just a string\n")
                                         << QStringLiteral("Expected object at root, got string");
        QTest::newRow("list document") << QByteArray("- a\n- b\n")
                                       << QStringLiteral("Expected object at root, got array");
        QTest::newRow("binary") << QByteArray("apiVersion: backstage.io/v1alpha1\n\0\0\0", 37)
                                << QStringLiteral("looks binary");
        QByteArray deep = "apiVersion: backstage.io/v1alpha1\nx: ";
        deep += QByteArray(5000, '[');
        QTest::newRow("deep nesting") << deep << QStringLiteral("nesting is deeper");
        QByteArray bomb = "apiVersion: backstage.io/v1alpha1\na: &a [x,x,x,x,x,x,x,x,x,x]\n";
        char prev = 'a';
        for (char c = 'b'; c <= 'l'; ++c) {
            bomb += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [";
            for (int i = 0; i < 10; ++i) {
                bomb += QByteArray(i ? ",*" : "*") + QByteArray(1, prev);
            }
            bomb += "]\n";
            prev = c;
        }
        QTest::newRow("alias bomb") << bomb << QStringLiteral("alias expansion");
    }

    void badInputNeverCrashes()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("bad.yaml")), content);
        CatalogLoader loader;
        const auto catalog = loader.load({{folderMount(dir.path()), QStringLiteral("bad.yaml"), true}});
        QVERIFY(catalog);
        QCOMPARE(catalog->size(), 0);
        QVERIFY2(hasProblem(*catalog, expected, Problem::Severity::Error), qPrintable(problemsText(*catalog)));
        for (const auto &p : catalog->problems()) {
            QVERIFY(p.location.file.endsWith(QLatin1String("bad.yaml")));
            QVERIFY(p.location.line >= 1);
        }
    }

    void unreadablePathIsReported()
    {
        QTemporaryDir dir;
        CatalogLoader loader;
        const auto catalog = loader.load({{folderMount(dir.path()), QStringLiteral("nope.yaml"), true}});
        QVERIFY(catalog);
        QVERIFY2(hasProblem(*catalog, QStringLiteral("does not exist"), Problem::Severity::Error),
                 qPrintable(problemsText(*catalog)));
    }

    void refreshReparsesOnlyChangedFiles()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("org.yaml")), group);
        for (int i = 0; i < 20; ++i) {
            writeFile(dir.filePath(QStringLiteral("svc%1/catalog-info.yaml").arg(i)),
                      component(QByteArray("svc" + QByteArray::number(i)).constData()));
        }
        auto mount = std::make_shared<Mount>(*folderMount(dir.path()));
        // Version keys like Git blob ids: a counter per file we control.
        auto versions = std::make_shared<QHash<QString, QByteArray>>();
        mount->versionKey = [versions](const QString &rel) { return versions->value(rel, QByteArrayLiteral("v1")); };
        CatalogLoader loader;
        auto catalog = loader.load({{mount, QString(), false}});
        QCOMPARE(catalog->size(), 21);
        QCOMPARE(loader.lastStats().filesParsed, 21);

        catalog = loader.load({{mount, QString(), false}});
        QCOMPARE(loader.lastStats().filesParsed, 0);
        QCOMPARE(catalog->size(), 21);

        writeFile(dir.filePath(QStringLiteral("svc3/catalog-info.yaml")), component("svc3-renamed"));
        versions->insert(QStringLiteral("svc3/catalog-info.yaml"), QByteArrayLiteral("v2"));
        catalog = loader.load({{mount, QString(), false}});
        QCOMPARE(loader.lastStats().filesParsed, 1);
        QVERIFY(catalog->entity(QStringLiteral("component:default/svc3-renamed")));
        QVERIFY(!catalog->entity(QStringLiteral("component:default/svc3")));
    }

    void memoRoundTripAssemblesTheSameCatalog()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("org.yaml")), group);
        writeFile(dir.filePath(QStringLiteral("a.yaml")),
                  component("a", "  dependsOn: [component:b, resource:gone]\n"));
        writeFile(dir.filePath(QStringLiteral("b.yaml")), component("b"));
        writeFile(dir.filePath(QStringLiteral("loc.yaml")), "apiVersion: backstage.io/v1alpha1\nkind: Location\n"
                                                            "metadata:\n  name: loc\nspec:\n  target: ./gone.yaml\n");
        CatalogLoader loader;
        const auto first = loader.load({{folderMount(dir.path()), QString(), false}});
        QCOMPARE(first->errorCount(), 1); // the missing Location target
        QByteArray bytes;
        {
            QDataStream out(&bytes, QIODevice::WriteOnly);
            loader.saveMemo(out);
        }
        CatalogLoader restored;
        QDataStream in(bytes);
        QVERIFY(restored.restoreMemo(in));
        const auto second = restored.assembleFromMemo(QStringLiteral("cache"));
        QCOMPARE(second->size(), first->size());
        QCOMPARE(second->warningCount(), first->warningCount());
        // Problems of the load itself (not of one file) come back from the cache too.
        QCOMPARE(second->errorCount(), first->errorCount());
        const Entity *a = second->entity(QStringLiteral("component:default/a"));
        QVERIFY(a);
        QCOMPARE(a->relations, first->entity(QStringLiteral("component:default/a"))->relations);
        QCOMPARE(second->entity(QStringLiteral("component:default/b"))->relations,
                 first->entity(QStringLiteral("component:default/b"))->relations);

        // Damaged data is refused, never trusted.
        QByteArray truncated = bytes.left(bytes.size() / 2);
        QDataStream broken(truncated);
        CatalogLoader refused;
        QVERIFY(!refused.restoreMemo(broken));
        QVERIFY(!refused.hasMemo());
    }

    void hugeCountsInADamagedMemoAreRefused()
    {
        // An empty memo is [version][root count][load problem count][file count]. A damaged file
        // claiming 4 billion roots must be refused, not turned into a 70 GB allocation.
        CatalogLoader empty;
        QByteArray bytes;
        {
            QDataStream out(&bytes, QIODevice::WriteOnly);
            empty.saveMemo(out);
        }
        QCOMPARE(bytes.size(), 16);
        bytes.replace(4, 4, QByteArray("\xff\xff\xff\xff", 4));
        QDataStream in(bytes);
        CatalogLoader loader;
        QVERIFY(!loader.restoreMemo(in));
        QVERIFY(!loader.hasMemo());
    }

    void cancelStopsTheLoad()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 50; ++i) {
            writeFile(dir.filePath(QStringLiteral("c%1.yaml").arg(i)),
                      component(QByteArray("c" + QByteArray::number(i)).constData()));
        }
        std::atomic_bool cancel{true};
        CatalogLoader loader;
        const auto catalog = loader.load({{folderMount(dir.path()), QString(), false}}, &cancel);
        QVERIFY(!catalog);
        QVERIFY(loader.wasCancelled());
        QVERIFY(!loader.hasMemo());
    }
};

QTEST_GUILESS_MAIN(TestCatalogLoader)
#include "tst_catalogloader.moc"
