#include "ui/syntaxhighlighter.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextDocument>

#ifdef GANTRY_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

#include <vector>

namespace Gantry::Ui {

#ifndef GANTRY_HAVE_KSYNTAXHIGHLIGHTING
namespace {

struct Colors
{
    QColor key, string, number, keyword, comment, punctuation, heading, code;
};

Colors colorsFor(const QPalette &palette)
{
    // GitHub-like colours, one set for light and one for dark backgrounds.
    if (palette.color(QPalette::Base).lightness() < 128) {
        return {QColor(0x79, 0xc0, 0xff), QColor(0x7e, 0xe7, 0x87), QColor(0xff, 0xa6, 0x57), QColor(0xd2, 0xa8, 0xff),
                QColor(0x8b, 0x94, 0x9e), QColor(0x8b, 0x94, 0x9e), QColor(0x79, 0xc0, 0xff), QColor(0xff, 0xa6, 0x57)};
    }
    return {QColor(0x05, 0x50, 0xae), QColor(0x0a, 0x7d, 0x32), QColor(0x95, 0x38, 0x00), QColor(0x82, 0x50, 0xdf),
            QColor(0x6e, 0x77, 0x81), QColor(0x57, 0x60, 0x6a), QColor(0x05, 0x50, 0xae), QColor(0x95, 0x38, 0x00)};
}

QTextCharFormat charFormat(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold) {
        f.setFontWeight(QFont::DemiBold);
    }
    f.setFontItalic(italic);
    return f;
}

// Regular-expression rules applied in order (later rules win); capture group `group` is
// formatted (0 = the whole match). Markdown fenced code blocks use the block state.
class RuleHighlighter final : public QSyntaxHighlighter
{
public:
    RuleHighlighter(QTextDocument *document, SyntaxHighlighter::Language language)
        : QSyntaxHighlighter(document)
        , m_language(language)
    {
        const Colors c = colorsFor(QGuiApplication::palette());
        m_codeFormat = charFormat(c.code);
        switch (language) {
        case SyntaxHighlighter::Language::Yaml:
            add(QStringLiteral("^\\s*(?:-\\s+)?([^\\s#'\"\\-][^#]*?|\"[^\"]*\"|'[^']*')\\s*:(?=\\s|$)"),
                charFormat(c.key), 1);
            add(QStringLiteral("^\\s*(-)(?=\\s)"), charFormat(c.punctuation));
            add(QStringLiteral(":\\s+([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*$"), charFormat(c.number), 1);
            add(QStringLiteral("(?::|-)\\s+(true|false|null|yes|no|on|off|~)\\s*$"), charFormat(c.keyword), 1);
            add(QStringLiteral("[&*][A-Za-z0-9_\\-]+|!!?[A-Za-z0-9_\\-]+|[|>][-+]?\\s*$"), charFormat(c.keyword));
            add(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'"), charFormat(c.string));
            add(QStringLiteral("^(?:---|\\.\\.\\.)\\s*$"), charFormat(c.punctuation, true));
            add(QStringLiteral("(?:^|\\s)(#.*)$"), charFormat(c.comment, false, true), 1);
            break;
        case SyntaxHighlighter::Language::Json:
            add(QStringLiteral("-?\\b\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?\\b"), charFormat(c.number));
            add(QStringLiteral("\\b(?:true|false|null)\\b"), charFormat(c.keyword));
            add(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\""), charFormat(c.string));
            add(QStringLiteral("(\"(?:[^\"\\\\]|\\\\.)*\")\\s*:"), charFormat(c.key), 1);
            break;
        case SyntaxHighlighter::Language::Markdown:
            add(QStringLiteral("^\\s*(?:[-*+]|\\d+\\.)\\s"), charFormat(c.punctuation, true));
            add(QStringLiteral("\\*\\*[^*]+\\*\\*|__[^_]+__"), charFormat(palette().color(QPalette::Text), true));
            add(QStringLiteral("(?<![*\\w])\\*[^*\\s][^*]*\\*|(?<!\\w)_[^_\\s][^_]*_"),
                charFormat(palette().color(QPalette::Text), false, true));
            add(QStringLiteral("\\[[^\\]]*\\]\\([^)]*\\)"), charFormat(c.key));
            add(QStringLiteral("`[^`]+`"), charFormat(c.code));
            add(QStringLiteral("^#{1,6}\\s.*$"), charFormat(c.heading, true));
            add(QStringLiteral("^>.*$"), charFormat(c.comment, false, true));
            break;
        case SyntaxHighlighter::Language::PlainText:
            break;
        }
    }

protected:
    void highlightBlock(const QString &text) override
    {
        if (m_language == SyntaxHighlighter::Language::Markdown) {
            // Fenced code blocks: state 1 inside ``` ... ```.
            const bool fence = text.trimmed().startsWith(QLatin1String("```"));
            const bool inside = previousBlockState() == 1;
            if (fence || inside) {
                setFormat(0, int(text.size()), m_codeFormat);
                setCurrentBlockState(fence ? (inside ? 0 : 1) : 1);
                return;
            }
            setCurrentBlockState(0);
        }
        for (const Rule &rule : m_rules) {
            auto it = rule.pattern.globalMatch(text);
            while (it.hasNext()) {
                const auto match = it.next();
                setFormat(int(match.capturedStart(rule.group)), int(match.capturedLength(rule.group)), rule.format);
            }
        }
    }

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };

    QPalette palette() const { return QGuiApplication::palette(); }
    void add(const QString &pattern, const QTextCharFormat &format, int group = 0)
    {
        QRegularExpression re(pattern);
        re.optimize();
        m_rules.push_back(Rule{re, format, group});
    }

    SyntaxHighlighter::Language m_language;
    std::vector<Rule> m_rules;
    QTextCharFormat m_codeFormat;
};

} // namespace
#endif

void SyntaxHighlighter::attach(QTextDocument *document, Language language)
{
    if (!document) {
        return;
    }
    const auto existing = document->findChildren<QSyntaxHighlighter *>(QString(), Qt::FindDirectChildrenOnly);
    for (QSyntaxHighlighter *h : existing) {
        h->setDocument(nullptr);
        delete h;
    }
    if (language == Language::PlainText) {
        return;
    }
#ifdef GANTRY_HAVE_KSYNTAXHIGHLIGHTING
    static KSyntaxHighlighting::Repository repository;
    const QString name = language == Language::Yaml   ? QStringLiteral("YAML")
                         : language == Language::Json ? QStringLiteral("JSON")
                                                      : QStringLiteral("Markdown");
    auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
    highlighter->setTheme(QGuiApplication::palette().color(QPalette::Base).lightness() < 128
                              ? repository.defaultTheme(KSyntaxHighlighting::Repository::DarkTheme)
                              : repository.defaultTheme(KSyntaxHighlighting::Repository::LightTheme));
    highlighter->setDefinition(repository.definitionForName(name));
#else
    new RuleHighlighter(document, language);
#endif
}

SyntaxHighlighter::Language SyntaxHighlighter::languageForFile(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml")) {
        return Language::Yaml;
    }
    if (suffix == QLatin1String("json")) {
        return Language::Json;
    }
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown")) {
        return Language::Markdown;
    }
    return Language::PlainText;
}

} // namespace Gantry::Ui
