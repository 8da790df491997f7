#include "models/graph/graphdrawing.h"

#include "models/graph/nodegeometry.h"

#include <QHash>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcGraphDrawing, "gantry.graph.graphdrawing", QtWarningMsg)

namespace Gantry::Graph {

namespace {

using Shape = KindStyle::Shape;

// Okabe–Ito's colour-blind-safe palette, plus Paul Tol's wine for the ninth kind; unknown kinds are
// grey. Hues follow the kind icons where the palette allows. Shapes differ too, so no kind is told
// apart by colour alone.
const QHash<QString, KindStyle> &kindStyles()
{
    static const QHash<QString, KindStyle> styles = {
        {QStringLiteral("component"),
         {Shape::RoundedBox, QColor(0x00, 0x72, 0xB2), QStringLiteral(":/icons/kind-component.svg")}},
        {QStringLiteral("api"), {Shape::Hexagon, QColor(0xCC, 0x79, 0xA7), QStringLiteral(":/icons/kind-api.svg")}},
        {QStringLiteral("resource"),
         {Shape::Cylinder, QColor(0xE6, 0x9F, 0x00), QStringLiteral(":/icons/kind-resource.svg")}},
        {QStringLiteral("system"), {Shape::Tab, QColor(0x00, 0x9E, 0x73), QStringLiteral(":/icons/kind-system.svg")}},
        {QStringLiteral("domain"),
         {Shape::Octagon, QColor(0x56, 0xB4, 0xE9), QStringLiteral(":/icons/kind-domain.svg")}},
        {QStringLiteral("group"), {Shape::Ellipse, QColor(0x88, 0x22, 0x55), QStringLiteral(":/icons/kind-group.svg")}},
        {QStringLiteral("user"), {Shape::Pill, QColor(0xD5, 0x5E, 0x00), QStringLiteral(":/icons/kind-user.svg")}},
        {QStringLiteral("location"),
         {Shape::Parallelogram, QColor(0x00, 0x00, 0x00), QStringLiteral(":/icons/kind-location.svg")}},
        {QStringLiteral("template"),
         {Shape::Diamond, QColor(0xF0, 0xE4, 0x42), QStringLiteral(":/icons/kind-template.svg")}},
    };
    return styles;
}

// Text from YAML may hold newlines or control characters: one line, nothing XML cannot carry.
QString oneLine(const QString &text)
{
    QString s = text.simplified();
    for (QChar &c : s) {
        if (c.category() == QChar::Other_Control) {
            c = QLatin1Char(' ');
        }
    }
    return s;
}

// "group:default/team-a" -> "team-a"; "group:ops/team-b" -> "ops/team-b"; "user:default/jo" -> "user:jo".
QString shortOwner(const QString &ownerRef)
{
    if (ownerRef.isEmpty()) {
        return {};
    }
    const qsizetype colon = ownerRef.indexOf(QLatin1Char(':'));
    const QString kind = colon >= 0 ? ownerRef.left(colon) : QString();
    QString rest = ownerRef.mid(colon + 1);
    if (rest.startsWith(QLatin1String("default/"))) {
        rest = rest.mid(8);
    }
    return kind.isEmpty() || kind == QLatin1String("group") ? rest : kind + QLatin1Char(':') + rest;
}

// The kind of a dangling ref, spelled like the catalog's kinds where it is one of them.
QString kindOfRef(const QString &ref)
{
    const qsizetype colon = ref.indexOf(QLatin1Char(':'));
    const QString kind = colon > 0 ? ref.left(colon) : QString();
    for (const QString &known : Catalog::knownKinds()) {
        if (known.compare(kind, Qt::CaseInsensitive) == 0) {
            return known;
        }
    }
    return kind;
}

// Where the segment from the centre of `rect` towards `target` leaves the rect.
QPointF borderPoint(const QRectF &rect, const QPointF &target)
{
    const QPointF c = rect.center();
    const QPointF d = target - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y())) {
        return c;
    }
    const qreal tx = qFuzzyIsNull(d.x()) ? 1e9 : rect.width() / 2 / std::abs(d.x());
    const qreal ty = qFuzzyIsNull(d.y()) ? 1e9 : rect.height() / 2 / std::abs(d.y());
    return c + d * std::min({tx, ty, 1.0});
}

