#include "ui/createservice/reviewpage.h"

#include "ui/codeview.h"
#include "ui/createservice/codehighlighter.h"
#include "ui/syntaxhighlighter.h"

#include <QApplication>
#include <QCheckBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace Gantry::Ui {

namespace {
constexpr int PathRole = Qt::UserRole + 1;

QString valueText(const Scaffold::FormField &field, const QJsonValue &v)
{
    if (field.hiddenOnReview || field.widget == Scaffold::FieldWidget::Password) {
        return QStringLiteral("••••••");
    }
    if (v.isBool()) {
        return v.toBool() ? ReviewPage::tr("Yes") : ReviewPage::tr("No");
    }
    if (v.isDouble()) {
        // Ports and counts read as written ("8080", not "8,080").
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QLocale().toString(d);
    }
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : v.toArray()) {
            parts << (item.isString() ? item.toString() : QString::number(item.toDouble()));
        }
        return parts.join(QStringLiteral(", "));
    }
    if (v.isObject()) {
        QStringList parts;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            parts << it.key() + QStringLiteral(": ") + it.value().toVariant().toString();
        }
        return parts.join(QStringLiteral(", "));
    }
    // Enum labels read better than values.
    const int i = int(field.enumValues.toVariantList().indexOf(v.toVariant()));
    if (i >= 0 && !field.enumLabels.value(i).isEmpty()) {
        return field.enumLabels.value(i);
    }
    return v.toString();
}

bool isBinary(const QByteArray &data)
{
    return data.left(8000).contains('\0');
}
} // namespace

