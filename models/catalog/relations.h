#pragma once

#include "models/catalog/entity.h"
#include "models/catalog/problem.h"
#include "models/catalog/relation.h"

#include <vector>

namespace Gantry::Catalog {

// A relation as read from an entity's spec, with the place it was read from (for warnings
// about targets that are not in the catalog).
struct OutgoingRelation
{
    Relation relation;
    SourceLocation location;
    QString field; // "spec.owner", "spec.dependsOn[2]", ...
};

// Backstage's BuiltinKindsEntityProcessor: the relations an entity emits from its spec fields,
// with each field's default kind and the entity's namespace as default namespace. Malformed
// references become Problems (Backstage's messages) and emit no relation.
std::vector<OutgoingRelation> outgoingRelations(const Entity &entity, std::vector<Problem> *problems);

} // namespace Gantry::Catalog
