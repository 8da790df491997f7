#include "app/kubesim/podlifecycle.h"

#include "app/kubesim/controllercontext.h"
#include "app/kubesim/eventrecorder.h"
#include "app/kubesim/objectutil.h"
#include "app/kubesim/store.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcPodLifecycle, "gantry.kubesim.podlifecycle")

namespace Gantry::KubeSim {

namespace {

const QString kPods = QStringLiteral("pods");
const QString kStatus = QStringLiteral("status");
const QString kSpec = QStringLiteral("spec");
const QString kKubelet = QStringLiteral("kubelet");

// How long a container runs before a crashloop image exits, and how long the kubelet shows a
// crashed container or a failed pull before backing off (seconds, scaled).
constexpr double kCrashAfterSeconds = 1.0;
constexpr double kShowFailureSeconds = 0.5;
constexpr double kTerminationGraceSeconds = 1.0;

QJsonArray containers(const QJsonObject &pod)
{
    return pod.value(kSpec).toObject().value(QStringLiteral("containers")).toArray();
}

QString firstImage(const QJsonObject &pod)
{
    return containers(pod).first().toObject().value(QStringLiteral("image")).toString();
}

QString imageId(const QString &image)
{
    static QHash<QString, QString> cache; // the simulator runs on one thread
    const auto cached = cache.constFind(image);
    if (cached != cache.constEnd()) {
        return cached.value();
    }
    QString repo = image;
    const qsizetype colon = repo.lastIndexOf(QLatin1Char(':'));
    if (colon > repo.lastIndexOf(QLatin1Char('/'))) {
        repo = repo.left(colon);
    }
    const QByteArray digest = QCryptographicHash::hash(image.toUtf8(), QCryptographicHash::Sha256).toHex();
    const QString id = repo + QStringLiteral("@sha256:") + QString::fromLatin1(digest);
    cache.insert(image, id);
    return id;
}

QJsonObject condition(const QString &type, bool status, const QString &since, const QString &reason = QString(),
                      const QString &message = QString())
{
    QJsonObject c{{QStringLiteral("type"), type},
                  {QStringLiteral("status"), status ? QStringLiteral("True") : QStringLiteral("False")},
                  {QStringLiteral("lastProbeTime"), QJsonValue()},
                  {QStringLiteral("lastTransitionTime"), since}};
    if (!reason.isEmpty()) {
        c.insert(QStringLiteral("reason"), reason);
        c.insert(QStringLiteral("message"), message);
    }
    return c;
}

QString containerNames(const QJsonObject &pod)
{
    QStringList names;
    for (const QJsonValue &c : containers(pod)) {
        names.append(c.toObject().value(QStringLiteral("name")).toString());
    }
    return names.join(QLatin1Char(' '));
}

} // namespace

PodLifecycle::PodLifecycle(ControllerContext *context)
    : m_context(context)
{}

QJsonObject PodLifecycle::runningPod(const QJsonObject &pod, const QString &node, const QString &podIp,
                                     const QString &hostIp)
{
    QJsonObject out = pod;
    QJsonObject spec = out.value(kSpec).toObject();
    spec.insert(QStringLiteral("nodeName"), node);
    out.insert(kSpec, spec);
    const QString now = Store::timestamp();
    QJsonArray statuses;
    for (const QJsonValue &c : containers(pod)) {
        const QString image = c.toObject().value(QStringLiteral("image")).toString();
        statuses.append(QJsonObject{
            {QStringLiteral("name"), c.toObject().value(QStringLiteral("name")).toString()},
            {QStringLiteral("image"), image},
            {QStringLiteral("imageID"), imageId(image)},
            {QStringLiteral("containerID"), QString(QStringLiteral("containerd://") + ObjectUtil::randomHex(64))},
            {QStringLiteral("ready"), true},
            {QStringLiteral("started"), true},
            {QStringLiteral("restartCount"), 0},
            {QStringLiteral("state"),
             QJsonObject{{QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"), now}}}}},
            {QStringLiteral("lastState"), QJsonObject()}});
    }
    out.insert(kStatus,
               QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                           {QStringLiteral("conditions"),
                            QJsonArray{condition(QStringLiteral("PodReadyToStartContainers"), true, now),
                                       condition(QStringLiteral("Initialized"), true, now),
                                       condition(QStringLiteral("Ready"), true, now),
                                       condition(QStringLiteral("ContainersReady"), true, now),
                                       condition(QStringLiteral("PodScheduled"), true, now)}},
                           {QStringLiteral("hostIP"), hostIp},
                           {QStringLiteral("hostIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), hostIp}}}},
                           {QStringLiteral("podIP"), podIp},
                           {QStringLiteral("podIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), podIp}}}},
                           {QStringLiteral("startTime"), now},
                           {QStringLiteral("qosClass"), QStringLiteral("BestEffort")},
                           {QStringLiteral("containerStatuses"), statuses}});
    return out;
}

double PodLifecycle::readyDelayFor(const QJsonObject &pod) const
{
    const QJsonObject rsRef = ObjectUtil::controllerRef(pod);
    if (rsRef.value(QStringLiteral("kind")).toString() == QLatin1String("ReplicaSet")) {
        const auto rs = m_context->store->get(QStringLiteral("replicasets.apps"), ObjectUtil::nameSpace(pod),
                                              rsRef.value(QStringLiteral("name")).toString());
        if (rs) {
            const QString deployment = ObjectUtil::controllerRef(*rs).value(QStringLiteral("name")).toString();
            const QString key = ObjectUtil::nameSpace(pod) + QLatin1Char('/') + deployment;
            if (m_context->readyDelaySeconds.contains(key)) {
                return m_context->readyDelaySeconds.value(key);
            }
        }
    }
    return m_context->defaultReadyDelaySeconds;
}

qint64 PodLifecycle::backoff(int step) const
{
    // The kubelet's restart and image-pull back-off: 10 s doubling, capped at 5 minutes.
    const double seconds = std::min(300.0, 10.0 * double(1 << std::min(step, 5)));
    return m_context->scaledAlways(seconds);
}

void PodLifecycle::event(const QJsonObject &pod, const Runtime &rt, bool warning, const QString &reason,
                         const QString &message)
{
    const QString container = containers(pod).first().toObject().value(QStringLiteral("name")).toString();
    m_context->events->record(pod, warning ? EventRecorder::Type::Warning : EventRecorder::Type::Normal, reason,
                              message, kKubelet, rt.node, QStringLiteral("spec.containers{%1}").arg(container));
}

void PodLifecycle::start(Runtime &rt, QJsonObject &pod, qint64 now)
{
    const QString image = firstImage(pod);
    for (const QJsonValue &c : containers(pod)) {
        const QString i = c.toObject().value(QStringLiteral("image")).toString();
        if (i.contains(QLatin1String("pullfail"))) {
            rt.mode = Mode::PullFail;
            break;
        }
        if (i.contains(QLatin1String("crashloop"))) {
            rt.mode = Mode::CrashLoop;
        } else if (i.contains(QLatin1String("neverready")) && rt.mode == Mode::Normal) {
            rt.mode = Mode::NeverReady;
        }
    }
    const int nodeCount = std::max<qsizetype>(1, m_context->nodes.size());
    const QString boundTo = pod.value(kSpec).toObject().value(QStringLiteral("nodeName")).toString();
    const int nodeIndex = boundTo.isEmpty() ? m_context->nextNode++ % nodeCount
                                            : std::max<int>(0, int(m_context->nodes.indexOf(boundTo)));
    rt.node = boundTo.isEmpty() ? m_context->nodes.value(nodeIndex, QStringLiteral("kubesim-node-1")) : boundTo;
    rt.hostIp = QStringLiteral("10.0.0.%1").arg(nodeIndex + 10);
    const int ip = m_context->nextIp++;
    rt.podIp = QStringLiteral("10.244.%1.%2").arg(nodeIndex).arg(ip % 250 + 2);
    rt.scheduledAt = Store::timestamp();
    rt.readyChangedAt = rt.scheduledAt;
    rt.containerId = QStringLiteral("containerd://") + ObjectUtil::randomHex(64);

    // Bind (what the scheduler writes), then the kubelet's first status.
    QJsonObject spec = pod.value(kSpec).toObject();
    spec.insert(QStringLiteral("nodeName"), rt.node);
    pod.insert(kSpec, spec);
    pod.insert(kStatus, QJsonObject{{QStringLiteral("phase"), QStringLiteral("Pending")},
                                    {QStringLiteral("conditions"),
                                     QJsonArray{condition(QStringLiteral("PodScheduled"), true, rt.scheduledAt)}},
                                    {QStringLiteral("qosClass"), QStringLiteral("BestEffort")}});
    const StoreResult bound = m_context->store->update(kPods, ObjectUtil::nameSpace(pod), pod);
    if (bound.ok()) {
        pod = bound.object;
    }
    if (boundTo.isEmpty()) {
        m_context->events->record(pod, EventRecorder::Type::Normal, QStringLiteral("Scheduled"),
                                  QStringLiteral("Successfully assigned %1/%2 to %3")
                                      .arg(ObjectUtil::nameSpace(pod), ObjectUtil::name(pod), rt.node),
                                  QStringLiteral("default-scheduler"));
    }
    event(pod, rt, false, QStringLiteral("Pulling"), QStringLiteral("Pulling image \"%1\"").arg(image));

    const double readyDelay = readyDelayFor(pod);
    const qint64 pull = m_context->scaled(std::min(1.0, readyDelay / 2.0));
    rt.stage = Stage::Creating;
    rt.next = now + pull;
    rt.readyAt = now + std::max(pull, m_context->scaled(readyDelay));
}

void PodLifecycle::advance(Runtime &rt, const QJsonObject &pod, qint64 at)
{
    const QString image = firstImage(pod);
    const QString container = containers(pod).first().toObject().value(QStringLiteral("name")).toString();
    const QString now = Store::timestamp();
    switch (rt.stage) {
    case Stage::Creating:
    case Stage::PullBackOff:
        if (rt.mode == Mode::PullFail) {
            if (rt.stage == Stage::PullBackOff) {
                event(pod, rt, false, QStringLiteral("Pulling"), QStringLiteral("Pulling image \"%1\"").arg(image));
            }
            const QString why = QStringLiteral("rpc error: code = NotFound desc = failed to pull and unpack image "
                                               "\"%1\": failed to resolve reference \"%1\": %1: not found")
                                    .arg(image);
            event(pod, rt, true, QStringLiteral("Failed"),
                  QStringLiteral("Failed to pull image \"%1\": %2").arg(image, why));
            event(pod, rt, true, QStringLiteral("Failed"), QStringLiteral("Error: ErrImagePull"));
            rt.stage = Stage::PullError;
            rt.next = at + m_context->scaledAlways(kShowFailureSeconds);
            return;
        }
        if (rt.stage == Stage::Creating) {
            event(pod, rt, false, QStringLiteral("Pulled"),
                  QStringLiteral("Successfully pulled image \"%1\" in 512ms (512ms including waiting)").arg(image));
        }
        [[fallthrough]];
    case Stage::CrashBackOff:
        if (rt.stage == Stage::CrashBackOff) {
            ++rt.restarts;
            event(pod, rt, false, QStringLiteral("Pulled"),
                  QStringLiteral("Container image \"%1\" already present on machine").arg(image));
        }
        event(pod, rt, false, QStringLiteral("Created"), QStringLiteral("Created container %1").arg(container));
        event(pod, rt, false, QStringLiteral("Started"), QStringLiteral("Started container %1").arg(container));
        rt.startedAt = now;
        rt.containerId = QStringLiteral("containerd://") + ObjectUtil::randomHex(64);
        rt.stage = Stage::Running;
        if (rt.mode == Mode::CrashLoop) {
            rt.next = at + m_context->scaledAlways(kCrashAfterSeconds);
        } else if (rt.mode == Mode::Normal) {
            rt.next = std::max(at, rt.readyAt);
        } else {
            rt.next = 0;
        }
        return;
    case Stage::Running:
        if (rt.mode == Mode::CrashLoop) {
            rt.previousTerminated = rt.lastTerminated;
            rt.lastTerminated = QJsonObject{{QStringLiteral("exitCode"), 1},
                                            {QStringLiteral("reason"), QStringLiteral("Error")},
                                            {QStringLiteral("startedAt"), rt.startedAt},
                                            {QStringLiteral("finishedAt"), now},
                                            {QStringLiteral("containerID"), rt.containerId}};
            rt.stage = Stage::Crashed;
            rt.next = at + m_context->scaledAlways(kShowFailureSeconds);
            return;
        }
        rt.stage = Stage::Ready;
        rt.readyChangedAt = now;
        rt.next = 0;
        return;
    case Stage::Crashed: {
        const qint64 wait = backoff(rt.backoffStep);
        event(pod, rt, true, QStringLiteral("BackOff"),
              QStringLiteral("Back-off restarting failed container %1 in pod %2_%3(%4)")
                  .arg(container, ObjectUtil::name(pod), ObjectUtil::nameSpace(pod), ObjectUtil::uid(pod)));
        rt.stage = Stage::CrashBackOff;
        // The back-off counts from the exit, which was kShowFailureSeconds ago.
        rt.next = at - m_context->scaledAlways(kShowFailureSeconds) + wait;
        ++rt.backoffStep;
        return;
    }
    case Stage::PullError:
        event(pod, rt, false, QStringLiteral("BackOff"), QStringLiteral("Back-off pulling image \"%1\"").arg(image));
        event(pod, rt, true, QStringLiteral("Failed"), QStringLiteral("Error: ImagePullBackOff"));
        rt.stage = Stage::PullBackOff;
        rt.next = at + backoff(rt.backoffStep++);
        return;
    case Stage::Ready:
        rt.next = 0;
        return;
    }
}

QJsonObject PodLifecycle::buildStatus(const Runtime &rt, const QJsonObject &pod) const
{
    const bool pending = rt.stage == Stage::Creating || rt.stage == Stage::PullError || rt.stage == Stage::PullBackOff;
    const bool ready = rt.stage == Stage::Ready;
    QJsonObject status{{QStringLiteral("phase"), pending ? QStringLiteral("Pending") : QStringLiteral("Running")},
                       {QStringLiteral("hostIP"), rt.hostIp},
                       {QStringLiteral("hostIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), rt.hostIp}}}},
                       {QStringLiteral("startTime"), rt.scheduledAt},
                       {QStringLiteral("qosClass"), QStringLiteral("BestEffort")}};
    if (rt.stage != Stage::Creating) {
        status.insert(QStringLiteral("podIP"), rt.podIp);
        status.insert(QStringLiteral("podIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), rt.podIp}}});
    }
    const QString notReady = QStringLiteral("containers with unready status: [%1]").arg(containerNames(pod));
    status.insert(
        QStringLiteral("conditions"),
        QJsonArray{condition(QStringLiteral("PodReadyToStartContainers"), rt.stage != Stage::Creating, rt.scheduledAt),
                   condition(QStringLiteral("Initialized"), true, rt.scheduledAt),
                   ready ? condition(QStringLiteral("Ready"), true, rt.readyChangedAt)
                         : condition(QStringLiteral("Ready"), false, rt.readyChangedAt,
                                     QStringLiteral("ContainersNotReady"), notReady),
                   ready ? condition(QStringLiteral("ContainersReady"), true, rt.readyChangedAt)
                         : condition(QStringLiteral("ContainersReady"), false, rt.readyChangedAt,
                                     QStringLiteral("ContainersNotReady"), notReady),
                   condition(QStringLiteral("PodScheduled"), true, rt.scheduledAt)});

    QJsonArray statuses;
    for (const QJsonValue &c : containers(pod)) {
        const QString name = c.toObject().value(QStringLiteral("name")).toString();
        const QString image = c.toObject().value(QStringLiteral("image")).toString();
        QJsonObject state;
        switch (rt.stage) {
        case Stage::Creating:
            state.insert(QStringLiteral("waiting"),
                         QJsonObject{{QStringLiteral("reason"), QStringLiteral("ContainerCreating")}});
            break;
        case Stage::PullError:
            state.insert(QStringLiteral("waiting"),
                         QJsonObject{{QStringLiteral("reason"), QStringLiteral("ErrImagePull")},
                                     {QStringLiteral("message"),
                                      QStringLiteral("failed to pull and unpack image \"%1\": not found").arg(image)}});
            break;
        case Stage::PullBackOff:
            state.insert(
                QStringLiteral("waiting"),
                QJsonObject{{QStringLiteral("reason"), QStringLiteral("ImagePullBackOff")},
                            {QStringLiteral("message"), QStringLiteral("Back-off pulling image \"%1\"").arg(image)}});
            break;
        case Stage::Running:
        case Stage::Ready:
            state.insert(QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"), rt.startedAt}});
            break;
        case Stage::Crashed:
            state.insert(QStringLiteral("terminated"), rt.lastTerminated);
            break;
        case Stage::CrashBackOff:
            state.insert(
                QStringLiteral("waiting"),
                QJsonObject{{QStringLiteral("reason"), QStringLiteral("CrashLoopBackOff")},
                            {QStringLiteral("message"),
                             QStringLiteral("back-off %1s restarting failed container=%2 pod=%3_%4(%5)")
                                 .arg(std::min(300, 10 << std::min(rt.backoffStep - 1, 5)))
                                 .arg(name, ObjectUtil::name(pod), ObjectUtil::nameSpace(pod), ObjectUtil::uid(pod))}});
            break;
        }
        const bool started = rt.stage == Stage::Running || rt.stage == Stage::Ready;
        QJsonObject cs{{QStringLiteral("name"), name},
                       {QStringLiteral("image"), image},
                       {QStringLiteral("imageID"), pending ? QString() : imageId(image)},
                       {QStringLiteral("ready"), ready},
                       {QStringLiteral("started"), started},
                       {QStringLiteral("restartCount"), rt.restarts},
                       {QStringLiteral("state"), state}};
        if (!pending) {
            cs.insert(QStringLiteral("containerID"), rt.containerId);
        }
        // While the container shows its latest exit as its state, lastState is the exit before.
        const QJsonObject last = rt.stage == Stage::Crashed ? rt.previousTerminated : rt.lastTerminated;
        cs.insert(QStringLiteral("lastState"),
                  last.isEmpty() ? QJsonObject() : QJsonObject{{QStringLiteral("terminated"), last}});
        statuses.append(cs);
    }
    status.insert(QStringLiteral("containerStatuses"), statuses);
    return status;
}

qint64 PodLifecycle::sync(const QString &ns, const QString &name)
{
    auto found = m_context->store->get(kPods, ns, name);
    if (!found) {
        return 0;
    }
    QJsonObject pod = *found;
    const QString uid = ObjectUtil::uid(pod);
    const qint64 now = ControllerContext::now();

    if (ObjectUtil::isTerminating(pod)) {
        Runtime &rt = m_runtimes[uid];
        if (rt.deleteAt == 0) {
            const QJsonValue grace =
                pod.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("deletionGracePeriodSeconds"));
            const double seconds =
                grace.isDouble() ? std::min(grace.toDouble(), kTerminationGraceSeconds) : kTerminationGraceSeconds;
            rt.deleteAt = now + m_context->scaled(seconds);
            if (!rt.node.isEmpty() ||
                !pod.value(kSpec).toObject().value(QStringLiteral("nodeName")).toString().isEmpty()) {
                rt.node = pod.value(kSpec).toObject().value(QStringLiteral("nodeName")).toString();
                event(pod, rt, false, QStringLiteral("Killing"),
                      QStringLiteral("Stopping container %1")
                          .arg(containers(pod).first().toObject().value(QStringLiteral("name")).toString()));
            }
        }
        if (now >= rt.deleteAt) {
            m_context->store->remove(kPods, ns, name);
            m_runtimes.remove(uid);
            return 0;
        }
        return rt.deleteAt;
    }

    auto it = m_runtimes.find(uid);
    if (it == m_runtimes.end()) {
        // Pods written already running (bench pods) are left alone; a pod bound to a node by
        // its creator still needs the kubelet.
        const bool fresh = pod.value(kStatus).toObject().value(QStringLiteral("containerStatuses")).toArray().isEmpty();
        if (!fresh || containers(pod).isEmpty()) {
            return 0; // created already running (bench pods) or not a pod we can run
        }
        it = m_runtimes.insert(uid, Runtime());
        start(*it, pod, now);
    }
    Runtime &rt = *it;
    // Every state is written once, even when a late wake-up catches up on several, so
    // watchers see Error before CrashLoopBackOff and ErrImagePull before ImagePullBackOff.
    for (int guard = 0; guard < 64; ++guard) {
        const QJsonObject status = buildStatus(rt, pod);
        if (status != pod.value(kStatus).toObject()) {
            pod.insert(kStatus, status);
            const StoreResult result = m_context->store->update(kPods, ns, pod);
            if (!result.ok()) {
                qCDebug(lcPodLifecycle) << "pod status write failed" << ns << name << result.message;
                break;
            }
            pod = result.object;
        }
        if (rt.next == 0 || rt.next > now) {
            break;
        }
        advance(rt, pod, rt.next);
    }
    return rt.next;
}

} // namespace Gantry::KubeSim
