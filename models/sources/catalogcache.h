#pragma once

#include "models/catalog/catalogloader.h"

#include <QString>

namespace Gantry::Sources {

// The last good catalog on disk, so Gantry opens at once and works offline: the loader's
// per-file results (parsed trees, problems) in a versioned binary file, written atomically
// with QSaveFile. A cache from another Gantry version, or a damaged one, is ignored.
class CatalogCache final
{
public:
    explicit CatalogCache(QString filePath);

    bool save(const Catalog::CatalogLoader &loader, const QString &origin, QString *error = nullptr) const;
    // Restores the loader's memo; returns false (and leaves the loader empty) when there is no
    // usable cache.
    bool restore(Catalog::CatalogLoader &loader, QString *origin = nullptr) const;
    QString filePath() const { return m_filePath; }

private:
    QString m_filePath;
};

} // namespace Gantry::Sources
