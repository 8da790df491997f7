// Relations: Backstage's BuiltinKindsEntityProcessor (every field, default kinds, the entity's
// namespace as default namespace, compound references) and Catalog::assemble's stitching of
// both directions, dangling targets, duplicates and case-insensitive identity.
#include "models/catalog/catalog.h"
#include "models/catalog/relations.h"
#include "models/catalog/validator.h"

#include <QFile>
#include <QTest>

using namespace Gantry::Catalog;

namespace {

QString fixturePath()
{
    const QByteArray root = qgetenv("GANTRY_SOURCE_DIR");
    if (!root.isEmpty()) {
        return QString::fromLocal8Bit(root) + QStringLiteral("/tests/data/relations/fixture.yaml");
    }
    return QFINDTESTDATA("../data/relations/fixture.yaml");
}

// "type targetRef" lines, in the entity's (sorted) order.
QStringList relationLines(const Entity &e)
{
    QStringList lines;
    for (const auto &r : e.relations) {
        lines << relationTypeName(r.type) + QLatin1Char(' ') + r.targetRef;
    }
    return lines;
}

std::shared_ptr<const YamlTree> parse(const QByteArray &yaml, const QString &file)
{
    std::vector<Problem> problems;
    auto tree = YamlTree::parse(yaml, file, &problems);
    return problems.empty() ? tree : nullptr;
}

} // namespace

class TestRelations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void stitchedRelations_data();
    void stitchedRelations();
    void problems();
    void caseInsensitiveIdentity();
    void outgoingFieldsAndLocations();
    void defaultNamespaceIsTheEntitys();
    void malformedReferences();
    void unknownKindsEmitNothing();

private:
    CatalogPtr m_catalog;
    QString m_file;
};

void TestRelations::initTestCase()
{
    m_file = fixturePath();
    QFile f(m_file);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(m_file));
    const auto tree = parse(f.readAll(), m_file);
    QVERIFY(tree);
    QCOMPARE(tree->documents().size(), size_t(15));

    // What the loader does per document: validate, derive, then assemble the whole catalog.
    std::vector<Catalog::Input> inputs;
    std::vector<Problem> problems;
    for (int i = 0; i < int(tree->documents().size()); ++i) {
        Entity e = Entity::fromDocument(tree, i, m_file);
        QVERIFY2(Validator::validate(e, &problems), qPrintable(e.ref));
        std::vector<Problem> relationProblems;
        auto outgoing = outgoingRelations(e, &relationProblems);
        QVERIFY2(relationProblems.empty(), qPrintable(e.ref));
        inputs.push_back(Catalog::Input{std::move(e), std::move(outgoing)});
    }
    m_catalog = Catalog::assemble(std::move(inputs), std::move(problems), QStringLiteral("fixture"));
    QCOMPARE(m_catalog->size(), 14); // the 15th document duplicates the first
}

