#include "tests/bench/catalogGenerator.h"

#include "tests/bench/catalogGeneratorDetails.h"
#include "tests/bench/catalogGeneratorVocabulary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Gantry::Bench {

using namespace Detail;

namespace {

class Names
{
public:
    // Returns `wanted`, or `wanted-v2`, `wanted-v3`, ... whichever is free for this kind.
    QString unique(const QString &kind, const QString &wanted)
    {
        QSet<QString> &used = m_used[kind];
        QString name = wanted;
        for (int n = 2; used.contains(name); ++n) {
            name = wanted + QStringLiteral("-v") + QString::number(n);
        }
        used.insert(name);
        return name;
    }
    bool taken(const QString &kind, const QString &name) const { return m_used.value(kind).contains(name); }

private:
    QHash<QString, QSet<QString>> m_used;
};

struct Counts
{
    int domains, systems, groups, users, templates, apis, resources, components;
};

Counts countsFor(int n)
{
    Counts c{};
    const auto share = [n](double f, int minimum) { return std::max(minimum, int(std::lround(n * f))); };
    c.domains = share(0.003, 1);
    c.systems = std::max(c.domains, share(0.03, 2));
    c.groups = share(0.02, 3);
    c.users = share(0.17, 2);
    c.templates = share(0.002, 1);
    c.apis = share(0.12, 1);
    c.resources = share(0.10, 1);
    // One entity is the root Location; components take the rest (~55%).
    c.components = n - 1 - c.domains - c.systems - c.groups - c.users - c.templates - c.apis - c.resources;
    return c;
}

} // namespace

QString PlannedEntity::ref() const
{
    return kind.toLower() + QStringLiteral(":default/") + name.toLower();
}

QMap<QString, int> CatalogPlan::countByKind() const
{
    QMap<QString, int> counts;
    for (const auto &e : entities) {
        ++counts[e.kind];
    }
    return counts;
}

