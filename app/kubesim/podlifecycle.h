#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace Gantry::KubeSim {

struct ControllerContext;

// The scheduler and the kubelet of the simulated cluster: binds new pods to a node, then walks
// them through ContainerCreating, Running and Ready after the deployment's readyDelaySeconds, or
// through a failure chosen by the image name (crashloop, pullfail, neverready; see README).
// Terminating pods are removed after a short grace period.
class PodLifecycle final
{
public:
    explicit PodLifecycle(ControllerContext *context);

    // Brings the pod up to date with the clock. Returns when it next needs a visit (ms since the
    // epoch), or 0 when it is settled.
    qint64 sync(const QString &ns, const QString &name);
    void forget(const QString &uid) { m_runtimes.remove(uid); }

    // A pod that is already scheduled, Running and Ready (bench pods, seeded workloads).
    static QJsonObject runningPod(const QJsonObject &pod, const QString &node, const QString &podIp,
                                  const QString &hostIp);

private:
    enum class Mode { Normal, CrashLoop, PullFail, NeverReady };
    enum class Stage { Creating, Running, Ready, Crashed, CrashBackOff, PullError, PullBackOff };
    struct Runtime
    {
        Mode mode = Mode::Normal;
        Stage stage = Stage::Creating;
        qint64 next = 0;    // when the current stage ends (0: never)
        qint64 readyAt = 0; // for Mode::Normal
        qint64 deleteAt = 0;
        int restarts = 0;
        int backoffStep = 0;
        QString node;
        QString podIp;
        QString hostIp;
        QString scheduledAt; // RFC 3339
        QString startedAt;   // of the current container run
        QString readyChangedAt;
        QString containerId;
        QJsonObject lastTerminated;
        QJsonObject previousTerminated;
    };

    void start(Runtime &rt, QJsonObject &pod, qint64 now);
    void advance(Runtime &rt, const QJsonObject &pod, qint64 at);
    QJsonObject buildStatus(const Runtime &rt, const QJsonObject &pod) const;
    double readyDelayFor(const QJsonObject &pod) const;
    qint64 backoff(int step) const;
    void event(const QJsonObject &pod, const Runtime &rt, bool warning, const QString &reason, const QString &message);

    ControllerContext *m_context;
    QHash<QString, Runtime> m_runtimes; // by pod uid
};

} // namespace Gantry::KubeSim
