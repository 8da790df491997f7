// The simulator's HTTP API end to end, in process: pagination, selectors, Status errors, Table
// answers, watches (resume, 410, initial events, timeouts), the test hooks, the scale
// subresource and TLS authentication.
#include "app/kubesim/apiserver.h"
#include "app/kubesim/certificates.h"
#include "app/kubesim/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTest>

#include <memory>

using namespace Gantry::KubeSim;

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

QJsonObject named(const QString &name, const QJsonObject &labels = {})
{
    QJsonObject metadata{{QStringLiteral("name"), name}};
    if (!labels.isEmpty()) {
        metadata.insert(QStringLiteral("labels"), labels);
    }
    return QJsonObject{{QStringLiteral("metadata"), metadata}};
}

QJsonObject deployment(const QString &name)
{
    return QJsonDocument::fromJson(QStringLiteral(R"({"metadata":{"name":"%1"},"spec":{"replicas":2,
        "selector":{"matchLabels":{"app":"%1"}},"template":{"metadata":{"labels":{"app":"%1"}},
        "spec":{"containers":[{"name":"app","image":"img:1"}]}}}})")
                                       .arg(name)
                                       .toUtf8())
        .object();
}

// Reads a watch stream line by line.
struct WatchReader
{
    QNetworkReply *reply = nullptr;
    QByteArray buffer;
    QList<QJsonObject> events;

    void pump()
    {
        buffer += reply->readAll();
        qsizetype newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
            events.append(QJsonDocument::fromJson(buffer.left(newline)).object());
            buffer.remove(0, newline + 1);
        }
    }
    int count()
    {
        pump();
        return int(events.size());
    }
};

} // namespace

class TstApiServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listPagesAndSelectors();
    void errorsAreStatusObjects();
    void tableAnswers();
    void patchesAndGeneration();
    void scaleSubresource();
    void podDeletionIsGraceful();
    void watchFollowsChanges();
    void watchTooOldGets410();
    void watchInitialEventsAndTimeout();
    void faultHooks();
    void dropWatches();
    void tlsAuthentication();

private:
    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QByteArray &contentType = "application/json", const QByteArray &accept = "application/json",
               const QByteArray &authorization = {});
    QNetworkReply *openWatch(const QString &path);
    void startServer(const ApiServer::Options &options);

    std::unique_ptr<Store> m_store;
    std::unique_ptr<ApiServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QString m_base;
    QSslConfiguration m_ssl;
};

void TstApiServer::init()
{
    m_store = std::make_unique<Store>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_store->create(QStringLiteral("namespaces"), QString(), named(QStringLiteral("shop")));
    startServer(ApiServer::Options());
}

void TstApiServer::startServer(const ApiServer::Options &options)
{
    m_server.reset();
    m_server = std::make_unique<ApiServer>(m_store.get(), options);
    QString error;
    QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    m_base = m_server->url();
}

void TstApiServer::cleanup()
{
    m_network.reset();
    m_server.reset();
    m_store.reset();
}

Reply TstApiServer::call(const QByteArray &method, const QString &path, const QByteArray &body,
                         const QByteArray &contentType, const QByteArray &accept, const QByteArray &authorization)
{
    QNetworkRequest request(QUrl(m_base + path));
    request.setRawHeader("Accept", accept);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!authorization.isEmpty()) {
        request.setRawHeader("Authorization", authorization);
    }
    if (m_base.startsWith(QLatin1String("https"))) {
        request.setSslConfiguration(m_ssl);
    }
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished()) {
        finished.wait(20000);
    }
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    reply->deleteLater();
    return out;
}

QNetworkReply *TstApiServer::openWatch(const QString &path)
{
    QNetworkRequest request(QUrl(m_base + path));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    return m_network->get(request);
}

