#include "app/kubesim/clusterseeder.h"

#include "app/kubesim/controllercontext.h"
#include "app/kubesim/objectutil.h"
#include "app/kubesim/podlifecycle.h"
#include "app/kubesim/scenario.h"
#include "app/kubesim/store.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcClusterSeeder, "gantry.kubesim.clusterseeder")

namespace Gantry::KubeSim {

namespace {

const QString kDeployments = QStringLiteral("deployments.apps");

QJsonObject toJson(const QMap<QString, QString> &map)
{
    QJsonObject out;
    for (auto it = map.begin(); it != map.end(); ++it) {
        out.insert(it.key(), it.value());
    }
    return out;
}

QJsonValue intOrPercent(const IntOrPercent &value)
{
    return value.percent ? QJsonValue(value.toString()) : QJsonValue(value.value);
}

void check(const StoreResult &result, const QString &what)
{
    if (!result.ok()) {
        qCWarning(lcClusterSeeder) << "cannot create" << what << result.message;
    }
}

} // namespace

ClusterSeeder::ClusterSeeder(ControllerContext *context, std::function<void(bool)> ignoreChanges,
                             std::function<void()> settle)
    : m_context(context)
    , m_ignoreChanges(std::move(ignoreChanges))
    , m_settle(std::move(settle))
{}

QJsonObject ClusterSeeder::deploymentObject(const ScenarioDeployment &d, const QString &image,
                                            int progressDeadlineSeconds)
{
    const QJsonObject labels = toJson(d.labels);
    QJsonObject container{{QStringLiteral("name"), d.container},
                          {QStringLiteral("image"), image},
                          {QStringLiteral("imagePullPolicy"), QStringLiteral("IfNotPresent")},
                          {QStringLiteral("resources"), QJsonObject()},
                          {QStringLiteral("terminationMessagePath"), QStringLiteral("/dev/termination-log")},
                          {QStringLiteral("terminationMessagePolicy"), QStringLiteral("File")}};
    container.insert(QStringLiteral("ports"),
                     QJsonArray{QJsonObject{{QStringLiteral("containerPort"), d.service ? d.service->targetPort : 8080},
                                            {QStringLiteral("protocol"), QStringLiteral("TCP")}}});
    QJsonObject strategy{
        {QStringLiteral("type"), d.recreate ? QStringLiteral("Recreate") : QStringLiteral("RollingUpdate")}};
    if (!d.recreate) {
        strategy.insert(QStringLiteral("rollingUpdate"),
                        QJsonObject{{QStringLiteral("maxSurge"), intOrPercent(d.maxSurge)},
                                    {QStringLiteral("maxUnavailable"), intOrPercent(d.maxUnavailable)}});
    }
    const QJsonObject podSpec{{QStringLiteral("containers"), QJsonArray{container}},
                              {QStringLiteral("restartPolicy"), QStringLiteral("Always")},
                              {QStringLiteral("terminationGracePeriodSeconds"), 30},
                              {QStringLiteral("dnsPolicy"), QStringLiteral("ClusterFirst")},
                              {QStringLiteral("schedulerName"), QStringLiteral("default-scheduler")},
                              {QStringLiteral("securityContext"), QJsonObject()}};
    return QJsonObject{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), d.name}, {QStringLiteral("labels"), labels}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("replicas"), d.replicas},
                     {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), labels}}},
                     {QStringLiteral("template"),
                      QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels}}},
                                  {QStringLiteral("spec"), podSpec}}},
                     {QStringLiteral("strategy"), strategy},
                     {QStringLiteral("minReadySeconds"), d.minReadySeconds},
                     {QStringLiteral("revisionHistoryLimit"), d.revisionHistoryLimit},
                     {QStringLiteral("progressDeadlineSeconds"), progressDeadlineSeconds}}}};
}

void ClusterSeeder::ensureNamespace(const QString &name)
{
    if (!m_context->store->namespaceExists(name)) {
        check(m_context->store->create(
                  QStringLiteral("namespaces"), QString(),
                  QJsonObject{{QStringLiteral("metadata"),
                               QJsonObject{{QStringLiteral("name"), name},
                                           {QStringLiteral("labels"),
                                            QJsonObject{{QStringLiteral("kubernetes.io/metadata.name"), name}}}}}}),
              name);
    }
}

