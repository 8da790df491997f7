#pragma once

#include <QString>

#include <optional>
#include <string_view>

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
    // canonical() for the common case, in one pass and one allocation: `ref` is UTF-8 and must be
    // pure ASCII. Returns an empty string when it is not, or when it is not a valid reference:
    // then call canonical() for the result or the error.
    static QString canonicalAscii(std::string_view ref, QLatin1String defaultKind, const QString &defaultNamespace);
};

} // namespace Gantry::Catalog
