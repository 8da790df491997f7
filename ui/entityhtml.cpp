#include "ui/entityhtml.h"

#include "models/catalog/catalog.h"
#include "models/catalog/catalogmodel.h"
#include "models/catalog/entityref.h"

#include <QLocale>
#include <QPalette>

#include <map>

namespace Gantry::Ui {

using Catalog::CatalogModel;
using Catalog::Entity;
using Catalog::RelationType;

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString colorName(QColor c)
{
    return c.name(QColor::HexRgb);
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

struct Style
{
    QString text, muted, link, chipBg, chipFg, rule;
};

Style styleFor(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    return Style{colorName(text),
                 colorName(mix(base, text, 0.55)),
                 colorName(palette.color(QPalette::Link)),
                 colorName(mix(base, palette.color(QPalette::Highlight), 0.16)),
                 colorName(text),
                 colorName(mix(base, text, 0.15))};
}

QString heading(const QString &text, const Style &s)
{
    return QStringLiteral("<p style=\"margin-top:18px; margin-bottom:6px; font-weight:600; font-size:large; "
                          "color:%2\">%1</p>")
        .arg(esc(text), s.text);
}

QString kindIcon(const QString &kind)
{
    return QStringLiteral("<img src=\"qrc:/icons/kind-%1.svg\" width=\"16\" height=\"16\" "
                          "style=\"vertical-align:middle\"/>")
        .arg(CatalogModel::kindIconName(kind));
}

} // namespace

QUrl EntityHtml::entityUrl(const QString &canonicalRef)
{
    QUrl url;
    url.setScheme(QStringLiteral("gantry"));
    url.setPath(QLatin1String("entity/") + canonicalRef);
    return url;
}

QString EntityHtml::refFromUrl(const QUrl &url)
{
    if (url.scheme() != QLatin1String("gantry")) {
        return {};
    }
    const QString path = url.path();
    return path.startsWith(QLatin1String("entity/")) ? path.mid(7) : QString();
}

bool EntityHtml::isSafeExternalUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() &&
           (scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("mailto"));
}

QString EntityHtml::relationLabel(RelationType type)
{
    switch (type) {
    case RelationType::OwnedBy:
        return tr("Owned by");
    case RelationType::OwnerOf:
        return tr("Owner of");
    case RelationType::DependsOn:
        return tr("Depends on");
    case RelationType::DependencyOf:
        return tr("Dependency of");
    case RelationType::PartOf:
        return tr("Part of");
    case RelationType::HasPart:
        return tr("Has part");
    case RelationType::ProvidesApi:
        return tr("Provides API");
    case RelationType::ApiProvidedBy:
        return tr("API provided by");
    case RelationType::ConsumesApi:
        return tr("Consumes API");
    case RelationType::ApiConsumedBy:
        return tr("API consumed by");
    case RelationType::MemberOf:
        return tr("Member of");
    case RelationType::HasMember:
        return tr("Has member");
    case RelationType::ChildOf:
        return tr("Child of");
    case RelationType::ParentOf:
        return tr("Parent of");
    }
    return {};
}

