#include "models/scaffold/formdescription.h"

#include "models/catalog/yamltree.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcFormDescription, "gantry.scaffold.formdescription")

namespace Gantry::Scaffold {

using Catalog::Problem;
using Catalog::YamlNode;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Scaffold::FormDescription", text);
}

const QStringList &supportedFields()
{
    static const QStringList fields = {QStringLiteral("OwnerPicker"), QStringLiteral("EntityPicker"),
                                       QStringLiteral("EntityNamePicker"), QStringLiteral("EntityTagsPicker"),
                                       QStringLiteral("RepoUrlPicker")};
    return fields;
}

class Reader
{
public:
    Reader(const QString &file, std::vector<Problem> *problems)
        : m_file(file)
        , m_problems(problems)
    {}

    void report(const YamlNode &node, const QString &message, Problem::Severity severity = Problem::Severity::Error)
    {
        if (!m_problems) {
            return;
        }
        Problem p;
        p.severity = severity;
        p.location = {m_file, node.isValid() ? node.line() : 0, node.isValid() ? node.column() : 0};
        p.message = message;
        m_problems->push_back(p);
    }
    void warn(const YamlNode &node, const QString &message) { report(node, message, Problem::Severity::Warning); }

    static QStringList stringList(const YamlNode &node)
    {
        QStringList list;
        if (node.isScalar()) {
            list << node.scalar();
        }
        node.forEachItem([&list](YamlNode item) {
            if (item.isScalar()) {
                list << item.scalar();
            }
        });
        return list;
    }

    static std::optional<FieldType> typeFromName(const QString &name)
    {
        if (name == QLatin1String("string")) {
            return FieldType::String;
        }
        if (name == QLatin1String("number")) {
            return FieldType::Number;
        }
        if (name == QLatin1String("integer")) {
            return FieldType::Integer;
        }
        if (name == QLatin1String("boolean")) {
            return FieldType::Boolean;
        }
        if (name == QLatin1String("array")) {
            return FieldType::Array;
        }
        if (name == QLatin1String("object")) {
            return FieldType::Object;
        }
        return std::nullopt;
    }

    int intValue(const YamlNode &node, const char *key)
    {
        double d = 0;
        if (!node.isScalar() || !Catalog::yamlPlainIsNumber(node.scalarUtf8(), &d) || d < 0 || d != std::floor(d)) {
            report(node, tr("\"%1\" must be a whole number >= 0").arg(QLatin1String(key)));
            return -1;
        }
        return int(std::min(d, 1e9));
    }

    std::optional<double> numberValue(const YamlNode &node, const char *key)
    {
        double d = 0;
        if (!node.isScalar() || !Catalog::yamlPlainIsNumber(node.scalarUtf8(), &d)) {
            report(node, tr("\"%1\" must be a number").arg(QLatin1String(key)));
            return std::nullopt;
        }
        return d;
    }

