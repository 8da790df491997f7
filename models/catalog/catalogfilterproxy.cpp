#include "models/catalog/catalogfilterproxy.h"

#include "models/catalog/catalogmodel.h"
#include "models/catalog/facetmodel.h"

#include <QCollator>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <numeric>

namespace Gantry::Catalog {

namespace {
Q_LOGGING_CATEGORY(lcProxy, "gantry.catalog.catalogfilterproxy")

constexpr size_t MaxCacheEntries = 32;

QStringList splitWords(const QString &text)
{
    return text.toLower().split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
}

// True when every entity matching `newer` also matches `older`: each older word is part of some
// newer word. Typing more characters or words narrows; deleting widens.
bool narrows(const QStringList &older, const QStringList &newer)
{
    return std::all_of(older.cbegin(), older.cend(), [&newer](const QString &o) {
        return std::any_of(newer.cbegin(), newer.cend(), [&o](const QString &n) { return n.contains(o); });
    });
}
} // namespace

CatalogFilterProxy::CatalogFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

CatalogFilterProxy::~CatalogFilterProxy() = default;

void CatalogFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_model = qobject_cast<const CatalogModel *>(model);
    Q_ASSERT_X(!model || m_model, "CatalogFilterProxy", "the source model must be a CatalogModel");
    if (m_model) {
        // Connected before QSortFilterProxyModel's own handler so that the index is current
        // when it re-runs filterAcceptsRow() for the new snapshot.
        connect(m_model, &QAbstractItemModel::modelReset, this, &CatalogFilterProxy::rebuildIndex);
    }
    rebuildIndex();
    QSortFilterProxyModel::setSourceModel(model);
    Q_EMIT filterChanged();
}

void CatalogFilterProxy::rebuildIndex()
{
    m_catalog = m_model ? m_model->catalog() : CatalogPtr();
    const int rows = m_catalog ? m_catalog->size() : 0;
    for (int f = 0; f < FacetCount; ++f) {
        FacetIndex &index = m_facets[size_t(f)];
        index = FacetIndex();
        index.offsets.reserve(size_t(rows) + 1);
        index.values.reserve(size_t(rows));
        index.offsets.push_back(0);
        if (m_catalog) {
            for (const Entity &e : m_catalog->entities()) {
                FacetModel::forEachKey(e, Facet(f), [&index](const QString &key) {
                    const auto it = index.ids.constFind(key);
                    if (it != index.ids.constEnd()) {
                        index.values.push_back(it.value());
                    } else {
                        const int id = int(index.ids.size());
                        index.ids.insert(key, id);
                        index.values.push_back(id);
                    }
                });
                index.offsets.push_back(int(index.values.size()));
            }
        }
        updateFacetSelection(Facet(f));
    }
    m_ranks.assign(CatalogModel::ColumnCount, {});
    m_cache.clear();
    m_accepted.assign(size_t(rows), 1);
    std::vector<int> accepted;
    accepted.reserve(size_t(rows));
    for (int row = 0; row < rows; ++row) {
        if (!rowMatches(row)) {
            m_accepted[size_t(row)] = 0;
        } else {
            accepted.push_back(row);
        }
    }
    m_cache.push_back(CacheEntry{m_words, std::move(accepted)});
}

void CatalogFilterProxy::updateFacetSelection(Facet facet)
{
    FacetIndex &index = m_facets[size_t(facet)];
    const QStringList &keys = m_facetKeys[size_t(facet)];
    index.active = !keys.isEmpty();
    index.selected.assign(size_t(index.ids.size()), 0);
    for (const QString &key : keys) {
        const auto it = index.ids.constFind(key);
        if (it != index.ids.constEnd()) {
            index.selected[size_t(it.value())] = 1;
        }
    }
}

bool CatalogFilterProxy::rowMatches(int row) const
{
    for (const FacetIndex &index : m_facets) {
        if (!index.active) {
            continue;
        }
        bool any = false;
        for (int i = index.offsets[size_t(row)], end = index.offsets[size_t(row) + 1]; i < end; ++i) {
            if (index.selected[size_t(index.values[size_t(i)])]) {
                any = true;
                break;
            }
        }
        if (!any) {
            return false;
        }
    }
    if (m_words.isEmpty()) {
        return true;
    }
    const QString &text = m_catalog->entities()[size_t(row)].searchText;
    for (const QString &word : m_words) {
        if (!text.contains(word, Qt::CaseSensitive)) { // both sides are lower-case already
            return false;
        }
    }
    return true;
}

void CatalogFilterProxy::setSearchText(const QString &text)
{
    if (text == m_searchText) {
        return;
    }
    m_searchText = text;
    QStringList words = splitWords(text);
    words.removeDuplicates();
    if (words == m_words) {
        return; // e.g. a trailing space: nothing to do
    }
    m_words = words;
    refilter();
}

