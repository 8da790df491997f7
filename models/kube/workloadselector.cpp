#include "models/kube/workloadselector.h"

#include "models/catalog/entity.h"
#include "models/workspace/workspace.h"

namespace Gantry::Kube {

WorkloadSelector WorkloadSelector::fromEntity(const Catalog::Entity &entity)
{
    WorkloadSelector s;
    s.service = entity.name;
    s.kubernetesId = entity.annotation("backstage.io/kubernetes-id").trimmed();
    const QString selector = entity.annotation("backstage.io/kubernetes-label-selector").trimmed();
    if (!selector.isEmpty()) {
        s.labelSelector = selector;
    } else if (!s.kubernetesId.isEmpty()) {
        s.labelSelector = QStringLiteral("backstage.io/kubernetes-id=") + s.kubernetesId;
    }
    s.nameSpace = entity.annotation("backstage.io/kubernetes-namespace").trimmed();
    return s;
}

WorkloadSelector WorkloadSelector::fromKubernetesId(const QString &id)
{
    WorkloadSelector s;
    s.service = id;
    s.kubernetesId = id;
    if (!id.isEmpty()) {
        s.labelSelector = QStringLiteral("backstage.io/kubernetes-id=") + id;
    }
    return s;
}

QString WorkloadSelector::namespaceFor(const Workspace::Environment &environment) const
{
    if (!nameSpace.isEmpty()) {
        return nameSpace;
    }
    QString ns = environment.nameSpace;
    ns.replace(QLatin1String("{service}"), service);
    ns.replace(QLatin1String("{id}"), kubernetesId.isEmpty() ? service : kubernetesId);
    ns.replace(QLatin1String("{environment}"), environment.name);
    return ns;
}

} // namespace Gantry::Kube
