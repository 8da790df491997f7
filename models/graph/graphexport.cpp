#include "models/graph/graphdrawing.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPainter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcGraphExport, "gantry.graph.graphexport", QtWarningMsg)

namespace Gantry::Graph {

namespace {

bool haveGuiApplication()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

} // namespace

QRectF GraphExport::area(const GraphDrawing &drawing)
{
    QRectF r = drawing.bounds;
    for (const DrawnNode &node : drawing.nodes) {
        r |= GraphPainter::nodePaintRect(node);
    }
    for (const DrawnEdge &edge : drawing.edges) {
        r |= GraphPainter::edgePaintRect(edge);
    }
    if (r.isNull()) {
        r = QRectF(0, 0, 1, 1);
    }
    const qreal m = GraphExport::margin();
    r.adjust(-m, -m, m, m);
    // Whole pixels, so that a scale of 1 maps scene pixels onto image pixels.
    return QRectF(QPointF(std::floor(r.left()), std::floor(r.top())),
                  QPointF(std::ceil(r.right()), std::ceil(r.bottom())));
}

namespace {

double round2(double v)
{
    return std::round(v * 100) / 100;
}

// A DOT double-quoted string: only `"` and `\` need escaping (a backslash before a quote would
// otherwise end the string early); `\n` in labels is added by the caller as a line break.
QString dotEscape(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\')) {
            out += QLatin1Char('\\');
        }
        out += c == QLatin1Char('\n') || c == QLatin1Char('\r') ? QLatin1Char(' ') : c;
    }
    return out;
}

QString dotQuote(const QString &text)
{
    return QLatin1Char('"') + dotEscape(text) + QLatin1Char('"');
}

QString dotShape(KindStyle::Shape shape, QString *style)
{
    using Shape = KindStyle::Shape;
    switch (shape) {
    case Shape::RoundedBox:
        *style = QStringLiteral("rounded,filled");
        return QStringLiteral("box");
    case Shape::Box:
        return QStringLiteral("box");
    case Shape::Hexagon:
        return QStringLiteral("hexagon");
    case Shape::Ellipse:
        return QStringLiteral("ellipse");
    case Shape::Cylinder:
        return QStringLiteral("cylinder");
    case Shape::Diamond:
        return QStringLiteral("diamond");
    case Shape::Tab:
        return QStringLiteral("tab");
    case Shape::Parallelogram:
        return QStringLiteral("parallelogram");
    case Shape::Octagon:
        return QStringLiteral("octagon");
    case Shape::Pill:
        return QStringLiteral("egg");
    }
    return QStringLiteral("box");
}

QString svgEscape(const QString &text)
{
    return text.toHtmlEscaped();
}

QString svgNumber(qreal v)
{
    return QString::number(round2(v), 'f', 2);
}

// QSvgGenerator writes one flat stream of drawing commands with no notion of nodes: lay an
// invisible, titled group over each node and edge so that the SVG names them (and browsers show
// the ref as a tooltip).
QByteArray svgOverlay(const GraphDrawing &drawing)
{
    QString out = QStringLiteral("<g id=\"gantry-graph\" fill=\"none\" stroke=\"none\">\n");
    for (size_t i = 0; i < drawing.edges.size(); ++i) {
        const DrawnEdge &edge = drawing.edges[i];
        const QPainterPath shape = GraphPainter::edgeShape(edge);
        if (shape.isEmpty() || edge.from < 0 || edge.to < 0 || size_t(edge.from) >= drawing.nodes.size() ||
            size_t(edge.to) >= drawing.nodes.size()) {
            continue;
        }
        QString d;
        for (int e = 0; e < shape.elementCount(); ++e) {
            const QPainterPath::Element el = shape.elementAt(e);
            d += el.isMoveTo()    ? QStringLiteral("M")
                 : el.isLineTo()  ? QStringLiteral(" L")
                 : el.isCurveTo() ? QStringLiteral(" C")
                                  : QStringLiteral(" ");
            d += svgNumber(el.x) + QLatin1Char(',') + svgNumber(el.y);
        }
        const QString name = drawing.nodes[size_t(edge.from)].ref + QLatin1Char(' ') + edge.label + QLatin1Char(' ') +
                             drawing.nodes[size_t(edge.to)].ref;
        out += QStringLiteral("<g class=\"edge\" id=\"edge-%1\"><title>%2</title>"
                              "<path d=\"%3\" stroke=\"#000000\" stroke-opacity=\"0\" stroke-width=\"8\"/></g>\n")
                   .arg(i)
                   .arg(svgEscape(name), d);
    }
    for (size_t i = 0; i < drawing.nodes.size(); ++i) {
        const DrawnNode &node = drawing.nodes[i];
        out += QStringLiteral("<g class=\"node\" id=\"node-%1\"><title>%2</title>"
                              "<rect x=\"%3\" y=\"%4\" width=\"%5\" height=\"%6\" fill=\"#ffffff\" "
                              "fill-opacity=\"0\"/></g>\n")
                   .arg(i)
                   .arg(svgEscape(node.ref), svgNumber(node.rect.x()), svgNumber(node.rect.y()),
                        svgNumber(node.rect.width()), svgNumber(node.rect.height()));
    }
    out += QStringLiteral("</g>\n");
    return out.toUtf8();
}

} // namespace

