#include "ui/iconroledelegate.h"

#include "ui/icons.h"

namespace Gantry::Ui {

IconRoleDelegate::IconRoleDelegate(int role, const QString &prefix, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
    , m_prefix(prefix)
{}

void IconRoleDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString name = index.data(m_role).toString();
    if (!name.isEmpty()) {
        option->icon = Icons::named(m_prefix + name);
        if (option->icon.isNull() && m_prefix == QLatin1String("kind-")) {
            option->icon = Icons::kind(name);
        }
        option->features |= QStyleOptionViewItem::HasDecoration;
        const int size = option->fontMetrics.height();
        option->decorationSize = QSize(size, size);
    }
}

QSize IconRoleDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // Airier rows than the style's default: the table is the main reading surface.
    size.setHeight(std::max(size.height(), option.fontMetrics.height() * 2));
    return size;
}

} // namespace Gantry::Ui
