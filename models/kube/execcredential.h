#pragma once

#include "models/kube/kubeerror.h"
#include "models/kube/restconfig.h"

#include <QDateTime>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace Gantry::Kube {

// Runs a kubeconfig exec credential plugin (client.authentication.k8s.io/v1 or v1beta1) and caches
// its answer until the credential's expirationTimestamp (or until invalidate(), after a 401).
// The plugin gets KUBERNETES_EXEC_INFO (with the cluster when provideClusterInfo), the configured
// env on top of the inherited environment, and its args. Gantry has no terminal: stdin is never
// offered, so interactiveMode Always fails with a message.
class ExecCredentialProvider final
{
public:
    struct Credential
    {
        QString token;
        QSslCertificate clientCertificate;
        QSslKey clientKey;
        QDateTime expiry; // invalid: does not expire
    };

    explicit ExecCredentialProvider(const RestConfig &config);

    // The cached credential, or runs the plugin. False with *error (kind Config) when it fails.
    bool credential(Credential *credential, KubeError *error);
    void invalidate() { m_valid = false; }
    int runs() const { return m_runs; }

private:
    bool run(KubeError *error);

    RestConfig m_config;
    Credential m_cached;
    bool m_valid = false;
    int m_runs = 0;
};

} // namespace Gantry::Kube
