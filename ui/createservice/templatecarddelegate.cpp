#include "ui/createservice/templatecarddelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace Gantry::Ui {

namespace {
QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

// Draws a rounded chip with `text`; returns its width.
int drawChip(QPainter *p, int x, int y, const QString &text, const QFontMetrics &fm, const QColor &fill,
             const QColor &border, const QColor &textColor)
{
    const int w = fm.horizontalAdvance(text) + 14;
    const int h = fm.height() + 4;
    const QRectF r(x + 0.5, y + 0.5, w - 1, h - 1);
    p->setPen(QPen(border, 1));
    p->setBrush(fill);
    p->drawRoundedRect(r, h / 2.0, h / 2.0);
    p->setPen(textColor);
    p->drawText(QRect(x, y, w, h), Qt::AlignCenter, text);
    return w;
}
} // namespace

TemplateCardDelegate::TemplateCardDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QSize TemplateCardDelegate::cardSize(const QFontMetrics &metrics)
{
    return QSize(metrics.horizontalAdvance(QLatin1Char('x')) * 36, metrics.height() * 9 + 24);
}

QSize TemplateCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    const QSize size = cardSize(option.fontMetrics);
    return QSize(std::max(size.width(), m_cardWidth), size.height());
}

void TemplateCardDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const bool focused = option.state & QStyle::State_HasFocus;
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor highlight = pal.color(QPalette::Highlight);
    const int problems = index.data(ProblemsRole).toInt();

    const QRectF card = QRectF(option.rect).adjusted(6.5, 6.5, -6.5, -6.5);
    p->setPen(QPen(selected ? highlight : mix(base, text, hovered ? 0.35 : 0.18), selected ? 2 : 1));
    p->setBrush(selected ? mix(base, highlight, 0.08) : base);
    p->drawRoundedRect(card, 8, 8);
    if (focused && !selected) {
        p->setPen(QPen(highlight, 1, Qt::DotLine));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(card.adjusted(2, 2, -2, -2), 6, 6);
    }

    const QRect inner = card.toRect().adjusted(14, 10, -14, -10);
    QFont titleFont = option.font;
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setWeight(QFont::DemiBold);
    const QFontMetrics titleMetrics(titleFont);
    QFont smallFont = option.font;
    smallFont.setPointSizeF(smallFont.pointSizeF() * 0.9);
    const QFontMetrics smallMetrics(smallFont);

    // Source badge (and problems) on the right of the title line.
    int right = inner.right();
    p->setFont(smallFont);
    const int chipY = inner.top() + (titleMetrics.height() - smallMetrics.height() - 4) / 2;
    if (problems > 0) {
        const QColor red(0xe5, 0x48, 0x4d);
        const QString label = tr("%n problem(s)", nullptr, problems);
        const int w = smallMetrics.horizontalAdvance(label) + 14;
        right -= w;
        drawChip(p, right, chipY, label, smallMetrics, mix(base, red, 0.15), mix(base, red, 0.6), text);
        right -= 6;
    }
    const QString source = index.data(SourceRole).toString();
    if (!source.isEmpty()) {
        const int w = smallMetrics.horizontalAdvance(source) + 14;
        right -= w;
        drawChip(p, right, chipY, source, smallMetrics, mix(base, highlight, 0.10), mix(base, highlight, 0.45), text);
        right -= 8;
    }
    p->setFont(titleFont);
    p->setPen(text);
    const QRect titleRect(inner.left(), inner.top(), right - inner.left(), titleMetrics.height());
    p->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                titleMetrics.elidedText(index.data(TitleRole).toString(), Qt::ElideRight, titleRect.width()));

    // Description: up to three lines, elided.
    p->setFont(option.font);
    p->setPen(mix(base, text, 0.78));
    const QFontMetrics fm(option.font);
    const int descTop = titleRect.bottom() + 8;
    const int tagsTop = inner.bottom() - 2 * (smallMetrics.height() + 4) - 4;
    const QRect descRect(inner.left(), descTop, inner.width(), std::max(0, tagsTop - descTop - 4));
    const QString description = index.data(DescriptionRole).toString();
    const int maxLines = std::max(1, descRect.height() / fm.lineSpacing());
    QString shown;
    {
        // Wrap by words, eliding the last line.
        const QStringList words = description.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QStringList lines;
        QString line;
        for (int i = 0; i < words.size(); ++i) {
            const QString candidate = line.isEmpty() ? words[i] : line + QLatin1Char(' ') + words[i];
            if (fm.horizontalAdvance(candidate) <= descRect.width() || line.isEmpty()) {
                line = candidate;
                continue;
            }
            lines << line;
            line = words[i];
            if (lines.size() >= maxLines - 1) {
                line = words.mid(i).join(QLatin1Char(' '));
                break;
            }
        }
        if (!line.isEmpty()) {
            lines << fm.elidedText(line, Qt::ElideRight, descRect.width());
        }
        shown = lines.join(QLatin1Char('\n'));
    }
    p->drawText(descRect, Qt::AlignLeft | Qt::AlignTop, shown);

    // Tags as chips on one line, then the owner.
    p->setFont(smallFont);
    int x = inner.left();
    const QStringList tags = index.data(TagsRole).toStringList();
    for (const QString &tag : tags) {
        const int w = smallMetrics.horizontalAdvance(tag) + 14;
        if (x + w > inner.right()) {
            break;
        }
        x += drawChip(p, x, tagsTop, tag, smallMetrics, mix(base, text, 0.06), mix(base, text, 0.22), text) + 5;
    }
    const QString owner = index.data(OwnerRole).toString();
    if (!owner.isEmpty()) {
        p->setPen(mix(base, text, 0.6));
        const QRect ownerRect(inner.left(), inner.bottom() - smallMetrics.height(), inner.width(),
                              smallMetrics.height());
        p->drawText(ownerRect, Qt::AlignLeft | Qt::AlignVCenter,
                    smallMetrics.elidedText(tr("Owner: %1").arg(owner), Qt::ElideRight, ownerRect.width()));
    }
    p->restore();
}

} // namespace Gantry::Ui
