#pragma once

#include <QStringList>

namespace Gantry::App {

// "gantry demo init DIR": creates the demo workspace (catalog repository, Git host, gantry.yaml,
// cluster.yaml and kubeconfig). "gantry demo cluster [DIR]": runs gantry-kubesim for that demo
// workspace in the foreground until SIGINT/SIGTERM, and exits with its exit code.
int runDemoVerb(const QString &workspace, const QStringList &args);

} // namespace Gantry::App