void TstApiServer::listPagesAndSelectors()
{
    for (int i = 0; i < 7; ++i) {
        const QString app = i % 3 == 0   ? QStringLiteral("web")
                            : i % 3 == 1 ? QStringLiteral("api")
                                         : QStringLiteral("db");
        QVERIFY(m_store
                    ->create(QStringLiteral("pods"), QStringLiteral("shop"),
                             named(QStringLiteral("pod-%1").arg(i), {{QStringLiteral("app"), app}}))
                    .ok());
    }
    Reply reply = call("GET", QStringLiteral("/api/v1/namespaces/shop/pods?limit=3"));
    QCOMPARE(reply.status, 200);
    QJsonObject list = reply.json();
    QCOMPARE(list[QStringLiteral("kind")].toString(), QStringLiteral("PodList"));
    QCOMPARE(list[QStringLiteral("items")].toArray().size(), 3);
    QCOMPARE(list[QStringLiteral("metadata")][QStringLiteral("remainingItemCount")].toInt(), 4);
    QStringList names;
    while (true) {
        for (const QJsonValue &item : list[QStringLiteral("items")].toArray()) {
            names.append(item[QStringLiteral("metadata")][QStringLiteral("name")].toString());
        }
        const QString token = list[QStringLiteral("metadata")][QStringLiteral("continue")].toString();
        if (token.isEmpty()) {
            break;
        }
        reply = call("GET", QStringLiteral("/api/v1/namespaces/shop/pods?limit=3&continue=") + token);
        QCOMPARE(reply.status, 200);
        list = reply.json();
    }
    QCOMPARE(names.size(), 7);
    QCOMPARE(names.first(), QStringLiteral("pod-0"));
    QCOMPARE(names.last(), QStringLiteral("pod-6"));
    // Form-encoded, like kubectl sends it: labelSelector=app+in+%28web%2Capi%29
    reply = call("GET", QStringLiteral("/api/v1/namespaces/shop/pods?labelSelector=app+in+%28web%2Capi%29"));
    QCOMPARE(reply.json()[QStringLiteral("items")].toArray().size(), 5);
    reply = call("GET", QStringLiteral("/api/v1/pods?labelSelector=%21app"));
    QCOMPARE(reply.json()[QStringLiteral("items")].toArray().size(), 0);
    reply = call("GET", QStringLiteral("/api/v1/pods?fieldSelector=metadata.name%3Dpod-4"));
    QCOMPARE(reply.json()[QStringLiteral("items")].toArray().size(), 1);
    reply = call("GET", QStringLiteral("/api/v1/namespaces/shop/pods?labelSelector=app+in+%28web"));
    QCOMPARE(reply.status, 400);
    // A compacted store expires old continue tokens.
    const QString token = call("GET", QStringLiteral("/api/v1/namespaces/shop/pods?limit=2"))
                              .json()[QStringLiteral("metadata")][QStringLiteral("continue")]
                              .toString();
    m_store->create(QStringLiteral("pods"), QStringLiteral("shop"), named(QStringLiteral("later")));
    QCOMPARE(call("POST", QStringLiteral("/_kubesim/compact")).status, 200);
    reply = call("GET", QStringLiteral("/api/v1/namespaces/shop/pods?limit=2&continue=") + token);
    QCOMPARE(reply.status, 410);
    QCOMPARE(reply.json()[QStringLiteral("reason")].toString(), QStringLiteral("Expired"));
}

