#include "models/catalog/validator.h"

#include "models/catalog/validatorrules.h"

#include <QCoreApplication>

#include <array>
#include <string_view>

// The per-kind and per-field checks of one entity. The character-level rules live in
// validatorrules.cpp; like them, the hot path (a valid entity) allocates nothing: QStrings are
// only built for the messages of problems.

namespace Gantry::Catalog {

using namespace ValidatorRules;

namespace {

// ---------------------------------------------------------------------------------------------
// Per-kind spec rules (table a4 of the Backstage reference).

enum class FieldType : quint8 {
    String,     // a non-empty string
    Ref,        // an entity reference: a string, or the compound {kind, namespace, name} form
    RefList,    // a list of entity references
    StringList, // a list of non-empty strings
    List,       // a list of anything
    Object,
    ObjectOrList,
};

enum class Hint : quint8 { None, Type, Lifecycle, Owner, Definition, Children, MemberOf, Steps };

struct FieldRule
{
    std::string_view name;
    FieldType type;
    bool required;
    Hint hint;
};

struct KindRule
{
    std::string_view kind;
    std::string_view typeExample; // for the "type" hint
    std::array<std::string_view, 2> apiVersions;
    std::array<FieldRule, 10> fields;
    int fieldCount;
};

constexpr std::string_view v1alpha1 = "backstage.io/v1alpha1";
constexpr std::string_view v1beta1 = "backstage.io/v1beta1";

// clang-format off
const std::array<KindRule, 9> kindRules = {{
    {"Component", "service", {v1alpha1, v1beta1}, {{
        {"type", FieldType::String, true, Hint::Type},
        {"lifecycle", FieldType::String, true, Hint::Lifecycle},
        {"owner", FieldType::Ref, true, Hint::Owner},
        {"system", FieldType::Ref, false, Hint::None},
        {"subcomponentOf", FieldType::Ref, false, Hint::None},
        {"providesApis", FieldType::RefList, false, Hint::None},
        {"consumesApis", FieldType::RefList, false, Hint::None},
        {"dependsOn", FieldType::RefList, false, Hint::None},
        {"dependencyOf", FieldType::RefList, false, Hint::None},
    }}, 9},
    {"API", "openapi", {v1alpha1, v1beta1}, {{
        {"type", FieldType::String, true, Hint::Type},
        {"lifecycle", FieldType::String, true, Hint::Lifecycle},
        {"owner", FieldType::Ref, true, Hint::Owner},
        {"definition", FieldType::String, true, Hint::Definition},
        {"system", FieldType::Ref, false, Hint::None},
    }}, 5},
    {"Resource", "database", {v1alpha1, v1beta1}, {{
        {"type", FieldType::String, true, Hint::Type},
        {"owner", FieldType::Ref, true, Hint::Owner},
        {"system", FieldType::Ref, false, Hint::None},
        {"dependsOn", FieldType::RefList, false, Hint::None},
        {"dependencyOf", FieldType::RefList, false, Hint::None},
    }}, 5},
    {"System", "product", {v1alpha1, v1beta1}, {{
        {"owner", FieldType::Ref, true, Hint::Owner},
        {"domain", FieldType::Ref, false, Hint::None},
        {"type", FieldType::String, false, Hint::None},
    }}, 3},
    {"Domain", "product-area", {v1alpha1, v1beta1}, {{
        {"owner", FieldType::Ref, true, Hint::Owner},
        {"subdomainOf", FieldType::Ref, false, Hint::None},
        {"type", FieldType::String, false, Hint::None},
    }}, 3},
    {"Group", "team", {v1alpha1, v1beta1}, {{
        {"type", FieldType::String, true, Hint::Type},
        {"children", FieldType::RefList, true, Hint::Children},
        {"parent", FieldType::Ref, false, Hint::None},
        {"members", FieldType::RefList, false, Hint::None},
        {"profile", FieldType::Object, false, Hint::None},
    }}, 5},
    {"User", "", {v1alpha1, v1beta1}, {{
        {"memberOf", FieldType::RefList, true, Hint::MemberOf},
        {"profile", FieldType::Object, false, Hint::None},
    }}, 2},
    {"Location", "", {v1alpha1, v1beta1}, {{
        {"type", FieldType::String, false, Hint::None},
        {"target", FieldType::String, false, Hint::None},
        {"targets", FieldType::StringList, false, Hint::None},
        {"presence", FieldType::String, false, Hint::None},
    }}, 4},
    {"Template", "service", {"scaffolder.backstage.io/v1beta3", {}}, {{
        {"type", FieldType::String, true, Hint::Type},
        {"steps", FieldType::List, true, Hint::Steps},
        {"owner", FieldType::Ref, false, Hint::None},
        {"lifecycle", FieldType::String, false, Hint::None},
        {"parameters", FieldType::ObjectOrList, false, Hint::None},
        {"output", FieldType::Object, false, Hint::None},
    }}, 6},
}};
// clang-format on

const KindRule *kindRule(std::string_view kind)
{
    for (const auto &rule : kindRules) {
        if (rule.kind == kind) {
            return &rule;
        }
    }
    return nullptr;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        x = char(x >= 'A' && x <= 'Z' ? x + 32 : x);
        y = char(y >= 'A' && y <= 'Z' ? y + 32 : y);
        if (x != y) {
            return false;
        }
    }
    return true;
}

// $text/$json/$yaml placeholders are substituted when the file is loaded; an unresolved one
// (its own problem was reported by the loader) must not also be called the wrong type.
bool isPlaceholder(const YamlNode &node)
{
    if (!node.isMapping() || node.size() != 1) {
        return false;
    }
    const auto key = node.keyAt(0).scalarUtf8();
    return key == "$text" || key == "$json" || key == "$yaml";
}

// YamlNode's accessors live in yamltree.cpp; these inline equivalents keep the per-node cost of
// the hot path to a few loads (a 50k-entity catalog has millions of nodes).
inline YamlNode::Type typeOf(const YamlNode &n)
{
    return n.isValid() ? n.tree()->data(n.index()).type : YamlNode::Type::Invalid;
}
inline bool isScalarNode(const YamlNode &n)
{
    return typeOf(n) == YamlNode::Type::Scalar;
}
inline bool isNullNode(const YamlNode &n)
{
    return typeOf(n) == YamlNode::Type::Null;
}
inline bool isMappingNode(const YamlNode &n)
{
    return typeOf(n) == YamlNode::Type::Mapping;
}
inline bool isSequenceNode(const YamlNode &n)
{
    return typeOf(n) == YamlNode::Type::Sequence;
}
inline std::string_view textOf(const YamlNode &n)
{
    if (!n.isValid()) {
        return {};
    }
    const auto &d = n.tree()->data(n.index());
    return d.type == YamlNode::Type::Scalar ? n.tree()->text(d) : std::string_view();
}

// A scalar that JSON would see as a string: quoted, or plain and not a boolean or number.
bool isStringScalar(const YamlNode &node)
{
    if (!isScalarNode(node)) {
        return false;
    }
    if (node.tree()->data(node.index()).quoted != 0) {
        return true;
    }
    const auto s = textOf(node);
    return !plainIsBool(s) && !plainIsNumber(s);
}

// ---------------------------------------------------------------------------------------------

class Checker
{
    // lupdate files these strings under the same context as the runtime lookup.
    Q_DECLARE_TR_FUNCTIONS(Gantry::Catalog::Validator)

public:
    Checker(const Entity &entity, std::vector<Problem> *problems)
        : m_entity(entity)
        , m_problems(problems)
    {}

