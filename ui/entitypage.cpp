#include "ui/entitypage.h"

#include "models/catalog/catalogmodel.h"
#include "models/catalog/entitysource.h"
#include "ui/codeview.h"
#include "ui/deploypanel.h"
#include "ui/entityhtml.h"
#include "ui/graphcard.h"
#include "ui/icons.h"

#include <QDesktopServices>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Gantry::Ui {

namespace {
Q_LOGGING_CATEGORY(lcPage, "gantry.ui.entitypage")

QTextBrowser *makeBrowser(QWidget *parent)
{
    auto *browser = new QTextBrowser(parent);
    browser->setOpenLinks(false); // every link goes through EntityPage::openLink()
    browser->setOpenExternalLinks(false);
    browser->setFrameShape(QFrame::NoFrame);
    browser->document()->setDocumentMargin(14);
    return browser;
}

QLabel *makePlaceholder(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setEnabled(false); // the style's muted text colour, in any theme
    label->setMargin(24);
    return label;
}

QString lifecycleStyle(const QString &lifecycle, const QPalette &palette)
{
    QColor c(0x6b, 0x72, 0x80);
    const QString l = lifecycle.toLower();
    if (l == QLatin1String("production")) {
        c = QColor(0x10, 0xb9, 0x81);
    } else if (l == QLatin1String("experimental")) {
        c = QColor(0xf5, 0x9e, 0x0b);
    } else if (l == QLatin1String("deprecated")) {
        c = QColor(0xe5, 0x48, 0x4d);
    }
    return QStringLiteral("QLabel { border-radius: 10px; padding: 2px 10px; color: %1; "
                          "background: rgba(%2,%3,%4,45); border: 1px solid rgba(%2,%3,%4,150); }")
        .arg(palette.color(QPalette::WindowText).name())
        .arg(c.red())
        .arg(c.green())
        .arg(c.blue());
}
} // namespace

