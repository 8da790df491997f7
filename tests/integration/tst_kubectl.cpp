// Fidelity of gantry-kubesim checked with the real kubectl (issue 3, point 4): the simulator runs
// over HTTPS with the token kubeconfig it writes itself, every kubectl call gets a fresh cache dir
// (kubectl caches discovery per host:port), and the assertions are on what a user sees: printed
// columns, exit codes and the exact rollout lines.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Readiness 1 s (payments: 15 s, so a rollout can be watched) and progress deadline 30 s, all
// scaled by --time-scale 0.1.
const QByteArray scenario = R"(kubernetesVersion: "1.30"
context: fidelity
auth:
  tokens: [fidelity-token]
  forbiddenTokens: [read-only]
nodes: [node-a, node-b]
defaults: {readyDelaySeconds: 1, progressDeadlineSeconds: 30}
namespaces:
  - name: shop
    deployments:
      - name: orders
        replicas: 3
        image: registry.example/orders:1.5.0
        history: [registry.example/orders:1.4.0, registry.example/orders:1.4.2]
        annotations: {kubernetes.io/change-cause: "release 1.5.0"}
      - name: payments
        replicas: 2
        image: registry.example/payments:2.0
        readyDelaySeconds: 15
      - name: stuck
        replicas: 2
        image: registry.example/stuck:1.0
)";

} // namespace

class TstKubectl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void getDeploymentsJson();
    void plainGetPrintsColumns();
    void getPodsWatchSeesChange();
    void rolloutStatusSucceeds();
    void rolloutHistoryShowsRevisions();
    void setImageRollsOut();
    void rolloutUndoRestoresPreviousImage();
    void scaleChangesReplicas();
    void describeDeployment();
    void rolloutStatusFailsOnProgressDeadline();
    void badAndForbiddenTokens();

private:
    Run kubectl(const QStringList &args, int timeoutMs = 90000);
    QString jsonPath(const QString &deployment, const QString &expression);

    QString m_kubectl;
    QTemporaryDir m_dir;
    QProcess m_simulator;
    QString m_kubeconfig;
    int m_cacheDirs = 0;
};

void TstKubectl::initTestCase()
{
    m_kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    if (m_kubectl.isEmpty()) {
        QSKIP("kubectl is not on PATH: the kubectl fidelity tests need the real kubectl (Google Cloud SDK package "
              "'kubectl'); skipping them.");
    }
    const QString simulator = qEnvironmentVariable("GANTRY_KUBESIM");
    QVERIFY2(!simulator.isEmpty() && QFile::exists(simulator),
             "GANTRY_KUBESIM must name the gantry-kubesim executable (set by CTest)");
    QVERIFY(m_dir.isValid());
    const QString scenarioPath = m_dir.filePath(QStringLiteral("cluster.yaml"));
    QFile file(scenarioPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(scenario);
    file.close();
    m_kubeconfig = m_dir.filePath(QStringLiteral("kube/config"));

    m_simulator.setProgram(simulator);
    m_simulator.setArguments({QStringLiteral("--scenario"), scenarioPath, QStringLiteral("--listen"),
                              QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls"),
                              QStringLiteral("--write-kubeconfig"), m_kubeconfig, QStringLiteral("--time-scale"),
                              QStringLiteral("0.1")});
    m_simulator.setProcessChannelMode(QProcess::SeparateChannels);
    m_simulator.start();
    QVERIFY2(m_simulator.waitForStarted(10000), qPrintable(m_simulator.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_simulator.canReadLine() || m_simulator.state() != QProcess::Running, 30000);
    const QString first = QString::fromUtf8(m_simulator.readLine()).trimmed();
    QVERIFY2(first.startsWith(QStringLiteral("gantry-kubesim: listening on https://127.0.0.1:")),
             qPrintable(first + QString::fromUtf8(m_simulator.readAllStandardError())));
    QVERIFY(QFile::exists(m_kubeconfig));
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("kube/ca.crt"))));
}

