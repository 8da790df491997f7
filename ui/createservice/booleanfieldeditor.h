#pragma once

#include "ui/createservice/fieldeditor.h"

class QCheckBox;

namespace Gantry::Ui {

// Booleans: a check box carrying the field's title.
class BooleanFieldEditor final : public FieldEditor
{
    Q_OBJECT
public:
    explicit BooleanFieldEditor(const Scaffold::FormField &field, QWidget *parent = nullptr);

    QJsonValue value() const override;
    void setValue(const QJsonValue &value) override;
    QWidget *inputWidget() const override;
    bool showsOwnTitle() const override { return true; }

    QCheckBox *checkBox() const { return m_check; }

private:
    QCheckBox *m_check;
};

} // namespace Gantry::Ui
