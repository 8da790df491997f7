#include "models/kube/kubeclient.h"

#include "models/kube/execcredential.h"
#include "models/kube/watchstream.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrlQuery>

namespace Gantry::Kube {

Q_LOGGING_CATEGORY(lcKubeClient, "gantry.kube.kubeclient")

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Kube::KubeClient", text);
}

QString sslReason(const QList<QSslError> &errors)
{
    QStringList reasons;
    for (const auto &e : errors) {
        switch (e.error()) {
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::SelfSignedCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::CertificateUntrusted:
            reasons << tr("the server's certificate is signed by an unknown certificate authority");
            break;
        case QSslError::HostNameMismatch:
            reasons << tr("the server's certificate is not valid for this name (%1)")
                           .arg(e.certificate().subjectAlternativeNames().values().join(QStringLiteral(", ")));
            break;
        case QSslError::CertificateExpired:
            reasons << tr("the server's certificate has expired");
            break;
        default:
            reasons << e.errorString();
        }
    }
    reasons.removeDuplicates();
    return reasons.join(QStringLiteral("; "));
}

} // namespace

// Per-request bookkeeping, a child of the reply.
struct KubeClient::Pending : public QObject
{
    explicit Pending(QNetworkReply *reply)
        : QObject(reply)
    {
        setObjectName(QStringLiteral("gantryPending"));
    }
    static Pending *of(QNetworkReply *reply)
    {
        return static_cast<Pending *>(
            reply->findChild<QObject *>(QStringLiteral("gantryPending"), Qt::FindDirectChildrenOnly));
    }
    QPointer<QObject> context;
    bool hasContext = false;
    bool timedOut = false;
    QList<QSslError> sslErrors;
};

KubeClient::KubeClient(RestConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(createNetwork(this))
{
    if (m_config.exec) {
        m_exec = std::make_unique<ExecCredentialProvider>(m_config);
    }
}

QNetworkAccessManager *KubeClient::createNetwork(QObject *parent) const
{
    auto *network = new QNetworkAccessManager(parent);
    if (m_config.proxyUrl.isEmpty()) {
        network->setProxy(QNetworkProxy::NoProxy);
    } else {
        const bool socks = m_config.proxyUrl.scheme() == QLatin1String("socks5");
        QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, m_config.proxyUrl.host(),
                            quint16(m_config.proxyUrl.port(socks ? 1080 : 3128)), m_config.proxyUrl.userName(),
                            m_config.proxyUrl.password());
        network->setProxy(proxy);
    }
    network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    return network;
}

KubeClient::~KubeClient() = default;

QUrl KubeClient::url(const QString &path, const QList<QPair<QString, QString>> &query) const
{
    QUrl u = m_config.server;
    QString base = u.path();
    if (base.endsWith(QLatin1Char('/'))) {
        base.chop(1);
    }
    u.setPath(base + path);
    if (!query.isEmpty()) {
        QUrlQuery q;
        for (const auto &pair : query) {
            q.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(pair.first)),
                           QString::fromLatin1(QUrl::toPercentEncoding(pair.second)));
        }
        u.setQuery(q.query(QUrl::FullyEncoded), QUrl::StrictMode);
    }
    return u;
}

