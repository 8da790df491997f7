#include "ui/graphcontrols.h"

#include "models/catalog/catalogroles.h"
#include "models/catalog/facetmodel.h"
#include "ui/icons.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QSet>
#include <QSpinBox>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace Gantry::Ui {

using Catalog::GraphQuery;

namespace {

constexpr int MaxDepth = 10;
constexpr int UnlimitedValue = MaxDepth + 1;

// 1…10, then "Unlimited".
class DepthSpinBox final : public QSpinBox
{
public:
    explicit DepthSpinBox(QWidget *parent)
        : QSpinBox(parent)
    {
        setRange(1, UnlimitedValue);
    }

protected:
    QString textFromValue(int value) const override
    {
        return value == UnlimitedValue ? GraphControls::tr("Unlimited") : QSpinBox::textFromValue(value);
    }
    int valueFromText(const QString &text) const override
    {
        return text.startsWith(GraphControls::tr("Unlimited").left(1), Qt::CaseInsensitive)
                   ? UnlimitedValue
                   : QSpinBox::valueFromText(text);
    }
    QValidator::State validate(QString &text, int &pos) const override
    {
        if (GraphControls::tr("Unlimited").startsWith(text, Qt::CaseInsensitive) && !text.isEmpty()) {
            return QValidator::Acceptable;
        }
        return QSpinBox::validate(text, pos);
    }
};

// Keeps a menu open while checkable entries are toggled: choosing three kinds is three clicks,
// not three trips through the button.
class StayOpenFilter final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::MouseButtonRelease) {
            auto *menu = static_cast<QMenu *>(watched);
            QAction *action = menu->activeAction();
            if (action && action->isCheckable() && action->isEnabled()) {
                action->trigger();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

QString completionText(const Catalog::Entity &e)
{
    QString ref = e.kind.toLower() + QLatin1Char(':');
    if (e.nameSpace != QLatin1String("default")) {
        ref += e.nameSpace + QLatin1Char('/');
    }
    ref += e.name;
    return e.title.isEmpty() ? ref : e.title + QStringLiteral(" — ") + ref;
}

} // namespace

GraphControls::GraphControls(QWidget *parent)
    : QWidget(parent)
    , m_focus(new QLineEdit(this))
    , m_completer(new QCompleter(this))
    , m_completions(new QStringListModel(this))
    , m_mode(new QComboBox(this))
    , m_depth(new DepthSpinBox(this))
    , m_direction(new QComboBox(this))
    , m_both(new QToolButton(this))
    , m_find(new QLineEdit(this))
    , m_export(new QToolButton(this))
{
    m_focus->setObjectName(QStringLiteral("graphFocus"));
    m_focus->setPlaceholderText(tr("Focus entity: type a name…"));
    m_focus->setClearButtonEnabled(true);
    m_focus->setMinimumWidth(260);
    m_focus->setMaximumWidth(520);
    m_focus->addAction(Icons::named(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_completer->setModel(m_completions);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setMaxVisibleItems(14);
    m_focus->setCompleter(m_completer);

    m_mode->setObjectName(QStringLiteral("graphMode"));
    m_mode->addItem(tr("Neighbours"), int(GraphQuery::Mode::Neighbours));
    m_mode->addItem(tr("Blast radius"), int(GraphQuery::Mode::BlastRadius));
    m_mode->addItem(tr("Needs"), int(GraphQuery::Mode::Needs));
    m_mode->addItem(tr("System · Domain"), int(GraphQuery::Mode::System));
    m_mode->setItemData(0, tr("Everything within the depth, over the chosen relations"), Qt::ToolTipRole);
    m_mode->setItemData(1, tr("Everything that depends on the focus: what breaks if it breaks"), Qt::ToolTipRole);
    m_mode->setItemData(2, tr("Everything the focus depends on"), Qt::ToolTipRole);
    m_mode->setItemData(3, tr("The whole system or domain the focus belongs to"), Qt::ToolTipRole);

    m_depth->setObjectName(QStringLiteral("graphDepth"));
    m_depth->setToolTip(tr("How many steps from the focus"));
    m_depth->setPrefix(tr("Depth "));

    m_direction->setObjectName(QStringLiteral("graphDirection"));
    m_direction->addItem(tr("Left to right"), int(Graph::LayoutInput::Direction::LeftRight));
    m_direction->addItem(tr("Top to bottom"), int(Graph::LayoutInput::Direction::TopBottom));

    m_both->setObjectName(QStringLiteral("graphBothDirections"));
    m_both->setText(tr("Both directions"));
    m_both->setCheckable(true);
    m_both->setToolTip(tr("Draw each relation of a pair (ownedBy and ownerOf) as its own edge"));

    m_relationsButton = makeMenuButton(tr("Relations"), &m_relations);
    m_relationsButton->setObjectName(QStringLiteral("graphRelations"));
    const std::pair<Catalog::RelationGroup, QString> groups[] = {
        {Catalog::DependencyRelations, tr("Dependencies")},
        {Catalog::OwnershipRelations, tr("Ownership")},
        {Catalog::PartOfRelations, tr("Part of")},
        {Catalog::ProvidedApiRelations, tr("APIs provided")},
        {Catalog::ConsumedApiRelations, tr("APIs consumed")},
        {Catalog::MembershipRelations, tr("Membership")},
        {Catalog::HierarchyRelations, tr("Group hierarchy")},
    };
    const quint32 defaults = GraphQuery().relations;
    for (const auto &[group, text] : groups) {
        QAction *a = m_relations->addAction(text);
        a->setCheckable(true);
        a->setChecked(defaults & group);
        a->setData(uint(group));
    }
    connect(m_relations, &QMenu::triggered, this, [this] {
        updateButtonTexts();
        Q_EMIT queryChanged();
    });
    m_kindsButton = makeMenuButton(tr("Kinds"), &m_kinds);
    m_kindsButton->setObjectName(QStringLiteral("graphKinds"));
    m_ownersButton = makeMenuButton(tr("Owner"), &m_owners);
    m_lifecyclesButton = makeMenuButton(tr("Lifecycle"), &m_lifecycles);
    m_tagsButton = makeMenuButton(tr("Tag"), &m_tags);

    m_find->setObjectName(QStringLiteral("graphFind"));
    m_find->setPlaceholderText(tr("Find in graph (Ctrl+F)"));
    m_find->setClearButtonEnabled(true);
    m_find->setMaximumWidth(220);
    auto *findAction = new QAction(tr("Find in Graph"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, &GraphControls::focusFindBox);
    addAction(findAction);

    const auto makeButton = [this](const QString &text, const QString &tip, auto signal) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, signal);
        return b;
    };
    QToolButton *fit = makeButton(tr("Fit"), tr("Fit the graph to the window"), &GraphControls::fitRequested);
    fit->setObjectName(QStringLiteral("graphFit"));
    QToolButton *actual = makeButton(tr("1:1"), tr("Actual size"), &GraphControls::actualSizeRequested);
    QToolButton *zoomIn = makeButton(tr("+"), tr("Zoom in"), &GraphControls::zoomInRequested);
    QToolButton *zoomOut = makeButton(tr("−"), tr("Zoom out"), &GraphControls::zoomOutRequested);
    for (QToolButton *b : {zoomIn, zoomOut}) {
        b->setMinimumWidth(b->sizeHint().height());
    }
    m_export->setObjectName(QStringLiteral("graphExport"));
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Save the graph as SVG, PNG or Graphviz DOT"));
    connect(m_export, &QToolButton::clicked, this, &GraphControls::exportRequested);

    auto *row1 = new QHBoxLayout;
    row1->setSpacing(6);
    row1->addWidget(m_focus, 1);
    row1->addWidget(m_mode);
    row1->addWidget(m_depth);
    row1->addStretch(0);
    row1->addSpacing(16);
    row1->addWidget(m_find);
    row1->addSpacing(8);
    row1->addWidget(fit);
    row1->addWidget(actual);
    row1->addWidget(zoomOut);
    row1->addWidget(zoomIn);
    row1->addSpacing(8);
    row1->addWidget(m_export);

    auto *row2 = new QHBoxLayout;
    row2->setSpacing(4);
    auto *show = new QLabel(tr("Show:"), this);
    show->setEnabled(false);
    row2->addWidget(show);
    row2->addWidget(m_relationsButton);
    row2->addWidget(m_kindsButton);
    row2->addSpacing(10);
    auto *filter = new QLabel(tr("Filter:"), this);
    filter->setEnabled(false);
    row2->addWidget(filter);
    row2->addWidget(m_ownersButton);
    row2->addWidget(m_lifecyclesButton);
    row2->addWidget(m_tagsButton);
    row2->addStretch(1);
    row2->addWidget(m_direction);
    row2->addWidget(m_both);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 6);
    layout->setSpacing(6);
    layout->addLayout(row1);
    layout->addLayout(row2);

    connect(m_focus, &QLineEdit::returnPressed, this, [this] { Q_EMIT focusRequested(m_focus->text()); });
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &text) { Q_EMIT focusRequested(text); });
    connect(m_mode, &QComboBox::currentIndexChanged, this, &GraphControls::onModeChanged);
    connect(m_depth, &QSpinBox::valueChanged, this, [this] {
        if (mode() == GraphQuery::Mode::Neighbours) {
            m_neighbourDepth = m_depth->value();
        }
        Q_EMIT queryChanged();
    });
    connect(m_direction, &QComboBox::currentIndexChanged, this, &GraphControls::queryChanged);
    connect(m_both, &QToolButton::toggled, this, &GraphControls::queryChanged);
    connect(m_find, &QLineEdit::returnPressed, this, [this] { Q_EMIT findRequested(m_find->text()); });
    updateButtonTexts();
}

