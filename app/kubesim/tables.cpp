#include "app/kubesim/tables.h"

#include "app/kubesim/resourcetypes.h"
#include "app/kubesim/selectors.h"

#include <QJsonValue>
#include <QStringList>

namespace Gantry::KubeSim {

namespace {

struct Column
{
    const char *name;
    const char *type;
    int priority;
};

QJsonObject column(const Column &c)
{
    QJsonObject out;
    out.insert(QStringLiteral("name"), QString::fromLatin1(c.name));
    out.insert(QStringLiteral("type"), QString::fromLatin1(c.type));
    out.insert(QStringLiteral("format"),
               QString::fromLatin1(c.name) == QLatin1String("Name") ? QStringLiteral("name") : QString());
    out.insert(QStringLiteral("description"), QString());
    out.insert(QStringLiteral("priority"), c.priority);
    return out;
}

QList<Column> columnsFor(const QString &storeKey)
{
    if (storeKey == QLatin1String("deployments.apps")) {
        return {{"Name", "string", 0},       {"Ready", "string", 0},   {"Up-to-date", "integer", 0},
                {"Available", "integer", 0}, {"Age", "string", 0},     {"Containers", "string", 1},
                {"Images", "string", 1},     {"Selector", "string", 1}};
    }
    if (storeKey == QLatin1String("replicasets.apps")) {
        return {{"Name", "string", 0},   {"Desired", "integer", 0}, {"Current", "integer", 0},
                {"Ready", "integer", 0}, {"Age", "string", 0},      {"Containers", "string", 1},
                {"Images", "string", 1}, {"Selector", "string", 1}};
    }
    if (storeKey == QLatin1String("pods")) {
        return {{"Name", "string", 0},
                {"Ready", "string", 0},
                {"Status", "string", 0},
                {"Restarts", "string", 0},
                {"Age", "string", 0},
                {"IP", "string", 1},
                {"Node", "string", 1},
                {"Nominated Node", "string", 1},
                {"Readiness Gates", "string", 1}};
    }
    if (storeKey == QLatin1String("services")) {
        return {{"Name", "string", 0},        {"Type", "string", 0},    {"Cluster-IP", "string", 0},
                {"External-IP", "string", 0}, {"Port(s)", "string", 0}, {"Age", "string", 0},
                {"Selector", "string", 1}};
    }
    if (storeKey == QLatin1String("events")) {
        return {{"Last Seen", "string", 0}, {"Type", "string", 0},       {"Reason", "string", 0},
                {"Object", "string", 0},    {"Subobject", "string", 1},  {"Source", "string", 1},
                {"Message", "string", 0},   {"First Seen", "string", 1}, {"Count", "string", 1},
                {"Name", "string", 1}};
    }
    if (storeKey == QLatin1String("horizontalpodautoscalers.autoscaling")) {
        return {{"Name", "string", 0},    {"Reference", "string", 0}, {"Targets", "string", 0},
                {"MinPods", "string", 0}, {"MaxPods", "integer", 0},  {"Replicas", "integer", 0},
                {"Age", "string", 0}};
    }
    if (storeKey == QLatin1String("namespaces")) {
        return {{"Name", "string", 0}, {"Status", "string", 0}, {"Age", "string", 0}};
    }
    if (storeKey == QLatin1String("nodes")) {
        return {{"Name", "string", 0},
                {"Status", "string", 0},
                {"Roles", "string", 0},
                {"Age", "string", 0},
                {"Version", "string", 0}};
    }
    if (storeKey == QLatin1String("poddisruptionbudgets.policy")) {
        return {{"Name", "string", 0},
                {"Min Available", "string", 0},
                {"Max Unavailable", "string", 0},
                {"Allowed Disruptions", "integer", 0},
                {"Age", "string", 0}};
    }
    return {{"Name", "string", 0}, {"Age", "string", 0}};
}

QString since(const QString &timestamp, const QDateTime &now)
{
    if (timestamp.isEmpty()) {
        return QStringLiteral("<unknown>");
    }
    const QDateTime then = QDateTime::fromString(timestamp, Qt::ISODate);
    if (!then.isValid()) {
        return QStringLiteral("<unknown>");
    }
    return Tables::humanDuration(then.secsTo(now));
}

QString intOrString(const QJsonValue &value)
{
    if (value.isDouble()) {
        return QString::number(value.toInteger());
    }
    return value.toString();
}

QString orNone(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("<none>") : text;
}

void containersAndImages(const QJsonObject &podSpec, QString *names, QString *images)
{
    QStringList n;
    QStringList i;
    for (const QJsonValue &value : podSpec.value(QStringLiteral("containers")).toArray()) {
        n.append(value.toObject().value(QStringLiteral("name")).toString());
        i.append(value.toObject().value(QStringLiteral("image")).toString());
    }
    *names = n.join(QLatin1Char(','));
    *images = i.join(QLatin1Char(','));
}

QJsonArray podCells(const QJsonObject &pod, const QString &name, const QString &age, const QDateTime &now)
{
    const QJsonObject status = pod.value(QStringLiteral("status")).toObject();
    const QJsonArray containers =
        pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("containers")).toArray();
    int ready = 0;
    qint64 restarts = 0;
    QDateTime lastRestart;
    for (const QJsonValue &value : status.value(QStringLiteral("containerStatuses")).toArray()) {
        const QJsonObject container = value.toObject();
        if (container.value(QStringLiteral("ready")).toBool()) {
            ++ready;
        }
        restarts += container.value(QStringLiteral("restartCount")).toInteger();
        const QString finished = container.value(QStringLiteral("lastState"))
                                     .toObject()
                                     .value(QStringLiteral("terminated"))
                                     .toObject()
                                     .value(QStringLiteral("finishedAt"))
                                     .toString();
        const QDateTime when = QDateTime::fromString(finished, Qt::ISODate);
        if (when.isValid() && (!lastRestart.isValid() || when > lastRestart)) {
            lastRestart = when;
        }
    }
    QString restartText = QString::number(restarts);
    if (restarts > 0 && lastRestart.isValid()) {
        restartText += QStringLiteral(" (%1 ago)").arg(Tables::humanDuration(lastRestart.secsTo(now)));
    }
    QStringList gates;
    const QJsonArray readinessGates =
        pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("readinessGates")).toArray();
    int gatesReady = 0;
    for (const QJsonValue &gate : readinessGates) {
        const QString conditionType = gate.toObject().value(QStringLiteral("conditionType")).toString();
        for (const QJsonValue &condition : status.value(QStringLiteral("conditions")).toArray()) {
            if (condition.toObject().value(QStringLiteral("type")).toString() == conditionType &&
                condition.toObject().value(QStringLiteral("status")).toString() == QLatin1String("True")) {
                ++gatesReady;
            }
        }
    }
    const QString gatesText = readinessGates.isEmpty()
                                  ? QStringLiteral("<none>")
                                  : QStringLiteral("%1/%2").arg(gatesReady).arg(readinessGates.size());
    return {name,
            QStringLiteral("%1/%2").arg(ready).arg(containers.size()),
            Tables::podStatus(pod),
            restartText,
            age,
            orNone(status.value(QStringLiteral("podIP")).toString()),
            orNone(pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("nodeName")).toString()),
            orNone(status.value(QStringLiteral("nominatedNodeName")).toString()),
            gatesText};
}