ReviewPage::ReviewPage(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_deploy(new QCheckBox(this))
    , m_values(new QLabel(this))
    , m_model(new QStandardItemModel(this))
    , m_tree(new QTreeView(this))
    , m_right(new QStackedWidget(this))
    , m_fileHeader(new QLabel(this))
    , m_code(new CodeView(this))
    , m_message(new QLabel(this))
{
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);

    // The values as "Title: value" rows: rich text, every value escaped.
    m_values->setObjectName(QStringLiteral("reviewValues"));
    m_values->setTextFormat(Qt::RichText);
    m_values->setWordWrap(true);
    m_values->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_values->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_values->setMargin(6);
    auto *valuesScroll = new QScrollArea(this);
    valuesScroll->setWidgetResizable(true);
    valuesScroll->setWidget(m_values);
    valuesScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_tree->setObjectName(QStringLiteral("reviewFiles"));
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setUniformRowHeights(true);
    m_tree->setAnimated(false);

    m_fileHeader->setTextFormat(Qt::PlainText);
    m_fileHeader->setContentsMargins(8, 4, 8, 4);
    QFont headerFont = m_fileHeader->font();
    headerFont.setWeight(QFont::DemiBold);
    m_fileHeader->setFont(headerFont);
    m_code->setObjectName(QStringLiteral("reviewCode"));
    m_code->setTabStopDistance(m_code->fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4); // Go uses tabs
    auto *codeBox = new QWidget(this);
    auto *codeLayout = new QVBoxLayout(codeBox);
    codeLayout->setContentsMargins(0, 0, 0, 0);
    codeLayout->setSpacing(0);
    codeLayout->addWidget(m_fileHeader);
    codeLayout->addWidget(m_code, 1);
    m_message->setObjectName(QStringLiteral("reviewMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_message->setMargin(16);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_right->addWidget(m_message);
    m_right->addWidget(codeBox);

    // Values on top (two per row), then the file tree and the file beside it.
    auto *valuesBox = new QWidget(this);
    auto *valuesLayout = new QVBoxLayout(valuesBox);
    valuesLayout->setContentsMargins(0, 0, 0, 4);
    valuesLayout->setSpacing(2);
    auto *valuesTitle = new QLabel(tr("Values"), valuesBox);
    valuesTitle->setFont(headerFont);
    valuesLayout->addWidget(valuesTitle);
    valuesLayout->addWidget(valuesScroll, 1);
    auto *filesBox = new QWidget(this);
    auto *filesLayout = new QVBoxLayout(filesBox);
    filesLayout->setContentsMargins(0, 0, 0, 0);
    filesLayout->setSpacing(2);
    auto *filesTitle = new QLabel(tr("Files"), filesBox);
    filesTitle->setObjectName(QStringLiteral("reviewFilesTitle"));
    filesTitle->setFont(headerFont);
    filesLayout->addWidget(filesTitle);
    filesLayout->addWidget(m_tree, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(filesBox);
    split->addWidget(m_right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({fontMetrics().horizontalAdvance(QLatin1Char('x')) * 36, 700});
    split->setChildrenCollapsible(false);

    auto *outer = new QSplitter(Qt::Vertical, this);
    outer->addWidget(valuesBox);
    outer->addWidget(split);
    outer->setStretchFactor(0, 0);
    outer->setStretchFactor(1, 1);
    outer->setSizes({fontMetrics().lineSpacing() * 8, 500});
    outer->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_summary);
    m_deploy->setObjectName(QStringLiteral("deployCheckBox"));
    m_deploy->setChecked(true);
    m_deploy->hide();
    layout->addWidget(m_deploy);
    layout->addWidget(outer, 1);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &index) { showIndex(index); });
    m_filesTitle = filesTitle;
}

void ReviewPage::setPending(const Scaffold::FormDescription &form, const QJsonObject &values)
{
    m_ready = false;
    m_files.clear();
    m_model->clear();
    m_shownPath.clear();
    m_summary->setText(tr("Rendering the template… nothing is written until you press Create."));
    m_message->setText(tr("Rendering…"));
    m_message->setPalette(palette());
    m_right->setCurrentWidget(m_message);

    const QString muted = palette().color(QPalette::PlaceholderText).name();
    QStringList cells;
    for (const Scaffold::FormField *field : form.allFields()) {
        if (!values.contains(field->key)) {
            continue;
        }
        cells << QStringLiteral("<td style=\"color:%1; padding-right:10px\">%2</td><td>%3</td>")
                     .arg(muted, field->displayTitle().toHtmlEscaped(),
                          valueText(*field, values.value(field->key)).toHtmlEscaped());
    }
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\" width=\"100%\">");
    for (qsizetype i = 0; i < cells.size(); i += 2) {
        html += QStringLiteral("<tr>") + cells[i] + QStringLiteral("<td width=\"28\"></td>") +
                (i + 1 < cells.size() ? cells[i + 1] : QStringLiteral("<td></td><td></td>")) + QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    m_values->setText(html);
}

void ReviewPage::setResult(const Scaffold::RunResult &dryRun)
{
    m_ready = dryRun.ok;
    m_files = dryRun.files;
    m_model->clear();
    if (!dryRun.ok) {
        m_summary->setText(tr("The template cannot be rendered with these values. Go back to change them."));
        m_message->setText(dryRun.error);
        QPalette errorPalette = palette();
        errorPalette.setColor(QPalette::WindowText, palette().color(QPalette::Base).lightness() < 128
                                                        ? QColor(0xff, 0x7b, 0x72)
                                                        : QColor(0xc6, 0x28, 0x28));
        m_message->setPalette(errorPalette);
        m_right->setCurrentWidget(m_message);
        return;
    }
    const QIcon folderIcon = style()->standardIcon(QStyle::SP_DirIcon);
    const QIcon fileIcon = style()->standardIcon(QStyle::SP_FileIcon);
    QHash<QString, QStandardItem *> folders;
    std::function<QStandardItem *(const QString &)> folderItem = [&](const QString &path) -> QStandardItem * {
        if (path.isEmpty()) {
            return m_model->invisibleRootItem();
        }
        if (QStandardItem *item = folders.value(path)) {
            return item;
        }
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        QStandardItem *parent = folderItem(slash < 0 ? QString() : path.left(slash));
        auto *item = new QStandardItem(folderIcon, path.mid(slash + 1) + QLatin1Char('/'));
        item->setData(QString(), PathRole);
        item->setEditable(false);
        parent->appendRow(item);
        folders.insert(path, item);
        return item;
    };
    // Folders first in each folder, as file managers list them.
    std::vector<const Scaffold::RenderedFile *> sorted;
    for (const auto &entry : m_files) {
        sorted.push_back(&entry.second);
    }
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Scaffold::RenderedFile *a, const Scaffold::RenderedFile *b) {
                         return a->path.count(QLatin1Char('/')) > b->path.count(QLatin1Char('/'));
                     });
    for (const Scaffold::RenderedFile *file : sorted) {
        folderItem(QFileInfo(file->path).path() == QLatin1String(".") ? QString() : QFileInfo(file->path).path());
    }
    for (const auto &entry : m_files) {
        const Scaffold::RenderedFile &file = entry.second;
        const QString dir = QFileInfo(file.path).path() == QLatin1String(".") ? QString() : QFileInfo(file.path).path();
        auto *item = new QStandardItem(fileIcon, QFileInfo(file.path).fileName());
        item->setData(file.path, PathRole);
        item->setToolTip(tr("%1 (%2)").arg(file.path, QLocale().formattedDataSize(file.contents.size())));
        item->setEditable(false);
        folderItem(dir)->appendRow(item);
    }
    m_tree->expandAll();
    qint64 bytes = 0;
    for (const auto &entry : m_files) {
        bytes += entry.second.contents.size();
    }
    m_summary->setText(tr("%n file(s) (%1) will be created in a new repository. This is a preview: nothing has "
                          "been written yet.",
                          nullptr, int(m_files.size()))
                           .arg(QLocale().formattedDataSize(bytes)));
    m_filesTitle->setText(tr("Files (%1)").arg(m_files.size()));
    if (!showFile(QStringLiteral("catalog-info.yaml")) && !m_files.empty()) {
        showFile(m_files.begin()->first);
    }
}

