#include "ui/graphitems.h"

#include <QHash>
#include <QImage>
#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>
#include <QPixmap>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <array>
#include <cmath>

namespace Gantry::Ui {

using Graph::GraphPainter;

namespace {
// Edge labels everywhere only while they can stay legible; with more edges, only hot ones.
constexpr size_t MaxLabelledEdges = 24;
// Edge curves are flattened as if zoomed in this much (Qt flattens to half a device pixel).
constexpr qreal FlattenScale = 2;
// Flattened curves are cut into chunks of at most this many points and this extent (scene px),
// straight stretches into pieces of at most MaxSegment; chunks go into grid cells of at least
// CellSize (fewer than about MaxCells cells).
constexpr int ChunkPoints = 24;
constexpr qreal ChunkExtent = 384;
constexpr qreal MaxSegment = 128;
constexpr qreal CellSize = 512;
constexpr qreal MaxCells = 65536;
// Half the widest edge pen (a selected cycle edge) and antialiasing.
constexpr qreal PenMargin = 3;
// How far an arrowhead or a label reaches beyond the chunk its curve ends or sits in.
constexpr qreal LabelReach = 60;
// Edge tiles: device pixels a side, and how much memory (KiB) they may take.
constexpr int TileSize = 256;
constexpr int TileBudgetKiB = 96 * 1024;

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
    edgeBaseState = GraphPainter::Normal;
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

GraphEdgeLayer::GraphEdgeLayer(const GraphSceneState *state)
    : m_state(state)
    , m_tiles(TileBudgetKiB)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(0);
    // paint() asks for the exposed rectangle, to stroke only what crosses it.
    setFlag(QGraphicsItem::ItemUsesExtendedStyleOption);
    const auto &edges = state->drawing->edges;
    m_edges.resize(edges.size());
    for (int i = 0; i < int(edges.size()); ++i) {
        const Graph::DrawnEdge &edge = edges[size_t(i)];
        if (!edge.labelOffset.isNull()) {
            m_bounds |= GraphPainter::edgeLabelRect(edge); // a label set beside its curve
        }
        // The zoomed-out polyline may stray from the curve by its pen width.
        for (const QPointF &p : edge.path) {
            m_bounds |= QRectF(p - QPointF(2, 2), QSizeF(4, 4));
        }
        // Flattened as if zoomed in 2x: a chord strays at most a quarter of a scene pixel (one
        // device pixel at the largest zoom, 4x).
        QPolygonF line;
        const QList<QPolygonF> polygons =
            GraphPainter::edgeLine(edge).toSubpathPolygons(QTransform::fromScale(FlattenScale, FlattenScale));
        for (const QPolygonF &polygon : polygons) {
            for (const QPointF &p : polygon) {
                line << p / FlattenScale;
            }
        }
        m_edges[size_t(i)].arrow = GraphPainter::edgeArrowHead(edge);
        m_edges[size_t(i)].arrowBounds = m_edges[size_t(i)].arrow.boundingRect().adjusted(-1, -1, 1, 1);
        addEdge(i, line);
    }
    // Everything painted: the curves, the arrowheads and the labels of hot edges near their middles.
    for (const Chunk &chunk : m_chunks) {
        m_bounds |= chunk.bounds.adjusted(-LabelReach, -LabelReach, LabelReach, LabelReach);
    }
    for (const EdgeGeometry &edge : m_edges) {
        m_bounds |= edge.arrowBounds;
    }
    // The grid: cells of at least CellSize, at most about MaxCells of them.
    m_gridArea = m_bounds;
    const qreal cell =
        std::max(CellSize, std::sqrt(std::max(1.0, m_gridArea.width() * m_gridArea.height()) / MaxCells));
    m_columns = std::max(1, int(std::ceil(m_gridArea.width() / cell)));
    m_rows = std::max(1, int(std::ceil(m_gridArea.height() / cell)));
    m_cells.assign(size_t(m_columns) * size_t(m_rows), {});
    m_chunkStamp.assign(m_chunks.size(), 0);
    for (int c = 0; c < int(m_chunks.size()); ++c) {
        const QRect cells = cellRange(m_chunks[size_t(c)].bounds);
        for (int y = cells.top(); y <= cells.bottom(); ++y) {
            for (int x = cells.left(); x <= cells.right(); ++x) {
                m_cells[size_t(y) * size_t(m_columns) + size_t(x)].push_back(c);
            }
        }
    }
}

void GraphEdgeLayer::addEdge(int edge, const QPolygonF &line)
{
    EdgeGeometry &geometry = m_edges[size_t(edge)];
    geometry.firstChunk = int(m_chunks.size());
    if (line.size() < 2) {
        return;
    }
    // Long straight stretches are cut (collinear points do not change the stroke), so that every
    // chunk stays small and crosses few cells.
    std::vector<QPointF> points;
    points.reserve(size_t(line.size()));
    points.push_back(line.first());
    for (int i = 1; i < line.size(); ++i) {
        const QPointF from = points.back();
        const QPointF to = line.at(i);
        if (QLineF(from, to).length() < 0.05) {
            continue; // a zero-length segment would add a stray join
        }
        const int pieces = int(std::ceil(QLineF(from, to).length() / MaxSegment));
        for (int k = 1; k < pieces; ++k) {
            points.push_back(from + (to - from) * (qreal(k) / pieces));
        }
        points.push_back(to);
    }
    // The edge's points are stored once; consecutive chunks share their end point, so that a run
    // of them is one contiguous polyline (stroked in one go: no seams where chunks meet).
    const int base = int(m_points.size());
    m_points.insert(m_points.end(), points.begin(), points.end());
    size_t start = 0;
    while (start + 1 < points.size()) {
        QRectF bounds(points[start], QSizeF(0, 0));
        size_t end = start + 1;
        for (; end < points.size(); ++end) {
            const QRectF grown = bounds.united(QRectF(points[end], QSizeF(0, 0)));
            if (end - start >= ChunkPoints || grown.width() > ChunkExtent || grown.height() > ChunkExtent) {
                break;
            }
            bounds = grown;
        }
        end = std::min(end, points.size() - 1);
        if (end == start) {
            ++end;
        }
        const QPolygonF piece(QList<QPointF>(points.begin() + qsizetype(start), points.begin() + qsizetype(end) + 1));
        m_chunks.push_back({edge, base + int(start), int(end - start + 1),
                            piece.boundingRect().adjusted(-PenMargin, -PenMargin, PenMargin, PenMargin)});
        start = end;
    }
    geometry.chunkCount = int(m_chunks.size()) - geometry.firstChunk;
}

QRect GraphEdgeLayer::cellRange(const QRectF &rect) const
{
    const qreal cw = m_gridArea.width() / m_columns;
    const qreal ch = m_gridArea.height() / m_rows;
    const auto cell = [](qreal v, qreal size, int count) {
        return std::clamp(int(std::floor(v / std::max(size, 1e-9))), 0, count - 1);
    };
    const int left = cell(rect.left() - m_gridArea.left(), cw, m_columns);
    const int right = cell(rect.right() - m_gridArea.left(), cw, m_columns);
    const int top = cell(rect.top() - m_gridArea.top(), ch, m_rows);
    const int bottom = cell(rect.bottom() - m_gridArea.top(), ch, m_rows);
    return QRect(QPoint(left, top), QPoint(right, bottom));
}

void GraphEdgeLayer::chunksIn(const QRectF &rect, std::vector<int> &out) const
{
    out.clear();
    if (m_cells.empty() || !rect.intersects(m_gridArea)) {
        return;
    }
    if (++m_stamp == 0) {
        std::fill(m_chunkStamp.begin(), m_chunkStamp.end(), 0);
        m_stamp = 1;
    }
    const QRect cells = cellRange(rect);
    for (int y = cells.top(); y <= cells.bottom(); ++y) {
        for (int x = cells.left(); x <= cells.right(); ++x) {
            for (const int c : m_cells[size_t(y) * size_t(m_columns) + size_t(x)]) {
                if (m_chunkStamp[size_t(c)] != m_stamp && m_chunks[size_t(c)].bounds.intersects(rect)) {
                    m_chunkStamp[size_t(c)] = m_stamp;
                    out.push_back(c);
                }
            }
        }
    }
    // Chunks are numbered edge by edge: sorted, each edge's chunks are together and in order.
    std::sort(out.begin(), out.end());
}

bool GraphEdgeLayer::crosses(int edge, const QRectF &rect) const
{
    const EdgeGeometry &g = m_edges[size_t(edge)];
    for (int c = g.firstChunk; c < g.firstChunk + g.chunkCount; ++c) {
        if (m_chunks[size_t(c)].bounds.intersects(rect)) {
            return true;
        }
    }
    return g.arrowBounds.intersects(rect);
}

std::vector<int> GraphEdgeLayer::edgesIn(const QRectF &rect) const
{
    std::vector<int> chunks;
    chunksIn(rect, chunks);
    std::vector<int> edges;
    for (const int c : chunks) {
        const int e = m_chunks[size_t(c)].edge;
        if (edges.empty() || edges.back() != e) {
            edges.push_back(e);
        }
    }
    return edges;
}

void GraphEdgeLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (!m_state->drawing || m_edges.empty()) {
        return;
    }
    const qreal scale = option->levelOfDetailFromTransform(painter->worldTransform());
    // The exposed rectangle, or (without one) what the painter can reach.
    QRectF exposed = option->exposedRect;
    if (exposed.isEmpty()) {
        exposed = painter->worldTransform().inverted().mapRect(QRectF(painter->viewport()));
    }
    const auto &d = *m_state->drawing;
    const bool labels = scale >= m_state->detailScale * 1.4;
    painter->save();
    if (d.edges.size() <= MaxLabelledEdges) {
        // A small graph: every edge as GraphPainter paints it, label included.
        for (const int e : edgesIn(exposed.adjusted(-LabelReach, -LabelReach, LabelReach, LabelReach))) {
            GraphPainter::paintEdge(painter, d.edges[size_t(e)], m_state->edgeState[size_t(e)], labels);
        }
        painter->restore();
        return;
    }
    const QTransform t = painter->worldTransform();
    const bool tiled = painter->device() && painter->device()->devType() == QInternal::Widget &&
                       t.type() <= QTransform::TxScale && qFuzzyCompare(t.m11(), t.m22()) && t.m11() > 0;
    // While the zoom changes every frame, tiles would be made and thrown away: paint directly.
    const bool zoomSettled = qFuzzyCompare(t.m11(), m_lastZoom);
    m_lastZoom = t.m11();
    if (tiled && zoomSettled) {
        paintTiles(painter, exposed);
    } else {
        paintBase(painter, exposed, scale);
    }
    // Hovered and selected edges over the others, in full.
    const bool detailed = scale >= m_state->detailScale;
    QList<QLineF> hotLines;
    const QRectF reach = exposed.adjusted(-LabelReach, -LabelReach, LabelReach, LabelReach);
    for (int e = 0; e < int(d.edges.size()); ++e) {
        const quint8 state = m_state->edgeState[size_t(e)];
        if (!(state & (GraphPainter::Hovered | GraphPainter::Selected)) || !crosses(e, reach)) {
            continue;
        }
        const Graph::DrawnEdge &edge = d.edges[size_t(e)];
        if (detailed) {
            GraphPainter::paintEdge(painter, edge, state, labels);
        } else {
            for (size_t i = 1; i < edge.path.size(); ++i) {
                hotLines.append(QLineF(edge.path[i - 1], edge.path[i]));
            }
        }
    }
    if (!hotLines.isEmpty()) {
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(m_state->edgeHotPen);
        painter->drawLines(hotLines);
    }
    painter->restore();
}

