#include "models/catalog/entity.h"

#include "models/catalog/entityref.h"

#include <string_view>

namespace Gantry::Catalog {

const QStringList &knownKinds()
{
    static const QStringList kinds = {
        QStringLiteral("Component"), QStringLiteral("API"),      QStringLiteral("Resource"),
        QStringLiteral("System"),    QStringLiteral("Domain"),   QStringLiteral("Group"),
        QStringLiteral("User"),      QStringLiteral("Location"), QStringLiteral("Template"),
    };
    return kinds;
}

bool Entity::isKnownKind() const
{
    return knownKinds().contains(kind, Qt::CaseInsensitive);
}

QString Entity::annotation(std::string_view key) const
{
    return metadata()[std::string_view("annotations")][key].scalar();
}

namespace {

// The values most entities share (apiVersion, kind, namespace, spec.type, spec.lifecycle) as
// static strings: equal values, but no allocation per entity (tens of MiB at 50k entities).
QString commonScalar(const YamlNode &node)
{
    struct Common
    {
        std::string_view utf8;
        QString text;
    };
#define GANTRY_COMMON(s)                                                                                               \
    Common                                                                                                             \
    {                                                                                                                  \
        std::string_view(s), QStringLiteral(s)                                                                         \
    }
    static const Common common[] = {
        GANTRY_COMMON("backstage.io/v1alpha1"),
        GANTRY_COMMON("backstage.io/v1beta1"),
        GANTRY_COMMON("scaffolder.backstage.io/v1beta3"),
        GANTRY_COMMON("Component"),
        GANTRY_COMMON("API"),
        GANTRY_COMMON("Resource"),
        GANTRY_COMMON("System"),
        GANTRY_COMMON("Domain"),
        GANTRY_COMMON("Group"),
        GANTRY_COMMON("User"),
        GANTRY_COMMON("Location"),
        GANTRY_COMMON("Template"),
        GANTRY_COMMON("default"),
        GANTRY_COMMON("production"),
        GANTRY_COMMON("experimental"),
        GANTRY_COMMON("deprecated"),
        GANTRY_COMMON("service"),
        GANTRY_COMMON("website"),
        GANTRY_COMMON("library"),
        GANTRY_COMMON("openapi"),
        GANTRY_COMMON("asyncapi"),
        GANTRY_COMMON("graphql"),
        GANTRY_COMMON("grpc"),
        GANTRY_COMMON("database"),
        GANTRY_COMMON("team"),
        GANTRY_COMMON("business-unit"),
        GANTRY_COMMON("product-area"),
        GANTRY_COMMON("organization"),
    };
#undef GANTRY_COMMON
    const std::string_view utf8 = node.scalarUtf8();
    for (const auto &c : common) {
        if (c.utf8 == utf8) {
            return c.text;
        }
    }
    return node.scalar();
}

} // namespace

Entity Entity::fromDocument(const std::shared_ptr<const YamlTree> &tree, int documentIndex, const QString &file)
{
    Entity e;
    e.tree = tree;
    const auto &doc = tree->documents()[size_t(documentIndex)];
    e.node = doc.root;
    const YamlNode root = tree->node(doc.root);
    e.location = SourceLocation{file, root.line(), root.column()};
    e.startLine = int(doc.startLine) + 1;
    e.endLine = int(doc.endLine) + 1;

    e.apiVersion = commonScalar(root["apiVersion"]);
    e.kind = commonScalar(root["kind"]);
    const YamlNode metadata = root["metadata"];
    e.name = metadata["name"].scalar();
    e.nameSpace = commonScalar(metadata["namespace"]);
    if (e.nameSpace.isEmpty()) {
        e.nameSpace = QStringLiteral("default");
    }
    e.title = metadata["title"].scalar();
    e.description = metadata["description"].scalar();
    metadata["tags"].forEachItem([&](YamlNode tag) { e.tags.append(tag.scalar()); });

    const YamlNode spec = root["spec"];
    e.specType = commonScalar(spec["type"]);
    e.lifecycle = commonScalar(spec["lifecycle"]);
    // A reference as a string, or in the compound {kind, namespace, name} form.
    auto refOf = [&e](const YamlNode &node, const char *defaultKind) -> QString {
        if (node.isMapping()) {
            const QString name = node["name"].scalar();
            const QString kind = node["kind"].scalar();
            const QString ns = node["namespace"].scalar();
            return name.isEmpty() ? QString()
                                  : EntityRef::fromParts(kind.isEmpty() ? QString::fromLatin1(defaultKind) : kind,
                                                         ns.isEmpty() ? e.nameSpace : ns, name);
        }
        const std::string_view utf8 = node.scalarUtf8();
        if (utf8.empty()) {
            return QString();
        }
        QString canonical = EntityRef::canonicalAscii(utf8, QLatin1String(defaultKind), e.nameSpace);
        return canonical.isEmpty() ? EntityRef::canonical(node.scalar(), QLatin1String(defaultKind), e.nameSpace)
                                   : canonical;
    };
    e.owner = refOf(spec["owner"], "group");
    e.system = refOf(spec["system"], "system");
    e.ref = EntityRef::fromParts(e.kind, e.nameSpace, e.name);

    return e;
}

} // namespace Gantry::Catalog
