#pragma once

#include "models/catalog/entity.h"

#include <QByteArray>
#include <QJsonObject>

namespace Gantry::Catalog {

// Writes entities in Backstage's own shapes, so scripts and tools that read Backstage's API
// read ours: {apiVersion, kind, metadata, spec, relations: [{type, targetRef}]}.
class EntitySerializer final
{
public:
    static QJsonObject toJson(const Entity &entity);
    // YAML with the descriptor's own key order, and the derived `relations` appended.
    static QByteArray toYaml(const Entity &entity);
};

} // namespace Gantry::Catalog
