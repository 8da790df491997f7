#include "models/catalog/relations.h"

#include "models/catalog/entityref.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <string_view>
#include <vector>

namespace Gantry::Catalog {

namespace {

// One spec field that emits a relation: Backstage's BuiltinKindsEntityProcessor, plus the two
// fields the current descriptor docs add (Component.dependencyOf, Domain.subdomainOf).
struct FieldRule
{
    std::string_view field;
    RelationType type;
    const char *defaultKind; // nullptr: the reference must name its kind
};

struct KindRule
{
    std::string_view kind;
    std::array<FieldRule, 8> fields;
    int count;
};

// clang-format off
const std::array<KindRule, 8> rules = {{
    {"Component", {{
        {"owner", RelationType::OwnedBy, "group"},
        {"system", RelationType::PartOf, "system"},
        {"subcomponentOf", RelationType::PartOf, "component"},
        {"providesApis", RelationType::ProvidesApi, "api"},
        {"consumesApis", RelationType::ConsumesApi, "api"},
        {"dependsOn", RelationType::DependsOn, nullptr},
        {"dependencyOf", RelationType::DependencyOf, nullptr},
    }}, 7},
    {"API", {{
        {"owner", RelationType::OwnedBy, "group"},
        {"system", RelationType::PartOf, "system"},
    }}, 2},
    {"Resource", {{
        {"owner", RelationType::OwnedBy, "group"},
        {"system", RelationType::PartOf, "system"},
        {"dependsOn", RelationType::DependsOn, nullptr},
        {"dependencyOf", RelationType::DependencyOf, nullptr},
    }}, 4},
    {"System", {{
        {"owner", RelationType::OwnedBy, "group"},
        {"domain", RelationType::PartOf, "domain"},
    }}, 2},
    {"Domain", {{
        {"owner", RelationType::OwnedBy, "group"},
        {"subdomainOf", RelationType::PartOf, "domain"},
    }}, 2},
    {"Group", {{
        {"parent", RelationType::ChildOf, "group"},
        {"children", RelationType::ParentOf, "group"},
        {"members", RelationType::HasMember, "user"},
    }}, 3},
    {"User", {{
        {"memberOf", RelationType::MemberOf, "group"},
    }}, 1},
    {"Template", {{
        {"owner", RelationType::OwnedBy, "group"},
    }}, 1},
}};
// clang-format on

QString fromUtf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

class Emitter
{
    Q_DECLARE_TR_FUNCTIONS(Gantry::Catalog::Relations)

public:
    Emitter(const Entity &entity, std::vector<OutgoingRelation> *out, std::vector<Problem> *problems)
        : m_entity(entity)
        , m_out(out)
        , m_problems(problems)
    {}

    // Backstage's doEmit: a single value or a list, each a string or a compound reference.
    void emit(const FieldRule &rule, const YamlNode &value)
    {
        if (value.isSequence()) {
            int index = 0;
            value.forEachItem([&](YamlNode item) { emitOne(rule, item, index++); });
        } else {
            emitOne(rule, value, -1);
        }
    }

private:
    static QString makeFieldPath(const FieldRule &rule, int index)
    {
        QString path = QLatin1String("spec.") + fromUtf8(rule.field);
        if (index >= 0) {
            path += QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
        }
        return path;
    }

    // "spec.owner", "spec.dependsOn[2]", ...: built once and shared (every relation keeps one).
    static QString fieldPath(const FieldRule &rule, int index)
    {
        constexpr int Cached = 32;
        using Paths = std::array<QString, Cached + 1>; // index -1 .. Cached - 1
        static const auto table = [] {
            std::vector<std::vector<Paths>> t(rules.size());
            for (size_t k = 0; k < rules.size(); ++k) {
                t[k].resize(size_t(rules[k].count));
                for (int f = 0; f < rules[k].count; ++f) {
                    for (int i = -1; i < Cached; ++i) {
                        t[k][size_t(f)][size_t(i + 1)] = makeFieldPath(rules[k].fields[size_t(f)], i);
                    }
                }
            }
            return t;
        }();
        if (index < Cached) {
            for (size_t k = 0; k < rules.size(); ++k) {
                const auto &fields = rules[k].fields;
                if (&rule >= fields.data() && &rule < fields.data() + rules[k].count) {
                    return table[k][size_t(&rule - fields.data())][size_t(index + 1)];
                }
            }
        }
        return makeFieldPath(rule, index);
    }

