#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <atomic>
#include <vector>

namespace Gantry::Graph {

// A layered (Sugiyama-style) layout for directed graphs: every node gets a position, every edge
// a path, parallel and reverse edges included. Pure and thread-safe: run it off the UI thread.
struct LayoutInput
{
    enum class Direction : quint8 { LeftRight, TopBottom };

    std::vector<QSizeF> nodeSizes;
    struct Edge
    {
        int from = 0;
        int to = 0;
    };
    std::vector<Edge> edges;
    Direction direction = Direction::LeftRight;
    double nodeSeparation = 24;  // between nodes in one layer
    double layerSeparation = 80; // between layers
};

struct LayoutResult
{
    std::vector<QPointF> nodeCentres;
    // Per input edge, in order: the polyline from the source's border to the target's border;
    // draw it as a smooth curve through these points.
    std::vector<std::vector<QPointF>> edgePaths;
    QRectF bounds;
    bool cancelled = false;
};

LayoutResult layeredLayout(const LayoutInput &input, const std::atomic_bool *cancel = nullptr);

} // namespace Gantry::Graph
