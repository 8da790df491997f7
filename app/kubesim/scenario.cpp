#include "app/kubesim/scenario.h"

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <string>

Q_LOGGING_CATEGORY(lcScenario, "gantry.kubesim.scenario")

namespace Gantry::KubeSim {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::KubeSim::Scenario", text);
}

// A problem at a yaml-cpp mark (0-based).
struct ParseError
{
    YAML::Mark mark;
    QString message;
};

QString fromStd(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString position(const QString &file, const YAML::Mark &mark)
{
    return QStringLiteral("%1:%2:%3")
        .arg(file)
        .arg(mark.line >= 0 ? mark.line + 1 : 0)
        .arg(mark.column >= 0 ? mark.column + 1 : 0);
}

[[noreturn]] void fail(const YAML::Node &node, const QString &message)
{
    throw ParseError{node.Mark(), message};
}

bool isDns1123Label(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return name.size() <= 63 && re.match(name).hasMatch();
}

bool isDns1123Subdomain(const QString &name)
{
    static const QRegularExpression re(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    return name.size() <= 253 && re.match(name).hasMatch();
}

bool isQualifiedName(const QString &key)
{
    static const QRegularExpression nameRe(QStringLiteral("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$"));
    QString name = key;
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        if (!isDns1123Subdomain(key.left(slash))) {
            return false;
        }
        name = key.mid(slash + 1);
    }
    return !name.isEmpty() && name.size() <= 63 && nameRe.match(name).hasMatch();
}

bool isLabelValue(const QString &value)
{
    static const QRegularExpression re(QStringLiteral("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$"));
    return value.size() <= 63 && re.match(value).hasMatch();
}

void requireMap(const YAML::Node &node, const QString &what)
{
    if (!node.IsMap()) {
        fail(node, tr("%1 must be a mapping of keys to values").arg(what));
    }
}

void requireSequence(const YAML::Node &node, const QString &what)
{
    if (!node.IsSequence()) {
        fail(node, tr("%1 must be a list, for example [a, b]").arg(what));
    }
}

// Refuses keys this format does not know, so a typo is not silently ignored.
void checkKeys(const YAML::Node &map, const QString &what, const QStringList &known)
{
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString key = fromStd(it->first.Scalar());
        if (!known.contains(key)) {
            fail(it->first,
                 tr("unknown key '%1' in %2; known keys: %3").arg(key, what, known.join(QStringLiteral(", "))));
        }
    }
}

QString scalar(const YAML::Node &node, const QString &what)
{
    if (!node.IsScalar()) {
        fail(node, tr("%1 must be a single value").arg(what));
    }
    return fromStd(node.Scalar());
}

QString nonEmptyString(const YAML::Node &node, const QString &what)
{
    const QString text = scalar(node, what);
    if (text.trimmed().isEmpty()) {
        fail(node, tr("%1 must not be empty").arg(what));
    }
    return text;
}

long long integer(const YAML::Node &node, const QString &what, long long min, long long max)
{
    const QString text = scalar(node, what);
    bool ok = false;
    const long long value = text.toLongLong(&ok);
    if (!ok) {
        fail(node, tr("%1 must be a whole number, not '%2'").arg(what, text));
    }
    if (value < min || value > max) {
        fail(node, tr("%1 must be between %2 and %3, not %4").arg(what).arg(min).arg(max).arg(value));
    }
    return value;
}

double number(const YAML::Node &node, const QString &what, double min, bool minExclusive)
{
    const QString text = scalar(node, what);
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value)) {
        fail(node, tr("%1 must be a number, not '%2'").arg(what, text));
    }
    if (minExclusive ? value <= min : value < min) {
        fail(node, minExclusive ? tr("%1 must be greater than %2, not %3").arg(what).arg(min).arg(text)
                                : tr("%1 must be at least %2, not %3").arg(what).arg(min).arg(text));
    }
    return value;
}

bool boolean(const YAML::Node &node, const QString &what)
{
    const QString text = scalar(node, what).toLower();
    if (text == QLatin1String("true") || text == QLatin1String("yes") || text == QLatin1String("on")) {
        return true;
    }
    if (text == QLatin1String("false") || text == QLatin1String("no") || text == QLatin1String("off")) {
        return false;
    }
    fail(node, tr("%1 must be true or false, not '%2'").arg(what, text));
}

QStringList stringList(const YAML::Node &node, const QString &what)
{
    requireSequence(node, what);
    QStringList out;
    for (const YAML::Node &item : node) {
        out.append(nonEmptyString(item, tr("each entry of %1").arg(what)));
    }
    return out;
}

