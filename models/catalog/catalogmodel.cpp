#include "models/catalog/catalogmodel.h"

#include "models/catalog/catalogroles.h"

namespace Gantry::Catalog {

CatalogModel::CatalogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CatalogModel::setCatalog(CatalogPtr catalog)
{
    if (catalog == m_catalog) {
        return;
    }
    beginResetModel();
    m_catalog = std::move(catalog);
    endResetModel();
}

const Entity *CatalogModel::entityAt(int row) const
{
    if (!m_catalog || row < 0 || row >= m_catalog->size()) {
        return nullptr;
    }
    return &m_catalog->entities()[size_t(row)];
}

int CatalogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_catalog ? 0 : m_catalog->size();
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
        return index.row();
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