void TestRelations::stitchedRelations_data()
{
    QTest::addColumn<QString>("ref");
    QTest::addColumn<QStringList>("relations");

    auto row = [](const char *ref, std::initializer_list<const char *> relations) {
        QStringList list;
        for (const char *r : relations) {
            list << QString::fromUtf8(r);
        }
        QTest::newRow(ref) << QString::fromUtf8(ref) << list;
    };
    // Every relation appears on both ends; a relation written on both ends appears once.
    row("component:default/artist-web", {
                                            "ownedBy group:default/team-a",
                                            "dependsOn component:default/legacy-web",
                                            "dependsOn resource:default/artists-db",
                                            "dependencyOf component:default/artist-platform",
                                            "partOf component:default/artist-platform",
                                            "partOf system:default/artist-engagement",
                                            "providesApi api:default/artist-api",
                                            "consumesApi api:default/search-api",
                                        });
    row("component:default/artist-platform", {
                                                 "ownedBy user:default/jane",
                                                 "dependsOn component:default/artist-web",
                                                 "hasPart component:default/artist-web",
                                             });
    row("api:default/artist-api", {
                                      "ownedBy group:default/team-a",
                                      "partOf system:default/artist-engagement",
                                      "apiProvidedBy component:default/artist-web",
                                  });
    row("api:default/search-api", {
                                      "ownedBy group:default/team-a",
                                      "apiConsumedBy component:default/artist-web",
                                  });
    row("resource:default/artists-db", {
                                           "ownedBy group:default/team-a",
                                           "dependsOn resource:default/storage",
                                           "dependencyOf component:default/artist-web",
                                           "partOf system:default/artist-engagement",
                                       });
    row("system:default/artist-engagement", {
                                                "ownedBy group:default/team-a",
                                                "partOf domain:default/artists",
                                                "hasPart api:default/artist-api",
                                                "hasPart component:default/artist-web",
                                                "hasPart resource:default/artists-db",
                                            });
    row("domain:default/artists", {
                                      "ownedBy group:default/team-a",
                                      "partOf domain:default/media",
                                      "hasPart system:default/artist-engagement",
                                  });
    row("domain:default/media", {
                                    "ownedBy group:default/org",
                                    "hasPart domain:default/artists",
                                });
    row("group:default/team-a", {
                                    "ownerOf api:default/artist-api",
                                    "ownerOf api:default/search-api",
                                    "ownerOf component:default/artist-web",
                                    "ownerOf domain:default/artists",
                                    "ownerOf resource:default/artists-db",
                                    "ownerOf system:default/artist-engagement",
                                    "ownerOf template:default/new-service",
                                    "hasMember user:default/jane",
                                    "childOf group:default/org",
                                });
    row("group:default/org", {
                                 "ownerOf domain:default/media",
                                 "parentOf group:default/team-a",
                             });
    row("user:default/jane", {
                                 "ownerOf component:default/artist-platform",
                                 "memberOf group:default/team-a",
                             });
    row("template:default/new-service", {"ownedBy group:default/team-a"});
    row("airesource:default/helper-skill", {});
    row("component:ops/artist-web", {"ownedBy group:ops/team-b"});
}

void TestRelations::stitchedRelations()
{
    QFETCH(QString, ref);
    QFETCH(QStringList, relations);
    const Entity *e = m_catalog->entity(ref);
    QVERIFY2(e, qPrintable(ref));
    QCOMPARE(relationLines(*e), relations);
}

void TestRelations::problems()
{
    QStringList actual;
    for (const auto &p : m_catalog->problems()) {
        QCOMPARE(p.location.file, m_file);
        actual << QStringLiteral("%1:%2 %3 [%4] %5")
                      .arg(p.location.line)
                      .arg(p.location.column)
                      .arg(p.isError() ? QStringLiteral("error") : QStringLiteral("warning"), p.entityRef, p.message);
    }
    const QStringList expected = {
        // A dangling reference is kept on the source (see stitchedRelations) and reported.
        QStringLiteral("16:7 warning [component:default/artist-web] spec.dependsOn[1] refers to "
                       "component:default/legacy-web, which is not in the catalog; add that entity or correct the "
                       "reference"),
        QStringLiteral("57:15 warning [resource:default/artists-db] spec.dependsOn[0] refers to "
                       "resource:default/storage, which is not in the catalog; add that entity or correct the "
                       "reference"),
        QStringLiteral("118:7 warning [airesource:default/helper-skill] kind AiResource is not one of Backstage's "
                       "built-in kinds (Component, API, Resource, System, Domain, Group, User, Location, Template); "
                       "the entity is kept but no relations are derived"),
        QStringLiteral("133:10 warning [component:ops/artist-web] spec.owner refers to group:ops/team-b, which is not "
                       "in the catalog; add that entity or correct the reference"),
        // The duplicate (same identity, different case) is reported where it is, naming the first.
        QStringLiteral("135:1 error [component:default/artist-web] component:default/artist-web is defined twice: "
                       "here and first at %1:2; the first definition is used, remove or rename one of them")
            .arg(m_file),
    };
    QCOMPARE(actual, expected);
    QCOMPARE(m_catalog->errorCount(), 1);
    QCOMPARE(m_catalog->warningCount(), 4);
}

