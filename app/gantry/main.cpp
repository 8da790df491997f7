// Gantry: wires things together. Parses the command line, then either runs one verb (no window,
// no display needed) or builds the services and opens the main window.
#include "app/gantry/commandline.h"
#include "models/catalog/catalogservice.h"
#include "models/workspace/democluster.h"
#include "models/workspace/demoworkspace.h"
#include "models/workspace/settings.h"
#include "models/workspace/simulatorprocess.h"
#include "models/workspace/workspace.h"
#include "ui/banner.h"
#include "ui/entitypage.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QTcpSocket>
#include <QTextStream>
#include <QTranslator>

#include <memory>

using namespace Gantry;

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Gantry"));
    QCoreApplication::setApplicationName(QStringLiteral("gantry"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GANTRY_VERSION));
}

void installTranslations(QCoreApplication *app)
{
    auto *qt = new QTranslator(app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    }
    auto *gantry = new QTranslator(app);
    if (gantry->load(QLocale(), QStringLiteral("gantry"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(gantry);
    }
}

// The workspace the window opens: --workspace, the last one, or the demo (created on first run).
QString chooseWorkspace(const QString &explicitPath, QString *error)
{
    QString path = App::resolveWorkspacePath(explicitPath);
    if (!path.isEmpty() && (QFileInfo::exists(path + QStringLiteral("/gantry.yaml")) || QFileInfo(path).isFile())) {
        return path;
    }
    if (!explicitPath.isEmpty()) {
        *error = QCoreApplication::translate("Gantry::App", "%1 is not a workspace: it has no gantry.yaml").arg(path);
        return {};
    }
    path = App::defaultDemoDirectory();
    if (!QFileInfo::exists(path + QStringLiteral("/gantry.yaml"))) {
        if (!Workspace::DemoWorkspace::create(path, error)) {
            return {};
        }
    }
    return path;
}

// The demo workspace's cluster: gantry-kubesim serving DIR/cluster.yaml on the kubeconfig's port,
// started unless something already listens there (e.g. `gantry demo cluster`), stopped on exit.
// A demo created before it had a cluster gets one first. Failures show in the window's banner.
std::unique_ptr<Workspace::SimulatorProcess> startDemoCluster(const Workspace::Workspace &workspace,
                                                              Ui::MainWindow *window)
{
    if (!Workspace::DemoWorkspace::isDemo(workspace)) {
        return {};
    }
    const auto warn = [window](const QString &message) {
        window->banner()->showMessage(
            Ui::Banner::Type::Warning,
            QCoreApplication::translate("Gantry::App", "The demo cluster is not running: %1").arg(message));
    };
    const QString dir = workspace.directory();
    const QString simulator = Workspace::DemoCluster::findSimulator();
    QString error;
    if (!QFileInfo::exists(dir + QStringLiteral("/cluster.yaml")) &&
        !Workspace::DemoCluster::write(dir, simulator, &error)) {
        warn(error);
        return {};
    }
    QString host;
    quint16 port = 0;
    if (!Workspace::DemoCluster::serverAddress(dir, &host, &port, &error)) {
        warn(error);
        return {};
    }
    QTcpSocket probe;
    probe.connectToHost(host, port);
    if (probe.waitForConnected(500)) {
        return {}; // already served
    }
    if (simulator.isEmpty()) {
        warn(QCoreApplication::translate(
            "Gantry::App", "gantry-kubesim was not found next to gantry; set GANTRY_KUBESIM to its path"));
        return {};
    }
    auto process = std::make_unique<Workspace::SimulatorProcess>();
    QObject::connect(process.get(), &Workspace::SimulatorProcess::failed, window, warn);
    process->start(simulator,
                   Workspace::DemoCluster::simulatorArguments(dir, QStringLiteral("%1:%2").arg(host).arg(port)));
    return process;
}

int runWindow(const App::GlobalOptions &options, int argc, char **argv)
{
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/gantry.svg")));
    installTranslations(&app);

    QString error;
    const QString path = chooseWorkspace(options.workspace, &error);
    std::optional<Workspace::Workspace> workspace;
    if (!path.isEmpty()) {
        workspace = Workspace::Workspace::load(path, &error);
    }
    if (!workspace) {
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("Gantry::App", "Gantry"),
            QCoreApplication::translate("Gantry::App", "Cannot open the workspace.\n\n%1").arg(error));
        return App::ExitFailure;
    }
    App::rememberWorkspace(QFileInfo(workspace->filePath).absolutePath());

    Workspace::Settings settings;
    Catalog::CatalogService service;
    Ui::MainWindow window(&service, &settings);
    window.show();
    const auto demoCluster = startDemoCluster(*workspace, &window);
    window.entityPage()->setWorkspace(*workspace); // the Deployments tab
    service.openWorkspace(*workspace);
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    // Quiet by default; QT_LOGGING_RULES="gantry.*.debug=true" (applied after this) turns it on.
    QLoggingCategory::setFilterRules(QStringLiteral("gantry.*.debug=false"));
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    App::GlobalOptions options;
    QString error;
    if (!App::parseGlobalOptions(arguments, &options, &error)) {
        QTextStream(stderr) << "gantry: " << error << '\n' << App::usageText();
        return App::ExitUsage;
    }
    if (options.help || options.version || !options.verbArgs.isEmpty()) {
        // Drawing a graph (SVG, PNG) paints text: that needs a QGuiApplication, on the offscreen
        // platform so no display is required. Every other verb is a plain QCoreApplication.
        std::unique_ptr<QCoreApplication> app;
        if (options.verbArgs.value(0) == QLatin1String("catalog") &&
            options.verbArgs.value(1) == QLatin1String("graph")) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
                qputenv("QT_QPA_PLATFORM", "offscreen");
            }
            app = std::make_unique<QGuiApplication>(argc, argv);
        } else {
            app = std::make_unique<QCoreApplication>(argc, argv);
        }
        setIdentity();
        if (options.help) {
            App::out() << App::usageText();
            App::out().flush();
            return App::ExitOk;
        }
        if (options.version) {
            App::out() << "gantry " << QCoreApplication::applicationVersion() << '\n';
            App::out().flush();
            return App::ExitOk;
        }
        return App::runVerb(options);
    }
    return runWindow(options, argc, argv);
}
