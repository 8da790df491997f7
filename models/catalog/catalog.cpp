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
    std::vector<Input *> pointers;
    pointers.reserve(inputs.size());
    for (auto &input : inputs) {
        pointers.push_back(&input);
    }
    return assembleImpl(pointers, true, std::move(problems), origin, roots);
}

CatalogPtr Catalog::assembleShared(const std::vector<Input *> &inputs, std::vector<Problem> problems,
                                   const QString &origin, const QStringList &roots)
{
    return assembleImpl(inputs, false, std::move(problems), origin, roots);
}

CatalogPtr Catalog::assembleImpl(const std::vector<Input *> &inputs, bool moveEntities, std::vector<Problem> problems,
                                 const QString &origin, const QStringList &roots)
{
    auto catalog = std::make_shared<Catalog>();
    catalog->m_origin = origin;
    for (const auto &root : roots) {
        catalog->m_roots.append(QDir::cleanPath(root));
    }
    catalog->m_loadedAt = QDateTime::currentDateTimeUtc();
    catalog->m_index.reserve(qsizetype(inputs.size()));

    // 1. Identity: the first definition wins; a later one is reported with both locations.
    std::vector<size_t> kept;
    kept.reserve(inputs.size());
    for (size_t i = 0; i < inputs.size(); ++i) {
        const Entity &e = inputs[i]->entity;
        const auto it = catalog->m_index.constFind(e.ref);
        if (it != catalog->m_index.constEnd()) {
            const Entity &first = inputs[kept[size_t(it.value())]]->entity;
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
        catalog->m_index.insert(e.ref, int(kept.size()));
        kept.push_back(i);
    }

    // 2. Resolve every reference once. References to an entity of the catalog are set to share
    //    its `ref` string (equal values), in the inputs too: one allocation per entity serves
    //    them all, and the inputs' own copies are freed before the catalog allocates its own.
    std::vector<int> targets;
    std::vector<quint32> counts(kept.size(), 0);
    auto share = [&](QString &ref) {
        if (!ref.isEmpty()) {
            const int i = catalog->indexOf(ref);
            if (i >= 0) {
                ref = inputs[kept[size_t(i)]]->entity.ref;
            }
        }
    };
    for (size_t k = 0; k < kept.size(); ++k) {
        Input &input = *inputs[kept[k]];
        share(input.entity.owner);
        share(input.entity.system);
        counts[k] += quint32(input.outgoing.size());
        for (auto &out : input.outgoing) {
            const int target = catalog->indexOf(out.relation.targetRef);
            targets.push_back(target);
            if (target >= 0) {
                ++counts[size_t(target)];
                out.relation.targetRef = inputs[kept[size_t(target)]]->entity.ref;
            }
        }
    }

    auto &entities = catalog->m_entities;
    entities.reserve(kept.size());
    for (const size_t i : kept) {
        if (moveEntities) {
            entities.push_back(std::move(inputs[i]->entity));
        } else {
            entities.push_back(inputs[i]->entity);
        }
        entities.back().relations.clear();
    }

    // 3. Stitching: every outgoing relation also lands, inverted, on its target when it exists.
    //    Dangling targets are kept on the source (as Backstage does) and reported as warnings.
    //    Every relation vector is allocated once, exactly.
    for (size_t k = 0; k < entities.size(); ++k) {
        entities[k].relations.reserve(counts[k]);
    }
    size_t t = 0;
    for (size_t k = 0; k < kept.size(); ++k) {
        Entity &source = entities[k];
        for (const auto &out : inputs[kept[k]]->outgoing) {
            const int target = targets[t++];
            source.relations.push_back(out.relation);
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
        if (e.relations.size() != e.relations.capacity()) {
            e.relations.shrink_to_fit();
        }
    }

    // 4. Problems in a stable order: by file, line, column.
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
