// The simulator's controller on a store, with a tiny time scale: history as revisions, rolling
// updates within maxSurge/maxUnavailable, observedGeneration, rollback, Recreate, pause, scale.
// The failure modes chosen by image name are in tst_controller_failures.cpp.
#include "tests/kubesim/controllertesthelpers.h"

#include <QSet>

using namespace Gantry::KubeSim;
using namespace Gantry::KubeSim::TestHelpers;

class TestController final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedsHistoryAsRevisions();
    void rollingUpdateStaysWithinSurgeAndUnavailable();
    void observedGenerationAndStatusInOneWrite();
    void rollbackReusesOldReplicaSet();
    void recreateStopsOldPodsFirst();
    void revisionHistoryLimit();
    void pausedDeployment();
    void scaleAndReplacePods();
    void scaleDuringRolloutIsProportional();
    void rollingFromStartsMidRollout();
    void barePodsAndChurn();
    void eventsExpire();
};

void TestController::seedsHistoryAsRevisions()
{
    auto cluster = startCluster(R"(timeScale: 0.01
nodes: [node-a, node-b]
namespaces:
  - name: staging
    deployments:
      - name: orders
        replicas: 3
        image: registry.example/orders:3
        history: [registry.example/orders:1, registry.example/orders:2]
        annotations: {kubernetes.io/change-cause: "release 3"}
        service: {port: 80, targetPort: 8080}
        hpa: {minReplicas: 2, maxReplicas: 6}
)");
    QVERIFY(cluster);
    Store &store = cluster->store;
    const auto d = store.get(kDeployments, QStringLiteral("staging"), QStringLiteral("orders"));
    QVERIFY(d);
    QCOMPARE(revisionOf(*d), QStringLiteral("3"));
    QCOMPARE(rolloutStatus(store, QStringLiteral("staging"), QStringLiteral("orders")), QStringLiteral("done"));
    QCOMPARE(statusInt(*d, "replicas"), 3);
    QCOMPARE(statusInt(*d, "updatedReplicas"), 3);
    QCOMPARE(statusInt(*d, "readyReplicas"), 3);
    QCOMPARE(statusInt(*d, "availableReplicas"), 3);
    QCOMPARE(conditionOf(*d, QStringLiteral("Progressing")).value(QStringLiteral("reason")).toString(),
             QStringLiteral("NewReplicaSetAvailable"));
    QCOMPARE(conditionOf(*d, QStringLiteral("Available")).value(QStringLiteral("reason")).toString(),
             QStringLiteral("MinimumReplicasAvailable"));

    const QList<QJsonObject> sets = ownedReplicaSets(store, QStringLiteral("staging"), QStringLiteral("orders"));
    QCOMPARE(sets.size(), 3);
    for (const QJsonObject &rs : sets) {
        const QString image = imageOf(rs);
        const QString revision = revisionOf(rs);
        QCOMPARE(revision, image.right(1)); // orders:N is revision N
        const QString hash = rs.value(QStringLiteral("metadata"))
                                 .toObject()
                                 .value(QStringLiteral("labels"))
                                 .toObject()
                                 .value(QStringLiteral("pod-template-hash"))
                                 .toString();
        QVERIFY(!hash.isEmpty());
        QCOMPARE(rs.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("orders-") + hash);
        QCOMPARE(rs.value(QStringLiteral("spec")).toObject().value(QStringLiteral("replicas")).toInt(),
                 revision == QLatin1String("3") ? 3 : 0);
        if (revision == QLatin1String("3")) {
            QCOMPARE(rs.value(QStringLiteral("metadata"))
                         .toObject()
                         .value(QStringLiteral("annotations"))
                         .toObject()
                         .value(QStringLiteral("kubernetes.io/change-cause"))
                         .toString(),
                     QStringLiteral("release 3"));
            QCOMPARE(statusInt(rs, "readyReplicas"), 3);
        }
    }
    const QList<QJsonObject> pods = podsWithLabel(store, QStringLiteral("staging"), QStringLiteral("orders"));
    QCOMPARE(pods.size(), 3);
    for (const QJsonObject &pod : pods) {
        QVERIFY(podReady(pod));
        QCOMPARE(imageOf(pod), QStringLiteral("registry.example/orders:3"));
        QVERIFY(!pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("nodeName")).toString().isEmpty());
        QVERIFY(!pod.value(QStringLiteral("status")).toObject().value(QStringLiteral("podIP")).toString().isEmpty());
    }
    QVERIFY(store.get(QStringLiteral("services"), QStringLiteral("staging"), QStringLiteral("orders")));
    const auto hpa = store.get(QStringLiteral("horizontalpodautoscalers.autoscaling"), QStringLiteral("staging"),
                               QStringLiteral("orders"));
    QVERIFY(hpa);
    QCOMPARE(statusInt(*hpa, "currentReplicas"), 3);
    QCOMPARE(store.count(QStringLiteral("nodes")), 2);
    QVERIFY(
        !eventsFor(store, QStringLiteral("staging"), QStringLiteral("Deployment"), QStringLiteral("ScalingReplicaSet"))
             .isEmpty());
    QVERIFY(
        !eventsFor(store, QStringLiteral("staging"), QStringLiteral("ReplicaSet"), QStringLiteral("SuccessfulCreate"))
             .isEmpty());
    QVERIFY(!eventsFor(store, QStringLiteral("staging"), QStringLiteral("Pod"), QStringLiteral("Scheduled")).isEmpty());
}

