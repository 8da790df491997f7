#pragma once

#include <QRegularExpression>
#include <QString>

namespace Gantry::Catalog {

// A glob over a '/'-separated relative path ('*' within one component, '**' across components,
// '**/' for zero or more folders, '?' one character), as an anchored regular expression. Used for
// Location targets and for template skeletons' copyWithoutTemplating lists.
QRegularExpression pathGlobToRegex(const QString &glob);

} // namespace Gantry::Catalog