    bool run();

private:
    void report(Problem::Severity severity, const YamlNode &node, QString message)
    {
        if (severity == Problem::Severity::Error) {
            m_ok = false;
        }
        if (!m_problems) {
            return;
        }
        const YamlNode at = node.isValid() ? node : m_entity.root();
        m_problems->push_back(Problem{severity, SourceLocation{m_entity.location.file, at.line(), at.column()},
                                      std::move(message), m_entity.ref});
    }
    void error(const YamlNode &node, QString message) { report(Problem::Severity::Error, node, std::move(message)); }

    // For a plain scalar that YAML reads as a number or boolean where a string belongs:
    // "; put it in quotes: "2024"".
    static QString quoteHint(const YamlNode &node)
    {
        return isScalarNode(node) && !isStringScalar(node) ? tr("; put it in quotes: \"%1\"").arg(node.scalar())
                                                           : QString();
    }
    static QString withExample(QString message, const QString &example)
    {
        if (!example.isEmpty()) {
            message += tr(", e.g. \"%1\"").arg(example);
        }
        return message;
    }

    enum class Expected : quint8 { String, Ref, List, Object, ObjectOrList };
    void wrongType(const QString &field, const YamlNode &node, Expected expected)
    {
        QString what;
        QString hint;
        switch (expected) {
        case Expected::String:
            what = tr("a string");
            hint = quoteHint(node);
            break;
        case Expected::Ref:
            what = tr("an entity reference");
            hint = quoteHint(node);
            break;
        case Expected::List:
            what = tr("a list");
            break;
        case Expected::Object:
            what = tr("an object");
            break;
        case Expected::ObjectOrList:
            what = tr("an object or a list of objects");
            break;
        }
        error(node, tr("%1 must be %2, got %3").arg(field, what, node.typeName()) + hint);
    }
    // "labels:" or "dependsOn:" with nothing under it is null, not an empty object or list, and
    // Backstage's schemas reject it.
    void emptyContainer(const QString &field, const YamlNode &node, bool list)
    {
        const QString key = field.mid(field.lastIndexOf(QLatin1Char('.')) + 1);
        error(node, tr("%1 is empty; remove it or write \"%2: %3\"")
                        .arg(field, key, list ? QStringLiteral("[]") : QStringLiteral("{}")));
    }
    // `field` is a callable returning the field's name: called only when there is a problem.
    template<typename F>
    bool checkString(F field, const YamlNode &node);
    template<typename F>
    void checkRef(F field, const YamlNode &value);

