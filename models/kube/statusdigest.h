#pragma once

#include "models/kube/deploymentinfo.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace Gantry::Kube {

// Raw objects of one environment, as the informers (or one-shot lists) hold them.
struct EnvironmentObjects
{
    QList<QJsonObject> deployments;
    QList<QJsonObject> replicaSets;
    QList<QJsonObject> pods;
    QList<QJsonObject> events; // of the namespace; only those about the objects above are kept
    QList<QJsonObject> hpas;   // of the namespace; only those scaling the deployments above are kept
};

DeploymentInfo digestDeployment(const QJsonObject &deployment);

// Fills deployments, pods (with their owning deployment and problem), events (newest first, at
// most 50), problems and problemSummaries of `status`. Keeps the other fields.
void digestEnvironment(const EnvironmentObjects &objects, const QDateTime &now, EnvironmentStatus *status);

} // namespace Gantry::Kube
