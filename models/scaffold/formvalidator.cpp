#include "models/scaffold/formvalidator.h"

#include "models/catalog/entityref.h"
#include "models/catalog/validator.h"
#include "models/scaffold/expression.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcFormValidator, "gantry.scaffold.formvalidator")

namespace Gantry::Scaffold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Scaffold::FormValidator", text);
}

constexpr qsizetype kMaxValueLength = 64 * 1024; // no form value is larger; a huge paste is refused
constexpr int kMaxItems = 1000;

bool isEmptyValue(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()) ||
           (v.isArray() && v.toArray().isEmpty());
}

QString label(const FormField &field)
{
    return field.displayTitle();
}

// Kinds whose names a new service must not reuse.
const QStringList &nameKinds()
{
    static const QStringList kinds = {QStringLiteral("component"), QStringLiteral("api"), QStringLiteral("resource"),
                                      QStringLiteral("system")};
    return kinds;
}

QStringList allowedKindsOf(const FormField &field)
{
    QStringList kinds = field.pickerOptions.allowedKinds;
    if (kinds.isEmpty() && field.picker == PickerKind::OwnerPicker) {
        kinds = {QStringLiteral("Group"), QStringLiteral("User")};
    }
    for (QString &k : kinds) {
        k = k.toLower();
    }
    return kinds;
}

QString defaultKindOf(const FormField &field)
{
    if (!field.pickerOptions.defaultKind.isEmpty()) {
        return field.pickerOptions.defaultKind;
    }
    if (field.picker == PickerKind::OwnerPicker) {
        return QStringLiteral("group");
    }
    const QStringList kinds = allowedKindsOf(field);
    return kinds.size() == 1 ? kinds.first() : QStringLiteral("component");
}

QString namespaceOf(const FormField &field)
{
    return field.pickerOptions.defaultNamespace.isEmpty() ? QStringLiteral("default")
                                                          : field.pickerOptions.defaultNamespace;
}

bool valueMatches(const QJsonValue &filterValue, const QStringList &actual)
{
    QStringList wanted;
    if (filterValue.isArray()) {
        for (const QJsonValue &v : filterValue.toArray()) {
            wanted << Expression::toText(v).toLower();
        }
    } else {
        wanted << Expression::toText(filterValue).toLower();
    }
    return std::any_of(actual.begin(), actual.end(), [&](const QString &a) { return wanted.contains(a.toLower()); });
}

bool matchesFilter(const Catalog::Entity &e, const QJsonObject &filter)
{
    for (auto it = filter.begin(); it != filter.end(); ++it) {
        const QString key = it.key();
        QStringList actual;
        if (key == QLatin1String("kind")) {
            actual << e.kind;
        } else if (key == QLatin1String("spec.type")) {
            actual << e.specType;
        } else if (key == QLatin1String("spec.lifecycle")) {
            actual << e.lifecycle;
        } else if (key == QLatin1String("metadata.namespace")) {
            actual << e.nameSpace;
        } else if (key == QLatin1String("metadata.name")) {
            actual << e.name;
        } else if (key == QLatin1String("metadata.tags")) {
            actual = e.tags;
        } else if (key == QLatin1String("spec.owner")) {
            actual << e.owner << e.owner.section(QLatin1Char('/'), -1);
        } else if (key == QLatin1String("spec.system")) {
            actual << e.system << e.system.section(QLatin1Char('/'), -1);
        } else {
            return false;
        }
        if (!valueMatches(it.value(), actual)) {
            return false;
        }
    }
    return true;
}

bool entityAllowed(const FormField &field, const Catalog::Entity &e)
{
    const QJsonArray &filters = field.pickerOptions.catalogFilter;
    if (!filters.isEmpty()) {
        return std::any_of(filters.begin(), filters.end(),
                           [&](const QJsonValue &f) { return matchesFilter(e, f.toObject()); });
    }
    const QStringList kinds = allowedKindsOf(field);
    return kinds.isEmpty() || kinds.contains(e.kind.toLower());
}

