#pragma once

#include "models/kube/deploymentinfo.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <vector>

namespace Gantry::Kube {

// The pods table: Name, Status, Ready, Restarts, Age, Node (as kubectl get pods -o wide).
// Takes whole snapshots; rows that stay keep their index (dataChanged), others are inserted or
// removed, so selections survive live updates.
class PodTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, ReadyColumn, RestartsColumn, AgeColumn, NodeColumn, ColumnCount };

    explicit PodTableModel(QObject *parent = nullptr);

    void setPods(std::vector<PodInfo> pods);
    // "now" for ages (tests pin it; default: current time at each setPods()).
    void setNow(const QDateTime &now) { m_now = now; }
    const PodInfo *pod(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<PodInfo> m_pods;
    QDateTime m_now;
};

} // namespace Gantry::Kube
