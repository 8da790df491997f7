#include "models/graph/nodegeometry.h"

#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace Gantry::Graph {

namespace {

using Shape = KindStyle::Shape;

constexpr qreal cylinderCap = 6;   // vertical radius of a cylinder's end ellipses
constexpr qreal tabHeight = 8;     // height of a folder's tab
constexpr qreal hexagonInset = 14; // how far an API hexagon's points stick out
constexpr qreal diamondInset = 30; // a template's wider, diamond-like points
constexpr qreal octagonCut = 10;
constexpr qreal slant = 12;                 // a parallelogram's horizontal offset
constexpr qreal ellipseTextFraction = 0.82; // of an ellipse's width usable at the text's top and bottom

struct Margins
{
    qreal left, top, right, bottom;
};

// Room around the content block so that it stays inside the shape's outline.
Margins marginsFor(Shape shape)
{
    switch (shape) {
    case Shape::RoundedBox:
    case Shape::Box:
        return {10, 7, 10, 7};
    case Shape::Hexagon:
        return {hexagonInset + 6, 7, hexagonInset + 6, 7};
    case Shape::Diamond:
        return {diamondInset * 0.72 + 6, 7, diamondInset * 0.72 + 6, 7};
    case Shape::Ellipse:
        return {0, 13, 0, 13}; // horizontal margins depend on the width: see contentRect
    case Shape::Pill:
        return {16, 7, 16, 7};
    case Shape::Cylinder:
        return {10, 2 * cylinderCap + 3, 10, cylinderCap + 3};
    case Shape::Tab:
        return {10, tabHeight + 7, 10, 7};
    case Shape::Octagon:
        return {octagonCut + 6, 7, octagonCut + 6, 7};
    case Shape::Parallelogram:
        return {slant + 8, 7, slant + 8, 7};
    }
    return {10, 7, 10, 7};
}

qreal characterWeight(char32_t c)
{
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
        (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x1F300 && c <= 0x1FAFF) ||
        (c >= 0x20000 && c <= 0x3FFFD)) {
        return 2.0; // East Asian wide characters and emoji
    }
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:
        return 0;
    case QChar::Letter_Uppercase:
        return 1.1;
    default:
        break;
    }
    switch (c) {
    case U'i':
    case U'l':
    case U'j':
    case U'.':
    case U',':
    case U':':
    case U';':
    case U'\'':
    case U'|':
    case U'!':
    case U' ':
        return 0.6;
    case U'f':
    case U't':
    case U'r':
    case U'(':
    case U')':
    case U'-':
    case U'/':
        return 0.75;
    case U'm':
    case U'w':
        return 1.45;
    default:
        return 1.0;
    }
}

} // namespace

qreal NodeGeometry::textMeasure(const QString &text, qreal perCharacter)
{
    qreal units = 0;
    for (const char32_t c : text.toUcs4()) {
        units += characterWeight(c);
    }
    return units * perCharacter;
}

QSizeF NodeGeometry::nodeSize(KindStyle::Shape shape, const QString &title, const QString &subtitle)
{
    // Title 11 px bold, subtitle 10 px: about 7 and 6 px per average character (DejaVu Sans; a
    // little more for the title so that common fonts fit). Long text is
    // elided when painted, so the measure only needs to be close, not exact.
    const qreal text = std::max(textMeasure(title, 7.4), textMeasure(subtitle, 6.0));
    const qreal content = std::clamp(iconSize + iconGap + text + 4, 96.0, 252.0);
    const Margins m = marginsFor(shape);
    qreal width = content + m.left + m.right;
    if (shape == Shape::Ellipse) {
        width = (content + 8) / ellipseTextFraction;
    }
    width = std::max(width, 120.0);
    return QSizeF(std::ceil(width), contentHeight + m.top + m.bottom);
}

