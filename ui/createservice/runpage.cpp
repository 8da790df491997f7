#include "ui/createservice/runpage.h"

#include "ui/icons.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Gantry::Ui {

namespace {
enum Column { StepColumn, StateColumn, TimeColumn };

QString stateText(Scaffold::StepStatus status)
{
    switch (status) {
    case Scaffold::StepStatus::Pending:
        return RunPage::tr("Waiting");
    case Scaffold::StepStatus::Running:
        return RunPage::tr("Running…");
    case Scaffold::StepStatus::Done:
        return RunPage::tr("Done");
    case Scaffold::StepStatus::Skipped:
        return RunPage::tr("Skipped");
    case Scaffold::StepStatus::Failed:
        return RunPage::tr("Failed");
    }
    return {};
}

QString seconds(qint64 ms)
{
    return RunPage::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
}
} // namespace

RunPage::RunPage(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_steps(new QTreeWidget(this))
    , m_log(new QPlainTextEdit(this))
    , m_ticker(new QTimer(this))
{
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setTextVisible(true);

    m_steps->setObjectName(QStringLiteral("runSteps"));
    m_steps->setColumnCount(3);
    m_steps->setHeaderLabels({tr("Step"), tr("State"), tr("Time")});
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);
    m_steps->header()->setStretchLastSection(false);
    m_steps->header()->setSectionResizeMode(StepColumn, QHeaderView::Stretch);
    m_steps->header()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(TimeColumn, QHeaderView::ResizeToContents);
    m_steps->header()->setMinimumSectionSize(fontMetrics().horizontalAdvance(QStringLiteral("Running…")) + 40);

    m_log->setObjectName(QStringLiteral("runLog"));
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(5000);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setPlaceholderText(tr("The log of the run appears here."));

    auto *logTitle = new QLabel(tr("Log"), this);
    QFont bold = logTitle->font();
    bold.setWeight(QFont::DemiBold);
    logTitle->setFont(bold);
    auto *logBox = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 6, 0, 0);
    logLayout->addWidget(logTitle);
    logLayout->addWidget(m_log, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_steps);
    split->addWidget(logBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(split, 1);

    m_ticker->setInterval(200);
    connect(m_ticker, &QTimer::timeout, this, &RunPage::tick);
}

