// layOutSelection and the drawing's geometry: every node gets a box, every edge a path (parallel
// and reverse edges too), text and styles per kind, determinism and cancellation. The selection is
// made by hand so these tests do not depend on EntityGraph.
#include "models/graph/graphdrawing.h"
#include "tests/unit/catalogtestutil.h"

#include <QSet>
#include <QTest>

using namespace Gantry;
using namespace Gantry::Graph;
using Catalog::GraphEdge;
using Catalog::GraphNode;
using Catalog::GraphSelection;
using Catalog::RelationType;
using Direction = LayoutInput::Direction;

namespace {

const QString checkout = QStringLiteral("component:default/checkout");
const QString cart = QStringLiteral("component:default/cart");
const QString checkoutApi = QStringLiteral("api:default/checkout-api");
const QString ordersDb = QStringLiteral("resource:default/orders-db");
const QString shop = QStringLiteral("system:default/shop");
const QString teamA = QStringLiteral("group:default/team-a");
const QString missing = QStringLiteral("component:default/missing-thing");
const QString billing = QStringLiteral("component:ops/billing");

GraphSelection selectionOf(const Catalog::Catalog &catalog, const QStringList &refs,
                           const std::vector<GraphEdge> &edges)
{
    GraphSelection s;
    for (const QString &ref : refs) {
        GraphNode n;
        n.ref = ref;
        n.entity = catalog.indexOf(ref);
        n.focus = ref == checkout;
        s.nodes.push_back(n);
    }
    s.edges = edges;
    s.matched = int(refs.size());
    return s;
}

// The sample organisation with a dangling dependency, a cycle (checkout <-> orders-db), a relation
// pair in both directions (ownedBy/ownerOf) and two parallel edges (cart -> checkout).
GraphSelection sampleSelection(const Catalog::Catalog &catalog)
{
    const QStringList refs = {checkout, cart, checkoutApi, ordersDb, shop, teamA, missing, billing};
    GraphSelection s = selectionOf(catalog, refs,
                                   {
                                       {0, 3, RelationType::DependsOn, true},
                                       {0, 2, RelationType::ProvidesApi, false},
                                       {1, 2, RelationType::ConsumesApi, false},
                                       {1, 6, RelationType::DependsOn, false},
                                       {0, 4, RelationType::PartOf, false},
                                       {0, 5, RelationType::OwnedBy, false},
                                       {5, 0, RelationType::OwnerOf, false},
                                       {1, 0, RelationType::DependsOn, false},
                                       {1, 0, RelationType::ConsumesApi, false},
                                       {3, 0, RelationType::DependsOn, true},
                                       {7, 1, RelationType::DependsOn, false},
                                   });
    s.nodes[0].inCycle = true;
    s.nodes[3].inCycle = true;
    return s;
}

qreal distanceToRect(const QPointF &p, const QRectF &r)
{
    const qreal dx = std::max({r.left() - p.x(), 0.0, p.x() - r.right()});
    const qreal dy = std::max({r.top() - p.y(), 0.0, p.y() - r.bottom()});
    return std::hypot(dx, dy);
}

} // namespace

class TestGraphDrawing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void kindStyles();
    void everyNodeAndEdgeIsPlaced_data();
    void everyNodeAndEdgeIsPlaced();
    void nodeText();
    void parallelAndReverseEdgesAreKept();
    void flowFollowsTheDirection_data();
    void flowFollowsTheDirection();
    void sizesComeFromCharacterCounts();
    void deterministic();
    void selfLoopGetsAPath();
    void cancel();
    void truncationIsCopied();
    void emptySelection();
    void edgeShapePassesThroughThePath();
    void hitShapes();

private:
    Catalog::CatalogPtr m_catalog;
};