QString hpaTargets(const QJsonObject &hpa)
{
    const QJsonObject spec = hpa.value(QStringLiteral("spec")).toObject();
    const QJsonArray current =
        hpa.value(QStringLiteral("status")).toObject().value(QStringLiteral("currentMetrics")).toArray();
    QStringList parts;
    const QJsonArray metrics = spec.value(QStringLiteral("metrics")).toArray();
    for (int i = 0; i < metrics.size(); ++i) {
        const QJsonObject resource = metrics.at(i).toObject().value(QStringLiteral("resource")).toObject();
        const QString name = resource.value(QStringLiteral("name")).toString();
        const QJsonValue target =
            resource.value(QStringLiteral("target")).toObject().value(QStringLiteral("averageUtilization"));
        QString currentText = QStringLiteral("<unknown>");
        for (const QJsonValue &value : current) {
            const QJsonObject currentResource = value.toObject().value(QStringLiteral("resource")).toObject();
            if (currentResource.value(QStringLiteral("name")).toString() == name) {
                const QJsonValue utilisation = currentResource.value(QStringLiteral("current"))
                                                   .toObject()
                                                   .value(QStringLiteral("averageUtilization"));
                if (!utilisation.isUndefined()) {
                    currentText = QStringLiteral("%1%").arg(utilisation.toInteger());
                }
            }
        }
        parts.append(QStringLiteral("%1: %2/%3%").arg(name, currentText).arg(target.toInteger()));
    }
    return parts.isEmpty() ? QStringLiteral("<none>") : parts.join(QStringLiteral(", "));
}

