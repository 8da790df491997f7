#pragma once

#include "models/catalog/catalog.h"
#include "models/scaffold/scaffoldtypes.h"
#include "models/scaffold/template.h"

#include <QDialog>
#include <QJsonObject>

#include <vector>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace Gantry::Catalog {
class CatalogService;
}
namespace Gantry::Scaffold {
class Scaffolder;
}

namespace Gantry::Ui {

class Banner;
class FormPageWidget;
class ResultPage;
class ReviewPage;
class RunPage;
class TemplatePickerPage;
class WizardStepList;

// The create-service wizard: pick a template → its parameter pages as generated forms (validated
// as you type) → review every file a dry run renders → Create with a live step log → the result
// with links, or what failed with Resume/Retry. The values are kept through going back, failures
// and retries. Enter moves on when the page is valid; Esc asks before dropping typed values.
// Works on the live catalog of a CatalogService (refreshed after a service was registered).
class CreateServiceWizard final : public QDialog
{
    Q_OBJECT
public:
    enum class Stage { Template, Form, Review, Run, Result };
    Q_ENUM(Stage)

    // `service` (not owned) gives the workspace and the live catalog; it must outlive the wizard.
    explicit CreateServiceWizard(Catalog::CatalogService *service, QWidget *parent = nullptr);
    ~CreateServiceWizard() override;

    Stage stage() const { return m_stage; }
    // The form page shown (0-based) while stage() is Form.
    int formPageIndex() const { return m_formIndex; }
    int formPageCount() const { return int(m_formPages.size()); }
    FormPageWidget *formPage(int index) const;
    FormPageWidget *currentFormPage() const;

    Scaffold::TemplatePtr currentTemplate() const { return m_template; }
    // Every value typed so far (all pages of the current template).
    QJsonObject values() const;
    const Scaffold::RunResult &lastResult() const { return m_result; }

    // Test hook (never set by the UI): options of the next run, e.g. a forced failure.
    void setRunOptions(const Scaffold::RunOptions &options) { m_runOptions = options; }

    TemplatePickerPage *templatePage() const { return m_templatePage; }
    ReviewPage *reviewPage() const { return m_reviewPage; }
    RunPage *runPage() const { return m_runPage; }
    ResultPage *resultPage() const { return m_resultPage; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *backButton() const { return m_back; }
    QPushButton *cancelButton() const { return m_cancel; }
    WizardStepList *stepList() const { return m_steps; }

    // Moves on when the page allows it (the Next/Review/Create/Close button).
    void next();
    void back();

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    // "Open in Catalog" on the result page.
    void openEntityRequested(const QString &canonicalRef);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void loadTemplates();
    void chooseTemplate();
    void showStage(Stage stage, int formIndex = 0);
    void updateButtons();
    void updateSteps();
    void startDryRun();
    void startRun(bool resume);
    void onRunFinished(const Scaffold::RunResult &result);
    void onCatalogChanged(const Catalog::CatalogPtr &catalog);
    bool hasTypedValues() const;
    QStringList stepNames() const;
    void collectValues();

    Catalog::CatalogService *m_service;
    Catalog::CatalogPtr m_catalog;
    Scaffold::Scaffolder *m_scaffolder;
    Scaffold::TemplatePtr m_template;
    Scaffold::RunOptions m_runOptions;
    Scaffold::RunResult m_result;
    QJsonObject m_values;
    Stage m_stage = Stage::Template;
    int m_formIndex = 0;
    quint64 m_dryRunGeneration = 0;
    bool m_runFinished = false; // the Run page shows a finished run's log

    QLabel *m_title;
    QLabel *m_subtitle;
    WizardStepList *m_steps;
    Banner *m_banner;
    QStackedWidget *m_stack;
    TemplatePickerPage *m_templatePage;
    std::vector<FormPageWidget *> m_formPages;
    ReviewPage *m_reviewPage;
    RunPage *m_runPage;
    ResultPage *m_resultPage;
    QPushButton *m_back;
    QPushButton *m_next;
    QPushButton *m_cancel;
};

} // namespace Gantry::Ui