void TstKubectl::cleanupTestCase()
{
    if (m_simulator.state() == QProcess::Running) {
        m_simulator.terminate();
        if (!m_simulator.waitForFinished(15000)) {
            m_simulator.kill();
            m_simulator.waitForFinished(5000);
            QFAIL("gantry-kubesim did not exit on SIGTERM");
        }
        QCOMPARE(m_simulator.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_simulator.exitCode(), 0);
    }
}

Run TstKubectl::kubectl(const QStringList &args, int timeoutMs)
{
    QProcess process;
    process.setProgram(m_kubectl);
    const QString cacheDir = m_dir.filePath(QStringLiteral("cache-%1").arg(++m_cacheDirs));
    process.setArguments(QStringList{QStringLiteral("--kubeconfig=") + m_kubeconfig,
                                     QStringLiteral("--cache-dir=") + cacheDir, QStringLiteral("-n"),
                                     QStringLiteral("shop")} +
                         args);
    process.start();
    process.closeWriteChannel(); // a 401 makes kubectl ask for a username: answer with EOF
    Run run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("kubectl timed out: ") + args.join(QLatin1Char(' '));
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString TstKubectl::jsonPath(const QString &deployment, const QString &expression)
{
    const Run run = kubectl({QStringLiteral("get"), QStringLiteral("deployment"), deployment, QStringLiteral("-o"),
                             QStringLiteral("jsonpath=") + expression});
    return run.exitCode == 0 ? run.out.trimmed() : QStringLiteral("error: ") + run.err;
}

void TstKubectl::getDeploymentsJson()
{
    const Run run =
        kubectl({QStringLiteral("get"), QStringLiteral("deployments"), QStringLiteral("-o"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject list = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(list.value(QStringLiteral("kind")).toString(), QStringLiteral("List"));
    const QJsonArray items = list.value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 3);
    QJsonObject orders;
    for (const QJsonValue &item : items) {
        QCOMPARE(item.toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("Deployment"));
        if (item[QStringLiteral("metadata")][QStringLiteral("name")].toString() == QLatin1String("orders")) {
            orders = item.toObject();
        }
    }
    QVERIFY2(!orders.isEmpty(), qPrintable(run.out));
    QCOMPARE(orders[QStringLiteral("metadata")][QStringLiteral("namespace")].toString(), QStringLiteral("shop"));
    QVERIFY(!orders[QStringLiteral("metadata")][QStringLiteral("uid")].toString().isEmpty());
    QCOMPARE(orders[QStringLiteral("spec")][QStringLiteral("replicas")].toInt(), 3);
    QCOMPARE(orders[QStringLiteral("spec")][QStringLiteral("template")][QStringLiteral("spec")]
                   [QStringLiteral("containers")][0][QStringLiteral("image")]
                       .toString(),
             QStringLiteral("registry.example/orders:1.5.0"));
    // Two earlier images in the history: this is revision 3.
    QCOMPARE(orders[QStringLiteral("metadata")][QStringLiteral("annotations")]
                   [QStringLiteral("deployment.kubernetes.io/revision")]
                       .toString(),
             QStringLiteral("3"));
    QCOMPARE(orders[QStringLiteral("spec")][QStringLiteral("strategy")][QStringLiteral("rollingUpdate")]
                   [QStringLiteral("maxSurge")]
                       .toString(),
             QStringLiteral("25%"));
}

void TstKubectl::plainGetPrintsColumns()
{
    QCOMPARE(kubectl({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("deployment/orders"),
                      QStringLiteral("--timeout=60s")})
                 .exitCode,
             0);
    Run run = kubectl({QStringLiteral("get"), QStringLiteral("deployments")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE\\n"))
                 .match(run.out)
                 .hasMatch(),
             qPrintable(run.out));
    QVERIFY2(QRegularExpression(QStringLiteral("\\norders\\s+3/3\\s+3\\s+3\\s+\\d+s\\n")).match(run.out).hasMatch(),
             qPrintable(run.out));

    run = kubectl({QStringLiteral("get"), QStringLiteral("deployments"), QStringLiteral("-o"), QStringLiteral("wide")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("CONTAINERS\\s+IMAGES\\s+SELECTOR"))),
             qPrintable(run.out));
    QVERIFY2(
        run.out.contains(QRegularExpression(QStringLiteral("orders\\s+registry.example/orders:1.5.0\\s+app=orders"))),
        qPrintable(run.out));

    run = kubectl({QStringLiteral("get"), QStringLiteral("pods")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(
        QRegularExpression(QStringLiteral("^NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE\\n")).match(run.out).hasMatch(),
        qPrintable(run.out));
    QCOMPARE(
        run.out.count(QRegularExpression(QStringLiteral("\\norders-[a-z0-9]+-[a-z0-9]+\\s+1/1\\s+Running\\s+0\\s"))),
        3);
}

void TstKubectl::getPodsWatchSeesChange()
{
    QProcess watch;
    watch.setProgram(m_kubectl);
    watch.setArguments({QStringLiteral("--kubeconfig=") + m_kubeconfig,
                        QStringLiteral("--cache-dir=") + m_dir.filePath(QStringLiteral("cache-watch")),
                        QStringLiteral("-n"), QStringLiteral("shop"), QStringLiteral("get"), QStringLiteral("pods"),
                        QStringLiteral("-l"), QStringLiteral("app=payments"), QStringLiteral("-w")});
    watch.start();
    QVERIFY(watch.waitForStarted(10000));
    QString output;
    auto drain = [&] {
        output += QString::fromUtf8(watch.readAllStandardOutput());
        return output;
    };
    // The initial list: a header and the two payments pods.
    QTRY_VERIFY_WITH_TIMEOUT(drain().count(QStringLiteral("\npayments-")) >= 2, 30000);
    const int before = output.count(QStringLiteral("\npayments-"));
    const Run scale =
        kubectl({QStringLiteral("scale"), QStringLiteral("deployment/payments"), QStringLiteral("--replicas=3")});
    QCOMPARE(scale.exitCode, 0);
    // The new pod shows up in the running watch (ContainerCreating, then Running).
    QTRY_VERIFY_WITH_TIMEOUT(drain().count(QStringLiteral("\npayments-")) > before, 30000);
    QVERIFY2(
        output.contains(QRegularExpression(QStringLiteral("\\npayments-\\S+\\s+0/1\\s+(Pending|ContainerCreating)"))),
        qPrintable(output));
    watch.kill();
    watch.waitForFinished(5000);
    QCOMPARE(kubectl({QStringLiteral("scale"), QStringLiteral("deployment/payments"), QStringLiteral("--replicas=2")})
                 .exitCode,
             0);
}

void TstKubectl::rolloutStatusSucceeds()
{
    const Run run = kubectl({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("deployment/payments"),
                             QStringLiteral("--timeout=60s")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.endsWith(QStringLiteral("deployment \"payments\" successfully rolled out\n")),
             qPrintable(run.out));
}

void TstKubectl::rolloutHistoryShowsRevisions()
{
    const Run run =
        kubectl({QStringLiteral("rollout"), QStringLiteral("history"), QStringLiteral("deployment/orders")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("REVISION\\s+CHANGE-CAUSE\\n"))), qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("\\n1\\s+\\S"))), qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("\\n2\\s+\\S"))), qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("\\n3\\s+release 1\\.5\\.0\\n"))), qPrintable(run.out));
}

