#include "ui/environmentcolumn.h"

#include "models/kube/eventtablemodel.h"
#include "models/kube/podtablemodel.h"
#include "ui/banner.h"
#include "ui/deploystyle.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace Gantry::Ui {

namespace {

QLabel *mutedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::Disabled, QPalette::WindowText));
    label->setPalette(p);
    return label;
}

QTableView *makeTable(QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setFrameShape(QFrame::StyledPanel);
    return view;
}

QString rolloutBarStyle(DeployStyle::Tone tone)
{
    const QColor c = DeployStyle::color(tone);
    return QStringLiteral("QProgressBar { border: 1px solid rgba(%1,%2,%3,110); border-radius: 4px; "
                          "background: rgba(%1,%2,%3,25); text-align: center; } "
                          "QProgressBar::chunk { background: rgba(%1,%2,%3,170); border-radius: 3px; }")
        .arg(c.red())
        .arg(c.green())
        .arg(c.blue());
}

} // namespace

EnvironmentColumn::EnvironmentColumn(const QString &environment, QWidget *parent)
    : QFrame(parent)
    , m_environment(environment)
    , m_title(new QLabel(this))
    , m_where(mutedLabel(this))
    , m_health(DeployStyle::chip(QString(), DeployStyle::Tone::Muted, this))
    , m_errorBanner(new Banner(this))
    , m_placeholder(mutedLabel(this))
    , m_content(new QWidget(this))
    , m_version(new QLabel(this))
    , m_image(mutedLabel(this))
    , m_drift(DeployStyle::chip(QString(), DeployStyle::Tone::Warning, this))
    , m_replicas(new QLabel(this))
    , m_rolloutBar(new QProgressBar(this))
    , m_rolloutText(new QLabel(this))
    , m_conditions(new QWidget(this))
    , m_problems(new QLabel(this))
    , m_others(mutedLabel(this))
    , m_pods(makeTable(this))
    , m_events(makeTable(this))
    , m_promote(new QPushButton(this))
    , m_rollback(new QPushButton(tr("Roll back"), this))
    , m_restart(new QPushButton(tr("Restart"), this))
    , m_scale(new QPushButton(tr("Scale"), this))
    , m_replicaSpin(new QSpinBox(this))
    , m_busy(new QProgressBar(this))
    , m_busyText(mutedLabel(this))
    , m_outcome(new QLabel(this))
{
    setObjectName(QStringLiteral("environmentColumn_") + environment);
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(420);

    m_title->setTextFormat(Qt::PlainText);
    m_title->setText(environment);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_health->hide();

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(m_title);
    header->addWidget(m_health);
    header->addStretch(1);
    header->addWidget(m_where);
    m_where->setWordWrap(false);

    auto *retry = new QAction(tr("Retry"), this);
    connect(retry, &QAction::triggered, this, &EnvironmentColumn::retryRequested);
    m_errorBanner->addAction(retry);
    m_placeholder->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_errorBanner->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_placeholder->setMargin(16);
    m_placeholder->hide();

    // What runs: version large, the full image below, drift next to it.
    m_version->setTextFormat(Qt::PlainText);
    m_version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont versionFont = m_version->font();
    versionFont.setPointSizeF(versionFont.pointSizeF() * 1.5);
    versionFont.setWeight(QFont::DemiBold);
    m_version->setFont(versionFont);
    m_image->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_drift->setObjectName(QStringLiteral("driftChip"));
    m_drift->hide();
    auto *versionRow = new QHBoxLayout;
    versionRow->setSpacing(8);
    versionRow->addWidget(m_version);
    versionRow->addWidget(m_drift, 0, Qt::AlignVCenter);
    versionRow->addStretch(1);

    m_replicas->setTextFormat(Qt::PlainText);
    m_rolloutBar->setRange(0, 100);
    m_rolloutBar->setTextVisible(true);
    m_rolloutBar->setMaximumHeight(m_rolloutBar->fontMetrics().height() + 6);
    m_rolloutText->setTextFormat(Qt::PlainText);
    m_rolloutText->setWordWrap(true);
    m_rolloutText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *chips = new QHBoxLayout(m_conditions);
    chips->setContentsMargins(0, 0, 0, 0);
    chips->setSpacing(6);
    chips->addStretch(1);

    m_pods->setTextElideMode(Qt::ElideMiddle); // pod names differ at their end
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(
        QStringLiteral("QLabel { color: %1; }").arg(DeployStyle::color(DeployStyle::Tone::Error).darker(110).name()));
    m_problems->hide();
    m_others->hide();

    // Actions.
    m_promote->hide();
    m_replicaSpin->setRange(0, 100);
    m_replicaSpin->setAccessibleName(tr("Replicas"));
    m_replicaSpin->setToolTip(tr("Replicas after scaling"));
    auto *actions = new QHBoxLayout;
    actions->setSpacing(6);
    actions->addWidget(m_promote);
    actions->addWidget(m_rollback);
    actions->addWidget(m_restart);
    actions->addStretch(1);
    actions->addWidget(m_replicaSpin);
    actions->addWidget(m_scale);
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_busyText->hide();
    m_outcome->setTextFormat(Qt::PlainText);
    m_outcome->setWordWrap(true);
    m_outcome->hide();

    connect(m_promote, &QPushButton::clicked, this, &EnvironmentColumn::promoteRequested);
    connect(m_rollback, &QPushButton::clicked, this, &EnvironmentColumn::rollbackRequested);
    connect(m_restart, &QPushButton::clicked, this, &EnvironmentColumn::restartRequested);
    connect(m_scale, &QPushButton::clicked, this, [this] { Q_EMIT scaleRequested(m_replicaSpin->value()); });

    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    content->setSpacing(6);
    content->addLayout(versionRow);
    content->addWidget(m_image);
    content->addSpacing(4);
    content->addWidget(m_replicas);
    content->addWidget(m_rolloutBar);
    content->addWidget(m_rolloutText);
    content->addWidget(m_conditions);
    content->addWidget(m_problems);
    content->addWidget(m_others);
    content->addSpacing(4);
    content->addLayout(actions);
    content->addWidget(m_busy);
    content->addWidget(m_busyText);
    content->addWidget(m_outcome);
    content->addSpacing(4);
    content->addWidget(section(tr("Pods"), m_pods));
    content->addWidget(section(tr("Recent events"), m_events));
    content->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_errorBanner);
    layout->addWidget(m_placeholder, 1, Qt::AlignTop);
    layout->addWidget(m_content, 1);

    m_placeholder->setText(tr("Loading…"));
    m_placeholder->show();
    m_content->hide();
    updateActions();
}

