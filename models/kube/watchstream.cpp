#include "models/kube/watchstream.h"

#include "models/kube/kubeclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QTimer>

namespace Gantry::Kube {

Q_LOGGING_CATEGORY(lcWatchStream, "gantry.kube.watchstream")

WatchStream::WatchStream(QObject *parent)
    : QObject(parent)
{}

WatchStream::~WatchStream()
{
    abort();
}

void WatchStream::abort()
{
    m_done = true;
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void WatchStream::attach(QNetworkReply *reply, const QString &context, int headerTimeoutMs, int idleTimeoutMs)
{
    m_reply = reply;
    m_context = context;
    m_idleTimeoutMs = idleTimeoutMs;
    m_idle = new QTimer(this);
    m_idle->setSingleShot(true);
    connect(m_idle, &QTimer::timeout, this, [this] {
        if (m_reply) {
            m_timedOut = true;
            m_reply->abort();
        }
    });
    m_idle->start(headerTimeoutMs);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (m_reply && m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
            m_gotHeaders = true;
            m_idle->start(m_idleTimeoutMs);
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, &WatchStream::readAvailable);
    connect(reply, &QNetworkReply::finished, this, [this] {
        if (m_done || !m_reply) {
            return;
        }
        QNetworkReply *reply = m_reply;
        m_idle->stop();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        KubeError error;
        if (status == 200) {
            readAvailable();
            if (!m_buffer.trimmed().isEmpty() && !m_done) {
                processLine(m_buffer);
                m_buffer.clear();
            }
            // A dropped connection after the stream began is an ordinary end: the caller
            // re-watches from the last version it saw.
            error = m_streamError;
        } else if (status != 0) {
            const QByteArray body = reply->readAll();
            const QJsonObject s = QJsonDocument::fromJson(body).object();
            QString detail = s.value(QLatin1String("message")).toString();
            if (detail.isEmpty()) {
                detail = QString::fromUtf8(body.left(200)).trimmed();
            }
            error = KubeError::make(KubeError::kindForStatus(status), m_context, detail, status,
                                    s.value(QLatin1String("reason")).toString());
        } else if (m_client) {
            error = m_client->networkError(reply, m_timedOut);
        } else {
            error = KubeError::make(KubeError::Kind::Unreachable, m_context, reply->errorString(), 0);
        }
        if (m_done) {
            return;
        }
        m_reply = nullptr;
        reply->deleteLater();
        finish(error);
    });
}

void WatchStream::readAvailable()
{
    if (!m_reply || m_done) {
        return;
    }
    if (m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
        return; // an error body: read at the end
    }
    m_buffer += m_reply->readAll();
    if (m_idle) {
        m_idle->start(m_idleTimeoutMs);
    }
    qsizetype start = 0;
    while (!m_done) {
        const qsizetype newline = m_buffer.indexOf('\n', start);
        if (newline < 0) {
            break;
        }
        const QByteArray line = m_buffer.mid(start, newline - start);
        start = newline + 1;
        if (!line.trimmed().isEmpty()) {
            processLine(line);
        }
    }
    if (!m_done) {
        m_buffer.remove(0, start);
    }
}

void WatchStream::processLine(const QByteArray &line)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        KubeError error = KubeError::make(KubeError::Kind::Malformed, m_context,
                                          tr("invalid watch event: %1").arg(parseError.errorString()), 200);
        abort();
        finish(error);
        return;
    }
    const QJsonObject e = doc.object();
    const QString type = e.value(QLatin1String("type")).toString();
    const QJsonObject object = e.value(QLatin1String("object")).toObject();
    if (type == QLatin1String("ADDED")) {
        Q_EMIT event(EventType::Added, object);
    } else if (type == QLatin1String("MODIFIED")) {
        Q_EMIT event(EventType::Modified, object);
    } else if (type == QLatin1String("DELETED")) {
        Q_EMIT event(EventType::Deleted, object);
    } else if (type == QLatin1String("BOOKMARK")) {
        Q_EMIT event(EventType::Bookmark, object);
    } else if (type == QLatin1String("ERROR")) {
        const int code = object.value(QLatin1String("code")).toInt();
        KubeError error = KubeError::make(code == 410 ? KubeError::Kind::Gone : KubeError::kindForStatus(code),
                                          m_context, object.value(QLatin1String("message")).toString(), code,
                                          object.value(QLatin1String("reason")).toString());
        abort();
        finish(error);
    } else {
        qCDebug(lcWatchStream) << "ignoring watch event of type" << type;
    }
}

void WatchStream::finish(const KubeError &error)
{
    if (m_finishedEmitted) {
        return;
    }
    m_finishedEmitted = true;
    m_done = true;
    if (m_idle) {
        m_idle->stop();
    }
    Q_EMIT finished(error);
}

} // namespace Gantry::Kube
