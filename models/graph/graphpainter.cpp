#include "models/graph/graphdrawing.h"
#include "models/graph/nodegeometry.h"

#include <QFile>
#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QLoggingCategory>
#include <QPainter>
#include <QSvgRenderer>

#include <algorithm>
#include <cmath>
#include <memory>

Q_LOGGING_CATEGORY(lcGraphPainter, "gantry.graph.graphpainter", QtWarningMsg)

namespace Gantry::Graph {

namespace {

constexpr qreal arrowLength = 9;
constexpr qreal arrowHalfWidth = 4.5;
constexpr qreal haloWidth = 8; // stroked around a selected node's outline, half of it outside
constexpr qreal labelHeight = 14;

const QColor &cycleColour()
{
    static const QColor c(0xC8, 0x10, 0x2E);
    return c;
}
const QColor &highlightColour()
{
    static const QColor c(0x1F, 0x6F, 0xEB);
    return c;
}
const QColor &edgeColour()
{
    static const QColor c(0x5A, 0x60, 0x6B);
    return c;
}

// "sans-serif" is both a fontconfig alias and CSS's generic family, so SVG viewers find a
// similar font; the style hint covers platforms without the alias.
QFont baseFont()
{
    QFont f(QStringLiteral("sans-serif"));
    f.setStyleHint(QFont::SansSerif);
    return f;
}

QFont titleFont()
{
    QFont f = baseFont();
    f.setPixelSize(11);
    f.setBold(true);
    return f;
}
QFont subtitleFont()
{
    QFont f = baseFont();
    f.setPixelSize(10);
    return f;
}
QFont labelFont()
{
    QFont f = baseFont();
    f.setPixelSize(9);
    return f;
}

// How many device pixels a scene pixel covers: below about a third, text is unreadable and
// only costs time (a zoomed-out scene of a thousand nodes), so it is left out.
qreal levelOfDetail(const QPainter *painter)
{
    return std::sqrt(std::abs(painter->worldTransform().determinant()));
}
constexpr qreal textDetail = 0.3;

// One renderer per icon and thread (QSvgRenderer is a QObject; exports may run off the UI
// thread). Null when the icon does not exist, e.g. in the model tests without the GUI resources.
QSvgRenderer *iconRenderer(const QString &path)
{
    thread_local QHash<QString, std::shared_ptr<QSvgRenderer>> renderers;
    auto it = renderers.find(path);
    if (it == renderers.end()) {
        std::shared_ptr<QSvgRenderer> renderer;
        if (!path.isEmpty() && QFile::exists(path)) {
            renderer = std::make_shared<QSvgRenderer>(path);
            if (!renderer->isValid()) {
                qCWarning(lcGraphPainter) << "cannot render icon" << path;
                renderer.reset();
            }
        }
        it = renderers.insert(path, renderer);
    }
    return it->get();
}

// Consecutive duplicates make zero-length segments with no direction: drop them.
std::vector<QPointF> cleanPoints(const std::vector<QPointF> &points)
{
    std::vector<QPointF> out;
    out.reserve(points.size());
    for (const QPointF &p : points) {
        if (out.empty() || QLineF(out.back(), p).length() > 0.01) {
            out.push_back(p);
        }
    }
    return out;
}

// A Catmull-Rom spline through the points as cubic Bézier segments (it passes through every
// point, unlike a B-spline), optionally stopping `trimEnd` short of the last point.
QPainterPath smoothPath(std::vector<QPointF> p, qreal trimEnd)
{
    QPainterPath path;
    if (p.empty()) {
        return path;
    }
    const size_t n = p.size();
    if (n >= 2 && trimEnd > 0) {
        QLineF last(p[n - 1], p[n - 2]);
        last.setLength(std::min(trimEnd, last.length() * 0.5));
        p[n - 1] = last.p2();
    }
    path.moveTo(p[0]);
    if (n == 2) {
        path.lineTo(p[1]);
        return path;
    }
    for (size_t i = 0; i + 1 < n; ++i) {
        const QPointF &p0 = p[i == 0 ? 0 : i - 1];
        const QPointF &p1 = p[i];
        const QPointF &p2 = p[i + 1];
        const QPointF &p3 = p[std::min(i + 2, n - 1)];
        path.cubicTo(p1 + (p2 - p0) / 6, p2 - (p3 - p1) / 6, p2);
    }
    return path;
}

QPolygonF arrowHead(const std::vector<QPointF> &points)
{
    const size_t n = points.size();
    // The spline's end tangent is the last segment's direction (see smoothPath).
    QLineF back(points[n - 1], points[n - 2]);
    back.setLength(arrowLength);
    const QPointF base = back.p2();
    const QLineF normal = back.normalVector();
    const QPointF side = (normal.p2() - normal.p1()) * (arrowHalfWidth / arrowLength);
    return QPolygonF{{points[n - 1], base + side, base - side}};
}

} // namespace

QPainterPath GraphPainter::nodeShape(const DrawnNode &node)
{
    return NodeGeometry::outline(kindStyle(node.kind).shape, node.rect);
}

QRectF GraphPainter::nodePaintRect(const DrawnNode &node)
{
    const qreal m = haloWidth / 2 + 2;
    return node.rect.adjusted(-m, -m, m, m);
}

void GraphPainter::paintNode(QPainter *painter, const DrawnNode &node, quint8 state)
{
    if (!painter || !node.rect.isValid()) {
        return;
    }
    const KindStyle style = kindStyle(node.kind);
    const QPainterPath outline = NodeGeometry::outline(style.shape, node.rect);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    if (state & Dimmed) {
        painter->setOpacity(painter->opacity() * 0.25);
    }

    if (state & (Selected | Hovered)) {
        QColor halo = highlightColour();
        halo.setAlphaF((state & Selected) ? 0.45f : 0.25f);
        QPen pen(halo, haloWidth);
        pen.setJoinStyle(Qt::RoundJoin);
        painter->strokePath(outline, pen);
    }

    QColor border = node.missing ? QColor(0x80, 0x80, 0x80) : style.borderColour();
    qreal width = node.focus ? 3.0 : 1.3;
    if (node.inCycle) {
        border = cycleColour();
        width = std::max(width, 2.2);
    }
    if (state & Selected) {
        border = highlightColour();
        width += 0.7;
    }
    QPen pen(border, width);
    pen.setJoinStyle(Qt::RoundJoin);
    if (node.missing) {
        pen.setStyle(Qt::DashLine);
    }
    painter->setPen(pen);
    painter->setBrush(node.missing ? QColor(0xFA, 0xFA, 0xFA) : style.fillColour());
    painter->drawPath(outline);
    const QPainterPath details = NodeGeometry::details(style.shape, node.rect);
    if (!details.isEmpty()) {
        pen.setWidthF(1.0);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(details);
    }

    if (levelOfDetail(painter) < textDetail) {
        painter->restore();
        return;
    }
    const QRectF content = NodeGeometry::contentRect(style.shape, node.rect);
    qreal textLeft = content.left();
    if (QSvgRenderer *icon = iconRenderer(style.icon)) {
        const QRectF iconRect(content.left(), content.center().y() - NodeGeometry::iconSize / 2, NodeGeometry::iconSize,
                              NodeGeometry::iconSize);
        painter->save();
        if (node.missing) {
            painter->setOpacity(painter->opacity() * 0.5);
        }
        icon->render(painter, iconRect);
        painter->restore();
    }
    textLeft += NodeGeometry::iconSize + NodeGeometry::iconGap;
    const qreal textWidth = std::max<qreal>(0, content.right() - textLeft);
    const qreal split = content.top() + content.height() * 0.53;
    const QRectF titleRect(textLeft, content.top(), textWidth, split - content.top());
    const QRectF subtitleRect(textLeft, split, textWidth, content.bottom() - split);

    const QFont tf = titleFont();
    painter->setFont(tf);
    painter->setPen(node.missing ? QColor(0x55, 0x55, 0x55) : QColor(0x1A, 0x1A, 0x1A));
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      QFontMetricsF(tf).elidedText(node.title, Qt::ElideRight, textWidth));
    const QFont sf = subtitleFont();
    painter->setFont(sf);
    painter->setPen(QColor(0x4A, 0x4A, 0x4A));
    painter->drawText(subtitleRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      QFontMetricsF(sf).elidedText(node.subtitle(), Qt::ElideRight, textWidth));
    painter->restore();
}

