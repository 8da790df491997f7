#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Gantry::Kube {

// An exec credential plugin (client.authentication.k8s.io/v1 or v1beta1).
struct ExecConfig
{
    QString apiVersion;
    QString command; // as written; relative commands with a '/' resolve against the kubeconfig's folder
    QStringList args;
    QList<QPair<QString, QString>> env;
    QString installHint;
    bool provideClusterInfo = false;
    QString interactiveMode; // Never, IfAvailable, Always ("" for v1 is an error; v1beta1 defaults to IfAvailable)
    QString baseDirectory;   // folder of the kubeconfig that defined it
};

// The resolved connection settings for one kube context: what the REST client needs.
struct RestConfig
{
    QString contextName;
    QString clusterName;
    QString userName;
    QString sourceFile; // the kubeconfig file the context came from (for messages)
    QUrl server;
    QString nameSpace; // the context's namespace, "default" when unset

    // TLS
    QList<QSslCertificate> caCertificates; // empty: the system CAs
    bool insecureSkipTlsVerify = false;
    QString tlsServerName; // verify the server certificate against this name instead of the host
    QSslCertificate clientCertificate;
    QSslKey clientKey;

    QUrl proxyUrl; // http(s):// or socks5://; empty: no proxy (the system's is not used)
    bool disableCompression = false;
    QJsonValue execExtension;
    QByteArray certificateAuthorityData; // PEM as configured, for exec plugins' cluster info

    // Credentials (sent only over TLS)
    QString token;
    QString tokenFile; // re-read before each request when set
    QString username;
    QString password;
    QString impersonate;
    QString impersonateUid;
    QStringList impersonateGroups;
    QHash<QString, QStringList> impersonateUserExtra;
    std::optional<ExecConfig> exec;

    bool isTls() const { return server.scheme() == QLatin1String("https"); }
    // A display name for messages: the context, else the server.
    QString displayName() const { return contextName.isEmpty() ? server.toString() : contextName; }

    // A config for a bare server URL with no credentials (tests, --server).
    static RestConfig forServer(const QUrl &server);
};

} // namespace Gantry::Kube