QMap<QString, QString> labelMap(const YAML::Node &node, const QString &what, bool checkValues)
{
    requireMap(node, what);
    QMap<QString, QString> out;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const QString key = scalar(it->first, tr("a key of %1").arg(what));
        if (!isQualifiedName(key)) {
            fail(it->first,
                 tr("'%1' in %2 is not a valid key: use an optional DNS prefix and '/', then up to 63 letters, "
                    "digits, '-', '_' or '.', starting and ending with a letter or digit")
                     .arg(key, what));
        }
        const QString value = it->second.IsNull() ? QString() : scalar(it->second, tr("the value of '%1'").arg(key));
        if (checkValues && !isLabelValue(value)) {
            fail(it->second, tr("'%1' is not a valid label value for '%2': up to 63 letters, digits, '-', '_' or '.', "
                                "starting and ending with a letter or digit")
                                 .arg(value, key));
        }
        out.insert(key, value);
    }
    return out;
}

IntOrPercent intOrPercent(const YAML::Node &node, const QString &what)
{
    const QString text = scalar(node, what).trimmed();
    static const QRegularExpression re(QStringLiteral("^(\\d{1,9})(%?)$"));
    const QRegularExpressionMatch match = re.match(text);
    if (!match.hasMatch()) {
        fail(node, tr("%1 must be a whole number of pods (1) or a percentage (25%), not '%2'").arg(what, text));
    }
    IntOrPercent out;
    out.value = match.captured(1).toInt();
    out.percent = !match.captured(2).isEmpty();
    if (out.percent && out.value > 100) {
        fail(node, tr("%1 must not be more than 100%").arg(what));
    }
    return out;
}

void checkDns1123Label(const YAML::Node &node, const QString &name, const QString &what)
{
    if (!isDns1123Label(name)) {
        fail(node, tr("%1 '%2' is not a valid name: use at most 63 lower-case letters, digits and '-', starting and "
                      "ending with a letter or digit")
                       .arg(what, name));
    }
}

void parseStrategy(const YAML::Node &node, ScenarioDeployment &deployment)
{
    requireMap(node, tr("'strategy'"));
    checkKeys(node, tr("'strategy'"),
              {QStringLiteral("type"), QStringLiteral("maxSurge"), QStringLiteral("maxUnavailable")});
    if (const YAML::Node type = node["type"]) {
        const QString text = scalar(type, tr("'strategy.type'"));
        if (text == QLatin1String("Recreate")) {
            deployment.recreate = true;
        } else if (text != QLatin1String("RollingUpdate")) {
            fail(type, tr("'strategy.type' must be RollingUpdate or Recreate, not '%1'").arg(text));
        }
    }
    if (deployment.recreate && (node["maxSurge"] || node["maxUnavailable"])) {
        fail(node, tr("maxSurge and maxUnavailable apply only to the RollingUpdate strategy; remove them or the "
                      "'type: Recreate'"));
    }
    if (const YAML::Node surge = node["maxSurge"]) {
        deployment.maxSurge = intOrPercent(surge, tr("'maxSurge'"));
    }
    if (const YAML::Node unavailable = node["maxUnavailable"]) {
        deployment.maxUnavailable = intOrPercent(unavailable, tr("'maxUnavailable'"));
    }
    if (!deployment.recreate && deployment.maxSurge.value == 0 && deployment.maxUnavailable.value == 0) {
        fail(node, tr("maxSurge and maxUnavailable must not both be 0, or the rollout could never make progress"));
    }
}

