#include "ui/createservice/codehighlighter.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QPalette>

namespace Gantry::Ui {

namespace {
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

QString words(const char *list)
{
    return QStringLiteral("\\b(?:") + QString::fromLatin1(list).replace(QLatin1Char(' '), QLatin1Char('|')) +
           QStringLiteral(")\\b");
}
} // namespace

CodeHighlighter::Language CodeHighlighter::languageForFile(const QString &fileName)
{
    const QFileInfo info(fileName);
    const QString name = info.fileName().toLower();
    const QString suffix = info.suffix().toLower();
    if (name == QLatin1String("dockerfile") || name.startsWith(QLatin1String("dockerfile.")) ||
        suffix == QLatin1String("dockerfile") || name == QLatin1String("containerfile")) {
        return Language::Dockerfile;
    }
    if (name == QLatin1String("makefile") || suffix == QLatin1String("mk")) {
        return Language::Make;
    }
    if (suffix == QLatin1String("go") || name == QLatin1String("go.mod") || name == QLatin1String("go.sum")) {
        return Language::Go;
    }
    if (suffix == QLatin1String("py") || suffix == QLatin1String("pyi")) {
        return Language::Python;
    }
    if (suffix == QLatin1String("sh") || suffix == QLatin1String("bash") || name == QLatin1String(".envrc")) {
        return Language::Shell;
    }
    if (suffix == QLatin1String("toml") || suffix == QLatin1String("ini") || suffix == QLatin1String("cfg") ||
        suffix == QLatin1String("conf") || name == QLatin1String(".editorconfig") ||
        name == QLatin1String(".gitignore") || name == QLatin1String(".dockerignore") ||
        suffix == QLatin1String("txt")) {
        return Language::Ini;
    }
    if (suffix == QLatin1String("js") || suffix == QLatin1String("ts") || suffix == QLatin1String("mjs") ||
        suffix == QLatin1String("java") || suffix == QLatin1String("kt") || suffix == QLatin1String("rs") ||
        suffix == QLatin1String("c") || suffix == QLatin1String("cpp") || suffix == QLatin1String("h")) {
        return Language::JavaScript;
    }
    return Language::Generic;
}

CodeHighlighter::CodeHighlighter(QTextDocument *document, Language language)
    : QSyntaxHighlighter(document)
    , m_language(language)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    // The GitHub-like colours of the shared highlighter, for light and dark backgrounds.
    const QColor keyword = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e);
    const QColor type = dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x82, 0x50, 0xdf);
    const QColor string = dark ? QColor(0xa5, 0xd6, 0xff) : QColor(0x0a, 0x30, 0x69);
    const QColor number = dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x05, 0x50, 0xae);
    const QColor comment = dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0x6e, 0x77, 0x81);
    const QColor variable = dark ? QColor(0xff, 0xa6, 0x57) : QColor(0x95, 0x38, 0x00);
    m_comment = charFormat(comment, false, true);
    m_string = charFormat(string);

    add(QStringLiteral("\\b\\d+(?:\\.\\d+)?\\b"), charFormat(number));
    switch (language) {
    case Language::Go:
        add(words("break case chan const continue default defer else fallthrough for func go goto if import "
                  "interface map package range return select struct switch type var"),
            charFormat(keyword, true));
        add(words("bool byte error float32 float64 int int32 int64 rune string uint uint8 uint32 uint64 any nil "
                  "true false iota"),
            charFormat(type));
        add(QStringLiteral("\\b([A-Za-z_]\\w*)\\s*\\("), charFormat(number), 1);
        break;
    case Language::Python:
        add(words("and as assert async await break class continue def del elif else except finally for from "
                  "global if import in is lambda nonlocal not or pass raise return try while with yield"),
            charFormat(keyword, true));
        add(words("None True False self int str float bool dict list tuple"), charFormat(type));
        add(QStringLiteral("^\\s*(@[\\w.]+)"), charFormat(variable), 1);
        add(QStringLiteral("\\bdef\\s+(\\w+)"), charFormat(number), 1);
        break;
    case Language::Dockerfile:
        add(QStringLiteral("^\\s*(FROM|RUN|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|"
                           "ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)\\b"),
            charFormat(keyword, true), 1, QRegularExpression::CaseInsensitiveOption);
        add(QStringLiteral("\\b(AS)\\b"), charFormat(keyword, true));
        add(QStringLiteral("\\$\\{?\\w+\\}?"), charFormat(variable));
        break;
    case Language::Shell:
    case Language::Make:
        add(words("if then else elif fi for while do done case esac in function return exit export local set"),
            charFormat(keyword, true));
        add(QStringLiteral("\\$[({]?\\w+[)}]?"), charFormat(variable));
        add(QStringLiteral("^([\\w.-]+)\\s*:(?!=)"), charFormat(type, true), 1);
        break;
    case Language::Ini:
        add(QStringLiteral("^\\s*\\[[^\\]]+\\]"), charFormat(type, true));
        add(QStringLiteral("^\\s*([\\w.-]+)\\s*[=:]"), charFormat(number), 1);
        break;
    case Language::JavaScript:
        add(words("break case catch class const continue default do else export extends finally for function if "
                  "import let new return static switch this throw try var while fn pub use mut impl struct enum"),
            charFormat(keyword, true));
        add(words("true false null undefined void int long bool string"), charFormat(type));
        break;
    case Language::Generic:
        break;
    }
}

void CodeHighlighter::add(const QString &pattern, const QTextCharFormat &format, int group,
                          QRegularExpression::PatternOptions options)
{
    m_rules.push_back({QRegularExpression(pattern, options), format, group});
}

void CodeHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : m_rules) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            setFormat(int(m.capturedStart(rule.group)), int(m.capturedLength(rule.group)), rule.format);
        }
    }
    // Strings and comments last, scanned left to right so that "#" inside a string is no comment.
    const bool hashComments = m_language != Language::Go && m_language != Language::JavaScript;
    const bool slashComments = m_language == Language::Go || m_language == Language::JavaScript;
    QChar quote;
    int start = -1;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == QLatin1Char('\\')) {
                ++i;
            } else if (c == quote) {
                setFormat(start, i - start + 1, m_string);
                quote = QChar();
            }
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'') || (c == QLatin1Char('`') && slashComments)) {
            if (c == QLatin1Char('\'') && m_language == Language::Dockerfile) {
                continue;
            }
            quote = c;
            start = i;
        } else if ((hashComments && c == QLatin1Char('#') && (i == 0 || text.at(i - 1).isSpace())) ||
                   (slashComments && c == QLatin1Char('/') && i + 1 < text.size() &&
                    text.at(i + 1) == QLatin1Char('/'))) {
            setFormat(i, int(text.size()) - i, m_comment);
            return;
        }
    }
    if (!quote.isNull() && start >= 0) {
        setFormat(start, int(text.size()) - start, m_string);
    }
}

} // namespace Gantry::Ui
