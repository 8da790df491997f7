#include "ui/graphoverview.h"

#include "ui/graphview.h"

#include <QHash>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace Gantry::Ui {

namespace {
constexpr int Padding = 6;
} // namespace

GraphOverview::GraphOverview(GraphView *view)
    : QWidget(view)
    , m_view(view)
{
    setObjectName(QStringLiteral("graphOverview"));
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move around the graph"));
}

void GraphOverview::setDrawing(const std::shared_ptr<const Graph::GraphDrawing> &drawing)
{
    m_drawing = drawing;
    renderThumbnail();
    update();
}

void GraphOverview::setVisibleRect(const QRectF &sceneRect)
{
    if (sceneRect != m_visible) {
        m_visible = sceneRect;
        update();
    }
}

QRectF GraphOverview::thumbnailRect() const
{
    if (!m_drawing || m_drawing->bounds.isEmpty()) {
        return {};
    }
    const QRectF room = QRectF(rect()).adjusted(Padding, Padding, -Padding, -Padding);
    const QRectF b = m_drawing->bounds;
    const qreal s = std::min(room.width() / b.width(), room.height() / b.height());
    QRectF r(0, 0, b.width() * s, b.height() * s);
    r.moveCenter(room.center());
    return r;
}

QPointF GraphOverview::toScene(const QPointF &pos) const
{
    const QRectF t = thumbnailRect();
    if (t.isEmpty()) {
        return {};
    }
    const QRectF b = m_drawing->bounds;
    return {b.left() + (pos.x() - t.left()) * b.width() / t.width(),
            b.top() + (pos.y() - t.top()) * b.height() / t.height()};
}

QPointF GraphOverview::fromScene(const QPointF &scenePos) const
{
    const QRectF t = thumbnailRect();
    if (t.isEmpty()) {
        return {};
    }
    const QRectF b = m_drawing->bounds;
    return {t.left() + (scenePos.x() - b.left()) * t.width() / b.width(),
            t.top() + (scenePos.y() - b.top()) * t.height() / b.height()};
}

void GraphOverview::renderThumbnail()
{
    const QRectF t = thumbnailRect();
    if (t.isEmpty()) {
        m_thumbnail = QImage();
        return;
    }
    const qreal dpr = devicePixelRatioF();
    m_thumbnail = QImage((t.size() * dpr).toSize().expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
    m_thumbnail.setDevicePixelRatio(dpr);
    m_thumbnail.fill(Qt::transparent);
    QPainter p(&m_thumbnail);
    const QRectF b = m_drawing->bounds;
    p.scale(t.width() / b.width(), t.height() / b.height());
    p.translate(-b.topLeft());
    // Plain shapes: thousands of nodes in a few milliseconds.
    QColor edgeColour = palette().color(QPalette::WindowText);
    edgeColour.setAlphaF(0.25f);
    QPen edgePen(edgeColour, 0);
    edgePen.setCosmetic(true);
    p.setPen(edgePen);
    for (const auto &edge : m_drawing->edges) {
        if (edge.path.size() >= 2) {
            p.drawPolyline(edge.path.data(), int(edge.path.size()));
        }
    }
    p.setPen(Qt::NoPen);
    QHash<QString, QColor> colours;
    for (const auto &node : m_drawing->nodes) {
        auto it = colours.find(node.kind);
        if (it == colours.end()) {
            it = colours.insert(node.kind, Graph::kindStyle(node.kind).colour);
        }
        p.setBrush(it->isValid() ? *it : palette().color(QPalette::Mid));
        p.drawRect(node.rect);
        if (node.focus) {
            QPen focusPen(palette().color(QPalette::WindowText), 2);
            focusPen.setCosmetic(true);
            p.setPen(focusPen);
            p.drawRect(node.rect);
            p.setPen(Qt::NoPen);
        }
    }
}

void GraphOverview::resizeEvent(QResizeEvent *)
{
    renderThumbnail();
}

void GraphOverview::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QColor background = palette().color(QPalette::Window);
    background.setAlpha(235);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(background);
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    const QRectF t = thumbnailRect();
    if (!m_thumbnail.isNull()) {
        p.drawImage(t.topLeft(), m_thumbnail);
    }
    if (!m_visible.isNull() && m_drawing) {
        QRectF v(fromScene(m_visible.topLeft()), fromScene(m_visible.bottomRight()));
        v = v.intersected(QRectF(rect()).adjusted(1, 1, -1, -1));
        const QColor highlight = palette().color(QPalette::Highlight);
        QColor fill = highlight;
        fill.setAlpha(40);
        p.setPen(QPen(highlight, 1.5));
        p.setBrush(fill);
        p.drawRect(v);
    }
}

void GraphOverview::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_drawing) {
        m_view->panTo(toScene(event->position()));
    }
}

void GraphOverview::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && m_drawing) {
        m_view->panTo(toScene(event->position()));
    }
}

} // namespace Gantry::Ui
