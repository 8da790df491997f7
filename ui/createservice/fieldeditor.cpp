#include "ui/createservice/fieldeditor.h"

#include "ui/createservice/booleanfieldeditor.h"
#include "ui/createservice/choicefieldeditor.h"
#include "ui/createservice/entitypickerfieldeditor.h"
#include "ui/createservice/multiselectfieldeditor.h"
#include "ui/createservice/numberfieldeditor.h"
#include "ui/createservice/objectfieldeditor.h"
#include "ui/createservice/repourlpickerfieldeditor.h"
#include "ui/createservice/textfieldeditor.h"

namespace Gantry::Ui {

using Scaffold::FieldType;
using Scaffold::PickerKind;

FieldEditor::FieldEditor(const Scaffold::FormField &field, QWidget *parent)
    : QWidget(parent)
    , m_field(field)
{
    setObjectName(QStringLiteral("field_") + field.key);
}

void FieldEditor::adoptInput(QWidget *w)
{
    setFocusProxy(w);
    w->setAccessibleName(m_field.displayTitle());
    if (!m_field.description.isEmpty()) {
        w->setAccessibleDescription(m_field.description);
    }
}

FieldEditor *FieldEditor::create(const Scaffold::FormField &field, const Catalog::CatalogPtr &catalog, QWidget *parent)
{
    switch (field.picker) {
    case PickerKind::OwnerPicker:
    case PickerKind::EntityPicker:
        if (field.isMultiple()) {
            return new MultiSelectFieldEditor(field, catalog, parent);
        }
        return new EntityPickerFieldEditor(field, catalog, parent);
    case PickerKind::EntityTagsPicker:
        return new MultiSelectFieldEditor(field, catalog, parent);
    case PickerKind::RepoUrlPicker:
        return new RepoUrlPickerFieldEditor(field, catalog, parent);
    case PickerKind::EntityNamePicker:
        return new TextFieldEditor(field, parent);
    case PickerKind::None:
        break;
    }
    switch (field.type) {
    case FieldType::Boolean:
        return new BooleanFieldEditor(field, parent);
    case FieldType::Array:
        return new MultiSelectFieldEditor(field, catalog, parent);
    case FieldType::Object:
        return new ObjectFieldEditor(field, catalog, parent);
    case FieldType::Integer:
    case FieldType::Number:
        if (!field.enumValues.isEmpty()) {
            return new ChoiceFieldEditor(field, parent);
        }
        return new NumberFieldEditor(field, parent);
    case FieldType::String:
        break;
    }
    if (!field.enumValues.isEmpty()) {
        return new ChoiceFieldEditor(field, parent);
    }
    return new TextFieldEditor(field, parent);
}

} // namespace Gantry::Ui
