#pragma once

#include "models/scaffold/actions/action.h"

namespace Gantry::Scaffold {

// publish:* — every flavour publishes to the workspace's Git host (git.remotePattern), after the
// rendered files passed the checks: git init, commit as the user, push. Outputs remoteUrl,
// repoContentsUrl and commitHash.
class PublishAction final
{
public:
    static bool run(ActionContext &ctx, QString *error);
    // The repository name: input.repoUrl's repo (RepoUrlPicker form), else input.repoName, else
    // parameters.name. Refuses names that are not a safe single path component.
    static QString repositoryName(const ActionContext &ctx, QString *error);
    // The workspace's pattern with {name} (and {owner}) filled in.
    static QString remoteUrlFor(const Workspace::Workspace &workspace, const QString &name, const QString &owner,
                                QString *error);
};

} // namespace Gantry::Scaffold
