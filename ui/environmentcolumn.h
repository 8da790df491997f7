#pragma once

#include "models/kube/deploymentinfo.h"

#include <QFrame>

class QAbstractItemModel;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QVBoxLayout;

namespace Gantry::Ui {

class Banner;

// One environment of the deploy panel: what runs there (image and version, drift against the
// other environments), replica counts, the rollout as kubectl judges it (bar and kubectl's exact
// message), condition chips, problems in words, pods, recent events, and the actions. A cluster
// error shows in a banner with Retry above the last good data, which stays visible but greyed;
// without any good data, only the error is shown, never an empty table.
class EnvironmentColumn final : public QFrame
{
    Q_OBJECT
public:
    explicit EnvironmentColumn(const QString &environment, QWidget *parent = nullptr);

    QString environment() const { return m_environment; }
    // The service's pod and event models for this environment (not owned).
    void setModels(QAbstractItemModel *pods, QAbstractItemModel *events);
    void setStatus(const Kube::EnvironmentStatus &status);
    // Drift: this environment's image differs from another's ("staging runs …"); empty: in step.
    void setDrift(const QString &text);
    // The environment promotions come from; empty: this column has no Promote button.
    void setPromoteSource(const QString &environment);
    // An action is running (its progress in words); empty text: idle again.
    void setBusy(const QString &text);
    // The last action's result under the actions.
    void showOutcome(bool succeeded, const QString &text);

    // The deployment the actions act on (empty when none).
    QString deploymentName() const { return m_deployment; }
    int desiredReplicas() const;

    // For tests and the panel.
    QLabel *titleLabel() const { return m_title; }
    QLabel *imageLabel() const { return m_image; }
    QLabel *versionLabel() const { return m_version; }
    QLabel *driftLabel() const { return m_drift; }
    QLabel *replicasLabel() const { return m_replicas; }
    QProgressBar *rolloutBar() const { return m_rolloutBar; }
    QLabel *rolloutLabel() const { return m_rolloutText; }
    QWidget *conditionChips() const { return m_conditions; }
    QLabel *problemsLabel() const { return m_problems; }
    Banner *errorBanner() const { return m_errorBanner; }
    QLabel *placeholderLabel() const { return m_placeholder; }
    QWidget *contentWidget() const { return m_content; }
    QTableView *podsView() const { return m_pods; }
    QTableView *eventsView() const { return m_events; }
    QPushButton *promoteButton() const { return m_promote; }
    QPushButton *rollbackButton() const { return m_rollback; }
    QPushButton *restartButton() const { return m_restart; }
    QPushButton *scaleButton() const { return m_scale; }
    QSpinBox *replicasSpinBox() const { return m_replicaSpin; }
    QLabel *outcomeLabel() const { return m_outcome; }

Q_SIGNALS:
    void promoteRequested();
    void rollbackRequested();
    void restartRequested();
    void scaleRequested(int replicas);
    void retryRequested();

private:
    void updateConditions(const Kube::DeploymentInfo &deployment);
    void updateRollout(const Kube::EnvironmentStatus &status, const Kube::DeploymentInfo *deployment);
    void updateActions();
    void fitTables();
    QWidget *section(const QString &title, QWidget *body);

    QString m_environment;
    QString m_promoteSource;
    QString m_deployment;
    bool m_busyNow = false;
    bool m_hasData = false;
    int m_desired = 0;

    QLabel *m_title;
    QLabel *m_where;
    QLabel *m_health;
    Banner *m_errorBanner;
    QLabel *m_placeholder;
    QWidget *m_content;
    QLabel *m_version;
    QLabel *m_image;
    QLabel *m_drift;
    QLabel *m_replicas;
    QProgressBar *m_rolloutBar;
    QLabel *m_rolloutText;
    QWidget *m_conditions;
    QLabel *m_problems;
    QLabel *m_others;
    QTableView *m_pods;
    QTableView *m_events;
    QPushButton *m_promote;
    QPushButton *m_rollback;
    QPushButton *m_restart;
    QPushButton *m_scale;
    QSpinBox *m_replicaSpin;
    QProgressBar *m_busy;
    QLabel *m_busyText;
    QLabel *m_outcome;
};

} // namespace Gantry::Ui
