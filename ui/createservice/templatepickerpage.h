#pragma once

#include "models/scaffold/template.h"

#include <QWidget>

#include <vector>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTextBrowser;

namespace Gantry::Ui {

class TemplateCardDelegate;

// The wizard's first page: the built-in golden paths and the catalog's templates as cards, with a
// search box that filters by title, name, description, tags and owner. A template with problems
// (found when it loaded) lists them with file:line:col and cannot be chosen.
class TemplatePickerPage final : public QWidget
{
    Q_OBJECT
public:
    explicit TemplatePickerPage(QWidget *parent = nullptr);

    void setTemplates(const std::vector<Scaffold::TemplatePtr> &templates);
    // The selected template (nullptr when none, or when it is hidden by the search).
    Scaffold::TemplatePtr currentTemplate() const;
    // Selects by name or ref; false when there is no such template.
    bool selectTemplate(const QString &nameOrRef);
    int visibleCount() const;

    QLineEdit *searchEdit() const { return m_search; }
    QListView *view() const { return m_view; }

Q_SIGNALS:
    void currentTemplateChanged();
    // Double click on a card.
    void templateActivated();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateDetails();
    void fitCards();

    std::vector<Scaffold::TemplatePtr> m_templates;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QLabel *m_count;
    QListView *m_view;
    TemplateCardDelegate *m_delegate;
    QLabel *m_empty;
    QTextBrowser *m_problems;
};

} // namespace Gantry::Ui