void ClusterSeeder::seed(const Scenario &scenario)
{
    for (const QString &ns :
         {QStringLiteral("default"), QStringLiteral("kube-system"), QStringLiteral("kube-public")}) {
        ensureNamespace(ns);
    }
    int index = 0;
    for (const QString &node : scenario.nodes) {
        if (m_context->store->get(QStringLiteral("nodes"), QString(), node)) {
            continue;
        }
        const QString ip = QStringLiteral("10.0.0.%1").arg(index++ + 10);
        const QString now = Store::timestamp();
        check(m_context->store->create(
                  QStringLiteral("nodes"), QString(),
                  QJsonObject{
                      {QStringLiteral("metadata"),
                       QJsonObject{{QStringLiteral("name"), node},
                                   {QStringLiteral("labels"),
                                    QJsonObject{{QStringLiteral("kubernetes.io/hostname"), node},
                                                {QStringLiteral("kubernetes.io/os"), QStringLiteral("linux")},
                                                {QStringLiteral("kubernetes.io/arch"), QStringLiteral("amd64")}}}}},
                      {QStringLiteral("spec"),
                       QJsonObject{{QStringLiteral("podCIDR"), QStringLiteral("10.244.%1.0/24").arg(index - 1)}}},
                      {QStringLiteral("status"),
                       QJsonObject{
                           {QStringLiteral("addresses"),
                            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("InternalIP")},
                                                   {QStringLiteral("address"), ip}},
                                       QJsonObject{{QStringLiteral("type"), QStringLiteral("Hostname")},
                                                   {QStringLiteral("address"), node}}}},
                           {QStringLiteral("capacity"), QJsonObject{{QStringLiteral("cpu"), QStringLiteral("8")},
                                                                    {QStringLiteral("memory"), QStringLiteral("32Gi")},
                                                                    {QStringLiteral("pods"), QStringLiteral("110")}}},
                           {QStringLiteral("conditions"),
                            QJsonArray{QJsonObject{
                                {QStringLiteral("type"), QStringLiteral("Ready")},
                                {QStringLiteral("status"), QStringLiteral("True")},
                                {QStringLiteral("reason"), QStringLiteral("KubeletReady")},
                                {QStringLiteral("message"), QStringLiteral("kubelet is posting ready status")},
                                {QStringLiteral("lastHeartbeatTime"), now},
                                {QStringLiteral("lastTransitionTime"), now}}}},
                           {QStringLiteral("nodeInfo"),
                            QJsonObject{
                                {QStringLiteral("kubeletVersion"),
                                 QStringLiteral("v%1.0").arg(scenario.kubernetesVersion)},
                                {QStringLiteral("containerRuntimeVersion"), QStringLiteral("containerd://1.7.13")},
                                {QStringLiteral("operatingSystem"), QStringLiteral("linux")},
                                {QStringLiteral("architecture"), QStringLiteral("amd64")}}}}}}),
              node);
    }
    for (const ScenarioNamespace &ns : scenario.namespaces) {
        ensureNamespace(ns.name);
        if (ns.pods) {
            seedBarePods(ns);
        }
    }
    for (const ScenarioNamespace &ns : scenario.namespaces) {
        for (const ScenarioDeployment &d : ns.deployments) {
            seedDeployment(ns.name, d, scenario);
        }
    }
}

