#include "ui/icons.h"

#include <QFile>
#include <QHash>

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

} // namespace Gantry::Ui::Icons
