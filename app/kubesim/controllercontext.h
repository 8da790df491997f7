#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace Gantry::KubeSim {

class EventRecorder;
class Store;

// What the simulator's controllers share: the store, the event recorder, the clock and the
// scenario's timing. Times are milliseconds since the epoch; every simulated delay goes through
// scaled() so --time-scale speeds all of them up alike.
struct ControllerContext
{
    Store *store = nullptr;
    EventRecorder *events = nullptr;
    double timeScale = 1.0;
    QStringList nodes;
    double defaultReadyDelaySeconds = 2;
    QHash<QString, double> readyDelaySeconds; // "namespace/deployment" -> seconds
    // While seeding a scenario: healthy pods are Ready at once and terminated pods go at once,
    // so revisions from history settle without waiting.
    bool instant = false;
    int nextNode = 0;
    int nextIp = 0;

    static qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }
    qint64 scaled(double seconds) const { return instant ? 0 : qint64(seconds * 1000.0 * timeScale); }
    qint64 scaledAlways(double seconds) const { return qint64(seconds * 1000.0 * timeScale); }
};

} // namespace Gantry::KubeSim
