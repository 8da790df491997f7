#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Gantry::Kube {

// One pod as `kubectl get pods` shows it (printPod in kubernetes pkg/printers/internalversion).
struct PodStatus
{
    QString name;
    QString status; // the STATUS column: Running, CrashLoopBackOff, Init:0/1, Terminating, Completed, ...
    int readyContainers = 0;
    int totalContainers = 0;
    int restarts = 0;
    QDateTime lastRestart; // lastState.terminated.finishedAt of the most recent restart (invalid: none)
    QDateTime created;
    QString node;
    QString phase;
    bool podReady = false; // the pod's Ready condition is True

    QString readyText() const; // "1/2"
    // "14" or "14 (3m ago)" like kubectl
    QString restartsText(const QDateTime &now) const;
    // Broad category for colours: "ok", "pending", "error", "completed", "terminating", "unknown".
    QString category() const;
};

PodStatus podStatus(const QJsonObject &pod);
// An RFC 3339 time from the API (with or without fractional seconds), in UTC; invalid when absent.
QDateTime parseKubeTime(const QJsonValue &value);

// kubectl's short age: "45s", "3m", "2m30s", "5h", "3d", "2y" (duration.HumanDuration).
QString humanDuration(qint64 seconds);

} // namespace Gantry::Kube
