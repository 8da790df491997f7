#include "ui/createservice/objectfieldeditor.h"

#include <QFormLayout>
#include <QFrame>
#include <QJsonObject>
#include <QLabel>
#include <QVBoxLayout>

namespace Gantry::Ui {

ObjectFieldEditor::ObjectFieldEditor(const Scaffold::FormField &field, const Catalog::CatalogPtr &catalog,
                                     QWidget *parent)
    : FieldEditor(field, parent)
{
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *form = new QFormLayout(frame);
    form->setContentsMargins(10, 8, 10, 8);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const Scaffold::FormField &child : field.children) {
        FieldEditor *editor = FieldEditor::create(child, catalog, frame);
        m_children.push_back(editor);
        connect(editor, &FieldEditor::valueEdited, this, &FieldEditor::valueEdited);
        if (editor->showsOwnTitle()) {
            form->addRow(QString(), editor);
        } else {
            auto *label =
                new QLabel(child.required ? tr("%1 *").arg(child.displayTitle()) : child.displayTitle(), frame);
            label->setTextFormat(Qt::PlainText);
            label->setBuddy(editor->inputWidget());
            form->addRow(label, editor);
        }
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(frame);
    if (!m_children.empty()) {
        adoptInput(m_children.front()->inputWidget());
    }
    setValue(field.defaultValue);
}

QJsonValue ObjectFieldEditor::value() const
{
    QJsonObject object;
    for (const FieldEditor *editor : m_children) {
        const QJsonValue v = editor->value();
        if (!v.isUndefined()) {
            object.insert(editor->field().key, v);
        }
    }
    return object.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(object);
}

void ObjectFieldEditor::setValue(const QJsonValue &value)
{
    if (!value.isObject()) {
        return;
    }
    const QJsonObject object = value.toObject();
    for (FieldEditor *editor : m_children) {
        if (object.contains(editor->field().key)) {
            editor->setValue(object.value(editor->field().key));
        }
    }
}

QWidget *ObjectFieldEditor::inputWidget() const
{
    return m_children.empty() ? const_cast<ObjectFieldEditor *>(this) : m_children.front()->inputWidget();
}

void ObjectFieldEditor::setCatalog(const Catalog::CatalogPtr &catalog)
{
    for (FieldEditor *editor : m_children) {
        editor->setCatalog(catalog);
    }
}

} // namespace Gantry::Ui
