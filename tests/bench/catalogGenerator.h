#pragma once

#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <vector>

// A deterministic generator of realistic Backstage catalogs, for benchmarks and for tests that
// need a large, plausible org (service graphs, filters). The same (entities, seed) always gives
// byte-identical files on every machine: it uses its own PRNG and never the clock.
//
// Shape (at 50k entities: ~29k files, ~40 MB; 10k: ~5.8k files, ~7.7 MB):
//   catalog-info.yaml                      root Location whose `targets` list every other file
//   org/<group>/catalog-info.yaml          a Group followed by its Users (multi-document)
//   domains/<domain>/catalog-info.yaml     a Domain followed by its Systems
//   repos/<system>-<n>/catalog-info.yaml   one repository: a Component (a few monorepos hold
//                                          several), often with the APIs it provides and the
//                                          Resources it uses; some repos hold only an API or
//                                          only a Resource
//   templates/<name>/template.yaml         a scaffolder.backstage.io/v1beta3 Template
// Kinds are mixed like a real org (~55% components, 17% users, 12% APIs, 10% resources, 3%
// systems, 2% groups, domains and templates); owners, systems, APIs and dependencies resolve,
// except a small, counted fraction that dangles on purpose (Backstage keeps such relations).
namespace Gantry::Bench {

struct PlannedLink
{
    QString url;
    QString title;
    QString icon;
};

// One entity as it will be written. Reference fields hold the text written in the file (short
// forms such as "team-a" or "user:jane.doe", exactly as people write them).
struct PlannedEntity
{
    QString apiVersion;
    QString kind; // "Component", "API", "Resource", "System", "Domain", "Group", "User", "Template", "Location"
    QString name;
    QString title;
    QString description;
    QStringList tags;
    QList<QPair<QString, QString>> labels;
    QList<QPair<QString, QString>> annotations;
    QList<PlannedLink> links;

    QString type;
    QString lifecycle;
    QString owner;
    QString system;
    QString domain;         // System
    QString subcomponentOf; // Component
    QString parent;         // Group
    QStringList children;   // Group
    QStringList members;    // Group
    QStringList memberOf;   // User
    QString displayName;    // Group/User profile
    QString email;          // Group/User profile
    QStringList providesApis;
    QStringList consumesApis;
    QStringList dependsOn;
    QString definition;  // API: inline definition text
    QStringList targets; // Location
    quint32 variant = 0; // per-entity randomness for details rendered later (Template steps)

    int file = -1; // index into CatalogPlan::files

    // Canonical reference, "component:default/name" (everything is in the default namespace).
    QString ref() const;
};

struct PlannedFile
{
    QString path;               // relative to the catalog root, '/'-separated
    QList<int> entities;        // indices into CatalogPlan::entities, in document order
    bool schemaComment = false; // starts with a yaml-language-server comment, as many real files do
};

// A relation pair as Backstage's BuiltinKindsEntityProcessor emits it from a spec field.
struct PlannedRelation
{
    QString sourceRef;
    QString type; // "ownedBy", "partOf", ... (the outgoing direction; the inverse is implied)
    QString targetRef;
    bool dangling = false; // the target is not in the catalog
};

struct CatalogPlan
{
    quint32 seed = 0;
    std::vector<PlannedEntity> entities; // the root Location is entities[0]
    std::vector<PlannedFile> files;      // the root catalog-info.yaml is files[0]
    int danglingReferences = 0;

    QMap<QString, int> countByKind() const;
    // Every outgoing relation the specs declare (what a service graph built from this catalog
    // should show), with canonical refs on both ends.
    std::vector<PlannedRelation> relations() const;
};

// Summary of a catalog written to disk.
struct GeneratedCatalog
{
    bool ok = false;
    QString error;
    QString rootDir;   // absolute
    QString rootFile;  // absolute path of the root catalog-info.yaml
    QStringList files; // relative paths, root first
    qint64 bytes = 0;
    int entities = 0; // every document, the root Location included
    QMap<QString, int> entitiesByKind;
    int danglingReferences = 0;
};

// Decides every entity and file without touching the disk. Needs at least 20 entities.
CatalogPlan planCatalog(int entities, quint32 seed);
// The YAML text of one file of the plan.
QByteArray renderFile(const CatalogPlan &plan, int fileIndex);
// Writes the plan below `dir` (created if needed; files already there are overwritten, others
// are left alone).
GeneratedCatalog writeCatalog(const CatalogPlan &plan, const QString &dir);
// planCatalog + writeCatalog.
GeneratedCatalog generateCatalog(const QString &dir, int entities, quint32 seed);

} // namespace Gantry::Bench
