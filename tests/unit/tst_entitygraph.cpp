// EntityGraph::select on a fixed catalog (tests/data/graph/fixture.yaml): exact node and edge sets
// for every mode, depth, relation group and filter, merged and unmerged pairs, parallel edges,
// cycles, dangling targets, truncation and errors; plus the relation group names and the time of
// unlimited selections on a 50,000-entity catalog.
#include "models/catalog/entitygraph.h"
#include "tests/unit/catalogtestutil.h"

#include <QFile>
#include <QTest>

using namespace Gantry::Catalog;
using Mode = GraphQuery::Mode;

Q_DECLARE_METATYPE(GraphQuery::Mode)

namespace {

QString fixturePath()
{
    const QByteArray root = qgetenv("GANTRY_SOURCE_DIR");
    if (!root.isEmpty()) {
        return QString::fromLocal8Bit(root) + QStringLiteral("/tests/data/graph/fixture.yaml");
    }
    return QFINDTESTDATA("../data/graph/fixture.yaml");
}

// "checkout" for components, "api:auth-api" for other kinds; all fixture entities are in "default".
QString shortRef(const QString &ref)
{
    QString s = ref;
    s.replace(QLatin1String(":default/"), QLatin1String(":"));
    if (s.startsWith(QLatin1String("component:"))) {
        s = s.mid(int(qstrlen("component:")));
    }
    return s;
}

QString canonical(const QString &shortForm)
{
    const qsizetype colon = shortForm.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        return QStringLiteral("component:default/") + shortForm;
    }
    return shortForm.left(colon + 1) + QStringLiteral("default/") + shortForm.mid(colon + 1);
}

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList nodeSet(const GraphSelection &s)
{
    QStringList nodes;
    for (const auto &n : s.nodes) {
        nodes << shortRef(n.ref);
    }
    return sorted(nodes);
}

QString edgeText(const GraphSelection &s, const GraphEdge &e)
{
    return shortRef(s.nodes[size_t(e.from)].ref) + QLatin1Char(' ') + relationTypeName(e.type) + QLatin1Char(' ') +
           shortRef(s.nodes[size_t(e.to)].ref);
}

QStringList edgeSet(const GraphSelection &s)
{
    QStringList edges;
    for (const auto &e : s.edges) {
        edges << edgeText(s, e);
    }
    return sorted(edges);
}

quint32 groups(const char *names)
{
    quint32 g = 0;
    QString error;
    const bool ok = relationGroupsFromNames(words(names), &g, &error);
    Q_ASSERT(ok);
    Q_UNUSED(ok);
    return g;
}

// Every edge of the fixture between the named nodes in the default groups, as text.
const char *const shopEdges = "auth partOf system:shop|api:auth-api partOf system:shop|checkout partOf system:shop|"
                              "api:checkout-api partOf system:shop|cart partOf system:shop|search partOf system:shop|"
                              "resource:orders-db partOf system:shop|checkout-ui partOf checkout|"
                              "checkout dependsOn auth|checkout dependsOn resource:orders-db|"
                              "checkout-ui dependsOn checkout|cart dependsOn auth|search dependsOn auth|"
                              "search dependsOn resource:orders-db|auth providesApi api:auth-api|"
                              "checkout providesApi api:checkout-api|checkout consumesApi api:auth-api|"
                              "cart consumesApi api:checkout-api";

QStringList edges(const char *text)
{
    return sorted(QString::fromUtf8(text).split(QLatin1Char('|'), Qt::SkipEmptyParts));
}

} // namespace

class TestEntityGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void select_data();
    void select();
    void orderAndDistances();
    void mergedAndUnmergedPairs_data();
    void mergedAndUnmergedPairs();
    void parallelEdgesStay();
    void danglingTargets();
    void cycles();
    void truncation();
    void errors();
    void relationGroupNames();
    void largeCatalog();

private:
    GraphSelection run(const QString &focus, Mode mode, int depth, quint32 relations = 0, bool merge = true) const;

    CatalogPtr m_catalog;
};

void TestEntityGraph::initTestCase()
{
    QFile file(fixturePath());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(fixturePath()));
    m_catalog = Gantry::Tests::catalogFromYaml(file.readAll(), QStringLiteral("fixture.yaml"));
    QCOMPARE(m_catalog->size(), 22);
    QCOMPARE(m_catalog->errorCount(), 0);
    QCOMPARE(m_catalog->warningCount(), 3); // the three references to component:legacy-pricing
}

GraphSelection TestEntityGraph::run(const QString &focus, Mode mode, int depth, quint32 relations, bool merge) const
{
    GraphQuery q;
    q.focus = QStringList{canonical(focus)};
    q.mode = mode;
    q.depth = depth;
    if (relations) {
        q.relations = relations;
    }
    q.mergePairs = merge;
    return EntityGraph::select(*m_catalog, q);
}

