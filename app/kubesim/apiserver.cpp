#include "app/kubesim/apiserver.h"

#include "app/kubesim/apiresponse.h"
#include "app/kubesim/discovery.h"
#include "app/kubesim/resourcetypes.h"
#include "app/kubesim/resthandler.h"
#include "app/kubesim/store.h"
#include "app/kubesim/watchstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>

Q_LOGGING_CATEGORY(lcApiServer, "gantry.kubesim.apiserver")

namespace Gantry::KubeSim {

namespace {

QString reasonFor(int code)
{
    switch (code) {
    case 400:
        return QStringLiteral("BadRequest");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("NotFound");
    case 409:
        return QStringLiteral("Conflict");
    case 410:
        return QStringLiteral("Expired");
    case 422:
        return QStringLiteral("Invalid");
    case 429:
        return QStringLiteral("TooManyRequests");
    case 503:
        return QStringLiteral("ServiceUnavailable");
    case 504:
        return QStringLiteral("Timeout");
    default:
        return QStringLiteral("InternalError");
    }
}

QString verbFor(const HttpRequest &request, const QString &name)
{
    const QByteArray &method = request.method;
    if (method == "GET") {
        const QString watch = request.queryValue(QStringLiteral("watch"));
        if (watch == QLatin1String("true") || watch == QLatin1String("1")) {
            return QStringLiteral("watch");
        }
        return name.isEmpty() ? QStringLiteral("list") : QStringLiteral("get");
    }
    if (method == "POST") {
        return QStringLiteral("create");
    }
    if (method == "PUT") {
        return QStringLiteral("update");
    }
    if (method == "PATCH") {
        return QStringLiteral("patch");
    }
    if (method == "DELETE") {
        return QStringLiteral("delete");
    }
    return QString::fromLatin1(method).toLower();
}

} // namespace

ApiServer::ApiServer(Store *store, const Options &options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_options(options)
    , m_rest(std::make_unique<RestHandler>(store))
{}

ApiServer::~ApiServer() = default;

bool ApiServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_options.tls) {
        auto *server = new QSslServer(this);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        const QSslCertificate certificate(m_options.tlsMaterial.serverCert, QSsl::Pem);
        const QSslKey key(m_options.tlsMaterial.serverKey, QSsl::Ec, QSsl::Pem);
        if (certificate.isNull() || key.isNull()) {
            *error = QStringLiteral("cannot load the server certificate or key");
            return false;
        }
        configuration.setLocalCertificate(certificate);
        configuration.setPrivateKey(key);
        // Ask for a client certificate (listing our CA as acceptable) but do not require one:
        // tokens and basic auth must work too. The signature is checked per request.
        configuration.setPeerVerifyMode(QSslSocket::QueryPeer);
        configuration.setCaCertificates({QSslCertificate(m_options.tlsMaterial.caCert, QSsl::Pem)});
        server->setSslConfiguration(configuration);
        connect(server, &QSslServer::sslErrors, this, [](QSslSocket *socket, const QList<QSslError> &errors) {
            qCDebug(lcApiServer) << "TLS errors from a client (ignored, checked per request):" << errors;
            socket->ignoreSslErrors();
        });
        m_server = server;
    } else {
        m_server = new QTcpServer(this);
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &ApiServer::onNewConnection);
    if (!m_server->listen(address, port)) {
        *error = m_server->errorString();
        return false;
    }
    m_address = address;
    return true;
}

quint16 ApiServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString ApiServer::url() const
{
    QString host = m_address.toString();
    if (m_address.protocol() == QAbstractSocket::IPv6Protocol) {
        host = QLatin1Char('[') + host + QLatin1Char(']');
    }
    return QStringLiteral("%1://%2:%3")
        .arg(m_options.tls ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(port());
}

int ApiServer::activeWatches() const
{
    int count = 0;
    for (const auto &watch : m_watches) {
        if (watch) {
            ++count;
        }
    }
    return count;
}

void ApiServer::onNewConnection()
{
    while (m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket) {
            break;
        }
        auto *connection = new HttpConnection(socket, this);
        connect(connection, &HttpConnection::requestReceived, this,
                [this, connection](const HttpRequest &request) { handle(connection, request); });
    }
}

void ApiServer::send(HttpConnection *connection, const ApiResponse &response)
{
    connection->respond(response.status, response.contentType, response.body, response.headers);
}

