#pragma once

#include "models/workspace/workspace.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace Gantry::Scaffold {

// The scaffolder's view of "apply these manifests to an environment". Kept this small so the
// scaffolder builds and is tested without the Kubernetes client; the real implementation wraps
// Kube::KubeClient::apply().
class StagingDeployer
{
public:
    virtual ~StagingDeployer() = default;
    struct Result
    {
        bool ok = false;
        QString error;   // what failed and what to do
        QString summary; // "applied 4 objects to staging (namespace staging)"
    };
    // `manifests`: one multi-document YAML stream. Blocking; polls `cancel`.
    virtual Result apply(const Workspace::Workspace &workspace, const Workspace::Environment &environment,
                         const QByteArray &manifests, const std::atomic_bool *cancel) = 0;
};

using StagingDeployerFactory = std::function<std::unique_ptr<StagingDeployer>()>;

// The deployer used when none is set: the Kubernetes client when it is built in, else one that
// says the deploy step is not available.
std::unique_ptr<StagingDeployer> defaultStagingDeployer();

} // namespace Gantry::Scaffold
