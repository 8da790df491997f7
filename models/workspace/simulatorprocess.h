#pragma once

#include <QObject>
#include <QStringList>

class QProcess;

namespace Gantry::Workspace {

// One running gantry-kubesim: starts it, waits for its first stdout line ("gantry-kubesim:
// listening on URL"), reports any failure (cannot start, bad scenario, port taken, stopped
// unexpectedly) as one message with what the simulator said on stderr, and terminates it (SIGTERM,
// then SIGKILL) when stopped or destroyed, so no simulator outlives its owner.
class SimulatorProcess final : public QObject
{
    Q_OBJECT
public:
    enum class State { NotRunning, Starting, Listening, Failed };
    Q_ENUM(State)

    explicit SimulatorProcess(QObject *parent = nullptr);
    ~SimulatorProcess() override;

    // Starts `program` with `arguments`; listening() or failed() follows.
    void start(const QString &program, const QStringList &arguments);
    // Blocks until the simulator listens (true) or failed or `msecs` passed (false, with
    // errorMessage() saying why). For the command line and start-up; the GUI uses the signals.
    bool waitForListening(int msecs = 30000);
    // Terminates the simulator and waits for it (SIGKILL after `msecs`). Nothing when not running.
    void stop(int msecs = 5000);

    State state() const { return m_state; }
    // The URL from the "listening on" line, once listening.
    QString url() const { return m_url; }
    QString errorMessage() const { return m_error; }
    qint64 processId() const;

Q_SIGNALS:
    void listening(const QString &url);
    void failed(const QString &message);

private:
    void onStandardOutput();
    void onStandardError();
    void onFinished(int exitCode, bool crashed);
    void onStartFailed();
    void fail(const QString &message);
    QString stderrTail() const;

    QProcess *m_process = nullptr;
    QString m_program;
    State m_state = State::NotRunning;
    QByteArray m_firstLine;
    QByteArray m_stderr; // the last few KiB, for failure messages
    QString m_url;
    QString m_error;
    bool m_stopping = false;
};

} // namespace Gantry::Workspace
