#include "models/graph/layeredcomponent.h"

#include <algorithm>
#include <cstdint>
#include <numeric>

// The phases of a Sugiyama layout, each linear or O(E log V) per pass so that 5,000 entities
// with their dummy nodes stay well under a second:
//  1. cycle removal by DFS (back arcs are flipped, the caller draws them in their own direction);
//  2. longest-path layering, then sources pulled down next to their successors (a one-pass
//     promotion that shortens edges without the cost of network simplex);
//  3. long arcs split into chains of dummy nodes, one chain per bundle of parallel edges;
//  4. crossing reduction: DFS initial order, weighted barycenter sweeps down and up, keeping the
//     best order by exact crossing count (Barth-Juenger-Mutzel accumulator tree), stopping early;
//  5. coordinates: per layer, a weighted least-squares placement at the neighbours' barycentres
//     under order and separation constraints, solved exactly by pool-adjacent-violators; dummy
//     nodes weigh more so that long edges stay straight.

namespace Gantry::Graph::Layered {
namespace {

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// Compressed adjacency: the neighbours of v are at [start[v], start[v + 1]).
struct Adjacency
{
    std::vector<int> start;
    std::vector<int> node;
    std::vector<int> weight;
    std::vector<int> item; // what the entry came from (an arc index)
};

struct Link
{
    int from;
    int to;
    int weight;
};

Adjacency buildAdjacency(int n, const std::vector<Link> &links, bool outgoing)
{
    Adjacency adj;
    adj.start.assign(size_t(n) + 1, 0);
    for (const Link &l : links) {
        ++adj.start[size_t(outgoing ? l.from : l.to) + 1];
    }
    std::partial_sum(adj.start.begin(), adj.start.end(), adj.start.begin());
    adj.node.resize(links.size());
    adj.weight.resize(links.size());
    adj.item.resize(links.size());
    std::vector<int> fill(adj.start.begin(), adj.start.end() - 1);
    for (size_t i = 0; i < links.size(); ++i) {
        const Link &l = links[i];
        const int at = fill[size_t(outgoing ? l.from : l.to)]++;
        adj.node[size_t(at)] = outgoing ? l.to : l.from;
        adj.weight[size_t(at)] = l.weight;
        adj.item[size_t(at)] = int(i);
    }
    return adj;
}

// Depth-first search from the sources first; an arc into a node still on the stack closes a
// cycle and is flipped.
std::vector<char> removeCycles(int n, const std::vector<Arc> &arcs)
{
    std::vector<Link> links;
    links.reserve(arcs.size());
    for (const Arc &a : arcs) {
        links.push_back({a.from, a.to, a.weight});
    }
    const Adjacency out = buildAdjacency(n, links, true);
    std::vector<int> indegree(size_t(n), 0);
    for (const Arc &a : arcs) {
        ++indegree[size_t(a.to)];
    }
    std::vector<int> roots;
    roots.reserve(size_t(n) * 2);
    for (int v = 0; v < n; ++v) {
        if (indegree[size_t(v)] == 0) {
            roots.push_back(v);
        }
    }
    for (int v = 0; v < n; ++v) {
        roots.push_back(v);
    }

    std::vector<char> flipped(arcs.size(), 0);
    std::vector<char> state(size_t(n), 0); // 0 new, 1 on the stack, 2 done
    std::vector<std::pair<int, int>> stack;
    for (const int root : roots) {
        if (state[size_t(root)] != 0) {
            continue;
        }
        state[size_t(root)] = 1;
        stack.emplace_back(root, out.start[size_t(root)]);
        while (!stack.empty()) {
            auto &[v, next] = stack.back();
            if (next == out.start[size_t(v) + 1]) {
                state[size_t(v)] = 2;
                stack.pop_back();
                continue;
            }
            const int at = next++;
            const int w = out.node[size_t(at)];
            if (state[size_t(w)] == 1) {
                flipped[size_t(out.item[size_t(at)])] = 1;
            } else if (state[size_t(w)] == 0) {
                state[size_t(w)] = 1;
                stack.emplace_back(w, out.start[size_t(w)]);
            }
        }
    }
    return flipped;
}

std::vector<int> assignLayers(int n, const std::vector<Link> &links)
{
    const Adjacency out = buildAdjacency(n, links, true);
    const Adjacency in = buildAdjacency(n, links, false);
    std::vector<int> indegree(static_cast<size_t>(n));
    for (int v = 0; v < n; ++v) {
        indegree[size_t(v)] = in.start[size_t(v) + 1] - in.start[size_t(v)];
    }
    std::vector<int> topo;
    topo.reserve(size_t(n));
    for (int v = 0; v < n; ++v) {
        if (indegree[size_t(v)] == 0) {
            topo.push_back(v);
        }
    }
    std::vector<int> layer(size_t(n), 0);
    for (size_t i = 0; i < topo.size(); ++i) {
        const int v = topo[i];
        for (int at = out.start[size_t(v)]; at < out.start[size_t(v) + 1]; ++at) {
            const int w = out.node[size_t(at)];
            layer[size_t(w)] = std::max(layer[size_t(w)], layer[size_t(v)] + 1);
            if (--indegree[size_t(w)] == 0) {
                topo.push_back(w);
            }
        }
    }
    // Promotion: a node with more (weighted) outgoing than incoming edges moves down to just
    // above its nearest successor; the total edge length only shrinks. Reverse topological order
    // lets a move cascade to the predecessors in the same pass.
    for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
        const int v = *it;
        int outWeight = 0;
        int inWeight = 0;
        int nearest = -1;
        for (int at = out.start[size_t(v)]; at < out.start[size_t(v) + 1]; ++at) {
            outWeight += out.weight[size_t(at)];
            const int l = layer[size_t(out.node[size_t(at)])];
            nearest = nearest < 0 ? l : std::min(nearest, l);
        }
        for (int at = in.start[size_t(v)]; at < in.start[size_t(v) + 1]; ++at) {
            inWeight += in.weight[size_t(at)];
        }
        if (nearest >= 0 && outWeight > inWeight && nearest - 1 > layer[size_t(v)]) {
            layer[size_t(v)] = nearest - 1;
        }
    }
    const int lowest = n > 0 ? *std::min_element(layer.begin(), layer.end()) : 0;
    for (int &l : layer) {
        l -= lowest;
    }
    return layer;
}

// Weighted crossings between two adjacent layers (Barth, Juenger, Mutzel 2004).
std::int64_t crossingsBetween(const std::vector<int> &upper, int lowerSize, const std::vector<int> &index,
                              const Adjacency &down, std::vector<std::pair<int, int>> &scratch,
                              std::vector<std::int64_t> &tree)
{
    int first = 1;
    while (first < lowerSize) {
        first <<= 1;
    }
    tree.assign(size_t(2 * first - 1), 0);
    first -= 1;
    std::int64_t crossings = 0;
    for (const int u : upper) {
        scratch.clear();
        for (int at = down.start[size_t(u)]; at < down.start[size_t(u) + 1]; ++at) {
            scratch.emplace_back(index[size_t(down.node[size_t(at)])], down.weight[size_t(at)]);
        }
        std::sort(scratch.begin(), scratch.end());
        for (const auto &[position, weight] : scratch) {
            int i = position + first;
            tree[size_t(i)] += weight;
            std::int64_t heavier = 0;
            while (i > 0) {
                if (i % 2 != 0) {
                    heavier += tree[size_t(i) + 1];
                }
                i = (i - 1) >> 1;
                tree[size_t(i)] += weight;
            }
            crossings += std::int64_t(weight) * heavier;
        }
    }
    return crossings;
}

struct Ordering
{
    std::vector<std::vector<int>> layers;
    std::vector<int> index; // position of each node in its layer
};

std::int64_t countCrossings(const Ordering &ordering, const Adjacency &down)
{
    std::vector<std::pair<int, int>> scratch;
    std::vector<std::int64_t> tree;
    std::int64_t total = 0;
    for (size_t l = 0; l + 1 < ordering.layers.size(); ++l) {
        total += crossingsBetween(ordering.layers[l], int(ordering.layers[l + 1].size()), ordering.index, down, scratch,
                                  tree);
    }
    return total;
}

// Reorders one layer by the weighted barycentre of its neighbours in the adjacent layer; nodes
// without neighbours there keep their relative place.
void sortByBarycentre(Ordering &ordering, size_t l, size_t adjacentSize, const Adjacency &adj,
                      std::vector<std::pair<double, int>> &keys)
{
    std::vector<int> &layer = ordering.layers[l];
    keys.clear();
    const double scale = layer.size() > 1 ? double(adjacentSize) / double(layer.size()) : 1.0;
    for (const int v : layer) {
        double sum = 0;
        double weights = 0;
        for (int at = adj.start[size_t(v)]; at < adj.start[size_t(v) + 1]; ++at) {
            sum += double(adj.weight[size_t(at)]) * ordering.index[size_t(adj.node[size_t(at)])];
            weights += adj.weight[size_t(at)];
        }
        keys.emplace_back(weights > 0 ? sum / weights : ordering.index[size_t(v)] * scale, v);
    }
    std::stable_sort(keys.begin(), keys.end(), [](const std::pair<double, int> &a, const std::pair<double, int> &b) {
        return a.first < b.first;
    });
    for (size_t i = 0; i < keys.size(); ++i) {
        layer[i] = keys[i].second;
        ordering.index[size_t(keys[i].second)] = int(i);
    }
}

Ordering initialOrder(int count, int layerCount, const std::vector<int> &layer, const Adjacency &down)
{
    Ordering ordering;
    ordering.layers.resize(size_t(layerCount));
    ordering.index.assign(size_t(count), -1);
    std::vector<int> starts(static_cast<size_t>(count));
    std::iota(starts.begin(), starts.end(), 0);
    std::stable_sort(starts.begin(), starts.end(), [&](int a, int b) { return layer[size_t(a)] < layer[size_t(b)]; });
    std::vector<int> stack;
    for (const int s : starts) {
        if (ordering.index[size_t(s)] >= 0) {
            continue;
        }
        stack.push_back(s);
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            if (ordering.index[size_t(v)] >= 0) {
                continue;
            }
            auto &lay = ordering.layers[size_t(layer[size_t(v)])];
            ordering.index[size_t(v)] = int(lay.size());
            lay.push_back(v);
            for (int at = down.start[size_t(v) + 1] - 1; at >= down.start[size_t(v)]; --at) {
                if (ordering.index[size_t(down.node[size_t(at)])] < 0) {
                    stack.push_back(down.node[size_t(at)]);
                }
            }
        }
    }
    return ordering;
}