void TestRelations::caseInsensitiveIdentity()
{
    // The first definition won: its title-less name as written, its owner, its location.
    const Entity *e = m_catalog->find(QStringLiteral("Component:Default/ARTIST-WEB"));
    QVERIFY(e);
    QCOMPARE(e->name, QStringLiteral("artist-web"));
    QCOMPARE(e->location.line, 2);
    QCOMPARE(e->owner, QStringLiteral("group:default/team-a"));
    QCOMPARE(m_catalog->find(QStringLiteral("ARTIST-WEB")), e);
    QCOMPARE(m_catalog->find(QStringLiteral("ops/artist-web")),
             m_catalog->entity(QStringLiteral("component:ops/artist-web")));
    QVERIFY(m_catalog->find(QStringLiteral("ops/artist-web")) != e);
    // The second definition's relations were dropped with it: nobody is owned by "someone-else".
    for (const auto &entity : m_catalog->entities()) {
        for (const auto &r : entity.relations) {
            QVERIFY(!r.targetRef.contains(QLatin1String("someone-else")));
        }
    }
    // Compound references fill the entity's owner and system columns too.
    QCOMPARE(m_catalog->entity(QStringLiteral("api:default/search-api"))->owner,
             QStringLiteral("group:default/team-a"));
    QCOMPARE(m_catalog->entity(QStringLiteral("resource:default/artists-db"))->system,
             QStringLiteral("system:default/artist-engagement"));
    // "consumesApis: [Search-API]" found api:default/search-api.
    QCOMPARE(m_catalog->related(*e, RelationType::ConsumesApi).size(), size_t(1));
    QCOMPARE(m_catalog->related(*e, RelationType::ConsumesApi)[0]->name, QStringLiteral("search-api"));
}

void TestRelations::outgoingFieldsAndLocations()
{
    const auto tree = parse("apiVersion: backstage.io/v1alpha1\n"
                            "kind: Component\n"
                            "metadata:\n"
                            "  name: web\n"
                            "spec:\n"
                            "  owner: Team-A\n"
                            "  dependsOn:\n"
                            "    - component:x\n"
                            "    - {kind: Resource, namespace: Data, name: DB}\n"
                            "    - resource:ns/db:replica\n",
                            QStringLiteral("c.yaml"));
    QVERIFY(tree);
    const Entity e = Entity::fromDocument(tree, 0, QStringLiteral("c.yaml"));
    std::vector<Problem> problems;
    const auto out = outgoingRelations(e, &problems);
    QVERIFY(problems.empty());
    QCOMPARE(out.size(), size_t(4));
    auto check = [&](size_t i, RelationType type, const char *target, int line, int column, const char *field) {
        QCOMPARE(out[i].relation.type, type);
        QCOMPARE(out[i].relation.targetRef, QString::fromUtf8(target));
        QCOMPARE(out[i].location, (SourceLocation{QStringLiteral("c.yaml"), line, column}));
        QCOMPARE(out[i].field, QString::fromUtf8(field));
    };
    check(0, RelationType::OwnedBy, "group:default/team-a", 6, 10, "spec.owner");
    check(1, RelationType::DependsOn, "component:default/x", 8, 7, "spec.dependsOn[0]");
    check(2, RelationType::DependsOn, "resource:data/db", 9, 7, "spec.dependsOn[1]");
    check(3, RelationType::DependsOn, "resource:ns/db:replica", 10, 7, "spec.dependsOn[2]");
}

void TestRelations::defaultNamespaceIsTheEntitys()
{
    const auto tree = parse("apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: a\n  namespace: ops\n"
                            "spec:\n  type: team\n  parent: root\n  children: [default/b, c]\n"
                            "  members: [{name: jane}, user:hr/joe]\n",
                            QStringLiteral("g.yaml"));
    QVERIFY(tree);
    const Entity e = Entity::fromDocument(tree, 0, QStringLiteral("g.yaml"));
    std::vector<Problem> problems;
    QStringList actual;
    for (const auto &o : outgoingRelations(e, &problems)) {
        actual << relationTypeName(o.relation.type) + QLatin1Char(' ') + o.relation.targetRef;
    }
    QVERIFY(problems.empty());
    QCOMPARE(actual, (QStringList{
                         QStringLiteral("childOf group:ops/root"),
                         QStringLiteral("parentOf group:default/b"),
                         QStringLiteral("parentOf group:ops/c"),
                         QStringLiteral("hasMember user:ops/jane"),
                         QStringLiteral("hasMember user:hr/joe"),
                     }));
}