void GraphEdgeLayer::paintTiles(QPainter *painter, const QRectF &exposed)
{
    // Tiles of TileSize device pixels on a grid anchored at the scene origin, for this zoom and
    // the sub-pixel part of the view's offset (panning moves by whole pixels, so tiles stay valid).
    const QTransform t = painter->worldTransform();
    const qreal zoom = t.m11();
    const qreal dpr = painter->device()->devicePixelRatioF();
    const qreal ox = std::floor(t.dx());
    const qreal oy = std::floor(t.dy());
    const qreal fx = std::round((t.dx() - ox) * 8) / 8;
    const qreal fy = std::round((t.dy() - oy) * 8) / 8;
    const QRectF device = t.mapRect(exposed).translated(-ox, -oy);
    const int left = int(std::floor(device.left() / TileSize));
    const int right = int(std::floor(device.right() / TileSize));
    const int top = int(std::floor(device.top() / TileSize));
    const int bottom = int(std::floor(device.bottom() / TileSize));
    const bool dimmed = m_state->edgeBaseState & GraphPainter::Dimmed;
    const auto tileId = [&](int tx, int ty) {
        const std::array<qint64, 5> key{std::llround(zoom * 1e6), tx, ty,
                                        std::llround(fx * 8) | (std::llround(fy * 8) << 8) | (dimmed ? 1 << 16 : 0),
                                        std::llround(dpr * 100)};
        return QByteArray(reinterpret_cast<const char *>(key.data()), qsizetype(sizeof key));
    };
    // The tiles this frame needs; the missing ones are painted together in one pass (a curve
    // crossing several tiles is stroked once) and cut up.
    std::vector<std::pair<QPoint, QPixmap>> tiles;
    QRect missing;
    for (int ty = top; ty <= bottom; ++ty) {
        for (int tx = left; tx <= right; ++tx) {
            const QPixmap *cached = m_tiles.object(tileId(tx, ty));
            tiles.emplace_back(QPoint(tx, ty), cached ? *cached : QPixmap());
            if (!cached) {
                missing |= QRect(tx, ty, 1, 1);
            }
        }
    }
    if (!missing.isEmpty()) {
        QImage image(missing.size() * TileSize * dpr, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        image.fill(Qt::transparent);
        QPainter p(&image);
        const QTransform toImage(zoom, 0, 0, zoom, fx - missing.left() * TileSize, fy - missing.top() * TileSize);
        p.setWorldTransform(toImage);
        paintBase(&p, toImage.inverted().mapRect(QRectF(QPointF(0, 0), QSizeF(missing.size() * TileSize))), zoom);
        p.end();
        const int side = int(std::lround(TileSize * dpr));
        for (auto &[at, tile] : tiles) {
            if (tile.isNull()) {
                tile = QPixmap::fromImage(image.copy(QRect((at - missing.topLeft()) * side, QSize(side, side))));
                tile.setDevicePixelRatio(dpr);
                m_tiles.insert(tileId(at.x(), at.y()), new QPixmap(tile), side * side * 4 / 1024);
            }
        }
    }
    painter->setWorldTransform(QTransform());
    for (const auto &[at, tile] : tiles) {
        painter->drawPixmap(QPointF(ox + at.x() * TileSize, oy + at.y() * TileSize), tile);
    }
    painter->setWorldTransform(t);
}

void GraphEdgeLayer::clearTiles()
{
    m_tiles.clear();
}

void GraphEdgeLayer::paintBase(QPainter *painter, const QRectF &rect, qreal scale)
{
    const auto &d = *m_state->drawing;
    const quint8 base = m_state->edgeBaseState;
    const bool dimmed = base & GraphPainter::Dimmed;
    if (scale < m_state->detailScale) {
        // The layout's polylines in cosmetic pens, batched: plain, then cycles.
        std::array<QList<QLineF>, 2> lines;
        for (const int e : edgesIn(rect)) {
            const Graph::DrawnEdge &edge = d.edges[size_t(e)];
            for (size_t i = 1; i < edge.path.size(); ++i) {
                lines[edge.inCycle && !dimmed ? 1 : 0].append(QLineF(edge.path[i - 1], edge.path[i]));
            }
        }
        painter->setRenderHint(QPainter::Antialiasing, false);
        const QPen *pens[] = {dimmed ? &m_state->edgeDimPen : &m_state->edgePen, &m_state->edgeCyclePen};
        for (size_t g = 0; g < lines.size(); ++g) {
            if (!lines[g].isEmpty()) {
                painter->setPen(*pens[g]);
                painter->drawLines(lines[g]);
            }
        }
        return;
    }
    // In detail: each crossing chunk stroked with GraphPainter's pen, plain edges then cycles,
    // and the arrowheads of the edges that end here.
    std::vector<int> chunks;
    chunksIn(rect.adjusted(-LabelReach, -LabelReach, LabelReach, LabelReach), chunks);
    std::array<std::vector<int>, 2> groups;
    for (const int c : chunks) {
        const Chunk &chunk = m_chunks[size_t(c)];
        const EdgeGeometry &edge = m_edges[size_t(chunk.edge)];
        const bool last = c == edge.firstChunk + edge.chunkCount - 1;
        if (chunk.bounds.intersects(rect) || (last && edge.arrowBounds.intersects(rect))) {
            groups[d.edges[size_t(chunk.edge)].inCycle ? 1 : 0].push_back(c);
        }
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    const qreal opacity = painter->opacity();
    painter->setOpacity(dimmed ? opacity * GraphPainter::edgeDimOpacity() : opacity);
    for (const std::vector<int> &group : groups) {
        if (group.empty()) {
            continue;
        }
        const QPen pen = GraphPainter::edgePen(d.edges[size_t(m_chunks[size_t(group.front())].edge)], base);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(pen);
        // Runs of consecutive chunks of one edge as one polyline (they share their end points).
        int runFirst = -1;
        int runEnd = -1; // one past the run's last point
        int previous = -2;
        for (const int c : group) {
            const Chunk &chunk = m_chunks[size_t(c)];
            if (!chunk.bounds.intersects(rect)) {
                continue;
            }
            if (c == previous + 1 && m_chunks[size_t(previous)].edge == chunk.edge) {
                runEnd = chunk.first + chunk.count;
            } else {
                if (runFirst >= 0) {
                    painter->drawPolyline(m_points.data() + runFirst, runEnd - runFirst);
                }
                runFirst = chunk.first;
                runEnd = chunk.first + chunk.count;
            }
            previous = c;
        }
        if (runFirst >= 0) {
            painter->drawPolyline(m_points.data() + runFirst, runEnd - runFirst);
        }
        painter->setPen(QPen(pen.color(), 1.0, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        painter->setBrush(pen.color());
        for (const int c : group) {
            const EdgeGeometry &edge = m_edges[size_t(m_chunks[size_t(c)].edge)];
            if (c == edge.firstChunk + edge.chunkCount - 1 && edge.arrowBounds.intersects(rect)) {
                painter->drawPolygon(edge.arrow);
            }
        }
    }
    painter->setOpacity(opacity);
}

} // namespace Gantry::Ui
