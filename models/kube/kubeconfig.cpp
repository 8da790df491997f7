#include "models/kube/kubeconfig.h"

#include "models/catalog/yamltree.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslKey>

namespace Gantry::Kube {

Q_LOGGING_CATEGORY(lcKubeConfig, "gantry.kube.kubeconfig")

namespace {

using Catalog::YamlNode;

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Kube::KubeConfig", text);
}

QString located(const QString &file, int line, int column, const QString &message)
{
    if (line > 0) {
        return QStringLiteral("%1:%2:%3: error: %4").arg(file).arg(line).arg(column).arg(message);
    }
    return QStringLiteral("%1: error: %2").arg(file, message);
}

QString located(const QString &file, const YamlNode &node, const QString &message)
{
    return node.isValid() ? located(file, node.line(), node.column(), message) : located(file, 0, 0, message);
}

QString str(const YamlNode &map, const char *key)
{
    const YamlNode n = map[std::string_view(key)];
    return n.isScalar() ? n.scalar() : QString();
}

bool boolean(const YamlNode &map, const char *key)
{
    const YamlNode n = map[std::string_view(key)];
    if (!n.isScalar()) {
        return false;
    }
    bool value = false;
    return Catalog::yamlPlainIsBool(n.scalarUtf8(), &value) && value;
}

QString resolvePath(const QString &dir, const QString &path)
{
    if (path.isEmpty()) {
        return path;
    }
    QString p = path;
    if (p.startsWith(QLatin1String("~/"))) {
        p = QDir::homePath() + p.mid(1);
    }
    return QDir::isAbsolutePath(p) ? QDir::cleanPath(p) : QDir::cleanPath(QDir(dir).absoluteFilePath(p));
}

bool decodeData(const YamlNode &map, const char *key, QByteArray *out, const QString &file, QString *error)
{
    const YamlNode n = map[std::string_view(key)];
    if (!n.isValid() || n.isNull()) {
        return true;
    }
    const QByteArray raw = QByteArray(n.scalarUtf8().data(), qsizetype(n.scalarUtf8().size())).trimmed();
    auto result = QByteArray::fromBase64Encoding(raw, QByteArray::AbortOnBase64DecodingErrors);
    if (!result) {
        *error = located(file, n, tr("%1 is not valid base64").arg(QLatin1String(key)));
        return false;
    }
    *out = *result;
    return true;
}

QString typeError(const QString &file, const YamlNode &node, const QString &what)
{
    return located(file, node, tr("%1 must be a list of {name: ..., %2: {...}} entries").arg(what, what.chopped(1)));
}

} // namespace

