#pragma once

#include "models/catalog/catalog.h"
#include "models/catalog/catalogroles.h"

#include <QSortFilterProxyModel>
#include <QStringList>

#include <array>
#include <vector>

namespace Gantry::Catalog {

class CatalogModel;

// Search and facet filtering plus sorting of a CatalogModel, fast enough to run on every
// keystroke for 50,000 entities: per-row facet value ids are computed once per snapshot, the
// accepted rows are computed in one pass over the snapshot (narrowing a search only re-tests
// the rows that matched before; going back to an earlier search is a cache hit), and
// filterAcceptsRow()/lessThan() are array look-ups.
class CatalogFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit CatalogFilterProxy(QObject *parent = nullptr);
    ~CatalogFilterProxy() override;

    // The source must be a CatalogModel.
    void setSourceModel(QAbstractItemModel *model) override;

    // Whitespace-separated words; an entity matches when every word occurs (case-insensitive)
    // in its name, title, description or tags.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }

    // Keys as FacetModel::forEachKey() gives them. OR within a facet, AND across facets;
    // an empty list removes the facet's filter.
    void setFacetValues(Facet facet, const QStringList &values);
    QStringList facetValues(Facet facet) const { return m_facetKeys[size_t(facet)]; }

    void clearFilters();
    bool hasFilters() const;

    const Entity *entityAt(const QModelIndex &proxyIndex) const;
    // The proxy index (column 0) of an entity, invalid when it is filtered out or unknown.
    QModelIndex indexOfRef(const QString &canonicalRef) const;

Q_SIGNALS:
    // The set of accepted rows may have changed (after a search or facet change or a new catalog).
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    struct FacetIndex
    {
        QHash<QString, int> ids;  // key -> value id
        std::vector<int> offsets; // per row: [offsets[row], offsets[row + 1]) into values
        std::vector<int> values;  // value ids
        std::vector<char> selected; // by value id; only used when active
        bool active = false;
    };
    struct CacheEntry
    {
        QStringList words;
        std::vector<int> rows;
    };

    void rebuildIndex();
    void updateFacetSelection(Facet facet);
    void refilter();
    bool rowMatches(int row) const;
    void buildRanks(int column) const;

    const CatalogModel *m_model = nullptr;
    CatalogPtr m_catalog;
    QString m_searchText;
    QStringList m_words;
    std::array<QStringList, FacetCount> m_facetKeys;
    std::array<FacetIndex, FacetCount> m_facets;
    std::vector<char> m_accepted; // by source row
    std::vector<CacheEntry> m_cache; // most recent last; valid for the current facet selection
    mutable std::vector<std::vector<int>> m_ranks; // per column, lazily: sort rank by source row
};

} // namespace Gantry::Catalog
