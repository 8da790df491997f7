#include "app/kubesim/controller.h"

#include "app/kubesim/churn.h"
#include "app/kubesim/clusterseeder.h"
#include "app/kubesim/deploymentcontroller.h"
#include "app/kubesim/eventrecorder.h"
#include "app/kubesim/objectutil.h"
#include "app/kubesim/podlifecycle.h"
#include "app/kubesim/replicasetcontroller.h"
#include "app/kubesim/scenario.h"
#include "app/kubesim/store.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcController, "gantry.kubesim.controller")

namespace Gantry::KubeSim {

namespace {

// Rounds of pods -> ReplicaSets -> Deployments per pass before yielding to the event loop.
constexpr int kRoundsPerPass = 16;

QString keyOf(const QJsonObject &object)
{
    return ObjectUtil::nameSpace(object) + QLatin1Char('/') + ObjectUtil::name(object);
}

} // namespace

Controller::Controller(Store *store, QObject *parent)
    : QObject(parent)
{
    m_context.store = store;
    m_events = std::make_unique<EventRecorder>(store);
    m_context.events = m_events.get();
    m_pods = std::make_unique<PodLifecycle>(&m_context);
    m_replicaSets = std::make_unique<ReplicaSetController>(&m_context);
    m_deployments = std::make_unique<DeploymentController>(&m_context);

    m_passTimer.setSingleShot(true);
    m_passTimer.setInterval(0);
    connect(&m_passTimer, &QTimer::timeout, this, &Controller::runPass);
    m_wakeTimer.setSingleShot(true);
    m_wakeTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_wakeTimer, &QTimer::timeout, this, &Controller::onWakeTimer);
    m_expireTimer.setInterval(60 * 1000);
    connect(&m_expireTimer, &QTimer::timeout, this, [this] { m_events->expire(); });
    connect(store, &Store::changed, this, &Controller::onChanged);
}

Controller::~Controller() = default;

void Controller::setTimeScale(double scale)
{
    if (scale > 0) {
        m_context.timeScale = scale;
        m_timeScaleOverridden = true;
    }
}

void Controller::setEventTimeToLiveSeconds(qint64 seconds)
{
    m_events->setTimeToLiveSeconds(seconds);
    // Look at least twice per time to live (a minute for the default hour).
    m_expireTimer.setInterval(int(std::clamp<qint64>(seconds * 500, 100, 60 * 1000)));
}

void Controller::start(const Scenario &scenario)
{
    if (!m_timeScaleOverridden) {
        m_context.timeScale = scenario.timeScale;
    }
    m_context.nodes = scenario.nodes;
    m_context.defaultReadyDelaySeconds = scenario.readyDelaySeconds;

    ClusterSeeder seeder(
        &m_context, [this](bool ignore) { m_ignoreChanges = ignore; }, [this] { settle(); });
    seeder.seed(scenario);
    settle();

    if (scenario.churn && scenario.churn->eventsPerSecond > 0) {
        m_churn = new Churn(m_context.store, scenario.churn->nameSpace, scenario.churn->eventsPerSecond, this);
        m_churn->start();
    }
    m_expireTimer.start();
    qCInfo(lcController) << "cluster seeded:" << m_context.store->count(QStringLiteral("deployments.apps"))
                         << "deployments," << m_context.store->count(QStringLiteral("pods")) << "pods";
}

void Controller::onChanged(const Change &change)
{
    if (m_ignoreChanges) {
        return;
    }
    const QString &resource = change.resource;
    const bool deleted = change.type == ChangeType::Deleted;
    if (resource == QLatin1String("pods")) {
        if (deleted) {
            m_pods->forget(ObjectUtil::uid(change.object));
        } else {
            markDirty(Kind::Pod, keyOf(change.object));
        }
        const QJsonObject ref = ObjectUtil::controllerRef(change.object);
        if (ref.value(QStringLiteral("kind")).toString() == QLatin1String("ReplicaSet")) {
            const QString ns = ObjectUtil::nameSpace(change.object);
            const QString rsName = ref.value(QStringLiteral("name")).toString();
            markDirty(Kind::ReplicaSet, ns + QLatin1Char('/') + rsName);
            if (deleted) {
                // A Recreate rollout waits for the last old pod to be gone, which changes no
                // ReplicaSet status: tell the Deployment directly.
                const auto rs = m_context.store->get(QStringLiteral("replicasets.apps"), ns, rsName);
                const QJsonObject owner = rs ? ObjectUtil::controllerRef(*rs) : QJsonObject();
                if (owner.value(QStringLiteral("kind")).toString() == QLatin1String("Deployment")) {
                    markDirty(Kind::Deployment, ns + QLatin1Char('/') + owner.value(QStringLiteral("name")).toString());
                }
            }
        }
    } else if (resource == QLatin1String("replicasets.apps")) {
        if (!deleted) {
            markDirty(Kind::ReplicaSet, keyOf(change.object));
        }
        const QJsonObject ref = ObjectUtil::controllerRef(change.object);
        if (ref.value(QStringLiteral("kind")).toString() == QLatin1String("Deployment")) {
            markDirty(Kind::Deployment, ObjectUtil::nameSpace(change.object) + QLatin1Char('/') +
                                            ref.value(QStringLiteral("name")).toString());
        }
    } else if (resource == QLatin1String("deployments.apps")) {
        if (deleted) {
            m_deployments->forget(ObjectUtil::uid(change.object));
        } else {
            markDirty(Kind::Deployment, keyOf(change.object));
        }
    }
}