void ReviewPage::setDeployOffered(bool offered, const QString &environment)
{
    m_deploy->setText(tr("Deploy to %1 once the service is registered").arg(environment));
    m_deploy->setToolTip(tr("Without it, the repository and the catalog entry are created; the pipeline deploys "
                            "later."));
    m_deploy->setVisible(offered);
}

bool ReviewPage::deployChosen() const
{
    return m_deploy->isHidden() || m_deploy->isChecked();
}

QStringList ReviewPage::filePaths() const
{
    QStringList paths;
    for (const auto &entry : m_files) {
        paths << entry.first;
    }
    return paths;
}

bool ReviewPage::showFile(const QString &path)
{
    const QModelIndexList found =
        m_model->match(m_model->index(0, 0), PathRole, path, 1, Qt::MatchExactly | Qt::MatchRecursive);
    if (found.isEmpty()) {
        return false;
    }
    m_tree->setCurrentIndex(found.first());
    showIndex(found.first());
    return true;
}

void ReviewPage::showIndex(const QModelIndex &index)
{
    const QString path = index.data(PathRole).toString();
    const auto it = m_files.find(path);
    if (it == m_files.end()) {
        return;
    }
    m_shownPath = path;
    const Scaffold::RenderedFile &file = it->second;
    m_fileHeader->setText(file.executable ? tr("%1  (executable)").arg(path) : path);
    if (isBinary(file.contents)) {
        m_code->setContent(tr("Binary file, %1").arg(QLocale().formattedDataSize(file.contents.size())), 1,
                           SyntaxHighlighter::Language::PlainText);
    } else {
        const SyntaxHighlighter::Language language = SyntaxHighlighter::languageForFile(path);
        m_code->setContent(QString::fromUtf8(file.contents), 1, language);
        if (language == SyntaxHighlighter::Language::PlainText) {
            new CodeHighlighter(m_code->document(), CodeHighlighter::languageForFile(path));
        }
    }
    m_right->setCurrentIndex(1);
}

} // namespace Gantry::Ui
