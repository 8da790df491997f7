// The demo cluster: `gantry demo init` writes a scenario that gantry-kubesim accepts and a kubeconfig
// that works (HTTPS verified against its CA, its token), `gantry demo cluster` serves the demo
// catalog's services in staging and production until it is terminated, and kubectl agrees.

#include "models/kube/kubeconfig.h"
#include "models/workspace/democluster.h"
#include "models/workspace/demoworkspace.h"
#include "models/workspace/workspace.h"

#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using Gantry::Workspace::DemoCluster;
using Gantry::Workspace::Workspace;

namespace {

// The kubernetes-ids of the demo catalog's components, read straight from the resource files.
QSet<QString> catalogKubernetesIds()
{
    QSet<QString> ids;
    static const QRegularExpression annotation(QStringLiteral("backstage\\.io/kubernetes-id:\\s*(\\S+)"));
    QDirIterator it(QStringLiteral(":/demo/catalog/components"), {QStringLiteral("catalog-info.yaml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly)) {
            const auto match = annotation.match(QString::fromUtf8(file.readAll()));
            if (match.hasMatch()) {
                ids.insert(match.captured(1));
            }
        }
    }
    return ids;
}

struct Response
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QJsonObject json;
};

} // namespace

class TestDemoCluster : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_dir;
    QString m_server;
    QString m_token;
    QSslCertificate m_ca;
    std::unique_ptr<QProcess> m_cluster;
    QByteArray m_clusterOut;
    QNetworkAccessManager m_network;

    Response get(const QString &path, bool withToken = true)
    {
        QNetworkRequest request(QUrl(m_server + path));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates({m_ca}); // only the simulator's CA: verification must succeed with it
        request.setSslConfiguration(ssl);
        if (withToken) {
            request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        }
        request.setTransferTimeout(20000);
        QNetworkReply *reply = m_network.get(request);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Response r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        r.errorString = reply->errorString();
        r.json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return r;
    }

    QJsonArray items(const QString &path)
    {
        const Response r = get(path);
        if (r.status != 200) {
            qWarning() << path << r.status << r.errorString;
            return {};
        }
        return r.json.value(QStringLiteral("items")).toArray();
    }

    static QString label(const QJsonValue &item, const QString &key)
    {
        return item[QStringLiteral("metadata")][QStringLiteral("labels")][key].toString();
    }

    static QString firstImage(const QJsonValue &deployment)
    {
        return deployment[QStringLiteral("spec")][QStringLiteral("template")][QStringLiteral("spec")]
                         [QStringLiteral("containers")][0][QStringLiteral("image")]
                             .toString();
    }

    bool listening() const
    {
        QTcpSocket probe;
        probe.connectToHost(QUrl(m_server).host(), quint16(QUrl(m_server).port()));
        return probe.waitForConnected(2000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        if (!QFileInfo(qEnvironmentVariable("GANTRY_KUBESIM")).isExecutable()) {
            QSKIP("GANTRY_KUBESIM does not name the gantry-kubesim executable");
        }
        m_dir = m_tmp.filePath(QStringLiteral("demo"));
    }

    void cleanupTestCase()
    {
        if (m_cluster && m_cluster->state() != QProcess::NotRunning) {
            m_cluster->kill();
            m_cluster->waitForFinished(10000);
        }
    }

    void initWritesClusterAndKubeconfig()
    {
        QProcess init;
        init.start(qEnvironmentVariable("GANTRY_EXECUTABLE"), {QStringLiteral("demo"), QStringLiteral("init"), m_dir});
        QVERIFY(init.waitForFinished(120000));
        QVERIFY2(init.exitCode() == 0, init.readAllStandardError().constData());
        QVERIFY(QString::fromUtf8(init.readAllStandardOutput()).contains(QStringLiteral("demo cluster")));

        for (const char *file : {"cluster.yaml", "kubeconfig", "kubesim/ca.crt"}) {
            QVERIFY2(QFileInfo::exists(m_dir + QLatin1Char('/') + QLatin1String(file)), file);
        }
        QString error;
        const auto workspace = Workspace::load(m_dir, &error);
        QVERIFY2(workspace, qPrintable(error));
        QCOMPARE(workspace->kubeconfig, m_dir + QStringLiteral("/kubeconfig"));
        QFile yaml(m_dir + QStringLiteral("/gantry.yaml"));
        QVERIFY(yaml.open(QIODevice::ReadOnly));
        QVERIFY(yaml.readAll().contains("kubeconfig: ./kubeconfig")); // the folder can move

        // The kubeconfig as Gantry's own client reads it: every environment's context resolves.
        const auto kubeconfig = Gantry::Kube::KubeConfig::loadFile(m_dir + QStringLiteral("/kubeconfig"), &error);
        QVERIFY2(kubeconfig, qPrintable(error));
        for (const auto &environment : workspace->environments) {
            QVERIFY2(kubeconfig->restConfig(environment.context, &error), qPrintable(error));
        }
        const auto context = kubeconfig->contexts().value(DemoCluster::context());
        const auto cluster = kubeconfig->clusters().value(context.cluster);
        m_server = cluster.server;
        m_token = kubeconfig->users().value(context.user).token;
        const QList<QSslCertificate> ca = QSslCertificate::fromData(cluster.certificateAuthorityData);
        QVERIFY2(QUrl(m_server).scheme() == QLatin1String("https") &&
                     QUrl(m_server).host() == QLatin1String("127.0.0.1") && QUrl(m_server).port() > 0,
                 qPrintable(m_server));
        QCOMPARE(m_token, DemoCluster::token());
        QCOMPARE(ca.size(), 1);
        m_ca = ca.first();
    }

    void clusterServesTheKubeconfigAddress()
    {
        QVERIFY(!m_server.isEmpty());
        QVERIFY2(!listening(), "something already listens on the demo's port");
        m_cluster = std::make_unique<QProcess>();
        m_cluster->start(qEnvironmentVariable("GANTRY_EXECUTABLE"),
                         {QStringLiteral("demo"), QStringLiteral("cluster"), m_dir});
        QVERIFY(m_cluster->waitForStarted(30000));
        QTRY_VERIFY_WITH_TIMEOUT(m_cluster->state() != QProcess::Running ||
                                     (m_clusterOut += m_cluster->readAllStandardOutput()).contains('\n'),
                                 60000);
        QVERIFY2(m_cluster->state() == QProcess::Running, m_cluster->readAllStandardError().constData());
        QCOMPARE(QString::fromUtf8(m_clusterOut.left(m_clusterOut.indexOf('\n'))),
                 QStringLiteral("gantry-kubesim: listening on ") + m_server);
    }

    void kubeconfigCredentialsWork()
    {
        QVERIFY(m_cluster);
        const Response anonymous = get(QStringLiteral("/apis/apps/v1/namespaces/staging/deployments"), false);
        QCOMPARE(anonymous.status, 401);
        const Response r = get(QStringLiteral("/apis/apps/v1/namespaces/staging/deployments"));
        QVERIFY2(r.error == QNetworkReply::NoError, qPrintable(r.errorString)); // TLS verified with the CA
        QCOMPARE(r.status, 200);
    }

    void bothEnvironmentsRunTheCatalogsServices()
    {
        QVERIFY(m_cluster);
        const QSet<QString> catalog = catalogKubernetesIds();
        QVERIFY(catalog.size() >= 10);
        QHash<QString, QString> stagingImages;
        const QJsonArray staging = items(QStringLiteral("/apis/apps/v1/namespaces/staging/deployments"));
        QVERIFY2(staging.size() >= 10, qPrintable(QString::number(staging.size())));
        for (const QJsonValue &d : staging) {
            const QString id = label(d, QStringLiteral("backstage.io/kubernetes-id"));
            QVERIFY2(catalog.contains(id), qPrintable(id));
            stagingImages.insert(id, firstImage(d));
        }
        const QJsonArray production = items(QStringLiteral("/apis/apps/v1/namespaces/production/deployments"));
        QSet<QString> productionIds;
        int drifted = 0;
        for (const QJsonValue &d : production) {
            const QString id = label(d, QStringLiteral("backstage.io/kubernetes-id"));
            productionIds.insert(id);
            drifted += firstImage(d) != stagingImages.value(id) ? 1 : 0;
            QVERIFY(!d[QStringLiteral("metadata")][QStringLiteral("annotations")]
                      [QStringLiteral("kubernetes.io/change-cause")]
                          .toString()
                          .isEmpty());
        }
        QCOMPARE(productionIds, QSet<QString>(stagingImages.keyBegin(), stagingImages.keyEnd()));
        QVERIFY2(drifted >= 1, "production should run older versions of some services than staging");

        // Mid-rollout, history for rollback, HPAs and Services.
        int rolling = 0;
        for (const QJsonValue &d : staging) {
            const int desired = d[QStringLiteral("spec")][QStringLiteral("replicas")].toInt();
            rolling += d[QStringLiteral("status")][QStringLiteral("updatedReplicas")].toInt() < desired ||
                               d[QStringLiteral("status")][QStringLiteral("availableReplicas")].toInt() <
                                   d[QStringLiteral("status")][QStringLiteral("updatedReplicas")].toInt()
                           ? 1
                           : 0;
        }
        QVERIFY2(rolling >= 2, "some staging services should be mid-rollout");
        const QJsonArray replicaSets = items(QStringLiteral("/apis/apps/v1/namespaces/production/replicasets"));
        QVERIFY2(replicaSets.size() > production.size(), "deployments should have earlier revisions");
        QVERIFY(
            !items(QStringLiteral("/apis/autoscaling/v2/namespaces/production/horizontalpodautoscalers")).isEmpty());
        QVERIFY(items(QStringLiteral("/api/v1/namespaces/production/services")).size() >= 10);
    }

    void stagingShowsRealProblems()
    {
        QVERIFY(m_cluster);
        // One service cannot pull its image, one crash-loops: what the deploy panel must explain.
        QSet<QString> reasons;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QJsonValue &pod : items(QStringLiteral("/api/v1/namespaces/staging/pods"))) {
                    for (const QJsonValue &status :
                         pod[QStringLiteral("status")][QStringLiteral("containerStatuses")].toArray()) {
                        const QString waiting =
                            status[QStringLiteral("state")][QStringLiteral("waiting")][QStringLiteral("reason")]
                                .toString();
                        if (!waiting.isEmpty()) {
                            reasons.insert(waiting);
                        }
                        if (status[QStringLiteral("restartCount")].toInt() > 0) {
                            reasons.insert(QStringLiteral("restarted"));
                        }
                    }
                }
                return (reasons.contains(QStringLiteral("ErrImagePull")) ||
                        reasons.contains(QStringLiteral("ImagePullBackOff"))) &&
                       (reasons.contains(QStringLiteral("CrashLoopBackOff")) ||
                        reasons.contains(QStringLiteral("restarted")));
            }(),
            60000);
    }

    void kubectlListsThem()
    {
        QVERIFY(m_cluster);
        const QString kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        if (kubectl.isEmpty()) {
            QSKIP("kubectl is not on PATH: the kubeconfig is not checked with kubectl");
        }
        QProcess p;
        p.start(kubectl,
                {QStringLiteral("--kubeconfig"), m_dir + QStringLiteral("/kubeconfig"), QStringLiteral("--cache-dir"),
                 m_tmp.filePath(QStringLiteral("kube-cache")), QStringLiteral("-n"), QStringLiteral("staging"),
                 QStringLiteral("get"), QStringLiteral("deploy")});
        QVERIFY(p.waitForFinished(120000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY2(out.startsWith(QStringLiteral("NAME")) && out.contains(QStringLiteral("UP-TO-DATE")), qPrintable(out));
        for (const QString &id : catalogKubernetesIds()) {
            QVERIFY2(
                out.contains(QRegularExpression(QStringLiteral("^%1\\s").arg(id), QRegularExpression::MultilineOption)),
                qPrintable(id));
        }
    }

    void clusterStopsOnSigterm()
    {
        QVERIFY(m_cluster);
        QVERIFY(m_cluster->state() == QProcess::Running); // it served until now
        m_cluster->terminate();
        QVERIFY(m_cluster->waitForFinished(30000));
        QCOMPARE(m_cluster->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_cluster->exitCode(), 0); // the simulator's own exit code on SIGTERM
        QVERIFY(!listening());
    }

    void initWithoutSimulatorLeavesNothingBehind()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("no-simulator"));
        QString error;
        QVERIFY(!Gantry::Workspace::DemoWorkspace::createWithCluster(
            dir, m_tmp.filePath(QStringLiteral("missing/gantry-kubesim")), &error));
        QVERIFY2(error.contains(QStringLiteral("gantry-kubesim")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(dir)); // trying again later works
    }

    void clusterRefusesANonDemoFolder()
    {
        QProcess p;
        p.start(qEnvironmentVariable("GANTRY_EXECUTABLE"),
                {QStringLiteral("demo"), QStringLiteral("cluster"), m_tmp.filePath(QStringLiteral("nothing"))});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("gantry demo init")));
    }
};

QTEST_GUILESS_MAIN(TestDemoCluster)
#include "tst_democluster.moc"