ScenarioDeployment parseDeployment(const YAML::Node &node)
{
    requireMap(node, tr("a deployment"));
    checkKeys(node, tr("a deployment"),
              {QStringLiteral("name"), QStringLiteral("labels"), QStringLiteral("annotations"),
               QStringLiteral("replicas"), QStringLiteral("image"), QStringLiteral("container"),
               QStringLiteral("history"), QStringLiteral("rollingFrom"), QStringLiteral("readyDelaySeconds"),
               QStringLiteral("progressDeadlineSeconds"), QStringLiteral("minReadySeconds"),
               QStringLiteral("revisionHistoryLimit"), QStringLiteral("paused"), QStringLiteral("strategy"),
               QStringLiteral("hpa"), QStringLiteral("service")});
    ScenarioDeployment d;
    d.line = node.Mark().line + 1;
    d.column = node.Mark().column + 1;
    const YAML::Node name = node["name"];
    if (!name) {
        fail(node, tr("a deployment needs a 'name'"));
    }
    d.name = scalar(name, tr("'name'"));
    checkDns1123Label(name, d.name, tr("deployment"));
    const YAML::Node image = node["image"];
    if (!image) {
        fail(node, tr("deployment '%1' needs an 'image', for example registry.example/%1:1.0").arg(d.name));
    }
    d.image = nonEmptyString(image, tr("'image'"));
    d.labels = node["labels"] ? labelMap(node["labels"], tr("'labels'"), true)
                              : QMap<QString, QString>{{QStringLiteral("app"), d.name}};
    if (d.labels.isEmpty()) {
        fail(node["labels"], tr("'labels' must not be empty: the deployment selects its pods by them"));
    }
    if (d.labels.contains(QStringLiteral("pod-template-hash"))) {
        fail(node["labels"], tr("'pod-template-hash' is set by the controller; remove it from 'labels'"));
    }
    if (const YAML::Node annotations = node["annotations"]) {
        d.annotations = labelMap(annotations, tr("'annotations'"), false);
    }
    if (const YAML::Node replicas = node["replicas"]) {
        d.replicas = int(integer(replicas, tr("'replicas'"), 0, 10000));
    }
    if (const YAML::Node container = node["container"]) {
        d.container = scalar(container, tr("'container'"));
        checkDns1123Label(container, d.container, tr("container"));
    } else {
        d.container = d.name;
    }
    if (const YAML::Node history = node["history"]) {
        d.history = stringList(history, tr("'history'"));
    }
    if (const YAML::Node rollingFrom = node["rollingFrom"]) {
        d.rollingFrom = nonEmptyString(rollingFrom, tr("'rollingFrom'"));
        if (d.rollingFrom == d.image) {
            fail(rollingFrom, tr("'rollingFrom' is the same image as 'image'; a rollout needs a different one"));
        }
    }
    if (const YAML::Node delay = node["readyDelaySeconds"]) {
        d.readyDelaySeconds = number(delay, tr("'readyDelaySeconds'"), 0, false);
    }
    if (const YAML::Node deadline = node["progressDeadlineSeconds"]) {
        d.progressDeadlineSeconds = int(integer(deadline, tr("'progressDeadlineSeconds'"), 1, 1000000000));
    }
    if (const YAML::Node minReady = node["minReadySeconds"]) {
        d.minReadySeconds = int(integer(minReady, tr("'minReadySeconds'"), 0, 1000000000));
    }
    if (const YAML::Node limit = node["revisionHistoryLimit"]) {
        d.revisionHistoryLimit = int(integer(limit, tr("'revisionHistoryLimit'"), 0, 1000));
    }
    if (const YAML::Node paused = node["paused"]) {
        d.paused = boolean(paused, tr("'paused'"));
    }
    if (const YAML::Node strategy = node["strategy"]) {
        parseStrategy(strategy, d);
    }
    if (d.progressDeadlineSeconds > 0 && d.minReadySeconds >= d.progressDeadlineSeconds) {
        fail(node, tr("'progressDeadlineSeconds' must be greater than 'minReadySeconds'"));
    }
    if (const YAML::Node hpa = node["hpa"]) {
        requireMap(hpa, tr("'hpa'"));
        checkKeys(hpa, tr("'hpa'"),
                  {QStringLiteral("minReplicas"), QStringLiteral("maxReplicas"),
                   QStringLiteral("targetCPUUtilizationPercentage")});
        ScenarioHpa h;
        if (hpa["minReplicas"]) {
            h.minReplicas = int(integer(hpa["minReplicas"], tr("'minReplicas'"), 1, 10000));
        }
        if (!hpa["maxReplicas"]) {
            fail(hpa, tr("'hpa' needs 'maxReplicas'"));
        }
        h.maxReplicas = int(integer(hpa["maxReplicas"], tr("'maxReplicas'"), 1, 10000));
        if (h.maxReplicas < h.minReplicas) {
            fail(hpa["maxReplicas"], tr("'maxReplicas' (%1) must not be less than 'minReplicas' (%2)")
                                         .arg(h.maxReplicas)
                                         .arg(h.minReplicas));
        }
        if (hpa["targetCPUUtilizationPercentage"]) {
            h.targetCPUUtilizationPercentage =
                int(integer(hpa["targetCPUUtilizationPercentage"], tr("'targetCPUUtilizationPercentage'"), 1, 1000));
        }
        d.hpa = h;
    }
    if (const YAML::Node service = node["service"]) {
        requireMap(service, tr("'service'"));
        checkKeys(service, tr("'service'"), {QStringLiteral("port"), QStringLiteral("targetPort")});
        ScenarioService s;
        if (service["port"]) {
            s.port = int(integer(service["port"], tr("'port'"), 1, 65535));
        }
        s.targetPort =
            service["targetPort"] ? int(integer(service["targetPort"], tr("'targetPort'"), 1, 65535)) : s.port;
        d.service = s;
    }
    return d;
}

