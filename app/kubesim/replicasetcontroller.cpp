#include "app/kubesim/replicasetcontroller.h"

#include "app/kubesim/controllercontext.h"
#include "app/kubesim/eventrecorder.h"
#include "app/kubesim/objectutil.h"
#include "app/kubesim/selectors.h"
#include "app/kubesim/store.h"

#include <QJsonArray>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcReplicaSetController, "gantry.kubesim.replicasetcontroller")

namespace Gantry::KubeSim {

namespace {

const QString kPods = QStringLiteral("pods");
const QString kReplicaSets = QStringLiteral("replicasets.apps");
const QString kComponent = QStringLiteral("replicaset-controller");

// Lower rank is deleted first, like the real controller's ActivePodsWithRanks: unscheduled before
// scheduled, pending before running, not ready before ready, more restarts first, newer first.
int deletionRank(const QJsonObject &pod)
{
    const QJsonObject status = pod.value(QStringLiteral("status")).toObject();
    if (pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("nodeName")).toString().isEmpty()) {
        return 0;
    }
    if (status.value(QStringLiteral("phase")).toString() != QLatin1String("Running")) {
        return 1;
    }
    return ReplicaSetController::isPodReady(pod) ? 3 : 2;
}

int restarts(const QJsonObject &pod)
{
    int total = 0;
    for (const QJsonValue &c :
         pod.value(QStringLiteral("status")).toObject().value(QStringLiteral("containerStatuses")).toArray()) {
        total += c.toObject().value(QStringLiteral("restartCount")).toInt();
    }
    return total;
}

} // namespace

ReplicaSetController::ReplicaSetController(ControllerContext *context)
    : m_context(context)
{}

bool ReplicaSetController::isPodReady(const QJsonObject &pod)
{
    return ObjectUtil::condition(pod.value(QStringLiteral("status")).toObject(), QStringLiteral("Ready"))
               .value(QStringLiteral("status"))
               .toString() == QLatin1String("True");
}

QList<QJsonObject> ReplicaSetController::activePods(const ControllerContext &context, const QJsonObject &replicaSet)
{
    QList<QJsonObject> out;
    const QString uid = ObjectUtil::uid(replicaSet);
    const QList<QJsonObject> pods = context.store->list(kPods, ObjectUtil::nameSpace(replicaSet));
    for (const QJsonObject &pod : pods) {
        if (ObjectUtil::isControlledBy(pod, uid) && !ObjectUtil::isTerminating(pod)) {
            out.append(pod);
        }
    }
    return out;
}