QPainterPath GraphPainter::edgeShape(const DrawnEdge &edge)
{
    return smoothPath(cleanPoints(edge.path), 0);
}

QRectF GraphPainter::edgeLabelRect(const DrawnEdge &edge)
{
    const std::vector<QPointF> points = cleanPoints(edge.path);
    if (edge.label.isEmpty() || points.size() < 2) {
        return {};
    }
    // From a character measure, not font metrics, so drawings (and their bounds) are the same
    // everywhere; the 9 px label font averages under 5.5 px per character.
    const QSizeF size(std::ceil(NodeGeometry::textMeasure(edge.label, 5.5)) + 8, labelHeight);
    const QPointF middle = smoothPath(points, 0).pointAtPercent(std::clamp(edge.labelAt, 0.0, 1.0)) + edge.labelOffset;
    return QRectF(middle - QPointF(size.width() / 2, size.height() / 2), size);
}

QRectF GraphPainter::edgePaintRect(const DrawnEdge &edge, bool showLabel)
{
    const QPainterPath shape = edgeShape(edge);
    if (shape.isEmpty()) {
        return {};
    }
    const qreal m = arrowHalfWidth + 3;
    QRectF rect = shape.controlPointRect().adjusted(-m, -m, m, m);
    if (showLabel) {
        rect |= edgeLabelRect(edge);
    }
    return rect;
}

