#include "models/kube/statusdigest.h"

#include "models/kube/podstatus.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace Gantry::Kube {

namespace {

QJsonObject meta(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

QString nameOf(const QJsonObject &o)
{
    return meta(o).value(QLatin1String("name")).toString();
}

// The controller owner's name of `kind`, or "".
QString controllerOf(const QJsonObject &o, QLatin1String kind)
{
    for (const auto &r : meta(o).value(QLatin1String("ownerReferences")).toArray()) {
        const QJsonObject ref = r.toObject();
        if (ref.value(QLatin1String("kind")).toString() == kind) {
            return ref.value(QLatin1String("name")).toString();
        }
    }
    return QString();
}

} // namespace

DeploymentInfo digestDeployment(const QJsonObject &deployment)
{
    DeploymentInfo d;
    const QJsonObject metadata = meta(deployment);
    const QJsonObject spec = deployment.value(QLatin1String("spec")).toObject();
    const QJsonObject status = deployment.value(QLatin1String("status")).toObject();
    const QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
    const QJsonObject templ = spec.value(QLatin1String("template")).toObject();
    d.name = metadata.value(QLatin1String("name")).toString();
    d.nameSpace = metadata.value(QLatin1String("namespace")).toString();
    for (const auto &c : templ.value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray()) {
        d.containers << c.toObject().value(QLatin1String("name")).toString();
        d.images << c.toObject().value(QLatin1String("image")).toString();
    }
    d.desired = spec.value(QLatin1String("replicas")).toInt(1);
    d.current = status.value(QLatin1String("replicas")).toInt(0);
    d.updated = status.value(QLatin1String("updatedReplicas")).toInt(0);
    d.ready = status.value(QLatin1String("readyReplicas")).toInt(0);
    d.available = status.value(QLatin1String("availableReplicas")).toInt(0);
    d.unavailable = status.value(QLatin1String("unavailableReplicas")).toInt(0);
    d.revision = annotations.value(QLatin1String("deployment.kubernetes.io/revision")).toString().toLongLong();
    d.generation = qint64(metadata.value(QLatin1String("generation")).toDouble(0));
    d.observedGeneration = qint64(status.value(QLatin1String("observedGeneration")).toDouble(0));
    d.paused = spec.value(QLatin1String("paused")).toBool(false);
    for (const auto &c : status.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject o = c.toObject();
        DeploymentCondition condition;
        condition.type = o.value(QLatin1String("type")).toString();
        condition.status = o.value(QLatin1String("status")).toString();
        condition.reason = o.value(QLatin1String("reason")).toString();
        condition.message = o.value(QLatin1String("message")).toString();
        condition.lastUpdate = parseKubeTime(o.value(QLatin1String("lastUpdateTime")));
        condition.lastTransition = parseKubeTime(o.value(QLatin1String("lastTransitionTime")));
        d.conditions.push_back(condition);
    }
    d.rollout = deploymentRolloutStatus(deployment);
    d.changeCause = annotations.value(QLatin1String("kubernetes.io/change-cause")).toString();
    d.sourceCommit = annotations.value(QLatin1String("gantry.dev/source-commit")).toString();
    if (d.sourceCommit.isEmpty()) {
        d.sourceCommit = templ.value(QLatin1String("metadata"))
                             .toObject()
                             .value(QLatin1String("annotations"))
                             .toObject()
                             .value(QLatin1String("gantry.dev/source-commit"))
                             .toString();
    }
    d.created = parseKubeTime(metadata.value(QLatin1String("creationTimestamp")));
    d.object = deployment;
    return d;
}

void digestEnvironment(const EnvironmentObjects &objects, const QDateTime &now, EnvironmentStatus *status)
{
    status->deployments.clear();
    status->pods.clear();
    status->events.clear();

    QSet<QString> deploymentNames;
    for (const auto &d : objects.deployments) {
        status->deployments.push_back(digestDeployment(d));
        deploymentNames.insert(nameOf(d));
    }
    std::sort(status->deployments.begin(), status->deployments.end(),
              [](const DeploymentInfo &a, const DeploymentInfo &b) { return a.name < b.name; });

    QHash<QString, QString> deploymentOfReplicaSet;
    for (const auto &rs : objects.replicaSets) {
        deploymentOfReplicaSet.insert(nameOf(rs), controllerOf(rs, QLatin1String("Deployment")));
    }

    QList<QJsonObject> hpas;
    for (const auto &h : objects.hpas) {
        const QJsonObject target =
            h.value(QLatin1String("spec")).toObject().value(QLatin1String("scaleTargetRef")).toObject();
        if (deploymentNames.contains(target.value(QLatin1String("name")).toString())) {
            hpas.append(h);
        }
    }

    status->problems = detectProblems(objects.deployments, objects.pods, hpas, now);
    status->problemSummaries = summarizeProblems(status->problems);

    QSet<QString> involved = deploymentNames;
    for (auto it = deploymentOfReplicaSet.cbegin(); it != deploymentOfReplicaSet.cend(); ++it) {
        involved.insert(it.key());
    }
    for (const auto &p : objects.pods) {
        PodInfo info;
        info.status = podStatus(p);
        const QString rs = controllerOf(p, QLatin1String("ReplicaSet"));
        info.deployment = deploymentOfReplicaSet.value(rs);
        if (info.deployment.isEmpty() && !rs.isEmpty()) {
            // Without the ReplicaSet: the name is DEPLOYMENT-HASH.
            const QString guess = rs.section(QLatin1Char('-'), 0, -2);
            if (deploymentNames.contains(guess)) {
                info.deployment = guess;
            }
        }
        const QJsonArray containers =
            p.value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray();
        info.image =
            containers.isEmpty() ? QString() : containers.first().toObject().value(QLatin1String("image")).toString();
        for (const auto &problem : status->problems) {
            if (problem.objectKind == QLatin1String("Pod") && problem.objectName == info.status.name) {
                info.problem = problem.type == QLatin1String("container-waiting")
                                   ? QStringLiteral("%1: %2").arg(problem.reason, problem.message)
                                   : problem.message;
                if (problem.type == QLatin1String("container-waiting")) {
                    break; // the waiting reason is the most telling
                }
            }
        }
        info.object = p;
        involved.insert(info.status.name);
        status->pods.push_back(info);
    }
    std::sort(status->pods.begin(), status->pods.end(),
              [](const PodInfo &a, const PodInfo &b) { return a.status.name < b.status.name; });

    for (const auto &e : objects.events) {
        const QJsonObject object = e.value(QLatin1String("involvedObject")).toObject();
        const QString objectName = object.value(QLatin1String("name")).toString();
        if (!involved.contains(objectName)) {
            continue;
        }
        EventInfo info;
        info.type = e.value(QLatin1String("type")).toString();
        info.reason = e.value(QLatin1String("reason")).toString();
        info.message = e.value(QLatin1String("message")).toString();
        info.objectKind = object.value(QLatin1String("kind")).toString();
        info.objectName = objectName;
        info.count = e.value(QLatin1String("count")).toInt(1);
        info.lastSeen = parseKubeTime(e.value(QLatin1String("lastTimestamp")));
        if (!info.lastSeen.isValid()) {
            info.lastSeen = parseKubeTime(e.value(QLatin1String("eventTime")));
        }
        if (!info.lastSeen.isValid()) {
            info.lastSeen = parseKubeTime(meta(e).value(QLatin1String("creationTimestamp")));
        }
        status->events.push_back(info);
    }
    std::stable_sort(status->events.begin(), status->events.end(),
                     [](const EventInfo &a, const EventInfo &b) { return a.lastSeen > b.lastSeen; });
    if (status->events.size() > 50) {
        status->events.resize(50);
    }
}

} // namespace Gantry::Kube
