#include "ui/mainwindow.h"

#include "models/catalog/catalogfilterproxy.h"
#include "models/catalog/catalogmodel.h"
#include "models/catalog/catalogservice.h"
#include "models/catalog/facetmodel.h"
#include "models/workspace/settings.h"
#include "ui/banner.h"
#include "ui/catalogtable.h"
#include "ui/createservice/createservicewizard.h"
#include "ui/entitypage.h"
#include "ui/filterpanel.h"
#include "ui/graphpage.h"
#include "ui/icons.h"
#include "ui/problemsview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Gantry::Ui {

namespace {
constexpr int MaxHistory = 200;
const QString MainSplitter = QStringLiteral("main");
const QString CatalogHeader = QStringLiteral("catalogHeader");
} // namespace

MainWindow::MainWindow(Catalog::CatalogService *service, Workspace::Settings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_service(service)
    , m_settings(settings)
    , m_model(new Catalog::CatalogModel(this))
    , m_proxy(new Catalog::CatalogFilterProxy(this))
    , m_banner(new Banner(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_filters(new FilterPanel(this))
    , m_table(new CatalogTable(this))
    , m_page(new EntityPage(this))
    , m_problems(new ProblemsView(this))
    , m_graphPage(new GraphPage(this))
    , m_centralStack(new QStackedWidget(this))
{
    setWindowTitle(tr("Gantry"));
    setWindowIcon(Icons::named(QStringLiteral("gantry")));
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);

    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_filters);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_page);
    m_splitter->setCollapsible(1, false);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({240, 760, 600});
    m_splitter->setHandleWidth(1);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bannerBox = new QVBoxLayout;
    bannerBox->setContentsMargins(10, 8, 10, 0);
    bannerBox->addWidget(m_banner);
    layout->addLayout(bannerBox);
    // Graph: the catalog and the graph page share the central area.
    m_centralStack->addWidget(m_splitter);
    m_centralStack->addWidget(m_graphPage);
    layout->addWidget(m_centralStack, 1);
    setCentralWidget(central);
    // The banner's margin box only takes room while the banner shows.
    connect(m_banner, &Banner::closed, this, [bannerBox] { bannerBox->setContentsMargins(0, 0, 0, 0); });

    addDockWidget(Qt::BottomDockWidgetArea, m_problems);
    // Out of the way until a catalog has errors (or the user opens it); see updateProblemsDock().
    m_problems->hide();

    createActions();
    createStatusBar();
    if (m_service) {
        auto *retry = new QAction(tr("Retry"), this);
        connect(retry, &QAction::triggered, this, [this] { m_service->refresh(); });
        m_banner->addAction(retry);
    }

    connect(m_filters, &FilterPanel::facetSelectionChanged, m_proxy, &Catalog::CatalogFilterProxy::setFacetValues);
    connect(m_filters, &FilterPanel::clearRequested, m_table->searchEdit(), &QLineEdit::clear);
    connect(m_table->searchEdit(), &QLineEdit::textChanged, m_filters,
            [this](const QString &text) { m_filters->setSearchActive(!text.trimmed().isEmpty()); });
    connect(m_table, &CatalogTable::entityActivated, this, [this](const QString &ref) {
        navigate(Location{ref, {}, 0, false}, HistoryMode::Push);
    });
    connect(m_table, &CatalogTable::currentEntityChanged, this, [this](const QString &ref) {
        const bool replace = m_historyIndex >= 0 && m_history[size_t(m_historyIndex)].fromSelection;
        navigate(Location{ref, {}, 0, true}, replace ? HistoryMode::Replace : HistoryMode::Push);
    });
    connect(m_page, &EntityPage::entityLinkActivated, this, &MainWindow::openEntity);
    // Graph: entity page ↔ graph page.
    connect(m_page, &EntityPage::openInGraphPageRequested, this, &MainWindow::openInGraphPage);
    connect(m_graphPage, &GraphPage::openEntityRequested, this, [this](const QString &ref) {
        showGraphPage(false);
        openEntity(ref);
    });
    connect(m_graphPage, &GraphPage::drawingChanged, this, &MainWindow::updateExportAction);
    connect(m_problems, &ProblemsView::problemActivated, this, &MainWindow::onProblemActivated);
    connect(m_problems, &ProblemsView::countsChanged, this, &MainWindow::updateProblemsAction);
    connect(m_problems, &ProblemsView::closedByUser, this, [this] { m_problemsDockChosen = true; });

    connectService();
    restoreSettings();
    updateNavigationActions();
    updateStatus();
    if (m_service && m_service->catalog()) {
        setCatalog(m_service->catalog());
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_back = new QAction(Icons::named(QStringLiteral("go-back")), tr("Back"), this);
    m_back->setObjectName(QStringLiteral("backAction"));
    m_back->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence(Qt::Key_Back)});
    m_back->setToolTip(tr("Back (Alt+Left)"));
    connect(m_back, &QAction::triggered, this, &MainWindow::goBack);

    m_forward = new QAction(Icons::named(QStringLiteral("go-forward")), tr("Forward"), this);
    m_forward->setObjectName(QStringLiteral("forwardAction"));
    m_forward->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Right), QKeySequence(Qt::Key_Forward)});
    m_forward->setToolTip(tr("Forward (Alt+Right)"));
    connect(m_forward, &QAction::triggered, this, &MainWindow::goForward);

    m_find = new QAction(Icons::named(QStringLiteral("search")), tr("Find Entities"), this);
    m_find->setShortcut(QKeySequence::Find);
    connect(m_find, &QAction::triggered, this, [this] {
        if (m_centralStack->currentWidget() == m_graphPage) {
            m_graphPage->focusFindBox(); // graph
        } else {
            m_table->focusSearch();
        }
    });

    // Graph: View → Catalog / Graph, File → Export Graph….
    m_showCatalog = new QAction(Icons::named(QStringLiteral("home")), tr("Catalog"), this);
    m_showCatalog->setObjectName(QStringLiteral("showCatalogAction"));
    m_showCatalog->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_showCatalog->setCheckable(true);
    m_showCatalog->setChecked(true);
    m_showCatalog->setToolTip(tr("Show the catalog (Ctrl+1)"));
    connect(m_showCatalog, &QAction::triggered, this, [this] { showGraphPage(false); });
    m_showGraph = new QAction(Icons::named(QStringLiteral("kind-system")), tr("Graph"), this);
    m_showGraph->setObjectName(QStringLiteral("showGraphAction"));
    m_showGraph->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_showGraph->setCheckable(true);
    m_showGraph->setToolTip(tr("Show the catalog graph (Ctrl+2)"));
    connect(m_showGraph, &QAction::triggered, this, [this] { showGraphPage(true); });
    auto *pages = new QActionGroup(this);
    pages->addAction(m_showCatalog);
    pages->addAction(m_showGraph);
    m_export = new QAction(tr("&Export Graph…"), this);
    m_export->setObjectName(QStringLiteral("exportGraphAction"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setEnabled(false);
    connect(m_export, &QAction::triggered, m_graphPage, &GraphPage::exportWithDialog);

    m_refresh = new QAction(Icons::named(QStringLiteral("refresh")), tr("Refresh"), this);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Fetch the catalog's repositories and reload (F5)"));
    m_refresh->setEnabled(m_service != nullptr);
    connect(m_refresh, &QAction::triggered, this, [this] {
        if (m_service) {
            m_service->refresh();
        }
    });

    // Create-service wizard.
    m_createService = new QAction(Icons::named(QStringLiteral("kind-template")), tr("Create Service…"), this);
    m_createService->setObjectName(QStringLiteral("createServiceAction"));
    m_createService->setShortcut(QKeySequence::New);
    m_createService->setToolTip(tr("Create a new service from a template (%1)")
                                    .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_createService->setEnabled(m_service != nullptr);
    connect(m_createService, &QAction::triggered, this, &MainWindow::openCreateServiceWizard);

    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    // The View menu's entry (its text follows the dock's title, "Problems (2 errors)") and the
    // toolbar's button (the counts and the worst severity's icon) both toggle the dock.
    QAction *problems = m_problems->toggleViewAction();
    problems->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_6));
    connect(problems, &QAction::triggered, this, [this] { m_problemsDockChosen = true; });
    m_problemsAction = new QAction(this);
    m_problemsAction->setObjectName(QStringLiteral("problemsAction"));
    m_problemsAction->setCheckable(true);
    connect(m_problemsAction, &QAction::triggered, this, [this](bool on) {
        m_problemsDockChosen = true;
        setProblemsDockVisible(on);
    });
    connect(problems, &QAction::toggled, m_problemsAction, &QAction::setChecked);
    updateProblemsAction();

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_createService); // create-service wizard
    file->addSeparator();
    file->addAction(m_refresh);
    file->addAction(m_export); // graph
    file->addSeparator();
    file->addAction(quit);
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_back);
    go->addAction(m_forward);
    go->addSeparator();
    go->addAction(m_find);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_showCatalog); // graph
    view->addAction(m_showGraph);
    view->addSeparator();
    view->addAction(problems);

    auto *toolBar = addToolBar(tr("Navigation"));
    toolBar->setObjectName(QStringLiteral("navigationToolBar"));
    toolBar->setMovable(false);
    toolBar->setFloatable(false);
    toolBar->setIconSize(QSize(18, 18));
    toolBar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    toolBar->addAction(m_back);
    toolBar->addAction(m_forward);
    toolBar->addSeparator();
    toolBar->addAction(m_refresh);
    toolBar->addSeparator();
    toolBar->addAction(m_showCatalog); // graph
    toolBar->addAction(m_showGraph);
    toolBar->addSeparator();
    toolBar->addAction(m_createService); // create-service wizard
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addAction(m_problemsAction);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // Only the Problems button carries a label; navigation buttons are icons with tool tips.
    for (QAction *action : {m_back, m_forward, m_refresh}) {
        if (auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(action))) {
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        }
    }
}

