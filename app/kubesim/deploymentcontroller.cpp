#include "app/kubesim/deploymentcontroller.h"

#include "app/kubesim/controllercontext.h"
#include "app/kubesim/deploymentstate.h"
#include "app/kubesim/deploymentstatus.h"
#include "app/kubesim/eventrecorder.h"
#include "app/kubesim/objectutil.h"
#include "app/kubesim/store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcDeploymentController, "gantry.kubesim.deploymentcontroller")

namespace Gantry::KubeSim {

using namespace DeploymentStatus;

namespace {

const QString kDeployments = QStringLiteral("deployments.apps");
const QString kReplicaSets = QStringLiteral("replicasets.apps");
const QString kComponent = QStringLiteral("deployment-controller");
const QString kProgressing = QStringLiteral("Progressing");
const QString kSpec = QStringLiteral("spec");
const QString kMetadata = QStringLiteral("metadata");
const QString kTemplate = QStringLiteral("template");

// Deployment annotations the controller does not copy onto its ReplicaSets.
bool skipAnnotation(const QString &key)
{
    return key == QLatin1String("kubectl.kubernetes.io/last-applied-configuration") || key == kRevision ||
           key == kRevisionHistory || key == kDesiredReplicas || key == kMaxReplicas ||
           key == QLatin1String("deprecated.deployment.rollback.to");
}

QString creationKey(const QJsonObject &object)
{
    return object.value(kMetadata).toObject().value(QStringLiteral("creationTimestamp")).toString() + QLatin1Char(' ') +
           ObjectUtil::name(object);
}

} // namespace

DeploymentController::DeploymentController(ControllerContext *context)
    : m_context(context)
{}

QJsonObject DeploymentController::newReplicaSetAnnotations(const State &s, const QJsonObject &rs, int newRevision) const
{
    QJsonObject annotations = rs.value(kMetadata).toObject().value(QStringLiteral("annotations")).toObject();
    const QJsonObject own = s.d.value(kMetadata).toObject().value(QStringLiteral("annotations")).toObject();
    for (auto it = own.begin(); it != own.end(); ++it) {
        if (!skipAnnotation(it.key())) {
            annotations.insert(it.key(), it.value());
        }
    }
    const QString oldRevision = annotations.value(kRevision).toString();
    if (!oldRevision.isEmpty() && oldRevision != QString::number(newRevision)) {
        const QString history = annotations.value(kRevisionHistory).toString();
        annotations.insert(kRevisionHistory,
                           history.isEmpty() ? oldRevision : history + QLatin1Char(',') + oldRevision);
    }
    annotations.insert(kRevision, QString::number(newRevision));
    // Sizes are stamped when the ReplicaSet is created and then only by scaling (SetNewReplicaSetAnnotations),
    // so a scale event still sees the old size on it.
    if (!annotations.contains(kDesiredReplicas)) {
        annotations.insert(kDesiredReplicas, QString::number(replicas(s.d)));
        annotations.insert(kMaxReplicas, QString::number(replicas(s.d) + maxSurge(s.d)));
    }
    return annotations;
}

void DeploymentController::syncRevision(State &s)
{
    const QJsonObject podTemplate = s.d.value(kSpec).toObject().value(kTemplate).toObject();
    s.newIndex = -1;
    for (int i = 0; i < s.all.size(); ++i) {
        if (ObjectUtil::templatesEqual(s.all.at(i).value(kSpec).toObject().value(kTemplate).toObject(), podTemplate)) {
            s.newIndex = i;
            break;
        }
    }
    if (s.newIndex < 0) {
        return;
    }
    QJsonObject &rs = s.all[s.newIndex];
    const int current = revision(rs);
    const int maxOld = s.maxOldRevision();
    const bool restamp = current <= maxOld;
    const int newRevision = restamp ? maxOld + 1 : current;
    const QJsonObject annotations = newReplicaSetAnnotations(s, rs, newRevision);
    if (annotations != rs.value(kMetadata).toObject().value(QStringLiteral("annotations")).toObject()) {
        QJsonObject updated = rs;
        QJsonObject metadata = updated.value(kMetadata).toObject();
        metadata.insert(QStringLiteral("annotations"), annotations);
        updated.insert(kMetadata, metadata);
        const StoreResult result = m_context->store->update(kReplicaSets, s.ns, updated);
        if (result.ok()) {
            rs = result.object;
        }
    }
    ObjectUtil::setAnnotation(s.d, kRevision, QString::number(newRevision));
    // A rollback adopts an old ReplicaSet again; so does a deployment that has never reported progress.
    if ((restamp && current > 0) || ObjectUtil::condition(s.status, kProgressing).isEmpty()) {
        if (setCondition(s.status,
                         makeCondition(kProgressing, QStringLiteral("True"), QStringLiteral("FoundNewReplicaSet"),
                                       QStringLiteral("Found new replica set \"%1\"").arg(ObjectUtil::name(rs))))) {
            m_progressStamps.insert(s.uid, s.now);
        }
    }
}

bool DeploymentController::createNewReplicaSet(State &s, int count)
{
    const QJsonObject dSpec = s.d.value(kSpec).toObject();
    const QJsonObject podTemplate = dSpec.value(kTemplate).toObject();
    int collisions = s.status.value(QStringLiteral("collisionCount")).toInt();
    const int newRevision = s.maxOldRevision() + 1;
    for (int attempt = 0; attempt < 10; ++attempt, ++collisions) {
        const QString hash = ObjectUtil::templateHash(podTemplate, collisions);
        const QString rsName = s.name + QLatin1Char('-') + hash;
        if (m_context->store->get(kReplicaSets, s.ns, rsName)) {
            continue; // a name collision with a different template: bump collisionCount
        }
        QJsonObject rsTemplate = podTemplate;
        QJsonObject templateMetadata = rsTemplate.value(kMetadata).toObject();
        QJsonObject templateLabels = templateMetadata.value(QStringLiteral("labels")).toObject();
        templateLabels.insert(QStringLiteral("pod-template-hash"), hash);
        templateMetadata.insert(QStringLiteral("labels"), templateLabels);
        rsTemplate.insert(kMetadata, templateMetadata);
        QJsonObject selector = dSpec.value(QStringLiteral("selector")).toObject();
        QJsonObject matchLabels = selector.value(QStringLiteral("matchLabels")).toObject();
        matchLabels.insert(QStringLiteral("pod-template-hash"), hash);
        selector.insert(QStringLiteral("matchLabels"), matchLabels);

        QJsonObject rs{
            {kMetadata,
             QJsonObject{{QStringLiteral("name"), rsName},
                         {QStringLiteral("labels"), templateLabels},
                         {QStringLiteral("ownerReferences"), QJsonArray{ObjectUtil::makeControllerRef(s.d)}}}},
            {kSpec,
             QJsonObject{{QStringLiteral("replicas"), count},
                         {QStringLiteral("minReadySeconds"), dSpec.value(QStringLiteral("minReadySeconds")).toInt()},
                         {QStringLiteral("selector"), selector},
                         {kTemplate, rsTemplate}}}};
        QJsonObject metadata = rs.value(kMetadata).toObject();
        metadata.insert(QStringLiteral("annotations"), newReplicaSetAnnotations(s, rs, newRevision));
        rs.insert(kMetadata, metadata);
        const StoreResult created = m_context->store->create(kReplicaSets, s.ns, rs);
        if (!created.ok()) {
            qCWarning(lcDeploymentController) << "cannot create ReplicaSet" << rsName << created.message;
            setCondition(
                s.status,
                makeCondition(
                    kProgressing, QStringLiteral("False"), QStringLiteral("ReplicaSetCreateError"),
                    QStringLiteral("Failed to create new replica set \"%1\": %2").arg(rsName, created.message)));
            return false;
        }
        if (collisions > 0) {
            s.status.insert(QStringLiteral("collisionCount"), collisions);
        }
        s.all.append(created.object);
        s.newIndex = int(s.all.size()) - 1;
        ObjectUtil::setAnnotation(s.d, kRevision, QString::number(newRevision));
        if (count > 0) {
            m_context->events->record(s.d, EventRecorder::Type::Normal, QStringLiteral("ScalingReplicaSet"),
                                      QStringLiteral("Scaled up replica set %1 to %2 from 0").arg(rsName).arg(count),
                                      kComponent);
        }
        setCondition(s.status,
                     makeCondition(kProgressing, QStringLiteral("True"), QStringLiteral("NewReplicaSetCreated"),
                                   QStringLiteral("Created new replica set \"%1\"").arg(rsName)));
        m_progressStamps.insert(s.uid, s.now);
        return true;
    }
    return false;
}

void DeploymentController::scale(State &s, QJsonObject &rs, int count)
{
    const int from = specReplicas(rs);
    QJsonObject updated = rs;
    QJsonObject spec = updated.value(kSpec).toObject();
    spec.insert(QStringLiteral("replicas"), count);
    updated.insert(kSpec, spec);
    ObjectUtil::setAnnotation(updated, kDesiredReplicas, QString::number(replicas(s.d)));
    ObjectUtil::setAnnotation(updated, kMaxReplicas, QString::number(replicas(s.d) + maxSurge(s.d)));
    const StoreResult result = m_context->store->update(kReplicaSets, s.ns, updated);
    if (!result.ok()) {
        qCWarning(lcDeploymentController) << "cannot scale" << ObjectUtil::name(rs) << result.message;
        return;
    }
    rs = result.object;
    if (from != count) {
        m_context->events->record(
            s.d, EventRecorder::Type::Normal, QStringLiteral("ScalingReplicaSet"),
            QStringLiteral("Scaled %1 replica set %2 to %3 from %4")
                .arg(count > from ? QStringLiteral("up") : QStringLiteral("down"), ObjectUtil::name(rs))
                .arg(count)
                .arg(from),
            kComponent);
    }
}

bool DeploymentController::rolloutRolling(State &s)
{
    const int desired = replicas(s.d);
    if (s.newIndex < 0) {
        // NewRSNewReplicas for a ReplicaSet that starts at 0.
        const int maxTotal = desired + maxSurge(s.d);
        const int current = s.totalSpecReplicas();
        const int initial = current >= maxTotal ? 0 : std::min(maxTotal - current, desired);
        return createNewReplicaSet(s, initial);
    }

    // reconcileNewReplicaSet
    const int current = specReplicas(s.all.at(s.newIndex));
    if (current > desired) {
        scale(s, s.all[s.newIndex], desired);
        return true;
    }
    if (current < desired) {
        const int maxTotal = desired + maxSurge(s.d);
        const int total = s.totalSpecReplicas();
        if (total < maxTotal) {
            const int up = std::min(maxTotal - total, desired - current);
            if (up > 0) {
                scale(s, s.all[s.newIndex], current + up);
                return true;
            }
        }
    }

    // reconcileOldReplicaSets
    const QList<int> old = s.oldIndices();
    int oldPods = 0;
    for (const int i : old) {
        oldPods += specReplicas(s.all.at(i));
    }
    if (oldPods == 0) {
        return false;
    }
    const int minAvailable = desired - maxUnavailable(s.d);
    const QJsonObject &newRs = s.all.at(s.newIndex);
    const int newUnavailable = specReplicas(newRs) - statusCount(newRs, QStringLiteral("availableReplicas"));
    const int maxScaledDown = s.totalSpecReplicas() - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) {
        return false;
    }
    // cleanupUnhealthyReplicas: old pods that are not available go first.
    int cleaned = 0;
    for (const int i : old) {
        if (cleaned >= maxScaledDown) {
            break;
        }
        const int spec = specReplicas(s.all.at(i));
        const int unhealthy = spec - statusCount(s.all.at(i), QStringLiteral("availableReplicas"));
        if (spec == 0 || unhealthy <= 0) {
            continue;
        }
        const int count = std::min(maxScaledDown - cleaned, unhealthy);
        scale(s, s.all[i], spec - count);
        cleaned += count;
    }
    // scaleDownOldReplicaSetsForRollingUpdate: never below minAvailable available pods.
    int available = 0;
    for (const QJsonObject &rs : std::as_const(s.all)) {
        available += statusCount(rs, QStringLiteral("availableReplicas"));
    }
    int scaledDown = 0;
    if (available > minAvailable) {
        const int total = available - minAvailable;
        for (const int i : old) {
            if (scaledDown >= total) {
                break;
            }
            const int spec = specReplicas(s.all.at(i));
            if (spec == 0) {
                continue;
            }
            const int count = std::min(spec, total - scaledDown);
            scale(s, s.all[i], spec - count);
            scaledDown += count;
        }
    }
    return cleaned + scaledDown > 0;
}