    void readOptions(const YamlNode &options, FormField *field)
    {
        PickerOptions &o = field->pickerOptions;
        options.forEachPair([&](YamlNode keyNode, YamlNode value) {
            const QString key = keyNode.scalar();
            if (key == QLatin1String("rows")) {
                field->rows = intValue(value, "rows");
            } else if (key == QLatin1String("allowedKinds")) {
                o.allowedKinds = stringList(value);
            } else if (key == QLatin1String("catalogFilter")) {
                const QJsonValue json = value.toJson();
                o.catalogFilter = json.isArray() ? json.toArray() : QJsonArray{json};
                for (const QJsonValue &filter : std::as_const(o.catalogFilter)) {
                    const QJsonValue kind = filter.toObject().value(QStringLiteral("kind"));
                    if (kind.isString()) {
                        o.allowedKinds << kind.toString();
                    }
                    for (const QJsonValue &k : kind.toArray()) {
                        o.allowedKinds << k.toString();
                    }
                }
                o.allowedKinds.removeDuplicates();
            } else if (key == QLatin1String("defaultKind")) {
                o.defaultKind = value.scalar();
            } else if (key == QLatin1String("defaultNamespace")) {
                o.defaultNamespace = value.scalar();
            } else if (key == QLatin1String("allowArbitraryValues")) {
                bool b = true;
                Catalog::yamlPlainIsBool(value.scalarUtf8(), &b);
                o.allowArbitraryValues = b;
            } else if (key == QLatin1String("allowedHosts")) {
                o.allowedHosts = stringList(value);
            } else if (key == QLatin1String("allowedOwners")) {
                o.allowedOwners = stringList(value);
            } else if (key == QLatin1String("allowedOrganizations")) {
                o.allowedOrganizations = stringList(value);
            } else if (key == QLatin1String("allowedProjects")) {
                o.allowedProjects = stringList(value);
            } else if (key == QLatin1String("allowedRepos")) {
                o.allowedRepos = stringList(value);
            } else if (key == QLatin1String("kinds")) {
                o.kinds = stringList(value);
            } else if (key == QLatin1String("requestUserCredentials")) {
                warn(keyNode, tr("requestUserCredentials is ignored: Gantry pushes with your own Git credentials"));
            } else if (key == QLatin1String("inputType") || key == QLatin1String("orderable") ||
                       key == QLatin1String("showCounter") || key == QLatin1String("helperText") ||
                       key == QLatin1String("label")) {
                // Presentation hints without an effect in Gantry's forms.
            } else {
                warn(keyNode, tr("ui:options \"%1\" is not supported and is ignored").arg(key));
            }
        });
    }