void MainWindow::createStatusBar()
{
    m_origin = new QLabel(this);
    m_origin->setObjectName(QStringLiteral("originLabel"));
    m_origin->setTextFormat(Qt::PlainText);
    m_origin->setMinimumWidth(100);
    m_entityCount = new QLabel(this);
    m_entityCount->setObjectName(QStringLiteral("entityCountLabel"));
    m_progressText = new QLabel(this);
    m_progressText->setTextFormat(Qt::PlainText);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(fontMetrics().height());
    m_cancel = new QToolButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (m_service) {
            m_service->cancel();
        }
    });

    statusBar()->addWidget(m_origin, 1);
    statusBar()->addPermanentWidget(m_progressText);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    statusBar()->addPermanentWidget(m_entityCount);
    for (QWidget *w : {static_cast<QWidget *>(m_progressText), static_cast<QWidget *>(m_progress),
                       static_cast<QWidget *>(m_cancel)}) {
        w->hide();
    }
}

void MainWindow::connectService()
{
    if (!m_service) {
        return;
    }
    connect(m_service, &Catalog::CatalogService::catalogChanged, this, &MainWindow::setCatalog);
    connect(m_service, &Catalog::CatalogService::busyChanged, this, &MainWindow::onBusyChanged);
    connect(m_service, &Catalog::CatalogService::progress, this, &MainWindow::onProgress);
    connect(m_service, &Catalog::CatalogService::loadFailed, this, &MainWindow::onLoadFailed);
    const QString name = m_service->workspace().name;
    if (!name.isEmpty()) {
        setWindowTitle(tr("%1 — Gantry").arg(name));
    }
}

