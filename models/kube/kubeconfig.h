#pragma once

#include "models/kube/restconfig.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace Gantry::Kube {

// A kubeconfig (one file, or several merged by the KUBECONFIG rules: the first file that sets a
// map key wins and the whole entry comes from it; current-context from the first file that sets
// it; relative paths resolve against the folder of the file that wrote them). Errors name the
// file and, where known, the line: "FILE:LINE:COL: error: MESSAGE".
class KubeConfig final
{
public:
    struct Cluster
    {
        QString name;
        QString server;
        QString certificateAuthority;        // absolute path
        QByteArray certificateAuthorityData; // PEM (decoded from base64)
        bool insecureSkipTlsVerify = false;
        QString tlsServerName;
        QString proxyUrl;
        bool disableCompression = false;
        QJsonValue execExtension; // extension "client.authentication.k8s.io/exec"
        QString file;             // where it was defined
        int line = 0;
    };
    struct User
    {
        QString name;
        QString clientCertificate; // absolute path
        QByteArray clientCertificateData;
        QString clientKey; // absolute path
        QByteArray clientKeyData;
        QString token;
        QString tokenFile; // absolute path
        QString username;
        QString password;
        QString impersonate;
        QString impersonateUid;
        QStringList impersonateGroups;
        QHash<QString, QStringList> impersonateUserExtra;
        std::optional<ExecConfig> exec;
        QString authProvider; // legacy auth-provider name: not supported, reported as an error
        QString file;
        int line = 0;
    };
    struct Context
    {
        QString name;
        QString cluster;
        QString user;
        QString nameSpace; // empty: "default"
        QString file;
        int line = 0;
    };

    // Reads one explicit file (a missing file is an error), like kubectl --kubeconfig.
    static std::optional<KubeConfig> loadFile(const QString &path, QString *error);
    // Merges files in order; missing and empty names are skipped (KUBECONFIG rule 2).
    static std::optional<KubeConfig> loadMerged(const QStringList &paths, QString *error);
    // $KUBECONFIG (split on ':'), else ~/.kube/config.
    static std::optional<KubeConfig> loadDefault(QString *error);
    // Parses text as if it were the file `path` (tests).
    static std::optional<KubeConfig> parse(const QByteArray &yaml, const QString &path, QString *error);

    QString currentContext() const { return m_currentContext; }
    QStringList contextNames() const;
    const QHash<QString, Cluster> &clusters() const { return m_clusters; }
    const QHash<QString, User> &users() const { return m_users; }
    const QHash<QString, Context> &contexts() const { return m_contexts; }
    QStringList files() const { return m_files; }

    // Everything needed to talk to the cluster of `context` (empty: current-context): server,
    // CA, client certificate, credentials. Fails with a message naming the context and the file.
    std::optional<RestConfig> restConfig(const QString &context, QString *error) const;

private:
    void mergeFrom(const KubeConfig &other); // first wins

    QString m_currentContext;
    QHash<QString, Cluster> m_clusters;
    QHash<QString, User> m_users;
    QHash<QString, Context> m_contexts;
    QStringList m_contextOrder;
    QStringList m_files;
};

} // namespace Gantry::Kube