void TstApiServer::errorsAreStatusObjects()
{
    Reply reply = call("GET", QStringLiteral("/apis/apps/v1/namespaces/shop/deployments/nosuch"));
    QCOMPARE(reply.status, 404);
    QJsonObject status = reply.json();
    QCOMPARE(status[QStringLiteral("kind")].toString(), QStringLiteral("Status"));
    QCOMPARE(status[QStringLiteral("status")].toString(), QStringLiteral("Failure"));
    QCOMPARE(status[QStringLiteral("reason")].toString(), QStringLiteral("NotFound"));
    QCOMPARE(status[QStringLiteral("message")].toString(), QStringLiteral("deployments.apps \"nosuch\" not found"));
    QCOMPARE(status[QStringLiteral("details")][QStringLiteral("kind")].toString(), QStringLiteral("deployments"));
    QCOMPARE(status[QStringLiteral("code")].toInt(), 404);

    const QByteArray body = QJsonDocument(deployment(QStringLiteral("web"))).toJson();
    QCOMPARE(call("POST", QStringLiteral("/apis/apps/v1/namespaces/shop/deployments"), body).status, 201);
    reply = call("POST", QStringLiteral("/apis/apps/v1/namespaces/shop/deployments"), body);
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.json()[QStringLiteral("reason")].toString(), QStringLiteral("AlreadyExists"));
    reply = call("POST", QStringLiteral("/apis/apps/v1/namespaces/nosuch/deployments"), body);
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.json()[QStringLiteral("message")].toString(), QStringLiteral("namespaces \"nosuch\" not found"));
    reply = call("PATCH", QStringLiteral("/apis/apps/v1/namespaces/shop/deployments/web"), "{}", "text/plain");
    QCOMPARE(reply.status, 415);
    QCOMPARE(reply.json()[QStringLiteral("reason")].toString(), QStringLiteral("UnsupportedMediaType"));
    reply = call("POST", QStringLiteral("/apis/apps/v1/namespaces/shop/deployments"), "{not json");
    QCOMPARE(reply.status, 400);
    QJsonObject broken = deployment(QStringLiteral("broken"));
    broken[QStringLiteral("spec")] = QJsonObject{
        {QStringLiteral("selector"),
         QJsonObject{{QStringLiteral("matchLabels"), QJsonObject{{QStringLiteral("app"), QStringLiteral("x")}}}}}};
    reply = call("POST", QStringLiteral("/apis/apps/v1/namespaces/shop/deployments"), QJsonDocument(broken).toJson());
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.json()[QStringLiteral("reason")].toString(), QStringLiteral("Invalid"));
    QVERIFY(!reply.json()[QStringLiteral("details")][QStringLiteral("causes")].toArray().isEmpty());
    QCOMPARE(call("GET", QStringLiteral("/apis/batch/v1/jobs")).status, 404);
    QCOMPARE(call("GET", QStringLiteral("/openapi/v2")).status, 404);
    QCOMPARE(call("GET", QStringLiteral("/openapi/v3")).json()[QStringLiteral("kind")].toString(),
             QStringLiteral("Status"));
    reply = call("DELETE", QStringLiteral("/apis/apps/v1/namespaces/shop/deployments/web"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()[QStringLiteral("status")].toString(), QStringLiteral("Success"));
    QCOMPARE(call("DELETE", QStringLiteral("/apis/apps/v1/namespaces/shop/deployments/web")).status, 404);
}

void TstApiServer::tableAnswers()
{
    for (int i = 0; i < 3; ++i) {
        m_store->create(QStringLiteral("deployments.apps"), QStringLiteral("shop"),
                        deployment(QStringLiteral("d%1").arg(i)));
    }
    const QByteArray accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;"
                              "g=meta.k8s.io,application/json";
    Reply reply = call("GET", QStringLiteral("/apis/apps/v1/namespaces/shop/deployments?limit=2"), {},
                       "application/json", accept);
    QJsonObject table = reply.json();
    QCOMPARE(table[QStringLiteral("kind")].toString(), QStringLiteral("Table"));
    QCOMPARE(table[QStringLiteral("columnDefinitions")].toArray().size(), 8);
    QCOMPARE(table[QStringLiteral("rows")].toArray().size(), 2);
    QCOMPARE(table[QStringLiteral("rows")][0][QStringLiteral("cells")][1].toString(), QStringLiteral("0/2"));
    QCOMPARE(table[QStringLiteral("rows")][0][QStringLiteral("object")][QStringLiteral("kind")].toString(),
             QStringLiteral("PartialObjectMetadata"));
    const QString token = table[QStringLiteral("metadata")][QStringLiteral("continue")].toString();
    table =
        call("GET",
             QStringLiteral("/apis/apps/v1/namespaces/shop/deployments?limit=2&includeObject=Object&continue=") + token,
             {}, "application/json", accept)
            .json();
    QCOMPARE(table[QStringLiteral("rows")].toArray().size(), 1);
    QVERIFY(table[QStringLiteral("columnDefinitions")].toArray().isEmpty());
    QCOMPARE(table[QStringLiteral("rows")][0][QStringLiteral("object")][QStringLiteral("kind")].toString(),
             QStringLiteral("Deployment"));
}

