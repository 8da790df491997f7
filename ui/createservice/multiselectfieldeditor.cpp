#include "ui/createservice/multiselectfieldeditor.h"

#include "models/scaffold/formvalidator.h"

#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace Gantry::Ui {

namespace {
constexpr int ValueRole = Qt::UserRole + 1;

QString jsonText(const QJsonValue &v)
{
    return v.isString() ? v.toString() : v.isDouble() ? QString::number(v.toDouble()) : QString();
}
} // namespace

MultiSelectFieldEditor::MultiSelectFieldEditor(const Scaffold::FormField &field, const Catalog::CatalogPtr &catalog,
                                               QWidget *parent)
    : FieldEditor(field, parent)
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_add(new QToolButton(this))
    , m_list(new QListView(this))
    , m_summary(new QLabel(this))
{
    const bool fixedChoices = !field.itemEnumValues.isEmpty();
    m_canAdd =
        !fixedChoices &&
        (field.picker == Scaffold::PickerKind::EntityTagsPicker || field.picker == Scaffold::PickerKind::None ||
         (field.picker == Scaffold::PickerKind::EntityPicker && field.pickerOptions.allowArbitraryValues && !catalog));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterRole(Qt::DisplayRole);
    m_list->setModel(m_proxy);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    m_list->setAlternatingRowColors(false);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("selectionSummary"));

    if (field.picker == Scaffold::PickerKind::EntityTagsPicker) {
        m_filter->setPlaceholderText(field.placeholder.isEmpty() ? tr("Filter tags, or type a new one and press Enter")
                                                                 : field.placeholder);
    } else if (m_canAdd) {
        m_filter->setPlaceholderText(field.placeholder.isEmpty() ? tr("Type a value and press Enter")
                                                                 : field.placeholder);
    } else {
        m_filter->setPlaceholderText(field.placeholder.isEmpty() ? tr("Type to filter; Enter checks the first match")
                                                                 : field.placeholder);
    }
    m_filter->setClearButtonEnabled(true);
    m_add->setText(tr("Add"));
    m_add->setToolTip(tr("Add the typed value (Enter)"));
    m_add->setVisible(m_canAdd);
    m_add->setEnabled(false);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_filter, 1);
    top->addWidget(m_add);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_list);
    layout->addWidget(m_summary);
    adoptInput(m_filter);
    m_filter->installEventFilter(this);

    fillChoices(catalog);
    // Few fixed choices need no filter.
    if (fixedChoices && m_model->rowCount() <= 6) {
        m_filter->hide();
        adoptInput(m_list);
    }
    // Up to seven rows, with a little air between them; half a row more hints at scrolling.
    m_list->setSpacing(1);
    const int rows = std::clamp(m_model->rowCount(), 3, 7);
    const int rowHeight = std::max(m_list->sizeHintForRow(0), m_list->fontMetrics().height() + 4) + 2;
    m_list->setFixedHeight(rowHeight * rows + (m_model->rowCount() > rows ? rowHeight / 2 : 0) +
                           2 * m_list->frameWidth() + 2);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        m_add->setEnabled(m_canAdd && !text.trimmed().isEmpty() && !itemFor(text.trimmed()));
    });
    connect(m_add, &QToolButton::clicked, this, &MultiSelectFieldEditor::addTyped);
    connect(m_model, &QStandardItemModel::itemChanged, this, [this](QStandardItem *item) {
        if (m_updating) {
            return;
        }
        const QString v = item->data(ValueRole).toString();
        const bool checked = item->checkState() == Qt::Checked;
        if (checked && !m_order.contains(v)) {
            m_order.append(v);
        } else if (!checked) {
            m_order.removeAll(v);
        } else {
            return;
        }
        updateSummary();
        Q_EMIT valueEdited();
    });
    setValue(field.defaultValue);
}

void MultiSelectFieldEditor::fillChoices(const Catalog::CatalogPtr &catalog)
{
    // Not a QSignalBlocker on the model: the filter proxy must see the rows change.
    const QScopedValueRollback updating(m_updating, true);
    const QStringList keep = m_order;
    m_model->clear();
    const Scaffold::FormField &f = field();
    if (!f.itemEnumValues.isEmpty()) {
        for (int i = 0; i < f.itemEnumValues.size(); ++i) {
            const QString v = jsonText(f.itemEnumValues.at(i));
            const QString label = f.itemEnumLabels.value(i);
            addItem(v, label.isEmpty() ? v : label, {});
        }
    } else if (f.picker != Scaffold::PickerKind::None) {
        for (const Scaffold::PickerChoice &c : Scaffold::FormValidator::pickerChoices(f, catalog.get())) {
            addItem(c.value, c.label.isEmpty() ? c.value : c.label, c.description);
        }
    }
    for (const QString &v : keep) {
        if (QStandardItem *item = itemFor(v)) {
            item->setCheckState(Qt::Checked);
        } else {
            addItem(v, v, {})->setCheckState(Qt::Checked);
        }
    }
    m_order = keep;
    updateSummary();
}

