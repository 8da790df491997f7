#pragma once

#include "ui/createservice/fieldeditor.h"

#include <QStringList>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QToolButton;

namespace Gantry::Ui {

// Arrays: a checklist with a filter box. Its choices are the item enum (`ui:widget: checkboxes`),
// the catalog's entities (EntityPicker of an array, e.g. dependsOn) or the catalog's tags
// (EntityTagsPicker, which also takes new tags); a plain array of strings takes any typed value.
// Return in the filter box checks the first match, or adds the typed value.
class MultiSelectFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    MultiSelectFieldEditor(const Scaffold::FormField &field, const Catalog::CatalogPtr &catalog,
                           QWidget *parent = nullptr);

    QJsonValue value() const override;
    void setValue(const QJsonValue &value) override;
    QWidget *inputWidget() const override;
    void setCatalog(const Catalog::CatalogPtr &catalog) override;

    QLineEdit *filterEdit() const { return m_filter; }
    QListView *listView() const { return m_list; }
    // The item values shown (checked or not), in order.
    QStringList choiceValues() const;
    // Checks (or adds, where allowed) the typed text; true when something changed.
    bool addTyped();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fillChoices(const Catalog::CatalogPtr &catalog);
    QStandardItem *itemFor(const QString &value) const;
    QStandardItem *addItem(const QString &value, const QString &label, const QString &tip);
    void updateSummary();
    QJsonValue toJson(const QString &text) const;

    bool m_canAdd = false;
    bool m_updating = false; // filling or setting: not the person's edit
    QStringList m_order;     // checked values in the order they were checked
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QToolButton *m_add;
    QListView *m_list;
    QLabel *m_summary;
};

} // namespace Gantry::Ui
