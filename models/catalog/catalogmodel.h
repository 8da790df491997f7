#pragma once

#include "models/catalog/catalog.h"

#include <QAbstractTableModel>

#include <vector>

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

    // Resets the model; rows are in catalog order until a row order is set.
    void setCatalog(CatalogPtr catalog);
    const CatalogPtr &catalog() const { return m_catalog; }
    // The entity of a row (nullptr when out of range).
    const Entity *entityAt(int row) const;

    // Rows can be presented in any order (CatalogFilterProxy sorts this way: a permutation from
    // precomputed keys instead of a comparison sort of model indexes on every change).
    // `order[row]` is an index into Catalog::entities(); empty means catalog order.
    // Emits layoutAboutToBeChanged/layoutChanged and keeps persistent indexes on their entities.
    void setRowOrder(std::vector<int> order);
    // The same without signals, only for a slot of modelReset (every index is new anyway).
    void setRowOrderAfterReset(std::vector<int> order);
    int entityIndex(int row) const { return m_order.empty() ? row : m_order[size_t(row)]; }
    int rowOfEntity(int entityIndex) const { return m_rowOf.empty() ? entityIndex : m_rowOf[size_t(entityIndex)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;

    // What a column shows for an entity (also what the filter proxy sorts by).
    static QString columnText(const Entity &entity, int column);
    // "team-a" for "group:default/team-a", "ops/team-a" for "group:ops/team-a": Backstage's
    // humanized ref without the kind (the column or context already says it).
    static QString shortRef(const QString &canonicalRef);
    // Icon name for a kind: "component", "api", ... for the nine known kinds, else "entity".
    static QString kindIconName(const QString &kind);

private:
    void applyOrder(std::vector<int> order);

    CatalogPtr m_catalog;
    int m_rows = 0;
    std::vector<int> m_order; // row -> entity index (empty: identity)
    std::vector<int> m_rowOf; // entity index -> row (empty: identity)
};

} // namespace Gantry::Catalog
