// The failure modes of the simulated kubelet, chosen by image name (app/kubesim/README.md), and
// the progress deadline they lead to, as kubectl and Gantry's deploy panel see them.
#include "tests/kubesim/controllertesthelpers.h"

using namespace Gantry::KubeSim;
using namespace Gantry::KubeSim::TestHelpers;

class TestControllerFailures final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void progressDeadlineExceeded();
    void crashLoopRestartsGrow();
    void pullFailureReasons();
    void neverReady();
};

void TestControllerFailures::progressDeadlineExceeded()
{
    auto cluster = startCluster(R"(timeScale: 0.05
namespaces:
  - name: demo
    deployments:
      - name: api
        replicas: 4
        image: registry.example/api:1
        progressDeadlineSeconds: 3
)");
    QVERIFY(cluster);
    Store &store = cluster->store;
    setImage(store, QStringLiteral("demo"), QStringLiteral("api"), QStringLiteral("registry.example/api:2-pullfail"));
    QTRY_COMPARE_WITH_TIMEOUT(rolloutStatus(store, QStringLiteral("demo"), QStringLiteral("api")),
                              QStringLiteral("failed"), kTimeout);
    const auto d = store.get(kDeployments, QStringLiteral("demo"), QStringLiteral("api"));
    const QJsonObject progressing = conditionOf(*d, QStringLiteral("Progressing"));
    QCOMPARE(progressing.value(QStringLiteral("status")).toString(), QStringLiteral("False"));
    QVERIFY2(
        progressing.value(QStringLiteral("message")).toString().endsWith(QLatin1String("has timed out progressing.")),
        qPrintable(progressing.value(QStringLiteral("message")).toString()));
    // Not rolled back: the template keeps the new image and the old pods keep serving.
    QCOMPARE(imageOf(*d), QStringLiteral("registry.example/api:2-pullfail"));
    QCOMPARE(statusInt(*d, "availableReplicas"), 3);
    QCOMPARE(conditionOf(*d, QStringLiteral("Available")).value(QStringLiteral("status")).toString(),
             QStringLiteral("True"));
}

void TestControllerFailures::crashLoopRestartsGrow()
{
    auto cluster = startCluster(R"(timeScale: 0.004
namespaces:
  - name: demo
    deployments: [{name: worker, replicas: 1, image: "registry.example/worker:crashloop"}]
)");
    QVERIFY(cluster);
    Store &store = cluster->store;
    QStringList reasons;
    int lastRestarts = 0;
    bool decreased = false;
    QJsonObject lastState; // lastState.terminated while in CrashLoopBackOff
    connect(&store, &Store::changed, this, [&](const Change &change) {
        if (change.resource != kPods || change.type == ChangeType::Deleted) {
            return;
        }
        const QJsonObject cs = firstContainerStatus(change.object);
        const QJsonObject state = cs.value(QStringLiteral("state")).toObject();
        const QString reason =
            state.value(QStringLiteral("waiting")).toObject().value(QStringLiteral("reason")).toString() +
            state.value(QStringLiteral("terminated")).toObject().value(QStringLiteral("reason")).toString();
        if (!reason.isEmpty() && (reasons.isEmpty() || reasons.last() != reason)) {
            reasons.append(reason);
        }
        if (reason == QLatin1String("CrashLoopBackOff")) {
            lastState = cs.value(QStringLiteral("lastState")).toObject().value(QStringLiteral("terminated")).toObject();
        }
        const int restarts = cs.value(QStringLiteral("restartCount")).toInt();
        decreased |= restarts < lastRestarts;
        lastRestarts = restarts;
    });
    QTRY_VERIFY_WITH_TIMEOUT(lastRestarts >= 3, kTimeout);
    QVERIFY(!decreased);
    QVERIFY2(reasons.contains(QStringLiteral("Error")), qPrintable(reasons.join(QLatin1Char(' '))));
    QVERIFY2(reasons.contains(QStringLiteral("CrashLoopBackOff")), qPrintable(reasons.join(QLatin1Char(' '))));
    const QJsonObject pod = podsWithLabel(store, QStringLiteral("demo"), QStringLiteral("worker")).first();
    QCOMPARE(lastState.value(QStringLiteral("exitCode")).toInt(), 1);
    QCOMPARE(lastState.value(QStringLiteral("reason")).toString(), QStringLiteral("Error"));
    QVERIFY(!lastState.value(QStringLiteral("finishedAt")).toString().isEmpty());
    QCOMPARE(pod.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString(),
             QStringLiteral("Running"));
    const QList<QJsonObject> backOff =
        eventsFor(store, QStringLiteral("demo"), QStringLiteral("Pod"), QStringLiteral("BackOff"));
    QVERIFY(!backOff.isEmpty());
    QCOMPARE(backOff.first().value(QStringLiteral("type")).toString(), QStringLiteral("Warning"));
    QVERIFY(backOff.first()
                .value(QStringLiteral("message"))
                .toString()
                .startsWith(QLatin1String("Back-off restarting failed container worker")));
    QVERIFY(backOff.first().value(QStringLiteral("count")).toInt() >= 2);
    QVERIFY(rolloutStatus(store, QStringLiteral("demo"), QStringLiteral("worker")) != QLatin1String("done"));
}