    FormField readField(const QString &key, const YamlNode &keyNode, const YamlNode &schema, int depth)
    {
        FormField field;
        field.key = key;
        field.location = {m_file, keyNode.line(), keyNode.column()};
        if (!schema.isMapping()) {
            report(keyNode, tr("the parameter \"%1\" must be a mapping (a JSON Schema)").arg(key));
            return field;
        }
        bool typeGiven = false;
        schema.forEachPair([&](YamlNode kNode, YamlNode value) {
            const QString k = kNode.scalar();
            if (k == QLatin1String("type")) {
                typeGiven = true;
                QString name = value.scalar();
                if (value.isSequence()) {
                    // ["string", "null"]: the first non-null type.
                    for (const QString &t : stringList(value)) {
                        if (t != QLatin1String("null")) {
                            name = t;
                            break;
                        }
                    }
                }
                if (const auto type = typeFromName(name)) {
                    field.type = *type;
                } else {
                    report(value, tr("the type \"%1\" of \"%2\" is not supported; use string, number, integer, "
                                     "boolean, array or object")
                                      .arg(name, key));
                }
            } else if (k == QLatin1String("title")) {
                field.title = value.scalar();
            } else if (k == QLatin1String("description")) {
                field.description = value.scalar();
            } else if (k == QLatin1String("default")) {
                field.defaultValue = value.toJson();
            } else if (k == QLatin1String("enum")) {
                field.enumValues = value.toJson().toArray();
            } else if (k == QLatin1String("enumNames")) {
                field.enumLabels = stringList(value);
            } else if (k == QLatin1String("const")) {
                field.enumValues = QJsonArray{value.toJson()};
            } else if (k == QLatin1String("pattern")) {
                field.pattern = value.scalar();
            } else if (k == QLatin1String("minLength")) {
                field.minLength = intValue(value, "minLength");
            } else if (k == QLatin1String("maxLength")) {
                field.maxLength = intValue(value, "maxLength");
            } else if (k == QLatin1String("minimum")) {
                field.minimum = numberValue(value, "minimum");
            } else if (k == QLatin1String("maximum")) {
                field.maximum = numberValue(value, "maximum");
            } else if (k == QLatin1String("minItems")) {
                field.minItems = intValue(value, "minItems");
            } else if (k == QLatin1String("maxItems")) {
                field.maxItems = intValue(value, "maxItems");
            } else if (k == QLatin1String("uniqueItems")) {
                bool b = false;
                Catalog::yamlPlainIsBool(value.scalarUtf8(), &b);
                field.uniqueItems = b;
            } else if (k == QLatin1String("items")) {
                readItems(value, &field);
            } else if (k == QLatin1String("properties")) {
                if (depth >= 4) {
                    report(kNode, tr("objects nested more than four levels deep are not supported"));
                } else {
                    value.forEachPair([&](YamlNode childKey, YamlNode childSchema) {
                        field.children.push_back(readField(childKey.scalar(), childKey, childSchema, depth + 1));
                    });
                }
            } else if (k == QLatin1String("required")) {
                // On an object: which children are required.
                const QStringList names = stringList(value);
                for (FormField &child : field.children) {
                    child.required = child.required || names.contains(child.key);
                }
                m_pendingRequired = names;
            } else if (k == QLatin1String("ui:field")) {
                const QString name = value.scalar();
                if (name == QLatin1String("OwnerPicker")) {
                    field.picker = PickerKind::OwnerPicker;
                } else if (name == QLatin1String("EntityPicker")) {
                    field.picker = PickerKind::EntityPicker;
                } else if (name == QLatin1String("EntityNamePicker")) {
                    field.picker = PickerKind::EntityNamePicker;
                } else if (name == QLatin1String("EntityTagsPicker")) {
                    field.picker = PickerKind::EntityTagsPicker;
                } else if (name == QLatin1String("RepoUrlPicker")) {
                    field.picker = PickerKind::RepoUrlPicker;
                } else {
                    report(value, tr("the ui:field \"%1\" of \"%2\" is not supported; supported: %3")
                                      .arg(name, key, supportedFields().join(QStringLiteral(", "))));
                }
            } else if (k == QLatin1String("ui:widget")) {
                const QString name = value.scalar();
                if (name == QLatin1String("textarea")) {
                    field.widget = FieldWidget::TextArea;
                } else if (name == QLatin1String("password")) {
                    field.widget = FieldWidget::Password;
                    field.hiddenOnReview = true;
                } else if (name == QLatin1String("radio")) {
                    field.widget = FieldWidget::Radio;
                } else if (name == QLatin1String("select")) {
                    field.widget = FieldWidget::Select;
                } else if (name == QLatin1String("checkboxes")) {
                    field.widget = FieldWidget::Checkboxes;
                } else if (name == QLatin1String("checkbox") || name == QLatin1String("text") ||
                           name == QLatin1String("updown") || name == QLatin1String("hidden")) {
                    field.widget = FieldWidget::Default;
                } else {
                    report(value, tr("the ui:widget \"%1\" of \"%2\" is not supported; use textarea, password, "
                                     "radio, select or checkboxes")
                                      .arg(name, key));
                }
            } else if (k == QLatin1String("ui:help")) {
                field.help = value.scalar();
            } else if (k == QLatin1String("ui:placeholder")) {
                field.placeholder = value.scalar();
            } else if (k == QLatin1String("ui:autofocus")) {
                bool b = false;
                Catalog::yamlPlainIsBool(value.scalarUtf8(), &b);
                field.autofocus = b;
            } else if (k == QLatin1String("ui:options")) {
                readOptions(value, &field);
            } else if (k == QLatin1String("ui:backstage")) {
                const YamlNode show = value["review"]["show"];
                bool b = true;
                if (show.isScalar() && Catalog::yamlPlainIsBool(show.scalarUtf8(), &b)) {
                    field.hiddenOnReview = !b;
                }
                if (value["review"]["mask"].isValid()) {
                    field.hiddenOnReview = true;
                }
            } else if (k == QLatin1String("ui:emptyValue") || k == QLatin1String("ui:autocomplete") ||
                       k == QLatin1String("ui:readonly") || k == QLatin1String("ui:disabled") ||
                       k == QLatin1String("format") || k == QLatin1String("examples") ||
                       k == QLatin1String("$comment") || k == QLatin1String("ui:order")) {
                // Accepted, no effect.
            } else if (k == QLatin1String("dependencies") || k == QLatin1String("oneOf") ||
                       k == QLatin1String("anyOf") || k == QLatin1String("allOf") || k == QLatin1String("if") ||
                       k == QLatin1String("$ref")) {
                report(kNode, tr("\"%1\" inside the parameter \"%2\" is not supported; put dependencies on the page")
                                  .arg(k, key));
            } else {
                warn(kNode, tr("\"%1\" in the parameter \"%2\" is not supported and is ignored").arg(k, key));
            }
        });
        if (!m_pendingRequired.isEmpty()) {
            for (FormField &child : field.children) {
                child.required = child.required || m_pendingRequired.contains(child.key);
            }
            m_pendingRequired.clear();
        }
        if (!typeGiven) {
            if (!field.enumValues.isEmpty() && !field.enumValues.first().isString()) {
                field.type = field.enumValues.first().isBool() ? FieldType::Boolean : FieldType::Number;
            } else if (field.picker == PickerKind::EntityTagsPicker) {
                field.type = FieldType::Array;
            } else if (!field.children.empty()) {
                field.type = FieldType::Object;
            }
        }
        if (field.picker == PickerKind::EntityTagsPicker && field.type != FieldType::Array) {
            report(keyNode, tr("EntityTagsPicker needs \"type: array\" for \"%1\"").arg(key));
        }
        if (field.picker != PickerKind::None && field.picker != PickerKind::EntityTagsPicker &&
            field.type != FieldType::String &&
            !(field.picker == PickerKind::EntityPicker && field.type == FieldType::Array)) {
            report(keyNode, tr("the picker of \"%1\" needs \"type: string\"").arg(key));
        }
        if (!field.enumLabels.isEmpty() && field.enumLabels.size() != field.enumValues.size()) {
            warn(keyNode, tr("enumNames of \"%1\" has %2 names for %3 values")
                              .arg(key)
                              .arg(field.enumLabels.size())
                              .arg(field.enumValues.size()));
        }
        while (field.enumLabels.size() < field.enumValues.size()) {
            field.enumLabels << valueText(field.enumValues.at(field.enumLabels.size()));
        }
        if (!field.pattern.isEmpty()) {
            const QRegularExpression re(field.pattern);
            if (!re.isValid()) {
                report(keyNode,
                       tr("the pattern of \"%1\" is not a valid regular expression: %2").arg(key, re.errorString()));
            }
        }
        if (field.widget == FieldWidget::Default && !field.enumValues.isEmpty()) {
            field.widget = FieldWidget::Select;
        }
        return field;
    }

