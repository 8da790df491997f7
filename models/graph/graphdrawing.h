#pragma once

#include "models/catalog/catalog.h"
#include "models/catalog/entitygraph.h"
#include "models/graph/layeredlayout.h"

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QPainterPath>
#include <QPen>
#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <atomic>
#include <vector>

class QIODevice;
class QPainter;

namespace Gantry::Graph {

// How a kind looks: a distinct shape, colour and icon per kind (same in the window and in exports).
struct KindStyle
{
    // Component RoundedBox, API Hexagon, Resource Cylinder, System Tab, Domain Octagon, Group Ellipse,
    // User Pill, Location Parallelogram, Template Diamond (a stretched, flat-topped one); unknown kinds Box.
    enum class Shape : quint8 {
        RoundedBox,
        Box,
        Hexagon,
        Ellipse,
        Cylinder,
        Diamond,
        Tab,
        Parallelogram,
        Octagon,
        Pill
    };
    Shape shape = Shape::RoundedBox;
    QColor colour; // the kind's base colour (Okabe–Ito based); fills are light tints of it
    QString icon;  // resource path, e.g. ":/icons/kind-component.svg" (may be absent outside the GUI)

    // What nodes are painted with (also for a legend): a light tint of `colour`, a darker shade.
    QColor fillColour() const;
    QColor borderColour() const;
};
// Case-insensitive; unknown kinds get a grey box and ":/icons/kind-entity.svg".
KindStyle kindStyle(const QString &kind);

struct DrawnNode
{
    QString ref;
    QString title; // display name
    QString kind;
    QString owner; // short owner name ("team-a", "ops/team-b"), or empty
    QRectF rect;   // in scene coordinates
    bool focus = false;
    bool inCycle = false;
    bool missing = false; // not in the catalog (a dangling reference)

    QString subtitle() const; // "Component · team-a" (or just the kind): the node's second line
};

struct DrawnEdge
{
    int from = 0;
    int to = 0;
    Catalog::RelationType type = Catalog::RelationType::DependsOn;
    QString label; // "dependsOn", ...
    std::vector<QPointF> path;
    bool inCycle = false;
    // Where its label sits: at `labelAt` along the curve (0 source … 1 target) plus `labelOffset`.
    // Normally the middle; the labels of edges joining the same two nodes are spread out along
    // their curves, or stacked beside each other where the curves are short, so none covers another.
    qreal labelAt = 0.5;
    QPointF labelOffset;
};

// A laid-out graph, ready to paint or export. Node sizes come from a deterministic text measure,
// so positions are the same with or without a display (the command line's JSON is stable).
struct GraphDrawing
{
    std::vector<DrawnNode> nodes;
    std::vector<DrawnEdge> edges;
    QRectF bounds;
    LayoutInput::Direction direction = LayoutInput::Direction::LeftRight;
    bool truncated = false;
    int matched = 0;
    bool cancelled = false;

    int indexOf(const QString &ref) const;
};

// Selection → sizes → layered layout → drawing. Thread-safe; run it off the UI thread.
// A missing entity (GraphNode::entity == -1 and not found by ref) is drawn dashed with its ref as
// title. Edges are labelled with relationTypeName(). If `cancel` becomes true the result has
// `cancelled` set and no geometry worth drawing.
GraphDrawing layOutSelection(const Catalog::Catalog &catalog, const Catalog::GraphSelection &selection,
                             LayoutInput::Direction direction, const std::atomic_bool *cancel = nullptr);

// Painting shared by the window's scene and the exports. Everything is painted in scene
// coordinates (node.rect, edge.path) with a saved and restored painter, so a QGraphicsItem at
// pos (0, 0) can call paintNode/paintEdge from its paint() directly. Colours do not depend on the
// palette, so the window and the exports look the same. Text and icons are left out when the
// painter's transform shrinks a scene pixel below 0.3 device pixels (unreadable, and slow).
class GraphPainter final
{
public:
    enum State : quint8 { Normal = 0, Selected = 1, Hovered = 2, Dimmed = 4 };
    static void paintNode(QPainter *painter, const DrawnNode &node, quint8 state = Normal);
    static void paintEdge(QPainter *painter, const DrawnEdge &edge, quint8 state = Normal, bool showLabel = true);
    static void paint(QPainter *painter, const GraphDrawing &drawing);
    // A smooth path through an edge's polyline (cubic segments), ending at the target's border.
    static QPainterPath edgeShape(const DrawnEdge &edge);
    // The pieces of paintEdge, for a scene that draws many edges from cached geometry: the curve
    // it strokes (edgeShape stopped inside the arrowhead), the pen it strokes it with, the
    // arrowhead (outlined with a 1 px pen and filled in the pen's colour) and, for Dimmed, the
    // opacity everything is painted with.
    static QPainterPath edgeLine(const DrawnEdge &edge);
    static QPen edgePen(const DrawnEdge &edge, quint8 state);
    static QPolygonF edgeArrowHead(const DrawnEdge &edge);
    static constexpr qreal edgeDimOpacity() { return 0.2; }

