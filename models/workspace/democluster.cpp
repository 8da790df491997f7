#include "models/workspace/democluster.h"

#include "models/workspace/simulatorprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QThread>
#include <QUrl>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

Q_LOGGING_CATEGORY(lcDemoCluster, "gantry.workspace.democluster")

namespace Gantry::Workspace {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Workspace::DemoCluster", text);
}

const QLatin1String kComponentsRoot(":/demo/catalog/components");
const char *const kRegistry = "registry.acmefreight.example/";
constexpr int kMinimumServices = 10;

// A deployable component of the demo catalog.
struct Service
{
    std::string id;   // backstage.io/kubernetes-id: the Deployment's name and label value
    std::string type; // service, website, ...
};

// What the demo shows for a service, chosen by name (falling back to the next free service when
// the catalog lacks that name) so that the story stays the same when the catalog grows.
enum class Role {
    Steady,             // both environments on the same, healthy version
    ProductionBehind,   // production one version behind staging
    StagingRolling,     // staging mid-rollout (slow readiness)
    ProductionRolling,  // production mid-rollout (slow readiness)
    StagingCrashLoop,   // staging rolling out a version that crash-loops
    StagingPullFailure, // staging rolling out an image that cannot be pulled
};

struct Version
{
    int major = 1;
    int minor = 1;
    int patch = 0;

    std::string text() const
    {
        return std::to_string(major) + '.' + std::to_string(minor) + '.' + std::to_string(patch);
    }
    Version previous() const
    {
        if (patch > 0) {
            return {major, minor, patch - 1};
        }
        if (minor > 0) {
            return {major, minor - 1, 3};
        }
        return {std::max(1, major - 1), 9, 2};
    }
};

// FNV-1a: a stable hash (qHash is seeded per process), so the demo is the same every time.
quint32 stableHash(const std::string &text)
{
    quint32 hash = 2166136261u;
    for (const unsigned char c : text) {
        hash = (hash ^ c) * 16777619u;
    }
    // Murmur3's finaliser: similar names ("billing-service", "booking-service") get unrelated versions.
    hash ^= hash >> 16;
    hash *= 0x85ebca6bu;
    hash ^= hash >> 13;
    hash *= 0xc2b2ae35u;
    hash ^= hash >> 16;
    return hash;
}

Version currentVersion(const std::string &id)
{
    const quint32 h = stableHash(id);
    return {int(1 + h % 4), int(1 + (h / 4) % 14), int((h / 56) % 10)};
}

std::string image(const std::string &id, const std::string &tag)
{
    return kRegistry + id + ':' + tag;
}

