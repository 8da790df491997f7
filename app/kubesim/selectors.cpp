#include "app/kubesim/selectors.h"

#include <QJsonArray>
#include <QJsonValue>

namespace Gantry::KubeSim {

namespace {

// Splits on commas that are not inside parentheses.
QStringList splitTerms(const QString &text)
{
    QStringList terms;
    int depth = 0;
    QString current;
    for (const QChar c : text) {
        if (c == QLatin1Char('(')) {
            ++depth;
        } else if (c == QLatin1Char(')')) {
            --depth;
        }
        if (c == QLatin1Char(',') && depth == 0) {
            terms.append(current.trimmed());
            current.clear();
        } else {
            current.append(c);
        }
    }
    terms.append(current.trimmed());
    return terms;
}

bool validKey(const QString &key)
{
    if (key.isEmpty()) {
        return false;
    }
    for (const QChar c : key) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.') ||
              c == QLatin1Char('/'))) {
            return false;
        }
    }
    return true;
}

QString fieldValue(const QJsonObject &object, const QString &path, bool *present)
{
    const QStringList parts = path.split(QLatin1Char('.'));
    QJsonValue value = object;
    for (const QString &part : parts) {
        if (!value.isObject() || !value.toObject().contains(part)) {
            *present = false;
            return QString();
        }
        value = value.toObject().value(part);
    }
    *present = true;
    if (value.isString()) {
        return value.toString();
    }
    if (value.isDouble()) {
        return QString::number(value.toInteger());
    }
    if (value.isBool()) {
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    }
    return QString();
}

} // namespace

bool Selector::parseLabels(const QString &text, Selector *out, QString *error)
{
    out->m_fields = false;
    out->m_requirements.clear();
    if (text.trimmed().isEmpty()) {
        return true;
    }
    for (const QString &term : splitTerms(text)) {
        Requirement requirement;
        if (term.isEmpty()) {
            *error = QStringLiteral("unable to parse requirement: found '', expected: identifier");
            return false;
        }
        const int paren = term.indexOf(QLatin1Char('('));
        if (paren > 0) {
            const QString head = term.left(paren).trimmed();
            if (!term.endsWith(QLatin1Char(')'))) {
                *error = QStringLiteral("unable to parse requirement: found '%1', expected: ')'").arg(term);
                return false;
            }
            const int space = head.lastIndexOf(QLatin1Char(' '));
            const QString key = head.left(space).trimmed();
            const QString op = head.mid(space + 1).trimmed();
            if (space < 0 || !validKey(key) || (op != QLatin1String("in") && op != QLatin1String("notin"))) {
                *error = QStringLiteral("unable to parse requirement: '%1': expected 'KEY in (V,...)' or 'KEY notin "
                                        "(V,...)'")
                             .arg(term);
                return false;
            }
            requirement.key = key;
            requirement.op = op == QLatin1String("in") ? Op::In : Op::NotIn;
            const QString inner = term.mid(paren + 1, term.size() - paren - 2);
            for (const QString &value : inner.split(QLatin1Char(','))) {
                requirement.values.append(value.trimmed());
            }
        } else if (term.startsWith(QLatin1Char('!')) && !term.contains(QLatin1Char('='))) {
            requirement.key = term.mid(1).trimmed();
            requirement.op = Op::DoesNotExist;
        } else if (term.contains(QLatin1String("!="))) {
            const int at = term.indexOf(QLatin1String("!="));
            requirement.key = term.left(at).trimmed();
            requirement.op = Op::NotEquals;
            requirement.values = {term.mid(at + 2).trimmed()};
        } else if (term.contains(QLatin1Char('='))) {
            const int at = term.indexOf(QLatin1Char('='));
            const int skip = term.mid(at, 2) == QLatin1String("==") ? 2 : 1;
            requirement.key = term.left(at).trimmed();
            requirement.op = Op::Equals;
            requirement.values = {term.mid(at + skip).trimmed()};
        } else {
            requirement.key = term;
            requirement.op = Op::Exists;
        }
        if (!validKey(requirement.key)) {
            *error = QStringLiteral("unable to parse requirement: invalid label key \"%1\"").arg(requirement.key);
            return false;
        }
        out->m_requirements.append(requirement);
    }
    return true;
}