bool DeploymentController::rolloutRecreate(State &s)
{
    bool scaled = false;
    for (const int i : s.oldIndices()) {
        if (specReplicas(s.all.at(i)) > 0) {
            scale(s, s.all[i], 0);
            scaled = true;
        }
    }
    if (scaled) {
        return true;
    }
    // Wait until every old pod is gone, terminating ones included.
    const QList<QJsonObject> pods = m_context->store->list(QStringLiteral("pods"), s.ns);
    for (const int i : s.oldIndices()) {
        const QString uid = ObjectUtil::uid(s.all.at(i));
        for (const QJsonObject &pod : pods) {
            if (ObjectUtil::isControlledBy(pod, uid)) {
                return false;
            }
        }
    }
    const int desired = replicas(s.d);
    if (s.newIndex < 0) {
        return createNewReplicaSet(s, desired);
    }
    if (specReplicas(s.all.at(s.newIndex)) != desired) {
        scale(s, s.all[s.newIndex], desired);
        return true;
    }
    return false;
}

qint64 DeploymentController::finish(State &s, bool scaled)
{
    const QJsonObject newRs = s.newIndex >= 0 ? s.all.at(s.newIndex) : QJsonObject();
    QJsonObject status = calculate(s.d, newRs, s.all, s.status);
    const QString rsName = ObjectUtil::name(newRs);
    const QJsonValue deadlineValue = s.d.value(kSpec).toObject().value(QStringLiteral("progressDeadlineSeconds"));
    const bool hasDeadline = deadlineValue.isDouble() && deadlineValue.toInt() < 2147483647;
    qint64 next = 0;
    bool complete = false;

    if (!s.paused) {
        complete = isComplete(s.d, status);
        const QJsonObject current = ObjectUtil::condition(status, kProgressing);
        const bool wasComplete =
            status.value(QStringLiteral("replicas")).toInt() ==
                status.value(QStringLiteral("updatedReplicas")).toInt() &&
            current.value(QStringLiteral("reason")).toString() == QLatin1String("NewReplicaSetAvailable");
        if (!hasDeadline) {
            ObjectUtil::removeCondition(status, kProgressing);
        } else if (!wasComplete) {
            if (complete) {
                setCondition(status, makeCondition(
                                         kProgressing, QStringLiteral("True"), QStringLiteral("NewReplicaSetAvailable"),
                                         QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(rsName)));
                m_progressStamps.insert(s.uid, s.now);
            } else if (isProgressing(s.d, status)) {
                QJsonObject condition =
                    makeCondition(kProgressing, QStringLiteral("True"), QStringLiteral("ReplicaSetUpdated"),
                                  rsName.isEmpty() ? QStringLiteral("Deployment \"%1\" is progressing.").arg(s.name)
                                                   : QStringLiteral("ReplicaSet \"%1\" is progressing.").arg(rsName));
                if (current.value(QStringLiteral("status")).toString() == QLatin1String("True")) {
                    condition.insert(QStringLiteral("lastTransitionTime"),
                                     current.value(QStringLiteral("lastTransitionTime")));
                }
                ObjectUtil::removeCondition(status, kProgressing);
                setCondition(status, condition);
                m_progressStamps.insert(s.uid, s.now);
            } else if (!current.isEmpty()) {
                qint64 since = m_progressStamps.value(s.uid, 0);
                if (since == 0) {
                    since =
                        QDateTime::fromString(current.value(QStringLiteral("lastUpdateTime")).toString(), Qt::ISODate)
                            .toMSecsSinceEpoch();
                }
                const qint64 deadline = since + m_context->scaledAlways(deadlineValue.toInt());
                if (current.value(QStringLiteral("reason")).toString() == QLatin1String("ProgressDeadlineExceeded")) {
                    // Failed; stays so until the rollout moves again.
                } else if (s.now > deadline) {
                    setCondition(status,
                                 makeCondition(
                                     kProgressing, QStringLiteral("False"), QStringLiteral("ProgressDeadlineExceeded"),
                                     rsName.isEmpty()
                                         ? QStringLiteral("Deployment \"%1\" has timed out progressing.").arg(s.name)
                                         : QStringLiteral("ReplicaSet \"%1\" has timed out progressing.").arg(rsName)));
                } else {
                    next = deadline + 1;
                }
            }
        }
    }

    QJsonObject updated = s.d;
    updated.insert(QStringLiteral("status"), status);
    if (updated != m_context->store->get(kDeployments, s.ns, s.name).value_or(QJsonObject())) {
        // Status, observedGeneration and the revision annotation in one write.
        const StoreResult result = m_context->store->update(kDeployments, s.ns, updated);
        if (!result.ok()) {
            qCDebug(lcDeploymentController) << "status write failed" << s.ns << s.name << result.message;
        }
    }
    if (s.paused || (!scaled && complete)) {
        cleanup(s);
    }
    return next;
}