bool KubeClient::prepareRequest(QNetworkRequest *request, KubeError *error)
{
    request->setRawHeader("Accept", "application/json");
    request->setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("gantry/0.1 (kube client)"));
    request->setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!m_config.isTls()) {
        return true; // credentials are never sent over plain HTTP (client-go's rule)
    }
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!m_config.caCertificates.isEmpty()) {
        ssl.setCaCertificates(m_config.caCertificates);
    }
    ssl.setPeerVerifyMode(m_config.insecureSkipTlsVerify ? QSslSocket::VerifyNone : QSslSocket::VerifyPeer);
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    if (!m_config.tlsServerName.isEmpty()) {
        request->setPeerVerifyName(m_config.tlsServerName);
    }
    QSslCertificate clientCertificate = m_config.clientCertificate;
    QSslKey clientKey = m_config.clientKey;
    QString bearer;
    if (m_exec) {
        ExecCredentialProvider::Credential credential;
        if (!m_exec->credential(&credential, error)) {
            return false;
        }
        bearer = credential.token;
        if (!credential.clientCertificate.isNull()) {
            clientCertificate = credential.clientCertificate;
            clientKey = credential.clientKey;
        }
    }
    if (bearer.isEmpty() && !m_config.tokenFile.isEmpty()) {
        QFile f(m_config.tokenFile);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = KubeError::make(KubeError::Kind::Config, m_config.displayName(),
                                     tr("cannot read tokenFile %1: %2").arg(m_config.tokenFile, f.errorString()), 0);
            return false;
        }
        bearer = QString::fromUtf8(f.readAll()).trimmed();
    }
    if (bearer.isEmpty()) {
        bearer = m_config.token;
    }
    if (!clientCertificate.isNull()) {
        ssl.setLocalCertificate(clientCertificate);
        ssl.setPrivateKey(clientKey);
    }
    request->setSslConfiguration(ssl);
    if (!bearer.isEmpty()) {
        request->setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
    } else if (!m_config.username.isEmpty() || !m_config.password.isEmpty()) {
        request->setRawHeader(
            "Authorization", "Basic " + (m_config.username + QLatin1Char(':') + m_config.password).toUtf8().toBase64());
    }
    if (!m_config.impersonate.isEmpty()) {
        request->setRawHeader("Impersonate-User", m_config.impersonate.toUtf8());
    }
    if (!m_config.impersonateUid.isEmpty()) {
        request->setRawHeader("Impersonate-Uid", m_config.impersonateUid.toUtf8());
    }
    if (!m_config.impersonateGroups.isEmpty()) {
        // QNetworkRequest keeps one value per header name: repeated headers are joined by ", ",
        // which the API server splits again.
        request->setRawHeader("Impersonate-Group", m_config.impersonateGroups.join(QStringLiteral(", ")).toUtf8());
    }
    for (auto it = m_config.impersonateUserExtra.cbegin(); it != m_config.impersonateUserExtra.cend(); ++it) {
        request->setRawHeader("Impersonate-Extra-" + QUrl::toPercentEncoding(it.key()),
                              it.value().join(QStringLiteral(", ")).toUtf8());
    }
    return true;
}

KubeError KubeClient::networkError(QNetworkReply *reply, bool timedOut) const
{
    const QString context = m_config.displayName();
    auto *pending = Pending::of(reply);
    if (timedOut) {
        return KubeError::make(
            KubeError::Kind::Timeout, context,
            tr("no answer from %1 within %2 s").arg(m_config.server.toString()).arg(m_timeoutMs / 1000.0), 0);
    }
    switch (reply->error()) {
    case QNetworkReply::SslHandshakeFailedError: {
        const QString reason =
            pending && !pending->sslErrors.isEmpty() ? sslReason(pending->sslErrors) : reply->errorString();
        return KubeError::make(KubeError::Kind::Tls, context, reason, 0);
    }
    case QNetworkReply::TimeoutError:
        return KubeError::make(KubeError::Kind::Timeout, context, reply->errorString(), 0);
    case QNetworkReply::OperationCanceledError:
        if (pending && !pending->sslErrors.isEmpty()) {
            return KubeError::make(KubeError::Kind::Tls, context, sslReason(pending->sslErrors), 0);
        }
        return KubeError::make(KubeError::Kind::Timeout, context, reply->errorString(), 0);
    default:
        break;
    }
    if (pending && !pending->sslErrors.isEmpty()) {
        return KubeError::make(KubeError::Kind::Tls, context, sslReason(pending->sslErrors), 0);
    }
    QString detail = reply->errorString();
    if (reply->error() == QNetworkReply::ConnectionRefusedError) {
        detail = tr("connection refused at %1").arg(m_config.server.authority());
    } else if (reply->error() == QNetworkReply::HostNotFoundError) {
        detail = tr("host %1 not found").arg(m_config.server.host());
    }
    return KubeError::make(KubeError::Kind::Unreachable, context, detail, 0);
}

