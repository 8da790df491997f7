#include "models/kube/resourcetype.h"

namespace Gantry::Kube {

QString ResourceType::path(const QString &nameSpace, const QString &name) const
{
    QString p = group.isEmpty() ? QString(QStringLiteral("/api/") + version)
                                : QString(QStringLiteral("/apis/") + group + QLatin1Char('/') + version);
    if (namespaced && !nameSpace.isEmpty()) {
        p += QStringLiteral("/namespaces/") + nameSpace;
    }
    p += QLatin1Char('/') + plural;
    if (!name.isEmpty()) {
        p += QLatin1Char('/') + name;
    }
    return p;
}

ResourceType ResourceType::deployments()
{
    return {QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments"), QStringLiteral("Deployment"),
            true};
}

ResourceType ResourceType::replicaSets()
{
    return {QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("replicasets"), QStringLiteral("ReplicaSet"),
            true};
}

ResourceType ResourceType::pods()
{
    return {QString(), QStringLiteral("v1"), QStringLiteral("pods"), QStringLiteral("Pod"), true};
}

ResourceType ResourceType::events()
{
    return {QString(), QStringLiteral("v1"), QStringLiteral("events"), QStringLiteral("Event"), true};
}

ResourceType ResourceType::services()
{
    return {QString(), QStringLiteral("v1"), QStringLiteral("services"), QStringLiteral("Service"), true};
}

ResourceType ResourceType::namespaces()
{
    return {QString(), QStringLiteral("v1"), QStringLiteral("namespaces"), QStringLiteral("Namespace"), false};
}

ResourceType ResourceType::horizontalPodAutoscalers()
{
    return {QStringLiteral("autoscaling"), QStringLiteral("v2"), QStringLiteral("horizontalpodautoscalers"),
            QStringLiteral("HorizontalPodAutoscaler"), true};
}

ResourceType ResourceType::podDisruptionBudgets()
{
    return {QStringLiteral("policy"), QStringLiteral("v1"), QStringLiteral("poddisruptionbudgets"),
            QStringLiteral("PodDisruptionBudget"), true};
}

ResourceType ResourceType::configMaps()
{
    return {QString(), QStringLiteral("v1"), QStringLiteral("configmaps"), QStringLiteral("ConfigMap"), true};
}

bool ResourceType::fromApiVersionKind(const QString &apiVersion, const QString &kind, ResourceType *type)
{
    const QString group =
        apiVersion.contains(QLatin1Char('/')) ? apiVersion.section(QLatin1Char('/'), 0, 0) : QString();
    const QString version = apiVersion.section(QLatin1Char('/'), -1);
    struct Known
    {
        const char *group;
        const char *kind;
        const char *plural;
        bool namespaced;
    };
    static const Known known[] = {
        {"apps", "Deployment", "deployments", true},
        {"apps", "ReplicaSet", "replicasets", true},
        {"apps", "StatefulSet", "statefulsets", true},
        {"apps", "DaemonSet", "daemonsets", true},
        {"", "Pod", "pods", true},
        {"", "Service", "services", true},
        {"", "ConfigMap", "configmaps", true},
        {"", "Secret", "secrets", true},
        {"", "ServiceAccount", "serviceaccounts", true},
        {"", "Namespace", "namespaces", false},
        {"", "Event", "events", true},
        {"autoscaling", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true},
        {"policy", "PodDisruptionBudget", "poddisruptionbudgets", true},
        {"networking.k8s.io", "Ingress", "ingresses", true},
        {"batch", "Job", "jobs", true},
        {"batch", "CronJob", "cronjobs", true},
    };
    for (const auto &k : known) {
        if (group == QLatin1String(k.group) && kind == QLatin1String(k.kind)) {
            *type = {group, version, QLatin1String(k.plural), kind, k.namespaced};
            return true;
        }
    }
    return false;
}

} // namespace Gantry::Kube