    static QString valueText(const QJsonValue &v)
    {
        if (v.isString()) {
            return v.toString();
        }
        if (v.isBool()) {
            return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        }
        if (v.isDouble()) {
            return QString::number(v.toDouble());
        }
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    }

    void readItems(const YamlNode &items, FormField *field)
    {
        if (!items.isMapping()) {
            report(items, tr("\"items\" of \"%1\" must be a schema").arg(field->key));
            return;
        }
        items.forEachPair([&](YamlNode kNode, YamlNode value) {
            const QString k = kNode.scalar();
            if (k == QLatin1String("type")) {
                if (const auto type = typeFromName(value.scalar());
                    type && *type != FieldType::Array && *type != FieldType::Object) {
                    field->itemType = *type;
                } else {
                    report(value, tr("items of \"%1\" must be strings, numbers, integers or booleans").arg(field->key));
                }
            } else if (k == QLatin1String("enum")) {
                field->itemEnumValues = value.toJson().toArray();
            } else if (k == QLatin1String("enumNames")) {
                field->itemEnumLabels = stringList(value);
            } else if (k == QLatin1String("ui:field") || k == QLatin1String("properties")) {
                report(kNode, tr("\"%1\" inside items of \"%2\" is not supported").arg(k, field->key));
            } else if (k == QLatin1String("title") || k == QLatin1String("description") ||
                       k == QLatin1String("pattern") || k == QLatin1String("minLength") ||
                       k == QLatin1String("maxLength")) {
                // Accepted.
            } else {
                warn(kNode, tr("\"%1\" inside items of \"%2\" is ignored").arg(k, field->key));
            }
        });
        while (field->itemEnumLabels.size() < field->itemEnumValues.size()) {
            field->itemEnumLabels << valueText(field->itemEnumValues.at(field->itemEnumLabels.size()));
        }
        if (!field->itemEnumValues.isEmpty() && field->widget == FieldWidget::Default) {
            field->widget = FieldWidget::Checkboxes;
        }
    }

