#pragma once

// The character-level rules of Backstage's entity validation (KubernetesValidatorFunctions and
// the YAML 1.2 core-schema typing of plain scalars), split from Validator so that the per-kind
// entity checks stay readable. Each rule exists for UTF-8 bytes (the YamlTree's text, the
// allocation-free hot path) and for QStringView (the public Validator::isValid* API).
// Internal to the catalog model: include it from models/catalog/*.cpp only.

#include "models/catalog/yamltree.h"

#include <QString>
#include <QStringView>

#include <string_view>

namespace Gantry::Catalog::ValidatorRules {

// ^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$, 1-63 characters (metadata.name, label values).
bool objectName(std::string_view s);
bool objectName(QStringView s);
// A DNS label: ^[a-z0-9]+(-[a-z0-9]+)*$, 1-63 characters (metadata.namespace).
bool namespaceFormat(std::string_view s);
bool namespaceFormat(QStringView s);
// An optional DNS-subdomain prefix and "/", then an object name (label and annotation keys).
bool labelKey(std::string_view s);
bool labelKey(QStringView s);
// "" or an object name.
bool labelValue(std::string_view s);
bool labelValue(QStringView s);
// ^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$, 1-63 characters.
bool tagFormat(std::string_view s);
bool tagFormat(QStringView s);
// An optional DNS-subdomain prefix and "/", then 1-63 characters [a-zA-Z0-9].
bool apiVersion(std::string_view s);
bool apiVersion(QStringView s);
// A letter followed by at most 62 letters or digits.
bool kindFormat(std::string_view s);
bool kindFormat(QStringView s);
// WHATWG `new URL(value)` succeeds (see the definition for how far that goes).
bool urlFormat(std::string_view s);

// YAML 1.2 core schema, as YamlNode::typeName() reads plain scalars (the parser's own rule).
inline bool plainIsBool(std::string_view s)
{
    return yamlPlainIsBool(s);
}
inline bool plainIsNumber(std::string_view s)
{
    return yamlPlainIsNumber(s);
}

// Suggestions for messages ("e.g. ...") -- only run on the error path.
enum class Alphabet { ObjectName, DnsLabel, DnsSubdomain, Tag, Kind };
QString suggest(std::string_view in, Alphabet alphabet);

QString fromUtf8(std::string_view s);

} // namespace Gantry::Catalog::ValidatorRules
