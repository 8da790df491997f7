#pragma once

#include "models/kube/kubeclient.h"
#include "models/kube/kubeerror.h"
#include "models/kube/resourcetype.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QTimer;

namespace Gantry::Kube {

class WatchStream;

// List + watch of one collection (one namespace, optional label/field selector), like client-go's
// reflector: lists, watches from the list's resourceVersion with bookmarks, re-watches from the
// last version seen when the stream ends, relists after 410 Gone, and backs off with jitter after
// errors (1 s doubling to 30 s). The last good objects stay available while an error is shown:
// `error()` says what is wrong, `objects()` is what was last known. Bursts of events are
// coalesced: `changed` fires at most once per coalesce interval (default 100 ms).
class Informer final : public QObject
{
    Q_OBJECT
public:
    Informer(KubeClient *client, ResourceType type, QString nameSpace, QObject *parent = nullptr);
    ~Informer() override;

    void setLabelSelector(const QString &selector) { m_labelSelector = selector; }
    void setFieldSelector(const QString &selector) { m_fieldSelector = selector; }
    void setCoalesceInterval(int milliseconds);
    // Watch timeoutSeconds to ask for (0: random 300-600 s, as client-go).
    void setWatchTimeoutSeconds(int seconds) { m_watchTimeoutSeconds = seconds; }
    // Back-off bounds (tests shorten them).
    void setBackoff(int initialMs, int maxMs);

    void start();
    void stop();
    // Retries at once (after an error), skipping the back-off.
    void retryNow();

    const ResourceType &type() const { return m_type; }
    QString nameSpace() const { return m_nameSpace; }
    bool isRunning() const { return m_running; }
    // At least one list succeeded: objects() is real data, not "nothing known yet".
    bool hasSynced() const { return m_synced; }
    // The current error (None when the last list/watch is healthy). Data is kept meanwhile.
    const KubeError &error() const { return m_error; }
    // When the data was last confirmed by the server (list or event).
    QDateTime lastUpdate() const { return m_lastUpdate; }
    QString resourceVersion() const { return m_resourceVersion; }

    // Objects by name ("namespace/name" when watching all namespaces), sorted by key.
    QList<QJsonObject> objects() const;
    QJsonObject object(const QString &name) const { return m_objects.value(name); }
    int size() const { return int(m_objects.size()); }

    // Counters (benchmarks, tests).
    qint64 eventsReceived() const { return m_eventsReceived; }
    int relists() const { return m_relists; }
    int rewatches() const { return m_rewatches; }

Q_SIGNALS:
    // Coalesced: the objects changed (or the first list arrived).
    void changed();
    // The error state changed (set or cleared); emitted at once, not coalesced.
    void errorChanged();
    // One watch event was applied (not coalesced; for benchmarks and latency measurements).
    void eventReceived();

private:
    void list();
    void startWatch();
    void onEvent(int type, const QJsonObject &object);
    void onWatchFinished(const KubeError &error);
    void fail(const KubeError &error);
    void setError(const KubeError &error);
    void scheduleRetry(bool relist);
    void markChanged();
    QString keyOf(const QJsonObject &object) const;

    QPointer<KubeClient> m_client;
    ResourceType m_type;
    QString m_nameSpace;
    QString m_labelSelector;
    QString m_fieldSelector;
    int m_watchTimeoutSeconds = 0;
    int m_backoffInitialMs = 1000;
    int m_backoffMaxMs = 30000;
    int m_backoffMs = 0;
    bool m_running = false;
    bool m_synced = false;
    bool m_pendingChange = false;
    quint64 m_generation = 0; // drops answers from before a stop()/relist
    QString m_resourceVersion;
    QHash<QString, QJsonObject> m_objects;
    KubeError m_error;
    QDateTime m_lastUpdate;
    WatchStream *m_watch = nullptr;
    QTimer *m_coalesce = nullptr;
    QTimer *m_retry = nullptr;
    bool m_retryRelist = true;
    qint64 m_eventsReceived = 0;
    int m_relists = 0;
    int m_rewatches = 0;
};

} // namespace Gantry::Kube
