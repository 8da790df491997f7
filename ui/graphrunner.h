#pragma once

#include "models/catalog/catalog.h"
#include "models/catalog/entitygraph.h"
#include "models/graph/graphdrawing.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace Gantry::Ui {

// One finished graph job: the drawing and what the status line says about it.
struct GraphResult
{
    std::shared_ptr<const Graph::GraphDrawing> drawing;
    Catalog::GraphQuery query;
    int cycles = 0; // dependency cycles (groups of nodes joined by cycle edges)
    QString error;
};

// Runs selection and layout off the UI thread, one job at a time: a new job cancels the one
// before, and results of older jobs are dropped by job id (hotspot's JobTracker idea).
class GraphRunner final : public QObject
{
    Q_OBJECT
public:
    explicit GraphRunner(QObject *parent = nullptr);
    ~GraphRunner() override;

    void run(Catalog::CatalogPtr catalog, const Catalog::GraphQuery &query, Graph::LayoutInput::Direction direction);
    void cancel();
    bool isBusy() const { return m_busy; }

    // Selection and layout in the calling thread (the jobs run this).
    static GraphResult compute(const Catalog::Catalog &catalog, const Catalog::GraphQuery &query,
                               Graph::LayoutInput::Direction direction, const std::atomic_bool *cancel);

Q_SIGNALS:
    void busyChanged(bool busy);
    void finished(const Gantry::Ui::GraphResult &result);

private:
    void setBusy(bool busy);
    void stopCurrent();

    quint64 m_jobId = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_busy = false;
};

} // namespace Gantry::Ui