QString validateEntityRef(const FormField &field, const QString &text, const Catalog::Catalog *catalog)
{
    QString error;
    const QString canonical = Catalog::EntityRef::canonical(text, defaultKindOf(field), namespaceOf(field), &error);
    if (canonical.isEmpty()) {
        return tr("%1: \"%2\" is not an entity reference (%3); write kind:namespace/name or just the name")
            .arg(label(field), text.left(100), error);
    }
    if (!catalog) {
        return {};
    }
    const Catalog::Entity *e = catalog->entity(canonical);
    if (!e) {
        if (!field.pickerOptions.allowArbitraryValues) {
            return tr("%1: \"%2\" is not in the catalog; pick one of the suggestions")
                .arg(label(field), text.left(100));
        }
        return {};
    }
    if (!entityAllowed(field, *e)) {
        const QStringList kinds = field.pickerOptions.allowedKinds;
        return tr("%1: \"%2\" is a %3; choose %4")
            .arg(label(field), text.left(100), e->kind,
                 kinds.isEmpty() ? tr("an entity that matches the filter") : kinds.join(QStringLiteral(" or ")));
    }
    return {};
}

QString validateScalar(const FormField &field, FieldType type, const QJsonValue &value, const QJsonArray &enumValues,
                       const QStringList &enumLabels)
{
    switch (type) {
    case FieldType::String:
        if (!value.isString()) {
            return tr("%1 must be text").arg(label(field));
        }
        break;
    case FieldType::Number:
    case FieldType::Integer:
        if (!value.isDouble() || !std::isfinite(value.toDouble())) {
            return tr("%1 must be a number").arg(label(field));
        }
        if (type == FieldType::Integer && value.toDouble() != std::floor(value.toDouble())) {
            return tr("%1 must be a whole number").arg(label(field));
        }
        break;
    case FieldType::Boolean:
        if (!value.isBool()) {
            return tr("%1 must be true or false").arg(label(field));
        }
        break;
    default:
        break;
    }
    if (!enumValues.isEmpty() && !enumValues.contains(value)) {
        return tr("%1 must be one of: %2").arg(label(field), enumLabels.join(QStringLiteral(", ")));
    }
    return {};
}

} // namespace

