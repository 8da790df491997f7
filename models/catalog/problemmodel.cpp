#include "models/catalog/problemmodel.h"

#include "models/catalog/catalogroles.h"

#include <QFileInfo>

namespace Gantry::Catalog {

ProblemModel::ProblemModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ProblemModel::setCatalog(CatalogPtr catalog)
{
    if (catalog == m_catalog) {
        return;
    }
    beginResetModel();
    m_catalog = std::move(catalog);
    endResetModel();
}

const Problem *ProblemModel::problemAt(int row) const
{
    if (!m_catalog || row < 0 || size_t(row) >= m_catalog->problems().size()) {
        return nullptr;
    }
    return &m_catalog->problems()[size_t(row)];
}

int ProblemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_catalog ? 0 : int(m_catalog->problems().size());
}

int ProblemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Problem *p = problemAt(index.row());
    if (!p) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return p->isError() ? tr("Error") : tr("Warning");
        case LocationColumn: {
            // Relative to the repository or folder: many files share the name catalog-info.yaml.
            const QString file = m_catalog ? m_catalog->displayPath(p->location.file) : p->location.file;
            return p->location.line > 0 ? tr("%1:%2").arg(file).arg(p->location.line) : file;
        }
        case MessageColumn:
            return p->message;
        case EntityColumn:
            return p->entityRef;
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case LocationColumn:
            return p->location.line > 0 ? tr("%1, line %2, column %3")
                                              .arg(p->location.file)
                                              .arg(p->location.line)
                                              .arg(p->location.column)
                                        : p->location.file;
        case MessageColumn:
            return p->message;
        default:
            return {};
        }
    case SeverityRole:
        return int(p->severity);
    case SeverityIconRole:
        return index.column() == SeverityColumn
                   ? QVariant(p->isError() ? QStringLiteral("error") : QStringLiteral("warning"))
                   : QVariant();
    case FileRole:
        return p->location.file;
    case LineRole:
        return p->location.line;
    case ColumnRole:
        return p->location.column;
    case EntityRefRole:
        return p->entityRef;
    default:
        return {};
    }
}

QVariant ProblemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case LocationColumn:
        return tr("File:Line");
    case MessageColumn:
        return tr("Message");
    case EntityColumn:
        return tr("Entity");
    default:
        return {};
    }
}

QHash<int, QByteArray> ProblemModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(SeverityRole, "severity");
    names.insert(SeverityIconRole, "severityIcon");
    names.insert(FileRole, "file");
    names.insert(LineRole, "line");
    names.insert(ColumnRole, "column");
    names.insert(EntityRefRole, "entityRef");
    return names;
}

} // namespace Gantry::Catalog