void TestGraphDrawing::initTestCase()
{
    m_catalog = Tests::catalogFromYaml(Tests::sampleCatalogYaml());
    QVERIFY(m_catalog);
    for (const QString &ref : {checkout, cart, checkoutApi, ordersDb, shop, teamA, billing}) {
        QVERIFY2(m_catalog->indexOf(ref) >= 0, qPrintable(ref));
    }
    QCOMPARE(m_catalog->indexOf(missing), -1);
}

void TestGraphDrawing::kindStyles()
{
    QSet<int> shapes;
    QSet<QRgb> colours;
    for (const QString &kind : Catalog::knownKinds()) {
        const KindStyle style = kindStyle(kind);
        shapes.insert(int(style.shape));
        colours.insert(style.colour.rgb());
        QCOMPARE(style.icon, QStringLiteral(":/icons/kind-%1.svg").arg(kind.toLower()));
        // Case does not matter: "component" and "Component" look the same.
        QCOMPARE(kindStyle(kind.toLower()).shape, style.shape);
        QCOMPARE(kindStyle(kind.toUpper()).colour, style.colour);
        // Fills are light enough for dark text, borders dark enough to see on white.
        QVERIFY2(style.fillColour().lightness() > 200, qPrintable(kind));
        QVERIFY2(style.borderColour().lightness() < 160, qPrintable(kind));
    }
    const KindStyle unknown = kindStyle(QStringLiteral("Widget"));
    shapes.insert(int(unknown.shape));
    colours.insert(unknown.colour.rgb());
    QCOMPARE(unknown.icon, QStringLiteral(":/icons/kind-entity.svg"));
    // Nine kinds and the unknown kind: each its own shape and colour.
    QCOMPARE(shapes.size(), 10);
    QCOMPARE(colours.size(), 10);
}

void TestGraphDrawing::everyNodeAndEdgeIsPlaced_data()
{
    QTest::addColumn<Direction>("direction");
    QTest::newRow("left-right") << Direction::LeftRight;
    QTest::newRow("top-bottom") << Direction::TopBottom;
}

void TestGraphDrawing::everyNodeAndEdgeIsPlaced()
{
    QFETCH(Direction, direction);
    const GraphSelection selection = sampleSelection(*m_catalog);
    const GraphDrawing drawing = layOutSelection(*m_catalog, selection, direction);
    QVERIFY(!drawing.cancelled);
    QCOMPARE(drawing.direction, direction);
    QCOMPARE(drawing.nodes.size(), selection.nodes.size());
    QCOMPARE(drawing.edges.size(), selection.edges.size());

    for (size_t i = 0; i < drawing.nodes.size(); ++i) {
        const DrawnNode &node = drawing.nodes[i];
        QCOMPARE(node.ref, selection.nodes[i].ref);
        QVERIFY2(node.rect.isValid(), qPrintable(node.ref));
        QVERIFY(node.rect.width() >= 120);
        QVERIFY(node.rect.height() >= 48);
        QVERIFY2(drawing.bounds.contains(node.rect), qPrintable(node.ref));
        QCOMPARE(drawing.indexOf(node.ref), int(i));
        for (size_t j = 0; j < i; ++j) {
            QVERIFY2(!node.rect.intersects(drawing.nodes[j].rect),
                     qPrintable(node.ref + QStringLiteral(" overlaps ") + drawing.nodes[j].ref));
        }
    }
    for (size_t i = 0; i < drawing.edges.size(); ++i) {
        const DrawnEdge &edge = drawing.edges[i];
        const GraphEdge &in = selection.edges[i];
        const QString name = QString::number(i) + QLatin1Char(' ') + edge.label;
        QCOMPARE(edge.from, in.from);
        QCOMPARE(edge.to, in.to);
        QCOMPARE(edge.type, in.type);
        QCOMPARE(edge.inCycle, in.inCycle);
        QCOMPARE(edge.label, Catalog::relationTypeName(in.type));
        QVERIFY2(edge.path.size() >= 2, qPrintable(name));
        for (const QPointF &p : edge.path) {
            QVERIFY2(drawing.bounds.contains(p), qPrintable(name));
        }
        // From the source's border to the target's border.
        QVERIFY2(distanceToRect(edge.path.front(), drawing.nodes[size_t(edge.from)].rect) < 2, qPrintable(name));
        QVERIFY2(distanceToRect(edge.path.back(), drawing.nodes[size_t(edge.to)].rect) < 2, qPrintable(name));
        QVERIFY2(drawing.bounds.contains(GraphPainter::edgeLabelRect(edge)), qPrintable(name));
    }
}

