#pragma once

#include "models/scaffold/actions/action.h"

namespace Gantry::Scaffold {

// gantry:deploy — applies the rendered manifests of one folder (input.path, default
// "deploy/staging") to a workspace environment (input.environment, default "staging") through
// the StagingDeployer. Skipped when the run says --no-deploy.
class DeployAction final
{
public:
    static bool run(ActionContext &ctx, QString *error);
    // Every YAML file under `folder` in `files`, joined as one multi-document stream (sorted).
    static QByteArray manifestsIn(const FileSet &files, const QString &folder);
};

} // namespace Gantry::Scaffold
