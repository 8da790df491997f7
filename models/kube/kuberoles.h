#pragma once

#include <Qt>

namespace Gantry::Kube {

// Item data roles of the pod and event table models.
enum KubeRole {
    // Pods: "ok", "pending", "error", "completed", "terminating", "unknown" (PodStatus::category).
    // Events: "normal", "warning".
    CategoryRole = Qt::UserRole + 1,
    // The raw value behind a column for sorting: restarts as int, age as seconds, ready as ratio.
    SortRole,
    // Pods: the pod name; events: the involved object's name.
    ObjectNameRole,
    // Pods: the problem in words (also the tooltip); events: the full message.
    DetailRole,
};

} // namespace Gantry::Kube
