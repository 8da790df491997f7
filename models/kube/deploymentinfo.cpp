#include "models/kube/deploymentinfo.h"

namespace Gantry::Kube {

QString DeploymentInfo::version() const
{
    const QString img = image();
    const qsizetype at = img.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        return img.mid(at + 1);
    }
    const qsizetype slash = img.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = img.lastIndexOf(QLatin1Char(':'));
    if (colon > slash) {
        return img.mid(colon + 1);
    }
    return img.isEmpty() ? QString() : QStringLiteral("latest");
}

bool EnvironmentStatus::isHealthy() const
{
    if (!loaded || error.isError()) {
        return false;
    }
    for (const auto &d : deployments) {
        if (d.rollout.isFailed()) {
            return false;
        }
    }
    for (const auto &p : problems) {
        // Restarts long ago alone do not make an environment unhealthy; everything else does.
        if (p.type != QLatin1String("containers-restarting") && p.type != QLatin1String("hpa-max-current-replicas")) {
            return false;
        }
    }
    return true;
}

RolloutStatus::State EnvironmentStatus::rolloutState() const
{
    RolloutStatus::State state = RolloutStatus::State::Done;
    for (const auto &d : deployments) {
        if (d.rollout.isFailed()) {
            return RolloutStatus::State::Failed;
        }
        if (!d.rollout.isDone()) {
            state = RolloutStatus::State::Waiting;
        }
    }
    return state;
}

QString EnvironmentStatus::primaryImage() const
{
    return deployments.empty() ? QString() : deployments.front().image();
}

const DeploymentInfo *EnvironmentStatus::deployment(const QString &name) const
{
    for (const auto &d : deployments) {
        if (d.name == name) {
            return &d;
        }
    }
    return nullptr;
}

} // namespace Gantry::Kube
