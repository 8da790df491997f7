#include "tests/bench/catalogGeneratorDetails.h"

#include "tests/bench/catalogGeneratorVocabulary.h"

namespace Gantry::Bench::Detail {

using namespace Vocabulary;

QString lat(const char *s)
{
    return QString::fromLatin1(s);
}

QString capitalized(const QString &word)
{
    return word.isEmpty() ? word : word.left(1).toUpper() + word.mid(1);
}

// "ledger-reconciler" -> "Ledger Reconciler"
QString titleOf(const QString &name)
{
    // Acronyms stay upper-case ("payments-api" -> "Payments API").
    QStringList words = name.split(QLatin1Char('-'), Qt::SkipEmptyParts);
    for (auto &w : words) {
        w = (w == QLatin1String("api") || w == QLatin1String("ui") || w == QLatin1String("sdk") ||
             w == QLatin1String("bff") || w == QLatin1String("cli") || w == QLatin1String("db"))
                ? w.toUpper()
                : capitalized(w);
    }
    return words.join(QLatin1Char(' '));
}

QString hexId(Rng &rng, int length, bool upper)
{
    static const char lower[] = "0123456789abcdef";
    static const char alnum[] = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    QString s;
    s.reserve(length);
    for (int i = 0; i < length; ++i) {
        s += upper ? QLatin1Char(alnum[rng.below(int(sizeof(alnum) - 1))])
                   : QLatin1Char(lower[rng.below(int(sizeof(lower) - 1))]);
    }
    return s;
}

QString description(Rng &rng, const QString &systemTitle, const QString &domain)
{
    using namespace Vocabulary;
    const auto sentence = [&](int which) -> QString {
        const QString object = lat(rng.pick(objects));
        switch (which) {
        case 0:
            return lat(rng.pick(verbs)) + QLatin1Char(' ') + object + QStringLiteral(" for the ") + domain +
                   QStringLiteral(" domain.");
        case 1:
            return QStringLiteral("Owns the ") + object + QStringLiteral(" lifecycle, from ") + lat(rng.pick(stages)) +
                   QStringLiteral(" to ") + lat(rng.pick(stages)) + QLatin1Char('.');
        case 2:
            return QStringLiteral("Exposes ") + object + QStringLiteral(" to ") + lat(rng.pick(consumers)) +
                   QStringLiteral(" over ") + lat(rng.pick(protocols)) + QLatin1Char('.');
        case 3:
            return QStringLiteral("Runs nightly jobs that reconcile ") + object + QStringLiteral(" with ") +
                   lat(rng.pick(objects)) + QLatin1Char('.');
        case 4:
            return QStringLiteral("Part of ") + systemTitle + QStringLiteral(", publishes events when ") + object +
                   QStringLiteral(" change and keeps a read model for ") + lat(rng.pick(consumers)) + QLatin1Char('.');
        case 5:
            return QStringLiteral("See the runbook before paging on-call; most alerts clear after a restart of the ") +
                   lat(rng.pick(stages)) + QStringLiteral(" workers.");
        case 6:
            return QStringLiteral("Legacy path for ") + object +
                   QStringLiteral(", to be retired once the migration to the new ") + systemTitle +
                   QStringLiteral(" platform is complete.");
        default:
            return QStringLiteral("Handles about ") + QString::number(rng.between(2, 900)) +
                   QStringLiteral(" requests per second at peak with a p99 below ") +
                   QString::number(rng.between(20, 400)) + QStringLiteral(" ms.");
        }
    };
    const int sentences = rng.chance(0.5) ? 1 : (rng.chance(0.7) ? 2 : 3);
    QStringList parts;
    int first = rng.below(8);
    for (int i = 0; i < sentences; ++i) {
        parts << sentence((first + i * 3) % 8);
    }
    return parts.join(QLatin1Char(' '));
}

QStringList tagsFor(Rng &rng, int min, int max)
{
    QStringList tags;
    const int count = rng.between(min, max);
    for (int i = 0; i < count; ++i) {
        const QString tag = lat(rng.pick(Vocabulary::tags));
        if (!tags.contains(tag)) {
            tags << tag;
        }
    }
    return tags;
}

QList<PlannedLink> linksFor(Rng &rng, const QString &name, const QString &repo)
{
    QList<PlannedLink> links;
    if (rng.chance(0.45)) {
        links.append({QStringLiteral("https://runbooks.acme.example/") + name, QStringLiteral("Runbook"),
                      QStringLiteral("docs")});
    }
    if (rng.chance(0.35)) {
        links.append({QStringLiteral("https://grafana.acme.example/d/") + hexId(rng, 9) + QLatin1Char('/') + name,
                      QStringLiteral("Dashboard"), QStringLiteral("dashboard")});
    }
    if (!repo.isEmpty() && rng.chance(0.3)) {
        links.append({QStringLiteral("https://github.com/acme/") + repo + QStringLiteral("/wiki"),
                      QStringLiteral("Wiki"), QStringLiteral("github")});
    }
    return links;
}

void addRepositoryDetails(PlannedEntity &e, const QString &repo, Rng &rng)
{
    if (e.kind == QLatin1String("Component") || e.kind == QLatin1String("API") || e.kind == QLatin1String("Resource")) {
        e.annotations.append({QStringLiteral("github.com/project-slug"), QStringLiteral("acme/") + repo});
        if (rng.chance(0.4)) {
            e.annotations.append(
                {QStringLiteral("backstage.io/source-location"),
                 QStringLiteral("url:https://github.com/acme/") + repo + QStringLiteral("/tree/main/")});
        }
    }
    if (e.kind == QLatin1String("Component")) {
        if (rng.chance(0.5)) {
            e.annotations.append({QStringLiteral("backstage.io/techdocs-ref"), QStringLiteral("dir:.")});
        }
        if (e.type == QLatin1String("service") && rng.chance(0.7)) {
            e.annotations.append({QStringLiteral("backstage.io/kubernetes-id"), e.name});
            if (rng.chance(0.4)) {
                e.annotations.append(
                    {QStringLiteral("backstage.io/kubernetes-namespace"), e.system.section(QLatin1Char('-'), 0, 0)});
            }
        }
        if (rng.chance(0.3)) {
            e.annotations.append({QStringLiteral("pagerduty.com/service-id"), QLatin1Char('P') + hexId(rng, 6, true)});
        }
        if (rng.chance(0.35)) {
            e.annotations.append({QStringLiteral("sentry.io/project-slug"), e.name});
        }
        if (rng.chance(0.15)) {
            QString key = e.name;
            key.replace(QLatin1Char('-'), QLatin1Char('_'));
            e.annotations.append({QStringLiteral("sonarqube.org/project-key"), QStringLiteral("acme_") + key});
        }
        if (rng.chance(0.08)) {
            e.annotations.append({QStringLiteral("prometheus.io/rule"),
                                  QStringLiteral("memUsage|component,node_memory_active_bytes|instance,"
                                                 "sum by (instance) (rate(http_requests_total[5m]))|instance")});
        }
        if (rng.chance(0.4)) {
            e.labels.append({QStringLiteral("tier"), QString::number(rng.between(1, 3))});
        }
        if (rng.chance(0.25)) {
            e.labels.append({QStringLiteral("acme.example/cost-center"),
                             QStringLiteral("cc-") + QString::number(rng.between(1000, 9999))});
        }
        e.links = linksFor(rng, e.name, repo);
    } else if (e.kind == QLatin1String("Resource") && rng.chance(0.4)) {
        e.links = linksFor(rng, e.name, QString());
    }
}

QString apiDefinition(const PlannedEntity &api)
{
    Rng detail(api.variant);
    QString def;
    const QString object = lat(detail.pick(objectNouns));
    const QString Object = capitalized(object);
    const int ops = detail.between(1, 3);
    if (api.type == QLatin1String("openapi")) {
        def += QStringLiteral("openapi: 3.0.3\ninfo:\n  title: ") + api.title + QStringLiteral("\n  version: 1.") +
               QString::number(detail.below(20)) + QStringLiteral(".0\nservers:\n  - url: https://api.acme.example/") +
               api.name + QStringLiteral("\npaths:\n");
        static const char *const suffixes[] = {"s", "s/{id}", "s/{id}/history"};
        static const char *const summaries[] = {"List ", "Get one of the ", "History of one of the "};
        static const char *const verbs[] = {"list", "get", "history"};
        for (int k = 0; k < ops; ++k) {
            def += QStringLiteral("  /") + object + lat(suffixes[k]) + QStringLiteral(":\n    get:\n      summary: ") +
                   lat(summaries[k]) + object + QStringLiteral("s\n      operationId: ") + lat(verbs[k]) + Object +
                   QStringLiteral("\n      responses:\n        \"200\":\n          description: OK\n");
        }
        def += QStringLiteral("components:\n  schemas:\n    ") + Object +
               QStringLiteral(":\n      type: object\n      properties:\n        id:\n          type: string\n"
                              "        createdAt:\n          type: string\n          format: date-time\n");
    } else if (api.type == QLatin1String("asyncapi")) {
        def += QStringLiteral("asyncapi: 2.6.0\ninfo:\n  title: ") + api.title +
               QStringLiteral("\n  version: 1.0.0\nchannels:\n");
        for (int k = 0; k < ops; ++k) {
            def += QStringLiteral("  ") + api.system + QLatin1Char('.') + object + QStringLiteral(".v") +
                   QString::number(k + 1) +
                   QStringLiteral(":\n    subscribe:\n      message:\n        payload:\n          type: object\n"
                                  "          properties:\n            id:\n              type: string\n");
        }
    } else if (api.type == QLatin1String("graphql")) {
        def += QStringLiteral("type ") + Object +
               QStringLiteral(" {\n  id: ID!\n  createdAt: String\n}\n\ntype Query {\n");
        for (int k = 0; k < ops; ++k) {
            def += QStringLiteral("  ") + object + QString::number(k) + QStringLiteral("(id: ID!): ") + Object +
                   QLatin1Char('\n');
        }
        def += QStringLiteral("}\n");
    } else {
        def += QStringLiteral("syntax = \"proto3\";\n\npackage acme.") + api.system.section(QLatin1Char('-'), 0, 0) +
               QStringLiteral(".v1;\n\nservice ") + Object + QStringLiteral("Service {\n");
        for (int k = 0; k < ops; ++k) {
            def += QStringLiteral("  rpc Get") + Object + QString::number(k) + QStringLiteral("(Get") + Object +
                   QStringLiteral("Request) returns (") + Object + QStringLiteral(");\n");
        }
        def += QStringLiteral("}\n\nmessage ") + Object + QStringLiteral(" {\n  string id = 1;\n}\n");
    }
    return def;
}

} // namespace Gantry::Bench::Detail
