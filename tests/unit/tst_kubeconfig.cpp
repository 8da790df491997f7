// kubeconfig: every field, relative paths, the KUBECONFIG merge rules, and errors naming file and line.

#include "models/kube/kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using Gantry::Kube::KubeConfig;
using Gantry::Kube::RestConfig;

namespace {

QString writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
    return path;
}

} // namespace

class TestKubeConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_caPem;
    QByteArray m_certPem;
    QByteArray m_keyPem;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Real PEM material from openssl (present wherever the simulator builds: libssl-dev).
        const QString ca = path(QStringLiteral("pki/ca.crt"));
        const QString key = path(QStringLiteral("pki/client.key"));
        const QString crt = path(QStringLiteral("pki/client.crt"));
        QDir().mkpath(path(QStringLiteral("pki")));
        const int rc1 = QProcess::execute(
            QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), key, QStringLiteral("-out"), crt, QStringLiteral("-days"), QStringLiteral("2"),
             QStringLiteral("-subj"), QStringLiteral("/CN=gantry-test")});
        if (rc1 != 0) {
            QSKIP("openssl is not available to make test certificates");
        }
        QFile::copy(crt, ca);
        QFile f1(ca), f2(crt), f3(key);
        QVERIFY(f1.open(QIODevice::ReadOnly) && f2.open(QIODevice::ReadOnly) && f3.open(QIODevice::ReadOnly));
        m_caPem = f1.readAll();
        m_certPem = f2.readAll();
        m_keyPem = f3.readAll();
    }

    void everyField()
    {
        const QString file =
            writeFile(path(QStringLiteral("all/config")), "apiVersion: v1\n"
                                                          "kind: Config\n"
                                                          "current-context: main\n"
                                                          "clusters:\n"
                                                          "- name: prod\n"
                                                          "  cluster:\n"
                                                          "    server: https://10.0.0.1:6443/prefix\n"
                                                          "    certificate-authority: ../pki/ca.crt\n"
                                                          "    tls-server-name: kubernetes.internal\n"
                                                          "    proxy-url: socks5://127.0.0.1:1080\n"
                                                          "    disable-compression: true\n"
                                                          "    extensions:\n"
                                                          "    - name: client.authentication.k8s.io/exec\n"
                                                          "      extension: {audience: gantry}\n"
                                                          "users:\n"
                                                          "- name: admin\n"
                                                          "  user:\n"
                                                          "    client-certificate: ../pki/client.crt\n"
                                                          "    client-key: ../pki/client.key\n"
                                                          "    token: abc\n"
                                                          "    tokenFile: token.txt\n"
                                                          "    username: alice\n"
                                                          "    password: s3cret\n"
                                                          "    as: bob\n"
                                                          "    as-uid: \"42\"\n"
                                                          "    as-groups: [devs, ops]\n"
                                                          "    as-user-extra: {scopes: [view, edit]}\n"
                                                          "contexts:\n"
                                                          "- name: main\n"
                                                          "  context: {cluster: prod, user: admin, namespace: shop}\n"
                                                          "- name: bare\n"
                                                          "  context: {cluster: prod}\n");
        QString error;
        const auto config = KubeConfig::loadFile(file, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->currentContext(), QStringLiteral("main"));
        QCOMPARE(config->contextNames(), (QStringList{QStringLiteral("main"), QStringLiteral("bare")}));
        const auto rc = config->restConfig(QString(), &error);
        QVERIFY2(rc, qPrintable(error));
        QCOMPARE(rc->contextName, QStringLiteral("main"));
        QCOMPARE(rc->server, QUrl(QStringLiteral("https://10.0.0.1:6443/prefix")));
        QCOMPARE(rc->nameSpace, QStringLiteral("shop"));
        QCOMPARE(rc->caCertificates.size(), 1);
        QVERIFY(!rc->insecureSkipTlsVerify);
        QCOMPARE(rc->tlsServerName, QStringLiteral("kubernetes.internal"));
        QCOMPARE(rc->proxyUrl, QUrl(QStringLiteral("socks5://127.0.0.1:1080")));
        QVERIFY(rc->disableCompression);
        QCOMPARE(rc->execExtension.toObject().value(QLatin1String("audience")).toString(), QStringLiteral("gantry"));
        QVERIFY(!rc->clientCertificate.isNull());
        QVERIFY(!rc->clientKey.isNull());
        QCOMPARE(rc->token, QStringLiteral("abc"));
        // Relative paths resolve against the kubeconfig's folder.
        QCOMPARE(rc->tokenFile, QDir::cleanPath(path(QStringLiteral("all/token.txt"))));
        QCOMPARE(rc->username, QStringLiteral("alice"));
        QCOMPARE(rc->password, QStringLiteral("s3cret"));
        QCOMPARE(rc->impersonate, QStringLiteral("bob"));
        QCOMPARE(rc->impersonateUid, QStringLiteral("42"));
        QCOMPARE(rc->impersonateGroups, (QStringList{QStringLiteral("devs"), QStringLiteral("ops")}));
        QCOMPARE(rc->impersonateUserExtra.value(QStringLiteral("scopes")),
                 (QStringList{QStringLiteral("view"), QStringLiteral("edit")}));

        const auto bare = config->restConfig(QStringLiteral("bare"), &error);
        QVERIFY2(bare, qPrintable(error));
        QCOMPARE(bare->nameSpace, QStringLiteral("default"));
        QVERIFY(bare->token.isEmpty());
    }

    void inlineDataWinsOverFiles()
    {
        const QString file = writeFile(path(QStringLiteral("data/config")),
                                       "clusters:\n"
                                       "- name: c\n"
                                       "  cluster:\n"
                                       "    server: https://127.0.0.1:6443\n"
                                       "    certificate-authority: /does/not/exist.crt\n"
                                       "    certificate-authority-data: " +
                                           m_caPem.toBase64() +
                                           "\n"
                                           "    insecure-skip-tls-verify: false\n"
                                           "users:\n"
                                           "- name: u\n"
                                           "  user:\n"
                                           "    client-certificate-data: " +
                                           m_certPem.toBase64() + "\n    client-key-data: " + m_keyPem.toBase64() +
                                           "\n"
                                           "contexts:\n"
                                           "- {name: x, context: {cluster: c, user: u}}\n");
        QString error;
        const auto config = KubeConfig::loadFile(file, &error);
        QVERIFY2(config, qPrintable(error));
        const auto rc = config->restConfig(QStringLiteral("x"), &error);
        QVERIFY2(rc, qPrintable(error));
        QCOMPARE(rc->caCertificates.size(), 1);
        QVERIFY(!rc->clientCertificate.isNull());
        QCOMPARE(rc->clientCertificate.subjectInfo(QSslCertificate::CommonName).value(0),
                 QStringLiteral("gantry-test"));
    }

    void insecureOnlyWhenSet()
    {
        const QString file =
            writeFile(path(QStringLiteral("insecure/config")),
                      "clusters:\n"
                      "- {name: a, cluster: {server: \"https://a:1\", insecure-skip-tls-verify: true}}\n"
                      "- {name: b, cluster: {server: \"https://b:1\"}}\n"
                      "contexts:\n"
                      "- {name: a, context: {cluster: a}}\n"
                      "- {name: b, context: {cluster: b}}\n");
        QString error;
        const auto config = KubeConfig::loadFile(file, &error);
        QVERIFY2(config, qPrintable(error));
        QVERIFY(config->restConfig(QStringLiteral("a"), &error)->insecureSkipTlsVerify);
        QVERIFY(!config->restConfig(QStringLiteral("b"), &error)->insecureSkipTlsVerify);
    }

    void execPlugins()
    {
        const QString file = writeFile(path(QStringLiteral("exec/config")),
                                       "clusters:\n"
                                       "- {name: c, cluster: {server: \"https://c:1\"}}\n"
                                       "users:\n"
                                       "- name: v1\n"
                                       "  user:\n"
                                       "    exec:\n"
                                       "      apiVersion: client.authentication.k8s.io/v1\n"
                                       "      command: ./bin/get-token\n"
                                       "      args: [--cluster, c]\n"
                                       "      env: [{name: REGION, value: eu}]\n"
                                       "      interactiveMode: Never\n"
                                       "      provideClusterInfo: true\n"
                                       "      installHint: install get-token\n"
                                       "- name: beta\n"
                                       "  user:\n"
                                       "    exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: tok}\n"
                                       "contexts:\n"
                                       "- {name: v1, context: {cluster: c, user: v1}}\n"
                                       "- {name: beta, context: {cluster: c, user: beta}}\n");
        QString error;
        const auto config = KubeConfig::loadFile(file, &error);
        QVERIFY2(config, qPrintable(error));
        const auto v1 = config->restConfig(QStringLiteral("v1"), &error);
        QVERIFY(v1 && v1->exec);
        QCOMPARE(v1->exec->command, QStringLiteral("./bin/get-token"));
        QCOMPARE(v1->exec->baseDirectory, QFileInfo(file).absolutePath());
        QCOMPARE(v1->exec->args, (QStringList{QStringLiteral("--cluster"), QStringLiteral("c")}));
        QCOMPARE(v1->exec->env.value(0).first, QStringLiteral("REGION"));
        QCOMPARE(v1->exec->interactiveMode, QStringLiteral("Never"));
        QVERIFY(v1->exec->provideClusterInfo);
        // v1beta1 defaults interactiveMode to IfAvailable.
        QCOMPARE(config->restConfig(QStringLiteral("beta"), &error)->exec->interactiveMode,
                 QStringLiteral("IfAvailable"));
    }

    void execV1NeedsInteractiveMode()
    {
        const QString file =
            writeFile(path(QStringLiteral("execbad/config")), "users:\n"
                                                              "- name: u\n"
                                                              "  user:\n"
                                                              "    exec:\n"
                                                              "      apiVersion: client.authentication.k8s.io/v1\n"
                                                              "      command: tok\n");
        QString error;
        QVERIFY(!KubeConfig::loadFile(file, &error));
        QVERIFY2(error.startsWith(file + QStringLiteral(":5:")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("interactiveMode must be specified")), qPrintable(error));
    }

    void mergeFirstFileWinsWholeEntry()
    {
        const QString a =
            writeFile(path(QStringLiteral("merge/a")), "current-context: ctx-a\n"
                                                       "clusters:\n"
                                                       "- {name: shared, cluster: {server: \"https://a:1\"}}\n"
                                                       "users:\n"
                                                       "- {name: red-user, user: {token: from-a}}\n"
                                                       "contexts:\n"
                                                       "- {name: ctx-a, context: {cluster: shared, user: red-user}}\n");
        const QString b =
            writeFile(path(QStringLiteral("merge/b")),
                      "current-context: ctx-b\n"
                      "clusters:\n"
                      "- {name: shared, cluster: {server: \"https://b:1\", insecure-skip-tls-verify: true}}\n"
                      "users:\n"
                      "- {name: red-user, user: {token: from-b, username: extra}}\n"
                      "contexts:\n"
                      "- {name: ctx-b, context: {cluster: shared, user: red-user, namespace: bee}}\n");
        QString error;
        auto ab = KubeConfig::loadMerged({a, QString(), path(QStringLiteral("merge/missing")), b}, &error);
        QVERIFY2(ab, qPrintable(error));
        QCOMPARE(ab->currentContext(), QStringLiteral("ctx-a"));
        auto rc = ab->restConfig(QString(), &error);
        QCOMPARE(rc->server.host(), QStringLiteral("a"));
        // A context from b resolves against the merged maps: a's cluster and a's whole user.
        rc = ab->restConfig(QStringLiteral("ctx-b"), &error);
        QVERIFY2(rc, qPrintable(error));
        QCOMPARE(rc->server.host(), QStringLiteral("a"));
        QVERIFY(!rc->insecureSkipTlsVerify);
        QCOMPARE(rc->token, QStringLiteral("from-a"));
        QVERIFY(rc->username.isEmpty()); // b's non-conflicting fields are discarded too
        QCOMPARE(rc->nameSpace, QStringLiteral("bee"));

        auto ba = KubeConfig::loadMerged({b, a}, &error);
        QCOMPARE(ba->currentContext(), QStringLiteral("ctx-b"));
        QCOMPARE(ba->restConfig(QString(), &error)->server.host(), QStringLiteral("b"));
    }

    void kubeconfigEnvironmentVariable()
    {
        const QString a =
            writeFile(path(QStringLiteral("env/a")), "current-context: one\n"
                                                     "clusters: [{name: c, cluster: {server: \"https://one:1\"}}]\n"
                                                     "contexts: [{name: one, context: {cluster: c}}]\n");
        const QString b = writeFile(path(QStringLiteral("env/b")), "contexts: [{name: two, context: {cluster: c}}]\n");
        qputenv("KUBECONFIG", (a + QLatin1Char(':') + b).toUtf8());
        QString error;
        const auto config = KubeConfig::loadDefault(&error);
        qunsetenv("KUBECONFIG");
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->contextNames(), (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
        QCOMPARE(config->restConfig(QStringLiteral("two"), &error)->server.host(), QStringLiteral("one"));
    }

    void errorsNameFileAndLine_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("what");
        QTest::newRow("syntax") << QByteArray("clusters:\n- name: [unclosed\n") << QString() << QStringLiteral(":")
                                << QString();
        QTest::newRow("clusters not a list") << QByteArray("clusters: {a: b}\n") << QString() << QStringLiteral(":1:")
                                             << QStringLiteral("clusters must be a list");
        QTest::newRow("bad base64") << QByteArray("clusters:\n- name: c\n  cluster:\n    server: https://x\n"
                                                  "    certificate-authority-data: \"!!notbase64\"\n")
                                    << QString() << QStringLiteral(":5:") << QStringLiteral("not valid base64");
        QTest::newRow("unknown context") << QByteArray("contexts: [{name: a, context: {cluster: c}}]\n")
                                         << QStringLiteral("prod") << QString()
                                         << QStringLiteral("context \"prod\" is not in the kubeconfig");
        QTest::newRow("missing cluster") << QByteArray("contexts:\n- {name: a, context: {cluster: nope}}\n")
                                         << QStringLiteral("a") << QStringLiteral(":2:")
                                         << QStringLiteral("cluster \"nope\", which is not defined");
        QTest::newRow("missing CA file") << QByteArray("clusters:\n- name: c\n  cluster: {server: \"https://x:1\", "
                                                       "certificate-authority: nope.crt}\n"
                                                       "contexts: [{name: a, context: {cluster: c}}]\n")
                                         << QStringLiteral("a") << QStringLiteral(":2:")
                                         << QStringLiteral("cannot read certificate-authority");
        QTest::newRow("no server") << QByteArray("clusters:\n- {name: c, cluster: {server: \"\"}}\n"
                                                 "contexts: [{name: a, context: {cluster: c}}]\n")
                                   << QStringLiteral("a") << QStringLiteral(":2:") << QStringLiteral("needs a server");
        QTest::newRow("auth-provider") << QByteArray("clusters: [{name: c, cluster: {server: \"https://x:1\"}}]\n"
                                                     "users:\n- {name: u, user: {auth-provider: {name: gcp}}}\n"
                                                     "contexts: [{name: a, context: {cluster: c, user: u}}]\n")
                                       << QStringLiteral("a") << QStringLiteral(":3:")
                                       << QStringLiteral("auth-provider");
    }

    void errorsNameFileAndLine()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, context);
        QFETCH(QString, where);
        QFETCH(QString, what);
        const QString file =
            writeFile(path(QStringLiteral("errors/%1").arg(QString::fromLatin1(QTest::currentDataTag()))), yaml);
        QString error;
        const auto config = KubeConfig::loadFile(file, &error);
        if (config) {
            QVERIFY(!config->restConfig(context, &error));
        }
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(QFileInfo(file).fileName()), qPrintable(error));
        if (!where.isEmpty()) {
            QVERIFY2(error.contains(QFileInfo(file).fileName() + where), qPrintable(error));
        }
        QVERIFY2(error.contains(what), qPrintable(error));
    }

    void missingExplicitFileIsAnError()
    {
        QString error;
        QVERIFY(!KubeConfig::loadFile(path(QStringLiteral("nope/config")), &error));
        QVERIFY2(error.contains(QStringLiteral("nope/config")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestKubeConfig)
#include "tst_kubeconfig.moc"