    // `dependencies: {key: {oneOf: [...]}}`, `{key: {properties, required}}` or `{key: [names]}`.
    void readDependencies(const YamlNode &dependencies, FormPage *page)
    {
        dependencies.forEachPair([&](YamlNode keyNode, YamlNode rule) {
            const QString controller = keyNode.scalar();
            auto at = std::find_if(page->fields.begin(), page->fields.end(),
                                   [&](const FormField &f) { return f.key == controller; });
            if (at == page->fields.end()) {
                report(keyNode, tr("dependencies name \"%1\", which is not a parameter of this page").arg(controller));
                return;
            }
            if (rule.isSequence()) {
                // Property dependency: the named fields become required once the controller is set.
                // Modelled as conditional, required fields.
                const QStringList names = stringList(rule);
                for (FormField &f : page->fields) {
                    if (names.contains(f.key) && !f.condition.isSet()) {
                        f.condition.field = controller;
                        f.required = true;
                    }
                }
                return;
            }
            if (!rule.isMapping()) {
                report(rule, tr("dependencies of \"%1\" must be a list of names or a schema").arg(controller));
                return;
            }
            std::vector<FormField> added;
            auto addBranch = [&](const YamlNode &branch, const QJsonArray &values) {
                const QStringList required = stringList(branch["required"]);
                branch["properties"].forEachPair([&](YamlNode childKey, YamlNode childSchema) {
                    const QString name = childKey.scalar();
                    if (name == controller) {
                        return;
                    }
                    FormField f = readField(name, childKey, childSchema, 1);
                    f.required = required.contains(name);
                    f.condition.field = controller;
                    f.condition.values = values;
                    added.push_back(f);
                });
            };
            bool understood = false;
            rule.forEachPair([&](YamlNode k, YamlNode v) {
                const QString key = k.scalar();
                if (key == QLatin1String("oneOf")) {
                    understood = true;
                    v.forEachItem([&](YamlNode branch) {
                        const YamlNode own = branch["properties"][controller.toStdString()];
                        QJsonArray values = own["enum"].toJson().toArray();
                        if (own["const"].isValid()) {
                            values.append(own["const"].toJson());
                        }
                        if (values.isEmpty()) {
                            report(branch, tr("each oneOf branch of \"%1\" must give \"%1\" an enum of the values "
                                              "it applies to")
                                               .arg(controller));
                            return;
                        }
                        addBranch(branch, values);
                    });
                } else if (key == QLatin1String("properties") || key == QLatin1String("required")) {
                    understood = true;
                } else {
                    report(k, tr("\"%1\" in dependencies is not supported; use oneOf or properties").arg(key));
                }
            });
            if (rule["properties"].isValid()) {
                addBranch(rule, {});
            }
            if (!understood) {
                report(rule, tr("dependencies of \"%1\" must use oneOf or properties").arg(controller));
            }
            // The conditional fields follow their controller.
            at = std::find_if(page->fields.begin(), page->fields.end(),
                              [&](const FormField &f) { return f.key == controller; });
            auto insertAt = at + 1;
            for (FormField &f : added) {
                auto existing = std::find_if(page->fields.begin(), page->fields.end(),
                                             [&](const FormField &x) { return x.key == f.key; });
                if (existing != page->fields.end()) {
                    // The same field in several branches: it applies for each branch's values.
                    for (const QJsonValue &v : std::as_const(f.condition.values)) {
                        existing->condition.values.append(v);
                    }
                    continue;
                }
                insertAt = page->fields.insert(insertAt, f) + 1;
            }
        });
    }