void TestGraphDrawing::nodeText()
{
    const GraphDrawing drawing = layOutSelection(*m_catalog, sampleSelection(*m_catalog), Direction::LeftRight);
    const DrawnNode &c = drawing.nodes[size_t(drawing.indexOf(checkout))];
    QCOMPARE(c.title, QStringLiteral("Checkout Service")); // metadata.title
    QCOMPARE(c.kind, QStringLiteral("Component"));
    QCOMPARE(c.owner, QStringLiteral("team-a"));
    QCOMPARE(c.subtitle(), QStringLiteral("Component · team-a"));
    QVERIFY(c.focus);
    QVERIFY(c.inCycle);
    QVERIFY(!c.missing);

    const DrawnNode &crt = drawing.nodes[size_t(drawing.indexOf(cart))];
    QCOMPARE(crt.title, QStringLiteral("cart")); // no title: the name
    QCOMPARE(crt.owner, QStringLiteral("team-b"));
    QVERIFY(!crt.focus);

    const DrawnNode &b = drawing.nodes[size_t(drawing.indexOf(billing))];
    QCOMPARE(b.title, QStringLiteral("Legacy Billing"));
    QCOMPARE(b.owner, QStringLiteral("team-b"));

    const DrawnNode &team = drawing.nodes[size_t(drawing.indexOf(teamA))];
    QCOMPARE(team.kind, QStringLiteral("Group"));
    QCOMPARE(team.subtitle(), QStringLiteral("Group")); // groups have no owner

    // A dangling reference is drawn with its ref as title and the kind from the ref.
    const DrawnNode &m = drawing.nodes[size_t(drawing.indexOf(missing))];
    QVERIFY(m.missing);
    QCOMPARE(m.title, missing);
    QCOMPARE(m.kind, QStringLiteral("Component"));
    QVERIFY(m.owner.isEmpty());
}

void TestGraphDrawing::parallelAndReverseEdgesAreKept()
{
    const GraphDrawing drawing = layOutSelection(*m_catalog, sampleSelection(*m_catalog), Direction::LeftRight);
    const int c = drawing.indexOf(checkout);
    const int t = drawing.indexOf(teamA);
    const int crt = drawing.indexOf(cart);
    std::vector<const DrawnEdge *> pair;
    std::vector<const DrawnEdge *> parallel;
    for (const DrawnEdge &e : drawing.edges) {
        if ((e.from == c && e.to == t) || (e.from == t && e.to == c)) {
            pair.push_back(&e);
        }
        if (e.from == crt && e.to == c) {
            parallel.push_back(&e);
        }
    }
    QCOMPARE(pair.size(), size_t(2));
    QCOMPARE(pair[0]->label, QStringLiteral("ownedBy"));
    QCOMPARE(pair[1]->label, QStringLiteral("ownerOf"));
    QCOMPARE(parallel.size(), size_t(2));
    QCOMPARE(parallel[0]->label, QStringLiteral("dependsOn"));
    QCOMPARE(parallel[1]->label, QStringLiteral("consumesApi"));
    // Two edges drawn on top of each other would look like one: each must be visible.
    QVERIFY(parallel[0]->path != parallel[1]->path);
    // ... and so would their labels, one on top of the other.
    QVERIFY(!GraphPainter::edgeLabelRect(*parallel[0]).intersects(GraphPainter::edgeLabelRect(*parallel[1])));
    QVERIFY(!GraphPainter::edgeLabelRect(*pair[0]).intersects(GraphPainter::edgeLabelRect(*pair[1])));
    std::vector<QPointF> reversed(pair[1]->path.rbegin(), pair[1]->path.rend());
    QVERIFY(pair[0]->path != reversed);
}

