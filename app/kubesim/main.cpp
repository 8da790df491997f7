// gantry-kubesim: a Kubernetes API simulator on loopback (command line: app/kubesim/README.md).
#include "app/kubesim/apiserver.h"
#include "app/kubesim/certificates.h"
#include "app/kubesim/controller.h"
#include "app/kubesim/kubeconfigwriter.h"
#include "app/kubesim/scenario.h"
#include "app/kubesim/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTemporaryDir>

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    const ssize_t written = ::write(g_signalPipe[1], &byte, 1);
    (void)written;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("gantry-kubesim", text);
}

int usageError(const QString &message)
{
    std::fprintf(stderr, "gantry-kubesim: %s\n%s\n", qPrintable(message),
                 qPrintable(tr("Usage: gantry-kubesim --scenario FILE [--listen HOST:PORT] [--tls] [--tls-dir DIR] "
                               "[--write-kubeconfig FILE] [--time-scale F]")));
    return 2;
}

bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) {
        return false;
    }
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']'))) {
        host = host.mid(1, host.size() - 2);
    }
    bool ok = false;
    const uint number = text.mid(colon + 1).toUInt(&ok);
    if (!ok || number > 65535) {
        return false;
    }
    *port = quint16(number);
    if (host == QLatin1String("localhost")) {
        *address = QHostAddress(QHostAddress::LocalHost);
        return true;
    }
    return address->setAddress(host);
}

} // namespace

int main(int argc, char **argv)
{
    using namespace Gantry::KubeSim;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gantry-kubesim"));
    // Per-request debug lines only when asked for (QT_LOGGING_RULES): the benchmarks drive
    // thousands of requests.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        QLoggingCategory::setFilterRules(QStringLiteral("gantry.kubesim.*.debug=false"));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("A Kubernetes API simulator on loopback."));
    parser.addHelpOption();
    const QCommandLineOption scenarioOption(QStringLiteral("scenario"), tr("The cluster scenario (cluster.yaml)."),
                                            tr("FILE"));
    const QCommandLineOption listenOption(QStringLiteral("listen"), tr("Address to listen on (port 0: any free one)."),
                                          tr("HOST:PORT"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption tlsOption(QStringLiteral("tls"), tr("Serve HTTPS with generated certificates."));
    const QCommandLineOption tlsDirOption(QStringLiteral("tls-dir"), tr("Where the certificates are kept."), tr("DIR"));
    const QCommandLineOption kubeconfigOption(QStringLiteral("write-kubeconfig"),
                                              tr("Write a kubeconfig for this simulator."), tr("FILE"));
    const QCommandLineOption timeScaleOption(QStringLiteral("time-scale"), tr("Multiply every simulated delay."),
                                             tr("F"));
    parser.addOptions({scenarioOption, listenOption, tlsOption, tlsDirOption, kubeconfigOption, timeScaleOption});
    if (!parser.parse(app.arguments())) {
        return usageError(parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        parser.showHelp(0);
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usageError(tr("unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
    }
    if (!parser.isSet(scenarioOption)) {
        return usageError(tr("--scenario FILE is required"));
    }
    QHostAddress address;
    quint16 port = 0;
    if (!parseListen(parser.value(listenOption), &address, &port)) {
        return usageError(
            tr("--listen expects HOST:PORT, for example 127.0.0.1:0, not \"%1\"").arg(parser.value(listenOption)));
    }
    double timeScale = -1;
    if (parser.isSet(timeScaleOption)) {
        bool ok = false;
        timeScale = parser.value(timeScaleOption).toDouble(&ok);
        if (!ok || timeScale <= 0) {
            return usageError(
                tr("--time-scale expects a positive number, not \"%1\"").arg(parser.value(timeScaleOption)));
        }
    }

    QString error;
    const std::optional<Scenario> scenario = Scenario::load(parser.value(scenarioOption), &error);
    if (!scenario) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }

    // SIGINT/SIGTERM -> a clean exit 0 through the event loop.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
            char byte = 0;
            const ssize_t got = ::read(g_signalPipe[0], &byte, 1);
            (void)got;
            QCoreApplication::quit();
        });
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGINT, &action, nullptr);
        sigaction(SIGTERM, &action, nullptr);
    }

    Store store;
    Controller controller(&store);
    if (timeScale > 0) {
        controller.setTimeScale(timeScale);
    }
    controller.start(*scenario);

    ApiServer::Options options;
    options.kubernetesVersion = scenario->kubernetesVersion;
    options.tls = parser.isSet(tlsOption);
    if (scenario->auth) {
        options.auth.enabled = true;
        options.auth.tokens = scenario->auth->tokens;
        options.auth.forbiddenTokens = scenario->auth->forbiddenTokens;
        options.auth.clientCertificates = scenario->auth->clientCertificates;
        for (const ScenarioBasicUser &user : scenario->auth->basic) {
            options.auth.basic.append({user.username, user.password});
        }
    }
    const QString kubeconfigPath = parser.value(kubeconfigOption);
    QTemporaryDir temporaryTlsDir;
    if (options.tls) {
        QString tlsDir = parser.value(tlsDirOption);
        if (tlsDir.isEmpty() && !kubeconfigPath.isEmpty()) {
            tlsDir = QFileInfo(kubeconfigPath).absolutePath();
        }
        if (tlsDir.isEmpty()) {
            tlsDir = temporaryTlsDir.path();
        }
        QStringList hosts;
        if (!address.isLoopback() && address != QHostAddress::Any && address != QHostAddress::AnyIPv6) {
            hosts.append(address.toString());
        }
        if (!Certificates::ensure(tlsDir, hosts, &options.tlsMaterial, &error)) {
            std::fprintf(stderr, "gantry-kubesim: %s\n", qPrintable(error));
            return 1;
        }
    }

    ApiServer server(&store, options);
    if (!server.listen(address, port, &error)) {
        std::fprintf(stderr, "gantry-kubesim: cannot listen on %s: %s\n", qPrintable(parser.value(listenOption)),
                     qPrintable(error));
        return 1;
    }
    if (!kubeconfigPath.isEmpty()) {
        KubeconfigWriter::Settings settings;
        settings.name = scenario->context;
        settings.server = server.url();
        if (options.tls) {
            settings.caCertPem = options.tlsMaterial.caCert;
            if (scenario->auth && !scenario->auth->tokens.isEmpty()) {
                settings.token = scenario->auth->tokens.constFirst();
            } else {
                settings.clientCertPem = options.tlsMaterial.clientCert;
                settings.clientKeyPem = options.tlsMaterial.clientKey;
            }
        }
        if (!KubeconfigWriter::write(kubeconfigPath, settings, &error)) {
            std::fprintf(stderr, "gantry-kubesim: %s\n", qPrintable(error));
            return 1;
        }
    }
    // Certificates and kubeconfig are on disk before the first line: callers may act on it at once.
    std::fprintf(stdout, "gantry-kubesim: listening on %s\n", qPrintable(server.url()));
    std::fflush(stdout);
    return app.exec() == 0 ? 0 : 1;
}
