#include "models/catalog/entitygraph.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <array>
#include <cstring>

namespace Gantry::Catalog {

namespace {

constexpr quint32 typeBit(RelationType type)
{
    return 1u << static_cast<quint8>(type);
}

constexpr bool isForward(RelationType type)
{
    return static_cast<quint8>(type) % 2 == 0;
}

// The relation types of the chosen groups, as a bit set over RelationType.
quint32 typesOfGroups(quint32 groups)
{
    quint32 types = 0;
    for (int t = 0; t < RelationTypeCount; ++t) {
        if (relationGroupOf(static_cast<RelationType>(t)) & groups) {
            types |= 1u << t;
        }
    }
    return types;
}

bool isComponentRef(const QString &ref)
{
    return ref.startsWith(QLatin1String("component:"));
}

// A cheap hash of a ref's UTF-16 data (QHash's default for strings is SipHash on Debian's build).
quint64 refHash(const QString &ref)
{
    const auto *p = reinterpret_cast<const char *>(ref.constData());
    size_t n = size_t(ref.size()) * sizeof(QChar);
    quint64 h = 0x9e3779b97f4a7c15ull ^ n;
    while (n >= 8) {
        quint64 v;
        std::memcpy(&v, p, 8);
        h = (h ^ v) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
        p += 8;
        n -= 8;
    }
    quint64 v = 0;
    std::memcpy(&v, p, n);
    h = (h ^ v) * 0x94d049bb133111ebull;
    return h ^ (h >> 29);
}

// One select() call. Node ids: [0, N) are catalog entities, [N, ...) dangling target refs.
class Selector
{
public:
    Selector(const Catalog &catalog, const GraphQuery &query)
        : m_catalog(catalog)
        , m_entities(catalog.entities())
        , m_query(query)
        , m_n(catalog.size())
        , m_dist(size_t(m_n), -1)
        , m_slots(size_t(m_n), -1)
    {}

    GraphSelection run();

private:
    struct Incoming
    {
        int entity;
        RelationType type; // as seen from the dangling node: the inverse of the pointing relation
    };

    const QString &refOf(int id) const
    {
        return id < m_n ? m_entities[size_t(id)].ref : m_danglingRefs[size_t(id - m_n)];
    }

    // The node id of a relation target; dangling refs get an id on first sight.
    int resolve(const QString &ref)
    {
        const int e = entityIndex(ref);
        if (e >= 0) {
            return e;
        }
        const auto it = m_danglingIds.constFind(ref);
        if (it != m_danglingIds.constEnd()) {
            return it.value();
        }
        const int id = m_n + int(m_danglingRefs.size());
        m_danglingIds.insert(ref, id);
        m_danglingRefs.push_back(ref);
        m_incoming.emplace_back();
        m_dist.push_back(-1);
        return id;
    }

    // Catalog::indexOf for small selections; past a few thousand look-ups an open-addressing table
    // over all refs with a cheap hash pays for itself (a big selection resolves every relation).
    int entityIndex(const QString &ref)
    {
        if (m_table.empty()) {
            if (++m_lookups < 4096 || m_n < 4096) {
                return m_catalog.indexOf(ref);
            }
            buildTable();
        }
        const quint64 h = refHash(ref);
        const auto tag = quint32(h >> 32);
        for (size_t i = size_t(h) & m_mask;; i = (i + 1) & m_mask) {
            const Slot &slot = m_table[i];
            if (slot.entity < 0) {
                return -1;
            }
            // Stitched inverse relations share the target entity's ref data: no string compare.
            if ((slot.data == ref.constData() && slot.size == ref.size()) ||
                (slot.tag == tag && m_entities[size_t(slot.entity)].ref == ref)) {
                return slot.entity;
            }
        }
    }

    void buildTable()
    {
        size_t capacity = 16;
        while (capacity < size_t(m_n) * 2) {
            capacity *= 2;
        }
        m_mask = capacity - 1;
        m_table.assign(capacity, Slot{nullptr, 0, 0, -1});
        for (int e = 0; e < m_n; ++e) {
            const quint64 h = refHash(m_entities[size_t(e)].ref);
            size_t i = size_t(h) & m_mask;
            while (m_table[i].entity >= 0) {
                i = (i + 1) & m_mask;
            }
            const QString &ref = m_entities[size_t(e)].ref;
            m_table[i] = Slot{ref.constData(), ref.size(), quint32(h >> 32), e};
        }
    }