void TestGraphDrawing::flowFollowsTheDirection_data()
{
    QTest::addColumn<Direction>("direction");
    QTest::newRow("left-right") << Direction::LeftRight;
    QTest::newRow("top-bottom") << Direction::TopBottom;
}

void TestGraphDrawing::flowFollowsTheDirection()
{
    QFETCH(Direction, direction);
    // cart -> checkout -> orders-db, no cycle: each source before its target along the flow.
    const GraphSelection selection =
        selectionOf(*m_catalog, {cart, checkout, ordersDb},
                    {{0, 1, RelationType::DependsOn, false}, {1, 2, RelationType::DependsOn, false}});
    const GraphDrawing drawing = layOutSelection(*m_catalog, selection, direction);
    QCOMPARE(drawing.nodes.size(), size_t(3));
    const auto along = [direction](const DrawnNode &n) {
        return direction == Direction::LeftRight ? n.rect.center().x() : n.rect.center().y();
    };
    QVERIFY(along(drawing.nodes[0]) < along(drawing.nodes[1]));
    QVERIFY(along(drawing.nodes[1]) < along(drawing.nodes[2]));
}

void TestGraphDrawing::sizesComeFromCharacterCounts()
{
    const QString longRef = QStringLiteral("component:default/") + QString(200, QLatin1Char('x'));
    const GraphSelection selection = selectionOf(*m_catalog, {cart, checkout, longRef}, {});
    const GraphDrawing drawing = layOutSelection(*m_catalog, selection, Direction::LeftRight);
    QCOMPARE(drawing.nodes.size(), size_t(3));
    const QRectF shortNode = drawing.nodes[0].rect;
    const QRectF longerNode = drawing.nodes[1].rect;
    const QRectF huge = drawing.nodes[2].rect;
    // Nodes are never narrower than 120; long titles are capped (and elided when painted).
    QVERIFY(shortNode.width() >= 120);
    QVERIFY(longerNode.width() >= shortNode.width());
    QVERIFY(huge.width() > longerNode.width());
    QVERIFY(huge.width() <= 300);
    QCOMPARE(huge.height(), shortNode.height());
    // Whole pixels, from character counts rather than fonts: the same size on every machine.
    for (const DrawnNode &n : drawing.nodes) {
        QCOMPARE(n.rect.width(), std::round(n.rect.width()));
    }
}

void TestGraphDrawing::deterministic()
{
    const GraphSelection selection = sampleSelection(*m_catalog);
    const GraphDrawing a = layOutSelection(*m_catalog, selection, Direction::LeftRight);
    const GraphDrawing b = layOutSelection(*m_catalog, selection, Direction::LeftRight);
    QCOMPARE(a.nodes.size(), b.nodes.size());
    for (size_t i = 0; i < a.nodes.size(); ++i) {
        QCOMPARE(a.nodes[i].rect, b.nodes[i].rect);
    }
    for (size_t i = 0; i < a.edges.size(); ++i) {
        QVERIFY(a.edges[i].path == b.edges[i].path);
    }
    QCOMPARE(a.bounds, b.bounds);
}

void TestGraphDrawing::selfLoopGetsAPath()
{
    GraphSelection selection =
        selectionOf(*m_catalog, {checkout, ordersDb},
                    {{0, 0, RelationType::DependsOn, true}, {0, 1, RelationType::DependsOn, false}});
    selection.nodes[0].inCycle = true;
    const GraphDrawing drawing = layOutSelection(*m_catalog, selection, Direction::LeftRight);
    QCOMPARE(drawing.edges.size(), size_t(2));
    const DrawnEdge &loop = drawing.edges[0];
    QVERIFY(loop.path.size() >= 2);
    QVERIFY(loop.path.front() != loop.path.back()); // a visible loop, not a point
    QVERIFY(distanceToRect(loop.path.front(), drawing.nodes[0].rect) < 2);
    QVERIFY(distanceToRect(loop.path.back(), drawing.nodes[0].rect) < 2);
}

