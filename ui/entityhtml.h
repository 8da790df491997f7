#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

class QPalette;

namespace Gantry::Catalog {
class Catalog;
struct Entity;
enum class RelationType : quint8;
} // namespace Gantry::Catalog

namespace Gantry::Ui {

// The rich text of an entity's Overview tab. Every piece of catalog text is HTML-escaped; only
// http, https and mailto links become external links, entity references become gantry:entity/<ref>.
class EntityHtml final
{
    Q_DECLARE_TR_FUNCTIONS(Gantry::Ui::EntityHtml)
public:
    static QString overview(const Catalog::Catalog &catalog, const Catalog::Entity &entity, const QPalette &palette);

    // gantry:entity/<canonical ref>, and back (empty when `url` is not an entity link).
    static QUrl entityUrl(const QString &canonicalRef);
    static QString refFromUrl(const QUrl &url);
    // Only these are handed to QDesktopServices.
    static bool isSafeExternalUrl(const QUrl &url);
    // "Depends on", "Owned by", ...
    static QString relationLabel(Catalog::RelationType type);

    EntityHtml() = delete;
};

} // namespace Gantry::Ui
