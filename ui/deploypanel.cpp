#include "ui/deploypanel.h"

#include "models/catalog/entity.h"
#include "models/kube/deployledger.h"
#include "models/kube/deploymentstatus.h"
#include "models/kube/eventtablemodel.h"
#include "models/kube/podtablemodel.h"
#include "models/kube/workloadselector.h"
#include "ui/deploystyle.h"
#include "ui/deploytableproxy.h"
#include "ui/environmentcolumn.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QShowEvent>
#include <QVBoxLayout>

namespace Gantry::Ui {

namespace {
Q_LOGGING_CATEGORY(lcDeployPanel, "gantry.ui.deploypanel")
constexpr int kColumnWidth = 440;
} // namespace

DeployPanel::DeployPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_drift(DeployStyle::chip(QString(), DeployStyle::Tone::Warning, this))
    , m_empty(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_columnsHost(new QWidget(m_scroll))
    , m_columnsLayout(new QHBoxLayout(m_columnsHost))
{
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setEnabled(false); // muted
    m_drift->setObjectName(QStringLiteral("driftBanner"));
    m_drift->setWordWrap(true);
    m_drift->hide();
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    m_empty->setMargin(24);
    m_empty->hide();

    m_columnsLayout->setContentsMargins(0, 0, 0, 0);
    m_columnsLayout->setSpacing(10);
    m_scroll->setWidget(m_columnsHost);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(8);
    layout->addWidget(m_summary);
    layout->addWidget(m_drift);
    layout->addWidget(m_empty);
    layout->addWidget(m_scroll, 1);
}

DeployPanel::~DeployPanel()
{
    clear();
}

void DeployPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateDirection();
}

void DeployPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_service) {
        m_service->start(); // idempotent
    }
    updateDirection();
}