void ApiServer::handle(HttpConnection *connection, const HttpRequest &request)
{
    qCDebug(lcApiServer) << request.method << request.path << request.query;
    if (request.path.startsWith(QLatin1String("/_kubesim/"))) {
        if (!handleHook(connection, request)) {
            send(connection, ApiResponse::failure(404, QStringLiteral("NotFound"),
                                                  QStringLiteral("no such test hook: %1").arg(request.path)));
        }
        return;
    }
    if (applyFault(connection, request)) {
        return;
    }
    const QString &path = request.path;
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (path == QLatin1String("/version") || path == QLatin1String("/version/")) {
        send(connection, ApiResponse::json(200, Discovery::version(m_options.kubernetesVersion)));
        return;
    }
    if (path == QLatin1String("/healthz") || path == QLatin1String("/livez") || path == QLatin1String("/readyz")) {
        send(connection, ApiResponse{200, "text/plain; charset=utf-8", "ok", {}});
        return;
    }
    if (!authorise(connection, request, QString(), QString(), QString(), QString())) {
        return;
    }
    if (path == QLatin1String("/api") || path == QLatin1String("/apis")) {
        const bool core = path == QLatin1String("/api");
        const QString version = Discovery::negotiate(request.header("accept"));
        if (!version.isEmpty()) {
            ApiResponse response = ApiResponse::json(200, Discovery::aggregated(core, version));
            response.contentType = Discovery::contentType(version);
            send(connection, response);
        } else if (core) {
            send(connection, ApiResponse::json(200, Discovery::apiVersions(url().section(QStringLiteral("://"), 1))));
        } else {
            send(connection, ApiResponse::json(200, Discovery::apiGroupList()));
        }
        return;
    }
    if (segments.value(0) == QLatin1String("api") && segments.size() >= 2) {
        serveResource(connection, request, QString(), segments.at(1), segments.mid(2));
        return;
    }
    if (segments.value(0) == QLatin1String("apis") && segments.size() == 2) {
        const QString group = segments.at(1);
        const QStringList versions = ResourceTypes::versions(group);
        if (versions.isEmpty()) {
            send(connection, ApiResponse::failure(404, QStringLiteral("NotFound"),
                                                  QStringLiteral("the server could not find the requested resource")));
            return;
        }
        QJsonArray list;
        for (const QString &version : versions) {
            list.append(QJsonObject{{QStringLiteral("groupVersion"), QString(group + QLatin1Char('/') + version)},
                                    {QStringLiteral("version"), version}});
        }
        QJsonObject out{{QStringLiteral("kind"), QStringLiteral("APIGroup")},
                        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("name"), group},
                        {QStringLiteral("versions"), list},
                        {QStringLiteral("preferredVersion"), list.at(0)}};
        send(connection, ApiResponse::json(200, out));
        return;
    }
    if (segments.value(0) == QLatin1String("apis") && segments.size() >= 3) {
        serveResource(connection, request, segments.at(1), segments.at(2), segments.mid(3));
        return;
    }
    send(connection, ApiResponse::failure(404, QStringLiteral("NotFound"),
                                          QStringLiteral("the server could not find the requested resource")));
}

