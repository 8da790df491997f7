#pragma once

#include "app/kubesim/httpconnection.h"
#include "app/kubesim/selectors.h"
#include "app/kubesim/store.h"
#include "app/kubesim/tables.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Gantry::KubeSim {

struct ResourcePath;
struct ResourceType;

// One watch request: a chunked stream of newline-delimited {"type","object"} events for one
// resource (namespace, label and field selectors), resumed from a resourceVersion or starting
// with the current state, with bookmarks, sendInitialEvents and timeoutSeconds. Deletes itself
// when the stream ends or the client goes away.
class WatchStream final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString resourceVersion; // "" or "0": start with the current state
        bool bookmarks = false;
        bool sendInitialEvents = false;
        int timeoutSeconds = 1800;
        int bookmarkIntervalMs = 10000;
        bool table = false;
        Tables::IncludeObject include = Tables::IncludeObject::Metadata;
    };

    WatchStream(Store *store, HttpConnection *connection, const ResourceType &type, const QString &ns,
                const Selector &labels, const Selector &fields, const Options &options, QObject *parent = nullptr);
    ~WatchStream() override;

    // Writes the initial events (or the 410 ERROR) and starts following the store.
    void start();
    // Drops the connection abruptly (test hook).
    void drop();

private:
    void onChange(const Change &change);
    void sendEvent(const QString &type, const QJsonObject &object);
    void sendBookmark(bool initialEventsEnd);
    void finish();
    bool selected(const QJsonObject &object) const;
    QJsonObject present(const QJsonObject &object);

    Store *m_store;
    QPointer<HttpConnection> m_connection;
    const ResourceType &m_type;
    QString m_ns;
    Selector m_labels;
    Selector m_fields;
    Options m_options;
    qint64 m_lastVersion = 0;
    bool m_columnsSent = false;
    bool m_finished = false;
    QTimer m_timeout;
    QTimer m_bookmarkTimer;
};

} // namespace Gantry::KubeSim
