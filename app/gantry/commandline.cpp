#include "app/gantry/commandline.h"

#include "app/gantry/catalogcommands.h"
#include "app/gantry/democommands.h"
#include "app/gantry/deploycommands.h"
#include "app/gantry/templatecommands.h"
#include "models/workspace/settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>

namespace Gantry::App {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString usageText()
{
    return QCoreApplication::translate("Gantry::App", R"(Usage: gantry [--workspace DIR] [VERB ...]

Without a verb, opens the window on the workspace (or the last one, or the demo).

Verbs:
  catalog validate [PATH|DIR|GIT-URL ...]   check catalog files; FILE:LINE:COL: error: MESSAGE
  catalog list [--kind K] [--owner O] [--format table|json]
  catalog show REF [--format yaml|json]     one entity with its derived relations
  catalog graph REF [--depth N] [--relations LIST] [--kinds LIST] [--direction LR|TB]
                [--mode neighbours|blast-radius|needs] [--format dot|svg|png|json] [-o FILE]
  demo init DIR                             create the demo workspace in DIR
  demo cluster [DIR]                        run the demo workspace's cluster (gantry-kubesim) until stopped
  templates list [--format table|json]      the golden-path templates (built in and from the catalog)
  templates show NAME [--format table|json] a template's parameters and steps
  create-service --template NAME [--set KEY=VALUE ...] [--values FILE.yaml] [--dry-run] [--no-deploy]
                 [--format text|json]       create, push, register and deploy a new service
  status [SERVICE] [--env ENV] [--format table|json]
                                            deployment health per environment (exit 1 if unhealthy)
  promote SERVICE [--from ENV] --to ENV [--wait] [--timeout DURATION]
                                            copy the images of one environment to another
  rollback SERVICE --env ENV [--wait] [--timeout DURATION]
                                            back to the previous revision (kubectl rollout undo)
  restart SERVICE --env ENV [--wait] [--timeout DURATION]
                                            restart the pods (kubectl rollout restart)
  scale SERVICE --env ENV --replicas N [--wait] [--timeout DURATION]
                                            set the number of replicas (kubectl scale)

Catalog verbs read the workspace, or instead the files, folders and Git URLs given with
--source (repeatable). Add --offline to use local clones only.

Global options:
  --workspace DIR   the workspace folder (holding gantry.yaml) or the gantry.yaml file
  --help, -h        this text
  --version         the version

Exit codes: 0 success, 1 failure (or errors found), 2 usage error.
)");
}

bool parseGlobalOptions(const QStringList &arguments, GlobalOptions *options, QString *error)
{
    // Options Qt itself understands (-platform offscreen, -style Fusion, ...) belong to the window.
    static const QStringList qtOptionsWithValue = {
        QStringLiteral("-platform"),        QStringLiteral("-platformpluginpath"),
        QStringLiteral("-platformtheme"),   QStringLiteral("-plugin"),
        QStringLiteral("-qwindowgeometry"), QStringLiteral("-qwindowtitle"),
        QStringLiteral("-qwindowicon"),     QStringLiteral("-style"),
        QStringLiteral("-stylesheet"),      QStringLiteral("-display"),
        QStringLiteral("-geometry"),        QStringLiteral("-title"),
    };
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--workspace")) {
            if (i + 1 >= arguments.size()) {
                *error = QCoreApplication::translate("Gantry::App", "--workspace needs a folder");
                return false;
            }
            options->workspace = arguments.at(++i);
        } else if (a.startsWith(QLatin1String("--workspace="))) {
            options->workspace = a.mid(12);
        } else if (!options->verbArgs.isEmpty()) {
            options->verbArgs.append(a); // the verb's own arguments
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            options->help = true;
        } else if (a == QLatin1String("--version")) {
            options->version = true;
        } else if (qtOptionsWithValue.contains(a)) {
            ++i;
        } else if (a.startsWith(QLatin1String("--"))) {
            *error = QCoreApplication::translate("Gantry::App", "unknown option %1").arg(a);
            return false;
        } else if (a.startsWith(QLatin1Char('-'))) {
            continue; // a Qt flag without value, e.g. -reverse
        } else {
            options->verbArgs.append(a);
        }
    }
    return true;
}

QString resolveWorkspacePath(const QString &explicitPath)
{
    if (!explicitPath.isEmpty()) {
        return QDir(explicitPath).absolutePath();
    }
    return Workspace::Settings().lastWorkspace();
}

void rememberWorkspace(const QString &path)
{
    Workspace::Settings settings;
    settings.setLastWorkspace(path);
    settings.addRecentWorkspace(path);
}

QString defaultDemoDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo");
}

int usageError(const QString &message, const QString &usage)
{
    err() << QStringLiteral("gantry: ") << message << '\n' << usage << '\n';
    err().flush();
    return ExitUsage;
}

int failure(const QString &message)
{
    err() << QStringLiteral("gantry: ") << message << '\n';
    err().flush();
    return ExitFailure;
}

int runVerb(const GlobalOptions &options)
{
    const QStringList &args = options.verbArgs;
    const QString verb = args.value(0);
    if (verb == QLatin1String("catalog")) {
        return runCatalogVerb(options.workspace, args.mid(1));
    }
    if (verb == QLatin1String("demo")) {
        return runDemoVerb(options.workspace, args.mid(1));
    }
    if (verb == QLatin1String("status") || verb == QLatin1String("promote") || verb == QLatin1String("rollback") ||
        verb == QLatin1String("restart") || verb == QLatin1String("scale")) {
        return runDeployVerb(options.workspace, args);
    }
    if (verb == QLatin1String("templates") || verb == QLatin1String("create-service")) {
        return runTemplateVerb(options.workspace, args);
    }
    err() << QCoreApplication::translate("Gantry::App", "gantry: unknown verb \"%1\"").arg(verb) << '\n' << usageText();
    err().flush();
    return ExitUsage;
}

} // namespace Gantry::App
