#include "models/kube/workloadproblems.h"

#include "models/kube/rolloutstatus.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QMap>

#include <algorithm>

namespace Gantry::Kube {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Gantry::Kube::WorkloadProblems", text, disambiguation, n);
}

// English source strings have no plural forms of their own: pick the singular text for 1.
QString plural(const char *one, const char *many, int n)
{
    return n == 1 ? tr(one) : tr(many, nullptr, n);
}

QDateTime parseTime(const QJsonValue &value)
{
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!t.isValid()) {
        t = QDateTime::fromString(value.toString(), Qt::ISODate);
    }
    return t.toUTC();
}

// Waiting reasons that are a normal start, not a problem.
bool isNormalWaiting(const QString &reason)
{
    return reason.isEmpty() || reason == QLatin1String("ContainerCreating") ||
           reason == QLatin1String("PodInitializing");
}

QString waitingFix(const QString &reason)
{
    if (reason == QLatin1String("InvalidImageName")) {
        return tr("The image name is invalid: check the image reference in the Deployment.");
    }
    if (reason == QLatin1String("ImagePullBackOff") || reason == QLatin1String("ErrImagePull")) {
        return tr("The image cannot be pulled: check that the image and tag exist and that the cluster may pull "
                  "from the registry.");
    }
    if (reason == QLatin1String("CrashLoopBackOff")) {
        return tr("The container keeps crashing: check its logs from before the crash (kubectl logs --previous).");
    }
    if (reason == QLatin1String("CreateContainerConfigError")) {
        return tr("A ConfigMap or Secret (or a key in one) that the pod needs is missing.");
    }
    return tr("Check the pod's events.");
}

QJsonObject containerSpec(const QJsonObject &pod, const QString &name)
{
    for (const auto &c : pod.value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray()) {
        if (c.toObject().value(QLatin1String("name")).toString() == name) {
            return c.toObject();
        }
    }
    return {};
}

} // namespace

std::vector<WorkloadProblem> detectPodProblems(const QJsonObject &pod, const QDateTime &now)
{
    std::vector<WorkloadProblem> problems;
    const QString name = pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    const QJsonArray statuses =
        pod.value(QLatin1String("status")).toObject().value(QLatin1String("containerStatuses")).toArray();
    for (const auto &v : statuses) {
        const QJsonObject cs = v.toObject();
        const QString container = cs.value(QLatin1String("name")).toString();
        const QJsonObject state = cs.value(QLatin1String("state")).toObject();
        const QJsonObject lastTerminated =
            cs.value(QLatin1String("lastState")).toObject().value(QLatin1String("terminated")).toObject();
        const bool ready = cs.value(QLatin1String("ready")).toBool(false);

        // readiness-probe-taking-too-long
        if (!ready && state.contains(QLatin1String("running"))) {
            const QJsonObject probe = containerSpec(pod, container).value(QLatin1String("readinessProbe")).toObject();
            const QDateTime started =
                parseTime(state.value(QLatin1String("running")).toObject().value(QLatin1String("startedAt")));
            if (!probe.isEmpty() && started.isValid()) {
                const int delay = probe.value(QLatin1String("initialDelaySeconds")).toInt(0);
                const int period = probe.value(QLatin1String("periodSeconds")).toInt(10);
                const int threshold = probe.value(QLatin1String("failureThreshold")).toInt(3);
                if (started.addSecs(qint64(delay) + qint64(period) * threshold) < now) {
                    WorkloadProblem p;
                    p.objectKind = QStringLiteral("Pod");
                    p.objectName = name;
                    p.type = QStringLiteral("readiness-probe-taking-too-long");
                    p.severity = 4;
                    p.reason = QStringLiteral("NotReady");
                    p.container = container;
                    p.message = tr("The container %1 failed to start properly, but is not crashing").arg(container);
                    p.proposedFix = tr("Check the pod's events for failing readiness probes.");
                    problems.push_back(p);
                }
            }
        }

        // container-waiting (Backstage needs waiting.message; a problem reason alone counts too)
        const QJsonObject waiting = state.value(QLatin1String("waiting")).toObject();
        const QString waitingReason = waiting.value(QLatin1String("reason")).toString();
        const QString waitingMessage = waiting.value(QLatin1String("message")).toString();
        if (state.contains(QLatin1String("waiting")) && !(isNormalWaiting(waitingReason) && waitingMessage.isEmpty())) {
            WorkloadProblem p;
            p.objectKind = QStringLiteral("Pod");
            p.objectName = name;
            p.type = QStringLiteral("container-waiting");
            p.severity = 4;
            p.reason = waitingReason;
            p.container = container;
            if (!lastTerminated.isEmpty()) {
                p.exitCode = lastTerminated.value(QLatin1String("exitCode")).toInt(-1);
            }
            p.occurrences = cs.value(QLatin1String("restartCount")).toInt(0);
            p.message = waitingMessage.isEmpty() ? waitingReason : waitingMessage;
            p.proposedFix = waitingFix(waitingReason);
            problems.push_back(p);
        }

        // containers-restarting
        const int restarts = cs.value(QLatin1String("restartCount")).toInt(0);
        if (restarts > 0) {
            WorkloadProblem p;
            p.objectKind = QStringLiteral("Pod");
            p.objectName = name;
            p.type = QStringLiteral("containers-restarting");
            p.severity = 4;
            p.container = container;
            p.occurrences = restarts;
            p.reason = lastTerminated.value(QLatin1String("reason")).toString();
            p.exitCode = lastTerminated.isEmpty() ? -1 : lastTerminated.value(QLatin1String("exitCode")).toInt(-1);
            p.message = tr("container=%1 restarted %2 times").arg(container).arg(restarts);
            if (p.reason == QLatin1String("OOMKilled")) {
                p.proposedFix = tr("The container ran out of memory: raise its memory limit or find the leak.");
            } else {
                p.proposedFix = tr("The container exited with a non-zero exit code: check its logs.");
            }
            problems.push_back(p);
        }
    }
    return problems;
}

