#pragma once

#include <QStyledItemDelegate>

namespace Gantry::Ui {

// Paints a template as a card: title, source badge, description (up to three lines), tag chips
// and owner; a template with errors carries a red "N problems" badge. Reads the roles of
// TemplatePickerPage's model. All text is painted as plain text.
class TemplateCardDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum Role {
        TitleRole = Qt::DisplayRole,
        DescriptionRole = Qt::UserRole + 1,
        TagsRole,     // QStringList
        OwnerRole,    // display text of the owner
        SourceRole,   // "Built-in" / "Catalog"
        ProblemsRole, // int: error count
        RefRole,      // template ref
        SearchRole,   // everything searchable, lower-case
    };

    explicit TemplateCardDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The smallest comfortable card; the page widens cards to fill its rows.
    static QSize cardSize(const QFontMetrics &metrics);
    void setCardWidth(int width) { m_cardWidth = width; }

private:
    int m_cardWidth = 0;
};

} // namespace Gantry::Ui
