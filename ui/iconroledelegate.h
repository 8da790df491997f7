#pragma once

#include <QStyledItemDelegate>

namespace Gantry::Ui {

// Shows an icon named by a model role (e.g. KindIconRole = "component") as the cell's
// decoration, so that models stay free of widgets and resources.
class IconRoleDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // The icon is Icons::named(prefix + data(role)).
    IconRoleDelegate(int role, const QString &prefix, QObject *parent = nullptr);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_role;
    QString m_prefix;
};

} // namespace Gantry::Ui
