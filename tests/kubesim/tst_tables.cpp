// Server-side printing: the columns plain `kubectl get` prints come from these rows.
#include "app/kubesim/resourcetypes.h"
#include "app/kubesim/tables.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Gantry::KubeSim;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QStringList columnNames(const QJsonArray &columns, int maxPriority)
{
    QStringList names;
    for (const QJsonValue &column : columns) {
        if (column[QStringLiteral("priority")].toInt() <= maxPriority) {
            names.append(column[QStringLiteral("name")].toString());
        }
    }
    return names;
}

const QDateTime now = QDateTime(QDate(2026, 1, 1), QTime(12, 0, 0), Qt::UTC);

} // namespace

class TstTables final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deploymentRows();
    void podColumnsAndRestarts();
    void podStatus_data();
    void podStatus();
    void humanDuration_data();
    void humanDuration();
    void tableIncludesObjectsOnRequest();
};

void TstTables::deploymentRows()
{
    const ResourceType &type =
        *ResourceTypes::find(QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments"));
    QCOMPARE(columnNames(Tables::columnDefinitions(type), 0),
             (QStringList{QStringLiteral("Name"), QStringLiteral("Ready"), QStringLiteral("Up-to-date"),
                          QStringLiteral("Available"), QStringLiteral("Age")}));
    QCOMPARE(columnNames(Tables::columnDefinitions(type), 1).mid(5),
             (QStringList{QStringLiteral("Containers"), QStringLiteral("Images"), QStringLiteral("Selector")}));
    const QJsonObject row =
        Tables::row(type, json(R"({"metadata":{"name":"orders","creationTimestamp":"2026-01-01T11:55:00Z"},
                 "spec":{"replicas":3,"selector":{"matchLabels":{"app":"orders"}},
                         "template":{"spec":{"containers":[{"name":"app","image":"o:1"},{"name":"proxy","image":"p:2"}]}}},
                 "status":{"readyReplicas":2,"updatedReplicas":3,"availableReplicas":2}})"),
                    Tables::IncludeObject::Metadata, now);
    QCOMPARE(row[QStringLiteral("cells")].toArray(),
             (QJsonArray{QStringLiteral("orders"), QStringLiteral("2/3"), 3, 2, QStringLiteral("5m"),
                         QStringLiteral("app,proxy"), QStringLiteral("o:1,p:2"), QStringLiteral("app=orders")}));
    QCOMPARE(row[QStringLiteral("object")][QStringLiteral("kind")].toString(), QStringLiteral("PartialObjectMetadata"));
    QCOMPARE(row[QStringLiteral("object")][QStringLiteral("metadata")][QStringLiteral("name")].toString(),
             QStringLiteral("orders"));
}

void TstTables::podColumnsAndRestarts()
{
    const ResourceType &type = *ResourceTypes::find(QString(), QStringLiteral("v1"), QStringLiteral("pods"));
    QCOMPARE(
        columnNames(Tables::columnDefinitions(type), 1),
        (QStringList{QStringLiteral("Name"), QStringLiteral("Ready"), QStringLiteral("Status"),
                     QStringLiteral("Restarts"), QStringLiteral("Age"), QStringLiteral("IP"), QStringLiteral("Node"),
                     QStringLiteral("Nominated Node"), QStringLiteral("Readiness Gates")}));
    const QJsonObject row =
        Tables::row(type, json(R"({"metadata":{"name":"web-1","creationTimestamp":"2026-01-01T10:00:00Z"},
                 "spec":{"nodeName":"node-a","containers":[{"name":"app"},{"name":"side"}]},
                 "status":{"phase":"Running","podIP":"10.0.0.7","containerStatuses":[
                    {"name":"app","ready":false,"restartCount":14,"state":{"waiting":{"reason":"CrashLoopBackOff"}},
                     "lastState":{"terminated":{"exitCode":1,"reason":"Error","finishedAt":"2026-01-01T11:57:00Z"}}},
                    {"name":"side","ready":true,"restartCount":0,"state":{"running":{}}}]}})"),
                    Tables::IncludeObject::None, now);
    QCOMPARE(row[QStringLiteral("cells")].toArray(),
             (QJsonArray{QStringLiteral("web-1"), QStringLiteral("1/2"), QStringLiteral("CrashLoopBackOff"),
                         QStringLiteral("14 (3m ago)"), QStringLiteral("120m"), QStringLiteral("10.0.0.7"),
                         QStringLiteral("node-a"), QStringLiteral("<none>"), QStringLiteral("<none>")}));
    QVERIFY(!row.contains(QStringLiteral("object")));
}

