#pragma once

#include "models/kube/deploymentinfo.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <vector>

namespace Gantry::Kube {

// Recent events: Last seen, Type, Reason, Object, Message (newest first, like kubectl describe).
class EventTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { AgeColumn, TypeColumn, ReasonColumn, ObjectColumn, MessageColumn, ColumnCount };

    explicit EventTableModel(QObject *parent = nullptr);

    void setEvents(std::vector<EventInfo> events);
    void setNow(const QDateTime &now) { m_now = now; }
    const EventInfo *event(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<EventInfo> m_events;
    QDateTime m_now;
};

} // namespace Gantry::Kube
