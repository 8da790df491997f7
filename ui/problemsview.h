#pragma once

#include "models/catalog/catalog.h"

#include <QDockWidget>

class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;

namespace Gantry::Catalog {
class ProblemModel;
}

namespace Gantry::Ui {

// The Problems dock at the bottom: every error and warning of the catalog, with the counts in
// its title ("Problems (3 errors, 5 warnings)"). Activating a row asks to show where it is.
class ProblemsView final : public QDockWidget
{
    Q_OBJECT
public:
    explicit ProblemsView(QWidget *parent = nullptr);

    void setCatalog(const Catalog::CatalogPtr &catalog);
    QTreeView *view() const { return m_view; }
    Catalog::ProblemModel *model() const { return m_model; }

Q_SIGNALS:
    // `entityRef` is empty when the problem belongs to no entity.
    void problemActivated(const QString &entityRef, const QString &file, int line);

private:
    void updateTitle();

    Catalog::ProblemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QStackedWidget *m_stack;
    QTreeView *m_view;
};

} // namespace Gantry::Ui
