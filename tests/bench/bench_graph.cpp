// bench_graph: the graph-layout benchmark, one step per process so that the peak memory each
// layout reports (ru_maxrss) is its own. run-graph-bench.sh drives it; see tests/bench/README.md.
//
//   bench_graph --write DIR [--entities N] [--seed S] [--sizes 100,500,2000,5000] [--sparse-degree D]
//       generates a catalog, loads it with CatalogLoader and writes the graphs every engine lays
//       out: DIR/graph-<N>.json, the first N entities a breadth-first walk from the busiest
//       entity reaches (unlimited depth over dependencies, APIs, part-of and ownership) and every
//       such relation among them (one edge per relation: parallel and reverse edges kept, average
//       degree 4-6: dense), DIR/graph-sparse-<N>.json, the same N entities with the relations
//       of the walk's spanning tree plus evenly spread others up to an average degree of
//       --sparse-degree (default 2.5, like real service catalogs), and DIR/depth2.json, the
//       depth-2 neighbourhood of the busiest component.
//   bench_graph --layout FILE [--engine gantry|dot] [--runs R]
//       lays FILE out R times and prints one JSON line: median and min wall time, peak RSS
//       before and after, and how many edges came back with a path.

#include "models/catalog/catalogloader.h"
#include "models/graph/layeredlayout.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include "catalogGenerator.h"

#ifdef GANTRY_BENCH_HAVE_GVC
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#endif

#include <algorithm>
#include <cmath>
#include <deque>
#include <numeric>

using namespace Gantry;

namespace {

qint64 peakRssKiB()
{
    struct rusage usage = {};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_maxrss); // KiB on Linux
}

// A line of /proc/self/status ("VmRSS", "VmHWM") in KiB, or -1.
qint64 statusKiB(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(prefix)) {
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

// Resets the peak RSS to the current RSS (Linux >= 4.0), so that the peak measured afterwards is
// the layout's own and not the JSON reading's.
bool resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[(values.size() - 1) / 2];
}

double rounded(double v)
{
    return std::round(v * 100) / 100;
}

void printJson(const QJsonObject &o)
{
    QTextStream(stdout) << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
}

bool isForward(Catalog::RelationType t)
{
    using T = Catalog::RelationType;
    return t == T::DependsOn || t == T::ProvidesApi || t == T::ConsumesApi || t == T::PartOf || t == T::OwnedBy;
}

// Box size from the title as the card draws it (icon + padding + ~7 px per character).
QSizeF nodeSize(const Catalog::Entity &e)
{
    const auto chars = std::min<qsizetype>(e.displayName().size(), 48);
    return {std::ceil(56 + 7.0 * double(chars)), 42};
}

struct Edge
{
    int from;
    int to;
    Catalog::RelationType type;
};

void writeGraph(const QString &file, const Catalog::Catalog &catalog, const std::vector<int> &entities,
                const std::vector<Edge> &edges)
{
    QJsonArray nodes;
    for (const int e : entities) {
        const QSizeF s = nodeSize(catalog.entities()[size_t(e)]);
        nodes.append(QJsonObject{{QStringLiteral("id"), catalog.entities()[size_t(e)].ref},
                                 {QStringLiteral("width"), s.width()},
                                 {QStringLiteral("height"), s.height()}});
    }
    QJsonArray links;
    for (const Edge &e : edges) {
        links.append(QJsonObject{{QStringLiteral("from"), e.from},
                                 {QStringLiteral("to"), e.to},
                                 {QStringLiteral("type"), Catalog::relationTypeName(e.type)}});
    }
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        qFatal("cannot write %s", qPrintable(file));
    }
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("rankdir"), QStringLiteral("LR")},
                                      {QStringLiteral("nodes"), nodes},
                                      {QStringLiteral("edges"), links}})
                .toJson(QJsonDocument::Compact));
}

