#include "models/kube/podstatus.h"

#include <QHash>
#include <QJsonArray>

namespace Gantry::Kube {

namespace {

bool conditionTrue(const QJsonObject &status, QLatin1String type)
{
    const QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
    for (const auto &c : conditions) {
        const QJsonObject condition = c.toObject();
        if (condition.value(QLatin1String("type")).toString() == type) {
            return condition.value(QLatin1String("status")).toString() == QLatin1String("True");
        }
    }
    return false;
}

QString terminatedText(const QJsonObject &terminated, const QString &prefix)
{
    const int signal = terminated.value(QLatin1String("signal")).toInt(0);
    if (signal != 0) {
        return prefix + QStringLiteral("Signal:%1").arg(signal);
    }
    return prefix + QStringLiteral("ExitCode:%1").arg(terminated.value(QLatin1String("exitCode")).toInt(0));
}

} // namespace

QString PodStatus::readyText() const
{
    return QStringLiteral("%1/%2").arg(readyContainers).arg(totalContainers);
}

QString PodStatus::restartsText(const QDateTime &now) const
{
    if (restarts != 0 && lastRestart.isValid()) {
        return QStringLiteral("%1 (%2 ago)").arg(restarts).arg(humanDuration(lastRestart.secsTo(now)));
    }
    return QString::number(restarts);
}

QString PodStatus::category() const
{
    if (status == QLatin1String("Running")) {
        return podReady ? QStringLiteral("ok") : QStringLiteral("pending");
    }
    if (status == QLatin1String("Completed") || status == QLatin1String("Succeeded")) {
        return QStringLiteral("completed");
    }
    if (status == QLatin1String("Terminating")) {
        return QStringLiteral("terminating");
    }
    if (status == QLatin1String("Unknown")) {
        return QStringLiteral("unknown");
    }
    if (status == QLatin1String("Pending") || status == QLatin1String("ContainerCreating") ||
        status == QLatin1String("PodInitializing") || status == QLatin1String("NotReady") ||
        status == QLatin1String("SchedulingGated") || status.startsWith(QLatin1String("Init:")) ||
        status == QLatin1String("Init:0/1")) {
        if (status.startsWith(QLatin1String("Init:")) &&
            !status.mid(5).contains(QLatin1Char('/'))) { // Init:CrashLoopBackOff, Init:Error
            return QStringLiteral("error");
        }
        return QStringLiteral("pending");
    }
    return QStringLiteral("error");
}

QDateTime parseKubeTime(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.isEmpty()) {
        return {};
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        t = QDateTime::fromString(text, Qt::ISODate);
    }
    return t.toUTC();
}