EntityPage::EntityPage(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_placeholder(makePlaceholder(tr("Select an entity to see its details."), this))
    , m_content(new QWidget(this))
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_owner(new QLabel(this))
    , m_lifecycle(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_overview(makeBrowser(this))
    , m_source(new CodeView(this))
    , m_docsStack(new QStackedWidget(this))
    , m_docs(makeBrowser(this))
    , m_noDocs(makePlaceholder(tr("No documentation.\nAdd a README.md next to the catalog file, or a "
                                  "backstage.io/techdocs-ref: dir:<folder> annotation."),
                               this))
    , m_graph(new GraphCard(this))
    , m_deploy(new DeployPanel(this))
{
    m_title->setObjectName(QStringLiteral("entityTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setEnabled(false);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_owner->setObjectName(QStringLiteral("entityOwner"));
    m_owner->setTextFormat(Qt::RichText);
    m_owner->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_lifecycle->setTextFormat(Qt::PlainText);
    m_icon->setFixedSize(40, 40);

    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(m_title);
    auto *meta = new QHBoxLayout;
    meta->setSpacing(12);
    meta->addWidget(m_subtitle);
    meta->addWidget(m_owner);
    meta->addStretch(1);
    titles->addLayout(meta);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(16, 14, 16, 10);
    header->setSpacing(12);
    header->addWidget(m_icon, 0, Qt::AlignTop);
    header->addLayout(titles, 1);
    header->addWidget(m_lifecycle, 0, Qt::AlignTop);

    m_docsStack->addWidget(m_docs);
    m_docsStack->addWidget(m_noDocs);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->addTab(m_source, tr("Source"));
    m_tabs->addTab(m_docsStack, tr("Docs"));
    m_tabs->addTab(m_graph, tr("Graph")); // the entity's direct relations, laid out when shown
    // Deployments: shown for entities with Kubernetes workloads.
    m_tabs->addTab(m_deploy, tr("Deployments"));
    m_tabs->setTabVisible(DeployTab, false);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addLayout(header);
    contentLayout->addWidget(m_tabs, 1);

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_tabs, &QTabWidget::currentChanged, this, &EntityPage::loadCurrentTab);
    connect(m_overview, &QTextBrowser::anchorClicked, this, &EntityPage::openLink);
    connect(m_docs, &QTextBrowser::anchorClicked, this, &EntityPage::openLink);
    connect(m_graph, &GraphCard::entityActivated, this, &EntityPage::entityLinkActivated);
    connect(m_graph, &GraphCard::openInGraphPageRequested, this, &EntityPage::openInGraphPageRequested);
    connect(m_owner, &QLabel::linkActivated, this, [this](const QString &link) { openLink(QUrl(link)); });
}

EntityPage::~EntityPage() = default;

void EntityPage::setWorkspace(const Workspace::Workspace &workspace)
{
    m_deploy->setWorkspace(workspace);
    if (!m_ref.isEmpty()) {
        render();
    }
}

void EntityPage::setCatalog(Catalog::CatalogPtr catalog)
{
    m_catalog = std::move(catalog);
    if (!m_ref.isEmpty()) {
        render();
    }
}

bool EntityPage::showEntity(const QString &canonicalRef)
{
    if (!m_catalog || !m_catalog->entity(canonicalRef)) {
        return false;
    }
    if (canonicalRef == m_ref && m_file.isEmpty()) {
        return true;
    }
    m_ref = canonicalRef;
    m_file.clear();
    m_pendingLine = 0;
    render();
    return true;
}

void EntityPage::showFile(const QString &path, int line)
{
    m_ref.clear();
    m_file = path;
    m_pendingLine = line;
    const QFileInfo info(path);
    m_icon->setPixmap(Icons::named(QStringLiteral("warning")).pixmap(QSize(40, 40), devicePixelRatioF()));
    m_title->setText(info.fileName());
    m_subtitle->setText(path);
    m_owner->clear();
    m_lifecycle->hide();
    m_tabs->setTabEnabled(OverviewTab, false);
    m_tabs->setTabEnabled(DocsTab, false);
    m_tabs->setTabEnabled(GraphTab, false);
    m_tabs->setTabVisible(DeployTab, false);
    m_deploy->clear();
    m_sourceLoaded = false;
    m_docsLoaded = true;
    m_stack->setCurrentWidget(m_content);
    if (m_tabs->currentIndex() != SourceTab) {
        m_tabs->setCurrentIndex(SourceTab); // loads
    } else {
        loadSource();
    }
}

void EntityPage::clear()
{
    m_ref.clear();
    m_file.clear();
    m_deploy->clear();
    m_placeholder->setText(tr("Select an entity to see its details."));
    m_stack->setCurrentWidget(m_placeholder);
}

void EntityPage::showMessage(const QString &text)
{
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_placeholder);
}

EntityPage::Tab EntityPage::currentTab() const
{
    return Tab(m_tabs->currentIndex());
}

void EntityPage::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

bool EntityPage::goToSourceLine(int line)
{
    m_pendingLine = line;
    if (m_tabs->currentIndex() != SourceTab) {
        m_tabs->setCurrentIndex(SourceTab);
    } else {
        loadCurrentTab();
    }
    return m_source->highlightedLine() == line;
}

bool EntityPage::hasDocs() const
{
    return m_docsLoaded && m_docsStack->currentWidget() == m_docs;
}

void EntityPage::render()
{
    const Catalog::Entity *e = m_catalog ? m_catalog->entity(m_ref) : nullptr;
    if (!e) {
        showMessage(tr("%1 is no longer in the catalog.").arg(m_ref));
        return;
    }
    renderHeader(*e);
    m_tabs->setTabEnabled(OverviewTab, true);
    m_tabs->setTabEnabled(DocsTab, true);
    m_tabs->setTabEnabled(GraphTab, true);
    m_tabs->setTabVisible(DeployTab, m_deploy->setEntity(*e));
    // Re-rendering the same entity (new snapshot, theme change) keeps the reading position.
    const int scroll = m_renderedRef == m_ref ? m_overview->verticalScrollBar()->value() : 0;
    m_overview->setHtml(EntityHtml::overview(*m_catalog, *e, palette()));
    m_overview->verticalScrollBar()->setValue(scroll);
    m_renderedRef = m_ref;
    m_sourceLoaded = false;
    m_docsLoaded = false;
    m_stack->setCurrentWidget(m_content);
    loadCurrentTab();
}

void EntityPage::renderHeader(const Catalog::Entity &e)
{
    m_icon->setPixmap(
        Icons::kind(Catalog::CatalogModel::kindIconName(e.kind)).pixmap(QSize(40, 40), devicePixelRatioF()));
    m_title->setText(e.displayName());
    QStringList parts;
    if (!e.title.isEmpty()) {
        parts << e.name;
    }
    parts << (e.specType.isEmpty() ? e.kind : tr("%1 · %2").arg(e.kind, e.specType));
    if (e.nameSpace != QLatin1String("default")) {
        parts << e.nameSpace;
    }
    m_subtitle->setText(parts.join(QStringLiteral("  ·  ")));
    m_owner->setToolTip(QString());
    if (e.owner.isEmpty()) {
        m_owner->setText(tr("No owner"));
    } else if (!m_catalog || !m_catalog->entity(e.owner)) {
        // Not a link that only leads to "not in the catalog": muted, as the overview shows it.
        // (No "(not in catalog)" here: a longer header line widens the page and squeezes the table.)
        m_owner->setText(tr("Owner: <span style=\"color:%1\">%2</span>")
                             .arg(palette().color(QPalette::Disabled, QPalette::WindowText).name(),
                                  Catalog::CatalogModel::shortRef(e.owner).toHtmlEscaped()));
        m_owner->setToolTip(tr("%1 is not in the catalog").arg(e.owner));
    } else {
        const QString link =
            QStringLiteral("<a href=\"%1\" style=\"text-decoration:none; color:%2\">%3</a>")
                .arg(EntityHtml::entityUrl(e.owner).toString(QUrl::FullyEncoded).toHtmlEscaped(),
                     palette().color(QPalette::Link).name(), Catalog::CatalogModel::shortRef(e.owner).toHtmlEscaped());
        m_owner->setText(tr("Owner: %1").arg(link));
    }
    m_lifecycle->setVisible(!e.lifecycle.isEmpty());
    m_lifecycle->setText(e.lifecycle);
    m_lifecycle->setStyleSheet(lifecycleStyle(e.lifecycle, palette()));
}

void EntityPage::loadCurrentTab()
{
    switch (m_tabs->currentIndex()) {
    case SourceTab:
        if (!m_sourceLoaded) {
            loadSource();
        } else if (m_pendingLine > 0) {
            m_source->goToLine(m_pendingLine);
            m_pendingLine = 0;
        }
        break;
    case DocsTab:
        if (!m_docsLoaded) {
            loadDocs();
        }
        break;
    case GraphTab:
        if (m_catalog && !m_ref.isEmpty()) {
            m_graph->showEntity(m_catalog, m_ref); // lays out again only for a new entity or catalog
        }
        break;
    default:
        break;
    }
}

void EntityPage::loadSource()
{
    Catalog::EntitySource::Text source;
    if (!m_file.isEmpty()) {
        source = Catalog::EntitySource::file(m_file);
    } else if (const Catalog::Entity *e = m_catalog ? m_catalog->entity(m_ref) : nullptr) {
        source = Catalog::EntitySource::document(*e);
    }
    m_sourceLoaded = true;
    if (!source.isValid()) {
        qCDebug(lcPage) << "source not shown:" << source.error;
        m_source->setContent(source.error, 1, SyntaxHighlighter::Language::PlainText);
        return;
    }
    m_source->setContent(source.text, source.firstLine, SyntaxHighlighter::languageForFile(source.path));
    if (m_pendingLine > 0) {
        m_source->goToLine(m_pendingLine);
        m_pendingLine = 0;
    }
}

void EntityPage::loadDocs()
{
    m_docsLoaded = true;
    const Catalog::Entity *e = m_catalog ? m_catalog->entity(m_ref) : nullptr;
    const Catalog::EntitySource::Text docs = e ? Catalog::EntitySource::docs(*e) : Catalog::EntitySource::Text{};
    if (docs.text.trimmed().isEmpty()) {
        m_docs->clear();
        m_docsStack->setCurrentWidget(m_noDocs);
        return;
    }
    // No raw HTML from the catalog's Markdown: it is shown as text, like any catalog text.
    m_docs->document()->setMarkdown(docs.text, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                                               QTextDocument::MarkdownNoHTML));
    m_docsStack->setCurrentWidget(m_docs);
}

void EntityPage::openLink(const QUrl &url)
{
    const QString ref = EntityHtml::refFromUrl(url);
    if (!ref.isEmpty()) {
        Q_EMIT entityLinkActivated(ref);
        return;
    }
    if (EntityHtml::isSafeExternalUrl(url)) {
        QDesktopServices::openUrl(url);
        return;
    }
    qCDebug(lcPage) << "ignored link" << url;
}

void EntityPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_ref.isEmpty() && m_catalog) {
        render();
    }
}

} // namespace Gantry::Ui