void TstKubectl::setImageRollsOut()
{
    Run run = kubectl({QStringLiteral("set"), QStringLiteral("image"), QStringLiteral("deployment/payments"),
                       QStringLiteral("payments=registry.example/payments:2.1")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("deployment.apps/payments image updated\n"));
    run = kubectl({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("deployment/payments"),
                   QStringLiteral("--timeout=60s")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("Waiting for deployment \"payments\" rollout to finish")),
             qPrintable(run.out));
    QVERIFY2(run.out.endsWith(QStringLiteral("deployment \"payments\" successfully rolled out\n")),
             qPrintable(run.out));
    QCOMPARE(jsonPath(QStringLiteral("payments"),
                      QStringLiteral("{.spec.template.spec.containers[0].image} "
                                     "{.metadata.annotations.deployment\\.kubernetes\\.io/revision} "
                                     "{.status.updatedReplicas}")),
             QStringLiteral("registry.example/payments:2.1 2 2"));
}

void TstKubectl::rolloutUndoRestoresPreviousImage()
{
    Run run = kubectl({QStringLiteral("rollout"), QStringLiteral("undo"), QStringLiteral("deployment/payments")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("deployment.apps/payments rolled back\n"));
    run = kubectl({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("deployment/payments"),
                   QStringLiteral("--timeout=60s")});
    QCOMPARE(run.exitCode, 0);
    // The old ReplicaSet is reused and re-stamped with the next revision.
    QCOMPARE(jsonPath(QStringLiteral("payments"),
                      QStringLiteral("{.spec.template.spec.containers[0].image} "
                                     "{.metadata.annotations.deployment\\.kubernetes\\.io/revision}")),
             QStringLiteral("registry.example/payments:2.0 3"));
    run = kubectl({QStringLiteral("get"), QStringLiteral("replicasets"), QStringLiteral("-l"),
                   QStringLiteral("app=payments"), QStringLiteral("-o"), QStringLiteral("name")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.count(QStringLiteral("replicaset.apps/payments-")), 2);
}

void TstKubectl::scaleChangesReplicas()
{
    Run run = kubectl({QStringLiteral("scale"), QStringLiteral("deployment/orders"), QStringLiteral("--replicas=4")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("deployment.apps/orders scaled\n"));
    run = kubectl({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("deployment/orders"),
                   QStringLiteral("--timeout=60s")});
    QCOMPARE(run.exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(
        jsonPath(QStringLiteral("orders"), QStringLiteral("{.spec.replicas} {.status.readyReplicas} "
                                                          "{.status.availableReplicas}")),
        QStringLiteral("4 4 4"), 30000);
}

void TstKubectl::describeDeployment()
{
    const Run run = kubectl({QStringLiteral("describe"), QStringLiteral("deployment"), QStringLiteral("orders")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("(^|\\n)Name:\\s+orders\\n"))), qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral(
                 "\\nReplicas:\\s+4 desired \\| 4 updated \\| 4 total \\| 4 available \\| 0 unavailable\\n"))),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("Progressing\\s+True\\s+NewReplicaSetAvailable"))),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(
                 QRegularExpression(QStringLiteral("NewReplicaSet:\\s+orders-\\S+ \\(4/4 replicas created\\)"))),
             qPrintable(run.out));
    // Events come from the core/v1 events field-selector query describe sends.
    QVERIFY2(
        run.out.contains(QRegularExpression(QStringLiteral("Normal\\s+ScalingReplicaSet\\s+.*deployment-controller\\s+"
                                                           "Scaled up replica set orders-\\S+ to 4"))),
        qPrintable(run.out));
}

void TstKubectl::rolloutStatusFailsOnProgressDeadline()
{
    Run run = kubectl({QStringLiteral("set"), QStringLiteral("image"), QStringLiteral("deployment/stuck"),
                       QStringLiteral("stuck=registry.example/stuck-pullfail:2.0")});
    QCOMPARE(run.exitCode, 0);
    run = kubectl({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("deployment/stuck"),
                   QStringLiteral("--timeout=60s")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("error: deployment \"stuck\" exceeded its progress deadline")),
             qPrintable(run.err));
    // The old pods keep serving: the rollout is not rolled back.
    QCOMPARE(jsonPath(QStringLiteral("stuck"), QStringLiteral("{.status.availableReplicas}")), QStringLiteral("2"));
}

void TstKubectl::badAndForbiddenTokens()
{
    Run run = kubectl({QStringLiteral("--token=not-a-token"), QStringLiteral("get"), QStringLiteral("pods")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("error: You must be logged in to the server")), qPrintable(run.err));
    run = kubectl({QStringLiteral("--token=read-only"), QStringLiteral("get"), QStringLiteral("pods")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("Error from server (Forbidden): pods is forbidden")), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TstKubectl)
#include "tst_kubectl.moc"