QString EntityHtml::overview(const Catalog::Catalog &catalog, const Entity &e, const QPalette &palette)
{
    const Style s = styleFor(palette);
    QString html;
    html.reserve(4096);
    html += QStringLiteral("<html><body style=\"color:%1\">").arg(s.text);

    const auto entityLink = [&](const QString &ref) -> QString {
        if (ref.isEmpty()) {
            return QStringLiteral("<span style=\"color:%1\">—</span>").arg(s.muted);
        }
        if (const Entity *target = catalog.entity(ref)) {
            return kindIcon(target->kind) + QLatin1String("&nbsp;<a href=\"") +
                   esc(entityUrl(ref).toString(QUrl::FullyEncoded)) + QLatin1String("\" style=\"color:") + s.link +
                   QLatin1String("; text-decoration:none\">") + esc(target->displayName()) + QLatin1String("</a>");
        }
        return QStringLiteral("<span style=\"color:%1\">%2 <i>(%3)</i></span>")
            .arg(s.muted, esc(CatalogModel::shortRef(ref)), esc(tr("not in catalog")));
    };

    // About.
    html += heading(tr("About"), s);
    if (e.description.isEmpty()) {
        html += QStringLiteral("<p style=\"color:%1\"><i>%2</i></p>").arg(s.muted, esc(tr("No description")));
    } else {
        QString description = esc(e.description);
        description.replace(QLatin1Char('\n'), QLatin1String("<br/>"));
        html += QLatin1String("<p style=\"margin-bottom:8px\">") + description + QLatin1String("</p>");
    }

    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" style=\"margin-top:6px\">");
    const auto row = [&](const QString &label, const QString &valueHtml) {
        html += QStringLiteral("<tr><td style=\"color:%1; padding-right:18px\">%2</td><td>%3</td></tr>")
                    .arg(s.muted, esc(label), valueHtml);
    };
    const auto textOrDash = [&](const QString &text) -> QString {
        return text.isEmpty() ? QStringLiteral("<span style=\"color:%1\">—</span>").arg(s.muted) : esc(text);
    };
    row(tr("Owner"), entityLink(e.owner));
    if (!e.system.isEmpty()) {
        row(tr("System"), entityLink(e.system));
    }
    const QString domain = e.spec()[std::string_view("domain")].scalar();
    if (!domain.isEmpty()) {
        row(tr("Domain"), entityLink(Catalog::EntityRef::canonical(domain, QStringLiteral("domain"), e.nameSpace)));
    }
    row(tr("Kind"), esc(e.kind));
    row(tr("Type"), textOrDash(e.specType));
    row(tr("Lifecycle"), textOrDash(e.lifecycle));
    row(tr("Namespace"), esc(e.nameSpace));
    row(tr("Reference"), QStringLiteral("<code>%1</code>").arg(esc(e.ref)));
    html += QLatin1String("</table>");

    // Tags as chips.
    if (!e.tags.isEmpty()) {
        html += heading(tr("Tags"), s);
        html += QLatin1String("<p style=\"line-height:160%\">");
        for (const QString &tag : e.tags) {
            html += QStringLiteral("<span style=\"background-color:%1; color:%2\">&nbsp;&nbsp;%3&nbsp;&nbsp;</span>"
                                   "&nbsp;&nbsp; ")
                        .arg(s.chipBg, s.chipFg, esc(tag));
        }
        html += QLatin1String("</p>");
    }

    // Links: only http, https and mailto become clickable.
    QString links;
    e.metadata()[std::string_view("links")].forEachItem([&](Catalog::YamlNode link) {
        const QString urlText = link[std::string_view("url")].scalar();
        if (urlText.isEmpty()) {
            return;
        }
        QString title = link[std::string_view("title")].scalar();
        if (title.isEmpty()) {
            title = urlText;
        }
        const QUrl url(urlText);
        links += QLatin1String("<li style=\"margin-bottom:4px\">");
        if (isSafeExternalUrl(url)) {
            links += QStringLiteral("<a href=\"%1\" style=\"color:%2; text-decoration:none\">%3</a>")
                         .arg(esc(url.toString(QUrl::FullyEncoded)), s.link, esc(title));
            if (title != urlText) {
                links += QStringLiteral(" <span style=\"color:%1\">%2</span>").arg(s.muted, esc(url.host()));
            }
        } else {
            links += QStringLiteral("%1 <span style=\"color:%2\">(%3)</span>")
                         .arg(esc(title), s.muted, esc(tr("not opened: only http, https and mailto links are")));
        }
        links += QLatin1String("</li>");
    });
    if (!links.isEmpty()) {
        html += heading(tr("Links"), s);
        html += QLatin1String("<ul style=\"margin-left:0px; -qt-list-indent:1\">") + links + QLatin1String("</ul>");
    }

    // Relations grouped by type, in Backstage's order.
    std::map<int, std::vector<QString>> groups;
    for (const auto &relation : e.relations) {
        groups[int(relation.type)].push_back(relation.targetRef);
    }
    html += heading(tr("Relations"), s);
    if (groups.empty()) {
        html += QStringLiteral("<p style=\"color:%1\"><i>%2</i></p>").arg(s.muted, esc(tr("No relations")));
    } else {
        html += QLatin1String("<table cellspacing=\"0\" cellpadding=\"3\">");
        for (const auto &[type, targets] : groups) {
            QString cell;
            for (const QString &target : targets) {
                if (!cell.isEmpty()) {
                    cell += QLatin1String("<br/>");
                }
                cell += entityLink(target);
            }
            html += QStringLiteral("<tr><td valign=\"top\" style=\"color:%1; padding-right:18px\">%2</td>"
                                   "<td>%3</td></tr>")
                        .arg(s.muted, esc(relationLabel(RelationType(type))), cell);
        }
        html += QLatin1String("</table>");
    }

    // Annotations and labels as key/value tables.
    const auto keyValues = [&](std::string_view field, const QString &title) {
        QString rows;
        e.metadata()[field].forEachPair([&](Catalog::YamlNode key, Catalog::YamlNode value) {
            rows += QStringLiteral("<tr><td style=\"color:%1; padding-right:18px\"><code>%2</code></td>"
                                   "<td><code>%3</code></td></tr>")
                        .arg(s.muted, esc(key.scalar()), esc(value.scalar()));
        });
        if (!rows.isEmpty()) {
            html += heading(title, s);
            html += QLatin1String("<table cellspacing=\"0\" cellpadding=\"3\">") + rows + QLatin1String("</table>");
        }
    };
    keyValues("annotations", tr("Annotations"));
    keyValues("labels", tr("Labels"));

    html += QLatin1String("</body></html>");
    return html;
}

} // namespace Gantry::Ui
