#pragma once

#include <QString>

namespace Gantry::Workspace {

struct Workspace;

// The demo workspace: a catalog repository for a made-up company, pushed to a local bare
// repository that plays the Git host, and the gantry.yaml that points at it. Used on first run
// and by `gantry demo init`; the same content every time.
class DemoWorkspace final
{
public:
    // Creates the demo in `dir`, which must be empty or not exist yet: the catalog and gantry.yaml
    // only (no cluster.yaml, no kubeconfig).
    static bool create(const QString &dir, QString *error);
    // Creates the demo as create() does, together with its cluster (see DemoCluster): cluster.yaml,
    // and the kubeconfig and certificates made by running `simulator` (gantry-kubesim) once. On
    // failure the folder is left as it was.
    static bool createWithCluster(const QString &dir, const QString &simulator, QString *error);
    // Whether `workspace` is a demo created by create() (in its own folder).
    static bool isDemo(const Workspace &workspace);

private:
    static bool createIn(const QString &dir, bool withCluster, const QString &simulator, QString *error);
};

} // namespace Gantry::Workspace