void DeployPanel::updateDirection()
{
    // Side by side when there is room for every column, else one under the other (the entity
    // page is often narrow): never a column squeezed below what its tables need.
    const int needed = int(m_columns.size()) * (kColumnWidth + m_columnsLayout->spacing());
    const int available = width() - layout()->contentsMargins().left() - layout()->contentsMargins().right();
    const bool sideBySide = m_columns.size() < 2 || available >= needed;
    m_columnsLayout->setDirection(sideBySide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
}

void DeployPanel::setWorkspace(const Workspace::Workspace &workspace)
{
    clear();
    m_workspace = workspace;
}

bool DeployPanel::hasWorkloads(const Catalog::Entity &entity) const
{
    return m_workspace && !m_workspace->environments.empty() && !Kube::WorkloadSelector::fromEntity(entity).isEmpty();
}

bool DeployPanel::setEntity(const Catalog::Entity &entity)
{
    if (!hasWorkloads(entity)) {
        clear();
        return false;
    }
    const Kube::WorkloadSelector selector = Kube::WorkloadSelector::fromEntity(entity);
    if (m_service && m_service->selector().labelSelector == selector.labelSelector &&
        m_service->selector().nameSpace == selector.nameSpace && m_serviceName == entity.name) {
        return true; // the same workloads (a new catalog snapshot): keep watching
    }
    clear();
    m_serviceName = entity.name;
    m_service = new Kube::DeploymentStatusService(*m_workspace, selector, this);
    m_summary->setText(tr("Workloads labelled %1").arg(selector.labelSelector));

    const QStringList environments = m_service->environments();
    for (qsizetype i = 0; i < environments.size(); ++i) {
        const QString &environment = environments.at(i);
        auto *column = new EnvironmentColumn(environment, m_columnsHost);
        auto *pods = new DeployTableProxy(DeployTableProxy::Kind::Pods, column);
        pods->setSourceModel(m_service->podModel(environment));
        auto *events = new DeployTableProxy(DeployTableProxy::Kind::Events, column);
        events->setSourceModel(m_service->eventModel(environment));
        column->setModels(pods, events);
        if (i > 0) {
            column->setPromoteSource(environments.at(i - 1));
        }
        connect(column, &EnvironmentColumn::retryRequested, m_service, &Kube::DeploymentStatusService::retry);
        connect(column, &EnvironmentColumn::promoteRequested, this, [this, environment] { promote(environment); });
        connect(column, &EnvironmentColumn::rollbackRequested, this,
                [this, environment] { runAction(Kube::DeployOperation::Action::Rollback, environment); });
        connect(column, &EnvironmentColumn::restartRequested, this,
                [this, environment] { runAction(Kube::DeployOperation::Action::Restart, environment); });
        connect(column, &EnvironmentColumn::scaleRequested, this, [this, environment](int replicas) {
            runAction(Kube::DeployOperation::Action::Scale, environment, replicas);
        });
        m_columnsLayout->addWidget(column, 1);
        m_columns.push_back(column);
        column->setStatus(m_service->status(environment));
    }
    connect(m_service, &Kube::DeploymentStatusService::changed, this, &DeployPanel::onChanged);
    connect(m_service, &Kube::DeploymentStatusService::errorChanged, this, &DeployPanel::onChanged);
    m_scroll->show();
    updateDirection();
    // Watching costs five watches per environment: only once the panel is on screen (showEvent),
    // not for every entity merely selected while another tab is open.
    if (isVisible()) {
        m_service->start();
    }
    return true;
}

void DeployPanel::clear()
{
    for (Kube::DeployOperation *operation : std::as_const(m_operations)) {
        operation->disconnect(this);
        operation->cancel();
        operation->deleteLater();
    }
    m_operations.clear();
    for (EnvironmentColumn *column : m_columns) {
        delete column;
    }
    m_columns.clear();
    if (m_service) {
        m_service->stop();
        delete m_service;
        m_service = nullptr;
    }
    m_serviceName.clear();
    m_summary->clear();
    m_drift->hide();
    m_empty->hide();
}

EnvironmentColumn *DeployPanel::column(const QString &environment) const
{
    for (EnvironmentColumn *column : m_columns) {
        if (column->environment() == environment) {
            return column;
        }
    }
    return nullptr;
}

QStringList DeployPanel::environments() const
{
    QStringList names;
    for (const EnvironmentColumn *column : m_columns) {
        names << column->environment();
    }
    return names;
}

QString DeployPanel::previousEnvironment(const QString &environment) const
{
    const QStringList names = environments();
    const qsizetype at = names.indexOf(environment);
    return at > 0 ? names.at(at - 1) : QString();
}

void DeployPanel::onChanged(const QString &environment)
{
    if (!m_service) {
        return;
    }
    if (EnvironmentColumn *c = column(environment)) {
        c->setStatus(m_service->status(environment));
    }
    updateDrift();

    // Nothing anywhere (and every environment answered): one quiet line instead of empty columns.
    bool allEmpty = m_service->isSettled();
    for (const Kube::EnvironmentStatus &status : m_service->statuses()) {
        allEmpty = allEmpty && status.loaded && !status.error.isError() && status.deployments.empty();
    }
    m_empty->setVisible(allEmpty);
    m_scroll->setVisible(!allEmpty);
    if (allEmpty) {
        m_empty->setText(tr("No Kubernetes workloads for this entity (label selector %1).")
                             .arg(m_service->selector().labelSelector));
    }
}

void DeployPanel::updateDrift()
{
    const bool drift = m_service->hasDrift();
    const QString description = m_service->driftDescription();
    DeployStyle::setChip(m_drift, tr("Drift: %1").arg(description), DeployStyle::Tone::Warning);
    m_drift->setVisible(drift);
    for (EnvironmentColumn *column : m_columns) {
        column->setDrift(drift ? description : QString());
    }
}

void DeployPanel::promote(const QString &target)
{
    runAction(Kube::DeployOperation::Action::Promote, target);
}

void DeployPanel::runAction(Kube::DeployOperation::Action action, const QString &environment, int replicas)
{
    EnvironmentColumn *target = column(environment);
    if (!m_service || !target || m_operations.contains(environment)) {
        return;
    }
    Kube::DeployOperation::Request request;
    request.action = action;
    request.service = m_serviceName;
    request.workspace = m_workspace ? m_workspace->filePath : QString();
    request.environment = environment;
    request.client = m_service->client(environment);
    request.nameSpace = m_service->nameSpace(environment);
    request.deployment = target->deploymentName();
    request.replicas = replicas;
    request.wait = true;
    if (action == Kube::DeployOperation::Action::Promote) {
        const QString source = previousEnvironment(environment);
        EnvironmentColumn *from = column(source);
        request.fromEnvironment = source;
        request.fromClient = m_service->client(source);
        request.fromNamespace = m_service->nameSpace(source);
        request.fromDeployment = from ? from->deploymentName() : QString();
        if (!from || request.fromDeployment.isEmpty() || !request.fromClient) {
            target->showOutcome(
                false,
                tr("Nothing to promote: %1 has no deployment of %2 that Gantry can read.").arg(source, m_serviceName));
            return;
        }
    }
    if (!request.client || request.deployment.isEmpty()) {
        target->showOutcome(
            false, tr("%1 cannot be reached: %2").arg(environment, m_service->status(environment).error.message));
        return;
    }
    run(request, environment);
}

void DeployPanel::run(const Kube::DeployOperation::Request &base, const QString &environment)
{
    Kube::DeployOperation::Request request = base;
    EnvironmentColumn *target = column(environment);
    if (!m_ledger) {
        m_ledger = std::make_unique<Kube::DeployLedger>();
    }
    QString error;
    if (!m_ledger->isOpen() && !m_ledger->open(&error)) {
        target->showOutcome(false, tr("Not run: the deploy ledger cannot be opened (%1).").arg(error));
        return;
    }
    request.ledger = m_ledger.get();

    auto *operation = new Kube::DeployOperation(request, this);
    m_operations.insert(environment, operation);
    const QString action = Kube::DeployOperation::actionName(request.action);
    target->setBusy(tr("Preparing…"));

    connect(operation, &Kube::DeployOperation::prepared, this,
            [this, operation, environment](const Kube::DeployPlan &plan) {
                EnvironmentColumn *c = column(environment);
                if (plan.noChange) {
                    if (c) {
                        c->setBusy(QString());
                        c->showOutcome(true,
                                       plan.noChangeReason.isEmpty() ? tr("Nothing to change.") : plan.noChangeReason);
                    }
                    m_operations.remove(environment);
                    operation->deleteLater();
                    return;
                }
                if (!confirm(plan)) {
                    if (c) {
                        c->setBusy(QString());
                    }
                    m_operations.remove(environment);
                    operation->deleteLater();
                    return;
                }
                if (c) {
                    c->setBusy(tr("Applying…"));
                }
                operation->execute();
            });
    connect(operation, &Kube::DeployOperation::applied, this, [this, environment] {
        if (EnvironmentColumn *c = column(environment)) {
            c->setBusy(tr("Applied; following the rollout…"));
        }
    });
    connect(operation, &Kube::DeployOperation::progress, this, [this, environment](const Kube::RolloutStatus &status) {
        if (EnvironmentColumn *c = column(environment)) {
            c->setBusy(status.message);
        }
    });
    connect(operation, &Kube::DeployOperation::finished, this,
            [this, operation, environment, action](const Kube::DeployOutcome &outcome) {
                const bool ok = outcome.result == Kube::DeployOutcome::Result::Succeeded;
                if (EnvironmentColumn *c = column(environment)) {
                    c->setBusy(QString());
                    c->showOutcome(ok, outcome.message);
                }
                qCInfo(lcDeployPanel) << action << environment << outcome.resultName();
                m_operations.remove(environment);
                operation->deleteLater();
                Q_EMIT operationFinished(action, environment, ok, outcome.message);
            });
    operation->prepare();
}

QString DeployPanel::actionTitle(const Kube::DeployPlan &plan) const
{
    if (plan.action == QLatin1String("promote")) {
        return tr("Promote %1 to %2").arg(plan.service, plan.environment);
    }
    if (plan.action == QLatin1String("rollback")) {
        return tr("Roll back %1 in %2").arg(plan.service, plan.environment);
    }
    if (plan.action == QLatin1String("restart")) {
        return tr("Restart %1 in %2").arg(plan.service, plan.environment);
    }
    return tr("Scale %1 in %2").arg(plan.service, plan.environment);
}

QString DeployPanel::confirmationText(const Kube::DeployPlan &plan, const QStringList &warnings)
{
    QStringList lines;
    for (const QString &warning : warnings) {
        lines << QStringLiteral("⚠ ") + warning;
    }
    if (!warnings.isEmpty()) {
        lines << QString();
    }
    if (plan.action == QLatin1String("promote")) {
        lines << tr("Promote %1 from %2 to %3?").arg(plan.deployment, plan.fromEnvironment, plan.environment)
              << QString() << tr("Image: %1 → %2").arg(plan.imageFrom, plan.imageTo)
              << tr("Revision: %1 → %2 (new)").arg(plan.revisionFrom).arg(plan.revisionFrom + 1);
        if (!plan.commit.isEmpty()) {
            lines << tr("Commit: %1").arg(plan.commit);
        }
    } else if (plan.action == QLatin1String("rollback")) {
        lines << tr("Roll %1 in %2 back to revision %3?").arg(plan.deployment, plan.environment).arg(plan.revisionTo)
              << QString() << tr("Image: %1 → %2").arg(plan.imageFrom, plan.imageTo)
              << tr("Revision: %1 → %2").arg(plan.revisionFrom).arg(plan.revisionTo);
    } else if (plan.action == QLatin1String("restart")) {
        lines << tr("Restart every pod of %1 in %2?").arg(plan.deployment, plan.environment) << QString()
              << tr("Pods are replaced one by one, keeping %1.").arg(plan.imageFrom);
    } else {
        lines << tr("Scale %1 in %2 from %3 to %4 replicas?")
                     .arg(plan.deployment, plan.environment)
                     .arg(plan.replicasFrom)
                     .arg(plan.replicasTo);
    }
    lines << QString() << tr("Namespace %1. Recorded in the deploy ledger.").arg(plan.nameSpace);
    return lines.join(QLatin1Char('\n'));
}

QStringList DeployPanel::warningsFor(const Kube::DeployPlan &plan) const
{
    QStringList warnings;
    if (plan.action != QLatin1String("promote") || !m_service) {
        return warnings;
    }
    // Promoting what does not work in the source is usually a mistake: say so before it happens.
    const Kube::EnvironmentStatus source = m_service->status(plan.fromEnvironment);
    const Kube::DeploymentInfo *deployment = source.deployment(plan.deployment);
    if (deployment && !deployment->rollout.isDone()) {
        warnings << tr("%1 has not finished rolling out: %2").arg(plan.fromEnvironment, deployment->rollout.message);
    }
    for (const QString &problem : source.problemSummaries) {
        warnings << tr("%1: %2").arg(plan.fromEnvironment, problem);
    }
    return warnings;
}

bool DeployPanel::confirm(const Kube::DeployPlan &plan)
{
    const QStringList warnings = warningsFor(plan);
    const QString text = confirmationText(plan, warnings);
    if (m_confirmer) {
        return m_confirmer(plan, text);
    }
    QMessageBox box(warnings.isEmpty() ? QMessageBox::Question : QMessageBox::Warning, actionTitle(plan), text,
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("deployConfirmation"));
    box.setTextFormat(Qt::PlainText);
    const QString verb = plan.action == QLatin1String("promote")    ? tr("Promote")
                         : plan.action == QLatin1String("rollback") ? tr("Roll back")
                         : plan.action == QLatin1String("restart")  ? tr("Restart")
                                                                    : tr("Scale");
    QPushButton *go = box.addButton(verb, QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == go;
}

} // namespace Gantry::Ui