// Minimises sum w_i (x_i - d_i)^2 subject to x_{i+1} - x_i >= gap_i (pool adjacent violators on
// the gap-shifted targets).
void placeLayer(const std::vector<double> &desired, const std::vector<double> &weight, const std::vector<double> &gap,
                std::vector<double> &x)
{
    struct Block
    {
        double weight;
        double weighted;
        int first;
    };
    const size_t n = desired.size();
    std::vector<double> offset(n, 0.0);
    for (size_t i = 1; i < n; ++i) {
        offset[i] = offset[i - 1] + gap[i - 1];
    }
    std::vector<Block> blocks;
    blocks.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        Block b{weight[i], weight[i] * (desired[i] - offset[i]), int(i)};
        while (!blocks.empty() && blocks.back().weighted / blocks.back().weight >= b.weighted / b.weight) {
            b.weight += blocks.back().weight;
            b.weighted += blocks.back().weighted;
            b.first = blocks.back().first;
            blocks.pop_back();
        }
        blocks.push_back(b);
    }
    x.resize(n);
    for (size_t k = 0; k < blocks.size(); ++k) {
        const size_t end = k + 1 < blocks.size() ? size_t(blocks[k + 1].first) : n;
        const double value = blocks[k].weighted / blocks[k].weight;
        for (size_t i = size_t(blocks[k].first); i < end; ++i) {
            x[i] = value + offset[i];
        }
    }
}

} // namespace