std::vector<WorkloadProblem> detectDeploymentProblems(const QJsonObject &deployment)
{
    std::vector<WorkloadProblem> problems;
    const QString name = deployment.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    const QJsonObject status = deployment.value(QLatin1String("status")).toObject();
    for (const auto &c : status.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject condition = c.toObject();
        const QString message = condition.value(QLatin1String("message")).toString();
        if (condition.value(QLatin1String("status")).toString() == QLatin1String("False") && !message.isEmpty()) {
            WorkloadProblem p;
            p.objectKind = QStringLiteral("Deployment");
            p.objectName = name;
            p.type = QStringLiteral("condition-message-present");
            p.severity = 6;
            p.reason = condition.value(QLatin1String("reason")).toString();
            p.message = message;
            p.proposedFix = p.reason == QLatin1String("ProgressDeadlineExceeded")
                                ? tr("The rollout is stuck: look at the new pods' problems, then fix the image or "
                                     "roll back.")
                                : tr("Look at the pods' problems and the deployment's events.");
            problems.push_back(p);
        }
    }
    // Gantry's addition: fewer ready replicas than desired once the rollout is not moving.
    const RolloutStatus rollout = deploymentRolloutStatus(deployment);
    const int desired = rollout.desired;
    const int ready = status.value(QLatin1String("readyReplicas")).toInt(0);
    const bool paused = deployment.value(QLatin1String("spec")).toObject().value(QLatin1String("paused")).toBool();
    if (ready < desired && (rollout.state != RolloutStatus::State::Waiting || rollout.updated >= desired || paused)) {
        WorkloadProblem p;
        p.objectKind = QStringLiteral("Deployment");
        p.objectName = name;
        p.type = QStringLiteral("replicas-not-ready");
        p.severity = 5;
        p.reason = QStringLiteral("ReplicasNotReady");
        p.occurrences = desired - ready;
        p.message = tr("%1 of %2 replicas ready").arg(ready).arg(desired);
        p.proposedFix = tr("Look at the pods' problems.");
        problems.push_back(p);
    }
    return problems;
}

std::vector<WorkloadProblem> detectHpaProblems(const QJsonObject &hpa)
{
    std::vector<WorkloadProblem> problems;
    const int maxReplicas = hpa.value(QLatin1String("spec")).toObject().value(QLatin1String("maxReplicas")).toInt(-1);
    const int current = hpa.value(QLatin1String("status")).toObject().value(QLatin1String("currentReplicas")).toInt(-2);
    if (maxReplicas == current) {
        WorkloadProblem p;
        p.objectKind = QStringLiteral("HorizontalPodAutoscaler");
        p.objectName = hpa.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
        p.type = QStringLiteral("hpa-max-current-replicas");
        p.severity = 8;
        p.reason = QStringLiteral("MaxReplicas");
        p.message = tr("Current number of replicas (%1) is equal to the configured max number of replicas (%2)")
                        .arg(current)
                        .arg(maxReplicas);
        p.proposedFix = tr("The autoscaler cannot add replicas: raise maxReplicas or look at the load.");
        problems.push_back(p);
    }
    return problems;
}

std::vector<WorkloadProblem> detectProblems(const QList<QJsonObject> &deployments, const QList<QJsonObject> &pods,
                                            const QList<QJsonObject> &hpas, const QDateTime &now)
{
    std::vector<WorkloadProblem> all;
    for (const auto &d : deployments) {
        auto found = detectDeploymentProblems(d);
        all.insert(all.end(), found.begin(), found.end());
    }
    for (const auto &p : pods) {
        auto found = detectPodProblems(p, now);
        all.insert(all.end(), found.begin(), found.end());
    }
    for (const auto &h : hpas) {
        auto found = detectHpaProblems(h);
        all.insert(all.end(), found.begin(), found.end());
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const WorkloadProblem &a, const WorkloadProblem &b) { return a.severity > b.severity; });
    return all;
}

