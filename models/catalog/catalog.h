#pragma once

#include "models/catalog/entity.h"
#include "models/catalog/problem.h"
#include "models/catalog/relations.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace Gantry::Catalog {

class Catalog;
using CatalogPtr = std::shared_ptr<const Catalog>;

// An immutable, indexed snapshot of a whole catalog: entities with their stitched relations,
// and every problem found while loading. Built off the UI thread and swapped in whole.
class Catalog final
{
public:
    Catalog() = default;

    const std::vector<Entity> &entities() const { return m_entities; }
    const std::vector<Problem> &problems() const { return m_problems; }
    int size() const { return int(m_entities.size()); }
    int errorCount() const { return m_errorCount; }
    int warningCount() const { return m_warningCount; }

    // Index of an entity by its canonical ref ("component:default/foo"), or -1.
    int indexOf(const QString &canonicalRef) const { return m_index.value(canonicalRef, -1); }
    const Entity *entity(const QString &canonicalRef) const
    {
        const int i = indexOf(canonicalRef);
        return i < 0 ? nullptr : &m_entities[size_t(i)];
    }
    // Looks up a reference as a person types it ("foo", "api:foo", "component:ns/foo"), case-insensitive.
    const Entity *find(const QString &ref, const QString &defaultKind = QStringLiteral("component")) const;
    // Entities whose relations of `type` point at `canonicalRef` are found via that entity's own
    // stitched relations; this is just a convenience.
    std::vector<const Entity *> related(const Entity &entity, RelationType type) const;

    // Where the snapshot came from: "commit abc123 of file:///…", for the status bar.
    QString origin() const { return m_origin; }
    // The folders the catalog was read from (clones or local folders), for display paths.
    const QStringList &roots() const { return m_roots; }
    // `file` relative to the root it lies in ("components/auth/catalog-info.yaml"), else unchanged.
    QString displayPath(const QString &file) const;
    QDateTime loadedAt() const { return m_loadedAt; }

    // Assembles a snapshot from entities in load order (first definition wins; later ones are
    // reported with both locations), stitching each relation into its inverse on the target.
    // `outgoing` holds, per entity, the relations read from its spec with where they were read.
    struct Input
    {
        Entity entity;
        std::vector<OutgoingRelation> outgoing;
    };
    static CatalogPtr assemble(std::vector<Input> inputs, std::vector<Problem> problems, const QString &origin,
                               const QStringList &roots = {});
    // The same from inputs the caller keeps (the loader's per-file memo): only the entities are
    // copied, and they share their strings with the inputs. The relation targets (and owner/system
    // refs) of the inputs are reset to the equal strings of the target entities' refs, so that one
    // allocation per entity serves every reference to it: the inputs keep equal values.
    static CatalogPtr assembleShared(const std::vector<Input *> &inputs, std::vector<Problem> problems,
                                     const QString &origin, const QStringList &roots = {});

private:
    static CatalogPtr assembleImpl(const std::vector<Input *> &inputs, bool moveEntities, std::vector<Problem> problems,
                                   const QString &origin, const QStringList &roots);

    std::vector<Entity> m_entities;
    std::vector<Problem> m_problems;
    QHash<QString, int> m_index;
    int m_errorCount = 0;
    int m_warningCount = 0;
    QString m_origin;
    QStringList m_roots;
    QDateTime m_loadedAt;
};

} // namespace Gantry::Catalog