void MainWindow::setCatalog(Catalog::CatalogPtr catalog)
{
    if (catalog == m_catalog) {
        return;
    }
    m_catalog = std::move(catalog);
    m_model->setCatalog(m_catalog);
    m_filters->setCatalog(m_catalog);
    m_page->setCatalog(m_catalog);
    m_problems->setCatalog(m_catalog);
    m_graphPage->setCatalog(m_catalog); // graph
    updateProblemsDock();
    updateStatus();

    if (!m_restoredPage && m_catalog && m_catalog->size() > 0) {
        m_restoredPage = true;
        const QString last = m_settings ? m_settings->lastPage() : QString();
        if (!last.isEmpty() && m_catalog->entity(last)) {
            openEntity(last);
        }
    } else if (!m_page->currentRef().isEmpty()) {
        m_table->selectRef(m_page->currentRef());
    }
}

bool MainWindow::openEntity(const QString &canonicalRef)
{
    if (!m_catalog || !m_catalog->entity(canonicalRef)) {
        statusBar()->showMessage(tr("%1 is not in the catalog.").arg(canonicalRef), 5000);
        return false;
    }
    navigate(Location{canonicalRef, {}, 0, false}, HistoryMode::Push);
    return true;
}

void MainWindow::openFile(const QString &path, int line)
{
    navigate(Location{{}, path, line, false}, HistoryMode::Push);
}

