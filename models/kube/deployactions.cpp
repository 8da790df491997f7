#include "models/kube/deployactions.h"

#include "models/kube/deployledger.h"
#include "models/kube/informer.h"
#include "models/kube/kubeclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

namespace Gantry::Kube {

Q_LOGGING_CATEGORY(lcDeployActions, "gantry.kube.deployactions")

namespace {

const QLatin1String RevisionAnnotation("deployment.kubernetes.io/revision");
const QLatin1String ChangeCauseAnnotation("kubernetes.io/change-cause");
const QLatin1String SourceCommitAnnotation("gantry.dev/source-commit");

QJsonObject meta(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

qint64 revisionOf(const QJsonObject &o)
{
    return meta(o).value(QLatin1String("annotations")).toObject().value(RevisionAnnotation).toString().toLongLong();
}

QJsonArray containersOf(const QJsonObject &deploymentOrRs)
{
    return deploymentOrRs.value(QLatin1String("spec"))
        .toObject()
        .value(QLatin1String("template"))
        .toObject()
        .value(QLatin1String("spec"))
        .toObject()
        .value(QLatin1String("containers"))
        .toArray();
}

QString firstImage(const QJsonObject &o)
{
    const QJsonArray containers = containersOf(o);
    return containers.isEmpty() ? QString() : containers.first().toObject().value(QLatin1String("image")).toString();
}

QString sourceCommitOf(const QJsonObject &deployment)
{
    QString commit =
        meta(deployment).value(QLatin1String("annotations")).toObject().value(SourceCommitAnnotation).toString();
    if (commit.isEmpty()) {
        commit = deployment.value(QLatin1String("spec"))
                     .toObject()
                     .value(QLatin1String("template"))
                     .toObject()
                     .value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("annotations"))
                     .toObject()
                     .value(SourceCommitAnnotation)
                     .toString();
    }
    return commit;
}

// Semantic template equality as the controller sees it: without pod-template-hash and
// creationTimestamp: null.
QJsonObject normalizedTemplate(QJsonObject templ)
{
    QJsonObject metadata = templ.value(QLatin1String("metadata")).toObject();
    QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
    labels.remove(QStringLiteral("pod-template-hash"));
    if (labels.isEmpty()) {
        metadata.remove(QStringLiteral("labels"));
    } else {
        metadata.insert(QStringLiteral("labels"), labels);
    }
    metadata.remove(QStringLiteral("creationTimestamp"));
    if (metadata.isEmpty()) {
        templ.remove(QStringLiteral("metadata"));
    } else {
        templ.insert(QStringLiteral("metadata"), metadata);
    }
    return templ;
}

QString selectorText(const QJsonObject &deployment)
{
    const QJsonObject matchLabels = deployment.value(QLatin1String("spec"))
                                        .toObject()
                                        .value(QLatin1String("selector"))
                                        .toObject()
                                        .value(QLatin1String("matchLabels"))
                                        .toObject();
    QStringList parts;
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it) {
        parts << it.key() + QLatin1Char('=') + it.value().toString();
    }
    return parts.join(QLatin1Char(','));
}

} // namespace

QString DeployOutcome::resultName() const
{
    switch (result) {
    case Result::Succeeded:
        return QStringLiteral("succeeded");
    case Result::TimedOut:
        return QStringLiteral("timed-out");
    case Result::Failed:
        break;
    }
    return QStringLiteral("failed");
}