QByteArray GraphExport::toDot(const GraphDrawing &drawing)
{
    return toDot(drawing, false);
}

QByteArray GraphExport::toDot(const GraphDrawing &drawing, bool withPositions)
{
    QString out;
    out += QStringLiteral("digraph gantry {\n");
    if (drawing.truncated) {
        out += QStringLiteral("    // truncated: %1 of %2 matching entities\n")
                   .arg(drawing.nodes.size())
                   .arg(drawing.matched);
    }
    out +=
        QStringLiteral("    graph [rankdir=%1, fontname=\"Helvetica\", nodesep=0.3, ranksep=0.8];\n")
            .arg(drawing.direction == LayoutInput::Direction::TopBottom ? QStringLiteral("TB") : QStringLiteral("LR"));
    out += QStringLiteral("    node [fontname=\"Helvetica\", fontsize=10, penwidth=1.2];\n");
    out += QStringLiteral("    edge [fontname=\"Helvetica\", fontsize=8, color=\"#5a606b\", fontcolor=\"#333333\", "
                          "arrowsize=0.7];\n");
    // Graphviz points are 1/72 inch, scene pixels 1/96; its y axis points up.
    constexpr qreal pt = 72.0 / 96.0;
    for (const DrawnNode &node : drawing.nodes) {
        const KindStyle style = kindStyle(node.kind);
        QString styleAttr = QStringLiteral("filled");
        const QString shape = dotShape(style.shape, &styleAttr);
        QStringList attrs;
        attrs << QStringLiteral("label=\"%1\\n%2\"").arg(dotEscape(node.title), dotEscape(node.subtitle()));
        attrs << QStringLiteral("shape=") + shape;
        QString border = style.borderColour().name();
        if (node.missing) {
            styleAttr = QStringLiteral("dashed");
            border = QStringLiteral("#808080");
        } else {
            attrs << QStringLiteral("fillcolor=\"%1\"").arg(style.fillColour().name());
        }
        if (node.inCycle) {
            border = QStringLiteral("#c8102e");
        }
        attrs << QStringLiteral("style=\"%1\"").arg(styleAttr);
        attrs << QStringLiteral("color=\"%1\"").arg(border);
        if (node.focus) {
            attrs << QStringLiteral("penwidth=3");
        }
        if (withPositions && node.rect.isValid()) {
            attrs << QStringLiteral("pos=\"%1,%2!\"")
                         .arg(round2(node.rect.center().x() * pt))
                         .arg(round2(-node.rect.center().y() * pt));
            attrs << QStringLiteral("width=%1, height=%2, fixedsize=true")
                         .arg(round2(node.rect.width() / 96.0))
                         .arg(round2(node.rect.height() / 96.0));
        }
        out += QStringLiteral("    ") + dotQuote(node.ref) + QStringLiteral(" [") + attrs.join(QStringLiteral(", ")) +
               QStringLiteral("];\n");
    }
    for (const DrawnEdge &edge : drawing.edges) {
        if (edge.from < 0 || edge.to < 0 || size_t(edge.from) >= drawing.nodes.size() ||
            size_t(edge.to) >= drawing.nodes.size()) {
            continue;
        }
        QStringList attrs;
        attrs << QStringLiteral("label=") + dotQuote(edge.label);
        if (edge.inCycle) {
            attrs << QStringLiteral("color=\"#c8102e\", fontcolor=\"#c8102e\", penwidth=2");
        }
        out += QStringLiteral("    ") + dotQuote(drawing.nodes[size_t(edge.from)].ref) + QStringLiteral(" -> ") +
               dotQuote(drawing.nodes[size_t(edge.to)].ref) + QStringLiteral(" [") + attrs.join(QStringLiteral(", ")) +
               QStringLiteral("];\n");
    }
    out += QStringLiteral("}\n");
    return out.toUtf8();
}

