// Frame times of the graph view on a 5,000-node scene: fit (zoomed out, simple shapes), pan
// zoomed out, pan at 1:1 (full detail), drag-pan at 1:1 as the window paints it (scrolled strips),
// zoom in steps, hover. Prints a table (wall and CPU time per frame) and one JSON line.
//
//   bench_graphview [--nodes N] [--frames F]     (QT_QPA_PLATFORM=offscreen for headless runs)
//
// Every frame is a synchronous viewport()->repaint(): the raster work the window would do, timed
// with QElapsedTimer. Layout time (selection + layered layout off the UI thread) is reported too.

#include "models/catalog/catalog.h"
#include "models/catalog/entitygraph.h"
#include "models/graph/graphdrawing.h"
#include "tests/unit/catalogtestutil.h"
#include "ui/graphrunner.h"
#include "ui/graphview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTextStream>

#include <time.h>

#include <algorithm>
#include <functional>
#include <vector>

using namespace Gantry;

namespace {

// A service tree: each component depends on its parent (fan-out 4), every 7th also on a shared
// database, so that the blast radius of the root holds everything.
QByteArray treeYaml(int count)
{
    QByteArray yaml = "apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: core-db\nspec:\n"
                      "  type: database\n  owner: team-0\n";
    for (int i = 1; i < count; ++i) {
        const QByteArray parent =
            i <= 4 ? QByteArray("resource:core-db") : "component:svc-" + QByteArray::number((i - 1) / 4);
        yaml += "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc-" +
                QByteArray::number(i) + "\n  title: Service " + QByteArray::number(i) +
                "\nspec:\n  type: service\n  lifecycle: production\n  owner: team-" + QByteArray::number(i % 40) +
                "\n  dependsOn: [" + parent + (i % 7 == 0 && i > 4 ? QByteArray(", resource:core-db") : QByteArray()) +
                "]\n";
    }
    return yaml;
}

// CPU time of the process (every thread: the raster engine fills in a thread pool), in ms. On a
// machine shared with other work it shows the frame's own cost where wall time also shows waiting.
double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Stats
{
    QString name;
    std::vector<double> ms;
    std::vector<double> cpu;

    double at(double q) const { return quantile(ms, q); }
    double cpuAt(double q) const { return quantile(cpu, q); }
    static double quantile(const std::vector<double> &values, double q)
    {
        std::vector<double> s = values;
        std::sort(s.begin(), s.end());
        return s.empty() ? 0 : s[std::min(s.size() - 1, size_t(q * double(s.size() - 1) + 0.5))];
    }
};

Stats measure(const QString &name, int frames, Ui::GraphView &view, const std::function<void(int)> &step)
{
    Stats stats{name, {}, {}};
    for (int i = 0; i < frames; ++i) {
        step(i);
        QElapsedTimer t;
        t.start();
        const double cpu = cpuMs();
        view.viewport()->repaint();
        stats.ms.push_back(double(t.nsecsElapsed()) / 1e6);
        stats.cpu.push_back(cpuMs() - cpu);
    }
    return stats;
}

Stats measureEvents(const QString &name, int frames, const std::function<void(int)> &step)
{
    Stats stats{name, {}, {}};
    QCoreApplication::processEvents();
    for (int i = 0; i < frames; ++i) {
        QElapsedTimer t;
        t.start();
        const double cpu = cpuMs();
        step(i);
        QCoreApplication::processEvents();
        stats.ms.push_back(double(t.nsecsElapsed()) / 1e6);
        stats.cpu.push_back(cpuMs() - cpu);
    }
    return stats;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("nodes"), QStringLiteral("Entities in the scene."), QStringLiteral("N"),
                      QStringLiteral("5000")});
    parser.addOption(
        {QStringLiteral("frames"), QStringLiteral("Frames per scenario."), QStringLiteral("F"), QStringLiteral("60")});
    parser.addOption({QStringLiteral("shot"),
                      QStringLiteral("Also save PREFIX-1to1.png, PREFIX-hover.png, PREFIX-fit.png (to compare looks)."),
                      QStringLiteral("PREFIX")});
    parser.process(app);
    const QString shot = parser.value(QStringLiteral("shot"));
    const int nodes = parser.value(QStringLiteral("nodes")).toInt();
    const int frames = parser.value(QStringLiteral("frames")).toInt();
    QTextStream out(stdout);

    QElapsedTimer timer;
    timer.start();
    const auto catalog = Tests::catalogFromYaml(treeYaml(nodes));
    const qint64 loadMs = timer.restart();
    Catalog::GraphQuery query;
    query.focus = QStringList{QStringLiteral("resource:default/core-db")};
    query.mode = Catalog::GraphQuery::Mode::BlastRadius;
    query.depth = -1;
    query.maxNodes = nodes + 10;
    const Ui::GraphResult result =
        Ui::GraphRunner::compute(*catalog, query, Graph::LayoutInput::Direction::LeftRight, nullptr);
    const qint64 layoutMs = timer.restart();
    if (!result.drawing || result.drawing->nodes.empty()) {
        out << "no drawing: " << result.error << '\n';
        return 1;
    }

    Ui::GraphView view;
    view.resize(1600, 1000);
    view.show();
    QCoreApplication::processEvents();
    timer.restart();
    const double sceneCpu = cpuMs();
    view.setDrawing(result.drawing, false);
    const qint64 sceneMs = timer.restart();
    const double sceneCpuMs = cpuMs() - sceneCpu;
    QCoreApplication::processEvents();

    if (!shot.isEmpty()) {
        view.zoomToActualSize();
        view.centreOn(result.drawing->nodes[result.drawing->nodes.size() / 2].ref);
        view.viewport()->grab().save(shot + QStringLiteral("-1to1.png"));
        const QPointF p = view.mapFromScene(result.drawing->nodes[result.drawing->nodes.size() / 2].rect.center());
        QMouseEvent move(QEvent::MouseMove, p, view.viewport()->mapToGlobal(p), Qt::NoButton, Qt::NoButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(view.viewport(), &move);
        view.viewport()->grab().save(shot + QStringLiteral("-hover.png"));
        QMouseEvent away(QEvent::MouseMove, QPointF(-50, -50), view.viewport()->mapToGlobal(QPointF(-50, -50)),
                         Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view.viewport(), &away);
        view.fitGraph();
        view.viewport()->grab().save(shot + QStringLiteral("-fit.png"));
    }

    std::vector<Stats> all;
    view.fitGraph();
    all.push_back(measure(QStringLiteral("fit (whole graph)"), frames, view, [](int) {}));
    all.push_back(measure(QStringLiteral("pan, zoomed out"), frames, view, [&view](int i) {
        view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() + (i % 20 < 10 ? 40 : -40));
    }));
    view.zoomToActualSize();
    view.centreOn(result.drawing->nodes[result.drawing->nodes.size() / 2].ref);
    all.push_back(measure(QStringLiteral("pan at 1:1"), frames, view, [&view](int i) {
        view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() + (i % 20 < 10 ? 40 : -40));
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->value() + (i % 10 < 5 ? 25 : -25));
    }));
    // What the window does while dragging: scroll the viewport and paint the strip that came into
    // view, through the event loop (the frames above repaint everything).
    all.push_back(measureEvents(QStringLiteral("drag-pan at 1:1 (strips)"), frames, [&view](int i) {
        view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() + (i % 40 < 20 ? 40 : -40));
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->value() + (i % 20 < 10 ? 60 : -60));
    }));
    view.fitGraph();
    const qreal fit = view.zoom();
    all.push_back(measure(QStringLiteral("zoom steps fit→1:1"), frames, view, [&view, fit, frames](int i) {
        const qreal target = fit * std::pow(1.0 / fit, double(i) / std::max(1, frames - 1));
        view.zoomBy(target / view.zoom());
    }));
    view.zoomToActualSize();
    // Hover: every move onto another node dims the whole graph and highlights the neighbours.
    std::vector<QPoint> spots;
    for (const auto &n : result.drawing->nodes) {
        const QPoint p = view.mapFromScene(n.rect.center());
        if (view.viewport()->rect().contains(p)) {
            spots.push_back(p);
        }
    }
    if (!spots.empty()) {
        all.push_back(measure(QStringLiteral("hover node to node, 1:1"), frames, view, [&view, &spots](int i) {
            const QPointF p = spots[size_t(i) % spots.size()];
            QMouseEvent move(QEvent::MouseMove, p, view.viewport()->mapToGlobal(p), Qt::NoButton, Qt::NoButton,
                             Qt::NoModifier);
            QCoreApplication::sendEvent(view.viewport(), &move);
        }));
    }
    view.fitGraph();
    all.push_back(measure(QStringLiteral("hover, zoomed out"), frames, view, [&view](int i) {
        const QPointF p(200 + (i * 37) % 1200, 150 + (i * 53) % 700);
        QMouseEvent move(QEvent::MouseMove, p, view.viewport()->mapToGlobal(p), Qt::NoButton, Qt::NoButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(view.viewport(), &move);
    }));

    out << "graph view: " << result.drawing->nodes.size() << " nodes, " << result.drawing->edges.size()
        << " edges; catalog " << loadMs << " ms, select+layout " << layoutMs << " ms, scene " << sceneMs << " ms (CPU "
        << qRound(sceneCpuMs) << " ms); viewport 1600x1000, platform " << QGuiApplication::platformName() << '\n';
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
               .arg(QStringLiteral("scenario (ms per frame)"), -28)
               .arg(QStringLiteral("median"), 8)
               .arg(QStringLiteral("p95"), 8)
               .arg(QStringLiteral("max"), 8)
               .arg(QStringLiteral("fps@med"), 8)
               .arg(QStringLiteral("cpu med"), 8)
               .arg(QStringLiteral("cpu p95"), 8);
    QJsonObject json{{QStringLiteral("nodes"), int(result.drawing->nodes.size())},
                     {QStringLiteral("edges"), int(result.drawing->edges.size())},
                     {QStringLiteral("layoutMs"), layoutMs},
                     {QStringLiteral("sceneMs"), sceneMs},
                     {QStringLiteral("sceneCpuMs"), sceneCpuMs}};
    for (const Stats &s : all) {
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                   .arg(s.name, -28)
                   .arg(s.at(0.5), 8, 'f', 2)
                   .arg(s.at(0.95), 8, 'f', 2)
                   .arg(s.at(1.0), 8, 'f', 2)
                   .arg(1000.0 / std::max(0.01, s.at(0.5)), 8, 'f', 0)
                   .arg(s.cpuAt(0.5), 8, 'f', 2)
                   .arg(s.cpuAt(0.95), 8, 'f', 2);
        json.insert(s.name, QJsonObject{{QStringLiteral("medianMs"), s.at(0.5)},
                                        {QStringLiteral("p95Ms"), s.at(0.95)},
                                        {QStringLiteral("maxMs"), s.at(1.0)},
                                        {QStringLiteral("cpuMedianMs"), s.cpuAt(0.5)},
                                        {QStringLiteral("cpuP95Ms"), s.cpuAt(0.95)}});
    }
    out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
