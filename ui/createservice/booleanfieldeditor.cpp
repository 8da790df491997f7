#include "ui/createservice/booleanfieldeditor.h"

#include <QCheckBox>
#include <QHBoxLayout>

namespace Gantry::Ui {

BooleanFieldEditor::BooleanFieldEditor(const Scaffold::FormField &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_check(new QCheckBox(field.displayTitle(), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_check);
    layout->addStretch(1);
    m_check->setChecked(field.defaultValue.toBool(false));
    adoptInput(m_check);
    connect(m_check, &QCheckBox::toggled, this, &FieldEditor::valueEdited);
}

QJsonValue BooleanFieldEditor::value() const
{
    return m_check->isChecked();
}

void BooleanFieldEditor::setValue(const QJsonValue &value)
{
    const QSignalBlocker blocker(m_check);
    m_check->setChecked(value.toBool(false));
}

QWidget *BooleanFieldEditor::inputWidget() const
{
    return m_check;
}

} // namespace Gantry::Ui