DeployOperation::DeployOperation(Request request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
{
    if (m_request.fromDeployment.isEmpty()) {
        m_request.fromDeployment = m_request.deployment;
    }
    m_plan.action = actionName(m_request.action);
    m_plan.service = m_request.service;
    m_plan.environment = m_request.environment;
    m_plan.fromEnvironment = m_request.fromEnvironment;
    m_plan.deployment = m_request.deployment;
    m_plan.nameSpace = m_request.nameSpace;
}

DeployOperation::~DeployOperation() = default;

QString DeployOperation::actionName(Action action)
{
    switch (action) {
    case Action::Promote:
        return QStringLiteral("promote");
    case Action::Rollback:
        return QStringLiteral("rollback");
    case Action::Restart:
        return QStringLiteral("restart");
    case Action::Scale:
        return QStringLiteral("scale");
    }
    return QString();
}

void DeployOperation::start()
{
    m_executeAfterPrepare = true;
    prepare();
}

void DeployOperation::fail(const KubeError &error)
{
    DeployOutcome outcome;
    outcome.result = DeployOutcome::Result::Failed;
    outcome.error = error;
    outcome.message = error.message;
    finish(outcome);
}

void DeployOperation::prepare()
{
    if (!m_request.client || (m_request.action == Action::Promote && !m_request.fromClient)) {
        KubeError error;
        error.kind = KubeError::Kind::Config;
        error.message = tr("No connection to the cluster of environment \"%1\"; check the kubeconfig and the "
                           "environment's context in gantry.yaml.")
                            .arg(m_request.client ? m_request.fromEnvironment : m_request.environment);
        QTimer::singleShot(0, this, [this, error] { fail(error); });
        return;
    }
    const QString targetPath = ResourceType::deployments().path(m_request.nameSpace, m_request.deployment);
    if (m_request.action == Action::Promote) {
        const QString sourcePath = ResourceType::deployments().path(m_request.fromNamespace, m_request.fromDeployment);
        m_request.fromClient->get(sourcePath, this, [this](const KubeResult &source) {
            if (!source.ok()) {
                fail(source.error);
                return;
            }
            prepareTarget(source.object);
        });
        return;
    }
    m_request.client->get(targetPath, this, [this](const KubeResult &target) {
        if (!target.ok()) {
            fail(target.error);
            return;
        }
        m_target = target.object;
        m_plan.imageFrom = firstImage(m_target);
        m_plan.imageTo = m_plan.imageFrom;
        m_plan.revisionFrom = revisionOf(m_target);
        m_plan.replicasFrom =
            m_target.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(1);
        m_plan.replicasTo = m_plan.replicasFrom;
        if (m_request.action == Action::Rollback) {
            prepareRollback(m_target);
            return;
        }
        if (m_request.action == Action::Scale) {
            m_plan.replicasTo = m_request.replicas;
            if (m_request.replicas < 0) {
                KubeError error;
                error.kind = KubeError::Kind::Invalid;
                error.message = tr("Scale needs a replica count of 0 or more.");
                fail(error);
                return;
            }
            if (m_plan.replicasTo == m_plan.replicasFrom) {
                m_plan.noChange = true;
                m_plan.noChangeReason =
                    tr("deployment \"%1\" already has %2 replicas").arg(m_request.deployment).arg(m_plan.replicasFrom);
            }
        }
        m_prepared = true;
        Q_EMIT prepared(m_plan);
        if (m_executeAfterPrepare) {
            execute();
        }
    });
}

void DeployOperation::prepareTarget(const QJsonObject &source)
{
    const QString targetPath = ResourceType::deployments().path(m_request.nameSpace, m_request.deployment);
    m_request.client->get(targetPath, this, [this, source](const KubeResult &target) {
        if (!target.ok()) {
            fail(target.error);
            return;
        }
        m_target = target.object;
        m_plan.imageFrom = firstImage(m_target);
        m_plan.imageTo = firstImage(source);
        m_plan.revisionFrom = revisionOf(m_target);
        m_plan.replicasFrom =
            m_target.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(1);
        m_plan.replicasTo = m_plan.replicasFrom;
        m_plan.commit = sourceCommitOf(source);
        QHash<QString, QString> targetImages;
        for (const auto &c : containersOf(m_target)) {
            targetImages.insert(c.toObject().value(QLatin1String("name")).toString(),
                                c.toObject().value(QLatin1String("image")).toString());
        }
        for (const auto &c : containersOf(source)) {
            const QString name = c.toObject().value(QLatin1String("name")).toString();
            const QString image = c.toObject().value(QLatin1String("image")).toString();
            if (targetImages.contains(name) && targetImages.value(name) != image) {
                m_plan.containerImagesTo << name + QLatin1Char('=') + image;
            }
        }
        if (m_plan.containerImagesTo.isEmpty()) {
            m_plan.noChange = true;
            m_plan.noChangeReason = targetImages.isEmpty() || containersOf(source).isEmpty()
                                        ? tr("the deployments have no containers in common")
                                        : tr("%1 already runs %2").arg(m_request.environment, m_plan.imageTo);
        }
        m_plan.changeCause =
            QStringLiteral("gantry promote %1 %2→%3: %4")
                .arg(m_request.service, m_request.fromEnvironment, m_request.environment, m_plan.imageTo);
        m_prepared = true;
        Q_EMIT prepared(m_plan);
        if (m_executeAfterPrepare) {
            execute();
        }
    });
}

void DeployOperation::prepareRollback(const QJsonObject &target)
{
    if (target.value(QLatin1String("spec")).toObject().value(QLatin1String("paused")).toBool()) {
        KubeError error;
        error.kind = KubeError::Kind::Invalid;
        error.message = tr("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume "
                           "deployment/%1' and try again")
                            .arg(m_request.deployment);
        fail(error);
        return;
    }
    ListOptions options;
    options.labelSelector = selectorText(target);
    const QString uid = meta(target).value(QLatin1String("uid")).toString();
    m_request.client->list(
        ResourceType::replicaSets().path(m_request.nameSpace), options, this, [this, uid](const KubeResult &result) {
            if (!result.ok()) {
                fail(result.error);
                return;
            }
            // kubectl's previous revision: the second-highest revision among the ReplicaSets the
            // deployment controls.
            QJsonObject latest;
            QJsonObject previous;
            qint64 max = 0;
            qint64 second = 0;
            for (const auto &item : result.object.value(QLatin1String("items")).toArray()) {
                const QJsonObject rs = item.toObject();
                bool controlled = false;
                for (const auto &ref : meta(rs).value(QLatin1String("ownerReferences")).toArray()) {
                    const QJsonObject r = ref.toObject();
                    if (r.value(QLatin1String("controller")).toBool() &&
                        r.value(QLatin1String("uid")).toString() == uid) {
                        controlled = true;
                    }
                }
                if (!controlled && !uid.isEmpty()) {
                    continue;
                }
                const qint64 v = revisionOf(rs);
                if (v > max) {
                    second = max;
                    previous = latest;
                    max = v;
                    latest = rs;
                } else if (v > second) {
                    second = v;
                    previous = rs;
                }
            }
            if (second == 0 || previous.isEmpty()) {
                KubeError error;
                error.kind = KubeError::Kind::NotFound;
                error.message = tr("no rollout history found for deployment \"%1\"").arg(m_request.deployment);
                fail(error);
                return;
            }
            const QJsonObject rsTemplate =
                previous.value(QLatin1String("spec")).toObject().value(QLatin1String("template")).toObject();
            m_rollbackTemplate = normalizedTemplate(rsTemplate);
            m_plan.revisionTo = second;
            m_plan.imageTo = firstImage(previous);
            const QJsonObject current = normalizedTemplate(
                m_target.value(QLatin1String("spec")).toObject().value(QLatin1String("template")).toObject());
            if (current == m_rollbackTemplate) {
                m_plan.noChange = true;
                m_plan.noChangeReason =
                    tr("skipped rollback (current template already matches revision %1)").arg(second);
            }
            // kubectl: keep the deployment's own bookkeeping annotations, take the rest from the RS.
            static const QStringList skip = {QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"),
                                             QStringLiteral("deployment.kubernetes.io/revision"),
                                             QStringLiteral("deployment.kubernetes.io/revision-history"),
                                             QStringLiteral("deployment.kubernetes.io/desired-replicas"),
                                             QStringLiteral("deployment.kubernetes.io/max-replicas"),
                                             QStringLiteral("deprecated.deployment.rollback.to")};
            const QJsonObject deploymentAnnotations = meta(m_target).value(QLatin1String("annotations")).toObject();
            QJsonObject annotations;
            for (const auto &key : skip) {
                if (deploymentAnnotations.contains(key)) {
                    annotations.insert(key, deploymentAnnotations.value(key));
                }
            }
            const QJsonObject rsAnnotations = meta(previous).value(QLatin1String("annotations")).toObject();
            for (auto it = rsAnnotations.begin(); it != rsAnnotations.end(); ++it) {
                if (!skip.contains(it.key())) {
                    annotations.insert(it.key(), it.value());
                }
            }
            m_rollbackAnnotations = annotations;
            m_plan.changeCause = annotations.value(ChangeCauseAnnotation).toString();
            m_plan.commit = annotations.value(SourceCommitAnnotation).toString();
            m_prepared = true;
            Q_EMIT prepared(m_plan);
            if (m_executeAfterPrepare) {
                execute();
            }
        });
}

void DeployOperation::execute()
{
    if (!m_prepared || m_finished) {
        return;
    }
    if (m_request.ledger) {
        LedgerEntry entry;
        entry.actor = m_request.actor;
        entry.workspace = m_request.workspace;
        entry.service = m_request.service;
        entry.environment = m_request.environment;
        entry.action = m_plan.action;
        entry.imageFrom = m_plan.imageFrom;
        entry.imageTo = m_plan.imageTo;
        entry.commit = m_plan.commit;
        switch (m_request.action) {
        case Action::Promote:
            entry.detail = tr("from %1; %2").arg(m_request.fromEnvironment, m_plan.changeCause);
            break;
        case Action::Rollback:
            entry.detail = tr("revision %1 → %2").arg(m_plan.revisionFrom).arg(m_plan.revisionTo);
            break;
        case Action::Scale:
            entry.detail = tr("replicas %1 → %2").arg(m_plan.replicasFrom).arg(m_plan.replicasTo);
            break;
        case Action::Restart:
            break;
        }
        QString error;
        m_ledgerId = m_request.ledger->recordStart(entry, &error);
        if (m_ledgerId == 0) {
            qCWarning(lcDeployActions) << "deploy ledger:" << error;
        }
    }
    if (m_plan.noChange) {
        DeployOutcome outcome;
        outcome.result = DeployOutcome::Result::Succeeded;
        outcome.message = m_plan.noChangeReason;
        outcome.rolloutMs = 0;
        finish(outcome);
        return;
    }
    apply();
}

void DeployOperation::apply()
{
    m_clock.start();
    const QString path = ResourceType::deployments().path(m_request.nameSpace, m_request.deployment);
    auto onApplied = [this](const KubeResult &result) {
        if (!result.ok()) {
            fail(result.error);
            return;
        }
        if (result.object.value(QLatin1String("kind")).toString() != QLatin1String("Scale")) {
            m_expectedGeneration = qint64(meta(result.object).value(QLatin1String("generation")).toDouble(0));
        }
        Q_EMIT applied();
        if (!m_request.wait) {
            DeployOutcome outcome;
            outcome.result = DeployOutcome::Result::Succeeded;
            outcome.message = tr("%1 of %2 in %3 applied; not waiting for the rollout")
                                  .arg(m_plan.action, m_request.service, m_request.environment);
            finish(outcome);
            return;
        }
        waitForRollout();
    };
    switch (m_request.action) {
    case Action::Promote: {
        QJsonArray order;
        QJsonArray containers;
        for (const auto &c : containersOf(m_target)) {
            const QString name = c.toObject().value(QLatin1String("name")).toString();
            order.append(QJsonObject{{QStringLiteral("name"), name}});
        }
        for (const auto &change : m_plan.containerImagesTo) {
            containers.append(QJsonObject{{QStringLiteral("name"), change.section(QLatin1Char('='), 0, 0)},
                                          {QStringLiteral("image"), change.section(QLatin1Char('='), 1)}});
        }
        QJsonObject annotations{{ChangeCauseAnnotation, m_plan.changeCause}};
        if (!m_plan.commit.isEmpty()) {
            annotations.insert(SourceCommitAnnotation, m_plan.commit);
        }
        const QJsonObject body{
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("annotations"), annotations}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("template"),
                          QJsonObject{{QStringLiteral("spec"),
                                       QJsonObject{{QStringLiteral("$setElementOrder/containers"), order},
                                                   {QStringLiteral("containers"), containers}}}}}}}};
        m_request.client->patch(path, PatchType::StrategicMerge, QJsonDocument(body).toJson(QJsonDocument::Compact),
                                this, onApplied);
        break;
    }
    case Action::Rollback: {
        const QJsonArray body{QJsonObject{{QStringLiteral("op"), QStringLiteral("replace")},
                                          {QStringLiteral("path"), QStringLiteral("/spec/template")},
                                          {QStringLiteral("value"), m_rollbackTemplate}},
                              QJsonObject{{QStringLiteral("op"), QStringLiteral("replace")},
                                          {QStringLiteral("path"), QStringLiteral("/metadata/annotations")},
                                          {QStringLiteral("value"), m_rollbackAnnotations}}};
        m_request.client->patch(path, PatchType::Json, QJsonDocument(body).toJson(QJsonDocument::Compact), this,
                                onApplied);
        break;
    }
    case Action::Restart: {
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        const QJsonObject body{
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("template"),
                          QJsonObject{{QStringLiteral("metadata"),
                                       QJsonObject{{QStringLiteral("annotations"),
                                                    QJsonObject{{QStringLiteral("kubectl.kubernetes.io/restartedAt"),
                                                                 now}}}}}}}}}};
        m_request.client->patch(path, PatchType::StrategicMerge, QJsonDocument(body).toJson(QJsonDocument::Compact),
                                this, onApplied);
        break;
    }
    case Action::Scale:
        m_request.client->scale(path, m_request.replicas, this, onApplied);
        break;
    }
}

