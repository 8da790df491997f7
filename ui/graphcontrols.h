#pragma once

#include "models/catalog/catalog.h"
#include "models/catalog/entitygraph.h"
#include "models/graph/layeredlayout.h"

#include <QWidget>

class QComboBox;
class QCompleter;
class QLineEdit;
class QMenu;
class QSpinBox;
class QStringListModel;
class QToolButton;

namespace Gantry::Ui {

// The graph page's controls: focus entity (with completion), mode, depth, relation and kind
// choices, owner/lifecycle/tag filters with the catalog's values, direction, "both directions",
// the find box and the zoom and export buttons. Holds no graph: the page reads it.
class GraphControls final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int UnlimitedDepth = -1;

    explicit GraphControls(QWidget *parent = nullptr);
    ~GraphControls() override;

    // Fills the completer and the filter menus; kept choices stay checked.
    void setCatalog(const Catalog::CatalogPtr &catalog);

    QString focusText() const;
    void setFocusText(const QString &text);
    Catalog::GraphQuery::Mode mode() const;
    void setMode(Catalog::GraphQuery::Mode mode);
    int depth() const; // UnlimitedDepth or 1..10
    void setDepth(int depth);
    quint32 relations() const;
    QStringList kinds() const;
    void setKinds(const QStringList &kinds);
    QStringList owners() const;
    QStringList lifecycles() const;
    QStringList tags() const;
    bool bothDirections() const;
    Graph::LayoutInput::Direction direction() const;

    void focusFindBox();
    void popUpKindsMenu();

    QLineEdit *focusEdit() const { return m_focus; }
    QLineEdit *findEdit() const { return m_find; }
    QSpinBox *depthSpin() const { return m_depth; }
    QComboBox *modeBox() const { return m_mode; }
    QComboBox *directionBox() const { return m_direction; }
    QToolButton *kindsButton() const { return m_kindsButton; }
    QToolButton *exportButton() const { return m_export; }

Q_SIGNALS:
    void focusRequested(const QString &text); // Enter or a completion in the focus box
    void queryChanged();                      // any choice other than the focus
    void findRequested(const QString &text);  // Enter in the find box
    void fitRequested();
    void actualSizeRequested();
    void zoomInRequested();
    void zoomOutRequested();
    void exportRequested();

private:
    QToolButton *makeMenuButton(const QString &text, QMenu **menu);
    void fillMenu(QMenu *menu, const std::vector<std::pair<QString, QString>> &values);
    QStringList checked(QMenu *menu) const;
    void updateButtonTexts();
    void onModeChanged();

    QLineEdit *m_focus;
    QCompleter *m_completer;
    QStringListModel *m_completions;
    QComboBox *m_mode;
    QSpinBox *m_depth;
    QComboBox *m_direction;
    QToolButton *m_both;
    QToolButton *m_relationsButton = nullptr;
    QToolButton *m_kindsButton = nullptr;
    QToolButton *m_ownersButton = nullptr;
    QToolButton *m_lifecyclesButton = nullptr;
    QToolButton *m_tagsButton = nullptr;
    QMenu *m_relations = nullptr;
    QMenu *m_kinds = nullptr;
    QMenu *m_owners = nullptr;
    QMenu *m_lifecycles = nullptr;
    QMenu *m_tags = nullptr;
    QLineEdit *m_find;
    QToolButton *m_export;
    int m_neighbourDepth = 1;
};

} // namespace Gantry::Ui
