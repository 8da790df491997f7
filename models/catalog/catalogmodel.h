#pragma once

#include "models/catalog/catalog.h"

#include <QAbstractTableModel>

namespace Gantry::Catalog {

// One row per entity of a catalog snapshot, one column per field the catalog table shows.
// Reads straight from the immutable snapshot; setCatalog() resets the model.
class CatalogModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        KindColumn,
        TypeColumn,
        OwnerColumn,
        LifecycleColumn,
        SystemColumn,
        NamespaceColumn,
        DescriptionColumn,
        TagsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit CatalogModel(QObject *parent = nullptr);

    void setCatalog(CatalogPtr catalog);
    const CatalogPtr &catalog() const { return m_catalog; }
    // The entity of a source row (nullptr when out of range).
    const Entity *entityAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // What a column shows for an entity (also what the filter proxy sorts by).
    static QString columnText(const Entity &entity, int column);
    // "team-a" for "group:default/team-a", "ops/team-a" for "group:ops/team-a": Backstage's
    // humanized ref without the kind (the column or context already says it).
    static QString shortRef(const QString &canonicalRef);
    // Icon name for a kind: "component", "api", ... for the nine known kinds, else "entity".
    static QString kindIconName(const QString &kind);

private:
    CatalogPtr m_catalog;
};

} // namespace Gantry::Catalog
