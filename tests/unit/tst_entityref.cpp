// EntityRef: Backstage's parseEntityRef/stringifyEntityRef rules (ref.ts): defaults from the
// context, ':' after '/' belonging to the name, empty parts, and the lower-cased canonical form.
#include "models/catalog/entityref.h"

#include <QTest>

using namespace Gantry::Catalog;

class TestEntityRef : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void canonical();
    void equality();
};

void TestEntityRef::parse_data()
{
    QTest::addColumn<QString>("ref");
    QTest::addColumn<QString>("defaultKind");
    QTest::addColumn<QString>("defaultNamespace");
    // Either the parts and canonical form, or the error message.
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("nameSpace");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("error");

    const QString none;
    auto ok = [&](const char *tag, const char *ref, const char *dk, const char *dns, const char *kind, const char *ns,
                  const char *name, const char *canonical) {
        QTest::newRow(tag) << QString::fromUtf8(ref) << QString::fromUtf8(dk) << QString::fromUtf8(dns)
                           << QString::fromUtf8(kind) << QString::fromUtf8(ns) << QString::fromUtf8(name)
                           << QString::fromUtf8(canonical) << none;
    };
    auto bad = [&](const char *tag, const char *ref, const char *dk, const char *error) {
        QTest::newRow(tag) << QString::fromUtf8(ref) << QString::fromUtf8(dk) << QStringLiteral("default") << none
                           << none << none << none << QString::fromUtf8(error);
    };

    ok("name only: both defaults", "team-a", "Group", "default", "Group", "default", "team-a", "group:default/team-a");
    ok("namespace default comes from the context", "team-a", "Group", "ops", "Group", "ops", "team-a",
       "group:ops/team-a");
    ok("empty default namespace means default", "team-a", "Group", "", "Group", "default", "team-a",
       "group:default/team-a");
    ok("explicit kind wins", "user:guest", "Group", "default", "user", "default", "guest", "user:default/guest");
    ok("explicit namespace wins", "ops/team-a", "Group", "x", "Group", "ops", "team-a", "group:ops/team-a");
    ok("all three", "Component:Prod/Artist-Web", "", "default", "Component", "Prod", "Artist-Web",
       "component:prod/artist-web");
    ok("':' after '/' belongs to the name", "ns/a:b", "Component", "default", "Component", "ns", "a:b",
       "component:ns/a:b");
    ok("second ':' belongs to the name", "kind:a:b", "", "default", "kind", "default", "a:b", "kind:default/a:b");
    ok("second '/' belongs to the name", "a/b/c", "Component", "default", "Component", "a", "b/c", "component:a/b/c");
    ok("kind, namespace and a name with ':'", "k:ns/n:x", "", "default", "k", "ns", "n:x", "k:ns/n:x");
    ok("no default kind needed when given", "resource:db", "", "default", "resource", "default", "db",
       "resource:default/db");

    bad("empty", "", "Group", "Entity reference must not be empty");
    bad("empty kind", ":name", "Group", "Entity reference \":name\" was not on the form [<kind>:][<namespace>/]<name>");
    bad("empty name after kind", "group:", "Group",
        "Entity reference \"group:\" was not on the form [<kind>:][<namespace>/]<name>");
    bad("empty namespace", "/name", "Group",
        "Entity reference \"/name\" was not on the form [<kind>:][<namespace>/]<name>");
    bad("empty namespace after kind", "group:/name", "Group",
        "Entity reference \"group:/name\" was not on the form [<kind>:][<namespace>/]<name>");
    bad("empty name after namespace", "group:ns/", "Group",
        "Entity reference \"group:ns/\" was not on the form [<kind>:][<namespace>/]<name>");
    bad("missing kind without default", "artists-db", "",
        "Entity reference \"artists-db\" had missing or empty kind (e.g. did not start with \"component:\" or "
        "similar)");
    bad("namespace but no kind without default", "default/artists-db", "",
        "Entity reference \"default/artists-db\" had missing or empty kind (e.g. did not start with \"component:\" "
        "or similar)");
}

void TestEntityRef::parse()
{
    QFETCH(QString, ref);
    QFETCH(QString, defaultKind);
    QFETCH(QString, defaultNamespace);
    QFETCH(QString, kind);
    QFETCH(QString, nameSpace);
    QFETCH(QString, name);
    QFETCH(QString, canonical);
    QFETCH(QString, error);

    QString actualError = QStringLiteral("untouched");
    const auto parsed = EntityRef::parse(ref, defaultKind, defaultNamespace, &actualError);
    if (!error.isEmpty()) {
        QVERIFY(!parsed);
        QCOMPARE(actualError, error);
        QString canonicalError;
        QCOMPARE(EntityRef::canonical(ref, defaultKind, defaultNamespace, &canonicalError), QString());
        QCOMPARE(canonicalError, error);
        return;
    }
    QVERIFY2(parsed, qPrintable(actualError));
    QCOMPARE(parsed->kind, kind);
    QCOMPARE(parsed->nameSpace, nameSpace);
    QCOMPARE(parsed->name, name);
    QVERIFY(parsed->isValid());
    QCOMPARE(parsed->toString(), canonical);
    QCOMPARE(EntityRef::canonical(ref, defaultKind, defaultNamespace), canonical);
    QCOMPARE(actualError, QStringLiteral("untouched")); // success leaves the error alone
}

void TestEntityRef::canonical()
{
    // stringifyEntityRef: all three parts lower-cased, "default" for a missing namespace.
    QCOMPARE(EntityRef::fromParts(QStringLiteral("API"), QStringLiteral("Payments"), QStringLiteral("Rates-API")),
             QStringLiteral("api:payments/rates-api"));
    QCOMPARE(EntityRef::fromParts(QStringLiteral("Group"), QString(), QStringLiteral("Team-A")),
             QStringLiteral("group:default/team-a"));
    // Non-ASCII letters are lower-cased too.
    QCOMPARE(EntityRef::fromParts(QStringLiteral("User"), QStringLiteral("default"), QStringLiteral("\u00c9MILE")),
             QStringLiteral("user:default/\u00e9mile"));
}

void TestEntityRef::equality()
{
    // Identity is case-insensitive: written differently, the same entity.
    const auto a = EntityRef::parse(QStringLiteral("Component:Default/Artist-Web"), QString(), QString());
    const auto b = EntityRef::parse(QStringLiteral("artist-web"), QStringLiteral("component"), QString());
    const auto c = EntityRef::parse(QStringLiteral("artist-web"), QStringLiteral("api"), QString());
    QVERIFY(a && b && c);
    QVERIFY(*a == *b);
    QVERIFY(!(*a == *c));
    QVERIFY(!EntityRef{}.isValid());
}

QTEST_GUILESS_MAIN(TestEntityRef)
#include "tst_entityref.moc"
