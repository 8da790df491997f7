#pragma once

#include "models/catalog/catalog.h"
#include "models/catalog/relation.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace Gantry::Catalog {

// Which relations a graph follows, as user-facing groups (each covers a relation pair).
// Names (relationGroupsFromNames, case-insensitive): the seven below, "apis" (both API groups),
// "all", and Backstage's relation type names ("dependsOn", "ownerOf", ...) for their group.
enum RelationGroup : quint32 {
    DependencyRelations = 1u << 0,  // dependsOn / dependencyOf
    OwnershipRelations = 1u << 1,   // ownedBy / ownerOf
    PartOfRelations = 1u << 2,      // partOf / hasPart (system, domain, subcomponentOf, subdomainOf)
    ProvidedApiRelations = 1u << 3, // providesApi / apiProvidedBy
    ConsumedApiRelations = 1u << 4, // consumesApi / apiConsumedBy
    MembershipRelations = 1u << 5,  // memberOf / hasMember
    HierarchyRelations = 1u << 6,   // childOf / parentOf (groups)
    AllRelations = 0x7f,
};
quint32 relationGroupOf(RelationType type);
// "dependencies", "ownership", "part-of", "provides-api", "consumes-api", "membership", "hierarchy"
QString relationGroupName(RelationGroup group);
bool relationGroupsFromNames(const QStringList &names, quint32 *groups, QString *error);

// What to select around the focus.
struct GraphQuery
{
    enum class Mode : quint8 {
        Neighbours,  // everything within `depth` steps over the chosen relations, both directions
        BlastRadius, // everything that transitively depends on the focus: what breaks if it breaks
        Needs,       // everything the focus transitively depends on
        System,      // every entity that is part of the focus system (or domain, recursively), and their relations
    };

    QStringList focus; // canonical refs; one or more
    Mode mode = Mode::Neighbours;
    int depth = 1; // -1: unlimited
    quint32 relations = DependencyRelations | PartOfRelations | ProvidedApiRelations | ConsumedApiRelations;
    QStringList kinds;      // lower-case kinds to keep (the focus always stays); empty: all
    QStringList owners;     // canonical owner refs; empty: all
    QStringList lifecycles; // empty: all
    QStringList tags;       // any of; empty: all
    bool mergePairs = true; // one edge per relation pair (ownedBy+ownerOf), or both directions
    int maxNodes = 1500;    // above this the result is truncated and says so
};

struct GraphNode
{
    QString ref;      // canonical
    int entity = -1;  // index in the catalog, -1 when the target is not in the catalog
    int distance = 0; // steps from the focus
    bool focus = false;
    bool inCycle = false; // part of a dependency cycle
};

struct GraphEdge
{
    int from = 0; // node indexes
    int to = 0;
    RelationType type = RelationType::DependsOn; // with mergePairs: the forward type of the pair
    bool inCycle = false;
};

struct GraphSelection
{
    std::vector<GraphNode> nodes;
    std::vector<GraphEdge> edges;
    bool truncated = false; // more than maxNodes matched
    int matched = 0;        // how many nodes matched before truncation
    QString error;          // e.g. the focus is not in the catalog
};

// Selects sub-graphs of a catalog snapshot. Pure and thread-safe: run it anywhere. Never loses an
// edge: every relation between two selected nodes is an edge (parallel and reverse edges too).
//
// The exact rules:
// - Nodes are entities and dangling targets (refs some entity points at that are not in the
//   catalog; entity == -1). A dangling node's relations are the inverses of the relations that
//   point at it, so it is traversed like any other node.
// - Neighbours: breadth-first over every relation whose group is in `relations`, both directions,
//   up to `depth` steps (-1: unlimited, 0: the focus only).
// - BlastRadius (what breaks if the node breaks), one step from a node follows:
//   dependencyOf (its dependents), providesApi (the APIs it provides), apiConsumedBy (an API's
//   consumers), and hasPart from a component to a component (its subcomponents).
//   Needs is the exact inverse: dependsOn, apiProvidedBy, consumesApi, partOf from a component to
//   a component (its parent). Each step also needs its group in `relations` (without the
//   consumes-api group, a blast radius stops at the provided APIs). `depth` limits the steps.
// - System: every entity reachable from the focus over hasPart, whatever `relations` says
//   (domain -> subdomains -> systems -> components/APIs/resources -> subcomponents); then up to
//   `depth` more steps outside them as in Neighbours (0: the members only; -1: unlimited). An
//   outside node's distance is the distance of the node it was first reached from plus one.
//   Any kind of focus works (a component gives its subcomponents).
// - Filters (kinds, owners, lifecycles, tags; OR within one, AND across, case-insensitive) drop
//   nodes other than the focus after traversal: paths run through filtered nodes, so a distance
//   counts hidden nodes too. Dangling nodes have only a kind (from their ref), so any owner,
//   lifecycle or tag filter drops them.
// - Order: the focus nodes as given, then by distance, ties by ref (System: the members so, then
//   the outside nodes by steps outside the members, ties by ref). When more than `maxNodes`
//   nodes match (<= 0: no limit), the first `maxNodes` in that order are kept (the focus always),
//   `truncated` is set and `matched` says how many matched (it is always the number that matched).
// - Edges: every relation of a group in `relations` between two selected nodes. mergePairs: one
//   edge per pair, of the forward type (ownedBy, dependsOn, partOf, providesApi, consumesApi,
//   memberOf, childOf), from the node that holds the forward relation; otherwise each direction is
//   its own edge (a relation to a dangling node also gets its inverse edge back, so an unmerged
//   graph has exactly twice the edges of a merged one). Different types between the same nodes
//   are separate edges. Edge order: by the holder's node order, then relation type and target ref.
// - Cycles: strongly connected components over the dependsOn edges among the selected nodes
//   (only when the dependencies group is selected). Nodes of a component of two or more nodes and
//   nodes that depend on themselves get inCycle, and so do the dependsOn/dependencyOf edges inside
//   such a component (and self-loops).
// - An unknown focus is an error naming it; the selection is then empty.
class EntityGraph final
{
public:
    static GraphSelection select(const Catalog &catalog, const GraphQuery &query);
};

} // namespace Gantry::Catalog
