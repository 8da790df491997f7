#include "models/kube/podtablemodel.h"

#include "models/kube/kuberoles.h"

#include <QHash>

#include <algorithm>

namespace Gantry::Kube {

PodTableModel::PodTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PodTableModel::setPods(std::vector<PodInfo> pods)
{
    std::sort(pods.begin(), pods.end(),
              [](const PodInfo &a, const PodInfo &b) { return a.status.name < b.status.name; });
    pods.erase(std::unique(pods.begin(), pods.end(),
                           [](const PodInfo &a, const PodInfo &b) { return a.status.name == b.status.name; }),
               pods.end());
    // Keep rows that stay (by name) so that selections survive; remove and insert the others.
    QHash<QString, int> wanted;
    for (int i = 0; i < int(pods.size()); ++i) {
        wanted.insert(pods[size_t(i)].status.name, i);
    }
    for (int row = int(m_pods.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_pods[size_t(row)].status.name)) {
            beginRemoveRows(QModelIndex(), row, row);
            m_pods.erase(m_pods.begin() + row);
            endRemoveRows();
        }
    }
    // Both lists are sorted by name: merge.
    size_t row = 0;
    for (auto &pod : pods) {
        if (row < m_pods.size() && m_pods[row].status.name == pod.status.name) {
            m_pods[row] = std::move(pod);
            Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
        } else {
            beginInsertRows(QModelIndex(), int(row), int(row));
            m_pods.insert(m_pods.begin() + qsizetype(row), std::move(pod));
            endInsertRows();
        }
        ++row;
    }
}

const PodInfo *PodTableModel::pod(int row) const
{
    return row >= 0 && row < int(m_pods.size()) ? &m_pods[size_t(row)] : nullptr;
}

int PodTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pods.size());
}

int PodTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PodTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const PodInfo &pod = m_pods[size_t(index.row())];
    const PodStatus &s = pod.status;
    // Ages and "(3m ago)" are read against the clock, so they keep counting between cluster updates.
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return s.name;
        case StatusColumn:
            return s.status;
        case ReadyColumn:
            return s.readyText();
        case RestartsColumn:
            return s.restartsText(now);
        case AgeColumn:
            return s.created.isValid() ? humanDuration(s.created.secsTo(now)) : QStringLiteral("<unknown>");
        case NodeColumn:
            return s.node.isEmpty() ? QStringLiteral("<none>") : s.node;
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case ReadyColumn:
            return s.totalContainers == 0 ? 0.0 : double(s.readyContainers) / double(s.totalContainers);
        case RestartsColumn:
            return s.restarts;
        case AgeColumn:
            return s.created.isValid() ? s.created.secsTo(now) : qint64(-1);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
    case DetailRole:
        return pod.problem.isEmpty() ? QVariant() : QVariant(pod.problem);
    case CategoryRole:
        return s.category();
    case ObjectNameRole:
        return s.name;
    case Qt::TextAlignmentRole:
        if (index.column() == RestartsColumn || index.column() == ReadyColumn) {
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    default:
        return {};
    }
}

QVariant PodTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case ReadyColumn:
        return tr("Ready");
    case RestartsColumn:
        return tr("Restarts");
    case AgeColumn:
        return tr("Age");
    case NodeColumn:
        return tr("Node");
    default:
        return {};
    }
}

} // namespace Gantry::Kube