void TestController::rollingUpdateStaysWithinSurgeAndUnavailable()
{
    auto cluster = startCluster(R"(timeScale: 0.02
namespaces:
  - name: demo
    deployments:
      - name: web
        replicas: 4
        image: registry.example/web:1
        readyDelaySeconds: 1
        strategy: {maxSurge: 1, maxUnavailable: 1}
)");
    QVERIFY(cluster);
    Store &store = cluster->store;
    int maxActive = 0;
    int minAvailable = 4;
    connect(&store, &Store::changed, this, [&](const Change &change) {
        if (change.resource != kPods) {
            return;
        }
        int active = 0;
        int available = 0;
        for (const QJsonObject &pod : podsWithLabel(store, QStringLiteral("demo"), QStringLiteral("web"))) {
            if (!terminating(pod)) {
                ++active;
                available += podReady(pod) ? 1 : 0;
            }
        }
        maxActive = std::max(maxActive, active);
        minAvailable = std::min(minAvailable, available);
    });
    setImage(store, QStringLiteral("demo"), QStringLiteral("web"), QStringLiteral("registry.example/web:2"));
    QTRY_COMPARE_WITH_TIMEOUT(rolloutStatus(store, QStringLiteral("demo"), QStringLiteral("web")),
                              QStringLiteral("done"), kTimeout);
    QVERIFY2(maxActive <= 5,
             qPrintable(QStringLiteral("%1 pods at once, more than replicas + maxSurge").arg(maxActive)));
    QVERIFY2(minAvailable >= 3,
             qPrintable(QStringLiteral("only %1 available, below replicas - maxUnavailable").arg(minAvailable)));
    QCOMPARE(maxActive, 5); // the surge was used

    const auto d = store.get(kDeployments, QStringLiteral("demo"), QStringLiteral("web"));
    QCOMPARE(revisionOf(*d), QStringLiteral("2"));
    for (const QJsonObject &rs : ownedReplicaSets(store, QStringLiteral("demo"), QStringLiteral("web"))) {
        QCOMPARE(rs.value(QStringLiteral("spec")).toObject().value(QStringLiteral("replicas")).toInt(),
                 imageOf(rs).endsWith(QLatin1String(":2")) ? 4 : 0);
    }
    QTRY_COMPARE_WITH_TIMEOUT(podsWithLabel(store, QStringLiteral("demo"), QStringLiteral("web")).size(), 4, kTimeout);
    bool scaledUpFromZero = false;
    for (const QJsonObject &event :
         eventsFor(store, QStringLiteral("demo"), QStringLiteral("Deployment"), QStringLiteral("ScalingReplicaSet"))) {
        const QString message = event.value(QStringLiteral("message")).toString();
        QVERIFY2(message.startsWith(QLatin1String("Scaled up replica set web-")) ||
                     message.startsWith(QLatin1String("Scaled down replica set web-")),
                 qPrintable(message));
        scaledUpFromZero |= message.endsWith(QLatin1String(" to 1 from 0"));
    }
    QVERIFY(scaledUpFromZero);
    QVERIFY(!eventsFor(store, QStringLiteral("demo"), QStringLiteral("ReplicaSet"), QStringLiteral("SuccessfulDelete"))
                 .isEmpty());
}

