#include "models/graph/layeredlayout.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace Gantry::Graph;
using Direction = LayoutInput::Direction;

namespace {

QRectF nodeRect(const LayoutInput &in, const LayoutResult &out, int v)
{
    const QSizeF s = in.nodeSizes[size_t(v)];
    const QPointF c = out.nodeCentres[size_t(v)];
    return {c.x() - s.width() / 2, c.y() - s.height() / 2, s.width(), s.height()};
}

// On the rectangle's border, within `tolerance`.
bool onBorder(const QRectF &r, QPointF p, double tolerance = 1.0)
{
    const bool inOuter = r.adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(p);
    const QRectF inner = r.adjusted(tolerance, tolerance, -tolerance, -tolerance);
    return inOuter && !(inner.isValid() && inner.contains(p));
}

double along(Direction d, QPointF p)
{
    return d == Direction::LeftRight ? p.x() : p.y();
}

double across(Direction d, QPointF p)
{
    return d == Direction::LeftRight ? p.y() : p.x();
}

double acrossSize(Direction d, QSizeF s)
{
    return d == Direction::LeftRight ? s.height() : s.width();
}

// Everything a drawing relies on; returns the first violation, or an empty string.
QString checkLayout(const LayoutInput &in, const LayoutResult &out)
{
    const int n = int(in.nodeSizes.size());
    if (out.cancelled) {
        return QStringLiteral("cancelled");
    }
    if (int(out.nodeCentres.size()) != n || out.edgePaths.size() != in.edges.size()) {
        return QStringLiteral("result sizes differ from the input");
    }
    for (int v = 0; v < n; ++v) {
        const QPointF c = out.nodeCentres[size_t(v)];
        if (!std::isfinite(c.x()) || !std::isfinite(c.y())) {
            return QStringLiteral("node %1 has no finite centre").arg(v);
        }
        const QRectF slack = out.bounds.adjusted(-0.01, -0.01, 0.01, 0.01);
        if (!slack.contains(nodeRect(in, out, v).topLeft()) || !slack.contains(nodeRect(in, out, v).bottomRight())) {
            return QStringLiteral("node %1 outside the bounds").arg(v);
        }
    }
    // No two nodes overlap; nodes of one layer keep the separation.
    for (int a = 0; a < n; ++a) {
        for (int b = a + 1; b < n; ++b) {
            const QRectF ra = nodeRect(in, out, a);
            const QRectF rb = nodeRect(in, out, b);
            if (ra.intersected(rb).width() > 1e-6 && ra.intersected(rb).height() > 1e-6) {
                return QStringLiteral("nodes %1 and %2 overlap").arg(a).arg(b);
            }
            const QPointF ca = out.nodeCentres[size_t(a)];
            const QPointF cb = out.nodeCentres[size_t(b)];
            if (std::abs(along(in.direction, ca) - along(in.direction, cb)) < 1e-9) {
                const double need = (acrossSize(in.direction, in.nodeSizes[size_t(a)]) +
                                     acrossSize(in.direction, in.nodeSizes[size_t(b)])) /
                                        2 +
                                    in.nodeSeparation;
                if (std::abs(across(in.direction, ca) - across(in.direction, cb)) < need - 1e-6) {
                    return QStringLiteral("nodes %1 and %2 of one layer closer than the separation").arg(a).arg(b);
                }
            }
        }
    }
    for (size_t e = 0; e < in.edges.size(); ++e) {
        const auto &edge = in.edges[e];
        const auto &path = out.edgePaths[e];
        if (path.size() < 2) {
            return QStringLiteral("edge %1 has no path").arg(e);
        }
        for (const QPointF &p : path) {
            if (!std::isfinite(p.x()) || !std::isfinite(p.y())) {
                return QStringLiteral("edge %1 has a non-finite point").arg(e);
            }
        }
        if (!onBorder(nodeRect(in, out, edge.from), path.front())) {
            return QStringLiteral("edge %1 does not start on its source's border").arg(e);
        }
        if (!onBorder(nodeRect(in, out, edge.to), path.back())) {
            return QStringLiteral("edge %1 does not end on its target's border").arg(e);
        }
    }
    return {};
}

LayoutInput randomGraph(QRandomGenerator &random, int nodes, int edges)
{
    LayoutInput in;
    for (int i = 0; i < nodes; ++i) {
        in.nodeSizes.emplace_back(20 + random.bounded(200), 10 + random.bounded(60));
    }
    for (int i = 0; i < edges && nodes > 0; ++i) {
        in.edges.push_back({int(random.bounded(nodes)), int(random.bounded(nodes))});
    }
    in.direction = random.bounded(2) ? Direction::LeftRight : Direction::TopBottom;
    return in;
}

bool samePath(const std::vector<QPointF> &a, const std::vector<QPointF> &b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (size_t i = 0; i < a.size(); ++i) {
        if (QLineF(a[i], b[i]).length() > 0.5) {
            return false;
        }
    }
    return true;
}

} // namespace

class TestLayeredLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyGraph()
    {
        const LayoutResult out = layeredLayout(LayoutInput{});
        QVERIFY(out.nodeCentres.empty());
        QVERIFY(out.edgePaths.empty());
        QVERIFY(!out.cancelled);
    }

    void singleNode()
    {
        LayoutInput in;
        in.nodeSizes = {QSizeF(120, 40)};
        const LayoutResult out = layeredLayout(in);
        QCOMPARE(checkLayout(in, out), QString());
        QVERIFY(out.bounds.width() >= 120 && out.bounds.height() >= 40);
    }

    void chainFlowsAlongTheDirection_data()
    {
        QTest::addColumn<Direction>("direction");
        QTest::newRow("left-right") << Direction::LeftRight;
        QTest::newRow("top-bottom") << Direction::TopBottom;
    }
    void chainFlowsAlongTheDirection()
    {
        QFETCH(Direction, direction);
        // A DAG with a long edge (0 -> 3) that needs dummy nodes, and a diamond.
        LayoutInput in;
        in.direction = direction;
        in.nodeSizes.assign(6, QSizeF(150, 40));
        in.edges = {{0, 1}, {1, 2}, {2, 3}, {0, 3}, {1, 4}, {4, 3}, {3, 5}};
        const LayoutResult out = layeredLayout(in);
        QCOMPARE(checkLayout(in, out), QString());
        for (size_t e = 0; e < in.edges.size(); ++e) {
            const auto &path = out.edgePaths[e];
            for (size_t i = 1; i < path.size(); ++i) {
                QVERIFY2(along(direction, path[i]) >= along(direction, path[i - 1]) - 1e-6,
                         qPrintable(QStringLiteral("edge %1 goes backwards").arg(e)));
            }
            QVERIFY(along(direction, out.nodeCentres[size_t(in.edges[e].to)]) >
                    along(direction, out.nodeCentres[size_t(in.edges[e].from)]));
        }
        // The long edge passes its dummy positions: more than two points.
        QVERIFY(out.edgePaths[3].size() > 2);
    }

    void cyclesKeepTheirDirection()
    {
        LayoutInput in;
        in.nodeSizes.assign(4, QSizeF(100, 30));
        in.edges = {{0, 1}, {1, 2}, {2, 0}, {2, 3}};
        const LayoutResult out = layeredLayout(in);
        QCOMPARE(checkLayout(in, out), QString());
        int backwards = 0;
        for (const auto &edge : in.edges) {
            backwards += along(in.direction, out.nodeCentres[size_t(edge.to)]) <
                                 along(in.direction, out.nodeCentres[size_t(edge.from)])
                             ? 1
                             : 0;
        }
        QCOMPARE(backwards, 1); // one edge of the 3-cycle is drawn against the flow, the rest follow it
    }

    void parallelReverseAndSelfEdgesAreDistinct_data() { chainFlowsAlongTheDirection_data(); }
    void parallelReverseAndSelfEdgesAreDistinct()
    {
        QFETCH(Direction, direction);
        LayoutInput in;
        in.direction = direction;
        in.nodeSizes = {QSizeF(140, 40), QSizeF(100, 30), QSizeF(80, 30), QSizeF(0, 0)};
        // 3 parallel 0->1, the reverse 1->0, two self-loops on 1, a reverse pair 2<->3 whose
        // node 3 has no size at all, and 0->2 twice across a longer distance.
        in.edges = {{0, 1}, {0, 1}, {0, 1}, {1, 0}, {1, 1}, {1, 1}, {2, 3}, {3, 2}, {0, 2}, {1, 2}, {0, 2}};
        const LayoutResult out = layeredLayout(in);
        QCOMPARE(checkLayout(in, out), QString());
        for (size_t a = 0; a < in.edges.size(); ++a) {
            for (size_t b = a + 1; b < in.edges.size(); ++b) {
                QVERIFY2(!samePath(out.edgePaths[a], out.edgePaths[b]),
                         qPrintable(QStringLiteral("edges %1 and %2 are drawn on top of each other").arg(a).arg(b)));
            }
        }
        // A reverse edge runs the other way: it starts where the forward ones end.
        const QRectF r0 = nodeRect(in, out, 0);
        const QRectF r1 = nodeRect(in, out, 1);
        QVERIFY(onBorder(r1, out.edgePaths[3].front()));
        QVERIFY(onBorder(r0, out.edgePaths[3].back()));
        // Self-loops leave the node and come back.
        for (const size_t e : {size_t(4), size_t(5)}) {
            const auto &path = out.edgePaths[e];
            QVERIFY(path.size() >= 3);
            bool leaves = false;
            for (const QPointF &p : path) {
                leaves = leaves || !r1.adjusted(-1, -1, 1, 1).contains(p);
            }
            QVERIFY(leaves);
        }
    }

    void componentsSideBySide()
    {
        LayoutInput in;
        in.nodeSizes.assign(9, QSizeF(120, 40));
        in.edges = {{0, 1}, {1, 2}, {3, 4}, {5, 6}, {6, 5}};
        const LayoutResult out = layeredLayout(in);
        QCOMPARE(checkLayout(in, out), QString()); // includes: no two nodes overlap
    }

    void invalidEdgesAreIgnored()
    {
        LayoutInput in;
        in.nodeSizes.assign(2, QSizeF(50, 20));
        in.edges = {{0, 1}, {0, 7}, {-1, 1}};
        const LayoutResult out = layeredLayout(in);
        QCOMPARE(out.edgePaths.size(), size_t(3));
        QVERIFY(out.edgePaths[0].size() >= 2);
        QVERIFY(out.edgePaths[1].empty());
        QVERIFY(out.edgePaths[2].empty());
    }

    void deterministic()
    {
        QRandomGenerator random(7);
        const LayoutInput in = randomGraph(random, 300, 600);
        const LayoutResult a = layeredLayout(in);
        const LayoutResult b = layeredLayout(in);
        QCOMPARE(a.nodeCentres, b.nodeCentres);
        QCOMPARE(a.edgePaths, b.edgePaths);
        QCOMPARE(a.bounds, b.bounds);
    }

    void randomGraphs()
    {
        QRandomGenerator random(20261128);
        for (int i = 0; i < 1000; ++i) {
            const int nodes = int(random.bounded(1, 40));
            const int edges = int(random.bounded(nodes * 3 + 1));
            LayoutInput in = randomGraph(random, nodes, edges);
            in.nodeSeparation = double(random.bounded(60));
            in.layerSeparation = double(random.bounded(120));
            const LayoutResult out = layeredLayout(in);
            const QString problem = checkLayout(in, out);
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("graph %1: %2").arg(i).arg(problem)));
        }
    }

    void largeGraphIsSane()
    {
        QRandomGenerator random(99);
        LayoutInput in;
        // A sparse, mostly acyclic graph like a service catalog: edges point to lower indexes.
        for (int i = 0; i < 2000; ++i) {
            in.nodeSizes.emplace_back(160, 48);
        }
        for (int i = 1; i < 2000; ++i) {
            in.edges.push_back({i, int(random.bounded(i))});
            if (random.bounded(2)) {
                in.edges.push_back({i, int(random.bounded(i))});
            }
        }
        const LayoutResult out = layeredLayout(in);
        QCOMPARE(out.nodeCentres.size(), size_t(2000));
        for (size_t e = 0; e < in.edges.size(); ++e) {
            QVERIFY(out.edgePaths[e].size() >= 2);
            QVERIFY(onBorder(nodeRect(in, out, in.edges[e].from), out.edgePaths[e].front()));
            QVERIFY(onBorder(nodeRect(in, out, in.edges[e].to), out.edgePaths[e].back()));
            // Acyclic input: every edge points along the direction.
            QVERIFY(out.nodeCentres[size_t(in.edges[e].to)].x() > out.nodeCentres[size_t(in.edges[e].from)].x());
        }
    }

    void cancellation()
    {
        QRandomGenerator random(3);
        const LayoutInput in = randomGraph(random, 500, 1000);
        std::atomic_bool cancel{true};
        const LayoutResult out = layeredLayout(in, &cancel);
        QVERIFY(out.cancelled);
        cancel = false;
        QVERIFY(!layeredLayout(in, &cancel).cancelled);
    }
};

QTEST_GUILESS_MAIN(TestLayeredLayout)
#include "tst_layeredlayout.moc"
