#include "ui/graphrunner.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <numeric>

namespace Gantry::Ui {

namespace {
Q_LOGGING_CATEGORY(lcRunner, "gantry.ui.graphrunner")

// Cycles as groups of nodes joined by cycle edges (union-find); close to strongly connected
// components because EntityGraph only marks edges that lie on a cycle.
int countCycles(const Graph::GraphDrawing &drawing)
{
    std::vector<int> parent(drawing.nodes.size());
    std::iota(parent.begin(), parent.end(), 0);
    const auto find = [&parent](int x) {
        while (parent[size_t(x)] != x) {
            parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
            x = parent[size_t(x)];
        }
        return x;
    };
    std::vector<bool> touched(drawing.nodes.size(), false);
    for (const auto &e : drawing.edges) {
        if (!e.inCycle || e.from < 0 || e.to < 0 || size_t(e.from) >= parent.size() || size_t(e.to) >= parent.size()) {
            continue;
        }
        touched[size_t(e.from)] = touched[size_t(e.to)] = true;
        parent[size_t(find(e.from))] = find(e.to);
    }
    int groups = 0;
    for (int i = 0; i < int(parent.size()); ++i) {
        if (touched[size_t(i)] && find(i) == i) {
            ++groups;
        }
    }
    return groups;
}
} // namespace

GraphRunner::GraphRunner(QObject *parent)
    : QObject(parent)
{}

GraphRunner::~GraphRunner()
{
    cancel();
}

GraphResult GraphRunner::compute(const Catalog::Catalog &catalog, const Catalog::GraphQuery &query,
                                 Graph::LayoutInput::Direction direction, const std::atomic_bool *cancel)
{
    QElapsedTimer timer;
    timer.start();
    GraphResult result;
    result.query = query;
    const Catalog::GraphSelection selection = Catalog::EntityGraph::select(catalog, query);
    if (!selection.error.isEmpty()) {
        result.error = selection.error;
    }
    if (cancel && cancel->load()) {
        return result;
    }
    const qint64 selected = timer.elapsed();
    auto drawing = std::make_shared<Graph::GraphDrawing>(Graph::layOutSelection(catalog, selection, direction, cancel));
    result.cycles = countCycles(*drawing);
    result.drawing = std::move(drawing);
    qCDebug(lcRunner) << "graph of" << result.drawing->nodes.size() << "nodes: select" << selected << "ms, layout"
                      << timer.elapsed() - selected << "ms";
    return result;
}

void GraphRunner::run(Catalog::CatalogPtr catalog, const Catalog::GraphQuery &query,
                      Graph::LayoutInput::Direction direction)
{
    stopCurrent();
    if (!catalog) {
        setBusy(false);
        return;
    }
    const quint64 id = ++m_jobId;
    auto flag = std::make_shared<std::atomic_bool>(false);
    m_cancel = flag;
    setBusy(true);
    QtConcurrent::run([catalog, query, direction, flag] {
        // An exception would end the job without a result and leave the page busy for ever.
        try {
            return compute(*catalog, query, direction, flag.get());
        } catch (const std::exception &e) {
            GraphResult failed;
            failed.query = query;
            failed.error = tr("The graph could not be computed: %1").arg(QString::fromLocal8Bit(e.what()));
            return failed;
        }
    }).then(this, [this, id, flag](const GraphResult &result) {
        if (id != m_jobId || flag->load()) {
            return; // a newer job runs, or this one was cancelled
        }
        setBusy(false);
        Q_EMIT finished(result);
    });
}

void GraphRunner::stopCurrent()
{
    if (m_cancel) {
        m_cancel->store(true);
        m_cancel.reset();
    }
    ++m_jobId;
}

void GraphRunner::cancel()
{
    stopCurrent();
    setBusy(false);
}

void GraphRunner::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged(busy);
    }
}

} // namespace Gantry::Ui