void TestController::observedGenerationAndStatusInOneWrite()
{
    auto cluster = startCluster(R"(timeScale: 0.02
namespaces:
  - name: demo
    deployments: [{name: web, replicas: 3, image: "registry.example/web:1"}]
)");
    QVERIFY(cluster);
    Store &store = cluster->store;
    QList<QJsonObject> observedWrites;
    connect(&store, &Store::changed, this, [&](const Change &change) {
        if (change.resource != kDeployments) {
            return;
        }
        const int generation =
            change.object.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("generation")).toInt();
        if (statusInt(change.object, "observedGeneration") == generation &&
            statusInt(change.oldObject, "observedGeneration") < generation) {
            observedWrites.append(change.object);
        }
    });
    setImage(store, QStringLiteral("demo"), QStringLiteral("web"), QStringLiteral("registry.example/web:2"));
    QTRY_COMPARE_WITH_TIMEOUT(rolloutStatus(store, QStringLiteral("demo"), QStringLiteral("web")),
                              QStringLiteral("done"), kTimeout);
    QCOMPARE(observedWrites.size(), 1);
    // The write that says "observed" already counts the new template: 0 of 3 updated, not the old 3.
    QVERIFY(statusInt(observedWrites.first(), "updatedReplicas") < 3);
    QCOMPARE(revisionOf(observedWrites.first()), QStringLiteral("2"));
    QCOMPARE(
        conditionOf(observedWrites.first(), QStringLiteral("Progressing")).value(QStringLiteral("reason")).toString(),
        QStringLiteral("NewReplicaSetCreated"));
}

void TestController::rollbackReusesOldReplicaSet()
{
    auto cluster = startCluster(R"(timeScale: 0.02
namespaces:
  - name: demo
    deployments:
      - name: web
        replicas: 2
        image: registry.example/web:2
        history: [registry.example/web:1]
)");
    QVERIFY(cluster);
    Store &store = cluster->store;
    QJsonObject previous;
    for (const QJsonObject &rs : ownedReplicaSets(store, QStringLiteral("demo"), QStringLiteral("web"))) {
        if (revisionOf(rs) == QLatin1String("1")) {
            previous = rs;
        }
    }
    QVERIFY(!previous.isEmpty());
    QStringList reasons;
    connect(&store, &Store::changed, this, [&](const Change &change) {
        if (change.resource == kDeployments) {
            const QString reason =
                conditionOf(change.object, QStringLiteral("Progressing")).value(QStringLiteral("reason")).toString();
            if (reasons.isEmpty() || reasons.last() != reason) {
                reasons.append(reason);
            }
        }
    });
    // What kubectl rollout undo sends: the old template without pod-template-hash, and
    // creationTimestamp: null in its metadata.
    QJsonObject podTemplate =
        previous.value(QStringLiteral("spec")).toObject().value(QStringLiteral("template")).toObject();
    QJsonObject metadata = podTemplate.value(QStringLiteral("metadata")).toObject();
    QJsonObject labels = metadata.value(QStringLiteral("labels")).toObject();
    labels.remove(QStringLiteral("pod-template-hash"));
    metadata.insert(QStringLiteral("labels"), labels);
    metadata.insert(QStringLiteral("creationTimestamp"), QJsonValue());
    podTemplate.insert(QStringLiteral("metadata"), metadata);
    setSpecField(store, QStringLiteral("demo"), QStringLiteral("web"), QStringLiteral("template"), podTemplate);

    QTRY_COMPARE_WITH_TIMEOUT(rolloutStatus(store, QStringLiteral("demo"), QStringLiteral("web")),
                              QStringLiteral("done"), kTimeout);
    const QList<QJsonObject> sets = ownedReplicaSets(store, QStringLiteral("demo"), QStringLiteral("web"));
    QCOMPARE(sets.size(), 2); // no third ReplicaSet: the old one is reused
    const auto reused =
        store.get(kReplicaSets, QStringLiteral("demo"),
                  previous.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString());
    QVERIFY(reused);
    QCOMPARE(revisionOf(*reused), QStringLiteral("3"));
    QCOMPARE(reused->value(QStringLiteral("metadata"))
                 .toObject()
                 .value(QStringLiteral("annotations"))
                 .toObject()
                 .value(QStringLiteral("deployment.kubernetes.io/revision-history"))
                 .toString(),
             QStringLiteral("1"));
    QCOMPARE(reused->value(QStringLiteral("spec")).toObject().value(QStringLiteral("replicas")).toInt(), 2);
    QCOMPARE(revisionOf(*store.get(kDeployments, QStringLiteral("demo"), QStringLiteral("web"))), QStringLiteral("3"));
    QVERIFY2(reasons.contains(QStringLiteral("FoundNewReplicaSet")), qPrintable(reasons.join(QLatin1Char(' '))));
    QCOMPARE(reasons.last(), QStringLiteral("NewReplicaSetAvailable"));
}

