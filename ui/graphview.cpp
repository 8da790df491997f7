#include "ui/graphview.h"

#include "ui/graphoverview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QLoggingCategory>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace Gantry::Ui {

using Graph::GraphPainter;

namespace {
Q_LOGGING_CATEGORY(lcView, "gantry.ui.graphview")

constexpr qreal MinZoom = 0.02;
constexpr qreal MaxZoom = 4.0;
constexpr qreal MaxFitZoom = 1.0; // a small graph is shown at its size, not blown up
constexpr int OverviewMargin = 10;
} // namespace

GraphView::GraphView(QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
    , m_overview(nullptr)
{
    // Items never move, so the BSP index pays off; hit tests and exposed-area queries use it.
    m_scene->setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    // Panning scrolls the viewport and repaints only the exposed strip; hover repaints the whole.
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    // Every item's bounding rectangle already includes its outline, and every paint() sets
    // its own pen and brush (GraphPainter saves and restores the rest).
    setOptimizationFlags(QGraphicsView::DontAdjustForAntialiasing | QGraphicsView::DontSavePainterState);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    m_overview = new GraphOverview(this);
    m_overview->hide();
}

GraphView::~GraphView()
{
    // Items point into m_state: delete them first.
    m_scene->clear();
}

void GraphView::setDrawing(std::shared_ptr<const Graph::GraphDrawing> drawing, bool keepPlace)
{
    // Where the old focus node is on screen, to put the new one at the same place.
    QString placeRef;
    QPointF placePos;
    const qreal oldZoom = zoom();
    if (keepPlace && m_state.drawing && !m_state.drawing->nodes.empty()) {
        for (const auto &node : m_state.drawing->nodes) {
            if (node.focus) {
                placeRef = node.ref;
                placePos = transform().map(node.rect.center()) -
                           QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value());
                break;
            }
        }
    }
    const QString selected = selectedRef();
    QElapsedTimer timer;
    timer.start();

    m_scene->clear();
    m_nodeItems.clear();
    m_edgeLayer = nullptr;
    m_incident.clear();
    m_selected = -1;
    m_hovered = -1;
    m_state.drawing = std::move(drawing);
    m_state.prepare(palette());

    if (m_state.drawing) {
        const auto &d = *m_state.drawing;
        m_incident.resize(d.nodes.size());
        m_nodeItems.reserve(d.nodes.size());
        for (int i = 0; i < int(d.edges.size()); ++i) {
            const auto &e = d.edges[size_t(i)];
            if (e.from >= 0 && e.from < int(d.nodes.size()) && e.to >= 0 && e.to < int(d.nodes.size())) {
                m_incident[size_t(e.from)].push_back(i);
                if (e.to != e.from) {
                    m_incident[size_t(e.to)].push_back(i);
                }
            }
        }
        m_edgeLayer = new GraphEdgeLayer(&m_state);
        m_scene->addItem(m_edgeLayer);
        for (int i = 0; i < int(d.nodes.size()); ++i) {
            auto *item = new GraphNodeItem(&m_state, i);
            m_scene->addItem(item);
            m_nodeItems.push_back(item);
        }
        m_nodesCached = true;
        updateNodeCaching();
    }
    updateSceneRect();
    m_overview->setDrawing(m_state.drawing);
    qCDebug(lcView) << "scene of" << m_nodeItems.size() << "nodes and" << edgeCount() << "edges in" << timer.elapsed()
                    << "ms";

    if (!selected.isEmpty() && m_state.drawing) {
        m_selected = m_state.drawing->indexOf(selected);
    }
    applyStates();
    if (m_selected < 0 && !selected.isEmpty()) {
        Q_EMIT selectionChanged(QString());
    }

    const int placeIndex = placeRef.isEmpty() || !m_state.drawing ? -1 : m_state.drawing->indexOf(placeRef);
    if (placeIndex >= 0) {
        setScale(oldZoom);
        const QPointF centre = m_state.drawing->nodes[size_t(placeIndex)].rect.center();
        const QPointF viewportCentre = QRectF(viewport()->rect()).center();
        centerOn(centre + (viewportCentre - placePos) / oldZoom);
        m_autoFit = false;
    } else {
        fitGraph();
    }
    updateOverview();
}

void GraphView::updateSceneRect()
{
    if (!m_state.drawing || m_state.drawing->bounds.isEmpty()) {
        setSceneRect(QRectF(-200, -200, 400, 400));
        return;
    }
    // Room to pan the graph's edge to the middle of the window (there are no scroll bars).
    const QRectF b = m_state.drawing->bounds;
    const qreal margin = std::max({1500.0, b.width(), b.height()});
    setSceneRect(b.adjusted(-margin, -margin, margin, margin));
}

QString GraphView::selectedRef() const
{
    return m_selected >= 0 && m_state.drawing ? m_state.drawing->nodes[size_t(m_selected)].ref : QString();
}

