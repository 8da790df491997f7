#include "ui/graphcard.h"

#include "ui/graphrunner.h"
#include "ui/graphview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Gantry::Ui {

GraphCard::GraphCard(QWidget *parent)
    : QWidget(parent)
    , m_runner(new GraphRunner(this))
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_view(new GraphView(this))
    , m_info(new QLabel(this))
{
    setObjectName(QStringLiteral("graphCard"));
    m_view->setObjectName(QStringLiteral("graphCardView"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setEnabled(false);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_view);
    m_info->setTextFormat(Qt::PlainText);
    m_info->setEnabled(false);

    auto *link = new QLabel(this);
    link->setObjectName(QStringLiteral("graphCardLink"));
    link->setTextFormat(Qt::RichText);
    link->setText(QStringLiteral("<a href=\"graph\">%1</a>").arg(tr("Open in graph page").toHtmlEscaped()));
    link->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(link, &QLabel::linkActivated, this, [this] {
        if (!m_ref.isEmpty()) {
            Q_EMIT openInGraphPageRequested(m_ref);
        }
    });

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(14, 6, 14, 6);
    bar->addWidget(m_info, 1);
    bar->addWidget(link);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_stack, 1);
    layout->addLayout(bar);

    connect(m_runner, &GraphRunner::finished, this, &GraphCard::onFinished);
    connect(m_view, &GraphView::nodeActivated, this, [this](const QString &ref) {
        if (ref != m_ref) {
            Q_EMIT entityActivated(ref);
        }
    });
    m_message->setText(tr("Laying out…"));
}

GraphCard::~GraphCard() = default;

void GraphCard::showEntity(const Catalog::CatalogPtr &catalog, const QString &ref)
{
    if (catalog == m_catalog && ref == m_ref) {
        return;
    }
    m_catalog = catalog;
    m_ref = ref;
    Catalog::GraphQuery query;
    query.focus = QStringList{ref};
    query.depth = 1;
    query.relations = Catalog::AllRelations;
    query.maxNodes = 300;
    m_info->setText(tr("Laying out…"));
    m_runner->run(catalog, query, Graph::LayoutInput::Direction::LeftRight);
}

bool GraphCard::isBusy() const
{
    return m_runner->isBusy();
}

void GraphCard::onFinished(const GraphResult &result)
{
    if (!result.drawing || result.drawing->nodes.empty()) {
        m_message->setText(result.error.isEmpty() ? tr("No relations.") : result.error);
        m_stack->setCurrentWidget(m_message);
        m_view->setDrawing(nullptr);
        m_info->clear();
    } else {
        m_view->setDrawing(result.drawing, false);
        m_stack->setCurrentWidget(m_view);
        const int others = int(result.drawing->nodes.size()) - 1;
        m_info->setText(
            result.drawing->truncated
                ? tr("Direct relations: %1 of %2 entities shown").arg(others).arg(result.drawing->matched - 1)
                : tr("Direct relations: %n entities · double-click one to open it", nullptr, others));
    }
    Q_EMIT drawingChanged();
}

} // namespace Gantry::Ui
