#include "app/gantry/democommands.h"

#include "app/gantry/commandline.h"
#include "models/workspace/demoworkspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

namespace Gantry::App {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::App::Demo", text);
}
} // namespace

int runDemoVerb(const QString &workspace, const QStringList &args)
{
    Q_UNUSED(workspace); // "demo cluster" will use it
    const QString sub = args.value(0);
    if (sub == QLatin1String("init")) {
        if (args.size() != 2 || args.at(1).startsWith(QLatin1Char('-'))) {
            err() << tr("usage: gantry demo init DIR") << '\n';
            err().flush();
            return ExitUsage;
        }
        const QString dir = QDir(args.at(1)).absolutePath();
        QString error;
        if (!Workspace::DemoWorkspace::create(dir, &error)) {
            err() << tr("gantry: could not create the demo workspace in %1: %2").arg(dir, error) << '\n';
            err().flush();
            return ExitFailure;
        }
        out() << tr("Created the demo workspace in %1\nOpen it with: gantry --workspace %1").arg(dir) << '\n';
        out().flush();
        return ExitOk;
    }
    err() << tr("usage: gantry demo init DIR") << '\n';
    err().flush();
    return ExitUsage;
}

} // namespace Gantry::App
