#include "ui/createservice/resultpage.h"

#include "ui/entityhtml.h"
#include "ui/icons.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace Gantry::Ui {

namespace {
QString seconds(qint64 ms)
{
    return ResultPage::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
}
} // namespace

ResultPage::ResultPage(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_headline(new QLabel(this))
    , m_details(new QLabel(this))
    , m_openEntity(new QPushButton(tr("Open in Catalog"), this))
    , m_openFolder(new QPushButton(tr("Open Folder"), this))
    , m_copyUrl(new QPushButton(tr("Copy Clone URL"), this))
    , m_retry(new QPushButton(this))
    , m_edit(new QPushButton(tr("Change Values"), this))
    , m_skipDeploy(new QPushButton(tr("Finish without Deploying"), this))
    , m_output(new QTextBrowser(this))
    , m_copied(new QLabel(this))
{
    m_headline->setObjectName(QStringLiteral("resultHeadline"));
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setWordWrap(true);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setWeight(QFont::DemiBold);
    m_headline->setFont(big);
    m_details->setObjectName(QStringLiteral("resultDetails"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_icon->setFixedSize(40, 40);
    m_icon->setAlignment(Qt::AlignTop);

    for (QPushButton *b : {m_openEntity, m_openFolder, m_copyUrl, m_retry, m_edit, m_skipDeploy}) {
        b->setAutoDefault(false);
    }
    m_skipDeploy->setObjectName(QStringLiteral("skipDeployButton"));
    m_skipDeploy->setToolTip(tr("Resume, skipping the staging deploy: the repository and the catalog entry are "
                                "done; deploy later from the pipeline"));
    m_openEntity->setObjectName(QStringLiteral("openEntityButton"));
    m_openFolder->setObjectName(QStringLiteral("openFolderButton"));
    m_copyUrl->setObjectName(QStringLiteral("copyUrlButton"));
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_edit->setObjectName(QStringLiteral("editValuesButton"));
    m_openEntity->setIcon(Icons::kind(QStringLiteral("component")));
    m_copyUrl->setIcon(Icons::named(QStringLiteral("link")));
    m_retry->setIcon(Icons::named(QStringLiteral("refresh")));
    m_copied->setTextFormat(Qt::PlainText);
    m_copied->setForegroundRole(QPalette::PlaceholderText);

    m_output->setObjectName(QStringLiteral("resultOutput"));
    m_output->setOpenLinks(false);
    m_output->setFrameShape(QFrame::StyledPanel);

    auto *text = new QVBoxLayout;
    text->setSpacing(6);
    text->addWidget(m_headline);
    text->addWidget(m_details);
    auto *header = new QHBoxLayout;
    header->setSpacing(14);
    header->addWidget(m_icon, 0, Qt::AlignTop);
    header->addLayout(text, 1);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    for (QPushButton *b : {m_openEntity, m_openFolder, m_copyUrl, m_retry, m_skipDeploy, m_edit}) {
        buttons->addWidget(b);
    }
    buttons->addWidget(m_copied);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(14);
    layout->addLayout(header);
    layout->addLayout(buttons);
    layout->addWidget(m_output);
    layout->addStretch(1); // the page reads top-down; no gaps between its parts

    connect(m_openEntity, &QPushButton::clicked, this, [this] { Q_EMIT openEntityRequested(m_result.entityRef); });
    connect(m_openFolder, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl(m_result.remoteUrl)); });
    connect(m_copyUrl, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_result.remoteUrl);
        m_copied->setText(tr("Copied."));
        QTimer::singleShot(3000, m_copied, &QLabel::clear);
    });
    connect(m_retry, &QPushButton::clicked, this, &ResultPage::retryRequested);
    connect(m_edit, &QPushButton::clicked, this, &ResultPage::editRequested);
    connect(m_skipDeploy, &QPushButton::clicked, this, &ResultPage::resumeWithoutDeployRequested);
    connect(m_output, &QTextBrowser::anchorClicked, this, &ResultPage::openLink);
}

