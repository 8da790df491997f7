// Digesting an environment's objects into what the deploy panel and `gantry status` show: pods
// with their deployment, problems in words (Backstage's rules plus ready-vs-desired), recent events,
// the pod and event table models, and which workloads belong to a catalog entity.

#include "models/catalog/entity.h"
#include "models/catalog/yamltree.h"
#include "models/kube/eventtablemodel.h"
#include "models/kube/kuberoles.h"
#include "models/kube/podtablemodel.h"
#include "models/kube/statusdigest.h"
#include "models/kube/workloadselector.h"
#include "models/workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Gantry::Kube;

namespace {

QJsonObject json(const QByteArray &text)
{
    const QJsonObject o = QJsonDocument::fromJson(text).object();
    if (o.isEmpty()) {
        qFatal("bad fixture: %s", text.constData());
    }
    return o;
}

QJsonObject crashingPod(const QString &name, int restarts)
{
    return json(QStringLiteral(R"({"metadata":{"name":"%1","creationTimestamp":"2026-01-01T09:00:00Z",
        "ownerReferences":[{"kind":"ReplicaSet","name":"orders-abc","controller":true}]},
        "spec":{"nodeName":"node-a","containers":[{"name":"app","image":"reg/orders:2"}]},
        "status":{"phase":"Running","containerStatuses":[{"name":"app","ready":false,"restartCount":%2,
        "state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 5m0s restarting failed container"}},
        "lastState":{"terminated":{"exitCode":1,"reason":"Error","finishedAt":"2026-01-01T09:58:00Z"}}}]}})")
                    .arg(name)
                    .arg(restarts)
                    .toUtf8());
}

QJsonObject healthyPod(const QString &name)
{
    return json(QStringLiteral(R"({"metadata":{"name":"%1","creationTimestamp":"2026-01-01T08:00:00Z",
        "ownerReferences":[{"kind":"ReplicaSet","name":"orders-abc","controller":true}]},
        "spec":{"nodeName":"node-b","containers":[{"name":"app","image":"reg/orders:2"}]},
        "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}],
        "containerStatuses":[{"name":"app","ready":true,"restartCount":0,"state":{"running":{}}}]}})")
                    .arg(name)
                    .toUtf8());
}

EnvironmentObjects objects()
{
    EnvironmentObjects o;
    o.deployments << json(R"({"metadata":{"name":"orders","namespace":"production","generation":4,
        "annotations":{"deployment.kubernetes.io/revision":"7","kubernetes.io/change-cause":"release 2",
        "gantry.dev/source-commit":"abc1234"}},
        "spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"app","image":"reg/orders:2"},
        {"name":"proxy","image":"envoy:1.29"}]}}},
        "status":{"observedGeneration":4,"replicas":3,"updatedReplicas":3,"readyReplicas":1,"availableReplicas":1,
        "conditions":[{"type":"Available","status":"False","reason":"MinimumReplicasUnavailable",
        "message":"Deployment does not have minimum availability."},
        {"type":"Progressing","status":"True","reason":"NewReplicaSetAvailable","message":"ok"}]}})");
    o.replicaSets << json(R"({"metadata":{"name":"orders-abc","ownerReferences":[{"kind":"Deployment","name":"orders",
        "controller":true}]}})");
    o.pods << crashingPod(QStringLiteral("orders-abc-1"), 9) << crashingPod(QStringLiteral("orders-abc-2"), 5)
           << healthyPod(QStringLiteral("orders-abc-3"));
    o.events << json(R"({"metadata":{"name":"e1"},"type":"Warning","reason":"BackOff","message":"Back-off restarting",
        "involvedObject":{"kind":"Pod","name":"orders-abc-1"},"count":12,"lastTimestamp":"2026-01-01T09:59:00Z"})")
             << json(R"({"metadata":{"name":"e2"},"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled up",
        "involvedObject":{"kind":"Deployment","name":"orders"},"lastTimestamp":"2026-01-01T09:00:00Z"})")
             << json(R"({"metadata":{"name":"e3"},"type":"Warning","reason":"Other","message":"not ours",
        "involvedObject":{"kind":"Pod","name":"someone-else"},"lastTimestamp":"2026-01-01T09:59:30Z"})");
    o.hpas << json(R"({"metadata":{"name":"orders"},"spec":{"maxReplicas":3,"scaleTargetRef":{"name":"orders"}},
        "status":{"currentReplicas":3}})")
           << json(R"({"metadata":{"name":"other"},"spec":{"maxReplicas":2,"scaleTargetRef":{"name":"other"}},
        "status":{"currentReplicas":2}})");
    return o;
}

} // namespace

