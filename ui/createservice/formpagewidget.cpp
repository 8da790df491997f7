#include "ui/createservice/formpagewidget.h"

#include "models/scaffold/formvalidator.h"
#include "ui/createservice/fieldeditor.h"
#include "ui/icons.h"

#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSet>
#include <QVBoxLayout>

namespace Gantry::Ui {

namespace {
QLabel *mutedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QColor errorColor(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
}
} // namespace

FormPageWidget::FormPageWidget(const Scaffold::FormPage &page, const Catalog::CatalogPtr &catalog, QWidget *parent)
    : QWidget(parent)
    , m_page(page)
    , m_catalog(catalog)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    if (!page.description.isEmpty()) {
        auto *description = mutedLabel(page.description, this);
        description->setObjectName(QStringLiteral("pageDescription"));
        description->setContentsMargins(0, 0, 0, 6);
        layout->addWidget(description);
    }

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(scroll);
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 4, 12, 4);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(14);
    grid->setColumnStretch(1, 1);

    const QString requiredMark = QStringLiteral(" <span style=\"color:%1\">*</span>").arg(errorColor(palette()).name());
    int r = 0;
    for (const Scaffold::FormField &field : m_page.fields) {
        Row row;
        row.editor = FieldEditor::create(field, catalog, content);
        if (!row.editor->showsOwnTitle()) {
            // Rich text only for the red star: the title (template text) is escaped.
            auto *label =
                new QLabel(field.displayTitle().toHtmlEscaped() + (field.required ? requiredMark : QString()), content);
            label->setTextFormat(Qt::RichText);
            label->setBuddy(row.editor->inputWidget());
            label->setAlignment(Qt::AlignRight | Qt::AlignTop);
            label->setContentsMargins(0, 4, 0, 0);
            label->setWordWrap(false);
            row.label = label;
        } else {
            row.label = new QWidget(content);
        }
        row.label->setObjectName(QStringLiteral("label_") + field.key);
        if (field.required) {
            row.label->setToolTip(tr("Required"));
        }

        row.box = new QWidget(content);
        auto *box = new QVBoxLayout(row.box);
        box->setContentsMargins(0, 0, 0, 0);
        box->setSpacing(3);
        box->addWidget(row.editor);
        row.error = new QLabel(row.box);
        row.error->setObjectName(QStringLiteral("error_") + field.key);
        row.error->setTextFormat(Qt::PlainText);
        row.error->setWordWrap(true);
        QPalette errorPalette = row.error->palette();
        errorPalette.setColor(QPalette::WindowText, errorColor(palette()));
        row.error->setPalette(errorPalette);
        row.error->hide();
        box->addWidget(row.error);
        QStringList notes;
        if (!field.description.isEmpty()) {
            notes << field.description;
        }
        if (!field.help.isEmpty() && field.help != field.description) {
            notes << field.help;
        }
        if (!notes.isEmpty()) {
            auto *note = mutedLabel(notes.join(QLatin1Char('\n')), row.box);
            note->setObjectName(QStringLiteral("help_") + field.key);
            box->addWidget(note);
        }
        grid->addWidget(row.label, r, 0);
        grid->addWidget(row.box, r, 1);
        ++r;
        const QString key = field.key;
        connect(row.editor, &FieldEditor::valueEdited, this, [this, key] { onEdited(key); });
        m_rows.push_back(row);
    }
    grid->setRowStretch(r, 1);
    scroll->setWidget(content);
    layout->addWidget(scroll, 1);

    updateConditions();
    revalidate();
    m_valid = m_errors.isEmpty();
}

const FormPageWidget::Row *FormPageWidget::row(const QString &key) const
{
    for (const Row &r : m_rows) {
        if (r.editor->field().key == key) {
            return &r;
        }
    }
    return nullptr;
}

FieldEditor *FormPageWidget::editor(const QString &key) const
{
    const Row *r = row(key);
    return r ? r->editor : nullptr;
}

QLabel *FormPageWidget::errorLabel(const QString &key) const
{
    const Row *r = row(key);
    return r ? r->error : nullptr;
}

bool FormPageWidget::isFieldShown(const QString &key) const
{
    const Row *r = row(key);
    return r && !r->box->isHidden();
}

void FormPageWidget::setCatalog(const Catalog::CatalogPtr &catalog)
{
    if (catalog == m_catalog) {
        return;
    }
    m_catalog = catalog;
    for (const Row &r : m_rows) {
        r.editor->setCatalog(catalog);
    }
    revalidate();
}

void FormPageWidget::setValues(const QJsonObject &values)
{
    m_context = values;
    for (const Row &r : m_rows) {
        const QString key = r.editor->field().key;
        if (values.contains(key)) {
            r.editor->setValue(values.value(key));
        }
    }
    updateConditions();
    revalidate();
}

QJsonObject FormPageWidget::mergedValues(const QJsonObject &values) const
{
    QJsonObject merged = values;
    // Editors first (conditions may refer to fields of this page), then drop what is inactive.
    for (const Row &r : m_rows) {
        const QJsonValue v = r.editor->value();
        if (v.isUndefined()) {
            merged.remove(r.editor->field().key);
        } else {
            merged.insert(r.editor->field().key, v);
        }
    }
    for (const Row &r : m_rows) {
        if (!Scaffold::FormDescription::isActive(r.editor->field(), merged)) {
            merged.remove(r.editor->field().key);
        }
    }
    return merged;
}

void FormPageWidget::onEdited(const QString &key)
{
    m_touched.insert(key);
    m_context = mergedValues(m_context);
    updateConditions();
    revalidate();
    Q_EMIT valuesEdited();
}

void FormPageWidget::updateConditions()
{
    const QJsonObject values = mergedValues(m_context);
    for (const Row &r : m_rows) {
        const bool active = Scaffold::FormDescription::isActive(r.editor->field(), values);
        r.label->setVisible(active);
        r.box->setVisible(active);
    }
}

void FormPageWidget::revalidate()
{
    const QJsonObject values = mergedValues(m_context);
    m_errors = Scaffold::FormValidator::validatePage(m_page, values, m_catalog.get());
    updateErrorLabels();
    const bool valid = m_errors.isEmpty();
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
}

void FormPageWidget::updateErrorLabels()
{
    for (const Row &r : m_rows) {
        const QString key = r.editor->field().key;
        QString message = m_errors.value(key);
        // "Name: the name … is taken" reads as "The name … is taken" right under the Name field.
        const QString prefix = r.editor->field().displayTitle() + QStringLiteral(": ");
        if (message.startsWith(prefix) && message.size() > prefix.size()) {
            message = message.mid(prefix.size());
            message[0] = message[0].toUpper();
        }
        const bool show = !message.isEmpty() && (m_showAll || m_touched.contains(key));
        r.error->setText(message);
        r.error->setVisible(show);
    }
}

void FormPageWidget::showAllErrors()
{
    m_showAll = true;
    updateErrorLabels();
}

void FormPageWidget::focusFirstField()
{
    const Row *target = nullptr;
    for (const Row &r : m_rows) {
        if (r.box->isHidden()) {
            continue;
        }
        if (m_showAll && m_errors.contains(r.editor->field().key)) {
            target = &r;
            break;
        }
        if (!target || (r.editor->field().autofocus && !target->editor->field().autofocus)) {
            target = &r;
        }
    }
    if (target) {
        target->editor->inputWidget()->setFocus(Qt::OtherFocusReason);
    }
}

} // namespace Gantry::Ui