QWidget *EnvironmentColumn::section(const QString &title, QWidget *body)
{
    auto *box = new QWidget(this);
    auto *label = new QLabel(title, box);
    label->setTextFormat(Qt::PlainText);
    QFont f = label->font();
    f.setWeight(QFont::DemiBold);
    label->setFont(f);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(label);
    layout->addWidget(body, 1);
    return box;
}

void EnvironmentColumn::setModels(QAbstractItemModel *pods, QAbstractItemModel *events)
{
    m_pods->setModel(pods);
    m_events->setModel(events);
    QHeaderView *podHeader = m_pods->horizontalHeader();
    podHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    podHeader->setSectionResizeMode(Kube::PodTableModel::NameColumn, QHeaderView::Stretch);
    QHeaderView *eventHeader = m_events->horizontalHeader();
    eventHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The object ("pod/orders-7d9c…") is long and the message is what people read.
    eventHeader->setSectionResizeMode(Kube::EventTableModel::ObjectColumn, QHeaderView::Interactive);
    eventHeader->resizeSection(Kube::EventTableModel::ObjectColumn, fontMetrics().averageCharWidth() * 18);
    eventHeader->setSectionResizeMode(Kube::EventTableModel::MessageColumn, QHeaderView::Stretch);
    for (QAbstractItemModel *model : {pods, events}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &EnvironmentColumn::fitTables);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &EnvironmentColumn::fitTables);
        connect(model, &QAbstractItemModel::modelReset, this, &EnvironmentColumn::fitTables);
    }
    fitTables();
}