QPainterPath GraphPainter::edgeLine(const DrawnEdge &edge)
{
    const std::vector<QPointF> points = cleanPoints(edge.path);
    // Stop the line inside the arrowhead so a thick pen does not blunt its tip.
    return points.size() < 2 ? QPainterPath() : smoothPath(points, arrowLength * 0.6);
}

QPolygonF GraphPainter::edgeArrowHead(const DrawnEdge &edge)
{
    const std::vector<QPointF> points = cleanPoints(edge.path);
    return points.size() < 2 ? QPolygonF() : arrowHead(points);
}

QPen GraphPainter::edgePen(const DrawnEdge &edge, quint8 state)
{
    QColor colour = edge.inCycle ? cycleColour() : edgeColour();
    qreal width = edge.inCycle ? 2.0 : 1.3;
    if (state & (Selected | Hovered)) {
        colour = edge.inCycle ? cycleColour().darker(130) : highlightColour();
        width += (state & Selected) ? 1.2 : 0.7;
    }
    return QPen(colour, width, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
}

void GraphPainter::paintEdge(QPainter *painter, const DrawnEdge &edge, quint8 state, bool showLabel)
{
    const std::vector<QPointF> points = cleanPoints(edge.path);
    if (!painter || points.size() < 2) {
        return;
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    if (state & Dimmed) {
        painter->setOpacity(painter->opacity() * edgeDimOpacity());
    }
    const QPen pen = edgePen(edge, state);
    const QColor colour = pen.color();
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(edgeLine(edge));
    painter->setPen(QPen(colour, 1.0, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
    painter->setBrush(colour);
    painter->drawPolygon(arrowHead(points));

    if (showLabel && !edge.label.isEmpty() && levelOfDetail(painter) >= textDetail) {
        const QRectF rect = edgeLabelRect(edge);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(255, 255, 255, 225));
        painter->drawRoundedRect(rect, 3, 3);
        painter->setFont(labelFont());
        painter->setPen(edge.inCycle ? cycleColour() : QColor(0x33, 0x33, 0x33));
        painter->drawText(rect, Qt::AlignCenter | Qt::TextSingleLine, edge.label);
    }
    painter->restore();
}

void GraphPainter::paint(QPainter *painter, const GraphDrawing &drawing)
{
    if (!painter) {
        return;
    }
    // Edges under nodes, so a curve passing behind a node never hides its text.
    for (const DrawnEdge &edge : drawing.edges) {
        paintEdge(painter, edge);
    }
    for (const DrawnNode &node : drawing.nodes) {
        paintNode(painter, node);
    }
}

} // namespace Gantry::Graph
