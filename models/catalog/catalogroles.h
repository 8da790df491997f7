#pragma once

#include <Qt>

namespace Gantry::Catalog {

// Item data roles of the catalog models (CatalogModel, FacetModel, ProblemModel).
enum CatalogRole : int {
    EntityIndexRole = Qt::UserRole, // int: index of the entity in Catalog::entities()
    RefRole,                        // QString: canonical "kind:namespace/name"
    KindRole,                       // QString: the kind as written ("Component")
    SortRole,                       // QString: the text a column sorts by
    KindIconRole,                   // QString: icon name for the kind ("component", "api", ... or "entity")
    OwnerRefRole,                   // QString: canonical ref of the owner
    SystemRefRole,                  // QString: canonical ref of the system
};

enum FacetRole : int {
    FacetKeyRole = Qt::UserRole + 32, // QString: the value the filter matches ("group:default/team-a")
    FacetLabelRole,                   // QString: what people see ("team-a")
    FacetCountRole,                   // int: how many entities have the value
};

enum ProblemRole : int {
    SeverityRole = Qt::UserRole + 64, // int: Problem::Severity
    SeverityIconRole,                 // QString: icon name, "error" or "warning"
    FileRole,                         // QString
    LineRole,                         // int, 1-based (0 when unknown)
    ColumnRole,                       // int, 1-based (0 when unknown)
    EntityRefRole,                    // QString: canonical ref, empty when the problem has no entity
};

// The dimensions the catalog can be narrowed by, as in Backstage's catalog page.
enum class Facet { Kind, Type, Owner, Lifecycle, System, Namespace, Tag };
inline constexpr int FacetCount = 7;

} // namespace Gantry::Catalog