// Used only if the layout gave an edge no path: a straight line, or a loop beside a node.
std::vector<QPointF> fallbackPath(const QRectF &from, const QRectF &to)
{
    if (from == to) {
        const qreal x = from.right();
        const qreal y = from.center().y();
        return {QPointF(x, y - 8), QPointF(x + 28, y - 18), QPointF(x + 28, y + 18), QPointF(x, y + 8)};
    }
    return {borderPoint(from, to.center()), borderPoint(to, from.center())};
}

// Edges between the same two nodes (parallel, or a relation pair in both directions) run close
// together and their labels would pile up in the middle. On long curves, spread the labels along
// them; on short ones, stack them across the flow in the order the curves run, next to their lines.
void spreadLabels(GraphDrawing *drawing)
{
    QHash<QPair<int, int>, std::vector<size_t>> groups;
    for (size_t i = 0; i < drawing->edges.size(); ++i) {
        const DrawnEdge &e = drawing->edges[i];
        groups[qMakePair(std::min(e.from, e.to), std::max(e.from, e.to))].push_back(i);
    }
    const bool leftRight = drawing->direction == LayoutInput::Direction::LeftRight;
    for (std::vector<size_t> group : std::as_const(groups)) {
        if (group.size() < 2) {
            continue;
        }
        qreal shortest = 1e9;
        qreal widest = 0;
        qreal tallest = 0;
        for (const size_t i : group) {
            const DrawnEdge &e = drawing->edges[i];
            shortest = std::min(shortest, GraphPainter::edgeShape(e).length());
            const QRectF label = GraphPainter::edgeLabelRect(e);
            widest = std::max(widest, label.width());
            tallest = std::max(tallest, label.height());
        }
        const qreal n = qreal(group.size());
        const qreal along = (widest + 8) / std::max(shortest, 1.0);
        if (along * n <= 0.8) { // every label fits on the curve, clear of both nodes
            for (size_t k = 0; k < group.size(); ++k) {
                DrawnEdge &e = drawing->edges[group[k]];
                // Measured from each edge's own source, so reverse edges count from the other end.
                const qreal t = 0.5 + (qreal(k) - (n - 1) / 2) * along;
                e.labelAt = e.from == drawing->edges[group.front()].from ? t : 1 - t;
            }
            continue;
        }
        const auto across = [&](size_t i) {
            const QPointF mid = GraphPainter::edgeShape(drawing->edges[i]).pointAtPercent(0.5);
            return leftRight ? mid.y() : mid.x();
        };
        std::stable_sort(group.begin(), group.end(), [&](size_t a, size_t b) { return across(a) < across(b); });
        const qreal centre = (across(group.front()) + across(group.back())) / 2;
        const qreal pitch = leftRight ? tallest + 2 : widest + 4;
        for (size_t k = 0; k < group.size(); ++k) {
            DrawnEdge &e = drawing->edges[group[k]];
            const qreal offset = centre + (qreal(k) - (n - 1) / 2) * pitch - across(group[k]);
            e.labelOffset = leftRight ? QPointF(0, offset) : QPointF(offset, 0);
        }
    }
}

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

KindStyle kindStyle(const QString &kind)
{
    const auto &styles = kindStyles();
    const auto it = styles.constFind(kind.toLower());
    if (it != styles.constEnd()) {
        return *it;
    }
    return {Shape::Box, QColor(0x99, 0x99, 0x99), QStringLiteral(":/icons/kind-entity.svg")};
}

// Fixed colours, not the palette, so a dark theme and an export look the same.
QColor KindStyle::fillColour() const
{
    constexpr float amount = 0.16f; // of the colour, the rest white
    return QColor::fromRgbF(1 - (1 - colour.redF()) * amount, 1 - (1 - colour.greenF()) * amount,
                            1 - (1 - colour.blueF()) * amount);
}

QColor KindStyle::borderColour() const
{
    // Yellow and orange need more darkening than blue to stand out on white; black stays black.
    return colour.lightness() > 150 ? colour.darker(175) : colour.darker(125);
}

QString DrawnNode::subtitle() const
{
    if (owner.isEmpty()) {
        return kind;
    }
    return kind.isEmpty() ? owner : kind + QStringLiteral(" · ") + owner;
}

int GraphDrawing::indexOf(const QString &ref) const
{
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].ref == ref) {
            return int(i);
        }
    }
    return -1;
}

