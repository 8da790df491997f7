#pragma once

#include "models/catalog/catalog.h"

#include <QAbstractTableModel>

namespace Gantry::Catalog {

// The problems of a catalog snapshot (errors first as the snapshot orders them: by file, line,
// column), for the Problems dock.
class ProblemModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, LocationColumn, MessageColumn, EntityColumn, ColumnCount };
    Q_ENUM(Column)

    explicit ProblemModel(QObject *parent = nullptr);

    void setCatalog(CatalogPtr catalog);
    const CatalogPtr &catalog() const { return m_catalog; }
    const Problem *problemAt(int row) const;
    int errorCount() const { return m_catalog ? m_catalog->errorCount() : 0; }
    int warningCount() const { return m_catalog ? m_catalog->warningCount() : 0; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    CatalogPtr m_catalog;
};

} // namespace Gantry::Catalog
