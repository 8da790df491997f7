#pragma once

#include <QString>
#include <QStringList>

namespace Gantry::App {

// "gantry templates list|show" and "gantry create-service": golden-path templates, through
// the same models/scaffold services as the create-service wizard.
int runTemplateVerb(const QString &workspace, const QStringList &args);

} // namespace Gantry::App