void ApiServer::serveResource(HttpConnection *connection, const HttpRequest &request, const QString &group,
                              const QString &version, const QStringList &segments)
{
    if (segments.isEmpty()) {
        const QJsonObject list = Discovery::apiResourceList(group, version);
        if (list.isEmpty()) {
            send(connection, ApiResponse::failure(404, QStringLiteral("NotFound"),
                                                  QStringLiteral("the server could not find the requested resource")));
        } else {
            send(connection, ApiResponse::json(200, list));
        }
        return;
    }
    ResourcePath path;
    QString resource;
    if (segments.at(0) == QLatin1String("namespaces") && segments.size() >= 3) {
        path.ns = segments.at(1);
        resource = segments.at(2);
        path.name = segments.value(3);
        path.subresource = segments.value(4);
    } else {
        resource = segments.at(0);
        path.name = segments.value(1);
        path.subresource = segments.value(2);
    }
    path.type = ResourceTypes::find(group, version, resource);
    if (!path.type || segments.size() > (path.ns.isEmpty() ? 3 : 5) || (!path.type->namespaced && !path.ns.isEmpty())) {
        send(connection, ApiResponse::failure(404, QStringLiteral("NotFound"),
                                              QStringLiteral("the server could not find the requested resource")));
        return;
    }
    const QString verb = verbFor(request, path.name);
    if (!authorise(connection, request, verb, path.type->resource, group, path.ns)) {
        return;
    }
    if (verb == QLatin1String("watch")) {
        Selector labels;
        Selector fields;
        ApiResponse failure;
        if (!RestHandler::selectors(request, &labels, &fields, &failure)) {
            send(connection, failure);
            return;
        }
        if (!path.name.isEmpty()) {
            QString error;
            Selector::parseFields(QStringLiteral("metadata.name=") + path.name, &fields, &error);
        }
        WatchStream::Options options;
        options.resourceVersion = request.queryValue(QStringLiteral("resourceVersion"));
        const QString bookmarks = request.queryValue(QStringLiteral("allowWatchBookmarks"));
        options.bookmarks = bookmarks == QLatin1String("true") || bookmarks == QLatin1String("1");
        const QString initial = request.queryValue(QStringLiteral("sendInitialEvents"));
        options.sendInitialEvents = initial == QLatin1String("true") || initial == QLatin1String("1");
        if (options.sendInitialEvents &&
            request.queryValue(QStringLiteral("resourceVersionMatch")) != QLatin1String("NotOlderThan")) {
            QJsonObject details;
            details.insert(QStringLiteral("causes"),
                           QJsonArray{QJsonObject{
                               {QStringLiteral("reason"), QStringLiteral("FieldValueInvalid")},
                               {QStringLiteral("field"), QStringLiteral("resourceVersionMatch")},
                               {QStringLiteral("message"), QStringLiteral("sendInitialEvents requires setting "
                                                                          "resourceVersionMatch to NotOlderThan")}}});
            send(connection, ApiResponse::failure(422, QStringLiteral("Invalid"),
                                                  QStringLiteral("Invalid value: resourceVersionMatch: "
                                                                 "sendInitialEvents requires setting "
                                                                 "resourceVersionMatch to NotOlderThan"),
                                                  details));
            return;
        }
        if (options.sendInitialEvents && !options.bookmarks) {
            send(connection,
                 ApiResponse::failure(422, QStringLiteral("Invalid"),
                                      QStringLiteral("Invalid value: allowWatchBookmarks: "
                                                     "sendInitialEvents requires allowWatchBookmarks=true")));
            return;
        }
        bool ok = false;
        const int timeout = request.queryValue(QStringLiteral("timeoutSeconds")).toInt(&ok);
        if (ok && timeout > 0) {
            options.timeoutSeconds = timeout;
        }
        options.bookmarkIntervalMs = m_options.bookmarkIntervalMs;
        options.table = RestHandler::wantsTable(request);
        const QString include = request.queryValue(QStringLiteral("includeObject"));
        options.include = include == QLatin1String("Object") ? Tables::IncludeObject::Object
                          : include == QLatin1String("None") ? Tables::IncludeObject::None
                                                             : Tables::IncludeObject::Metadata;
        auto *watch = new WatchStream(m_store, connection, *path.type, path.ns, labels, fields, options, this);
        m_watches.removeAll(QPointer<WatchStream>());
        m_watches.append(watch);
        watch->start();
        return;
    }
    send(connection, m_rest->handle(request, path));
}