std::optional<KubeConfig> KubeConfig::parse(const QByteArray &yaml, const QString &path, QString *error)
{
    KubeConfig config;
    const QString file = QFileInfo(path).absoluteFilePath();
    const QString dir = QFileInfo(path).absolutePath();
    config.m_files << file;
    std::vector<Catalog::Problem> problems;
    const auto tree = Catalog::YamlTree::parse(yaml, file, &problems);
    for (const auto &p : problems) {
        if (p.isError()) {
            *error = p.toCompilerString();
            return std::nullopt;
        }
    }
    if (!tree || tree->documents().empty()) {
        return config; // an empty file is an empty config
    }
    const YamlNode root = tree->documentRoot(0);
    if (root.isNull()) {
        return config;
    }
    if (!root.isMapping()) {
        *error = located(file, root, tr("a kubeconfig must be a mapping with clusters, users and contexts"));
        return std::nullopt;
    }
    const QString kind = str(root, "kind");
    if (!kind.isEmpty() && kind != QLatin1String("Config")) {
        *error = located(file, root["kind"], tr("kind must be Config, not \"%1\"").arg(kind));
        return std::nullopt;
    }
    config.m_currentContext = str(root, "current-context");

    // clusters
    const YamlNode clusters = root["clusters"];
    if (clusters.isValid() && !clusters.isNull()) {
        if (!clusters.isSequence()) {
            *error = typeError(file, clusters, QStringLiteral("clusters"));
            return std::nullopt;
        }
        for (int i = 0; i < clusters.size(); ++i) {
            const YamlNode item = clusters.at(i);
            const QString name = str(item, "name");
            const YamlNode c = item["cluster"];
            if (!item.isMapping() || name.isEmpty() || !c.isMapping()) {
                *error = located(file, item, tr("each cluster needs a name and a cluster: {server: ...} mapping"));
                return std::nullopt;
            }
            if (config.m_clusters.contains(name)) {
                continue; // first wins within a file as well
            }
            Cluster cluster;
            cluster.name = name;
            cluster.file = file;
            cluster.line = item.line();
            cluster.server = str(c, "server");
            cluster.certificateAuthority = resolvePath(dir, str(c, "certificate-authority"));
            if (!decodeData(c, "certificate-authority-data", &cluster.certificateAuthorityData, file, error)) {
                return std::nullopt;
            }
            cluster.insecureSkipTlsVerify = boolean(c, "insecure-skip-tls-verify");
            cluster.tlsServerName = str(c, "tls-server-name");
            cluster.proxyUrl = str(c, "proxy-url");
            cluster.disableCompression = boolean(c, "disable-compression");
            const YamlNode extensions = c["extensions"];
            if (extensions.isSequence()) {
                for (int e = 0; e < extensions.size(); ++e) {
                    if (str(extensions.at(e), "name") == QLatin1String("client.authentication.k8s.io/exec")) {
                        cluster.execExtension = extensions.at(e)["extension"].toJson();
                    }
                }
            }
            config.m_clusters.insert(name, cluster);
        }
    }

    // users
    const YamlNode users = root["users"];
    if (users.isValid() && !users.isNull()) {
        if (!users.isSequence()) {
            *error = typeError(file, users, QStringLiteral("users"));
            return std::nullopt;
        }
        for (int i = 0; i < users.size(); ++i) {
            const YamlNode item = users.at(i);
            const QString name = str(item, "name");
            YamlNode u = item["user"];
            if (!item.isMapping() || name.isEmpty() || !(u.isMapping() || u.isNull() || !u.isValid())) {
                *error = located(file, item, tr("each user needs a name and a user: {...} mapping"));
                return std::nullopt;
            }
            if (config.m_users.contains(name)) {
                continue;
            }
            User user;
            user.name = name;
            user.file = file;
            user.line = item.line();
            if (u.isMapping()) {
                user.clientCertificate = resolvePath(dir, str(u, "client-certificate"));
                user.clientKey = resolvePath(dir, str(u, "client-key"));
                if (!decodeData(u, "client-certificate-data", &user.clientCertificateData, file, error) ||
                    !decodeData(u, "client-key-data", &user.clientKeyData, file, error)) {
                    return std::nullopt;
                }
                user.token = str(u, "token");
                user.tokenFile = resolvePath(dir, str(u, "tokenFile"));
                user.username = str(u, "username");
                user.password = str(u, "password");
                user.impersonate = str(u, "as");
                user.impersonateUid = str(u, "as-uid");
                const YamlNode groups = u["as-groups"];
                if (groups.isSequence()) {
                    for (int g = 0; g < groups.size(); ++g) {
                        user.impersonateGroups << groups.at(g).scalar();
                    }
                }
                const YamlNode extra = u["as-user-extra"];
                if (extra.isMapping()) {
                    extra.forEachPair([&](const YamlNode &key, const YamlNode &value) {
                        QStringList values;
                        if (value.isSequence()) {
                            value.forEachItem([&](const YamlNode &v) { values << v.scalar(); });
                        } else if (value.isScalar()) {
                            values << value.scalar();
                        }
                        user.impersonateUserExtra.insert(key.scalar(), values);
                    });
                }
                const YamlNode provider = u["auth-provider"];
                if (provider.isMapping()) {
                    user.authProvider = str(provider, "name");
                }
                const YamlNode exec = u["exec"];
                if (exec.isMapping()) {
                    ExecConfig e;
                    e.apiVersion = str(exec, "apiVersion");
                    e.command = str(exec, "command");
                    e.installHint = str(exec, "installHint");
                    e.provideClusterInfo = boolean(exec, "provideClusterInfo");
                    e.interactiveMode = str(exec, "interactiveMode");
                    e.baseDirectory = dir;
                    const YamlNode args = exec["args"];
                    if (args.isSequence()) {
                        args.forEachItem([&](const YamlNode &a) { e.args << a.scalar(); });
                    }
                    const YamlNode env = exec["env"];
                    if (env.isSequence()) {
                        env.forEachItem([&](const YamlNode &v) { e.env.append({str(v, "name"), str(v, "value")}); });
                    }
                    if (e.command.isEmpty()) {
                        *error = located(file, exec, tr("exec needs a command"));
                        return std::nullopt;
                    }
                    if (e.apiVersion != QLatin1String("client.authentication.k8s.io/v1") &&
                        e.apiVersion != QLatin1String("client.authentication.k8s.io/v1beta1")) {
                        *error = located(file, exec,
                                         tr("exec apiVersion must be client.authentication.k8s.io/v1 or v1beta1, not "
                                            "\"%1\"")
                                             .arg(e.apiVersion));
                        return std::nullopt;
                    }
                    if (e.interactiveMode.isEmpty()) {
                        if (e.apiVersion.endsWith(QLatin1String("/v1"))) {
                            *error = located(file, exec,
                                             tr("interactiveMode must be specified for %1 to use exec authentication "
                                                "plugin (Never, IfAvailable or Always)")
                                                 .arg(name));
                            return std::nullopt;
                        }
                        e.interactiveMode = QStringLiteral("IfAvailable");
                    } else if (e.interactiveMode != QLatin1String("Never") &&
                               e.interactiveMode != QLatin1String("IfAvailable") &&
                               e.interactiveMode != QLatin1String("Always")) {
                        *error = located(file, exec["interactiveMode"],
                                         tr("interactiveMode must be Never, IfAvailable or Always, not \"%1\"")
                                             .arg(e.interactiveMode));
                        return std::nullopt;
                    }
                    user.exec = e;
                }
            }
            config.m_users.insert(name, user);
        }
    }

    // contexts
    const YamlNode contexts = root["contexts"];
    if (contexts.isValid() && !contexts.isNull()) {
        if (!contexts.isSequence()) {
            *error = typeError(file, contexts, QStringLiteral("contexts"));
            return std::nullopt;
        }
        for (int i = 0; i < contexts.size(); ++i) {
            const YamlNode item = contexts.at(i);
            const QString name = str(item, "name");
            const YamlNode c = item["context"];
            if (!item.isMapping() || name.isEmpty() || !c.isMapping()) {
                *error = located(file, item, tr("each context needs a name and a context: {cluster, user} mapping"));
                return std::nullopt;
            }
            if (config.m_contexts.contains(name)) {
                continue;
            }
            Context context;
            context.name = name;
            context.file = file;
            context.line = item.line();
            context.cluster = str(c, "cluster");
            context.user = str(c, "user");
            context.nameSpace = str(c, "namespace");
            config.m_contexts.insert(name, context);
            config.m_contextOrder << name;
        }
    }
    return config;
}