void ResultPage::setResult(const Scaffold::RunResult &result)
{
    m_result = result;
    m_copied->clear();
    const int size = 40;
    const bool ok = result.ok;
    m_icon->setPixmap((ok ? Icons::noProblems() : Icons::named(QStringLiteral("error")))
                          .pixmap(QSize(size, size), devicePixelRatioF()));
    const QString name = result.state.values.value(QStringLiteral("name")).toString();
    QStringList lines;
    if (ok) {
        m_headline->setText(name.isEmpty() ? tr("The service was created") : tr("%1 was created").arg(name));
        if (!result.remoteUrl.isEmpty()) {
            lines << tr("Repository: %1").arg(result.remoteUrl);
        }
        if (!result.entityRef.isEmpty()) {
            lines << tr("Registered in the catalog as %1").arg(result.entityRef);
        }
        if (!result.deployedEnvironment.isEmpty()) {
            lines << tr("Deployed to %1").arg(result.deployedEnvironment);
        }
        // A resumed run only did the rest: its time alone would mislead, so it is shown for whole runs.
        QStringList times;
        if (result.registeredAfterMs >= 0 || result.deployedAfterMs >= 0) {
            times << tr("Took %1").arg(seconds(result.elapsedMs));
        }
        if (result.registeredAfterMs >= 0) {
            times << tr("registered after %1").arg(seconds(result.registeredAfterMs));
        }
        if (result.deployedAfterMs >= 0) {
            times << tr("running in staging after %1").arg(seconds(result.deployedAfterMs));
        }
        if (!times.isEmpty()) {
            lines << times.join(QStringLiteral(", ")) + QLatin1Char('.');
        }
    } else if (result.cancelled) {
        m_headline->setText(tr("Creating the service was cancelled"));
        lines << (result.state.existing.isEmpty()
                      ? tr("Nothing was left behind.")
                      : tr("These already exist:\n• %1").arg(result.state.existing.join(QStringLiteral("\n• "))));
    } else {
        QString stepName;
        for (const Scaffold::StepReport &step : result.steps) {
            if (step.id == result.failedStep ||
                (result.failedStep.isEmpty() && step.status == Scaffold::StepStatus::Failed)) {
                stepName = step.name.isEmpty() ? step.id : step.name;
            }
        }
        m_headline->setText(stepName.isEmpty() ? tr("Creating the service failed") : tr("%1 failed").arg(stepName));
        // The scaffolder's message may list what exists itself; its first paragraph says what failed.
        lines << result.error.section(QStringLiteral("\nWhat exists"), 0, 0).trimmed();
        if (!result.state.existing.isEmpty()) {
            lines << tr("These already exist and are kept:\n• %1")
                         .arg(result.state.existing.join(QStringLiteral("\n• ")));
        } else {
            lines << tr("Nothing was left behind.");
        }
        lines << (result.resumable ? tr("Resume continues from the failed step; the steps that finished are not "
                                        "run again.")
                                   : tr("Your values are kept: retry, or change them first."));
    }
    m_details->setText(lines.join(QStringLiteral("\n\n")));

    const bool localRemote = QUrl(result.remoteUrl).isLocalFile();
    m_openEntity->setVisible(ok && !result.entityRef.isEmpty());
    m_openFolder->setVisible(ok && localRemote);
    m_copyUrl->setVisible(ok && !result.remoteUrl.isEmpty());
    m_retry->setVisible(!ok);
    m_retry->setText(result.resumable ? tr("Resume") : tr("Retry"));
    m_edit->setVisible(!ok && !result.resumable);
    bool deployFailed = false;
    for (const Scaffold::StepReport &step : result.steps) {
        deployFailed = deployFailed ||
                       (step.status == Scaffold::StepStatus::Failed && step.action == QLatin1String("gantry:deploy"));
    }
    m_skipDeploy->setVisible(!ok && result.resumable && deployFailed);
    setEntityAvailable(m_entityAvailable);

    // Output links and texts: template text, escaped; Markdown without raw HTML.
    QString markdown;
    for (const Scaffold::OutputLink &link : result.links) {
        const QString title = link.title.isEmpty() ? (link.url.isEmpty() ? link.entityRef : link.url) : link.title;
        const QUrl url = link.url.isEmpty() ? EntityHtml::entityUrl(link.entityRef) : QUrl(link.url);
        QString escapedTitle = title;
        escapedTitle.replace(QLatin1Char('['), QStringLiteral("\\[")).replace(QLatin1Char(']'), QStringLiteral("\\]"));
        markdown += QStringLiteral("- [%1](<%2>)\n").arg(escapedTitle, url.toString(QUrl::FullyEncoded));
    }
    for (const Scaffold::OutputText &text : result.texts) {
        markdown += QStringLiteral("\n#### ") + text.title + QStringLiteral("\n\n") + text.content + QLatin1Char('\n');
    }
    m_output->document()->setMarkdown(markdown, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                                                QTextDocument::MarkdownNoHTML));
    m_output->setVisible(!markdown.isEmpty());
    // As tall as its links and texts, within reason.
    m_output->document()->setTextWidth(std::max(300, width() - 2 * m_output->frameWidth() - 16)); // laid out or not
    const int contentHeight = int(m_output->document()->size().height()) + 2 * m_output->frameWidth() + 8;
    m_output->setFixedHeight(
        std::clamp(contentHeight, fontMetrics().lineSpacing() * 3, fontMetrics().lineSpacing() * 16));
}

void ResultPage::setEntityAvailable(bool available)
{
    m_entityAvailable = available;
    m_openEntity->setEnabled(available);
    m_openEntity->setToolTip(available ? tr("Show %1 in the catalog").arg(m_result.entityRef)
                                       : tr("Waiting for the catalog to load the new entity…"));
}

void ResultPage::openLink(const QUrl &url)
{
    const QString ref = EntityHtml::refFromUrl(url);
    if (!ref.isEmpty()) {
        Q_EMIT openEntityRequested(ref);
    } else if (EntityHtml::isSafeExternalUrl(url)) {
        QDesktopServices::openUrl(url);
    }
}

} // namespace Gantry::Ui
