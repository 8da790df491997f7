#pragma once

#include <QString>

namespace Gantry::Catalog {
struct Entity;
}
namespace Gantry::Workspace {
struct Environment;
}

namespace Gantry::Kube {

// Which Kubernetes workloads belong to a catalog entity, as Backstage's Kubernetes plugin decides:
// the entity's `backstage.io/kubernetes-label-selector` annotation (wins), else its
// `backstage.io/kubernetes-id` matched against the label of the same name;
// `backstage.io/kubernetes-namespace` pins the namespace.
struct WorkloadSelector
{
    QString service;       // the entity's name (the CLI's SERVICE); used for "{service}" in namespaces
    QString kubernetesId;  // may be empty when only a label selector is given
    QString labelSelector; // what is sent to the API server
    QString nameSpace;     // from backstage.io/kubernetes-namespace; empty: the environment's

    bool isEmpty() const { return labelSelector.isEmpty(); }

    static WorkloadSelector fromEntity(const Catalog::Entity &entity);
    // For a bare kubernetes-id (CLI fallback when SERVICE is not in the catalog).
    static WorkloadSelector fromKubernetesId(const QString &id);

    // The namespace to look in for `environment`: the pinned one, else the environment's rule with
    // "{service}" (and "{id}") replaced, else "" (the context's namespace).
    QString namespaceFor(const Workspace::Environment &environment) const;
};

} // namespace Gantry::Kube
