#pragma once

#include "models/catalog/catalogloader.h"
#include "models/workspace/workspace.h"

#include <atomic>
#include <vector>

namespace Gantry::Sources {

// Turns catalog locations (a workspace's, or the command line's --source values) into loader
// entries: Git URLs are cloned/fetched into the cache folder, local paths are used in place.
// Also resolves other repositories named by Location targets. Blocking.
class SourceSync final
{
public:
    // `cacheDir`: where clones live (one folder per URL+branch).
    explicit SourceSync(QString cacheDir);

    struct Result
    {
        std::vector<Catalog::CatalogLoader::Entry> entries;
        std::vector<Catalog::Problem> problems; // fetch/clone failures, naming gantry.yaml:line
        QStringList messages;                   // the same, as plain sentences for a banner
        bool anyFailure = false;
    };

    Result sync(const Workspace::Workspace &workspace, bool offline, const std::atomic_bool *cancel = nullptr,
                const Catalog::CatalogLoader::ProgressCallback &progress = {});

    // One command-line source: a file, a folder, or a Git URL (optionally "URL#branch:path").
    Result syncSource(const QString &source, bool offline, const std::atomic_bool *cancel = nullptr);

    // For CatalogLoader::setMountResolver: clones/fetches other repositories that Location
    // targets name by absolute URL (plain Git URLs, and GitHub/GitLab-style .../blob/BRANCH/PATH).
    Catalog::CatalogLoader::MountResolver resolver(bool offline);

    // Mount for a Git URL + branch, syncing it. nullptr and *error on failure.
    Catalog::MountPtr mountGit(const QString &url, const QString &branch, bool offline, QString *error,
                               const std::atomic_bool *cancel = nullptr);
    static Catalog::MountPtr mountFolder(const QString &absoluteFolder);

private:
    QString m_cacheDir;
};

} // namespace Gantry::Sources
