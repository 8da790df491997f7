#pragma once

#include "models/catalog/problem.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Gantry::Catalog {
class YamlNode;
}

namespace Gantry::Scaffold {

// What a template's `spec.parameters` asks for, as plain data a form (the wizard) or a command line
// (`--set KEY=VALUE`) can be generated from. Built from the JSON Schema + inline uiSchema of a
// Backstage v1beta3 template; whatever it cannot represent is reported at load time with file:line.

enum class FieldType { String, Number, Integer, Boolean, Array, Object };

enum class FieldWidget {
    Default,    // line edit / spin box / check box / list, chosen by type
    TextArea,   // ui:widget: textarea (ui:options.rows)
    Password,   // ui:widget: password (never shown on review, never logged)
    Radio,      // ui:widget: radio (enum)
    Select,     // ui:widget: select (enum), also the default for enums
    Checkboxes, // ui:widget: checkboxes (array of enum items)
};

enum class PickerKind {
    None,
    OwnerPicker,      // a Group or User ref from the catalog
    EntityPicker,     // an entity ref filtered by kind/catalogFilter (array type: several)
    EntityNamePicker, // a new entity name: validated by the entity-name rule and "not already taken"
    EntityTagsPicker, // tags (array of strings), suggested from the catalog's tags
    RepoUrlPicker,    // "host?owner=o&repo=r" (Backstage's value shape), hosts from allowedHosts
};

// ui:options of a picker (Backstage's names).
struct PickerOptions
{
    QStringList allowedKinds; // from allowedKinds or catalogFilter[].kind; "Group", "System", ...
    // catalogFilter entries: each object is {field: value or [values]}; any entry may match.
    QJsonArray catalogFilter;
    QString defaultKind;      // for refs written without a kind
    QString defaultNamespace; // empty = "default"
    bool allowArbitraryValues = true;
    // RepoUrlPicker
    QStringList allowedHosts;
    QStringList allowedOwners;
    QStringList allowedOrganizations;
    QStringList allowedProjects;
    QStringList allowedRepos;
    // EntityTagsPicker: suggest only these kinds' tags (kinds option)
    QStringList kinds;
};

// Shows a field only while another field has one of some values (JSON Schema `dependencies` with
// `oneOf`), or while another field is set at all (schema dependency without `oneOf`).
struct FieldCondition
{
    QString field;     // the controlling field's key; empty = always shown
    QJsonArray values; // matching values; empty = "any value that is not empty/false"
    bool isSet() const { return !field.isEmpty(); }
};

struct FormField
{
    QString key; // the parameter name: values[key]
    FieldType type = FieldType::String;
    QString title; // falls back to key
    QString description;
    QJsonValue defaultValue{QJsonValue::Undefined}; // Undefined when none
    bool required = false;
    // enum / enumNames (labels; same length as enumValues, falls back to the values as text)
    QJsonArray enumValues;
    QStringList enumLabels;
    // constraints (JSON Schema)
    QString pattern; // regular expression; as in JSON Schema, it must match somewhere in the value
    int minLength = -1;
    int maxLength = -1;
    std::optional<double> minimum;
    std::optional<double> maximum;
    // arrays
    FieldType itemType = FieldType::String;
    QJsonArray itemEnumValues;
    QStringList itemEnumLabels;
    int minItems = -1;
    int maxItems = -1;
    bool uniqueItems = false;
    // uiSchema
    FieldWidget widget = FieldWidget::Default;
    QString help;        // ui:help
    QString placeholder; // ui:placeholder
    bool autofocus = false;
    int rows = 0;                // ui:options.rows for textarea
    bool hiddenOnReview = false; // ui:backstage.review.show: false (and passwords)
    PickerKind picker = PickerKind::None;
    PickerOptions pickerOptions;
    // nested object (type: object with properties): its fields, keys relative to this one
    std::vector<FormField> children;
    FieldCondition condition;
    Catalog::SourceLocation location; // where the property is declared

    QString displayTitle() const { return title.isEmpty() ? key : title; }
    bool isMultiple() const { return type == FieldType::Array; }
};

struct FormPage
{
    QString title;
    QString description;
    std::vector<FormField> fields;
    Catalog::SourceLocation location;
};

class FormDescription final
{
public:
    std::vector<FormPage> pages;

    // Reads `spec.parameters` (one schema object or a list of pages). Unsupported keywords,
    // widgets and ui:fields become problems (file:line:col) appended to `problems`.
    static FormDescription fromParameters(const Catalog::YamlNode &parameters, const QString &file,
                                          std::vector<Catalog::Problem> *problems);

    // The field with `key` on any page (top-level keys), or nullptr.
    const FormField *field(const QString &key) const;
    // Every field of every page, in order.
    std::vector<const FormField *> allFields() const;
    // {key: default} for every field with a default (booleans without one default to false).
    QJsonObject defaults() const;
    // Whether `field` applies given the current values (its condition holds).
    static bool isActive(const FormField &field, const QJsonObject &values);
    // Converts text typed on a command line ("--set replicas=3", "tags=a,b") into the field's
    // JSON type. Returns Undefined and sets *error when it cannot.
    static QJsonValue valueFromText(const FormField &field, const QString &text, QString *error);
};

} // namespace Gantry::Scaffold
