// `gantry templates` and `gantry create-service` through the real executable on the demo
// workspace: the new service is pushed to a new bare repository and registered in the catalog;
// dry runs write nothing; a failure before the push leaves nothing behind; exit codes hold.
#include "models/sources/gitrepository.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run gantry(const QStringList &args, const QProcessEnvironment &extra = {})
{
    QProcess p;
    p.setProgram(qEnvironmentVariable("GANTRY_EXECUTABLE"));
    p.setArguments(args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : extra.keys()) {
        env.insert(key, extra.value(key));
    }
    p.setProcessEnvironment(env);
    p.start();
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// Every file below `dir` with its size, to prove that nothing changed.
QStringList snapshot(const QString &dir)
{
    QStringList entries;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        entries << it.filePath() + QLatin1Char(' ') + QString::number(it.fileInfo().size());
    }
    entries.sort();
    return entries;
}

const QStringList kValues = {QStringLiteral("--set"), QStringLiteral("name=parcel-tracker"),
                             QStringLiteral("--set"), QStringLiteral("description=Tracks parcels: {{ name }} ${{ x }}"),
                             QStringLiteral("--set"), QStringLiteral("owner=team-fleet"),
                             QStringLiteral("--set"), QStringLiteral("system=fleet-operations"),
                             QStringLiteral("--set"), QStringLiteral("dependsOn=component:auth-service")};

} // namespace

