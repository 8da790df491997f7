#pragma once

#include <QString>

#include <optional>

namespace Gantry::Catalog {

// A Backstage entity reference: [kind:][namespace/]name. Identity is case-insensitive; the
// canonical string form is "kind:namespace/name", all lower-case (Backstage's stringifyEntityRef).
struct EntityRef
{
    QString kind;
    QString nameSpace; // "namespace" is a keyword
    QString name;

    // The canonical, lower-cased form used as the identity key everywhere in Gantry.
    QString toString() const;
    bool isValid() const { return !kind.isEmpty() && !name.isEmpty(); }
    bool operator==(const EntityRef &other) const { return toString() == other.toString(); }

    // Parses with Backstage's rules (ref.ts): if '/' appears before ':', the ':' is part of the name;
    // empty parts are an error. `defaultKind` may be empty, in which case a kind is required.
    // Returns std::nullopt and sets *error to Backstage's message on failure.
    static std::optional<EntityRef> parse(const QString &ref, const QString &defaultKind,
                                          const QString &defaultNamespace, QString *error = nullptr);
    // Canonical string for a ref given with defaults; empty on error.
    static QString canonical(const QString &ref, const QString &defaultKind, const QString &defaultNamespace,
                             QString *error = nullptr);
    static QString fromParts(const QString &kind, const QString &nameSpace, const QString &name);
};

} // namespace Gantry::Catalog
