#include "ui/icons.h"

#include <QFile>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace Gantry::Ui::Icons {

QIcon named(const QString &name)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        const QString path = QLatin1String(":/icons/") + name + QLatin1String(".svg");
        QIcon icon;
        if (QFile::exists(path)) {
            icon.addFile(path, QSize(), QIcon::Normal);
            // Coloured badges stay as they are on a selected row (the style would tint them).
            icon.addFile(path, QSize(), QIcon::Selected);
        }
        it = cache.insert(name, icon);
    }
    return it.value();
}

QIcon kind(const QString &kindIconName)
{
    const QIcon icon = named(QLatin1String("kind-") + kindIconName);
    return icon.isNull() ? named(QStringLiteral("kind-entity")) : icon;
}

QIcon noProblems()
{
    // Painted: the icon set has no such badge.
    static const QIcon icon = [] {
        QIcon result;
        for (const int size : {16, 32, 48}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.scale(size / 16.0, size / 16.0);
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(0x6b, 0x9e, 0x78)); // a muted green: calm, not a call to action
            painter.drawEllipse(QRectF(1, 1, 14, 14));
            QPainterPath check;
            check.moveTo(4.8, 8.2);
            check.lineTo(7.0, 10.4);
            check.lineTo(11.2, 5.8);
            painter.setPen(QPen(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(check);
            painter.end();
            result.addPixmap(pixmap, QIcon::Normal);
            result.addPixmap(pixmap, QIcon::Selected);
        }
        return result;
    }();
    return icon;
}

} // namespace Gantry::Ui::Icons
