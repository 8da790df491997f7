#pragma once

#include "models/graph/graphdrawing.h"

#include <QPainterPath>
#include <QRectF>
#include <QSizeF>

namespace Gantry::Graph {

// The geometry of a node's kind shape: how big a node must be for its text, its outline, and the
// part of it where the icon and the two text lines go. Shared by layOutSelection (sizes) and
// GraphPainter (drawing) so that text sized for a shape fits inside it.
class NodeGeometry final
{
public:
    // Height of the icon-and-two-lines block every shape leaves room for.
    static constexpr qreal contentHeight = 34;
    static constexpr qreal iconSize = 16;
    static constexpr qreal iconGap = 6;

    // A deterministic size from character counts (never from fonts): the same on every machine.
    static QSizeF nodeSize(KindStyle::Shape shape, const QString &title, const QString &subtitle);
    static QPainterPath outline(KindStyle::Shape shape, const QRectF &rect);
    // Open strokes drawn over the outline: a cylinder's rim, a folder's tab line. Often empty.
    static QPainterPath details(KindStyle::Shape shape, const QRectF &rect);
    static QRectF contentRect(KindStyle::Shape shape, const QRectF &rect);
    // An approximate text width in pixels for the node fonts: a per-character measure.
    static qreal textMeasure(const QString &text, qreal perCharacter);
};

} // namespace Gantry::Graph