void MultiSelectFieldEditor::setCatalog(const Catalog::CatalogPtr &catalog)
{
    if (field().itemEnumValues.isEmpty() && field().picker != Scaffold::PickerKind::None) {
        fillChoices(catalog);
    }
}

QStandardItem *MultiSelectFieldEditor::addItem(const QString &value, const QString &label, const QString &tip)
{
    auto *item = new QStandardItem(label);
    item->setData(value, ValueRole);
    item->setToolTip(tip.isEmpty() ? value : tip);
    item->setCheckable(true);
    item->setCheckState(Qt::Unchecked);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    m_model->appendRow(item);
    return item;
}

QStandardItem *MultiSelectFieldEditor::itemFor(const QString &value) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QStandardItem *item = m_model->item(row);
        if (item->data(ValueRole).toString() == value) {
            return item;
        }
    }
    return nullptr;
}

QStringList MultiSelectFieldEditor::choiceValues() const
{
    QStringList values;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        values << m_model->item(row)->data(ValueRole).toString();
    }
    return values;
}

bool MultiSelectFieldEditor::addTyped()
{
    const QString text = m_filter->text().trimmed();
    if (text.isEmpty()) {
        return false;
    }
    QStandardItem *item = itemFor(text);
    if (!item && m_proxy->rowCount() > 0) {
        // The first match, when the typed text is part of a choice.
        item = m_model->itemFromIndex(m_proxy->mapToSource(m_proxy->index(0, 0)));
        if (m_canAdd && item && item->text().compare(text, Qt::CaseInsensitive) != 0 &&
            item->data(ValueRole).toString().compare(text, Qt::CaseInsensitive) != 0) {
            item = nullptr; // adding is allowed: what was typed is meant
        }
    }
    if (!item) {
        if (!m_canAdd) {
            return false;
        }
        item = addItem(text, text, {});
    }
    m_filter->clear();
    if (item->checkState() == Qt::Checked) {
        return false;
    }
    item->setCheckState(Qt::Checked); // itemChanged → m_order, valueEdited
    return true;
}

bool MultiSelectFieldEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && !m_filter->text().trimmed().isEmpty()) {
            addTyped();
            return true; // the wizard's Enter = Next only applies to an empty filter box
        }
        if (key->key() == Qt::Key_Down && m_proxy->rowCount() > 0) {
            m_list->setFocus();
            m_list->setCurrentIndex(m_proxy->index(0, 0));
            return true;
        }
    }
    return FieldEditor::eventFilter(watched, event);
}

void MultiSelectFieldEditor::updateSummary()
{
    if (m_order.isEmpty()) {
        m_summary->setText(tr("Nothing selected"));
        return;
    }
    QStringList labels;
    for (const QString &v : std::as_const(m_order)) {
        const QStandardItem *item = itemFor(v);
        labels << (item ? item->text() : v);
    }
    m_summary->setText(tr("%n selected: %1", nullptr, int(labels.size())).arg(labels.join(QStringLiteral(", "))));
    m_summary->setToolTip(labels.join(QLatin1Char('\n')));
}

QJsonValue MultiSelectFieldEditor::toJson(const QString &text) const
{
    const Scaffold::FieldType t = field().itemType;
    if (t == Scaffold::FieldType::Integer || t == Scaffold::FieldType::Number) {
        bool ok = false;
        const double d = text.toDouble(&ok);
        if (ok) {
            return d;
        }
    }
    return text;
}

QJsonValue MultiSelectFieldEditor::value() const
{
    if (m_order.isEmpty()) {
        return QJsonValue(QJsonValue::Undefined);
    }
    QJsonArray array;
    for (const QString &v : m_order) {
        array.append(toJson(v));
    }
    return array;
}

void MultiSelectFieldEditor::setValue(const QJsonValue &value)
{
    QStringList wanted;
    for (const QJsonValue &v : value.toArray()) {
        const QString text = jsonText(v);
        if (!text.isEmpty() && !wanted.contains(text)) {
            wanted << text;
        }
    }
    if (wanted == m_order) {
        return;
    }
    {
        const QScopedValueRollback updating(m_updating, true);
        for (int row = 0; row < m_model->rowCount(); ++row) {
            m_model->item(row)->setCheckState(Qt::Unchecked);
        }
        for (const QString &v : wanted) {
            QStandardItem *item = itemFor(v);
            if (!item) {
                item = addItem(v, v, {});
            }
            item->setCheckState(Qt::Checked);
        }
    }
    m_order = wanted;
    updateSummary();
}

QWidget *MultiSelectFieldEditor::inputWidget() const
{
    return m_filter->isVisibleTo(const_cast<MultiSelectFieldEditor *>(this)) ? static_cast<QWidget *>(m_filter)
                                                                             : m_list;
}

} // namespace Gantry::Ui
