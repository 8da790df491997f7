#include "models/kube/rolloutstatus.h"

#include <QJsonArray>

#include <algorithm>

namespace Gantry::Kube {

double RolloutStatus::progress() const
{
    if (state == State::Done || desired <= 0) {
        return 1.0;
    }
    return std::clamp(double(updated) / double(desired), 0.0, 1.0);
}

QString RolloutStatus::stateName() const
{
    switch (state) {
    case State::Done:
        return QStringLiteral("done");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Waiting:
        break;
    }
    return QStringLiteral("waiting");
}

RolloutStatus deploymentRolloutStatus(const QJsonObject &deployment, qint64 revision)
{
    RolloutStatus s;
    const QJsonObject metadata = deployment.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = deployment.value(QLatin1String("spec")).toObject();
    const QJsonObject status = deployment.value(QLatin1String("status")).toObject();
    // Go's %q: a double-quoted string.
    const QString name = QLatin1Char('"') + metadata.value(QLatin1String("name")).toString() + QLatin1Char('"');

    const bool hasReplicas =
        spec.contains(QLatin1String("replicas")) && !spec.value(QLatin1String("replicas")).isNull();
    const int specReplicas = spec.value(QLatin1String("replicas")).toInt(1);
    s.desired = hasReplicas ? specReplicas : 1;
    s.updated = status.value(QLatin1String("updatedReplicas")).toInt(0);
    s.available = status.value(QLatin1String("availableReplicas")).toInt(0);
    s.total = status.value(QLatin1String("replicas")).toInt(0);
    const qint64 generation = qint64(metadata.value(QLatin1String("generation")).toDouble(0));
    const qint64 observed = qint64(status.value(QLatin1String("observedGeneration")).toDouble(0));
    s.observed = generation <= observed;

    if (revision > 0) {
        const qint64 running = metadata.value(QLatin1String("annotations"))
                                   .toObject()
                                   .value(QLatin1String("deployment.kubernetes.io/revision"))
                                   .toString()
                                   .toLongLong();
        if (running != revision) {
            s.state = RolloutStatus::State::Failed;
            s.revisionMismatch = true;
            s.message = QStringLiteral("desired revision (%1) is different from the running revision (%2)")
                            .arg(revision)
                            .arg(running);
            return s;
        }
    }

    if (!s.observed) {
        s.message = QStringLiteral("Waiting for deployment spec update to be observed...");
        return s;
    }
    const QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
    for (const auto &c : conditions) {
        const QJsonObject condition = c.toObject();
        if (condition.value(QLatin1String("type")).toString() == QLatin1String("Progressing")) {
            if (condition.value(QLatin1String("reason")).toString() == QLatin1String("ProgressDeadlineExceeded")) {
                s.state = RolloutStatus::State::Failed;
                s.message = QStringLiteral("deployment %1 exceeded its progress deadline").arg(name);
                return s;
            }
            break;
        }
    }
    if (hasReplicas && s.updated < specReplicas) {
        s.message = QStringLiteral("Waiting for deployment %1 rollout to finish: %2 out of %3 new replicas have been "
                                   "updated...")
                        .arg(name)
                        .arg(s.updated)
                        .arg(specReplicas);
        return s;
    }
    if (s.total > s.updated) {
        s.message = QStringLiteral("Waiting for deployment %1 rollout to finish: %2 old replicas are pending "
                                   "termination...")
                        .arg(name)
                        .arg(s.total - s.updated);
        return s;
    }
    if (s.available < s.updated) {
        s.message = QStringLiteral("Waiting for deployment %1 rollout to finish: %2 of %3 updated replicas are "
                                   "available...")
                        .arg(name)
                        .arg(s.available)
                        .arg(s.updated);
        return s;
    }
    s.state = RolloutStatus::State::Done;
    s.message = QStringLiteral("deployment %1 successfully rolled out").arg(name);
    return s;
}

} // namespace Gantry::Kube
