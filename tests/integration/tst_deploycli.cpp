// gantry status / promote / rollback through the real executable against gantry-kubesim: exit codes,
// the promote and rollback end to end (image changed, revision moved, checked with kubectl when
// present) and the deploy ledger rows they leave.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

namespace {

const QByteArray Scenario = R"(kubernetesVersion: "1.30"
context: sim
auth:
  tokens: [good-token]
defaults: {readyDelaySeconds: 1}
namespaces:
  - name: staging
    deployments:
      - name: orders
        labels: {app: orders, backstage.io/kubernetes-id: orders}
        replicas: 2
        image: registry.example/orders:1.5.0
        annotations: {gantry.dev/source-commit: abc1234}
        history: [registry.example/orders:1.4.0]
      - name: payments
        labels: {app: payments, backstage.io/kubernetes-id: payments}
        replicas: 1
        image: registry.example/payments:2.0.0-crashloop
  - name: production
    deployments:
      - name: orders
        labels: {app: orders, backstage.io/kubernetes-id: orders}
        replicas: 2
        image: registry.example/orders:1.4.0
        history: [registry.example/orders:1.3.0]
      - name: payments
        labels: {app: payments, backstage.io/kubernetes-id: payments}
        replicas: 1
        image: registry.example/payments:1.9.0
)";

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
}

} // namespace

class TestDeployCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_sim;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    Run gantry(const QStringList &args)
    {
        QProcess p;
        p.setProgram(qEnvironmentVariable("GANTRY_EXECUTABLE"));
        p.setArguments(QStringList{QStringLiteral("--workspace"), path(QStringLiteral("ws"))} + args);
        p.start();
        Run r;
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QString kubectl(const QStringList &args, int *exitCode = nullptr)
    {
        QProcess p;
        p.start(QStandardPaths::findExecutable(QStringLiteral("kubectl")),
                QStringList{QStringLiteral("--kubeconfig"), path(QStringLiteral("ws/kubeconfig")),
                            QStringLiteral("--cache-dir"), path(QStringLiteral("kubectl-cache"))} +
                    args);
        p.waitForFinished(60000);
        if (exitCode) {
            *exitCode = p.exitCode();
        }
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

    // Runs `gantry args` until `done` says yes or 30 s have passed; returns the last run.
    Run until(const QStringList &args, const std::function<bool(const Run &)> &done)
    {
        QElapsedTimer clock;
        clock.start();
        Run r = gantry(args);
        while (!done(r) && clock.elapsed() < 30000) {
            QTest::qWait(200);
            r = gantry(args);
        }
        return r;
    }

    QJsonObject status(const QString &service)
    {
        const Run r = gantry({QStringLiteral("status"), service, QStringLiteral("--format"), QStringLiteral("json")});
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    QJsonObject deploymentIn(const QJsonObject &status, const QString &env)
    {
        for (const auto &e : status.value(QLatin1String("items"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QLatin1String("environments"))
                                 .toArray()) {
            if (e.toObject().value(QLatin1String("name")).toString() == env) {
                return e.toObject().value(QLatin1String("deployments")).toArray().at(0).toObject();
            }
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString sim = qEnvironmentVariable("GANTRY_KUBESIM");
        if (sim.isEmpty() || !QFileInfo::exists(sim) || qEnvironmentVariable("GANTRY_EXECUTABLE").isEmpty()) {
            QSKIP("GANTRY_KUBESIM / GANTRY_EXECUTABLE are not set");
        }
        writeFile(path(QStringLiteral("ws/cluster.yaml")), Scenario);
        writeFile(path(QStringLiteral("ws/gantry.yaml")),
                  "name: CLI test\n"
                  "kubeconfig: ./kubeconfig\n"
                  "environments:\n"
                  "  - {name: staging, context: sim, namespace: staging}\n"
                  "  - {name: production, context: sim, namespace: production}\n");
        m_sim.setProgram(sim);
        m_sim.setArguments({QStringLiteral("--scenario"), path(QStringLiteral("ws/cluster.yaml")),
                            QStringLiteral("--tls"), QStringLiteral("--write-kubeconfig"),
                            path(QStringLiteral("ws/kubeconfig")), QStringLiteral("--time-scale"),
                            QStringLiteral("0.05")});
        m_sim.start();
        QVERIFY(m_sim.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return m_sim.canReadLine() || m_sim.state() != QProcess::Running; }, 20000));
        const QString line = QString::fromUtf8(m_sim.readLine()).trimmed();
        QVERIFY2(line.startsWith(QLatin1String("gantry-kubesim: listening on https://")), qPrintable(line));
        QVERIFY(QFileInfo::exists(path(QStringLiteral("ws/kubeconfig"))));
    }

    void cleanupTestCase()
    {
        if (m_sim.state() != QProcess::NotRunning) {
            m_sim.terminate();
            if (!m_sim.waitForFinished(5000)) {
                m_sim.kill();
                m_sim.waitForFinished(5000);
            }
        }
    }

    void statusOfAHealthyServiceExitsZero()
    {
        // Pods become ready after a short (scaled) delay.
        const Run r = until({QStringLiteral("status"), QStringLiteral("orders")},
                            [](const Run &run) { return run.exitCode == 0; });
        QVERIFY2(r.out.contains(QStringLiteral("registry.example/orders:1.5.0")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("registry.example/orders:1.4.0")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("drift")), qPrintable(r.out));
        const QJsonObject json = status(QStringLiteral("orders"));
        QVERIFY(json.value(QLatin1String("healthy")).toBool());
        QCOMPARE(deploymentIn(json, QStringLiteral("staging"))
                     .value(QLatin1String("rollout"))
                     .toObject()
                     .value(QLatin1String("state"))
                     .toString(),
                 QStringLiteral("done"));
    }

    void statusOfACrashLoopExitsOne()
    {
        const Run r = until(
            {QStringLiteral("status"), QStringLiteral("payments"), QStringLiteral("--env"), QStringLiteral("staging")},
            [](const Run &run) { return run.out.contains(QStringLiteral("1 pod in CrashLoopBackOff: exit code 1")); });
        QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("1 pod in CrashLoopBackOff: exit code 1")), qPrintable(r.out));
        // Production alone is fine.
        const Run production = until({QStringLiteral("status"), QStringLiteral("payments"), QStringLiteral("--env"),
                                      QStringLiteral("production")},
                                     [](const Run &run) { return run.exitCode == 0; });
        QVERIFY2(production.exitCode == 0, qPrintable(production.out + production.err));
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(gantry({QStringLiteral("status"), QStringLiteral("--env"), QStringLiteral("nope"),
                         QStringLiteral("orders")})
                     .exitCode,
                 2);
        QCOMPARE(gantry({QStringLiteral("promote"), QStringLiteral("orders")}).exitCode, 2); // no --to
        QCOMPARE(gantry({QStringLiteral("promote"), QStringLiteral("orders"), QStringLiteral("--to"),
                         QStringLiteral("production"), QStringLiteral("--timeout"), QStringLiteral("soon")})
                     .exitCode,
                 2);
        QCOMPARE(gantry({QStringLiteral("rollback"), QStringLiteral("orders")}).exitCode, 2); // no --env
    }

    void promoteWaitsUntilRolledOut()
    {
        const Run r = gantry({QStringLiteral("promote"), QStringLiteral("orders"), QStringLiteral("--to"),
                              QStringLiteral("production"), QStringLiteral("--wait"), QStringLiteral("--timeout"),
                              QStringLiteral("60s")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("registry.example/orders:1.4.0 → registry.example/orders:1.5.0")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("deployment \"orders\" successfully rolled out")), qPrintable(r.out));
        const QJsonObject production = deploymentIn(status(QStringLiteral("orders")), QStringLiteral("production"));
        QCOMPARE(production.value(QLatin1String("image")).toString(), QStringLiteral("registry.example/orders:1.5.0"));
        QCOMPARE(production.value(QLatin1String("revision")).toInt(), 3);
        QCOMPARE(production.value(QLatin1String("sourceCommit")).toString(), QStringLiteral("abc1234"));
        QVERIFY(production.value(QLatin1String("changeCause"))
                    .toString()
                    .startsWith(QStringLiteral("gantry promote orders staging→production")));
        if (!QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty()) {
            QCOMPARE(kubectl({QStringLiteral("-n"), QStringLiteral("production"), QStringLiteral("get"),
                              QStringLiteral("deploy"), QStringLiteral("orders"), QStringLiteral("-o"),
                              QStringLiteral("jsonpath={.spec.template.spec.containers[0].image}")}),
                     QStringLiteral("registry.example/orders:1.5.0"));
            const QString history =
                kubectl({QStringLiteral("-n"), QStringLiteral("production"), QStringLiteral("rollout"),
                         QStringLiteral("history"), QStringLiteral("deploy/orders")});
            QVERIFY2(history.contains(QStringLiteral("gantry promote orders")), qPrintable(history));
        } else {
            qInfo("kubectl is not on PATH: checked through gantry status only");
        }
        // Promoting again changes nothing and still succeeds.
        const Run again = gantry({QStringLiteral("promote"), QStringLiteral("orders"), QStringLiteral("--to"),
                                  QStringLiteral("production")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QStringLiteral("already runs")), qPrintable(again.out));
    }

    void rollbackGoesToThePreviousRevision()
    {
        const Run r = gantry({QStringLiteral("rollback"), QStringLiteral("orders"), QStringLiteral("--env"),
                              QStringLiteral("production"), QStringLiteral("--wait")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("revision 3 → 2")), qPrintable(r.out));
        const QJsonObject production = deploymentIn(status(QStringLiteral("orders")), QStringLiteral("production"));
        QCOMPARE(production.value(QLatin1String("image")).toString(), QStringLiteral("registry.example/orders:1.4.0"));
        QCOMPARE(production.value(QLatin1String("revision")).toInt(), 4);
        if (!QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty()) {
            QCOMPARE(
                kubectl({QStringLiteral("-n"), QStringLiteral("production"), QStringLiteral("get"),
                         QStringLiteral("deploy"), QStringLiteral("orders"), QStringLiteral("-o"),
                         QStringLiteral("jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}")}),
                QStringLiteral("4"));
        }
    }

    // Every button of the deploy panel is a verb too: scale and restart, waiting like kubectl.
    void scaleAndRestartFromTheCommandLine()
    {
        QCOMPARE(gantry({QStringLiteral("scale"), QStringLiteral("orders"), QStringLiteral("--env"),
                         QStringLiteral("staging")})
                     .exitCode,
                 2); // no --replicas
        const Run scaled = gantry({QStringLiteral("scale"), QStringLiteral("orders"), QStringLiteral("--env"),
                                   QStringLiteral("staging"), QStringLiteral("--replicas"), QStringLiteral("3"),
                                   QStringLiteral("--wait"), QStringLiteral("--timeout"), QStringLiteral("60s")});
        QVERIFY2(scaled.exitCode == 0, qPrintable(scaled.out + scaled.err));
        QVERIFY2(scaled.out.contains(QStringLiteral("2 → 3 replicas")), qPrintable(scaled.out));
        const QJsonObject staging = deploymentIn(status(QStringLiteral("orders")), QStringLiteral("staging"));
        QCOMPARE(staging.value(QLatin1String("desired")).toInt(), 3);
        QCOMPARE(staging.value(QLatin1String("available")).toInt(), 3);

        const int revisionBefore = staging.value(QLatin1String("revision")).toInt();
        const Run restarted = gantry({QStringLiteral("restart"), QStringLiteral("orders"), QStringLiteral("--env"),
                                      QStringLiteral("staging"), QStringLiteral("--wait"), QStringLiteral("--timeout"),
                                      QStringLiteral("60s")});
        QVERIFY2(restarted.exitCode == 0, qPrintable(restarted.out + restarted.err));
        QVERIFY2(restarted.out.contains(QStringLiteral("successfully rolled out")), qPrintable(restarted.out));
        // A restart is a new pod template: a new revision, as with kubectl rollout restart.
        const QJsonObject after = deploymentIn(status(QStringLiteral("orders")), QStringLiteral("staging"));
        QCOMPARE(after.value(QLatin1String("revision")).toInt(), revisionBefore + 1);
    }

    void promoteOfABrokenImageFailsWithTimeout()
    {
        // payments staging crash-loops: promoting it never rolls out; --wait with a timeout says so.
        const Run r = gantry({QStringLiteral("promote"), QStringLiteral("payments"), QStringLiteral("--from"),
                              QStringLiteral("staging"), QStringLiteral("--to"), QStringLiteral("production"),
                              QStringLiteral("--wait"), QStringLiteral("--timeout"), QStringLiteral("3s")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("timed out")), qPrintable(r.err));
    }

    void theLedgerRecordedEveryAction()
    {
        const QString file = path(QStringLiteral("home")); // not used: the ledger is in the test's XDG data dir
        Q_UNUSED(file);
        const QString dataHome = qEnvironmentVariable("XDG_DATA_HOME");
        QString ledger = QDir(dataHome.isEmpty() ? QDir::homePath() + QStringLiteral("/.local/share") : dataHome)
                             .filePath(QStringLiteral("Gantry/gantry/deploy-ledger.sqlite"));
        QVERIFY2(QFileInfo::exists(ledger), qPrintable(ledger));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(ledger);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(
                q.exec(QStringLiteral("SELECT a.action, a.service, a.environment, a.image_from, a.image_to, "
                                      "a.git_commit, o.outcome, o.rollout_ms FROM actions a LEFT JOIN outcomes o ON "
                                      "o.action_id = a.id WHERE a.workspace LIKE '%/ws/gantry.yaml' ORDER BY a.id")));
            QStringList rows;
            while (q.next()) {
                rows << QStringLiteral("%1 %2 %3 %4→%5 %6 %7")
                            .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                 q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                                 q.value(6).toString());
            }
            QVERIFY2(rows.size() >= 4, qPrintable(rows.join(QLatin1Char('\n'))));
            QVERIFY2(rows.at(0) == QStringLiteral(
                                       "promote orders production "
                                       "registry.example/orders:1.4.0→registry.example/orders:1.5.0 abc1234 succeeded"),
                     qPrintable(rows.join(QLatin1Char('\n'))));
            QVERIFY2(
                rows.contains(QStringLiteral("rollback orders production "
                                             "registry.example/orders:1.5.0→registry.example/orders:1.4.0  succeeded")),
                qPrintable(rows.join(QLatin1Char('\n'))));
            QVERIFY2(rows.last().startsWith(QStringLiteral("promote payments production")) &&
                         rows.last().endsWith(QStringLiteral("timed-out")),
                     qPrintable(rows.join(QLatin1Char('\n'))));
            // Append-only: history cannot be changed.
            QVERIFY(!q.exec(QStringLiteral("UPDATE actions SET service = 'x'")));
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM outcomes")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }
};

QTEST_GUILESS_MAIN(TestDeployCli)
#include "tst_deploycli.moc"
