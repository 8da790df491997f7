#include "models/kube/deploymentstatus.h"

#include "models/kube/eventtablemodel.h"
#include "models/kube/informer.h"
#include "models/kube/kubeclient.h"
#include "models/kube/kubeconfig.h"
#include "models/kube/podtablemodel.h"
#include "models/kube/statusdigest.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <map>

namespace Gantry::Kube {

Q_LOGGING_CATEGORY(lcDeploymentStatus, "gantry.kube.deploymentstatus")

struct DeploymentStatusService::Env
{
    EnvironmentStatus status;
    KubeClient *client = nullptr; // shared per context, owned by the service
    KubeError configError;        // kubeconfig/context problem: nothing can be fetched
    Informer *deployments = nullptr;
    Informer *replicaSets = nullptr;
    Informer *pods = nullptr;
    Informer *events = nullptr;
    Informer *hpas = nullptr;
    QTimer *rebuildTimer = nullptr;
    PodTableModel *podModel = nullptr;
    EventTableModel *eventModel = nullptr;
    bool answered = false; // success or error, at least once

    std::vector<Informer *> informers() const
    {
        std::vector<Informer *> all;
        for (Informer *i : {deployments, replicaSets, pods, events, hpas}) {
            if (i) {
                all.push_back(i);
            }
        }
        return all;
    }
};

DeploymentStatusService::DeploymentStatusService(const Workspace::Workspace &workspace, WorkloadSelector selector,
                                                 QObject *parent)
    : QObject(parent)
    , m_selector(std::move(selector))
{
    setUp(workspace);
}

DeploymentStatusService::~DeploymentStatusService()
{
    stop();
}

void DeploymentStatusService::setUp(const Workspace::Workspace &workspace)
{
    QString loadError;
    std::optional<KubeConfig> config;
    if (!workspace.kubeconfig.isEmpty()) {
        config = KubeConfig::loadFile(workspace.kubeconfig, &loadError);
    } else {
        config = KubeConfig::loadDefault(&loadError);
    }
    std::map<QString, KubeClient *> clients; // by context
    for (const auto &environment : workspace.environments) {
        auto env = std::make_unique<Env>();
        env->status.environment = environment.name;
        env->status.context = environment.context;
        env->podModel = new PodTableModel(this);
        env->eventModel = new EventTableModel(this);
        env->rebuildTimer = new QTimer(this);
        env->rebuildTimer->setSingleShot(true);
        Env *raw = env.get();
        connect(env->rebuildTimer, &QTimer::timeout, this, [this, raw] { rebuild(raw); });

        if (!config) {
            env->configError.kind = KubeError::Kind::Config;
            env->configError.context = environment.context;
            env->configError.detail = loadError;
            env->configError.message = KubeError::describe(KubeError::Kind::Config, environment.context, loadError, 0);
        } else if (clients.count(environment.context) == 0) {
            QString error;
            const auto rest = config->restConfig(environment.context, &error);
            if (!rest) {
                env->configError.kind = KubeError::Kind::Config;
                env->configError.context = environment.context;
                env->configError.detail = error;
                env->configError.message = KubeError::describe(KubeError::Kind::Config, environment.context, error, 0);
                clients[environment.context] = nullptr;
            } else {
                clients[environment.context] = new KubeClient(*rest, this);
            }
        }
        if (!env->configError.isError()) {
            env->client = clients[environment.context];
            if (!env->client) {
                QString error;
                config->restConfig(environment.context, &error);
                env->configError.kind = KubeError::Kind::Config;
                env->configError.context = environment.context;
                env->configError.detail = error;
                env->configError.message = KubeError::describe(KubeError::Kind::Config, environment.context, error, 0);
            }
        }
        QString ns = m_selector.namespaceFor(environment);
        if (ns.isEmpty() && env->client) {
            ns = env->client->defaultNamespace();
        }
        env->status.nameSpace = ns;
        if (env->configError.isError()) {
            env->status.error = env->configError;
        }
        if (env->client && !m_selector.isEmpty()) {
            auto make = [&](const ResourceType &type, bool selectByLabel) {
                auto *informer = new Informer(env->client, type, ns, this);
                if (selectByLabel) {
                    informer->setLabelSelector(m_selector.labelSelector);
                }
                informer->setCoalesceInterval(m_coalesceMs / 2);
                connect(informer, &Informer::changed, this, [this, raw] { scheduleRebuild(raw); });
                connect(informer, &Informer::errorChanged, this, [this, raw] {
                    rebuild(raw);
                    Q_EMIT errorChanged(raw->status.environment);
                });
                return informer;
            };
            env->deployments = make(ResourceType::deployments(), true);
            env->replicaSets = make(ResourceType::replicaSets(), true);
            env->pods = make(ResourceType::pods(), true);
            env->events = make(ResourceType::events(), false);
            env->hpas = make(ResourceType::horizontalPodAutoscalers(), false);
        }
        m_envs.push_back(std::move(env));
    }
}

QStringList DeploymentStatusService::environments() const
{
    QStringList names;
    for (const auto &env : m_envs) {
        names << env->status.environment;
    }
    return names;
}

void DeploymentStatusService::start()
{
    if (m_started) {
        return;
    }
    m_started = true;
    for (const auto &env : m_envs) {
        for (Informer *informer : env->informers()) {
            informer->start();
        }
        if (env->configError.isError() || m_selector.isEmpty()) {
            env->answered = true;
            Env *raw = env.get();
            QTimer::singleShot(0, this, [this, raw] {
                rebuild(raw);
                Q_EMIT errorChanged(raw->status.environment);
            });
        }
    }
}

void DeploymentStatusService::stop()
{
    m_started = false;
    for (const auto &env : m_envs) {
        for (Informer *informer : env->informers()) {
            informer->stop();
        }
        env->rebuildTimer->stop();
    }
}

void DeploymentStatusService::retry()
{
    for (const auto &env : m_envs) {
        for (Informer *informer : env->informers()) {
            if (informer->error().isError()) {
                informer->retryNow();
            }
        }
    }
}

void DeploymentStatusService::setCoalesceInterval(int milliseconds)
{
    m_coalesceMs = milliseconds;
    for (const auto &env : m_envs) {
        for (Informer *informer : env->informers()) {
            informer->setCoalesceInterval(milliseconds / 2);
        }
    }
}

void DeploymentStatusService::scheduleRebuild(Env *env)
{
    if (!env->rebuildTimer->isActive()) {
        env->rebuildTimer->start(m_coalesceMs / 2);
    }
}

void DeploymentStatusService::rebuild(Env *env)
{
    env->rebuildTimer->stop();
    EnvironmentStatus &s = env->status;
    // The error that matters most: deployments and pods first.
    KubeError error = env->configError;
    if (!error.isError()) {
        for (Informer *informer : env->informers()) {
            if (informer->error().isError()) {
                error = informer->error();
                break;
            }
        }
    }
    bool loaded = env->deployments != nullptr;
    for (Informer *informer : env->informers()) {
        loaded = loaded && informer->hasSynced();
    }
    s.error = error;
    s.loaded = loaded;
    s.stale = loaded && error.isError();
    if (loaded || error.isError()) {
        env->answered = true;
    }
    if (loaded) {
        EnvironmentObjects objects;
        objects.deployments = env->deployments->objects();
        objects.replicaSets = env->replicaSets->objects();
        objects.pods = env->pods->objects();
        objects.events = env->events->objects();
        objects.hpas = env->hpas->objects();
        digestEnvironment(objects, QDateTime::currentDateTimeUtc(), &s);
        QDateTime last;
        for (Informer *informer : env->informers()) {
            if (informer->lastUpdate().isValid() && (!last.isValid() || last < informer->lastUpdate())) {
                last = informer->lastUpdate();
            }
        }
        s.lastUpdate = last;
        env->podModel->setPods(s.pods);
        env->eventModel->setEvents(s.events);
    }
    qCDebug(lcDeploymentStatus) << s.environment << "loaded" << loaded << "error" << error.kindName()
                                << s.deployments.size() << "deployments" << s.pods.size() << "pods";
    Q_EMIT changed(s.environment);
}

EnvironmentStatus DeploymentStatusService::status(const QString &environment) const
{
    for (const auto &env : m_envs) {
        if (env->status.environment == environment) {
            return env->status;
        }
    }
    EnvironmentStatus unknown;
    unknown.environment = environment;
    unknown.error.kind = KubeError::Kind::Config;
    unknown.error.message = tr("There is no environment \"%1\" in gantry.yaml.").arg(environment);
    return unknown;
}

std::vector<EnvironmentStatus> DeploymentStatusService::statuses() const
{
    std::vector<EnvironmentStatus> all;
    for (const auto &env : m_envs) {
        all.push_back(env->status);
    }
    return all;
}

bool DeploymentStatusService::isSettled() const
{
    for (const auto &env : m_envs) {
        if (!env->answered) {
            return false;
        }
    }
    return true;
}

bool DeploymentStatusService::hasDrift() const
{
    return !driftDescription().isEmpty();
}

QString DeploymentStatusService::driftDescription() const
{
    QStringList parts;
    QSet<QString> images;
    for (const auto &env : m_envs) {
        if (!env->status.loaded || env->status.deployments.empty()) {
            continue;
        }
        QStringList envImages;
        for (const auto &d : env->status.deployments) {
            envImages << d.images;
        }
        images.insert(envImages.join(QLatin1Char(',')));
        parts << tr("%1 runs %2").arg(env->status.environment, envImages.join(QStringLiteral(", ")));
    }
    if (images.size() <= 1) {
        return QString();
    }
    return parts.join(QStringLiteral("; "));
}

KubeClient *DeploymentStatusService::client(const QString &environment) const
{
    for (const auto &env : m_envs) {
        if (env->status.environment == environment) {
            return env->client;
        }
    }
    return nullptr;
}

QString DeploymentStatusService::nameSpace(const QString &environment) const
{
    for (const auto &env : m_envs) {
        if (env->status.environment == environment) {
            return env->status.nameSpace;
        }
    }
    return QString();
}

PodTableModel *DeploymentStatusService::podModel(const QString &environment) const
{
    for (const auto &env : m_envs) {
        if (env->status.environment == environment) {
            return env->podModel;
        }
    }
    return nullptr;
}

EventTableModel *DeploymentStatusService::eventModel(const QString &environment) const
{
    for (const auto &env : m_envs) {
        if (env->status.environment == environment) {
            return env->eventModel;
        }
    }
    return nullptr;
}

} // namespace Gantry::Kube
