#include "app/kubesim/store.h"

#include "app/kubesim/resourcetypes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

Q_LOGGING_CATEGORY(lcStore, "gantry.kubesim.store")

namespace Gantry::KubeSim {

namespace {

const QString kMetadata = QStringLiteral("metadata");
const QString kStatus = QStringLiteral("status");
const QString kSpec = QStringLiteral("spec");
const QString kName = QStringLiteral("name");
const QString kNamespace = QStringLiteral("namespace");
const QString kResourceVersion = QStringLiteral("resourceVersion");
const QString kGeneration = QStringLiteral("generation");
const QString kUid = QStringLiteral("uid");
const QString kCreationTimestamp = QStringLiteral("creationTimestamp");

QString randomSuffix(int length)
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString out;
    for (int i = 0; i < length; ++i) {
        out.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet) - 1)]));
    }
    return out;
}

// Everything except metadata and status: a change here is a spec change.
QJsonObject specPart(QJsonObject object)
{
    object.remove(kMetadata);
    object.remove(kStatus);
    object.remove(QStringLiteral("kind"));
    object.remove(QStringLiteral("apiVersion"));
    return object;
}

void setDefault(QJsonObject &object, const QString &key, const QJsonValue &value)
{
    if (!object.contains(key) || object.value(key).isNull()) {
        object.insert(key, value);
    }
}

// The defaults the real API server fills in, where clients read them back.
void applyDefaults(const QString &resource, QJsonObject &object)
{
    if (resource == QLatin1String("deployments.apps")) {
        QJsonObject spec = object.value(kSpec).toObject();
        setDefault(spec, QStringLiteral("replicas"), 1);
        setDefault(spec, QStringLiteral("revisionHistoryLimit"), 10);
        setDefault(spec, QStringLiteral("progressDeadlineSeconds"), 600);
        QJsonObject strategy = spec.value(QStringLiteral("strategy")).toObject();
        setDefault(strategy, QStringLiteral("type"), QStringLiteral("RollingUpdate"));
        if (strategy.value(QStringLiteral("type")).toString() == QLatin1String("RollingUpdate")) {
            QJsonObject rolling = strategy.value(QStringLiteral("rollingUpdate")).toObject();
            setDefault(rolling, QStringLiteral("maxSurge"), QStringLiteral("25%"));
            setDefault(rolling, QStringLiteral("maxUnavailable"), QStringLiteral("25%"));
            strategy.insert(QStringLiteral("rollingUpdate"), rolling);
        }
        spec.insert(QStringLiteral("strategy"), strategy);
        object.insert(kSpec, spec);
    } else if (resource == QLatin1String("replicasets.apps")) {
        QJsonObject spec = object.value(kSpec).toObject();
        setDefault(spec, QStringLiteral("replicas"), 1);
        object.insert(kSpec, spec);
    } else if (resource == QLatin1String("namespaces")) {
        QJsonObject status = object.value(kStatus).toObject();
        setDefault(status, QStringLiteral("phase"), QStringLiteral("Active"));
        object.insert(kStatus, status);
        QJsonObject spec = object.value(kSpec).toObject();
        setDefault(spec, QStringLiteral("finalizers"), QJsonArray{QStringLiteral("kubernetes")});
        object.insert(kSpec, spec);
    } else if (resource == QLatin1String("services")) {
        QJsonObject spec = object.value(kSpec).toObject();
        setDefault(spec, QStringLiteral("type"), QStringLiteral("ClusterIP"));
        if (!spec.contains(QStringLiteral("clusterIP"))) {
            const quint32 n = QRandomGenerator::global()->bounded(1u, 65000u);
            spec.insert(QStringLiteral("clusterIP"), QStringLiteral("10.96.%1.%2").arg(n / 254).arg(n % 254 + 1));
        }
        object.insert(kSpec, spec);
    }
}

QString notFoundMessage(const QString &resource, const QString &name)
{
    return QStringLiteral("%1 \"%2\" not found").arg(resource, name);
}

} // namespace

Store::Store(QObject *parent)
    : QObject(parent)
{}

Store::~Store() = default;

QString Store::timestamp()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

qint64 Store::nextVersion()
{
    return ++m_resourceVersion;
}