void TestControllerFailures::pullFailureReasons()
{
    auto cluster = startCluster(R"(timeScale: 0.01
namespaces:
  - name: demo
    deployments: [{name: web, replicas: 1, image: "registry.example/web:pullfail"}]
)");
    QVERIFY(cluster);
    Store &store = cluster->store;
    QStringList reasons;
    connect(&store, &Store::changed, this, [&](const Change &change) {
        if (change.resource == kPods && change.type != ChangeType::Deleted) {
            const QString reason = firstContainerStatus(change.object)
                                       .value(QStringLiteral("state"))
                                       .toObject()
                                       .value(QStringLiteral("waiting"))
                                       .toObject()
                                       .value(QStringLiteral("reason"))
                                       .toString();
            if (!reason.isEmpty() && (reasons.isEmpty() || reasons.last() != reason)) {
                reasons.append(reason);
            }
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(reasons.count(QStringLiteral("ImagePullBackOff")) >= 2, kTimeout);
    const qsizetype pullError = reasons.indexOf(QStringLiteral("ErrImagePull"));
    QVERIFY2(pullError >= 0, qPrintable(reasons.join(QLatin1Char(' '))));
    QCOMPARE(reasons.value(pullError + 1), QStringLiteral("ImagePullBackOff")); // a failed pull, then back-off
    const QJsonObject pod = podsWithLabel(store, QStringLiteral("demo"), QStringLiteral("web")).first();
    QCOMPARE(pod.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString(),
             QStringLiteral("Pending"));
    QVERIFY(!podReady(pod));
    bool errImagePullEvent = false;
    for (const QJsonObject &event :
         eventsFor(store, QStringLiteral("demo"), QStringLiteral("Pod"), QStringLiteral("Failed"))) {
        errImagePullEvent |= event.value(QStringLiteral("message")).toString() == QLatin1String("Error: ErrImagePull");
        QCOMPARE(event.value(QStringLiteral("type")).toString(), QStringLiteral("Warning"));
    }
    QVERIFY(errImagePullEvent);
}

void TestControllerFailures::neverReady()
{
    auto cluster = startCluster(R"(timeScale: 0.01
namespaces:
  - name: demo
    deployments: [{name: web, replicas: 2, image: "registry.example/web:neverready"}]
)");
    QVERIFY(cluster);
    Store &store = cluster->store;
    QTRY_VERIFY_WITH_TIMEOUT(
        !eventsFor(store, QStringLiteral("demo"), QStringLiteral("Pod"), QStringLiteral("Started")).isEmpty(),
        kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(podsWithLabel(store, QStringLiteral("demo"), QStringLiteral("web"))
                                  .first()
                                  .value(QStringLiteral("status"))
                                  .toObject()
                                  .value(QStringLiteral("phase"))
                                  .toString(),
                              QStringLiteral("Running"), kTimeout);
    QTest::qWait(100); // several ready delays (20 ms each): still not ready
    for (const QJsonObject &pod : podsWithLabel(store, QStringLiteral("demo"), QStringLiteral("web"))) {
        QVERIFY(!podReady(pod));
        QVERIFY(
            firstContainerStatus(pod).value(QStringLiteral("state")).toObject().contains(QStringLiteral("running")));
    }
    const auto d = store.get(kDeployments, QStringLiteral("demo"), QStringLiteral("web"));
    QCOMPARE(statusInt(*d, "availableReplicas"), 0);
    QCOMPARE(conditionOf(*d, QStringLiteral("Available")).value(QStringLiteral("reason")).toString(),
             QStringLiteral("MinimumReplicasUnavailable"));
}

QTEST_GUILESS_MAIN(TestControllerFailures)
#include "tst_controller_failures.moc"