GraphControls::~GraphControls() = default;

QToolButton *GraphControls::makeMenuButton(const QString &text, QMenu **menu)
{
    auto *button = new QToolButton(this);
    button->setText(text);
    button->setProperty("baseText", text);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setAutoRaise(false);
    *menu = new QMenu(button);
    (*menu)->installEventFilter(new StayOpenFilter(*menu));
    button->setMenu(*menu);
    return button;
}

void GraphControls::fillMenu(QMenu *menu, const std::vector<std::pair<QString, QString>> &values)
{
    const QStringList keep = checked(menu);
    menu->clear();
    QAction *all = menu->addAction(tr("All (no filter)"));
    connect(all, &QAction::triggered, this, [this, menu] {
        bool changed = false;
        for (QAction *a : menu->actions()) {
            changed = changed || a->isChecked();
            a->setChecked(false);
        }
        updateButtonTexts();
        if (changed) {
            Q_EMIT queryChanged();
        }
    });
    menu->addSeparator();
    for (const auto &[key, label] : values) {
        QAction *a = menu->addAction(label);
        a->setCheckable(true);
        a->setData(key);
        a->setChecked(keep.contains(key));
        connect(a, &QAction::toggled, this, [this] {
            updateButtonTexts();
            Q_EMIT queryChanged();
        });
    }
    if (values.empty()) {
        all->setEnabled(false);
    }
}

