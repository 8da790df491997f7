#pragma once

#include "ui/syntaxhighlighter.h"

#include <QPlainTextEdit>

namespace Gantry::Ui {

// A read-only source view with line numbers (which may start at any line: an entity's document
// is shown with the line numbers of its file), syntax highlighting and a highlighted line.
class CodeView final : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeView(QWidget *parent = nullptr);

    void setContent(const QString &text, int firstLineNumber, SyntaxHighlighter::Language language);
    int firstLineNumber() const { return m_firstLine; }
    // Scrolls to a line (numbered as in the file), highlights it and puts the cursor there.
    // Returns false when the line is not shown.
    bool goToLine(int lineNumber);
    int highlightedLine() const { return m_highlightedLine; }

    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);
    void updateHighlight();

    QWidget *m_lineNumbers;
    int m_firstLine = 1;
    int m_highlightedLine = 0;
};

} // namespace Gantry::Ui
