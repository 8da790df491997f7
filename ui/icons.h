#pragma once

#include <QIcon>
#include <QString>

namespace Gantry::Ui::Icons {

// The built-in icon ":/icons/<name>.svg", cached.
QIcon named(const QString &name);
// The icon for a kind icon name as CatalogModel::kindIconName() gives it ("component", ...).
QIcon kind(const QString &kindIconName);
// A muted check mark in a circle ("nothing to report"), in the style of the severity icons.
QIcon noProblems();

} // namespace Gantry::Ui::Icons
