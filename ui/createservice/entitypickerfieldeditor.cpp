#include "ui/createservice/entitypickerfieldeditor.h"

#include "models/scaffold/formvalidator.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLineEdit>

namespace Gantry::Ui {

namespace {
constexpr int ValueRole = Qt::UserRole; // QComboBox::addItem(text, data)
}

EntityPickerFieldEditor::EntityPickerFieldEditor(const Scaffold::FormField &field, const Catalog::CatalogPtr &catalog,
                                                 QWidget *parent)
    : FieldEditor(field, parent)
    , m_combo(new QComboBox(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(28);
    m_combo->setMaxVisibleItems(14);
    m_combo->lineEdit()->setClearButtonEnabled(true);
    QStringList kinds = field.pickerOptions.allowedKinds;
    for (QString &kind : kinds) {
        kind = kind.toLower();
    }
    QString placeholder = field.placeholder;
    if (placeholder.isEmpty()) {
        placeholder = field.picker == Scaffold::PickerKind::OwnerPicker ? tr("Type to find a group or user")
                      : kinds.isEmpty()                                 ? tr("Type to find an entity")
                                        : tr("Type to find a %1").arg(kinds.join(tr(" or ")));
    }
    m_combo->lineEdit()->setPlaceholderText(placeholder);
    auto *completer = new QCompleter(m_combo->model(), m_combo);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    completer->setMaxVisibleItems(12);
    m_combo->setCompleter(completer);
    layout->addWidget(m_combo, 1);
    adoptInput(m_combo);
    fillChoices(catalog);
    setValue(field.defaultValue);

    connect(m_combo->lineEdit(), &QLineEdit::textEdited, this, &FieldEditor::valueEdited);
    connect(m_combo, &QComboBox::activated, this, &FieldEditor::valueEdited);
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &text) {
        const int i = m_combo->findText(text);
        if (i >= 0) {
            m_combo->setCurrentIndex(i);
        }
        Q_EMIT valueEdited();
    });
}

void EntityPickerFieldEditor::fillChoices(const Catalog::CatalogPtr &catalog)
{
    const QJsonValue current = value();
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    for (const Scaffold::PickerChoice &c : Scaffold::FormValidator::pickerChoices(field(), catalog.get())) {
        m_combo->addItem(c.label.isEmpty() ? c.value : c.label, c.value);
        m_combo->setItemData(m_combo->count() - 1, c.description.isEmpty() ? c.value : c.description, Qt::ToolTipRole);
    }
    m_combo->setCurrentIndex(-1);
    setValue(current);
}

void EntityPickerFieldEditor::setCatalog(const Catalog::CatalogPtr &catalog)
{
    fillChoices(catalog);
}

QJsonValue EntityPickerFieldEditor::value() const
{
    const QString text = m_combo->currentText().trimmed();
    if (text.isEmpty()) {
        return QJsonValue(QJsonValue::Undefined);
    }
    // A choice's label (or its value, typed out) stands for its value.
    for (int i = 0; i < m_combo->count(); ++i) {
        const QString v = m_combo->itemData(i, ValueRole).toString();
        if (m_combo->itemText(i) == text || v.compare(text, Qt::CaseInsensitive) == 0) {
            return v;
        }
    }
    return Scaffold::FormValidator::normalizeEntityRef(field(), text);
}

void EntityPickerFieldEditor::setValue(const QJsonValue &value)
{
    const QSignalBlocker blocker(m_combo);
    const QString v = value.toString();
    if (v.isEmpty()) {
        m_combo->setCurrentIndex(-1);
        m_combo->setEditText(QString());
        return;
    }
    const QString normalized = Scaffold::FormValidator::normalizeEntityRef(field(), v);
    for (int i = 0; i < m_combo->count(); ++i) {
        const QString itemValue = m_combo->itemData(i, ValueRole).toString();
        if (itemValue == v || itemValue == normalized) {
            m_combo->setCurrentIndex(i);
            return;
        }
    }
    m_combo->setCurrentIndex(-1);
    m_combo->setEditText(v);
}

QWidget *EntityPickerFieldEditor::inputWidget() const
{
    return m_combo;
}

} // namespace Gantry::Ui