KubeResult KubeClient::resultFrom(QNetworkReply *reply, bool timedOut) const
{
    KubeResult result;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.httpStatus = status;
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    if (status == 0 || timedOut) {
        result.error = networkError(reply, timedOut);
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (status >= 200 && status < 300) {
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            result.error = KubeError::make(
                KubeError::Kind::Malformed, m_config.displayName(),
                parseError.error != QJsonParseError::NoError
                    ? tr("invalid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString())
                    : tr("expected a JSON object"),
                status);
            return result;
        }
        result.object = doc.object();
        return result;
    }
    const QJsonObject statusObject = doc.object();
    QString detail = statusObject.value(QLatin1String("message")).toString();
    if (detail.isEmpty()) {
        detail = QString::fromUtf8(body.left(200)).trimmed();
    }
    result.error = KubeError::make(KubeError::kindForStatus(status), m_config.displayName(), detail, status,
                                   statusObject.value(QLatin1String("reason")).toString());
    return result;
}

void KubeClient::send(const QByteArray &verb, const QString &path, const QList<QPair<QString, QString>> &query,
                      const QByteArray &contentType, const QByteArray &body, QObject *context, KubeCallback callback,
                      bool retriedAuth)
{
    QNetworkRequest request(url(path, query));
    KubeError error;
    if (!prepareRequest(&request, &error)) {
        QPointer<QObject> guard(context);
        const bool hasContext = context != nullptr;
        QTimer::singleShot(0, this, [guard, hasContext, callback, error] {
            if (hasContext && !guard) {
                return;
            }
            KubeResult r;
            r.error = error;
            callback(r);
        });
        return;
    }
    if (!contentType.isEmpty()) {
        request.setRawHeader("Content-Type", contentType);
    }
    QNetworkReply *reply = nullptr;
    if (verb == "GET") {
        reply = m_network->get(request);
    } else if (verb == "DELETE") {
        reply = m_network->deleteResource(request);
    } else {
        reply = m_network->sendCustomRequest(request, verb, body);
    }
    auto *pending = new Pending(reply);
    pending->context = context;
    pending->hasContext = context != nullptr;
    connect(reply, &QNetworkReply::sslErrors, pending,
            [pending](const QList<QSslError> &errors) { pending->sslErrors = errors; });
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [pending, reply] {
        pending->timedOut = true;
        reply->abort();
    });
    timer->start(m_timeoutMs);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, pending, verb, path, query, contentType, body, callback, retriedAuth] {
                reply->deleteLater();
                const KubeResult result = resultFrom(reply, pending->timedOut);
                const bool dropped = pending->hasContext && !pending->context;
                QPointer<QObject> context = pending->context;
                if (dropped) {
                    return;
                }
                if (result.error.kind == KubeError::Kind::Unauthorized && m_exec && !retriedAuth) {
                    // The plugin's credential may have been revoked early: run it again once.
                    m_exec->invalidate();
                    send(verb, path, query, contentType, body, context.data(), callback, true);
                    return;
                }
                if (result.error.isError()) {
                    qCDebug(lcKubeClient)
                        << verb << path << "failed:" << result.error.kindName() << result.error.detail;
                }
                callback(result);
            });
}

void KubeClient::get(const QString &path, QObject *context, KubeCallback callback)
{
    send("GET", path, {}, {}, {}, context, std::move(callback));
}

void KubeClient::list(const QString &path, const ListOptions &options, QObject *context, KubeCallback callback)
{
    listPage(path, options, QString(), std::make_shared<QJsonObject>(), context, std::move(callback));
}

