#pragma once

#include <QJsonObject>

namespace Gantry::KubeSim {

struct ResourceType;

// Views of stored objects in another shape: served API versions (HorizontalPodAutoscaler is
// stored as autoscaling/v2 and served as v1 too) and the autoscaling/v1 Scale of a Deployment.
class Conversions final
{
public:
    // The object as the client asked for it.
    static QJsonObject toServedVersion(const ResourceType &type, const QJsonObject &stored);
    // A client's object in the stored version.
    static QJsonObject fromServedVersion(const ResourceType &type, const QJsonObject &object);
    static QJsonObject scaleOf(const QJsonObject &deployment);
};

} // namespace Gantry::KubeSim
