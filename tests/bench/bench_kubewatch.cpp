// bench_kubewatch [--seconds N] [--pods N] [--rate N] [--coalesce MS] [--kubesim PATH]
//
// One namespace with N pods (default 5,000) churned at R updates/s (default 500) by gantry-kubesim;
// Gantry's Informer lists and watches it, and every coalesced `changed` rebuilds the pod table model
// from all pods (podStatus for each, PodTableModel::setPods) as the deploy panel would. Prints JSON:
// initial list time, events/s handled, delay from an event's arrival to the model update that
// includes it (p50/p95/max), and model updates/s (coalescing).

#include "models/kube/informer.h"
#include "models/kube/kubeclient.h"
#include "models/kube/podstatus.h"
#include "models/kube/podtablemodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <vector>

using namespace Gantry::Kube;

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const size_t i = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[i];
}

QString option(const QStringList &args, const QString &name, const QString &fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int seconds = option(args, QStringLiteral("--seconds"), QStringLiteral("10")).toInt();
    const int pods = option(args, QStringLiteral("--pods"), QStringLiteral("5000")).toInt();
    const int rate = option(args, QStringLiteral("--rate"), QStringLiteral("500")).toInt();
    const int coalesce = option(args, QStringLiteral("--coalesce"), QStringLiteral("100")).toInt();
    QString kubesim = option(args, QStringLiteral("--kubesim"), qEnvironmentVariable("GANTRY_KUBESIM"));
    if (kubesim.isEmpty()) {
        kubesim = QStringLiteral(GANTRY_BENCH_KUBESIM);
    }
    QTextStream err(stderr);

    QTemporaryDir dir;
    const QString scenario = dir.filePath(QStringLiteral("bench.yaml"));
    {
        QFile f(scenario);
        if (!f.open(QIODevice::WriteOnly)) {
            err << "cannot write " << scenario << '\n';
            return 1;
        }
        f.write(QStringLiteral("kubernetesVersion: \"1.30\"\nnamespaces:\n  - name: bench\n"
                               "    pods: {count: %1, labels: {app: bench}}\n"
                               "churn: {namespace: bench, eventsPerSecond: %2}\n")
                    .arg(pods)
                    .arg(rate)
                    .toUtf8());
    }
    QProcess sim;
    sim.start(kubesim, {QStringLiteral("--scenario"), scenario});
    if (!sim.waitForStarted() || !sim.waitForReadyRead(30000)) {
        err << "cannot start " << kubesim << '\n';
        return 1;
    }
    const QString line = QString::fromUtf8(sim.readLine()).trimmed();
    const QUrl server(line.section(QLatin1Char(' '), -1));
    if (!server.isValid() || !line.contains(QLatin1String("listening on"))) {
        err << "unexpected simulator output: " << line << '\n';
        return 1;
    }

    KubeClient client(RestConfig::forServer(server));
    Informer informer(&client, ResourceType::pods(), QStringLiteral("bench"));
    informer.setCoalesceInterval(coalesce);
    PodTableModel model;

    QElapsedTimer clock;
    clock.start();
    qint64 listMs = -1;
    qint64 measureStart = -1;
    std::vector<qint64> pendingArrivals; // ns since clock start
    std::vector<double> delaysMs;
    qint64 events = 0;
    int updates = 0;
    double updateWorkMs = 0;

    QObject::connect(&informer, &Informer::eventReceived, &app, [&] {
        if (measureStart >= 0) {
            pendingArrivals.push_back(clock.nsecsElapsed());
            ++events;
        }
    });
    QObject::connect(&informer, &Informer::changed, &app, [&] {
        const qint64 begin = clock.nsecsElapsed();
        std::vector<PodInfo> rows;
        const QList<QJsonObject> objects = informer.objects();
        rows.reserve(size_t(objects.size()));
        for (const auto &o : objects) {
            PodInfo info;
            info.status = podStatus(o);
            rows.push_back(std::move(info));
        }
        model.setPods(std::move(rows));
        const qint64 end = clock.nsecsElapsed();
        if (listMs < 0) {
            listMs = end / 1000000;
            measureStart = end;
            return;
        }
        ++updates;
        updateWorkMs += double(end - begin) / 1e6;
        for (qint64 arrival : pendingArrivals) {
            delaysMs.push_back(double(end - arrival) / 1e6);
        }
        pendingArrivals.clear();
    });
    QTimer::singleShot(0, &informer, &Informer::start);
    QTimer stop;
    QObject::connect(&stop, &QTimer::timeout, &app, [&] {
        if (measureStart >= 0 && clock.nsecsElapsed() - measureStart >= qint64(seconds) * 1000000000) {
            app.quit();
        } else if (clock.elapsed() > 120000) {
            err << "no initial list within 120 s\n";
            app.exit(1);
        }
    });
    stop.start(100);
    const int rc = app.exec();
    const double measuredS = double(clock.nsecsElapsed() - measureStart) / 1e9;
    sim.terminate();
    if (!sim.waitForFinished(5000)) {
        sim.kill();
        sim.waitForFinished();
    }
    if (rc != 0) {
        return rc;
    }
    const QJsonObject result{
        {QStringLiteral("pods"), informer.size()},
        {QStringLiteral("churnEventsPerSecond"), rate},
        {QStringLiteral("initialListAndModelMs"), listMs},
        {QStringLiteral("seconds"), measuredS},
        {QStringLiteral("eventsHandled"), events},
        {QStringLiteral("eventsPerSecond"), double(events) / measuredS},
        {QStringLiteral("delayArrivalToModelMs"),
         QJsonObject{
             {QStringLiteral("p50"), percentile(delaysMs, 0.5)},
             {QStringLiteral("p95"), percentile(delaysMs, 0.95)},
             {QStringLiteral("max"), delaysMs.empty() ? 0.0 : *std::max_element(delaysMs.begin(), delaysMs.end())}}},
        {QStringLiteral("modelUpdatesPerSecond"), double(updates) / measuredS},
        {QStringLiteral("meanModelUpdateMs"), updates ? updateWorkMs / updates : 0.0},
        {QStringLiteral("coalesceIntervalMs"), coalesce},
        {QStringLiteral("watchRelists"), informer.relists()},
    };
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Indented);
    return 0;
}