CatalogPlan planCatalog(int total, quint32 seed)
{
    using namespace Vocabulary;
    CatalogPlan plan;
    plan.seed = seed;
    if (total < 20) {
        return plan;
    }
    Rng rng(seed);
    Names names;
    const Counts c = countsFor(total);
    auto &E = plan.entities;
    E.reserve(size_t(total));

    const QString v1alpha1 = QStringLiteral("backstage.io/v1alpha1");
    const auto add = [&](const QString &kind) -> int {
        PlannedEntity e;
        e.apiVersion = v1alpha1;
        e.kind = kind;
        e.variant = quint32(rng.next());
        E.push_back(std::move(e));
        return int(E.size()) - 1;
    };

    const int root = add(QStringLiteral("Location"));
    E[size_t(root)].name = QStringLiteral("acme-catalog");
    E[size_t(root)].description = QStringLiteral("Every catalog file of the ACME organization, one target per file.");

    // Domains, and the product areas (groups) that own them.
    std::vector<int> domains;
    for (int i = 0; i < c.domains; ++i) {
        const int d = add(QStringLiteral("Domain"));
        const QString word = lat(domainWords[size_t(i) % std::size(domainWords)]);
        E[size_t(d)].name = names.unique(QStringLiteral("Domain"), word);
        domains.push_back(d);
    }

    std::vector<int> groups;
    const int org = add(QStringLiteral("Group"));
    E[size_t(org)].name = names.unique(QStringLiteral("Group"), QStringLiteral("engineering"));
    E[size_t(org)].type = QStringLiteral("organization");
    E[size_t(org)].displayName = QStringLiteral("ACME Engineering");
    groups.push_back(org);
    const int areaCount = std::max(1, std::min(c.domains, (c.groups - 1) / 5));
    std::vector<int> areas;
    for (int i = 0; i < areaCount; ++i) {
        const int g = add(QStringLiteral("Group"));
        const QString domainName = E[size_t(domains[size_t(i) % domains.size()])].name;
        E[size_t(g)].name = names.unique(QStringLiteral("Group"), domainName + QStringLiteral("-area"));
        E[size_t(g)].type = QStringLiteral("product-area");
        E[size_t(g)].parent = E[size_t(org)].name;
        E[size_t(g)].displayName = titleOf(domainName) + QStringLiteral(" Product Area");
        E[size_t(org)].children << E[size_t(g)].name;
        areas.push_back(g);
        groups.push_back(g);
    }
    std::vector<int> teams;
    for (int i = int(groups.size()); i < c.groups; ++i) {
        const int g = add(QStringLiteral("Group"));
        const int area = areas[size_t(rng.below(int(areas.size())))];
        const QString prefix = E[size_t(area)].name.chopped(5); // the domain word
        E[size_t(g)].name = names.unique(QStringLiteral("Group"), prefix + QLatin1Char('-') + lat(rng.pick(animals)));
        E[size_t(g)].type = QStringLiteral("team");
        E[size_t(g)].parent = E[size_t(area)].name;
        E[size_t(g)].displayName = titleOf(E[size_t(g)].name);
        E[size_t(area)].children << E[size_t(g)].name;
        teams.push_back(g);
        groups.push_back(g);
    }
    if (teams.empty()) {
        teams = areas;
    }
    for (int g : groups) {
        auto &group = E[size_t(g)];
        group.email = group.name + QStringLiteral("@acme.example");
        group.description = QStringLiteral("The ") + group.displayName + QStringLiteral(" ") + group.type +
                            QStringLiteral(". Reach us in #") + group.name + QStringLiteral(" on chat.");
        group.annotations.append({QStringLiteral("github.com/team-slug"), QStringLiteral("acme/") + group.name});
    }

    // Users: each in one team (some in two); their file is their first team's.
    std::vector<int> users;
    for (int i = 0; i < c.users; ++i) {
        const int u = add(QStringLiteral("User"));
        const QString first = lat(rng.pick(firstNames));
        const QString last = lat(rng.pick(lastNames));
        auto &user = E[size_t(u)];
        user.name = names.unique(QStringLiteral("User"), first.toLower() + QLatin1Char('.') + last.toLower());
        user.displayName = capitalized(first) + QLatin1Char(' ') + capitalized(last);
        user.email = user.name + QStringLiteral("@acme.example");
        if (rng.chance(0.5)) {
            user.annotations.append({QStringLiteral("github.com/user-login"),
                                     first.left(1).toLower() + last.toLower() + QString::number(rng.below(100))});
        }
        const int team = teams[size_t(rng.below(int(teams.size())))];
        user.memberOf << E[size_t(team)].name;
        E[size_t(team)].members << E[size_t(u)].name;
        if (rng.chance(0.1)) {
            const int other = groups[size_t(rng.below(int(groups.size())))];
            if (other != team) {
                E[size_t(u)].memberOf << E[size_t(other)].name;
                E[size_t(other)].members << E[size_t(u)].name;
            }
        }
        users.push_back(u);
    }

    // Domains are owned by their product area, systems by a team.
    for (size_t i = 0; i < domains.size(); ++i) {
        auto &d = E[size_t(domains[i])];
        d.owner = i < areas.size() ? E[size_t(areas[i])].name : E[size_t(org)].name;
        d.type = QStringLiteral("product-area");
        d.title = titleOf(d.name);
        d.description =
            QStringLiteral("Everything ") + d.name + QStringLiteral(": ") + description(rng, titleOf(d.name), d.name);
        d.tags = tagsFor(rng, 0, 2);
    }
    std::vector<int> systems;
    std::vector<int> systemDomain;
    for (int i = 0; i < c.systems; ++i) {
        const int s = add(QStringLiteral("System"));
        const int domainIndex = i < int(domains.size()) ? i : rng.below(int(domains.size()));
        const QString domainName = E[size_t(domains[size_t(domainIndex)])].name;
        auto &sys = E[size_t(s)];
        sys.name = names.unique(QStringLiteral("System"), domainName + QLatin1Char('-') + lat(rng.pick(systemNouns)));
        sys.domain = domainName;
        sys.owner = E[size_t(teams[size_t(rng.below(int(teams.size())))])].name;
        sys.type = lat(rng.pick(systemTypes));
        sys.title = titleOf(sys.name);
        sys.description = description(rng, sys.title, domainName);
        sys.tags = tagsFor(rng, 0, 2);
        sys.links = linksFor(rng, sys.name, QString());
        systems.push_back(s);
        systemDomain.push_back(domainIndex);
    }

    // Components, spread over systems.
    std::vector<std::vector<int>> componentsOf(systems.size());
    std::vector<int> components;
    std::vector<int> componentSystem;
    for (int i = 0; i < c.components; ++i) {
        const int systemIndex = i < int(systems.size()) ? i : rng.below(int(systems.size()));
        const auto &sys = E[size_t(systems[size_t(systemIndex)])];
        const QString noun = sys.name.mid(sys.name.indexOf(QLatin1Char('-')) + 1);
        const QString role = lat(rng.pick(componentRoles));
        QString wanted = noun + QLatin1Char('-') + role;
        if (names.taken(QStringLiteral("Component"), wanted)) {
            wanted = sys.name + QLatin1Char('-') + role;
        }
        const QString sysName = sys.name;
        const QString sysOwner = sys.owner;
        const QString sysTitle = sys.title;
        const QString domainName = sys.domain;
        const int comp = add(QStringLiteral("Component"));
        auto &e = E[size_t(comp)];
        e.name = names.unique(QStringLiteral("Component"), wanted);
        const int kindRoll = rng.below(100);
        e.type = kindRoll < 60
                     ? QStringLiteral("service")
                     : (kindRoll < 75 ? QStringLiteral("website")
                                      : (kindRoll < 95 ? QStringLiteral("library") : QStringLiteral("data-pipeline")));
        const int life = rng.below(100);
        e.lifecycle = life < 65 ? QStringLiteral("production")
                                : (life < 85 ? QStringLiteral("experimental") : QStringLiteral("deprecated"));
        if (rng.chance(0.005)) {
            e.owner = QStringLiteral("group:former-") + lat(rng.pick(animals)) + QStringLiteral("-team");
            ++plan.danglingReferences;
        } else if (rng.chance(0.03)) {
            e.owner = QStringLiteral("user:") + E[size_t(users[size_t(rng.below(int(users.size())))])].name;
        } else if (rng.chance(0.8)) {
            e.owner = sysOwner;
        } else {
            e.owner = E[size_t(teams[size_t(rng.below(int(teams.size())))])].name;
        }
        if (rng.chance(0.96)) {
            e.system = sysName;
        }
        if (rng.chance(0.3)) {
            e.title = titleOf(e.name);
        }
        e.description = description(rng, sysTitle, domainName);
        e.tags = tagsFor(rng, 1, 3);
        componentsOf[size_t(systemIndex)].push_back(comp);
        components.push_back(comp);
        componentSystem.push_back(systemIndex);
    }

    // APIs: provided by a component of their system.
    std::vector<int> apis;
    std::vector<int> apiProvider;
    std::vector<int> apiSystem;
    for (int i = 0; i < c.apis; ++i) {
        int systemIndex = rng.below(int(systems.size()));
        if (componentsOf[size_t(systemIndex)].empty()) {
            systemIndex = componentSystem[size_t(rng.below(int(components.size())))];
        }
        const auto &candidates = componentsOf[size_t(systemIndex)];
        const int provider = candidates[size_t(rng.below(int(candidates.size())))];
        const int a = add(QStringLiteral("API"));
        auto &api = E[size_t(a)];
        const auto &prov = E[size_t(provider)];
        const int typeRoll = rng.below(100);
        api.type = typeRoll < 60
                       ? QStringLiteral("openapi")
                       : (typeRoll < 75 ? QStringLiteral("asyncapi")
                                        : (typeRoll < 85 ? QStringLiteral("graphql") : QStringLiteral("grpc")));
        const QString suffix =
            api.type == QLatin1String("asyncapi") ? QStringLiteral("-events") : QStringLiteral("-api");
        api.name = names.unique(QStringLiteral("API"), prov.name + suffix);
        api.lifecycle = prov.lifecycle;
        // The provider's owner, unless that team is gone (only components dangle on purpose).
        api.owner = prov.owner.startsWith(QLatin1String("group:former-"))
                        ? E[size_t(systems[size_t(systemIndex)])].owner
                        : prov.owner;
        api.system = E[size_t(systems[size_t(systemIndex)])].name;
        api.title = titleOf(api.name);
        api.description = description(rng, E[size_t(systems[size_t(systemIndex)])].title,
                                      E[size_t(systems[size_t(systemIndex)])].domain);
        api.tags = tagsFor(rng, 0, 3);
        E[size_t(provider)].providesApis << api.name;
        apis.push_back(a);
        apiProvider.push_back(provider);
        apiSystem.push_back(systemIndex);
    }

    // Resources: used by components of their system.
    std::vector<int> resources;
    std::vector<int> resourceUser;
    std::vector<int> resourceSystem;
    for (int i = 0; i < c.resources; ++i) {
        const int systemIndex = rng.below(int(systems.size()));
        const int r = add(QStringLiteral("Resource"));
        const int kindIndex = rng.below(int(std::size(resourceKinds)));
        const auto &sys = E[size_t(systems[size_t(systemIndex)])];
        const QString sysName = sys.name;
        const QString sysOwner = sys.owner;
        const QString sysTitle = sys.title;
        const QString sysDomain = sys.domain;
        auto &res = E[size_t(r)];
        res.type = lat(resourceKinds[size_t(kindIndex)].type);
        res.name = names.unique(QStringLiteral("Resource"), sysName + lat(resourceKinds[size_t(kindIndex)].suffix));
        res.owner = sysOwner;
        res.system = sysName;
        res.description = description(rng, sysTitle, sysDomain);
        res.tags = tagsFor(rng, 0, 2);
        int user = -1;
        const auto &candidates = componentsOf[size_t(systemIndex)];
        if (!candidates.empty()) {
            // One to three components of the system use it.
            const int n = rng.between(1, 3);
            for (int k = 0; k < n; ++k) {
                const int comp = candidates[size_t(rng.below(int(candidates.size())))];
                const QString dep = QStringLiteral("resource:") + E[size_t(r)].name;
                if (!E[size_t(comp)].dependsOn.contains(dep)) {
                    E[size_t(comp)].dependsOn << dep;
                    if (user < 0) {
                        user = comp;
                    }
                }
            }
        }
        if (i > 0 && rng.chance(0.1)) {
            E[size_t(r)].dependsOn << QStringLiteral("resource:") + E[size_t(resources[size_t(rng.below(i))])].name;
        }
        resources.push_back(r);
        resourceUser.push_back(user);
        resourceSystem.push_back(systemIndex);
    }

    // Cross-links: components consume APIs (mostly of their own domain) and depend on siblings.
    std::vector<std::vector<int>> apisOfDomain(domains.size());
    for (size_t i = 0; i < apis.size(); ++i) {
        apisOfDomain[size_t(systemDomain[size_t(apiSystem[i])])].push_back(apis[i]);
    }
    for (size_t i = 0; i < components.size(); ++i) {
        auto &comp = E[size_t(components[i])];
        const int consumes = comp.type == QLatin1String("library") ? rng.below(2) : rng.between(0, 3);
        for (int k = 0; k < consumes; ++k) {
            QString api;
            const bool dangling = rng.chance(0.015);
            if (dangling) {
                api = QStringLiteral("legacy-") + lat(rng.pick(systemNouns)) + QStringLiteral("-api");
            } else {
                const auto &local = apisOfDomain[size_t(systemDomain[size_t(componentSystem[i])])];
                const int a = (!local.empty() && rng.chance(0.7)) ? local[size_t(rng.below(int(local.size())))]
                                                                  : apis[size_t(rng.below(int(apis.size())))];
                api = E[size_t(a)].name;
            }
            if (!comp.providesApis.contains(api) && !comp.consumesApis.contains(api)) {
                comp.consumesApis << api;
                plan.danglingReferences += dangling ? 1 : 0;
            }
        }
        const auto &siblings = componentsOf[size_t(componentSystem[i])];
        const int deps = siblings.size() > 1 ? rng.between(0, 2) : 0;
        for (int k = 0; k < deps; ++k) {
            const int other = siblings[size_t(rng.below(int(siblings.size())))];
            const QString dep = QStringLiteral("component:") + E[size_t(other)].name;
            if (other != components[i] && !comp.dependsOn.contains(dep)) {
                comp.dependsOn << dep;
            }
        }
        if (rng.chance(0.01)) {
            comp.dependsOn << QStringLiteral("resource:legacy-") + lat(rng.pick(systemNouns)) + QStringLiteral("-db");
            ++plan.danglingReferences;
        }
        if (siblings.size() > 1 && rng.chance(0.03)) {
            const int parent = siblings[size_t(rng.below(int(siblings.size())))];
            if (parent != components[i] && E[size_t(parent)].subcomponentOf.isEmpty()) {
                comp.subcomponentOf = E[size_t(parent)].name;
            }
        }
    }

    // Templates, owned by platform teams.
    std::vector<int> templates;
    for (int i = 0; i < c.templates; ++i) {
        const int t = add(QStringLiteral("Template"));
        auto &tpl = E[size_t(t)];
        tpl.apiVersion = QStringLiteral("scaffolder.backstage.io/v1beta3");
        const QString lang = lat(templateLanguages[size_t(i) % std::size(templateLanguages)]);
        const QString what = lat(templateKinds[(size_t(i) / std::size(templateLanguages)) % std::size(templateKinds)]);
        tpl.name =
            names.unique(QStringLiteral("Template"), lang + QLatin1Char('-') + what + QStringLiteral("-template"));
        tpl.title = titleOf(lang) + QLatin1Char(' ') + what;
        tpl.type = what == QLatin1String("website")
                       ? what
                       : (what == QLatin1String("library") ? what : QStringLiteral("service"));
        tpl.owner = E[size_t(teams[size_t(rng.below(int(teams.size())))])].name;
        tpl.description = QStringLiteral("Creates a new ") + lang + QLatin1Char(' ') + what +
                          QStringLiteral(" with CI, a catalog-info.yaml, TechDocs and dashboards wired in.");
        tpl.tags = QStringList{QStringLiteral("recommended"), lang};
        templates.push_back(t);
    }

    // Annotations, labels and links need each entity's repository, so files come first.
    auto &F = plan.files;
    F.push_back({QStringLiteral("catalog-info.yaml"), {root}, false});
    const auto addFile = [&](const QString &path, bool comment) -> int {
        F.push_back({path, {}, comment});
        return int(F.size()) - 1;
    };
    const auto place = [&](int fileIndex, int entity) {
        F[size_t(fileIndex)].entities.append(entity);
        E[size_t(entity)].file = fileIndex;
    };
    for (int g : groups) {
        const int f = addFile(QStringLiteral("org/") + E[size_t(g)].name + QStringLiteral("/catalog-info.yaml"), false);
        place(f, g);
    }
    QHash<QString, int> groupByName;
    for (int g : groups) {
        groupByName.insert(E[size_t(g)].name, g);
    }
    for (int u : users) {
        place(E[size_t(groupByName.value(E[size_t(u)].memberOf.first()))].file, u);
    }
    for (size_t i = 0; i < domains.size(); ++i) {
        const int f =
            addFile(QStringLiteral("domains/") + E[size_t(domains[i])].name + QStringLiteral("/catalog-info.yaml"),
                    rng.chance(0.5));
        place(f, domains[i]);
    }
    for (size_t s = 0; s < systems.size(); ++s) {
        place(E[size_t(domains[size_t(systemDomain[s])])].file, systems[s]);
    }

    std::vector<int> repoCount(systems.size(), 0);
    const auto newRepo = [&](int systemIndex) -> int {
        const QString path = QStringLiteral("repos/") + E[size_t(systems[size_t(systemIndex)])].name +
                             QLatin1Char('-') + QString::number(++repoCount[size_t(systemIndex)]) +
                             QStringLiteral("/catalog-info.yaml");
        return addFile(path, rng.chance(0.2));
    };
    std::vector<int> apiPlaced(apis.size(), 0);
    QHash<int, QList<int>> apisByProvider;
    for (size_t i = 0; i < apis.size(); ++i) {
        if (rng.chance(0.7)) {
            apisByProvider[apiProvider[i]].append(int(i));
            apiPlaced[i] = 1;
        }
    }
    QHash<int, QList<int>> resourcesByUser;
    std::vector<int> resourcePlaced(resources.size(), 0);
    for (size_t i = 0; i < resources.size(); ++i) {
        if (resourceUser[i] >= 0 && rng.chance(0.6)) {
            resourcesByUser[resourceUser[i]].append(int(i));
            resourcePlaced[i] = 1;
        }
    }
    for (size_t s = 0; s < systems.size(); ++s) {
        const auto &list = componentsOf[s];
        size_t k = 0;
        while (k < list.size()) {
            // Most repositories hold one component; a few monorepos hold two to four.
            const size_t take = (list.size() - k >= 2 && rng.chance(0.08))
                                    ? size_t(rng.between(2, int(std::min<size_t>(4, list.size() - k))))
                                    : 1;
            const int f = newRepo(int(s));
            for (size_t j = 0; j < take; ++j, ++k) {
                const int comp = list[k];
                place(f, comp);
                for (int a : apisByProvider.value(comp)) {
                    place(f, apis[size_t(a)]);
                }
                for (int r : resourcesByUser.value(comp)) {
                    place(f, resources[size_t(r)]);
                }
            }
        }
    }
    for (size_t i = 0; i < apis.size(); ++i) {
        if (!apiPlaced[i]) {
            place(newRepo(apiSystem[i]), apis[i]);
        }
    }
    for (size_t i = 0; i < resources.size(); ++i) {
        if (!resourcePlaced[i]) {
            place(newRepo(resourceSystem[i]), resources[i]);
        }
    }
    for (int t : templates) {
        place(addFile(QStringLiteral("templates/") + E[size_t(t)].name + QStringLiteral("/template.yaml"), false), t);
    }

    // Per-entity details that depend on the repository.
    for (auto &e : E) {
        if (e.file > 0) {
            addRepositoryDetails(e, F[size_t(e.file)].path.section(QLatin1Char('/'), 1, 1), rng);
        }
        if (e.kind == QLatin1String("API")) {
            e.definition = apiDefinition(e);
        }
    }

    // The root Location names every other file.
    for (size_t f = 1; f < F.size(); ++f) {
        E[size_t(root)].targets << QStringLiteral("./") + F[f].path;
    }
    return plan;
}

