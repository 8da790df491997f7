#pragma once

#include "models/catalog/catalog.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTabWidget;
class QTextBrowser;
class QUrl;

namespace Gantry::Workspace {
struct Workspace; // deployments tab
}

namespace Gantry::Ui {

class CodeView;
class GraphCard;   // graph tab
class DeployPanel; // deployments tab

// The page of one entity, like Backstage's entity page: a header (kind icon, title, name,
// kind, owner, lifecycle chip) and the Overview, Source and Docs tabs. Source and docs are read
// (through Catalog::EntitySource) only when their tab is shown.
class EntityPage final : public QWidget
{
    Q_OBJECT
public:
    enum Tab { OverviewTab, SourceTab, DocsTab, GraphTab, DeployTab };
    Q_ENUM(Tab)

    explicit EntityPage(QWidget *parent = nullptr);
    ~EntityPage() override;

    // Re-renders the shown entity from the new snapshot (or says it is gone).
    void setCatalog(Catalog::CatalogPtr catalog);
    // Shows an entity of the current catalog; false (and nothing changes) when it is not there.
    bool showEntity(const QString &canonicalRef);
    // Shows a file that belongs to no entity (a problem's file), on the Source tab.
    void showFile(const QString &path, int line);
    // The "nothing selected" state.
    void clear();

    QString currentRef() const { return m_ref; }
    QString currentFile() const { return m_file; }
    Tab currentTab() const;
    void setCurrentTab(Tab tab);
    // Switches to the Source tab and highlights a line (numbered as in the file).
    bool goToSourceLine(int line);

    // For tests and the main window.
    QTextBrowser *overviewBrowser() const { return m_overview; }
    CodeView *sourceView() const { return m_source; }
    QTextBrowser *docsBrowser() const { return m_docs; }
    QTabWidget *tabs() const { return m_tabs; }
    GraphCard *graphCard() const { return m_graph; }      // graph tab
    DeployPanel *deployPanel() const { return m_deploy; } // deployments tab
    // The workspace whose environments the Deployments tab shows (shown for entities with workloads).
    void setWorkspace(const Workspace::Workspace &workspace);
    QLabel *titleLabel() const { return m_title; }
    bool hasDocs() const;

Q_SIGNALS:
    // An in-app link to an entity was clicked (gantry:entity/<ref>).
    void entityLinkActivated(const QString &canonicalRef);
    // The Graph tab's "Open in graph page" link.
    void openInGraphPageRequested(const QString &canonicalRef);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void renderHeader(const Catalog::Entity &e);
    void loadCurrentTab();
    void loadSource();
    void loadDocs();
    void openLink(const QUrl &url);
    void showMessage(const QString &text);

    Catalog::CatalogPtr m_catalog;
    QString m_ref;
    QString m_file; // the shown file when no entity is shown
    QString m_renderedRef;
    int m_pendingLine = 0;
    bool m_sourceLoaded = false;
    bool m_docsLoaded = false;

    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QWidget *m_content;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_owner;
    QLabel *m_lifecycle;
    QTabWidget *m_tabs;
    QTextBrowser *m_overview;
    CodeView *m_source;
    QStackedWidget *m_docsStack;
    QTextBrowser *m_docs;
    QLabel *m_noDocs;
    GraphCard *m_graph;    // graph tab
    DeployPanel *m_deploy; // deployments tab
};

} // namespace Gantry::Ui