void KubeClient::listPage(const QString &path, const ListOptions &options, const QString &continueToken,
                          std::shared_ptr<QJsonObject> accumulated, QObject *context, KubeCallback callback)
{
    QList<QPair<QString, QString>> query;
    if (!options.labelSelector.isEmpty()) {
        query.append({QStringLiteral("labelSelector"), options.labelSelector});
    }
    if (!options.fieldSelector.isEmpty()) {
        query.append({QStringLiteral("fieldSelector"), options.fieldSelector});
    }
    if (options.limit > 0) {
        query.append({QStringLiteral("limit"), QString::number(options.limit)});
    }
    if (!continueToken.isEmpty()) {
        query.append({QStringLiteral("continue"), continueToken});
    } else if (!options.resourceVersion.isEmpty()) {
        query.append({QStringLiteral("resourceVersion"), options.resourceVersion});
    }
    QPointer<QObject> guard(context);
    send("GET", path, query, {}, {}, context,
         [this, path, options, accumulated, guard, callback](const KubeResult &page) {
             if (!page.ok()) {
                 callback(page);
                 return;
             }
             if (!page.object.value(QLatin1String("items")).isArray() &&
                 !page.object.value(QLatin1String("items")).isNull()) {
                 KubeResult bad = page;
                 bad.error = KubeError::make(KubeError::Kind::Malformed, m_config.displayName(),
                                             tr("a list answer without items"), page.httpStatus);
                 bad.object = {};
                 callback(bad);
                 return;
             }
             QJsonArray items = accumulated->value(QLatin1String("items")).toArray();
             for (const auto &item : page.object.value(QLatin1String("items")).toArray()) {
                 items.append(item);
             }
             accumulated->insert(QStringLiteral("items"), items);
             const QJsonObject metadata = page.object.value(QLatin1String("metadata")).toObject();
             QJsonObject joinedMeta = accumulated->value(QLatin1String("metadata")).toObject();
             joinedMeta.insert(QStringLiteral("resourceVersion"), metadata.value(QLatin1String("resourceVersion")));
             accumulated->insert(QStringLiteral("metadata"), joinedMeta);
             if (page.object.contains(QLatin1String("kind"))) {
                 accumulated->insert(QStringLiteral("kind"), page.object.value(QLatin1String("kind")));
             }
             const QString next = metadata.value(QLatin1String("continue")).toString();
             if (!next.isEmpty()) {
                 listPage(path, options, next, accumulated, guard.data(), callback);
                 return;
             }
             KubeResult done;
             done.httpStatus = page.httpStatus;
             done.object = *accumulated;
             callback(done);
         });
}

void KubeClient::create(const QString &collectionPath, const QJsonObject &object, QObject *context,
                        KubeCallback callback)
{
    send("POST", collectionPath, {}, "application/json", QJsonDocument(object).toJson(QJsonDocument::Compact), context,
         std::move(callback));
}

void KubeClient::replace(const QString &path, const QJsonObject &object, QObject *context, KubeCallback callback)
{
    send("PUT", path, {}, "application/json", QJsonDocument(object).toJson(QJsonDocument::Compact), context,
         std::move(callback));
}

void KubeClient::patch(const QString &path, PatchType type, const QByteArray &body, QObject *context,
                       KubeCallback callback)
{
    QByteArray contentType;
    switch (type) {
    case PatchType::StrategicMerge:
        contentType = "application/strategic-merge-patch+json";
        break;
    case PatchType::Merge:
        contentType = "application/merge-patch+json";
        break;
    case PatchType::Json:
        contentType = "application/json-patch+json";
        break;
    }
    send("PATCH", path, {{QStringLiteral("fieldManager"), QStringLiteral("gantry")}}, contentType, body, context,
         std::move(callback));
}

void KubeClient::remove(const QString &path, QObject *context, KubeCallback callback)
{
    send("DELETE", path, {}, {}, {}, context, std::move(callback));
}

void KubeClient::scale(const QString &deploymentPath, int replicas, QObject *context, KubeCallback callback)
{
    const QJsonObject body{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), replicas}}}};
    patch(deploymentPath + QStringLiteral("/scale"), PatchType::Merge,
          QJsonDocument(body).toJson(QJsonDocument::Compact), context, std::move(callback));
}

void KubeClient::apply(const QJsonObject &manifest, const QString &defaultNamespace, QObject *context,
                       KubeCallback callback)
{
    ResourceType type;
    const QString apiVersion = manifest.value(QLatin1String("apiVersion")).toString();
    const QString kind = manifest.value(QLatin1String("kind")).toString();
    const QJsonObject metadata = manifest.value(QLatin1String("metadata")).toObject();
    const QString name = metadata.value(QLatin1String("name")).toString();
    if (!ResourceType::fromApiVersionKind(apiVersion, kind, &type) || name.isEmpty()) {
        KubeError error = KubeError::make(
            KubeError::Kind::Invalid, m_config.displayName(),
            tr("cannot apply %1 %2 \"%3\": unknown kind or no metadata.name").arg(apiVersion, kind, name), 0);
        QPointer<QObject> guard(context);
        const bool hasContext = context != nullptr;
        QTimer::singleShot(0, this, [guard, hasContext, callback, error] {
            if (!hasContext || guard) {
                KubeResult r;
                r.error = error;
                callback(r);
            }
        });
        return;
    }
    QString ns = metadata.value(QLatin1String("namespace")).toString();
    if (ns.isEmpty()) {
        ns = defaultNamespace.isEmpty() ? m_config.nameSpace : defaultNamespace;
    }
    QJsonObject object = manifest;
    if (type.namespaced) {
        QJsonObject meta = metadata;
        meta.insert(QStringLiteral("namespace"), ns);
        object.insert(QStringLiteral("metadata"), meta);
    }
    applyAttempt(object, type.path(ns, name), type.path(ns), context, std::move(callback), 0);
}

