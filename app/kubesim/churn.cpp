#include "app/kubesim/churn.h"

#include "app/kubesim/objectutil.h"
#include "app/kubesim/store.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcChurn, "gantry.kubesim.churn")

namespace Gantry::KubeSim {

namespace {
constexpr int kTickMs = 10;
const QString kPods = QStringLiteral("pods");
} // namespace

Churn::Churn(Store *store, const QString &nameSpace, double eventsPerSecond, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_namespace(nameSpace)
    , m_rate(eventsPerSecond)
{
    m_timer.setInterval(kTickMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Churn::tick);
}

void Churn::start()
{
    m_done = 0;
    m_clock.start();
    m_timer.start();
    qCInfo(lcChurn) << "churning namespace" << m_namespace << "at" << m_rate << "changes/s";
}

void Churn::stop()
{
    m_timer.stop();
}

void Churn::tick()
{
    const qint64 elapsed = m_clock.elapsed();
    if (m_podsListedAt < 0 || elapsed - m_podsListedAt > 1000) {
        m_pods.clear();
        for (const QJsonObject &pod : m_store->list(kPods, m_namespace)) {
            if (!ObjectUtil::isTerminating(pod)) {
                m_pods.append(ObjectUtil::name(pod));
            }
        }
        m_podsListedAt = elapsed;
    }
    if (m_pods.isEmpty()) {
        return;
    }
    // Catch up to the rate, but never more than a second's worth at once after a stall.
    qint64 due = qint64(m_rate * double(elapsed) / 1000.0) - m_done;
    due = std::min<qint64>(due, qint64(m_rate) + 1);
    const QString now = Store::timestamp();
    for (qint64 i = 0; i < due; ++i) {
        const QString name = m_pods.at(QRandomGenerator::global()->bounded(int(m_pods.size())));
        const qint64 serial = m_done + i;
        m_store->modify(kPods, m_namespace, name, [&](QJsonObject &pod) {
            if (serial % 4 == 3) {
                QJsonObject status = pod.value(QStringLiteral("status")).toObject();
                QJsonObject ready = ObjectUtil::condition(status, QStringLiteral("Ready"));
                if (!ready.isEmpty()) {
                    ready.insert(QStringLiteral("lastProbeTime"), now);
                    ObjectUtil::putCondition(status, ready);
                    pod.insert(QStringLiteral("status"), status);
                    return true;
                }
            }
            ObjectUtil::setAnnotation(pod, QStringLiteral("kubesim.gantry.dev/churn"), QString::number(serial));
            return true;
        });
    }
    m_done += std::max<qint64>(0, due);
}

} // namespace Gantry::KubeSim