StoreResult Store::create(const QString &resource, const QString &ns, QJsonObject object)
{
    const ResourceType *type = ResourceTypes::byStoreKey(resource);
    if (!type) {
        return {StoreError::Invalid, QStringLiteral("the server could not find the requested resource"), {}};
    }
    QJsonObject metadata = object.value(kMetadata).toObject();
    QString name = metadata.value(kName).toString();
    if (name.isEmpty()) {
        const QString prefix = metadata.value(QStringLiteral("generateName")).toString();
        if (prefix.isEmpty()) {
            return {StoreError::Invalid,
                    QStringLiteral("%1 \"\" is invalid: metadata.name: Required value: name or "
                                   "generateName is required")
                        .arg(resource),
                    {}};
        }
        Bucket &bucket = m_objects[resource][ns];
        do {
            name = prefix + randomSuffix(5);
        } while (bucket.objects.contains(name));
        metadata.insert(kName, name);
    }
    const QString effectiveNs = type->namespaced ? ns : QString();
    Bucket &bucket = m_objects[resource][effectiveNs];
    if (bucket.objects.contains(name)) {
        return {StoreError::AlreadyExists, QStringLiteral("%1 \"%2\" already exists").arg(resource, name), {}};
    }
    if (type->namespaced) {
        metadata.insert(kNamespace, effectiveNs);
    } else {
        metadata.remove(kNamespace);
    }
    metadata.insert(kUid, QUuid::createUuid().toString(QUuid::WithoutBraces));
    metadata.insert(kCreationTimestamp, timestamp());
    if (type->hasStatus) {
        metadata.insert(kGeneration, 1);
    } else {
        metadata.remove(kGeneration);
    }
    metadata.remove(QStringLiteral("deletionTimestamp"));
    const qint64 version = nextVersion();
    metadata.insert(kResourceVersion, QString::number(version));
    object.insert(kMetadata, metadata);
    object.insert(QStringLiteral("kind"), type->kind);
    object.insert(QStringLiteral("apiVersion"), type->apiVersion());
    applyDefaults(resource, object);
    if (resource == QLatin1String("pods")) {
        // The API server starts every pod Pending (pod strategy PrepareForCreate).
        QJsonObject status = object.value(kStatus).toObject();
        setDefault(status, QStringLiteral("phase"), QStringLiteral("Pending"));
        object.insert(kStatus, status);
    }
    bucket.objects.insert(name, object);
    record(ChangeType::Added, resource, object, QJsonObject());
    return {StoreError::None, QString(), object};
}

StoreResult Store::update(const QString &resource, const QString &ns, QJsonObject object, UpdateMode mode)
{
    const ResourceType *type = ResourceTypes::byStoreKey(resource);
    if (!type) {
        return {StoreError::Invalid, QStringLiteral("the server could not find the requested resource"), {}};
    }
    const QString effectiveNs = type->namespaced ? ns : QString();
    QJsonObject metadata = object.value(kMetadata).toObject();
    const QString name = metadata.value(kName).toString();
    auto resourceIt = m_objects.find(resource);
    if (resourceIt == m_objects.end() || !resourceIt->contains(effectiveNs) ||
        !resourceIt->value(effectiveNs).objects.contains(name)) {
        return {StoreError::NotFound, notFoundMessage(resource, name), {}};
    }
    Bucket &bucket = (*resourceIt)[effectiveNs];
    const QJsonObject old = bucket.objects.value(name);
    const QJsonObject oldMetadata = old.value(kMetadata).toObject();
    const QString wantedVersion = metadata.value(kResourceVersion).toString();
    if (!wantedVersion.isEmpty() && wantedVersion != oldMetadata.value(kResourceVersion).toString()) {
        return {StoreError::Conflict,
                QStringLiteral("Operation cannot be fulfilled on %1 \"%2\": the object has been modified; please "
                               "apply your changes to the latest version and try again")
                    .arg(resource, name),
                {}};
    }

    QJsonObject next;
    if (mode == UpdateMode::Status && type->hasStatus) {
        next = old;
        next.insert(kStatus, object.value(kStatus));
    } else {
        next = object;
        if (mode == UpdateMode::Main && type->hasStatus) {
            if (old.contains(kStatus)) {
                next.insert(kStatus, old.value(kStatus));
            } else {
                next.remove(kStatus);
            }
        }
        QJsonObject nextMetadata = next.value(kMetadata).toObject();
        nextMetadata.insert(kUid, oldMetadata.value(kUid));
        nextMetadata.insert(kCreationTimestamp, oldMetadata.value(kCreationTimestamp));
        if (type->namespaced) {
            nextMetadata.insert(kNamespace, effectiveNs);
        }
        nextMetadata.remove(kGeneration);
        if (oldMetadata.contains(kGeneration)) {
            nextMetadata.insert(kGeneration, oldMetadata.value(kGeneration));
        }
        next.insert(kMetadata, nextMetadata);
        applyDefaults(resource, next);
    }
    next.insert(QStringLiteral("kind"), type->kind);
    next.insert(QStringLiteral("apiVersion"), type->apiVersion());

    // Compare without the resourceVersion: a write that changes nothing is not an event.
    QJsonObject nextMetadata = next.value(kMetadata).toObject();
    nextMetadata.insert(kResourceVersion, oldMetadata.value(kResourceVersion));
    next.insert(kMetadata, nextMetadata);
    if (type->hasStatus && specPart(next) != specPart(old)) {
        nextMetadata.insert(kGeneration, oldMetadata.value(kGeneration).toInteger(1) + 1);
        next.insert(kMetadata, nextMetadata);
    }
    if (next == old) {
        return {StoreError::None, QString(), old};
    }
    nextMetadata.insert(kResourceVersion, QString::number(nextVersion()));
    next.insert(kMetadata, nextMetadata);
    bucket.objects.insert(name, next);
    record(ChangeType::Modified, resource, next, old);
    return {StoreError::None, QString(), next};
}

