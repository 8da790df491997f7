// Label and field selectors as kubectl sends them (reference §1.7).
#include "app/kubesim/selectors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Gantry::KubeSim;

namespace {

QJsonObject labelled(const QJsonObject &labels)
{
    return QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels}}}};
}

} // namespace

class TstSelectors final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labels_data();
    void labels();
    void badLabelSelectors();
    void fields();
    void fromLabelSelectorObject();
};

void TstSelectors::labels_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("matchesWeb");    // {app: web, tier: front}
    QTest::addColumn<bool>("matchesWorker"); // {app: worker}
    QTest::newRow("empty") << QString() << true << true;
    QTest::newRow("equals") << QStringLiteral("app=web") << true << false;
    QTest::newRow("double equals") << QStringLiteral("app==web") << true << false;
    QTest::newRow("not equals") << QStringLiteral("app!=web") << false << true;
    QTest::newRow("not equals, key absent") << QStringLiteral("tier!=back") << true << true;
    QTest::newRow("in") << QStringLiteral("app in (web,api)") << true << false;
    QTest::newRow("in with spaces") << QStringLiteral("app in ( worker , api )") << false << true;
    QTest::newRow("notin") << QStringLiteral("app notin (web)") << false << true;
    QTest::newRow("exists") << QStringLiteral("tier") << true << false;
    QTest::newRow("does not exist") << QStringLiteral("!tier") << false << true;
    QTest::newRow("and") << QStringLiteral("app in (web,worker),tier=front") << true << false;
    QTest::newRow("prefixed key") << QStringLiteral("backstage.io/kubernetes-id") << false << false;
}

void TstSelectors::labels()
{
    QFETCH(QString, selector);
    QFETCH(bool, matchesWeb);
    QFETCH(bool, matchesWorker);
    Selector parsed;
    QString error;
    QVERIFY2(Selector::parseLabels(selector, &parsed, &error), qPrintable(error));
    QCOMPARE(parsed.matches(labelled(
                 {{QStringLiteral("app"), QStringLiteral("web")}, {QStringLiteral("tier"), QStringLiteral("front")}})),
             matchesWeb);
    QCOMPARE(parsed.matches(labelled({{QStringLiteral("app"), QStringLiteral("worker")}})), matchesWorker);
}

void TstSelectors::badLabelSelectors()
{
    Selector parsed;
    QString error;
    QVERIFY(!Selector::parseLabels(QStringLiteral("app in (web"), &parsed, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!Selector::parseLabels(QStringLiteral("app,,tier"), &parsed, &error));
    QVERIFY(!Selector::parseLabels(QStringLiteral("a b=c"), &parsed, &error));
}

void TstSelectors::fields()
{
    const QJsonObject event{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("e1")},
                                                 {QStringLiteral("namespace"), QStringLiteral("shop")}}},
        {QStringLiteral("involvedObject"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("Deployment")},
                                                       {QStringLiteral("name"), QStringLiteral("orders")},
                                                       {QStringLiteral("uid"), QStringLiteral("u-1")},
                                                       {QStringLiteral("namespace"), QStringLiteral("shop")}}}};
    Selector parsed;
    QString error;
    // What kubectl describe sends (reference §3.2).
    QVERIFY(Selector::parseFields(QStringLiteral("involvedObject.kind=Deployment,involvedObject.uid=u-1,"
                                                 "involvedObject.name=orders,involvedObject.namespace=shop"),
                                  &parsed, &error));
    QVERIFY(parsed.matches(event));
    QVERIFY(Selector::parseFields(QStringLiteral("involvedObject.name=payments"), &parsed, &error));
    QVERIFY(!parsed.matches(event));
    QVERIFY(Selector::parseFields(QStringLiteral("metadata.name==e1,metadata.namespace!=prod"), &parsed, &error));
    QVERIFY(parsed.matches(event));
    QCOMPARE(parsed.equalsValue(QStringLiteral("metadata.name")), QStringLiteral("e1"));
    QVERIFY(!Selector::parseFields(QStringLiteral("metadata.name"), &parsed, &error));
    QVERIFY(error.contains(QStringLiteral("metadata.name")));
}

void TstSelectors::fromLabelSelectorObject()
{
    const QJsonObject selector{
        {QStringLiteral("matchLabels"), QJsonObject{{QStringLiteral("app"), QStringLiteral("web")}}},
        {QStringLiteral("matchExpressions"),
         QJsonArray{
             QJsonObject{{QStringLiteral("key"), QStringLiteral("tier")},
                         {QStringLiteral("operator"), QStringLiteral("In")},
                         {QStringLiteral("values"), QJsonArray{QStringLiteral("front"), QStringLiteral("edge")}}}}}};
    const Selector parsed = Selector::fromLabelSelector(selector);
    QCOMPARE(parsed.toString(), QStringLiteral("app=web,tier in (front,edge)"));
    QVERIFY(parsed.matches(
        labelled({{QStringLiteral("app"), QStringLiteral("web")}, {QStringLiteral("tier"), QStringLiteral("edge")}})));
    QVERIFY(!parsed.matches(labelled({{QStringLiteral("app"), QStringLiteral("web")}})));
}

QTEST_GUILESS_MAIN(TstSelectors)
#include "tst_selectors.moc"
