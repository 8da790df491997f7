#include "app/kubesim/patch.h"

#include <QHash>
#include <QJsonValue>
#include <QStringList>

namespace Gantry::KubeSim {

namespace {

// Merge keys of the list fields kubectl patches (k8s.io/api patchMergeKey tags).
QString mergeKeyFor(const QString &field)
{
    static const QHash<QString, QString> keys = {
        {QStringLiteral("containers"), QStringLiteral("name")},
        {QStringLiteral("initContainers"), QStringLiteral("name")},
        {QStringLiteral("ephemeralContainers"), QStringLiteral("name")},
        {QStringLiteral("env"), QStringLiteral("name")},
        {QStringLiteral("volumes"), QStringLiteral("name")},
        {QStringLiteral("imagePullSecrets"), QStringLiteral("name")},
        {QStringLiteral("volumeMounts"), QStringLiteral("mountPath")},
        {QStringLiteral("volumeDevices"), QStringLiteral("devicePath")},
        {QStringLiteral("ports"), QStringLiteral("containerPort")},
        {QStringLiteral("conditions"), QStringLiteral("type")},
        {QStringLiteral("ownerReferences"), QStringLiteral("uid")},
        {QStringLiteral("hostAliases"), QStringLiteral("ip")},
        {QStringLiteral("topologySpreadConstraints"), QStringLiteral("topologyKey")},
    };
    return keys.value(field);
}

QJsonArray mergeList(const QJsonArray &target, const QJsonArray &patch, const QString &key)
{
    QJsonArray out = target;
    for (const QJsonValue &item : patch) {
        if (!item.isObject()) {
            continue;
        }
        QJsonObject element = item.toObject();
        const QJsonValue id = element.value(key);
        const QString directive = element.value(QStringLiteral("$patch")).toString();
        int found = -1;
        for (int i = 0; i < out.size(); ++i) {
            if (out.at(i).toObject().value(key) == id) {
                found = i;
                break;
            }
        }
        if (directive == QLatin1String("delete")) {
            if (found >= 0) {
                out.removeAt(found);
            }
            continue;
        }
        element.remove(QStringLiteral("$patch"));
        if (found >= 0) {
            out.replace(found, Patch::strategicMerge(out.at(found).toObject(), element));
        } else {
            out.append(Patch::strategicMerge(QJsonObject(), element));
        }
    }
    return out;
}

// Splits a JSON pointer into unescaped tokens; returns false when it does not start with '/'.
bool pointerTokens(const QString &pointer, QStringList *tokens)
{
    tokens->clear();
    if (pointer.isEmpty()) {
        return true;
    }
    if (!pointer.startsWith(QLatin1Char('/'))) {
        return false;
    }
    for (QString token : pointer.mid(1).split(QLatin1Char('/'))) {
        token.replace(QLatin1String("~1"), QLatin1String("/"));
        token.replace(QLatin1String("~0"), QLatin1String("~"));
        tokens->append(token);
    }
    return true;
}

enum class Action { Get, Add, Remove, Replace };

// Applies one action at tokens[index..] inside value. *result receives the value for Get/Remove.
bool apply(QJsonValue &value, const QStringList &tokens, int index, Action action, const QJsonValue &input,
           QJsonValue *result, QString *error)
{
    const QString &token = tokens.at(index);
    const bool last = index == tokens.size() - 1;
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        if (last) {
            switch (action) {
            case Action::Get:
                if (!object.contains(token)) {
                    *error = QStringLiteral("path not found: %1").arg(token);
                    return false;
                }
                *result = object.value(token);
                return true;
            case Action::Add:
                object.insert(token, input);
                break;
            case Action::Remove:
            case Action::Replace:
                if (!object.contains(token)) {
                    *error = QStringLiteral("unable to %1 nonexistent key: %2")
                                 .arg(action == Action::Remove ? QStringLiteral("remove") : QStringLiteral("replace"),
                                      token);
                    return false;
                }
                *result = object.value(token);
                if (action == Action::Remove) {
                    object.remove(token);
                } else {
                    object.insert(token, input);
                }
                break;
            }
            value = object;
            return true;
        }
        if (!object.contains(token)) {
            *error = QStringLiteral("path not found: %1").arg(token);
            return false;
        }
        QJsonValue child = object.value(token);
        if (!apply(child, tokens, index + 1, action, input, result, error)) {
            return false;
        }
        if (action != Action::Get) {
            object.insert(token, child);
            value = object;
        }
        return true;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        bool isNumber = false;
        int position = token.toInt(&isNumber);
        if (token == QLatin1String("-") && last && action == Action::Add) {
            position = array.size();
            isNumber = true;
        }
        const int limit = (last && action == Action::Add) ? array.size() : array.size() - 1;
        if (!isNumber || position < 0 || position > limit) {
            *error = QStringLiteral("array index out of range: %1").arg(token);
            return false;
        }
        if (last) {
            switch (action) {
            case Action::Get:
                *result = array.at(position);
                return true;
            case Action::Add:
                array.insert(position, input);
                break;
            case Action::Remove:
                *result = array.at(position);
                array.removeAt(position);
                break;
            case Action::Replace:
                *result = array.at(position);
                array.replace(position, input);
                break;
            }
            value = array;
            return true;
        }
        QJsonValue child = array.at(position);
        if (!apply(child, tokens, index + 1, action, input, result, error)) {
            return false;
        }
        if (action != Action::Get) {
            array.replace(position, child);
            value = array;
        }
        return true;
    }
    *error = QStringLiteral("path not found: %1").arg(token);
    return false;
}

bool run(QJsonObject *target, const QString &pointer, Action action, const QJsonValue &input, QJsonValue *result,
         QString *error)
{
    QStringList tokens;
    if (!pointerTokens(pointer, &tokens)) {
        *error = QStringLiteral("invalid JSON pointer \"%1\"").arg(pointer);
        return false;
    }
    if (tokens.isEmpty()) {
        if (action == Action::Get) {
            *result = *target;
            return true;
        }
        if (action == Action::Remove || !input.isObject()) {
            *error = QStringLiteral("cannot %1 the whole document")
                         .arg(action == Action::Remove ? QStringLiteral("remove") : QStringLiteral("replace"));
            return false;
        }
        *target = input.toObject();
        return true;
    }
    QJsonValue root = *target;
    if (!apply(root, tokens, 0, action, input, result, error)) {
        return false;
    }
    *target = root.toObject();
    return true;
}

} // namespace

