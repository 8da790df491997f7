#pragma once

#include "ui/createservice/fieldeditor.h"

class QComboBox;

namespace Gantry::Ui {

// OwnerPicker (the catalog's groups and users) and EntityPicker (entities of the allowed kinds):
// an editable combo box whose completion matches any part of a name or title. The value is the
// chosen entity's reference ("group:default/team-a"); typed text is normalized with the picker's
// default kind and namespace.
class EntityPickerFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    EntityPickerFieldEditor(const Scaffold::FormField &field, const Catalog::CatalogPtr &catalog,
                            QWidget *parent = nullptr);

    QJsonValue value() const override;
    void setValue(const QJsonValue &value) override;
    QWidget *inputWidget() const override;
    void setCatalog(const Catalog::CatalogPtr &catalog) override;

    QComboBox *comboBox() const { return m_combo; }

private:
    void fillChoices(const Catalog::CatalogPtr &catalog);

    QComboBox *m_combo;
};

} // namespace Gantry::Ui
