#pragma once

#include "models/catalog/catalog.h"
#include "models/catalog/relations.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QDataStream;

namespace Gantry::Catalog {

// A folder that holds catalog files: a Git checkout or a user's own folder.
struct Mount
{
    QString id;      // stable identity: "<git url>#<branch>" or the absolute folder path
    QString rootDir; // absolute local folder
    QString label;   // what people see: the URL (+branch) or the folder
    QString commit;  // Git commit loaded (hex), empty for plain folders
    // Cheap content identity of a file below rootDir (Git blob id). Empty function or empty
    // result: size + modification time are used instead.
    std::function<QByteArray(const QString &relativePath)> versionKey;
};
using MountPtr = std::shared_ptr<const Mount>;

// Everything learned from one file. Files are independent, so they parse in parallel and a
// refresh re-uses the results of every file whose version key did not change.
struct FileResult
{
    QString path;       // absolute local path
    QByteArray version; // version key it was parsed at
    std::shared_ptr<const YamlTree> tree;
    std::vector<Catalog::Input> entities; // accepted entities with their outgoing relations
    std::vector<int> entityDocuments;     // for each accepted entity, its document index in `tree`
    std::vector<Problem> problems;
    struct Target
    {
        QString target; // as written in the Location entity
        QString type;   // Location spec.type ("url", "file", or empty)
        bool optional = false;
        SourceLocation location;
    };
    std::vector<Target> locationTargets;
    bool holdsEntities = false; // at least one document looked like a catalog entity
};

struct LoadStats
{
    int files = 0;
    int filesParsed = 0; // the rest came from the previous load or the disk cache
    int entities = 0;
    qint64 elapsedMs = 0;
};

// Loads a catalog from mounts: expands folders, follows Location entities (relative targets,
// globs, other repositories through the mount resolver), parses files on all cores, validates,
// derives relations and assembles an immutable Catalog. Blocking: run it off the UI thread
// (CatalogService does) or directly from the command line. Keeps per-file results between
// calls so that a refresh only re-parses what changed.
class CatalogLoader final
{
public:
    struct Entry
    {
        MountPtr mount;
        QString path;              // relative to mount->rootDir; a file, a folder, or empty for the whole mount
        bool explicitFile = false; // given by the user: parse even if it does not look like a catalog file
    };

    // Resolves an absolute URL found in a Location target (another repository) to a mount.
    // Returns nullptr and sets *error when it cannot; *relativePath receives the path inside it.
    using MountResolver = std::function<MountPtr(const QString &url, QString *relativePath, QString *error)>;
    using ProgressCallback = std::function<void(int done, int total, const QString &what)>;

    CatalogLoader();

    void setMountResolver(MountResolver resolver) { m_resolver = std::move(resolver); }
    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }

    // Problems that happened before loading (e.g. a fetch failure) can be passed in `extraProblems`.
    CatalogPtr load(const std::vector<Entry> &entries, const std::atomic_bool *cancel = nullptr,
                    std::vector<Problem> extraProblems = {});
    const LoadStats &lastStats() const { return m_stats; }
    bool wasCancelled() const { return m_cancelled; }

    // Parses one file (no Location following). Public for tests and benchmarks.
    static FileResult parseFile(const QString &absolutePath, const QByteArray &version, bool explicitFile,
                                const QString &substitutionRoot);

    // The per-file memo, for the disk cache. Serialized with a version header; a cache that
    // does not match is ignored, never trusted.
    void saveMemo(QDataStream &out) const;
    bool restoreMemo(QDataStream &in);
    void clearMemo()
    {
        m_memo.clear();
        m_order.clear();
        m_loadProblems.clear();
        m_roots.clear();
    }
    bool hasMemo() const { return !m_order.isEmpty(); }
    // Assembles a catalog from the memo alone, in the order of the last load: the instant,
    // offline start from the disk cache, before any file or repository is looked at.
    CatalogPtr assembleFromMemo(const QString &origin) const;

private:
    // The memo's entities in load order (pointers into it), and its problems appended to `problems`.
    void collectInputs(std::vector<Catalog::Input *> *inputs, std::vector<Problem> *problems) const;

    // By absolute path. Not const: assembling shares the entity ref strings of every catalog
    // built from it with the relations held here (equal values, one allocation).
    QHash<QString, std::shared_ptr<FileResult>> m_memo;
    QStringList m_order;                 // paths in load order
    std::vector<Problem> m_loadProblems; // problems of the load, not of one file
    QStringList m_roots;                 // mount folders, for display paths
    MountResolver m_resolver;
    ProgressCallback m_progress;
    LoadStats m_stats;
    bool m_cancelled = false;
};

} // namespace Gantry::Catalog