// Every forward relation between two entities of `selected` (a relation declared twice is two edges).
std::vector<Edge> edgesAmong(const Catalog::Catalog &catalog, const std::vector<int> &selected)
{
    QHash<int, int> local;
    for (size_t i = 0; i < selected.size(); ++i) {
        local.insert(selected[i], int(i));
    }
    std::vector<Edge> edges;
    for (size_t i = 0; i < selected.size(); ++i) {
        for (const Catalog::Relation &r : catalog.entities()[size_t(selected[i])].relations) {
            const int j = catalog.indexOf(r.targetRef);
            if (isForward(r.type) && j >= 0 && local.contains(j)) {
                edges.push_back({int(i), local.value(j), r.type});
            }
        }
    }
    return edges;
}

// The sparse version of a dense graph: for every entity the walk reached from another one, the
// relation it was reached through (a spanning forest, so nothing falls apart), then relations
// spread evenly over the rest until the average degree (2 × edges / nodes) reaches `degree`.
std::vector<Edge> sparseEdges(const std::vector<Edge> &dense, const std::vector<int> &selected,
                              const std::vector<int> &parent, double degree)
{
    std::vector<char> reached(selected.size(), 0);
    std::vector<char> keep(dense.size(), 0);
    size_t kept = 0;
    for (size_t k = 0; k < dense.size(); ++k) {
        const Edge &e = dense[k];
        for (const auto &[child, other] : {std::pair{e.to, e.from}, std::pair{e.from, e.to}}) {
            if (!reached[size_t(child)] && parent[size_t(selected[size_t(child)])] == selected[size_t(other)]) {
                reached[size_t(child)] = 1;
                keep[k] = 1;
                ++kept;
                break;
            }
        }
    }
    const size_t target = size_t(std::llround(degree * double(selected.size()) / 2));
    const size_t rest = dense.size() - kept;
    const size_t extra = std::min(rest, target > kept ? target - kept : 0);
    // The i-th of `extra` picks is the floor(i * rest / extra)-th edge not yet kept.
    size_t seen = 0;
    size_t picked = 0;
    for (size_t k = 0; k < dense.size() && picked < extra; ++k) {
        if (keep[k]) {
            continue;
        }
        if (seen == picked * rest / extra) {
            keep[k] = 1;
            ++picked;
        }
        ++seen;
    }
    std::vector<Edge> edges;
    for (size_t k = 0; k < dense.size(); ++k) {
        if (keep[k]) {
            edges.push_back(dense[k]);
        }
    }
    return edges;
}

