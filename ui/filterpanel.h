#pragma once

#include "models/catalog/catalog.h"
#include "models/catalog/catalogroles.h"

#include <QWidget>

#include <array>

class QListView;
class QPushButton;
class QToolButton;

namespace Gantry::Catalog {
class FacetModel;
}

namespace Gantry::Ui {

// The left-hand filter panel: one collapsible section per facet (kind, type, owner, lifecycle,
// system, namespace, tags) listing each value with its count, checkable, and "Clear filters".
class FilterPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit FilterPanel(QWidget *parent = nullptr);

    void setCatalog(const Catalog::CatalogPtr &catalog);
    Catalog::FacetModel *facetModel(Catalog::Facet facet) const { return m_sections[size_t(facet)].model; }
    QListView *facetView(Catalog::Facet facet) const { return m_sections[size_t(facet)].view; }
    QToolButton *sectionButton(Catalog::Facet facet) const { return m_sections[size_t(facet)].button; }
    QPushButton *clearButton() const { return m_clear; }
    bool hasSelection() const;

    // Unchecks every facet value (each facet that changes emits facetSelectionChanged).
    void clearFacets();
    // Lets the panel's button reflect a search text too.
    void setSearchActive(bool active);

Q_SIGNALS:
    void facetSelectionChanged(Gantry::Catalog::Facet facet, const QStringList &keys);
    // "Clear filters" was clicked: facets are cleared already, the owner clears the search.
    void clearRequested();

private:
    struct Section
    {
        QWidget *container = nullptr;
        QToolButton *button = nullptr;
        QListView *view = nullptr;
        Catalog::FacetModel *model = nullptr;
    };

    void updateSection(Catalog::Facet facet);
    void updateClearButton();

    std::array<Section, Catalog::FacetCount> m_sections;
    QPushButton *m_clear;
    bool m_searchActive = false;
};

} // namespace Gantry::Ui
