#pragma once

#include "ui/createservice/fieldeditor.h"

#include <QJsonArray>

class QButtonGroup;
class QComboBox;

namespace Gantry::Ui {

// One value of an `enum` (labels from enumNames): a combo box (`ui:widget: select`, the default)
// or radio buttons (`ui:widget: radio`). The stored value keeps its JSON type.
class ChoiceFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    explicit ChoiceFieldEditor(const Scaffold::FormField &field, QWidget *parent = nullptr);

    QJsonValue value() const override;
    void setValue(const QJsonValue &value) override;
    QWidget *inputWidget() const override;

    QComboBox *comboBox() const { return m_combo; }
    QButtonGroup *buttonGroup() const { return m_radios; }

private:
    int currentIndex() const;

    QJsonArray m_values;
    QComboBox *m_combo = nullptr;
    QButtonGroup *m_radios = nullptr;
};

} // namespace Gantry::Ui