void MainWindow::navigate(const Location &location, HistoryMode mode)
{
    if (m_historyIndex >= 0 && m_history[size_t(m_historyIndex)].sameTarget(location)) {
        Location &current = m_history[size_t(m_historyIndex)];
        current.line = location.line;
        current.fromSelection = current.fromSelection && location.fromSelection;
        showLocation(current);
        updateNavigationActions();
        return;
    }
    if (!showLocation(location)) {
        return;
    }
    if (mode == HistoryMode::Replace && m_historyIndex >= 0) {
        m_history[size_t(m_historyIndex)] = location;
    } else if (mode != HistoryMode::None) {
        m_history.resize(size_t(m_historyIndex + 1));
        m_history.push_back(location);
        if (m_history.size() > size_t(MaxHistory)) {
            m_history.erase(m_history.begin());
        }
        m_historyIndex = int(m_history.size()) - 1;
    }
    updateNavigationActions();
}

bool MainWindow::showLocation(const Location &location)
{
    if (!location.ref.isEmpty()) {
        if (!m_page->showEntity(location.ref)) {
            statusBar()->showMessage(tr("%1 is not in the catalog.").arg(location.ref), 5000);
            return false;
        }
        if (location.line > 0) {
            m_page->goToSourceLine(location.line);
        }
        m_table->selectRef(location.ref);
        if (m_settings) {
            m_settings->setLastPage(location.ref);
        }
        return true;
    }
    if (!location.file.isEmpty()) {
        m_page->showFile(location.file, location.line);
        m_table->selectRef(QString());
        return true;
    }
    return false;
}

// Graph: switching the central area.
void MainWindow::showGraphPage(bool graph)
{
    m_centralStack->setCurrentWidget(graph ? static_cast<QWidget *>(m_graphPage) : m_splitter);
    (graph ? m_showGraph : m_showCatalog)->setChecked(true);
    // The graph page has its own Ctrl+F (find a node); two owners of one shortcut would be ambiguous.
    m_find->setShortcut(graph ? QKeySequence() : QKeySequence(QKeySequence::Find));
    if (graph && m_graphPage->focusRef().isEmpty() && !m_page->currentRef().isEmpty()) {
        m_graphPage->setFocusRef(m_page->currentRef());
    }
    updateExportAction();
}

void MainWindow::openInGraphPage(const QString &canonicalRef)
{
    m_graphPage->setFocusRef(canonicalRef);
    showGraphPage(true);
}

// Create-service wizard.
CreateServiceWizard *MainWindow::openCreateServiceWizard()
{
    if (!m_service) {
        return nullptr;
    }
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    m_wizard = new CreateServiceWizard(m_service, this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &QObject::destroyed, this, [this] { m_wizard = nullptr; });
    connect(m_wizard, &CreateServiceWizard::openEntityRequested, this, [this](const QString &ref) {
        showGraphPage(false);
        openEntity(ref);
    });
    m_wizard->open();
    return m_wizard;
}

void MainWindow::updateExportAction()
{
    m_export->setEnabled(m_centralStack->currentWidget() == m_graphPage && m_graphPage->hasDrawing());
}

void MainWindow::goBack()
{
    if (!canGoBack()) {
        return;
    }
    --m_historyIndex;
    showLocation(m_history[size_t(m_historyIndex)]);
    updateNavigationActions();
}

void MainWindow::goForward()
{
    if (!canGoForward()) {
        return;
    }
    ++m_historyIndex;
    showLocation(m_history[size_t(m_historyIndex)]);
    updateNavigationActions();
}

bool MainWindow::canGoBack() const
{
    return m_historyIndex > 0;
}

bool MainWindow::canGoForward() const
{
    return m_historyIndex >= 0 && m_historyIndex + 1 < int(m_history.size());
}

void MainWindow::updateNavigationActions()
{
    m_back->setEnabled(canGoBack());
    m_forward->setEnabled(canGoForward());
}

void MainWindow::onProblemActivated(const QString &entityRef, const QString &file, int line)
{
    const Catalog::Entity *e = m_catalog && !entityRef.isEmpty() ? m_catalog->entity(entityRef) : nullptr;
    if (e) {
        // The entity's page, on its Source tab at the line when the problem is inside its document.
        const bool inDocument = line > 0 && file == e->location.file && line >= e->startLine && line <= e->endLine;
        navigate(Location{entityRef, {}, inDocument ? line : 0, false}, HistoryMode::Push);
        if (!inDocument) {
            m_page->setCurrentTab(EntityPage::OverviewTab);
        }
    } else if (!file.isEmpty()) {
        openFile(file, line);
    }
}