void ClusterSeeder::seedDeployment(const QString &ns, const ScenarioDeployment &d, const Scenario &scenario)
{
    Store *store = m_context->store;
    const int deadline = d.progressDeadlineSeconds > 0 ? d.progressDeadlineSeconds : scenario.progressDeadlineSeconds;
    m_context->readyDelaySeconds.insert(ns + QLatin1Char('/') + d.name,
                                        d.readyDelaySeconds >= 0 ? d.readyDelaySeconds : scenario.readyDelaySeconds);

    // Revisions to settle one after the other: the history, then rollingFrom or the image.
    QStringList settled;
    for (const QString &image : d.history) {
        if (settled.isEmpty() || settled.last() != image) {
            settled.append(image);
        }
    }
    const QString last = d.rollingFrom.isEmpty() ? d.image : d.rollingFrom;
    if (settled.isEmpty() || settled.last() != last) {
        settled.append(last);
    }

    m_context->instant = true;
    for (qsizetype i = 0; i < settled.size(); ++i) {
        QJsonObject object = deploymentObject(d, settled.at(i), deadline);
        const bool current = i == settled.size() - 1 && d.rollingFrom.isEmpty();
        if (i < settled.size() - 1) {
            // Older revisions only need their ReplicaSet: rolling them out at 0 replicas keeps
            // start-up fast (no pods to create and delete again).
            QJsonObject spec = object.value(QStringLiteral("spec")).toObject();
            spec.insert(QStringLiteral("replicas"), 0);
            object.insert(QStringLiteral("spec"), spec);
        }
        if (current && !d.annotations.isEmpty()) {
            QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
            metadata.insert(QStringLiteral("annotations"), toJson(d.annotations));
            object.insert(QStringLiteral("metadata"), metadata);
        }
        if (i == 0) {
            check(store->create(kDeployments, ns, object), d.name);
        } else {
            store->modify(kDeployments, ns, d.name, [&](QJsonObject &stored) {
                QJsonObject metadata = stored.value(QStringLiteral("metadata")).toObject();
                metadata.insert(
                    QStringLiteral("annotations"),
                    object.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("annotations")));
                QJsonObject annotations = metadata.value(QStringLiteral("annotations")).toObject();
                const QString revision =
                    ObjectUtil::annotation(stored, QStringLiteral("deployment.kubernetes.io/revision"));
                if (!revision.isEmpty()) {
                    annotations.insert(QStringLiteral("deployment.kubernetes.io/revision"), revision);
                }
                metadata.insert(QStringLiteral("annotations"), annotations);
                stored.insert(QStringLiteral("metadata"), metadata);
                stored.insert(QStringLiteral("spec"), object.value(QStringLiteral("spec")));
                return true;
            });
        }
        m_settle();
    }
    m_context->instant = false;

    if (!d.rollingFrom.isEmpty()) {
        // Leave a real rollout running from rollingFrom to image.
        store->modify(kDeployments, ns, d.name, [&](QJsonObject &stored) {
            QJsonObject spec = stored.value(QStringLiteral("spec")).toObject();
            QJsonObject podTemplate = spec.value(QStringLiteral("template")).toObject();
            QJsonObject podSpec = podTemplate.value(QStringLiteral("spec")).toObject();
            QJsonArray containers = podSpec.value(QStringLiteral("containers")).toArray();
            QJsonObject container = containers.first().toObject();
            container.insert(QStringLiteral("image"), d.image);
            containers.replace(0, container);
            podSpec.insert(QStringLiteral("containers"), containers);
            podTemplate.insert(QStringLiteral("spec"), podSpec);
            spec.insert(QStringLiteral("template"), podTemplate);
            stored.insert(QStringLiteral("spec"), spec);
            for (auto it = d.annotations.begin(); it != d.annotations.end(); ++it) {
                ObjectUtil::setAnnotation(stored, it.key(), it.value());
            }
            return true;
        });
        m_settle();
    }
    if (d.paused) {
        store->modify(kDeployments, ns, d.name, [](QJsonObject &stored) {
            QJsonObject spec = stored.value(QStringLiteral("spec")).toObject();
            spec.insert(QStringLiteral("paused"), true);
            stored.insert(QStringLiteral("spec"), spec);
            return true;
        });
    }

    const QJsonObject labels = toJson(d.labels);
    if (d.service) {
        check(store->create(
                  QStringLiteral("services"), ns,
                  QJsonObject{
                      {QStringLiteral("metadata"),
                       QJsonObject{{QStringLiteral("name"), d.name}, {QStringLiteral("labels"), labels}}},
                      {QStringLiteral("spec"),
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("ClusterIP")},
                                   {QStringLiteral("selector"), labels},
                                   {QStringLiteral("sessionAffinity"), QStringLiteral("None")},
                                   {QStringLiteral("ports"),
                                    QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("http")},
                                                           {QStringLiteral("protocol"), QStringLiteral("TCP")},
                                                           {QStringLiteral("port"), d.service->port},
                                                           {QStringLiteral("targetPort"), d.service->targetPort}}}}}},
                      {QStringLiteral("status"), QJsonObject{{QStringLiteral("loadBalancer"), QJsonObject()}}}}),
              d.name);
    }
    if (d.hpa) {
        const int current = std::clamp(d.replicas, d.hpa->minReplicas, d.hpa->maxReplicas);
        const int utilisation = std::max(1, d.hpa->targetCPUUtilizationPercentage *
                                                (50 + int(QRandomGenerator::global()->bounded(40))) / 100);
        const QString now = Store::timestamp();
        const auto hpaCondition = [&now](const char *type, const char *status, const char *reason,
                                         const char *message) {
            return QJsonObject{{QStringLiteral("type"), QLatin1String(type)},
                               {QStringLiteral("status"), QLatin1String(status)},
                               {QStringLiteral("lastTransitionTime"), now},
                               {QStringLiteral("reason"), QLatin1String(reason)},
                               {QStringLiteral("message"), QLatin1String(message)}};
        };
        check(
            store->create(
                QStringLiteral("horizontalpodautoscalers.autoscaling"), ns,
                QJsonObject{
                    {QStringLiteral("metadata"),
                     QJsonObject{{QStringLiteral("name"), d.name}, {QStringLiteral("labels"), labels}}},
                    {QStringLiteral("spec"),
                     QJsonObject{{QStringLiteral("scaleTargetRef"),
                                  QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                              {QStringLiteral("kind"), QStringLiteral("Deployment")},
                                              {QStringLiteral("name"), d.name}}},
                                 {QStringLiteral("minReplicas"), d.hpa->minReplicas},
                                 {QStringLiteral("maxReplicas"), d.hpa->maxReplicas},
                                 {QStringLiteral("metrics"),
                                  QJsonArray{QJsonObject{
                                      {QStringLiteral("type"), QStringLiteral("Resource")},
                                      {QStringLiteral("resource"),
                                       QJsonObject{{QStringLiteral("name"), QStringLiteral("cpu")},
                                                   {QStringLiteral("target"),
                                                    QJsonObject{{QStringLiteral("type"), QStringLiteral("Utilization")},
                                                                {QStringLiteral("averageUtilization"),
                                                                 d.hpa->targetCPUUtilizationPercentage}}}}}}}}}},
                    {QStringLiteral("status"),
                     QJsonObject{
                         {QStringLiteral("currentReplicas"), current},
                         {QStringLiteral("desiredReplicas"), current},
                         {QStringLiteral("currentMetrics"),
                          QJsonArray{
                              QJsonObject{{QStringLiteral("type"), QStringLiteral("Resource")},
                                          {QStringLiteral("resource"),
                                           QJsonObject{{QStringLiteral("name"), QStringLiteral("cpu")},
                                                       {QStringLiteral("current"),
                                                        QJsonObject{{QStringLiteral("averageUtilization"), utilisation},
                                                                    {QStringLiteral("averageValue"),
                                                                     QStringLiteral("%1m").arg(utilisation * 5)}}}}}}}},
                         {QStringLiteral("conditions"),
                          QJsonArray{hpaCondition("AbleToScale", "True", "ReadyForNewScale",
                                                  "recommended size matches current size"),
                                     hpaCondition("ScalingActive", "True", "ValidMetricFound",
                                                  "the HPA was able to successfully calculate a replica count from "
                                                  "cpu resource utilization (percentage of request)"),
                                     hpaCondition("ScalingLimited", "False", "DesiredWithinRange",
                                                  "the desired count is within the acceptable range")}}}}}),
            d.name);
    }
}

