#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QTcpSocket>

namespace Gantry::KubeSim {

// One parsed HTTP/1.1 request.
struct HttpRequest
{
    QByteArray method;
    QString path;                          // percent-decoded, without the query
    QHash<QString, QString> query;         // form-decoded ('+' is a space); the last value wins
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headers.value(name); }
    bool hasQuery(const QString &key) const { return query.contains(key); }
    QString queryValue(const QString &key) const { return query.value(key); }
};

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// An HTTP/1.1 server connection on a QTcpSocket (or QSslSocket): parses requests one at a time
// (keep-alive), writes whole responses or a chunked stream (watches), flushing every chunk.
class HttpConnection final : public QObject
{
    Q_OBJECT
public:
    explicit HttpConnection(QTcpSocket *socket, QObject *parent = nullptr);
    ~HttpConnection() override;

    QTcpSocket *socket() const { return m_socket; }
    void respond(int status, const QByteArray &contentType, const QByteArray &body, const HttpHeaders &headers = {});
    void beginStream(int status, const QByteArray &contentType);
    void writeChunk(const QByteArray &data);
    void endStream();
    // Closes the connection abruptly (no terminating chunk).
    void abort();
    bool isStreaming() const { return m_streaming; }

    static QByteArray reasonPhrase(int status);

Q_SIGNALS:
    // Exactly one respond() or beginStream() (or abort()) must follow, possibly later.
    void requestReceived(const Gantry::KubeSim::HttpRequest &request);
    void closed();

private:
    void readData();
    void processBuffer();
    void finishRequest();

    QPointer<QTcpSocket> m_socket;
    QByteArray m_buffer;
    bool m_busy = false;
    bool m_streaming = false;
    bool m_closeAfterResponse = false;
    bool m_closed = false;
};

} // namespace Gantry::KubeSim