void KubeClient::applyAttempt(const QJsonObject &object, const QString &objectPath, const QString &collection,
                              QObject *context, KubeCallback callback, int attempt)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    get(objectPath, context,
        [this, guard, hasContext, object, objectPath, collection, callback, attempt](const KubeResult &existing) {
            if (hasContext && !guard) {
                return;
            }
            // Another writer (the controller updating status) got in between: read again and retry.
            auto retrying = [this, guard, object, objectPath, collection, callback, attempt](const KubeResult &r) {
                if (r.error.kind == KubeError::Kind::Conflict && attempt < 4) {
                    applyAttempt(object, objectPath, collection, guard.data(), callback, attempt + 1);
                    return;
                }
                callback(r);
            };
            if (existing.error.kind == KubeError::Kind::NotFound) {
                create(collection, object, guard.data(), retrying);
                return;
            }
            if (!existing.ok()) {
                callback(existing);
                return;
            }
            QJsonObject updated = object;
            QJsonObject meta = updated.value(QLatin1String("metadata")).toObject();
            meta.insert(
                QStringLiteral("resourceVersion"),
                existing.object.value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")));
            updated.insert(QStringLiteral("metadata"), meta);
            // Services keep their allocated clusterIP (the API server refuses to change it).
            const QJsonObject existingSpec = existing.object.value(QLatin1String("spec")).toObject();
            if (updated.value(QLatin1String("kind")).toString() == QLatin1String("Service") &&
                existingSpec.contains(QLatin1String("clusterIP"))) {
                QJsonObject spec = updated.value(QLatin1String("spec")).toObject();
                if (!spec.contains(QLatin1String("clusterIP"))) {
                    spec.insert(QStringLiteral("clusterIP"), existingSpec.value(QLatin1String("clusterIP")));
                    updated.insert(QStringLiteral("spec"), spec);
                }
            }
            replace(objectPath, updated, guard.data(), retrying);
        });
}

WatchStream *KubeClient::watch(const QString &path, const ListOptions &options)
{
    auto *stream = new WatchStream;
    QList<QPair<QString, QString>> query;
    query.append({QStringLiteral("watch"), QStringLiteral("true")});
    if (options.allowWatchBookmarks) {
        query.append({QStringLiteral("allowWatchBookmarks"), QStringLiteral("true")});
    }
    if (!options.labelSelector.isEmpty()) {
        query.append({QStringLiteral("labelSelector"), options.labelSelector});
    }
    if (!options.fieldSelector.isEmpty()) {
        query.append({QStringLiteral("fieldSelector"), options.fieldSelector});
    }
    if (!options.resourceVersion.isEmpty()) {
        query.append({QStringLiteral("resourceVersion"), options.resourceVersion});
    }
    const int timeoutSeconds =
        options.timeoutSeconds > 0 ? options.timeoutSeconds : 300 + int(QRandomGenerator::global()->bounded(300));
    query.append({QStringLiteral("timeoutSeconds"), QString::number(timeoutSeconds)});
    QNetworkRequest request(url(path, query));
    KubeError error;
    if (!prepareRequest(&request, &error)) {
        QTimer::singleShot(0, stream, [stream, error] { stream->finish(error); });
        return stream;
    }
    // Each watch gets its own connection manager: QNetworkAccessManager opens at most six
    // connections per host, and long-lived watches (five per environment in the deploy panel)
    // would otherwise take every slot and starve ordinary requests such as a promote's PATCH.
    QNetworkReply *reply = createNetwork(stream)->get(request);
    auto *pending = new Pending(reply);
    connect(reply, &QNetworkReply::sslErrors, pending,
            [pending](const QList<QSslError> &errors) { pending->sslErrors = errors; });
    stream->m_client = this;
    // Headers must come within the request timeout; then the stream may be quiet until
    // timeoutSeconds (plus a margin) has passed.
    stream->attach(reply, m_config.displayName(), m_timeoutMs, (timeoutSeconds + 30) * 1000);
    return stream;
}

} // namespace Gantry::Kube