void Controller::markDirty(Kind kind, const QString &key)
{
    switch (kind) {
    case Kind::Pod:
        m_dirtyPods.insert(key);
        break;
    case Kind::ReplicaSet:
        m_dirtyReplicaSets.insert(key);
        break;
    case Kind::Deployment:
        m_dirtyDeployments.insert(key);
        break;
    }
    schedulePass();
}

void Controller::schedulePass()
{
    if (!m_passTimer.isActive()) {
        m_passTimer.start();
    }
}

void Controller::runPass()
{
    const auto split = [](const QString &key) {
        const qsizetype slash = key.indexOf(QLatin1Char('/'));
        return std::make_pair(key.left(slash), key.mid(slash + 1));
    };
    for (int round = 0; round < kRoundsPerPass; ++round) {
        if (m_dirtyPods.isEmpty() && m_dirtyReplicaSets.isEmpty() && m_dirtyDeployments.isEmpty()) {
            return;
        }
        const QSet<QString> pods = std::exchange(m_dirtyPods, {});
        for (const QString &key : pods) {
            const auto [ns, name] = split(key);
            if (const qint64 next = m_pods->sync(ns, name)) {
                wakeAt(next, Kind::Pod, key);
            }
        }
        const QSet<QString> replicaSets = std::exchange(m_dirtyReplicaSets, {});
        for (const QString &key : replicaSets) {
            const auto [ns, name] = split(key);
            if (const qint64 next = m_replicaSets->sync(ns, name)) {
                wakeAt(next, Kind::ReplicaSet, key);
            }
        }
        const QSet<QString> deployments = std::exchange(m_dirtyDeployments, {});
        for (const QString &key : deployments) {
            const auto [ns, name] = split(key);
            if (const qint64 next = m_deployments->sync(ns, name)) {
                wakeAt(next, Kind::Deployment, key);
            }
        }
    }
    if (!m_dirtyPods.isEmpty() || !m_dirtyReplicaSets.isEmpty() || !m_dirtyDeployments.isEmpty()) {
        schedulePass(); // let the event loop (and the API server) breathe, then go on
    }
}

void Controller::settle()
{
    for (int i = 0; i < 64; ++i) {
        if (m_dirtyPods.isEmpty() && m_dirtyReplicaSets.isEmpty() && m_dirtyDeployments.isEmpty()) {
            break;
        }
        runPass();
    }
    m_passTimer.stop();
    if (!m_dirtyPods.isEmpty() || !m_dirtyReplicaSets.isEmpty() || !m_dirtyDeployments.isEmpty()) {
        schedulePass();
    }
}

void Controller::wakeAt(qint64 when, Kind kind, const QString &key)
{
    const QString id = QString::number(int(kind)) + key;
    if (m_wakeFor.value(id) == when) {
        return;
    }
    m_wakeFor.insert(id, when);
    m_wakeups.insert(when, qMakePair(kind, key));
    armWakeTimer();
}

void Controller::armWakeTimer()
{
    if (m_wakeups.isEmpty()) {
        m_wakeTimer.stop();
        return;
    }
    const qint64 delay = std::max<qint64>(0, m_wakeups.firstKey() - ControllerContext::now());
    const int interval = int(std::min<qint64>(delay, 24 * 3600 * 1000));
    if (!m_wakeTimer.isActive() || m_wakeTimer.remainingTime() > interval) {
        m_wakeTimer.start(interval);
    }
}

void Controller::onWakeTimer()
{
    const qint64 now = ControllerContext::now();
    while (!m_wakeups.isEmpty() && m_wakeups.firstKey() <= now) {
        const auto [kind, key] = m_wakeups.first();
        const qint64 at = m_wakeups.firstKey();
        m_wakeups.erase(m_wakeups.begin());
        const QString id = QString::number(int(kind)) + key;
        if (m_wakeFor.value(id) == at) {
            m_wakeFor.remove(id);
        }
        markDirty(kind, key);
    }
    runPass();
    m_wakeTimer.stop();
    armWakeTimer();
}

} // namespace Gantry::KubeSim