    void checkRootKey(const YamlNode &key);
    void checkKind(const YamlNode &root);
    void checkApiVersion(const YamlNode &root);
    void checkMetadata(const YamlNode &root);
    void checkName(const YamlNode &name);
    void checkNamespace(const YamlNode &value);
    void checkLabelsOrAnnotations(const YamlNode &map, bool labels);
    void checkTags(const YamlNode &tags);
    void checkLinks(const YamlNode &links);
    void checkLink(int index, const YamlNode &link);
    void checkSpec(const YamlNode &root);
    void checkField(const FieldRule &rule, const YamlNode &value);
    void missingField(const FieldRule &rule, const YamlNode &at);
    void checkRemotes(const YamlNode &remotes);

    const Entity &m_entity;
    std::vector<Problem> *m_problems;
    const KindRule *m_kind = nullptr; // a valid, built-in kind: its spec is checked
    bool m_ok = true;
    YamlNode m_apiVersion;
    YamlNode m_kindNode;
    YamlNode m_metadata;
    YamlNode m_spec;
};

template<typename F>
bool Checker::checkString(F field, const YamlNode &node)
{
    if (isStringScalar(node)) {
        if (!textOf(node).empty()) {
            return true;
        }
        error(node, tr("%1 must not be an empty string; remove it or give it a value").arg(field()));
        return false;
    }
    if (isPlaceholder(node)) {
        return true;
    }
    if (isNullNode(node)) {
        error(node, tr("%1 is empty; remove it or give it a value").arg(field()));
        return false;
    }
    wrongType(field(), node, Expected::String);
    return false;
}

template<typename F>
void Checker::checkRef(F field, const YamlNode &value)
{
    if (isStringScalar(value)) {
        if (textOf(value).empty()) {
            error(value, tr("%1 must not be an empty string; remove it or name an entity").arg(field()));
        }
        return;
    }
    if (isMappingNode(value)) {
        if (isPlaceholder(value)) {
            return;
        }
        const YamlNode name = value[std::string_view("name")];
        if (!isStringScalar(name) || textOf(name).empty()) {
            error(value, tr("%1 is a compound entity reference without a name; write it as {kind, namespace, name} "
                            "or as a string \"kind:namespace/name\"")
                             .arg(field()));
        }
        return;
    }
    if (isNullNode(value)) {
        error(value, tr("%1 is empty; remove it or name an entity").arg(field()));
        return;
    }
    wrongType(field(), value, Expected::Ref);
}

bool Checker::run()
{
    const YamlNode root = m_entity.root();
    if (!isMappingNode(root)) {
        error(root, tr("the document is %1, not an object; a catalog entity is a mapping with apiVersion, kind, "
                       "metadata and spec")
                        .arg(root.isValid() ? tr("a value of type %1").arg(root.typeName()) : tr("empty")));
        return false;
    }
    root.forEachPair([&](YamlNode key, YamlNode value) {
        const auto k = textOf(key);
        if (k == "apiVersion") {
            m_apiVersion = value;
        } else if (k == "kind") {
            m_kindNode = value;
        } else if (k == "metadata") {
            m_metadata = value;
        } else if (k == "spec") {
            m_spec = value;
        } else {
            checkRootKey(key);
        }
    });
    checkKind(root); // first: the supported apiVersions depend on the kind
    checkApiVersion(root);
    checkMetadata(root);
    checkSpec(root);
    return m_ok;
}

void Checker::checkRootKey(const YamlNode &key)
{
    const auto k = textOf(key);
    if (k == "relations") {
        error(key, tr("relations must not be written in a descriptor file; the catalog derives them from spec (e.g. "
                      "spec.owner), so remove this field"));
    } else if (k == "status") {
        error(key, tr("status must not be written in a descriptor file; the catalog sets it, so remove this field"));
    } else {
        error(key, tr("unknown root field \"%1\"; an entity has only apiVersion, kind, metadata and spec at the top "
                      "level: move it under spec (or metadata.annotations) or remove it")
                       .arg(key.scalar()));
    }
}

void Checker::checkKind(const YamlNode &root)
{
    if (!m_kindNode.isValid() || isNullNode(m_kindNode)) {
        error(m_kindNode.isValid() ? m_kindNode : root,
              tr("kind is required; set it to the entity's kind, e.g. \"kind: Component\""));
        return;
    }
    if (!isStringScalar(m_kindNode)) {
        wrongType(QStringLiteral("kind"), m_kindNode, Expected::String);
        return;
    }
    const auto kind = textOf(m_kindNode);
    if (!kindFormat(kind)) {
        error(m_kindNode, withExample(tr("kind \"%1\" is not valid; expected a letter followed by at most 62 "
                                         "letters or digits [a-zA-Z0-9]")
                                          .arg(m_kindNode.scalar()),
                                      suggest(kind, Alphabet::Kind)));
        return;
    }
    if ((m_kind = kindRule(kind))) {
        return;
    }
    for (const auto &rule : kindRules) {
        if (equalsIgnoringCase(rule.kind, kind)) {
            error(m_kindNode, tr("kind \"%1\" must be written \"%2\"; Backstage's kinds are case-sensitive and it "
                                 "rejects this entity")
                                  .arg(m_kindNode.scalar(), fromUtf8(rule.kind)));
            return;
        }
    }
    report(Problem::Severity::Warning, m_kindNode,
           tr("kind %1 is not one of Backstage's built-in kinds (Component, API, Resource, System, Domain, Group, "
              "User, Location, Template); the entity is kept but no relations are derived")
               .arg(m_kindNode.scalar()));
}

void Checker::checkApiVersion(const YamlNode &root)
{
    auto example = [this]() -> QString {
        return m_kind ? fromUtf8(m_kind->apiVersions[0]) : QStringLiteral("backstage.io/v1alpha1");
    };
    if (!m_apiVersion.isValid() || isNullNode(m_apiVersion)) {
        error(m_apiVersion.isValid() ? m_apiVersion : root,
              tr("apiVersion is required; set it, e.g. \"apiVersion: %1\"").arg(example()));
        return;
    }
    if (!isStringScalar(m_apiVersion)) {
        wrongType(QStringLiteral("apiVersion"), m_apiVersion, Expected::String);
        return;
    }
    const auto version = textOf(m_apiVersion);
    if (!apiVersion(version)) {
        error(m_apiVersion, tr("apiVersion \"%1\" is not valid; expected an optional DNS-subdomain prefix, \"/\" "
                               "and a version of at most 63 characters [a-zA-Z0-9], e.g. \"%2\"")
                                .arg(m_apiVersion.scalar(), example()));
        return;
    }
    if (m_kind && version != m_kind->apiVersions[0] && version != m_kind->apiVersions[1]) {
        error(m_apiVersion, tr("apiVersion \"%1\" is not supported for kind %2, so Backstage rejects this entity; "
                               "use \"%3\"")
                                .arg(m_apiVersion.scalar(), fromUtf8(m_kind->kind), example()));
    }
}

void Checker::checkMetadata(const YamlNode &root)
{
    if (!m_metadata.isValid() || isNullNode(m_metadata)) {
        error(m_metadata.isValid() ? m_metadata : root,
              tr("metadata is required; add a \"metadata:\" section with at least a name, e.g. \"name: "
                 "my-service\""));
        return;
    }
    if (!isMappingNode(m_metadata)) {
        error(m_metadata, tr("metadata must be an object, got %1; indent name, namespace, title and the other "
                             "metadata fields under \"metadata:\"")
                              .arg(m_metadata.typeName()));
        return;
    }
    YamlNode name;
    m_metadata.forEachPair([&](YamlNode key, YamlNode value) {
        const auto k = textOf(key);
        if (k == "name") {
            name = value;
        } else if (k == "namespace") {
            checkNamespace(value);
        } else if (k == "title" || k == "description") {
            if (!isStringScalar(value) && !isPlaceholder(value)) {
                wrongType(QLatin1String("metadata.") + key.scalar(), value, Expected::String);
            }
        } else if (k == "labels" || k == "annotations") {
            checkLabelsOrAnnotations(value, k == "labels");
        } else if (k == "tags") {
            checkTags(value);
        } else if (k == "links") {
            checkLinks(value);
        }
    });
    if (!name.isValid() || isNullNode(name)) {
        error(name.isValid() ? name : m_metadata,
              tr("metadata.name is required; set it to the entity's name, e.g. \"name: my-service\""));
        return;
    }
    checkName(name);
}

void Checker::checkName(const YamlNode &name)
{
    if (!isStringScalar(name)) {
        wrongType(QStringLiteral("metadata.name"), name, Expected::String);
    } else if (!objectName(textOf(name))) {
        error(name, withExample(tr("metadata.name \"%1\" is not valid; expected a string of at most 63 characters "
                                   "[a-zA-Z0-9] separated by [-_.]")
                                    .arg(name.scalar()),
                                suggest(textOf(name), Alphabet::ObjectName)));
    }
}

void Checker::checkNamespace(const YamlNode &value)
{
    if (isNullNode(value)) {
        error(value, tr("metadata.namespace is empty; remove it or set it, e.g. \"namespace: default\""));
    } else if (!isStringScalar(value)) {
        wrongType(QStringLiteral("metadata.namespace"), value, Expected::String);
    } else if (!namespaceFormat(textOf(value))) {
        error(value, withExample(tr("metadata.namespace \"%1\" is not valid; expected a string of at most 63 "
                                    "characters [a-z0-9] separated by [-]")
                                     .arg(value.scalar()),
                                 suggest(textOf(value), Alphabet::DnsLabel)));
    }
}

void Checker::checkLabelsOrAnnotations(const YamlNode &map, bool labels)
{
    const QString field = labels ? QStringLiteral("metadata.labels") : QStringLiteral("metadata.annotations");
    if (isNullNode(map)) {
        emptyContainer(field, map, false);
        return;
    }
    if (!isMappingNode(map)) {
        wrongType(field, map, Expected::Object);
        return;
    }
    map.forEachPair([&](YamlNode key, YamlNode value) {
        const auto k = textOf(key);
        if (!isStringScalar(key) || !labelKey(k)) {
            QString example;
            const size_t slash = k.find('/');
            if (slash == std::string_view::npos) {
                example = suggest(k, Alphabet::ObjectName);
            } else if (k.find('/', slash + 1) == std::string_view::npos) {
                const QString prefix = suggest(k.substr(0, slash), Alphabet::DnsSubdomain);
                const QString rest = suggest(k.substr(slash + 1), Alphabet::ObjectName);
                if (!prefix.isEmpty() && !rest.isEmpty()) {
                    example = prefix + QLatin1Char('/') + rest;
                }
            }
            error(key, withExample(tr("%1 key \"%2\" is not valid; expected an optional DNS-subdomain prefix and "
                                      "\"/\", then at most 63 characters [a-zA-Z0-9] separated by [-_.]")
                                       .arg(field, key.scalar()),
                                   example));
            return;
        }
        if (isStringScalar(value)) {
            if (labels && !labelValue(textOf(value))) {
                error(value, withExample(tr("%1 value \"%2\" is not valid; expected \"\" or a string of at most 63 "
                                            "characters [a-zA-Z0-9] separated by [-_.]")
                                             .arg(field + QLatin1Char('.') + key.scalar(), value.scalar()),
                                         suggest(textOf(value), Alphabet::ObjectName)));
            }
            return;
        }
        if (isPlaceholder(value)) {
            return;
        }
        error(value, tr("%1 must be a string, got %2").arg(field + QLatin1Char('.') + key.scalar(), value.typeName()) +
                         (isNullNode(value) ? tr("; write \"\" for an empty value") : quoteHint(value)));
    });
}

void Checker::checkTags(const YamlNode &tags)
{
    if (isNullNode(tags)) {
        emptyContainer(QStringLiteral("metadata.tags"), tags, true);
        return;
    }
    if (!isSequenceNode(tags)) {
        QString message = tr("metadata.tags must be a list, got %1").arg(tags.typeName());
        if (isScalarNode(tags)) {
            message += tr("; write it as a list: \"tags: [%1]\"").arg(tags.scalar());
        }
        error(tags, message);
        return;
    }
    int index = 0;
    tags.forEachItem([&](YamlNode tag) {
        const int i = index++;
        if (!isStringScalar(tag)) {
            wrongType(QStringLiteral("metadata.tags[%1]").arg(i), tag, Expected::String);
        } else if (!tagFormat(textOf(tag))) {
            error(tag, withExample(tr("metadata.tags[%1] \"%2\" is not valid; expected a string of at most 63 "
                                      "characters [a-z0-9:+#] separated by [-]")
                                       .arg(i)
                                       .arg(tag.scalar()),
                                   suggest(textOf(tag), Alphabet::Tag)));
        }
    });
}

void Checker::checkLinks(const YamlNode &links)
{
    if (isNullNode(links)) {
        emptyContainer(QStringLiteral("metadata.links"), links, true);
        return;
    }
    if (!isSequenceNode(links)) {
        wrongType(QStringLiteral("metadata.links"), links, Expected::List);
        return;
    }
    int index = 0;
    links.forEachItem([&](YamlNode link) { checkLink(index++, link); });
}

void Checker::checkLink(int index, const YamlNode &link)
{
    auto path = [index]() -> QString { return QStringLiteral("metadata.links[%1]").arg(index); };
    if (!isMappingNode(link)) {
        error(link, tr("%1 must be an object with a url, got %2; write it as \"- url: https://…\" with optional "
                       "title, icon and type")
                        .arg(path(), link.typeName()));
        return;
    }
    YamlNode url;
    link.forEachPair([&](YamlNode key, YamlNode value) {
        const auto k = textOf(key);
        auto field = [&]() -> QString { return path() + QLatin1Char('.') + key.scalar(); };
        if (k == "url") {
            url = value;
        } else if (k == "title" || k == "type") {
            if (checkString(field, value) && isScalarNode(value) &&
                textOf(value).find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
                error(value, tr("%1 must not be blank; remove it or write some text").arg(field()));
            }
        } else if (k == "icon") {
            if (checkString(field, value) && isScalarNode(value) && !objectName(textOf(value))) {
                error(value, withExample(tr("%1 \"%2\" is not valid; expected a string of at most 63 characters "
                                            "[a-zA-Z0-9] separated by [-_.]")
                                             .arg(field(), value.scalar()),
                                         suggest(textOf(value), Alphabet::ObjectName)));
            }
        }
    });
    auto urlField = [&]() -> QString { return path() + QLatin1String(".url"); };
    if (!url.isValid() || isNullNode(url)) {
        error(url.isValid() ? url : link,
              tr("%1 is required; set it to an absolute URL, e.g. \"url: https://example.com\"").arg(urlField()));
    } else if (checkString(urlField, url) && isScalarNode(url) && !urlFormat(textOf(url))) {
        const QString text = url.scalar();
        const bool hasScheme = text.contains(QLatin1Char(':'));
        error(url, tr("%1 \"%2\" is not a valid URL; write an absolute URL with a scheme, e.g. \"%3\"")
                       .arg(urlField(), text,
                            hasScheme ? QStringLiteral("https://example.com/path")
                                      : QLatin1String("https://") + text.trimmed()));
    }
}

void Checker::missingField(const FieldRule &rule, const YamlNode &at)
{
    QString hint;
    switch (rule.hint) {
    case Hint::None:
        hint = tr("set it");
        break;
    case Hint::Type:
        hint = tr("set it to the entity's type, e.g. \"type: %1\"").arg(fromUtf8(m_kind->typeExample));
        break;
    case Hint::Lifecycle:
        hint = tr("set it, e.g. \"lifecycle: production\"");
        break;
    case Hint::Owner:
        hint = tr("set it to the owning group, e.g. \"owner: team-a\"");
        break;
    case Hint::Definition:
        hint = tr("set it to the API's definition, or load it from a file with \"$text: ./openapi.yaml\"");
        break;
    case Hint::Children:
        hint = tr("list the child groups, or write \"children: []\" if there are none");
        break;
    case Hint::MemberOf:
        hint = tr("list the user's groups, or write \"memberOf: []\" if there are none");
        break;
    case Hint::Steps:
        hint = tr("list the steps the template runs, each with an id and an action");
        break;
    }
    error(at, tr("%1 is required for kind %2; %3")
                  .arg(QLatin1String("spec.") + fromUtf8(rule.name), fromUtf8(m_kind->kind), hint));
}

void Checker::checkField(const FieldRule &rule, const YamlNode &value)
{
    auto field = [&rule]() -> QString { return QLatin1String("spec.") + fromUtf8(rule.name); };
    if (isNullNode(value) && rule.required) {
        missingField(rule, value);
        return;
    }
    switch (rule.type) {
    case FieldType::String:
        checkString(field, value);
        break;
    case FieldType::Ref:
        checkRef(field, value);
        break;
    case FieldType::RefList:
    case FieldType::StringList: {
        const bool refs = rule.type == FieldType::RefList;
        if (isPlaceholder(value)) {
            return;
        }
        if (isNullNode(value)) {
            emptyContainer(field(), value, true);
            return;
        }
        if (!isSequenceNode(value)) {
            QString message = refs ? tr("%1 must be a list of entity references, got %2").arg(field(), value.typeName())
                                   : tr("%1 must be a list of strings, got %2").arg(field(), value.typeName());
            if (isScalarNode(value)) {
                message += tr("; write it as a list: \"%1: [%2]\"").arg(fromUtf8(rule.name), value.scalar());
            }
            error(value, message);
            return;
        }
        int index = 0;
        value.forEachItem([&](YamlNode item) {
            const int i = index++;
            auto itemField = [&]() -> QString { return field() + QStringLiteral("[%1]").arg(i); };
            if (refs) {
                checkRef(itemField, item);
            } else {
                checkString(itemField, item);
            }
        });
        break;
    }
    case FieldType::List:
        if (!isSequenceNode(value) && !isPlaceholder(value)) {
            wrongType(field(), value, Expected::List);
        }
        break;
    case FieldType::Object:
        if (isNullNode(value)) {
            emptyContainer(field(), value, false);
        } else if (!isMappingNode(value)) {
            wrongType(field(), value, Expected::Object);
        }
        break;
    case FieldType::ObjectOrList:
        if (isNullNode(value)) {
            emptyContainer(field(), value, false);
        } else if (!isMappingNode(value) && !isSequenceNode(value)) {
            wrongType(field(), value, Expected::ObjectOrList);
        }
        break;
    }
}

void Checker::checkSpec(const YamlNode &root)
{
    if (!m_kind) {
        // Unknown kinds keep whatever spec they have; it must still be an object (Entity.schema.json).
        if (isNullNode(m_spec)) {
            emptyContainer(QStringLiteral("spec"), m_spec, false);
        } else if (m_spec.isValid() && !isMappingNode(m_spec)) {
            wrongType(QStringLiteral("spec"), m_spec, Expected::Object);
        }
        return;
    }
    if (!m_spec.isValid() || isNullNode(m_spec)) {
        const YamlNode at = m_spec.isValid() ? m_spec : root;
        if (m_kind->kind == "Location") {
            error(at, tr("spec is required for kind Location; add \"spec:\" with a target, e.g. \"target: "
                         "./catalog-info.yaml\""));
            return;
        }
        QStringList required;
        for (int f = 0; f < m_kind->fieldCount; ++f) {
            if (m_kind->fields[size_t(f)].required) {
                required.append(fromUtf8(m_kind->fields[size_t(f)].name));
            }
        }
        error(at, tr("spec is required for kind %1; add \"spec:\" with %2")
                      .arg(fromUtf8(m_kind->kind), required.join(QLatin1String(", "))));
        return;
    }
    if (!isMappingNode(m_spec)) {
        wrongType(QStringLiteral("spec"), m_spec, Expected::Object);
        return;
    }
    quint32 seen = 0;
    m_spec.forEachPair([&](YamlNode key, YamlNode value) {
        const auto k = textOf(key);
        for (int f = 0; f < m_kind->fieldCount; ++f) {
            const FieldRule &rule = m_kind->fields[size_t(f)];
            if (rule.name == k) {
                seen |= 1u << f;
                checkField(rule, value);
                break;
            }
        }
    });
    // An API of type mcp-server lists its endpoints in spec.remotes instead of a definition
    // (API.v1alpha1.mcp-server.schema.json).
    const bool mcpServer = m_kind->kind == "API" && m_spec[std::string_view("type")].scalarUtf8() == "mcp-server";
    for (int f = 0; f < m_kind->fieldCount; ++f) {
        const FieldRule &rule = m_kind->fields[size_t(f)];
        if (rule.required && !(seen & (1u << f)) && !(mcpServer && rule.hint == Hint::Definition)) {
            missingField(rule, m_spec);
        }
    }
    if (mcpServer) {
        checkRemotes(m_spec[std::string_view("remotes")]);
    }
}

void Checker::checkRemotes(const YamlNode &remotes)
{
    if (!remotes.isValid() || isNullNode(remotes) || (isSequenceNode(remotes) && remotes.size() == 0)) {
        error(remotes.isValid() ? remotes : m_spec,
              tr("spec.remotes is required for an API of type mcp-server; list the server's endpoints, each with a "
                 "type and a url, e.g. \"- type: streamable-http\" and \"url: https://example.com/mcp\""));
        return;
    }
    if (!isSequenceNode(remotes)) {
        wrongType(QStringLiteral("spec.remotes"), remotes, Expected::List);
        return;
    }
    int index = 0;
    remotes.forEachItem([&](YamlNode remote) {
        const int i = index++;
        auto path = [i]() -> QString { return QStringLiteral("spec.remotes[%1]").arg(i); };
        if (!isMappingNode(remote)) {
            wrongType(path(), remote, Expected::Object);
            return;
        }
        for (const std::string_view key : {std::string_view("type"), std::string_view("url")}) {
            const YamlNode value = remote[key];
            auto field = [&]() -> QString { return path() + QLatin1Char('.') + fromUtf8(key); };
            if (!value.isValid() || isNullNode(value)) {
                error(value.isValid() ? value : remote, tr("%1 is required; set it").arg(field()));
            } else {
                checkString(field, value);
            }
        }
    });
}

} // namespace

bool Validator::validate(const Entity &entity, std::vector<Problem> *problems)
{
    return Checker(entity, problems).run();
}

} // namespace Gantry::Catalog
