#include "models/catalog/catalogfilterproxy.h"

#include "models/catalog/catalogmodel.h"
#include "models/catalog/facetmodel.h"

#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <cstring>
#include <numeric>
#include <string_view>

namespace Gantry::Catalog {

namespace {
Q_LOGGING_CATEGORY(lcProxy, "gantry.catalog.catalogfilterproxy")

constexpr size_t MaxCacheEntries = 32;
constexpr size_t LargeChange = 2000; // rows shown or hidden by one change

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
// memchr for the first byte, memcmp for the rest: no per-call set-up, which matters because this
// runs once per candidate row on rows of ~100 bytes.
bool containsBytes(const char *haystack, size_t length, const QByteArray &needle)
{
    const auto m = size_t(needle.size());
    if (m == 0) {
        return true;
    }
    if (m > length) {
        return false;
    }
    const char *w = needle.constData();
    const char *p = haystack;
    const char *last = haystack + (length - m);
    while (p <= last) {
        p = static_cast<const char *>(std::memchr(p, w[0], size_t(last - p) + 1));
        if (!p) {
            return false;
        }
        if (std::memcmp(p + 1, w + 1, m - 1) == 0) {
            return true;
        }
        ++p;
    }
    return false;
}

// "svc-2" before "svc-10": runs of digits compare by value. Locale-independent on purpose
// (QCollator ignores case and numeric options in the C locale), inputs are case-folded.
bool naturalLess(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i;
            qsizetype ej = j;
            while (ei < a.size() && a[ei].isDigit()) {
                ++ei;
            }
            while (ej < b.size() && b[ej].isDigit()) {
                ++ej;
            }
            QStringView da = a.mid(i, ei - i);
            QStringView db = b.mid(j, ej - j);
            while (da.size() > 1 && da.front() == QLatin1Char('0')) {
                da = da.mid(1);
            }
            while (db.size() > 1 && db.front() == QLatin1Char('0')) {
                db = db.mid(1);
            }
            if (da.size() != db.size()) {
                return da.size() < db.size();
            }
            if (const int c = da.compare(db); c != 0) {
                return c < 0;
            }
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j]) {
            return a[i] < b[j];
        }
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}
// Lower-cased UTF-8 of `text` (QString::toLower, then UTF-8), with a fast path for ASCII.
void appendLower(QByteArray *out, const QString &text)
{
    const char16_t *p = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype n = text.size();
    bool ascii = true;
    for (qsizetype i = 0; i < n; ++i) {
        ascii = ascii && p[i] < 0x80;
    }
    if (!ascii) {
        *out += text.toLower().toUtf8();
        return;
    }
    const qsizetype at = out->size();
    out->resize(at + n);
    char *d = out->data() + at;
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = char(p[i]);
        d[i] = (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
    }
}

// The text the search box matches: lower-cased "name title description tags", one per line.
void appendSearchText(QByteArray *out, const Entity &e)
{
    appendLower(out, e.name);
    *out += '\n';
    appendLower(out, e.title);
    *out += '\n';
    appendLower(out, e.description);
    for (const auto &tag : e.tags) {
        *out += '\n';
        appendLower(out, tag);
    }
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
    m_model = qobject_cast<CatalogModel *>(model);
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
    m_text.clear();
    m_textOffsets.clear();
    m_textOffsets.reserve(size_t(rows) + 1);
    if (m_catalog) {
        qsizetype size = 0;
        for (const Entity &e : m_catalog->entities()) {
            size += e.name.size() + e.title.size() + e.description.size() + 4;
            for (const auto &tag : e.tags) {
                size += tag.size() + 1;
            }
        }
        m_text.reserve(size + size / 4);
        for (const Entity &e : m_catalog->entities()) {
            m_textOffsets.push_back(quint32(m_text.size()));
            appendSearchText(&m_text, e);
            m_text += '\n'; // words hold no white space, so no match spans two rows
        }
    }
    m_textOffsets.push_back(quint32(m_text.size()));
    if (m_model && m_sortColumn >= 0 && rows > 0) {
        m_model->setRowOrderAfterReset(sortedOrder(m_sortColumn, m_sortOrder));
    }
    std::vector<int> accepted = match(nullptr);
    m_accepted.assign(size_t(rows), 0);
    for (const int row : accepted) {
        m_accepted[size_t(row)] = 1;
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

bool CatalogFilterProxy::facetsMatch(int row) const
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
    return true;
}

std::vector<int> CatalogFilterProxy::match(const std::vector<int> *base) const
{
    const int count = m_catalog ? m_catalog->size() : 0;
    const bool anyFacet =
        std::any_of(m_facets.cbegin(), m_facets.cend(), [](const FacetIndex &index) { return index.active; });
    std::vector<int> rows;
    if (base) {
        rows.reserve(base->size());
        for (const int row : *base) {
            if (!anyFacet || facetsMatch(row)) {
                rows.push_back(row);
            }
        }
    } else {
        rows.reserve(size_t(count));
        for (int row = 0; row < count; ++row) {
            if (!anyFacet || facetsMatch(row)) {
                rows.push_back(row);
            }
        }
    }

    // Longest word first: usually the most selective, so later words test fewer rows.
    std::vector<const QByteArray *> words;
    for (const QByteArray &word : m_wordsUtf8) {
        words.push_back(&word);
    }
    std::sort(words.begin(), words.end(),
              [](const QByteArray *a, const QByteArray *b) { return a->size() > b->size(); });

    const char *text = m_text.constData();
    for (const QByteArray *word : words) {
        if (rows.empty()) {
            break;
        }
        std::erase_if(rows, [&](int row) {
            const quint32 begin = m_textOffsets[size_t(row)];
            return !containsBytes(text + begin, m_textOffsets[size_t(row) + 1] - begin, *word);
        });
    }
    return rows;
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
    m_wordsUtf8.clear();
    for (const QString &word : std::as_const(m_words)) {
        m_wordsUtf8.push_back(word.toUtf8());
    }
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
    m_wordsUtf8.clear();
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
    auto cached =
        std::find_if(m_cache.begin(), m_cache.end(), [this](const CacheEntry &c) { return c.words == m_words; });
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
        rows = match(base ? &base->rows : nullptr);
        if (m_cache.size() >= MaxCacheEntries) {
            m_cache.erase(m_cache.begin());
        }
        m_cache.push_back(CacheEntry{m_words, rows});
    }

    std::vector<char> accepted(m_accepted.size(), 0);
    for (const int row : rows) {
        accepted[size_t(row)] = 1;
    }
    size_t changed = 0;
    for (size_t i = 0; i < accepted.size(); ++i) {
        changed += accepted[i] != m_accepted[i];
    }
    if (changed > 0) {
        m_accepted = std::move(accepted);
        // QSortFilterProxyModel applies a filter change as one remove/insert per run of rows,
        // which costs tens of milliseconds when a keystroke hides or shows thousands of scattered
        // rows. Past a threshold, rebuilding the mapping (a layout change that keeps selections)
        // is cheaper: one pass plus a sort by the precomputed ranks.
        if (changed > LargeChange) {
            invalidate();
        } else {
            invalidateRowsFilter();
        }
    }
    Q_EMIT filterChanged();
}

