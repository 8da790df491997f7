#pragma once

#include "models/graph/graphdrawing.h"

#include <QBrush>
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

// One relation: a curve with an arrowhead and its type as label.
class GraphEdgeItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };
    GraphEdgeItem(const GraphSceneState *state, int index);

    int index() const { return m_index; }
    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    const GraphSceneState *m_state;
    int m_index;
    QRectF m_bounds;
    mutable QPainterPath m_shape; // stroked curve, made on first hit test
    // Long edges (across much of the graph) are stroked with a cosmetic pen along a path made
    // once: GraphPainter's scene-width pen re-strokes the whole curve each frame, visible or not.
    // Only the pieces (one cubic each) that cross the exposed area are stroked.
    bool m_long = false;
    std::vector<QPainterPath> m_pieces;
    std::vector<QRectF> m_pieceBounds;
    QPolygonF m_arrow;
};

} // namespace Gantry::Ui
