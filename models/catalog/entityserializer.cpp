#include "models/catalog/entityserializer.h"

#include <QJsonArray>

#include <yaml-cpp/yaml.h>

#include <string>

namespace Gantry::Catalog {

namespace {

void emitNode(YAML::Emitter &out, const YamlNode &node)
{
    switch (node.type()) {
    case YamlNode::Type::Invalid:
    case YamlNode::Type::Null:
        out << YAML::Null;
        break;
    case YamlNode::Type::Scalar: {
        const std::string text(node.scalarUtf8());
        // Keep strings strings: a quoted "true" or "1.0" must not come back as bool or number.
        if (node.isQuoted() && node.typeName() != QLatin1String("string")) {
            out << YAML::DoubleQuoted << text;
        } else if (text.find('\n') != std::string::npos) {
            out << YAML::Literal << text;
        } else {
            out << text;
        }
        break;
    }
    case YamlNode::Type::Sequence:
        out << YAML::BeginSeq;
        node.forEachItem([&](YamlNode item) { emitNode(out, item); });
        out << YAML::EndSeq;
        break;
    case YamlNode::Type::Mapping:
        out << YAML::BeginMap;
        node.forEachPair([&](YamlNode key, YamlNode value) {
            out << YAML::Key << std::string(key.scalarUtf8()) << YAML::Value;
            emitNode(out, value);
        });
        out << YAML::EndMap;
        break;
    }
}

} // namespace

QJsonObject EntitySerializer::toJson(const Entity &entity)
{
    QJsonObject object = entity.root().toJson().toObject();
    // metadata.namespace is always present in Backstage's API output.
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    if (!metadata.contains(QLatin1String("namespace"))) {
        metadata.insert(QStringLiteral("namespace"), entity.nameSpace);
        object.insert(QStringLiteral("metadata"), metadata);
    }
    QJsonArray relations;
    for (const auto &r : entity.relations) {
        relations.append(QJsonObject{{QStringLiteral("type"), relationTypeName(r.type)},
                                     {QStringLiteral("targetRef"), r.targetRef}});
    }
    object.insert(QStringLiteral("relations"), relations);
    return object;
}

QByteArray EntitySerializer::toYaml(const Entity &entity)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    entity.root().forEachPair([&](YamlNode key, YamlNode value) {
        if (key.scalarUtf8() == "relations" || key.scalarUtf8() == "status") {
            return;
        }
        out << YAML::Key << std::string(key.scalarUtf8()) << YAML::Value;
        emitNode(out, value);
    });
    out << YAML::Key << "relations" << YAML::Value << YAML::BeginSeq;
    for (const auto &r : entity.relations) {
        out << YAML::BeginMap << YAML::Key << "type" << YAML::Value << relationTypeName(r.type).toStdString()
            << YAML::Key << "targetRef" << YAML::Value << r.targetRef.toStdString() << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
    return QByteArray(out.c_str()) + '\n';
}

} // namespace Gantry::Catalog
