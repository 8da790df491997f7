#include "models/catalog/catalogmodel.h"

#include "models/catalog/catalogroles.h"

namespace Gantry::Catalog {

CatalogModel::CatalogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CatalogModel::setCatalog(CatalogPtr catalog)
{
    if (catalog == m_catalog) {
        return;
    }
    beginResetModel();
    m_catalog = std::move(catalog);
    m_rows = m_catalog ? m_catalog->size() : 0;
    m_order.clear();
    m_rowOf.clear();
    endResetModel();
}

void CatalogModel::applyOrder(std::vector<int> order)
{
    if (order.size() != size_t(m_rows)) {
        order.clear(); // not a permutation of this catalog: catalog order
    }
    m_order = std::move(order);
    m_rowOf.assign(m_order.empty() ? 0 : m_order.size(), 0);
    for (size_t row = 0; row < m_order.size(); ++row) {
        m_rowOf[size_t(m_order[row])] = int(row);
    }
}

void CatalogModel::setRowOrderAfterReset(std::vector<int> order)
{
    applyOrder(std::move(order));
}

void CatalogModel::setRowOrder(std::vector<int> order)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> entities;
    entities.reserve(size_t(before.size()));
    for (const QModelIndex &index : before) {
        entities.push_back(entityIndex(index.row()));
    }
    applyOrder(std::move(order));
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        after << createIndex(rowOfEntity(entities[size_t(i)]), before[i].column());
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

const Entity *CatalogModel::entityAt(int row) const
{
    if (!m_catalog || row < 0 || row >= m_rows) {
        return nullptr;
    }
    return &m_catalog->entities()[size_t(entityIndex(row))];
}

QModelIndex CatalogModel::index(int row, int column, const QModelIndex &parent) const
{
    // Cheaper than hasIndex(): no virtual rowCount()/columnCount() calls on this hot path.
    if (parent.isValid() || row < 0 || column < 0 || row >= m_rows || column >= ColumnCount) {
        return {};
    }
    return createIndex(row, column);
}

int CatalogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int CatalogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CatalogModel::shortRef(const QString &canonicalRef)
{
    const qsizetype colon = canonicalRef.indexOf(QLatin1Char(':'));
    const QStringView rest = QStringView(canonicalRef).mid(colon + 1);
    if (rest.startsWith(QLatin1String("default/"))) {
        return rest.mid(8).toString();
    }
    return rest.toString();
}

QString CatalogModel::kindIconName(const QString &kind)
{
    for (const QString &known : knownKinds()) {
        if (kind.compare(known, Qt::CaseInsensitive) == 0) {
            return known.toLower();
        }
    }
    return QStringLiteral("entity");
}

QString CatalogModel::columnText(const Entity &e, int column)
{
    switch (column) {
    case NameColumn:
        return e.displayName();
    case KindColumn:
        return e.kind;
    case TypeColumn:
        return e.specType;
    case OwnerColumn:
        return e.owner.isEmpty() ? QString() : shortRef(e.owner);
    case LifecycleColumn:
        return e.lifecycle;
    case SystemColumn:
        return e.system.isEmpty() ? QString() : shortRef(e.system);
    case NamespaceColumn:
        return e.nameSpace;
    case DescriptionColumn:
        return e.description;
    case TagsColumn:
        return e.tags.join(QLatin1String(", "));
    default:
        return {};
    }
}

QVariant CatalogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Entity *e = entityAt(index.row());
    if (!e) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        return columnText(*e, index.column());
    case Qt::ToolTipRole:
        if (index.column() == NameColumn) {
            return e->ref;
        }
        if (index.column() == DescriptionColumn && !e->description.isEmpty()) {
            return e->description;
        }
        return {};
    case EntityIndexRole:
        return entityIndex(index.row());
    case RefRole:
        return e->ref;
    case KindRole:
        return e->kind;
    case KindIconRole:
        return index.column() == NameColumn ? kindIconName(e->kind) : QVariant();
    case OwnerRefRole:
        return e->owner;
    case SystemRefRole:
        return e->system;
    default:
        return {};
    }
}

QVariant CatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case TypeColumn:
        return tr("Type");
    case OwnerColumn:
        return tr("Owner");
    case LifecycleColumn:
        return tr("Lifecycle");
    case SystemColumn:
        return tr("System");
    case NamespaceColumn:
        return tr("Namespace");
    case DescriptionColumn:
        return tr("Description");
    case TagsColumn:
        return tr("Tags");
    default:
        return {};
    }
}

QHash<int, QByteArray> CatalogModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(EntityIndexRole, "entityIndex");
    names.insert(RefRole, "ref");
    names.insert(KindRole, "kind");
    names.insert(SortRole, "sortText");
    names.insert(KindIconRole, "kindIcon");
    names.insert(OwnerRefRole, "ownerRef");
    names.insert(SystemRefRole, "systemRef");
    return names;
}

} // namespace Gantry::Catalog