std::vector<PlannedRelation> CatalogPlan::relations() const
{
    QSet<QString> refs;
    for (const auto &e : entities) {
        refs.insert(e.ref());
    }
    std::vector<PlannedRelation> out;
    const auto emit = [&](const PlannedEntity &e, const QString &target, const char *defaultKind, const char *type) {
        if (target.isEmpty()) {
            return;
        }
        const int colon = target.indexOf(QLatin1Char(':'));
        const QString kind = colon < 0 ? QString::fromLatin1(defaultKind) : target.left(colon).toLower();
        const QString name = colon < 0 ? target : target.mid(colon + 1);
        PlannedRelation r;
        r.sourceRef = e.ref();
        r.type = QString::fromLatin1(type);
        r.targetRef = kind + QStringLiteral(":default/") + name.toLower();
        r.dangling = !refs.contains(r.targetRef);
        out.push_back(std::move(r));
    };
    for (const auto &e : entities) {
        emit(e, e.owner, "group", "ownedBy");
        emit(e, e.system, "system", "partOf");
        emit(e, e.domain, "domain", "partOf");
        emit(e, e.subcomponentOf, "component", "partOf");
        emit(e, e.parent, "group", "childOf");
        for (const auto &x : e.children) {
            emit(e, x, "group", "parentOf");
        }
        for (const auto &x : e.members) {
            emit(e, x, "user", "hasMember");
        }
        for (const auto &x : e.memberOf) {
            emit(e, x, "group", "memberOf");
        }
        for (const auto &x : e.providesApis) {
            emit(e, x, "api", "providesApi");
        }
        for (const auto &x : e.consumesApis) {
            emit(e, x, "api", "consumesApi");
        }
        for (const auto &x : e.dependsOn) {
            emit(e, x, "component", "dependsOn");
        }
    }
    return out;
}

} // namespace Gantry::Bench
