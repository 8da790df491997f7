#pragma once

#include "models/kube/kubeerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>

class QTimer;

namespace Gantry::Kube {

class KubeClient;

// One open watch request: parses the chunked, newline-delimited stream into events. Emits
// `finished` exactly once: with no error when the server ended the stream normally (timeoutSeconds
// reached), with a Gone error for a 410 (HTTP status or an ERROR event with code 410), or with the
// network/HTTP error.
class WatchStream final : public QObject
{
    Q_OBJECT
public:
    enum class EventType { Added, Modified, Deleted, Bookmark };

    explicit WatchStream(QObject *parent = nullptr);
    ~WatchStream() override;

    // Ends the request without emitting finished.
    void abort();
    bool isRunning() const { return m_reply != nullptr; }

Q_SIGNALS:
    void event(Gantry::Kube::WatchStream::EventType type, const QJsonObject &object);
    void finished(const Gantry::Kube::KubeError &error);

private:
    friend class KubeClient;
    void attach(QNetworkReply *reply, const QString &context, int headerTimeoutMs, int idleTimeoutMs);
    void readAvailable();
    void processLine(const QByteArray &line);
    void finish(const KubeError &error);

    QPointer<KubeClient> m_client;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_idle = nullptr;
    int m_idleTimeoutMs = 0;
    bool m_gotHeaders = false;
    bool m_timedOut = false;
    QByteArray m_buffer;
    QString m_context;
    bool m_done = false;
    bool m_finishedEmitted = false;
    KubeError m_streamError; // an ERROR event seen in the stream
};

} // namespace Gantry::Kube