ScenarioNamespace parseNamespace(const YAML::Node &node)
{
    requireMap(node, tr("a namespace"));
    checkKeys(node, tr("a namespace"), {QStringLiteral("name"), QStringLiteral("deployments"), QStringLiteral("pods")});
    ScenarioNamespace ns;
    const YAML::Node name = node["name"];
    if (!name) {
        fail(node, tr("a namespace needs a 'name'"));
    }
    ns.name = scalar(name, tr("'name'"));
    checkDns1123Label(name, ns.name, tr("namespace"));
    if (const YAML::Node deployments = node["deployments"]) {
        requireSequence(deployments, tr("'deployments'"));
        QSet<QString> seen;
        for (const YAML::Node &item : deployments) {
            ScenarioDeployment d = parseDeployment(item);
            if (seen.contains(d.name)) {
                fail(item["name"],
                     tr("deployment '%1' is defined twice in namespace '%2'; rename one").arg(d.name, ns.name));
            }
            seen.insert(d.name);
            ns.deployments.append(d);
        }
    }
    if (const YAML::Node pods = node["pods"]) {
        requireMap(pods, tr("'pods'"));
        checkKeys(pods, tr("'pods'"), {QStringLiteral("count"), QStringLiteral("labels"), QStringLiteral("image")});
        ScenarioPods p;
        if (!pods["count"]) {
            fail(pods, tr("'pods' needs a 'count'"));
        }
        p.count = int(integer(pods["count"], tr("'count'"), 0, 100000));
        p.labels = pods["labels"] ? labelMap(pods["labels"], tr("'labels'"), true)
                                  : QMap<QString, QString>{{QStringLiteral("app"), QStringLiteral("bench")}};
        if (pods["image"]) {
            p.image = nonEmptyString(pods["image"], tr("'image'"));
        }
        ns.pods = p;
    }
    return ns;
}

ScenarioAuth parseAuth(const YAML::Node &node)
{
    requireMap(node, tr("'auth'"));
    checkKeys(node, tr("'auth'"),
              {QStringLiteral("tokens"), QStringLiteral("basic"), QStringLiteral("clientCertificates"),
               QStringLiteral("forbiddenTokens")});
    ScenarioAuth auth;
    if (node["tokens"]) {
        auth.tokens = stringList(node["tokens"], tr("'tokens'"));
    }
    if (node["forbiddenTokens"]) {
        auth.forbiddenTokens = stringList(node["forbiddenTokens"], tr("'forbiddenTokens'"));
    }
    if (node["clientCertificates"]) {
        auth.clientCertificates = boolean(node["clientCertificates"], tr("'clientCertificates'"));
    }
    if (const YAML::Node basic = node["basic"]) {
        requireSequence(basic, tr("'basic'"));
        for (const YAML::Node &item : basic) {
            requireMap(item, tr("a 'basic' entry"));
            checkKeys(item, tr("a 'basic' entry"), {QStringLiteral("username"), QStringLiteral("password")});
            if (!item["username"] || !item["password"]) {
                fail(item, tr("a 'basic' entry needs 'username' and 'password'"));
            }
            auth.basic.append({nonEmptyString(item["username"], tr("'username'")),
                               nonEmptyString(item["password"], tr("'password'"))});
        }
    }
    return auth;
}