QString FormValidator::validate(const FormField &field, const QJsonValue &value, const Catalog::Catalog *catalog)
{
    if (isEmptyValue(value)) {
        if (field.required && !(field.type == FieldType::Boolean && value.isBool())) {
            return tr("%1 is required").arg(label(field));
        }
        if (!(value.isArray() && field.minItems > 0)) {
            return {};
        }
    }
    switch (field.type) {
    case FieldType::String: {
        if (QString e = validateScalar(field, field.type, value, field.enumValues, field.enumLabels); !e.isEmpty()) {
            return e;
        }
        const QString text = value.toString();
        if (text.size() > kMaxValueLength) {
            return tr("%1 is longer than %2 characters").arg(label(field)).arg(kMaxValueLength);
        }
        if (text.contains(QChar(0))) {
            return tr("%1 contains a NUL character").arg(label(field));
        }
        if (field.minLength >= 0 && text.size() < field.minLength) {
            return tr("%1 needs at least %2 characters").arg(label(field)).arg(field.minLength);
        }
        if (field.maxLength >= 0 && text.size() > field.maxLength) {
            return tr("%1 may have at most %2 characters").arg(label(field)).arg(field.maxLength);
        }
        if (!field.pattern.isEmpty()) {
            const QRegularExpression re(field.pattern);
            if (re.isValid() && !re.match(text).hasMatch()) {
                return tr("%1 must match the pattern %2").arg(label(field), field.pattern);
            }
        }
        const bool isName = field.picker == PickerKind::EntityNamePicker ||
                            (field.key == QLatin1String("name") && field.picker == PickerKind::None);
        if (isName) {
            if (!Catalog::Validator::isValidObjectName(text)) {
                return tr("%1: \"%2\" is not a valid entity name: use 1-63 letters, digits, \"-\", \"_\" or \".\", "
                          "starting and ending with a letter or digit")
                    .arg(label(field), text.left(100));
            }
            if (catalog) {
                for (const QString &kind : nameKinds()) {
                    if (const Catalog::Entity *e = catalog->find(text, kind); e && e->kind.toLower() == kind) {
                        return tr("%1: the name \"%2\" is already taken in the catalog by %3; choose another name")
                            .arg(label(field), text, e->ref);
                    }
                }
            }
        }
        if (field.picker == PickerKind::OwnerPicker || field.picker == PickerKind::EntityPicker) {
            return validateEntityRef(field, text, catalog);
        }
        if (field.picker == PickerKind::RepoUrlPicker) {
            QString error;
            const QJsonValue spec = Expression::renderString(QStringLiteral("${{ value | parseRepoUrl }}"),
                                                             QJsonObject{{QStringLiteral("value"), text}}, &error);
            if (!error.isEmpty()) {
                return tr("%1: %2").arg(label(field), error);
            }
            const QJsonObject o = spec.toObject();
            const PickerOptions &opt = field.pickerOptions;
            auto check = [&](const QStringList &allowed, const char *key, const QString &what) -> QString {
                const QString v = o.value(QLatin1String(key)).toString();
                if (!allowed.isEmpty() && !allowed.contains(v)) {
                    return tr("%1: the %2 \"%3\" is not allowed; use %4")
                        .arg(label(field), what, v, allowed.join(QStringLiteral(", ")));
                }
                return {};
            };
            for (const QString &e :
                 {check(opt.allowedHosts, "host", tr("host")), check(opt.allowedOwners, "owner", tr("owner")),
                  check(opt.allowedOrganizations, "organization", tr("organization")),
                  check(opt.allowedProjects, "project", tr("project")),
                  check(opt.allowedRepos, "repo", tr("repository"))}) {
                if (!e.isEmpty()) {
                    return e;
                }
            }
        }
        return {};
    }
    case FieldType::Number:
    case FieldType::Integer: {
        if (QString e = validateScalar(field, field.type, value, field.enumValues, field.enumLabels); !e.isEmpty()) {
            return e;
        }
        const double d = value.toDouble();
        if (field.minimum && d < *field.minimum) {
            return tr("%1 must be at least %2").arg(label(field), Expression::toText(*field.minimum));
        }
        if (field.maximum && d > *field.maximum) {
            return tr("%1 must be at most %2").arg(label(field), Expression::toText(*field.maximum));
        }
        return {};
    }
    case FieldType::Boolean:
        return validateScalar(field, field.type, value, field.enumValues, field.enumLabels);
    case FieldType::Array: {
        if (!value.isArray()) {
            return tr("%1 must be a list").arg(label(field));
        }
        const QJsonArray items = value.toArray();
        if (items.size() > kMaxItems) {
            return tr("%1 has more than %2 items").arg(label(field)).arg(kMaxItems);
        }
        if (field.minItems >= 0 && items.size() < field.minItems) {
            return tr("%1 needs at least %2 items").arg(label(field)).arg(field.minItems);
        }
        if (field.maxItems >= 0 && items.size() > field.maxItems) {
            return tr("%1 may have at most %2 items").arg(label(field)).arg(field.maxItems);
        }
        QSet<QString> seen;
        for (const QJsonValue &item : items) {
            if (QString e = validateScalar(field, field.itemType, item, field.itemEnumValues, field.itemEnumLabels);
                !e.isEmpty()) {
                return e;
            }
            const QString text = Expression::toText(item);
            if (text.size() > kMaxValueLength) {
                return tr("%1 has an item longer than %2 characters").arg(label(field)).arg(kMaxValueLength);
            }
            if (field.uniqueItems && seen.contains(text)) {
                return tr("%1 lists \"%2\" twice").arg(label(field), text.left(100));
            }
            seen.insert(text);
            if (field.picker == PickerKind::EntityPicker) {
                if (QString e = validateEntityRef(field, text, catalog); !e.isEmpty()) {
                    return e;
                }
            }
            if (field.picker == PickerKind::EntityTagsPicker && !Catalog::Validator::isValidTag(text)) {
                return tr("%1: \"%2\" is not a valid tag: use lower-case letters, digits and \"-\" (at most 63)")
                    .arg(label(field), text.left(100));
            }
        }
        return {};
    }
    case FieldType::Object: {
        if (!value.isObject()) {
            return tr("%1 must be an object").arg(label(field));
        }
        const QJsonObject object = value.toObject();
        for (const FormField &child : field.children) {
            if (QString e = validate(child, object.value(child.key), catalog); !e.isEmpty()) {
                return e;
            }
        }
        return {};
    }
    }
    return {};
}