class TestCreateService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_workspace;

    QStringList ws(const QStringList &args) const
    {
        return QStringList{QStringLiteral("--workspace"), m_workspace} + args;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_workspace = m_dir.filePath(QStringLiteral("demo"));
        const Run init = gantry({QStringLiteral("demo"), QStringLiteral("init"), m_workspace});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    }

    void listsAndShowsTemplates()
    {
        const Run list = gantry(ws(
            {QStringLiteral("templates"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")}));
        QCOMPARE(list.exitCode, 0);
        QStringList names;
        for (const QJsonValue &v : list.json().value(QStringLiteral("items")).toArray()) {
            names << v.toObject().value(QStringLiteral("name")).toString();
            QVERIFY(v.toObject().value(QStringLiteral("usable")).toBool());
        }
        QVERIFY(names.contains(QStringLiteral("go-http-service")));
        QVERIFY(names.contains(QStringLiteral("python-http-service")));

        const Run table = gantry(ws({QStringLiteral("templates"), QStringLiteral("list")}));
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains("go-http-service"));

        const Run show =
            gantry(ws({QStringLiteral("templates"), QStringLiteral("show"), QStringLiteral("go-http-service"),
                       QStringLiteral("--format"), QStringLiteral("json")}));
        QCOMPARE(show.exitCode, 0);
        QStringList keys;
        for (const QJsonValue &page : show.json().value(QStringLiteral("pages")).toArray()) {
            for (const QJsonValue &f : page.toObject().value(QStringLiteral("fields")).toArray()) {
                keys << f.toObject().value(QStringLiteral("key")).toString();
            }
        }
        for (const char *key : {"name", "owner", "system", "description", "dependsOn"}) {
            QVERIFY2(keys.contains(QLatin1String(key)), key);
        }
        QCOMPARE(gantry(ws({QStringLiteral("templates"), QStringLiteral("show"), QStringLiteral("nope")})).exitCode, 1);
        QCOMPARE(gantry(ws({QStringLiteral("templates"), QStringLiteral("frobnicate")})).exitCode, 2);
    }

    void usageErrors()
    {
        QCOMPARE(gantry(ws({QStringLiteral("create-service")})).exitCode, 2);
        const Run unknown =
            gantry(ws({QStringLiteral("create-service"), QStringLiteral("--template"),
                       QStringLiteral("go-http-service"), QStringLiteral("--set"), QStringLiteral("colour=red")}));
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QLatin1String("colour")));
        QCOMPARE(gantry(ws({QStringLiteral("create-service"), QStringLiteral("--template"),
                            QStringLiteral("go-http-service"), QStringLiteral("--set"), QStringLiteral("port=eighty")}))
                     .exitCode,
                 2);
        // Values that break the form's rules are a failure with the reason.
        const Run taken = gantry(
            ws(QStringList{QStringLiteral("create-service"), QStringLiteral("--template"),
                           QStringLiteral("go-http-service"), QStringLiteral("--dry-run")} +
               QStringList{QStringLiteral("--set"), QStringLiteral("name=auth-service"), QStringLiteral("--set"),
                           QStringLiteral("description=x"), QStringLiteral("--set"), QStringLiteral("owner=team-fleet"),
                           QStringLiteral("--set"), QStringLiteral("system=fleet-operations")}));
        QCOMPARE(taken.exitCode, 1);
        QVERIFY2(taken.err.contains(QLatin1String("already taken")), qPrintable(taken.err));
    }

    void dryRunWritesNothing()
    {
        const QStringList before = snapshot(m_workspace);
        const Run dry = gantry(ws(QStringList{QStringLiteral("create-service"), QStringLiteral("--template"),
                                              QStringLiteral("go-http-service"), QStringLiteral("--dry-run"),
                                              QStringLiteral("--format"), QStringLiteral("json")} +
                                  kValues));
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        const QJsonObject o = dry.json();
        QVERIFY(o.value(QStringLiteral("dryRun")).toBool());
        QStringList paths;
        for (const QJsonValue &f : o.value(QStringLiteral("files")).toArray()) {
            paths << f.toObject().value(QStringLiteral("path")).toString();
        }
        QVERIFY(paths.contains(QStringLiteral("catalog-info.yaml")));
        QVERIFY(paths.contains(QStringLiteral("deploy/staging/deployment.yaml")));
        QVERIFY(paths.contains(QStringLiteral(".github/workflows/ci.yaml")));
        QVERIFY(paths.size() >= 18);
        QCOMPARE(snapshot(m_workspace), before);

        // The same from a values file, with --set overriding it.
        const QString valuesFile = m_dir.filePath(QStringLiteral("values.yaml"));
        QFile f(valuesFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name: from-file\ndescription: \"Read: from a file\"\nowner: team-fleet\nsystem: fleet-operations\n"
                "dependsOn: [component:auth-service]\nport: 9090\n");
        f.close();
        const Run fromFile =
            gantry(ws({QStringLiteral("create-service"), QStringLiteral("--template"),
                       QStringLiteral("go-http-service"), QStringLiteral("--dry-run"), QStringLiteral("--values"),
                       valuesFile, QStringLiteral("--set"), QStringLiteral("port=9191")}));
        QVERIFY2(fromFile.exitCode == 0, qPrintable(fromFile.err));
        QVERIFY2(fromFile.err.contains(QLatin1String("\"name\":\"from-file\"")), qPrintable(fromFile.err));
        QVERIFY(fromFile.err.contains(QLatin1String("\"port\":9191")));
        QCOMPARE(snapshot(m_workspace), before);
        QFile bad(m_dir.filePath(QStringLiteral("bad.yaml")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("- just\n- a list\n");
        bad.close();
        QCOMPARE(gantry(ws({QStringLiteral("create-service"), QStringLiteral("--template"),
                            QStringLiteral("go-http-service"), QStringLiteral("--dry-run"), QStringLiteral("--values"),
                            bad.fileName()}))
                     .exitCode,
                 2);
    }

    void failureBeforeThePushLeavesNothing()
    {
        const QStringList before = snapshot(m_workspace + QStringLiteral("/git"));
        QProcessEnvironment env;
        env.insert(QStringLiteral("GANTRY_SCAFFOLD_FAIL_BEFORE_STEP"), QStringLiteral("publish"));
        const Run r = gantry(ws(QStringList{QStringLiteral("create-service"), QStringLiteral("--template"),
                                            QStringLiteral("go-http-service"), QStringLiteral("--no-deploy")} +
                                kValues),
                             env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("Nothing was created")), qPrintable(r.err));
        QCOMPARE(snapshot(m_workspace + QStringLiteral("/git")), before);
    }

    void createsPushesAndRegisters()
    {
        const Run r = gantry(ws(QStringList{QStringLiteral("create-service"), QStringLiteral("--template"),
                                            QStringLiteral("go-http-service"), QStringLiteral("--no-deploy"),
                                            QStringLiteral("--format"), QStringLiteral("json")} +
                                kValues));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("entityRef")).toString(), QStringLiteral("component:default/parcel-tracker"));
        const QString bare = m_workspace + QStringLiteral("/git/parcel-tracker.git");
        QVERIFY(QFileInfo::exists(bare + QStringLiteral("/HEAD")));

        // Clone it and look at the files.
        QTemporaryDir clone;
        const auto sync =
            Gantry::Sources::GitRepository::sync(QUrl::fromLocalFile(bare).toString(QUrl::FullyEncoded),
                                                 QStringLiteral("main"), clone.filePath(QStringLiteral("c")), false);
        QVERIFY2(sync.ok, qPrintable(sync.error));
        QFile info(clone.filePath(QStringLiteral("c/catalog-info.yaml")));
        QVERIFY(info.open(QIODevice::ReadOnly));
        const QByteArray text = info.readAll();
        QVERIFY(text.contains("owner: group:default/team-fleet"));
        QVERIFY(text.contains("- component:default/auth-service"));
        QVERIFY(text.contains("\"Tracks parcels: {{ name }} ${{ x }}\""));
        QVERIFY(QFileInfo::exists(clone.filePath(QStringLiteral("c/Dockerfile"))));
        QVERIFY(QFileInfo::exists(clone.filePath(QStringLiteral("c/main_test.go"))));

        // Registered: the catalog now lists the new entity.
        const Run list = gantry(ws({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--kind"),
                                    QStringLiteral("component"), QStringLiteral("--format"), QStringLiteral("json")}));
        QCOMPARE(list.exitCode, 0);
        bool found = false;
        for (const QJsonValue &v : list.json().value(QStringLiteral("items")).toArray()) {
            const QJsonObject metadata = v.toObject().value(QStringLiteral("metadata")).toObject();
            if (metadata.value(QStringLiteral("name")).toString() == QLatin1String("parcel-tracker")) {
                found = true;
                QCOMPARE(
                    v.toObject().value(QStringLiteral("spec")).toObject().value(QStringLiteral("system")).toString(),
                    QStringLiteral("system:default/fleet-operations"));
            }
        }
        QVERIFY2(found, list.out.left(2000).constData());

        // The same name again: refused, nothing changes.
        const QStringList before = snapshot(m_workspace + QStringLiteral("/git"));
        const Run again = gantry(ws(QStringList{QStringLiteral("create-service"), QStringLiteral("--template"),
                                                QStringLiteral("go-http-service"), QStringLiteral("--no-deploy")} +
                                    kValues));
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(snapshot(m_workspace + QStringLiteral("/git")), before);
    }

    void createsAndDeploysToStaging()
    {
        // The demo workspace's cluster (the simulator), for the staging deploy step.
        QProcess cluster;
        cluster.setProgram(qEnvironmentVariable("GANTRY_EXECUTABLE"));
        cluster.setArguments({QStringLiteral("demo"), QStringLiteral("cluster"), m_workspace});
        cluster.setProcessChannelMode(QProcess::MergedChannels);
        cluster.start();
        const auto stop = qScopeGuard([&cluster] {
            cluster.terminate();
            if (!cluster.waitForFinished(10000)) {
                cluster.kill();
                cluster.waitForFinished();
            }
        });
        QVERIFY(cluster.waitForStarted(10000));
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT((output += cluster.readAll()).contains("listening on"), 60000);

        const Run r = gantry(
            ws({QStringLiteral("create-service"), QStringLiteral("--template"), QStringLiteral("python-http-service"),
                QStringLiteral("--set"), QStringLiteral("name=rate-quoter"), QStringLiteral("--set"),
                QStringLiteral("description=Quotes rates"), QStringLiteral("--set"),
                QStringLiteral("owner=team-billing"), QStringLiteral("--set"), QStringLiteral("system=billing"),
                QStringLiteral("--format"), QStringLiteral("json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("environment")).toString(), QStringLiteral("staging"));
        QVERIFY(o.value(QStringLiteral("deployedAfterMs")).toDouble() >=
                o.value(QStringLiteral("registeredAfterMs")).toDouble());
        QVERIFY2(r.err.contains(QLatin1String("deployment rate-quoter is available")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCreateService)
#include "tst_createservice.moc"
