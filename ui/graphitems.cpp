#include "ui/graphitems.h"

#include <QHash>
#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace Gantry::Ui {

using Graph::GraphPainter;

namespace {
// An edge whose paint rectangle is larger than this (scene units) is drawn the fast way.
constexpr qreal LongEdge = 2500;
// Edge labels everywhere only while they can stay legible; with more edges, only hot ones.
constexpr size_t MaxLabelledEdges = 24;
const QColor EdgeColour(0x5A, 0x60, 0x6B);  // GraphPainter's edge colour
const QColor CycleColour(0xC8, 0x10, 0x2E); // GraphPainter's cycle colour

QPen cosmeticPen(const QColor &colour, qreal width)
{
    QPen pen(colour, width);
    pen.setCosmetic(true);
    return pen;
}
} // namespace

void GraphSceneState::prepare(const QPalette &palette)
{
    const size_t nodes = drawing ? drawing->nodes.size() : 0;
    const size_t edges = drawing ? drawing->edges.size() : 0;
    nodeState.assign(nodes, GraphPainter::Normal);
    edgeState.assign(edges, GraphPainter::Normal);
    nodeBrush.clear();
    nodeDimBrush.clear();
    nodeBrush.reserve(nodes);
    nodeDimBrush.reserve(nodes);
    // One brush per kind, shared by every node of that kind (QBrush is implicitly shared).
    QHash<QString, std::pair<QBrush, QBrush>> byKind;
    for (size_t i = 0; i < nodes; ++i) {
        const QString &kind = drawing->nodes[i].kind;
        auto it = byKind.find(kind);
        if (it == byKind.end()) {
            QColor colour = Graph::kindStyle(kind).colour;
            if (!colour.isValid()) {
                colour = palette.color(QPalette::Mid);
            }
            QColor dim = colour;
            dim.setAlphaF(0.18f);
            it = byKind.insert(kind, {QBrush(colour), QBrush(dim)});
        }
        nodeBrush.push_back(it->first);
        nodeDimBrush.push_back(it->second);
    }
    const QColor text = palette.color(QPalette::WindowText);
    QColor edge = text;
    edge.setAlphaF(0.45f);
    QColor dimEdge = text;
    dimEdge.setAlphaF(0.08f);
    edgePen = cosmeticPen(edge, 1);
    edgeDimPen = cosmeticPen(dimEdge, 1);
    edgeHotPen = cosmeticPen(palette.color(QPalette::Highlight), 2);
    edgeCyclePen = cosmeticPen(QColor(0xe5, 0x48, 0x4d), 1.5);
    outlinePen = cosmeticPen(palette.color(QPalette::Window).darker(140), 1);
    focusPen = cosmeticPen(text, 2.5);
    selectedPen = cosmeticPen(palette.color(QPalette::Highlight), 3);
}

GraphNodeItem::GraphNodeItem(const GraphSceneState *state, int index)
    : m_state(state)
    , m_index(index)
    , m_bounds(GraphPainter::nodePaintRect(state->drawing->nodes[size_t(index)]))
{
    setAcceptedMouseButtons(Qt::NoButton); // the view handles clicks, so dragging pans everywhere
    setZValue(1);
    // Text and the kind's SVG icon are the expensive part of a frame; panning reuses the pixmap.
    setCacheMode(QGraphicsItem::DeviceCoordinateCache);
}

QPainterPath GraphNodeItem::shape() const
{
    return GraphPainter::nodeShape(m_state->drawing->nodes[size_t(m_index)]);
}

void GraphNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const Graph::DrawnNode &node = m_state->drawing->nodes[size_t(m_index)];
    const quint8 state = m_state->nodeState[size_t(m_index)];
    const qreal scale = option->levelOfDetailFromTransform(painter->worldTransform());
    if (scale >= m_state->detailScale) {
        GraphPainter::paintNode(painter, node, state);
        return;
    }
    // Zoomed out: the kind's colour as a plain box, rings for focus and selection.
    painter->setRenderHint(QPainter::Antialiasing, false);
    const bool dimmed = state & GraphPainter::Dimmed;
    painter->setBrush(dimmed ? m_state->nodeDimBrush[size_t(m_index)] : m_state->nodeBrush[size_t(m_index)]);
    if (state & GraphPainter::Selected) {
        painter->setPen(m_state->selectedPen);
    } else if (node.focus || (state & GraphPainter::Hovered)) {
        painter->setPen(m_state->focusPen);
    } else if (node.inCycle && !dimmed) {
        painter->setPen(m_state->edgeCyclePen);
    } else {
        painter->setPen(dimmed ? Qt::NoPen : m_state->outlinePen);
    }
    painter->drawRect(node.rect);
}