QJsonArray cells(const QString &storeKey, const QJsonObject &object, const QDateTime &now)
{
    const QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    const QJsonObject spec = object.value(QStringLiteral("spec")).toObject();
    const QJsonObject status = object.value(QStringLiteral("status")).toObject();
    const QString name = metadata.value(QStringLiteral("name")).toString();
    const QString age = since(metadata.value(QStringLiteral("creationTimestamp")).toString(), now);
    if (storeKey == QLatin1String("deployments.apps") || storeKey == QLatin1String("replicasets.apps")) {
        QString containers;
        QString images;
        containersAndImages(spec.value(QStringLiteral("template")).toObject().value(QStringLiteral("spec")).toObject(),
                            &containers, &images);
        const QString selector =
            Selector::fromLabelSelector(spec.value(QStringLiteral("selector")).toObject()).toString();
        const qint64 desired = spec.value(QStringLiteral("replicas")).toInteger(1);
        const qint64 ready = status.value(QStringLiteral("readyReplicas")).toInteger();
        if (storeKey == QLatin1String("deployments.apps")) {
            return {name,
                    QStringLiteral("%1/%2").arg(ready).arg(desired),
                    status.value(QStringLiteral("updatedReplicas")).toInteger(),
                    status.value(QStringLiteral("availableReplicas")).toInteger(),
                    age,
                    containers,
                    images,
                    orNone(selector)};
        }
        return {name,   desired,         status.value(QStringLiteral("replicas")).toInteger(), ready, age, containers,
                images, orNone(selector)};
    }
    if (storeKey == QLatin1String("pods")) {
        return podCells(object, name, age, now);
    }
    if (storeKey == QLatin1String("services")) {
        QStringList ports;
        for (const QJsonValue &value : spec.value(QStringLiteral("ports")).toArray()) {
            const QJsonObject port = value.toObject();
            QString text = QString::number(port.value(QStringLiteral("port")).toInteger());
            if (port.contains(QStringLiteral("nodePort"))) {
                text += QLatin1Char(':') + QString::number(port.value(QStringLiteral("nodePort")).toInteger());
            }
            text += QLatin1Char('/') + port.value(QStringLiteral("protocol")).toString(QStringLiteral("TCP"));
            ports.append(text);
        }
        QStringList selector;
        const QJsonObject selectorObject = spec.value(QStringLiteral("selector")).toObject();
        for (auto it = selectorObject.constBegin(); it != selectorObject.constEnd(); ++it) {
            selector.append(it.key() + QLatin1Char('=') + it.value().toString());
        }
        return {name,
                spec.value(QStringLiteral("type")).toString(QStringLiteral("ClusterIP")),
                orNone(spec.value(QStringLiteral("clusterIP")).toString()),
                QStringLiteral("<none>"),
                ports.isEmpty() ? QStringLiteral("<none>") : ports.join(QLatin1Char(',')),
                age,
                orNone(selector.join(QLatin1Char(',')))};
    }
    if (storeKey == QLatin1String("events")) {
        const QJsonObject involved = object.value(QStringLiteral("involvedObject")).toObject();
        QString last = object.value(QStringLiteral("lastTimestamp")).toString();
        if (last.isEmpty()) {
            last = object.value(QStringLiteral("eventTime")).toString();
        }
        QString first = object.value(QStringLiteral("firstTimestamp")).toString();
        if (first.isEmpty()) {
            first = last;
        }
        const QJsonObject source = object.value(QStringLiteral("source")).toObject();
        QString sourceText = source.value(QStringLiteral("component")).toString();
        if (!source.value(QStringLiteral("host")).toString().isEmpty()) {
            sourceText += QStringLiteral(", ") + source.value(QStringLiteral("host")).toString();
        }
        return {since(last, now),
                object.value(QStringLiteral("type")).toString(),
                object.value(QStringLiteral("reason")).toString(),
                QString(involved.value(QStringLiteral("kind")).toString().toLower() + QLatin1Char('/') +
                        involved.value(QStringLiteral("name")).toString()),
                involved.value(QStringLiteral("fieldPath")).toString(),
                sourceText,
                object.value(QStringLiteral("message")).toString().trimmed(),
                since(first, now),
                QString::number(object.value(QStringLiteral("count")).toInteger(1)),
                name};
    }
    if (storeKey == QLatin1String("horizontalpodautoscalers.autoscaling")) {
        const QJsonObject target = spec.value(QStringLiteral("scaleTargetRef")).toObject();
        return {name,
                QString(target.value(QStringLiteral("kind")).toString() + QLatin1Char('/') +
                        target.value(QStringLiteral("name")).toString()),
                hpaTargets(object),
                spec.contains(QStringLiteral("minReplicas"))
                    ? QString::number(spec.value(QStringLiteral("minReplicas")).toInteger())
                    : QStringLiteral("<unset>"),
                spec.value(QStringLiteral("maxReplicas")).toInteger(),
                status.value(QStringLiteral("currentReplicas")).toInteger(),
                age};
    }
    if (storeKey == QLatin1String("namespaces")) {
        return {name, status.value(QStringLiteral("phase")).toString(QStringLiteral("Active")), age};
    }
    if (storeKey == QLatin1String("nodes")) {
        QString ready = QStringLiteral("Unknown");
        for (const QJsonValue &value : status.value(QStringLiteral("conditions")).toArray()) {
            if (value.toObject().value(QStringLiteral("type")).toString() == QLatin1String("Ready")) {
                ready = value.toObject().value(QStringLiteral("status")).toString() == QLatin1String("True")
                            ? QStringLiteral("Ready")
                            : QStringLiteral("NotReady");
            }
        }
        return {name, ready, QStringLiteral("<none>"), age,
                status.value(QStringLiteral("nodeInfo")).toObject().value(QStringLiteral("kubeletVersion")).toString()};
    }
    if (storeKey == QLatin1String("poddisruptionbudgets.policy")) {
        return {name,
                spec.contains(QStringLiteral("minAvailable")) ? intOrString(spec.value(QStringLiteral("minAvailable")))
                                                              : QStringLiteral("N/A"),
                spec.contains(QStringLiteral("maxUnavailable"))
                    ? intOrString(spec.value(QStringLiteral("maxUnavailable")))
                    : QStringLiteral("N/A"),
                status.value(QStringLiteral("disruptionsAllowed")).toInteger(), age};
    }
    return {name, age};
}

} // namespace