bool readServices(std::vector<Service> *services, QString *error)
{
    QDirIterator it(kComponentsRoot, {QStringLiteral("catalog-info.yaml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("cannot read %1: %2").arg(path, file.errorString());
            return false;
        }
        try {
            for (const YAML::Node &doc : YAML::LoadAll(file.readAll().toStdString())) {
                if (!doc.IsMap() || doc["kind"].as<std::string>("") != "Component") {
                    continue;
                }
                const YAML::Node annotations = doc["metadata"]["annotations"];
                const std::string id =
                    annotations.IsMap() ? annotations["backstage.io/kubernetes-id"].as<std::string>("") : std::string();
                if (!id.empty()) {
                    services->push_back({id, doc["spec"]["type"].as<std::string>("service")});
                }
            }
        } catch (const YAML::Exception &e) {
            *error = tr("%1:%2:%3: error: %4")
                         .arg(path)
                         .arg(e.mark.line + 1)
                         .arg(e.mark.column + 1)
                         .arg(QString::fromStdString(e.msg));
            return false;
        }
    }
    std::sort(services->begin(), services->end(), [](const Service &a, const Service &b) { return a.id < b.id; });
    services->erase(std::unique(services->begin(), services->end(),
                                [](const Service &a, const Service &b) { return a.id == b.id; }),
                    services->end());
    return true;
}

std::map<std::string, Role> assignRoles(const std::vector<Service> &services)
{
    std::map<std::string, Role> roles;
    for (const Service &s : services) {
        roles[s.id] = Role::Steady;
    }
    std::set<std::string> taken;
    const auto pick = [&](const char *preferred, Role role) {
        std::string id = preferred;
        if (!roles.count(id) || taken.count(id)) {
            id.clear();
            for (const Service &s : services) {
                if (!taken.count(s.id)) {
                    id = s.id;
                    break;
                }
            }
        }
        if (!id.empty()) {
            roles[id] = role;
            taken.insert(id);
        }
    };
    pick("eta-predictor", Role::StagingCrashLoop);
    pick("customs-docs-service", Role::StagingPullFailure);
    pick("shipment-service", Role::StagingRolling);
    pick("route-optimizer", Role::StagingRolling);
    pick("tracking-service", Role::ProductionRolling);
    pick("payment-service", Role::ProductionBehind);
    pick("billing-service", Role::ProductionBehind);
    pick("auth-service", Role::ProductionBehind);
    pick("notification-service", Role::ProductionBehind);
    pick("rates-service", Role::ProductionBehind);
    return roles;
}

bool hasHpa(const std::string &id)
{
    static const std::set<std::string> withHpa = {"api-gateway", "auth-service", "shipment-service",
                                                  "tracking-ingest-worker", "tracking-service"};
    return withHpa.count(id) > 0;
}

// One Deployment of the scenario.
struct DeploymentSpec
{
    std::string id;
    std::string type;
    int replicas = 2;
    std::string image;
    std::vector<std::string> history; // oldest first
    std::string rollingFrom;
    int readyDelaySeconds = 0; // 0: the scenario's default
    int progressDeadlineSeconds = 0;
    std::string changeCause;
};

int buildNumber(const std::string &id, const Version &v)
{
    return int(1000 + stableHash(id + v.text()) % 9000);
}

void emitDeployment(YAML::Emitter &out, const DeploymentSpec &d, bool production)
{
    out << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << d.id;
    out << YAML::Key << "labels" << YAML::Value << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "app" << YAML::Value << d.id;
    out << YAML::Key << "backstage.io/kubernetes-id" << YAML::Value << d.id;
    out << YAML::Key << "tier" << YAML::Value << d.type;
    out << YAML::EndMap;
    out << YAML::Key << "replicas" << YAML::Value << d.replicas;
    out << YAML::Key << "image" << YAML::Value << d.image;
    if (!d.history.empty()) {
        out << YAML::Key << "history" << YAML::Value << YAML::BeginSeq;
        for (const std::string &h : d.history) {
            out << h;
        }
        out << YAML::EndSeq;
    }
    if (!d.rollingFrom.empty()) {
        out << YAML::Key << "rollingFrom" << YAML::Value << d.rollingFrom;
    }
    if (d.readyDelaySeconds > 0) {
        out << YAML::Key << "readyDelaySeconds" << YAML::Value << d.readyDelaySeconds;
    }
    if (d.progressDeadlineSeconds > 0) {
        out << YAML::Key << "progressDeadlineSeconds" << YAML::Value << d.progressDeadlineSeconds;
    }
    out << YAML::Key << "strategy" << YAML::Value << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "maxSurge" << YAML::Value << "25%";
    out << YAML::Key << "maxUnavailable" << YAML::Value << "25%";
    out << YAML::EndMap;
    out << YAML::Key << "annotations" << YAML::Value << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "kubernetes.io/change-cause" << YAML::Value << YAML::DoubleQuoted << d.changeCause;
    out << YAML::EndMap;
    if (hasHpa(d.id)) {
        out << YAML::Key << "hpa" << YAML::Value << YAML::Flow << YAML::BeginMap;
        out << YAML::Key << "minReplicas" << YAML::Value << d.replicas;
        out << YAML::Key << "maxReplicas" << YAML::Value << d.replicas * (production ? 3 : 2);
        out << YAML::Key << "targetCPUUtilizationPercentage" << YAML::Value << 70;
        out << YAML::EndMap;
    }
    out << YAML::Key << "service" << YAML::Value << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "port" << YAML::Value << 80;
    out << YAML::Key << "targetPort" << YAML::Value << 8080;
    out << YAML::EndMap;
    out << YAML::EndMap;
}

DeploymentSpec deployment(const Service &s, Role role, bool production)
{
    DeploymentSpec d;
    d.id = s.id;
    d.type = s.type;
    d.replicas = production ? 3 : 2;
    if (production && (s.id == "api-gateway" || s.id == "tracking-ingest-worker")) {
        d.replicas = 4;
    }
    const Version latest = currentVersion(s.id);
    const Version v1 = latest.previous();
    const Version v2 = v1.previous();
    const Version v3 = v2.previous();
    const auto deployed = [&](const Version &v) {
        return production ? "promote " + v.text() + " from staging"
                          : "deploy " + v.text() + " from main (CI #" + std::to_string(buildNumber(s.id, v)) + ')';
    };

    // Staging normally runs `latest`; production the same, or one version behind.
    Version current = latest;
    bool rolling = false;
    switch (role) {
    case Role::Steady:
        break;
    case Role::ProductionBehind:
        if (production) {
            current = v1;
        }
        break;
    case Role::StagingRolling:
        rolling = !production;
        d.readyDelaySeconds = 75 + int(stableHash(s.id) % 60);
        if (production) {
            current = v1;
        }
        break;
    case Role::ProductionRolling:
        rolling = production;
        d.readyDelaySeconds = 90 + int(stableHash(s.id) % 60);
        break;
    case Role::StagingCrashLoop:
    case Role::StagingPullFailure:
        if (production) {
            current = v1; // the last good version; staging's new one is broken
        }
        break;
    }
    if (!rolling) {
        d.readyDelaySeconds = 0; // only the rollouts the demo shows are slow
    }

    d.image = image(s.id, current.text());
    d.changeCause = deployed(current);
    const Version before = current.previous();
    d.history = {image(s.id, before.previous().previous().text()), image(s.id, before.previous().text()),
                 image(s.id, before.text())};
    if (rolling) {
        d.rollingFrom = image(s.id, before.text());
    }
    if (!production && role == Role::StagingCrashLoop) {
        // The new build crashes at start-up; the old pods keep serving until the deadline.
        d.image = image(s.id, latest.text() + "-crashloop");
        d.rollingFrom = image(s.id, v1.text());
        d.history = {image(s.id, v3.text()), image(s.id, v2.text()), image(s.id, v1.text())};
        d.progressDeadlineSeconds = 300;
        d.changeCause = deployed(latest);
    } else if (!production && role == Role::StagingPullFailure) {
        // A tag that was never pushed: ErrImagePull, ImagePullBackOff, then the progress deadline.
        d.image = image(s.id, latest.text() + "-pullfail");
        d.rollingFrom = image(s.id, v1.text());
        d.history = {image(s.id, v3.text()), image(s.id, v2.text()), image(s.id, v1.text())};
        d.progressDeadlineSeconds = 120;
        d.changeCause = deployed(latest);
    }
    return d;
}

// The server URL of the kubeconfig's demo context (or its only cluster).
QString kubeconfigServer(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    try {
        const YAML::Node root = YAML::Load(file.readAll().toStdString());
        std::string clusterName;
        const std::string context = DemoCluster::context().toStdString();
        for (const YAML::Node &c : root["contexts"]) {
            if (c["name"].as<std::string>("") == context) {
                clusterName = c["context"]["cluster"].as<std::string>("");
            }
        }
        for (const YAML::Node &c : root["clusters"]) {
            if (clusterName.empty() || c["name"].as<std::string>("") == clusterName) {
                const std::string server = c["cluster"]["server"].as<std::string>("");
                if (!server.empty()) {
                    return QString::fromStdString(server);
                }
            }
        }
    } catch (const YAML::Exception &e) {
        *error = tr("%1:%2:%3: error: %4")
                     .arg(path)
                     .arg(e.mark.line + 1)
                     .arg(e.mark.column + 1)
                     .arg(QString::fromStdString(e.msg));
        return {};
    }
    *error = tr("%1: error: no cluster server for the context %2; run \"gantry demo init\" again in a new folder")
                 .arg(path, DemoCluster::context());
    return {};
}

} // namespace