    // Where the resolved targets of an entity's relations start in m_targets (-1: not yet resolved).
    // Each relation is looked up once per select(), whether for traversal or for edges.
    size_t slotsOf(int entity)
    {
        int &slot = m_slots[size_t(entity)];
        if (slot < 0) {
            slot = int(m_targets.size());
            m_targets.resize(m_targets.size() + m_entities[size_t(entity)].relations.size(), -1);
        }
        return size_t(slot);
    }

    int targetOf(int entity, size_t slots, size_t k)
    {
        int &target = m_targets[slots + k]; // resolve() never grows m_targets
        if (target < 0) {
            target = resolve(m_entities[size_t(entity)].relations[k].targetRef);
        }
        return target;
    }

    // Who points at each dangling ref; built once, the first time a dangling node is expanded.
    void ensureIncoming()
    {
        if (m_incomingBuilt) {
            return;
        }
        m_incomingBuilt = true;
        for (int i = 0; i < m_n; ++i) {
            const auto &relations = m_entities[size_t(i)].relations;
            const size_t slots = slotsOf(i);
            for (size_t k = 0; k < relations.size(); ++k) {
                const int id = targetOf(i, slots, k);
                if (id >= m_n) {
                    m_incoming[size_t(id - m_n)].push_back(Incoming{i, inverseRelation(relations[k].type)});
                }
            }
        }
    }

    // Calls fn(type, targetId) for each relation of node `id` whose type is in `types`.
    template<typename F>
    void forEachRelation(int id, quint32 types, F &&fn)
    {
        if (id < m_n) {
            const auto &relations = m_entities[size_t(id)].relations;
            const size_t slots = slotsOf(id);
            for (size_t k = 0; k < relations.size(); ++k) {
                if (types & typeBit(relations[k].type)) {
                    fn(relations[k].type, targetOf(id, slots, k));
                }
            }
            return;
        }
        ensureIncoming();
        for (const auto &in : m_incoming[size_t(id - m_n)]) { // targets are entities: nothing grows
            if (types & typeBit(in.type)) {
                fn(in.type, in.entity);
            }
        }
    }

    // The blast-radius/needs restriction of partOf/hasPart to component-to-component steps.
    bool stepAllowed(int from, RelationType type, int to) const
    {
        if (m_componentOnlyPartOf && (type == RelationType::PartOf || type == RelationType::HasPart)) {
            return isComponentRef(refOf(from)) && isComponentRef(refOf(to));
        }
        return true;
    }

    bool passesFilters(int id) const;
    // Breadth-first from `level` (already in m_order) over `types`, up to `maxSteps` (-1: unlimited).
    void expand(std::vector<int> level, quint32 types, int maxSteps);
    // Appends a level of newly reached nodes to the output order, sorted by ref while it matters.
    void appendLevel(std::vector<int> &level);
    void buildEdges(GraphSelection &out);
    void markCycles(GraphSelection &out);

    const Catalog &m_catalog;
    const std::vector<Entity> &m_entities;
    const GraphQuery &m_query;
    const int m_n;
    int m_maxNodes = 0; // <= 0: no limit
    bool m_componentOnlyPartOf = false;

    std::vector<int> m_dist; // by node id, -1: not reached
    QHash<QString, int> m_danglingIds;
    std::vector<QString> m_danglingRefs;
    struct Slot
    {
        const QChar *data; // the characters of the entity's ref
        qsizetype size;
        quint32 tag; // high half of the hash
        int entity;  // -1: empty
    };
    std::vector<Slot> m_table;
    size_t m_mask = 0;
    int m_lookups = 0;
    std::vector<int> m_slots;                      // by entity
    std::vector<int> m_targets;                    // resolved relation targets, see slotsOf()
    std::vector<std::vector<Incoming>> m_incoming; // by dangling id - N
    bool m_incomingBuilt = false;