class TestDeploymentStatus : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_now = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);

private Q_SLOTS:
    void digestsDeployments()
    {
        EnvironmentStatus s;
        digestEnvironment(objects(), m_now, &s);
        QCOMPARE(s.deployments.size(), size_t(1));
        const DeploymentInfo &d = s.deployments.front();
        QCOMPARE(d.image(), QStringLiteral("reg/orders:2"));
        QCOMPARE(d.images.size(), 2);
        QCOMPARE(d.version(), QStringLiteral("2"));
        QCOMPARE(d.desired, 3);
        QCOMPARE(d.ready, 1);
        QCOMPARE(d.revision, qint64(7));
        QCOMPARE(d.changeCause, QStringLiteral("release 2"));
        QCOMPARE(d.sourceCommit, QStringLiteral("abc1234"));
        QCOMPARE(d.conditions.size(), size_t(2));
        QCOMPARE(d.rollout.message,
                 QStringLiteral(
                     "Waiting for deployment \"orders\" rollout to finish: 1 of 3 updated replicas are available..."));
        QVERIFY(!s.isHealthy());
    }

    void podsBelongToTheirDeployment()
    {
        EnvironmentStatus s;
        digestEnvironment(objects(), m_now, &s);
        QCOMPARE(s.pods.size(), size_t(3));
        for (const auto &p : s.pods) {
            QCOMPARE(p.deployment, QStringLiteral("orders"));
        }
        QCOMPARE(s.pods[0].status.status, QStringLiteral("CrashLoopBackOff"));
        QVERIFY2(s.pods[0].problem.startsWith(QStringLiteral("CrashLoopBackOff")), qPrintable(s.pods[0].problem));
        QVERIFY(s.pods[2].problem.isEmpty());
    }

    // Right after the first crash the pod waits in CrashLoopBackOff with no restart counted yet:
    // the words come from the last termination, not from the kubelet's back-off message.
    void firstCrashIsWordedByItsExitCode()
    {
        EnvironmentObjects o = objects();
        o.pods.clear();
        o.pods << crashingPod(QStringLiteral("orders-abc-1"), 0);
        EnvironmentStatus s;
        digestEnvironment(o, m_now, &s);
        QVERIFY2(s.problemSummaries.contains(QStringLiteral("1 pod in CrashLoopBackOff: exit code 1")),
                 qPrintable(s.problemSummaries.join(QLatin1Char('\n'))));
    }

    void problemsInWords()
    {
        EnvironmentStatus s;
        digestEnvironment(objects(), m_now, &s);
        const QStringList lines = s.problemSummaries;
        QVERIFY2(lines.contains(QStringLiteral("2 pods in CrashLoopBackOff: exit code 1, 14 restarts")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(lines.contains(QStringLiteral("deployment orders: Deployment does not have minimum availability.")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(lines.contains(QStringLiteral("deployment orders: 1 of 3 replicas ready")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        // Only the autoscaler of our deployment is looked at.
        QVERIFY2(lines.contains(QStringLiteral("autoscaler orders: Current number of replicas (3) is equal to the "
                                               "configured max number of replicas (3)")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(!lines.join(QLatin1Char('\n')).contains(QStringLiteral("autoscaler other")));
        // Most severe first: the HPA (8), then the deployment condition (6).
        QVERIFY(lines.first().startsWith(QStringLiteral("deployment")) ||
                lines.first().startsWith(QStringLiteral("autoscaler")));
    }

    void backstageRules()
    {
        // readiness probe past initialDelay + period x failureThreshold
        const QJsonObject slow = json(R"({"metadata":{"name":"slow"},"spec":{"containers":[{"name":"app",
            "readinessProbe":{"initialDelaySeconds":5,"periodSeconds":10,"failureThreshold":3}}]},
            "status":{"containerStatuses":[{"name":"app","ready":false,"restartCount":0,
            "state":{"running":{"startedAt":"2026-01-01T09:59:00Z"}}}]}})");
        QCOMPARE(detectPodProblems(slow, m_now.addSecs(-30)).size(), size_t(0));
        const auto found = detectPodProblems(slow, m_now);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found[0].type, QStringLiteral("readiness-probe-taking-too-long"));
        QCOMPARE(found[0].message, QStringLiteral("The container app failed to start properly, but is not crashing"));
        // restarts with OOMKilled propose more memory
        const QJsonObject oom = json(R"({"metadata":{"name":"oom"},"spec":{"containers":[{"name":"app"}]},
            "status":{"containerStatuses":[{"name":"app","ready":true,"restartCount":2,"state":{"running":{}},
            "lastState":{"terminated":{"exitCode":137,"reason":"OOMKilled"}}}]}})");
        const auto restarts = detectPodProblems(oom, m_now);
        QCOMPARE(restarts.size(), size_t(1));
        QCOMPARE(restarts[0].message, QStringLiteral("container=app restarted 2 times"));
        QVERIFY(restarts[0].proposedFix.contains(QStringLiteral("memory")));
        QCOMPARE(summarizeProblems(restarts),
                 QStringList{QStringLiteral("1 pod restarted: 2 restarts (last: OOMKilled)")});
        // a normal start is not a problem
        const QJsonObject creating = json(R"({"metadata":{"name":"c"},"spec":{"containers":[{"name":"app"}]},
            "status":{"containerStatuses":[{"name":"app","ready":false,"restartCount":0,
            "state":{"waiting":{"reason":"ContainerCreating"}}}]}})");
        QCOMPARE(detectPodProblems(creating, m_now).size(), size_t(0));
        // image pull: the waiting message is kept
        const QJsonObject pull = json(R"({"metadata":{"name":"p"},"spec":{"containers":[{"name":"app"}]},
            "status":{"containerStatuses":[{"name":"app","ready":false,"restartCount":0,
            "state":{"waiting":{"reason":"ImagePullBackOff","message":"Back-off pulling image reg/x:9"}}}]}})");
        QCOMPARE(summarizeProblems(detectPodProblems(pull, m_now)),
                 QStringList{QStringLiteral("1 pod in ImagePullBackOff: Back-off pulling image reg/x:9")});
        // a progress deadline
        const QJsonObject stuck = json(R"({"metadata":{"name":"stuck","generation":1},"spec":{"replicas":1},
            "status":{"observedGeneration":1,"replicas":2,"updatedReplicas":1,"readyReplicas":1,
            "conditions":[{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded",
            "message":"ReplicaSet stuck-1 has timed out progressing."}]}})");
        const QStringList lines = summarizeProblems(detectDeploymentProblems(stuck));
        QCOMPARE(lines.value(0),
                 QStringLiteral("deployment stuck exceeded its progress deadline: ReplicaSet stuck-1 has "
                                "timed out progressing."));
    }

    void eventsAreOursNewestFirst()
    {
        EnvironmentStatus s;
        digestEnvironment(objects(), m_now, &s);
        QCOMPARE(s.events.size(), size_t(2));
        QCOMPARE(s.events[0].reason, QStringLiteral("BackOff"));
        QCOMPARE(s.events[0].count, 12);
        QCOMPARE(s.events[1].reason, QStringLiteral("ScalingReplicaSet"));
    }

    void podModel()
    {
        PodTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNow(m_now);
        EnvironmentStatus s;
        digestEnvironment(objects(), m_now, &s);
        model.setPods(s.pods);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(PodTableModel::ColumnCount));
        QCOMPARE(model.headerData(PodTableModel::RestartsColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Restarts"));
        QCOMPARE(model.index(0, PodTableModel::NameColumn).data().toString(), QStringLiteral("orders-abc-1"));
        QCOMPARE(model.index(0, PodTableModel::StatusColumn).data().toString(), QStringLiteral("CrashLoopBackOff"));
        QCOMPARE(model.index(0, PodTableModel::ReadyColumn).data().toString(), QStringLiteral("0/1"));
        QCOMPARE(model.index(0, PodTableModel::RestartsColumn).data().toString(), QStringLiteral("9 (2m ago)"));
        QCOMPARE(model.index(0, PodTableModel::AgeColumn).data().toString(), QStringLiteral("60m"));
        QCOMPARE(model.index(0, PodTableModel::NodeColumn).data().toString(), QStringLiteral("node-a"));
        QCOMPARE(model.index(0, 0).data(CategoryRole).toString(), QStringLiteral("error"));
        QCOMPARE(model.index(2, 0).data(CategoryRole).toString(), QStringLiteral("ok"));
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("CrashLoopBackOff")));
        QCOMPARE(model.index(0, PodTableModel::RestartsColumn).data(SortRole).toInt(), 9);

        // A live update: one pod goes, one comes, one changes. Rows that stay keep their place.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        std::vector<PodInfo> next = s.pods;
        next.erase(next.begin() + 1);
        PodInfo added = next.back();
        added.status.name = QStringLiteral("orders-abc-4");
        next.push_back(added);
        next[0].status.restarts = 10;
        model.setPods(next);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, PodTableModel::RestartsColumn).data(SortRole).toInt(), 10);
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("orders-abc-4"));
        model.setPods({});
        QCOMPARE(model.rowCount(), 0);
    }

    void eventModel()
    {
        EventTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNow(m_now);
        EnvironmentStatus s;
        digestEnvironment(objects(), m_now, &s);
        model.setEvents(s.events);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, EventTableModel::AgeColumn).data().toString(), QStringLiteral("60s (x12)"));
        QCOMPARE(model.index(0, EventTableModel::ObjectColumn).data().toString(), QStringLiteral("pod/orders-abc-1"));
        QCOMPARE(model.index(0, 0).data(CategoryRole).toString(), QStringLiteral("warning"));
        QCOMPARE(model.index(1, 0).data(CategoryRole).toString(), QStringLiteral("normal"));
    }

    void selectorFromEntity_data()
    {
        QTest::addColumn<QByteArray>("annotations");
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("nameSpace");
        QTest::newRow("kubernetes-id") << QByteArray("    backstage.io/kubernetes-id: orders-svc\n")
                                       << QStringLiteral("backstage.io/kubernetes-id=orders-svc")
                                       << QStringLiteral("orders-staging");
        QTest::newRow("label selector wins")
            << QByteArray("    backstage.io/kubernetes-id: orders-svc\n"
                          "    backstage.io/kubernetes-label-selector: 'app=orders,tier=web'\n")
            << QStringLiteral("app=orders,tier=web") << QStringLiteral("orders-staging");
        QTest::newRow("pinned namespace")
            << QByteArray("    backstage.io/kubernetes-id: orders-svc\n"
                          "    backstage.io/kubernetes-namespace: shop\n")
            << QStringLiteral("backstage.io/kubernetes-id=orders-svc") << QStringLiteral("shop");
        QTest::newRow("none") << QByteArray("    other: x\n") << QString() << QStringLiteral("orders-staging");
    }

    void selectorFromEntity()
    {
        QFETCH(QByteArray, annotations);
        QFETCH(QString, selector);
        QFETCH(QString, nameSpace);
        std::vector<Gantry::Catalog::Problem> problems;
        const auto tree = Gantry::Catalog::YamlTree::parse("apiVersion: backstage.io/v1alpha1\nkind: Component\n"
                                                           "metadata:\n  name: orders\n  annotations:\n" +
                                                               annotations + "spec: {type: service}\n",
                                                           QStringLiteral("catalog-info.yaml"), &problems);
        QVERIFY(tree);
        const auto entity = Gantry::Catalog::Entity::fromDocument(tree, 0, QStringLiteral("catalog-info.yaml"));
        const WorkloadSelector s = WorkloadSelector::fromEntity(entity);
        QCOMPARE(s.labelSelector, selector);
        QCOMPARE(s.isEmpty(), selector.isEmpty());
        Gantry::Workspace::Environment env{QStringLiteral("staging"), QStringLiteral("ctx"),
                                           QStringLiteral("{service}-staging")};
        QCOMPARE(s.namespaceFor(env), nameSpace);
    }
};

QTEST_GUILESS_MAIN(TestDeploymentStatus)
#include "tst_deploymentstatus.moc"
