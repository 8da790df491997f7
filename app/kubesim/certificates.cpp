#include "app/kubesim/certificates.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>

#include <memory>
#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

Q_LOGGING_CATEGORY(lcCertificates, "gantry.kubesim.certificates")

namespace Gantry::KubeSim {

namespace {

struct Free
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Free>;
using CertPtr = std::unique_ptr<X509, Free>;
using BioPtr = std::unique_ptr<BIO, Free>;

KeyPtr newKey()
{
    return KeyPtr(EVP_EC_gen("P-256"));
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

QByteArray certPem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    return bioBytes(bio.get());
}

QByteArray keyPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioBytes(bio.get());
}

CertPtr readCert(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return CertPtr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

KeyPtr readKey(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return KeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData());
    if (!extension) {
        return false;
    }
    const bool ok = X509_add_ext(cert, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return ok;
}

// Issues a certificate for key, signed by issuerKey (self-signed when issuer is null).
CertPtr issue(EVP_PKEY *key, const QString &commonName, const QString &organisation, X509 *issuer, EVP_PKEY *issuerKey,
              const QList<std::pair<int, QByteArray>> &extensions)
{
    CertPtr cert(X509_new());
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *number = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(number, X509_get_serialNumber(cert.get()));
    BN_free(number);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    if (!organisation.isEmpty()) {
        const QByteArray o = organisation.toUtf8();
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(o.constData()), -1,
                                   -1, 0);
    }
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1,
                               -1, 0);
    X509 *signer = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
    for (const auto &extension : extensions) {
        if (!addExtension(cert.get(), signer, extension.first, extension.second)) {
            return nullptr;
        }
    }
    if (X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0) {
        return nullptr;
    }
    return cert;
}

bool makeLeaf(X509 *ca, EVP_PKEY *caKey, const QString &commonName, const QString &organisation, bool server,
              const QStringList &hosts, QByteArray *certOut, QByteArray *keyOut)
{
    KeyPtr key = newKey();
    if (!key) {
        return false;
    }
    QList<std::pair<int, QByteArray>> extensions = {
        {NID_basic_constraints, "critical,CA:FALSE"},
        {NID_key_usage, "critical,digitalSignature,keyEncipherment"},
        {NID_ext_key_usage, server ? "serverAuth" : "clientAuth"},
        {NID_authority_key_identifier, "keyid:always"},
    };
    if (server) {
        QStringList names;
        QStringList all = hosts;
        all << QStringLiteral("127.0.0.1") << QStringLiteral("localhost");
        for (const QString &host : std::as_const(all)) {
            const bool ip = !host.isEmpty() && (host.at(0).isDigit() || host.contains(QLatin1Char(':')));
            const QString entry = (ip ? QStringLiteral("IP:") : QStringLiteral("DNS:")) + host;
            if (!host.isEmpty() && !names.contains(entry)) {
                names.append(entry);
            }
        }
        extensions.append({NID_subject_alt_name, names.join(QLatin1Char(',')).toLatin1()});
    }
    CertPtr cert = issue(key.get(), commonName, organisation, ca, caKey, extensions);
    if (!cert) {
        return false;
    }
    *certOut = certPem(cert.get());
    *keyOut = keyPem(key.get());
    return true;
}

bool makeCa(TlsMaterial *out)
{
    KeyPtr key = newKey();
    if (!key) {
        return false;
    }
    CertPtr cert = issue(key.get(), QStringLiteral("kubesim-ca"), QString(), nullptr, nullptr,
                         {{NID_basic_constraints, "critical,CA:TRUE"},
                          {NID_key_usage, "critical,digitalSignature,keyCertSign,cRLSign"},
                          {NID_subject_key_identifier, "hash"}});
    if (!cert) {
        return false;
    }
    out->caCert = certPem(cert.get());
    out->caKey = keyPem(key.get());
    return true;
}

bool makeLeaves(const QStringList &hosts, TlsMaterial *out)
{
    CertPtr ca = readCert(out->caCert);
    KeyPtr caKey = readKey(out->caKey);
    if (!ca || !caKey) {
        return false;
    }
    return makeLeaf(ca.get(), caKey.get(), QStringLiteral("kubesim"), QString(), true, hosts, &out->serverCert,
                    &out->serverKey) &&
           makeLeaf(ca.get(), caKey.get(), QStringLiteral("kubesim-admin"), QStringLiteral("system:masters"), false, {},
                    &out->clientCert, &out->clientKey);
}

