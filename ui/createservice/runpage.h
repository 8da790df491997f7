#pragma once

#include "models/scaffold/scaffoldtypes.h"

#include <QElapsedTimer>
#include <QWidget>

#include <vector>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QTimer;
class QTreeWidget;

namespace Gantry::Ui {

// The wizard's Create page: a live log of the run — each step with its state (waiting, running,
// done, skipped, failed) and how long it took, overall progress, and the scaffolder's log lines.
class RunPage final : public QWidget
{
    Q_OBJECT
public:
    explicit RunPage(QWidget *parent = nullptr);

    // A new run (or a resumed one) of these steps (the template's names, shown while they wait).
    void start(const QString &title, const QStringList &stepNames);
    void setStep(int index, const Scaffold::StepReport &step);
    void appendLog(const QString &line);
    void finish(const Scaffold::RunResult &result);
    void setCancelling();

    QTreeWidget *stepList() const { return m_steps; }
    QProgressBar *progressBar() const { return m_progress; }
    QPlainTextEdit *log() const { return m_log; }
    QLabel *statusLabel() const { return m_status; }

private:
    void tick();
    void updateProgress();

    struct StepTiming
    {
        QElapsedTimer timer;
        qint64 elapsedMs = -1;
    };
    std::vector<StepTiming> m_timings;
    std::vector<Scaffold::StepStatus> m_states;
    QElapsedTimer m_clock;
    QLabel *m_status;
    QProgressBar *m_progress;
    QTreeWidget *m_steps;
    QPlainTextEdit *m_log;
    QTimer *m_ticker;
};

} // namespace Gantry::Ui