void MainWindow::updateProblemsAction()
{
    const int errors = m_problems->errorCount();
    const int warnings = m_problems->warningCount();
    m_problemsAction->setIcon(errors > 0     ? Icons::named(QStringLiteral("error"))
                              : warnings > 0 ? Icons::named(QStringLiteral("warning"))
                                             : Icons::noProblems());
    m_problemsAction->setText(m_problems->summary());
    m_problemsAction->setToolTip(
        tr("Show or hide the Problems panel (%1)")
            .arg(m_problems->toggleViewAction()->shortcut().toString(QKeySequence::NativeText)));
}

void MainWindow::updateProblemsDock()
{
    const bool first = !m_firstCatalogSeen;
    m_firstCatalogSeen = m_firstCatalogSeen || m_catalog;
    if (!m_catalog || m_problemsDockChosen) {
        return;
    }
    // Errors are news worth the room, once; warnings only are not. A clean first catalog also
    // closes a dock that a saved layout had open, which would only say "No problems".
    if (m_problems->errorCount() > 0 && !m_problemsAutoOpened) {
        m_problemsAutoOpened = true;
        setProblemsDockVisible(true);
    } else if (first && m_problems->errorCount() == 0 && m_problems->warningCount() == 0) {
        setProblemsDockVisible(false);
    }
}

void MainWindow::setProblemsDockVisible(bool visible)
{
    if (visible == m_problems->isVisibleTo(this)) {
        return;
    }
    m_problems->setVisible(visible);
    if (visible && m_shown && !m_stateRestored) {
        // A few rows of problems: the catalog is the main thing.
        resizeDocks({m_problems}, {fontMetrics().height() * 10}, Qt::Vertical);
    }
}

void MainWindow::updateStatus()
{
    if (!m_catalog) {
        m_origin->setText(tr("No catalog loaded"));
        m_entityCount->clear();
        return;
    }
    m_origin->setText(m_catalog->origin());
    m_origin->setToolTip(
        tr("Loaded %1").arg(QLocale().toString(m_catalog->loadedAt().toLocalTime(), QLocale::ShortFormat)));
    m_entityCount->setText(tr("%1 entities").arg(QLocale().toString(m_catalog->size())));
}

void MainWindow::onBusyChanged(bool busy)
{
    for (QWidget *w : {static_cast<QWidget *>(m_progressText), static_cast<QWidget *>(m_progress),
                       static_cast<QWidget *>(m_cancel)}) {
        w->setVisible(busy);
    }
    m_refresh->setEnabled(!busy && m_service);
    if (busy) {
        m_progress->setRange(0, 0); // indeterminate until the first progress report
        m_progressText->setText(tr("Loading catalog…"));
        m_banner->hide(); // a new attempt: the old failure is no longer news
    }
}

void MainWindow::onProgress(int done, int total, const QString &what)
{
    if (total > 0) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    } else {
        m_progress->setRange(0, 0);
    }
    const QString text = what.isEmpty() ? tr("Loading catalog…") : what;
    m_progressText->setText(m_progressText->fontMetrics().elidedText(text, Qt::ElideMiddle, 320));
    m_progressText->setToolTip(text);
}

void MainWindow::onLoadFailed(const QString &message)
{
    const QString text = m_catalog ? tr("%1\nThe catalog loaded before is still shown.").arg(message) : message;
    m_banner->showMessage(Banner::Type::Error, text);
    if (auto *box = qobject_cast<QVBoxLayout *>(centralWidget()->layout()->itemAt(0)->layout())) {
        box->setContentsMargins(10, 8, 10, 0);
    }
}

void MainWindow::restoreSettings()
{
    if (!m_settings) {
        resize(1400, 900);
        return;
    }
    const QByteArray geometry = m_settings->windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        resize(1400, 900);
    }
    m_stateRestored = restoreState(m_settings->windowState());
    const QByteArray splitter = m_settings->splitterState(MainSplitter);
    if (!splitter.isEmpty()) {
        m_splitter->restoreState(splitter);
    }
    m_table->restoreHeaderState(m_settings->splitterState(CatalogHeader));
}

void MainWindow::saveSettings()
{
    if (!m_settings) {
        return;
    }
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setSplitterState(MainSplitter, m_splitter->saveState());
    m_settings->setSplitterState(CatalogHeader, m_table->headerState());
    if (!m_page->currentRef().isEmpty()) {
        m_settings->setLastPage(m_page->currentRef());
    }
    m_settings->sync();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_shown) {
        m_shown = true;
        if (!m_stateRestored) {
            // A few rows of problems by default: the catalog is the main thing.
            resizeDocks({m_problems}, {fontMetrics().height() * 10}, Qt::Vertical);
        }
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace Gantry::Ui
