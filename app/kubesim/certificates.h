#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Gantry::KubeSim {

// PEM material for serving TLS and for the kubeconfig the simulator writes.
struct TlsMaterial
{
    QByteArray caCert;
    QByteArray caKey;
    QByteArray serverCert;
    QByteArray serverKey;
    QByteArray clientCert;
    QByteArray clientKey;
};

// Creates the simulator's CA, a server certificate (SANs: the given hosts, 127.0.0.1, localhost)
// and a client certificate (CN kubesim-admin, O system:masters), all ECDSA P-256 via OpenSSL.
class Certificates final
{
public:
    // Reuses ca/server/client files in dir when all are there; otherwise creates what is missing
    // (keeping an existing CA) and writes ca.crt, ca.key, server.crt, server.key, client.crt,
    // client.key atomically (keys 0600). Returns false with *error on failure.
    static bool ensure(const QString &dir, const QStringList &hosts, TlsMaterial *out, QString *error);
    // Creates everything in memory.
    static bool generate(const QStringList &hosts, TlsMaterial *out, QString *error);
    // A client certificate signed by the CA; issues one for commonName (tests use this).
    static bool issueClient(const TlsMaterial &ca, const QString &commonName, QByteArray *certPem, QByteArray *keyPem,
                            QString *error);
    // True when certDer (a peer certificate in DER) carries a valid signature of caPem and is in
    // its validity period; *commonName receives its subject CN.
    static bool verifySignedBy(const QByteArray &certDer, const QByteArray &caPem, QString *commonName);
};

} // namespace Gantry::KubeSim
