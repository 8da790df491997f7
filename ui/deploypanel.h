#pragma once

#include "models/kube/deployactions.h"
#include "models/workspace/workspace.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QHBoxLayout;
class QScrollArea;

namespace Gantry::Catalog {
struct Entity;
}

namespace Gantry::Kube {
class DeployLedger;
class DeploymentStatusService;
} // namespace Gantry::Kube

namespace Gantry::Ui {

class EnvironmentColumn;

// The Deployments tab of an entity page: one EnvironmentColumn per environment of the workspace
// (staging, production, …) showing the entity's workloads live (list + watch through
// Kube::DeploymentStatusService), drift between environments flagged, and the actions Promote
// (from the previous environment), Roll back, Restart and Scale. Every action is confirmed with
// what it will change, runs through Kube::DeployOperation (which records the deploy ledger) and
// is followed until its rollout is done or has failed.
class DeployPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit DeployPanel(QWidget *parent = nullptr);
    ~DeployPanel() override;

    // The workspace whose kubeconfig and environments are used (none: no panel).
    void setWorkspace(const Workspace::Workspace &workspace);
    // Whether an entity gets a panel: it names workloads (kubernetes-id or label selector) and the
    // workspace has environments.
    bool hasWorkloads(const Catalog::Entity &entity) const;
    // Shows (and starts watching) the entity's workloads; false and nothing shown when it has none.
    bool setEntity(const Catalog::Entity &entity);
    // Stops watching and shows nothing.
    void clear();

    // Confirmation dialogs are modal; tests and scripts may answer them instead (return true to go on).
    using Confirmer = std::function<bool(const Kube::DeployPlan &plan, const QString &text)>;
    void setConfirmer(Confirmer confirmer) { m_confirmer = std::move(confirmer); }

    // The text the confirmation of `plan` shows (plain text), with `warnings` (e.g. the source of
    // a promotion is not healthy) at the top.
    static QString confirmationText(const Kube::DeployPlan &plan, const QStringList &warnings = {});

    // For tests.
    Kube::DeploymentStatusService *service() const { return m_service; }
    EnvironmentColumn *column(const QString &environment) const;
    QStringList environments() const;
    QLabel *driftLabel() const { return m_drift; }
    QLabel *emptyLabel() const { return m_empty; }
    bool isBusy() const { return !m_operations.isEmpty(); }

Q_SIGNALS:
    // An action ended (after its rollout, when it waits for one).
    void operationFinished(const QString &action, const QString &environment, bool succeeded, const QString &message);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void updateDirection();
    void onChanged(const QString &environment);
    void updateDrift();
    void promote(const QString &target);
    void runAction(Kube::DeployOperation::Action action, const QString &environment, int replicas = -1);
    void run(const Kube::DeployOperation::Request &request, const QString &environment);
    bool confirm(const Kube::DeployPlan &plan);
    QString actionTitle(const Kube::DeployPlan &plan) const;
    QStringList warningsFor(const Kube::DeployPlan &plan) const;
    QString previousEnvironment(const QString &environment) const;

    std::optional<Workspace::Workspace> m_workspace;
    QString m_serviceName; // the entity's name (ledger, change-cause)
    Kube::DeploymentStatusService *m_service = nullptr;
    std::unique_ptr<Kube::DeployLedger> m_ledger;
    std::vector<EnvironmentColumn *> m_columns;
    QHash<QString, Kube::DeployOperation *> m_operations; // environment -> running action
    Confirmer m_confirmer;

    QLabel *m_summary;
    QLabel *m_drift;
    QLabel *m_empty;
    QScrollArea *m_scroll;
    QWidget *m_columnsHost;
    QHBoxLayout *m_columnsLayout;
};

} // namespace Gantry::Ui
