#include "ui/createservice/templatepickerpage.h"

#include "ui/createservice/templatecarddelegate.h"
#include "ui/icons.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Gantry::Ui {

namespace {
using Role = TemplateCardDelegate::Role;

// "group:default/team-a" → "team-a"; anything else unchanged.
QString shortOwner(const QString &owner)
{
    const qsizetype slash = owner.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = owner.indexOf(QLatin1Char(':'));
    if (slash >= 0) {
        return owner.mid(slash + 1);
    }
    return colon >= 0 ? owner.mid(colon + 1) : owner;
}
} // namespace

TemplatePickerPage::TemplatePickerPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_view(new QListView(this))
    , m_delegate(new TemplateCardDelegate(this))
    , m_empty(new QLabel(this))
    , m_problems(new QTextBrowser(this))
{
    m_search->setObjectName(QStringLiteral("templateSearch"));
    m_search->setPlaceholderText(tr("Search templates by name, description, tag or owner"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Icons::named(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->installEventFilter(this);
    m_count->setTextFormat(Qt::PlainText);
    m_count->setForegroundRole(QPalette::PlaceholderText);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(Role::SearchRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_view->setObjectName(QStringLiteral("templateCards"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(m_delegate);
    m_view->setViewMode(QListView::IconMode);
    m_view->setFlow(QListView::LeftToRight);
    m_view->setWrapping(true);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setMovement(QListView::Static);
    m_view->setSpacing(0);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setMouseTracking(true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->viewport()->setAutoFillBackground(false);
    m_view->setGridSize(TemplateCardDelegate::cardSize(m_view->fontMetrics()));
    m_view->installEventFilter(this);
    m_view->viewport()->installEventFilter(this);

    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    m_empty->hide();

    m_problems->setObjectName(QStringLiteral("templateProblems"));
    m_problems->setMaximumHeight(fontMetrics().height() * 7);
    m_problems->setOpenLinks(false);
    m_problems->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_problems);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        const Scaffold::TemplatePtr before = currentTemplate();
        m_proxy->setFilterFixedString(text.trimmed());
        const bool none = m_proxy->rowCount() == 0;
        m_view->setVisible(!none);
        m_empty->setVisible(none);
        m_empty->setText(tr("No template matches \"%1\".").arg(text.trimmed()));
        m_count->setText(tr("%n template(s)", nullptr, m_proxy->rowCount()));
        if (!m_view->currentIndex().isValid() && m_proxy->rowCount() > 0) {
            m_view->setCurrentIndex(m_proxy->index(0, 0));
        }
        if (before != currentTemplate()) {
            updateDetails();
            Q_EMIT currentTemplateChanged();
        }
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateDetails();
        Q_EMIT currentTemplateChanged();
    });
    // Double click only: Return reaches the wizard, whose Enter means Next (once).
    connect(m_view, &QListView::doubleClicked, this, [this] {
        if (currentTemplate() && currentTemplate()->isUsable()) {
            Q_EMIT templateActivated();
        }
    });
}

void TemplatePickerPage::setTemplates(const std::vector<Scaffold::TemplatePtr> &templates)
{
    const Scaffold::TemplatePtr current = currentTemplate();
    m_templates = templates;
    m_model->clear();
    for (size_t i = 0; i < m_templates.size(); ++i) {
        const Scaffold::Template &t = *m_templates[i];
        auto *item = new QStandardItem(t.displayName());
        item->setData(t.description, Role::DescriptionRole);
        item->setData(t.tags, Role::TagsRole);
        item->setData(shortOwner(t.owner), Role::OwnerRole);
        item->setData(t.builtIn ? tr("Built-in") : tr("Catalog"), Role::SourceRole);
        item->setData(t.errorCount(), Role::ProblemsRole);
        item->setData(t.ref, Role::RefRole);
        item->setData(
            QStringList{t.displayName(), t.name, t.description, t.tags.join(QLatin1Char(' ')), t.owner, t.type}.join(
                QLatin1Char(' ')),
            Role::SearchRole);
        item->setData(int(i), Qt::UserRole + 100);
        item->setToolTip(t.file.isEmpty() ? t.ref : tr("%1\nDefined in %2").arg(t.ref, t.file));
        item->setEditable(false);
        m_model->appendRow(item);
    }
    m_count->setText(tr("%n template(s)", nullptr, m_proxy->rowCount()));
    if (!current || !selectTemplate(current->ref)) {
        if (m_proxy->rowCount() > 0) {
            m_view->setCurrentIndex(m_proxy->index(0, 0));
        }
    }
    if (m_templates.empty()) {
        m_view->hide();
        m_empty->setText(tr("No templates found: Gantry's built-in golden paths are missing from this build, and "
                            "the catalog holds no Template entities."));
        m_empty->show();
    }
    updateDetails();
}

Scaffold::TemplatePtr TemplatePickerPage::currentTemplate() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid()) {
        return nullptr;
    }
    const int i = index.data(Qt::UserRole + 100).toInt();
    return i >= 0 && size_t(i) < m_templates.size() ? m_templates[size_t(i)] : nullptr;
}

bool TemplatePickerPage::selectTemplate(const QString &nameOrRef)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        const int i = index.data(Qt::UserRole + 100).toInt();
        const Scaffold::Template &t = *m_templates[size_t(i)];
        if (t.ref.compare(nameOrRef, Qt::CaseInsensitive) == 0 || t.name.compare(nameOrRef, Qt::CaseInsensitive) == 0) {
            m_view->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

int TemplatePickerPage::visibleCount() const
{
    return m_proxy->rowCount();
}

void TemplatePickerPage::updateDetails()
{
    const Scaffold::TemplatePtr t = currentTemplate();
    if (!t || t->problems.empty()) {
        m_problems->hide();
        return;
    }
    // Template text is escaped: this is rich text.
    QString html =
        QStringLiteral("<p><b>%1</b></p><ul style=\"margin-left:-20px\">")
            .arg(t->isUsable()
                     ? tr("%1 loaded with warnings:").arg(t->displayName().toHtmlEscaped())
                     : tr("%1 cannot be used until these problems are fixed:").arg(t->displayName().toHtmlEscaped()));
    for (const Catalog::Problem &problem : t->problems) {
        html += QStringLiteral("<li><code>%1</code></li>").arg(problem.toCompilerString().toHtmlEscaped());
    }
    html += QStringLiteral("</ul>");
    m_problems->setHtml(html);
    m_problems->show();
}

void TemplatePickerPage::fitCards()
{
    // As many columns of at least the comfortable card width as fit; the cards share the rest.
    const QSize smallest = TemplateCardDelegate::cardSize(m_view->fontMetrics());
    const int available = std::max(smallest.width(), m_view->viewport()->width() - 4);
    const int columns = std::max(1, available / smallest.width());
    const int width = (available - columns) / columns; // a pixel per column spare, or the last one wraps
    if (m_view->gridSize().width() != width) {
        m_delegate->setCardWidth(width);
        m_view->setGridSize(QSize(width, smallest.height())); // also lays the items out again
    }
}

bool TemplatePickerPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        fitCards();
    }
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        // Arrows in the search box move through the cards, so search → pick → Enter needs no mouse.
        if (watched == m_search && (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) &&
            m_proxy->rowCount() > 0) {
            const int row = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
            const int next = std::clamp(row + (key->key() == Qt::Key_Down ? 1 : -1), 0, m_proxy->rowCount() - 1);
            m_view->setCurrentIndex(m_proxy->index(next, 0));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Gantry::Ui