qint64 DeploymentController::sync(const QString &ns, const QString &name)
{
    const auto found = m_context->store->get(kDeployments, ns, name);
    if (!found || ObjectUtil::isTerminating(*found)) {
        return 0;
    }
    State s;
    s.d = *found;
    s.ns = ns;
    s.name = name;
    s.uid = ObjectUtil::uid(s.d);
    s.status = s.d.value(QStringLiteral("status")).toObject();
    s.paused = s.d.value(kSpec).toObject().value(QStringLiteral("paused")).toBool();
    s.now = ControllerContext::now();
    const QList<QJsonObject> replicaSets = m_context->store->list(kReplicaSets, ns);
    for (const QJsonObject &rs : replicaSets) {
        if (ObjectUtil::isControlledBy(rs, s.uid)) {
            s.all.append(rs);
        }
    }
    std::sort(s.all.begin(), s.all.end(),
              [](const QJsonObject &a, const QJsonObject &b) { return creationKey(a) < creationKey(b); });

    // checkPausedConditions
    const QJsonObject progressing = ObjectUtil::condition(s.status, kProgressing);
    const QString reason = progressing.value(QStringLiteral("reason")).toString();
    if (reason != QLatin1String("ProgressDeadlineExceeded")) {
        if (s.paused && reason != QLatin1String("DeploymentPaused")) {
            setCondition(s.status,
                         makeCondition(kProgressing, QStringLiteral("Unknown"), QStringLiteral("DeploymentPaused"),
                                       QStringLiteral("Deployment is paused")));
            m_progressStamps.insert(s.uid, s.now);
        } else if (!s.paused && reason == QLatin1String("DeploymentPaused")) {
            setCondition(s.status,
                         makeCondition(kProgressing, QStringLiteral("Unknown"), QStringLiteral("DeploymentResumed"),
                                       QStringLiteral("Deployment is resumed")));
            m_progressStamps.insert(s.uid, s.now);
        }
    }

    // Decided before the revision sync re-annotates the new ReplicaSet, as the real controller does.
    const bool scalingEvent = isScalingEvent(s);
    syncRevision(s);
    bool scaled = false;
    if (s.paused) {
        scaled = scalePaused(s);
    } else if (scalingEvent && s.newIndex >= 0) {
        scaled = scaleProportionally(s);
    } else if (isRecreate(s.d)) {
        scaled = rolloutRecreate(s);
    } else {
        scaled = rolloutRolling(s);
    }
    return finish(s, scaled);
}

} // namespace Gantry::KubeSim