void TestEntityGraph::select_data()
{
    QTest::addColumn<QString>("focus");
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<int>("depth");
    QTest::addColumn<QString>("relations"); // group names; empty: the default groups
    QTest::addColumn<QStringList>("kinds");
    QTest::addColumn<QStringList>("owners");
    QTest::addColumn<QStringList>("lifecycles");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QStringList>("nodes");
    QTest::addColumn<QStringList>("edges");

    const QStringList none;
    const QString defaults;
    const auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };

    // The hub, one step: every dependant is there, and the edges among the neighbours too.
    row("auth depth 1") << "auth" << Mode::Neighbours << 1 << defaults << none << none << none << none
                        << sorted(words("auth api:auth-api cart checkout ledger-a reports search system:shop"))
                        << edges("auth partOf system:shop|api:auth-api partOf system:shop|checkout partOf system:shop|"
                                 "cart partOf system:shop|search partOf system:shop|auth providesApi api:auth-api|"
                                 "checkout consumesApi api:auth-api|checkout dependsOn auth|cart dependsOn auth|"
                                 "search dependsOn auth|reports dependsOn auth|ledger-a dependsOn auth");
    row("auth depth 0") << "auth" << Mode::Neighbours << 0 << defaults << none << none << none << none << words("auth")
                        << QStringList();

    // Depth over dependencies only, both directions, from a leaf.
    row("checkout-ui depth 1") << "checkout-ui" << Mode::Neighbours << 1 << QStringLiteral("dependencies") << none
                               << none << none << none << sorted(words("checkout-ui checkout"))
                               << edges("checkout-ui dependsOn checkout");
    row("checkout-ui depth 2") << "checkout-ui" << Mode::Neighbours << 2 << QStringLiteral("dependencies") << none
                               << none << none << none << sorted(words("checkout-ui checkout auth resource:orders-db"))
                               << edges("checkout-ui dependsOn checkout|checkout dependsOn auth|"
                                        "checkout dependsOn resource:orders-db");
    const QStringList allDependencyEdges =
        edges("checkout dependsOn auth|checkout dependsOn resource:orders-db|checkout-ui dependsOn checkout|"
              "cart dependsOn auth|cart dependsOn legacy-pricing|search dependsOn auth|"
              "search dependsOn resource:orders-db|reports dependsOn auth|reports dependsOn legacy-pricing|"
              "ledger-a dependsOn ledger-b|ledger-a dependsOn auth|ledger-b dependsOn ledger-c|"
              "ledger-c dependsOn ledger-a|loopy dependsOn loopy|loopy dependsOn legacy-pricing");
    QCOMPARE(allDependencyEdges.size(), 15);
    row("checkout-ui depth 4") << "checkout-ui" << Mode::Neighbours << 4 << QStringLiteral("dependencies") << none
                               << none << none << none
                               << sorted(words("checkout-ui checkout auth resource:orders-db cart search reports "
                                               "ledger-a ledger-b ledger-c legacy-pricing"))
                               << edges("checkout dependsOn auth|checkout dependsOn resource:orders-db|"
                                        "checkout-ui dependsOn checkout|cart dependsOn auth|"
                                        "cart dependsOn legacy-pricing|search dependsOn auth|"
                                        "search dependsOn resource:orders-db|reports dependsOn auth|"
                                        "reports dependsOn legacy-pricing|ledger-a dependsOn ledger-b|"
                                        "ledger-a dependsOn auth|ledger-b dependsOn ledger-c|"
                                        "ledger-c dependsOn ledger-a");
    // Unlimited reaches loopy only through the dangling legacy-pricing.
    row("checkout-ui unlimited") << "checkout-ui" << Mode::Neighbours << -1 << QStringLiteral("dependencies") << none
                                 << none << none << none
                                 << sorted(words("checkout-ui checkout auth resource:orders-db cart search reports "
                                                 "ledger-a ledger-b ledger-c legacy-pricing loopy"))
                                 << allDependencyEdges;

    // Each relation group on its own.
    row("group dependencies") << "checkout" << Mode::Neighbours << 1 << QStringLiteral("dependencies") << none << none
                              << none << none << sorted(words("checkout auth checkout-ui resource:orders-db"))
                              << edges("checkout dependsOn auth|checkout dependsOn resource:orders-db|"
                                       "checkout-ui dependsOn checkout");
    row("group ownership") << "checkout" << Mode::Neighbours << 1 << QStringLiteral("ownership") << none << none << none
                           << none << sorted(words("checkout group:team-web"))
                           << edges("checkout ownedBy group:team-web");
    row("group part-of") << "checkout" << Mode::Neighbours << 1 << QStringLiteral("part-of") << none << none << none
                         << none << sorted(words("checkout checkout-ui system:shop"))
                         << edges("checkout partOf system:shop|checkout-ui partOf checkout");
    row("group provides-api") << "checkout" << Mode::Neighbours << 1 << QStringLiteral("provides-api") << none << none
                              << none << none << sorted(words("checkout api:checkout-api"))
                              << edges("checkout providesApi api:checkout-api");
    row("group consumes-api") << "checkout" << Mode::Neighbours << 1 << QStringLiteral("consumes-api") << none << none
                              << none << none << sorted(words("checkout api:auth-api"))
                              << edges("checkout consumesApi api:auth-api");
    row("group apis depth 2") << "checkout" << Mode::Neighbours << 2 << QStringLiteral("apis") << none << none << none
                              << none << sorted(words("checkout api:checkout-api api:auth-api cart auth"))
                              << edges("checkout providesApi api:checkout-api|checkout consumesApi api:auth-api|"
                                       "cart consumesApi api:checkout-api|auth providesApi api:auth-api");
    row("group membership") << "group:team-core" << Mode::Neighbours << 1 << QStringLiteral("membership") << none
                            << none << none << none << sorted(words("group:team-core user:alice"))
                            << edges("user:alice memberOf group:team-core");
    row("group hierarchy") << "group:team-core" << Mode::Neighbours << -1 << QStringLiteral("hierarchy") << none << none
                           << none << none << sorted(words("group:team-core group:platform group:team-web"))
                           << edges("group:team-core childOf group:platform|group:team-web childOf group:platform");
    row("group ownership of a team") << "group:team-web" << Mode::Neighbours << 1 << QStringLiteral("ownership") << none
                                     << none << none << none
                                     << sorted(words("group:team-web system:shop checkout api:checkout-api "
                                                     "checkout-ui cart loopy"))
                                     << edges("system:shop ownedBy group:team-web|checkout ownedBy group:team-web|"
                                              "api:checkout-api ownedBy group:team-web|"
                                              "checkout-ui ownedBy group:team-web|cart ownedBy group:team-web|"
                                              "loopy ownedBy group:team-web");

    // Filters keep the focus and drop other nodes with their edges.
    row("kinds component") << "auth" << Mode::Neighbours << 1 << defaults << words("component") << none << none << none
                           << sorted(words("auth cart checkout ledger-a reports search"))
                           << edges("checkout dependsOn auth|cart dependsOn auth|search dependsOn auth|"
                                    "reports dependsOn auth|ledger-a dependsOn auth");
    row("kinds api system") << "auth" << Mode::Neighbours << 1 << defaults << words("API system") << none << none
                            << none << sorted(words("auth api:auth-api system:shop"))
                            << edges("auth providesApi api:auth-api|auth partOf system:shop|"
                                     "api:auth-api partOf system:shop");
    row("kinds exclude the focus kind") << "auth" << Mode::Neighbours << 1 << defaults << words("resource") << none
                                        << none << none << words("auth") << QStringList();
    row("owner team-core") << "auth" << Mode::Neighbours << 1 << defaults << none << words("group:default/team-core")
                           << none << none << sorted(words("auth api:auth-api search ledger-a reports"))
                           << edges("auth providesApi api:auth-api|search dependsOn auth|reports dependsOn auth|"
                                    "ledger-a dependsOn auth");
    row("lifecycle experimental") << "auth" << Mode::Neighbours << 1 << defaults << none << none
                                  << words("experimental") << none << sorted(words("auth cart search"))
                                  << edges("cart dependsOn auth|search dependsOn auth");
    row("tags java or python") << "auth" << Mode::Neighbours << 1 << defaults << none << none << none
                               << words("java python") << sorted(words("auth checkout search"))
                               << edges("checkout dependsOn auth|search dependsOn auth");
    row("owner and tag") << "auth" << Mode::Neighbours << 1 << defaults << none << words("group:default/team-core")
                         << none << words("python") << sorted(words("auth search")) << edges("search dependsOn auth");
    // Paths run through filtered nodes: checkout-api is hidden, cart is still reached through it.
    row("filters do not cut paths") << "checkout" << Mode::Neighbours << 2 << QStringLiteral("apis")
                                    << words("component") << none << none << none << sorted(words("checkout cart auth"))
                                    << QStringList();

    // Blast radius: dependants, provided APIs and their consumers, subcomponents; transitively.
    row("blast radius auth") << "auth" << Mode::BlastRadius << -1 << defaults << none << none << none << none
                             << sorted(words("auth api:auth-api cart checkout ledger-a reports search "
                                             "api:checkout-api checkout-ui ledger-c ledger-b"))
                             << edges("checkout dependsOn auth|cart dependsOn auth|search dependsOn auth|"
                                      "reports dependsOn auth|ledger-a dependsOn auth|checkout-ui dependsOn checkout|"
                                      "ledger-a dependsOn ledger-b|ledger-b dependsOn ledger-c|"
                                      "ledger-c dependsOn ledger-a|checkout-ui partOf checkout|"
                                      "auth providesApi api:auth-api|checkout providesApi api:checkout-api|"
                                      "checkout consumesApi api:auth-api|cart consumesApi api:checkout-api");
    row("blast radius auth depth 1") << "auth" << Mode::BlastRadius << 1 << defaults << none << none << none << none
                                     << sorted(words("auth api:auth-api cart checkout ledger-a reports search"))
                                     << edges("checkout dependsOn auth|cart dependsOn auth|search dependsOn auth|"
                                              "reports dependsOn auth|ledger-a dependsOn auth|"
                                              "auth providesApi api:auth-api|checkout consumesApi api:auth-api");
    row("blast radius auth dependencies only")
        << "auth" << Mode::BlastRadius << -1 << QStringLiteral("dependencies") << none << none << none << none
        << sorted(words("auth cart checkout ledger-a reports search checkout-ui ledger-c ledger-b"))
        << edges("checkout dependsOn auth|cart dependsOn auth|search dependsOn auth|reports dependsOn auth|"
                 "ledger-a dependsOn auth|checkout-ui dependsOn checkout|ledger-a dependsOn ledger-b|"
                 "ledger-b dependsOn ledger-c|ledger-c dependsOn ledger-a");
    row("blast radius orders-db") << "resource:orders-db" << Mode::BlastRadius << -1 << defaults << none << none << none
                                  << none
                                  << sorted(words("resource:orders-db checkout search api:checkout-api checkout-ui "
                                                  "cart"))
                                  << edges("checkout dependsOn resource:orders-db|search dependsOn resource:orders-db|"
                                           "checkout providesApi api:checkout-api|cart consumesApi api:checkout-api|"
                                           "checkout-ui dependsOn checkout|checkout-ui partOf checkout");
    row("blast radius of an api") << "api:checkout-api" << Mode::BlastRadius << -1 << defaults << none << none << none
                                  << none << sorted(words("api:checkout-api cart"))
                                  << edges("cart consumesApi api:checkout-api");
    row("blast radius components only")
        << "auth" << Mode::BlastRadius << -1 << defaults << words("component") << none << none << none
        << sorted(words("auth cart checkout ledger-a reports search checkout-ui ledger-c ledger-b"))
        << edges("checkout dependsOn auth|cart dependsOn auth|search dependsOn auth|reports dependsOn auth|"
                 "ledger-a dependsOn auth|checkout-ui dependsOn checkout|ledger-a dependsOn ledger-b|"
                 "ledger-b dependsOn ledger-c|ledger-c dependsOn ledger-a|checkout-ui partOf checkout");

    // Needs: the exact inverse.
    row("needs checkout-ui") << "checkout-ui" << Mode::Needs << -1 << defaults << none << none << none << none
                             << sorted(words("checkout-ui checkout auth api:auth-api resource:orders-db"))
                             << edges("checkout-ui dependsOn checkout|checkout-ui partOf checkout|"
                                      "checkout dependsOn auth|checkout dependsOn resource:orders-db|"
                                      "checkout consumesApi api:auth-api|auth providesApi api:auth-api");
    row("needs cart") << "cart" << Mode::Needs << -1 << defaults << none << none << none << none
                      << sorted(words("cart auth legacy-pricing api:checkout-api checkout api:auth-api "
                                      "resource:orders-db"))
                      << edges("cart dependsOn auth|cart dependsOn legacy-pricing|cart consumesApi api:checkout-api|"
                               "checkout providesApi api:checkout-api|checkout dependsOn auth|"
                               "checkout dependsOn resource:orders-db|checkout consumesApi api:auth-api|"
                               "auth providesApi api:auth-api");
    row("needs ledger-a") << "ledger-a" << Mode::Needs << -1 << defaults << none << none << none << none
                          << sorted(words("ledger-a ledger-b ledger-c auth"))
                          << edges("ledger-a dependsOn ledger-b|ledger-b dependsOn ledger-c|"
                                   "ledger-c dependsOn ledger-a|ledger-a dependsOn auth");
    row("needs depth 1") << "checkout" << Mode::Needs << 1 << defaults << none << none << none << none
                         << sorted(words("checkout auth resource:orders-db api:auth-api"))
                         << edges("checkout dependsOn auth|checkout dependsOn resource:orders-db|"
                                  "checkout consumesApi api:auth-api|auth providesApi api:auth-api");

    // Whole-system and whole-domain views.
    row("system shop") << "system:shop" << Mode::System << 0 << defaults << none << none << none << none
                       << sorted(words("system:shop auth api:auth-api cart checkout api:checkout-api "
                                       "resource:orders-db search checkout-ui"))
                       << edges(shopEdges);
    row("system shop depth 1") << "system:shop" << Mode::System << 1 << defaults << none << none << none << none
                               << sorted(words("system:shop auth api:auth-api cart checkout api:checkout-api "
                                               "resource:orders-db search checkout-ui domain:commerce ledger-a "
                                               "reports legacy-pricing"))
                               << sorted(edges(shopEdges) +
                                         edges("system:shop partOf domain:commerce|reports dependsOn auth|"
                                               "ledger-a dependsOn auth|cart dependsOn legacy-pricing|"
                                               "reports dependsOn legacy-pricing"));
    row("system shop dependencies only")
        << "system:shop" << Mode::System << 0 << QStringLiteral("dependencies") << none << none << none << none
        << sorted(words("system:shop auth api:auth-api cart checkout api:checkout-api resource:orders-db search "
                        "checkout-ui"))
        << edges("checkout dependsOn auth|checkout dependsOn resource:orders-db|checkout-ui dependsOn checkout|"
                 "cart dependsOn auth|search dependsOn auth|search dependsOn resource:orders-db");
    row("domain commerce") << "domain:commerce" << Mode::System << 0 << QStringLiteral("part-of") << none << none
                           << none << none
                           << sorted(words("domain:commerce domain:payments system:shop system:ledger auth "
                                           "api:auth-api cart checkout api:checkout-api resource:orders-db search "
                                           "checkout-ui ledger-a ledger-b ledger-c"))
                           << edges("domain:payments partOf domain:commerce|system:shop partOf domain:commerce|"
                                    "system:ledger partOf domain:payments|auth partOf system:shop|"
                                    "api:auth-api partOf system:shop|checkout partOf system:shop|"
                                    "api:checkout-api partOf system:shop|cart partOf system:shop|"
                                    "search partOf system:shop|resource:orders-db partOf system:shop|"
                                    "checkout-ui partOf checkout|ledger-a partOf system:ledger|"
                                    "ledger-b partOf system:ledger|ledger-c partOf system:ledger");
    row("subdomain payments, systems only")
        << "domain:payments" << Mode::System << 0 << QStringLiteral("part-of") << words("system") << none << none
        << none << sorted(words("domain:payments system:ledger")) << edges("system:ledger partOf domain:payments");
}

