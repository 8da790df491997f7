#include "models/catalog/entity.h"

#include "models/catalog/entityref.h"

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

    e.apiVersion = root["apiVersion"].scalar();
    e.kind = root["kind"].scalar();
    const YamlNode metadata = root["metadata"];
    e.name = metadata["name"].scalar();
    e.nameSpace = metadata["namespace"].scalar();
    if (e.nameSpace.isEmpty()) {
        e.nameSpace = QStringLiteral("default");
    }
    e.title = metadata["title"].scalar();
    e.description = metadata["description"].scalar();
    metadata["tags"].forEachItem([&](YamlNode tag) { e.tags.append(tag.scalar()); });

    const YamlNode spec = root["spec"];
    e.specType = spec["type"].scalar();
    e.lifecycle = spec["lifecycle"].scalar();
    // A reference as a string, or in the compound {kind, namespace, name} form.
    auto refOf = [&e](const YamlNode &node, const QString &defaultKind) -> QString {
        if (node.isMapping()) {
            const QString name = node["name"].scalar();
            const QString kind = node["kind"].scalar();
            const QString ns = node["namespace"].scalar();
            return name.isEmpty() ? QString()
                                  : EntityRef::fromParts(kind.isEmpty() ? defaultKind : kind,
                                                         ns.isEmpty() ? e.nameSpace : ns, name);
        }
        const QString text = node.scalar();
        return text.isEmpty() ? QString() : EntityRef::canonical(text, defaultKind, e.nameSpace);
    };
    e.owner = refOf(spec["owner"], QStringLiteral("group"));
    e.system = refOf(spec["system"], QStringLiteral("system"));
    e.ref = EntityRef::fromParts(e.kind, e.nameSpace, e.name);

    QString search;
    search.reserve(e.name.size() + e.title.size() + e.description.size() + 32);
    search += e.name;
    search += QLatin1Char('\n');
    search += e.title;
    search += QLatin1Char('\n');
    search += e.description;
    for (const auto &tag : std::as_const(e.tags)) {
        search += QLatin1Char('\n');
        search += tag;
    }
    e.searchText = search.toLower();
    return e;
}

} // namespace Gantry::Catalog
