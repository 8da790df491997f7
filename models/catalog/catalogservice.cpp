#include "models/catalog/catalogservice.h"

#include "models/catalog/catalogloader.h"
#include "models/sources/catalogcache.h"
#include "models/sources/sourcesync.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcService, "gantry.catalog.catalogservice")

namespace Gantry::Catalog {

namespace {

struct JobResult
{
    CatalogPtr catalog;
    QStringList messages;
    LoadStats stats;
    bool cancelled = false;
    QString cacheError;
};

QString cacheFile(const Workspace::Workspace &workspace)
{
    return workspace.cacheDirectory() + QStringLiteral("/catalog.cache");
}

} // namespace

CatalogService::CatalogService(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Gantry::Catalog::CatalogPtr>("Gantry::Catalog::CatalogPtr");
}

CatalogService::~CatalogService()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
    // Jobs hold their own shared state; wait so none calls back into a dead object.
    m_job.waitForFinished();
}

void CatalogService::openWorkspace(const Workspace::Workspace &workspace)
{
    if (m_cancel) {
        m_cancel->store(true);
    }
    m_job.waitForFinished();
    m_workspace = workspace;
    m_loader = std::make_shared<CatalogLoader>();
    ++m_generation;
    setCatalog(nullptr);

    // The instant start: assemble the last good catalog from the disk cache before touching any
    // repository. Small and CPU-bound, so it runs on the pool and comes back queued.
    const quint64 generation = m_generation;
    auto loader = m_loader;
    const QString file = cacheFile(workspace);
    setBusy(true);
    m_job = QtConcurrent::run([loader, file]() -> CatalogPtr {
                Sources::CatalogCache cache(file);
                QString origin;
                if (!cache.restore(*loader, &origin)) {
                    return nullptr;
                }
                return loader->assembleFromMemo(origin);
            }).then(this, [this, generation](CatalogPtr cached) {
        if (generation != m_generation) {
            return;
        }
        if (cached) {
            qCDebug(lcService) << "opened from cache:" << cached->size() << "entities";
            setCatalog(cached);
        }
        setBusy(false);
        refresh(false);
    });
}

void CatalogService::refresh(bool offline)
{
    if (m_workspace.filePath.isEmpty() || !m_loader) {
        return;
    }
    if (m_busy) {
        m_pendingRefresh = true;
        return;
    }
    setBusy(true);
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = ++m_generation;
    auto loader = m_loader;
    auto cancelFlag = m_cancel;
    const Workspace::Workspace workspace = m_workspace;
    QPointer<CatalogService> self(this);

    auto report = [self](int done, int total, const QString &what) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, done, total, what] {
                if (self) {
                    Q_EMIT self->progress(done, total, what);
                }
            },
            Qt::QueuedConnection);
    };

    m_job =
        QtConcurrent::run([loader, cancelFlag, workspace, offline, report]() {
            JobResult result;
            Sources::SourceSync sync(workspace.cacheDirectory());
            report(0, 0, QCoreApplication::translate("Gantry::Catalog::CatalogService", "Fetching catalog locations…"));
            auto synced = sync.sync(workspace, offline, cancelFlag.get(), report);
            result.messages = synced.messages;
            if (cancelFlag->load()) {
                result.cancelled = true;
                return result;
            }
            loader->setMountResolver(sync.resolver(offline));
            loader->setProgressCallback(report);
            result.catalog = loader->load(synced.entries, cancelFlag.get(), std::move(synced.problems));
            loader->setProgressCallback({});
            result.stats = loader->lastStats();
            result.cancelled = loader->wasCancelled();
            if (result.catalog) {
                Sources::CatalogCache cache(cacheFile(workspace));
                QDir().mkpath(workspace.cacheDirectory());
                cache.save(*loader, result.catalog->origin(), &result.cacheError);
            }
            return result;
        }).then(this, [this, generation](JobResult result) {
            if (generation != m_generation) {
                return;
            }
            if (!result.messages.isEmpty()) {
                QString message = result.messages.join(QLatin1Char('\n'));
                if (m_catalog) {
                    message += QLatin1Char('\n') +
                               tr("Showing the last good catalog (%n entities).", nullptr, m_catalog->size());
                }
                Q_EMIT loadFailed(message);
            }
            if (!result.cacheError.isEmpty()) {
                qCWarning(lcService) << "could not write the catalog cache:" << result.cacheError;
            }
            if (result.catalog) {
                setCatalog(result.catalog);
                Q_EMIT refreshed(result.stats.filesParsed, result.stats.files, result.stats.elapsedMs);
            }
            setBusy(false);
            if (m_pendingRefresh) {
                m_pendingRefresh = false;
                refresh(false);
            }
        });
}

void CatalogService::cancel()
{
    m_pendingRefresh = false;
    if (m_cancel) {
        m_cancel->store(true);
    }
}

void CatalogService::setBusy(bool busy)
{
    if (m_busy == busy) {
        return;
    }
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

void CatalogService::setCatalog(CatalogPtr catalog)
{
    if (m_catalog == catalog) {
        return;
    }
    m_catalog = std::move(catalog);
    Q_EMIT catalogChanged(m_catalog);
}

} // namespace Gantry::Catalog
