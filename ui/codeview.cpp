#include "ui/codeview.h"

#include <QFontDatabase>
#include <QPainter>
#include <QTextBlock>

namespace Gantry::Ui {

namespace {
class LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(CodeView *view)
        : QWidget(view)
        , m_view(view)
    {}
    QSize sizeHint() const override { return QSize(m_view->lineNumberAreaWidth(), 0); }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintLineNumbers(event); }

private:
    CodeView *m_view;
};
} // namespace

CodeView::CodeView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumbers(new LineNumberArea(this))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(font);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(8);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeView::updateLineNumberAreaWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeView::updateLineNumberArea);
    updateLineNumberAreaWidth();
}

void CodeView::setContent(const QString &text, int firstLineNumber, SyntaxHighlighter::Language language)
{
    m_firstLine = std::max(1, firstLineNumber);
    m_highlightedLine = 0;
    SyntaxHighlighter::attach(document(), SyntaxHighlighter::Language::PlainText);
    setPlainText(text);
    SyntaxHighlighter::attach(document(), language);
    updateLineNumberAreaWidth();
    updateHighlight();
}

bool CodeView::goToLine(int lineNumber)
{
    const QTextBlock block = document()->findBlockByNumber(lineNumber - m_firstLine);
    if (!block.isValid()) {
        return false;
    }
    m_highlightedLine = lineNumber;
    QTextCursor cursor(block);
    setTextCursor(cursor);
    // Put the line a third down the view rather than at the very edge.
    centerCursor();
    updateHighlight();
    return true;
}

void CodeView::updateHighlight()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_highlightedLine > 0) {
        const QTextBlock block = document()->findBlockByNumber(m_highlightedLine - m_firstLine);
        if (block.isValid()) {
            QTextEdit::ExtraSelection selection;
            QColor color = palette().color(QPalette::Highlight);
            color.setAlphaF(0.22f);
            selection.format.setBackground(color);
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            selection.cursor = QTextCursor(block);
            selections.append(selection);
        }
    }
    setExtraSelections(selections);
}

int CodeView::lineNumberAreaWidth() const
{
    const int last = m_firstLine + std::max(1, blockCount()) - 1;
    const int digits = int(QString::number(std::max(last, 99)).size());
    return 16 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void CodeView::updateLineNumberAreaWidth()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void CodeView::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy != 0) {
        m_lineNumbers->scroll(0, dy);
    } else {
        m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    }
    if (rect.contains(viewport()->rect())) {
        updateLineNumberAreaWidth();
    }
}

void CodeView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_lineNumbers->setGeometry(QRect(cr.left(), cr.top(), lineNumberAreaWidth(), cr.height()));
}

void CodeView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        updateLineNumberAreaWidth();
        updateHighlight();
    }
}

void CodeView::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    QColor numberColor = pal.color(QPalette::Text);
    numberColor.setAlphaF(0.45f);

    QTextBlock block = firstVisibleBlock();
    int blockNumber = block.blockNumber();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int width = m_lineNumbers->width() - 8;
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int number = blockNumber + m_firstLine;
            QFont f = font();
            if (number == m_highlightedLine) {
                f.setBold(true);
                painter.setPen(pal.color(QPalette::Text));
            } else {
                painter.setPen(numberColor);
            }
            painter.setFont(f);
            painter.drawText(0, top, width, fontMetrics().height(), Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(number));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++blockNumber;
    }
}

} // namespace Gantry::Ui