PodStatus podStatus(const QJsonObject &pod)
{
    PodStatus p;
    const QJsonObject metadata = pod.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    const QJsonObject status = pod.value(QLatin1String("status")).toObject();
    p.name = metadata.value(QLatin1String("name")).toString();
    p.created = parseKubeTime(metadata.value(QLatin1String("creationTimestamp")));
    p.node = spec.value(QLatin1String("nodeName")).toString();
    p.phase = status.value(QLatin1String("phase")).toString();
    p.podReady = conditionTrue(status, QLatin1String("Ready"));

    int restarts = 0;
    int restartableInitRestarts = 0;
    QDateTime lastRestart;
    QDateTime lastRestartableInitRestart;
    const QJsonArray containers = spec.value(QLatin1String("containers")).toArray();
    const QJsonArray initContainers = spec.value(QLatin1String("initContainers")).toArray();
    int totalContainers = int(containers.size());
    int readyContainers = 0;

    QString reason = p.phase;
    if (!status.value(QLatin1String("reason")).toString().isEmpty()) {
        reason = status.value(QLatin1String("reason")).toString();
    }
    for (const auto &c : status.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject condition = c.toObject();
        if (condition.value(QLatin1String("type")).toString() == QLatin1String("PodScheduled") &&
            condition.value(QLatin1String("reason")).toString() == QLatin1String("SchedulingGated")) {
            reason = QStringLiteral("SchedulingGated");
        }
    }

    QHash<QString, bool> restartableInit;
    for (const auto &c : initContainers) {
        const QJsonObject container = c.toObject();
        const bool restartable = container.value(QLatin1String("restartPolicy")).toString() == QLatin1String("Always");
        restartableInit.insert(container.value(QLatin1String("name")).toString(), restartable);
        if (restartable) {
            ++totalContainers;
        }
    }

    auto later = [](const QDateTime &current, const QJsonObject &containerStatus) {
        const QJsonObject terminated =
            containerStatus.value(QLatin1String("lastState")).toObject().value(QLatin1String("terminated")).toObject();
        if (terminated.isEmpty()) {
            return current;
        }
        const QDateTime finished = parseKubeTime(terminated.value(QLatin1String("finishedAt")));
        return (finished.isValid() && (!current.isValid() || current < finished)) ? finished : current;
    };

    bool initializing = false;
    const QJsonArray initStatuses = status.value(QLatin1String("initContainerStatuses")).toArray();
    for (int i = 0; i < initStatuses.size(); ++i) {
        const QJsonObject container = initStatuses.at(i).toObject();
        const int count = container.value(QLatin1String("restartCount")).toInt(0);
        restarts += count;
        lastRestart = later(lastRestart, container);
        const bool restartable = restartableInit.value(container.value(QLatin1String("name")).toString());
        if (restartable) {
            restartableInitRestarts += count;
            lastRestartableInitRestart = later(lastRestartableInitRestart, container);
        }
        const QJsonObject state = container.value(QLatin1String("state")).toObject();
        const QJsonObject terminated = state.value(QLatin1String("terminated")).toObject();
        const QJsonObject waiting = state.value(QLatin1String("waiting")).toObject();
        const bool isTerminated = state.contains(QLatin1String("terminated"));
        if (isTerminated && terminated.value(QLatin1String("exitCode")).toInt(0) == 0) {
            continue;
        }
        if (restartable && container.value(QLatin1String("started")).toBool(false)) {
            if (container.value(QLatin1String("ready")).toBool(false)) {
                ++readyContainers;
            }
            continue;
        }
        if (isTerminated) {
            const QString r = terminated.value(QLatin1String("reason")).toString();
            reason = r.isEmpty() ? terminatedText(terminated, QStringLiteral("Init:")) : QStringLiteral("Init:") + r;
        } else if (state.contains(QLatin1String("waiting")) &&
                   !waiting.value(QLatin1String("reason")).toString().isEmpty() &&
                   waiting.value(QLatin1String("reason")).toString() != QLatin1String("PodInitializing")) {
            reason = QStringLiteral("Init:") + waiting.value(QLatin1String("reason")).toString();
        } else {
            reason = QStringLiteral("Init:%1/%2").arg(i).arg(initContainers.size());
        }
        initializing = true;
        break;
    }

    if (!initializing || conditionTrue(status, QLatin1String("Initialized"))) {
        restarts = restartableInitRestarts;
        lastRestart = lastRestartableInitRestart;
        bool hasRunning = false;
        const QJsonArray statuses = status.value(QLatin1String("containerStatuses")).toArray();
        for (int i = int(statuses.size()) - 1; i >= 0; --i) {
            const QJsonObject container = statuses.at(i).toObject();
            restarts += container.value(QLatin1String("restartCount")).toInt(0);
            lastRestart = later(lastRestart, container);
            const QJsonObject state = container.value(QLatin1String("state")).toObject();
            const QString waitingReason =
                state.value(QLatin1String("waiting")).toObject().value(QLatin1String("reason")).toString();
            const QJsonObject terminated = state.value(QLatin1String("terminated")).toObject();
            const bool isTerminated = state.contains(QLatin1String("terminated"));
            if (state.contains(QLatin1String("waiting")) && !waitingReason.isEmpty()) {
                reason = waitingReason;
            } else if (isTerminated && !terminated.value(QLatin1String("reason")).toString().isEmpty()) {
                reason = terminated.value(QLatin1String("reason")).toString();
            } else if (isTerminated) {
                reason = terminatedText(terminated, QString());
            } else if (container.value(QLatin1String("ready")).toBool(false) &&
                       state.contains(QLatin1String("running"))) {
                hasRunning = true;
                ++readyContainers;
            }
        }
        if (reason == QLatin1String("Completed") && hasRunning) {
            reason = p.podReady ? QStringLiteral("Running") : QStringLiteral("NotReady");
        }
    }

    const bool deleting = metadata.contains(QLatin1String("deletionTimestamp")) &&
                          !metadata.value(QLatin1String("deletionTimestamp")).isNull();
    if (deleting && status.value(QLatin1String("reason")).toString() == QLatin1String("NodeLost")) {
        reason = QStringLiteral("Unknown");
    } else if (deleting && p.phase != QLatin1String("Succeeded") && p.phase != QLatin1String("Failed")) {
        reason = QStringLiteral("Terminating");
    }

    p.status = reason;
    p.readyContainers = readyContainers;
    p.totalContainers = totalContainers;
    p.restarts = restarts;
    p.lastRestart = lastRestart;
    return p;
}

QString humanDuration(qint64 seconds)
{
    if (seconds < -1) {
        return QStringLiteral("<invalid>");
    }
    if (seconds < 0) {
        return QStringLiteral("0s");
    }
    if (seconds < 60 * 2) {
        return QStringLiteral("%1s").arg(seconds);
    }
    const qint64 minutes = seconds / 60;
    if (minutes < 10) {
        const qint64 s = seconds % 60;
        return s == 0 ? QStringLiteral("%1m").arg(minutes) : QStringLiteral("%1m%2s").arg(minutes).arg(s);
    }
    if (minutes < 60 * 3) {
        return QStringLiteral("%1m").arg(minutes);
    }
    const qint64 hours = seconds / 3600;
    if (hours < 8) {
        const qint64 m = minutes % 60;
        return m == 0 ? QStringLiteral("%1h").arg(hours) : QStringLiteral("%1h%2m").arg(hours).arg(m);
    }
    if (hours < 48) {
        return QStringLiteral("%1h").arg(hours);
    }
    if (hours < 24 * 8) {
        const qint64 h = hours % 24;
        return h == 0 ? QStringLiteral("%1d").arg(hours / 24) : QStringLiteral("%1d%2h").arg(hours / 24).arg(h);
    }
    if (hours < 24 * 365 * 2) {
        return QStringLiteral("%1d").arg(hours / 24);
    }
    if (hours < 24 * 365 * 8) {
        const qint64 dy = (hours / 24) % 365;
        return dy == 0 ? QStringLiteral("%1y").arg(hours / 24 / 365)
                       : QStringLiteral("%1y%2d").arg(hours / 24 / 365).arg(dy);
    }
    return QStringLiteral("%1y").arg(hours / 24 / 365);
}

} // namespace Gantry::Kube
