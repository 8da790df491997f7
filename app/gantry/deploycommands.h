#pragma once

#include <QString>
#include <QStringList>

namespace Gantry::App {

// "gantry status|promote|rollback ...": deployment status and one-command promote/rollback,
// through the same models/kube services as the window's deploy panel.
int runDeployVerb(const QString &workspace, const QStringList &args);

} // namespace Gantry::App
