#include "app/kubesim/objectutil.h"

#include <QJsonDocument>
#include <QRandomGenerator>

namespace Gantry::KubeSim::ObjectUtil {

namespace {

const QString kMetadata = QStringLiteral("metadata");
const QString kAnnotations = QStringLiteral("annotations");
const QString kConditions = QStringLiteral("conditions");
// k8s.io/apimachinery/pkg/util/rand: no vowels, no 0/1/3 so names never spell words.
const char kSafeAlphabet[] = "bcdfghjklmnpqrstvwxz2456789";

QJsonValue normalizedValue(const QJsonValue &value);

QJsonObject normalizedObject(const QJsonObject &object)
{
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue v = normalizedValue(it.value());
        if (!v.isUndefined()) {
            out.insert(it.key(), v);
        }
    }
    return out;
}

// Undefined for values Go's zero-value semantics treat as "not set".
QJsonValue normalizedValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QJsonValue(QJsonValue::Undefined);
    case QJsonValue::String:
        return value.toString().isEmpty() ? QJsonValue(QJsonValue::Undefined) : value;
    case QJsonValue::Object: {
        const QJsonObject o = normalizedObject(value.toObject());
        return o.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(o);
    }
    case QJsonValue::Array: {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray()) {
            const QJsonValue v = normalizedValue(item);
            out.append(v.isUndefined() ? QJsonValue(QJsonObject()) : v);
        }
        return out.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(out);
    }
    default:
        return value;
    }
}

} // namespace

QString name(const QJsonObject &object)
{
    return object.value(kMetadata).toObject().value(QStringLiteral("name")).toString();
}

QString nameSpace(const QJsonObject &object)
{
    return object.value(kMetadata).toObject().value(QStringLiteral("namespace")).toString();
}

QString uid(const QJsonObject &object)
{
    return object.value(kMetadata).toObject().value(QStringLiteral("uid")).toString();
}

QJsonObject labels(const QJsonObject &object)
{
    return object.value(kMetadata).toObject().value(QStringLiteral("labels")).toObject();
}

QString annotation(const QJsonObject &object, const QString &key)
{
    return object.value(kMetadata).toObject().value(kAnnotations).toObject().value(key).toString();
}

void setAnnotation(QJsonObject &object, const QString &key, const QString &value)
{
    QJsonObject metadata = object.value(kMetadata).toObject();
    QJsonObject annotations = metadata.value(kAnnotations).toObject();
    annotations.insert(key, value);
    metadata.insert(kAnnotations, annotations);
    object.insert(kMetadata, metadata);
}

void removeAnnotation(QJsonObject &object, const QString &key)
{
    QJsonObject metadata = object.value(kMetadata).toObject();
    QJsonObject annotations = metadata.value(kAnnotations).toObject();
    if (!annotations.contains(key)) {
        return;
    }
    annotations.remove(key);
    metadata.insert(kAnnotations, annotations);
    object.insert(kMetadata, metadata);
}

bool isTerminating(const QJsonObject &object)
{
    const QJsonValue value = object.value(kMetadata).toObject().value(QStringLiteral("deletionTimestamp"));
    return value.isString() && !value.toString().isEmpty();
}

QJsonObject controllerRef(const QJsonObject &object)
{
    const QJsonArray refs = object.value(kMetadata).toObject().value(QStringLiteral("ownerReferences")).toArray();
    for (const QJsonValue &ref : refs) {
        if (ref.toObject().value(QStringLiteral("controller")).toBool()) {
            return ref.toObject();
        }
    }
    return {};
}

bool isControlledBy(const QJsonObject &object, const QString &ownerUid)
{
    return !ownerUid.isEmpty() && controllerRef(object).value(QStringLiteral("uid")).toString() == ownerUid;
}

QJsonObject makeControllerRef(const QJsonObject &owner)
{
    return QJsonObject{{QStringLiteral("apiVersion"), owner.value(QStringLiteral("apiVersion")).toString()},
                       {QStringLiteral("kind"), owner.value(QStringLiteral("kind")).toString()},
                       {QStringLiteral("name"), name(owner)},
                       {QStringLiteral("uid"), uid(owner)},
                       {QStringLiteral("controller"), true},
                       {QStringLiteral("blockOwnerDeletion"), true}};
}

int intAt(const QJsonObject &object, const QString &section, const QString &key, int fallback)
{
    const QJsonValue value = object.value(section).toObject().value(key);
    return value.isDouble() ? value.toInt() : fallback;
}

QJsonObject condition(const QJsonObject &status, const QString &type)
{
    for (const QJsonValue &c : status.value(kConditions).toArray()) {
        if (c.toObject().value(QStringLiteral("type")).toString() == type) {
            return c.toObject();
        }
    }
    return {};
}

void putCondition(QJsonObject &status, const QJsonObject &condition)
{
    const QString type = condition.value(QStringLiteral("type")).toString();
    QJsonArray conditions = status.value(kConditions).toArray();
    bool replaced = false;
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        if (conditions.at(i).toObject().value(QStringLiteral("type")).toString() == type) {
            conditions.replace(i, condition);
            replaced = true;
            break;
        }
    }
    if (!replaced) {
        conditions.append(condition);
    }
    status.insert(kConditions, conditions);
}

void removeCondition(QJsonObject &status, const QString &type)
{
    QJsonArray conditions = status.value(kConditions).toArray();
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        if (conditions.at(i).toObject().value(QStringLiteral("type")).toString() == type) {
            conditions.removeAt(i);
            status.insert(kConditions, conditions);
            return;
        }
    }
}

QJsonObject normalizedTemplate(const QJsonObject &podTemplate)
{
    QJsonObject copy = podTemplate;
    QJsonObject metadata = copy.value(kMetadata).toObject();
    QJsonObject labels = metadata.value(QStringLiteral("labels")).toObject();
    labels.remove(QStringLiteral("pod-template-hash"));
    metadata.insert(QStringLiteral("labels"), labels);
    metadata.remove(QStringLiteral("creationTimestamp"));
    copy.insert(kMetadata, metadata);
    return normalizedObject(copy);
}

bool templatesEqual(const QJsonObject &a, const QJsonObject &b)
{
    return normalizedTemplate(a) == normalizedTemplate(b);
}

QString templateHash(const QJsonObject &podTemplate, int collisionCount)
{
    QByteArray data = QJsonDocument(normalizedTemplate(podTemplate)).toJson(QJsonDocument::Compact);
    if (collisionCount > 0) {
        data += QByteArray::number(collisionCount);
    }
    quint32 hash = 2166136261u;
    for (const char c : std::as_const(data)) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    const QByteArray digits = QByteArray::number(hash);
    QString out;
    for (const char c : digits) {
        out.append(QLatin1Char(kSafeAlphabet[quint8(c) % (sizeof(kSafeAlphabet) - 1)]));
    }
    return out;
}

QString randomSuffix(int length)
{
    QString out;
    for (int i = 0; i < length; ++i) {
        out.append(QLatin1Char(kSafeAlphabet[QRandomGenerator::global()->bounded(int(sizeof(kSafeAlphabet) - 1))]));
    }
    return out;
}

QString randomHex(int length)
{
    QString out;
    out.reserve(length + 16);
    while (out.size() < length) {
        out += QStringLiteral("%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    }
    out.truncate(length);
    return out;
}

} // namespace Gantry::KubeSim::ObjectUtil
