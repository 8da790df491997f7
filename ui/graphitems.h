#pragma once

#include "models/graph/graphdrawing.h"

#include <QBrush>
#include <QCache>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QPen>

#include <memory>
#include <vector>

namespace Gantry::Ui {

// What every item of one drawing shares: the drawing, per-node/edge paint states (hover and
// selection change these arrays, not the items) and pens/brushes prepared once, so painting a
// frame allocates nothing.
struct GraphSceneState
{
    std::shared_ptr<const Graph::GraphDrawing> drawing;
    std::vector<quint8> nodeState; // Graph::GraphPainter::State flags
    std::vector<quint8> edgeState;
    std::vector<QBrush> nodeBrush;                      // by node: its kind's colour (simple shapes when zoomed out)
    std::vector<QBrush> nodeDimBrush;                   // the same, faded
    QPen edgePen, edgeDimPen, edgeHotPen, edgeCyclePen; // cosmetic, for zoomed-out edges
    QPen outlinePen, focusPen, selectedPen;             // cosmetic, for zoomed-out nodes
    // What every edge that is neither hovered nor selected is: Normal, or Dimmed while hovering.
    quint8 edgeBaseState = 0;
    // Below this scale nodes are plain shapes without text or icons, and edges plain lines.
    qreal detailScale = 0.5;

    void prepare(const QPalette &palette);
};

// One entity of the drawing. Painted by GraphPainter (the same look as the exports).
class GraphNodeItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    GraphNodeItem(const GraphSceneState *state, int index);

    int index() const { return m_index; }
    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    const GraphSceneState *m_state;
    int m_index;
    QRectF m_bounds;
};

// Every relation of the drawing in one item: curves with arrowheads, painted like
// GraphPainter::paintEdge. Thousands of edge items made each frame pay per-item overhead and
// re-stroke whole curves (long ones run across the graph) of which only a little was on screen;
// here each curve is flattened once into short chunks kept in a grid, and a frame strokes only the
// chunks that cross the exposed area. Hovered and selected edges, and every edge of a small graph,
// are painted by GraphPainter::paintEdge itself (with their labels). Zoomed out, edges are the
// layout's polylines in cosmetic pens, batched into one call per pen. Never hit by the mouse.
class GraphEdgeLayer final : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };
    explicit GraphEdgeLayer(const GraphSceneState *state);

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override { return {}; }
    bool contains(const QPointF &) const override { return false; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // Edges with a chunk that crosses `rect` (scene coordinates), each once, in ascending order.
    std::vector<int> edgesIn(const QRectF &rect) const;
    // Forgets the cached tiles (they depend on the palette when zoomed out).
    void clearTiles();

private:
    struct Chunk
    {
        int edge;
        int first; // into m_points
        int count;
        QRectF bounds;
    };
    struct EdgeGeometry
    {
        int firstChunk = 0;
        int chunkCount = 0;
        QPolygonF arrow;
        QRectF arrowBounds;
    };
    void addEdge(int edge, const QPolygonF &line);
    bool crosses(int edge, const QRectF &rect) const; // any chunk or the arrowhead
    QRect cellRange(const QRectF &rect) const;        // grid cells a rectangle touches
    // Chunks crossing `rect`, each once.
    void chunksIn(const QRectF &rect, std::vector<int> &out) const;
    // Every edge crossing `rect` as if its state were edgeBaseState (hot ones are painted over).
    void paintBase(QPainter *painter, const QRectF &rect, qreal scale);
    // paintBase through a cache of device-pixel tiles (on the view's viewport).
    void paintTiles(QPainter *painter, const QRectF &exposed);

    const GraphSceneState *m_state;
    QRectF m_bounds;
    std::vector<EdgeGeometry> m_edges;
    std::vector<Chunk> m_chunks;
    std::vector<QPointF> m_points; // every edge's flattened curve, one after another
    // A uniform grid over m_bounds: cell -> chunks touching it.
    QRectF m_gridArea;
    int m_columns = 0;
    int m_rows = 0;
    std::vector<std::vector<int>> m_cells;
    mutable std::vector<quint32> m_chunkStamp; // dedup while collecting
    mutable quint32 m_stamp = 0;
    // Tiles by zoom, tile column and row, sub-pixel offset, dimmed, device pixel ratio; cost in KiB.
    QCache<QByteArray, QPixmap> m_tiles;
    qreal m_lastZoom = 0; // of the last frame painted
};

} // namespace Gantry::Ui
