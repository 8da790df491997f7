#pragma once

#include <atomic>
#include <vector>

namespace Gantry::Graph::Layered {

// Private to layeredLayout(): the Sugiyama phases for one connected component, in abstract
// coordinates (rank = the axis layers follow, order = the axis inside a layer).

struct Arc
{
    int from = 0; // local node indexes, from != to
    int to = 0;
    int weight = 1; // input edges bundled in this arc (parallel and reverse edges of one pair)
};

struct ComponentInput
{
    std::vector<double> orderExtent; // per node, size along the order axis (self-loops included)
    std::vector<double> rankExtent;  // per node, size along the rank axis
    std::vector<Arc> arcs;           // at most one per unordered pair
    double nodeSeparation = 24;
    double layerSeparation = 80;
    double edgeSpacing = 8; // between the edges of one bundle, and between dummy nodes
};

struct ComponentLayout
{
    // Per node, real nodes first, then dummy nodes.
    std::vector<int> layer;
    std::vector<double> order; // centre along the order axis
    // Per layer: centre along the rank axis and the largest rank extent of its real nodes.
    std::vector<double> layerCentre;
    std::vector<double> layerExtent;
    // Per arc: whether it was laid out from `to` to `from` (cycle removal), and its dummy nodes
    // from the upper layer down (chainStart has arcs + 1 entries).
    std::vector<char> flipped;
    std::vector<int> chainStart;
    std::vector<int> chainNodes;
    double orderMin = 0;
    double orderMax = 0;
    double rankMax = 0;
};

// False when cancelled.
bool layOutComponent(const ComponentInput &input, ComponentLayout &out, const std::atomic_bool *cancel);

} // namespace Gantry::Graph::Layered