QStringList summarizeProblems(const std::vector<WorkloadProblem> &problems)
{
    QStringList lines;
    // Deployments and HPAs: one line each, most severe first (the input is sorted).
    for (const auto &p : problems) {
        if (p.objectKind == QLatin1String("Deployment")) {
            if (p.reason == QLatin1String("ProgressDeadlineExceeded")) {
                lines << tr("deployment %1 exceeded its progress deadline: %2").arg(p.objectName, p.message);
            } else {
                lines << tr("deployment %1: %2").arg(p.objectName, p.message);
            }
        } else if (p.objectKind == QLatin1String("HorizontalPodAutoscaler")) {
            lines << tr("autoscaler %1: %2").arg(p.objectName, p.message);
        }
    }

    // Pods: grouped by waiting reason; restarts folded into the group of the same pod.
    struct Group
    {
        QStringList pods;
        QList<int> exitCodes;
        int restarts = 0;
        QString message;
    };
    QMap<QString, Group> waiting; // by reason
    QHash<QString, int> restartsByPod;
    QHash<QString, QString> restartReasonByPod;
    QHash<QString, int> exitCodeByPod;
    QStringList notReadyPods;
    for (const auto &p : problems) {
        if (p.objectKind != QLatin1String("Pod")) {
            continue;
        }
        if (p.type == QLatin1String("containers-restarting")) {
            restartsByPod[p.objectName] += p.occurrences;
            if (!p.reason.isEmpty()) {
                restartReasonByPod.insert(p.objectName, p.reason);
            }
            if (p.exitCode >= 0) {
                exitCodeByPod.insert(p.objectName, p.exitCode);
            }
        } else if (p.type == QLatin1String("container-waiting")) {
            Group &g = waiting[p.reason.isEmpty() ? QStringLiteral("Waiting") : p.reason];
            if (!g.pods.contains(p.objectName)) {
                g.pods << p.objectName;
            }
            // A first crash is waiting in CrashLoopBackOff with restartCount still 0: its exit code
            // is in lastState, and says more than the kubelet's back-off message.
            if (p.exitCode >= 0 && !exitCodeByPod.contains(p.objectName)) {
                exitCodeByPod.insert(p.objectName, p.exitCode);
            }
            if (g.message.isEmpty() && p.message != p.reason) {
                g.message = p.message;
            }
        } else if (p.type == QLatin1String("readiness-probe-taking-too-long")) {
            if (!notReadyPods.contains(p.objectName)) {
                notReadyPods << p.objectName;
            }
        }
    }
    QStringList foldedPods;
    for (auto it = waiting.begin(); it != waiting.end(); ++it) {
        Group &g = it.value();
        QStringList details;
        QList<int> codes;
        for (const auto &pod : g.pods) {
            g.restarts += restartsByPod.value(pod);
            if (exitCodeByPod.contains(pod) && !codes.contains(exitCodeByPod.value(pod))) {
                codes << exitCodeByPod.value(pod);
            }
            foldedPods << pod;
        }
        std::sort(codes.begin(), codes.end());
        if (!codes.isEmpty()) {
            QStringList texts;
            for (int c : codes) {
                texts << QString::number(c);
            }
            details << plural("exit code %1", "exit codes %1", int(codes.size())).arg(texts.join(QStringLiteral(", ")));
        }
        if (g.restarts > 0) {
            details << plural("1 restart", "%n restarts", g.restarts);
        }
        if (details.isEmpty() && !g.message.isEmpty()) {
            details << g.message;
        }
        QString line = plural("1 pod in %1", "%n pods in %1", int(g.pods.size())).arg(it.key());
        if (!details.isEmpty()) {
            line += QStringLiteral(": ") + details.join(QStringLiteral(", "));
        }
        lines << line;
    }
    // Restarting pods not already counted in a waiting group.
    QMap<QString, QStringList> restartingByReason;
    QMap<QString, int> restartCountByReason;
    for (auto it = restartsByPod.cbegin(); it != restartsByPod.cend(); ++it) {
        if (foldedPods.contains(it.key())) {
            continue;
        }
        const QString reason = restartReasonByPod.value(it.key());
        restartingByReason[reason] << it.key();
        restartCountByReason[reason] += it.value();
    }
    for (auto it = restartingByReason.cbegin(); it != restartingByReason.cend(); ++it) {
        QString line = plural("1 pod restarted", "%n pods restarted", int(it.value().size()));
        line += QStringLiteral(": ") + plural("1 restart", "%n restarts", restartCountByReason.value(it.key()));
        if (!it.key().isEmpty()) {
            line += tr(" (last: %1)").arg(it.key());
        }
        lines << line;
    }
    if (!notReadyPods.isEmpty()) {
        lines << plural("1 pod running but not ready (readiness probe failing)",
                        "%n pods running but not ready (readiness probe failing)", int(notReadyPods.size()));
    }
    return lines;
}

} // namespace Gantry::Kube
