#pragma once

#include "models/catalog/catalog.h"
#include "models/scaffold/formdescription.h"

#include <QJsonValue>
#include <QWidget>

namespace Gantry::Ui {

// One generated input of the create-service wizard: the widget for a template parameter, chosen by
// its type, `ui:widget` and `ui:field` (picker). Values are JSON, as the scaffolder takes them; an
// empty input is Undefined. Subclasses emit valueEdited() on every change the person makes.
class FieldEditor : public QWidget
{
    Q_OBJECT
public:
    // The editor for `field`: line edit, text area, password, spin box, check box, radio buttons,
    // combo box, checklist (arrays), or one of the catalog pickers. `catalog` may be null.
    static FieldEditor *create(const Scaffold::FormField &field, const Catalog::CatalogPtr &catalog,
                               QWidget *parent = nullptr);

    const Scaffold::FormField &field() const { return m_field; }
    virtual QJsonValue value() const = 0;
    virtual void setValue(const QJsonValue &value) = 0;
    // The widget that takes the keyboard focus (autofocus, the first invalid field).
    virtual QWidget *inputWidget() const = 0;
    // A new catalog snapshot: pickers refresh their choices, keeping the value.
    virtual void setCatalog(const Catalog::CatalogPtr &catalog) { Q_UNUSED(catalog) }
    // Whether Return pressed inside this editor is its own (a text area, a tag being added)
    // rather than the wizard's "Next".
    virtual bool wantsReturn() const { return false; }
    // Whether the label column shows the title (a check box carries its own).
    virtual bool showsOwnTitle() const { return false; }

Q_SIGNALS:
    void valueEdited();

protected:
    explicit FieldEditor(const Scaffold::FormField &field, QWidget *parent = nullptr);
    // Sets up `w` as the focus proxy and accessible input of this editor.
    void adoptInput(QWidget *w);

private:
    Scaffold::FormField m_field;
};

} // namespace Gantry::Ui