void EnvironmentColumn::fitTables()
{
    // Tables as tall as their rows (within bounds): no screen of empty rows under three pods,
    // and a scroll bar only for many.
    const auto fit = [](QTableView *view, int minRows, int maxRows) {
        const int rows = view->model() ? view->model()->rowCount() : 0;
        const int height = view->horizontalHeader()->sizeHint().height() +
                           view->verticalHeader()->defaultSectionSize() * qBound(minRows, rows, maxRows) +
                           2 * view->frameWidth() + 2;
        view->setFixedHeight(height);
    };
    fit(m_pods, 3, 12);
    fit(m_events, 3, 8);
}

int EnvironmentColumn::desiredReplicas() const
{
    return m_desired;
}

void EnvironmentColumn::setStatus(const Kube::EnvironmentStatus &status)
{
    m_where->setText(status.context.isEmpty() ? status.nameSpace : tr("%1 · %2").arg(status.context, status.nameSpace));
    m_where->setToolTip(
        DeployStyle::plainToolTip(tr("kube context %1, namespace %2").arg(status.context, status.nameSpace)));

    // Errors: the banner says exactly what failed; the last good data stays, greyed.
    if (status.error.isError()) {
        m_errorBanner->showMessage(Banner::Type::Error, status.error.message);
        m_errorBanner->setToolTip(DeployStyle::plainToolTip(status.error.detail));
    } else {
        m_errorBanner->hide();
    }
    m_hasData = status.loaded;
    if (!status.loaded) {
        m_content->hide();
        m_health->hide();
        m_deployment.clear();
        m_placeholder->setText(status.error.isError() ? tr("No data from this environment yet.") : tr("Loading…"));
        m_placeholder->show();
        updateActions();
        return;
    }
    m_content->setEnabled(!status.error.isError());
    const Kube::DeploymentInfo *deployment = status.deployments.empty() ? nullptr : &status.deployments.front();
    if (!deployment) {
        m_content->hide();
        m_health->hide();
        m_deployment.clear();
        m_placeholder->setText(
            tr("No Kubernetes workloads for this entity in %1 (namespace %2).").arg(m_environment, status.nameSpace));
        m_placeholder->show();
        updateActions();
        return;
    }
    m_placeholder->hide();
    m_content->show();
    m_deployment = deployment->name;
    m_desired = deployment->desired;

    const QString version = deployment->version();
    m_version->setText(version.isEmpty() ? deployment->image() : version);
    m_image->setText(deployment->images.join(QStringLiteral(", ")));
    m_image->setToolTip(deployment->changeCause.isEmpty()
                            ? QString()
                            : DeployStyle::plainToolTip(tr("Change cause: %1").arg(deployment->changeCause)));
    m_replicas->setText(tr("Desired %1 · Updated %2 · Ready %3 · Available %4")
                            .arg(deployment->desired)
                            .arg(deployment->updated)
                            .arg(deployment->ready)
                            .arg(deployment->available));
    m_replicas->setToolTip(DeployStyle::plainToolTip(
        tr("Revision %1%2")
            .arg(deployment->revision)
            .arg(deployment->changeCause.isEmpty() ? QString() : QStringLiteral(" · ") + deployment->changeCause)));
    if (!m_busyNow) {
        m_replicaSpin->setValue(deployment->desired);
    }
    updateRollout(status, deployment);
    updateConditions(*deployment);

    if (status.problemSummaries.isEmpty()) {
        m_problems->hide();
    } else {
        m_problems->setText(QStringLiteral("⚠ ") + status.problemSummaries.join(QStringLiteral("\n⚠ ")));
        m_problems->show();
    }
    if (status.deployments.size() > 1) {
        QStringList lines;
        for (size_t i = 1; i < status.deployments.size(); ++i) {
            const Kube::DeploymentInfo &other = status.deployments.at(i);
            lines << tr("%1: %2 — %3").arg(other.name, other.image(), other.rollout.message);
        }
        m_others->setText(tr("Also here:\n%1").arg(lines.join(QLatin1Char('\n'))));
        m_others->show();
    } else {
        m_others->hide();
    }
    updateActions();
}