bool CatalogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || sourceRow < 0 || size_t(sourceRow) >= m_accepted.size()) {
        return false;
    }
    return m_accepted[size_t(m_model->entityIndex(sourceRow))] != 0;
}

void CatalogFilterProxy::buildRanks(int column) const
{
    const int rows = m_catalog ? m_catalog->size() : 0;
    std::vector<QString> keys;
    keys.reserve(size_t(rows));
    for (int row = 0; row < rows; ++row) {
        keys.push_back(CatalogModel::columnText(m_catalog->entities()[size_t(row)], column).toCaseFolded());
    }
    std::vector<int> order(static_cast<size_t>(rows));
    std::iota(order.begin(), order.end(), 0);
    // Empty cells last, so that sorting by owner shows owned entities first.
    std::stable_sort(order.begin(), order.end(), [&keys](int a, int b) {
        const QString &ka = keys[size_t(a)];
        const QString &kb = keys[size_t(b)];
        if (ka.isEmpty() != kb.isEmpty()) {
            return kb.isEmpty();
        }
        return naturalLess(ka, kb);
    });
    std::vector<int> &rank = m_ranks[size_t(column)];
    rank.assign(size_t(rows), 0);
    for (int i = 0; i < rows; ++i) {
        rank[size_t(order[size_t(i)])] = i;
    }
    qCDebug(lcProxy) << "built sort keys for column" << column << "rows" << rows;
}

const std::vector<int> &CatalogFilterProxy::ranks(int column) const
{
    // Checked against the snapshot, not against other per-row state: rebuildIndex() sorts a new
    // snapshot before it has rebuilt everything else (m_accepted still had the previous
    // snapshot's size, so after an empty model the unbuilt ranks looked current and the first
    // catalog stayed in load order).
    const size_t rows = m_catalog ? size_t(m_catalog->size()) : 0;
    if (m_ranks[size_t(column)].size() != rows) {
        buildRanks(column);
    }
    return m_ranks[size_t(column)];
}

std::vector<int> CatalogFilterProxy::sortedOrder(int column, Qt::SortOrder order) const
{
    const std::vector<int> &rank = ranks(column);
    std::vector<int> result(rank.size());
    for (size_t entity = 0; entity < rank.size(); ++entity) {
        result[size_t(rank[entity])] = int(entity);
    }
    if (order == Qt::DescendingOrder) {
        std::reverse(result.begin(), result.end());
    }
    return result;
}

void CatalogFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= CatalogModel::ColumnCount) {
        m_sortColumn = -1;
        if (m_model) {
            m_model->setRowOrder({});
        }
        return;
    }
    m_sortColumn = column;
    m_sortOrder = order;
    if (m_model && m_catalog && m_catalog->size() > 0) {
        // The source presents its rows in sorted order; this proxy only filters, so a filter
        // change never sorts again.
        m_model->setRowOrder(sortedOrder(column, order));
    }
}

bool CatalogFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int column = left.column();
    if (!m_model || column < 0 || column >= CatalogModel::ColumnCount || size_t(column) >= m_ranks.size()) {
        return QSortFilterProxyModel::lessThan(left, right);
    }
    const std::vector<int> &rank = ranks(column);
    return rank[size_t(m_model->entityIndex(left.row()))] < rank[size_t(m_model->entityIndex(right.row()))];
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
    return mapFromSource(m_model->index(m_model->rowOfEntity(row), 0));
}

} // namespace Gantry::Catalog