void TestEntityGraph::select()
{
    QFETCH(QString, focus);
    QFETCH(Mode, mode);
    QFETCH(int, depth);
    QFETCH(QString, relations);
    QFETCH(QStringList, kinds);
    QFETCH(QStringList, owners);
    QFETCH(QStringList, lifecycles);
    QFETCH(QStringList, tags);
    QFETCH(QStringList, nodes);
    QFETCH(QStringList, edges);

    GraphQuery q;
    q.focus = QStringList{canonical(focus)};
    q.mode = mode;
    q.depth = depth;
    if (!relations.isEmpty()) {
        QString error;
        QVERIFY2(relationGroupsFromNames(QStringList{relations}, &q.relations, &error), qPrintable(error));
    }
    q.kinds = kinds;
    q.owners = owners;
    q.lifecycles = lifecycles;
    q.tags = tags;
    const GraphSelection s = EntityGraph::select(*m_catalog, q);
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(nodeSet(s), sorted(nodes));
    QCOMPARE(edgeSet(s), edges);
    QVERIFY(!s.truncated);
    QCOMPARE(s.matched, int(s.nodes.size()));
    QVERIFY(s.nodes.front().focus);
    QCOMPARE(shortRef(s.nodes.front().ref), focus);
    for (size_t i = 1; i < s.nodes.size(); ++i) {
        QVERIFY(!s.nodes[i].focus);
    }
}

