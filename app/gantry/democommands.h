#pragma once

#include <QStringList>

namespace Gantry::App {

// "gantry demo init DIR": creates the demo workspace (catalog repository, Git host, gantry.yaml).
int runDemoVerb(const QString &workspace, const QStringList &args);

} // namespace Gantry::App