QString Tables::humanDuration(qint64 seconds)
{
    if (seconds < -1) {
        return QStringLiteral("<invalid>");
    }
    if (seconds < 0) {
        return QStringLiteral("0s");
    }
    if (seconds < 60 * 2) {
        return QStringLiteral("%1s").arg(seconds);
    }
    const qint64 minutes = seconds / 60;
    if (minutes < 10) {
        const qint64 rest = seconds % 60;
        return rest == 0 ? QStringLiteral("%1m").arg(minutes) : QStringLiteral("%1m%2s").arg(minutes).arg(rest);
    }
    if (minutes < 60 * 3) {
        return QStringLiteral("%1m").arg(minutes);
    }
    const qint64 hours = seconds / 3600;
    if (hours < 8) {
        const qint64 rest = minutes % 60;
        return rest == 0 ? QStringLiteral("%1h").arg(hours) : QStringLiteral("%1h%2m").arg(hours).arg(rest);
    }
    if (hours < 48) {
        return QStringLiteral("%1h").arg(hours);
    }
    if (hours < 24 * 8) {
        const qint64 rest = hours % 24;
        return rest == 0 ? QStringLiteral("%1d").arg(hours / 24) : QStringLiteral("%1d%2h").arg(hours / 24).arg(rest);
    }
    if (hours < 24 * 365 * 2) {
        return QStringLiteral("%1d").arg(hours / 24);
    }
    if (hours < 24 * 365 * 8) {
        const qint64 days = (hours / 24) % 365;
        return days == 0 ? QStringLiteral("%1y").arg(hours / 24 / 365)
                         : QStringLiteral("%1y%2d").arg(hours / 24 / 365).arg(days);
    }
    return QStringLiteral("%1y").arg(hours / 24 / 365);
}

