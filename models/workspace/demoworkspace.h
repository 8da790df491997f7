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
    // Creates the demo in `dir`, which must be empty or not exist yet.
    static bool create(const QString &dir, QString *error);
    // Whether `workspace` is a demo created by create() (in its own folder).
    static bool isDemo(const Workspace &workspace);
};

} // namespace Gantry::Workspace