QJsonObject Patch::merge(const QJsonObject &target, const QJsonObject &patch)
{
    QJsonObject out = target;
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        if (it.value().isNull()) {
            out.remove(it.key());
        } else if (it.value().isObject()) {
            out.insert(it.key(), merge(out.value(it.key()).toObject(), it.value().toObject()));
        } else {
            out.insert(it.key(), it.value());
        }
    }
    return out;
}

QJsonObject Patch::strategicMerge(const QJsonObject &target, const QJsonObject &patch)
{
    if (patch.value(QStringLiteral("$patch")).toString() == QLatin1String("replace")) {
        QJsonObject replacement = patch;
        replacement.remove(QStringLiteral("$patch"));
        return replacement;
    }
    QJsonObject out = target;
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        const QString &key = it.key();
        if (key.startsWith(QLatin1Char('$'))) {
            continue; // $setElementOrder/..., $retainKeys, $deleteFromPrimitiveList/...: order is kept as is
        }
        const QJsonValue &value = it.value();
        if (value.isNull()) {
            out.remove(key);
        } else if (value.isObject()) {
            if (value.toObject().value(QStringLiteral("$patch")).toString() == QLatin1String("delete")) {
                out.remove(key);
            } else {
                out.insert(key, strategicMerge(out.value(key).toObject(), value.toObject()));
            }
        } else if (value.isArray()) {
            const QString mergeKey = mergeKeyFor(key);
            if (!mergeKey.isEmpty()) {
                out.insert(key, mergeList(out.value(key).toArray(), value.toArray(), mergeKey));
            } else {
                out.insert(key, value);
            }
        } else {
            out.insert(key, value);
        }
    }
    // "$deleteFromPrimitiveList/finalizers": [...] removes those values from a list of strings.
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        if (it.key().startsWith(QLatin1String("$deleteFromPrimitiveList/"))) {
            const QString field = it.key().mid(25);
            QJsonArray list = out.value(field).toArray();
            for (const QJsonValue &doomed : it.value().toArray()) {
                for (int i = list.size() - 1; i >= 0; --i) {
                    if (list.at(i) == doomed) {
                        list.removeAt(i);
                    }
                }
            }
            out.insert(field, list);
        }
    }
    return out;
}

bool Patch::json(QJsonObject *target, const QJsonArray &operations, QString *error)
{
    for (const QJsonValue &item : operations) {
        const QJsonObject operation = item.toObject();
        const QString op = operation.value(QStringLiteral("op")).toString();
        const QString path = operation.value(QStringLiteral("path")).toString();
        const QJsonValue value = operation.value(QStringLiteral("value"));
        QJsonValue found;
        if (op == QLatin1String("add")) {
            if (!run(target, path, Action::Add, value, &found, error)) {
                return false;
            }
        } else if (op == QLatin1String("remove")) {
            if (!run(target, path, Action::Remove, value, &found, error)) {
                return false;
            }
        } else if (op == QLatin1String("replace")) {
            if (!run(target, path, Action::Replace, value, &found, error)) {
                return false;
            }
        } else if (op == QLatin1String("test")) {
            if (!run(target, path, Action::Get, value, &found, error)) {
                return false;
            }
            if (found != value) {
                *error = QStringLiteral("testing value %1 failed").arg(path);
                return false;
            }
        } else if (op == QLatin1String("move") || op == QLatin1String("copy")) {
            const QString from = operation.value(QStringLiteral("from")).toString();
            if (!run(target, from, op == QLatin1String("move") ? Action::Remove : Action::Get, value, &found, error)) {
                return false;
            }
            if (!run(target, path, Action::Add, found, &found, error)) {
                return false;
            }
        } else {
            *error = QStringLiteral("Unexpected kind: %1").arg(op);
            return false;
        }
    }
    return true;
}

} // namespace Gantry::KubeSim