    // For QGraphicsItem::shape() and boundingRect():
    // the node's outline (its kind's shape) in scene coordinates;
    static QPainterPath nodeShape(const DrawnNode &node);
    // everything paintNode may touch (the selection halo lies outside node.rect);
    static QRectF nodePaintRect(const DrawnNode &node);
    // where paintEdge draws the label (empty if the edge has no label);
    static QRectF edgeLabelRect(const DrawnEdge &edge);
    // everything paintEdge may touch: the curve, the arrowhead and the label.
    static QRectF edgePaintRect(const DrawnEdge &edge, bool showLabel = true);
};

// Exports (File → Export in the window, `gantry catalog graph --format` on the command line).
// toSvg and toImage paint text, which needs a QGuiApplication (the offscreen platform will do):
// without one toSvg fails with an error and toImage returns a null image. toDot and toJson never
// paint and work under a QCoreApplication.
class GraphExport final
{
public:
    // Graphviz DOT: `digraph`, rankdir from the direction, one node per ref with label
    // "title\nkind · owner", shape and colours close to the window's, dashed missing nodes, edges
    // labelled with their relation type, cycle edges red.
    static QByteArray toDot(const GraphDrawing &drawing);
    // As above; with `withPositions` every node also gets pos="x,y!" (points, y up) for `neato -n`.
    static QByteArray toDot(const GraphDrawing &drawing, bool withPositions);
    // Indented JSON, keys sorted, coordinates in scene pixels (y down) rounded to 0.01:
    // {"nodes": [{ref, kind, title, owner, x, y, width, height, focus, inCycle, missing}],
    //  "edges": [{from, to, type, path: [[x, y], ...], inCycle}], "bounds": {x, y, width, height},
    //  "direction": "LR"|"TB", "truncated": bool, "matched": int}
    // x, y is a node's top-left corner; from/to are node refs; type is the relation type name
    // ("dependsOn"); path runs from the source's border to the target's border (at least 2 points).
    static QByteArray toJson(const GraphDrawing &drawing);
    // SVG (1.2 Tiny, as QSvgGenerator writes it) titled "Gantry service graph", viewBox = bounds + margin in scene
    // coordinates. Each node's title is written as text, and an invisible <g class="node" id="node-N"> with a <title>
    // holding the ref (a tooltip in browsers) is laid over each node, likewise "edge-N".
    static bool toSvg(const GraphDrawing &drawing, QIODevice *device, QString *error = nullptr);
    // ARGB32 (premultiplied), white background, antialiased, (bounds + margin) × scale pixels;
    // the scale is reduced if either side would exceed maxImageSide().
    static QImage toImage(const GraphDrawing &drawing, qreal scale = 1.0);

    // The area both exports show, in scene coordinates: everything painted plus margin(), on
    // whole pixels. toImage maps its top-left corner to pixel (0, 0).
    static QRectF area(const GraphDrawing &drawing);

    static constexpr qreal margin() { return 24; }
    static constexpr int maxImageSide() { return 16384; }
};

} // namespace Gantry::Graph