bool writeFile(const QString &path, const QByteArray &data, bool secret, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    if (secret) {
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    file.write(data);
    if (!file.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return QByteArray();
    }
    return file.readAll();
}

} // namespace

bool Certificates::generate(const QStringList &hosts, TlsMaterial *out, QString *error)
{
    if (!makeCa(out) || !makeLeaves(hosts, out)) {
        *error = QStringLiteral("cannot create the simulator's certificates (OpenSSL failed)");
        return false;
    }
    return true;
}

bool Certificates::ensure(const QString &dir, const QStringList &hosts, TlsMaterial *out, QString *error)
{
    QDir folder(dir);
    if (!folder.exists() && !folder.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("%1: cannot create the folder for the certificates").arg(dir);
        return false;
    }
    TlsMaterial material;
    material.caCert = readFile(folder.filePath(QStringLiteral("ca.crt")));
    material.caKey = readFile(folder.filePath(QStringLiteral("ca.key")));
    material.serverCert = readFile(folder.filePath(QStringLiteral("server.crt")));
    material.serverKey = readFile(folder.filePath(QStringLiteral("server.key")));
    material.clientCert = readFile(folder.filePath(QStringLiteral("client.crt")));
    material.clientKey = readFile(folder.filePath(QStringLiteral("client.key")));
    const bool caUsable = readCert(material.caCert) && readKey(material.caKey);
    const bool leavesUsable = readCert(material.serverCert) && readKey(material.serverKey) &&
                              readCert(material.clientCert) && readKey(material.clientKey);
    if (caUsable && leavesUsable) {
        *out = material;
        return true;
    }
    if (!caUsable && !makeCa(&material)) {
        *error = QStringLiteral("cannot create the simulator's CA (OpenSSL failed)");
        return false;
    }
    if (!makeLeaves(hosts, &material)) {
        *error = QStringLiteral("cannot create the simulator's certificates (OpenSSL failed)");
        return false;
    }
    if ((!caUsable && (!writeFile(folder.filePath(QStringLiteral("ca.crt")), material.caCert, false, error) ||
                       !writeFile(folder.filePath(QStringLiteral("ca.key")), material.caKey, true, error))) ||
        !writeFile(folder.filePath(QStringLiteral("server.crt")), material.serverCert, false, error) ||
        !writeFile(folder.filePath(QStringLiteral("server.key")), material.serverKey, true, error) ||
        !writeFile(folder.filePath(QStringLiteral("client.crt")), material.clientCert, false, error) ||
        !writeFile(folder.filePath(QStringLiteral("client.key")), material.clientKey, true, error)) {
        return false;
    }
    *out = material;
    return true;
}

bool Certificates::issueClient(const TlsMaterial &ca, const QString &commonName, QByteArray *certPemOut,
                               QByteArray *keyPemOut, QString *error)
{
    CertPtr caCert = readCert(ca.caCert);
    KeyPtr caKey = readKey(ca.caKey);
    if (!caCert || !caKey ||
        !makeLeaf(caCert.get(), caKey.get(), commonName, QString(), false, {}, certPemOut, keyPemOut)) {
        *error = QStringLiteral("cannot issue a client certificate (OpenSSL failed)");
        return false;
    }
    return true;
}

bool Certificates::verifySignedBy(const QByteArray &certDer, const QByteArray &caPem, QString *commonName)
{
    const unsigned char *data = reinterpret_cast<const unsigned char *>(certDer.constData());
    CertPtr cert(d2i_X509(nullptr, &data, long(certDer.size())));
    CertPtr ca = readCert(caPem);
    if (!cert || !ca) {
        return false;
    }
    EVP_PKEY *caKey = X509_get0_pubkey(ca.get());
    if (!caKey || X509_verify(cert.get(), caKey) != 1) {
        return false;
    }
    if (X509_cmp_current_time(X509_get0_notBefore(cert.get())) > 0 ||
        X509_cmp_current_time(X509_get0_notAfter(cert.get())) < 0) {
        return false;
    }
    char buffer[256] = {};
    X509_NAME_get_text_by_NID(X509_get_subject_name(cert.get()), NID_commonName, buffer, sizeof buffer);
    *commonName = QString::fromUtf8(buffer);
    return true;
}

} // namespace Gantry::KubeSim
