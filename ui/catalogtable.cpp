#include "ui/catalogtable.h"

#include "models/catalog/catalogfilterproxy.h"
#include "models/catalog/catalogmodel.h"
#include "models/catalog/catalogroles.h"
#include "ui/iconroledelegate.h"
#include "ui/icons.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QTableView>
#include <QVBoxLayout>

namespace Gantry::Ui {

using Catalog::CatalogModel;

CatalogTable::CatalogTable(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
    , m_empty(new QLabel(m_view->viewport()))
{
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search name, title, description, tags (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Icons::named(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->setMinimumHeight(m_search->sizeHint().height() + 6);
    m_search->installEventFilter(this);

    m_view->setObjectName(QStringLiteral("catalogView"));
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() * 2);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setItemDelegate(new IconRoleDelegate(Catalog::KindIconRole, QStringLiteral("kind-"), m_view));
    m_view->setFrameShape(QFrame::NoFrame);

    m_empty->setObjectName(QStringLiteral("emptyLabel"));
    m_empty->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    m_empty->setMargin(32);
    m_empty->hide();
    m_view->viewport()->installEventFilter(this);

    m_count->setObjectName(QStringLiteral("countLabel"));
    m_count->setEnabled(false); // muted

    auto *top = new QHBoxLayout;
    top->setContentsMargins(10, 10, 10, 6);
    top->setSpacing(12);
    top->addWidget(m_search, 1);
    top->addWidget(m_count);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString ref = index.data(Catalog::RefRole).toString();
        if (!ref.isEmpty()) {
            Q_EMIT entityActivated(ref);
        }
    });
    connect(m_view->horizontalHeader(), &QHeaderView::customContextMenuRequested, this, &CatalogTable::showHeaderMenu);
}

void CatalogTable::setModel(Catalog::CatalogFilterProxy *proxy)
{
    m_proxy = proxy;
    m_view->setModel(proxy);
    connect(m_search, &QLineEdit::textChanged, proxy, &Catalog::CatalogFilterProxy::setSearchText);
    connect(proxy, &Catalog::CatalogFilterProxy::filterChanged, this, &CatalogTable::updateCount);
    connect(proxy, &QAbstractItemModel::modelReset, this, &CatalogTable::updateCount);
    connect(proxy, &QAbstractItemModel::rowsInserted, this, &CatalogTable::updateCount);
    connect(proxy, &QAbstractItemModel::rowsRemoved, this, &CatalogTable::updateCount);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                // Only the user's moves: rows shifting under a filter change must not navigate.
                if (m_selecting || !current.isValid() || !m_view->hasFocus()) {
                    return;
                }
                Q_EMIT currentEntityChanged(current.data(Catalog::RefRole).toString());
            });

    // Wide enough for the usual values ("Component", "experimental") without eliding.
    const QFontMetrics fm = m_view->fontMetrics();
    const auto width = [&fm](const char *sample) { return fm.horizontalAdvance(QLatin1String(sample)) + 28; };
    m_view->setColumnWidth(CatalogModel::NameColumn, width("recommendations-service") + 24);
    m_view->setColumnWidth(CatalogModel::KindColumn, width("Component"));
    m_view->setColumnWidth(CatalogModel::TypeColumn, width("website-x"));
    m_view->setColumnWidth(CatalogModel::OwnerColumn, width("team-storefront"));
    m_view->setColumnWidth(CatalogModel::LifecycleColumn, width("experimental"));
    m_view->setColumnWidth(CatalogModel::SystemColumn, width("data-platform"));
    m_view->setColumnWidth(CatalogModel::NamespaceColumn, width("default"));
    m_view->setColumnWidth(CatalogModel::DescriptionColumn, width("Takes payments and places orders for the"));
    m_view->setColumnWidth(CatalogModel::TagsColumn, width("payments, java, react"));
    // The namespace column is noise in the common single-namespace catalog; the header menu shows it.
    m_view->setColumnHidden(CatalogModel::NamespaceColumn, true);
    m_view->sortByColumn(CatalogModel::NameColumn, Qt::AscendingOrder);
    updateCount();
}

bool CatalogTable::selectRef(const QString &canonicalRef)
{
    if (!m_proxy) {
        return false;
    }
    const QModelIndex index = m_proxy->indexOfRef(canonicalRef);
    m_selecting = true;
    if (index.isValid()) {
        m_view->selectionModel()->setCurrentIndex(index,
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(index);
    } else {
        m_view->selectionModel()->clearSelection();
    }
    m_selecting = false;
    return index.isValid();
}

void CatalogTable::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QByteArray CatalogTable::headerState() const
{
    return m_view->horizontalHeader()->saveState();
}

void CatalogTable::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty()) {
        m_view->horizontalHeader()->restoreState(state);
    }
}

bool CatalogTable::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        placeEmptyLabel();
    }
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            // From the search box straight into the results.
            if (m_view->model() && m_view->model()->rowCount() > 0) {
                m_view->setFocus(Qt::TabFocusReason);
                if (!m_view->currentIndex().isValid()) {
                    m_view->setCurrentIndex(m_view->model()->index(0, 0));
                }
                return true;
            }
        } else if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CatalogTable::updateCount()
{
    if (!m_proxy || !m_proxy->sourceModel()) {
        m_count->clear();
        return;
    }
    const int shown = m_proxy->rowCount();
    const int total = m_proxy->sourceModel()->rowCount();
    const QLocale locale;
    if (total > 0 && shown == 0) {
        m_empty->setText(tr("No entities match the search and filters.\nTry fewer words, or clear the filters."));
    } else if (total == 0) {
        m_empty->setText(tr("The catalog is empty."));
    }
    m_empty->setVisible(shown == 0);
    placeEmptyLabel();
    if (shown == total) {
        m_count->setText(tr("%1 entities").arg(locale.toString(total)));
    } else {
        m_count->setText(tr("%1 of %2 entities").arg(locale.toString(shown), locale.toString(total)));
    }
}

void CatalogTable::placeEmptyLabel()
{
    m_empty->setGeometry(m_view->viewport()->rect());
}

void CatalogTable::showHeaderMenu(const QPoint &pos)
{
    QMenu menu(this);
    auto *model = m_view->model();
    if (!model) {
        return;
    }
    for (int c = 0; c < model->columnCount(); ++c) {
        QAction *action = menu.addAction(model->headerData(c, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!m_view->isColumnHidden(c));
        action->setEnabled(c != CatalogModel::NameColumn);
        connect(action, &QAction::toggled, m_view, [this, c](bool on) { m_view->setColumnHidden(c, !on); });
    }
    menu.exec(m_view->horizontalHeader()->mapToGlobal(pos));
}

} // namespace Gantry::Ui
