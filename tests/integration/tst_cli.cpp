// The command-line verbs, driven through the real executable: output formats and exit codes are
// contracts that users' scripts rely on.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run gantry(const QStringList &args, const QString &workingDir = {})
{
    QProcess p;
    p.setProgram(qEnvironmentVariable("GANTRY_EXECUTABLE"));
    p.setArguments(args);
    if (!workingDir.isEmpty()) {
        p.setWorkingDirectory(workingDir);
    }
    p.start();
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

const QByteArray goodCatalog = R"(apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: foo
  description: The foo service
spec:
  type: service
  lifecycle: production
  owner: team-a
  dependsOn: [component:bar]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: bar
spec:
  type: library
  lifecycle: experimental
  owner: group:team-b
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-b
spec:
  type: team
  children: []
)";

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(qEnvironmentVariable("GANTRY_EXECUTABLE")), "GANTRY_EXECUTABLE"); }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown verb") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("catalog without verb") << QStringList{QStringLiteral("catalog")};
        QTest::newRow("unknown catalog verb") << QStringList{QStringLiteral("catalog"), QStringLiteral("nope")};
        QTest::newRow("bad format") << QStringList{QStringLiteral("catalog"),  QStringLiteral("list"),
                                                   QStringLiteral("--format"), QStringLiteral("xml"),
                                                   QStringLiteral("--source"), QStringLiteral(".")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("catalog"), QStringLiteral("list"),
                                                       QStringLiteral("--bogus")};
        QTest::newRow("show without ref") << QStringList{QStringLiteral("catalog"), QStringLiteral("show"),
                                                         QStringLiteral("--source"), QStringLiteral(".")};
        QTest::newRow("demo init without dir") << QStringList{QStringLiteral("demo"), QStringLiteral("init")};
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        const Run r = gantry(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }

    void helpAndVersion()
    {
        const Run help = gantry({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("catalog validate")));
        const Run version = gantry({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QLatin1String("gantry ")));
    }

    void validateCleanFolder()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("catalog-info.yaml")), goodCatalog);
        const Run r = gantry({QStringLiteral("catalog"), QStringLiteral("validate"), dir.path()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("4 entities in 1 files: 0 error(s), 0 warning(s)")), qPrintable(r.out));
    }

    void validateReportsCompilerStyle()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("catalog-info.yaml")), goodCatalog);
        writeFile(dir.filePath(QStringLiteral("bad/catalog-info.yaml")),
                  "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bad one\nspec:\n"
                  "  type: service\n  lifecycle: production\n");
        const Run r = gantry({QStringLiteral("catalog"), QStringLiteral("validate"), QStringLiteral(".")}, dir.path());
        QCOMPARE(r.exitCode, 1);
        // Relative to the current folder, FILE:LINE:COL: error: MESSAGE.
        const QRegularExpression line(QStringLiteral("^bad/catalog-info\\.yaml:(\\d+):(\\d+): error: .+$"),
                                      QRegularExpression::MultilineOption);
        QVERIFY2(line.match(r.out).hasMatch(), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("bad/catalog-info.yaml:4:9: error: metadata.name")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("spec.owner")), qPrintable(r.out));
        const QString last = r.out.trimmed().split(QLatin1Char('\n')).last();
        QVERIFY2(last.contains(QLatin1String("error(s)")), qPrintable(last));
    }

    void showWithSourceFile()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("catalog-info.yaml")), goodCatalog);
        const Run r = gantry({QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("--source"),
                              QStringLiteral("./catalog-info.yaml"), QStringLiteral("component:foo"),
                              QStringLiteral("--format"), QStringLiteral("json")},
                             dir.path());
        QCOMPARE(r.exitCode, 0);
        const QJsonObject e = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(e.value(QLatin1String("apiVersion")).toString(), QStringLiteral("backstage.io/v1alpha1"));
        QCOMPARE(e.value(QLatin1String("kind")).toString(), QStringLiteral("Component"));
        QCOMPARE(e.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("foo"));
        QCOMPARE(e.value(QLatin1String("metadata")).toObject().value(QLatin1String("namespace")).toString(),
                 QStringLiteral("default"));
        QCOMPARE(e.value(QLatin1String("spec")).toObject().value(QLatin1String("owner")).toString(),
                 QStringLiteral("team-a"));
        const QJsonArray relations = e.value(QLatin1String("relations")).toArray();
        QVERIFY(relations.contains(QJsonObject{{QStringLiteral("type"), QStringLiteral("ownedBy")},
                                               {QStringLiteral("targetRef"), QStringLiteral("group:default/team-a")}}));
        QVERIFY(
            relations.contains(QJsonObject{{QStringLiteral("type"), QStringLiteral("dependsOn")},
                                           {QStringLiteral("targetRef"), QStringLiteral("component:default/bar")}}));

        const Run yaml = gantry({QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("--source"),
                                 QStringLiteral("./catalog-info.yaml"), QStringLiteral("bar")},
                                dir.path());
        QCOMPARE(yaml.exitCode, 0);
        QVERIFY2(yaml.out.startsWith(QLatin1String("apiVersion: backstage.io/v1alpha1\nkind: Component\n")),
                 qPrintable(yaml.out));
        QVERIFY2(yaml.out.contains(QLatin1String("type: dependencyOf")), qPrintable(yaml.out));
        QVERIFY(yaml.out.contains(QLatin1String("targetRef: component:default/foo")));

        const Run missing = gantry({QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("--source"),
                                    QStringLiteral("./catalog-info.yaml"), QStringLiteral("component:nope")},
                                   dir.path());
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QLatin1String("nope")));
    }

    void listFiltersAndFormats()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("catalog-info.yaml")), goodCatalog);
        const Run json = gantry({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--source"),
                                 dir.path(), QStringLiteral("--kind"), QStringLiteral("component"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray items =
            QJsonDocument::fromJson(json.out.toUtf8()).object().value(QLatin1String("items")).toArray();
        QCOMPARE(items.size(), 2);
        for (const auto &item : items) {
            QCOMPARE(item.toObject().value(QLatin1String("kind")).toString(), QStringLiteral("Component"));
            QVERIFY(item.toObject().contains(QLatin1String("relations")));
        }
        const Run owned = gantry({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--source"),
                                  dir.path(), QStringLiteral("--owner"), QStringLiteral("team-b")});
        QCOMPARE(owned.exitCode, 0);
        const QStringList lines = owned.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2); // header + bar
        QVERIFY(lines.at(0).startsWith(QLatin1String("KIND")));
        QVERIFY(lines.at(1).contains(QLatin1String("bar")));
        QVERIFY(lines.at(1).contains(QLatin1String("team-b")));
    }

    void graphFormats()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("catalog-info.yaml")), goodCatalog);
        const QStringList base = {QStringLiteral("catalog"), QStringLiteral("graph"), QStringLiteral("--source"),
                                  dir.path()};

        // JSON: every node with a position, every edge with a path.
        const Run json = gantry(base + QStringList{QStringLiteral("component:foo"), QStringLiteral("--format"),
                                                   QStringLiteral("json"), QStringLiteral("--relations"),
                                                   QStringLiteral("dependencies,ownership")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject graph = QJsonDocument::fromJson(json.out.toUtf8()).object();
        const QJsonArray nodes = graph.value(QLatin1String("nodes")).toArray();
        QStringList refs;
        for (const auto &n : nodes) {
            const QJsonObject o = n.toObject();
            refs << o.value(QLatin1String("ref")).toString();
            QVERIFY(o.contains(QLatin1String("x")) && o.contains(QLatin1String("y")));
        }
        refs.sort();
        QCOMPARE(refs, (QStringList{QStringLiteral("component:default/bar"), QStringLiteral("component:default/foo"),
                                    QStringLiteral("group:default/team-a")}));
        const QJsonArray edges = graph.value(QLatin1String("edges")).toArray();
        QCOMPARE(edges.size(), 2); // foo dependsOn bar, foo ownedBy team-a (pairs merged)
        for (const auto &e : edges) {
            QVERIFY(e.toObject().value(QLatin1String("path")).toArray().size() >= 2);
        }

        const Run dot = gantry(base + QStringList{QStringLiteral("foo")});
        QCOMPARE(dot.exitCode, 0);
        QVERIFY2(dot.out.trimmed().startsWith(QLatin1String("digraph")), qPrintable(dot.out));
        QVERIFY(dot.out.contains(QLatin1String("component:default/bar")));

        // Blast radius of bar: foo depends on it.
        const Run blast = gantry(base + QStringList{QStringLiteral("component:bar"), QStringLiteral("--mode"),
                                                    QStringLiteral("blast-radius"), QStringLiteral("--format"),
                                                    QStringLiteral("json")});
        QCOMPARE(blast.exitCode, 0);
        QVERIFY2(blast.out.contains(QLatin1String("component:default/foo")), qPrintable(blast.out));

        const QString svgFile = dir.filePath(QStringLiteral("graph.svg"));
        const Run svg = gantry(base + QStringList{QStringLiteral("foo"), QStringLiteral("--format"),
                                                  QStringLiteral("svg"), QStringLiteral("-o"), svgFile});
        QCOMPARE(svg.exitCode, 0);
        QFile file(svgFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        while (!xml.atEnd()) {
            xml.readNext();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));

        const QString pngFile = dir.filePath(QStringLiteral("graph.png"));
        QCOMPARE(gantry(base + QStringList{QStringLiteral("foo"), QStringLiteral("--format"), QStringLiteral("png"),
                                           QStringLiteral("-o"), pngFile})
                     .exitCode,
                 0);
        QVERIFY(QFile(pngFile).size() > 100);

        QCOMPARE(
            gantry(base + QStringList{QStringLiteral("foo"), QStringLiteral("--depth"), QStringLiteral("0")}).exitCode,
            2);
        QCOMPARE(
            gantry(base + QStringList{QStringLiteral("foo"), QStringLiteral("--relations"), QStringLiteral("bogus")})
                .exitCode,
            2);
        QCOMPARE(gantry(base + QStringList{QStringLiteral("component:nope")}).exitCode, 1);
    }

    void demoWorkspace()
    {
        QTemporaryDir dir;
        const QString demo = dir.filePath(QStringLiteral("demo"));
        const Run init = gantry({QStringLiteral("demo"), QStringLiteral("init"), demo});
        QCOMPARE(init.exitCode, 0);
        QVERIFY(QFile::exists(demo + QStringLiteral("/gantry.yaml")));

        const Run again = gantry({QStringLiteral("demo"), QStringLiteral("init"), demo});
        QCOMPARE(again.exitCode, 1);

        // The demo catalog is clean, and big enough to be believable.
        const Run validate =
            gantry({QStringLiteral("--workspace"), demo, QStringLiteral("catalog"), QStringLiteral("validate")});
        QVERIFY2(validate.exitCode == 0, qPrintable(validate.out + validate.err));
        QVERIFY2(validate.out.contains(QLatin1String("0 error(s), 0 warning(s)")), qPrintable(validate.out));

        const Run list = gantry({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--workspace"), demo,
                                 QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(list.exitCode, 0);
        QHash<QString, int> counts;
        const QJsonArray items =
            QJsonDocument::fromJson(list.out.toUtf8()).object().value(QLatin1String("items")).toArray();
        for (const auto &item : items) {
            counts[item.toObject().value(QLatin1String("kind")).toString()]++;
        }
        QVERIFY(counts.value(QStringLiteral("Domain")) >= 3);
        QVERIFY(counts.value(QStringLiteral("System")) >= 6);
        QVERIFY(counts.value(QStringLiteral("Component")) >= 30);
        QVERIFY(counts.value(QStringLiteral("API")) >= 10);
        QVERIFY(counts.value(QStringLiteral("Resource")) >= 8);
        QVERIFY(counts.value(QStringLiteral("Group")) >= 6);
        QVERIFY(counts.value(QStringLiteral("User")) >= 20);

        // A Git URL works as a source too (the demo's bare repository is a real remote).
        const Run git = gantry({QStringLiteral("catalog"), QStringLiteral("validate"),
                                QStringLiteral("file://") + demo + QStringLiteral("/git/catalog.git")});
        QVERIFY2(git.exitCode == 0, qPrintable(git.out + git.err));
        QVERIFY2(git.out.contains(QLatin1String(" 0 error(s)")), qPrintable(git.out));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