int writeMode(const QString &dir, int entityCount, quint32 seed, const QList<int> &sizes, double sparseDegree)
{
    QTemporaryDir work;
    QElapsedTimer timer;
    timer.start();
    const Bench::GeneratedCatalog generated = Bench::generateCatalog(work.path(), entityCount, seed);
    if (!generated.ok) {
        qFatal("generation failed: %s", qPrintable(generated.error));
    }
    auto mount = std::make_shared<Catalog::Mount>();
    mount->id = mount->rootDir = mount->label = generated.rootDir;
    Catalog::CatalogLoader loader;
    const Catalog::CatalogPtr catalog = loader.load({Catalog::CatalogLoader::Entry{mount, QString(), false}});
    if (!catalog) {
        qFatal("load failed");
    }
    QDir().mkpath(dir);

    // Degree and neighbours over the forward relations that resolve.
    const int n = catalog->size();
    std::vector<int> degree(static_cast<size_t>(n), 0);
    std::vector<std::vector<int>> neighbours(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        for (const Catalog::Relation &r : catalog->entities()[size_t(i)].relations) {
            const int j = catalog->indexOf(r.targetRef);
            if (isForward(r.type) && j >= 0) {
                ++degree[size_t(i)];
                ++degree[size_t(j)];
                neighbours[size_t(i)].push_back(j);
                neighbours[size_t(j)].push_back(i);
            }
        }
    }
    std::vector<int> byDegree(static_cast<size_t>(n));
    std::iota(byDegree.begin(), byDegree.end(), 0);
    std::stable_sort(byDegree.begin(), byDegree.end(),
                     [&](int a, int b) { return degree[size_t(a)] > degree[size_t(b)]; });
    // The neighbourhood of the busiest entity with unlimited depth, in BFS order: the first N
    // entities reached (when its component runs out, the next busiest entity continues).
    std::vector<int> reach;
    std::vector<int> parent(static_cast<size_t>(n), -1); // who reached whom
    {
        std::vector<char> seen(static_cast<size_t>(n), 0);
        std::deque<int> queue;
        for (const int start : byDegree) {
            if (seen[size_t(start)]) {
                continue;
            }
            seen[size_t(start)] = 1;
            queue.push_back(start);
            while (!queue.empty()) {
                const int v = queue.front();
                queue.pop_front();
                reach.push_back(v);
                for (const int w : neighbours[size_t(v)]) {
                    if (!seen[size_t(w)]) {
                        seen[size_t(w)] = 1;
                        parent[size_t(w)] = v;
                        queue.push_back(w);
                    }
                }
            }
        }
    }
    QJsonArray written;
    for (const int size : sizes) {
        std::vector<int> selected(reach.begin(), reach.begin() + std::min(size, n));
        std::sort(selected.begin(), selected.end()); // catalog order, not BFS order
        const std::vector<Edge> edges = edgesAmong(*catalog, selected);
        const QString file = QDir(dir).filePath(QStringLiteral("graph-%1.json").arg(size));
        writeGraph(file, *catalog, selected, edges);
        written.append(QJsonObject{{QStringLiteral("file"), file},
                                   {QStringLiteral("set"), QStringLiteral("dense")},
                                   {QStringLiteral("nodes"), int(selected.size())},
                                   {QStringLiteral("edges"), int(edges.size())}});
        const std::vector<Edge> sparse = sparseEdges(edges, selected, parent, sparseDegree);
        const QString sparseFile = QDir(dir).filePath(QStringLiteral("graph-sparse-%1.json").arg(size));
        writeGraph(sparseFile, *catalog, selected, sparse);
        written.append(QJsonObject{{QStringLiteral("file"), sparseFile},
                                   {QStringLiteral("set"), QStringLiteral("sparse")},
                                   {QStringLiteral("nodes"), int(selected.size())},
                                   {QStringLiteral("edges"), int(sparse.size())}});
    }

    // Depth 2 around the busiest component, both directions, the same relation groups; selected
    // here with a plain BFS (what EntityGraph::select does for Neighbours mode).
    int focus = -1;
    for (const int e : byDegree) {
        if (catalog->entities()[size_t(e)].kind == QLatin1String("Component")) {
            focus = e;
            break;
        }
    }
    QElapsedTimer selectTimer;
    selectTimer.start();
    std::vector<int> distance(static_cast<size_t>(n), -1);
    std::deque<int> queue{focus};
    distance[size_t(focus)] = 0;
    std::vector<int> selected;
    while (!queue.empty()) {
        const int v = queue.front();
        queue.pop_front();
        selected.push_back(v);
        if (distance[size_t(v)] == 2) {
            continue;
        }
        for (const int w : neighbours[size_t(v)]) {
            if (distance[size_t(w)] < 0) {
                distance[size_t(w)] = distance[size_t(v)] + 1;
                queue.push_back(w);
            }
        }
    }
    std::sort(selected.begin(), selected.end());
    const std::vector<Edge> edges = edgesAmong(*catalog, selected);
    const double selectMs = double(selectTimer.nsecsElapsed()) / 1e6;
    const QString file = QDir(dir).filePath(QStringLiteral("depth2.json"));
    writeGraph(file, *catalog, selected, edges);
    written.append(QJsonObject{{QStringLiteral("file"), file},
                               {QStringLiteral("nodes"), int(selected.size())},
                               {QStringLiteral("edges"), int(edges.size())},
                               {QStringLiteral("focus"), catalog->entities()[size_t(focus)].ref},
                               {QStringLiteral("selectMs"), rounded(selectMs)}});

    printJson(QJsonObject{{QStringLiteral("phase"), QStringLiteral("write")},
                          {QStringLiteral("entities"), catalog->size()},
                          {QStringLiteral("seed"), qint64(seed)},
                          {QStringLiteral("elapsedMs"), qint64(timer.elapsed())},
                          {QStringLiteral("graphs"), written}});
    return 0;
}

