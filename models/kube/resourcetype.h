#pragma once

#include <QString>

namespace Gantry::Kube {

// One kind of API object and where it lives: "/apis/apps/v1/namespaces/NS/deployments/NAME".
struct ResourceType
{
    QString group;   // "" for core
    QString version; // "v1"
    QString plural;  // "deployments"
    QString kind;    // "Deployment"
    bool namespaced = true;

    QString apiVersion() const { return group.isEmpty() ? version : group + QLatin1Char('/') + version; }
    // Collection path (name empty) or object path. nameSpace empty for cluster-scoped or all namespaces.
    QString path(const QString &nameSpace, const QString &name = QString()) const;

    static ResourceType deployments();
    static ResourceType replicaSets();
    static ResourceType pods();
    static ResourceType events();
    static ResourceType services();
    static ResourceType namespaces();
    static ResourceType horizontalPodAutoscalers(); // autoscaling/v2
    static ResourceType podDisruptionBudgets();     // policy/v1
    static ResourceType configMaps();
    // From a manifest's apiVersion and kind (the common built-in kinds); false when unknown.
    static bool fromApiVersionKind(const QString &apiVersion, const QString &kind, ResourceType *type);
};

} // namespace Gantry::Kube
