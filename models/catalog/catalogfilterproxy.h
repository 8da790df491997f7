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
// keystroke for 50,000 entities (a few milliseconds, see tst_catalogfilterproxy):
// - per-row facet value ids and one UTF-8 buffer of all search texts are built once per snapshot;
// - a search only tests the rows of the smallest earlier result it narrows (typing more), and
//   going back to an earlier search is a cache hit (deleting);
// - filterAcceptsRow() is an array look-up; a change that shows or hides thousands of rows
//   rebuilds the mapping in one pass instead of thousands of row removals;
// - sorting is a permutation from precomputed ranks applied by the CatalogModel, so
//   QSortFilterProxyModel never runs a comparison sort over model indexes.
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

    // Sorts by precomputed per-column ranks (natural order: "svc-2" before "svc-10", empty last)
    // by having the CatalogModel present its rows in that order. QSortFilterProxyModel's own
    // sort column stays -1, so filtering never re-sorts.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortedColumn() const { return m_sortColumn; }
    Qt::SortOrder sortedOrder() const { return m_sortOrder; }

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
        QHash<QString, int> ids;    // key -> value id
        std::vector<int> offsets;   // per row: [offsets[row], offsets[row + 1]) into values
        std::vector<int> values;    // value ids
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
    bool facetsMatch(int row) const;
    // The rows (of `base`, or of all) that pass the facets and contain every search word.
    std::vector<int> match(const std::vector<int> *base) const;
    void buildRanks(int column) const;
    // A column's ranks for the current snapshot, built on first use.
    const std::vector<int> &ranks(int column) const;
    std::vector<int> sortedOrder(int column, Qt::SortOrder order) const;

    CatalogModel *m_model = nullptr;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    CatalogPtr m_catalog;
    QString m_searchText;
    QStringList m_words;
    std::vector<QByteArray> m_wordsUtf8;
    // Every row's lower-cased name, title, description and tags as UTF-8 in one buffer, '\n'
    // between rows; row r is [m_textOffsets[r], m_textOffsets[r + 1]).
    QByteArray m_text;
    std::vector<quint32> m_textOffsets;
    std::array<QStringList, FacetCount> m_facetKeys;
    std::array<FacetIndex, FacetCount> m_facets;
    std::vector<char> m_accepted;                  // by entity index
    std::vector<CacheEntry> m_cache;               // most recent last; valid for the current facet selection
    mutable std::vector<std::vector<int>> m_ranks; // per column, lazily: sort rank by entity index
};

} // namespace Gantry::Catalog
