#include "models/kube/eventtablemodel.h"

#include "models/kube/kuberoles.h"

namespace Gantry::Kube {

EventTableModel::EventTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void EventTableModel::setEvents(std::vector<EventInfo> events)
{
    beginResetModel();
    m_events = std::move(events);
    endResetModel();
}

const EventInfo *EventTableModel::event(int row) const
{
    return row >= 0 && row < int(m_events.size()) ? &m_events[size_t(row)] : nullptr;
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const EventInfo &e = m_events[size_t(index.row())];
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case AgeColumn: {
            const QString age =
                e.lastSeen.isValid() ? humanDuration(e.lastSeen.secsTo(now)) : QStringLiteral("<unknown>");
            return e.count > 1 ? tr("%1 (x%2)").arg(age).arg(e.count) : age;
        }
        case TypeColumn:
            return e.type;
        case ReasonColumn:
            return e.reason;
        case ObjectColumn:
            return QString(e.objectKind.toLower() + QLatin1Char('/') + e.objectName);
        case MessageColumn:
            return e.message;
        default:
            return {};
        }
    case SortRole:
        if (index.column() == AgeColumn) {
            return e.lastSeen.isValid() ? e.lastSeen.secsTo(now) : qint64(-1);
        }
        return data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
    case DetailRole:
        return e.message;
    case CategoryRole:
        return e.type == QLatin1String("Warning") ? QStringLiteral("warning") : QStringLiteral("normal");
    case ObjectNameRole:
        return e.objectName;
    default:
        return {};
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case AgeColumn:
        return tr("Last seen");
    case TypeColumn:
        return tr("Type");
    case ReasonColumn:
        return tr("Reason");
    case ObjectColumn:
        return tr("Object");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace Gantry::Kube