void EnvironmentColumn::updateRollout(const Kube::EnvironmentStatus &status, const Kube::DeploymentInfo *deployment)
{
    const Kube::RolloutStatus &rollout = deployment->rollout;
    DeployStyle::Tone tone = DeployStyle::Tone::Info;
    QString health;
    if (rollout.isFailed()) {
        tone = DeployStyle::Tone::Error;
        health = tr("Rollout failed");
    } else if (rollout.isDone()) {
        tone = DeployStyle::Tone::Ok;
        health = status.isHealthy() ? tr("Healthy") : tr("Degraded");
    } else {
        health = tr("Rolling out");
    }
    DeployStyle::Tone healthTone = tone;
    if (rollout.isDone() && !status.isHealthy()) {
        healthTone = DeployStyle::Tone::Warning;
    }
    if (status.error.isError()) {
        healthTone = DeployStyle::Tone::Muted;
        health = tr("Stale");
    }
    DeployStyle::setChip(m_health, health, healthTone);
    m_health->show();
    m_rolloutBar->setStyleSheet(rolloutBarStyle(tone));
    m_rolloutBar->setValue(int(rollout.progress() * 100.0 + 0.5));
    m_rolloutBar->setFormat(tr("%1 of %2 updated").arg(rollout.updated).arg(rollout.desired));
    m_rolloutText->setText(rollout.message);
}

void EnvironmentColumn::updateConditions(const Kube::DeploymentInfo &deployment)
{
    auto *layout = static_cast<QHBoxLayout *>(m_conditions->layout());
    while (layout->count() > 1) {
        QLayoutItem *item = layout->takeAt(0);
        delete item->widget();
        delete item;
    }
    int at = 0;
    for (const Kube::DeploymentCondition &condition : deployment.conditions) {
        const QString text = condition.status == QLatin1String("True") ? condition.type
                             : condition.status == QLatin1String("False")
                                 ? tr("%1: %2").arg(condition.type, condition.reason)
                                 : tr("%1: unknown").arg(condition.type);
        QLabel *chip = DeployStyle::chip(text, DeployStyle::conditionTone(condition), m_conditions);
        chip->setObjectName(QStringLiteral("condition_") + condition.type);
        chip->setToolTip(DeployStyle::plainToolTip(
            tr("%1=%2 (%3)\n%4").arg(condition.type, condition.status, condition.reason, condition.message)));
        layout->insertWidget(at++, chip);
    }
}

void EnvironmentColumn::setDrift(const QString &text)
{
    m_drift->setVisible(!text.isEmpty() && m_hasData);
    DeployStyle::setChip(m_drift, tr("Drift"), DeployStyle::Tone::Warning);
    m_drift->setToolTip(DeployStyle::plainToolTip(text));
}

void EnvironmentColumn::setPromoteSource(const QString &environment)
{
    m_promoteSource = environment;
    m_promote->setText(tr("Promote from %1").arg(environment));
    updateActions();
}

void EnvironmentColumn::setBusy(const QString &text)
{
    m_busyNow = !text.isEmpty();
    m_busy->setVisible(m_busyNow);
    m_busyText->setVisible(m_busyNow);
    m_busyText->setText(text);
    if (m_busyNow) {
        m_outcome->hide();
    }
    updateActions();
}

void EnvironmentColumn::showOutcome(bool succeeded, const QString &text)
{
    m_outcome->setText((succeeded ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + text);
    m_outcome->setStyleSheet(
        QStringLiteral("QLabel { color: %1; }")
            .arg(DeployStyle::color(succeeded ? DeployStyle::Tone::Ok : DeployStyle::Tone::Error).darker(115).name()));
    m_outcome->show();
}

void EnvironmentColumn::updateActions()
{
    const bool can = !m_busyNow && !m_deployment.isEmpty();
    m_promote->setVisible(!m_promoteSource.isEmpty());
    m_promote->setEnabled(can);
    m_rollback->setEnabled(can);
    m_restart->setEnabled(can);
    m_scale->setEnabled(can);
    m_replicaSpin->setEnabled(can);
    m_promote->setToolTip(tr("Run %1's image here").arg(m_promoteSource));
    m_rollback->setToolTip(tr("Go back to the previous revision, like kubectl rollout undo"));
    m_restart->setToolTip(tr("Replace every pod, one by one, like kubectl rollout restart"));
}

} // namespace Gantry::Ui
