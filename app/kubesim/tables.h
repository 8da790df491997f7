#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Gantry::KubeSim {

struct ResourceType;

// Server-side printing: meta.k8s.io/v1 Table rows with the columns kubectl's printers.go defines,
// so a plain `kubectl get` prints real columns.
class Tables final
{
public:
    enum class IncludeObject { None, Metadata, Object };

    static QJsonArray columnDefinitions(const ResourceType &type);
    static QJsonObject row(const ResourceType &type, const QJsonObject &object, IncludeObject include,
                           const QDateTime &now = QDateTime::currentDateTimeUtc());
    // A whole Table for a list answer (columnDefinitions omitted when withColumns is false).
    static QJsonObject table(const ResourceType &type, const QList<QJsonObject> &objects, IncludeObject include,
                             bool withColumns, const QJsonObject &listMetadata);

    // kubectl's duration.HumanDuration ("5s", "3m20s", "4h", "12d").
    static QString humanDuration(qint64 seconds);
    // kubectl's printPod STATUS column.
    static QString podStatus(const QJsonObject &pod);
};

} // namespace Gantry::KubeSim