bool ApiServer::authorise(HttpConnection *connection, const HttpRequest &request, const QString &verb,
                          const QString &resource, const QString &group, const QString &ns)
{
    if (!m_options.tls || !m_options.auth.enabled) {
        return true;
    }
    const AuthOptions &auth = m_options.auth;
    const QByteArray authorization = request.header("authorization");
    QString user;
    bool forbidden = false;
    if (authorization.startsWith("Bearer ")) {
        const QString token = QString::fromUtf8(authorization.mid(7).trimmed());
        if (auth.tokens.contains(token)) {
            user = QStringLiteral("kubesim-user");
        } else if (auth.forbiddenTokens.contains(token)) {
            user = QStringLiteral("kubesim-forbidden");
            forbidden = true;
        }
    } else if (authorization.startsWith("Basic ")) {
        const QString pair = QString::fromUtf8(QByteArray::fromBase64(authorization.mid(6).trimmed()));
        const int colon = pair.indexOf(QLatin1Char(':'));
        for (const auto &entry : auth.basic) {
            if (colon > 0 && entry.first == pair.left(colon) && entry.second == pair.mid(colon + 1)) {
                user = entry.first;
            }
        }
    } else if (auth.clientCertificates) {
        auto *socket = qobject_cast<QSslSocket *>(connection->socket());
        const QSslCertificate peer = socket ? socket->peerCertificate() : QSslCertificate();
        QString commonName;
        if (!peer.isNull() && Certificates::verifySignedBy(peer.toDer(), m_options.tlsMaterial.caCert, &commonName)) {
            user = commonName;
        }
    }
    if (user.isEmpty()) {
        send(connection, ApiResponse::failure(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized")));
        return false;
    }
    if (forbidden && !verb.isEmpty()) {
        QString message = QStringLiteral("%1%2 is forbidden: User \"%3\" cannot %4 resource \"%5\" in API group \"%6\"")
                              .arg(resource, group.isEmpty() ? QString() : QString(QLatin1Char('.') + group), user,
                                   verb, resource, group);
        if (!ns.isEmpty()) {
            message += QStringLiteral(" in the namespace \"%1\"").arg(ns);
        } else {
            message += QStringLiteral(" at the cluster scope");
        }
        send(connection, ApiResponse::failure(403, QStringLiteral("Forbidden"), message,
                                              ApiResponse::details(QString(), group, resource)));
        return false;
    }
    return true;
}

bool ApiServer::applyFault(HttpConnection *connection, const HttpRequest &request)
{
    for (int i = 0; i < m_faults.size(); ++i) {
        Fault &fault = m_faults[i];
        if (!request.path.startsWith(fault.path)) {
            continue;
        }
        const Fault applied = fault;
        if (fault.times > 0 && --fault.times == 0) {
            m_faults.removeAt(i);
        }
        if (applied.kind == QLatin1String("drop")) {
            connection->abort();
        } else if (applied.kind == QLatin1String("hang")) {
            m_hanging.append(connection); // never answered; the client must time out
        } else if (applied.kind == QLatin1String("malformed")) {
            connection->respond(200, "application/json", "{\"kind\": \"DeploymentList\", \"items\": [{\"metad");
        } else {
            ApiResponse response =
                ApiResponse::failure(applied.code, reasonFor(applied.code),
                                     QStringLiteral("injected fault: %1 for %2").arg(applied.code).arg(request.path));
            if (applied.code == 429) {
                response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
            }
            send(connection, response);
        }
        return true;
    }
    return false;
}

bool ApiServer::handleHook(HttpConnection *connection, const HttpRequest &request)
{
    const QTcpSocket *socket = connection->socket();
    if (!socket || !socket->peerAddress().isLoopback()) {
        send(connection, ApiResponse::failure(403, QStringLiteral("Forbidden"),
                                              QStringLiteral("test hooks answer loopback clients only")));
        return true;
    }
    const QString hook = request.path.mid(10);
    if (hook == QLatin1String("faults") && request.method == "DELETE") {
        m_faults.clear();
        send(connection, ApiResponse::json(200, QJsonObject{{QStringLiteral("faults"), 0}}));
        return true;
    }
    if (hook == QLatin1String("faults") && request.method == "POST") {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
        const QJsonObject body = document.object();
        Fault fault;
        fault.path = body.value(QStringLiteral("path")).toString(QStringLiteral("/"));
        fault.kind = body.value(QStringLiteral("kind")).toString(QStringLiteral("status"));
        fault.code = body.value(QStringLiteral("code")).toInt(500);
        fault.times = body.value(QStringLiteral("times")).toInt(1);
        const QStringList kinds = {QStringLiteral("status"), QStringLiteral("malformed"), QStringLiteral("hang"),
                                   QStringLiteral("drop")};
        if (error.error != QJsonParseError::NoError || !document.isObject() || !kinds.contains(fault.kind) ||
            fault.times == 0 || fault.code < 100 || fault.code > 599) {
            send(connection,
                 ApiResponse::failure(400, QStringLiteral("BadRequest"),
                                      QStringLiteral("expected {\"path\": \"/apis/...\", \"kind\": "
                                                     "\"status|malformed|hang|drop\", \"code\": 500, \"times\": 1}")));
            return true;
        }
        m_faults.append(fault);
        send(connection, ApiResponse::json(201, QJsonObject{{QStringLiteral("faults"), int(m_faults.size())}}));
        return true;
    }
    if (hook == QLatin1String("compact") && request.method == "POST") {
        m_store->compact();
        send(connection, ApiResponse::json(200, QJsonObject{{QStringLiteral("resourceVersion"),
                                                             QString::number(m_store->resourceVersion())}}));
        return true;
    }
    if (hook == QLatin1String("drop-watches") && request.method == "POST") {
        int dropped = 0;
        const auto watches = m_watches;
        m_watches.clear();
        for (const auto &watch : watches) {
            if (watch) {
                watch->drop();
                ++dropped;
            }
        }
        send(connection, ApiResponse::json(200, QJsonObject{{QStringLiteral("dropped"), dropped}}));
        return true;
    }
    return false;
}

} // namespace Gantry::KubeSim
