#include "app/gantry/templatecommands.h"

#include "app/gantry/commandline.h"

#include <QCoreApplication>
#include <QTextStream>

namespace Gantry::App {

int runTemplateVerb(const QString &workspace, const QStringList &args)
{
    Q_UNUSED(workspace);
    err() << QCoreApplication::translate("Gantry::App", "gantry: \"%1\" is not available yet").arg(args.value(0))
          << '\n';
    err().flush();
    return ExitFailure;
}

} // namespace Gantry::App
