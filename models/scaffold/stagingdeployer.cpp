#include "models/scaffold/stagingdeployer.h"

#include "models/catalog/yamltree.h"
#include "models/kube/kubeclient.h"
#include "models/kube/kubeconfig.h"
#include "models/kube/rolloutstatus.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

#include <optional>

Q_LOGGING_CATEGORY(lcStagingDeployer, "gantry.scaffold.stagingdeployer")

namespace Gantry::Scaffold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Scaffold::StagingDeployer", text);
}

constexpr int kRolloutTimeoutMs = 180000;

// Applies with Kube::KubeClient (asynchronous, on this worker thread's own event loop), then waits
// until the new Deployment is available, so "running in staging" means running.
class KubeStagingDeployer final : public StagingDeployer
{
public:
    Result apply(const Workspace::Workspace &workspace, const Workspace::Environment &environment,
                 const QByteArray &manifests, const std::atomic_bool *cancel) override
    {
        Result result;
        QString error;
        if (workspace.kubeconfig.isEmpty()) {
            result.error =
                tr("the workspace has no kubeconfig in %1; add one, or run with --no-deploy").arg(workspace.filePath);
            return result;
        }
        const auto config = Kube::KubeConfig::loadFile(workspace.kubeconfig, &error);
        if (!config) {
            result.error = error;
            return result;
        }
        auto rest = config->restConfig(environment.context, &error);
        if (!rest) {
            result.error = error;
            return result;
        }
        std::vector<Catalog::Problem> problems;
        const auto tree = Catalog::YamlTree::parse(manifests, tr("manifests"), &problems);
        if (!tree || tree->hadSyntaxError()) {
            result.error = problems.empty() ? tr("the manifests are not valid YAML") : problems.front().message;
            return result;
        }
        std::vector<QJsonObject> objects;
        QString deployment;
        for (int i = 0; i < int(tree->documents().size()); ++i) {
            const QJsonObject o = tree->documentRoot(i).toJson().toObject();
            if (o.isEmpty()) {
                continue;
            }
            if (o.value(QStringLiteral("kind")).toString() == QLatin1String("Deployment") && deployment.isEmpty()) {
                deployment = o.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
            }
            objects.push_back(o);
        }
        QString nameSpace = environment.nameSpace.isEmpty() ? rest->nameSpace : environment.nameSpace;
        nameSpace.replace(QLatin1String("{service}"), deployment);

        QEventLoop loop;
        Kube::KubeClient client(*rest);
        QTimer cancelPoll;
        cancelPoll.setInterval(200);
        QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&loop, cancel] {
            if (cancel && cancel->load()) {
                loop.exit(1);
            }
        });
        cancelPoll.start();
        int applied = 0;
        for (const QJsonObject &object : objects) {
            Kube::KubeResult answer;
            client.apply(object, nameSpace, &loop, [&](const Kube::KubeResult &r) {
                answer = r;
                loop.exit(0);
            });
            if (loop.exec() != 0) {
                result.error = tr("cancelled after applying %1 of %2 objects").arg(applied).arg(objects.size());
                return result;
            }
            if (!answer.ok()) {
                result.error = tr("applying %1 %2 to %3 failed after %4 of %5 objects: %6")
                                   .arg(object.value(QStringLiteral("kind")).toString(),
                                        object.value(QStringLiteral("metadata"))
                                            .toObject()
                                            .value(QStringLiteral("name"))
                                            .toString(),
                                        environment.name)
                                   .arg(applied)
                                   .arg(objects.size())
                                   .arg(answer.error.message);
                return result;
            }
            ++applied;
        }
        result.summary = tr("applied %1 objects to %2 (namespace %3)").arg(applied).arg(environment.name, nameSpace);
        if (deployment.isEmpty()) {
            result.ok = true;
            return result;
        }
        // Wait for the rollout, as `kubectl rollout status` does.
        QElapsedTimer waited;
        waited.start();
        const QString path = QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2").arg(nameSpace, deployment);
        while (waited.elapsed() < kRolloutTimeoutMs) {
            Kube::KubeResult answer;
            client.get(path, &loop, [&](const Kube::KubeResult &r) {
                answer = r;
                loop.exit(0);
            });
            if (loop.exec() != 0) {
                result.error =
                    tr("cancelled while waiting for %1 to roll out (the manifests were applied)").arg(deployment);
                return result;
            }
            if (answer.ok()) {
                const Kube::RolloutStatus status = Kube::deploymentRolloutStatus(answer.object);
                if (status.state == Kube::RolloutStatus::State::Done) {
                    result.ok = true;
                    result.summary += tr("; deployment %1 is available").arg(deployment);
                    return result;
                }
                if (status.state == Kube::RolloutStatus::State::Failed) {
                    result.error = tr("deployment %1 in %2 failed to roll out: %3")
                                       .arg(deployment, environment.name, status.message);
                    return result;
                }
            }
            QTimer::singleShot(500, &loop, [&loop] { loop.exit(0); });
            if (loop.exec() != 0) {
                result.error =
                    tr("cancelled while waiting for %1 to roll out (the manifests were applied)").arg(deployment);
                return result;
            }
        }
        result.error = tr("deployment %1 in %2 did not become available within %3 s (the manifests were applied); "
                          "check it with gantry deploy status")
                           .arg(deployment, environment.name)
                           .arg(kRolloutTimeoutMs / 1000);
        return result;
    }
};

} // namespace

std::unique_ptr<StagingDeployer> defaultStagingDeployer()
{
    return std::make_unique<KubeStagingDeployer>();
}

} // namespace Gantry::Scaffold