void TstApiServer::patchesAndGeneration()
{
    m_store->create(QStringLiteral("deployments.apps"), QStringLiteral("shop"), deployment(QStringLiteral("web")));
    const QString path = QStringLiteral("/apis/apps/v1/namespaces/shop/deployments/web?fieldManager=kubectl-set");
    Reply reply = call(
        "PATCH", path,
        R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"}],"containers":[{"image":"img:2","name":"app"}]}}}})",
        "application/strategic-merge-patch+json");
    QCOMPARE(reply.status, 200);
    QJsonObject object = reply.json();
    QCOMPARE(object[QStringLiteral("metadata")][QStringLiteral("generation")].toInt(), 2);
    QCOMPARE(object[QStringLiteral("spec")][QStringLiteral("template")][QStringLiteral("spec")]
                   [QStringLiteral("containers")][0][QStringLiteral("image")]
                       .toString(),
             QStringLiteral("img:2"));
    reply = call("PATCH", path, R"({"metadata":{"annotations":{"note":"x"}}})", "application/merge-patch+json");
    QCOMPARE(reply.json()[QStringLiteral("metadata")][QStringLiteral("generation")].toInt(), 2);
    reply =
        call("PATCH", path, R"([{"op":"replace","path":"/spec/replicas","value":5}])", "application/json-patch+json");
    QCOMPARE(reply.json()[QStringLiteral("spec")][QStringLiteral("replicas")].toInt(), 5);
    QCOMPARE(reply.json()[QStringLiteral("metadata")][QStringLiteral("generation")].toInt(), 3);
    reply = call("PATCH", path, R"([{"op":"test","path":"/spec/replicas","value":1}])", "application/json-patch+json");
    QCOMPARE(reply.status, 422);
    // Writes to /status leave the spec alone.
    reply = call("PATCH", QStringLiteral("/apis/apps/v1/namespaces/shop/deployments/web/status"),
                 R"({"spec":{"replicas":9},"status":{"observedGeneration":3}})", "application/merge-patch+json");
    QCOMPARE(reply.json()[QStringLiteral("spec")][QStringLiteral("replicas")].toInt(), 5);
    QCOMPARE(reply.json()[QStringLiteral("status")][QStringLiteral("observedGeneration")].toInt(), 3);
}

void TstApiServer::scaleSubresource()
{
    m_store->create(QStringLiteral("deployments.apps"), QStringLiteral("shop"), deployment(QStringLiteral("web")));
    const QString path = QStringLiteral("/apis/apps/v1/namespaces/shop/deployments/web/scale");
    Reply reply = call("PATCH", path, R"({"spec":{"replicas":4}})", "application/merge-patch+json");
    QCOMPARE(reply.status, 200);
    QJsonObject scale = reply.json();
    QCOMPARE(scale[QStringLiteral("kind")].toString(), QStringLiteral("Scale"));
    QCOMPARE(scale[QStringLiteral("apiVersion")].toString(), QStringLiteral("autoscaling/v1"));
    QCOMPARE(scale[QStringLiteral("spec")][QStringLiteral("replicas")].toInt(), 4);
    QCOMPARE(scale[QStringLiteral("status")][QStringLiteral("selector")].toString(), QStringLiteral("app=web"));
    QCOMPARE(m_store->get(QStringLiteral("deployments.apps"), QStringLiteral("shop"), QStringLiteral("web"))
                 ->value(QStringLiteral("spec"))[QStringLiteral("replicas")]
                 .toInt(),
             4);
    scale = call("GET", path).json();
    QCOMPARE(scale[QStringLiteral("spec")][QStringLiteral("replicas")].toInt(), 4);
    scale[QStringLiteral("spec")] = QJsonObject{{QStringLiteral("replicas"), 1}};
    reply = call("PUT", path, QJsonDocument(scale).toJson());
    QCOMPARE(reply.json()[QStringLiteral("spec")][QStringLiteral("replicas")].toInt(), 1);
    QCOMPARE(call("GET", QStringLiteral("/api/v1/namespaces/shop/pods/x/scale")).status, 404);
}

