// Template parameters become forms: every supported JSON Schema / uiSchema feature is read, what is
// not supported is reported with its line, and values are validated the way the wizard and
// `gantry create-service` show them (including "name already taken in the catalog").
#include "models/catalog/yamltree.h"
#include "models/scaffold/formdescription.h"
#include "models/scaffold/formvalidator.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

#include "catalogtestutil.h"

using namespace Gantry::Scaffold;
using Gantry::Catalog::Problem;
using Gantry::Catalog::YamlTree;

namespace {

QByteArray readData(const char *name)
{
    QFile f(qEnvironmentVariable("GANTRY_SOURCE_DIR") + QStringLiteral("/tests/data/templates/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("cannot read test data %s", name);
    }
    return f.readAll();
}

const QByteArray kParameters = readData("parameters.yaml");

FormDescription parse(const QByteArray &yaml, std::vector<Problem> *problems)
{
    static std::vector<std::shared_ptr<YamlTree>> keep;
    auto tree = YamlTree::parse(yaml, QStringLiteral("template.yaml"), problems);
    keep.push_back(tree);
    return FormDescription::fromParameters(tree->documentRoot(0)[std::string_view("parameters")],
                                           QStringLiteral("template.yaml"), problems);
}

int errorCount(const std::vector<Problem> &problems)
{
    return int(std::count_if(problems.begin(), problems.end(), [](const Problem &p) { return p.isError(); }));
}

} // namespace

class TestFormDescription : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsPagesAndFields()
    {
        std::vector<Problem> problems;
        const FormDescription form = parse(kParameters, &problems);
        QCOMPARE(errorCount(problems), 0);
        QCOMPARE(int(form.pages.size()), 2);
        QCOMPARE(form.pages[0].title, QStringLiteral("Basics"));
        QCOMPARE(form.pages[0].description, QStringLiteral("The first page"));

        const FormField *name = form.field(QStringLiteral("name"));
        QVERIFY(name);
        QCOMPARE(name->picker, PickerKind::EntityNamePicker);
        QVERIFY(name->required);
        QVERIFY(name->autofocus);
        QCOMPARE(name->help, QStringLiteral("lower-case"));
        QCOMPARE(name->placeholder, QStringLiteral("my-service"));
        QCOMPARE(name->location.line, 6);

        QCOMPARE(form.field(QStringLiteral("owner"))->picker, PickerKind::OwnerPicker);
        QCOMPARE(form.field(QStringLiteral("owner"))->pickerOptions.allowedKinds, QStringList{QStringLiteral("Group")});
        QCOMPARE(form.field(QStringLiteral("system"))->pickerOptions.allowedKinds,
                 QStringList{QStringLiteral("System")});
        QCOMPARE(form.field(QStringLiteral("notes"))->widget, FieldWidget::TextArea);
        QCOMPARE(form.field(QStringLiteral("notes"))->rows, 4);
        QCOMPARE(form.field(QStringLiteral("token"))->widget, FieldWidget::Password);
        QVERIFY(form.field(QStringLiteral("token"))->hiddenOnReview);

        const FormField *replicas = form.field(QStringLiteral("replicas"));
        QCOMPARE(replicas->type, FieldType::Integer);
        QCOMPARE(replicas->defaultValue, QJsonValue(2));
        QCOMPARE(*replicas->minimum, 1.0);
        QCOMPARE(*replicas->maximum, 5.0);
        QCOMPARE(form.field(QStringLiteral("ratio"))->type, FieldType::Number);
        QCOMPARE(form.field(QStringLiteral("enabled"))->type, FieldType::Boolean);
        const FormField *language = form.field(QStringLiteral("language"));
        QCOMPARE(language->widget, FieldWidget::Radio);
        QCOMPARE(language->enumLabels, (QStringList{QStringLiteral("Go"), QStringLiteral("Python")}));
        QCOMPARE(form.field(QStringLiteral("tags"))->type, FieldType::Array);
        QCOMPARE(form.field(QStringLiteral("features"))->widget, FieldWidget::Checkboxes);
        QVERIFY(!form.field(QStringLiteral("name"))->defaultValue.isNull());
    }

