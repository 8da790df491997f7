#include "app/kubesim/eventrecorder.h"

#include "app/kubesim/objectutil.h"
#include "app/kubesim/store.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEventRecorder, "gantry.kubesim.eventrecorder")

namespace Gantry::KubeSim {

namespace {
const QString kEvents = QStringLiteral("events");
}

EventRecorder::EventRecorder(Store *store)
    : m_store(store)
{}

void EventRecorder::record(const QJsonObject &involvedObject, Type type, const QString &reason, const QString &message,
                           const QString &component, const QString &host, const QString &fieldPath)
{
    const QString ns = ObjectUtil::nameSpace(involvedObject).isEmpty() ? QStringLiteral("default")
                                                                       : ObjectUtil::nameSpace(involvedObject);
    const QString objectUid = ObjectUtil::uid(involvedObject);
    const QString key = ns + QLatin1Char('\n') + objectUid + QLatin1Char('\n') + fieldPath + QLatin1Char('\n') +
                        reason + QLatin1Char('\n') + message + QLatin1Char('\n') + component;
    const QString now = Store::timestamp();

    const auto existing = m_names.constFind(key);
    if (existing != m_names.constEnd()) {
        const StoreResult result = m_store->modify(kEvents, ns, existing.value(), [&](QJsonObject &event) {
            event.insert(QStringLiteral("count"), event.value(QStringLiteral("count")).toInt(1) + 1);
            event.insert(QStringLiteral("lastTimestamp"), now);
            return true;
        });
        if (result.ok()) {
            return;
        }
        m_names.remove(key); // deleted through the API or expired: start a new one
    }

    QJsonObject involved{{QStringLiteral("kind"), involvedObject.value(QStringLiteral("kind")).toString()},
                         {QStringLiteral("namespace"), ns},
                         {QStringLiteral("name"), ObjectUtil::name(involvedObject)},
                         {QStringLiteral("uid"), objectUid},
                         {QStringLiteral("apiVersion"), involvedObject.value(QStringLiteral("apiVersion")).toString()},
                         {QStringLiteral("resourceVersion"), involvedObject.value(QStringLiteral("metadata"))
                                                                 .toObject()
                                                                 .value(QStringLiteral("resourceVersion"))
                                                                 .toString()}};
    if (!fieldPath.isEmpty()) {
        involved.insert(QStringLiteral("fieldPath"), fieldPath);
    }
    QJsonObject source{{QStringLiteral("component"), component}};
    if (!host.isEmpty()) {
        source.insert(QStringLiteral("host"), host);
    }
    // Real event names are <object>.<unix nanoseconds in hex>.
    // A counter in the sub-millisecond digits keeps names unique within a millisecond.
    const qint64 nanos = QDateTime::currentMSecsSinceEpoch() * 1000000 + (m_serial++ % 1000000);
    const QString eventName = ObjectUtil::name(involvedObject) + QLatin1Char('.') + QString::number(nanos, 16);
    const QJsonObject event{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), eventName}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("involvedObject"), involved},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"), message},
        {QStringLiteral("source"), source},
        {QStringLiteral("firstTimestamp"), now},
        {QStringLiteral("lastTimestamp"), now},
        {QStringLiteral("count"), 1},
        {QStringLiteral("type"), type == Type::Warning ? QStringLiteral("Warning") : QStringLiteral("Normal")},
        {QStringLiteral("eventTime"), QJsonValue()},
        {QStringLiteral("reportingComponent"), component},
        {QStringLiteral("reportingInstance"), host},
    };
    const StoreResult result = m_store->create(kEvents, ns, event);
    if (result.ok()) {
        m_names.insert(key, ObjectUtil::name(result.object));
    } else {
        qCWarning(lcEventRecorder) << "cannot record event" << reason << result.message;
    }
}

void EventRecorder::expire()
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-m_ttlSeconds);
    const QList<QJsonObject> events = m_store->list(kEvents);
    for (const QJsonObject &event : events) {
        const QDateTime last =
            QDateTime::fromString(event.value(QStringLiteral("lastTimestamp")).toString(), Qt::ISODate);
        if (last.isValid() && last < cutoff) {
            m_store->remove(kEvents, ObjectUtil::nameSpace(event), ObjectUtil::name(event));
        }
    }
    for (auto it = m_names.begin(); it != m_names.end();) {
        const QString ns = it.key().section(QLatin1Char('\n'), 0, 0);
        if (!m_store->get(kEvents, ns, it.value())) {
            it = m_names.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace Gantry::KubeSim
