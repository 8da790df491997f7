#include "ui/graphpage.h"

#include "ui/banner.h"
#include "ui/graphcontrols.h"
#include "ui/graphsummary.h"
#include "ui/graphview.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <cmath>

namespace Gantry::Ui {

using Catalog::GraphQuery;

namespace {
Q_LOGGING_CATEGORY(lcGraphPage, "gantry.ui.graphpage")

// PNG exports stay below this many pixels (a 5,000-node graph at 2× would not fit in memory).
constexpr double MaxExportPixels = 64.0 * 1024 * 1024;
} // namespace

GraphPage::GraphPage(QWidget *parent)
    : QWidget(parent)
    , m_maxNodes(GraphQuery().maxNodes)
    , m_runner(new GraphRunner(this))
    , m_banner(new Banner(this))
    , m_controls(new GraphControls(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_view(new GraphView(this))
    , m_summary(new GraphSummary(this))
    , m_status(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_narrow(new QWidget(this))
    , m_narrowText(new QLabel(m_narrow))
    , m_lowerDepth(new QPushButton(tr("Lower the depth"), m_narrow))
    , m_filterKinds(new QPushButton(tr("Choose kinds…"), m_narrow))
{
    setObjectName(QStringLiteral("graphPage"));
    m_placeholder->setObjectName(QStringLiteral("graphPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setEnabled(false);
    m_placeholder->setMargin(24);
    m_placeholder->setText(tr("Choose an entity to focus on: type its name above, or use \"Open in graph page\" on an "
                              "entity's Graph tab."));
    m_view->setObjectName(QStringLiteral("graphView"));
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_view);

    m_splitter->setObjectName(QStringLiteral("graphSplitter"));
    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(m_summary);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setCollapsible(0, false);
    m_splitter->setSizes({1000, 280});
    m_splitter->setHandleWidth(1);
    m_summary->hide(); // until there is a graph

    m_status->setObjectName(QStringLiteral("graphStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(fontMetrics().height());
    m_busy->setTextVisible(false);
    m_busy->hide();

    m_narrow->setObjectName(QStringLiteral("graphNarrow"));
    m_narrowText->setTextFormat(Qt::PlainText);
    m_narrowText->setWordWrap(true);
    auto *narrowLayout = new QHBoxLayout(m_narrow);
    narrowLayout->setContentsMargins(0, 0, 0, 0);
    narrowLayout->addWidget(m_narrowText, 1);
    narrowLayout->addWidget(m_lowerDepth);
    narrowLayout->addWidget(m_filterKinds);
    m_narrow->hide();

    auto *statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(10, 4, 10, 6);
    statusRow->setSpacing(8);
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_status);
    statusRow->addWidget(m_narrow, 1);
    statusRow->addStretch(0);

    // The banner's margins take room only while it shows.
    auto *bannerHolder = new QWidget(this);
    auto *bannerBox = new QVBoxLayout(bannerHolder);
    bannerBox->setContentsMargins(10, 8, 10, 0);
    bannerBox->addWidget(m_banner);
    bannerHolder->hide();
    m_banner->installEventFilter(this);

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    auto *line2 = new QFrame(this);
    line2->setFrameShape(QFrame::HLine);
    line2->setFrameShadow(QFrame::Sunken);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bannerHolder);
    layout->addWidget(m_controls);
    layout->addWidget(line);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(line2);
    layout->addLayout(statusRow);
    m_banner->hide();

    connect(m_controls, &GraphControls::focusRequested, this, &GraphPage::onFocusTyped);
    connect(m_controls, &GraphControls::queryChanged, this, &GraphPage::requery);
    connect(m_controls, &GraphControls::findRequested, this, &GraphPage::onFind);
    connect(m_controls, &GraphControls::fitRequested, m_view, &GraphView::fitGraph);
    connect(m_controls, &GraphControls::actualSizeRequested, m_view, &GraphView::zoomToActualSize);
    connect(m_controls, &GraphControls::zoomInRequested, m_view, [this] { m_view->zoomBy(1.25); });
    connect(m_controls, &GraphControls::zoomOutRequested, m_view, [this] { m_view->zoomBy(0.8); });
    connect(m_controls, &GraphControls::exportRequested, this, &GraphPage::exportWithDialog);
    connect(m_view, &GraphView::selectionChanged, m_summary, &GraphSummary::setRef);
    connect(m_view, &GraphView::nodeActivated, this, [this](const QString &ref) {
        if (ref != m_focus) {
            setFocusRef(ref);
        }
    });
    connect(m_summary, &GraphSummary::openEntityRequested, this, &GraphPage::openEntityRequested);
    connect(m_summary, &GraphSummary::focusRequested, this, &GraphPage::setFocusRef);
    connect(m_runner, &GraphRunner::finished, this, &GraphPage::onFinished);
    connect(m_runner, &GraphRunner::busyChanged, this, [this](bool busy) {
        m_busy->setVisible(busy);
        if (busy) {
            m_status->setText(tr("Laying out…"));
        } else {
            updateStatus();
        }
        Q_EMIT busyChanged(busy);
    });
    connect(m_lowerDepth, &QPushButton::clicked, this, [this] {
        const int depth = m_controls->depth();
        m_controls->setDepth(depth < 0 ? 3 : std::max(1, depth - 1));
    });
    connect(m_filterKinds, &QPushButton::clicked, m_controls, &GraphControls::popUpKindsMenu);
    updateStatus();
}

GraphPage::~GraphPage() = default;

bool GraphPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_banner && (event->type() == QEvent::Show || event->type() == QEvent::Hide)) {
        m_banner->parentWidget()->setVisible(event->type() == QEvent::Show);
    }
    return QWidget::eventFilter(watched, event);
}

void GraphPage::setCatalog(Catalog::CatalogPtr catalog)
{
    if (catalog == m_catalog) {
        return;
    }
    m_catalog = std::move(catalog);
    m_controls->setCatalog(m_catalog);
    m_summary->setCatalog(m_catalog);
    if (!m_focus.isEmpty() && m_catalog && !m_catalog->entity(m_focus)) {
        m_focus.clear();
    }
    requery();
}

bool GraphPage::setFocusRef(const QString &ref)
{
    const Catalog::Entity *e = m_catalog ? m_catalog->entity(ref) : nullptr;
    if (!e) {
        return false;
    }
    m_controls->setFocusText(e->title.isEmpty() ? ref : tr("%1 — %2").arg(e->title, ref));
    if (ref != m_focus) {
        m_focus = ref;
        Q_EMIT focusChanged(ref);
        requery();
    }
    return true;
}

void GraphPage::setMaxNodes(int maxNodes)
{
    if (maxNodes != m_maxNodes) {
        m_maxNodes = maxNodes;
        requery();
    }
}

QString GraphPage::resolve(const QString &text) const
{
    if (!m_catalog) {
        return {};
    }
    QString t = text.trimmed();
    // Completions read "Title — kind:name".
    const int dash = t.lastIndexOf(QStringLiteral(" — "));
    if (dash >= 0) {
        t = t.mid(dash + 3).trimmed();
    }
    if (t.isEmpty()) {
        return {};
    }
    if (const Catalog::Entity *e = m_catalog->find(t)) {
        return e->ref;
    }
    for (const auto &e : m_catalog->entities()) {
        if (e.title.compare(t, Qt::CaseInsensitive) == 0) {
            return e.ref;
        }
    }
    return {};
}

void GraphPage::onFocusTyped(const QString &text)
{
    const QString ref = resolve(text);
    if (ref.isEmpty()) {
        if (!text.trimmed().isEmpty()) {
            m_banner->showMessage(Banner::Type::Warning, tr("No entity called \"%1\" in the catalog.").arg(text));
        }
        return;
    }
    m_banner->hide();
    setFocusRef(ref);
}

GraphQuery GraphPage::query() const
{
    GraphQuery q;
    QString focus = m_focus;
    q.mode = m_controls->mode();
    if (q.mode == GraphQuery::Mode::System && m_catalog) {
        // The whole system (or domain) of the focus, when the focus is inside one.
        const Catalog::Entity *e = m_catalog->entity(focus);
        const QString kind = e ? e->kind.toLower() : QString();
        if (e && kind != QLatin1String("system") && kind != QLatin1String("domain") && !e->system.isEmpty()) {
            focus = e->system;
        }
    }
    if (!focus.isEmpty()) {
        q.focus = QStringList{focus};
    }
    q.depth = m_controls->depth();
    q.relations = m_controls->relations();
    q.kinds = m_controls->kinds();
    q.owners = m_controls->owners();
    q.lifecycles = m_controls->lifecycles();
    q.tags = m_controls->tags();
    q.mergePairs = !m_controls->bothDirections();
    q.maxNodes = m_maxNodes;
    return q;
}

void GraphPage::requery()
{
    if (!m_catalog || m_focus.isEmpty()) {
        m_runner->cancel();
        m_view->setDrawing(nullptr);
        m_result = GraphResult{};
        m_shownFocus.clear();
        m_stack->setCurrentWidget(m_placeholder);
        m_summary->hide();
        updateStatus();
        return;
    }
    m_runner->run(m_catalog, query(), m_controls->direction());
}

void GraphPage::onFinished(const GraphResult &result)
{
    m_result = result;
    const bool empty = !result.drawing || result.drawing->nodes.empty();
    if (empty) {
        m_placeholder->setText(result.error.isEmpty() ? tr("Nothing to show: no entity matches these choices.")
                                                      : result.error);
        m_stack->setCurrentWidget(m_placeholder);
        m_view->setDrawing(nullptr);
    } else {
        m_stack->setCurrentWidget(m_view);
        if (m_summary->isHidden()) {
            m_summary->show();
            m_splitter->refresh(); // the view's new size now, so that placing the drawing uses it
        }
        // Same focus: a filter or depth change; the focus node stays where it is on screen.
        m_view->setDrawing(result.drawing, m_shownFocus == m_focus);
    }
    m_shownFocus = empty ? QString() : m_focus;
    if (m_view->selectedRef().isEmpty()) {
        m_summary->setRef(QString());
    }
    updateStatus();
    Q_EMIT drawingChanged();
}

void GraphPage::updateStatus()
{
    const QLocale locale;
    const auto &d = m_result.drawing;
    if (m_runner->isBusy()) {
        return;
    }
    if (!d || d->nodes.empty()) {
        m_status->setText(m_focus.isEmpty() ? tr("No focus") : QString());
        m_narrow->hide();
        return;
    }
    QString text = tr("%1 entities, %2 relations")
                       .arg(locale.toString(qlonglong(d->nodes.size())), locale.toString(qlonglong(d->edges.size())));
    if (m_result.cycles > 0) {
        text += tr(" · %n dependency cycle(s)", nullptr, m_result.cycles);
    }
    m_status->setText(text);
    if (d->truncated) {
        m_narrowText->setText(tr("Showing %1 of %2 — narrow the selection: lower the depth or choose kinds.")
                                  .arg(locale.toString(qlonglong(d->nodes.size())), locale.toString(d->matched)));
        m_status->setText(text + QStringLiteral(" ·"));
        m_lowerDepth->setEnabled(m_controls->depth() != 1);
        m_narrow->show();
    } else {
        m_narrow->hide();
    }
}

void GraphPage::onFind(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        return;
    }
    if (!m_view->findNext(text)) {
        m_status->setText(tr("No node matches \"%1\".").arg(text));
    }
}

void GraphPage::focusFindBox()
{
    m_controls->focusFindBox();
}

bool GraphPage::isBusy() const
{
    return m_runner->isBusy();
}

bool GraphPage::hasDrawing() const
{
    return m_view->drawing() && !m_view->drawing()->nodes.empty();
}

bool GraphPage::exportTo(const QString &path, QString *error) const
{
    const auto fail = [error](const QString &message) {
        if (error) {
            *error = message;
        }
        return false;
    };
    const auto drawing = m_view->drawing();
    if (!drawing || drawing->nodes.empty()) {
        return fail(tr("There is no graph to export."));
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    if (suffix == QLatin1String("svg")) {
        QString svgError;
        if (!Graph::GraphExport::toSvg(*drawing, &file, &svgError)) {
            file.cancelWriting();
            return fail(tr("Cannot export SVG: %1").arg(svgError));
        }
    } else if (suffix == QLatin1String("png")) {
        const QRectF b = drawing->bounds;
        const double area = std::max(1.0, b.width() * b.height());
        const double scale = std::min(2.0, std::sqrt(MaxExportPixels / area));
        const QImage image = Graph::GraphExport::toImage(*drawing, scale);
        if (image.isNull() || !image.save(&file, "PNG")) {
            file.cancelWriting();
            return fail(tr("Cannot export PNG: the image could not be made (%1 × %2)")
                            .arg(qRound(b.width() * scale))
                            .arg(qRound(b.height() * scale)));
        }
    } else if (suffix == QLatin1String("dot") || suffix == QLatin1String("gv")) {
        const QByteArray dot = Graph::GraphExport::toDot(*drawing);
        if (file.write(dot) != dot.size()) {
            file.cancelWriting();
            return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
        }
    } else {
        file.cancelWriting();
        return fail(tr("Unknown export format \"%1\": use .svg, .png or .dot").arg(suffix));
    }
    if (!file.commit()) {
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    return true;
}

void GraphPage::exportWithDialog()
{
    if (!hasDrawing()) {
        showError(tr("There is no graph to export: choose a focus entity first."));
        return;
    }
    const QString svg = tr("SVG image (*.svg)");
    const QString png = tr("PNG image (*.png)");
    const QString dot = tr("Graphviz DOT (*.dot *.gv)");
    QString filter = svg;
    QString name = m_focus.section(QLatin1Char('/'), -1);
    if (name.isEmpty()) {
        name = QStringLiteral("graph");
    }
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export Graph"), dir + QLatin1Char('/') + name + QStringLiteral(".svg"),
                                     QStringList{svg, png, dot}.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += filter == png   ? QStringLiteral(".png")
                : filter == dot ? QStringLiteral(".dot")
                                : QStringLiteral(".svg");
    }
    QString error;
    if (!exportTo(path, &error)) {
        showError(error);
    } else {
        m_banner->hide();
        m_status->setText(tr("Exported to %1").arg(QFileInfo(path).fileName()));
    }
}

void GraphPage::showError(const QString &text)
{
    qCWarning(lcGraphPage) << text;
    m_banner->showMessage(Banner::Type::Error, text);
}

} // namespace Gantry::Ui