void TestController::recreateStopsOldPodsFirst()
{
    auto cluster = startCluster(R"(timeScale: 0.01
namespaces:
  - name: demo
    deployments:
      - {name: db, replicas: 2, image: "registry.example/db:1", strategy: {type: Recreate}}
)");
    QVERIFY(cluster);
    Store &store = cluster->store;
    bool overlap = false;
    connect(&store, &Store::changed, this, [&](const Change &change) {
        if (change.resource != kPods) {
            return;
        }
        QSet<QString> images;
        for (const QJsonObject &pod : podsWithLabel(store, QStringLiteral("demo"), QStringLiteral("db"))) {
            images.insert(imageOf(pod));
        }
        overlap |= images.size() > 1;
    });
    setImage(store, QStringLiteral("demo"), QStringLiteral("db"), QStringLiteral("registry.example/db:2"));
    QTRY_COMPARE_WITH_TIMEOUT(rolloutStatus(store, QStringLiteral("demo"), QStringLiteral("db")),
                              QStringLiteral("done"), kTimeout);
    QVERIFY(!overlap);
    QCOMPARE(podsWithLabel(store, QStringLiteral("demo"), QStringLiteral("db")).size(), 2);
}

void TestController::revisionHistoryLimit()
{
    auto cluster = startCluster(R"(timeScale: 0.01
namespaces:
  - name: demo
    deployments:
      - name: web
        replicas: 1
        image: registry.example/web:6
        revisionHistoryLimit: 2
        history: [registry.example/web:1, registry.example/web:2, registry.example/web:3, registry.example/web:4, registry.example/web:5]
)");
    QVERIFY(cluster);
    QStringList revisions;
    for (const QJsonObject &rs : ownedReplicaSets(cluster->store, QStringLiteral("demo"), QStringLiteral("web"))) {
        revisions.append(revisionOf(rs));
    }
    revisions.sort();
    QCOMPARE(revisions, (QStringList{QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6")}));
}

void TestController::pausedDeployment()
{
    auto cluster = startCluster(R"(timeScale: 0.01
namespaces:
  - name: demo
    deployments: [{name: web, replicas: 2, image: "registry.example/web:1"}]
)");
    QVERIFY(cluster);
    Store &store = cluster->store;
    setSpecField(store, QStringLiteral("demo"), QStringLiteral("web"), QStringLiteral("paused"), true);
    QTRY_COMPARE_WITH_TIMEOUT(conditionOf(*store.get(kDeployments, QStringLiteral("demo"), QStringLiteral("web")),
                                          QStringLiteral("Progressing"))
                                  .value(QStringLiteral("reason"))
                                  .toString(),
                              QStringLiteral("DeploymentPaused"), kTimeout);
    QCOMPARE(conditionOf(*store.get(kDeployments, QStringLiteral("demo"), QStringLiteral("web")),
                         QStringLiteral("Progressing"))
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("Unknown"));
    setImage(store, QStringLiteral("demo"), QStringLiteral("web"), QStringLiteral("registry.example/web:2"));
    QTest::qWait(50);
    QCOMPARE(ownedReplicaSets(store, QStringLiteral("demo"), QStringLiteral("web")).size(), 1); // paused: no rollout
    QCOMPARE(rolloutStatus(store, QStringLiteral("demo"), QStringLiteral("web")), QStringLiteral("wait"));
    setSpecField(store, QStringLiteral("demo"), QStringLiteral("web"), QStringLiteral("paused"), QJsonValue());
    QTRY_COMPARE_WITH_TIMEOUT(rolloutStatus(store, QStringLiteral("demo"), QStringLiteral("web")),
                              QStringLiteral("done"), kTimeout);
    QCOMPARE(ownedReplicaSets(store, QStringLiteral("demo"), QStringLiteral("web")).size(), 2);
}

void TestController::scaleAndReplacePods()
{
    auto cluster = startCluster(R"(timeScale: 0.01
namespaces:
  - name: demo
    deployments: [{name: web, replicas: 2, image: "registry.example/web:1"}]
)");
    QVERIFY(cluster);
    Store &store = cluster->store;
    setSpecField(store, QStringLiteral("demo"), QStringLiteral("web"), QStringLiteral("replicas"), 5);
    QTRY_COMPARE_WITH_TIMEOUT(rolloutStatus(store, QStringLiteral("demo"), QStringLiteral("web")),
                              QStringLiteral("done"), kTimeout);
    QCOMPARE(statusInt(*store.get(kDeployments, QStringLiteral("demo"), QStringLiteral("web")), "availableReplicas"),
             5);
    QCOMPARE(ownedReplicaSets(store, QStringLiteral("demo"), QStringLiteral("web")).size(), 1);

    // A pod deleted through the API is replaced.
    const QString victim = podsWithLabel(store, QStringLiteral("demo"), QStringLiteral("web"))
                               .first()
                               .value(QStringLiteral("metadata"))
                               .toObject()
                               .value(QStringLiteral("name"))
                               .toString();
    QVERIFY(store.remove(kPods, QStringLiteral("demo"), victim).ok());
    QTRY_COMPARE_WITH_TIMEOUT(podsWithLabel(store, QStringLiteral("demo"), QStringLiteral("web")).size(), 5, kTimeout);
    QVERIFY(!store.get(kPods, QStringLiteral("demo"), victim));

    setSpecField(store, QStringLiteral("demo"), QStringLiteral("web"), QStringLiteral("replicas"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(podsWithLabel(store, QStringLiteral("demo"), QStringLiteral("web")).size(), 1, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(rolloutStatus(store, QStringLiteral("demo"), QStringLiteral("web")),
                              QStringLiteral("done"), kTimeout);
}

void TestController::scaleDuringRolloutIsProportional()
{
    auto cluster = startCluster(R"(timeScale: 0.02
namespaces:
  - name: demo
    deployments:
      - name: web
        replicas: 4
        image: registry.example/web:1
        readyDelaySeconds: 600
        strategy: {maxSurge: 1, maxUnavailable: 0}
)");
    QVERIFY(cluster);
    Store &store = cluster->store;
    setImage(store, QStringLiteral("demo"), QStringLiteral("web"), QStringLiteral("registry.example/web:2"));
    cluster->controller->settle();
    const auto sizes = [&store] {
        QMap<QString, int> out; // image -> spec.replicas
        for (const QJsonObject &rs : ownedReplicaSets(store, QStringLiteral("demo"), QStringLiteral("web"))) {
            out.insert(imageOf(rs),
                       rs.value(QStringLiteral("spec")).toObject().value(QStringLiteral("replicas")).toInt());
        }
        return out;
    };
    // Surged by one new pod, which is not ready yet (a 12 s ready delay), so nothing else moved.
    QCOMPARE(sizes().value(QStringLiteral("registry.example/web:1")), 4);
    QCOMPARE(sizes().value(QStringLiteral("registry.example/web:2")), 1);

    // kubectl scale --replicas=8 mid-rollout: 9 pods allowed (8 + maxSurge), 4 to add, shared by
    // size: the old ReplicaSet 4 -> 7, the new one 1 -> 2.
    setSpecField(store, QStringLiteral("demo"), QStringLiteral("web"), QStringLiteral("replicas"), 8);
    cluster->controller->settle();
    QCOMPARE(sizes().value(QStringLiteral("registry.example/web:1")), 7);
    QCOMPARE(sizes().value(QStringLiteral("registry.example/web:2")), 2);
    QCOMPARE(rolloutStatus(store, QStringLiteral("demo"), QStringLiteral("web")), QStringLiteral("wait"));
}

void TestController::rollingFromStartsMidRollout()
{
    auto cluster = startCluster(R"(timeScale: 0.02
namespaces:
  - name: staging
    deployments:
      - name: orders
        replicas: 3
        image: registry.example/orders:1.5.0
        history: [registry.example/orders:1.4.0, registry.example/orders:1.4.2]
        rollingFrom: registry.example/orders:1.4.2
        annotations: {kubernetes.io/change-cause: "release 1.5.0"}
)");
    QVERIFY(cluster);
    Store &store = cluster->store;
    QCOMPARE(rolloutStatus(store, QStringLiteral("staging"), QStringLiteral("orders")), QStringLiteral("wait"));
    QCOMPARE(revisionOf(*store.get(kDeployments, QStringLiteral("staging"), QStringLiteral("orders"))),
             QStringLiteral("3"));
    QTRY_COMPARE_WITH_TIMEOUT(rolloutStatus(store, QStringLiteral("staging"), QStringLiteral("orders")),
                              QStringLiteral("done"), kTimeout);
    for (const QJsonObject &rs : ownedReplicaSets(store, QStringLiteral("staging"), QStringLiteral("orders"))) {
        if (revisionOf(rs) == QLatin1String("3")) {
            QCOMPARE(imageOf(rs), QStringLiteral("registry.example/orders:1.5.0"));
            QCOMPARE(rs.value(QStringLiteral("metadata"))
                         .toObject()
                         .value(QStringLiteral("annotations"))
                         .toObject()
                         .value(QStringLiteral("kubernetes.io/change-cause"))
                         .toString(),
                     QStringLiteral("release 1.5.0"));
        }
    }
}

void TestController::barePodsAndChurn()
{
    auto cluster = startCluster(R"(timeScale: 0.01
nodes: [n1, n2]
namespaces:
  - name: bench
    pods: {count: 300, labels: {app: bench}}
churn: {namespace: bench, eventsPerSecond: 400}
)");
    QVERIFY(cluster);
    Store &store = cluster->store;
    QCOMPARE(store.count(kPods, QStringLiteral("bench")), 300);
    for (const QJsonObject &pod : store.list(kPods, QStringLiteral("bench"))) {
        QVERIFY(podReady(pod));
        QCOMPARE(pod.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString(),
                 QStringLiteral("Running"));
    }
    int modified = 0;
    connect(&store, &Store::changed, this, [&](const Change &change) {
        modified += change.resource == kPods && change.type == ChangeType::Modified ? 1 : 0;
    });
    QTRY_VERIFY_WITH_TIMEOUT(modified >= 100, kTimeout);
    QCOMPARE(store.count(kPods, QStringLiteral("bench")), 300); // churn changes pods, never adds or removes them
}

void TestController::eventsExpire()
{
    QString error;
    const auto scenario = Scenario::parse("namespaces:\n- name: demo\n  deployments: [{name: web, image: x}]\n",
                                          QStringLiteral("test.yaml"), &error);
    QVERIFY2(scenario, qPrintable(error));
    Store store;
    Controller controller(&store);
    controller.setEventTimeToLiveSeconds(1);
    controller.start(*scenario);
    QVERIFY(!eventsFor(store, QStringLiteral("demo"), QStringLiteral("Deployment"), QStringLiteral("ScalingReplicaSet"))
                 .isEmpty());
    // kubectl get events shows nothing once every event is older than the time to live.
    QTRY_COMPARE_WITH_TIMEOUT(store.count(QStringLiteral("events"), QStringLiteral("demo")), 0, kTimeout);
    QVERIFY(store.get(kDeployments, QStringLiteral("demo"), QStringLiteral("web")));
}

QTEST_GUILESS_MAIN(TestController)
#include "tst_controller.moc"
