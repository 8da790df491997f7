#pragma once

#include "app/kubesim/certificates.h"
#include "app/kubesim/httpconnection.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>

class QTcpServer;

namespace Gantry::KubeSim {

class Store;
class RestHandler;
class WatchStream;
struct ApiResponse;

// Who may call, checked over TLS only (plain HTTP serves anonymously, like kubectl never sends
// credentials over http).
struct AuthOptions
{
    bool enabled = false;
    QStringList tokens;
    QList<QPair<QString, QString>> basic; // username, password
    bool clientCertificates = false;
    QStringList forbiddenTokens;
};

// The HTTP(S) front of the simulator: discovery, the REST verbs, watches, authentication and the
// /_kubesim test hooks (faults, compact, drop-watches).
class ApiServer final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString kubernetesVersion = QStringLiteral("1.30");
        bool tls = false;
        TlsMaterial tlsMaterial;
        AuthOptions auth;
        int bookmarkIntervalMs = 10000;
    };

    ApiServer(Store *store, const Options &options, QObject *parent = nullptr);
    ~ApiServer() override;

    // Listens on address:port (0 picks a free port); false with *error on failure.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;
    // "https://127.0.0.1:41234"
    QString url() const;
    int activeWatches() const;

private:
    struct Fault
    {
        QString path;
        QString kind; // status, malformed, hang, drop
        int code = 500;
        int times = 1;
    };

    void onNewConnection();
    void handle(HttpConnection *connection, const HttpRequest &request);
    bool handleHook(HttpConnection *connection, const HttpRequest &request);
    bool applyFault(HttpConnection *connection, const HttpRequest &request);
    // Returns true when the request may go on; otherwise answers 401/403 itself.
    bool authorise(HttpConnection *connection, const HttpRequest &request, const QString &verb, const QString &resource,
                   const QString &group, const QString &ns);
    void send(HttpConnection *connection, const ApiResponse &response);
    void serveResource(HttpConnection *connection, const HttpRequest &request, const QString &group,
                       const QString &version, const QStringList &segments);

    Store *m_store;
    Options m_options;
    std::unique_ptr<RestHandler> m_rest;
    QTcpServer *m_server = nullptr;
    QHostAddress m_address;
    QList<Fault> m_faults;
    QList<QPointer<WatchStream>> m_watches;
    QList<QPointer<HttpConnection>> m_hanging;
};

} // namespace Gantry::KubeSim