std::optional<KubeConfig> KubeConfig::loadFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = located(path, 0, 0, tr("cannot read the kubeconfig: %1").arg(f.errorString()));
        return std::nullopt;
    }
    return parse(f.readAll(), path, error);
}

std::optional<KubeConfig> KubeConfig::loadMerged(const QStringList &paths, QString *error)
{
    KubeConfig merged;
    merged.m_files.clear();
    for (const auto &path : paths) {
        if (path.isEmpty() || !QFileInfo::exists(path)) {
            continue;
        }
        auto one = loadFile(path, error);
        if (!one) {
            return std::nullopt;
        }
        merged.mergeFrom(*one);
    }
    return merged;
}

std::optional<KubeConfig> KubeConfig::loadDefault(QString *error)
{
    const QString env = qEnvironmentVariable("KUBECONFIG");
    if (!env.isEmpty()) {
        return loadMerged(env.split(QDir::listSeparator()), error);
    }
    return loadMerged({QDir::homePath() + QStringLiteral("/.kube/config")}, error);
}

void KubeConfig::mergeFrom(const KubeConfig &other)
{
    if (m_currentContext.isEmpty()) {
        m_currentContext = other.m_currentContext;
    }
    for (auto it = other.m_clusters.cbegin(); it != other.m_clusters.cend(); ++it) {
        if (!m_clusters.contains(it.key())) {
            m_clusters.insert(it.key(), it.value());
        }
    }
    for (auto it = other.m_users.cbegin(); it != other.m_users.cend(); ++it) {
        if (!m_users.contains(it.key())) {
            m_users.insert(it.key(), it.value());
        }
    }
    for (const auto &name : other.m_contextOrder) {
        if (!m_contexts.contains(name)) {
            m_contexts.insert(name, other.m_contexts.value(name));
            m_contextOrder << name;
        }
    }
    m_files << other.m_files;
}