    void dependenciesBecomeConditions()
    {
        std::vector<Problem> problems;
        const FormDescription form = parse(kParameters, &problems);
        const FormField *dbSize = form.field(QStringLiteral("dbSize"));
        QVERIFY(dbSize);
        QCOMPARE(dbSize->condition.field, QStringLiteral("database"));
        QVERIFY(dbSize->required);
        QJsonObject values = form.defaults();
        QVERIFY(!FormDescription::isActive(*dbSize, values));
        values.insert(QStringLiteral("database"), QStringLiteral("postgres"));
        QVERIFY(FormDescription::isActive(*dbSize, values));
        // The conditional field follows its controller on the page.
        const auto &fields = form.pages[1].fields;
        const auto at = std::find_if(fields.begin(), fields.end(),
                                     [](const FormField &f) { return f.key == QLatin1String("database"); });
        QCOMPARE((at + 1)->key, QStringLiteral("dbSize"));
        // Required only while shown.
        QJsonObject page2{{QStringLiteral("database"), QStringLiteral("none")}};
        QVERIFY(!FormValidator::validatePage(form.pages[1], page2, nullptr).contains(QStringLiteral("dbSize")));
        page2.insert(QStringLiteral("database"), QStringLiteral("postgres"));
        QVERIFY(FormValidator::validatePage(form.pages[1], page2, nullptr).contains(QStringLiteral("dbSize")));
    }

    void defaults()
    {
        std::vector<Problem> problems;
        const QJsonObject d = parse(kParameters, &problems).defaults();
        QCOMPARE(d.value(QStringLiteral("replicas")), QJsonValue(2));
        QCOMPARE(d.value(QStringLiteral("database")), QJsonValue(QStringLiteral("none")));
        QCOMPARE(d.value(QStringLiteral("enabled")), QJsonValue(false));
        QVERIFY(!d.contains(QStringLiteral("name")));
    }

    void unsupportedIsReportedWithLine()
    {
        std::vector<Problem> problems;
        parse(readData("unsupported-parameters.yaml"), &problems);
        QCOMPARE(errorCount(problems), 4);
        QCOMPARE(problems[0].location.line, 5);
        QVERIFY(problems[0].message.contains(QLatin1String("MyGroupsPicker")));
        QCOMPARE(problems[1].location.line, 7);
        QCOMPARE(problems[2].location.line, 10);
        QVERIFY(problems[2].message.contains(QLatin1String("colorpicker")));
        QVERIFY(problems[3].message.contains(QLatin1String("regular expression")));
        QCOMPARE(problems[0].location.file, QStringLiteral("template.yaml"));
    }

