#pragma once

#include "app/kubesim/deploymentcontroller.h"
#include "app/kubesim/deploymentstatus.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <algorithm>

namespace Gantry::KubeSim {

// One sync's view of a Deployment and the ReplicaSets it controls (deploymentcontroller.cpp and
// deploymentscaling.cpp share it).
struct DeploymentController::State
{
    QJsonObject d;
    QString ns;
    QString name;
    QString uid;
    QJsonObject status;     // the working status: conditions set during this sync
    QList<QJsonObject> all; // owned ReplicaSets, oldest first
    int newIndex = -1;
    bool paused = false;
    qint64 now = 0;

    int maxOldRevision() const
    {
        int max = 0;
        for (int i = 0; i < all.size(); ++i) {
            if (i != newIndex) {
                max = std::max(max, DeploymentStatus::revision(all.at(i)));
            }
        }
        return max;
    }
    QList<int> oldIndices() const
    {
        QList<int> out;
        for (int i = 0; i < all.size(); ++i) {
            if (i != newIndex) {
                out.append(i);
            }
        }
        return out;
    }
    int totalSpecReplicas() const
    {
        int total = 0;
        for (const QJsonObject &rs : all) {
            total += DeploymentStatus::specReplicas(rs);
        }
        return total;
    }
};

} // namespace Gantry::KubeSim
