#pragma once

#include "models/catalog/catalog.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace Gantry::Ui {

// The side panel of the graph page: what the selected node is (title, kind, owner,
// description, relation counts) and buttons to open its entity page or focus the graph on it.
class GraphSummary final : public QFrame
{
    Q_OBJECT
public:
    explicit GraphSummary(QWidget *parent = nullptr);

    void setCatalog(Catalog::CatalogPtr catalog);
    // Shows an entity (or a reference missing from the catalog); empty: the "nothing selected" text.
    void setRef(const QString &ref);
    QString ref() const { return m_ref; }

    QLabel *titleLabel() const { return m_title; }
    QPushButton *openButton() const { return m_open; }

Q_SIGNALS:
    void openEntityRequested(const QString &ref);
    void focusRequested(const QString &ref);

private:
    void render();

    Catalog::CatalogPtr m_catalog;
    QString m_ref;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_owner;
    QLabel *m_description;
    QLabel *m_relations;
    QLabel *m_placeholder;
    QPushButton *m_open;
    QPushButton *m_focus;
    QWidget *m_content;
};

} // namespace Gantry::Ui