QString DemoCluster::context()
{
    return QStringLiteral("gantry-demo");
}

QString DemoCluster::token()
{
    return QStringLiteral("gantry-demo-token");
}

QByteArray DemoCluster::scenario(QString *error)
{
    std::vector<Service> services;
    if (!readServices(&services, error)) {
        return {};
    }
    if (int(services.size()) < kMinimumServices) {
        *error = tr("the demo catalog has %1 components with a backstage.io/kubernetes-id annotation; the demo "
                    "cluster needs at least %2")
                     .arg(services.size())
                     .arg(kMinimumServices);
        return {};
    }
    const std::map<std::string, Role> roles = assignRoles(services);

    YAML::Emitter out;
    out << YAML::Comment("The demo cluster for gantry-kubesim, generated by \"gantry demo init\" from the demo "
                         "catalog's components (their backstage.io/kubernetes-id). Run it with: gantry demo cluster "
                         "DIR");
    out << YAML::BeginMap;
    out << YAML::Key << "kubernetesVersion" << YAML::Value << YAML::DoubleQuoted << "1.30";
    out << YAML::Key << "context" << YAML::Value << context().toStdString();
    out << YAML::Key << "timeScale" << YAML::Value << 1.0;
    out << YAML::Key << "auth" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "tokens" << YAML::Value << YAML::Flow << YAML::BeginSeq << token().toStdString()
        << YAML::EndSeq;
    out << YAML::Key << "clientCertificates" << YAML::Value << true;
    out << YAML::EndMap;
    out << YAML::Key << "nodes" << YAML::Value << YAML::Flow << YAML::BeginSeq << "acme-node-1"
        << "acme-node-2"
        << "acme-node-3" << YAML::EndSeq;
    out << YAML::Key << "defaults" << YAML::Value << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "readyDelaySeconds" << YAML::Value << 3;
    out << YAML::Key << "progressDeadlineSeconds" << YAML::Value << 600;
    out << YAML::EndMap;
    out << YAML::Key << "namespaces" << YAML::Value << YAML::BeginSeq;
    for (const bool production : {false, true}) {
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << (production ? "production" : "staging");
        out << YAML::Key << "deployments" << YAML::Value << YAML::BeginSeq;
        for (const Service &s : services) {
            emitDeployment(out, deployment(s, roles.at(s.id), production), production);
        }
        out << YAML::EndSeq;
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::EndMap;
    if (!out.good()) {
        *error = tr("cannot write the demo scenario: %1").arg(QString::fromStdString(out.GetLastError()));
        return {};
    }
    QByteArray text(out.c_str(), qsizetype(out.size()));
    text.append('\n');
    return text;
}

bool DemoCluster::write(const QString &dir, const QString &simulator, QString *error)
{
    const QByteArray yaml = scenario(error);
    if (yaml.isEmpty()) {
        return false;
    }
    const QString scenarioPath = dir + QStringLiteral("/cluster.yaml");
    QSaveFile file(scenarioPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(yaml) != yaml.size() || !file.commit()) {
        *error = tr("cannot write %1: %2").arg(scenarioPath, file.errorString());
        return false;
    }
    if (simulator.isEmpty()) {
        *error = tr("gantry-kubesim was not found (looked next to gantry in %1); set GANTRY_KUBESIM to its path")
                     .arg(QCoreApplication::applicationDirPath());
        return false;
    }
    if (!QFileInfo(simulator).isExecutable()) {
        *error = tr("%1 is not an executable gantry-kubesim; set GANTRY_KUBESIM to its path").arg(simulator);
        return false;
    }

    // Port 0: the simulator picks a free port and writes it into the kubeconfig; the certificates
    // it creates in kubesim/ are reused on every later start, so the kubeconfig stays valid.
    const QString kubeconfig = dir + QStringLiteral("/kubeconfig");
    QStringList arguments = simulatorArguments(dir, QStringLiteral("127.0.0.1:0"));
    arguments << QStringLiteral("--write-kubeconfig") << kubeconfig;
    QFile::remove(kubeconfig);
    SimulatorProcess process;
    process.start(simulator, arguments);
    if (!process.waitForListening()) {
        *error = tr("cannot set up the demo cluster: %1").arg(process.errorMessage());
        return false;
    }
    // The kubeconfig is written at start-up; give a simulator that writes it just after its
    // first line a moment.
    const QDeadlineTimer deadline(10000);
    while (!QFileInfo::exists(kubeconfig) && !deadline.hasExpired()) {
        QThread::msleep(20);
    }
    process.stop();
    if (!QFileInfo::exists(kubeconfig)) {
        *error = tr("cannot set up the demo cluster: %1 did not write %2").arg(simulator, kubeconfig);
        return false;
    }
    QString host;
    quint16 port = 0;
    if (!serverAddress(dir, &host, &port, error)) {
        return false;
    }
    qCDebug(lcDemoCluster) << "demo cluster set up in" << dir << "on port" << port;
    return true;
}

QString DemoCluster::findSimulator()
{
    const QString fromEnvironment = qEnvironmentVariable("GANTRY_KUBESIM");
    if (!fromEnvironment.isEmpty()) {
        return QFileInfo(fromEnvironment).isExecutable() ? fromEnvironment : QString();
    }
    const QString besides = QCoreApplication::applicationDirPath() + QStringLiteral("/gantry-kubesim");
    return QFileInfo(besides).isExecutable() ? besides : QString();
}

bool DemoCluster::serverAddress(const QString &dir, QString *host, quint16 *port, QString *error)
{
    const QString path = dir + QStringLiteral("/kubeconfig");
    const QString server = kubeconfigServer(path, error);
    if (server.isEmpty()) {
        return false;
    }
    const QUrl url(server);
    if (!url.isValid() || url.host().isEmpty() || url.port() <= 0) {
        *error = tr("%1: error: the server \"%2\" has no host and port").arg(path, server);
        return false;
    }
    *host = url.host();
    *port = quint16(url.port());
    return true;
}

QStringList DemoCluster::simulatorArguments(const QString &dir, const QString &listen)
{
    return {QStringLiteral("--scenario"),
            dir + QStringLiteral("/cluster.yaml"),
            QStringLiteral("--tls"),
            QStringLiteral("--tls-dir"),
            dir + QStringLiteral("/kubesim"),
            QStringLiteral("--listen"),
            listen};
}

} // namespace Gantry::Workspace