Scenario parseRoot(const YAML::Node &root, const QString &fileName)
{
    Scenario scenario;
    scenario.fileName = fileName;
    if (!root || root.IsNull()) {
        fail(root, tr("the scenario is empty; it needs at least 'namespaces:' (see app/kubesim/README.md)"));
    }
    requireMap(root, tr("the scenario"));
    checkKeys(root, tr("the scenario"),
              {QStringLiteral("kubernetesVersion"), QStringLiteral("context"), QStringLiteral("timeScale"),
               QStringLiteral("auth"), QStringLiteral("nodes"), QStringLiteral("defaults"),
               QStringLiteral("namespaces"), QStringLiteral("churn")});
    if (const YAML::Node version = root["kubernetesVersion"]) {
        scenario.kubernetesVersion = scalar(version, tr("'kubernetesVersion'"));
        static const QRegularExpression re(QStringLiteral("^1\\.\\d{1,3}$"));
        if (!re.match(scenario.kubernetesVersion).hasMatch()) {
            fail(version, tr("'kubernetesVersion' must be a quoted major.minor version such as \"1.30\", not '%1'")
                              .arg(scenario.kubernetesVersion));
        }
    }
    if (const YAML::Node context = root["context"]) {
        scenario.context = nonEmptyString(context, tr("'context'"));
    }
    if (const YAML::Node scale = root["timeScale"]) {
        scenario.timeScale = number(scale, tr("'timeScale'"), 0, true);
    }
    if (const YAML::Node auth = root["auth"]) {
        scenario.auth = parseAuth(auth);
    }
    if (const YAML::Node nodes = root["nodes"]) {
        scenario.nodes = stringList(nodes, tr("'nodes'"));
        int index = 0;
        for (const QString &node : std::as_const(scenario.nodes)) {
            if (!isDns1123Subdomain(node)) {
                fail(nodes[index],
                     tr("node '%1' is not a valid name: use lower-case letters, digits, '-' and '.'").arg(node));
            }
            ++index;
        }
    }
    if (scenario.nodes.isEmpty()) {
        scenario.nodes.append(QStringLiteral("kubesim-node-1"));
    }
    if (const YAML::Node defaults = root["defaults"]) {
        requireMap(defaults, tr("'defaults'"));
        checkKeys(defaults, tr("'defaults'"),
                  {QStringLiteral("readyDelaySeconds"), QStringLiteral("progressDeadlineSeconds")});
        if (defaults["readyDelaySeconds"]) {
            scenario.readyDelaySeconds = number(defaults["readyDelaySeconds"], tr("'readyDelaySeconds'"), 0, false);
        }
        if (defaults["progressDeadlineSeconds"]) {
            scenario.progressDeadlineSeconds =
                int(integer(defaults["progressDeadlineSeconds"], tr("'progressDeadlineSeconds'"), 1, 1000000000));
        }
    }
    const YAML::Node namespaces = root["namespaces"];
    if (!namespaces) {
        fail(root, tr("the scenario needs 'namespaces:', a list of {name, deployments, pods}"));
    }
    requireSequence(namespaces, tr("'namespaces'"));
    QSet<QString> seen;
    for (const YAML::Node &item : namespaces) {
        ScenarioNamespace ns = parseNamespace(item);
        if (seen.contains(ns.name)) {
            fail(item["name"], tr("namespace '%1' is listed twice; merge the two entries").arg(ns.name));
        }
        seen.insert(ns.name);
        scenario.namespaces.append(ns);
    }
    if (const YAML::Node churn = root["churn"]) {
        requireMap(churn, tr("'churn'"));
        checkKeys(churn, tr("'churn'"), {QStringLiteral("namespace"), QStringLiteral("eventsPerSecond")});
        ScenarioChurn c;
        if (!churn["namespace"]) {
            fail(churn, tr("'churn' needs a 'namespace'"));
        }
        c.nameSpace = scalar(churn["namespace"], tr("'namespace'"));
        if (!seen.contains(c.nameSpace)) {
            fail(churn["namespace"], tr("'churn' names namespace '%1', which is not in 'namespaces'").arg(c.nameSpace));
        }
        if (churn["eventsPerSecond"]) {
            c.eventsPerSecond = number(churn["eventsPerSecond"], tr("'eventsPerSecond'"), 0, false);
            if (c.eventsPerSecond > 100000) {
                fail(churn["eventsPerSecond"], tr("'eventsPerSecond' must be at most 100000"));
            }
        }
        scenario.churn = c;
    }
    return scenario;
}

} // namespace

int IntOrPercent::resolve(int total, bool roundUp) const
{
    if (!percent) {
        return value;
    }
    const long long scaled = (long long)value * total;
    return int(roundUp ? (scaled + 99) / 100 : scaled / 100);
}

QString IntOrPercent::toString() const
{
    return percent ? QStringLiteral("%1%").arg(value) : QString::number(value);
}

std::optional<Scenario> Scenario::parse(const QByteArray &yaml, const QString &fileName, QString *error)
{
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        return parseRoot(root, fileName);
    } catch (const ParseError &e) {
        if (error) {
            *error = QStringLiteral("%1: error: %2").arg(position(fileName, e.mark), e.message);
        }
    } catch (const YAML::Exception &e) {
        if (error) {
            *error = QStringLiteral("%1: error: %2")
                         .arg(position(fileName, e.mark), tr("not valid YAML: %1").arg(fromStd(e.msg)));
        }
    }
    qCDebug(lcScenario) << "rejected" << fileName;
    return std::nullopt;
}

std::optional<Scenario> Scenario::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = QStringLiteral("%1:0:0: error: %2")
                         .arg(path, tr("cannot read the scenario: %1").arg(file.errorString()));
        }
        return std::nullopt;
    }
    return parse(file.readAll(), path, error);
}

} // namespace Gantry::KubeSim