bool Selector::parseFields(const QString &text, Selector *out, QString *error)
{
    out->m_fields = true;
    out->m_requirements.clear();
    if (text.trimmed().isEmpty()) {
        return true;
    }
    for (const QString &term : text.split(QLatin1Char(','))) {
        Requirement requirement;
        int at = term.indexOf(QLatin1String("!="));
        if (at >= 0) {
            requirement.op = Op::NotEquals;
            requirement.values = {term.mid(at + 2).trimmed()};
        } else {
            at = term.indexOf(QLatin1Char('='));
            if (at < 0) {
                *error = QStringLiteral("invalid selector: '%1'; can't understand '%2'").arg(text, term);
                return false;
            }
            const int skip = term.mid(at, 2) == QLatin1String("==") ? 2 : 1;
            requirement.op = Op::Equals;
            requirement.values = {term.mid(at + skip).trimmed()};
        }
        requirement.key = term.left(at).trimmed();
        if (!validKey(requirement.key)) {
            *error = QStringLiteral("invalid selector: '%1'; can't understand '%2'").arg(text, term);
            return false;
        }
        out->m_requirements.append(requirement);
    }
    return true;
}

Selector Selector::fromLabelSelector(const QJsonObject &selector)
{
    Selector out;
    const QJsonObject matchLabels = selector.value(QStringLiteral("matchLabels")).toObject();
    for (auto it = matchLabels.constBegin(); it != matchLabels.constEnd(); ++it) {
        out.m_requirements.append({it.key(), Op::Equals, {it.value().toString()}});
    }
    for (const QJsonValue &value : selector.value(QStringLiteral("matchExpressions")).toArray()) {
        const QJsonObject expression = value.toObject();
        Requirement requirement;
        requirement.key = expression.value(QStringLiteral("key")).toString();
        const QString op = expression.value(QStringLiteral("operator")).toString();
        requirement.op = op == QLatin1String("NotIn")          ? Op::NotIn
                         : op == QLatin1String("Exists")       ? Op::Exists
                         : op == QLatin1String("DoesNotExist") ? Op::DoesNotExist
                                                               : Op::In;
        for (const QJsonValue &item : expression.value(QStringLiteral("values")).toArray()) {
            requirement.values.append(item.toString());
        }
        out.m_requirements.append(requirement);
    }
    return out;
}

bool Selector::matches(const QJsonObject &object) const
{
    const QJsonObject labels =
        m_fields ? QJsonObject()
                 : object.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("labels")).toObject();
    for (const Requirement &requirement : m_requirements) {
        bool present = false;
        QString value;
        if (m_fields) {
            value = fieldValue(object, requirement.key, &present);
        } else {
            present = labels.contains(requirement.key);
            value = labels.value(requirement.key).toString();
        }
        switch (requirement.op) {
        case Op::Equals:
            if (value != requirement.values.value(0)) {
                return false;
            }
            break;
        case Op::NotEquals:
            if (present && value == requirement.values.value(0)) {
                return false;
            }
            break;
        case Op::In:
            if (!present || !requirement.values.contains(value)) {
                return false;
            }
            break;
        case Op::NotIn:
            if (present && requirement.values.contains(value)) {
                return false;
            }
            break;
        case Op::Exists:
            if (!present) {
                return false;
            }
            break;
        case Op::DoesNotExist:
            if (present) {
                return false;
            }
            break;
        }
    }
    return true;
}

QString Selector::toString() const
{
    QStringList terms;
    for (const Requirement &requirement : m_requirements) {
        switch (requirement.op) {
        case Op::Equals:
            terms.append(requirement.key + QLatin1Char('=') + requirement.values.value(0));
            break;
        case Op::NotEquals:
            terms.append(requirement.key + QLatin1String("!=") + requirement.values.value(0));
            break;
        case Op::In:
            terms.append(requirement.key + QLatin1String(" in (") + requirement.values.join(QLatin1Char(',')) +
                         QLatin1Char(')'));
            break;
        case Op::NotIn:
            terms.append(requirement.key + QLatin1String(" notin (") + requirement.values.join(QLatin1Char(',')) +
                         QLatin1Char(')'));
            break;
        case Op::Exists:
            terms.append(requirement.key);
            break;
        case Op::DoesNotExist:
            terms.append(QLatin1Char('!') + requirement.key);
            break;
        }
    }
    return terms.join(QLatin1Char(','));
}

QString Selector::equalsValue(const QString &key) const
{
    for (const Requirement &requirement : m_requirements) {
        if (requirement.key == key && requirement.op == Op::Equals) {
            return requirement.values.value(0);
        }
    }
    return QString();
}

} // namespace Gantry::KubeSim
