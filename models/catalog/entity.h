#pragma once

#include "models/catalog/problem.h"
#include "models/catalog/relation.h"
#include "models/catalog/yamltree.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace Gantry::Catalog {

// One catalog entity. The full descriptor (unknown fields included) stays in the shared YamlTree
// of its file; the fields every view, filter and relation needs are extracted once, as QStrings.
struct Entity
{
    std::shared_ptr<const YamlTree> tree;
    quint32 node = 0; // the document's root mapping in `tree`

    SourceLocation location; // file and the line/column where the document's root starts
    int startLine = 0;       // 1-based first line of the YAML document (for the source view)
    int endLine = 0;         // 1-based last line of the YAML document

    QString apiVersion;
    QString kind;      // as written, e.g. "Component"
    QString nameSpace; // "default" when omitted
    QString name;
    QString title;
    QString description;
    QString specType;
    QString lifecycle;
    QString owner;  // canonical ref of spec.owner ("group:default/team-a"), empty if none
    QString system; // canonical ref of spec.system, empty if none
    QStringList tags;
    QString ref; // canonical "kind:namespace/name"

    // Outgoing relations first computed from the spec; after the catalog is assembled, every
    // relation of this entity in both directions (Backstage's "stitched" entity), sorted, unique.
    std::vector<Relation> relations;

    YamlNode root() const { return tree ? tree->node(node) : YamlNode(); }
    YamlNode metadata() const { return root()[std::string_view("metadata")]; }
    YamlNode spec() const { return root()[std::string_view("spec")]; }
    QString displayName() const { return title.isEmpty() ? name : title; }
    QString annotation(std::string_view key) const;
    bool isKnownKind() const;

    // Extracts the identity and hot fields from a document root (any problems are found by the
    // Validator, not here: this never fails). Does not compute relations.
    static Entity fromDocument(const std::shared_ptr<const YamlTree> &tree, int documentIndex, const QString &file);
};

// The nine kinds Gantry knows (Backstage's built-ins). Others are kept and shown with a warning.
const QStringList &knownKinds();

} // namespace Gantry::Catalog
