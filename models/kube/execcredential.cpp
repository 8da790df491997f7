#include "models/kube/execcredential.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QProcessEnvironment>

namespace Gantry::Kube {

Q_LOGGING_CATEGORY(lcExecCredential, "gantry.kube.execcredential")

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Kube::ExecCredential", text);
}

QDateTime parseTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        t = QDateTime::fromString(text, Qt::ISODate);
    }
    return t.toUTC();
}

} // namespace

ExecCredentialProvider::ExecCredentialProvider(const RestConfig &config)
    : m_config(config)
{}

bool ExecCredentialProvider::credential(Credential *credential, KubeError *error)
{
    // Refresh a little before the expiry, like client-go does on its next request.
    if (m_valid && (!m_cached.expiry.isValid() || QDateTime::currentDateTimeUtc().addSecs(10) < m_cached.expiry)) {
        *credential = m_cached;
        return true;
    }
    if (!run(error)) {
        return false;
    }
    *credential = m_cached;
    return true;
}

bool ExecCredentialProvider::run(KubeError *error)
{
    const ExecConfig &exec = *m_config.exec;
    auto failWith = [&](const QString &detail) {
        error->kind = KubeError::Kind::Config;
        error->context = m_config.displayName();
        error->detail = detail;
        error->message = KubeError::describe(KubeError::Kind::Config, error->context, detail, 0);
        return false;
    };
    if (exec.interactiveMode == QLatin1String("Always")) {
        return failWith(tr("the exec plugin %1 needs a terminal (interactiveMode: Always), which Gantry does not have; "
                           "log in with it in a terminal first or set interactiveMode to IfAvailable")
                            .arg(exec.command));
    }
    ++m_runs;
    QString program = exec.command;
    if (program.contains(QLatin1Char('/')) && QDir::isRelativePath(program)) {
        program = QDir(exec.baseDirectory).absoluteFilePath(program);
    }

    QJsonObject spec{{QStringLiteral("interactive"), false}};
    if (exec.provideClusterInfo) {
        QJsonObject cluster{{QStringLiteral("server"), m_config.server.toString()}};
        if (!m_config.tlsServerName.isEmpty()) {
            cluster.insert(QStringLiteral("tls-server-name"), m_config.tlsServerName);
        }
        if (m_config.insecureSkipTlsVerify) {
            cluster.insert(QStringLiteral("insecure-skip-tls-verify"), true);
        }
        if (!m_config.certificateAuthorityData.isEmpty()) {
            cluster.insert(QStringLiteral("certificate-authority-data"),
                           QString::fromLatin1(m_config.certificateAuthorityData.toBase64()));
        }
        if (!m_config.proxyUrl.isEmpty()) {
            cluster.insert(QStringLiteral("proxy-url"), m_config.proxyUrl.toString());
        }
        if (m_config.disableCompression) {
            cluster.insert(QStringLiteral("disable-compression"), true);
        }
        cluster.insert(QStringLiteral("config"),
                       m_config.execExtension.isUndefined() ? QJsonValue() : m_config.execExtension);
        spec.insert(QStringLiteral("cluster"), cluster);
    }
    const QJsonObject info{{QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                           {QStringLiteral("apiVersion"), exec.apiVersion},
                           {QStringLiteral("spec"), spec}};

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &pair : exec.env) {
        env.insert(pair.first, pair.second);
    }
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"),
               QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact)));
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, exec.args);
    if (!process.waitForStarted(10000)) {
        QString text = tr("cannot run the exec credential plugin \"%1\" (%2)").arg(exec.command, process.errorString());
        if (!exec.installHint.isEmpty()) {
            text += QStringLiteral(". ") + exec.installHint.trimmed();
        }
        return failWith(text);
    }
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(1000);
        return failWith(tr("the exec credential plugin \"%1\" did not finish within 60 s").arg(exec.command));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString stderrText = QString::fromUtf8(process.readAllStandardError()).trimmed().left(500);
        return failWith(tr("the exec credential plugin \"%1\" failed with exit code %2%3")
                            .arg(exec.command)
                            .arg(process.exitCode())
                            .arg(stderrText.isEmpty() ? QString() : QStringLiteral(": ") + stderrText));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(process.readAllStandardOutput(), &parseError);
    const QJsonObject out = doc.object();
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() ||
        out.value(QLatin1String("kind")).toString() != QLatin1String("ExecCredential")) {
        return failWith(tr("the exec credential plugin \"%1\" did not print an ExecCredential").arg(exec.command));
    }
    if (out.value(QLatin1String("apiVersion")).toString() != exec.apiVersion) {
        return failWith(tr("the exec credential plugin \"%1\" answered with apiVersion %2, but the kubeconfig asks for "
                           "%3")
                            .arg(exec.command, out.value(QLatin1String("apiVersion")).toString(), exec.apiVersion));
    }
    const QJsonObject status = out.value(QLatin1String("status")).toObject();
    Credential c;
    c.token = status.value(QLatin1String("token")).toString();
    const QByteArray certPem = status.value(QLatin1String("clientCertificateData")).toString().toUtf8();
    const QByteArray keyPem = status.value(QLatin1String("clientKeyData")).toString().toUtf8();
    if (!certPem.isEmpty() || !keyPem.isEmpty()) {
        const auto certs = QSslCertificate::fromData(certPem, QSsl::Pem);
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull()) {
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        }
        if (certs.isEmpty() || key.isNull()) {
            return failWith(
                tr("the exec credential plugin \"%1\" printed an invalid client certificate or key").arg(exec.command));
        }
        c.clientCertificate = certs.first();
        c.clientKey = key;
    }
    if (c.token.isEmpty() && c.clientCertificate.isNull()) {
        return failWith(
            tr("the exec credential plugin \"%1\" printed neither a token nor a client certificate").arg(exec.command));
    }
    const QString expiry = status.value(QLatin1String("expirationTimestamp")).toString();
    if (!expiry.isEmpty()) {
        c.expiry = parseTime(expiry);
    }
    qCDebug(lcExecCredential) << "exec plugin" << exec.command << "gave a credential, expiry" << c.expiry;
    m_cached = c;
    m_valid = true;
    return true;
}

} // namespace Gantry::Kube
