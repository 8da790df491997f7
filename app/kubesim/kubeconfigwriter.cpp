#include "app/kubesim/kubeconfigwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace Gantry::KubeSim {

namespace {

// Double-quoted YAML scalar.
QByteArray quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return '"' + escaped.toUtf8() + '"';
}

} // namespace

QByteArray KubeconfigWriter::render(const Settings &settings)
{
    const QByteArray name = quoted(settings.name);
    QByteArray out;
    out += "apiVersion: v1\nkind: Config\n";
    out += "clusters:\n- name: " + name + "\n  cluster:\n    server: " + quoted(settings.server) + "\n";
    if (!settings.caCertPem.isEmpty()) {
        out += "    certificate-authority-data: " + settings.caCertPem.toBase64() + "\n";
    }
    out += "contexts:\n- name: " + name + "\n  context:\n    cluster: " + name + "\n    user: " + name + "\n";
    out += "current-context: " + name + "\n";
    out += "preferences: {}\n";
    out += "users:\n- name: " + name + "\n  user:";
    if (!settings.token.isEmpty()) {
        out += "\n    token: " + quoted(settings.token) + "\n";
    } else if (!settings.clientCertPem.isEmpty() && !settings.clientKeyPem.isEmpty()) {
        out += "\n    client-certificate-data: " + settings.clientCertPem.toBase64() + "\n";
        out += "    client-key-data: " + settings.clientKeyPem.toBase64() + "\n";
    } else {
        out += " {}\n";
    }
    return out;
}

bool KubeconfigWriter::write(const QString &path, const Settings &settings, QString *error)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = QStringLiteral("%1: cannot create the folder").arg(info.absolutePath());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: cannot write the kubeconfig: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(render(settings));
    if (!file.commit()) {
        *error = QStringLiteral("%1: cannot write the kubeconfig: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace Gantry::KubeSim
