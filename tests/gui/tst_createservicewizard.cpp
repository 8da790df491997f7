// The create-service wizard end to end, offscreen, on a demo workspace in a temporary folder:
// pick a built-in golden path, fill its pages by typing, see a taken name refused inline, review
// the dry run's files, fail on purpose (values kept, nothing left behind), then create for real:
// the repository is pushed to the demo's bare Git host and the catalog lists the new entity.
#include "models/catalog/catalogservice.h"
#include "models/kube/kubeclient.h"
#include "models/kube/kubeconfig.h"
#include "models/kube/resourcetype.h"
#include "models/scaffold/formdescription.h"
#include "models/scaffold/scaffolder.h"
#include "models/scaffold/templateloader.h"
#include "models/workspace/democluster.h"
#include "models/workspace/demoworkspace.h"
#include "models/workspace/simulatorprocess.h"
#include "models/workspace/workspace.h"
#include "ui/codeview.h"
#include "ui/createservice/createservicewizard.h"
#include "ui/createservice/entitypickerfieldeditor.h"
#include "ui/createservice/fieldeditor.h"
#include "ui/createservice/formpagewidget.h"
#include "ui/createservice/multiselectfieldeditor.h"
#include "ui/createservice/resultpage.h"
#include "ui/createservice/reviewpage.h"
#include "ui/createservice/runpage.h"
#include "ui/createservice/templatepickerpage.h"
#include "ui/createservice/textfieldeditor.h"
#include "ui/createservice/wizardsteplist.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextLayout>
#include <QTimer>
#include <QTreeWidget>

using namespace Gantry;
using Ui::CreateServiceWizard;

namespace {

const QString NewName = QStringLiteral("parcel-tracker");
const QString TakenName = QStringLiteral("auth-service"); // a Component of the demo catalog
constexpr int Slow = 60000;                               // generous: CI runs this under ASan on 2 cores

// Whether any part of the shown document carries a highlighting format.
bool isHighlighted(const QTextDocument *document)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.layout() && !block.layout()->formats().isEmpty()) {
            return true;
        }
    }
    return false;
}

QLineEdit *lineEditOf(Ui::FieldEditor *editor)
{
    if (auto *text = qobject_cast<Ui::TextFieldEditor *>(editor)) {
        return text->lineEdit();
    }
    if (auto *picker = qobject_cast<Ui::EntityPickerFieldEditor *>(editor)) {
        return picker->comboBox()->lineEdit();
    }
    return nullptr;
}

} // namespace

class TestCreateServiceWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.path() + QStringLiteral("/demo");
        QString error;
        // With the simulator built, the demo gets its cluster and the wizard deploys to staging
        // for real; without it, the catalog-only demo still covers everything up to registering.
        const QString simulator = qEnvironmentVariable("GANTRY_BINARY_DIR") + QStringLiteral("/bin/gantry-kubesim");
        if (QFileInfo(simulator).isExecutable()) {
            QVERIFY2(Workspace::DemoWorkspace::createWithCluster(m_root, simulator, &error), qPrintable(error));
            QString host;
            quint16 port = 0;
            QVERIFY2(Workspace::DemoCluster::serverAddress(m_root, &host, &port, &error), qPrintable(error));
            m_simulator.start(simulator, Workspace::DemoCluster::simulatorArguments(m_root, host + QLatin1Char(':') +
                                                                                                QString::number(port)));
            QVERIFY2(m_simulator.waitForListening(60000), qPrintable(m_simulator.errorMessage()));
            m_cluster = true;
        } else {
            qWarning("%s is missing: the wizard is tested without the staging deploy", qPrintable(simulator));
            QVERIFY2(Workspace::DemoWorkspace::create(m_root, &error), qPrintable(error));
        }
        auto workspace = Workspace::Workspace::load(m_root, &error);
        QVERIFY2(workspace, qPrintable(error));
        m_service.openWorkspace(*workspace);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_service.catalog() && m_service.catalog()->entity(QStringLiteral("component:default/") + TakenName), Slow);
        QTRY_VERIFY_WITH_TIMEOUT(!m_service.isBusy(), Slow);
    }

    void endToEnd()
    {
        CreateServiceWizard wizard(&m_service);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        wizard.activateWindow();
        QCOMPARE(wizard.stage(), CreateServiceWizard::Stage::Template);

        // 1. Cards: the built-in golden paths, searchable; Enter in the search box picks the match.
        Ui::TemplatePickerPage *picker = wizard.templatePage();
        QVERIFY2(picker->visibleCount() >= 2, "expected at least two built-in golden paths");
        const Scaffold::TemplatePtr chosen = builtInTemplate(picker);
        QVERIFY2(chosen, "no built-in template taking a name");
        QTest::keyClicks(picker->searchEdit(), QStringLiteral("zzz-no-such-template"));
        QCOMPARE(picker->visibleCount(), 0);
        QVERIFY(!wizard.nextButton()->isEnabled());
        picker->searchEdit()->clear();
        QTest::keyClicks(picker->searchEdit(), chosen->name);
        QVERIFY(picker->visibleCount() >= 1);
        QVERIFY(picker->selectTemplate(chosen->name));
        QVERIFY(wizard.nextButton()->isEnabled());
        QTest::keyClick(picker->searchEdit(), Qt::Key_Return);
        QCOMPARE(wizard.stage(), CreateServiceWizard::Stage::Form);
        QCOMPARE(wizard.currentTemplate()->ref, chosen->ref);
        // The steps on the left: Template, each page of the template, Review, Create, Done; on page 1.
        QCOMPARE(wizard.stepList()->steps().size(), 4 + wizard.formPageCount());
        QCOMPARE(wizard.stepList()->currentStep(), 1);

        // 2. The pages, typed; the taken name is refused on the spot and Next stays disabled.
        bool sawName = false;
        while (wizard.stage() == CreateServiceWizard::Stage::Form) {
            Ui::FormPageWidget *page = wizard.currentFormPage();
            QVERIFY(page);
            for (const Scaffold::FormField &field : page->page().fields) {
                if (!page->isFieldShown(field.key)) {
                    continue;
                }
                if (field.key == QLatin1String("name")) {
                    sawName = true;
                    QLineEdit *edit = lineEditOf(page->editor(field.key));
                    QVERIFY(edit);
                    edit->clear();
                    QTest::keyClicks(edit, TakenName);
                    QLabel *error = page->errorLabel(field.key);
                    QVERIFY(error->isVisible());
                    QVERIFY2(error->text().contains(QStringLiteral("already taken")), qPrintable(error->text()));
                    QVERIFY(!wizard.nextButton()->isEnabled());
                    // Enter on an invalid page does not move on.
                    QTest::keyClick(edit, Qt::Key_Return);
                    QCOMPARE(wizard.stage(), CreateServiceWizard::Stage::Form);
                    edit->selectAll();
                    QTest::keyClick(edit, Qt::Key_Delete);
                    QTest::keyClicks(edit, NewName);
                    QVERIFY(error->isHidden());
                    continue;
                }
                fillIfNeeded(page, field);
            }
            QVERIFY2(page->isValid(), qPrintable(QStringList(page->errors().values()).join(u'\n')));
            QVERIFY(wizard.nextButton()->isEnabled());
            const int before = wizard.formPageIndex();
            QTest::mouseClick(wizard.nextButton(), Qt::LeftButton);
            QVERIFY(wizard.stage() != CreateServiceWizard::Stage::Form || wizard.formPageIndex() == before + 1);
        }
        QVERIFY2(sawName, "the template has no name field");
        QCOMPARE(wizard.stage(), CreateServiceWizard::Stage::Review);
        QCOMPARE(wizard.values().value(QStringLiteral("name")).toString(), NewName);

        // 3. Review: every file as a tree, highlighted; nothing written yet.
        Ui::ReviewPage *review = wizard.reviewPage();
        QTRY_VERIFY_WITH_TIMEOUT(review->isReady() || !review->summaryLabel()->text().contains(QStringLiteral("…")),
                                 Slow);
        QVERIFY2(review->isReady(), qPrintable(review->messageLabel()->text()));
        const QStringList files = review->filePaths();
        QVERIFY2(files.contains(QStringLiteral("Dockerfile")), qPrintable(files.join(u' ')));
        QVERIFY(files.contains(QStringLiteral("catalog-info.yaml")));
        QVERIFY(std::any_of(files.begin(), files.end(),
                            [](const QString &f) { return f.startsWith(QLatin1String(".github/workflows/")); }));
        QCOMPARE(review->shownFile(), QStringLiteral("catalog-info.yaml"));
        QVERIFY(review->codeView()->toPlainText().contains(NewName));
        QTRY_VERIFY(isHighlighted(review->codeView()->document())); // highlighting runs queued
        QVERIFY(review->showFile(QStringLiteral("Dockerfile")));
        QVERIFY(review->codeView()->toPlainText().contains(QStringLiteral("FROM")));
        QTRY_VERIFY(isHighlighted(review->codeView()->document())); // highlighting runs queued
        QVERIFY(review->valuesLabel()->text().contains(NewName));
        // The template deploys to staging: the review offers to, checked by default.
        QVERIFY(review->deployCheckBox()->isVisible());
        QVERIFY(review->deployCheckBox()->isChecked());
        QVERIFY(review->deployCheckBox()->text().contains(QStringLiteral("staging")));
        const QString bare = m_root + QStringLiteral("/git/") + NewName + QStringLiteral(".git");
        QVERIFY(!QFileInfo::exists(bare));

        // 4. A forced failure before the push: nothing left behind, the values kept.
        QString publishStep;
        for (const Scaffold::TemplateStep &step : wizard.currentTemplate()->steps) {
            if (step.action.startsWith(QLatin1String("publish:"))) {
                publishStep = step.id;
                break;
            }
        }
        QVERIFY2(!publishStep.isEmpty(), "the template has no publish step");
        Scaffold::RunOptions failing;
        failing.deploy = false;
        failing.failBeforeStep = publishStep;
        wizard.setRunOptions(failing);
        QVERIFY(wizard.nextButton()->isEnabled());
        QCOMPARE(wizard.nextButton()->text(), QStringLiteral("Create"));
        QTest::mouseClick(wizard.nextButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.stage(), CreateServiceWizard::Stage::Result, Slow);
        QVERIFY(!wizard.lastResult().ok);
        Ui::ResultPage *result = wizard.resultPage();
        QVERIFY(result->retryButton()->isVisible());
        QVERIFY(result->headline()->text().contains(QStringLiteral("failed")));
        QVERIFY(!QFileInfo::exists(bare));
        // The step log says which step failed.
        bool failedShown = false;
        QTreeWidget *steps = wizard.runPage()->stepList();
        for (int i = 0; i < steps->topLevelItemCount(); ++i) {
            failedShown = failedShown || steps->topLevelItem(i)->text(1).startsWith(QStringLiteral("Failed"));
        }
        QVERIFY(failedShown);

        // Back: the step log of the failed run, then the review, then the form: everything typed is still there.
        QTest::mouseClick(wizard.backButton(), Qt::LeftButton);
        QCOMPARE(wizard.stage(), CreateServiceWizard::Stage::Run);
        QVERIFY(wizard.nextButton()->isEnabled()); // back to the result
        QTest::mouseClick(wizard.backButton(), Qt::LeftButton);
        QCOMPARE(wizard.stage(), CreateServiceWizard::Stage::Review);
        QTest::mouseClick(wizard.backButton(), Qt::LeftButton);
        QCOMPARE(wizard.stage(), CreateServiceWizard::Stage::Form);
        bool nameKept = false;
        for (int i = 0; i < wizard.formPageCount(); ++i) {
            if (Ui::FieldEditor *editor = wizard.formPage(i)->editor(QStringLiteral("name"))) {
                nameKept = editor->value().toString() == NewName;
            }
        }
        QVERIFY(nameKept);
        QCOMPARE(wizard.values().value(QStringLiteral("name")).toString(), NewName);

        // 5. Create for real (Enter on the last page = Review, then Create).
        Scaffold::RunOptions real;
        real.deploy = m_cluster; // pushed, registered and running in the simulator's staging namespace
        wizard.setRunOptions(real);
        QTest::keyClick(&wizard, Qt::Key_Return);
        QCOMPARE(wizard.stage(), CreateServiceWizard::Stage::Review);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.reviewPage()->isReady(), Slow);
        QSignalSpy started(wizard.runPage()->progressBar(), &QProgressBar::valueChanged);
        QTest::mouseClick(wizard.nextButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.stage(), CreateServiceWizard::Stage::Result, Slow);
        QVERIFY2(wizard.lastResult().ok, qPrintable(wizard.lastResult().error));
        QVERIFY(started.count() > 0); // the step log moved
        QVERIFY(result->headline()->text().contains(NewName));
        QVERIFY(result->copyUrlButton()->isVisible());
        QVERIFY(result->openFolderButton()->isVisible()); // a local bare repository

        // The repository is a bare repository on the demo's Git host.
        QVERIFY2(QFileInfo(bare).isDir(), qPrintable(bare));
        QVERIFY(QFileInfo::exists(bare + QStringLiteral("/HEAD")));
        QVERIFY(QFileInfo(bare + QStringLiteral("/objects")).isDir());
        QVERIFY(!QFileInfo::exists(bare + QStringLiteral("/.git")));

        // The catalog lists the new entity; "Open in Catalog" then opens it.
        const QString ref = QStringLiteral("component:default/") + NewName;
        QCOMPARE(wizard.lastResult().entityRef, ref);
        QTRY_VERIFY_WITH_TIMEOUT(m_service.catalog() && m_service.catalog()->entity(ref), Slow);
        QTRY_VERIFY_WITH_TIMEOUT(result->openEntityButton()->isEnabled(), Slow);
        QSignalSpy open(&wizard, &CreateServiceWizard::openEntityRequested);
        QTest::mouseClick(result->openEntityButton(), Qt::LeftButton);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.first().at(0).toString(), ref);

        // And it runs in staging: ask the cluster itself.
        if (m_cluster) {
            QString error;
            const auto kubeconfig = Kube::KubeConfig::loadFile(m_root + QStringLiteral("/kubeconfig"), &error);
            QVERIFY2(kubeconfig, qPrintable(error));
            const auto config = kubeconfig->restConfig(Workspace::DemoCluster::context(), &error);
            QVERIFY2(config, qPrintable(error));
            Kube::KubeClient client(*config);
            QObject context;
            Kube::KubeResult deployment;
            bool answered = false;
            client.get(Kube::ResourceType::deployments().path(QStringLiteral("staging"), NewName), &context,
                       [&](const Kube::KubeResult &r) {
                           deployment = r;
                           answered = true;
                       });
            QTRY_VERIFY_WITH_TIMEOUT(answered, Slow);
            QVERIFY2(deployment.ok(), qPrintable(deployment.error.message));
            const QJsonObject status = deployment.object.value(QLatin1String("status")).toObject();
            QVERIFY(status.value(QLatin1String("availableReplicas")).toInt() >= 1);
            QCOMPARE(
                status.value(QLatin1String("updatedReplicas")).toInt(),
                deployment.object.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt());
        }
    }

    void cleanupTestCase() { m_simulator.stop(); }

    void escapeAsksBeforeDroppingValues()
    {
        CreateServiceWizard wizard(&m_service);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QVERIFY(builtInTemplate(wizard.templatePage()));
        QVERIFY(wizard.templatePage()->selectTemplate(builtInTemplate(wizard.templatePage())->name));
        wizard.next();
        QCOMPARE(wizard.stage(), CreateServiceWizard::Stage::Form);
        Ui::FormPageWidget *page = wizard.currentFormPage();
        QLineEdit *edit = nullptr;
        for (const Scaffold::FormField &field : page->page().fields) {
            if ((edit = lineEditOf(page->editor(field.key)))) {
                break;
            }
        }
        QVERIFY(edit);
        QTest::keyClicks(edit, QStringLiteral("typed"));

        // Esc asks; "Cancel" keeps the wizard and the values.
        bool asked = false;
        QTimer::singleShot(0, this, [&asked] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()) {
                    asked = true;
                    box->button(QMessageBox::Cancel)->click();
                }
            }
        });
        QTest::keyClick(edit, Qt::Key_Escape);
        QVERIFY(asked);
        QVERIFY(wizard.isVisible());
        QCOMPARE(edit->text(), QStringLiteral("typed"));
    }

    void mainWindowOpensWizard()
    {
        Ui::MainWindow window(&m_service, nullptr);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *action = window.createServiceAction();
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::New));
        QVERIFY(action->isEnabled());
        action->trigger();
        auto *wizard = window.findChild<CreateServiceWizard *>();
        QVERIFY(wizard);
        QTRY_VERIFY(wizard->isVisible());
        QCOMPARE(wizard->stage(), CreateServiceWizard::Stage::Template);
        // One wizard at a time: the action brings the open one back.
        action->trigger();
        QCOMPARE(window.findChildren<CreateServiceWizard *>().size(), 1);
        wizard->reject(); // nothing typed: closes without asking
        QTRY_VERIFY(window.findChildren<CreateServiceWizard *>().isEmpty());
    }

    void brokenTemplateCannotBeChosen()
    {
        // A template with an action Gantry cannot run: reported at load with file:line, before any form.
        const QByteArray yaml = "apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n"
                                "  name: broken\n  title: Broken <b>template</b>\nspec:\n  type: service\n"
                                "  owner: team-platform\n  parameters: []\n  steps:\n"
                                "    - id: shell\n      action: shell:run\n      input: {command: rm -rf /}\n";
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("template.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(yaml);
        file.close();
        QString error;
        const Scaffold::TemplatePtr broken = Scaffold::TemplateLoader::loadFile(file.fileName(), &error);
        QVERIFY2(broken, qPrintable(error));
        QVERIFY(!broken->isUsable());

        CreateServiceWizard wizard(&m_service);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        Ui::TemplatePickerPage *picker = wizard.templatePage();
        std::vector<Scaffold::TemplatePtr> templates = Scaffold::TemplateLoader::builtIn();
        templates.push_back(broken);
        picker->setTemplates(templates);
        QVERIFY(picker->selectTemplate(QStringLiteral("broken")));
        auto *list = picker->findChild<QTextBrowser *>(QStringLiteral("templateProblems"));
        QVERIFY(list && list->isVisible());
        QVERIFY2(list->toPlainText().contains(file.fileName() + QStringLiteral(":12:")),
                 qPrintable(list->toPlainText()));
        QVERIFY(list->toPlainText().contains(QStringLiteral("shell:run")));
        QVERIFY(list->toPlainText().contains(QStringLiteral("Broken <b>template</b>"))); // escaped, shown as typed
        QVERIFY(!wizard.nextButton()->isEnabled());
        wizard.next();
        QCOMPARE(wizard.stage(), CreateServiceWizard::Stage::Template);
    }

private:
    // The first built-in template whose form has a `name` field (the golden paths all do).
    static Scaffold::TemplatePtr builtInTemplate(Ui::TemplatePickerPage *picker)
    {
        Scaffold::TemplatePtr found;
        for (int row = 0; row < picker->view()->model()->rowCount() && !found; ++row) {
            picker->view()->setCurrentIndex(picker->view()->model()->index(row, 0));
            const Scaffold::TemplatePtr t = picker->currentTemplate();
            if (t && t->builtIn && t->isUsable() && t->form.field(QStringLiteral("name"))) {
                found = t;
            }
        }
        return found;
    }

    // Types a value into a field that the page still needs.
    void fillIfNeeded(Ui::FormPageWidget *page, const Scaffold::FormField &field)
    {
        if (!page->errors().contains(field.key)) {
            return; // has a default, or optional
        }
        Ui::FieldEditor *editor = page->editor(field.key);
        if (auto *pickerEditor = qobject_cast<Ui::EntityPickerFieldEditor *>(editor)) {
            QComboBox *combo = pickerEditor->comboBox();
            QVERIFY2(combo->count() > 0, qPrintable(field.key + QStringLiteral(": no choices from the catalog")));
            // Owners: a team of the demo; else the first choice, typed as a person would.
            int choice = combo->findData(QStringLiteral("group:default/team-platform"));
            QTest::keyClicks(combo->lineEdit(), combo->itemData(choice >= 0 ? choice : 0).toString());
        } else if (auto *list = qobject_cast<Ui::MultiSelectFieldEditor *>(editor)) {
            QVERIFY(!list->choiceValues().isEmpty());
            QTest::keyClicks(list->filterEdit(), list->choiceValues().first());
            QTest::keyClick(list->filterEdit(), Qt::Key_Return);
        } else if (QLineEdit *edit = lineEditOf(editor)) {
            QTest::keyClicks(edit, field.key == QLatin1String("description") ? QStringLiteral("Tracks parcels")
                                                                             : QStringLiteral("value"));
        } else if (auto *text = qobject_cast<Ui::TextFieldEditor *>(editor); text && text->textArea()) {
            QTest::keyClicks(text->textArea(), QStringLiteral("Tracks parcels"));
        }
        QVERIFY2(!page->errors().contains(field.key), qPrintable(page->errors().value(field.key)));
    }

    QTemporaryDir m_dir;
    QString m_root;
    Workspace::SimulatorProcess m_simulator;
    bool m_cluster = false;
    Catalog::CatalogService m_service;
};

QTEST_MAIN(TestCreateServiceWizard)
#include "tst_createservicewizard.moc"
