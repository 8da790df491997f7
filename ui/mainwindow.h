#pragma once

#include "models/catalog/catalog.h"

#include <QMainWindow>

#include <vector>

class QAction;
class QLabel;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace Gantry::Catalog {
class CatalogFilterProxy;
class CatalogModel;
class CatalogService;
} // namespace Gantry::Catalog

namespace Gantry::Workspace {
class Settings;
}

namespace Gantry::Ui {

class Banner;
class CatalogTable;
class CreateServiceWizard; // create-service wizard
class EntityPage;
class FilterPanel;
class GraphPage;
class ProblemsView;

// The catalog window: filters on the left, search and the entity table in the centre, the entity
// page on the right, problems in a dock at the bottom; Back/Forward history; status bar with the
// catalog's origin and the service's progress. Observes a CatalogService; the catalog can also be
// set directly (tests, command line).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // `service` may be null (then refresh and cancel are unavailable); neither is owned.
    MainWindow(Catalog::CatalogService *service, Workspace::Settings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setCatalog(Catalog::CatalogPtr catalog);
    Catalog::CatalogPtr catalog() const { return m_catalog; }

    // Shows an entity and records it in the history; false when it is not in the catalog.
    bool openEntity(const QString &canonicalRef);
    // Shows a file (and line) that belongs to no entity.
    void openFile(const QString &path, int line);
    void goBack();
    void goForward();
    // Graph: the central area shows the catalog or the graph page (View → Catalog / Graph).
    void showGraphPage(bool graph);
    // Shows the graph page focused on an entity.
    void openInGraphPage(const QString &canonicalRef);
    bool canGoBack() const;
    bool canGoForward() const;

    // Geometry, dock/toolbar state, splitter and column layout into Settings (also on close).
    void saveSettings();

    CatalogTable *catalogTable() const { return m_table; }
    FilterPanel *filterPanel() const { return m_filters; }
    EntityPage *entityPage() const { return m_page; }
    ProblemsView *problemsView() const { return m_problems; }
    GraphPage *graphPage() const { return m_graphPage; }
    QAction *showGraphAction() const { return m_showGraph; }
    QAction *exportAction() const { return m_export; }
    Banner *banner() const { return m_banner; }
    QSplitter *splitter() const { return m_splitter; }
    Catalog::CatalogFilterProxy *proxy() const { return m_proxy; }
    QAction *backAction() const { return m_back; }
    QAction *forwardAction() const { return m_forward; }
    // The toolbar's Problems button: the counts and the worst severity; toggles the dock.
    QAction *problemsAction() const { return m_problemsAction; }
    // Create-service wizard: File → Create Service… (Ctrl+N) and the toolbar button open it (one at a
    // time); returns it, or nullptr without a catalog service.
    QAction *createServiceAction() const { return m_createService; }
    CreateServiceWizard *openCreateServiceWizard();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Location
    {
        QString ref;  // an entity, or
        QString file; // a file without entity
        int line = 0;
        bool fromSelection = false; // moving through the table replaces such an entry

        bool sameTarget(const Location &o) const { return ref == o.ref && file == o.file; }
    };
    enum class HistoryMode { Push, Replace, None };

    void createActions();
    void createStatusBar();
    void connectService();
    void restoreSettings();
    void navigate(const Location &location, HistoryMode mode);
    bool showLocation(const Location &location);
    void updateNavigationActions();
    void updateStatus();
    void onProblemActivated(const QString &entityRef, const QString &file, int line);
    void updateProblemsAction();
    void updateProblemsDock();
    void setProblemsDockVisible(bool visible);
    void onBusyChanged(bool busy);
    void onProgress(int done, int total, const QString &what);
    void onLoadFailed(const QString &message);
    void updateExportAction(); // graph

    Catalog::CatalogService *m_service;
    Workspace::Settings *m_settings;
    Catalog::CatalogPtr m_catalog;
    bool m_restoredPage = false;
    bool m_stateRestored = false;
    bool m_shown = false;
    // The Problems dock opens by itself once, for the first catalog with errors, and never
    // after the user showed or hid it.
    bool m_problemsDockChosen = false;
    bool m_problemsAutoOpened = false;
    bool m_firstCatalogSeen = false;

    Catalog::CatalogModel *m_model;
    Catalog::CatalogFilterProxy *m_proxy;

    Banner *m_banner;
    QSplitter *m_splitter;
    FilterPanel *m_filters;
    CatalogTable *m_table;
    EntityPage *m_page;
    ProblemsView *m_problems;
    GraphPage *m_graphPage;         // graph
    QStackedWidget *m_centralStack; // graph: catalog splitter | graph page

    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_find = nullptr;
    QAction *m_problemsAction = nullptr;
    QAction *m_showCatalog = nullptr; // graph
    QAction *m_showGraph = nullptr;   // graph
    QAction *m_export = nullptr;      // graph: File → Export Graph…
    // Create-service wizard: the action, and the open wizard (deleted on close).
    QAction *m_createService = nullptr;
    CreateServiceWizard *m_wizard = nullptr;

    QLabel *m_origin = nullptr;
    QLabel *m_entityCount = nullptr;
    QLabel *m_progressText = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;

    std::vector<Location> m_history;
    int m_historyIndex = -1;
};

} // namespace Gantry::Ui
