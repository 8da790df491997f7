#pragma once

#include <QString>
#include <QStringList>

namespace Gantry::App {

// "gantry catalog validate|list|show": the same loader and sources as the window.
int runCatalogVerb(const QString &workspace, const QStringList &args);

} // namespace Gantry::App
