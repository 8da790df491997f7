#include "models/catalog/problem.h"

namespace Gantry::Catalog {

QString Problem::toCompilerString() const
{
    return QStringLiteral("%1:%2:%3: %4: %5")
        .arg(location.file)
        .arg(location.line)
        .arg(location.column)
        .arg(isError() ? QStringLiteral("error") : QStringLiteral("warning"), message);
}

} // namespace Gantry::Catalog