void TestEntityGraph::orderAndDistances()
{
    const GraphSelection s = run(QStringLiteral("checkout-ui"), Mode::Neighbours, -1, DependencyRelations);
    QStringList order;
    for (const auto &n : s.nodes) {
        order << shortRef(n.ref) + QLatin1Char('@') + QString::number(n.distance);
    }
    // Focus first, then by distance, ties by canonical ref ("component:..." before "resource:...").
    QCOMPARE(order, words("checkout-ui@0 checkout@1 auth@2 resource:orders-db@2 cart@3 ledger-a@3 reports@3 search@3 "
                          "ledger-b@4 ledger-c@4 legacy-pricing@4 loopy@5"));
    // The same query gives the same output, edges included.
    const GraphSelection again = run(QStringLiteral("checkout-ui"), Mode::Neighbours, -1, DependencyRelations);
    QStringList a;
    QStringList b;
    for (const auto &e : s.edges) {
        a << edgeText(s, e);
    }
    for (const auto &e : again.edges) {
        b << edgeText(again, e);
    }
    QCOMPARE(a, b);

    // System views: members by their depth in the part-of tree, then the outside nodes.
    const GraphSelection d = run(QStringLiteral("domain:commerce"), Mode::System, 1, PartOfRelations);
    QStringList systemOrder;
    for (const auto &n : d.nodes) {
        systemOrder << shortRef(n.ref) + QLatin1Char('@') + QString::number(n.distance);
    }
    QCOMPARE(systemOrder.mid(0, 3), words("domain:commerce@0 domain:payments@1 system:shop@1"));
    QCOMPARE(systemOrder.size(), 15); // part-of leads nowhere outside the domain
}

