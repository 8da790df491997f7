#include "app/kubesim/watchstream.h"

#include "app/kubesim/apiresponse.h"
#include "app/kubesim/conversions.h"
#include "app/kubesim/resourcetypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcWatchStream, "gantry.kubesim.watchstream")

namespace Gantry::KubeSim {

WatchStream::WatchStream(Store *store, HttpConnection *connection, const ResourceType &type, const QString &ns,
                         const Selector &labels, const Selector &fields, const Options &options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_connection(connection)
    , m_type(type)
    , m_ns(ns)
    , m_labels(labels)
    , m_fields(fields)
    , m_options(options)
{
    connect(connection, &HttpConnection::closed, this, [this] {
        m_finished = true;
        deleteLater();
    });
    connect(connection, &QObject::destroyed, this, [this] {
        m_finished = true;
        deleteLater();
    });
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &WatchStream::finish);
    connect(&m_bookmarkTimer, &QTimer::timeout, this, [this] { sendBookmark(false); });
}

WatchStream::~WatchStream() = default;

bool WatchStream::selected(const QJsonObject &object) const
{
    if (!m_ns.isEmpty() && m_type.namespaced &&
        object.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("namespace")).toString() != m_ns) {
        return false;
    }
    return m_labels.matches(object) && m_fields.matches(object);
}

QJsonObject WatchStream::present(const QJsonObject &object)
{
    const QJsonObject served = Conversions::toServedVersion(m_type, object);
    if (!m_options.table) {
        return served;
    }
    QJsonObject metadata;
    metadata.insert(QStringLiteral("resourceVersion"),
                    served.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("resourceVersion")));
    QJsonObject table = Tables::table(m_type, {served}, m_options.include, !m_columnsSent, metadata);
    m_columnsSent = true;
    return table;
}

void WatchStream::start()
{
    if (!m_connection) {
        deleteLater();
        return;
    }
    m_connection->beginStream(200, "application/json");
    const QString rv = m_options.resourceVersion;
    const qint64 current = m_store->resourceVersion();
    if (m_options.sendInitialEvents || rv.isEmpty() || rv == QLatin1String("0")) {
        for (const QJsonObject &object : m_store->list(m_type.storeKey, m_ns)) {
            if (selected(object)) {
                sendEvent(QStringLiteral("ADDED"), present(object));
            }
        }
        m_lastVersion = current;
        if (m_options.sendInitialEvents) {
            sendBookmark(true);
        }
    } else {
        bool ok = false;
        const qint64 since = rv.toLongLong(&ok);
        QList<Change> changes;
        if (!ok || !m_store->changesSince(since, m_type.storeKey, &changes)) {
            const QJsonObject status = ApiResponse::statusObject(
                410, QStringLiteral("Expired"),
                QStringLiteral("too old resource version: %1 (%2)").arg(rv).arg(m_store->oldestResumableVersion()));
            sendEvent(QStringLiteral("ERROR"), status);
            finish();
            return;
        }
        m_lastVersion = since;
        for (const Change &change : std::as_const(changes)) {
            onChange(change);
        }
        m_lastVersion = std::max(m_lastVersion, current);
    }
    connect(m_store, &Store::changed, this, &WatchStream::onChange);
    m_timeout.start(std::max(1, m_options.timeoutSeconds) * 1000);
    if (m_options.bookmarks) {
        m_bookmarkTimer.start(m_options.bookmarkIntervalMs);
    }
}

void WatchStream::onChange(const Change &change)
{
    if (m_finished || change.resource != m_type.storeKey || change.resourceVersion <= m_lastVersion) {
        return;
    }
    m_lastVersion = change.resourceVersion;
    const bool now = selected(change.object);
    const bool before = change.type == ChangeType::Modified && selected(change.oldObject);
    switch (change.type) {
    case ChangeType::Added:
        if (now) {
            sendEvent(QStringLiteral("ADDED"), present(change.object));
        }
        break;
    case ChangeType::Modified:
        if (now && before) {
            sendEvent(QStringLiteral("MODIFIED"), present(change.object));
        } else if (now) {
            sendEvent(QStringLiteral("ADDED"), present(change.object));
        } else if (before) {
            sendEvent(QStringLiteral("DELETED"), present(change.object));
        }
        break;
    case ChangeType::Deleted:
        if (now) {
            sendEvent(QStringLiteral("DELETED"), present(change.object));
        }
        break;
    }
}

void WatchStream::sendEvent(const QString &type, const QJsonObject &object)
{
    if (!m_connection || m_finished) {
        return;
    }
    QJsonObject event;
    event.insert(QStringLiteral("type"), type);
    event.insert(QStringLiteral("object"), object);
    QByteArray line = QJsonDocument(event).toJson(QJsonDocument::Compact);
    line.append('\n');
    m_connection->writeChunk(line);
}

void WatchStream::sendBookmark(bool initialEventsEnd)
{
    QJsonObject metadata;
    metadata.insert(QStringLiteral("resourceVersion"),
                    QString::number(std::max(m_lastVersion, m_store->resourceVersion())));
    if (initialEventsEnd) {
        metadata.insert(QStringLiteral("annotations"),
                        QJsonObject{{QStringLiteral("k8s.io/initial-events-end"), QStringLiteral("true")}});
    }
    QJsonObject object;
    object.insert(QStringLiteral("kind"), m_type.kind);
    object.insert(QStringLiteral("apiVersion"), m_type.apiVersion());
    object.insert(QStringLiteral("metadata"), metadata);
    sendEvent(QStringLiteral("BOOKMARK"), object);
}

void WatchStream::finish()
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_timeout.stop();
    m_bookmarkTimer.stop();
    if (m_connection) {
        m_connection->endStream();
    }
    deleteLater();
}

void WatchStream::drop()
{
    m_finished = true;
    m_timeout.stop();
    m_bookmarkTimer.stop();
    if (m_connection) {
        m_connection->abort();
    }
    deleteLater();
}

} // namespace Gantry::KubeSim
