#include "app/kubesim/httpconnection.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

Q_LOGGING_CATEGORY(lcHttpConnection, "gantry.kubesim.httpconnection")

namespace Gantry::KubeSim {

namespace {

constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
constexpr qsizetype kMaxBodyBytes = 16 * 1024 * 1024;

QString formDecode(QByteArray text)
{
    text.replace('+', ' ');
    return QUrl::fromPercentEncoding(text);
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readData);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        if (!m_closed) {
            m_closed = true;
            Q_EMIT closed();
        }
        deleteLater();
    });
    if (socket->bytesAvailable() > 0) {
        QTimer::singleShot(0, this, &HttpConnection::readData);
    }
}

HttpConnection::~HttpConnection() = default;

QByteArray HttpConnection::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "Request Entity Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

void HttpConnection::readData()
{
    if (!m_socket) {
        return;
    }
    m_buffer.append(m_socket->readAll());
    processBuffer();
}

void HttpConnection::processBuffer()
{
    if (m_busy || m_closed || !m_socket) {
        return;
    }
    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (m_buffer.size() > kMaxHeaderBytes) {
            respond(413, "text/plain", "request headers too large\n");
            m_socket->disconnectFromHost();
        }
        return;
    }
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    HttpRequest request;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() < 3) {
        m_busy = true;
        m_closeAfterResponse = true;
        respond(400, "text/plain", "malformed request line\n");
        return;
    }
    request.method = requestLine.at(0);
    for (int i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
    }
    const qsizetype length = request.header("content-length").toLongLong();
    if (length < 0 || length > kMaxBodyBytes) {
        m_busy = true;
        m_closeAfterResponse = true;
        respond(413, "text/plain", "request body too large\n");
        return;
    }
    if (m_buffer.size() < headerEnd + 4 + length) {
        return; // wait for the body
    }
    request.body = m_buffer.mid(headerEnd + 4, length);
    m_buffer.remove(0, headerEnd + 4 + length);

    const QByteArray target = requestLine.at(1);
    const qsizetype question = target.indexOf('?');
    request.path = QUrl::fromPercentEncoding(question < 0 ? target : target.left(question));
    if (question >= 0) {
        for (const QByteArray &pair : target.mid(question + 1).split('&')) {
            if (pair.isEmpty()) {
                continue;
            }
            const qsizetype equals = pair.indexOf('=');
            if (equals < 0) {
                request.query.insert(formDecode(pair), QString());
            } else {
                request.query.insert(formDecode(pair.left(equals)), formDecode(pair.mid(equals + 1)));
            }
        }
    }
    m_closeAfterResponse = request.header("connection").toLower() == "close" || requestLine.at(2) == "HTTP/1.0";
    m_busy = true;
    Q_EMIT requestReceived(request);
}

void HttpConnection::respond(int status, const QByteArray &contentType, const QByteArray &body,
                             const HttpHeaders &headers)
{
    if (!m_socket || m_closed) {
        return;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Content-Type: " + contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += "Cache-Control: no-cache, private\r\n";
    for (const auto &header : headers) {
        head += header.first + ": " + header.second + "\r\n";
    }
    if (m_closeAfterResponse) {
        head += "Connection: close\r\n";
    }
    head += "\r\n";
    m_socket->write(head + body);
    m_socket->flush();
    finishRequest();
}

void HttpConnection::beginStream(int status, const QByteArray &contentType)
{
    if (!m_socket || m_closed) {
        return;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Content-Type: " + contentType + "\r\n";
    head += "Transfer-Encoding: chunked\r\n";
    head += "Cache-Control: no-cache, private\r\n\r\n";
    m_socket->write(head);
    m_socket->flush();
    m_streaming = true;
}

void HttpConnection::writeChunk(const QByteArray &data)
{
    if (!m_socket || m_closed || !m_streaming || data.isEmpty()) {
        return;
    }
    m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    m_socket->flush();
}

void HttpConnection::endStream()
{
    if (!m_socket || m_closed || !m_streaming) {
        return;
    }
    m_socket->write("0\r\n\r\n");
    m_socket->flush();
    m_streaming = false;
    finishRequest();
}

void HttpConnection::abort()
{
    m_streaming = false;
    if (m_socket) {
        m_socket->abort();
    }
}

void HttpConnection::finishRequest()
{
    m_busy = false;
    if (m_closeAfterResponse) {
        m_socket->disconnectFromHost();
        return;
    }
    if (!m_buffer.isEmpty()) {
        QTimer::singleShot(0, this, &HttpConnection::processBuffer);
    }
}

} // namespace Gantry::KubeSim