void ClusterSeeder::seedBarePods(const ScenarioNamespace &ns)
{
    const QString prefix = ns.pods->labels.value(QStringLiteral("app"), QStringLiteral("pod"));
    const QJsonObject labels = toJson(ns.pods->labels);
    const QJsonObject spec{
        {QStringLiteral("containers"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), prefix},
                                {QStringLiteral("image"), ns.pods->image},
                                {QStringLiteral("imagePullPolicy"), QStringLiteral("IfNotPresent")}}}},
        {QStringLiteral("restartPolicy"), QStringLiteral("Always")},
        {QStringLiteral("schedulerName"), QStringLiteral("default-scheduler")}};
    const int nodeCount = int(std::max<qsizetype>(1, m_context->nodes.size()));
    // One running pod per node, copied with a new name, IP and container ID: 5,000 pods load in
    // a fraction of a second.
    QList<QJsonObject> bases;
    for (int node = 0; node < nodeCount; ++node) {
        const QJsonObject pod{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels}}},
                              {QStringLiteral("spec"), spec}};
        bases.append(PodLifecycle::runningPod(pod, m_context->nodes.value(node, QStringLiteral("kubesim-node-1")),
                                              QString(), QStringLiteral("10.0.0.%1").arg(node + 10)));
    }
    m_ignoreChanges(true); // settled already: nothing for the controllers to do
    for (int i = 0; i < ns.pods->count; ++i) {
        const int node = i % nodeCount;
        QJsonObject running = bases.at(node);
        QJsonObject metadata = running.value(QStringLiteral("metadata")).toObject();
        metadata.insert(QStringLiteral("name"), QStringLiteral("%1-%2").arg(prefix).arg(i, 5, 10, QLatin1Char('0')));
        running.insert(QStringLiteral("metadata"), metadata);
        QJsonObject status = running.value(QStringLiteral("status")).toObject();
        const QString ip = QStringLiteral("10.%1.%2.%3").arg(100 + node).arg(i / 250).arg(i % 250 + 2);
        status.insert(QStringLiteral("podIP"), ip);
        status.insert(QStringLiteral("podIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), ip}}});
        QJsonArray containerStatuses = status.value(QStringLiteral("containerStatuses")).toArray();
        QJsonObject first = containerStatuses.first().toObject();
        first.insert(QStringLiteral("containerID"),
                     QString(QStringLiteral("containerd://") + ObjectUtil::randomHex(64)));
        containerStatuses.replace(0, first);
        status.insert(QStringLiteral("containerStatuses"), containerStatuses);
        running.insert(QStringLiteral("status"), status);
        const StoreResult result = m_context->store->create(QStringLiteral("pods"), ns.name, running);
        if (!result.ok()) {
            qCWarning(lcClusterSeeder) << "cannot create bench pod" << result.message;
            break;
        }
    }
    m_ignoreChanges(false);
}

} // namespace Gantry::KubeSim
