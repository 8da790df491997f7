// The Kubernetes client against gantry-kubesim over HTTPS: every kind of credential, every kind of
// failure reaching the user as a specific message (never as an empty list), list + watch that
// survives 410 Gone and dropped connections while keeping the last good data, and the rollout rule
// agreeing with real kubectl.

#include "models/kube/deployactions.h"
#include "models/kube/deployledger.h"
#include "models/kube/deploymentstatus.h"
#include "models/kube/informer.h"
#include "models/kube/kubeclient.h"
#include "models/kube/kubeconfig.h"
#include "models/kube/podtablemodel.h"
#include "models/kube/rolloutstatus.h"
#include "models/kube/watchstream.h"
#include "models/workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Gantry::Kube;

namespace {

const QByteArray Scenario = R"(kubernetesVersion: "1.30"
context: sim
auth:
  tokens: [good-token]
  basic: [{username: admin, password: s3cret}]
  clientCertificates: true
  forbiddenTokens: [read-only]
defaults: {readyDelaySeconds: 1, progressDeadlineSeconds: 600}
namespaces:
  - name: staging
    deployments:
      - name: orders
        labels: {app: orders, backstage.io/kubernetes-id: orders}
        replicas: 2
        image: registry.example/orders:1.5.0
      - name: stuck
        labels: {app: stuck}
        replicas: 1
        image: registry.example/stuck:pullfail
        progressDeadlineSeconds: 20
)";

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
}

KubeResult wait(const std::function<void(QObject *, KubeCallback)> &call)
{
    QObject context;
    KubeResult result;
    bool done = false;
    call(&context, [&](const KubeResult &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000)) {
        result.error.kind = KubeError::Kind::Other;
        result.error.message = QStringLiteral("the test timed out");
    }
    return result;
}

} // namespace

class TestKubeClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_sim;
    QUrl m_server;
    QString m_caFile;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A kubeconfig for the simulator with this user section (and extra cluster fields).
    std::optional<RestConfig> config(const QByteArray &user, const QByteArray &clusterExtra = QByteArray(),
                                     const QString &server = QString(), QString *error = nullptr)
    {
        const QByteArray yaml = "clusters:\n- name: sim\n  cluster:\n    server: " +
                                (server.isEmpty() ? m_server.toString() : server).toUtf8() +
                                "\n    certificate-authority: tls/ca.crt\n" + clusterExtra +
                                "users:\n- name: u\n  user:\n" + user +
                                "contexts:\n- {name: sim, context: {cluster: sim, user: u, namespace: staging}}\n"
                                "current-context: sim\n";
        const QString file = path(QStringLiteral("kubeconfig-%1").arg(qHash(yaml)));
        writeFile(file, yaml);
        QString e;
        auto kc = KubeConfig::loadFile(file, &e);
        if (!kc) {
            if (error) {
                *error = e;
            }
            return std::nullopt;
        }
        return kc->restConfig(QString(), error ? error : &e);
    }

    void hook(const QByteArray &verb, const QString &name, const QJsonObject &body = QJsonObject())
    {
        QNetworkAccessManager nam;
        QUrl url = m_server;
        url.setPath(QStringLiteral("/_kubesim/") + name);
        QNetworkRequest request(url);
        request.setRawHeader("Content-Type", "application/json");
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(m_caFile));
        request.setSslConfiguration(ssl);
        QNetworkReply *reply = nam.sendCustomRequest(request, verb, QJsonDocument(body).toJson());
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
        QVERIFY2(reply->error() == QNetworkReply::NoError, qPrintable(reply->errorString()));
        reply->deleteLater();
    }

    void fault(const QString &pathPrefix, const QString &kind, int code, int times)
    {
        QJsonObject body{
            {QStringLiteral("path"), pathPrefix}, {QStringLiteral("kind"), kind}, {QStringLiteral("times"), times}};
        if (code > 0) {
            body.insert(QStringLiteral("code"), code);
        }
        hook("POST", QStringLiteral("faults"), body);
    }

    QString kubectl() const { return QStandardPaths::findExecutable(QStringLiteral("kubectl")); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString sim = qEnvironmentVariable("GANTRY_KUBESIM");
        if (sim.isEmpty() || !QFileInfo::exists(sim)) {
            QSKIP("GANTRY_KUBESIM is not set: the simulator was not built");
        }
        writeFile(path(QStringLiteral("cluster.yaml")), Scenario);
        m_sim.setProgram(sim);
        m_sim.setArguments({QStringLiteral("--scenario"), path(QStringLiteral("cluster.yaml")), QStringLiteral("--tls"),
                            QStringLiteral("--tls-dir"), path(QStringLiteral("tls")), QStringLiteral("--time-scale"),
                            QStringLiteral("0.05")});
        m_sim.setProcessChannelMode(QProcess::SeparateChannels);
        m_sim.start();
        QVERIFY(m_sim.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return m_sim.canReadLine() || m_sim.state() != QProcess::Running; }, 20000));
        const QString line = QString::fromUtf8(m_sim.readLine()).trimmed();
        QVERIFY2(line.startsWith(QLatin1String("gantry-kubesim: listening on https://")),
                 qPrintable(line + QString::fromUtf8(m_sim.readAllStandardError())));
        m_server = QUrl(line.section(QLatin1Char(' '), -1));
        m_caFile = path(QStringLiteral("tls/ca.crt"));
        QVERIFY(QFileInfo::exists(m_caFile));
    }

    void cleanupTestCase()
    {
        if (m_sim.state() != QProcess::NotRunning) {
            m_sim.terminate();
            if (!m_sim.waitForFinished(5000)) {
                m_sim.kill();
                m_sim.waitForFinished(5000);
            }
        }
    }

    // A failed test must not leave faults behind for the next one.
    void cleanup()
    {
        if (m_sim.state() == QProcess::Running) {
            hook("DELETE", QStringLiteral("faults"));
        }
    }

    void everyCredentialKind_data()
    {
        QTest::addColumn<QByteArray>("user");
        QTest::addColumn<QString>("script");
        QTest::newRow("token") << QByteArray("    token: good-token\n") << QString();
        QTest::newRow("tokenFile") << QByteArray("    tokenFile: token.txt\n") << QString();
        QTest::newRow("client certificate") << QByteArray("    client-certificate: tls/client.crt\n"
                                                          "    client-key: tls/client.key\n")
                                            << QString();
        QTest::newRow("basic") << QByteArray("    username: admin\n    password: s3cret\n") << QString();
        QTest::newRow("exec v1") << QByteArray("    exec:\n"
                                               "      apiVersion: client.authentication.k8s.io/v1\n"
                                               "      command: ./plugin-v1.sh\n"
                                               "      args: [one]\n"
                                               "      env: [{name: PLUGIN_TOKEN, value: good-token}]\n"
                                               "      interactiveMode: Never\n"
                                               "      provideClusterInfo: true\n")
                                 << QStringLiteral("v1");
        QTest::newRow("exec v1beta1") << QByteArray("    exec:\n"
                                                    "      apiVersion: client.authentication.k8s.io/v1beta1\n"
                                                    "      command: ./plugin-v1beta1.sh\n"
                                                    "      env: [{name: PLUGIN_TOKEN, value: good-token}]\n")
                                      << QStringLiteral("v1beta1");
    }

    void everyCredentialKind()
    {
        QFETCH(QByteArray, user);
        QFETCH(QString, script);
        writeFile(path(QStringLiteral("token.txt")), "good-token\n");
        if (!script.isEmpty()) {
            // A tiny exec plugin: records its input, prints an ExecCredential.
            const QString file = path(QStringLiteral("plugin-%1.sh").arg(script));
            writeFile(file, "#!/bin/sh\n"
                            "printf '%s' \"$KUBERNETES_EXEC_INFO\" > \"$(dirname \"$0\")/exec-info-" +
                                script.toUtf8() +
                                ".json\"\n"
                                "printf '{\"apiVersion\":\"client.authentication.k8s.io/" +
                                script.toUtf8() +
                                "\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"%s\","
                                "\"expirationTimestamp\":\"2099-01-01T00:00:00Z\"}}' \"$PLUGIN_TOKEN\"\n");
            QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        QString error;
        const auto rc = config(user, QByteArray(), QString(), &error);
        QVERIFY2(rc, qPrintable(error));
        KubeClient client(*rc);
        const KubeResult r = wait([&](QObject *ctx, KubeCallback cb) {
            client.list(ResourceType::deployments().path(QStringLiteral("staging")), ListOptions(), ctx, cb);
        });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QVERIFY(r.object.value(QLatin1String("items")).toArray().size() >= 2);
        if (script == QLatin1String("v1")) {
            QFile info(path(QStringLiteral("exec-info-v1.json")));
            QVERIFY(info.open(QIODevice::ReadOnly));
            const QJsonObject o = QJsonDocument::fromJson(info.readAll()).object();
            QCOMPARE(o.value(QLatin1String("apiVersion")).toString(),
                     QStringLiteral("client.authentication.k8s.io/v1"));
            const QJsonObject cluster =
                o.value(QLatin1String("spec")).toObject().value(QLatin1String("cluster")).toObject();
            QCOMPARE(cluster.value(QLatin1String("server")).toString(), m_server.toString());
            QVERIFY(!cluster.value(QLatin1String("certificate-authority-data")).toString().isEmpty());
        } else if (script == QLatin1String("v1beta1")) {
            QFile info(path(QStringLiteral("exec-info-v1beta1.json")));
            QVERIFY(info.open(QIODevice::ReadOnly));
            const QJsonObject o = QJsonDocument::fromJson(info.readAll()).object();
            QVERIFY(!o.value(QLatin1String("spec")).toObject().contains(QLatin1String("cluster")));
        }
    }

    void execCredentialIsCachedUntilExpiry()
    {
        const QString file = path(QStringLiteral("counting.sh"));
        writeFile(file, "#!/bin/sh\n"
                        "echo run >> \"$(dirname \"$0\")/runs.txt\"\n"
                        "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                        "\"status\":{\"token\":\"good-token\",\"expirationTimestamp\":\"2099-01-01T00:00:00Z\"}}'\n");
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QString error;
        const auto rc = config("    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                               "      command: ./counting.sh\n      interactiveMode: Never\n",
                               QByteArray(), QString(), &error);
        QVERIFY2(rc, qPrintable(error));
        KubeClient client(*rc);
        for (int i = 0; i < 3; ++i) {
            const KubeResult r =
                wait([&](QObject *ctx, KubeCallback cb) { client.get(QStringLiteral("/version"), ctx, cb); });
            QVERIFY2(r.ok(), qPrintable(r.error.message));
        }
        QFile runs(path(QStringLiteral("runs.txt")));
        QVERIFY(runs.open(QIODevice::ReadOnly));
        QCOMPARE(runs.readAll().count('\n'), 1);
    }

    void failuresAreSpecific_data()
    {
        QTest::addColumn<QByteArray>("user");
        QTest::addColumn<QByteArray>("clusterExtra");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("words");
        QTest::newRow("401 bad token") << QByteArray("    token: wrong\n") << QByteArray()
                                       << int(KubeError::Kind::Unauthorized) << QStringLiteral("401");
        QTest::newRow("403 forbidden") << QByteArray("    token: read-only\n") << QByteArray()
                                       << int(KubeError::Kind::Forbidden) << QStringLiteral("403");
        QTest::newRow("TLS name mismatch")
            << QByteArray("    token: good-token\n") << QByteArray("    tls-server-name: other.example\n")
            << int(KubeError::Kind::Tls) << QStringLiteral("not valid for this name");
        QTest::newRow("exec plugin fails")
            << QByteArray("    exec:\n"
                          "      apiVersion: client.authentication.k8s.io/v1\n"
                          "      command: ./no-such-plugin\n"
                          "      interactiveMode: Never\n"
                          "      installHint: install no-such-plugin\n")
            << QByteArray() << int(KubeError::Kind::Config) << QStringLiteral("install no-such-plugin");
    }

    void failuresAreSpecific()
    {
        QFETCH(QByteArray, user);
        QFETCH(QByteArray, clusterExtra);
        QFETCH(int, kind);
        QFETCH(QString, words);
        QString error;
        const auto rc = config(user, clusterExtra, QString(), &error);
        QVERIFY2(rc, qPrintable(error));
        KubeClient client(*rc);
        const KubeResult r = wait([&](QObject *ctx, KubeCallback cb) {
            client.list(ResourceType::deployments().path(QStringLiteral("staging")), ListOptions(), ctx, cb);
        });
        QVERIFY(!r.ok());
        QVERIFY(r.object.isEmpty()); // never an empty list
        QCOMPARE(int(r.error.kind), kind);
        QVERIFY2(r.error.message.contains(words), qPrintable(r.error.message));
        QVERIFY2(r.error.message.contains(QStringLiteral("\"sim\"")), qPrintable(r.error.message));
    }

    void unknownCertificateAuthority()
    {
        // No CA: the system store does not know the simulator's CA.
        writeFile(path(QStringLiteral("noca")), "clusters:\n- {name: sim, cluster: {server: \"" +
                                                    m_server.toString().toUtf8() +
                                                    "\"}}\nusers: [{name: u, user: {token: good-token}}]\n"
                                                    "contexts: [{name: sim, context: {cluster: sim, user: u}}]\n");
        QString error;
        const auto rc =
            KubeConfig::loadFile(path(QStringLiteral("noca")), &error)->restConfig(QStringLiteral("sim"), &error);
        QVERIFY(rc);
        KubeClient client(*rc);
        const KubeResult r =
            wait([&](QObject *ctx, KubeCallback cb) { client.get(QStringLiteral("/version"), ctx, cb); });
        QCOMPARE(int(r.error.kind), int(KubeError::Kind::Tls));
        QVERIFY2(r.error.message.contains(QStringLiteral("unknown certificate authority")),
                 qPrintable(r.error.message));
    }

    void connectionRefused()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QString error;
        const auto rc =
            config("    token: good-token\n", QByteArray(), QStringLiteral("https://127.0.0.1:%1").arg(port), &error);
        QVERIFY2(rc, qPrintable(error));
        KubeClient client(*rc);
        const KubeResult r =
            wait([&](QObject *ctx, KubeCallback cb) { client.get(QStringLiteral("/version"), ctx, cb); });
        QCOMPARE(int(r.error.kind), int(KubeError::Kind::Unreachable));
        QVERIFY2(r.error.message.contains(QStringLiteral("Cannot reach")), qPrintable(r.error.message));
    }

    void injectedFaults_data()
    {
        QTest::addColumn<QString>("kindName");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("kind");
        QTest::newRow("500") << QStringLiteral("status") << 500 << int(KubeError::Kind::Server);
        QTest::newRow("404") << QStringLiteral("status") << 404 << int(KubeError::Kind::NotFound);
        QTest::newRow("malformed JSON") << QStringLiteral("malformed") << 0 << int(KubeError::Kind::Malformed);
        QTest::newRow("hang") << QStringLiteral("hang") << 0 << int(KubeError::Kind::Timeout);
        QTest::newRow("dropped connection") << QStringLiteral("drop") << 0 << int(KubeError::Kind::Unreachable);
    }

    void injectedFaults()
    {
        QFETCH(QString, kindName);
        QFETCH(int, code);
        QFETCH(int, kind);
        // Until cleared: Qt resends an idempotent request once on a dropped connection.
        fault(QStringLiteral("/apis/apps/v1/namespaces/staging/deployments"), kindName, code, -1);
        QString error;
        const auto rc = config("    token: good-token\n", QByteArray(), QString(), &error);
        KubeClient client(*rc);
        client.setTimeout(1500);
        const KubeResult r = wait([&](QObject *ctx, KubeCallback cb) {
            client.list(ResourceType::deployments().path(QStringLiteral("staging")), ListOptions(), ctx, cb);
        });
        QVERIFY(!r.ok());
        QCOMPARE(KubeError::kindName(KubeError::Kind(r.error.kind)), KubeError::kindName(KubeError::Kind(kind)));
        QVERIFY(!r.error.message.isEmpty());
        // Once the fault is gone, the next request works.
        hook("DELETE", QStringLiteral("faults"));
        const KubeResult again = wait([&](QObject *ctx, KubeCallback cb) {
            client.list(ResourceType::deployments().path(QStringLiteral("staging")), ListOptions(), ctx, cb);
        });
        QVERIFY2(again.ok(), qPrintable(again.error.message));
    }

    void pagedListJoinsPages()
    {
        QString error;
        const auto rc = config("    token: good-token\n", QByteArray(), QString(), &error);
        KubeClient client(*rc);
        ListOptions options;
        options.limit = 1;
        const KubeResult r = wait([&](QObject *ctx, KubeCallback cb) {
            client.list(ResourceType::pods().path(QStringLiteral("staging")), options, ctx, cb);
        });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QVERIFY(r.object.value(QLatin1String("items")).toArray().size() >= 3);
        QVERIFY(!r.object.value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("resourceVersion"))
                     .toString()
                     .isEmpty());
    }

    // The deploy panel keeps five watches open per environment. QNetworkAccessManager allows six
    // connections per host, so watches sharing the client's manager would starve a promote's PATCH.
    void manyWatchesDoNotStarveRequests()
    {
        QString error;
        const auto rc = config("    token: good-token\n", QByteArray(), QString(), &error);
        QVERIFY2(rc, qPrintable(error));
        KubeClient client(*rc);
        std::vector<std::unique_ptr<WatchStream>> watches;
        for (int i = 0; i < 10; ++i) {
            ListOptions options;
            options.allowWatchBookmarks = true;
            options.timeoutSeconds = 120;
            watches.emplace_back(client.watch(ResourceType::pods().path(QStringLiteral("staging")), options));
        }
        const KubeResult r = wait([&](QObject *ctx, KubeCallback cb) {
            client.get(ResourceType::deployments().path(QStringLiteral("staging")), ctx, cb);
        });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QVERIFY(!r.object.value(QLatin1String("items")).toArray().isEmpty());
    }

    void applyCreatesThenReplaces()
    {
        QString error;
        const auto rc = config("    token: good-token\n", QByteArray(), QString(), &error);
        KubeClient client(*rc);
        QJsonObject manifest = QJsonDocument::fromJson(R"({"apiVersion":"apps/v1","kind":"Deployment",
            "metadata":{"name":"fresh","labels":{"app":"fresh"}},
            "spec":{"replicas":1,"selector":{"matchLabels":{"app":"fresh"}},
            "template":{"metadata":{"labels":{"app":"fresh"}},"spec":{"containers":[{"name":"app","image":"fresh:1"}]}}}})")
                                   .object();
        KubeResult r = wait([&](QObject *ctx, KubeCallback cb) { client.apply(manifest, QString(), ctx, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.object.value(QLatin1String("metadata")).toObject().value(QLatin1String("namespace")).toString(),
                 QStringLiteral("staging"));
        QJsonObject spec = manifest.value(QLatin1String("spec")).toObject();
        spec.insert(QStringLiteral("replicas"), 3);
        manifest.insert(QStringLiteral("spec"), spec);
        r = wait([&](QObject *ctx, KubeCallback cb) { client.apply(manifest, QString(), ctx, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        r = wait([&](QObject *ctx, KubeCallback cb) {
            client.get(ResourceType::deployments().path(QStringLiteral("staging"), QStringLiteral("fresh")), ctx, cb);
        });
        QCOMPARE(r.object.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 3);
        r = wait([&](QObject *ctx, KubeCallback cb) {
            client.remove(ResourceType::deployments().path(QStringLiteral("staging"), QStringLiteral("fresh")), ctx,
                          cb);
        });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
    }

    void watchSurvivesDropsAnd410AndKeepsLastGoodData()
    {
        QString error;
        const auto rc = config("    token: good-token\n", QByteArray(), QString(), &error);
        KubeClient client(*rc);
        client.setTimeout(2000);
        Informer informer(&client, ResourceType::deployments(), QStringLiteral("staging"));
        informer.setLabelSelector(QStringLiteral("app=orders"));
        informer.setBackoff(50, 200);
        informer.setCoalesceInterval(10);
        informer.start();
        QTRY_VERIFY_WITH_TIMEOUT(informer.hasSynced(), 20000);
        QCOMPARE(informer.size(), 1);
        const QString objectPath =
            ResourceType::deployments().path(QStringLiteral("staging"), QStringLiteral("orders"));
        auto replicas = [&] {
            return informer.object(QStringLiteral("orders"))
                .value(QLatin1String("spec"))
                .toObject()
                .value(QLatin1String("replicas"))
                .toInt();
        };

        // A dropped watch connection: the informer watches again from where it was.
        const int rewatchesBefore = informer.rewatches();
        hook("POST", QStringLiteral("drop-watches"));
        QTRY_VERIFY_WITH_TIMEOUT(informer.rewatches() > rewatchesBefore, 20000);
        KubeResult r = wait([&](QObject *ctx, KubeCallback cb) { client.scale(objectPath, 3, ctx, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QTRY_COMPARE_WITH_TIMEOUT(replicas(), 3, 20000);
        // Settled: no more changes to the watched deployment from the controller.
        QTRY_VERIFY_WITH_TIMEOUT(deploymentRolloutStatus(informer.object(QStringLiteral("orders"))).isDone(), 20000);

        // History compacted past the informer's version (a change it does not watch moves the
        // cluster on), then the watch drops: resuming gets 410 Gone and the informer relists.
        const int relistsBefore = informer.relists();
        const QJsonObject other = QJsonDocument::fromJson(R"({"apiVersion":"v1","kind":"Service",
            "metadata":{"name":"bump","labels":{"app":"bump"}},"spec":{"ports":[{"port":80}]}})")
                                      .object();
        r = wait([&](QObject *ctx, KubeCallback cb) { client.apply(other, QString(), ctx, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        hook("POST", QStringLiteral("compact"));
        hook("POST", QStringLiteral("drop-watches"));
        QTRY_VERIFY_WITH_TIMEOUT(informer.relists() > relistsBefore, 20000);
        r = wait([&](QObject *ctx, KubeCallback cb) { client.scale(objectPath, 2, ctx, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QTRY_COMPARE_WITH_TIMEOUT(replicas(), 2, 20000);
        QVERIFY(!informer.error().isError());

        // The API fails (500) while the watch is re-established: the error is shown, the data stays.
        QSignalSpy errors(&informer, &Informer::errorChanged);
        fault(QStringLiteral("/apis/apps/v1/namespaces/staging/deployments"), QStringLiteral("status"), 500, -1);
        hook("POST", QStringLiteral("drop-watches"));
        QTRY_COMPARE_WITH_TIMEOUT(int(informer.error().kind), int(KubeError::Kind::Server), 20000);
        QVERIFY(informer.hasSynced());
        QCOMPARE(informer.size(), 1);
        QCOMPARE(replicas(), 2);
        QVERIFY(informer.error().message.contains(QStringLiteral("500")));

        // Unreachable (connections dropped): still the last good data, a different message.
        hook("DELETE", QStringLiteral("faults"));
        fault(QStringLiteral("/apis/apps/v1/namespaces/staging/deployments"), QStringLiteral("drop"), 0, -1);
        hook("POST", QStringLiteral("drop-watches")); // in case a retry got through in between
        QTRY_COMPARE_WITH_TIMEOUT(int(informer.error().kind), int(KubeError::Kind::Unreachable), 20000);
        QCOMPARE(informer.size(), 1);

        // Recovery clears the error.
        hook("DELETE", QStringLiteral("faults"));
        informer.retryNow();
        QTRY_VERIFY_WITH_TIMEOUT(!informer.error().isError(), 20000);
        QCOMPARE(informer.size(), 1);
        QVERIFY(errors.count() >= 3);
    }

    void statusServiceFollowsTheClusterLive()
    {
        QString error;
        const auto rc = config("    token: good-token\n", QByteArray(), QString(), &error);
        QVERIFY2(rc, qPrintable(error));
        Gantry::Workspace::Workspace workspace;
        // The kubeconfig written by config() for this user.
        const QByteArray yaml = "clusters:\n- name: sim\n  cluster:\n    server: " + m_server.toString().toUtf8() +
                                "\n    certificate-authority: tls/ca.crt\nusers:\n- name: u\n  user:\n"
                                "    token: good-token\ncontexts:\n- {name: sim, context: {cluster: sim, user: u}}\n";
        workspace.kubeconfig = path(QStringLiteral("status-kubeconfig"));
        writeFile(workspace.kubeconfig, yaml);
        workspace.environments.push_back(
            {QStringLiteral("staging"), QStringLiteral("sim"), QStringLiteral("{service}")});
        workspace.environments.push_back(
            {QStringLiteral("nowhere"), QStringLiteral("no-such-context"), QStringLiteral("x")});
        WorkloadSelector selector = WorkloadSelector::fromKubernetesId(QStringLiteral("orders"));
        selector.service = QStringLiteral("staging"); // "{service}" expands to the namespace name here
        DeploymentStatusService service(workspace, selector);
        service.setCoalesceInterval(20);
        QAbstractItemModelTester tester(service.podModel(QStringLiteral("staging")),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&service, &DeploymentStatusService::changed);
        service.start();
        QTRY_VERIFY_WITH_TIMEOUT(service.isSettled(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(service.status(QStringLiteral("staging")).loaded, 20000);
        EnvironmentStatus staging = service.status(QStringLiteral("staging"));
        QCOMPARE(staging.nameSpace, QStringLiteral("staging"));
        QCOMPARE(staging.deployments.size(), size_t(1));
        QCOMPARE(staging.deployments.front().image(), QStringLiteral("registry.example/orders:1.5.0"));
        QVERIFY(service.podModel(QStringLiteral("staging"))->rowCount() >= 2);
        // A bad context is reported as such, not as "no workloads".
        const EnvironmentStatus nowhere = service.status(QStringLiteral("nowhere"));
        QCOMPARE(int(nowhere.error.kind), int(KubeError::Kind::Config));
        QVERIFY2(nowhere.error.message.contains(QStringLiteral("no-such-context")), qPrintable(nowhere.error.message));
        QVERIFY(!nowhere.loaded);

        // Live: a scale shows up through the watch.
        KubeClient client(*rc);
        const QString objectPath =
            ResourceType::deployments().path(QStringLiteral("staging"), QStringLiteral("orders"));
        KubeResult r = wait([&](QObject *ctx, KubeCallback cb) { client.scale(objectPath, 4, ctx, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QTRY_COMPARE_WITH_TIMEOUT(service.status(QStringLiteral("staging")).deployments.front().desired, 4, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(service.status(QStringLiteral("staging")).deployments.front().rollout.isDone(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(service.podModel(QStringLiteral("staging"))->rowCount(), 4, 20000);

        // The cluster goes away: the error shows, the last good data stays (stale).
        fault(QStringLiteral("/api"), QStringLiteral("status"), 503, -1);
        hook("POST", QStringLiteral("drop-watches"));
        QTRY_VERIFY_WITH_TIMEOUT(service.status(QStringLiteral("staging")).error.isError(), 20000);
        staging = service.status(QStringLiteral("staging"));
        QVERIFY(staging.stale);
        QCOMPARE(staging.deployments.front().desired, 4);
        QVERIFY(!staging.isHealthy());
        hook("DELETE", QStringLiteral("faults"));
        service.retry();
        QTRY_VERIFY_WITH_TIMEOUT(!service.status(QStringLiteral("staging")).error.isError(), 20000);
        r = wait([&](QObject *ctx, KubeCallback cb) { client.scale(objectPath, 2, ctx, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        service.stop();
    }

    void restartAndScaleAreRecorded()
    {
        QString error;
        const auto rc = config("    token: good-token\n", QByteArray(), QString(), &error);
        QVERIFY2(rc, qPrintable(error));
        KubeClient client(*rc);
        DeployLedger ledger(path(QStringLiteral("ledger.sqlite")));
        QVERIFY2(ledger.open(&error), qPrintable(error));
        auto run = [&](DeployOperation::Action action, int replicas) {
            DeployOperation::Request request;
            request.action = action;
            request.service = QStringLiteral("orders");
            request.workspace = QStringLiteral("/test/gantry.yaml");
            request.environment = QStringLiteral("staging");
            request.client = &client;
            request.nameSpace = QStringLiteral("staging");
            request.deployment = QStringLiteral("orders");
            request.replicas = replicas;
            request.timeoutMs = 30000;
            request.ledger = &ledger;
            request.actor = QStringLiteral("tester");
            DeployOperation op(request);
            QSignalSpy finished(&op, &DeployOperation::finished);
            QSignalSpy progress(&op, &DeployOperation::progress);
            op.start();
            if (!finished.wait(40000) && finished.isEmpty()) {
                return DeployOutcome();
            }
            return finished.first().first().value<DeployOutcome>();
        };
        DeployOutcome outcome = run(DeployOperation::Action::Scale, 3);
        QVERIFY2(outcome.result == DeployOutcome::Result::Succeeded, qPrintable(outcome.message));
        QCOMPARE(outcome.message, QStringLiteral("deployment \"orders\" successfully rolled out"));
        outcome = run(DeployOperation::Action::Restart, -1);
        QVERIFY2(outcome.result == DeployOutcome::Result::Succeeded, qPrintable(outcome.message));
        const KubeResult r = wait([&](QObject *ctx, KubeCallback cb) {
            client.get(ResourceType::deployments().path(QStringLiteral("staging"), QStringLiteral("orders")), ctx, cb);
        });
        QCOMPARE(r.object.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 3);
        QVERIFY(!r.object.value(QLatin1String("spec"))
                     .toObject()
                     .value(QLatin1String("template"))
                     .toObject()
                     .value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("annotations"))
                     .toObject()
                     .value(QLatin1String("kubectl.kubernetes.io/restartedAt"))
                     .toString()
                     .isEmpty());
        outcome = run(DeployOperation::Action::Scale, 2);
        QVERIFY2(outcome.result == DeployOutcome::Result::Succeeded, qPrintable(outcome.message));
        const auto rows = ledger.entries();
        QCOMPARE(rows.size(), size_t(3));
        QCOMPARE(rows[2].action, QStringLiteral("scale"));
        QCOMPARE(rows[2].detail, QStringLiteral("replicas 2 → 3"));
        QCOMPARE(rows[1].action, QStringLiteral("restart"));
        for (const auto &row : rows) {
            QCOMPARE(row.outcome, QStringLiteral("succeeded"));
            QVERIFY(row.rolloutMs >= 0);
            QCOMPARE(row.actor, QStringLiteral("tester"));
        }
    }

    void rolloutRuleAgreesWithKubectl_data()
    {
        QTest::addColumn<QString>("deployment");
        QTest::addColumn<int>("state");
        QTest::newRow("rolled out") << QStringLiteral("orders") << int(RolloutStatus::State::Done);
        QTest::newRow("progress deadline") << QStringLiteral("stuck") << int(RolloutStatus::State::Failed);
    }

    void rolloutRuleAgreesWithKubectl()
    {
        QFETCH(QString, deployment);
        QFETCH(int, state);
        QString error;
        const auto rc = config("    token: good-token\n", QByteArray(), QString(), &error);
        KubeClient client(*rc);
        const QString objectPath = ResourceType::deployments().path(QStringLiteral("staging"), deployment);
        RolloutStatus ours;
        QTRY_VERIFY_WITH_TIMEOUT((ours = deploymentRolloutStatus(wait([&](QObject *ctx, KubeCallback cb) {
                                                                     client.get(objectPath, ctx, cb);
                                                                 }).object),
                                  int(ours.state) == state),
                                 30000);
        if (kubectl().isEmpty()) {
            QSKIP("kubectl is not on PATH: cannot compare with kubectl rollout status");
        }
        const QByteArray kubeconfig =
            "clusters:\n- name: sim\n  cluster:\n    server: " + m_server.toString().toUtf8() +
            "\n    certificate-authority: " + m_caFile.toUtf8() +
            "\nusers: [{name: u, user: {token: good-token}}]\n"
            "contexts: [{name: sim, context: {cluster: sim, user: u, namespace: staging}}]\n"
            "current-context: sim\n";
        writeFile(path(QStringLiteral("kubectl-config")), kubeconfig);
        QProcess p;
        p.start(kubectl(),
                {QStringLiteral("--kubeconfig"), path(QStringLiteral("kubectl-config")), QStringLiteral("--cache-dir"),
                 path(QStringLiteral("kubectl-cache")), QStringLiteral("rollout"), QStringLiteral("status"),
                 QStringLiteral("deployment/") + deployment, QStringLiteral("--watch=false")});
        QVERIFY(p.waitForFinished(60000));
        const QString output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed();
        if (state == int(RolloutStatus::State::Done)) {
            QCOMPARE(p.exitCode(), 0);
            QCOMPARE(output, ours.message);
        } else {
            QCOMPARE(p.exitCode(), 1);
            QCOMPARE(output, QStringLiteral("error: ") + ours.message);
        }
    }
};

QTEST_GUILESS_MAIN(TestKubeClient)
#include "tst_kubeclient.moc"