void GraphView::selectRef(const QString &ref)
{
    const int index = ref.isEmpty() || !m_state.drawing ? -1 : m_state.drawing->indexOf(ref);
    if (index == m_selected) {
        return;
    }
    m_selected = index;
    applyStates();
    Q_EMIT selectionChanged(selectedRef());
}

QRectF GraphView::nodeRect(const QString &ref) const
{
    const int index = m_state.drawing ? m_state.drawing->indexOf(ref) : -1;
    return index < 0 ? QRectF() : m_state.drawing->nodes[size_t(index)].rect;
}

int GraphView::nodeAt(const QPoint &viewportPos) const
{
    const QList<QGraphicsItem *> hits = items(viewportPos);
    for (QGraphicsItem *item : hits) {
        if (item->type() == GraphNodeItem::Type) {
            return static_cast<GraphNodeItem *>(item)->index();
        }
    }
    return -1;
}

bool GraphView::findNext(const QString &text)
{
    const QString needle = text.trimmed();
    if (!m_state.drawing || needle.isEmpty()) {
        return false;
    }
    const auto &nodes = m_state.drawing->nodes;
    const int n = int(nodes.size());
    for (int step = 1; step <= n; ++step) {
        const int i = (std::max(m_selected, -1) + step) % n;
        const auto &node = nodes[size_t(i)];
        if (node.title.contains(needle, Qt::CaseInsensitive) || node.ref.contains(needle, Qt::CaseInsensitive)) {
            selectRef(node.ref);
            centreOn(node.ref);
            return true;
        }
    }
    return false;
}

void GraphView::centreOn(const QString &ref)
{
    const QRectF r = nodeRect(ref);
    if (r.isNull()) {
        return;
    }
    if (zoom() < m_state.detailScale) {
        setScale(1.0); // readable
    }
    centerOn(r.center());
    m_autoFit = false;
    updateOverview();
}

void GraphView::panTo(const QPointF &scenePos)
{
    centerOn(scenePos);
    m_autoFit = false;
    updateOverview();
}

void GraphView::fitGraph()
{
    m_autoFit = true;
    if (!m_state.drawing || m_state.drawing->bounds.isEmpty()) {
        setScale(1.0);
        centerOn(0, 0);
        return;
    }
    const QRectF r = m_state.drawing->bounds.adjusted(-24, -24, 24, 24);
    const QSizeF room = viewport()->size();
    const qreal s = std::min(room.width() / r.width(), room.height() / r.height());
    m_fitting = true;
    setScale(std::clamp(s, MinZoom, MaxFitZoom));
    centerOn(r.center());
    m_fitting = false;
    updateOverview();
}

void GraphView::zoomToActualSize()
{
    const QPointF centre = mapToScene(viewport()->rect().center());
    setScale(1.0);
    centerOn(centre);
    m_autoFit = false;
    updateOverview();
}

void GraphView::zoomBy(qreal factor)
{
    const QPointF centre = mapToScene(viewport()->rect().center());
    setScale(zoom() * factor);
    centerOn(centre);
    m_autoFit = false;
    updateOverview();
}

qreal GraphView::zoom() const
{
    return transform().m11();
}

void GraphView::setScale(qreal scale)
{
    scale = std::clamp(scale, MinZoom, MaxZoom);
    if (qFuzzyCompare(scale, zoom())) {
        return;
    }
    setTransform(QTransform::fromScale(scale, scale));
    updateNodeCaching();
    Q_EMIT zoomChanged(scale);
}

