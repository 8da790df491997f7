#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Gantry::KubeSim::DeploymentStatus {

// The deployment controller's arithmetic, as in kubernetes pkg/controller/deployment/util:
// surge and unavailability fenceposts, status counts and the conditions with their reasons.

const QString kRevision = QStringLiteral("deployment.kubernetes.io/revision");
const QString kRevisionHistory = QStringLiteral("deployment.kubernetes.io/revision-history");
const QString kDesiredReplicas = QStringLiteral("deployment.kubernetes.io/desired-replicas");
const QString kMaxReplicas = QStringLiteral("deployment.kubernetes.io/max-replicas");

int replicas(const QJsonObject &deployment);
bool isRecreate(const QJsonObject &deployment);
// maxSurge rounded up, maxUnavailable rounded down, never both 0 (ResolveFenceposts).
int maxSurge(const QJsonObject &deployment);
int maxUnavailable(const QJsonObject &deployment);
int scaledValue(const QJsonValue &intOrPercent, int total, bool roundUp);

int revision(const QJsonObject &replicaSet);
int specReplicas(const QJsonObject &replicaSet);
int statusCount(const QJsonObject &object, const QString &key);

// status.replicas/updated/ready/available/unavailable, observedGeneration and the Available
// condition, computed from the ReplicaSets; other conditions are kept from current.
QJsonObject calculate(const QJsonObject &deployment, const QJsonObject &newRs, const QList<QJsonObject> &allRs,
                      const QJsonObject &current);

bool isComplete(const QJsonObject &deployment, const QJsonObject &status);
bool isProgressing(const QJsonObject &deployment, const QJsonObject &newStatus);

QJsonObject makeCondition(const QString &type, const QString &status, const QString &reason, const QString &message);
// SetDeploymentCondition: a condition with the same status and reason is left alone; the same
// status keeps its lastTransitionTime. Returns whether anything changed.
bool setCondition(QJsonObject &status, QJsonObject condition);

} // namespace Gantry::KubeSim::DeploymentStatus