qint64 ReplicaSetController::sync(const QString &ns, const QString &name)
{
    const auto found = m_context->store->get(kReplicaSets, ns, name);
    if (!found || ObjectUtil::isTerminating(*found)) {
        return 0;
    }
    const QJsonObject rs = *found;
    const QJsonObject spec = rs.value(QStringLiteral("spec")).toObject();
    const int wanted = spec.value(QStringLiteral("replicas")).toInt(1);
    QList<QJsonObject> pods = activePods(*m_context, rs);

    if (pods.size() < wanted) {
        const QJsonObject podTemplate = spec.value(QStringLiteral("template")).toObject();
        for (qsizetype i = pods.size(); i < wanted; ++i) {
            QJsonObject metadata = podTemplate.value(QStringLiteral("metadata")).toObject();
            metadata.remove(QStringLiteral("creationTimestamp"));
            metadata.insert(QStringLiteral("generateName"), QString(name + QLatin1Char('-')));
            metadata.insert(QStringLiteral("ownerReferences"), QJsonArray{ObjectUtil::makeControllerRef(rs)});
            QJsonObject podSpec = podTemplate.value(QStringLiteral("spec")).toObject();
            QJsonObject pod{{QStringLiteral("metadata"), metadata}, {QStringLiteral("spec"), podSpec}};
            const StoreResult created = m_context->store->create(kPods, ns, pod);
            if (!created.ok()) {
                qCWarning(lcReplicaSetController) << "cannot create pod for" << ns << name << created.message;
                break;
            }
            pods.append(created.object);
            m_context->events->record(rs, EventRecorder::Type::Normal, QStringLiteral("SuccessfulCreate"),
                                      QStringLiteral("Created pod: %1").arg(ObjectUtil::name(created.object)),
                                      kComponent);
        }
    } else if (pods.size() > wanted) {
        std::stable_sort(pods.begin(), pods.end(), [](const QJsonObject &a, const QJsonObject &b) {
            const int ra = deletionRank(a);
            const int rb = deletionRank(b);
            if (ra != rb) {
                return ra < rb;
            }
            if (restarts(a) != restarts(b)) {
                return restarts(a) > restarts(b);
            }
            return a.value(QStringLiteral("metadata"))
                       .toObject()
                       .value(QStringLiteral("creationTimestamp"))
                       .toString() >
                   b.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("creationTimestamp")).toString();
        });
        const qsizetype surplus = pods.size() - wanted;
        const QString now = Store::timestamp();
        for (qsizetype i = 0; i < surplus; ++i) {
            const QJsonObject pod = pods.at(i);
            m_context->store->modify(kPods, ns, ObjectUtil::name(pod), [&](QJsonObject &p) {
                QJsonObject metadata = p.value(QStringLiteral("metadata")).toObject();
                metadata.insert(QStringLiteral("deletionTimestamp"), now);
                metadata.insert(QStringLiteral("deletionGracePeriodSeconds"), 30);
                p.insert(QStringLiteral("metadata"), metadata);
                return true;
            });
            m_context->events->record(rs, EventRecorder::Type::Normal, QStringLiteral("SuccessfulDelete"),
                                      QStringLiteral("Deleted pod: %1").arg(ObjectUtil::name(pod)), kComponent);
        }
        pods = pods.mid(surplus);
    }

    // Status from the pods as they are now.
    const int minReadySeconds = spec.value(QStringLiteral("minReadySeconds")).toInt();
    const Selector selector = Selector::fromLabelSelector(spec.value(QStringLiteral("selector")).toObject());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 next = 0;
    int ready = 0;
    int available = 0;
    int labelled = 0;
    for (const QJsonObject &pod : std::as_const(pods)) {
        if (selector.matches(pod)) {
            ++labelled;
        }
        if (!isPodReady(pod)) {
            continue;
        }
        ++ready;
        if (minReadySeconds <= 0) {
            ++available;
            continue;
        }
        const QString since =
            ObjectUtil::condition(pod.value(QStringLiteral("status")).toObject(), QStringLiteral("Ready"))
                .value(QStringLiteral("lastTransitionTime"))
                .toString();
        const QDateTime readySince = QDateTime::fromString(since, Qt::ISODate);
        const qint64 availableAt = readySince.toMSecsSinceEpoch() + m_context->scaled(minReadySeconds);
        if (!readySince.isValid() || availableAt <= now.toMSecsSinceEpoch()) {
            ++available;
        } else if (next == 0 || availableAt < next) {
            next = availableAt;
        }
    }
    QJsonObject updated = rs;
    QJsonObject status = rs.value(QStringLiteral("status")).toObject();
    status.insert(QStringLiteral("replicas"), int(pods.size()));
    status.insert(QStringLiteral("fullyLabeledReplicas"), labelled);
    status.insert(QStringLiteral("readyReplicas"), ready);
    status.insert(QStringLiteral("availableReplicas"), available);
    status.insert(QStringLiteral("observedGeneration"),
                  rs.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("generation")).toInt(1));
    if (status != rs.value(QStringLiteral("status")).toObject()) {
        updated.insert(QStringLiteral("status"), status);
        const StoreResult result = m_context->store->update(kReplicaSets, ns, updated);
        if (!result.ok()) {
            qCDebug(lcReplicaSetController) << "status write failed" << ns << name << result.message;
        }
    }
    return next;
}

} // namespace Gantry::KubeSim
