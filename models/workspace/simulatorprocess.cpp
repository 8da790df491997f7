#include "models/workspace/simulatorprocess.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

Q_LOGGING_CATEGORY(lcSimulatorProcess, "gantry.workspace.simulatorprocess")

namespace Gantry::Workspace {

namespace {

const QByteArray kListeningPrefix("gantry-kubesim: listening on ");
constexpr qsizetype kStderrKeep = 4096;

} // namespace

SimulatorProcess::SimulatorProcess(QObject *parent)
    : QObject(parent)
{}

SimulatorProcess::~SimulatorProcess()
{
    stop();
}

qint64 SimulatorProcess::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void SimulatorProcess::start(const QString &program, const QStringList &arguments)
{
    stop();
    m_program = program;
    m_state = State::Starting;
    m_firstLine.clear();
    m_stderr.clear();
    m_url.clear();
    m_error.clear();
    m_stopping = false;
    m_process = new QProcess(this);
    m_process->setProgram(program);
    m_process->setArguments(arguments);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &SimulatorProcess::onStandardOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, &SimulatorProcess::onStandardError);
    connect(m_process, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus status) { onFinished(exitCode, status == QProcess::CrashExit); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            onStartFailed();
        }
    });
#ifdef Q_OS_LINUX
    // Also when the owner dies without running destructors (SIGKILL, a crash, SIGTERM to the
    // GUI), the simulator goes with it instead of holding the demo's port.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    qCDebug(lcSimulatorProcess) << "starting" << program << arguments;
    m_process->start();
}

bool SimulatorProcess::waitForListening(int msecs)
{
    QDeadlineTimer deadline(msecs);
    while (m_state == State::Starting && m_process && !deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            break;
        }
        if (!m_process->waitForReadyRead(int(qMax<qint64>(1, qMin<qint64>(deadline.remainingTime(), 1000))))) {
            if (m_process->state() == QProcess::NotRunning) {
                m_process->waitForFinished(1000);
            }
        }
    }
    if (m_state == State::Starting) {
        fail(tr("%1 did not say where it listens within %2 seconds%3")
                 .arg(QFileInfo(m_program).fileName())
                 .arg(msecs / 1000)
                 .arg(stderrTail()));
        stop();
    }
    return m_state == State::Listening;
}

void SimulatorProcess::stop(int msecs)
{
    if (!m_process) {
        return;
    }
    QProcess *process = m_process;
    m_stopping = true;
    if (process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(msecs)) {
            qCWarning(lcSimulatorProcess) << "the simulator did not stop on SIGTERM; killing it";
            process->kill();
            process->waitForFinished(msecs);
        }
    }
    process->disconnect(this);
    m_process = nullptr;
    process->deleteLater();
    if (m_state != State::Failed) {
        m_state = State::NotRunning;
    }
}

void SimulatorProcess::onStandardOutput()
{
    if (!m_process) {
        return;
    }
    const QByteArray data = m_process->readAllStandardOutput();
    if (m_state != State::Starting) {
        return; // later lines are for people, not for us
    }
    m_firstLine += data;
    const qsizetype newline = m_firstLine.indexOf('\n');
    if (newline < 0) {
        if (m_firstLine.size() > 4096) {
            fail(tr("%1 wrote an unexpected first line").arg(QFileInfo(m_program).fileName()));
            stop();
        }
        return;
    }
    const QByteArray line = m_firstLine.left(newline).trimmed();
    if (!line.startsWith(kListeningPrefix)) {
        fail(tr("%1 wrote an unexpected first line: %2")
                 .arg(QFileInfo(m_program).fileName(), QString::fromUtf8(line.left(200))));
        stop();
        return;
    }
    m_url = QString::fromUtf8(line.mid(kListeningPrefix.size())).trimmed();
    m_state = State::Listening;
    qCDebug(lcSimulatorProcess) << "the simulator listens on" << m_url;
    Q_EMIT listening(m_url);
}

void SimulatorProcess::onStandardError()
{
    if (!m_process) {
        return;
    }
    m_stderr += m_process->readAllStandardError();
    if (m_stderr.size() > kStderrKeep) {
        m_stderr = m_stderr.right(kStderrKeep);
    }
}

void SimulatorProcess::onFinished(int exitCode, bool crashed)
{
    onStandardError();
    if (m_stopping || m_state == State::Failed) {
        return;
    }
    const QString name = QFileInfo(m_program).fileName();
    if (crashed) {
        fail(tr("%1 crashed%2").arg(name, stderrTail()));
    } else if (m_state == State::Starting) {
        fail(tr("%1 stopped before listening (exit code %2)%3").arg(name).arg(exitCode).arg(stderrTail()));
    } else {
        fail(tr("%1 stopped (exit code %2)%3").arg(name).arg(exitCode).arg(stderrTail()));
    }
}

void SimulatorProcess::onStartFailed()
{
    fail(tr("cannot start %1: %2").arg(m_program, m_process ? m_process->errorString() : QString()));
}

void SimulatorProcess::fail(const QString &message)
{
    if (m_state == State::Failed) {
        return;
    }
    m_state = State::Failed;
    m_error = message;
    qCWarning(lcSimulatorProcess).noquote() << message;
    Q_EMIT failed(message);
}

QString SimulatorProcess::stderrTail() const
{
    const QString text = QString::fromUtf8(m_stderr).trimmed();
    if (text.isEmpty()) {
        return {};
    }
    // The last lines are the ones that say what went wrong.
    QStringList lines = text.split(QLatin1Char('\n'));
    if (lines.size() > 5) {
        lines = lines.mid(lines.size() - 5);
    }
    return QStringLiteral(":\n") + lines.join(QLatin1Char('\n'));
}

} // namespace Gantry::Workspace
