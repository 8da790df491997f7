// The discovery documents kubectl reads first (reference §3.3 point 1): a wrong shape makes
// kubectl say "the server doesn't have a resource type".
#include "app/kubesim/discovery.h"

#include <QJsonArray>
#include <QTest>

using namespace Gantry::KubeSim;

namespace {

QJsonObject findResource(const QJsonObject &list, const QString &group, const QString &resource)
{
    for (const QJsonValue &item : list[QStringLiteral("items")].toArray()) {
        if (item[QStringLiteral("metadata")][QStringLiteral("name")].toString() != group) {
            continue;
        }
        for (const QJsonValue &version : item[QStringLiteral("versions")].toArray()) {
            for (const QJsonValue &entry : version[QStringLiteral("resources")].toArray()) {
                if (entry[QStringLiteral("resource")].toString() == resource) {
                    return entry.toObject();
                }
            }
        }
    }
    return {};
}

} // namespace

class TstDiscovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version();
    void negotiate_data();
    void negotiate();
    void aggregatedShape();
    void legacyDocuments();
};

void TstDiscovery::version()
{
    const QJsonObject version = Discovery::version(QStringLiteral("1.31"));
    QCOMPARE(version[QStringLiteral("major")].toString(), QStringLiteral("1"));
    QCOMPARE(version[QStringLiteral("minor")].toString(), QStringLiteral("31"));
    QCOMPARE(version[QStringLiteral("gitVersion")].toString(), QStringLiteral("v1.31.0"));
}

void TstDiscovery::negotiate_data()
{
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<QString>("version");
    QTest::newRow("kubectl 1.30") << QByteArray(
                                         "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
                                         "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,"
                                         "application/json")
                                  << QStringLiteral("v2");
    QTest::newRow("kubectl 1.27") << QByteArray(
                                         "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,"
                                         "application/json")
                                  << QStringLiteral("v2beta1");
    QTest::newRow("legacy") << QByteArray("application/json, */*") << QString();
    QTest::newRow("none") << QByteArray() << QString();
}

void TstDiscovery::negotiate()
{
    QFETCH(QByteArray, accept);
    QFETCH(QString, version);
    QCOMPARE(Discovery::negotiate(accept), version);
    if (!version.isEmpty()) {
        QVERIFY(Discovery::contentType(version).contains(QByteArray("v=" + version.toLatin1() + ";")));
    }
}

void TstDiscovery::aggregatedShape()
{
    const QJsonObject apis = Discovery::aggregated(false, QStringLiteral("v2beta1"));
    QCOMPARE(apis[QStringLiteral("kind")].toString(), QStringLiteral("APIGroupDiscoveryList"));
    QCOMPARE(apis[QStringLiteral("apiVersion")].toString(), QStringLiteral("apidiscovery.k8s.io/v2beta1"));
    const QJsonObject deployments = findResource(apis, QStringLiteral("apps"), QStringLiteral("deployments"));
    QCOMPARE(deployments[QStringLiteral("scope")].toString(), QStringLiteral("Namespaced"));
    QCOMPARE(deployments[QStringLiteral("responseKind")][QStringLiteral("kind")].toString(),
             QStringLiteral("Deployment"));
    QCOMPARE(deployments[QStringLiteral("singularResource")].toString(), QStringLiteral("deployment"));
    QVERIFY(deployments[QStringLiteral("shortNames")].toArray().contains(QStringLiteral("deploy")));
    QVERIFY(deployments[QStringLiteral("verbs")].toArray().contains(QStringLiteral("watch")));
    bool scale = false;
    for (const QJsonValue &sub : deployments[QStringLiteral("subresources")].toArray()) {
        if (sub[QStringLiteral("subresource")].toString() == QLatin1String("scale")) {
            scale =
                sub[QStringLiteral("responseKind")][QStringLiteral("kind")].toString() == QLatin1String("Scale") &&
                sub[QStringLiteral("responseKind")][QStringLiteral("group")].toString() == QLatin1String("autoscaling");
        }
    }
    QVERIFY(scale);
    QVERIFY(!findResource(apis, QStringLiteral("autoscaling"), QStringLiteral("horizontalpodautoscalers")).isEmpty());
    QVERIFY(findResource(apis, QString(), QStringLiteral("pods")).isEmpty());

    const QJsonObject core = Discovery::aggregated(true, QStringLiteral("v2"));
    QCOMPARE(core[QStringLiteral("items")].toArray().size(), 1);
    QCOMPARE(findResource(core, QString(), QStringLiteral("namespaces"))[QStringLiteral("scope")].toString(),
             QStringLiteral("Cluster"));
    QCOMPARE(findResource(core, QString(), QStringLiteral("pods"))[QStringLiteral("shortNames")].toArray(),
             QJsonArray{QStringLiteral("po")});
    QVERIFY(!findResource(core, QString(), QStringLiteral("events")).isEmpty());
}

void TstDiscovery::legacyDocuments()
{
    QCOMPARE(Discovery::apiVersions(QStringLiteral("127.0.0.1:1"))[QStringLiteral("versions")].toArray(),
             QJsonArray{QStringLiteral("v1")});
    const QJsonArray groups = Discovery::apiGroupList()[QStringLiteral("groups")].toArray();
    QStringList names;
    for (const QJsonValue &group : groups) {
        names.append(group[QStringLiteral("name")].toString());
    }
    QVERIFY(names.contains(QStringLiteral("apps")));
    QVERIFY(names.contains(QStringLiteral("autoscaling")));
    const QJsonObject apps = Discovery::apiResourceList(QStringLiteral("apps"), QStringLiteral("v1"));
    QCOMPARE(apps[QStringLiteral("groupVersion")].toString(), QStringLiteral("apps/v1"));
    QStringList resources;
    for (const QJsonValue &resource : apps[QStringLiteral("resources")].toArray()) {
        resources.append(resource[QStringLiteral("name")].toString());
        if (resource[QStringLiteral("name")].toString() == QLatin1String("deployments/scale")) {
            QCOMPARE(resource[QStringLiteral("kind")].toString(), QStringLiteral("Scale"));
            QCOMPARE(resource[QStringLiteral("group")].toString(), QStringLiteral("autoscaling"));
        }
    }
    QVERIFY(resources.contains(QStringLiteral("deployments")));
    QVERIFY(resources.contains(QStringLiteral("deployments/scale")));
    QVERIFY(resources.contains(QStringLiteral("replicasets/status")));
    QVERIFY(Discovery::apiResourceList(QStringLiteral("batch"), QStringLiteral("v1")).isEmpty());
}

QTEST_GUILESS_MAIN(TstDiscovery)
#include "tst_discovery.moc"
