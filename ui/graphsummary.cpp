#include "ui/graphsummary.h"

#include "models/catalog/catalogmodel.h"
#include "ui/icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <array>

namespace Gantry::Ui {

namespace {
QLabel *makeLabel(QWidget *parent, bool wrap = true)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // catalog text is never rich text here
    label->setWordWrap(wrap);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

GraphSummary::GraphSummary(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_title(makeLabel(this))
    , m_subtitle(makeLabel(this))
    , m_owner(makeLabel(this))
    , m_description(makeLabel(this))
    , m_relations(makeLabel(this))
    , m_placeholder(new QLabel(tr("Click a node to see its summary.\nDouble-click to focus the graph on it."), this))
    , m_open(new QPushButton(tr("Open entity page"), this))
    , m_focus(new QPushButton(tr("Focus graph here"), this))
    , m_content(new QWidget(this))
{
    setObjectName(QStringLiteral("graphSummary"));
    setFrameShape(QFrame::NoFrame);
    setMinimumWidth(220);
    m_title->setObjectName(QStringLiteral("graphSummaryTitle"));
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    f.setWeight(QFont::DemiBold);
    m_title->setFont(f);
    m_subtitle->setEnabled(false);
    m_icon->setFixedSize(32, 32);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setEnabled(false);
    m_open->setObjectName(QStringLiteral("graphOpenEntity"));
    m_open->setDefault(true);

    auto *head = new QHBoxLayout;
    head->setSpacing(8);
    head->addWidget(m_icon, 0, Qt::AlignTop);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(1);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    head->addLayout(titles, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_focus);
    buttons->addStretch(1);

    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    content->setSpacing(10);
    content->addLayout(head);
    content->addWidget(m_owner);
    content->addWidget(m_description);
    content->addWidget(m_relations);
    content->addLayout(buttons);
    content->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_content, 1);
    m_content->hide();

    connect(m_open, &QPushButton::clicked, this, [this] { Q_EMIT openEntityRequested(m_ref); });
    connect(m_focus, &QPushButton::clicked, this, [this] { Q_EMIT focusRequested(m_ref); });
}

void GraphSummary::setCatalog(Catalog::CatalogPtr catalog)
{
    m_catalog = std::move(catalog);
    render();
}

void GraphSummary::setRef(const QString &ref)
{
    if (ref != m_ref) {
        m_ref = ref;
        render();
    }
}

void GraphSummary::render()
{
    m_placeholder->setVisible(m_ref.isEmpty());
    m_content->setVisible(!m_ref.isEmpty());
    if (m_ref.isEmpty()) {
        return;
    }
    const Catalog::Entity *e = m_catalog ? m_catalog->entity(m_ref) : nullptr;
    m_open->setEnabled(e != nullptr);
    if (!e) {
        m_icon->setPixmap(Icons::named(QStringLiteral("warning")).pixmap(QSize(32, 32), devicePixelRatioF()));
        m_title->setText(Catalog::CatalogModel::shortRef(m_ref));
        m_subtitle->setText(m_ref);
        m_owner->setText(tr("Not in the catalog: something refers to it, but no file defines it."));
        m_description->clear();
        m_relations->clear();
        return;
    }
    m_icon->setPixmap(
        Icons::kind(Catalog::CatalogModel::kindIconName(e->kind)).pixmap(QSize(32, 32), devicePixelRatioF()));
    m_title->setText(e->displayName());
    QStringList sub{e->specType.isEmpty() ? e->kind : tr("%1 · %2").arg(e->kind, e->specType)};
    if (!e->lifecycle.isEmpty()) {
        sub << e->lifecycle;
    }
    m_subtitle->setText(sub.join(QStringLiteral(" · ")));
    m_owner->setText(e->owner.isEmpty() ? tr("No owner")
                                        : tr("Owner: %1").arg(Catalog::CatalogModel::shortRef(e->owner)));
    m_description->setText(e->description.isEmpty() ? tr("No description.") : e->description);
    m_description->setEnabled(!e->description.isEmpty());

    std::array<int, Catalog::RelationTypeCount> counts{};
    for (const auto &r : e->relations) {
        ++counts[size_t(r.type)];
    }
    QStringList lines;
    for (int t = 0; t < Catalog::RelationTypeCount; ++t) {
        if (counts[size_t(t)] > 0) {
            lines << tr("%1  %2").arg(counts[size_t(t)], 3).arg(Catalog::relationTypeName(Catalog::RelationType(t)));
        }
    }
    m_relations->setText(lines.isEmpty() ? tr("No relations.")
                                         : tr("Relations:\n%1").arg(lines.join(QLatin1Char('\n'))));
}

} // namespace Gantry::Ui
