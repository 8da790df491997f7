#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QModelIndex;
class QTableView;

namespace Gantry::Catalog {
class CatalogFilterProxy;
}

namespace Gantry::Ui {

// The centre of the catalog page: the search box (filters as you type), the sortable entity
// table and the "312 of 1,204 entities" count.
class CatalogTable final : public QWidget
{
    Q_OBJECT
public:
    explicit CatalogTable(QWidget *parent = nullptr);

    void setModel(Catalog::CatalogFilterProxy *proxy);
    QLineEdit *searchEdit() const { return m_search; }
    QTableView *view() const { return m_view; }
    QLabel *countLabel() const { return m_count; }

    // Makes an entity's row current without emitting currentEntityChanged (false when hidden).
    bool selectRef(const QString &canonicalRef);
    void focusSearch();

    QByteArray headerState() const;
    void restoreHeaderState(const QByteArray &state);

Q_SIGNALS:
    // Double-click or Enter on a row.
    void entityActivated(const QString &canonicalRef);
    // The current row changed by mouse or keyboard.
    void currentEntityChanged(const QString &canonicalRef);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateCount();
    void placeEmptyLabel();
    void showHeaderMenu(const QPoint &pos);

    Catalog::CatalogFilterProxy *m_proxy = nullptr;
    QLineEdit *m_search;
    QTableView *m_view;
    QLabel *m_count;
    QLabel *m_empty; // over the viewport when nothing matches
    bool m_selecting = false;
};

} // namespace Gantry::Ui