StoreResult Store::modify(const QString &resource, const QString &ns, const QString &name,
                          const std::function<bool(QJsonObject &)> &edit)
{
    std::optional<QJsonObject> current = get(resource, ns, name);
    if (!current) {
        return {StoreError::NotFound, notFoundMessage(resource, name), {}};
    }
    QJsonObject copy = *current;
    if (!edit(copy)) {
        return {StoreError::None, QString(), *current};
    }
    QJsonObject metadata = copy.value(kMetadata).toObject();
    metadata.remove(kResourceVersion);
    metadata.insert(kName, name);
    copy.insert(kMetadata, metadata);
    return update(resource, ns, copy, UpdateMode::Complete);
}

StoreResult Store::remove(const QString &resource, const QString &ns, const QString &name)
{
    const ResourceType *type = ResourceTypes::byStoreKey(resource);
    const QString effectiveNs = (type && !type->namespaced) ? QString() : ns;
    auto resourceIt = m_objects.find(resource);
    if (resourceIt == m_objects.end()) {
        return {StoreError::NotFound, notFoundMessage(resource, name), {}};
    }
    auto nsIt = resourceIt->find(effectiveNs);
    if (nsIt == resourceIt->end() || !nsIt->objects.contains(name)) {
        return {StoreError::NotFound, notFoundMessage(resource, name), {}};
    }
    const QJsonObject old = nsIt->objects.take(name);
    QJsonObject gone = old;
    QJsonObject metadata = gone.value(kMetadata).toObject();
    metadata.insert(kResourceVersion, QString::number(nextVersion()));
    gone.insert(kMetadata, metadata);
    record(ChangeType::Deleted, resource, gone, old);
    const QString uid = metadata.value(kUid).toString();
    if (resource == QLatin1String("deployments.apps") || resource == QLatin1String("replicasets.apps")) {
        cascade(effectiveNs, uid);
    } else if (resource == QLatin1String("namespaces")) {
        // Everything in the namespace goes with it.
        for (auto it = m_objects.begin(); it != m_objects.end(); ++it) {
            if (it.key() == QLatin1String("namespaces") || !it->contains(name)) {
                continue;
            }
            const QStringList names = it->value(name).objects.keys();
            const QString key = it.key();
            for (const QString &child : names) {
                remove(key, name, child);
            }
        }
    }
    return {StoreError::None, QString(), gone};
}

