// Templates load from the built-in golden paths, from catalog files and from Backstage's own
// samples; whatever Gantry cannot run is reported at load time with file:line:col.
#include "models/catalog/catalog.h"
#include "models/scaffold/scaffolder.h"
#include "models/scaffold/templateloader.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

using namespace Gantry::Scaffold;
using Gantry::Catalog::Problem;

namespace {

QString dataDir()
{
    return qEnvironmentVariable("GANTRY_SOURCE_DIR") + QStringLiteral("/tests/data/templates");
}

QString backstageDir()
{
    return qEnvironmentVariable("GANTRY_SHARED_DIR") + QStringLiteral("/reference/backstage");
}

const Problem *findProblem(const Template &t, const QString &part)
{
    for (const Problem &p : t.problems) {
        if (p.message.contains(part)) {
            return &p;
        }
    }
    return nullptr;
}

QString describe(const Template &t)
{
    QStringList lines;
    for (const Problem &p : t.problems) {
        lines << p.toCompilerString();
    }
    return lines.join(QLatin1Char('\n'));
}

Gantry::Workspace::Workspace fakeWorkspace()
{
    Gantry::Workspace::Workspace w;
    w.filePath = QStringLiteral("/nonexistent/gantry.yaml");
    w.gitRemotePattern = QStringLiteral("file:///nonexistent/git/{name}.git");
    Gantry::Workspace::CatalogLocation l;
    l.url = QStringLiteral("file:///nonexistent/git/catalog.git");
    l.path = QStringLiteral("catalog-info.yaml");
    w.locations.push_back(l);
    return w;
}

} // namespace

class TestTemplateLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInsLoadCleanly()
    {
        const auto templates = TemplateLoader::builtIn();
        QVERIFY(templates.size() >= 2);
        QVERIFY(TemplateLoader::find(templates, QStringLiteral("go-http-service")));
        QVERIFY(TemplateLoader::find(templates, QStringLiteral("template:default/python-http-service")));
        for (const TemplatePtr &t : templates) {
            QVERIFY2(t->problems.empty(), qPrintable(t->name + QLatin1Char('\n') + describe(*t)));
            QVERIFY(t->builtIn);
            QCOMPARE(t->type, QStringLiteral("service"));
            QCOMPARE(t->form.field(QStringLiteral("name"))->picker, PickerKind::EntityNamePicker);
            QCOMPARE(t->form.field(QStringLiteral("owner"))->picker, PickerKind::OwnerPicker);
            const FormField *system = t->form.field(QStringLiteral("system"));
            QCOMPARE(system->picker, PickerKind::EntityPicker);
            QCOMPARE(system->pickerOptions.allowedKinds, QStringList{QStringLiteral("System")});
            QVERIFY(t->form.field(QStringLiteral("description")));
            const FormField *dependsOn = t->form.field(QStringLiteral("dependsOn"));
            QCOMPARE(dependsOn->picker, PickerKind::EntityPicker);
            QCOMPARE(dependsOn->type, FieldType::Array);
            QVERIFY(t->form.field(QStringLiteral("name"))->required);
            QVERIFY(t->form.field(QStringLiteral("owner"))->required);
        }
    }

    void unsupportedThingsAreReportedAtLoad()
    {
        QString error;
        const TemplatePtr t = TemplateLoader::loadFile(dataDir() + QStringLiteral("/unsupported"), &error);
        QVERIFY2(t, qPrintable(error));
        QVERIFY(!t->isUsable());
        const Problem *action = findProblem(*t, QStringLiteral("\"shell:exec\" is not supported"));
        QVERIFY2(action, qPrintable(describe(*t)));
        QCOMPARE(action->location.line, 22);
        QVERIFY(action->location.file.endsWith(QLatin1String("unsupported/template.yaml")));
        const Problem *filter = findProblem(*t, QStringLiteral("unknown filter \"shout\""));
        QVERIFY(filter);
        QCOMPARE(filter->location.line, 28);
        QVERIFY(filter->location.column > 18); // points into the expression
        const Problem *expression = findProblem(*t, QStringLiteral("bad template expression"));
        QVERIFY(expression);
        QCOMPARE(expression->location.line, 28);
        const Problem *second = nullptr;
        for (const Problem &p : t->problems) {
            if (p.message.contains(QLatin1String("expected a value")) && p.location.line == 32) {
                second = &p;
            }
        }
        QVERIFY2(second, qPrintable(describe(*t)));
        const Problem *field = findProblem(*t, QStringLiteral("MyGroupsPicker"));
        QVERIFY(field);
        QCOMPARE(field->location.line, 16);
        const Problem *widget = findProblem(*t, QStringLiteral("colorpicker"));
        QVERIFY(widget);
        QCOMPARE(widget->location.line, 19);
        QVERIFY(action->toCompilerString().contains(QLatin1String("template.yaml:22:")));
    }

    void runRefusesAnUnusableTemplateBeforeAnyStep()
    {
        QString error;
        const TemplatePtr t = TemplateLoader::loadFile(dataDir() + QStringLiteral("/unsupported"), &error);
        const RunResult r = Scaffolder::dryRun(t, {{QStringLiteral("name"), QStringLiteral("x")}}, fakeWorkspace(), {});
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(QLatin1String("shell:exec")));
        QVERIFY(r.files.empty());
    }

    void backstageSamplesLoadAndRender()
    {
        if (!QFileInfo::exists(backstageDir())) {
            QSKIP("the Backstage samples ($GANTRY_SHARED_DIR/reference/backstage) are not here");
        }
        const QString templates =
            backstageDir() + QStringLiteral("/backstage__software-templates/scaffolder-templates");
        QString error;
        // A template Gantry runs as it is: load, then render a dry run that passes the validator.
        const TemplatePtr docs = TemplateLoader::loadFile(templates + QStringLiteral("/docs-template"), &error);
        QVERIFY2(docs, qPrintable(error));
        QVERIFY2(docs->isUsable(), qPrintable(describe(*docs)));
        QCOMPARE(int(docs->form.pages.size()), 2);
        QCOMPARE(docs->form.field(QStringLiteral("repoUrl"))->picker, PickerKind::RepoUrlPicker);
        QCOMPARE(docs->form.field(QStringLiteral("repoUrl"))->pickerOptions.allowedHosts,
                 QStringList{QStringLiteral("github.com")});
        const QJsonObject values{{QStringLiteral("name"), QStringLiteral("handbook")},
                                 {QStringLiteral("description"), QStringLiteral("Our \"handbook\": rules")},
                                 {QStringLiteral("owner"), QStringLiteral("group:default/docs")},
                                 {QStringLiteral("repoUrl"), QStringLiteral("github.com?owner=acme&repo=handbook")}};
        const RunResult r = Scaffolder::dryRun(docs, values, fakeWorkspace(), {});
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.files.count(QStringLiteral("catalog-info.yaml")));
        QVERIFY(r.files.count(QStringLiteral("docs/index.md")));
        const QByteArray info = r.files.at(QStringLiteral("catalog-info.yaml")).contents;
        QVERIFY2(info.contains("github.com/project-slug: acme/handbook"), info.constData());
        QVERIFY2(info.contains("description: \"Our \\\"handbook\\\": rules\""), info.constData());
        QCOMPARE(r.entityRef, QStringLiteral("component:default/handbook"));
        QCOMPARE(r.remoteUrl, QStringLiteral("file:///nonexistent/git/handbook.git"));

        const TemplatePtr example = TemplateLoader::loadFile(
            backstageDir() +
                QStringLiteral("/backstage__backstage/packages/create-app/templates/default-app/examples/template"),
            &error);
        QVERIFY2(example && example->isUsable(), qPrintable(example ? describe(*example) : error));
        const RunResult e =
            Scaffolder::dryRun(example,
                               {{QStringLiteral("name"), QStringLiteral("svc")},
                                {QStringLiteral("repoUrl"), QStringLiteral("github.com?owner=acme&repo=svc")}},
                               fakeWorkspace(), {});
        // Its skeleton has no catalog-info.yaml: the check before publishing says so.
        QVERIFY(!e.ok);
        QVERIFY2(e.error.contains(QLatin1String("catalog-info.yaml")), qPrintable(e.error));

        // Templates that need what Gantry does not do are refused at load, naming the line.
        const TemplatePtr rails = TemplateLoader::loadFile(templates + QStringLiteral("/rails-demo"), &error);
        QVERIFY(rails);
        const Problem *railsAction = findProblem(*rails, QStringLiteral("\"fetch:rails\" is not supported"));
        QVERIFY2(railsAction, qPrintable(describe(*rails)));
        QVERIFY(railsAction->location.line > 0);
        const TemplatePtr pr = TemplateLoader::loadFile(templates + QStringLiteral("/pull-request"), &error);
        QVERIFY(pr);
        QVERIFY(findProblem(*pr, QStringLiteral("publish:github:pull-request")));
        QVERIFY(findProblem(*pr, QStringLiteral("https://github.com/backstage/community")));
    }

    void templatesFromTheCatalog()
    {
        QString error;
        const TemplatePtr file = TemplateLoader::loadFile(dataDir() + QStringLiteral("/broken-catalog"), &error);
        QVERIFY2(file, qPrintable(error));
        QVERIFY2(file->isUsable(), qPrintable(describe(*file)));
        QCOMPARE(file->baseDirectory, QDir(dataDir() + QStringLiteral("/broken-catalog")).absolutePath());
        // A catalog template with a built-in's name replaces it; others are added.
        const auto all = TemplateLoader::all(nullptr);
        QCOMPARE(all.size(), TemplateLoader::builtIn().size());
    }
};

QTEST_GUILESS_MAIN(TestTemplateLoader)
#include "tst_templateloader.moc"