void RunPage::start(const QString &title, const QStringList &stepNames)
{
    const int stepCount = int(stepNames.size());
    m_steps->clear();
    m_timings.assign(size_t(std::max(0, stepCount)), StepTiming{});
    QPixmap transparent(m_steps->iconSize().isValid() ? m_steps->iconSize() : QSize(16, 16));
    transparent.fill(Qt::transparent);
    const QIcon blank(transparent); // keeps waiting steps aligned with the ones that have a state icon
    m_states.assign(size_t(std::max(0, stepCount)), Scaffold::StepStatus::Pending);
    for (int i = 0; i < stepCount; ++i) {
        auto *item = new QTreeWidgetItem(m_steps, {stepNames.at(i), stateText(Scaffold::StepStatus::Pending)});
        item->setIcon(StepColumn, blank);
        item->setForeground(StateColumn, palette().color(QPalette::PlaceholderText));
        item->setTextAlignment(TimeColumn, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_status->setText(title);
    m_progress->setRange(0, std::max(1, stepCount));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m steps"));
    m_log->clear();
    m_clock.start();
    m_ticker->start();
}

void RunPage::setStep(int index, const Scaffold::StepReport &step)
{
    if (index < 0) {
        return;
    }
    while (index >= m_steps->topLevelItemCount()) {
        new QTreeWidgetItem(m_steps);
        m_timings.emplace_back();
        m_states.push_back(Scaffold::StepStatus::Pending);
    }
    QTreeWidgetItem *item = m_steps->topLevelItem(index);
    StepTiming &timing = m_timings[size_t(index)];
    const Scaffold::StepStatus before = m_states[size_t(index)];
    m_states[size_t(index)] = step.status;
    if (step.status == Scaffold::StepStatus::Running && before != Scaffold::StepStatus::Running) {
        timing.timer.start();
        timing.elapsedMs = -1;
    } else if (step.status != Scaffold::StepStatus::Running && before == Scaffold::StepStatus::Running &&
               timing.timer.isValid()) {
        timing.elapsedMs = timing.timer.elapsed();
    }
    const QString name = step.name.isEmpty() ? (step.id.isEmpty() ? step.action : step.id) : step.name;
    item->setText(StepColumn, step.action.isEmpty() ? name : tr("%1   (%2)").arg(name, step.action));
    item->setToolTip(StepColumn, step.message.isEmpty() ? name : step.message);
    item->setText(StateColumn, stateText(step.status));
    item->setToolTip(StateColumn, step.message);
    QString icon;
    QColor color = palette().color(QPalette::Text);
    switch (step.status) {
    case Scaffold::StepStatus::Pending:
        color = palette().color(QPalette::PlaceholderText);
        break;
    case Scaffold::StepStatus::Running:
        icon = QStringLiteral("refresh");
        color = palette().color(QPalette::Highlight);
        break;
    case Scaffold::StepStatus::Done:
        break;
    case Scaffold::StepStatus::Skipped:
        color = palette().color(QPalette::PlaceholderText);
        break;
    case Scaffold::StepStatus::Failed:
        icon = QStringLiteral("error");
        color = QColor(0xd0, 0x3a, 0x3f);
        break;
    }
    QPixmap transparent(16, 16);
    transparent.fill(Qt::transparent);
    item->setIcon(StepColumn, step.status == Scaffold::StepStatus::Done ? Icons::noProblems()
                              : icon.isEmpty()                          ? QIcon(transparent)
                                                                        : Icons::named(icon));
    item->setForeground(StateColumn, color);
    if (timing.elapsedMs >= 0) {
        item->setText(TimeColumn, seconds(timing.elapsedMs));
    }
    if (step.status == Scaffold::StepStatus::Failed && !step.message.isEmpty()) {
        item->setText(StateColumn, tr("Failed: %1").arg(step.message.section(QLatin1Char('\n'), 0, 0)));
    }
    m_steps->scrollToItem(item);
    updateProgress();
}

void RunPage::updateProgress()
{
    int finished = 0;
    for (const Scaffold::StepStatus s : m_states) {
        finished += s == Scaffold::StepStatus::Done || s == Scaffold::StepStatus::Skipped;
    }
    m_progress->setMaximum(std::max(1, int(m_states.size())));
    m_progress->setValue(finished);
}

void RunPage::tick()
{
    for (size_t i = 0; i < m_states.size(); ++i) {
        if (m_states[i] == Scaffold::StepStatus::Running && m_timings[i].timer.isValid()) {
            if (QTreeWidgetItem *item = m_steps->topLevelItem(int(i))) {
                item->setText(TimeColumn, seconds(m_timings[i].timer.elapsed()));
            }
        }
    }
}

void RunPage::appendLog(const QString &line)
{
    QScrollBar *bar = m_log->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    m_log->appendPlainText(line);
    if (atEnd) {
        bar->setValue(bar->maximum());
    }
}

void RunPage::setCancelling()
{
    m_status->setText(tr("Cancelling at the next safe point…"));
}

void RunPage::finish(const Scaffold::RunResult &result)
{
    m_ticker->stop();
    tick();
    for (size_t i = 0; i < result.steps.size(); ++i) {
        setStep(int(i), result.steps[i]);
    }
    const QString total = seconds(result.elapsedMs > 0 ? result.elapsedMs : m_clock.elapsed());
    m_status->setText(result.ok          ? tr("Finished in %1.").arg(total)
                      : result.cancelled ? tr("Cancelled after %1.").arg(total)
                                         : tr("Failed after %1.").arg(total));
}

} // namespace Gantry::Ui
