#include "ui/createservice/numberfieldeditor.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QSpinBox>

#include <cmath>
#include <limits>

namespace Gantry::Ui {

namespace {
constexpr double Unbounded = 1e9;
}

NumberFieldEditor::NumberFieldEditor(const Scaffold::FormField &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_optional(!field.required && !field.defaultValue.isDouble()) // no default (Undefined or null)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const double low = field.minimum.value_or(-Unbounded);
    const double high = field.maximum.value_or(Unbounded);
    QAbstractSpinBox *box = nullptr;
    if (field.type == Scaffold::FieldType::Integer) {
        m_int = new QSpinBox(this);
        const int lowInt = int(std::ceil(std::max(low, double(std::numeric_limits<int>::min() + 1))));
        const int highInt = int(std::floor(std::min(high, double(std::numeric_limits<int>::max()))));
        // "Not set" is one below the lowest real value.
        m_int->setRange(m_optional ? lowInt - 1 : lowInt, highInt);
        if (m_optional) {
            m_int->setSpecialValueText(tr("Not set"));
            m_int->setValue(m_int->minimum());
        } else {
            m_int->setValue(field.defaultValue.isDouble() ? field.defaultValue.toInt() : std::max(lowInt, 0));
        }
        connect(m_int, &QSpinBox::valueChanged, this, &FieldEditor::valueEdited);
        box = m_int;
    } else {
        m_double = new QDoubleSpinBox(this);
        m_double->setDecimals(3);
        m_double->setRange(m_optional ? low - 1 : low, high);
        if (m_optional) {
            m_double->setSpecialValueText(tr("Not set"));
            m_double->setValue(m_double->minimum());
        } else {
            m_double->setValue(field.defaultValue.isDouble() ? field.defaultValue.toDouble() : std::max(low, 0.0));
        }
        connect(m_double, &QDoubleSpinBox::valueChanged, this, &FieldEditor::valueEdited);
        box = m_double;
    }
    box->setAccelerated(true);
    box->setMinimumWidth(box->fontMetrics().horizontalAdvance(QStringLiteral("0000000000")) + 40);
    layout->addWidget(box);
    layout->addStretch(1);
    adoptInput(box);
}

QJsonValue NumberFieldEditor::value() const
{
    if (m_int) {
        if (m_optional && m_int->value() == m_int->minimum()) {
            return QJsonValue(QJsonValue::Undefined);
        }
        return m_int->value();
    }
    if (m_optional && m_double->value() == m_double->minimum()) {
        return QJsonValue(QJsonValue::Undefined);
    }
    return m_double->value();
}

void NumberFieldEditor::setValue(const QJsonValue &value)
{
    if (!value.isDouble() && !m_optional) {
        return; // a required number always has one
    }
    if (m_int) {
        const QSignalBlocker blocker(m_int);
        m_int->setValue(value.isDouble() ? value.toInt() : m_int->minimum());
    } else {
        const QSignalBlocker blocker(m_double);
        m_double->setValue(value.isDouble() ? value.toDouble() : m_double->minimum());
    }
}

QWidget *NumberFieldEditor::inputWidget() const
{
    return m_int ? static_cast<QWidget *>(m_int) : m_double;
}

} // namespace Gantry::Ui
