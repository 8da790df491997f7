#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Gantry::KubeSim {

// A parsed label selector ("app=x,tier in (a,b),!canary") or field selector
// ("metadata.name=x,involvedObject.kind=Deployment"). Requirements are ANDed.
class Selector final
{
public:
    enum class Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };
    struct Requirement
    {
        QString key;
        Op op = Op::Equals;
        QStringList values;
    };

    // Label selector syntax: k=v, k==v, k!=v, k in (a,b), k notin (a,b), k, !k.
    // Returns false and sets *error (an API-style message) on bad syntax.
    static bool parseLabels(const QString &text, Selector *out, QString *error);
    // Field selector syntax: k=v, k==v, k!=v; keys are dotted paths into the object.
    static bool parseFields(const QString &text, Selector *out, QString *error);
    // A metav1.LabelSelector object ({matchLabels, matchExpressions}).
    static Selector fromLabelSelector(const QJsonObject &selector);

    bool isEmpty() const { return m_requirements.isEmpty(); }
    const QList<Requirement> &requirements() const { return m_requirements; }
    // Labels: matches metadata.labels of object. Fields: matches the dotted paths of object.
    bool matches(const QJsonObject &object) const;
    // The rendering kubectl uses (e.g. "app=x,tier in (a,b)").
    QString toString() const;
    // The value an Equals requirement on key asks for, or a null string.
    QString equalsValue(const QString &key) const;

private:
    bool m_fields = false;
    QList<Requirement> m_requirements;
};

} // namespace Gantry::KubeSim
