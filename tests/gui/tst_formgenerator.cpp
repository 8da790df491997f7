// The create-service wizard's form generator: one editor per field type and `ui:widget`, the
// catalog pickers, values as JSON, and inline validation messages under the fields.
#include "models/scaffold/formdescription.h"
#include "tests/unit/catalogtestutil.h"
#include "ui/createservice/booleanfieldeditor.h"
#include "ui/createservice/choicefieldeditor.h"
#include "ui/createservice/entitypickerfieldeditor.h"
#include "ui/createservice/fieldeditor.h"
#include "ui/createservice/formpagewidget.h"
#include "ui/createservice/multiselectfieldeditor.h"
#include "ui/createservice/numberfieldeditor.h"
#include "ui/createservice/repourlpickerfieldeditor.h"
#include "ui/createservice/textfieldeditor.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <memory>

using namespace Gantry;
using Scaffold::FieldType;
using Scaffold::FieldWidget;
using Scaffold::FormField;
using Scaffold::PickerKind;

namespace {

FormField field(const QString &key, FieldType type, const QString &title = {})
{
    FormField f;
    f.key = key;
    f.type = type;
    f.title = title;
    return f;
}

Catalog::CatalogPtr sampleCatalog()
{
    return Tests::catalogFromYaml(Tests::sampleCatalogYaml());
}

template<typename T>
std::unique_ptr<T> editorAs(const FormField &f, const Catalog::CatalogPtr &catalog = nullptr)
{
    Ui::FieldEditor *editor = Ui::FieldEditor::create(f, catalog);
    auto *typed = qobject_cast<T *>(editor);
    if (!typed) {
        delete editor;
    }
    return std::unique_ptr<T>(typed);
}

} // namespace

using Gantry::Ui::FieldEditor;

class TestFormGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textFields()
    {
        FormField plain = field(QStringLiteral("name"), FieldType::String, QStringLiteral("Name"));
        plain.placeholder = QStringLiteral("my-service");
        auto line = editorAs<Ui::TextFieldEditor>(plain);
        QVERIFY(line);
        QVERIFY(line->lineEdit());
        QCOMPARE(line->lineEdit()->placeholderText(), QStringLiteral("my-service"));
        QCOMPARE(line->lineEdit()->echoMode(), QLineEdit::Normal);
        QVERIFY(line->value().isUndefined()); // empty = not given
        QSignalSpy edited(line.get(), &FieldEditor::valueEdited);
        QTest::keyClicks(line->lineEdit(), QStringLiteral("abc"));
        QCOMPARE(line->value(), QJsonValue(QStringLiteral("abc")));
        QVERIFY(edited.count() >= 3);

        FormField password = plain;
        password.widget = FieldWidget::Password;
        auto secret = editorAs<Ui::TextFieldEditor>(password);
        QVERIFY(secret);
        QCOMPARE(secret->lineEdit()->echoMode(), QLineEdit::Password);

        FormField area = plain;
        area.widget = FieldWidget::TextArea;
        area.rows = 6;
        auto text = editorAs<Ui::TextFieldEditor>(area);
        QVERIFY(text);
        QVERIFY(text->textArea());
        QVERIFY(text->wantsReturn());
        text->setValue(QStringLiteral("line 1\nline 2"));
        QCOMPARE(text->value(), QJsonValue(QStringLiteral("line 1\nline 2")));
        // Six rows are visible without scrolling.
        QVERIFY(text->textArea()->height() >= text->textArea()->fontMetrics().lineSpacing() * 6);
    }

    void numberFields()
    {
        FormField replicas = field(QStringLiteral("replicas"), FieldType::Integer, QStringLiteral("Replicas"));
        replicas.minimum = 1;
        replicas.maximum = 10;
        replicas.defaultValue = 3;
        auto spin = editorAs<Ui::NumberFieldEditor>(replicas);
        QVERIFY(spin);
        QVERIFY(spin->spinBox());
        QCOMPARE(spin->spinBox()->minimum(), 1);
        QCOMPARE(spin->spinBox()->maximum(), 10);
        QCOMPARE(spin->value(), QJsonValue(3));
        spin->spinBox()->setValue(50); // clamped to the maximum
        QCOMPARE(spin->value(), QJsonValue(10));

        FormField ratio = field(QStringLiteral("ratio"), FieldType::Number);
        auto optional = editorAs<Ui::NumberFieldEditor>(ratio);
        QVERIFY(optional);
        QVERIFY(optional->doubleSpinBox());
        QVERIFY(optional->value().isUndefined()); // optional without a default starts "Not set"
        QCOMPARE(optional->doubleSpinBox()->text(), QStringLiteral("Not set"));
        optional->setValue(0.25);
        QCOMPARE(optional->value(), QJsonValue(0.25));
    }

    void booleanField()
    {
        FormField flag = field(QStringLiteral("public"), FieldType::Boolean, QStringLiteral("Public API"));
        auto check = editorAs<Ui::BooleanFieldEditor>(flag);
        QVERIFY(check);
        QCOMPARE(check->checkBox()->text(), QStringLiteral("Public API"));
        QVERIFY(check->showsOwnTitle());
        QCOMPARE(check->value(), QJsonValue(false));
        QTest::mouseClick(check->checkBox(), Qt::LeftButton);
        QCOMPARE(check->value(), QJsonValue(true));
    }

    void enumFields()
    {
        FormField lang = field(QStringLiteral("lifecycle"), FieldType::String, QStringLiteral("Lifecycle"));
        lang.enumValues = QJsonArray{QStringLiteral("experimental"), QStringLiteral("production")};
        lang.enumLabels = {QStringLiteral("Experimental"), QStringLiteral("Production")};
        lang.defaultValue = QStringLiteral("production");
        auto combo = editorAs<Ui::ChoiceFieldEditor>(lang);
        QVERIFY(combo);
        QVERIFY(combo->comboBox());
        QCOMPARE(combo->comboBox()->count(), 2);
        QCOMPARE(combo->comboBox()->currentText(), QStringLiteral("Production")); // labels from enumNames
        QCOMPARE(combo->value(), QJsonValue(QStringLiteral("production")));
        combo->comboBox()->setCurrentIndex(0);
        QCOMPARE(combo->value(), QJsonValue(QStringLiteral("experimental")));

        FormField size = field(QStringLiteral("size"), FieldType::Integer, QStringLiteral("Size"));
        size.enumValues = QJsonArray{1, 2, 4};
        size.widget = FieldWidget::Radio;
        auto radio = editorAs<Ui::ChoiceFieldEditor>(size);
        QVERIFY(radio);
        QVERIFY(radio->buttonGroup());
        QCOMPARE(radio->buttonGroup()->buttons().size(), 3);
        QVERIFY(radio->value().isUndefined());
        radio->buttonGroup()->button(2)->click();
        QCOMPARE(radio->value(), QJsonValue(4)); // the JSON type is kept
    }

    void arrayFields()
    {
        FormField features = field(QStringLiteral("features"), FieldType::Array, QStringLiteral("Features"));
        features.itemEnumValues =
            QJsonArray{QStringLiteral("metrics"), QStringLiteral("tracing"), QStringLiteral("grpc")};
        features.widget = FieldWidget::Checkboxes;
        auto list = editorAs<Ui::MultiSelectFieldEditor>(features);
        QVERIFY(list);
        QCOMPARE(list->choiceValues(),
                 (QStringList{QStringLiteral("metrics"), QStringLiteral("tracing"), QStringLiteral("grpc")}));
        QVERIFY(list->value().isUndefined());
        list->setValue(QJsonArray{QStringLiteral("grpc"), QStringLiteral("metrics")});
        QCOMPARE(list->value(), QJsonValue(QJsonArray{QStringLiteral("grpc"), QStringLiteral("metrics")}));

        // A free list of strings takes typed values with Enter.
        FormField aliases = field(QStringLiteral("aliases"), FieldType::Array, QStringLiteral("Aliases"));
        auto free = editorAs<Ui::MultiSelectFieldEditor>(aliases);
        QVERIFY(free);
        QTest::keyClicks(free->filterEdit(), QStringLiteral("alpha"));
        QTest::keyClick(free->filterEdit(), Qt::Key_Return);
        QCOMPARE(free->value(), QJsonValue(QJsonArray{QStringLiteral("alpha")}));
        QVERIFY(free->filterEdit()->text().isEmpty());
    }

    void pickers()
    {
        const Catalog::CatalogPtr catalog = sampleCatalog();

        FormField owner = field(QStringLiteral("owner"), FieldType::String, QStringLiteral("Owner"));
        owner.picker = PickerKind::OwnerPicker;
        auto ownerPicker = editorAs<Ui::EntityPickerFieldEditor>(owner, catalog);
        QVERIFY(ownerPicker);
        QStringList choices;
        for (int i = 0; i < ownerPicker->comboBox()->count(); ++i) {
            choices << ownerPicker->comboBox()->itemData(i).toString();
        }
        // Groups (and users) only.
        QVERIFY2(choices.contains(QStringLiteral("group:default/team-a")), qPrintable(choices.join(u',')));
        QVERIFY(!choices.contains(QStringLiteral("component:default/checkout")));
        // A typed short name becomes a full reference.
        QTest::keyClicks(ownerPicker->comboBox()->lineEdit(), QStringLiteral("team-b"));
        QCOMPARE(ownerPicker->value(), QJsonValue(QStringLiteral("group:default/team-b")));

        FormField system = field(QStringLiteral("system"), FieldType::String, QStringLiteral("System"));
        system.picker = PickerKind::EntityPicker;
        system.pickerOptions.allowedKinds = {QStringLiteral("System")};
        auto systemPicker = editorAs<Ui::EntityPickerFieldEditor>(system, catalog);
        QVERIFY(systemPicker);
        QCOMPARE(systemPicker->comboBox()->count(), 1);
        QCOMPARE(systemPicker->comboBox()->itemData(0).toString(), QStringLiteral("system:default/shop"));
        systemPicker->setValue(QStringLiteral("system:default/shop"));
        QCOMPARE(systemPicker->comboBox()->currentIndex(), 0);

        FormField deps = field(QStringLiteral("dependsOn"), FieldType::Array, QStringLiteral("Depends on"));
        deps.picker = PickerKind::EntityPicker;
        deps.pickerOptions.allowedKinds = {QStringLiteral("Component"), QStringLiteral("Resource")};
        auto depsPicker = editorAs<Ui::MultiSelectFieldEditor>(deps, catalog);
        QVERIFY(depsPicker);
        QVERIFY(depsPicker->choiceValues().contains(QStringLiteral("resource:default/orders-db")));
        QVERIFY(!depsPicker->choiceValues().contains(QStringLiteral("group:default/team-a")));
        // Filter, then Enter checks the first match.
        QTest::keyClicks(depsPicker->filterEdit(), QStringLiteral("orders"));
        QTest::keyClick(depsPicker->filterEdit(), Qt::Key_Return);
        QCOMPARE(depsPicker->value(), QJsonValue(QJsonArray{QStringLiteral("resource:default/orders-db")}));

        FormField tags = field(QStringLiteral("tags"), FieldType::Array, QStringLiteral("Tags"));
        tags.picker = PickerKind::EntityTagsPicker;
        auto tagsPicker = editorAs<Ui::MultiSelectFieldEditor>(tags, catalog);
        QVERIFY(tagsPicker);
        QVERIFY(tagsPicker->choiceValues().contains(QStringLiteral("payments"))); // from the catalog
        QTest::keyClicks(tagsPicker->filterEdit(), QStringLiteral("brand-new"));
        QTest::keyClick(tagsPicker->filterEdit(), Qt::Key_Return);
        QCOMPARE(tagsPicker->value(), QJsonValue(QJsonArray{QStringLiteral("brand-new")}));

        FormField repo = field(QStringLiteral("repoUrl"), FieldType::String, QStringLiteral("Repository"));
        repo.picker = PickerKind::RepoUrlPicker;
        repo.pickerOptions.allowedHosts = {QStringLiteral("github.com"), QStringLiteral("gitlab.example.com")};
        auto repoPicker = editorAs<Ui::RepoUrlPickerFieldEditor>(repo, catalog);
        QVERIFY(repoPicker);
        QCOMPARE(repoPicker->hostBox()->count(), 2);
        repoPicker->ownerBox()->setEditText(QStringLiteral("acme"));
        QTest::keyClicks(repoPicker->repoEdit(), QStringLiteral("payments"));
        QCOMPARE(repoPicker->value(), QJsonValue(QStringLiteral("github.com?owner=acme&repo=payments")));
        repoPicker->setValue(QStringLiteral("gitlab.example.com?owner=ops&repo=tools"));
        QCOMPARE(repoPicker->hostBox()->currentText(), QStringLiteral("gitlab.example.com"));
        QCOMPARE(repoPicker->repoEdit()->text(), QStringLiteral("tools"));
    }

    void inlineValidation()
    {
        Scaffold::FormPage page;
        page.title = QStringLiteral("Service");
        FormField name = field(QStringLiteral("name"), FieldType::String, QStringLiteral("Name"));
        name.required = true;
        name.picker = PickerKind::EntityNamePicker;
        FormField description = field(QStringLiteral("description"), FieldType::String, QStringLiteral("Description"));
        description.maxLength = 200;
        description.help = QStringLiteral("One sentence.");
        FormField port = field(QStringLiteral("port"), FieldType::String, QStringLiteral("Port"));
        port.pattern = QStringLiteral("^[0-9]+$");
        page.fields = {name, description, port};

        Ui::FormPageWidget form(page, sampleCatalog());
        form.resize(700, 500);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        QSignalSpy validity(&form, &Ui::FormPageWidget::validityChanged);

        // Required and empty: invalid, but no message before the person typed anything.
        QVERIFY(!form.isValid());
        QVERIFY(form.errors().contains(QStringLiteral("name")));
        QVERIFY(form.errorLabel(QStringLiteral("name"))->isHidden());
        QVERIFY(form.findChild<QLabel *>(QStringLiteral("help_description")));
        QCOMPARE(form.findChild<QLabel *>(QStringLiteral("help_description"))->text(), QStringLiteral("One sentence."));

        // A name already taken in the catalog is refused on the spot, under the field.
        auto *nameEdit = qobject_cast<Ui::TextFieldEditor *>(form.editor(QStringLiteral("name")))->lineEdit();
        QTest::keyClicks(nameEdit, QStringLiteral("checkout"));
        QVERIFY(!form.isValid());
        QLabel *nameError = form.errorLabel(QStringLiteral("name"));
        QVERIFY(nameError->isVisible());
        QVERIFY2(nameError->text().contains(QStringLiteral("already taken")), qPrintable(nameError->text()));

        // One more letter: free, valid, message gone.
        QTest::keyClicks(nameEdit, QStringLiteral("-v2"));
        QVERIFY2(form.isValid(), qPrintable(QStringList(form.errors().values()).join(u'\n')));
        QVERIFY(nameError->isHidden());
        QVERIFY(validity.count() >= 1);
        QCOMPARE(validity.last().at(0).toBool(), true);

        // Clearing a required field says so.
        nameEdit->selectAll();
        QTest::keyClick(nameEdit, Qt::Key_Delete);
        QVERIFY(nameError->isVisible());
        QVERIFY2(nameError->text().contains(QStringLiteral("required")), qPrintable(nameError->text()));
        QTest::keyClicks(nameEdit, QStringLiteral("fresh"));

        // A pattern is checked as you type.
        auto *portEdit = qobject_cast<Ui::TextFieldEditor *>(form.editor(QStringLiteral("port")))->lineEdit();
        QTest::keyClicks(portEdit, QStringLiteral("80a"));
        QLabel *portError = form.errorLabel(QStringLiteral("port"));
        QVERIFY(portError->isVisible());
        QVERIFY2(portError->text().contains(QStringLiteral("pattern")), qPrintable(portError->text()));
        QVERIFY(!form.isValid());
        QTest::keyClick(portEdit, Qt::Key_Backspace);
        QVERIFY(form.isValid());
        QVERIFY(portError->isHidden());

        const QJsonObject values = form.mergedValues({});
        QCOMPARE(values.value(QStringLiteral("name")).toString(), QStringLiteral("fresh"));
        QCOMPARE(values.value(QStringLiteral("port")).toString(), QStringLiteral("80"));
        QVERIFY(!values.contains(QStringLiteral("description"))); // empty = left out
    }

    void showAllErrorsAndFocus()
    {
        Scaffold::FormPage page;
        FormField a = field(QStringLiteral("a"), FieldType::String, QStringLiteral("First"));
        FormField b = field(QStringLiteral("b"), FieldType::String, QStringLiteral("Second"));
        b.required = true;
        b.autofocus = true;
        page.fields = {a, b};
        Ui::FormPageWidget form(page, nullptr);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        form.activateWindow();
        form.focusFirstField(); // ui:autofocus
        QTRY_VERIFY(form.editor(QStringLiteral("b"))->inputWidget()->hasFocus());
        QVERIFY(form.errorLabel(QStringLiteral("b"))->isHidden());
        form.showAllErrors(); // Next pressed on an invalid page
        QVERIFY(form.errorLabel(QStringLiteral("b"))->isVisible());
        QVERIFY(form.errorLabel(QStringLiteral("a"))->isHidden());
    }

    void conditionsShowAndHideFields()
    {
        Scaffold::FormPage page;
        FormField db = field(QStringLiteral("database"), FieldType::Boolean, QStringLiteral("Needs a database"));
        FormField engine = field(QStringLiteral("engine"), FieldType::String, QStringLiteral("Engine"));
        engine.enumValues = QJsonArray{QStringLiteral("postgres"), QStringLiteral("mysql")};
        engine.required = true;
        engine.condition.field = QStringLiteral("database");
        engine.condition.values = QJsonArray{true};
        page.fields = {db, engine};
        Ui::FormPageWidget form(page, nullptr);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        QVERIFY(!form.isFieldShown(QStringLiteral("engine")));
        QVERIFY(form.isValid()); // a hidden field is not asked for
        auto *check = qobject_cast<Ui::BooleanFieldEditor *>(form.editor(QStringLiteral("database")))->checkBox();
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(form.isFieldShown(QStringLiteral("engine")));
        QVERIFY(!form.isValid());
        auto *engineCombo = qobject_cast<Ui::ChoiceFieldEditor *>(form.editor(QStringLiteral("engine")))->comboBox();
        engineCombo->setCurrentIndex(1);
        QVERIFY(form.isValid());
        QCOMPARE(form.mergedValues({}).value(QStringLiteral("engine")).toString(), QStringLiteral("mysql"));
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(!form.isFieldShown(QStringLiteral("engine")));
        QVERIFY(!form.mergedValues({}).contains(QStringLiteral("engine"))); // inactive values are not sent
    }

    void templateTextIsEscaped()
    {
        Scaffold::FormPage page;
        FormField evil = field(QStringLiteral("x"), FieldType::String, QStringLiteral("<img src=x> <b>Bold</b>"));
        evil.required = true;
        page.fields = {evil};
        Ui::FormPageWidget form(page, nullptr);
        auto *label = form.findChild<QLabel *>(QStringLiteral("label_x"));
        QVERIFY(label);
        QVERIFY(label->text().contains(QStringLiteral("&lt;b&gt;Bold&lt;/b&gt;")));
        QVERIFY(!label->text().contains(QStringLiteral("<b>")));
    }
};

QTEST_MAIN(TestFormGenerator)
#include "tst_formgenerator.moc"