QStringList GraphControls::checked(QMenu *menu) const
{
    QStringList keys;
    for (QAction *a : menu->actions()) {
        if (a->isCheckable() && a->isChecked()) {
            keys << a->data().toString();
        }
    }
    return keys;
}

void GraphControls::setCatalog(const Catalog::CatalogPtr &catalog)
{
    QStringList completions;
    std::map<QString, int> kinds;
    std::map<QString, QString> owners; // label -> key, sorted by label
    QSet<QString> lifecycles;
    QSet<QString> tags;
    if (catalog) {
        completions.reserve(catalog->size());
        for (const auto &e : catalog->entities()) {
            completions << completionText(e);
            ++kinds[e.kind.toLower()];
            if (!e.owner.isEmpty()) {
                owners.emplace(Catalog::FacetModel::label(Catalog::Facet::Owner, e.owner), e.owner);
            }
            if (!e.lifecycle.isEmpty()) {
                lifecycles.insert(e.lifecycle);
            }
            for (const QString &t : e.tags) {
                tags.insert(t);
            }
        }
    }
    completions.sort(Qt::CaseInsensitive);
    m_completions->setStringList(completions);

    std::vector<std::pair<QString, QString>> values;
    for (const auto &[kind, count] : kinds) {
        const QString label = kind.isEmpty() ? kind : kind.at(0).toUpper() + kind.mid(1);
        values.emplace_back(kind, tr("%1 (%2)").arg(label).arg(count));
    }
    fillMenu(m_kinds, values);
    values.clear();
    for (const auto &[label, key] : owners) {
        values.emplace_back(key, label);
    }
    fillMenu(m_owners, values);
    const auto sorted = [](const QSet<QString> &set) {
        QStringList list(set.begin(), set.end());
        list.sort(Qt::CaseInsensitive);
        std::vector<std::pair<QString, QString>> v;
        for (const QString &s : list) {
            v.emplace_back(s, s);
        }
        return v;
    };
    fillMenu(m_lifecycles, sorted(lifecycles));
    fillMenu(m_tags, sorted(tags));
    updateButtonTexts();
}