GraphDrawing layOutSelection(const Catalog::Catalog &catalog, const Catalog::GraphSelection &selection,
                             LayoutInput::Direction direction, const std::atomic_bool *cancel)
{
    GraphDrawing drawing;
    drawing.direction = direction;
    drawing.truncated = selection.truncated;
    drawing.matched = selection.matched;

    LayoutInput input;
    input.direction = direction;
    drawing.nodes.reserve(selection.nodes.size());
    input.nodeSizes.reserve(selection.nodes.size());
    for (const Catalog::GraphNode &n : selection.nodes) {
        DrawnNode node;
        node.ref = n.ref;
        node.focus = n.focus;
        node.inCycle = n.inCycle;
        const Catalog::Entity *entity =
            n.entity >= 0 && n.entity < catalog.size() ? &catalog.entities()[size_t(n.entity)] : catalog.entity(n.ref);
        if (entity) {
            node.title = oneLine(entity->displayName());
            node.kind = oneLine(entity->kind);
            node.owner = oneLine(shortOwner(entity->owner));
        } else {
            node.missing = true;
            node.title = oneLine(n.ref);
            node.kind = kindOfRef(n.ref);
        }
        input.nodeSizes.push_back(NodeGeometry::nodeSize(kindStyle(node.kind).shape, node.title, node.subtitle()));
        drawing.nodes.push_back(std::move(node));
    }

    const int nodeCount = int(drawing.nodes.size());
    input.edges.reserve(selection.edges.size());
    drawing.edges.reserve(selection.edges.size());
    for (const Catalog::GraphEdge &e : selection.edges) {
        if (e.from < 0 || e.from >= nodeCount || e.to < 0 || e.to >= nodeCount) {
            qCWarning(lcGraphDrawing) << "dropping an edge with a node index out of range:" << e.from << e.to;
            continue;
        }
        DrawnEdge edge;
        edge.from = e.from;
        edge.to = e.to;
        edge.type = e.type;
        edge.label = Catalog::relationTypeName(e.type);
        edge.inCycle = e.inCycle;
        input.edges.push_back({e.from, e.to});
        drawing.edges.push_back(std::move(edge));
    }

    if (isCancelled(cancel)) {
        drawing.cancelled = true;
        return drawing;
    }
    const LayoutResult layout = layeredLayout(input, cancel);
    if (layout.cancelled || isCancelled(cancel)) {
        drawing.cancelled = true;
        return drawing;
    }

    if (layout.nodeCentres.size() != drawing.nodes.size()) {
        // A layout bug must not lose nodes: put them on a grid rather than nowhere.
        qCWarning(lcGraphDrawing) << "the layout placed" << layout.nodeCentres.size() << "of" << drawing.nodes.size()
                                  << "nodes";
    }
    const int columns = std::max(1, int(std::ceil(std::sqrt(double(nodeCount)))));
    for (int i = 0; i < nodeCount; ++i) {
        const QSizeF size = input.nodeSizes[size_t(i)];
        const QPointF centre = size_t(i) < layout.nodeCentres.size()
                                   ? layout.nodeCentres[size_t(i)]
                                   : QPointF((i % columns) * 320.0, (i / columns) * 120.0);
        drawing.nodes[size_t(i)].rect = QRectF(centre - QPointF(size.width() / 2, size.height() / 2), size);
    }

    for (size_t i = 0; i < drawing.edges.size(); ++i) {
        DrawnEdge &edge = drawing.edges[i];
        if (i < layout.edgePaths.size() && layout.edgePaths[i].size() >= 2) {
            edge.path = layout.edgePaths[i];
        } else {
            qCWarning(lcGraphDrawing) << "the layout gave edge" << i << "no path";
            edge.path = fallbackPath(drawing.nodes[size_t(edge.from)].rect, drawing.nodes[size_t(edge.to)].rect);
        }
    }

    spreadLabels(&drawing);

    // The layout's bounds cover node boxes and paths; add what painting adds around them
    // (selection halos, curves bulging past their polyline, labels).
    QRectF bounds = layout.bounds;
    for (const DrawnNode &node : drawing.nodes) {
        bounds |= GraphPainter::nodePaintRect(node);
    }
    for (const DrawnEdge &edge : drawing.edges) {
        bounds |= GraphPainter::edgePaintRect(edge);
    }
    drawing.bounds = bounds;
    return drawing;
}

} // namespace Gantry::Graph
