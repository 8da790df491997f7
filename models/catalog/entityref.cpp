#include "models/catalog/entityref.h"

#include <QCoreApplication>

namespace Gantry::Catalog {

QString EntityRef::toString() const
{
    return fromParts(kind, nameSpace, name);
}

QString EntityRef::fromParts(const QString &kind, const QString &nameSpace, const QString &name)
{
    QString s;
    s.reserve(kind.size() + nameSpace.size() + name.size() + 2);
    s += kind.toLower();
    s += QLatin1Char(':');
    s += (nameSpace.isEmpty() ? QStringLiteral("default") : nameSpace.toLower());
    s += QLatin1Char('/');
    s += name.toLower();
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