void TestEntityGraph::mergedAndUnmergedPairs_data()
{
    QTest::addColumn<QString>("focus");
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<int>("depth");
    QTest::addColumn<quint32>("relations");
    QTest::addColumn<int>("merged");

    QTest::newRow("all dependencies") << "checkout-ui" << Mode::Neighbours << -1 << quint32(DependencyRelations) << 15;
    QTest::newRow("system shop") << "system:shop" << Mode::System << 0 << quint32(0) << 18;
    QTest::newRow("everything") << "group:platform" << Mode::Neighbours << -1 << quint32(AllRelations)
                                << 17 + 2 + 2 + 14 + 15 + 2 + 2;
}

void TestEntityGraph::mergedAndUnmergedPairs()
{
    QFETCH(QString, focus);
    QFETCH(Mode, mode);
    QFETCH(int, depth);
    QFETCH(quint32, relations);
    QFETCH(int, merged);

    const GraphSelection m = run(focus, mode, depth, relations, true);
    const GraphSelection u = run(focus, mode, depth, relations, false);
    QCOMPARE(int(m.edges.size()), merged);
    QCOMPARE(int(u.edges.size()), 2 * merged);
    for (const auto &e : m.edges) {
        QCOMPARE(static_cast<int>(e.type) % 2, 0); // forward types only
    }
    // Every merged edge appears unmerged in both directions.
    const QStringList unmerged = edgeSet(u);
    for (const auto &e : m.edges) {
        QVERIFY2(unmerged.contains(edgeText(m, e)), qPrintable(edgeText(m, e)));
        const QString back = shortRef(m.nodes[size_t(e.to)].ref) + QLatin1Char(' ') +
                             relationTypeName(inverseRelation(e.type)) + QLatin1Char(' ') +
                             shortRef(m.nodes[size_t(e.from)].ref);
        QVERIFY2(unmerged.contains(back), qPrintable(back));
    }
}

