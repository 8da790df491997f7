#include "ui/createservice/createservicewizard.h"

#include "models/catalog/catalogservice.h"
#include "models/scaffold/scaffolder.h"
#include "models/scaffold/templateloader.h"
#include "ui/banner.h"
#include "ui/createservice/formpagewidget.h"
#include "ui/createservice/resultpage.h"
#include "ui/createservice/reviewpage.h"
#include "ui/createservice/runpage.h"
#include "ui/createservice/templatepickerpage.h"
#include "ui/createservice/wizardsteplist.h"
#include "ui/icons.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Gantry::Ui {

namespace {
Q_LOGGING_CATEGORY(lcWizard, "gantry.ui.createservicewizard")
} // namespace

CreateServiceWizard::CreateServiceWizard(Catalog::CatalogService *service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_catalog(service ? service->catalog() : nullptr)
    , m_scaffolder(new Scaffold::Scaffolder(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_steps(new WizardStepList(this))
    , m_banner(new Banner(this))
    , m_stack(new QStackedWidget(this))
    , m_templatePage(new TemplatePickerPage(this))
    , m_reviewPage(new ReviewPage(this))
    , m_runPage(new RunPage(this))
    , m_resultPage(new ResultPage(this))
    , m_back(new QPushButton(tr("Back"), this))
    , m_next(new QPushButton(tr("Next"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("createServiceWizard"));
    setWindowTitle(tr("Create Service"));
    setSizeGripEnabled(true);
    setMinimumSize(880, 580);
    resize(1120, 760);

    m_title->setObjectName(QStringLiteral("wizardTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.45);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_subtitle->setObjectName(QStringLiteral("wizardSubtitle"));
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setWordWrap(true);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);

    m_stack->addWidget(m_templatePage);
    m_stack->addWidget(m_reviewPage);
    m_stack->addWidget(m_runPage);
    m_stack->addWidget(m_resultPage);

    for (QPushButton *b : {m_back, m_next, m_cancel}) {
        b->setAutoDefault(false);
        b->setDefault(false);
        b->setMinimumWidth(std::max(96, b->sizeHint().width()));
    }
    m_back->setObjectName(QStringLiteral("backButton"));
    m_next->setObjectName(QStringLiteral("nextButton"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_back->setIcon(Icons::named(QStringLiteral("go-back")));
    m_back->setToolTip(tr("Back (Alt+Left); your values are kept"));
    m_back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(24, 10, 24, 14);
    buttons->addWidget(m_back);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_next);

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);

    auto *content = new QVBoxLayout;
    content->setContentsMargins(24, 18, 24, 8);
    content->setSpacing(6);
    content->addWidget(m_title);
    content->addWidget(m_subtitle);
    content->addSpacing(6);
    content->addWidget(m_banner);
    content->addWidget(m_stack, 1);

    auto *right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->setSpacing(0);
    right->addLayout(content, 1);
    right->addWidget(line);
    right->addLayout(buttons);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_steps);
    layout->addLayout(right, 1);

    connect(m_back, &QPushButton::clicked, this, &CreateServiceWizard::back);
    connect(m_next, &QPushButton::clicked, this, &CreateServiceWizard::next);
    connect(m_cancel, &QPushButton::clicked, this, &CreateServiceWizard::reject);
    connect(m_templatePage, &TemplatePickerPage::currentTemplateChanged, this, &CreateServiceWizard::updateButtons);
    connect(m_templatePage, &TemplatePickerPage::templateActivated, this, &CreateServiceWizard::next);

    connect(m_scaffolder, &Scaffold::Scaffolder::started, this, [this](int stepCount) {
        QStringList names = stepNames();
        while (names.size() < stepCount) {
            names << tr("Step %1").arg(names.size() + 1);
        }
        m_runPage->start(tr("Creating %1…").arg(values().value(QStringLiteral("name")).toString()),
                         names.mid(0, stepCount));
    });
    connect(m_scaffolder, &Scaffold::Scaffolder::stepChanged, m_runPage, &RunPage::setStep);
    connect(m_scaffolder, &Scaffold::Scaffolder::logMessage, m_runPage, &RunPage::appendLog);
    connect(m_scaffolder, &Scaffold::Scaffolder::finished, this, &CreateServiceWizard::onRunFinished);
    connect(m_scaffolder, &Scaffold::Scaffolder::runningChanged, this, &CreateServiceWizard::updateButtons);

    connect(m_resultPage, &ResultPage::openEntityRequested, this, [this](const QString &ref) {
        Q_EMIT openEntityRequested(ref);
        if (m_result.ok) {
            accept();
        }
    });
    connect(m_resultPage, &ResultPage::retryRequested, this, [this] { startRun(m_result.resumable); });
    connect(m_resultPage, &ResultPage::resumeWithoutDeployRequested, this, [this] {
        const Scaffold::RunOptions before = m_runOptions;
        m_runOptions.deploy = false;
        startRun(true);
        m_runOptions = before;
    });
    connect(m_resultPage, &ResultPage::editRequested, this, [this] {
        if (m_formPages.empty()) {
            showStage(Stage::Template);
        } else {
            showStage(Stage::Form, 0);
        }
    });

    if (m_service) {
        connect(m_service, &Catalog::CatalogService::catalogChanged, this, &CreateServiceWizard::onCatalogChanged);
        if (m_service->workspace().gitRemotePattern.isEmpty()) {
            m_banner->showMessage(Banner::Type::Warning,
                                  tr("This workspace has no Git host: add git.remotePattern to %1 (for example "
                                     "git@github.com:acme/{name}.git) so new repositories can be pushed.")
                                      .arg(m_service->workspace().filePath));
        }
    }
    loadTemplates();
    showStage(Stage::Template);
    m_templatePage->searchEdit()->setFocus();
}

CreateServiceWizard::~CreateServiceWizard()
{
    if (m_scaffolder->isRunning()) {
        m_scaffolder->cancel();
    }
}

void CreateServiceWizard::loadTemplates()
{
    m_templatePage->setTemplates(Scaffold::TemplateLoader::all(m_catalog.get()));
}

FormPageWidget *CreateServiceWizard::formPage(int index) const
{
    return index >= 0 && size_t(index) < m_formPages.size() ? m_formPages[size_t(index)] : nullptr;
}

FormPageWidget *CreateServiceWizard::currentFormPage() const
{
    return m_stage == Stage::Form ? formPage(m_formIndex) : nullptr;
}

void CreateServiceWizard::collectValues()
{
    for (FormPageWidget *page : m_formPages) {
        m_values = page->mergedValues(m_values);
    }
}

QJsonObject CreateServiceWizard::values() const
{
    QJsonObject all = m_values;
    for (FormPageWidget *page : m_formPages) {
        all = page->mergedValues(all);
    }
    if (!m_template) {
        return {};
    }
    // Only this template's parameters: values kept from another template stay out of the run.
    QJsonObject result;
    for (auto it = all.begin(); it != all.end(); ++it) {
        if (m_template->form.field(it.key())) {
            result.insert(it.key(), it.value());
        }
    }
    return result;
}

void CreateServiceWizard::chooseTemplate()
{
    const Scaffold::TemplatePtr chosen = m_templatePage->currentTemplate();
    if (!chosen || (m_template && m_template->ref == chosen->ref && !m_formPages.empty())) {
        return; // the same template: its pages keep what was typed
    }
    collectValues();
    for (FormPageWidget *page : m_formPages) {
        m_stack->removeWidget(page);
        page->deleteLater();
    }
    m_formPages.clear();
    m_template = chosen;
    qCDebug(lcWizard) << "template" << chosen->ref << "with" << chosen->form.pages.size() << "pages";

    // Defaults, then whatever was typed for a parameter of the same name (another template).
    QJsonObject seeded = chosen->form.defaults();
    for (auto it = m_values.begin(); it != m_values.end(); ++it) {
        if (chosen->form.field(it.key())) {
            seeded.insert(it.key(), it.value());
        }
    }
    for (const Scaffold::FormPage &page : chosen->form.pages) {
        auto *widget = new FormPageWidget(page, m_catalog, m_stack);
        widget->setObjectName(QStringLiteral("formPage%1").arg(m_formPages.size()));
        m_stack->addWidget(widget);
        widget->setValues(seeded);
        connect(widget, &FormPageWidget::validityChanged, this, &CreateServiceWizard::updateButtons);
        m_formPages.push_back(widget);
    }
    for (auto it = seeded.begin(); it != seeded.end(); ++it) {
        m_values.insert(it.key(), it.value());
    }
}

void CreateServiceWizard::next()
{
    if (!m_next->isEnabled() || !m_next->isVisible()) {
        if (FormPageWidget *page = currentFormPage()) {
            page->showAllErrors();
            page->focusFirstField();
        }
        return;
    }
    switch (m_stage) {
    case Stage::Template: {
        const Scaffold::TemplatePtr t = m_templatePage->currentTemplate();
        if (!t || !t->isUsable()) {
            return;
        }
        chooseTemplate();
        if (m_formPages.empty()) {
            showStage(Stage::Review);
        } else {
            showStage(Stage::Form, 0);
        }
        return;
    }
    case Stage::Form: {
        FormPageWidget *page = currentFormPage();
        if (!page || !page->isValid()) {
            if (page) {
                page->showAllErrors();
                page->focusFirstField();
            }
            return;
        }
        collectValues();
        if (m_formIndex + 1 < formPageCount()) {
            showStage(Stage::Form, m_formIndex + 1);
        } else {
            showStage(Stage::Review);
        }
        return;
    }
    case Stage::Review:
        if (m_reviewPage->isReady()) {
            startRun(false);
        }
        return;
    case Stage::Run:
        if (m_runFinished) {
            showStage(Stage::Result);
        }
        return;
    case Stage::Result:
        if (m_result.ok) {
            accept();
        }
        return;
    }
}

void CreateServiceWizard::back()
{
    switch (m_stage) {
    case Stage::Template:
        return;
    case Stage::Run:
        if (m_runFinished && !m_result.ok) {
            showStage(Stage::Review);
        }
        return;
    case Stage::Form:
        collectValues();
        if (m_formIndex > 0) {
            showStage(Stage::Form, m_formIndex - 1);
        } else {
            showStage(Stage::Template);
        }
        return;
    case Stage::Review:
        if (m_formPages.empty()) {
            showStage(Stage::Template);
        } else {
            showStage(Stage::Form, formPageCount() - 1);
        }
        return;
    case Stage::Result:
        if (!m_result.ok) {
            showStage(Stage::Run); // the step log of the failed run
        }
        return;
    }
}

void CreateServiceWizard::showStage(Stage stage, int formIndex)
{
    m_stage = stage;
    m_formIndex = formIndex;
    const QString templateName = m_template ? m_template->displayName() : QString();
    switch (stage) {
    case Stage::Template:
        m_stack->setCurrentWidget(m_templatePage);
        m_title->setText(tr("Choose a template"));
        m_subtitle->setText(tr("Golden paths set up a repository with CI/CD, Kubernetes manifests, monitoring and "
                               "a catalog entry. Nothing is created until you review and press Create."));
        m_templatePage->view()->setFocus();
        break;
    case Stage::Form: {
        FormPageWidget *page = formPage(formIndex);
        page->setValues(m_values); // conditions may depend on other pages
        m_stack->setCurrentWidget(page);
        const QString pageTitle = page->page().title.isEmpty() ? tr("Details") : page->page().title;
        m_title->setText(pageTitle);
        m_subtitle->setText(tr("%1 · page %2 of %3").arg(templateName).arg(formIndex + 1).arg(formPageCount()));
        page->focusFirstField();
        break;
    }
    case Stage::Review:
        m_stack->setCurrentWidget(m_reviewPage);
        m_title->setText(tr("Review"));
        m_subtitle->setText(tr("%1 · check the values and every file before anything is created.").arg(templateName));
        startDryRun();
        break;
    case Stage::Run:
        m_stack->setCurrentWidget(m_runPage);
        m_title->setText(tr("Create"));
        m_subtitle->setText(tr("%1 · render, check, push, register and deploy; a failure before the push leaves "
                               "nothing behind.")
                                .arg(templateName));
        break;
    case Stage::Result:
        m_stack->setCurrentWidget(m_resultPage);
        m_title->setText(m_result.ok ? tr("Done") : m_result.cancelled ? tr("Cancelled") : tr("Not finished"));
        m_subtitle->setText(templateName);
        break;
    }
    updateSteps();
    updateButtons();
}

void CreateServiceWizard::updateButtons()
{
    const bool running = m_scaffolder->isRunning();
    m_back->setVisible(m_stage != Stage::Template && !(m_stage == Stage::Result && m_result.ok));
    m_back->setEnabled(!running && (m_stage != Stage::Run || (m_runFinished && !m_result.ok)));
    m_next->setVisible(!(m_stage == Stage::Result && !m_result.ok));
    m_cancel->setVisible(!(m_stage == Stage::Result && m_result.ok));
    m_cancel->setText(m_stage == Stage::Run && running ? tr("Stop")
                      : m_stage == Stage::Result       ? tr("Close")
                                                       : tr("Cancel"));
    switch (m_stage) {
    case Stage::Template: {
        const Scaffold::TemplatePtr t = m_templatePage->currentTemplate();
        m_next->setText(tr("Next"));
        m_next->setEnabled(t && t->isUsable());
        m_next->setToolTip(t && !t->isUsable() ? tr("This template has problems; see the list below.") : QString());
        break;
    }
    case Stage::Form: {
        FormPageWidget *page = currentFormPage();
        const bool last = m_formIndex + 1 >= formPageCount();
        m_next->setText(last ? tr("Review") : tr("Next"));
        m_next->setEnabled(page && page->isValid());
        m_next->setToolTip(page && !page->isValid() ? tr("Fill in the fields marked above first.") : QString());
        break;
    }
    case Stage::Review:
        m_next->setText(tr("Create"));
        m_next->setEnabled(m_reviewPage->isReady() && !running);
        m_next->setToolTip(QString());
        break;
    case Stage::Run:
        m_next->setText(m_runFinished ? tr("Result") : tr("Create"));
        m_next->setEnabled(m_runFinished && !running);
        break;
    case Stage::Result:
        m_next->setText(tr("Done"));
        m_next->setEnabled(true);
        break;
    }
    m_next->setIcon(m_stage == Stage::Review ? Icons::kind(QStringLiteral("component")) : QIcon());
}

void CreateServiceWizard::updateSteps()
{
    const int current = m_stage == Stage::Template ? 0
                        : m_stage == Stage::Form   ? 1 + m_formIndex
                        : m_stage == Stage::Review ? 1 + formPageCount()
                        : m_stage == Stage::Run    ? 2 + formPageCount()
                                                   : 3 + formPageCount();
    QStringList names{tr("Template")};
    if (m_template) {
        for (const Scaffold::FormPage &page : m_template->form.pages) {
            names << (page.title.isEmpty() ? tr("Details") : page.title);
        }
    } else {
        names << tr("Details");
    }
    names << tr("Review") << tr("Create") << tr("Done");
    m_steps->setSteps(names, current);
}

void CreateServiceWizard::startDryRun()
{
    if (!m_template || !m_service) {
        return;
    }
    collectValues();
    const QJsonObject vals = values();
    m_reviewPage->setPending(m_template->form, vals);
    QString environment;
    for (const Scaffold::TemplateStep &step : m_template->steps) {
        if (step.action == QLatin1String("gantry:deploy")) {
            environment = step.input.toObject().value(QStringLiteral("environment")).toString();
            if (environment.isEmpty()) {
                environment = QStringLiteral("staging");
            }
        }
    }
    m_reviewPage->setDeployOffered(!environment.isEmpty(), environment);
    updateButtons();
    const quint64 generation = ++m_dryRunGeneration;
    const Scaffold::TemplatePtr tmpl = m_template;
    const Workspace::Workspace workspace = m_service->workspace();
    const Catalog::CatalogPtr catalog = m_catalog;
    // Rendering reads the skeleton and checks the result: off the UI thread.
    QtConcurrent::run([tmpl, vals, workspace, catalog] {
        return Scaffold::Scaffolder::dryRun(tmpl, vals, workspace, catalog);
    }).then(this, [this, generation](const Scaffold::RunResult &result) {
        if (generation != m_dryRunGeneration) {
            return; // values changed meanwhile
        }
        m_reviewPage->setResult(result);
        updateButtons();
    });
}

void CreateServiceWizard::startRun(bool resume)
{
    if (!m_template || !m_service || m_scaffolder->isRunning()) {
        return;
    }
    collectValues();
    m_runFinished = false;
    showStage(Stage::Run);
    m_runPage->start(tr("Creating %1…").arg(values().value(QStringLiteral("name")).toString()), stepNames());
    Scaffold::RunOptions options = m_runOptions;
    options.deploy = options.deploy && m_reviewPage->deployChosen();
    if (resume) {
        m_scaffolder->resume(m_template, m_result.state, m_service->workspace(), m_catalog, options);
    } else {
        m_scaffolder->start(m_template, values(), m_service->workspace(), m_catalog, options);
    }
    updateButtons();
}

void CreateServiceWizard::onRunFinished(const Scaffold::RunResult &result)
{
    m_result = result;
    m_runFinished = true;
    if (m_result.state.values.isEmpty()) {
        m_result.state.values = values();
    }
    m_runPage->finish(result);
    m_resultPage->setResult(m_result);
    if (result.ok) {
        m_resultPage->setEntityAvailable(m_catalog && m_catalog->entity(result.entityRef));
        if (m_service) {
            m_service->refresh(); // the catalog lists the new entity once it reloads
        }
    }
    showStage(Stage::Result);
}

void CreateServiceWizard::onCatalogChanged(const Catalog::CatalogPtr &catalog)
{
    m_catalog = catalog;
    for (FormPageWidget *page : m_formPages) {
        page->setCatalog(catalog);
    }
    if (m_stage == Stage::Template) {
        loadTemplates();
    }
    if (m_stage == Stage::Result && m_result.ok) {
        m_resultPage->setEntityAvailable(catalog && catalog->entity(m_result.entityRef));
    }
    updateButtons();
}

QStringList CreateServiceWizard::stepNames() const
{
    QStringList names;
    if (m_template) {
        for (const Scaffold::TemplateStep &step : m_template->steps) {
            names << step.displayName();
        }
    }
    return names;
}

bool CreateServiceWizard::hasTypedValues() const
{
    for (const FormPageWidget *page : m_formPages) {
        if (page->isEdited()) {
            return true;
        }
    }
    return false;
}

void CreateServiceWizard::reject()
{
    if (m_scaffolder->isRunning()) {
        const auto answer = QMessageBox::question(
            this, tr("Stop Creating the Service?"),
            tr("Stop at the next safe point? If the repository was not pushed yet, nothing is left behind; "
               "otherwise the result says what exists and offers to resume."),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer == QMessageBox::Yes && m_scaffolder->isRunning()) {
            m_scaffolder->cancel();
            m_runPage->setCancelling();
        }
        return;
    }
    if (!(m_stage == Stage::Result && m_result.ok) && hasTypedValues()) {
        const auto answer = QMessageBox::question(this, tr("Discard the Values?"),
                                                  tr("Close the wizard and discard the values you typed?"),
                                                  QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            return;
        }
    }
    QDialog::reject();
}

void CreateServiceWizard::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (enter && (mods == Qt::NoModifier || mods == Qt::ControlModifier)) {
        // Enter on a focused push button presses that button; elsewhere it means Next.
        auto *button = qobject_cast<QAbstractButton *>(focusWidget());
        if (button && !qobject_cast<QCheckBox *>(button) && !qobject_cast<QRadioButton *>(button)) {
            button->animateClick();
        } else {
            next();
        }
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

} // namespace Gantry::Ui