Graph::LayoutInput readGraph(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(file));
    }
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    Graph::LayoutInput in;
    for (const QJsonValue &v : o.value(QStringLiteral("nodes")).toArray()) {
        in.nodeSizes.emplace_back(v[QStringLiteral("width")].toDouble(), v[QStringLiteral("height")].toDouble());
    }
    for (const QJsonValue &v : o.value(QStringLiteral("edges")).toArray()) {
        in.edges.push_back({v[QStringLiteral("from")].toInt(), v[QStringLiteral("to")].toInt()});
    }
    // Backstage's spacing, so that both engines draw comparable pictures.
    in.nodeSeparation = 50;
    in.layerSeparation = 50;
    in.direction = o.value(QStringLiteral("rankdir")).toString() == QLatin1String("TB")
                       ? Graph::LayoutInput::Direction::TopBottom
                       : Graph::LayoutInput::Direction::LeftRight;
    return in;
}

#ifdef GANTRY_BENCH_HAVE_GVC
// dot through libgvc, spaced like dagre (points: 1/72 inch). Returns edges with a spline.
int dotLayout(GVC_t *gvc, const Graph::LayoutInput &in)
{
    char name[] = "g";
    Agraph_t *g = agopen(name, Agdirected, nullptr);
    auto set = [](void *object, const char *key, const QByteArray &value) {
        agsafeset(object, const_cast<char *>(key), const_cast<char *>(value.constData()), const_cast<char *>(""));
    };
    set(g, "rankdir", in.direction == Graph::LayoutInput::Direction::LeftRight ? "LR" : "TB");
    set(g, "nodesep", QByteArray::number(50.0 / 72));
    set(g, "ranksep", QByteArray::number(50.0 / 72));
    std::vector<Agnode_t *> nodes;
    for (size_t i = 0; i < in.nodeSizes.size(); ++i) {
        QByteArray id = "n" + QByteArray::number(qulonglong(i));
        Agnode_t *node = agnode(g, id.data(), 1);
        set(node, "shape", "box");
        set(node, "fixedsize", "true");
        set(node, "label", "");
        set(node, "width", QByteArray::number(in.nodeSizes[i].width() / 72));
        set(node, "height", QByteArray::number(in.nodeSizes[i].height() / 72));
        nodes.push_back(node);
    }
    for (size_t i = 0; i < in.edges.size(); ++i) {
        QByteArray id = "e" + QByteArray::number(qulonglong(i));
        agedge(g, nodes[size_t(in.edges[i].from)], nodes[size_t(in.edges[i].to)], id.data(), 1);
    }
    gvLayout(gvc, g, "dot");
    int drawn = 0;
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            drawn += ED_spl(e) ? 1 : 0;
        }
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    return drawn;
}
#endif

