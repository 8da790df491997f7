#pragma once

#include "models/catalog/catalog.h"

#include <QWidget>

class QLabel;
class QStackedWidget;

namespace Gantry::Ui {

class GraphRunner;
class GraphView;
struct GraphResult;

// The entity page's Graph tab, like Backstage's EntityCatalogGraphCard: the entity's direct
// relations (depth 1) and a link to explore them on the graph page. Laid out off the UI thread.
class GraphCard final : public QWidget
{
    Q_OBJECT
public:
    explicit GraphCard(QWidget *parent = nullptr);
    ~GraphCard() override;

    // Lays out the neighbourhood of `ref` (again only when the catalog or the entity changed).
    void showEntity(const Catalog::CatalogPtr &catalog, const QString &ref);
    QString ref() const { return m_ref; }
    bool isBusy() const;
    GraphView *view() const { return m_view; }

Q_SIGNALS:
    void openInGraphPageRequested(const QString &ref);
    void entityActivated(const QString &ref); // double-click on a node
    void drawingChanged();

private:
    void onFinished(const GraphResult &result);

    Catalog::CatalogPtr m_catalog;
    QString m_ref;
    GraphRunner *m_runner;
    QStackedWidget *m_stack;
    QLabel *m_message;
    GraphView *m_view;
    QLabel *m_info;
};

} // namespace Gantry::Ui
