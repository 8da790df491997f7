// The `kubectl rollout status` rule: every branch, with kubectl's exact messages.

#include "models/kube/rolloutstatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using Gantry::Kube::deploymentRolloutStatus;
using Gantry::Kube::RolloutStatus;

namespace {

QJsonObject deployment(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestRolloutStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rule_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("message");
        QTest::addColumn<double>("progress");

        QTest::newRow("done") << QByteArray(R"({"metadata":{"name":"orders","generation":2},"spec":{"replicas":3},
            "status":{"observedGeneration":2,"replicas":3,"updatedReplicas":3,"availableReplicas":3,"readyReplicas":3}})")
                              << int(RolloutStatus::State::Done)
                              << QStringLiteral("deployment \"orders\" successfully rolled out") << 1.0;
        QTest::newRow("spec not observed")
            << QByteArray(R"({"metadata":{"name":"orders","generation":3},
            "spec":{"replicas":3},"status":{"observedGeneration":2,"replicas":3,"updatedReplicas":3,"availableReplicas":3}})")
            << int(RolloutStatus::State::Waiting)
            << QStringLiteral("Waiting for deployment spec update to be observed...") << 1.0;
        QTest::newRow("updating") << QByteArray(R"({"metadata":{"name":"orders","generation":2},"spec":{"replicas":4},
            "status":{"observedGeneration":2,"replicas":5,"updatedReplicas":1,"availableReplicas":4}})")
                                  << int(RolloutStatus::State::Waiting)
                                  << QStringLiteral("Waiting for deployment \"orders\" rollout to finish: 1 out of 4 "
                                                    "new replicas have been updated...")
                                  << 0.25;
        QTest::newRow("old pending termination")
            << QByteArray(R"({"metadata":{"name":"orders","generation":2},"spec":{"replicas":3},
            "status":{"observedGeneration":2,"replicas":4,"updatedReplicas":3,"availableReplicas":3}})")
            << int(RolloutStatus::State::Waiting)
            << QStringLiteral("Waiting for deployment \"orders\" rollout to finish: 1 old replicas are pending "
                              "termination...")
            << 1.0;
        QTest::newRow("not yet available")
            << QByteArray(R"({"metadata":{"name":"orders","generation":2},"spec":{"replicas":3},
            "status":{"observedGeneration":2,"replicas":3,"updatedReplicas":3,"availableReplicas":1}})")
            << int(RolloutStatus::State::Waiting)
            << QStringLiteral("Waiting for deployment \"orders\" rollout to finish: 1 of 3 updated replicas are "
                              "available...")
            << 1.0;
        QTest::newRow("progress deadline")
            << QByteArray(R"({"metadata":{"name":"orders","generation":2},
            "spec":{"replicas":3},"status":{"observedGeneration":2,"replicas":4,"updatedReplicas":1,
            "conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable"},
            {"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded",
             "message":"ReplicaSet orders-5d has timed out progressing."}]}})")
            << int(RolloutStatus::State::Failed)
            << QStringLiteral("deployment \"orders\" exceeded its progress deadline") << 0.3333;
        // Missing integer fields mean 0; readyReplicas and the Available condition are ignored.
        QTest::newRow("fresh, nothing reported") << QByteArray(R"({"metadata":{"name":"web","generation":1},
            "spec":{"replicas":2},"status":{"observedGeneration":1,"readyReplicas":2,
            "conditions":[{"type":"Available","status":"True"}]}})")
                                                 << int(RolloutStatus::State::Waiting)
                                                 << QStringLiteral("Waiting for deployment \"web\" rollout to finish: "
                                                                   "0 out of 2 new replicas have been updated...")
                                                 << 0.0;
        QTest::newRow("scaled to zero") << QByteArray(R"({"metadata":{"name":"idle","generation":5},
            "spec":{"replicas":0},"status":{"observedGeneration":5}})")
                                        << int(RolloutStatus::State::Done)
                                        << QStringLiteral("deployment \"idle\" successfully rolled out") << 1.0;
        // Other Progressing reasons (paused, ReplicaSetUpdated) do not decide anything.
        QTest::newRow("paused waits") << QByteArray(R"({"metadata":{"name":"p","generation":2},"spec":{"replicas":2,
            "paused":true},"status":{"observedGeneration":2,"replicas":3,"updatedReplicas":1,"availableReplicas":2,
            "conditions":[{"type":"Progressing","status":"Unknown","reason":"DeploymentPaused"}]}})")
                                      << int(RolloutStatus::State::Waiting)
                                      << QStringLiteral("Waiting for deployment \"p\" rollout to finish: 1 out of 2 "
                                                        "new replicas have been updated...")
                                      << 0.5;
    }

    void rule()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, state);
        QFETCH(QString, message);
        QFETCH(double, progress);
        const QJsonObject d = deployment(json);
        QVERIFY(!d.isEmpty());
        const RolloutStatus s = deploymentRolloutStatus(d);
        QCOMPARE(s.message, message);
        QCOMPARE(int(s.state), state);
        QVERIFY2(qAbs(s.progress() - progress) < 0.001, qPrintable(QString::number(s.progress())));
    }

    void revisionMismatchIsAnError()
    {
        const QJsonObject d = deployment(R"({"metadata":{"name":"orders","generation":2,
            "annotations":{"deployment.kubernetes.io/revision":"4"}},"spec":{"replicas":1},
            "status":{"observedGeneration":2,"replicas":1,"updatedReplicas":1,"availableReplicas":1}})");
        const RolloutStatus s = deploymentRolloutStatus(d, 3);
        QVERIFY(s.isFailed());
        QVERIFY(s.revisionMismatch);
        QCOMPARE(s.message, QStringLiteral("desired revision (3) is different from the running revision (4)"));
        QVERIFY(deploymentRolloutStatus(d, 4).isDone());
    }

    void stateNames()
    {
        RolloutStatus s;
        QCOMPARE(s.stateName(), QStringLiteral("waiting"));
        s.state = RolloutStatus::State::Failed;
        QCOMPARE(s.stateName(), QStringLiteral("failed"));
        s.state = RolloutStatus::State::Done;
        QCOMPARE(s.stateName(), QStringLiteral("done"));
    }
};

QTEST_GUILESS_MAIN(TestRolloutStatus)
#include "tst_rolloutstatus.moc"