void GraphControls::updateButtonTexts()
{
    const auto label = [this](QToolButton *button, QMenu *menu) {
        const QString base = button->property("baseText").toString();
        const QStringList keys = checked(menu);
        if (keys.isEmpty()) {
            button->setText(tr("%1: all").arg(base));
        } else if (keys.size() == 1) {
            const auto actions = menu->actions();
            const auto it = std::find_if(actions.begin(), actions.end(),
                                         [](QAction *a) { return a->isCheckable() && a->isChecked(); });
            QString text = (*it)->text();
            text = text.section(QStringLiteral(" ("), 0, 0);
            button->setText(tr("%1: %2").arg(base, fontMetrics().elidedText(text, Qt::ElideRight, 140)));
        } else {
            button->setText(tr("%1: %2").arg(base).arg(keys.size()));
        }
        const bool active = !keys.isEmpty() && menu != m_relations;
        QFont f = button->font();
        f.setBold(active); // an active filter is easy to overlook otherwise
        button->setFont(f);
    };
    label(m_kindsButton, m_kinds);
    label(m_ownersButton, m_owners);
    label(m_lifecyclesButton, m_lifecycles);
    label(m_tagsButton, m_tags);
    int on = 0;
    for (QAction *a : m_relations->actions()) {
        on += a->isChecked() ? 1 : 0;
    }
    m_relationsButton->setText(on == int(m_relations->actions().size())
                                   ? tr("Relations: all")
                                   : tr("Relations: %1 of %2").arg(on).arg(m_relations->actions().size()));
}

QString GraphControls::focusText() const
{
    return m_focus->text();
}

void GraphControls::setFocusText(const QString &text)
{
    if (m_focus->text() != text) {
        m_focus->setText(text);
        m_focus->setCursorPosition(0);
    }
}

GraphQuery::Mode GraphControls::mode() const
{
    return GraphQuery::Mode(m_mode->currentData().toInt());
}

void GraphControls::setMode(GraphQuery::Mode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

void GraphControls::onModeChanged()
{
    // Blast radius and needs are transitive by definition; neighbours get their depth back.
    const QSignalBlocker blocker(m_depth);
    if (mode() == GraphQuery::Mode::Neighbours) {
        m_depth->setValue(m_neighbourDepth);
    } else {
        m_depth->setValue(UnlimitedValue);
    }
    m_depth->setEnabled(mode() != GraphQuery::Mode::System);
    Q_EMIT queryChanged();
}

int GraphControls::depth() const
{
    return m_depth->value() == UnlimitedValue ? UnlimitedDepth : m_depth->value();
}

void GraphControls::setDepth(int depth)
{
    m_depth->setValue(depth < 0 ? UnlimitedValue : std::clamp(depth, 1, MaxDepth));
}

quint32 GraphControls::relations() const
{
    quint32 groups = 0;
    for (QAction *a : m_relations->actions()) {
        if (a->isChecked()) {
            groups |= a->data().toUInt();
        }
    }
    return groups;
}

QStringList GraphControls::kinds() const
{
    return checked(m_kinds);
}

void GraphControls::setKinds(const QStringList &kinds)
{
    bool changed = false;
    for (QAction *a : m_kinds->actions()) {
        if (a->isCheckable()) {
            const QSignalBlocker blocker(a);
            const bool on = kinds.contains(a->data().toString());
            changed = changed || on != a->isChecked();
            a->setChecked(on);
        }
    }
    updateButtonTexts();
    if (changed) {
        Q_EMIT queryChanged();
    }
}

QStringList GraphControls::owners() const
{
    return checked(m_owners);
}

QStringList GraphControls::lifecycles() const
{
    return checked(m_lifecycles);
}

QStringList GraphControls::tags() const
{
    return checked(m_tags);
}

bool GraphControls::bothDirections() const
{
    return m_both->isChecked();
}

Graph::LayoutInput::Direction GraphControls::direction() const
{
    return Graph::LayoutInput::Direction(m_direction->currentData().toInt());
}

void GraphControls::focusFindBox()
{
    m_find->setFocus(Qt::ShortcutFocusReason);
    m_find->selectAll();
}

void GraphControls::popUpKindsMenu()
{
    m_kindsButton->showMenu();
}

} // namespace Gantry::Ui