void TestEntityGraph::parallelEdgesStay()
{
    // checkout-ui is a subcomponent of checkout and depends on it: two edges between one pair.
    const GraphSelection s = run(QStringLiteral("checkout-ui"), Mode::Neighbours, 1, AllRelations);
    QStringList between;
    for (const auto &e : s.edges) {
        if (shortRef(s.nodes[size_t(e.to)].ref) == QLatin1String("checkout")) {
            between << edgeText(s, e);
        }
    }
    QCOMPARE(sorted(between), edges("checkout-ui dependsOn checkout|checkout-ui partOf checkout"));

    const GraphSelection u = run(QStringLiteral("checkout-ui"), Mode::Neighbours, 1, AllRelations, false);
    QStringList pair;
    for (const auto &e : u.edges) {
        const QString t = edgeText(u, e);
        if (t.contains(QLatin1String("checkout-ui")) && !t.contains(QLatin1String("group:"))) {
            pair << t;
        }
    }
    QCOMPARE(sorted(pair), edges("checkout-ui dependsOn checkout|checkout-ui partOf checkout|"
                                 "checkout dependencyOf checkout-ui|checkout hasPart checkout-ui"));

    // A hub keeps every edge: all five dependants of auth, none dropped for being visited already.
    const GraphSelection hub = run(QStringLiteral("auth"), Mode::Neighbours, 2, DependencyRelations);
    int intoAuth = 0;
    for (const auto &e : hub.edges) {
        intoAuth += shortRef(hub.nodes[size_t(e.to)].ref) == QLatin1String("auth") ? 1 : 0;
    }
    QCOMPARE(intoAuth, 5);
}

void TestEntityGraph::danglingTargets()
{
    // cart -> legacy-pricing (not in the catalog) <- loopy: loopy is reached only through it.
    const GraphSelection s = run(QStringLiteral("cart"), Mode::Neighbours, 2, DependencyRelations);
    QCOMPARE(nodeSet(s), sorted(words("cart auth legacy-pricing checkout search reports ledger-a loopy")));
    for (const auto &n : s.nodes) {
        QCOMPARE(n.entity < 0, shortRef(n.ref) == QLatin1String("legacy-pricing"));
        if (n.entity >= 0) {
            QCOMPARE(m_catalog->entities()[size_t(n.entity)].ref, n.ref);
        }
    }
    // Unmerged, the dangling node gets the inverse edge back; merged, one edge per pair.
    const GraphSelection u = run(QStringLiteral("cart"), Mode::Neighbours, 1, DependencyRelations, false);
    QCOMPARE(edgeSet(u), edges("cart dependsOn auth|auth dependencyOf cart|cart dependsOn legacy-pricing|"
                               "legacy-pricing dependencyOf cart"));
    const GraphSelection m = run(QStringLiteral("cart"), Mode::Neighbours, 1, DependencyRelations, true);
    QCOMPARE(edgeSet(m), edges("cart dependsOn auth|cart dependsOn legacy-pricing"));

    // A dangling node has a kind but no owner: the kind filter keeps it, an owner filter drops it.
    GraphQuery q;
    q.focus = QStringList{canonical(QStringLiteral("cart"))};
    q.relations = DependencyRelations;
    q.kinds = QStringList{QStringLiteral("component")};
    QCOMPARE(nodeSet(EntityGraph::select(*m_catalog, q)), sorted(words("cart auth legacy-pricing")));
    q.kinds.clear();
    q.owners = QStringList{QStringLiteral("group:default/team-core")};
    QCOMPARE(nodeSet(EntityGraph::select(*m_catalog, q)), sorted(words("cart auth")));
}

