#include "models/catalog/facetmodel.h"

#include "models/catalog/catalogmodel.h"

#include <QHash>
#include <QLocale>

#include <algorithm>

namespace Gantry::Catalog {

FacetModel::FacetModel(Facet facet, QObject *parent)
    : QAbstractListModel(parent)
    , m_facet(facet)
{}

QString FacetModel::title(Facet facet)
{
    switch (facet) {
    case Facet::Kind:
        return tr("Kind");
    case Facet::Type:
        return tr("Type");
    case Facet::Owner:
        return tr("Owner");
    case Facet::Lifecycle:
        return tr("Lifecycle");
    case Facet::System:
        return tr("System");
    case Facet::Namespace:
        return tr("Namespace");
    case Facet::Tag:
        return tr("Tags");
    }
    return {};
}

QString FacetModel::label(Facet facet, const QString &key)
{
    switch (facet) {
    case Facet::Owner:
    case Facet::System:
        return CatalogModel::shortRef(key);
    case Facet::Kind:
        for (const QString &known : knownKinds()) {
            if (key.compare(known, Qt::CaseInsensitive) == 0) {
                return known;
            }
        }
        return key;
    default:
        return key;
    }
}

void FacetModel::setCatalog(const CatalogPtr &catalog)
{
    QHash<QString, int> counts;
    if (catalog) {
        for (const Entity &e : catalog->entities()) {
            forEachKey(e, m_facet, [&counts](const QString &key) { ++counts[key]; });
        }
    }

    beginResetModel();
    m_values.clear();
    m_values.reserve(size_t(counts.size()));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        m_values.push_back(Value{it.key(), label(m_facet, it.key()), it.value()});
    }
    std::sort(m_values.begin(), m_values.end(), [](const Value &a, const Value &b) {
        const int c = a.label.compare(b.label, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.key < b.key;
    });
    QSet<QString> kept;
    for (const QString &key : std::as_const(m_selected)) {
        if (counts.contains(key)) {
            kept.insert(key);
        }
    }
    const bool selectionChanged = kept != m_selected;
    m_selected = kept;
    endResetModel();
    if (selectionChanged) {
        Q_EMIT this->selectionChanged(selectedKeys());
    }
}

QStringList FacetModel::selectedKeys() const
{
    // In display order, so that the result is stable.
    QStringList keys;
    for (const Value &v : m_values) {
        if (m_selected.contains(v.key)) {
            keys.append(v.key);
        }
    }
    return keys;
}

void FacetModel::setSelectedKeys(const QStringList &keys)
{
    QSet<QString> selected;
    for (const Value &v : m_values) {
        if (keys.contains(v.key)) {
            selected.insert(v.key);
        }
    }
    if (selected == m_selected) {
        return;
    }
    m_selected = selected;
    if (!m_values.empty()) {
        Q_EMIT dataChanged(index(0), index(int(m_values.size()) - 1), {Qt::CheckStateRole});
    }
    Q_EMIT selectionChanged(selectedKeys());
}

int FacetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_values.size());
}

QVariant FacetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Value &v = m_values[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 (%2)").arg(v.label, QLocale().toString(v.count));
    case Qt::ToolTipRole:
        return v.key;
    case Qt::CheckStateRole:
        return m_selected.contains(v.key) ? Qt::Checked : Qt::Unchecked;
    case FacetKeyRole:
        return v.key;
    case FacetLabelRole:
        return v.label;
    case FacetCountRole:
        return v.count;
    default:
        return {};
    }
}

bool FacetModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return false;
    }
    const QString &key = m_values[size_t(index.row())].key;
    const bool checked = value.toInt() == int(Qt::Checked);
    if (checked == m_selected.contains(key)) {
        return true;
    }
    if (checked) {
        m_selected.insert(key);
    } else {
        m_selected.remove(key);
    }
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT selectionChanged(selectedKeys());
    return true;
}

Qt::ItemFlags FacetModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> FacetModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(FacetKeyRole, "key");
    names.insert(FacetLabelRole, "label");
    names.insert(FacetCountRole, "count");
    return names;
}

} // namespace Gantry::Catalog
