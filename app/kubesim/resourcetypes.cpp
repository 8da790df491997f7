#include "app/kubesim/resourcetypes.h"

namespace Gantry::KubeSim {

namespace {

ResourceType make(const char *group, const char *version, const char *resource, const char *kind, bool namespaced,
                  QStringList shortNames, bool hasStatus, bool hasScale = false, QStringList categories = {})
{
    ResourceType type;
    type.group = QString::fromLatin1(group);
    type.version = QString::fromLatin1(version);
    type.resource = QString::fromLatin1(resource);
    type.kind = QString::fromLatin1(kind);
    type.singular = type.kind.toLower();
    type.namespaced = namespaced;
    type.shortNames = std::move(shortNames);
    type.categories = std::move(categories);
    type.hasStatus = hasStatus;
    type.hasScale = hasScale;
    type.storeKey = type.group.isEmpty() ? type.resource : type.resource + QLatin1Char('.') + type.group;
    return type;
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items) {
        out.append(QString::fromLatin1(item));
    }
    return out;
}

} // namespace

const QList<ResourceType> &ResourceTypes::all()
{
    // Preferred version of each group first: the store keeps objects in that version.
    static const QList<ResourceType> types = {
        make("", "v1", "namespaces", "Namespace", false, list({"ns"}), true),
        make("", "v1", "nodes", "Node", false, list({"no"}), true),
        make("", "v1", "pods", "Pod", true, list({"po"}), true, false, list({"all"})),
        make("", "v1", "services", "Service", true, list({"svc"}), true, false, list({"all"})),
        make("", "v1", "events", "Event", true, list({"ev"}), false),
        make("apps", "v1", "deployments", "Deployment", true, list({"deploy"}), true, true, list({"all"})),
        make("apps", "v1", "replicasets", "ReplicaSet", true, list({"rs"}), true, true, list({"all"})),
        make("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, list({"hpa"}), true,
             false, list({"all"})),
        make("autoscaling", "v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, list({"hpa"}), true,
             false, list({"all"})),
        make("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, list({"pdb"}), true),
    };
    return types;
}

const ResourceType *ResourceTypes::find(const QString &group, const QString &version, const QString &resource)
{
    for (const ResourceType &type : all()) {
        if (type.group == group && type.version == version && type.resource == resource) {
            return &type;
        }
    }
    return nullptr;
}

const ResourceType *ResourceTypes::byStoreKey(const QString &storeKey)
{
    for (const ResourceType &type : all()) {
        if (type.storeKey == storeKey) {
            return &type;
        }
    }
    return nullptr;
}

QStringList ResourceTypes::groups()
{
    QStringList out;
    for (const ResourceType &type : all()) {
        if (!type.group.isEmpty() && !out.contains(type.group)) {
            out.append(type.group);
        }
    }
    return out;
}

QStringList ResourceTypes::versions(const QString &group)
{
    QStringList out;
    for (const ResourceType &type : all()) {
        if (type.group == group && !out.contains(type.version)) {
            out.append(type.version);
        }
    }
    return out;
}

} // namespace Gantry::KubeSim