GraphEdgeItem::GraphEdgeItem(const GraphSceneState *state, int index)
    : m_state(state)
    , m_index(index)
{
    const Graph::DrawnEdge &edge = state->drawing->edges[size_t(index)];
    m_bounds = GraphPainter::edgePaintRect(edge, true);
    // The zoomed-out polyline may stray from the curve's control points by its pen width.
    for (const QPointF &p : edge.path) {
        m_bounds |= QRectF(p - QPointF(2, 2), QSizeF(4, 4));
    }
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(0);
    m_long = (m_bounds.width() > LongEdge || m_bounds.height() > LongEdge) && edge.path.size() >= 2;
    if (m_long) {
        // The item asks for the exposed rectangle, to skip the pieces outside it.
        setFlag(QGraphicsItem::ItemUsesExtendedStyleOption);
        const QPainterPath path = GraphPainter::edgeShape(edge);
        QPointF last;
        for (int i = 0; i < path.elementCount(); ++i) {
            const QPainterPath::Element e = path.elementAt(i);
            if (e.isMoveTo()) {
                last = e;
            } else if (e.isLineTo()) {
                QPainterPath piece(last);
                piece.lineTo(e);
                m_pieces.push_back(piece);
                last = e;
            } else if (e.isCurveTo() && i + 2 < path.elementCount()) {
                const QPointF c2 = path.elementAt(i + 1);
                const QPointF end = path.elementAt(i + 2);
                QPainterPath piece(last);
                piece.cubicTo(e, c2, end);
                m_pieces.push_back(piece);
                last = end;
                i += 2;
            }
        }
        for (const QPainterPath &piece : m_pieces) {
            m_pieceBounds.push_back(piece.controlPointRect().adjusted(-3, -3, 3, 3));
        }
        // The arrowhead at the target, along the last segment.
        const QPointF tip = edge.path.back();
        QLineF back(tip, edge.path[edge.path.size() - 2]);
        if (back.length() > 0.01) {
            back.setLength(9);
            const QPointF side = QPointF(-(back.dy()), back.dx()) * 0.5;
            m_arrow << tip << back.p2() + side << back.p2() - side;
        }
    }
}

QPainterPath GraphEdgeItem::shape() const
{
    if (m_shape.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(6);
        m_shape = stroker.createStroke(GraphPainter::edgeShape(m_state->drawing->edges[size_t(m_index)]));
    }
    return m_shape;
}

void GraphEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const Graph::DrawnEdge &edge = m_state->drawing->edges[size_t(m_index)];
    const quint8 state = m_state->edgeState[size_t(m_index)];
    const qreal scale = option->levelOfDetailFromTransform(painter->worldTransform());
    const bool hot = state & (GraphPainter::Hovered | GraphPainter::Selected);
    if (scale >= m_state->detailScale) {
        if (m_long && !hot) {
            QColor colour = edge.inCycle ? CycleColour : EdgeColour;
            if (state & GraphPainter::Dimmed) {
                colour.setAlphaF(0.2f);
            }
            QPen pen(colour, std::max(1.0, (edge.inCycle ? 2.0 : 1.3) * scale));
            pen.setCosmetic(true);
            painter->setRenderHint(QPainter::Antialiasing, true);
            painter->setPen(pen);
            painter->setBrush(Qt::NoBrush);
            const QRectF exposed = option->exposedRect;
            for (size_t i = 0; i < m_pieces.size(); ++i) {
                if (m_pieceBounds[i].intersects(exposed)) {
                    painter->drawPath(m_pieces[i]);
                }
            }
            painter->setPen(Qt::NoPen);
            painter->setBrush(colour);
            painter->drawPolygon(m_arrow);
            return;
        }
        // Labels only where they can be read, and on a crowded graph only on the hot edges.
        const bool label =
            scale >= m_state->detailScale * 1.4 && (hot || m_state->drawing->edges.size() <= MaxLabelledEdges);
        GraphPainter::paintEdge(painter, edge, state, label);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, false);
    if (edge.path.size() < 2) {
        return;
    }
    if (state & GraphPainter::Dimmed) {
        painter->setPen(m_state->edgeDimPen);
    } else if (state & (GraphPainter::Hovered | GraphPainter::Selected)) {
        painter->setPen(m_state->edgeHotPen);
    } else {
        painter->setPen(edge.inCycle ? m_state->edgeCyclePen : m_state->edgePen);
    }
    painter->drawPolyline(edge.path.data(), int(edge.path.size()));
}

} // namespace Gantry::Ui
