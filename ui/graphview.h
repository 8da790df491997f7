#pragma once

#include "models/graph/graphdrawing.h"
#include "ui/graphitems.h"

#include <QGraphicsView>

#include <memory>
#include <vector>

class QGraphicsScene;

namespace Gantry::Ui {

class GraphOverview;

// The interactive graph: one item per node and edge, painted by GraphPainter; wheel zoom around
// the cursor, drag to pan, hover highlights a node's neighbours, click selects, double-click
// activates. Zoomed out, items drop text and icons. An overview appears when the graph does not
// fit. A new drawing with the same focus keeps the focus node where it was on screen.
class GraphView final : public QGraphicsView
{
    Q_OBJECT
public:
    explicit GraphView(QWidget *parent = nullptr);
    ~GraphView() override;

    // Replaces the scene. With `keepPlace`, when the old and new drawings share the focus node,
    // the zoom and that node's position on screen stay; otherwise the view fits the graph.
    void setDrawing(std::shared_ptr<const Graph::GraphDrawing> drawing, bool keepPlace = true);
    const std::shared_ptr<const Graph::GraphDrawing> &drawing() const { return m_state.drawing; }
    int nodeCount() const { return m_state.drawing ? int(m_state.drawing->nodes.size()) : 0; }
    int edgeCount() const { return m_state.drawing ? int(m_state.drawing->edges.size()) : 0; }

    QString selectedRef() const;
    // Selects a node (empty: none); emits selectionChanged when it changes.
    void selectRef(const QString &ref);
    // Scene rectangle of a node, or null.
    QRectF nodeRect(const QString &ref) const;
    // The node under a viewport position, or -1.
    int nodeAt(const QPoint &viewportPos) const;
    // Finds the next node (after the selected one) whose title or ref contains `text`; selects and
    // centres it. False when nothing matches.
    bool findNext(const QString &text);
    void centreOn(const QString &ref);
    // Moves the view so that a scene point is in the middle (the overview's clicks).
    void panTo(const QPointF &scenePos);

    void fitGraph();
    void zoomToActualSize();
    void zoomBy(qreal factor);
    qreal zoom() const;

    GraphOverview *overview() const { return m_overview; }

Q_SIGNALS:
    void selectionChanged(const QString &ref);
    void nodeActivated(const QString &ref); // double-click
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void changeEvent(QEvent *event) override;

private:
    void setHovered(int node);
    void applyStates();
    void setScale(qreal scale);
    void updateSceneRect();
    void updateOverview();
    void updateNodeCaching();

    QGraphicsScene *m_scene;
    GraphSceneState m_state;
    std::vector<std::vector<int>> m_incident; // node -> edges touching it
    std::vector<QGraphicsItem *> m_nodeItems;
    GraphEdgeLayer *m_edgeLayer = nullptr;
    bool m_nodesCached = true; // nodes use DeviceCoordinateCache (in detail, not zoomed out)
    std::vector<quint8> m_previousNodeState;
    int m_selected = -1;
    int m_hovered = -1;
    QPoint m_pressPos;
    bool m_pressed = false;
    bool m_autoFit = true; // follows resizes until the user zooms or pans
    bool m_fitting = false;
    GraphOverview *m_overview;
};

} // namespace Gantry::Ui
