#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace Gantry::App {

// Exit codes every verb shares; scripts rely on them.
enum ExitCode : int { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

// What main() learned before choosing between the window and a verb.
struct GlobalOptions
{
    QString workspace;    // --workspace DIR (or FILE)
    QStringList verbArgs; // the verb and everything after it, global options removed
    bool help = false;
    bool version = false;
};

// Splits global options from the verb's arguments. Returns false with *error on a usage error.
bool parseGlobalOptions(const QStringList &arguments, GlobalOptions *options, QString *error);

// Runs a verb ("catalog validate", "demo init", ...). Needs a QCoreApplication.
int runVerb(const GlobalOptions &options);

QString usageText();

QTextStream &out();
QTextStream &err();
// "gantry: MESSAGE" and the verb's usage on stderr; returns ExitUsage.
int usageError(const QString &message, const QString &usage);
// "gantry: MESSAGE" on stderr; returns ExitFailure.
int failure(const QString &message);

// The workspace a verb or the window should use: --workspace, else the last one opened.
QString resolveWorkspacePath(const QString &explicitPath);
void rememberWorkspace(const QString &path);
// Where "gantry" with nothing else puts the demo workspace.
QString defaultDemoDirectory();

} // namespace Gantry::App