    void validatesValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("messagePart"); // empty: valid
        QTest::newRow("required missing") << "owner" << QJsonValue(QJsonValue::Undefined) << "required";
        QTest::newRow("required blank") << "name" << QJsonValue(QStringLiteral("  ")) << "required";
        QTest::newRow("optional missing") << "system" << QJsonValue(QJsonValue::Undefined) << "";
        QTest::newRow("good name") << "name" << QJsonValue(QStringLiteral("new-service")) << "";
        QTest::newRow("bad name") << "name" << QJsonValue(QStringLiteral("-bad-")) << "not a valid entity name";
        QTest::newRow("name taken") << "name" << QJsonValue(QStringLiteral("checkout")) << "already taken";
        QTest::newRow("name taken any case") << "name" << QJsonValue(QStringLiteral("Checkout")) << "already taken";
        QTest::newRow("name of a system taken") << "name" << QJsonValue(QStringLiteral("shop")) << "already taken";
        QTest::newRow("too long") << "notes" << QJsonValue(QString(21, QLatin1Char('x'))) << "at most 20";
        QTest::newRow("below minimum") << "replicas" << QJsonValue(0) << "at least 1";
        QTest::newRow("above maximum") << "replicas" << QJsonValue(6) << "at most 5";
        QTest::newRow("not integer") << "replicas" << QJsonValue(1.5) << "whole number";
        QTest::newRow("not in enum") << "language" << QJsonValue(QStringLiteral("rust")) << "one of: Go, Python";
        QTest::newRow("pattern") << "code" << QJsonValue(QStringLiteral("abc")) << "pattern";
        QTest::newRow("pattern ok") << "code" << QJsonValue(QStringLiteral("ABC")) << "";
        QTest::newRow("too many items") << "tags"
                                        << QJsonValue(QJsonArray{QStringLiteral("a"), QStringLiteral("b"),
                                                                 QStringLiteral("c"), QStringLiteral("d")})
                                        << "at most 3";
        QTest::newRow("bad tag") << "tags" << QJsonValue(QJsonArray{QStringLiteral("Not A Tag")}) << "not a valid tag";
        QTest::newRow("duplicate item") << "features"
                                        << QJsonValue(QJsonArray{QStringLiteral("metrics"), QStringLiteral("metrics")})
                                        << "twice";
        QTest::newRow("owner is a group") << "owner" << QJsonValue(QStringLiteral("group:default/team-a")) << "";
        QTest::newRow("owner is a component")
            << "owner" << QJsonValue(QStringLiteral("component:default/checkout")) << "choose Group";
        QTest::newRow("system is a system") << "system" << QJsonValue(QStringLiteral("system:default/shop")) << "";
        QTest::newRow("system is a group")
            << "system" << QJsonValue(QStringLiteral("group:default/team-a")) << "choose";
        QTest::newRow("huge value") << "token" << QJsonValue(QString(70000, QLatin1Char('x'))) << "longer than";
    }

    void validatesValues()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, messagePart);
        std::vector<Problem> problems;
        const FormDescription form = parse(kParameters, &problems);
        const auto catalog = Gantry::Tests::catalogFromYaml(Gantry::Tests::sampleCatalogYaml());
        const QString message = FormValidator::validate(*form.field(key), value, catalog.get());
        if (messagePart.isEmpty()) {
            QVERIFY2(message.isEmpty(), qPrintable(message));
        } else {
            QVERIFY2(message.contains(messagePart), qPrintable(message));
        }
    }

    void wholePageValidation()
    {
        std::vector<Problem> problems;
        const FormDescription form = parse(kParameters, &problems);
        const auto catalog = Gantry::Tests::catalogFromYaml(Gantry::Tests::sampleCatalogYaml());
        QJsonObject values{{QStringLiteral("name"), QStringLiteral("checkout")}};
        auto errors = FormValidator::validatePage(form.pages[0], values, catalog.get());
        QCOMPARE(errors.size(), 2);
        QVERIFY(errors.value(QStringLiteral("name")).contains(QLatin1String("already taken")));
        QVERIFY(errors.value(QStringLiteral("owner")).contains(QLatin1String("required")));
        values.insert(QStringLiteral("name"), QStringLiteral("fresh"));
        values.insert(QStringLiteral("owner"), QStringLiteral("group:default/team-b"));
        QVERIFY(FormValidator::validatePage(form.pages[0], values, catalog.get()).isEmpty());
        values.insert(QStringLiteral("nosuchparameter"), 1);
        QVERIFY(FormValidator::validateAll(form, values, catalog.get())
                    .value(QString())
                    .contains(QLatin1String("nosuchparameter")));
    }

    void pickerChoicesComeFromTheCatalog()
    {
        std::vector<Problem> problems;
        const FormDescription form = parse(kParameters, &problems);
        const auto catalog = Gantry::Tests::catalogFromYaml(Gantry::Tests::sampleCatalogYaml());
        QStringList owners;
        for (const PickerChoice &c :
             FormValidator::pickerChoices(*form.field(QStringLiteral("owner")), catalog.get())) {
            owners << c.value;
        }
        QCOMPARE(owners, (QStringList{QStringLiteral("group:default/team-a"), QStringLiteral("group:default/team-b")}));
        const auto systems = FormValidator::pickerChoices(*form.field(QStringLiteral("system")), catalog.get());
        QCOMPARE(int(systems.size()), 1);
        QCOMPARE(systems[0].value, QStringLiteral("system:default/shop"));
        QStringList tags;
        for (const PickerChoice &c : FormValidator::pickerChoices(*form.field(QStringLiteral("tags")), catalog.get())) {
            tags << c.value;
        }
        QVERIFY(tags.contains(QStringLiteral("payments")));
        QCOMPARE(FormValidator::normalizeEntityRef(*form.field(QStringLiteral("owner")), QStringLiteral("team-a")),
                 QStringLiteral("group:default/team-a"));
    }

    void valuesFromCommandLineText()
    {
        std::vector<Problem> problems;
        const FormDescription form = parse(kParameters, &problems);
        QString error;
        QCOMPARE(FormDescription::valueFromText(*form.field(QStringLiteral("replicas")), QStringLiteral("3"), &error),
                 QJsonValue(3));
        QCOMPARE(FormDescription::valueFromText(*form.field(QStringLiteral("enabled")), QStringLiteral("yes"), &error),
                 QJsonValue(true));
        QCOMPARE(FormDescription::valueFromText(*form.field(QStringLiteral("tags")), QStringLiteral("a, b"), &error),
                 QJsonValue(QJsonArray{QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(FormDescription::valueFromText(*form.field(QStringLiteral("replicas")), QStringLiteral("x"), &error)
                    .isUndefined());
        QVERIFY(error.contains(QLatin1String("replicas")));
    }
};

QTEST_GUILESS_MAIN(TestFormDescription)
#include "tst_formdescription.moc"