    void emitOne(const FieldRule &rule, const YamlNode &node, int index)
    {
        // Backstage skips falsy targets (a missing field, null, ""); the Validator reports
        // fields of the wrong type, so anything that is not a reference is skipped here.
        const QString defaultKind = rule.defaultKind ? QLatin1String(rule.defaultKind) : QString();
        std::optional<EntityRef> ref;
        QString error;
        bool kindMissing = false; // the only problem is a kind the field has no default for
        if (node.isScalar()) {
            if (node.scalarUtf8().empty()) {
                return;
            }
            QString canonical = EntityRef::canonicalAscii(
                node.scalarUtf8(), rule.defaultKind ? QLatin1String(rule.defaultKind) : QLatin1String(),
                m_entity.nameSpace);
            if (!canonical.isEmpty()) {
                m_out->push_back(OutgoingRelation{Relation{rule.type, std::move(canonical)},
                                                  SourceLocation{m_entity.location.file, node.line(), node.column()},
                                                  fieldPath(rule, index)});
                return;
            }
            const QString text = node.scalar();
            ref = EntityRef::parse(text, defaultKind, m_entity.nameSpace, &error);
            kindMissing = !ref && defaultKind.isEmpty() &&
                          EntityRef::parse(text, QStringLiteral("component"), m_entity.nameSpace).has_value();
        } else if (node.isMapping()) {
            ref = parseCompound(node, defaultKind, &error, &kindMissing);
        } else {
            return;
        }
        if (!ref) {
            reportMalformed(rule, node, index, error, kindMissing);
            return;
        }
        m_out->push_back(OutgoingRelation{Relation{rule.type, ref->toString()},
                                          SourceLocation{m_entity.location.file, node.line(), node.column()},
                                          fieldPath(rule, index)});
    }

    // {kind, namespace, name}: the parts as given, defaults for the missing ones (Backstage's
    // parseEntityRef with an object; the parts are not split on ':' or '/').
    std::optional<EntityRef> parseCompound(const YamlNode &node, const QString &defaultKind, QString *error,
                                           bool *kindMissing) const
    {
        EntityRef ref;
        ref.kind = node[std::string_view("kind")].scalar();
        ref.nameSpace = node[std::string_view("namespace")].scalar();
        ref.name = node[std::string_view("name")].scalar();
        if (ref.kind.isEmpty()) {
            ref.kind = defaultKind;
        }
        if (ref.nameSpace.isEmpty()) {
            ref.nameSpace = m_entity.nameSpace;
        }
        auto textual = [&node]() -> QString {
            return QString::fromUtf8(QJsonDocument(node.toJson().toObject()).toJson(QJsonDocument::Compact));
        };
        if (ref.kind.isEmpty()) {
            *kindMissing = !ref.name.isEmpty();
            *error = QCoreApplication::translate("Gantry::Catalog::EntityRef",
                                                 "Entity reference %1 had missing or empty kind (e.g. did not start "
                                                 "with \"component:\" or similar)")
                         .arg(textual());
            return std::nullopt;
        }
        if (ref.name.isEmpty()) {
            *error = QCoreApplication::translate("Gantry::Catalog::EntityRef",
                                                 "Entity reference %1 had missing or empty name")
                         .arg(textual());
            return std::nullopt;
        }
        return ref;
    }

    void reportMalformed(const FieldRule &rule, const YamlNode &node, int index, const QString &error, bool kindMissing)
    {
        if (!m_problems) {
            return;
        }
        QString fix;
        if (kindMissing) {
            QString name = node.isScalar() ? node.scalar() : node[std::string_view("name")].scalar();
            if (name.isEmpty()) {
                name = QStringLiteral("my-service");
            }
            fix = tr("%1 has no default kind: write the kind in front of the name, e.g. \"component:%2\" or "
                     "\"resource:%2\"")
                      .arg(fieldPath(rule, -1), name);
        } else if (node.isMapping()) {
            fix = tr("give the reference a name, e.g. {kind: %1, name: my-service}")
                      .arg(rule.defaultKind ? QLatin1String(rule.defaultKind) : QLatin1String("component"));
        } else {
            fix = tr("write it as [<kind>:][<namespace>/]<name> without empty parts, e.g. \"%1:default/my-name\"")
                      .arg(rule.defaultKind ? QLatin1String(rule.defaultKind) : QLatin1String("component"));
        }
        m_problems->push_back(Problem{Problem::Severity::Error,
                                      SourceLocation{m_entity.location.file, node.line(), node.column()},
                                      tr("%1: %2; %3").arg(fieldPath(rule, index), error, fix), m_entity.ref});
    }

    const Entity &m_entity;
    std::vector<OutgoingRelation> *m_out;
    std::vector<Problem> *m_problems;
};

} // namespace

std::vector<OutgoingRelation> outgoingRelations(const Entity &entity, std::vector<Problem> *problems)
{
    std::vector<OutgoingRelation> out;
    const YamlNode spec = entity.spec();
    if (!spec.isMapping()) {
        return out;
    }
    // Backstage matches the kind exactly (entity.kind === 'Component'); unknown kinds emit nothing.
    const KindRule *kind = nullptr;
    for (const auto &rule : rules) {
        if (entity.kind == QLatin1String(rule.kind.data(), qsizetype(rule.kind.size()))) {
            kind = &rule;
            break;
        }
    }
    if (!kind) {
        return out;
    }
    Emitter emitter(entity, &out, problems);
    for (int f = 0; f < kind->count; ++f) {
        const FieldRule &rule = kind->fields[size_t(f)];
        const YamlNode value = spec[rule.field];
        if (value.isValid()) {
            emitter.emit(rule, value);
        }
    }
    if (out.capacity() > out.size()) {
        out.shrink_to_fit(); // kept for as long as the file is in the memo
    }
    return out;
}

} // namespace Gantry::Catalog
