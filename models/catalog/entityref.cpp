#include "models/catalog/entityref.h"

#include <QCoreApplication>

namespace Gantry::Catalog {

QString EntityRef::toString() const
{
    return fromParts(kind, nameSpace, name);
}

namespace {

char16_t lowerAscii(char16_t c)
{
    return (c >= u'A' && c <= u'Z') ? char16_t(c + (u'a' - u'A')) : c;
}

// s += text.toLower(), without a temporary when `text` is ASCII.
void appendLower(QString &s, QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80) {
            s += text.toString().toLower();
            return;
        }
    }
    for (const QChar c : text) {
        s += QChar(lowerAscii(c.unicode()));
    }
}

void appendLower(QString &s, std::string_view ascii)
{
    for (const char c : ascii) {
        s += QChar(lowerAscii(char16_t(uchar(c))));
    }
}

} // namespace

QString EntityRef::fromParts(const QString &kind, const QString &nameSpace, const QString &name)
{
    QString s;
    s.reserve(kind.size() + (nameSpace.isEmpty() ? 7 : nameSpace.size()) + name.size() + 2);
    appendLower(s, kind);
    s += QLatin1Char(':');
    if (nameSpace.isEmpty()) {
        s += QLatin1String("default");
    } else {
        appendLower(s, nameSpace);
    }
    s += QLatin1Char('/');
    appendLower(s, name);
    return s;
}

QString EntityRef::canonicalAscii(std::string_view ref, QLatin1String defaultKind, const QString &defaultNamespace)
{
    for (const char c : ref) {
        if (uchar(c) >= 0x80) {
            return {};
        }
    }
    // The rules of parse(): a ':' after the first '/' belongs to the name; no empty parts.
    std::string_view kind;
    std::string_view rest = ref;
    const size_t colon = ref.find(':');
    const size_t slash = ref.find('/');
    if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash)) {
        kind = ref.substr(0, colon);
        rest = ref.substr(colon + 1);
        if (kind.empty()) {
            return {};
        }
    }
    std::string_view nameSpace;
    std::string_view name = rest;
    const size_t slash2 = rest.find('/');
    if (slash2 != std::string_view::npos) {
        nameSpace = rest.substr(0, slash2);
        name = rest.substr(slash2 + 1);
        if (nameSpace.empty()) {
            return {};
        }
    }
    if (name.empty() || (kind.empty() && defaultKind.isEmpty())) {
        return {};
    }
    QString s;
    s.reserve(qsizetype(ref.size()) + defaultKind.size() + defaultNamespace.size() + 9);
    if (kind.empty()) {
        appendLower(s, std::string_view(defaultKind.data(), size_t(defaultKind.size())));
    } else {
        appendLower(s, kind);
    }
    s += QLatin1Char(':');
    if (!nameSpace.empty()) {
        appendLower(s, nameSpace);
    } else if (!defaultNamespace.isEmpty()) {
        appendLower(s, QStringView(defaultNamespace));
    } else {
        s += QLatin1String("default");
    }
    s += QLatin1Char('/');
    appendLower(s, name);
    return s;
}

std::optional<EntityRef> EntityRef::parse(const QString &ref, const QString &defaultKind,
                                          const QString &defaultNamespace, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<EntityRef> {
        if (error) {
            *error = message;
        }
        return std::nullopt;
    };
    // Built only on failure: parse() runs for every reference of a 50k-entity catalog.
    auto notOnForm = [&ref]() -> QString {
        return QCoreApplication::translate("Gantry::Catalog::EntityRef", "Entity reference \"%1\" was not on the form "
                                                                         "[<kind>:][<namespace>/]<name>")
            .arg(ref);
    };
    if (ref.isEmpty()) {
        return fail(QCoreApplication::translate("Gantry::Catalog::EntityRef", "Entity reference must not be empty"));
    }
    EntityRef result;
    QString rest = ref;
    const qsizetype colon = rest.indexOf(QLatin1Char(':'));
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    // Backstage: a ':' after the first '/' belongs to the name.
    if (colon >= 0 && (slash < 0 || colon < slash)) {
        result.kind = rest.left(colon);
        rest = rest.mid(colon + 1);
        if (result.kind.isEmpty()) {
            return fail(notOnForm());
        }
    }
    const qsizetype slash2 = rest.indexOf(QLatin1Char('/'));
    if (slash2 >= 0) {
        result.nameSpace = rest.left(slash2);
        result.name = rest.mid(slash2 + 1);
        if (result.nameSpace.isEmpty()) {
            return fail(notOnForm());
        }
    } else {
        result.name = rest;
    }
    if (result.name.isEmpty()) {
        return fail(notOnForm());
    }
    if (result.kind.isEmpty()) {
        if (defaultKind.isEmpty()) {
            return fail(QCoreApplication::translate("Gantry::Catalog::EntityRef",
                                                    "Entity reference \"%1\" had missing or empty kind (e.g. did "
                                                    "not start with \"component:\" or similar)")
                            .arg(ref));
        }
        result.kind = defaultKind;
    }
    if (result.nameSpace.isEmpty()) {
        result.nameSpace = defaultNamespace.isEmpty() ? QStringLiteral("default") : defaultNamespace;
    }
    return result;
}

QString EntityRef::canonical(const QString &ref, const QString &defaultKind, const QString &defaultNamespace,
                             QString *error)
{
    const auto parsed = parse(ref, defaultKind, defaultNamespace, error);
    return parsed ? parsed->toString() : QString();
}

} // namespace Gantry::Catalog