QString Tables::podStatus(const QJsonObject &pod)
{
    const QJsonObject status = pod.value(QStringLiteral("status")).toObject();
    QString reason = status.value(QStringLiteral("reason")).toString();
    if (reason.isEmpty()) {
        reason = status.value(QStringLiteral("phase")).toString();
    }
    const QJsonArray initStatuses = status.value(QStringLiteral("initContainerStatuses")).toArray();
    const int initCount =
        pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("initContainers")).toArray().size();
    bool initializing = false;
    for (int i = 0; i < initStatuses.size(); ++i) {
        const QJsonObject container = initStatuses.at(i).toObject();
        const QJsonObject state = container.value(QStringLiteral("state")).toObject();
        const QJsonObject terminated = state.value(QStringLiteral("terminated")).toObject();
        const QJsonObject waiting = state.value(QStringLiteral("waiting")).toObject();
        if (!terminated.isEmpty() && terminated.value(QStringLiteral("exitCode")).toInteger() == 0) {
            continue;
        }
        if (!terminated.isEmpty()) {
            const QString terminatedReason = terminated.value(QStringLiteral("reason")).toString();
            if (!terminatedReason.isEmpty()) {
                reason = QStringLiteral("Init:") + terminatedReason;
            } else if (terminated.value(QStringLiteral("signal")).toInteger() != 0) {
                reason = QStringLiteral("Init:Signal:%1").arg(terminated.value(QStringLiteral("signal")).toInteger());
            } else {
                reason =
                    QStringLiteral("Init:ExitCode:%1").arg(terminated.value(QStringLiteral("exitCode")).toInteger());
            }
        } else if (!waiting.value(QStringLiteral("reason")).toString().isEmpty() &&
                   waiting.value(QStringLiteral("reason")).toString() != QLatin1String("PodInitializing")) {
            reason = QStringLiteral("Init:") + waiting.value(QStringLiteral("reason")).toString();
        } else {
            reason = QStringLiteral("Init:%1/%2").arg(i).arg(initCount);
        }
        initializing = true;
        break;
    }
    if (!initializing) {
        bool hasRunning = false;
        const QJsonArray statuses = status.value(QStringLiteral("containerStatuses")).toArray();
        for (int i = statuses.size() - 1; i >= 0; --i) {
            const QJsonObject container = statuses.at(i).toObject();
            const QJsonObject state = container.value(QStringLiteral("state")).toObject();
            const QJsonObject waiting = state.value(QStringLiteral("waiting")).toObject();
            const QJsonObject terminated = state.value(QStringLiteral("terminated")).toObject();
            if (!waiting.value(QStringLiteral("reason")).toString().isEmpty()) {
                reason = waiting.value(QStringLiteral("reason")).toString();
            } else if (!terminated.value(QStringLiteral("reason")).toString().isEmpty()) {
                reason = terminated.value(QStringLiteral("reason")).toString();
            } else if (state.contains(QStringLiteral("terminated"))) {
                if (terminated.value(QStringLiteral("signal")).toInteger() != 0) {
                    reason = QStringLiteral("Signal:%1").arg(terminated.value(QStringLiteral("signal")).toInteger());
                } else {
                    reason =
                        QStringLiteral("ExitCode:%1").arg(terminated.value(QStringLiteral("exitCode")).toInteger());
                }
            } else if (container.value(QStringLiteral("ready")).toBool() && state.contains(QStringLiteral("running"))) {
                hasRunning = true;
            }
        }
        if (reason == QLatin1String("Completed") && hasRunning) {
            bool podReady = false;
            for (const QJsonValue &condition : status.value(QStringLiteral("conditions")).toArray()) {
                if (condition.toObject().value(QStringLiteral("type")).toString() == QLatin1String("Ready") &&
                    condition.toObject().value(QStringLiteral("status")).toString() == QLatin1String("True")) {
                    podReady = true;
                }
            }
            reason = podReady ? QStringLiteral("Running") : QStringLiteral("NotReady");
        }
    }
    if (pod.value(QStringLiteral("metadata")).toObject().contains(QStringLiteral("deletionTimestamp"))) {
        reason = status.value(QStringLiteral("reason")).toString() == QLatin1String("NodeLost")
                     ? QStringLiteral("Unknown")
                     : QStringLiteral("Terminating");
    }
    return reason;
}

QJsonArray Tables::columnDefinitions(const ResourceType &type)
{
    QJsonArray out;
    for (const Column &c : columnsFor(type.storeKey)) {
        out.append(column(c));
    }
    return out;
}

QJsonObject Tables::row(const ResourceType &type, const QJsonObject &object, IncludeObject include,
                        const QDateTime &now)
{
    QJsonObject row;
    row.insert(QStringLiteral("cells"), cells(type.storeKey, object, now));
    if (include == IncludeObject::Object) {
        row.insert(QStringLiteral("object"), object);
    } else if (include == IncludeObject::Metadata) {
        QJsonObject partial;
        partial.insert(QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata"));
        partial.insert(QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1"));
        partial.insert(QStringLiteral("metadata"), object.value(QStringLiteral("metadata")));
        row.insert(QStringLiteral("object"), partial);
    }
    return row;
}

QJsonObject Tables::table(const ResourceType &type, const QList<QJsonObject> &objects, IncludeObject include,
                          bool withColumns, const QJsonObject &listMetadata)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray rows;
    for (const QJsonObject &object : objects) {
        rows.append(row(type, object, include, now));
    }
    QJsonObject out;
    out.insert(QStringLiteral("kind"), QStringLiteral("Table"));
    out.insert(QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1"));
    out.insert(QStringLiteral("metadata"), listMetadata);
    out.insert(QStringLiteral("columnDefinitions"), withColumns ? columnDefinitions(type) : QJsonArray());
    out.insert(QStringLiteral("rows"), rows);
    return out;
}

} // namespace Gantry::KubeSim
