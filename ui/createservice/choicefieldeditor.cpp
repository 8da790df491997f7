#include "ui/createservice/choicefieldeditor.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Gantry::Ui {

namespace {
QString labelFor(const Scaffold::FormField &field, int i)
{
    const QString label = field.enumLabels.value(i);
    if (!label.isEmpty()) {
        return label;
    }
    const QJsonValue v = field.enumValues.at(i);
    return v.isString() ? v.toString()
           : v.isBool() ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                        : QString::number(v.toDouble());
}
} // namespace

ChoiceFieldEditor::ChoiceFieldEditor(const Scaffold::FormField &field, QWidget *parent)
    : FieldEditor(field, parent)
    , m_values(field.enumValues)
{
    if (field.widget == Scaffold::FieldWidget::Radio) {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(4);
        m_radios = new QButtonGroup(this);
        m_radios->setExclusive(true);
        for (int i = 0; i < m_values.size(); ++i) {
            auto *button = new QRadioButton(labelFor(field, i), this);
            m_radios->addButton(button, i);
            layout->addWidget(button);
        }
        if (QAbstractButton *first = m_radios->button(0)) {
            adoptInput(first);
        }
        connect(m_radios, &QButtonGroup::idToggled, this, [this](int, bool checked) {
            if (checked) {
                Q_EMIT valueEdited();
            }
        });
    } else {
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_combo = new QComboBox(this);
        m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        m_combo->setMinimumWidth(m_combo->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);
        for (int i = 0; i < m_values.size(); ++i) {
            m_combo->addItem(labelFor(field, i));
        }
        m_combo->setPlaceholderText(field.placeholder.isEmpty() ? tr("Choose…") : field.placeholder);
        m_combo->setCurrentIndex(-1);
        layout->addWidget(m_combo);
        layout->addStretch(1);
        adoptInput(m_combo);
        connect(m_combo, &QComboBox::currentIndexChanged, this, &FieldEditor::valueEdited);
    }
    setValue(field.defaultValue);
}

int ChoiceFieldEditor::currentIndex() const
{
    return m_combo ? m_combo->currentIndex() : m_radios->checkedId();
}

QJsonValue ChoiceFieldEditor::value() const
{
    const int i = currentIndex();
    return i >= 0 && i < m_values.size() ? m_values.at(i) : QJsonValue(QJsonValue::Undefined);
}

void ChoiceFieldEditor::setValue(const QJsonValue &value)
{
    const int i = int(m_values.toVariantList().indexOf(value.toVariant()));
    if (m_combo) {
        const QSignalBlocker blocker(m_combo);
        m_combo->setCurrentIndex(value.isUndefined() ? -1 : i);
        return;
    }
    const QSignalBlocker blocker(m_radios);
    if (QAbstractButton *button = m_radios->button(i)) {
        button->setChecked(true);
    } else if (QAbstractButton *checked = m_radios->checkedButton()) {
        m_radios->setExclusive(false);
        checked->setChecked(false);
        m_radios->setExclusive(true);
    }
}

QWidget *ChoiceFieldEditor::inputWidget() const
{
    if (m_combo) {
        return m_combo;
    }
    QAbstractButton *checked = m_radios->checkedButton();
    return checked ? checked : m_radios->button(0);
}

} // namespace Gantry::Ui
