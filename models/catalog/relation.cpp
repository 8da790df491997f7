#include "models/catalog/relation.h"

#include <array>

namespace Gantry::Catalog {

namespace {
constexpr std::array<const char *, RelationTypeCount> names = {
    "ownedBy",       "ownerOf",     "dependsOn",     "dependencyOf", "partOf",    "hasPart", "providesApi",
    "apiProvidedBy", "consumesApi", "apiConsumedBy", "memberOf",     "hasMember", "childOf", "parentOf",
};
} // namespace

QString relationTypeName(RelationType type)
{
    return QLatin1String(names[static_cast<size_t>(type)]);
}

bool relationTypeFromName(const QString &name, RelationType *type)
{
    for (size_t i = 0; i < names.size(); ++i) {
        if (name.compare(QLatin1String(names[i]), Qt::CaseInsensitive) == 0) {
            *type = static_cast<RelationType>(i);
            return true;
        }
    }
    return false;
}

} // namespace Gantry::Catalog
