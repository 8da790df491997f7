#include "models/catalog/catalog.h"

#include "models/catalog/entityref.h"
#include "models/catalog/relations.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>

namespace Gantry::Catalog {

const Entity *Catalog::find(const QString &ref, const QString &defaultKind) const
{
    if (const Entity *e = entity(ref.toLower())) {
        return e;
    }
    const QString canonical = EntityRef::canonical(ref, defaultKind, QStringLiteral("default"));
    return canonical.isEmpty() ? nullptr : entity(canonical);
}

QString Catalog::displayPath(const QString &file) const
{
    for (const auto &root : m_roots) {
        if (file.size() > root.size() + 1 && file.startsWith(root) && file.at(root.size()) == QLatin1Char('/')) {
            return file.mid(root.size() + 1);
        }
    }
    return file;
}

std::vector<const Entity *> Catalog::related(const Entity &entity, RelationType type) const
{
    std::vector<const Entity *> result;
    for (const auto &r : entity.relations) {
        if (r.type == type) {
            if (const Entity *e = this->entity(r.targetRef)) {
                result.push_back(e);
            }
        }
    }
    return result;
}

CatalogPtr Catalog::assemble(std::vector<Input> inputs, std::vector<Problem> problems, const QString &origin,
                             const QStringList &roots)
{
    auto catalog = std::make_shared<Catalog>();
    catalog->m_origin = origin;
    for (const auto &root : roots) {
        catalog->m_roots.append(QDir::cleanPath(root));
    }
    catalog->m_loadedAt = QDateTime::currentDateTimeUtc();
    catalog->m_entities.reserve(inputs.size());
    catalog->m_index.reserve(qsizetype(inputs.size()));

    // 1. Identity: the first definition wins; a later one is reported with both locations.
    std::vector<size_t> kept;
    kept.reserve(inputs.size());
    for (size_t i = 0; i < inputs.size(); ++i) {
        Entity &e = inputs[i].entity;
        const auto it = catalog->m_index.constFind(e.ref);
        if (it != catalog->m_index.constEnd()) {
            const Entity &first = catalog->m_entities[size_t(it.value())];
            problems.push_back(Problem{
                Problem::Severity::Error, e.location,
                QCoreApplication::translate("Gantry::Catalog::Catalog",
                                            "%1 is defined twice: here and first at %2:%3; the first definition "
                                            "is used, remove or rename one of them")
                    .arg(e.ref, first.location.file)
                    .arg(first.location.line),
                e.ref});
            continue;
        }
        catalog->m_index.insert(e.ref, int(catalog->m_entities.size()));
        catalog->m_entities.push_back(std::move(e));
        kept.push_back(i);
    }

    // 2. Stitching: every outgoing relation also lands, inverted, on its target when it exists.
    //    Dangling targets are kept on the source (as Backstage does) and reported as warnings.
    auto &entities = catalog->m_entities;
    for (auto &e : entities) {
        e.relations.clear();
    }
    for (size_t k = 0; k < kept.size(); ++k) {
        Entity &source = entities[k];
        for (const auto &out : inputs[kept[k]].outgoing) {
            source.relations.push_back(out.relation);
            const int target = catalog->indexOf(out.relation.targetRef);
            if (target >= 0) {
                entities[size_t(target)].relations.push_back(Relation{inverseRelation(out.relation.type), source.ref});
            } else {
                problems.push_back(Problem{
                    Problem::Severity::Warning, out.location,
                    QCoreApplication::translate("Gantry::Catalog::Catalog",
                                                "%1 refers to %2, which is not in the catalog; add that entity or "
                                                "correct the reference")
                        .arg(out.field, out.relation.targetRef),
                    source.ref});
            }
        }
    }
    for (auto &e : entities) {
        std::sort(e.relations.begin(), e.relations.end());
        e.relations.erase(std::unique(e.relations.begin(), e.relations.end()), e.relations.end());
        e.relations.shrink_to_fit();
    }

    // 3. Problems in a stable order: by file, line, column.
    std::stable_sort(problems.begin(), problems.end(), [](const Problem &a, const Problem &b) {
        if (a.location.file != b.location.file) {
            return a.location.file < b.location.file;
        }
        if (a.location.line != b.location.line) {
            return a.location.line < b.location.line;
        }
        return a.location.column < b.location.column;
    });
    for (const auto &p : problems) {
        (p.isError() ? catalog->m_errorCount : catalog->m_warningCount)++;
    }
    catalog->m_problems = std::move(problems);
    return catalog;
}

} // namespace Gantry::Catalog
