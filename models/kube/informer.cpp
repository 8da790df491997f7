#include "models/kube/informer.h"

#include "models/kube/watchstream.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace Gantry::Kube {

Q_LOGGING_CATEGORY(lcInformer, "gantry.kube.informer")

Informer::Informer(KubeClient *client, ResourceType type, QString nameSpace, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_type(std::move(type))
    , m_nameSpace(std::move(nameSpace))
    , m_coalesce(new QTimer(this))
    , m_retry(new QTimer(this))
{
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(100);
    connect(m_coalesce, &QTimer::timeout, this, [this] {
        if (m_pendingChange) {
            m_pendingChange = false;
            Q_EMIT changed();
        }
    });
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, [this] {
        if (!m_running) {
            return;
        }
        if (m_retryRelist) {
            list();
        } else {
            startWatch();
        }
    });
}

Informer::~Informer()
{
    stop();
}

void Informer::setCoalesceInterval(int milliseconds)
{
    m_coalesce->setInterval(milliseconds);
}

void Informer::setBackoff(int initialMs, int maxMs)
{
    m_backoffInitialMs = initialMs;
    m_backoffMaxMs = maxMs;
}

void Informer::start()
{
    if (m_running) {
        return;
    }
    m_running = true;
    list();
}

void Informer::stop()
{
    m_running = false;
    ++m_generation;
    m_retry->stop();
    if (m_watch) {
        m_watch->disconnect(this);
        m_watch->abort();
        m_watch->deleteLater();
        m_watch = nullptr;
    }
}

void Informer::retryNow()
{
    if (!m_running) {
        start();
        return;
    }
    if (m_retry->isActive()) {
        m_retry->stop();
        m_backoffMs = 0;
        if (m_retryRelist) {
            list();
        } else {
            startWatch();
        }
    }
}

QList<QJsonObject> Informer::objects() const
{
    QStringList keys = m_objects.keys();
    std::sort(keys.begin(), keys.end());
    QList<QJsonObject> result;
    result.reserve(keys.size());
    for (const auto &key : keys) {
        result.append(m_objects.value(key));
    }
    return result;
}

QString Informer::keyOf(const QJsonObject &object) const
{
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    const QString name = metadata.value(QLatin1String("name")).toString();
    if (m_nameSpace.isEmpty()) {
        return metadata.value(QLatin1String("namespace")).toString() + QLatin1Char('/') + name;
    }
    return name;
}

void Informer::list()
{
    if (!m_client) {
        return;
    }
    if (m_watch) {
        m_watch->disconnect(this);
        m_watch->abort();
        m_watch->deleteLater();
        m_watch = nullptr;
    }
    const quint64 generation = ++m_generation;
    ++m_relists;
    ListOptions options;
    options.labelSelector = m_labelSelector;
    options.fieldSelector = m_fieldSelector;
    m_client->list(m_type.path(m_nameSpace), options, this, [this, generation](const KubeResult &result) {
        if (generation != m_generation || !m_running) {
            return;
        }
        if (!result.ok()) {
            fail(result.error);
            return;
        }
        QHash<QString, QJsonObject> objects;
        for (const auto &item : result.object.value(QLatin1String("items")).toArray()) {
            const QJsonObject object = item.toObject();
            objects.insert(keyOf(object), object);
        }
        m_objects = std::move(objects);
        m_resourceVersion = result.object.value(QLatin1String("metadata"))
                                .toObject()
                                .value(QLatin1String("resourceVersion"))
                                .toString();
        m_synced = true;
        m_backoffMs = 0;
        m_lastUpdate = QDateTime::currentDateTimeUtc();
        setError(KubeError());
        markChanged();
        startWatch();
    });
}

void Informer::startWatch()
{
    if (!m_client || !m_running) {
        return;
    }
    if (m_watch) {
        m_watch->disconnect(this);
        m_watch->abort();
        m_watch->deleteLater();
    }
    ListOptions options;
    options.labelSelector = m_labelSelector;
    options.fieldSelector = m_fieldSelector;
    options.resourceVersion = m_resourceVersion;
    options.timeoutSeconds = m_watchTimeoutSeconds;
    m_watch = m_client->watch(m_type.path(m_nameSpace), options);
    m_watch->setParent(this);
    connect(m_watch, &WatchStream::event, this,
            [this](WatchStream::EventType type, const QJsonObject &object) { onEvent(int(type), object); });
    connect(m_watch, &WatchStream::finished, this, &Informer::onWatchFinished);
}

void Informer::onEvent(int type, const QJsonObject &object)
{
    ++m_eventsReceived;
    const QString rv =
        object.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")).toString();
    if (!rv.isEmpty()) {
        m_resourceVersion = rv;
    }
    m_lastUpdate = QDateTime::currentDateTimeUtc();
    m_backoffMs = 0;
    if (m_error.isError()) {
        setError(KubeError());
    }
    switch (WatchStream::EventType(type)) {
    case WatchStream::EventType::Added:
    case WatchStream::EventType::Modified:
        m_objects.insert(keyOf(object), object);
        markChanged();
        break;
    case WatchStream::EventType::Deleted:
        m_objects.remove(keyOf(object));
        markChanged();
        break;
    case WatchStream::EventType::Bookmark:
        break;
    }
    Q_EMIT eventReceived();
}

void Informer::onWatchFinished(const KubeError &error)
{
    if (m_watch) {
        m_watch->deleteLater();
        m_watch = nullptr;
    }
    if (!m_running) {
        return;
    }
    if (!error.isError()) {
        // The server ended the stream (timeoutSeconds) or the connection dropped: go on from
        // the last version seen.
        ++m_rewatches;
        startWatch();
        return;
    }
    if (error.kind == KubeError::Kind::Gone) {
        // Our resourceVersion is too old: start over with a fresh list (client-go relists).
        qCDebug(lcInformer) << m_type.plural << "watch expired; relisting";
        list();
        return;
    }
    fail(error);
}

void Informer::fail(const KubeError &error)
{
    qCDebug(lcInformer) << m_type.plural << "in" << m_nameSpace << "failed:" << error.kindName() << error.detail;
    setError(error);
    scheduleRetry(true);
}

void Informer::setError(const KubeError &error)
{
    if (error.kind == m_error.kind && error.detail == m_error.detail && error.httpStatus == m_error.httpStatus) {
        return;
    }
    m_error = error;
    Q_EMIT errorChanged();
}

void Informer::scheduleRetry(bool relist)
{
    m_backoffMs = m_backoffMs == 0 ? m_backoffInitialMs : std::min(m_backoffMs * 2, m_backoffMaxMs);
    // Jitter: up to half as long again, so that many clients do not retry in step.
    const int jitter = m_backoffMs > 1 ? int(QRandomGenerator::global()->bounded(m_backoffMs / 2 + 1)) : 0;
    m_retryRelist = relist;
    m_retry->start(m_backoffMs + jitter);
}

void Informer::markChanged()
{
    m_pendingChange = true;
    if (!m_coalesce->isActive()) {
        m_coalesce->start();
    }
}

} // namespace Gantry::Kube