QByteArray GraphExport::toJson(const GraphDrawing &drawing)
{
    QJsonArray nodes;
    for (const DrawnNode &node : drawing.nodes) {
        nodes.append(QJsonObject{
            {QStringLiteral("ref"), node.ref},
            {QStringLiteral("kind"), node.kind},
            {QStringLiteral("title"), node.title},
            {QStringLiteral("owner"), node.owner},
            {QStringLiteral("x"), round2(node.rect.x())},
            {QStringLiteral("y"), round2(node.rect.y())},
            {QStringLiteral("width"), round2(node.rect.width())},
            {QStringLiteral("height"), round2(node.rect.height())},
            {QStringLiteral("focus"), node.focus},
            {QStringLiteral("inCycle"), node.inCycle},
            {QStringLiteral("missing"), node.missing},
        });
    }
    QJsonArray edges;
    for (const DrawnEdge &edge : drawing.edges) {
        if (edge.from < 0 || edge.to < 0 || size_t(edge.from) >= drawing.nodes.size() ||
            size_t(edge.to) >= drawing.nodes.size()) {
            continue;
        }
        QJsonArray path;
        for (const QPointF &p : edge.path) {
            path.append(QJsonArray{round2(p.x()), round2(p.y())});
        }
        edges.append(QJsonObject{
            {QStringLiteral("from"), drawing.nodes[size_t(edge.from)].ref},
            {QStringLiteral("to"), drawing.nodes[size_t(edge.to)].ref},
            {QStringLiteral("type"), Catalog::relationTypeName(edge.type)},
            {QStringLiteral("path"), path},
            {QStringLiteral("inCycle"), edge.inCycle},
        });
    }
    const QJsonObject root{
        {QStringLiteral("nodes"), nodes},
        {QStringLiteral("edges"), edges},
        {QStringLiteral("bounds"), QJsonObject{{QStringLiteral("x"), round2(drawing.bounds.x())},
                                               {QStringLiteral("y"), round2(drawing.bounds.y())},
                                               {QStringLiteral("width"), round2(drawing.bounds.width())},
                                               {QStringLiteral("height"), round2(drawing.bounds.height())}}},
        {QStringLiteral("direction"),
         drawing.direction == LayoutInput::Direction::TopBottom ? QStringLiteral("TB") : QStringLiteral("LR")},
        {QStringLiteral("truncated"), drawing.truncated},
        {QStringLiteral("matched"), drawing.matched},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool GraphExport::toSvg(const GraphDrawing &drawing, QIODevice *device, QString *error)
{
    const auto fail = [error](const QString &message) {
        qCWarning(lcGraphExport) << message;
        if (error) {
            *error = message;
        }
        return false;
    };
    if (!device || !device->isWritable()) {
        return fail(QCoreApplication::translate("Gantry::Graph::GraphExport", "the output is not open for writing"));
    }
    if (!haveGuiApplication()) {
        return fail(QCoreApplication::translate("Gantry::Graph::GraphExport", "drawing text needs a QGuiApplication"));
    }
    const QRectF view = GraphExport::area(drawing);
    QByteArray svg;
    {
        QBuffer buffer(&svg);
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setTitle(QCoreApplication::translate("Gantry::Graph::GraphExport", "Gantry service graph"));
        generator.setDescription(
            QCoreApplication::translate("Gantry::Graph::GraphExport", "%1 entities and %2 relations, drawn by Gantry")
                .arg(drawing.nodes.size())
                .arg(drawing.edges.size()));
        // 96 dpi: one scene pixel is one CSS pixel, so browsers show it at its natural size.
        generator.setResolution(96);
        generator.setSize(view.size().toSize());
        generator.setViewBox(view);
        QPainter painter;
        if (!painter.begin(&generator)) {
            return fail(QCoreApplication::translate("Gantry::Graph::GraphExport", "cannot paint the SVG"));
        }
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.fillRect(view, Qt::white);
        GraphPainter::paint(&painter, drawing);
        painter.end();
    }
    const qsizetype end = svg.lastIndexOf("</svg>");
    if (end < 0) {
        return fail(QCoreApplication::translate("Gantry::Graph::GraphExport", "the SVG generator wrote no document"));
    }
    svg.insert(end, svgOverlay(drawing));
    if (device->write(svg) != svg.size()) {
        return fail(device->errorString());
    }
    return true;
}

QImage GraphExport::toImage(const GraphDrawing &drawing, qreal scale)
{
    if (!haveGuiApplication()) {
        qCWarning(lcGraphExport) << "drawing text needs a QGuiApplication: no image";
        return {};
    }
    const QRectF view = GraphExport::area(drawing);
    if (!(scale > 0) || !std::isfinite(scale)) {
        scale = 1.0;
    }
    const qreal largest = std::max(view.width(), view.height()) * scale;
    if (largest > maxImageSide()) {
        scale *= maxImageSide() / largest;
        qCWarning(lcGraphExport) << "the graph is too large for an image; scaling it down to" << scale;
    }
    const auto side = [scale](qreal length) {
        return std::clamp(int(std::ceil(length * scale - 1e-6)), 1, maxImageSide());
    };
    const QSize size(side(view.width()), side(view.height()));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        qCWarning(lcGraphExport) << "cannot allocate an image of" << size;
        return {};
    }
    image.fill(Qt::white);
    // 96 dpi times the scale, so viewers show the image at its natural size.
    image.setDotsPerMeterX(int(std::lround(96 / 0.0254 * scale)));
    image.setDotsPerMeterY(int(std::lround(96 / 0.0254 * scale)));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.scale(scale, scale);
    painter.translate(-view.topLeft());
    GraphPainter::paint(&painter, drawing);
    painter.end();
    return image;
}

} // namespace Gantry::Graph