int layoutMode(const QString &file, const QString &engine, int runs)
{
    const Graph::LayoutInput in = readGraph(file);
    const qint64 readPeak = peakRssKiB();
    const bool reset = resetPeakRss();
    const qint64 baseline = statusKiB("VmRSS");
    std::vector<double> times;
    int drawn = 0;
#ifdef GANTRY_BENCH_HAVE_GVC
    GVC_t *gvc = engine == QLatin1String("dot") ? gvContext() : nullptr;
#endif
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        if (engine == QLatin1String("gantry")) {
            const Graph::LayoutResult out = Graph::layeredLayout(in);
            times.push_back(double(timer.nsecsElapsed()) / 1e6);
            drawn = int(std::count_if(out.edgePaths.begin(), out.edgePaths.end(),
                                      [](const std::vector<QPointF> &p) { return p.size() >= 2; }));
#ifdef GANTRY_BENCH_HAVE_GVC
        } else if (engine == QLatin1String("dot")) {
            drawn = dotLayout(gvc, in);
            times.push_back(double(timer.nsecsElapsed()) / 1e6);
#endif
        } else {
            qFatal("unknown or unavailable engine %s", qPrintable(engine));
        }
    }
#ifdef GANTRY_BENCH_HAVE_GVC
    if (gvc) {
        gvFreeContext(gvc);
    }
#endif
    printJson(
        QJsonObject{{QStringLiteral("engine"), engine},
                    {QStringLiteral("file"), QFileInfo(file).fileName()},
                    {QStringLiteral("nodes"), int(in.nodeSizes.size())},
                    {QStringLiteral("edges"), int(in.edges.size())},
                    {QStringLiteral("edgesDrawn"), drawn},
                    {QStringLiteral("runs"), runs},
                    {QStringLiteral("ms"), rounded(median(times))},
                    {QStringLiteral("minMs"), rounded(*std::min_element(times.begin(), times.end()))},
                    // the process' peak (reading the graph included), comparable to node's maxRSS
                    {QStringLiteral("maxRssKiB"), std::max(readPeak, peakRssKiB())},
                    {QStringLiteral("baselineKiB"), reset ? baseline : readPeak},
                    // growth over the RSS before the first layout: the layout's own memory
                    {QStringLiteral("layoutPeakKiB"), reset ? statusKiB("VmHWM") - baseline : peakRssKiB() - readPeak},
                    {QStringLiteral("peakReset"), reset}});
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption writeOption(QStringLiteral("write"), QStringLiteral("Write the graphs to DIR."),
                                         QStringLiteral("dir"));
    const QCommandLineOption entitiesOption(QStringLiteral("entities"), QStringLiteral("Catalog size."),
                                            QStringLiteral("n"), QStringLiteral("12000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Generator seed."), QStringLiteral("s"),
                                        QStringLiteral("1"));
    const QCommandLineOption sizesOption(QStringLiteral("sizes"), QStringLiteral("Graph sizes."),
                                         QStringLiteral("list"), QStringLiteral("100,500,2000,5000"));
    const QCommandLineOption sparseOption(QStringLiteral("sparse-degree"),
                                          QStringLiteral("Average degree of the sparse graphs."), QStringLiteral("d"),
                                          QStringLiteral("2.5"));
    const QCommandLineOption layoutOption(QStringLiteral("layout"), QStringLiteral("Lay out FILE."),
                                          QStringLiteral("file"));
    const QCommandLineOption engineOption(QStringLiteral("engine"), QStringLiteral("gantry or dot."),
                                          QStringLiteral("name"), QStringLiteral("gantry"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs."), QStringLiteral("n"),
                                        QStringLiteral("5"));
    parser.addOptions(
        {writeOption, entitiesOption, seedOption, sizesOption, sparseOption, layoutOption, engineOption, runsOption});
    parser.process(app);
    if (parser.isSet(writeOption)) {
        QList<int> sizes;
        for (const QString &s : parser.value(sizesOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            sizes.append(s.toInt());
        }
        return writeMode(parser.value(writeOption), parser.value(entitiesOption).toInt(),
                         parser.value(seedOption).toUInt(), sizes, parser.value(sparseOption).toDouble());
    }
    if (parser.isSet(layoutOption)) {
        return layoutMode(parser.value(layoutOption), parser.value(engineOption),
                          std::max(1, parser.value(runsOption).toInt()));
    }
    parser.showHelp(1);
}