void DeployOperation::waitForRollout()
{
    m_informer = new Informer(m_request.client, ResourceType::deployments(), m_request.nameSpace, this);
    m_informer->setFieldSelector(QStringLiteral("metadata.name=") + m_request.deployment);
    m_informer->setCoalesceInterval(50);
    m_informer->setBackoff(500, 5000);
    connect(m_informer, &Informer::changed, this, &DeployOperation::onRolloutChanged);
    m_timeout = new QTimer(this);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        DeployOutcome outcome;
        outcome.result = DeployOutcome::Result::TimedOut;
        outcome.lastStatus = m_last;
        outcome.rolloutMs = m_clock.elapsed();
        outcome.message = tr("timed out waiting for the rollout of %1 in %2 after %3 s: %4")
                              .arg(m_request.deployment, m_request.environment)
                              .arg(m_request.timeoutMs / 1000)
                              .arg(m_last.message.isEmpty() ? m_informer->error().message : m_last.message);
        finish(outcome);
    });
    m_timeout->start(m_request.timeoutMs);
    m_informer->start();
}

void DeployOperation::onRolloutChanged()
{
    if (m_finished) {
        return;
    }
    const QJsonObject deployment = m_informer->object(m_request.deployment);
    if (deployment.isEmpty()) {
        if (m_informer->hasSynced()) {
            KubeError error;
            error.kind = KubeError::Kind::NotFound;
            error.message = tr("deployment \"%1\" was deleted while waiting for its rollout").arg(m_request.deployment);
            fail(error);
        }
        return;
    }
    // The answer to our own write may not be the newest generation yet; wait for it.
    if (qint64(meta(deployment).value(QLatin1String("generation")).toDouble(0)) < m_expectedGeneration) {
        return;
    }
    m_last = deploymentRolloutStatus(deployment);
    Q_EMIT progress(m_last);
    if (m_last.isDone()) {
        DeployOutcome outcome;
        outcome.result = DeployOutcome::Result::Succeeded;
        outcome.lastStatus = m_last;
        outcome.rolloutMs = m_clock.elapsed();
        outcome.message = m_last.message;
        finish(outcome);
    } else if (m_last.isFailed()) {
        DeployOutcome outcome;
        outcome.result = DeployOutcome::Result::Failed;
        outcome.lastStatus = m_last;
        outcome.rolloutMs = m_clock.elapsed();
        outcome.message = m_last.message;
        finish(outcome);
    }
}

void DeployOperation::cancel()
{
    if (m_finished) {
        return;
    }
    DeployOutcome outcome;
    outcome.result = DeployOutcome::Result::Failed;
    outcome.lastStatus = m_last;
    outcome.rolloutMs = m_clock.isValid() ? m_clock.elapsed() : -1;
    outcome.message = tr("cancelled while waiting for the rollout (the change stays applied)");
    finish(outcome);
}

void DeployOperation::finish(DeployOutcome outcome)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    if (m_timeout) {
        m_timeout->stop();
    }
    if (m_informer) {
        m_informer->stop();
    }
    if (m_request.ledger && m_ledgerId > 0) {
        QString error;
        if (!m_request.ledger->recordOutcome(m_ledgerId, outcome.resultName(), outcome.message, outcome.rolloutMs,
                                             &error)) {
            qCWarning(lcDeployActions) << "deploy ledger:" << error;
        }
    }
    Q_EMIT finished(outcome);
}

} // namespace Gantry::Kube
