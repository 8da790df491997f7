#pragma once

#include "models/graph/graphdrawing.h"

#include <QImage>
#include <QWidget>

#include <memory>

namespace Gantry::Ui {

class GraphView;

// A minimap in the view's corner for graphs that do not fit: the whole graph in miniature and
// the visible part as a rectangle; click or drag to move there.
class GraphOverview final : public QWidget
{
    Q_OBJECT
public:
    explicit GraphOverview(GraphView *view);

    void setDrawing(const std::shared_ptr<const Graph::GraphDrawing> &drawing);
    // The visible part of the scene, in scene coordinates.
    void setVisibleRect(const QRectF &sceneRect);
    QRectF visibleRect() const { return m_visible; }

    QPointF toScene(const QPointF &pos) const;
    QPointF fromScene(const QPointF &scenePos) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void renderThumbnail();
    QRectF thumbnailRect() const;

    GraphView *m_view;
    std::shared_ptr<const Graph::GraphDrawing> m_drawing;
    QImage m_thumbnail;
    QRectF m_visible;
};

} // namespace Gantry::Ui
