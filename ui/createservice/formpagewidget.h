#pragma once

#include "models/catalog/catalog.h"
#include "models/scaffold/formdescription.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

#include <vector>

class QLabel;
class QVBoxLayout;

namespace Gantry::Ui {

class FieldEditor;

// One page of a template's parameters as a generated form: a row per field with its title
// (required ones marked), the editor, the description and `ui:help`, and the field's error right
// under it. Validates as the person types (FormValidator: pattern, lengths, ranges, "already taken
// in the catalog"); an error shows once its field was edited, or for every field after
// showAllErrors() (Next pressed on an invalid page). Fields with a condition show only while it holds.
class FormPageWidget final : public QWidget
{
    Q_OBJECT
public:
    FormPageWidget(const Scaffold::FormPage &page, const Catalog::CatalogPtr &catalog, QWidget *parent = nullptr);

    const Scaffold::FormPage &page() const { return m_page; }
    void setCatalog(const Catalog::CatalogPtr &catalog);

    // All the wizard's values: fills this page's editors and is the context of conditions.
    void setValues(const QJsonObject &values);
    // The wizard's values with this page's keys replaced (inactive or empty ones removed).
    QJsonObject mergedValues(const QJsonObject &values) const;

    // Errors of the active fields, by key; empty = the page is valid.
    QHash<QString, QString> errors() const { return m_errors; }
    bool isValid() const { return m_errors.isEmpty(); }
    void showAllErrors();
    // Focus: the first invalid field after showAllErrors(), else the `ui:autofocus` field, else the first.
    void focusFirstField();
    // Whether the person typed or chose anything on this page.
    bool isEdited() const { return !m_touched.isEmpty(); }

    FieldEditor *editor(const QString &key) const;
    // The shown error under a field (hidden when none).
    QLabel *errorLabel(const QString &key) const;
    bool isFieldShown(const QString &key) const;

Q_SIGNALS:
    void validityChanged(bool valid);
    void valuesEdited();

private:
    struct Row
    {
        FieldEditor *editor = nullptr;
        QWidget *label = nullptr;
        QWidget *box = nullptr;
        QLabel *error = nullptr;
    };
    const Row *row(const QString &key) const;
    void onEdited(const QString &key);
    void revalidate();
    void updateConditions();
    void updateErrorLabels();

    Scaffold::FormPage m_page;
    Catalog::CatalogPtr m_catalog;
    QJsonObject m_context;
    std::vector<Row> m_rows;
    QHash<QString, QString> m_errors;
    QSet<QString> m_touched;
    bool m_showAll = false;
    bool m_valid = true;
};

} // namespace Gantry::Ui