QStringList KubeConfig::contextNames() const
{
    return m_contextOrder;
}

std::optional<RestConfig> KubeConfig::restConfig(const QString &contextName, QString *error) const
{
    const QString name = contextName.isEmpty() ? m_currentContext : contextName;
    const QString files = m_files.join(QLatin1Char(':'));
    if (name.isEmpty()) {
        *error = tr("%1: no context given and the kubeconfig has no current-context; name one of: %2")
                     .arg(files, m_contextOrder.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    if (!m_contexts.contains(name)) {
        *error =
            tr("%1: context \"%2\" is not in the kubeconfig (known: %3); fix the environment's context in "
               "gantry.yaml or add it to the kubeconfig")
                .arg(files, name, m_contextOrder.isEmpty() ? tr("none") : m_contextOrder.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    const Context &context = m_contexts[name];
    if (!m_clusters.contains(context.cluster)) {
        *error = located(context.file, context.line, 0,
                         tr("context \"%1\" names cluster \"%2\", which is not defined").arg(name, context.cluster));
        return std::nullopt;
    }
    const Cluster &cluster = m_clusters[context.cluster];
    RestConfig rc;
    rc.contextName = name;
    rc.clusterName = cluster.name;
    rc.userName = context.user;
    rc.sourceFile = context.file;
    rc.nameSpace = context.nameSpace.isEmpty() ? QStringLiteral("default") : context.nameSpace;
    rc.server = QUrl(cluster.server, QUrl::StrictMode);
    if (cluster.server.isEmpty() || !rc.server.isValid() ||
        (rc.server.scheme() != QLatin1String("https") && rc.server.scheme() != QLatin1String("http")) ||
        rc.server.host().isEmpty()) {
        *error = located(cluster.file, cluster.line, 0,
                         tr("cluster \"%1\" needs a server such as https://host:6443, not \"%2\"")
                             .arg(cluster.name, cluster.server));
        return std::nullopt;
    }
    rc.insecureSkipTlsVerify = cluster.insecureSkipTlsVerify;
    rc.tlsServerName = cluster.tlsServerName;
    rc.disableCompression = cluster.disableCompression;
    rc.execExtension = cluster.execExtension;
    if (!cluster.proxyUrl.isEmpty()) {
        rc.proxyUrl = QUrl(cluster.proxyUrl);
        const QString scheme = rc.proxyUrl.scheme();
        if (!rc.proxyUrl.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https") &&
                                       scheme != QLatin1String("socks5"))) {
            *error = located(cluster.file, cluster.line, 0,
                             tr("cluster \"%1\": proxy-url must be http://, https:// or socks5://, not \"%2\"")
                                 .arg(cluster.name, cluster.proxyUrl));
            return std::nullopt;
        }
    }
    QByteArray caPem = cluster.certificateAuthorityData;
    if (caPem.isEmpty() && !cluster.certificateAuthority.isEmpty()) {
        QFile f(cluster.certificateAuthority);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = located(cluster.file, cluster.line, 0,
                             tr("cluster \"%1\": cannot read certificate-authority %2: %3")
                                 .arg(cluster.name, cluster.certificateAuthority, f.errorString()));
            return std::nullopt;
        }
        caPem = f.readAll();
    }
    if (!caPem.isEmpty()) {
        rc.certificateAuthorityData = caPem;
        rc.caCertificates = QSslCertificate::fromData(caPem, QSsl::Pem);
        if (rc.caCertificates.isEmpty()) {
            *error =
                located(cluster.file, cluster.line, 0,
                        tr("cluster \"%1\": the certificate authority holds no PEM certificate").arg(cluster.name));
            return std::nullopt;
        }
    }

    if (!context.user.isEmpty()) {
        if (!m_users.contains(context.user)) {
            *error = located(context.file, context.line, 0,
                             tr("context \"%1\" names user \"%2\", which is not defined").arg(name, context.user));
            return std::nullopt;
        }
        const User &user = m_users[context.user];
        if (!user.authProvider.isEmpty()) {
            *error = located(user.file, user.line, 0,
                             tr("user \"%1\" uses the auth-provider \"%2\", which Gantry (like current kubectl) does "
                                "not support; use an exec plugin instead")
                                 .arg(user.name, user.authProvider));
            return std::nullopt;
        }
        QByteArray certPem = user.clientCertificateData;
        QByteArray keyPem = user.clientKeyData;
        auto readFile = [&](const QString &path, QByteArray *out, const QString &what) {
            if (path.isEmpty() || !out->isEmpty()) {
                return true;
            }
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly)) {
                *error = located(user.file, user.line, 0,
                                 tr("user \"%1\": cannot read %2 %3: %4").arg(user.name, what, path, f.errorString()));
                return false;
            }
            *out = f.readAll();
            return true;
        };
        if (!readFile(user.clientCertificate, &certPem, QStringLiteral("client-certificate")) ||
            !readFile(user.clientKey, &keyPem, QStringLiteral("client-key"))) {
            return std::nullopt;
        }
        if (!certPem.isEmpty() || !keyPem.isEmpty()) {
            if (certPem.isEmpty() || keyPem.isEmpty()) {
                *error = located(
                    user.file, user.line, 0,
                    tr("user \"%1\": a client certificate needs both the certificate and the key").arg(user.name));
                return std::nullopt;
            }
            const auto certs = QSslCertificate::fromData(certPem, QSsl::Pem);
            QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
            if (key.isNull()) {
                key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
            }
            if (certs.isEmpty() || key.isNull()) {
                *error = located(user.file, user.line, 0,
                                 tr("user \"%1\": the client certificate or key is not valid PEM").arg(user.name));
                return std::nullopt;
            }
            rc.clientCertificate = certs.first();
            rc.clientKey = key;
        }
        rc.token = user.token;
        rc.tokenFile = user.tokenFile;
        rc.username = user.username;
        rc.password = user.password;
        rc.impersonate = user.impersonate;
        rc.impersonateUid = user.impersonateUid;
        rc.impersonateGroups = user.impersonateGroups;
        rc.impersonateUserExtra = user.impersonateUserExtra;
        rc.exec = user.exec;
    }
    if (!rc.isTls() && (!rc.token.isEmpty() || !rc.tokenFile.isEmpty() || !rc.username.isEmpty() || rc.exec ||
                        !rc.clientCertificate.isNull())) {
        qCWarning(lcKubeConfig) << "context" << name << "uses plain http: credentials will not be sent";
    }
    return rc;
}

RestConfig RestConfig::forServer(const QUrl &server)
{
    RestConfig rc;
    rc.server = server;
    rc.nameSpace = QStringLiteral("default");
    return rc;
}

} // namespace Gantry::Kube
