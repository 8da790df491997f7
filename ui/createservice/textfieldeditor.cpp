#include "ui/createservice/textfieldeditor.h"

#include <QFontMetrics>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace Gantry::Ui {

TextFieldEditor::TextFieldEditor(const Scaffold::FormField &field, QWidget *parent)
    : FieldEditor(field, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    if (field.widget == Scaffold::FieldWidget::TextArea) {
        m_area = new QPlainTextEdit(this);
        m_area->setTabChangesFocus(true);
        m_area->setPlaceholderText(field.placeholder);
        const int rows = field.rows > 0 ? std::clamp(field.rows, 2, 20) : 4;
        m_area->setFixedHeight(m_area->fontMetrics().lineSpacing() * rows + 2 * m_area->frameWidth() + 12);
        layout->addWidget(m_area);
        adoptInput(m_area);
        connect(m_area, &QPlainTextEdit::textChanged, this, &FieldEditor::valueEdited);
    } else {
        m_line = new QLineEdit(this);
        m_line->setPlaceholderText(field.placeholder);
        if (field.maxLength > 0) {
            m_line->setMaxLength(field.maxLength);
        }
        if (field.widget == Scaffold::FieldWidget::Password) {
            m_line->setEchoMode(QLineEdit::Password);
            m_line->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
        }
        m_line->setClearButtonEnabled(field.widget != Scaffold::FieldWidget::Password);
        layout->addWidget(m_line);
        adoptInput(m_line);
        connect(m_line, &QLineEdit::textEdited, this, &FieldEditor::valueEdited);
    }
    // The clear button changes the text without textEdited.
    if (m_line) {
        connect(m_line, &QLineEdit::textChanged, this, [this](const QString &text) {
            if (text.isEmpty()) {
                Q_EMIT valueEdited();
            }
        });
    }
}

QString TextFieldEditor::text() const
{
    return m_area ? m_area->toPlainText() : m_line->text();
}

QJsonValue TextFieldEditor::value() const
{
    const QString t = text();
    return t.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(t);
}

void TextFieldEditor::setValue(const QJsonValue &value)
{
    QString t;
    if (value.isString()) {
        t = value.toString();
    } else if (value.isDouble()) {
        t = QString::number(value.toDouble());
    } else if (value.isBool()) {
        t = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    }
    if (t == text()) {
        return;
    }
    const QSignalBlocker blocker(m_area ? static_cast<QObject *>(m_area) : m_line);
    if (m_area) {
        m_area->setPlainText(t);
    } else {
        m_line->setText(t);
    }
}

QWidget *TextFieldEditor::inputWidget() const
{
    return m_area ? static_cast<QWidget *>(m_area) : m_line;
}

} // namespace Gantry::Ui
