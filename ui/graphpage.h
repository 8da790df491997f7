#pragma once

#include "models/catalog/catalog.h"
#include "models/catalog/entitygraph.h"
#include "ui/graphrunner.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;

namespace Gantry::Ui {

class Banner;
class GraphControls;
class GraphSummary;
class GraphView;

// The catalog graph explorer, like Backstage's CatalogGraphPage: choose a focus entity and what
// to show around it; the layout runs off the UI thread; the status line says how much is shown
// and offers to narrow a selection that was cut off. Click, double-click, find, zoom, export.
class GraphPage final : public QWidget
{
    Q_OBJECT
public:
    explicit GraphPage(QWidget *parent = nullptr);
    ~GraphPage() override;

    void setCatalog(Catalog::CatalogPtr catalog);
    Catalog::CatalogPtr catalog() const { return m_catalog; }

    // Focuses the graph on an entity (canonical ref) and lays it out; false if unknown.
    bool setFocusRef(const QString &ref);
    QString focusRef() const { return m_focus; }
    // Above this many nodes a selection is cut off and the page offers to narrow it.
    void setMaxNodes(int maxNodes);
    // The query the controls describe (what the next layout will show).
    Catalog::GraphQuery query() const;

    bool isBusy() const;
    // Writes the current drawing; the format follows the suffix (.svg, .png, .dot/.gv).
    bool exportTo(const QString &path, QString *error = nullptr) const;
    bool hasDrawing() const;
    // Asks for a file and exports; errors go to the page's banner.
    void exportWithDialog();
    void focusFindBox();

    GraphControls *controls() const { return m_controls; }
    GraphView *view() const { return m_view; }
    GraphSummary *summary() const { return m_summary; }
    QLabel *statusLabel() const { return m_status; }
    QWidget *narrowBar() const { return m_narrow; }
    Banner *banner() const { return m_banner; }

Q_SIGNALS:
    void openEntityRequested(const QString &ref);
    void busyChanged(bool busy);
    void drawingChanged(); // a new layout is shown
    void focusChanged(const QString &ref);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void requery();
    void onFinished(const GraphResult &result);
    void onFocusTyped(const QString &text);
    void onFind(const QString &text);
    void updateStatus();
    void showError(const QString &text);
    QString resolve(const QString &text) const;

    Catalog::CatalogPtr m_catalog;
    QString m_focus;
    QString m_shownFocus; // the focus of the drawing on screen
    GraphResult m_result;
    int m_maxNodes;
    GraphRunner *m_runner;

    Banner *m_banner;
    GraphControls *m_controls;
    QSplitter *m_splitter;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    GraphView *m_view;
    GraphSummary *m_summary;
    QLabel *m_status;
    QProgressBar *m_busy;
    QWidget *m_narrow;
    QLabel *m_narrowText;
    QPushButton *m_lowerDepth;
    QPushButton *m_filterKinds;
};

} // namespace Gantry::Ui