void TstApiServer::podDeletionIsGraceful()
{
    m_store->create(QStringLiteral("pods"), QStringLiteral("shop"), named(QStringLiteral("web-1")));
    Reply reply = call("DELETE", QStringLiteral("/api/v1/namespaces/shop/pods/web-1"));
    QCOMPARE(reply.status, 200);
    // Terminating until the kubelet (the controller) removes it.
    QVERIFY(reply.json()[QStringLiteral("metadata")].toObject().contains(QStringLiteral("deletionTimestamp")));
    QVERIFY(m_store->get(QStringLiteral("pods"), QStringLiteral("shop"), QStringLiteral("web-1")).has_value());
    reply = call("DELETE", QStringLiteral("/api/v1/namespaces/shop/pods/web-1?gracePeriodSeconds=0"));
    QCOMPARE(reply.status, 200);
    QVERIFY(!m_store->get(QStringLiteral("pods"), QStringLiteral("shop"), QStringLiteral("web-1")).has_value());
    QCOMPARE(call("DELETE", QStringLiteral("/api/v1/namespaces/shop/pods/web-1")).status, 404);
}

void TstApiServer::watchFollowsChanges()
{
    const qint64 since = m_store->resourceVersion();
    m_store->create(QStringLiteral("pods"), QStringLiteral("shop"),
                    named(QStringLiteral("early"), {{QStringLiteral("app"), QStringLiteral("web")}}));
    WatchReader watch;
    watch.reply =
        openWatch(QStringLiteral("/api/v1/namespaces/shop/pods?watch=true&labelSelector=app%3Dweb&resourceVersion=%1")
                      .arg(since));
    // Resumed: the change made after `since` but before the watch comes first.
    QTRY_COMPARE_WITH_TIMEOUT(watch.count(), 1, 10000);
    QCOMPARE(watch.events[0][QStringLiteral("type")].toString(), QStringLiteral("ADDED"));
    m_store->create(QStringLiteral("pods"), QStringLiteral("shop"),
                    named(QStringLiteral("other"), {{QStringLiteral("app"), QStringLiteral("db")}}));
    m_store->create(QStringLiteral("pods"), QStringLiteral("prod"),
                    named(QStringLiteral("elsewhere"), {{QStringLiteral("app"), QStringLiteral("web")}}));
    m_store->modify(QStringLiteral("pods"), QStringLiteral("shop"), QStringLiteral("early"), [](QJsonObject &pod) {
        pod.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")}});
        return true;
    });
    // Leaving the selector is a DELETED for this watch.
    m_store->modify(QStringLiteral("pods"), QStringLiteral("shop"), QStringLiteral("early"), [](QJsonObject &pod) {
        QJsonObject metadata = pod.value(QStringLiteral("metadata")).toObject();
        metadata.insert(QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), QStringLiteral("db")}});
        pod.insert(QStringLiteral("metadata"), metadata);
        return true;
    });
    QTRY_COMPARE_WITH_TIMEOUT(watch.count(), 3, 10000);
    QCOMPARE(watch.events[1][QStringLiteral("type")].toString(), QStringLiteral("MODIFIED"));
    QCOMPARE(watch.events[1][QStringLiteral("object")][QStringLiteral("status")][QStringLiteral("phase")].toString(),
             QStringLiteral("Running"));
    QCOMPARE(watch.events[2][QStringLiteral("type")].toString(), QStringLiteral("DELETED"));
    QCOMPARE(m_server->activeWatches(), 1);
    watch.reply->abort();
    watch.reply->deleteLater();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->activeWatches(), 0, 10000);
}

