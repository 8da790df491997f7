#include "ui/problemsview.h"

#include "models/catalog/catalogroles.h"
#include "models/catalog/problemmodel.h"
#include "ui/iconroledelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTreeView>

namespace Gantry::Ui {

using Catalog::ProblemModel;

ProblemsView::ProblemsView(QWidget *parent)
    : QDockWidget(parent)
    , m_model(new ProblemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("problemsDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("problemsView"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the snapshot's order: by file, line, column
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setWordWrap(false);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setItemDelegate(new IconRoleDelegate(Catalog::SeverityIconRole, QString(), m_view));
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_view->setColumnWidth(ProblemModel::SeverityColumn, 8 * em);
    m_view->setColumnWidth(ProblemModel::LocationColumn, 16 * em);
    m_view->setColumnWidth(ProblemModel::MessageColumn, 50 * em);
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

void ProblemsView::updateTitle()
{
    const int errors = m_model->errorCount();
    const int warnings = m_model->warningCount();
    // Spelled out rather than %n plurals, which need a loaded translation to read well.
    const QString errorText = errors == 1 ? tr("1 error") : tr("%1 errors").arg(QLocale().toString(errors));
    const QString warningText = warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(QLocale().toString(warnings));
    QString title;
    if (errors == 0 && warnings == 0) {
        title = tr("Problems");
    } else if (warnings == 0) {
        title = tr("Problems (%1)").arg(errorText);
    } else if (errors == 0) {
        title = tr("Problems (%1)").arg(warningText);
    } else {
        title = tr("Problems (%1, %2)").arg(errorText, warningText);
    }
    setWindowTitle(title);
    m_stack->setCurrentIndex(m_model->rowCount() > 0 ? 0 : 1);
}

} // namespace Gantry::Ui
