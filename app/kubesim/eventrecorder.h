#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace Gantry::KubeSim {

class Store;

// Writes core/v1 Events the way the real controllers and the kubelet do: one Event per
// (object, reason, message, source), later repeats counted on it with a new lastTimestamp.
// Events older than the time to live (an hour, like the API server's default) are deleted.
class EventRecorder final
{
public:
    explicit EventRecorder(Store *store);

    enum class Type { Normal, Warning };

    // involvedObject is the object the event is about; component is e.g. "deployment-controller";
    // fieldPath names a container ("spec.containers{app}") for kubelet events.
    void record(const QJsonObject &involvedObject, Type type, const QString &reason, const QString &message,
                const QString &component, const QString &host = QString(), const QString &fieldPath = QString());

    // Deletes events whose lastTimestamp is older than the time to live.
    void expire();
    void setTimeToLiveSeconds(qint64 seconds) { m_ttlSeconds = seconds; }

private:
    Store *m_store;
    qint64 m_ttlSeconds = 3600;
    qint64 m_serial = 0;
    QHash<QString, QString> m_names; // aggregation key -> event name (namespace is in the key)
};

} // namespace Gantry::KubeSim