QHash<QString, QString> FormValidator::validatePage(const FormPage &page, const QJsonObject &values,
                                                    const Catalog::Catalog *catalog)
{
    QHash<QString, QString> errors;
    for (const FormField &field : page.fields) {
        if (!FormDescription::isActive(field, values)) {
            continue;
        }
        const QString e = validate(field, values.value(field.key), catalog);
        if (!e.isEmpty() && !errors.contains(field.key)) {
            errors.insert(field.key, e);
        }
    }
    return errors;
}

QHash<QString, QString> FormValidator::validateAll(const FormDescription &form, const QJsonObject &values,
                                                   const Catalog::Catalog *catalog)
{
    QHash<QString, QString> errors;
    for (const FormPage &page : form.pages) {
        const auto pageErrors = validatePage(page, values, catalog);
        for (auto it = pageErrors.begin(); it != pageErrors.end(); ++it) {
            errors.insert(it.key(), it.value());
        }
    }
    QStringList unknown;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!form.field(it.key())) {
            unknown << it.key();
        }
    }
    if (!unknown.isEmpty()) {
        QStringList known;
        for (const FormField *f : form.allFields()) {
            known << f->key;
        }
        errors.insert(QString(), tr("unknown parameter(s) %1; this template takes: %2")
                                     .arg(unknown.join(QStringLiteral(", ")), known.join(QStringLiteral(", "))));
    }
    return errors;
}

std::vector<PickerChoice> FormValidator::pickerChoices(const FormField &field, const Catalog::Catalog *catalog)
{
    std::vector<PickerChoice> choices;
    switch (field.picker) {
    case PickerKind::OwnerPicker:
    case PickerKind::EntityPicker:
        if (!catalog) {
            break;
        }
        for (const Catalog::Entity &e : catalog->entities()) {
            if (!entityAllowed(field, e)) {
                continue;
            }
            PickerChoice c;
            c.value = e.ref;
            const QString shortRef =
                e.nameSpace == QLatin1String("default") ? e.kind.toLower() + QLatin1Char(':') + e.name : e.ref;
            c.label = e.title.isEmpty() ? shortRef : tr("%1 (%2)").arg(e.title, shortRef);
            c.description = e.description;
            choices.push_back(c);
        }
        break;
    case PickerKind::EntityTagsPicker: {
        if (!catalog) {
            break;
        }
        QSet<QString> tags;
        QStringList kinds = field.pickerOptions.kinds;
        for (QString &k : kinds) {
            k = k.toLower();
        }
        for (const Catalog::Entity &e : catalog->entities()) {
            if (kinds.isEmpty() || kinds.contains(e.kind.toLower())) {
                for (const QString &t : e.tags) {
                    tags.insert(t);
                }
            }
        }
        for (const QString &t : tags) {
            choices.push_back({t, t, {}});
        }
        break;
    }
    case PickerKind::RepoUrlPicker:
        for (const QString &host : field.pickerOptions.allowedHosts) {
            choices.push_back({host, host, {}});
        }
        break;
    case PickerKind::EntityNamePicker:
    case PickerKind::None:
        for (qsizetype i = 0; i < field.enumValues.size(); ++i) {
            choices.push_back({Expression::toText(field.enumValues.at(i)), field.enumLabels.value(i), {}});
        }
        break;
    }
    std::sort(choices.begin(), choices.end(), [](const PickerChoice &a, const PickerChoice &b) {
        return QString::compare(a.label, b.label, Qt::CaseInsensitive) < 0;
    });
    return choices;
}

QString FormValidator::normalizeEntityRef(const FormField &field, const QString &text)
{
    const QString canonical = Catalog::EntityRef::canonical(text.trimmed(), defaultKindOf(field), namespaceOf(field));
    return canonical.isEmpty() ? text : canonical;
}

} // namespace Gantry::Scaffold