void TestEntityGraph::cycles()
{
    for (const bool merge : {true, false}) {
        const GraphSelection s = run(QStringLiteral("checkout-ui"), Mode::Neighbours, -1, AllRelations, merge);
        QStringList inCycle;
        for (const auto &n : s.nodes) {
            if (n.inCycle) {
                inCycle << shortRef(n.ref);
            }
        }
        QCOMPARE(sorted(inCycle), sorted(words("ledger-a ledger-b ledger-c loopy")));
        QStringList cycleEdges;
        for (const auto &e : s.edges) {
            if (e.inCycle) {
                cycleEdges << edgeText(s, e);
            }
        }
        const QStringList expected = merge ? edges("ledger-a dependsOn ledger-b|ledger-b dependsOn ledger-c|"
                                                   "ledger-c dependsOn ledger-a|loopy dependsOn loopy")
                                           : edges("ledger-a dependsOn ledger-b|ledger-b dependsOn ledger-c|"
                                                   "ledger-c dependsOn ledger-a|loopy dependsOn loopy|"
                                                   "ledger-b dependencyOf ledger-a|ledger-c dependencyOf ledger-b|"
                                                   "ledger-a dependencyOf ledger-c|loopy dependencyOf loopy");
        QCOMPARE(sorted(cycleEdges), expected);
    }
    // Only cycles among the selected nodes: without ledger-c there is none.
    GraphQuery q;
    q.focus = QStringList{canonical(QStringLiteral("ledger-a"))};
    q.relations = DependencyRelations;
    q.depth = 1;
    const GraphSelection partial = EntityGraph::select(*m_catalog, q);
    QCOMPARE(nodeSet(partial), sorted(words("ledger-a ledger-b ledger-c auth")));
    q.depth = -1;
    q.kinds = QStringList{QStringLiteral("component")};
    q.mode = Mode::Needs;
    q.focus = QStringList{canonical(QStringLiteral("ledger-b"))};
    const GraphSelection needs = EntityGraph::select(*m_catalog, q);
    QCOMPARE(nodeSet(needs), sorted(words("ledger-a ledger-b ledger-c auth")));
    int flagged = 0;
    for (const auto &n : needs.nodes) {
        flagged += n.inCycle ? 1 : 0;
    }
    QCOMPARE(flagged, 3);
    // A selection that cuts the cycle: ledger-a and ledger-b only (depth 1 of needs).
    q.depth = 1;
    const GraphSelection cut = EntityGraph::select(*m_catalog, q);
    QCOMPARE(nodeSet(cut), sorted(words("ledger-b ledger-c")));
    for (const auto &n : cut.nodes) {
        QVERIFY(!n.inCycle);
    }
    for (const auto &e : cut.edges) {
        QVERIFY(!e.inCycle);
    }
    // No dependencies group, no dependency edges and no cycle marks.
    const GraphSelection parts = run(QStringLiteral("system:ledger"), Mode::System, 0, PartOfRelations);
    for (const auto &n : parts.nodes) {
        QVERIFY(!n.inCycle);
    }
}

void TestEntityGraph::truncation()
{
    GraphQuery q;
    q.focus = QStringList{canonical(QStringLiteral("auth"))};
    q.maxNodes = 4;
    GraphSelection s = EntityGraph::select(*m_catalog, q);
    QVERIFY(s.truncated);
    QCOMPARE(s.matched, 8);
    QCOMPARE(nodeSet(s), sorted(words("auth api:auth-api cart checkout"))); // the nearest, by ref
    QCOMPARE(edgeSet(s), edges("auth providesApi api:auth-api|checkout dependsOn auth|cart dependsOn auth|"
                               "checkout consumesApi api:auth-api"));

    // Matched counts after the filters.
    q.kinds = QStringList{QStringLiteral("component")};
    q.maxNodes = 3;
    s = EntityGraph::select(*m_catalog, q);
    QVERIFY(s.truncated);
    QCOMPARE(s.matched, 6);
    QCOMPARE(nodeSet(s), sorted(words("auth cart checkout")));

    // Exactly at the limit is not truncated; nearer nodes win over farther ones.
    q.kinds.clear();
    q.maxNodes = 8;
    s = EntityGraph::select(*m_catalog, q);
    QVERIFY(!s.truncated);
    QCOMPARE(s.matched, 8);
    q.depth = -1;
    q.mode = GraphQuery::Mode::BlastRadius;
    q.maxNodes = 9;
    s = EntityGraph::select(*m_catalog, q);
    QVERIFY(s.truncated);
    QCOMPARE(s.matched, 11);
    QCOMPARE(nodeSet(s), sorted(words("auth api:auth-api cart checkout ledger-a reports search api:checkout-api "
                                      "checkout-ui")));
    // No limit.
    q.maxNodes = 0;
    s = EntityGraph::select(*m_catalog, q);
    QVERIFY(!s.truncated);
    QCOMPARE(int(s.nodes.size()), 11);
}

void TestEntityGraph::errors()
{
    GraphQuery q;
    q.focus = QStringList{QStringLiteral("component:default/x")};
    GraphSelection s = EntityGraph::select(*m_catalog, q);
    QCOMPARE(s.error, QStringLiteral("component:default/x is not in the catalog"));
    QVERIFY(s.nodes.empty());
    QVERIFY(s.edges.empty());

    q.focus = QStringList{canonical(QStringLiteral("auth")), QStringLiteral("api:default/nope")};
    s = EntityGraph::select(*m_catalog, q);
    QCOMPARE(s.error, QStringLiteral("api:default/nope is not in the catalog"));
    QVERIFY(s.nodes.empty());

    q.focus.clear();
    s = EntityGraph::select(*m_catalog, q);
    QVERIFY(!s.error.isEmpty());

    // A dangling target is not an entity: it cannot be the focus.
    q.focus = QStringList{QStringLiteral("component:default/legacy-pricing")};
    QVERIFY(!EntityGraph::select(*m_catalog, q).error.isEmpty());

    // Several foci, given as people type them; duplicates collapse.
    q.focus = QStringList{QStringLiteral("Auth"), canonical(QStringLiteral("search")), QStringLiteral("auth")};
    q.relations = DependencyRelations;
    q.depth = 0;
    s = EntityGraph::select(*m_catalog, q);
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(int(s.nodes.size()), 2);
    QCOMPARE(shortRef(s.nodes[0].ref), QStringLiteral("auth"));
    QCOMPARE(shortRef(s.nodes[1].ref), QStringLiteral("search"));
    QVERIFY(s.nodes[0].focus && s.nodes[1].focus);
    QCOMPARE(edgeSet(s), edges("search dependsOn auth"));
}

