#pragma once

#include <QString>

class QTextDocument;

namespace Gantry::Ui {

// Syntax highlighting for the source and docs views: KSyntaxHighlighting when it is available
// (GANTRY_HAVE_KSYNTAXHIGHLIGHTING), else a small built-in highlighter for YAML, JSON and
// Markdown with palette-aware colours. Same interface either way.
class SyntaxHighlighter final
{
public:
    enum class Language { PlainText, Yaml, Json, Markdown };

    // Highlights `document` as `language`, replacing any highlighter attached before.
    // The highlighter is owned by the document.
    static void attach(QTextDocument *document, Language language);
    // By file name suffix; PlainText when unknown.
    static Language languageForFile(const QString &fileName);

    SyntaxHighlighter() = delete;
};

} // namespace Gantry::Ui