    std::vector<int> m_order; // selected node ids, output order
    int m_matched = 0;
};

bool Selector::passesFilters(int id) const
{
    const GraphQuery &q = m_query;
    if (id >= m_n) {
        if (!q.owners.isEmpty() || !q.lifecycles.isEmpty() || !q.tags.isEmpty()) {
            return false;
        }
        if (!q.kinds.isEmpty()) {
            const QString &ref = refOf(id);
            const QString kind = ref.left(ref.indexOf(QLatin1Char(':')));
            return q.kinds.contains(kind, Qt::CaseInsensitive);
        }
        return true;
    }
    const Entity &e = m_entities[size_t(id)];
    if (!q.kinds.isEmpty() && !q.kinds.contains(e.kind, Qt::CaseInsensitive)) {
        return false;
    }
    if (!q.owners.isEmpty() && (e.owner.isEmpty() || !q.owners.contains(e.owner, Qt::CaseInsensitive))) {
        return false;
    }
    if (!q.lifecycles.isEmpty() &&
        (e.lifecycle.isEmpty() || !q.lifecycles.contains(e.lifecycle, Qt::CaseInsensitive))) {
        return false;
    }
    if (!q.tags.isEmpty() && std::none_of(e.tags.cbegin(), e.tags.cend(), [&q](const QString &tag) {
            return q.tags.contains(tag, Qt::CaseInsensitive);
        })) {
        return false;
    }
    return true;
}

void Selector::appendLevel(std::vector<int> &level)
{
    const bool full = m_maxNodes > 0 && int(m_order.size()) >= m_maxNodes;
    if (!full) {
        std::sort(level.begin(), level.end(), [this](int a, int b) { return refOf(a) < refOf(b); });
    }
    for (const int id : level) {
        if (!passesFilters(id)) {
            continue;
        }
        ++m_matched;
        if (m_maxNodes <= 0 || int(m_order.size()) < m_maxNodes) {
            m_order.push_back(id);
        }
    }
}

void Selector::expand(std::vector<int> level, quint32 types, int maxSteps)
{
    for (int step = 0; !level.empty() && (maxSteps < 0 || step < maxSteps); ++step) {
        std::vector<int> next;
        for (const int from : level) {
            const int d = m_dist[size_t(from)] + 1;
            forEachRelation(from, types, [&](RelationType type, int to) {
                if (m_dist[size_t(to)] < 0 && stepAllowed(from, type, to)) {
                    m_dist[size_t(to)] = d;
                    next.push_back(to);
                }
            });
        }
        appendLevel(next);
        level = std::move(next);
    }
}

void Selector::buildEdges(GraphSelection &out)
{
    const quint32 types = typesOfGroups(m_query.relations);
    if (types == 0) {
        return;
    }
    std::vector<int> selected(size_t(m_n) + m_danglingRefs.size(), -1); // node id -> node index
    for (size_t i = 0; i < m_order.size(); ++i) {
        selected[size_t(m_order[i])] = int(i);
    }
    for (size_t i = 0; i < m_order.size(); ++i) {
        const int id = m_order[i];
        if (id >= m_n) {
            continue; // a dangling node's relations are the inverses of its neighbours' ones
        }
        const auto &relations = m_entities[size_t(id)].relations;
        const size_t slots = slotsOf(id);
        for (size_t k = 0; k < relations.size(); ++k) {
            const Relation &r = relations[k];
            if (!(types & typeBit(r.type))) {
                continue;
            }
            // Targets first seen here (never reached, so not selected) have ids past `selected`.
            const int target = targetOf(id, slots, k);
            if (size_t(target) >= selected.size() || selected[size_t(target)] < 0) {
                continue;
            }
            const int from = int(i);
            const int to = selected[size_t(target)];
            const bool dangling = target >= m_n;
            if (m_query.mergePairs) {
                if (isForward(r.type)) {
                    out.edges.push_back(GraphEdge{from, to, r.type, false});
                } else if (dangling) {
                    // The dangling node notionally holds the forward relation.
                    out.edges.push_back(GraphEdge{to, from, inverseRelation(r.type), false});
                } // else the target entity holds the forward relation and adds the edge
            } else {
                out.edges.push_back(GraphEdge{from, to, r.type, false});
                if (dangling) {
                    out.edges.push_back(GraphEdge{to, from, inverseRelation(r.type), false});
                }
            }
        }
    }
}

// Tarjan's strongly connected components, iteratively (dependency chains can be thousands deep).
void Selector::markCycles(GraphSelection &out)
{
    if (!(m_query.relations & DependencyRelations)) {
        return;
    }
    const int count = int(out.nodes.size());
    // Adjacency over dependsOn edges in one array: node v's targets are [first[v], first[v + 1]).
    std::vector<int> first(static_cast<size_t>(count) + 1, 0);
    for (const auto &e : out.edges) {
        if (e.type == RelationType::DependsOn) {
            if (e.from == e.to) {
                out.nodes[size_t(e.from)].inCycle = true;
            }
            ++first[size_t(e.from) + 1];
        }
    }
    for (size_t v = 0; v < size_t(count); ++v) {
        first[v + 1] += first[v];
    }
    std::vector<int> targets(size_t(first.back()));
    {
        std::vector<int> fill(first.begin(), first.end() - 1);
        for (const auto &e : out.edges) {
            if (e.type == RelationType::DependsOn) {
                targets[size_t(fill[size_t(e.from)]++)] = e.to;
            }
        }
    }
    std::vector<int> index(size_t(count), -1);
    std::vector<int> low(size_t(count), 0);
    std::vector<char> onStack(size_t(count), 0);
    std::vector<int> component(size_t(count), -1);
    std::vector<int> stack;
    std::vector<std::pair<int, size_t>> calls; // node, next adjacency position
    int counter = 0;
    int components = 0;
    for (int root = 0; root < count; ++root) {
        if (index[size_t(root)] >= 0) {
            continue;
        }
        calls.emplace_back(root, 0);
        while (!calls.empty()) {
            auto &[v, pos] = calls.back();
            if (pos == 0 && index[size_t(v)] < 0) {
                index[size_t(v)] = low[size_t(v)] = counter++;
                stack.push_back(v);
                onStack[size_t(v)] = 1;
            }
            if (pos < size_t(first[size_t(v) + 1] - first[size_t(v)])) {
                const int w = targets[size_t(first[size_t(v)]) + pos++];
                if (index[size_t(w)] < 0) {
                    calls.emplace_back(w, 0);
                } else if (onStack[size_t(w)]) {
                    low[size_t(v)] = std::min(low[size_t(v)], index[size_t(w)]);
                }
                continue;
            }
            const int done = v;
            if (low[size_t(done)] == index[size_t(done)]) {
                const size_t bottom = size_t(std::find(stack.rbegin(), stack.rend(), done).base() - stack.begin()) - 1;
                const bool cycle = stack.size() - bottom > 1;
                for (size_t k = bottom; k < stack.size(); ++k) {
                    const int w = stack[k];
                    onStack[size_t(w)] = 0;
                    component[size_t(w)] = components;
                    out.nodes[size_t(w)].inCycle = out.nodes[size_t(w)].inCycle || cycle;
                }
                stack.resize(bottom);
                ++components;
            }
            calls.pop_back();
            if (!calls.empty()) {
                const int parent = calls.back().first;
                low[size_t(parent)] = std::min(low[size_t(parent)], low[size_t(done)]);
            }
        }
    }
    std::vector<int> componentSize(size_t(components), 0);
    for (const int c : component) {
        ++componentSize[size_t(c)];
    }
    for (auto &e : out.edges) {
        if (e.type != RelationType::DependsOn && e.type != RelationType::DependencyOf) {
            continue;
        }
        const int c = component[size_t(e.from)];
        e.inCycle = e.from == e.to || (c == component[size_t(e.to)] && componentSize[size_t(c)] > 1);
    }
}

GraphSelection Selector::run()
{
    GraphSelection out;
    using Mode = GraphQuery::Mode;

    // The focus: canonical refs, or refs as people type them.
    std::vector<int> focus;
    for (const QString &ref : m_query.focus) {
        int id = m_catalog.indexOf(ref);
        if (id < 0) {
            if (const Entity *e = m_catalog.find(ref.trimmed())) {
                id = m_catalog.indexOf(e->ref);
            }
        }
        if (id < 0) {
            out.error =
                QCoreApplication::translate("Gantry::Catalog::EntityGraph", "%1 is not in the catalog").arg(ref);
            return out;
        }
        if (m_dist[size_t(id)] < 0) {
            m_dist[size_t(id)] = 0;
            focus.push_back(id);
        }
    }
    if (focus.empty()) {
        out.error = QCoreApplication::translate("Gantry::Catalog::EntityGraph", "No focus entity given");
        return out;
    }
    m_order = focus;
    m_matched = int(focus.size());
    m_maxNodes = m_query.maxNodes <= 0 ? 0 : std::max(m_query.maxNodes, int(focus.size()));

    const quint32 chosen = typesOfGroups(m_query.relations);
    switch (m_query.mode) {
    case Mode::Neighbours:
        expand(focus, chosen, m_query.depth);
        break;
    case Mode::BlastRadius:
        m_componentOnlyPartOf = true;
        expand(focus,
               chosen & (typeBit(RelationType::DependencyOf) | typeBit(RelationType::ProvidesApi) |
                         typeBit(RelationType::ApiConsumedBy) | typeBit(RelationType::HasPart)),
               m_query.depth);
        break;
    case Mode::Needs:
        m_componentOnlyPartOf = true;
        expand(focus,
               chosen & (typeBit(RelationType::DependsOn) | typeBit(RelationType::ApiProvidedBy) |
                         typeBit(RelationType::ConsumesApi) | typeBit(RelationType::PartOf)),
               m_query.depth);
        break;
    case Mode::System: {
        // Members first, in full: their order decides which outside nodes a truncation keeps.
        expand(focus, typeBit(RelationType::HasPart), -1);
        std::vector<int> members;
        for (int id = 0; id < int(m_dist.size()); ++id) {
            if (m_dist[size_t(id)] >= 0) {
                members.push_back(id);
            }
        }
        // The sources of the first outside step in output order (members dropped by filters or
        // truncation are sources too: paths run through hidden nodes).
        std::stable_sort(members.begin(), members.end(), [this](int a, int b) {
            const int da = m_dist[size_t(a)];
            const int db = m_dist[size_t(b)];
            return da != db ? da < db : refOf(a) < refOf(b);
        });
        expand(std::move(members), chosen, m_query.depth);
        break;
    }
    }

    out.nodes.reserve(m_order.size());
    for (const int id : m_order) {
        GraphNode node;
        node.ref = refOf(id);
        node.entity = id < m_n ? id : -1;
        node.distance = m_dist[size_t(id)];
        node.focus = m_dist[size_t(id)] == 0 && std::find(focus.cbegin(), focus.cend(), id) != focus.cend();
        out.nodes.push_back(std::move(node));
    }
    out.matched = m_matched;
    out.truncated = m_matched > int(out.nodes.size());
    buildEdges(out);
    markCycles(out);
    return out;
}

} // namespace

quint32 relationGroupOf(RelationType type)
{
    switch (type) {
    case RelationType::OwnedBy:
    case RelationType::OwnerOf:
        return OwnershipRelations;
    case RelationType::DependsOn:
    case RelationType::DependencyOf:
        return DependencyRelations;
    case RelationType::PartOf:
    case RelationType::HasPart:
        return PartOfRelations;
    case RelationType::ProvidesApi:
    case RelationType::ApiProvidedBy:
        return ProvidedApiRelations;
    case RelationType::ConsumesApi:
    case RelationType::ApiConsumedBy:
        return ConsumedApiRelations;
    case RelationType::MemberOf:
    case RelationType::HasMember:
        return MembershipRelations;
    case RelationType::ChildOf:
    case RelationType::ParentOf:
        return HierarchyRelations;
    }
    return 0;
}

namespace {
struct GroupName
{
    RelationGroup group;
    const char *name;
};
constexpr std::array<GroupName, 7> groupNames = {{
    {DependencyRelations, "dependencies"},
    {OwnershipRelations, "ownership"},
    {PartOfRelations, "part-of"},
    {ProvidedApiRelations, "provides-api"},
    {ConsumedApiRelations, "consumes-api"},
    {MembershipRelations, "membership"},
    {HierarchyRelations, "hierarchy"},
}};
} // namespace

QString relationGroupName(RelationGroup group)
{
    if (group == AllRelations) {
        return QStringLiteral("all");
    }
    for (const auto &g : groupNames) {
        if (g.group == group) {
            return QLatin1String(g.name);
        }
    }
    return {};
}

bool relationGroupsFromNames(const QStringList &names, quint32 *groups, QString *error)
{
    quint32 result = 0;
    QStringList words;
    for (const QString &name : names) {
        words += name.split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    for (QString word : std::as_const(words)) {
        word = word.trimmed();
        if (word.isEmpty()) {
            continue;
        }
        const QString lower = word.toLower();
        quint32 group = 0;
        if (lower == QLatin1String("all")) {
            group = AllRelations;
        } else if (lower == QLatin1String("apis")) {
            group = ProvidedApiRelations | ConsumedApiRelations;
        } else {
            for (const auto &g : groupNames) {
                if (lower == QLatin1String(g.name)) {
                    group = g.group;
                }
            }
            RelationType type;
            if (group == 0 && relationTypeFromName(word, &type)) {
                group = relationGroupOf(type);
            }
        }
        if (group == 0) {
            if (error) {
                QStringList known;
                for (const auto &g : groupNames) {
                    known << QLatin1String(g.name);
                }
                known << QStringLiteral("apis") << QStringLiteral("all");
                *error = QCoreApplication::translate("Gantry::Catalog::EntityGraph",
                                                     "Unknown relation group \"%1\"; expected one of: %2")
                             .arg(word, known.join(QLatin1String(", ")));
            }
            return false;
        }
        result |= group;
    }
    if (groups) {
        *groups = result;
    }
    return true;
}

GraphSelection EntityGraph::select(const Catalog &catalog, const GraphQuery &query)
{
    return Selector(catalog, query).run();
}

} // namespace Gantry::Catalog
