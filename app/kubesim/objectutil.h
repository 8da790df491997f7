#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Gantry::KubeSim::ObjectUtil {

// Small helpers over Kubernetes objects held as JSON, shared by the simulator's controllers.

QString name(const QJsonObject &object);
QString nameSpace(const QJsonObject &object);
QString uid(const QJsonObject &object);
QJsonObject labels(const QJsonObject &object);
QString annotation(const QJsonObject &object, const QString &key);
void setAnnotation(QJsonObject &object, const QString &key, const QString &value);
void removeAnnotation(QJsonObject &object, const QString &key);
bool isTerminating(const QJsonObject &object);

// The ownerReference with controller: true, or an empty object.
QJsonObject controllerRef(const QJsonObject &object);
bool isControlledBy(const QJsonObject &object, const QString &ownerUid);
QJsonObject makeControllerRef(const QJsonObject &owner);

// Reads a nested integer such as spec.replicas; missing means fallback.
int intAt(const QJsonObject &object, const QString &section, const QString &key, int fallback = 0);

// A condition of status.conditions by type, or an empty object.
QJsonObject condition(const QJsonObject &status, const QString &type);
// Replaces (or appends) the condition of the same type.
void putCondition(QJsonObject &status, const QJsonObject &condition);
void removeCondition(QJsonObject &status, const QString &type);

// A pod template compared the way the deployment controller compares them: without the
// pod-template-hash label, and with null or empty values (creationTimestamp: null, resources: {})
// treated as absent.
QJsonObject normalizedTemplate(const QJsonObject &podTemplate);
bool templatesEqual(const QJsonObject &a, const QJsonObject &b);
// The pod-template-hash label value the real controller would compute style-wise: FNV-32a of the
// template (and collision count), spelled with the API server's "safe" alphabet.
QString templateHash(const QJsonObject &podTemplate, int collisionCount);

// Lower-case letters and digits without vowels, as generateName uses.
QString randomSuffix(int length);
QString randomHex(int length);

} // namespace Gantry::KubeSim::ObjectUtil