void TestRelations::malformedReferences()
{
    const auto tree = parse("apiVersion: backstage.io/v1alpha1\n"
                            "kind: Resource\n"
                            "metadata:\n"
                            "  name: db\n"
                            "spec:\n"
                            "  type: database\n"
                            "  owner: 'group:'\n"
                            "  system: {kind: System}\n"
                            "  dependsOn:\n"
                            "    - storage\n"
                            "    - component:ok\n"
                            "    - {name: x}\n"
                            "  dependencyOf: [/web]\n",
                            QStringLiteral("r.yaml"));
    QVERIFY(tree);
    const Entity e = Entity::fromDocument(tree, 0, QStringLiteral("r.yaml"));
    std::vector<Problem> problems;
    const auto out = outgoingRelations(e, &problems);
    // Only the well-formed reference emits a relation.
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out[0].relation.targetRef, QStringLiteral("component:default/ok"));

    QStringList actual;
    for (const auto &p : problems) {
        QVERIFY(p.isError());
        QCOMPARE(p.entityRef, QStringLiteral("resource:default/db"));
        QCOMPARE(p.location.file, QStringLiteral("r.yaml"));
        actual << QStringLiteral("%1:%2 %3").arg(p.location.line).arg(p.location.column).arg(p.message);
    }
    const QStringList expected = {
        QStringLiteral(
            "7:10 spec.owner: Entity reference \"group:\" was not on the form [<kind>:][<namespace>/]<name>; "
            "write it as [<kind>:][<namespace>/]<name> without empty parts, e.g. \"group:default/my-name\""),
        QStringLiteral("8:11 spec.system: Entity reference {\"kind\":\"System\"} had missing or empty name; give the "
                       "reference a name, e.g. {kind: system, name: my-service}"),
        QStringLiteral("10:7 spec.dependsOn[0]: Entity reference \"storage\" had missing or empty kind (e.g. did not "
                       "start with \"component:\" or similar); spec.dependsOn has no default kind: write the kind in "
                       "front of the name, e.g. \"component:storage\" or \"resource:storage\""),
        QStringLiteral("12:7 spec.dependsOn[2]: Entity reference {\"name\":\"x\"} had missing or empty kind (e.g. did "
                       "not start with \"component:\" or similar); spec.dependsOn has no default kind: write the kind "
                       "in front of the name, e.g. \"component:x\" or \"resource:x\""),
        QStringLiteral("13:18 spec.dependencyOf[0]: Entity reference \"/web\" was not on the form "
                       "[<kind>:][<namespace>/]<name>; write it as [<kind>:][<namespace>/]<name> without empty parts, "
                       "e.g. \"component:default/my-name\""),
    };
    QCOMPARE(actual, expected);
}

void TestRelations::unknownKindsEmitNothing()
{
    // Backstage compares the kind exactly (entity.kind === 'Component').
    for (const char *kind : {"AiResource", "component", "Widget"}) {
        const auto tree = parse(QByteArray("apiVersion: backstage.io/v1alpha1\nkind: ") + kind +
                                    "\nmetadata:\n  name: a\nspec:\n  owner: team-a\n  dependsOn: [x]\n",
                                QStringLiteral("u.yaml"));
        QVERIFY(tree);
        std::vector<Problem> problems;
        QVERIFY(outgoingRelations(Entity::fromDocument(tree, 0, QStringLiteral("u.yaml")), &problems).empty());
        QVERIFY(problems.empty());
    }
}

QTEST_GUILESS_MAIN(TestRelations)
#include "tst_relations.moc"