void TstTables::podStatus_data()
{
    QTest::addColumn<QByteArray>("pod");
    QTest::addColumn<QString>("status");
    QTest::newRow("pending") << QByteArray(R"({"status":{"phase":"Pending"}})") << QStringLiteral("Pending");
    QTest::newRow("creating")
        << QByteArray(
               R"({"status":{"phase":"Pending","containerStatuses":[{"state":{"waiting":{"reason":"ContainerCreating"}}}]}})")
        << QStringLiteral("ContainerCreating");
    QTest::newRow("pull back-off")
        << QByteArray(
               R"({"status":{"phase":"Pending","containerStatuses":[{"state":{"waiting":{"reason":"ImagePullBackOff"}}}]}})")
        << QStringLiteral("ImagePullBackOff");
    QTest::newRow("running")
        << QByteArray(R"({"status":{"phase":"Running","containerStatuses":[{"ready":true,"state":{"running":{}}}]}})")
        << QStringLiteral("Running");
    QTest::newRow("exit code")
        << QByteArray(R"({"status":{"phase":"Running","containerStatuses":[{"state":{"terminated":{"exitCode":3}}}]}})")
        << QStringLiteral("ExitCode:3");
    QTest::newRow("signal")
        << QByteArray(
               R"({"status":{"phase":"Running","containerStatuses":[{"state":{"terminated":{"exitCode":137,"signal":9}}}]}})")
        << QStringLiteral("Signal:9");
    QTest::newRow("completed with a running container")
        << QByteArray(
               R"({"status":{"phase":"Running","conditions":[{"type":"Ready","status":"False"}],"containerStatuses":[
               {"ready":true,"state":{"running":{}}},{"state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]}})")
        << QStringLiteral("NotReady");
    QTest::newRow("init waiting")
        << QByteArray(R"({"spec":{"initContainers":[{},{}]},"status":{"phase":"Pending","initContainerStatuses":[
                                       {"state":{"terminated":{"exitCode":0}}},{"state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}})")
        << QStringLiteral("Init:CrashLoopBackOff");
    QTest::newRow("init counting")
        << QByteArray(R"({"spec":{"initContainers":[{},{}]},"status":{"phase":"Pending","initContainerStatuses":[
                                        {"state":{"terminated":{"exitCode":0}}},{"state":{"running":{}}}]}})")
        << QStringLiteral("Init:1/2");
    QTest::newRow("terminating")
        << QByteArray(R"({"metadata":{"deletionTimestamp":"2026-01-01T00:00:00Z"},"status":{"phase":"Running"}})")
        << QStringLiteral("Terminating");
    QTest::newRow("evicted") << QByteArray(R"({"status":{"phase":"Failed","reason":"Evicted"}})")
                             << QStringLiteral("Evicted");
}

void TstTables::podStatus()
{
    QFETCH(QByteArray, pod);
    QFETCH(QString, status);
    QCOMPARE(Tables::podStatus(QJsonDocument::fromJson(pod).object()), status);
}

void TstTables::humanDuration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("negative") << qint64(-1) << QStringLiteral("0s");
    QTest::newRow("seconds") << qint64(119) << QStringLiteral("119s");
    QTest::newRow("minutes and seconds") << qint64(200) << QStringLiteral("3m20s");
    QTest::newRow("whole minutes") << qint64(300) << QStringLiteral("5m");
    QTest::newRow("minutes") << qint64(3 * 3600 - 1) << QStringLiteral("179m");
    QTest::newRow("hours and minutes") << qint64(4 * 3600 + 120) << QStringLiteral("4h2m");
    QTest::newRow("hours") << qint64(30 * 3600) << QStringLiteral("30h");
    QTest::newRow("days and hours") << qint64(3 * 86400 + 5 * 3600) << QStringLiteral("3d5h");
    QTest::newRow("days") << qint64(40 * 86400) << QStringLiteral("40d");
    QTest::newRow("years and days") << qint64(800 * 86400) << QStringLiteral("2y70d");
}

void TstTables::humanDuration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(Tables::humanDuration(seconds), text);
}

void TstTables::tableIncludesObjectsOnRequest()
{
    const ResourceType &type = *ResourceTypes::find(QString(), QStringLiteral("v1"), QStringLiteral("events"));
    const QJsonObject event = json(R"({"kind":"Event","metadata":{"name":"e1"},"type":"Warning","reason":"BackOff",
        "message":"Back-off restarting failed container","involvedObject":{"kind":"Pod","name":"web-1"},"count":4,
        "lastTimestamp":"2026-01-01T11:59:00Z","firstTimestamp":"2026-01-01T11:00:00Z"})");
    const QJsonObject table = Tables::table(type, {event}, Tables::IncludeObject::Object, true,
                                            QJsonObject{{QStringLiteral("resourceVersion"), QStringLiteral("7")}});
    QCOMPARE(table[QStringLiteral("kind")].toString(), QStringLiteral("Table"));
    QCOMPARE(table[QStringLiteral("apiVersion")].toString(), QStringLiteral("meta.k8s.io/v1"));
    QCOMPARE(table[QStringLiteral("metadata")][QStringLiteral("resourceVersion")].toString(), QStringLiteral("7"));
    QCOMPARE(table[QStringLiteral("rows")][0][QStringLiteral("object")].toObject(), event);
    const QJsonArray cells = table[QStringLiteral("rows")][0][QStringLiteral("cells")].toArray();
    QCOMPARE(cells[2].toString(), QStringLiteral("BackOff"));
    QCOMPARE(cells[3].toString(), QStringLiteral("pod/web-1"));
    QVERIFY(!Tables::table(type, {event}, Tables::IncludeObject::Object, false, {})[QStringLiteral("columnDefinitions")]
                 .toArray()
                 .size());
}

QTEST_GUILESS_MAIN(TstTables)
#include "tst_tables.moc"
