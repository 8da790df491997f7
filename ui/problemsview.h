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
// MainWindow decides when it shows: it stays out of the way while the catalog is clean.
class ProblemsView final : public QDockWidget
{
    Q_OBJECT
public:
    explicit ProblemsView(QWidget *parent = nullptr);

    void setCatalog(const Catalog::CatalogPtr &catalog);
    QTreeView *view() const { return m_view; }
    Catalog::ProblemModel *model() const { return m_model; }
    int errorCount() const;
    int warningCount() const;
    // "2 errors, 5 warnings", "1 warning", "No problems".
    QString summary() const;

Q_SIGNALS:
    // `entityRef` is empty when the problem belongs to no entity.
    void problemActivated(const QString &entityRef, const QString &file, int line);
    // The counts (and so summary()) may have changed: a new catalog.
    void countsChanged();
    // The user closed the dock with its title bar's close button (not a programmatic hide()).
    void closedByUser();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateTitle();

    Catalog::ProblemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QStackedWidget *m_stack;
    QTreeView *m_view;
};

} // namespace Gantry::Ui
