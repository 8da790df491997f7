#include "ui/problemsview.h"

#include "models/catalog/catalogroles.h"
#include "models/catalog/problemmodel.h"
#include "ui/iconroledelegate.h"

#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTreeView>

namespace Gantry::Ui {

using Catalog::ProblemModel;

namespace {
// Sorting by severity puts errors first and keeps the snapshot's file/line order within each
// severity (the sort is stable); the other columns sort by their text.
class ProblemSortProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        if (left.column() == ProblemModel::SeverityColumn) {
            return left.data(Catalog::SeverityRole).toInt() < right.data(Catalog::SeverityRole).toInt();
        }
        return QSortFilterProxyModel::lessThan(left, right);
    }
};
} // namespace

ProblemsView::ProblemsView(QWidget *parent)
    : QDockWidget(parent)
    , m_model(new ProblemModel(this))
    , m_proxy(new ProblemSortProxy(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("problemsDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    // The style draws the title flush against the window's edge, unlike every other panel.
    setStyleSheet(QStringLiteral("QDockWidget::title { text-align: left; padding: 4px 8px; }"));
    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("problemsView"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ProblemModel::SeverityColumn, Qt::AscendingOrder); // errors first
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setWordWrap(false);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setItemDelegate(new IconRoleDelegate(Catalog::SeverityIconRole, QString(), m_view));
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_view->setColumnWidth(ProblemModel::SeverityColumn, 8 * em);
    m_view->setColumnWidth(ProblemModel::LocationColumn, 16 * em);
    m_view->setColumnWidth(ProblemModel::EntityColumn, 24 * em);
    m_view->setColumnWidth(ProblemModel::MessageColumn, 50 * em);
    // The message is the long one: last, taking the room that is left instead of being elided
    // beside a half-empty entity column.
    m_view->header()->moveSection(m_view->header()->visualIndex(ProblemModel::EntityColumn),
                                  m_view->header()->visualIndex(ProblemModel::MessageColumn));
    m_view->header()->setStretchLastSection(true);

    auto *empty = new QLabel(tr("No problems: every entity loaded cleanly."), this);
    empty->setAlignment(Qt::AlignCenter);
    empty->setEnabled(false);
    m_stack->addWidget(m_view);
    m_stack->addWidget(empty);
    setWidget(m_stack);

    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT problemActivated(index.data(Catalog::EntityRefRole).toString(), index.data(Catalog::FileRole).toString(),
                                index.data(Catalog::LineRole).toInt());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProblemsView::updateTitle);
    updateTitle();
}

void ProblemsView::setCatalog(const Catalog::CatalogPtr &catalog)
{
    m_model->setCatalog(catalog);
}

int ProblemsView::errorCount() const
{
    return m_model->errorCount();
}

int ProblemsView::warningCount() const
{
    return m_model->warningCount();
}

QString ProblemsView::summary() const
{
    const int errors = errorCount();
    const int warnings = warningCount();
    // Spelled out rather than %n plurals, which need a loaded translation to read well.
    const QString errorText = errors == 1 ? tr("1 error") : tr("%1 errors").arg(QLocale().toString(errors));
    const QString warningText = warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(QLocale().toString(warnings));
    if (errors == 0 && warnings == 0) {
        return tr("No problems");
    }
    if (warnings == 0) {
        return errorText;
    }
    if (errors == 0) {
        return warningText;
    }
    return tr("%1, %2").arg(errorText, warningText);
}

void ProblemsView::updateTitle()
{
    const bool any = errorCount() > 0 || warningCount() > 0;
    setWindowTitle(any ? tr("Problems (%1)").arg(summary()) : tr("Problems"));
    m_stack->setCurrentIndex(m_model->rowCount() > 0 ? 0 : 1);
    Q_EMIT countsChanged();
}

void ProblemsView::closeEvent(QCloseEvent *event)
{
    QDockWidget::closeEvent(event);
    if (event->isAccepted()) {
        Q_EMIT closedByUser();
    }
}

} // namespace Gantry::Ui
