#pragma once

#include "ui/createservice/fieldeditor.h"

class QLineEdit;
class QPlainTextEdit;

namespace Gantry::Ui {

// Strings: a line edit (also for EntityNamePicker), a password field (`ui:widget: password`) or a
// text area (`ui:widget: textarea`, `ui:options.rows`).
class TextFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    explicit TextFieldEditor(const Scaffold::FormField &field, QWidget *parent = nullptr);

    QJsonValue value() const override;
    void setValue(const QJsonValue &value) override;
    QWidget *inputWidget() const override;
    bool wantsReturn() const override { return m_area != nullptr; }

    QLineEdit *lineEdit() const { return m_line; }
    QPlainTextEdit *textArea() const { return m_area; }

private:
    QString text() const;

    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_area = nullptr;
};

} // namespace Gantry::Ui
