// The `kubectl get pods` STATUS, READY and RESTARTS columns (printPod), and kubectl's ages.

#include "models/kube/podstatus.h"

#include <QJsonDocument>
#include <QTest>

using Gantry::Kube::humanDuration;
using Gantry::Kube::podStatus;

namespace {

QJsonObject pod(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.isEmpty()) {
        qFatal("bad fixture: %s", json.constData());
    }
    return o;
}

} // namespace

class TestPodStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void status_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("ready");
        QTest::addColumn<int>("restarts");

        QTest::newRow("running and ready")
            << QByteArray(R"({"metadata":{"name":"a"},"spec":{"containers":[{"name":"app"}]},
            "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}],
            "containerStatuses":[{"name":"app","ready":true,"restartCount":0,"state":{"running":{}}}]}})")
            << QStringLiteral("Running") << QStringLiteral("1/1") << 0;
        QTest::newRow("pending without statuses") << QByteArray(R"({"metadata":{"name":"a"},
            "spec":{"containers":[{"name":"app"},{"name":"side"}]},"status":{"phase":"Pending"}})")
                                                  << QStringLiteral("Pending") << QStringLiteral("0/2") << 0;
        QTest::newRow("container creating")
            << QByteArray(R"({"metadata":{"name":"a"},"spec":{"containers":[{"name":"app"}]},
            "status":{"phase":"Pending","containerStatuses":[{"name":"app","ready":false,"restartCount":0,
            "state":{"waiting":{"reason":"ContainerCreating"}}}]}})")
            << QStringLiteral("ContainerCreating") << QStringLiteral("0/1") << 0;
        QTest::newRow("crash loop") << QByteArray(R"({"metadata":{"name":"a"},"spec":{"containers":[{"name":"app"}]},
            "status":{"phase":"Running","containerStatuses":[{"name":"app","ready":false,"restartCount":14,
            "state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 5m0s restarting failed container"}},
            "lastState":{"terminated":{"exitCode":1,"reason":"Error","finishedAt":"2026-01-01T10:00:00Z"}}}]}})")
                                    << QStringLiteral("CrashLoopBackOff") << QStringLiteral("0/1") << 14;
        QTest::newRow("image pull") << QByteArray(R"({"metadata":{"name":"a"},"spec":{"containers":[{"name":"app"}]},
            "status":{"phase":"Pending","containerStatuses":[{"name":"app","ready":false,"restartCount":0,
            "state":{"waiting":{"reason":"ImagePullBackOff"}}}]}})")
                                    << QStringLiteral("ImagePullBackOff") << QStringLiteral("0/1") << 0;
        QTest::newRow("terminated with reason")
            << QByteArray(R"({"metadata":{"name":"a"},"spec":{"containers":[{"name":"app"}]},
            "status":{"phase":"Failed","containerStatuses":[{"name":"app","ready":false,"restartCount":0,
            "state":{"terminated":{"exitCode":137,"reason":"OOMKilled"}}}]}})")
            << QStringLiteral("OOMKilled") << QStringLiteral("0/1") << 0;
        QTest::newRow("terminated by signal")
            << QByteArray(R"({"metadata":{"name":"a"},"spec":{"containers":[{"name":"app"}]},
            "status":{"phase":"Failed","containerStatuses":[{"name":"app","ready":false,"restartCount":0,
            "state":{"terminated":{"exitCode":0,"signal":9}}}]}})")
            << QStringLiteral("Signal:9") << QStringLiteral("0/1") << 0;
        QTest::newRow("terminated exit code")
            << QByteArray(R"({"metadata":{"name":"a"},"spec":{"containers":[{"name":"app"}]},
            "status":{"phase":"Failed","containerStatuses":[{"name":"app","ready":false,"restartCount":0,
            "state":{"terminated":{"exitCode":3}}}]}})")
            << QStringLiteral("ExitCode:3") << QStringLiteral("0/1") << 0;
        // The first container's reason wins (statuses are walked in reverse).
        QTest::newRow("first container wins") << QByteArray(R"({"metadata":{"name":"a"},
            "spec":{"containers":[{"name":"app"},{"name":"side"}]},
            "status":{"phase":"Running","containerStatuses":[
              {"name":"app","ready":false,"restartCount":2,"state":{"waiting":{"reason":"CrashLoopBackOff"}}},
              {"name":"side","ready":false,"restartCount":1,"state":{"waiting":{"reason":"ImagePullBackOff"}}}]}})")
                                              << QStringLiteral("CrashLoopBackOff") << QStringLiteral("0/2") << 3;
        QTest::newRow("completed with a running sidecar is Running")
            << QByteArray(R"({"metadata":{"name":"a"},"spec":{"containers":[{"name":"job"},{"name":"side"}]},
            "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}],"containerStatuses":[
              {"name":"job","ready":false,"restartCount":0,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}},
              {"name":"side","ready":true,"restartCount":0,"state":{"running":{}}}]}})")
            << QStringLiteral("Running") << QStringLiteral("1/2") << 0;
        QTest::newRow("completed with running sidecar, pod not ready")
            << QByteArray(R"({"metadata":{"name":"a"},"spec":{"containers":[{"name":"job"},{"name":"side"}]},
            "status":{"phase":"Running","conditions":[{"type":"Ready","status":"False"}],"containerStatuses":[
              {"name":"job","ready":false,"restartCount":0,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}},
              {"name":"side","ready":true,"restartCount":0,"state":{"running":{}}}]}})")
            << QStringLiteral("NotReady") << QStringLiteral("1/2") << 0;
        QTest::newRow("init waiting") << QByteArray(R"({"metadata":{"name":"a"},
            "spec":{"initContainers":[{"name":"migrate"}],"containers":[{"name":"app"}]},
            "status":{"phase":"Pending","initContainerStatuses":[{"name":"migrate","restartCount":0,
            "state":{"waiting":{"reason":"PodInitializing"}}}]}})")
                                      << QStringLiteral("Init:0/1") << QStringLiteral("0/1") << 0;
        QTest::newRow("init crash loop") << QByteArray(R"({"metadata":{"name":"a"},
            "spec":{"initContainers":[{"name":"migrate"}],"containers":[{"name":"app"}]},
            "status":{"phase":"Pending","initContainerStatuses":[{"name":"migrate","restartCount":4,
            "state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}})")
                                         << QStringLiteral("Init:CrashLoopBackOff") << QStringLiteral("0/1") << 4;
        QTest::newRow("init failed exit code") << QByteArray(R"({"metadata":{"name":"a"},
            "spec":{"initContainers":[{"name":"a"},{"name":"b"}],"containers":[{"name":"app"}]},
            "status":{"phase":"Pending","initContainerStatuses":[
              {"name":"a","restartCount":0,"state":{"terminated":{"exitCode":0}}},
              {"name":"b","restartCount":0,"state":{"terminated":{"exitCode":2}}}]}})")
                                               << QStringLiteral("Init:ExitCode:2") << QStringLiteral("0/1") << 0;
        QTest::newRow("second init running") << QByteArray(R"({"metadata":{"name":"a"},
            "spec":{"initContainers":[{"name":"a"},{"name":"b"}],"containers":[{"name":"app"}]},
            "status":{"phase":"Pending","initContainerStatuses":[
              {"name":"a","restartCount":0,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}},
              {"name":"b","restartCount":0,"state":{"running":{}}}]}})")
                                             << QStringLiteral("Init:1/2") << QStringLiteral("0/1") << 0;
        QTest::newRow("terminating") << QByteArray(
                                            R"({"metadata":{"name":"a","deletionTimestamp":"2026-01-01T00:00:00Z"},
            "spec":{"containers":[{"name":"app"}]},"status":{"phase":"Running","containerStatuses":[
              {"name":"app","ready":true,"restartCount":0,"state":{"running":{}}}]}})")
                                     << QStringLiteral("Terminating") << QStringLiteral("1/1") << 0;
        QTest::newRow("node lost") << QByteArray(R"({"metadata":{"name":"a","deletionTimestamp":"2026-01-01T00:00:00Z"},
            "spec":{"containers":[{"name":"app"}]},"status":{"phase":"Running","reason":"NodeLost"}})")
                                   << QStringLiteral("Unknown") << QStringLiteral("0/1") << 0;
        QTest::newRow("evicted") << QByteArray(R"({"metadata":{"name":"a"},"spec":{"containers":[{"name":"app"}]},
            "status":{"phase":"Failed","reason":"Evicted"}})")
                                 << QStringLiteral("Evicted") << QStringLiteral("0/1") << 0;
        QTest::newRow("succeeded terminal not terminating")
            << QByteArray(R"({"metadata":{"name":"a",
            "deletionTimestamp":"2026-01-01T00:00:00Z"},"spec":{"containers":[{"name":"app"}]},
            "status":{"phase":"Succeeded","containerStatuses":[{"name":"app","ready":false,"restartCount":0,
            "state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]}})")
            << QStringLiteral("Completed") << QStringLiteral("0/1") << 0;
        QTest::newRow("scheduling gated")
            << QByteArray(R"({"metadata":{"name":"a"},"spec":{"containers":[{"name":"app"}]},
            "status":{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False","reason":"SchedulingGated"}]}})")
            << QStringLiteral("SchedulingGated") << QStringLiteral("0/1") << 0;
    }

    void status()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, status);
        QFETCH(QString, ready);
        QFETCH(int, restarts);
        const auto s = podStatus(pod(json));
        QCOMPARE(s.status, status);
        QCOMPARE(s.readyText(), ready);
        QCOMPARE(s.restarts, restarts);
    }

    void restartsShowWhenTheLastOneWas()
    {
        const auto s = podStatus(pod(R"({"metadata":{"name":"a","creationTimestamp":"2026-01-01T09:00:00Z"},
            "spec":{"containers":[{"name":"app"}],"nodeName":"node-a"},"status":{"phase":"Running",
            "containerStatuses":[{"name":"app","ready":false,"restartCount":14,"state":{"waiting":{"reason":"CrashLoopBackOff"}},
            "lastState":{"terminated":{"exitCode":1,"reason":"Error","finishedAt":"2026-01-01T10:00:00Z"}}}]}})"));
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-01-01T10:03:00Z"), Qt::ISODate);
        QCOMPARE(s.restartsText(now), QStringLiteral("14 (3m ago)"));
        QCOMPARE(s.node, QStringLiteral("node-a"));
        QCOMPARE(humanDuration(s.created.secsTo(now)), QStringLiteral("63m"));
        QCOMPARE(s.category(), QStringLiteral("error"));
    }

    void categories()
    {
        auto category = [](const QByteArray &json) { return podStatus(pod(json)).category(); };
        QCOMPARE(
            category(R"({"metadata":{"name":"a"},"spec":{"containers":[{"name":"app"}]},"status":{"phase":"Running",
            "conditions":[{"type":"Ready","status":"True"}],"containerStatuses":[{"name":"app","ready":true,"state":{"running":{}}}]}})"),
            QStringLiteral("ok"));
        QCOMPARE(
            category(R"({"metadata":{"name":"a"},"spec":{"containers":[{"name":"app"}]},"status":{"phase":"Running",
            "conditions":[{"type":"Ready","status":"False"}],"containerStatuses":[{"name":"app","ready":false,"state":{"running":{}}}]}})"),
            QStringLiteral("pending"));
        QCOMPARE(
            category(
                R"({"metadata":{"name":"a"},"spec":{"containers":[{"name":"app"}]},"status":{"phase":"Pending"}})"),
            QStringLiteral("pending"));
    }

    void humanDurations_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("0") << qint64(0) << QStringLiteral("0s");
        QTest::newRow("-1") << qint64(-1) << QStringLiteral("0s");
        QTest::newRow("-5") << qint64(-5) << QStringLiteral("<invalid>");
        QTest::newRow("119") << qint64(119) << QStringLiteral("119s");
        QTest::newRow("150") << qint64(150) << QStringLiteral("2m30s");
        QTest::newRow("180") << qint64(180) << QStringLiteral("3m");
        QTest::newRow("11m") << qint64(11 * 60 + 5) << QStringLiteral("11m");
        QTest::newRow("3h") << qint64(3 * 3600) << QStringLiteral("3h");
        QTest::newRow("3h5m") << qint64(3 * 3600 + 300) << QStringLiteral("3h5m");
        QTest::newRow("10h") << qint64(10 * 3600 + 300) << QStringLiteral("10h");
        QTest::newRow("3d") << qint64(3 * 86400) << QStringLiteral("3d");
        QTest::newRow("3d4h") << qint64(3 * 86400 + 4 * 3600) << QStringLiteral("3d4h");
        QTest::newRow("100d") << qint64(100 * 86400) << QStringLiteral("100d");
        QTest::newRow("2y3d") << qint64((2 * 365 + 3) * 86400) << QStringLiteral("2y3d");
        QTest::newRow("9y") << qint64(9 * 365 * 86400) << QStringLiteral("9y");
    }

    void humanDurations()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(humanDuration(seconds), text);
    }
};

QTEST_GUILESS_MAIN(TestPodStatus)
#include "tst_podstatus.moc"
