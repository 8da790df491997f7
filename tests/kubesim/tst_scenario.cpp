// The scenario parser of gantry-kubesim: what cluster.yaml means, and errors that name the line,
// the column and what to change.
#include "app/kubesim/scenario.h"

#include <QTemporaryDir>
#include <QTest>

using Gantry::KubeSim::Scenario;

class TestScenario final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readmeExample();
    void defaults();
    void percentages_data();
    void percentages();
    void errors_data();
    void errors();
    void missingFile();
};

void TestScenario::readmeExample()
{
    const QByteArray yaml = R"(kubernetesVersion: "1.30"
context: gantry-demo
timeScale: 0.5
auth:
  tokens: [demo-token]
  basic: [{username: admin, password: s3cret}]
  clientCertificates: true
  forbiddenTokens: [read-only]
nodes: [node-a, node-b, node-c]
defaults: {readyDelaySeconds: 2, progressDeadlineSeconds: 600}
namespaces:
  - name: staging
    deployments:
      - name: orders
        labels: {app: orders, backstage.io/kubernetes-id: orders}
        replicas: 3
        image: registry.acme.example/orders:1.5.0
        container: app
        history:
          - registry.acme.example/orders:1.4.0
          - registry.acme.example/orders:1.4.2
        rollingFrom: registry.acme.example/orders:1.4.2
        readyDelaySeconds: 15
        progressDeadlineSeconds: 600
        strategy: {maxSurge: 25%, maxUnavailable: 1}
        annotations: {kubernetes.io/change-cause: "release 1.5.0"}
        hpa: {minReplicas: 2, maxReplicas: 6, targetCPUUtilizationPercentage: 70}
        service: {port: 80, targetPort: 8080}
  - name: bench
    pods: {count: 5000, labels: {app: bench}}
churn: {namespace: bench, eventsPerSecond: 500}
)";
    QString error;
    const auto scenario = Scenario::parse(yaml, QStringLiteral("cluster.yaml"), &error);
    QVERIFY2(scenario, qPrintable(error));
    QCOMPARE(scenario->kubernetesVersion, QStringLiteral("1.30"));
    QCOMPARE(scenario->context, QStringLiteral("gantry-demo"));
    QCOMPARE(scenario->timeScale, 0.5);
    QVERIFY(scenario->auth);
    QCOMPARE(scenario->auth->tokens, QStringList{QStringLiteral("demo-token")});
    QCOMPARE(scenario->auth->basic.size(), 1);
    QCOMPARE(scenario->auth->basic.first().password, QStringLiteral("s3cret"));
    QVERIFY(scenario->auth->clientCertificates);
    QCOMPARE(scenario->auth->forbiddenTokens, QStringList{QStringLiteral("read-only")});
    QCOMPARE(scenario->nodes.size(), 3);
    QCOMPARE(scenario->namespaces.size(), 2);
    const auto &orders = scenario->namespaces.first().deployments.first();
    QCOMPARE(orders.name, QStringLiteral("orders"));
    QCOMPARE(orders.labels.value(QStringLiteral("backstage.io/kubernetes-id")), QStringLiteral("orders"));
    QCOMPARE(orders.replicas, 3);
    QCOMPARE(orders.container, QStringLiteral("app"));
    QCOMPARE(orders.history.size(), 2);
    QCOMPARE(orders.rollingFrom, QStringLiteral("registry.acme.example/orders:1.4.2"));
    QCOMPARE(orders.readyDelaySeconds, 15.0);
    QCOMPARE(orders.maxSurge.toString(), QStringLiteral("25%"));
    QCOMPARE(orders.maxUnavailable.toString(), QStringLiteral("1"));
    QCOMPARE(orders.annotations.value(QStringLiteral("kubernetes.io/change-cause")), QStringLiteral("release 1.5.0"));
    QVERIFY(orders.hpa);
    QCOMPARE(orders.hpa->maxReplicas, 6);
    QVERIFY(orders.service);
    QCOMPARE(orders.service->targetPort, 8080);
    QCOMPARE(orders.line, 14);
    QVERIFY(scenario->namespaces.at(1).pods);
    QCOMPARE(scenario->namespaces.at(1).pods->count, 5000);
    QVERIFY(scenario->churn);
    QCOMPARE(scenario->churn->nameSpace, QStringLiteral("bench"));
    QCOMPARE(scenario->churn->eventsPerSecond, 500.0);
}

void TestScenario::defaults()
{
    QString error;
    const auto scenario = Scenario::parse("namespaces:\n  - name: demo\n    deployments:\n      - {name: web, image: "
                                          "nginx:1.25}\n",
                                          QStringLiteral("c.yaml"), &error);
    QVERIFY2(scenario, qPrintable(error));
    QCOMPARE(scenario->context, QStringLiteral("kubesim"));
    QCOMPARE(scenario->kubernetesVersion, QStringLiteral("1.30"));
    QVERIFY(!scenario->auth);
    QCOMPARE(scenario->nodes.size(), 1);
    const auto &web = scenario->namespaces.first().deployments.first();
    QCOMPARE(web.labels, (QMap<QString, QString>{{QStringLiteral("app"), QStringLiteral("web")}}));
    QCOMPARE(web.container, QStringLiteral("web"));
    QCOMPARE(web.replicas, 1);
    QCOMPARE(web.revisionHistoryLimit, 10);
    QCOMPARE(web.maxSurge.toString(), QStringLiteral("25%"));
    QVERIFY(!web.recreate);
}