    FormPage readPage(const YamlNode &schema)
    {
        FormPage page;
        page.location = {m_file, schema.line(), schema.column()};
        if (!schema.isMapping()) {
            report(schema, tr("a parameters page must be a mapping with \"properties\""));
            return page;
        }
        QStringList required;
        YamlNode dependencies;
        schema.forEachPair([&](YamlNode kNode, YamlNode value) {
            const QString k = kNode.scalar();
            if (k == QLatin1String("title")) {
                page.title = value.scalar();
            } else if (k == QLatin1String("description")) {
                page.description = value.scalar();
            } else if (k == QLatin1String("properties")) {
                value.forEachPair([&](YamlNode key, YamlNode fieldSchema) {
                    page.fields.push_back(readField(key.scalar(), key, fieldSchema, 0));
                });
            } else if (k == QLatin1String("required")) {
                required = stringList(value);
            } else if (k == QLatin1String("dependencies")) {
                dependencies = value;
            } else if (k == QLatin1String("type")) {
                if (value.scalar() != QLatin1String("object")) {
                    report(value, tr("a parameters page must have \"type: object\""));
                }
            } else if (k == QLatin1String("ui:order") || k == QLatin1String("backstage:permissions") ||
                       k == QLatin1String("$schema") || k == QLatin1String("$comment")) {
                // Accepted, no effect.
            } else if (k == QLatin1String("allOf") || k == QLatin1String("if") || k == QLatin1String("oneOf") ||
                       k == QLatin1String("anyOf") || k == QLatin1String("backstage:featureFlag")) {
                report(kNode, tr("\"%1\" on a parameters page is not supported; use dependencies with oneOf").arg(k));
            } else {
                warn(kNode, tr("\"%1\" on a parameters page is not supported and is ignored").arg(k));
            }
        });
        for (FormField &f : page.fields) {
            f.required = f.required || required.contains(f.key);
        }
        for (const QString &name : std::as_const(required)) {
            if (std::none_of(page.fields.begin(), page.fields.end(),
                             [&](const FormField &f) { return f.key == name; })) {
                report(schema["required"], tr("\"%1\" is required but is not a parameter of this page").arg(name));
            }
        }
        if (dependencies.isValid()) {
            readDependencies(dependencies, &page);
        }
        return page;
    }

private:
    QString m_file;
    std::vector<Problem> *m_problems;
    QStringList m_pendingRequired;
};

} // namespace

FormDescription FormDescription::fromParameters(const YamlNode &parameters, const QString &file,
                                                std::vector<Problem> *problems)
{
    FormDescription form;
    Reader reader(file, problems);
    if (!parameters.isValid() || parameters.isNull()) {
        return form;
    }
    if (parameters.isSequence()) {
        parameters.forEachItem([&](YamlNode page) { form.pages.push_back(reader.readPage(page)); });
    } else if (parameters.isMapping()) {
        form.pages.push_back(reader.readPage(parameters));
    } else {
        reader.report(parameters, tr("spec.parameters must be a schema or a list of pages"));
    }
    // A key on two pages would make one value serve two fields.
    QStringList seen;
    for (const FormPage &page : form.pages) {
        for (const FormField &f : page.fields) {
            if (seen.contains(f.key) && !f.condition.isSet()) {
                Problem p;
                p.severity = Problem::Severity::Warning;
                p.location = f.location;
                p.message = tr("the parameter \"%1\" is declared on more than one page").arg(f.key);
                if (problems) {
                    problems->push_back(p);
                }
            }
            seen << f.key;
        }
    }
    return form;
}

const FormField *FormDescription::field(const QString &key) const
{
    for (const FormPage &page : pages) {
        for (const FormField &f : page.fields) {
            if (f.key == key) {
                return &f;
            }
        }
    }
    return nullptr;
}

