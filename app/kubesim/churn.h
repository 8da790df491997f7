#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace Gantry::KubeSim {

class Store;

// Benchmark load: updates random pods of one namespace at a steady rate (an annotation change,
// every fourth one a status change), so clients see that many watch events per second.
class Churn final : public QObject
{
    Q_OBJECT
public:
    Churn(Store *store, const QString &nameSpace, double eventsPerSecond, QObject *parent = nullptr);

    void start();
    void stop();
    qint64 changesMade() const { return m_done; }

private:
    void tick();

    Store *m_store;
    QString m_namespace;
    double m_rate;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_done = 0;
    QStringList m_pods;
    qint64 m_podsListedAt = -1;
};

} // namespace Gantry::KubeSim