void TestEntityGraph::relationGroupNames()
{
    QCOMPARE(relationGroupOf(RelationType::OwnerOf), quint32(OwnershipRelations));
    QCOMPARE(relationGroupOf(RelationType::DependencyOf), quint32(DependencyRelations));
    QCOMPARE(relationGroupOf(RelationType::HasPart), quint32(PartOfRelations));
    QCOMPARE(relationGroupOf(RelationType::ApiProvidedBy), quint32(ProvidedApiRelations));
    QCOMPARE(relationGroupOf(RelationType::ConsumesApi), quint32(ConsumedApiRelations));
    QCOMPARE(relationGroupOf(RelationType::HasMember), quint32(MembershipRelations));
    QCOMPARE(relationGroupOf(RelationType::ParentOf), quint32(HierarchyRelations));
    quint32 all = 0;
    for (int t = 0; t < RelationTypeCount; ++t) {
        all |= relationGroupOf(static_cast<RelationType>(t));
    }
    QCOMPARE(all, quint32(AllRelations));

    for (const RelationGroup g : {DependencyRelations, OwnershipRelations, PartOfRelations, ProvidedApiRelations,
                                  ConsumedApiRelations, MembershipRelations, HierarchyRelations, AllRelations}) {
        quint32 parsed = 0;
        QString error;
        QVERIFY(relationGroupsFromNames(QStringList{relationGroupName(g)}, &parsed, &error));
        QCOMPARE(parsed, quint32(g));
    }
    QCOMPARE(relationGroupName(DependencyRelations), QStringLiteral("dependencies"));
    QCOMPARE(relationGroupName(PartOfRelations), QStringLiteral("part-of"));
    QCOMPARE(groups("apis"), quint32(ProvidedApiRelations | ConsumedApiRelations));
    QCOMPARE(groups("Dependencies ownership,membership"),
             quint32(DependencyRelations | OwnershipRelations | MembershipRelations));
    QCOMPARE(groups("dependsOn ownerOf"), quint32(DependencyRelations | OwnershipRelations));
    QCOMPARE(groups(""), quint32(0));

    quint32 parsed = 123;
    QString error;
    QVERIFY(!relationGroupsFromNames(QStringList{QStringLiteral("dependencies"), QStringLiteral("friends")}, &parsed,
                                     &error));
    QVERIFY2(error.contains(QLatin1String("\"friends\"")), qPrintable(error));
    QCOMPARE(parsed, quint32(123)); // untouched on failure
}

void TestEntityGraph::largeCatalog()
{
    // 50,000 components in 50 systems and 40 teams that exist, each depending on two others.
    constexpr int count = 50000;
    QByteArray yaml;
    yaml.reserve(count * 260);
    for (int s = 0; s < 50; ++s) {
        yaml += "---\napiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: sys-" +
                QByteArray::number(s) + "\nspec:\n  owner: team-" + QByteArray::number(s % 40) + "\n";
    }
    for (int t = 0; t < 40; ++t) {
        yaml += "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-" +
                QByteArray::number(t) + "\nspec:\n  type: team\n  children: []\n";
    }
    for (int i = 0; i < count; ++i) {
        yaml += "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: c-" +
                QByteArray::number(i) + "\nspec:\n  type: service\n  lifecycle: production\n  owner: team-" +
                QByteArray::number(i % 40) + "\n  system: sys-" + QByteArray::number(i % 50) +
                "\n  dependsOn: [component:c-" + QByteArray::number((i + count - 1) / 2 % count) + ", component:c-" +
                QByteArray::number((i * 7 + 3) % count) + "]\n";
    }
    const CatalogPtr big = Gantry::Tests::catalogFromYaml(yaml);
    QCOMPARE(big->size(), count + 90);

    struct Case
    {
        const char *name;
        Mode mode;
        quint32 relations;
        int maxNodes;
    };
    for (const Case &c : {Case{"neighbours, all relations", Mode::Neighbours, AllRelations, 0},
                          Case{"neighbours, truncated at 1500", Mode::Neighbours, AllRelations, 1500},
                          Case{"blast radius", Mode::BlastRadius, DependencyRelations, 0},
                          Case{"needs", Mode::Needs, DependencyRelations, 0}}) {
        GraphQuery q;
        q.focus = QStringList{QStringLiteral("component:default/c-1")};
        q.mode = c.mode;
        q.depth = -1;
        q.relations = c.relations;
        q.maxNodes = c.maxNodes;
        // Correctness at scale only: speed is measured by tests/bench, never by a timed test.
        const GraphSelection s = EntityGraph::select(*big, q);
        qInfo("%s: %d nodes, %d edges, %d matched", c.name, int(s.nodes.size()), int(s.edges.size()), s.matched);
        QVERIFY(s.error.isEmpty());
        QVERIFY(s.matched > 1000);
        if (c.maxNodes == 0 && c.mode == Mode::Neighbours) {
            QCOMPARE(int(s.nodes.size()), count + 90);
            // 2 ownedBy/partOf + 2 dependsOn per component (duplicates collapse), 50 system owners.
            QVERIFY(int(s.edges.size()) >= 3 * count);
        }
    }
}

QTEST_GUILESS_MAIN(TestEntityGraph)
#include "tst_entitygraph.moc"