void TstApiServer::watchTooOldGets410()
{
    m_store->create(QStringLiteral("pods"), QStringLiteral("shop"), named(QStringLiteral("a")));
    const qint64 old = m_store->resourceVersion() - 1;
    QCOMPARE(call("POST", QStringLiteral("/_kubesim/compact")).status, 200);
    WatchReader watch;
    watch.reply = openWatch(QStringLiteral("/api/v1/namespaces/shop/pods?watch=true&resourceVersion=%1").arg(old));
    QSignalSpy finished(watch.reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(watch.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(watch.count(), 1);
    QCOMPARE(watch.events[0][QStringLiteral("type")].toString(), QStringLiteral("ERROR"));
    QCOMPARE(watch.events[0][QStringLiteral("object")][QStringLiteral("code")].toInt(), 410);
    QCOMPARE(watch.events[0][QStringLiteral("object")][QStringLiteral("reason")].toString(), QStringLiteral("Expired"));
    watch.reply->deleteLater();
}

void TstApiServer::watchInitialEventsAndTimeout()
{
    m_store->create(QStringLiteral("pods"), QStringLiteral("shop"), named(QStringLiteral("a")));
    m_store->create(QStringLiteral("pods"), QStringLiteral("shop"), named(QStringLiteral("b")));
    WatchReader watch;
    watch.reply =
        openWatch(QStringLiteral("/api/v1/namespaces/shop/pods?watch=true&sendInitialEvents=true&"
                                 "resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&timeoutSeconds=1"));
    QSignalSpy finished(watch.reply, &QNetworkReply::finished);
    // timeoutSeconds ends the stream cleanly (0-length chunk): the reply finishes without error.
    QVERIFY(finished.wait(10000));
    QCOMPARE(watch.reply->error(), QNetworkReply::NoError);
    QCOMPARE(watch.count(), 3);
    QCOMPARE(watch.events[0][QStringLiteral("type")].toString(), QStringLiteral("ADDED"));
    QCOMPARE(watch.events[1][QStringLiteral("type")].toString(), QStringLiteral("ADDED"));
    QCOMPARE(watch.events[2][QStringLiteral("type")].toString(), QStringLiteral("BOOKMARK"));
    QCOMPARE(watch
                 .events[2][QStringLiteral("object")][QStringLiteral("metadata")][QStringLiteral("annotations")]
                        [QStringLiteral("k8s.io/initial-events-end")]
                 .toString(),
             QStringLiteral("true"));
    watch.reply->deleteLater();
    // Without resourceVersionMatch=NotOlderThan the request is refused with 422 (client-go falls back).
    const Reply refused = call("GET", QStringLiteral("/api/v1/namespaces/shop/pods?watch=true&sendInitialEvents=true"));
    QCOMPARE(refused.status, 422);
}

void TstApiServer::faultHooks()
{
    Reply reply =
        call("POST", QStringLiteral("/_kubesim/faults"), R"({"path":"/api/v1","kind":"status","code":503,"times":1})");
    QCOMPARE(reply.status, 201);
    reply = call("GET", QStringLiteral("/api/v1/namespaces/shop/pods"));
    QCOMPARE(reply.status, 503);
    QCOMPARE(reply.json()[QStringLiteral("kind")].toString(), QStringLiteral("Status"));
    QCOMPARE(call("GET", QStringLiteral("/api/v1/namespaces/shop/pods")).status, 200);
    call("POST", QStringLiteral("/_kubesim/faults"), R"({"path":"/api/v1","kind":"malformed","times":-1})");
    for (int i = 0; i < 2; ++i) {
        reply = call("GET", QStringLiteral("/api/v1/namespaces/shop/pods"));
        QCOMPARE(reply.status, 200);
        QVERIFY(QJsonDocument::fromJson(reply.body).isNull());
    }
    QCOMPARE(call("DELETE", QStringLiteral("/_kubesim/faults")).status, 200);
    QVERIFY(!QJsonDocument::fromJson(call("GET", QStringLiteral("/api/v1/namespaces/shop/pods")).body).isNull());
    QCOMPARE(call("POST", QStringLiteral("/_kubesim/faults"), R"({"kind":"explode"})").status, 400);
    // Dropped connections (QNetworkAccessManager retries a GET once, so drop until cleared).
    call("POST", QStringLiteral("/_kubesim/faults"), R"({"path":"/version","kind":"drop","times":-1})");
    QCOMPARE(call("GET", QStringLiteral("/version")).status, 0);
    QCOMPARE(call("DELETE", QStringLiteral("/_kubesim/faults")).status, 200);
    QCOMPARE(call("GET", QStringLiteral("/version")).status, 200);
}

void TstApiServer::dropWatches()
{
    WatchReader watch;
    watch.reply = openWatch(QStringLiteral("/api/v1/namespaces/shop/pods?watch=true"));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->activeWatches(), 1, 10000);
    QSignalSpy finished(watch.reply, &QNetworkReply::finished);
    QCOMPARE(call("POST", QStringLiteral("/_kubesim/drop-watches")).json()[QStringLiteral("dropped")].toInt(), 1);
    QVERIFY(finished.count() > 0 || finished.wait(10000));
    QVERIFY(watch.reply->error() != QNetworkReply::NoError);
    watch.reply->deleteLater();
}

void TstApiServer::tlsAuthentication()
{
    ApiServer::Options options;
    options.tls = true;
    QString error;
    QVERIFY2(Certificates::generate({}, &options.tlsMaterial, &error), qPrintable(error));
    options.auth.enabled = true;
    options.auth.tokens = {QStringLiteral("good")};
    options.auth.forbiddenTokens = {QStringLiteral("read-only")};
    options.auth.basic = {{QStringLiteral("admin"), QStringLiteral("s3cret")}};
    options.auth.clientCertificates = true;
    startServer(options);
    QVERIFY(m_base.startsWith(QStringLiteral("https://127.0.0.1:")));
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setCaCertificates({QSslCertificate(options.tlsMaterial.caCert)});

    QCOMPARE(
        call("GET", QStringLiteral("/api/v1/namespaces"), {}, "application/json", "application/json", "Bearer good")
            .status,
        200);
    Reply reply = call("GET", QStringLiteral("/api/v1/namespaces"));
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json()[QStringLiteral("reason")].toString(), QStringLiteral("Unauthorized"));
    QCOMPARE(
        call("GET", QStringLiteral("/api/v1/namespaces"), {}, "application/json", "application/json", "Bearer wrong")
            .status,
        401);
    reply = call("GET", QStringLiteral("/api/v1/namespaces/shop/pods"), {}, "application/json", "application/json",
                 "Bearer read-only");
    QCOMPARE(reply.status, 403);
    QCOMPARE(reply.json()[QStringLiteral("message")].toString(),
             QStringLiteral(
                 "pods is forbidden: User \"kubesim-forbidden\" cannot list resource \"pods\" in API group \"\" in "
                 "the namespace \"shop\""));
    QCOMPARE(call("GET", QStringLiteral("/api/v1/namespaces"), {}, "application/json", "application/json",
                  "Basic " + QByteArray("admin:s3cret").toBase64())
                 .status,
             200);
    QCOMPARE(call("GET", QStringLiteral("/api/v1/namespaces"), {}, "application/json", "application/json",
                  "Basic " + QByteArray("admin:wrong").toBase64())
                 .status,
             401);
    // /version answers anonymously (kubectl's dispatcher asks before it authenticates).
    QCOMPARE(call("GET", QStringLiteral("/version")).status, 200);

    // A client certificate signed by the simulator's CA authenticates; one from another CA does not.
    m_ssl.setLocalCertificate(QSslCertificate(options.tlsMaterial.clientCert));
    m_ssl.setPrivateKey(QSslKey(options.tlsMaterial.clientKey, QSsl::Ec));
    m_network = std::make_unique<QNetworkAccessManager>();
    QCOMPARE(call("GET", QStringLiteral("/api/v1/namespaces")).status, 200);
    TlsMaterial stranger;
    QVERIFY(Certificates::generate({}, &stranger, &error));
    m_ssl.setLocalCertificate(QSslCertificate(stranger.clientCert));
    m_ssl.setPrivateKey(QSslKey(stranger.clientKey, QSsl::Ec));
    m_network = std::make_unique<QNetworkAccessManager>();
    QCOMPARE(call("GET", QStringLiteral("/api/v1/namespaces")).status, 401);
}

QTEST_GUILESS_MAIN(TstApiServer)
#include "tst_apiserver.moc"
