#pragma once

#include "ui/createservice/fieldeditor.h"

class QAbstractSpinBox;
class QDoubleSpinBox;
class QSpinBox;

namespace Gantry::Ui {

// Integers (a spin box) and numbers (a double spin box), bounded by minimum/maximum. An optional
// field without a default starts "Not set" (the spin box's lowest value shows that text).
class NumberFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    explicit NumberFieldEditor(const Scaffold::FormField &field, QWidget *parent = nullptr);

    QJsonValue value() const override;
    void setValue(const QJsonValue &value) override;
    QWidget *inputWidget() const override;

    QSpinBox *spinBox() const { return m_int; }
    QDoubleSpinBox *doubleSpinBox() const { return m_double; }

private:
    bool m_optional = false;
    QSpinBox *m_int = nullptr;
    QDoubleSpinBox *m_double = nullptr;
};

} // namespace Gantry::Ui
