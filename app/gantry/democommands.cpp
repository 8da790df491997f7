#include "app/gantry/democommands.h"

#include "app/gantry/commandline.h"
#include "models/workspace/democluster.h"
#include "models/workspace/demoworkspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTextStream>

#include <signal.h>

#include <csignal>
#include <sys/prctl.h>
#include <sys/types.h>

namespace Gantry::App {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::App::Demo", text);
}

QString usage()
{
    return tr("usage: gantry demo init DIR\n       gantry demo cluster [DIR]");
}

int usageError()
{
    err() << usage() << '\n';
    err().flush();
    return ExitUsage;
}

QString simulatorOrError()
{
    const QString simulator = Workspace::DemoCluster::findSimulator();
    if (simulator.isEmpty()) {
        err() << tr("gantry: gantry-kubesim was not found next to gantry (in %1); set GANTRY_KUBESIM to its path")
                     .arg(QCoreApplication::applicationDirPath())
              << '\n';
        err().flush();
    }
    return simulator;
}

int runInit(const QStringList &args)
{
    if (args.size() != 2 || args.at(1).startsWith(QLatin1Char('-'))) {
        return usageError();
    }
    const QString dir = QDir(args.at(1)).absolutePath();
    const QString simulator = simulatorOrError();
    if (simulator.isEmpty()) {
        return ExitFailure;
    }
    QString error;
    if (!Workspace::DemoWorkspace::createWithCluster(dir, simulator, &error)) {
        err() << tr("gantry: could not create the demo workspace in %1: %2").arg(dir, error) << '\n';
        err().flush();
        return ExitFailure;
    }
    out() << tr("Created the demo workspace in %1\nStart its cluster with: gantry demo cluster %1\nOpen it with: "
                "gantry --workspace %1")
                 .arg(dir)
          << '\n';
    out().flush();
    return ExitOk;
}

// The simulator's process id, for the signal handler: SIGINT and SIGTERM pass through to it and
// gantry exits with the simulator's own exit code once it has stopped.
volatile sig_atomic_t g_simulatorPid = 0;
volatile sig_atomic_t g_pendingSignal = 0; // arrived before the simulator's pid was known

extern "C" void forwardSignal(int signal)
{
    if (g_simulatorPid > 0) {
        ::kill(pid_t(g_simulatorPid), signal);
    } else {
        g_pendingSignal = signal;
    }
}

int runCluster(const QString &workspace, const QStringList &args)
{
    if (args.size() > 2 || (args.size() == 2 && args.at(1).startsWith(QLatin1Char('-')))) {
        return usageError();
    }
    QString dir = args.size() == 2 ? QDir(args.at(1)).absolutePath() : resolveWorkspacePath(workspace);
    if (dir.isEmpty()) {
        dir = defaultDemoDirectory();
    }
    if (QFileInfo(dir).isFile()) {
        dir = QFileInfo(dir).absolutePath(); // --workspace may name gantry.yaml itself
    }
    const QString scenario = dir + QStringLiteral("/cluster.yaml");
    if (!QFileInfo::exists(scenario)) {
        err() << tr("gantry: %1 has no cluster.yaml: it is not a demo workspace; create one with: gantry demo init "
                    "DIR")
                     .arg(dir)
              << '\n';
        err().flush();
        return ExitFailure;
    }
    const QString simulator = simulatorOrError();
    if (simulator.isEmpty()) {
        return ExitFailure;
    }
    QString host;
    quint16 port = 0;
    QString error;
    if (!Workspace::DemoCluster::serverAddress(dir, &host, &port, &error)) {
        err() << QStringLiteral("gantry: ") << error << '\n';
        err().flush();
        return ExitFailure;
    }

    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.setInputChannelMode(QProcess::ForwardedInputChannel);
    process.setProgram(simulator);
    process.setArguments(Workspace::DemoCluster::simulatorArguments(dir, QStringLiteral("%1:%2").arg(host).arg(port)));
    // Should gantry be killed outright, the simulator follows instead of holding the port.
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    std::signal(SIGINT, forwardSignal);
    std::signal(SIGTERM, forwardSignal);
    process.start();
    if (!process.waitForStarted(30000)) {
        err() << tr("gantry: cannot start %1: %2").arg(simulator, process.errorString()) << '\n';
        err().flush();
        return ExitFailure;
    }
    g_simulatorPid = sig_atomic_t(process.processId());
    if (g_pendingSignal != 0) {
        ::kill(pid_t(g_simulatorPid), g_pendingSignal);
    }
    process.waitForFinished(-1);
    g_simulatorPid = 0;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (process.exitStatus() != QProcess::NormalExit) {
        err() << tr("gantry: %1 stopped abnormally").arg(simulator) << '\n';
        err().flush();
        return ExitFailure;
    }
    return process.exitCode();
}

} // namespace

int runDemoVerb(const QString &workspace, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("init")) {
        return runInit(args);
    }
    if (sub == QLatin1String("cluster")) {
        return runCluster(workspace, args);
    }
    return usageError();
}

} // namespace Gantry::App
