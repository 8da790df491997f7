#pragma once

#include "models/kube/kubeerror.h"
#include "models/kube/resourcetype.h"
#include "models/kube/restconfig.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace Gantry::Kube {

class ExecCredentialProvider;
class WatchStream;

// The answer to one request: the object (or, for list(), {"metadata":{resourceVersion},
// "items":[...]} with every page joined) or a typed error. Never both.
struct KubeResult
{
    int httpStatus = 0;
    QJsonObject object;
    KubeError error;
    bool ok() const { return !error.isError(); }
};
using KubeCallback = std::function<void(const KubeResult &)>;

struct ListOptions
{
    QString labelSelector;
    QString fieldSelector;
    QString resourceVersion; // list: "0" = any (cache); watch: start from here
    int limit = 500;         // page size; pages are followed through `continue` (0: no limit)
    int timeoutSeconds = 0;  // watch: ask the server to end the stream after this long (0: random 300-600)
    bool allowWatchBookmarks = true;
};

enum class PatchType { StrategicMerge, Merge, Json };

// A Kubernetes REST client for one context, on the thread that creates it (QNetworkAccessManager).
// TLS is verified against the cluster's CA unless the kubeconfig says insecure-skip-tls-verify;
// tls-server-name is honoured; client certificates, bearer tokens (also tokenFile and exec
// plugins, re-run when expired or on 401), basic auth and impersonation headers are sent only
// over TLS. Every failure is a typed KubeError whose message names the context.
//
// Callbacks run on this thread and are dropped when `context` is destroyed first.
class KubeClient final : public QObject
{
    Q_OBJECT
public:
    explicit KubeClient(RestConfig config, QObject *parent = nullptr);
    ~KubeClient() override;

    const RestConfig &config() const { return m_config; }
    QString defaultNamespace() const { return m_config.nameSpace; }
    // Per-request timeout for everything but watches (default 30 s).
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }

    void get(const QString &path, QObject *context, KubeCallback callback);
    // Follows `continue` tokens; result.object = {"metadata":{"resourceVersion"},"items":[...]}.
    void list(const QString &path, const ListOptions &options, QObject *context, KubeCallback callback);
    void create(const QString &collectionPath, const QJsonObject &object, QObject *context, KubeCallback callback);
    void replace(const QString &path, const QJsonObject &object, QObject *context, KubeCallback callback);
    void patch(const QString &path, PatchType type, const QByteArray &body, QObject *context, KubeCallback callback);
    void remove(const QString &path, QObject *context, KubeCallback callback);
    // PATCH .../deployments/NAME/scale (merge patch); the result is the autoscaling/v1 Scale.
    void scale(const QString &deploymentPath, int replicas, QObject *context, KubeCallback callback);
    // Creates the object, or when it exists replaces it (keeping its resourceVersion) — the
    // scaffolder deploys Deployment, Service, HPA and PDB manifests with it. The namespace is the
    // manifest's, else `defaultNamespace`, else the context's.
    void apply(const QJsonObject &manifest, const QString &defaultNamespace, QObject *context, KubeCallback callback);

    // Starts a watch (chunked newline-delimited events) on a collection path. The caller owns the
    // stream (parent it or delete it); it emits WatchStream::event and then WatchStream::finished.
    WatchStream *watch(const QString &path, const ListOptions &options);

    // Builds a URL for a path plus query (exposed for tests).
    QUrl url(const QString &path, const QList<QPair<QString, QString>> &query = {}) const;

private:
    friend class WatchStream;
    struct Pending;
    QNetworkAccessManager *createNetwork(QObject *parent) const;
    void send(const QByteArray &verb, const QString &path, const QList<QPair<QString, QString>> &query,
              const QByteArray &contentType, const QByteArray &body, QObject *context, KubeCallback callback,
              bool retriedAuth = false);
    void listPage(const QString &path, const ListOptions &options, const QString &continueToken,
                  std::shared_ptr<QJsonObject> accumulated, QObject *context, KubeCallback callback);
    void applyAttempt(const QJsonObject &object, const QString &objectPath, const QString &collection, QObject *context,
                      KubeCallback callback, int attempt);
    // Prepares headers/TLS; false with *error when credentials cannot be obtained (exec failure).
    bool prepareRequest(QNetworkRequest *request, KubeError *error);
    KubeResult resultFrom(QNetworkReply *reply, bool timedOut) const;
    KubeError networkError(QNetworkReply *reply, bool timedOut) const;

    RestConfig m_config;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<ExecCredentialProvider> m_exec;
    int m_timeoutMs = 30000;
};

} // namespace Gantry::Kube
