#include "models/graph/layeredlayout.h"

#include "models/graph/layeredcomponent.h"

#include <algorithm>
#include <cmath>
#include <numeric>

// Splits the graph into connected components, bundles the edges of each node pair (parallel and
// reverse edges become one arc with a weight, drawn as separated paths), lays each component out
// with the Sugiyama phases of layeredcomponent.cpp, packs the components side by side and turns
// the abstract (rank, order) coordinates into the requested direction.

namespace Gantry::Graph {
namespace {

using Layered::Arc;
using Layered::ComponentInput;
using Layered::ComponentLayout;

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

double sane(double value, double fallback)
{
    return std::isfinite(value) && value >= 0 ? value : fallback;
}

int findRoot(std::vector<int> &parent, int v)
{
    while (parent[size_t(v)] != v) {
        parent[size_t(v)] = parent[size_t(parent[size_t(v)])];
        v = parent[size_t(v)];
    }
    return v;
}

// (rank, order) while laying out; x/y at the end.
struct Local
{
    double rank;
    double order;
};

struct Component
{
    std::vector<int> nodes; // input node indexes, ascending
    double rankSpan = 0;
    double orderSpan = 0;
    double orderMin = 0;
    double rankOffset = 0;
    double orderOffset = 0;
};

} // namespace

LayoutResult layeredLayout(const LayoutInput &input, const std::atomic_bool *cancel)
{
    LayoutResult result;
    const int n = int(input.nodeSizes.size());
    result.nodeCentres.assign(size_t(n), QPointF());
    result.edgePaths.assign(input.edges.size(), {});
    if (n == 0) {
        return result;
    }
    const bool leftRight = input.direction == LayoutInput::Direction::LeftRight;
    const double nodeSeparation = sane(input.nodeSeparation, 24);
    const double layerSeparation = sane(input.layerSeparation, 80);
    const double edgeSpacing = std::clamp(nodeSeparation / 3, 4.0, 12.0);
    const double loopBase = std::max(12.0, layerSeparation / 5);
    const double loopStep = edgeSpacing;

    std::vector<double> rankSize(static_cast<size_t>(n));
    std::vector<double> orderSize(static_cast<size_t>(n));
    for (int v = 0; v < n; ++v) {
        const QSizeF &s = input.nodeSizes[size_t(v)];
        rankSize[size_t(v)] = sane(leftRight ? s.width() : s.height(), 0);
        orderSize[size_t(v)] = sane(leftRight ? s.height() : s.width(), 0);
    }

    // Self-loops reserve room beside their node; other valid edges are bundled per node pair.
    std::vector<int> selfLoops(size_t(n), 0);
    std::vector<int> paired;
    paired.reserve(input.edges.size());
    for (size_t e = 0; e < input.edges.size(); ++e) {
        const auto &edge = input.edges[e];
        if (edge.from < 0 || edge.to < 0 || edge.from >= n || edge.to >= n) {
            continue; // no such node: nothing to draw
        }
        if (edge.from == edge.to) {
            ++selfLoops[size_t(edge.from)];
        } else {
            paired.push_back(int(e));
        }
    }
    auto pairKey = [&](int e) {
        const auto &edge = input.edges[size_t(e)];
        return std::pair(std::min(edge.from, edge.to), std::max(edge.from, edge.to));
    };
    std::stable_sort(paired.begin(), paired.end(), [&](int a, int b) { return pairKey(a) < pairKey(b); });
    std::vector<int> bundleStart; // bundles of `paired`: [bundleStart[b], bundleStart[b + 1])
    for (size_t i = 0; i < paired.size(); ++i) {
        if (i == 0 || pairKey(paired[i]) != pairKey(paired[i - 1])) {
            bundleStart.push_back(int(i));
        }
    }
    const int bundles = int(bundleStart.size());
    bundleStart.push_back(int(paired.size()));

    // Connected components, numbered by their lowest node.
    std::vector<int> parent(static_cast<size_t>(n));
    std::iota(parent.begin(), parent.end(), 0);
    for (int b = 0; b < bundles; ++b) {
        const auto [lo, hi] = pairKey(paired[size_t(bundleStart[size_t(b)])]);
        const int ra = findRoot(parent, lo);
        const int rb = findRoot(parent, hi);
        if (ra != rb) {
            parent[size_t(std::max(ra, rb))] = std::min(ra, rb);
        }
    }
    std::vector<int> componentOf(size_t(n), -1);
    std::vector<int> localIndex(size_t(n), 0);
    std::vector<Component> components;
    for (int v = 0; v < n; ++v) {
        const int root = findRoot(parent, v);
        if (componentOf[size_t(root)] < 0) {
            componentOf[size_t(root)] = int(components.size());
            components.emplace_back();
        }
        const int c = componentOf[size_t(root)];
        componentOf[size_t(v)] = c;
        localIndex[size_t(v)] = int(components[size_t(c)].nodes.size());
        components[size_t(c)].nodes.push_back(v);
    }
    std::vector<std::vector<int>> bundlesOf(components.size());
    for (int b = 0; b < bundles; ++b) {
        bundlesOf[size_t(componentOf[size_t(pairKey(paired[size_t(bundleStart[size_t(b)])]).first)])].push_back(b);
    }

    auto loopExtent = [&](int v) {
        return selfLoops[size_t(v)] > 0 ? loopBase + (selfLoops[size_t(v)] - 1) * loopStep : 0.0;
    };

    // Lays out every component in local coordinates: node centres and edge paths as (rank, order).
    std::vector<Local> centre(static_cast<size_t>(n));
    std::vector<std::vector<Local>> paths(input.edges.size());
    ComponentInput ci;
    ci.nodeSeparation = nodeSeparation;
    ci.layerSeparation = layerSeparation;
    ci.edgeSpacing = edgeSpacing;
    ComponentLayout cl;
    for (size_t c = 0; c < components.size(); ++c) {
        if (isCancelled(cancel)) {
            result.cancelled = true;
            return result;
        }
        Component &comp = components[c];
        const int size = int(comp.nodes.size());
        ci.orderExtent.resize(size_t(size));
        ci.rankExtent.resize(size_t(size));
        for (int i = 0; i < size; ++i) {
            const int v = comp.nodes[size_t(i)];
            ci.orderExtent[size_t(i)] = orderSize[size_t(v)] + 2 * loopExtent(v);
            ci.rankExtent[size_t(i)] = rankSize[size_t(v)];
        }
        if (size == 1) {
            const int v = comp.nodes[0];
            centre[size_t(v)] = {rankSize[size_t(v)] / 2, 0};
            comp.rankSpan = rankSize[size_t(v)];
            comp.orderMin = -ci.orderExtent[0] / 2;
            comp.orderSpan = ci.orderExtent[0];
            continue;
        }
        ci.arcs.clear();
        for (const int b : bundlesOf[c]) {
            const int begin = bundleStart[size_t(b)];
            const int end = bundleStart[size_t(b) + 1];
            const auto [lo, hi] = pairKey(paired[size_t(begin)]);
            int forward = 0;
            for (int i = begin; i < end; ++i) {
                forward += input.edges[size_t(paired[size_t(i)])].from == lo ? 1 : 0;
            }
            // The majority direction, so that a reverse edge is the one drawn against the flow.
            const bool down = 2 * forward >= end - begin;
            ci.arcs.push_back({localIndex[size_t(down ? lo : hi)], localIndex[size_t(down ? hi : lo)], end - begin});
        }
        if (!Layered::layOutComponent(ci, cl, cancel)) {
            result.cancelled = true;
            return result;
        }
        for (int i = 0; i < size; ++i) {
            centre[size_t(comp.nodes[size_t(i)])] = {cl.layerCentre[size_t(cl.layer[size_t(i)])], cl.order[size_t(i)]};
        }
        comp.rankSpan = cl.rankMax;
        comp.orderMin = cl.orderMin;
        comp.orderSpan = cl.orderMax - cl.orderMin;

        // Edge paths: from the source's border through the dummy nodes to the target's border;
        // the k edges of a bundle are spread across it, k > 1 always gets a distinct middle point.
        for (size_t a = 0; a < ci.arcs.size(); ++a) {
            const int b = bundlesOf[c][a];
            const int begin = bundleStart[size_t(b)];
            const int k = bundleStart[size_t(b) + 1] - begin;
            const int s = comp.nodes[size_t(cl.flipped[a] ? ci.arcs[a].to : ci.arcs[a].from)];
            const int t = comp.nodes[size_t(cl.flipped[a] ? ci.arcs[a].from : ci.arcs[a].to)];
            const double spreadS = k > 1 ? std::min(edgeSpacing, 0.8 * orderSize[size_t(s)] / (k - 1)) : 0;
            const double spreadT = k > 1 ? std::min(edgeSpacing, 0.8 * orderSize[size_t(t)] / (k - 1)) : 0;
            const Local cs = centre[size_t(s)];
            const Local ct = centre[size_t(t)];
            for (int j = 0; j < k; ++j) {
                const int e = paired[size_t(begin + j)];
                const double slot = j - (k - 1) / 2.0;
                std::vector<Local> &path = paths[size_t(e)];
                path.reserve(size_t(2 * (cl.chainStart[a + 1] - cl.chainStart[a]) + 3));
                path.push_back({cs.rank + rankSize[size_t(s)] / 2, cs.order + slot * spreadS});
                for (int d = cl.chainStart[a]; d < cl.chainStart[a + 1]; ++d) {
                    const int dummy = cl.chainNodes[size_t(d)];
                    const int layer = cl.layer[size_t(dummy)];
                    const double o = cl.order[size_t(dummy)] + slot * edgeSpacing;
                    const double band = cl.layerExtent[size_t(layer)] / 2;
                    if (band > 0) {
                        path.push_back({cl.layerCentre[size_t(layer)] - band, o});
                        path.push_back({cl.layerCentre[size_t(layer)] + band, o});
                    } else {
                        path.push_back({cl.layerCentre[size_t(layer)], o});
                    }
                }
                const Local end{ct.rank - rankSize[size_t(t)] / 2, ct.order + slot * spreadT};
                if (k > 1 && cl.chainStart[a] == cl.chainStart[a + 1]) {
                    path.push_back(
                        {(path.front().rank + end.rank) / 2, (cs.order + ct.order) / 2 + slot * edgeSpacing});
                }
                path.push_back(end);
                if (input.edges[size_t(e)].from != s) {
                    std::reverse(path.begin(), path.end());
                }
            }
        }
    }

    // Self-loops: nested loops on the low-order side of the node, in the room reserved above.
    std::vector<int> loopsDrawn(size_t(n), 0);
    for (size_t e = 0; e < input.edges.size(); ++e) {
        const auto &edge = input.edges[e];
        if (edge.from != edge.to || edge.from < 0 || edge.from >= n) {
            continue;
        }
        const int v = edge.from;
        const int j = loopsDrawn[size_t(v)]++;
        const double reach = loopBase + j * loopStep;
        const double half = std::max(4.0, rankSize[size_t(v)] / 4 - j * 2.0);
        const Local c = centre[size_t(v)];
        const double side = c.order - orderSize[size_t(v)] / 2;
        paths[e] = {
            {c.rank + half, side}, {c.rank + half, side - reach}, {c.rank - half, side - reach}, {c.rank - half, side}};
    }
    if (isCancelled(cancel)) {
        result.cancelled = true;
        return result;
    }

    // Components side by side along the order axis, largest first, wrapping into further rows
    // so that many small components do not make one endless strip.
    const double gap = 2 * nodeSeparation;
    std::vector<int> byCount(components.size());
    std::iota(byCount.begin(), byCount.end(), 0);
    std::stable_sort(byCount.begin(), byCount.end(), [&](int a, int b) {
        return components[size_t(a)].nodes.size() > components[size_t(b)].nodes.size();
    });
    double area = 0;
    double widest = 0;
    for (const Component &comp : components) {
        area += (comp.orderSpan + gap) * (comp.rankSpan + gap);
        widest = std::max(widest, comp.orderSpan);
    }
    const double limit = std::max(widest, std::sqrt(area));
    double cursor = 0;
    double row = 0;
    double rowDepth = 0;
    for (const int c : byCount) {
        Component &comp = components[size_t(c)];
        if (cursor > 0 && cursor + comp.orderSpan > limit) {
            row += rowDepth + layerSeparation;
            cursor = 0;
            rowDepth = 0;
        }
        comp.rankOffset = row;
        comp.orderOffset = cursor - comp.orderMin;
        cursor += comp.orderSpan + gap;
        rowDepth = std::max(rowDepth, comp.rankSpan);
    }

    auto toPoint = [leftRight](const Component &comp, Local l) {
        const double rank = l.rank + comp.rankOffset;
        const double order = l.order + comp.orderOffset;
        return leftRight ? QPointF(rank, order) : QPointF(order, rank);
    };
    QRectF bounds;
    for (int v = 0; v < n; ++v) {
        const QPointF p = toPoint(components[size_t(componentOf[size_t(v)])], centre[size_t(v)]);
        result.nodeCentres[size_t(v)] = p;
        const QSizeF s(leftRight ? rankSize[size_t(v)] : orderSize[size_t(v)],
                       leftRight ? orderSize[size_t(v)] : rankSize[size_t(v)]);
        bounds |= QRectF(p.x() - s.width() / 2, p.y() - s.height() / 2, std::max(s.width(), 1e-6),
                         std::max(s.height(), 1e-6));
    }
    for (size_t e = 0; e < paths.size(); ++e) {
        if (paths[e].empty()) {
            continue;
        }
        const Component &comp = components[size_t(componentOf[size_t(input.edges[e].from)])];
        auto &out = result.edgePaths[e];
        out.reserve(paths[e].size());
        double minX = 0, minY = 0, maxX = 0, maxY = 0;
        for (const Local &l : paths[e]) {
            const QPointF p = toPoint(comp, l);
            if (out.empty()) {
                minX = maxX = p.x();
                minY = maxY = p.y();
            }
            minX = std::min(minX, p.x());
            maxX = std::max(maxX, p.x());
            minY = std::min(minY, p.y());
            maxY = std::max(maxY, p.y());
            out.push_back(p);
        }
        bounds |= QRectF(QPointF(minX, minY), QPointF(maxX + 1e-6, maxY + 1e-6));
    }
    result.bounds = bounds;
    return result;
}

} // namespace Gantry::Graph
