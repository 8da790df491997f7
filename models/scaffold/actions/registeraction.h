#pragma once

#include "models/scaffold/actions/action.h"

namespace Gantry::Scaffold {

// catalog:register — commits a Location entity naming the new repository's catalog-info.yaml to
// the workspace's catalog repository (its first Git location) and pushes it. Output: entityRef.
class RegisterAction final
{
public:
    static bool run(ActionContext &ctx, QString *error);
    // "URL#branch" + "/catalog-info.yaml" → the Location target Gantry's loader reads.
    static QString targetFor(const QString &repoContentsUrl, const QString &catalogInfoPath);
};

} // namespace Gantry::Scaffold