void CatalogFilterProxy::setFacetValues(Facet facet, const QStringList &values)
{
    QStringList &keys = m_facetKeys[size_t(facet)];
    if (keys == values) {
        return;
    }
    keys = values;
    updateFacetSelection(facet);
    m_cache.clear(); // cached rows hold for one facet selection only
    refilter();
}

void CatalogFilterProxy::clearFilters()
{
    bool changed = !m_words.isEmpty();
    m_searchText.clear();
    m_words.clear();
    for (int f = 0; f < FacetCount; ++f) {
        if (!m_facetKeys[size_t(f)].isEmpty()) {
            m_facetKeys[size_t(f)].clear();
            updateFacetSelection(Facet(f));
            m_cache.clear();
            changed = true;
        }
    }
    if (changed) {
        refilter();
    }
}

bool CatalogFilterProxy::hasFilters() const
{
    return !m_words.isEmpty() ||
           std::any_of(m_facetKeys.cbegin(), m_facetKeys.cend(), [](const QStringList &k) { return !k.isEmpty(); });
}

void CatalogFilterProxy::refilter()
{
    if (!m_catalog) {
        Q_EMIT filterChanged();
        return;
    }
    std::vector<int> rows;
    auto cached = std::find_if(m_cache.begin(), m_cache.end(), [this](const CacheEntry &c) { return c.words == m_words; });
    if (cached != m_cache.end()) {
        rows = cached->rows;
        std::rotate(cached, cached + 1, m_cache.end()); // most recently used last
    } else {
        // Only the rows of the smallest cached result that the new search narrows can match.
        const CacheEntry *base = nullptr;
        for (const CacheEntry &c : m_cache) {
            if (narrows(c.words, m_words) && (!base || c.rows.size() < base->rows.size())) {
                base = &c;
            }
        }
        if (base) {
            rows.reserve(base->rows.size());
            for (const int row : base->rows) {
                if (rowMatches(row)) {
                    rows.push_back(row);
                }
            }
        } else {
            const int count = m_catalog->size();
            for (int row = 0; row < count; ++row) {
                if (rowMatches(row)) {
                    rows.push_back(row);
                }
            }
        }
        if (m_cache.size() >= MaxCacheEntries) {
            m_cache.erase(m_cache.begin());
        }
        m_cache.push_back(CacheEntry{m_words, rows});
    }

    std::vector<char> accepted(m_accepted.size(), 0);
    for (const int row : rows) {
        accepted[size_t(row)] = 1;
    }
    if (accepted != m_accepted) {
        m_accepted = std::move(accepted);
        invalidateRowsFilter();
    }
    Q_EMIT filterChanged();
}

bool CatalogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || sourceRow < 0 || size_t(sourceRow) >= m_accepted.size()) {
        return false;
    }
    return m_accepted[size_t(sourceRow)] != 0;
}

void CatalogFilterProxy::buildRanks(int column) const
{
    const int rows = m_catalog ? m_catalog->size() : 0;
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::vector<QCollatorSortKey> keys;
    std::vector<char> empty(size_t(rows), 0);
    keys.reserve(size_t(rows));
    for (int row = 0; row < rows; ++row) {
        const QString text = CatalogModel::columnText(m_catalog->entities()[size_t(row)], column);
        empty[size_t(row)] = text.isEmpty();
        keys.push_back(collator.sortKey(text));
    }
    std::vector<int> order(static_cast<size_t>(rows));
    std::iota(order.begin(), order.end(), 0);
    // Empty cells last, so that sorting by owner shows owned entities first.
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (empty[size_t(a)] != empty[size_t(b)]) {
            return empty[size_t(a)] < empty[size_t(b)];
        }
        return keys[size_t(a)].compare(keys[size_t(b)]) < 0;
    });
    std::vector<int> &rank = m_ranks[size_t(column)];
    rank.assign(size_t(rows), 0);
    for (int i = 0; i < rows; ++i) {
        rank[size_t(order[size_t(i)])] = i;
    }
    qCDebug(lcProxy) << "built sort keys for column" << column << "rows" << rows;
}

bool CatalogFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int column = left.column();
    if (column < 0 || column >= CatalogModel::ColumnCount || size_t(column) >= m_ranks.size()) {
        return QSortFilterProxyModel::lessThan(left, right);
    }
    if (m_ranks[size_t(column)].size() != m_accepted.size()) {
        buildRanks(column);
    }
    const auto &rank = m_ranks[size_t(column)];
    return rank[size_t(left.row())] < rank[size_t(right.row())];
}

const Entity *CatalogFilterProxy::entityAt(const QModelIndex &proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid() || proxyIndex.model() != this) {
        return nullptr;
    }
    return m_model->entityAt(mapToSource(proxyIndex).row());
}

QModelIndex CatalogFilterProxy::indexOfRef(const QString &canonicalRef) const
{
    if (!m_catalog || !m_model) {
        return {};
    }
    const int row = m_catalog->indexOf(canonicalRef);
    if (row < 0) {
        return {};
    }
    return mapFromSource(m_model->index(row, 0));
}

} // namespace Gantry::Catalog
