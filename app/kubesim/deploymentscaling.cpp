#include "app/kubesim/controllercontext.h"
#include "app/kubesim/deploymentcontroller.h"
#include "app/kubesim/deploymentstate.h"
#include "app/kubesim/deploymentstatus.h"
#include "app/kubesim/objectutil.h"
#include "app/kubesim/store.h"

#include <QHash>

#include <algorithm>
#include <cmath>

// Scaling without a new template: a paused deployment, kubectl scale (proportionally during a
// rollout, like the real controller) and the revision history limit.
namespace Gantry::KubeSim {

using namespace DeploymentStatus;

namespace {
const QString kSpec = QStringLiteral("spec");
const QString kReplicaSets = QStringLiteral("replicasets.apps");
} // namespace

bool DeploymentController::scalePaused(State &s)
{
    // A paused deployment still scales; with one active ReplicaSet that is simple.
    const int desired = replicas(s.d);
    QList<int> active;
    for (int i = 0; i < s.all.size(); ++i) {
        if (specReplicas(s.all.at(i)) > 0) {
            active.append(i);
        }
    }
    int target = active.size() == 1 ? active.first() : (active.isEmpty() ? s.newIndex : -1);
    if (target < 0 || specReplicas(s.all.at(target)) == desired) {
        return false;
    }
    scale(s, s.all[target], desired);
    return true;
}

bool DeploymentController::isScalingEvent(const State &s) const
{
    // An active ReplicaSet annotated with another desired size: spec.replicas changed.
    for (const QJsonObject &rs : s.all) {
        const QString desired = ObjectUtil::annotation(rs, kDesiredReplicas);
        if (specReplicas(rs) > 0 && !desired.isEmpty() && desired.toInt() != replicas(s.d)) {
            return true;
        }
    }
    return false;
}

bool DeploymentController::scaleProportionally(State &s)
{
    // DeploymentController.scale: one active ReplicaSet takes the new size; a saturated new
    // ReplicaSet retires the old ones; otherwise the change is spread by size during a rollout.
    const int desired = replicas(s.d);
    QList<int> active;
    for (int i = 0; i < s.all.size(); ++i) {
        if (specReplicas(s.all.at(i)) > 0) {
            active.append(i);
        }
    }
    if (active.size() <= 1) {
        const int target = active.isEmpty() ? s.newIndex : active.first();
        if (target < 0) {
            return false;
        }
        scale(s, s.all[target], desired);
        return true;
    }
    if (s.newIndex >= 0 && specReplicas(s.all.at(s.newIndex)) == desired &&
        statusCount(s.all.at(s.newIndex), QStringLiteral("availableReplicas")) == desired) {
        for (const int i : s.oldIndices()) {
            if (specReplicas(s.all.at(i)) > 0) {
                scale(s, s.all[i], 0);
            }
        }
        return true;
    }
    if (isRecreate(s.d)) {
        return false;
    }
    const int allowed = desired + maxSurge(s.d);
    const int toAdd = allowed - s.totalSpecReplicas();
    // Larger ReplicaSets first (newer first among equals for growth, older for shrinking).
    std::stable_sort(active.begin(), active.end(), [&](int a, int b) {
        const int sa = specReplicas(s.all.at(a));
        const int sb = specReplicas(s.all.at(b));
        if (sa != sb) {
            return sa > sb;
        }
        return toAdd > 0 ? a > b : a < b;
    });
    QHash<int, int> sizes;
    int added = 0;
    for (const int i : std::as_const(active)) {
        const QJsonObject &rs = s.all.at(i);
        const int size = specReplicas(rs);
        int proportion = 0;
        if (toAdd != 0 && toAdd != added) {
            // getReplicaSetFraction: the share this ReplicaSet had of the previous maximum size.
            int annotated = ObjectUtil::annotation(rs, kMaxReplicas).toInt();
            if (annotated <= 0) {
                annotated = std::max(1, statusCount(s.d, QStringLiteral("replicas")));
            }
            const int fraction =
                desired == 0 ? -size : int(std::lround(double(size) * double(allowed) / double(annotated))) - size;
            proportion = toAdd > 0 ? std::min(fraction, toAdd - added) : std::max(fraction, toAdd - added);
        }
        sizes.insert(i, size + proportion);
        added += proportion;
    }
    if (!active.isEmpty() && toAdd != 0) {
        const int first = active.first();
        sizes.insert(first, std::max(0, sizes.value(first) + toAdd - added));
    }
    for (const int i : std::as_const(active)) {
        scale(s, s.all[i], sizes.value(i));
    }
    return true;
}

void DeploymentController::cleanup(State &s)
{
    const int limit = ObjectUtil::intAt(s.d, kSpec, QStringLiteral("revisionHistoryLimit"), 10);
    QList<QJsonObject> candidates;
    for (const int i : s.oldIndices()) {
        const QJsonObject &rs = s.all.at(i);
        if (specReplicas(rs) == 0 && statusCount(rs, QStringLiteral("replicas")) == 0 &&
            !ObjectUtil::isTerminating(rs)) {
            candidates.append(rs);
        }
    }
    if (candidates.size() <= limit) {
        return;
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const QJsonObject &a, const QJsonObject &b) { return revision(a) < revision(b); });
    for (qsizetype i = 0; i < candidates.size() - limit; ++i) {
        m_context->store->remove(kReplicaSets, s.ns, ObjectUtil::name(candidates.at(i)));
    }
}

} // namespace Gantry::KubeSim
