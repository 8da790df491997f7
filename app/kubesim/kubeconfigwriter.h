#pragma once

#include <QByteArray>
#include <QString>

namespace Gantry::KubeSim {

// The kubeconfig gantry-kubesim writes for its clients (kubectl, Gantry, the tests).
class KubeconfigWriter final
{
public:
    struct Settings
    {
        QString name = QStringLiteral("kubesim"); // cluster, user and context name
        QString server;                           // https://127.0.0.1:41234
        QByteArray caCertPem;                     // empty for plain HTTP
        QString token;                            // empty: none
        QByteArray clientCertPem;                 // used when there is no token
        QByteArray clientKeyPem;
    };

    static QByteArray render(const Settings &settings);
    // Writes atomically (QSaveFile, mode 0600); false with *error naming the file on failure.
    static bool write(const QString &path, const Settings &settings, QString *error);
};

} // namespace Gantry::KubeSim