void Store::cascade(const QString &ns, const QString &uid)
{
    for (const QString &resource : {QStringLiteral("replicasets.apps"), QStringLiteral("pods"),
                                    QStringLiteral("horizontalpodautoscalers.autoscaling")}) {
        QStringList doomed;
        const auto resourceIt = m_objects.constFind(resource);
        if (resourceIt == m_objects.constEnd()) {
            continue;
        }
        const auto nsIt = resourceIt->constFind(ns);
        if (nsIt == resourceIt->constEnd()) {
            continue;
        }
        for (auto it = nsIt->objects.constBegin(); it != nsIt->objects.constEnd(); ++it) {
            const QJsonArray owners =
                it->value(kMetadata).toObject().value(QStringLiteral("ownerReferences")).toArray();
            for (const QJsonValue &owner : owners) {
                if (owner.toObject().value(kUid).toString() == uid) {
                    doomed.append(it.key());
                    break;
                }
            }
        }
        for (const QString &name : std::as_const(doomed)) {
            remove(resource, ns, name);
        }
    }
}

std::optional<QJsonObject> Store::get(const QString &resource, const QString &ns, const QString &name) const
{
    const auto resourceIt = m_objects.constFind(resource);
    if (resourceIt == m_objects.constEnd()) {
        return std::nullopt;
    }
    const ResourceType *type = ResourceTypes::byStoreKey(resource);
    const auto nsIt = resourceIt->constFind((type && !type->namespaced) ? QString() : ns);
    if (nsIt == resourceIt->constEnd()) {
        return std::nullopt;
    }
    const auto it = nsIt->objects.constFind(name);
    if (it == nsIt->objects.constEnd()) {
        return std::nullopt;
    }
    return *it;
}

QList<QJsonObject> Store::list(const QString &resource, const QString &ns) const
{
    QList<QJsonObject> out;
    const auto resourceIt = m_objects.constFind(resource);
    if (resourceIt == m_objects.constEnd()) {
        return out;
    }
    const ResourceType *type = ResourceTypes::byStoreKey(resource);
    if (!ns.isEmpty() && type && type->namespaced) {
        const auto nsIt = resourceIt->constFind(ns);
        if (nsIt != resourceIt->constEnd()) {
            out = nsIt->objects.values();
        }
        return out;
    }
    QStringList namespaces = resourceIt->keys();
    std::sort(namespaces.begin(), namespaces.end());
    for (const QString &name : std::as_const(namespaces)) {
        out.append(resourceIt->value(name).objects.values());
    }
    return out;
}

int Store::count(const QString &resource, const QString &ns) const
{
    const auto resourceIt = m_objects.constFind(resource);
    if (resourceIt == m_objects.constEnd()) {
        return 0;
    }
    if (!ns.isEmpty()) {
        return resourceIt->value(ns).objects.size();
    }
    int total = 0;
    for (const Bucket &bucket : *resourceIt) {
        total += bucket.objects.size();
    }
    return total;
}

bool Store::namespaceExists(const QString &ns) const
{
    return get(QStringLiteral("namespaces"), QString(), ns).has_value();
}

void Store::record(ChangeType type, const QString &resource, const QJsonObject &object, const QJsonObject &oldObject)
{
    Change change;
    change.type = type;
    change.resource = resource;
    change.object = object;
    change.oldObject = oldObject;
    change.resourceVersion = m_resourceVersion;
    m_history.push_back(change);
    while (int(m_history.size()) > m_historyLimit) {
        m_compactedAt = std::max(m_compactedAt, m_history.front().resourceVersion);
        m_history.pop_front();
    }
    Q_EMIT changed(change);
}

bool Store::changesSince(qint64 since, const QString &resource, QList<Change> *out) const
{
    if (since < m_compactedAt) {
        return false;
    }
    auto it = std::upper_bound(m_history.begin(), m_history.end(), since,
                               [](qint64 value, const Change &change) { return value < change.resourceVersion; });
    for (; it != m_history.end(); ++it) {
        if (it->resource == resource) {
            out->append(*it);
        }
    }
    return true;
}

qint64 Store::oldestResumableVersion() const
{
    return m_compactedAt;
}

void Store::compact()
{
    m_history.clear();
    m_compactedAt = m_resourceVersion;
    qCDebug(lcStore) << "compacted at" << m_compactedAt;
}

void Store::setHistoryLimit(int changes)
{
    m_historyLimit = std::max(1, changes);
}

} // namespace Gantry::KubeSim
