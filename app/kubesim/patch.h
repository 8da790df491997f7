#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Gantry::KubeSim {

// The three PATCH flavours the API server accepts on JSON objects.
class Patch final
{
public:
    // RFC 7386 JSON merge patch: objects merge, null deletes, everything else replaces.
    static QJsonObject merge(const QJsonObject &target, const QJsonObject &patch);
    // Kubernetes strategic merge patch: like merge, but lists with a merge key (containers by
    // name, ports by containerPort, env by name, ...) merge element by element; honours
    // "$patch": delete|replace, ignores "$setElementOrder/..." and "$retainKeys" directives.
    static QJsonObject strategicMerge(const QJsonObject &target, const QJsonObject &patch);
    // RFC 6902 JSON patch (add, remove, replace, test, move, copy). On failure returns false and
    // sets *error to an API-style message; *target is then unspecified.
    static bool json(QJsonObject *target, const QJsonArray &operations, QString *error);
};

} // namespace Gantry::KubeSim
