#include "ui/filterpanel.h"

#include "models/catalog/facetmodel.h"

#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

namespace Gantry::Ui {

using Catalog::Facet;
using Catalog::FacetModel;

namespace {
constexpr int MaxVisibleRows = 8; // longer lists scroll inside their section

// Facet rows with a little air: the list is read and clicked a lot.
class FacetDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(std::max(size.height(), option.fontMetrics.height()) + 6);
        return size;
    }
};

bool expandedByDefault(Facet facet)
{
    return facet == Facet::Kind || facet == Facet::Type || facet == Facet::Owner || facet == Facet::Lifecycle;
}
} // namespace

FilterPanel::FilterPanel(QWidget *parent)
    : QWidget(parent)
    , m_clear(new QPushButton(tr("Clear filters"), this))
{
    auto *title = new QLabel(tr("Filters"), this);
    QFont titleFont = title->font();
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    m_clear->setEnabled(false);
    m_clear->setFlat(true);
    m_clear->setCursor(Qt::PointingHandCursor);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(12, 10, 8, 4);
    top->addWidget(title);
    top->addStretch(1);
    top->addWidget(m_clear);

    auto *sectionsWidget = new QWidget(this);
    auto *sections = new QVBoxLayout(sectionsWidget);
    sections->setContentsMargins(6, 0, 6, 8);
    sections->setSpacing(2);

    for (int f = 0; f < Catalog::FacetCount; ++f) {
        const Facet facet = Facet(f);
        Section &s = m_sections[size_t(f)];
        s.container = new QWidget(sectionsWidget);
        s.model = new FacetModel(facet, this);
        s.button = new QToolButton(s.container);
        s.button->setObjectName(QLatin1String("facetButton") + QString::number(f));
        s.button->setText(FacetModel::title(facet));
        s.button->setCheckable(true);
        s.button->setChecked(expandedByDefault(facet));
        s.button->setAutoRaise(true);
        // A section title, not a pressed-in button: no frame or fill in the checked state.
        s.button->setStyleSheet(
            QStringLiteral("QToolButton { border: none; padding: 4px 2px; background: transparent; }"));
        s.button->setCursor(Qt::PointingHandCursor);
        s.button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        s.button->setArrowType(s.button->isChecked() ? Qt::DownArrow : Qt::RightArrow);
        s.button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        QFont f2 = s.button->font();
        f2.setWeight(QFont::DemiBold);
        s.button->setFont(f2);

        s.view = new QListView(s.container);
        s.view->setObjectName(QLatin1String("facetView") + QString::number(f));
        s.view->setModel(s.model);
        s.view->setFrameShape(QFrame::NoFrame);
        s.view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        s.view->setSelectionMode(QAbstractItemView::NoSelection);
        s.view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        s.view->setUniformItemSizes(true);
        s.view->setItemDelegate(new FacetDelegate(s.view));
        s.view->setVisible(s.button->isChecked());
        s.view->setAttribute(Qt::WA_MacShowFocusRect, false);
        // Transparent on the panel, like a list of checkboxes rather than a boxed list.
        s.view->viewport()->setAutoFillBackground(false);
        s.view->setAutoFillBackground(false);

        auto *layout = new QVBoxLayout(s.container);
        layout->setContentsMargins(0, 2, 0, 6);
        layout->setSpacing(0);
        layout->addWidget(s.button);
        layout->addWidget(s.view);
        sections->addWidget(s.container);

        connect(s.button, &QToolButton::toggled, this, [this, facet](bool on) {
            Section &section = m_sections[size_t(facet)];
            section.button->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
            section.view->setVisible(on);
        });
        // A click anywhere on a row toggles it (a click on the box itself is toggled by the view).
        connect(s.view, &QListView::pressed, this, [this, facet](const QModelIndex &index) {
            m_sections[size_t(facet)].view->setProperty("pressedState", index.data(Qt::CheckStateRole));
        });
        connect(s.view, &QListView::clicked, this, [this, facet](const QModelIndex &index) {
            QListView *view = m_sections[size_t(facet)].view;
            if (view->property("pressedState") == index.data(Qt::CheckStateRole)) {
                const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
                view->model()->setData(index, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
            }
        });
        connect(s.model, &FacetModel::selectionChanged, this, [this, facet](const QStringList &keys) {
            updateClearButton();
            Q_EMIT facetSelectionChanged(facet, keys);
        });
        connect(s.model, &QAbstractItemModel::modelReset, this, [this, facet] { updateSection(facet); });
        updateSection(facet);
    }
    sections->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(sectionsWidget);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);

    connect(m_clear, &QPushButton::clicked, this, [this] {
        clearFacets();
        Q_EMIT clearRequested();
    });
    setMinimumWidth(180);
}

void FilterPanel::setCatalog(const Catalog::CatalogPtr &catalog)
{
    for (Section &s : m_sections) {
        s.model->setCatalog(catalog);
    }
}

void FilterPanel::updateSection(Facet facet)
{
    Section &s = m_sections[size_t(facet)];
    const int rows = s.model->rowCount();
    s.container->setVisible(rows > 0);
    const int rowHeight = rows > 0 ? s.view->sizeHintForRow(0) : fontMetrics().height() + 6;
    s.view->setFixedHeight(std::min(rows, MaxVisibleRows) * rowHeight + 2 * s.view->frameWidth());
    s.view->setVerticalScrollBarPolicy(rows > MaxVisibleRows ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
}

bool FilterPanel::hasSelection() const
{
    return std::any_of(m_sections.cbegin(), m_sections.cend(),
                       [](const Section &s) { return !s.model->selectedKeys().isEmpty(); });
}

void FilterPanel::clearFacets()
{
    for (Section &s : m_sections) {
        s.model->clearSelection();
    }
}

void FilterPanel::setSearchActive(bool active)
{
    m_searchActive = active;
    updateClearButton();
}

void FilterPanel::updateClearButton()
{
    m_clear->setEnabled(m_searchActive || hasSelection());
}

} // namespace Gantry::Ui