bool layOutComponent(const ComponentInput &input, ComponentLayout &out, const std::atomic_bool *cancel)
{
    const int n = int(input.orderExtent.size());
    out = {};

    // 1. Cycles.
    out.flipped = removeCycles(n, input.arcs);
    std::vector<Link> oriented;
    oriented.reserve(input.arcs.size());
    for (size_t i = 0; i < input.arcs.size(); ++i) {
        const Arc &a = input.arcs[i];
        oriented.push_back(out.flipped[i] ? Link{a.to, a.from, a.weight} : Link{a.from, a.to, a.weight});
    }
    if (isCancelled(cancel)) {
        return false;
    }

    // 2. Layers.
    out.layer = assignLayers(n, oriented);
    const int layerCount = n > 0 ? *std::max_element(out.layer.begin(), out.layer.end()) + 1 : 0;

    // 3. Dummy nodes: one chain per arc, as wide as its bundle.
    std::vector<double> extent = input.orderExtent;
    std::vector<Link> segments;
    segments.reserve(oriented.size() * 2);
    out.chainStart.assign(oriented.size() + 1, 0);
    int count = n;
    for (size_t i = 0; i < oriented.size(); ++i) {
        const Link &l = oriented[i];
        int previous = l.from;
        for (int layer = out.layer[size_t(l.from)] + 1; layer < out.layer[size_t(l.to)]; ++layer) {
            const int dummy = count++;
            out.layer.push_back(layer);
            out.chainNodes.push_back(dummy);
            extent.push_back(double(l.weight - 1) * input.edgeSpacing);
            segments.push_back({previous, dummy, l.weight});
            previous = dummy;
        }
        segments.push_back({previous, l.to, l.weight});
        out.chainStart[i + 1] = int(out.chainNodes.size());
    }
    const Adjacency down = buildAdjacency(count, segments, true);
    const Adjacency up = buildAdjacency(count, segments, false);
    if (isCancelled(cancel)) {
        return false;
    }

    // 4. Crossing reduction.
    Ordering ordering = initialOrder(count, layerCount, out.layer, down);
    std::int64_t best = countCrossings(ordering, down);
    Ordering bestOrdering = ordering;
    {
        std::vector<std::pair<double, int>> keys;
        const int maxSweeps = count + int(segments.size()) > 200000 ? 8 : 16;
        int sinceImprovement = 0;
        for (int sweep = 0; sweep < maxSweeps && best > 0 && sinceImprovement < 4; ++sweep) {
            if (sweep % 2 == 0) {
                for (size_t l = 1; l < ordering.layers.size(); ++l) {
                    sortByBarycentre(ordering, l, ordering.layers[l - 1].size(), up, keys);
                }
            } else {
                for (size_t l = ordering.layers.size() - 1; l-- > 0;) {
                    sortByBarycentre(ordering, l, ordering.layers[l + 1].size(), down, keys);
                }
            }
            const std::int64_t crossings = countCrossings(ordering, down);
            if (crossings < best) {
                best = crossings;
                bestOrdering = ordering;
                sinceImprovement = 0;
            } else {
                ++sinceImprovement;
            }
            if (isCancelled(cancel)) {
                return false;
            }
        }
        ordering = std::move(bestOrdering);
    }

    // 5. Coordinates along the order axis.
    auto separation = [&](int a, int b) {
        const bool realA = a < n;
        const bool realB = b < n;
        const double sep = realA && realB   ? input.nodeSeparation
                           : realA || realB ? (input.nodeSeparation + input.edgeSpacing) / 2
                                            : input.edgeSpacing;
        return (extent[size_t(a)] + extent[size_t(b)]) / 2 + sep;
    };
    out.order.assign(size_t(count), 0.0);
    std::vector<std::vector<double>> gaps(ordering.layers.size());
    for (size_t l = 0; l < ordering.layers.size(); ++l) {
        const auto &layer = ordering.layers[l];
        gaps[l].resize(layer.empty() ? 0 : layer.size() - 1);
        double x = 0;
        for (size_t i = 0; i < layer.size(); ++i) {
            if (i > 0) {
                gaps[l][i - 1] = separation(layer[i - 1], layer[i]);
                x += gaps[l][i - 1];
            }
            out.order[size_t(layer[i])] = x;
        }
        for (const int v : layer) {
            out.order[size_t(v)] -= x / 2;
        }
    }
    std::vector<double> desired;
    std::vector<double> weight;
    std::vector<double> placed;
    auto place = [&](size_t l, const Adjacency *a, const Adjacency *b) {
        const auto &layer = ordering.layers[l];
        desired.resize(layer.size());
        weight.resize(layer.size());
        for (size_t i = 0; i < layer.size(); ++i) {
            const int v = layer[i];
            double sum = 0;
            double weights = 0;
            for (const Adjacency *adj : {a, b}) {
                if (!adj) {
                    continue;
                }
                for (int at = adj->start[size_t(v)]; at < adj->start[size_t(v) + 1]; ++at) {
                    sum += adj->weight[size_t(at)] * out.order[size_t(adj->node[size_t(at)])];
                    weights += adj->weight[size_t(at)];
                }
            }
            desired[i] = weights > 0 ? sum / weights : out.order[size_t(v)];
            weight[i] = weights > 0 ? (v >= n ? 8.0 : 1.0) : 0.01;
        }
        placeLayer(desired, weight, gaps[l], placed);
        for (size_t i = 0; i < layer.size(); ++i) {
            out.order[size_t(layer[i])] = placed[i];
        }
    };
    const int passes = count > 100000 ? 3 : 4;
    for (int pass = 0; pass < passes; ++pass) {
        for (size_t l = 1; l < ordering.layers.size(); ++l) {
            place(l, &up, nullptr);
        }
        for (size_t l = ordering.layers.size() - 1; l-- > 0;) {
            place(l, &down, nullptr);
        }
        if (isCancelled(cancel)) {
            return false;
        }
    }
    // A last pass that balances each node between both sides.
    for (size_t l = 0; l < ordering.layers.size(); ++l) {
        place(l, &up, &down);
    }

    out.orderMin = 0;
    out.orderMax = 0;
    bool first = true;
    for (int v = 0; v < count; ++v) {
        const double lo = out.order[size_t(v)] - extent[size_t(v)] / 2;
        const double hi = out.order[size_t(v)] + extent[size_t(v)] / 2;
        out.orderMin = first ? lo : std::min(out.orderMin, lo);
        out.orderMax = first ? hi : std::max(out.orderMax, hi);
        first = false;
    }

    // Coordinates along the rank axis.
    out.layerExtent.assign(size_t(layerCount), 0.0);
    for (int v = 0; v < n; ++v) {
        double &e = out.layerExtent[size_t(out.layer[size_t(v)])];
        e = std::max(e, input.rankExtent[size_t(v)]);
    }
    out.layerCentre.assign(size_t(layerCount), 0.0);
    for (int l = 0; l < layerCount; ++l) {
        out.layerCentre[size_t(l)] = l == 0 ? out.layerExtent[0] / 2
                                            : out.layerCentre[size_t(l) - 1] + out.layerExtent[size_t(l) - 1] / 2 +
                                                  input.layerSeparation + out.layerExtent[size_t(l)] / 2;
    }
    out.rankMax = layerCount > 0 ? out.layerCentre.back() + out.layerExtent.back() / 2 : 0;
    return true;
}

} // namespace Gantry::Graph::Layered