void GraphView::updateNodeCaching()
{
    // In detail a node (text, icon) is costly to paint and panning reuses its pixmap; zoomed out
    // it is a plain box, cheaper to paint than to cache (and thousands of pixmaps would not fit
    // QPixmapCache, which would then evict every frame).
    const bool cache = zoom() >= m_state.detailScale;
    if (cache == m_nodesCached) {
        return;
    }
    m_nodesCached = cache;
    for (QGraphicsItem *item : m_nodeItems) {
        item->setCacheMode(cache ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache);
    }
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    // The point under the cursor stays put (AnchorUnderMouse).
    const qreal target = std::clamp(zoom() * std::pow(1.0015, delta), MinZoom, MaxZoom);
    if (!qFuzzyCompare(target, zoom())) {
        scale(target / zoom(), target / zoom());
        updateNodeCaching();
        Q_EMIT zoomChanged(zoom());
    }
    m_autoFit = false;
    updateOverview();
    event->accept();
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position().toPoint();
    m_pressed = event->button() == Qt::LeftButton;
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseMoveEvent(QMouseEvent *event)
{
    QGraphicsView::mouseMoveEvent(event);
    if (event->buttons() == Qt::NoButton) {
        setHovered(nodeAt(event->position().toPoint()));
    }
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    const QPoint pos = event->position().toPoint();
    if (m_pressed && event->button() == Qt::LeftButton &&
        (pos - m_pressPos).manhattanLength() < QApplication::startDragDistance()) {
        const int node = nodeAt(pos);
        selectRef(node >= 0 ? m_state.drawing->nodes[size_t(node)].ref : QString());
    }
    m_pressed = false;
    viewport()->setCursor(m_hovered >= 0 ? Qt::PointingHandCursor : Qt::OpenHandCursor);
}

void GraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int node = nodeAt(event->position().toPoint());
    if (node >= 0 && event->button() == Qt::LeftButton) {
        const QString ref = m_state.drawing->nodes[size_t(node)].ref;
        selectRef(ref);
        Q_EMIT nodeActivated(ref);
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void GraphView::leaveEvent(QEvent *event)
{
    setHovered(-1);
    QGraphicsView::leaveEvent(event);
}

void GraphView::setHovered(int node)
{
    if (node == m_hovered) {
        return;
    }
    m_hovered = node;
    viewport()->setCursor(node >= 0 ? Qt::PointingHandCursor : Qt::OpenHandCursor);
    if (node >= 0 && m_state.drawing) {
        const auto &n = m_state.drawing->nodes[size_t(node)];
        viewport()->setToolTip(n.owner.isEmpty() ? tr("%1\n%2").arg(n.title, n.ref)
                                                 : tr("%1\n%2\nOwner: %3").arg(n.title, n.ref, n.owner));
    } else {
        viewport()->setToolTip(QString());
    }
    applyStates();
}

void GraphView::applyStates()
{
    if (!m_state.drawing) {
        viewport()->update();
        return;
    }
    const auto &d = *m_state.drawing;
    // Nodes keep a device-coordinate cache (panning blits them): changed ones must repaint.
    m_previousNodeState = m_state.nodeState;
    const bool hovering = m_hovered >= 0;
    const quint8 base = hovering ? GraphPainter::Dimmed : GraphPainter::Normal;
    m_state.edgeBaseState = base;
    std::fill(m_state.nodeState.begin(), m_state.nodeState.end(), base);
    std::fill(m_state.edgeState.begin(), m_state.edgeState.end(), base);
    if (m_selected >= 0) {
        for (int e : m_incident[size_t(m_selected)]) {
            m_state.edgeState[size_t(e)] = GraphPainter::Selected;
        }
    }
    if (hovering) {
        // The hovered node, its neighbours and the edges between them stand out; the rest fades.
        m_state.nodeState[size_t(m_hovered)] = GraphPainter::Hovered;
        for (int e : m_incident[size_t(m_hovered)]) {
            m_state.edgeState[size_t(e)] = GraphPainter::Hovered;
            const auto &edge = d.edges[size_t(e)];
            const int other = edge.from == m_hovered ? edge.to : edge.from;
            if (other != m_hovered) {
                m_state.nodeState[size_t(other)] = GraphPainter::Normal;
            }
        }
    }
    if (m_selected >= 0) {
        quint8 &s = m_state.nodeState[size_t(m_selected)];
        s = quint8((s & ~GraphPainter::Dimmed) | GraphPainter::Selected);
    }
    for (size_t i = 0; i < m_nodeItems.size() && i < m_previousNodeState.size(); ++i) {
        if (m_previousNodeState[i] != m_state.nodeState[i]) {
            m_nodeItems[i]->update();
        }
    }
    viewport()->update();
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_autoFit) {
        fitGraph();
    }
    updateOverview();
}

void GraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    if (!m_fitting && (dx != 0 || dy != 0) && m_pressed) {
        m_autoFit = false;
    }
    updateOverview();
}

void GraphView::updateOverview()
{
    if (!m_overview) {
        return;
    }
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    const bool needed = m_state.drawing && m_state.drawing->nodes.size() > 1 &&
                        !visible.contains(m_state.drawing->bounds) && viewport()->width() > 360 &&
                        viewport()->height() > 260;
    if (needed) {
        const QRectF b = m_state.drawing->bounds;
        // The graph's aspect ratio, within 220 × 150.
        const qreal s = std::min(220.0 / std::max(b.width(), 1.0), 150.0 / std::max(b.height(), 1.0));
        const QSize size(std::max(80, int(b.width() * s) + 12), std::max(60, int(b.height() * s) + 12));
        const QRect vp = viewport()->geometry();
        const QRect geometry(vp.right() - size.width() - OverviewMargin, vp.bottom() - size.height() - OverviewMargin,
                             size.width(), size.height());
        if (m_overview->geometry() != geometry) {
            m_overview->setGeometry(geometry);
        }
        m_overview->setVisibleRect(visible);
        m_overview->raise();
    }
    m_overview->setVisible(needed);
}

void GraphView::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, palette().color(QPalette::Base));
}

void GraphView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_state.drawing) {
        m_state.prepare(palette());
        if (m_edgeLayer) {
            m_edgeLayer->clearTiles();
        }
        applyStates();
        m_overview->setDrawing(m_state.drawing);
    }
}

} // namespace Gantry::Ui