QRectF NodeGeometry::contentRect(KindStyle::Shape shape, const QRectF &rect)
{
    Margins m = marginsFor(shape);
    if (shape == Shape::Ellipse) {
        m.left = m.right = rect.width() * (1 - ellipseTextFraction) / 2 + 4;
    }
    return rect.adjusted(m.left, m.top, -m.right, -m.bottom);
}

QPainterPath NodeGeometry::outline(KindStyle::Shape shape, const QRectF &r)
{
    QPainterPath path;
    const qreal x = r.x();
    const qreal y = r.y();
    const qreal w = r.width();
    const qreal h = r.height();
    const qreal cy = r.center().y();
    const auto pointed = [&](qreal inset) {
        inset = std::min(inset, w / 2);
        path.addPolygon(QPolygonF{{QPointF(x + inset, y), QPointF(x + w - inset, y), QPointF(x + w, cy),
                                   QPointF(x + w - inset, y + h), QPointF(x + inset, y + h), QPointF(x, cy)}});
        path.closeSubpath();
    };
    switch (shape) {
    case Shape::RoundedBox:
        path.addRoundedRect(r, 8, 8);
        break;
    case Shape::Box:
        path.addRoundedRect(r, 2, 2);
        break;
    case Shape::Hexagon:
        pointed(hexagonInset);
        break;
    case Shape::Diamond:
        pointed(diamondInset);
        break;
    case Shape::Ellipse:
        path.addEllipse(r);
        break;
    case Shape::Pill:
        path.addRoundedRect(r, h / 2, h / 2);
        break;
    case Shape::Cylinder: {
        const qreal ry = std::min(cylinderCap, h / 4);
        path.moveTo(x, y + ry);
        path.lineTo(x, y + h - ry);
        path.arcTo(QRectF(x, y + h - 2 * ry, w, 2 * ry), 180, 180);
        path.lineTo(x + w, y + ry);
        path.arcTo(QRectF(x, y, w, 2 * ry), 0, 180);
        path.closeSubpath();
        break;
    }
    case Shape::Tab: {
        const qreal tabWidth = std::min(w * 0.4, 64.0);
        path.addPolygon(
            QPolygonF{{QPointF(x, y), QPointF(x + tabWidth, y), QPointF(x + tabWidth + tabHeight, y + tabHeight),
                       QPointF(x + w, y + tabHeight), QPointF(x + w, y + h), QPointF(x, y + h)}});
        path.closeSubpath();
        break;
    }
    case Shape::Octagon: {
        const qreal c = std::min(octagonCut, std::min(w, h) / 3);
        path.addPolygon(
            QPolygonF{{QPointF(x + c, y), QPointF(x + w - c, y), QPointF(x + w, y + c), QPointF(x + w, y + h - c),
                       QPointF(x + w - c, y + h), QPointF(x + c, y + h), QPointF(x, y + h - c), QPointF(x, y + c)}});
        path.closeSubpath();
        break;
    }
    case Shape::Parallelogram: {
        const qreal s = std::min(slant, w / 4);
        path.addPolygon(
            QPolygonF{{QPointF(x + s, y), QPointF(x + w, y), QPointF(x + w - s, y + h), QPointF(x, y + h)}});
        path.closeSubpath();
        break;
    }
    }
    return path;
}

QPainterPath NodeGeometry::details(KindStyle::Shape shape, const QRectF &r)
{
    QPainterPath path;
    if (shape == Shape::Cylinder) {
        const qreal ry = std::min(cylinderCap, r.height() / 4);
        path.moveTo(r.x(), r.y() + ry);
        path.arcTo(QRectF(r.x(), r.y(), r.width(), 2 * ry), 180, 180);
    } else if (shape == Shape::Tab) {
        const qreal tabWidth = std::min(r.width() * 0.4, 64.0);
        path.moveTo(r.x(), r.y() + tabHeight);
        path.lineTo(r.x() + tabWidth + tabHeight, r.y() + tabHeight);
    }
    return path;
}

} // namespace Gantry::Graph
