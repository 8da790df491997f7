#pragma once

#include <QJsonObject>

#include <functional>

namespace Gantry::KubeSim {

struct ControllerContext;
struct Scenario;
struct ScenarioDeployment;
struct ScenarioNamespace;

// Fills the store from a scenario: namespaces, nodes, and per deployment its history (each
// earlier image rolled out and settled in turn, so older ReplicaSets keep revisions 1..n), the
// current image (or a rollout from rollingFrom left running), its Service and HPA; bare pods
// are written Running in one go.
class ClusterSeeder final
{
public:
    // ignoreChanges(true) mutes the controller while bulk pods are written; settle() runs the
    // controllers until nothing is pending.
    ClusterSeeder(ControllerContext *context, std::function<void(bool)> ignoreChanges, std::function<void()> settle);

    void seed(const Scenario &scenario);

    // The Deployment object a scenario entry describes, with the given image.
    static QJsonObject deploymentObject(const ScenarioDeployment &d, const QString &image, int progressDeadlineSeconds);

private:
    void ensureNamespace(const QString &name);
    void seedDeployment(const QString &ns, const ScenarioDeployment &d, const Scenario &scenario);
    void seedBarePods(const ScenarioNamespace &ns);

    ControllerContext *m_context;
    std::function<void(bool)> m_ignoreChanges;
    std::function<void()> m_settle;
};

} // namespace Gantry::KubeSim
