#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <vector>

namespace Gantry::Ui {

// Highlighting for the review page's generated files that the shared SyntaxHighlighter does not
// cover: Go, Python, Dockerfiles, shell, Makefiles, INI/TOML and the like (keywords, strings,
// numbers, comments), with the same palette-aware colours. Owned by the document it highlights.
class CodeHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Language { Go, Python, Dockerfile, Shell, Make, Ini, JavaScript, Generic };

    CodeHighlighter(QTextDocument *document, Language language);

    // By file name ("Dockerfile", "main.go", "Makefile", "app.py"); nullopt-like Generic when unknown.
    static Language languageForFile(const QString &fileName);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };
    void add(const QString &pattern, const QTextCharFormat &format, int group = 0,
             QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption);

    Language m_language;
    std::vector<Rule> m_rules;
    QTextCharFormat m_comment;
    QTextCharFormat m_string;
};

} // namespace Gantry::Ui