void TestScenario::percentages_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("replicas");
    QTest::addColumn<int>("surge");
    QTest::addColumn<int>("unavailable");
    QTest::newRow("25% of 3") << QStringLiteral("25%") << 3 << 1 << 0;
    QTest::newRow("25% of 4") << QStringLiteral("25%") << 4 << 1 << 1;
    QTest::newRow("25% of 10") << QStringLiteral("25%") << 10 << 3 << 2;
    QTest::newRow("50% of 1") << QStringLiteral("50%") << 1 << 1 << 0;
    QTest::newRow("absolute 2") << QStringLiteral("2") << 10 << 2 << 2;
}

void TestScenario::percentages()
{
    QFETCH(QString, value);
    QFETCH(int, replicas);
    QFETCH(int, surge);
    QFETCH(int, unavailable);
    const QByteArray yaml =
        "namespaces:\n- name: a\n  deployments:\n  - name: w\n    image: x\n    strategy: {maxSurge: \"" +
        value.toUtf8() + "\", maxUnavailable: \"" + value.toUtf8() + "\"}\n";
    QString error;
    const auto scenario = Scenario::parse(yaml, QStringLiteral("c.yaml"), &error);
    QVERIFY2(scenario, qPrintable(error));
    const auto &d = scenario->namespaces.first().deployments.first();
    // Like the real controller: surge rounds up, unavailable rounds down.
    QCOMPARE(d.maxSurge.resolve(replicas, true), surge);
    QCOMPARE(d.maxUnavailable.resolve(replicas, false), unavailable);
}

void TestScenario::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected"); // the start of the message: position and words

    QTest::newRow("not yaml") << QByteArray("namespaces: [a\n  b: }\n") << QStringLiteral("bad.yaml:2:");
    QTest::newRow("no namespaces") << QByteArray("context: x\n")
                                   << QStringLiteral("bad.yaml:1:1: error: the scenario needs 'namespaces:'");
    QTest::newRow("bad namespace name") << QByteArray("namespaces:\n  - name: Staging_1\n")
                                        << QStringLiteral(
                                               "bad.yaml:2:11: error: namespace 'Staging_1' is not a valid name");
    QTest::newRow("negative replicas")
        << QByteArray("namespaces:\n- name: a\n  deployments:\n  - name: w\n    image: x\n    replicas: -2\n")
        << QStringLiteral("bad.yaml:6:15: error: 'replicas' must be between 0 and");
    QTest::newRow("replicas text")
        << QByteArray("namespaces:\n- name: a\n  deployments:\n  - name: w\n    image: x\n    replicas: three\n")
        << QStringLiteral("bad.yaml:6:15: error: 'replicas' must be a whole number, not 'three'");
    QTest::newRow("bad surge")
        << QByteArray(
               "namespaces:\n- name: a\n  deployments:\n  - name: w\n    image: x\n    strategy: {maxSurge: lots}\n")
        << QStringLiteral("bad.yaml:6:26: error: 'maxSurge' must be a whole number of pods (1) or a percentage (25%)");
    QTest::newRow("both zero") << QByteArray("namespaces:\n- name: a\n  deployments:\n  - name: w\n    image: x\n    "
                                             "strategy: {maxSurge: 0, maxUnavailable: 0}\n")
                               << QStringLiteral(
                                      "bad.yaml:6:15: error: maxSurge and maxUnavailable must not both be 0");
    QTest::newRow("no image") << QByteArray("namespaces:\n- name: a\n  deployments:\n  - name: w\n")
                              << QStringLiteral("bad.yaml:4:5: error: deployment 'w' needs an 'image'");
    QTest::newRow("typo key") << QByteArray("namespaces:\n- name: a\n  deployments:\n  - name: w\n    image: x\n    "
                                            "replica: 3\n")
                              << QStringLiteral("bad.yaml:6:5: error: unknown key 'replica' in a deployment");
    QTest::newRow("duplicate deployment")
        << QByteArray("namespaces:\n- name: a\n  deployments:\n  - {name: w, image: x}\n  - {name: w, image: y}\n")
        << QStringLiteral("bad.yaml:5:12: error: deployment 'w' is defined twice");
    QTest::newRow("churn unknown namespace") << QByteArray("namespaces: [{name: a}]\nchurn: {namespace: bench}\n")
                                             << QStringLiteral("bad.yaml:2:20: error: 'churn' names namespace 'bench'");
    QTest::newRow("hpa max below min")
        << QByteArray("namespaces:\n- name: a\n  deployments:\n  - name: w\n    image: x\n    hpa: {minReplicas: 4, "
                      "maxReplicas: 2}\n")
        << QStringLiteral("bad.yaml:6:40: error: 'maxReplicas' (2) must not be less than 'minReplicas' (4)");
    QTest::newRow("bad label") << QByteArray("namespaces:\n- name: a\n  deployments:\n  - name: w\n    image: x\n    "
                                             "labels: {app: 'has space'}\n")
                               << QStringLiteral("bad.yaml:6:19: error: 'has space' is not a valid label value");
    QTest::newRow("version unquoted")
        << QByteArray("kubernetesVersion: 1.3x\nnamespaces: []\n")
        << QStringLiteral("bad.yaml:1:20: error: 'kubernetesVersion' must be a quoted major.minor version");
    QTest::newRow("zero time scale") << QByteArray("timeScale: 0\nnamespaces: []\n")
                                     << QStringLiteral("bad.yaml:1:12: error: 'timeScale' must be greater than 0");
}

void TestScenario::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);
    QString error;
    const auto scenario = Scenario::parse(yaml, QStringLiteral("bad.yaml"), &error);
    QVERIFY(!scenario);
    QVERIFY2(error.startsWith(expected), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
}

void TestScenario::missingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nope.yaml"));
    QString error;
    QVERIFY(!Scenario::load(path, &error));
    QVERIFY2(error.startsWith(path + QStringLiteral(":0:0: error: cannot read the scenario")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
