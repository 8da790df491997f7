#pragma once

#include "models/catalog/catalog.h"
#include "models/scaffold/formdescription.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Gantry::Scaffold {

// One choice offered by a picker: the value stored in the form and what people read.
struct PickerChoice
{
    QString value; // e.g. "group:default/team-a" (OwnerPicker/EntityPicker), a tag, a host
    QString label; // e.g. "Team A (group:team-a)"
    QString description;
};

// Checks form values the way the wizard and `gantry create-service` both need: each message is
// translated, says what is wrong and what to do, and is empty when the value is fine.
class FormValidator final
{
public:
    // One field. `catalog` may be null (then "already taken" and "not in the catalog" checks are
    // skipped). Undefined/empty values fail only when the field is required. EntityNamePicker
    // fields and a top-level field named "name" are refused when a Component/API/Resource/System
    // of that name already exists in the catalog.
    static QString validate(const FormField &field, const QJsonValue &value, const Catalog::Catalog *catalog);

    // Every active field of a page, by key; empty hash = the page is valid.
    static QHash<QString, QString> validatePage(const FormPage &page, const QJsonObject &values,
                                                const Catalog::Catalog *catalog);
    // Every page; keys of unknown values (not a parameter of the template) are reported under "".
    static QHash<QString, QString> validateAll(const FormDescription &form, const QJsonObject &values,
                                               const Catalog::Catalog *catalog);

    // What a picker offers from the live catalog: owners (Groups, Users) for OwnerPicker, entities
    // matching allowedKinds/catalogFilter for EntityPicker, known tags for EntityTagsPicker, the
    // allowed hosts for RepoUrlPicker. Sorted by label.
    static std::vector<PickerChoice> pickerChoices(const FormField &field, const Catalog::Catalog *catalog);

    // Normalizes what a person typed into a picker ("team-a" → "group:default/team-a") using the
    // picker's defaultKind/defaultNamespace; unchanged when it is not a valid reference.
    static QString normalizeEntityRef(const FormField &field, const QString &text);
};

} // namespace Gantry::Scaffold