std::vector<const FormField *> FormDescription::allFields() const
{
    std::vector<const FormField *> fields;
    for (const FormPage &page : pages) {
        for (const FormField &f : page.fields) {
            fields.push_back(&f);
        }
    }
    return fields;
}

namespace {

QJsonValue defaultOf(const FormField &f)
{
    if (!f.defaultValue.isUndefined()) {
        return f.defaultValue;
    }
    if (f.type == FieldType::Boolean) {
        return false;
    }
    if (f.type == FieldType::Object && !f.children.empty()) {
        QJsonObject o;
        for (const FormField &child : f.children) {
            const QJsonValue v = defaultOf(child);
            if (!v.isUndefined()) {
                o.insert(child.key, v);
            }
        }
        return o.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(o);
    }
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace

QJsonObject FormDescription::defaults() const
{
    QJsonObject values;
    for (const FormField *f : allFields()) {
        const QJsonValue v = defaultOf(*f);
        if (!v.isUndefined() && !values.contains(f->key)) {
            values.insert(f->key, v);
        }
    }
    return values;
}

bool FormDescription::isActive(const FormField &field, const QJsonObject &values)
{
    if (!field.condition.isSet()) {
        return true;
    }
    const QJsonValue v = values.value(field.condition.field);
    if (field.condition.values.isEmpty()) {
        if (v.isBool()) {
            return v.toBool();
        }
        if (v.isString()) {
            return !v.toString().isEmpty();
        }
        if (v.isArray()) {
            return !v.toArray().isEmpty();
        }
        return !v.isUndefined() && !v.isNull();
    }
    return field.condition.values.contains(v);
}

namespace {

QJsonValue scalarFromText(FieldType type, const QString &text, const QString &key, QString *error)
{
    switch (type) {
    case FieldType::String:
        return text;
    case FieldType::Number:
    case FieldType::Integer: {
        bool ok = false;
        const double d = text.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(d) || (type == FieldType::Integer && d != std::floor(d))) {
            *error = tr("%1: \"%2\" is not %3")
                         .arg(key, text.left(100), type == FieldType::Integer ? tr("a whole number") : tr("a number"));
            return QJsonValue(QJsonValue::Undefined);
        }
        return d;
    }
    case FieldType::Boolean: {
        const QString t = text.trimmed().toLower();
        if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("1") ||
            t == QLatin1String("on")) {
            return true;
        }
        if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("0") ||
            t == QLatin1String("off")) {
            return false;
        }
        *error = tr("%1: \"%2\" is not true or false").arg(key, text.left(100));
        return QJsonValue(QJsonValue::Undefined);
    }
    default:
        break;
    }
    return text;
}

} // namespace

QJsonValue FormDescription::valueFromText(const FormField &field, const QString &text, QString *error)
{
    if (field.type == FieldType::Array || field.type == FieldType::Object) {
        const QString trimmed = text.trimmed();
        if (trimmed.startsWith(QLatin1Char('[')) || trimmed.startsWith(QLatin1Char('{'))) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &parseError);
            if (doc.isNull()) {
                *error = tr("%1: not valid JSON: %2").arg(field.key, parseError.errorString());
                return QJsonValue(QJsonValue::Undefined);
            }
            return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        }
        if (field.type == FieldType::Object) {
            *error = tr("%1: give an object as JSON, e.g. {\"key\": \"value\"}").arg(field.key);
            return QJsonValue(QJsonValue::Undefined);
        }
        QJsonArray items;
        if (!trimmed.isEmpty()) {
            for (const QString &part : text.split(QLatin1Char(','))) {
                const QJsonValue v = scalarFromText(field.itemType, part.trimmed(), field.key, error);
                if (v.isUndefined()) {
                    return v;
                }
                items.append(v);
            }
        }
        return items;
    }
    return scalarFromText(field.type, text, field.key, error);
}

} // namespace Gantry::Scaffold