void TestGraphDrawing::cancel()
{
    const std::atomic_bool cancelled{true};
    const GraphDrawing drawing =
        layOutSelection(*m_catalog, sampleSelection(*m_catalog), Direction::LeftRight, &cancelled);
    QVERIFY(drawing.cancelled);

    const std::atomic_bool notCancelled{false};
    QVERIFY(!layOutSelection(*m_catalog, sampleSelection(*m_catalog), Direction::LeftRight, &notCancelled).cancelled);
}

void TestGraphDrawing::truncationIsCopied()
{
    GraphSelection selection = sampleSelection(*m_catalog);
    selection.truncated = true;
    selection.matched = 4000;
    const GraphDrawing drawing = layOutSelection(*m_catalog, selection, Direction::TopBottom);
    QVERIFY(drawing.truncated);
    QCOMPARE(drawing.matched, 4000);
}

void TestGraphDrawing::emptySelection()
{
    const GraphDrawing drawing = layOutSelection(*m_catalog, GraphSelection(), Direction::LeftRight);
    QVERIFY(drawing.nodes.empty());
    QVERIFY(drawing.edges.empty());
    QVERIFY(!drawing.cancelled);
    QCOMPARE(drawing.indexOf(checkout), -1);
}

void TestGraphDrawing::edgeShapePassesThroughThePath()
{
    DrawnEdge edge;
    edge.path = {QPointF(0, 0), QPointF(100, 50), QPointF(200, 0)};
    const QPainterPath shape = GraphPainter::edgeShape(edge);
    QCOMPARE(shape.elementAt(0).x, 0.0);
    QCOMPARE(shape.pointAtPercent(1.0), QPointF(200, 0)); // ends at the target's border
    // Smooth (cubic segments), yet through every point of the polyline.
    bool curved = false;
    for (int i = 0; i < shape.elementCount(); ++i) {
        curved = curved || shape.elementAt(i).isCurveTo();
    }
    QVERIFY(curved);
    qreal nearest = 1e9;
    for (int i = 0; i <= 200; ++i) {
        nearest = std::min(nearest, QLineF(shape.pointAtPercent(i / 200.0), QPointF(100, 50)).length());
    }
    QVERIFY2(nearest < 1.5, qPrintable(QString::number(nearest)));

    // Two points: a straight line; fewer: nothing to draw.
    edge.path = {QPointF(0, 0), QPointF(50, 0)};
    QCOMPARE(GraphPainter::edgeShape(edge).length(), 50.0);
    edge.path = {QPointF(3, 3)};
    QVERIFY(GraphPainter::edgePaintRect(edge).isEmpty());
}

void TestGraphDrawing::hitShapes()
{
    const GraphDrawing drawing = layOutSelection(*m_catalog, sampleSelection(*m_catalog), Direction::LeftRight);
    for (const DrawnNode &node : drawing.nodes) {
        const QPainterPath shape = GraphPainter::nodeShape(node);
        QVERIFY2(shape.contains(node.rect.center()), qPrintable(node.ref));
        QVERIFY(node.rect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(shape.boundingRect()));
        QVERIFY(GraphPainter::nodePaintRect(node).contains(node.rect));
    }
    for (const DrawnEdge &edge : drawing.edges) {
        QVERIFY(GraphPainter::edgePaintRect(edge).contains(GraphPainter::edgeLabelRect(edge)));
        QVERIFY(GraphPainter::edgePaintRect(edge).contains(edge.path.back()));
    }
}

QTEST_GUILESS_MAIN(TestGraphDrawing)
#include "tst_graphdrawing.moc"
