#pragma once

#include "models/catalog/catalog.h"
#include "models/workspace/workspace.h"

#include <QFuture>
#include <QObject>

#include <atomic>
#include <memory>

namespace Gantry::Catalog {

class CatalogLoader;

// The catalog of one workspace, for the GUI: opens at once from the disk cache, then syncs the
// Git locations and re-loads in the background (only changed files are re-parsed), with
// progress and cancel. The last good catalog is kept when a sync fails. Lives on the GUI thread;
// all blocking work runs on the thread pool and results come back queued.
class CatalogService final : public QObject
{
    Q_OBJECT
public:
    explicit CatalogService(QObject *parent = nullptr);
    ~CatalogService() override;

    // Loads the workspace's cached catalog (if any) right away, then starts a refresh.
    void openWorkspace(const Workspace::Workspace &workspace);
    const Workspace::Workspace &workspace() const { return m_workspace; }

    CatalogPtr catalog() const { return m_catalog; }
    bool isBusy() const { return m_busy; }

    // Fetches every Git location and re-loads. With offline=true, uses the local clones only.
    void refresh(bool offline = false);
    void cancel();

Q_SIGNALS:
    void catalogChanged(Gantry::Catalog::CatalogPtr catalog);
    void busyChanged(bool busy);
    void progress(int done, int total, const QString &what);
    // A sync or load failed; the previous catalog stays. `message` says what failed and what to do.
    void loadFailed(const QString &message);
    // A refresh finished: how many files were re-parsed, how long it took.
    void refreshed(int filesParsed, int files, qint64 elapsedMs);

private:
    void setBusy(bool busy);
    void setCatalog(CatalogPtr catalog);

    Workspace::Workspace m_workspace;
    CatalogPtr m_catalog;
    std::shared_ptr<CatalogLoader> m_loader;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QFuture<void> m_job;
    quint64 m_generation = 0; // results of older jobs are dropped
    bool m_busy = false;
    bool m_pendingRefresh = false;
};

} // namespace Gantry::Catalog

Q_DECLARE_METATYPE(Gantry::Catalog::CatalogPtr)
