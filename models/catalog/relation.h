#pragma once

#include <QString>

namespace Gantry::Catalog {

// Backstage's well-known relation types, in pairs: each value's inverse is its neighbour.
enum class RelationType : quint8 {
    OwnedBy,
    OwnerOf,
    DependsOn,
    DependencyOf,
    PartOf,
    HasPart,
    ProvidesApi,
    ApiProvidedBy,
    ConsumesApi,
    ApiConsumedBy,
    MemberOf,
    HasMember,
    ChildOf,
    ParentOf,
};
inline constexpr int RelationTypeCount = 14;

// "ownedBy", "dependsOn", ... exactly as Backstage spells them in `relations[].type`.
QString relationTypeName(RelationType type);
// Inverse of relationTypeName (case-insensitive); false when the name is not a well-known relation.
bool relationTypeFromName(const QString &name, RelationType *type);
constexpr RelationType inverseRelation(RelationType type)
{
    const auto v = static_cast<quint8>(type);
    return static_cast<RelationType>(v % 2 == 0 ? v + 1 : v - 1);
}

struct Relation
{
    RelationType type = RelationType::OwnedBy;
    QString targetRef; // canonical "kind:namespace/name"

    bool operator==(const Relation &) const = default;
    bool operator<(const Relation &o) const { return type != o.type ? type < o.type : targetRef < o.targetRef; }
};

} // namespace Gantry::Catalog
