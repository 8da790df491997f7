#pragma once

// Internals of the catalog generator shared by its .cpp files: the PRNG and the text details
// (descriptions, annotations, links, API definitions). Not part of the library's interface.

#include "tests/bench/catalogGenerator.h"

#include <iterator>

namespace Gantry::Bench::Detail {

// splitmix64: tiny, fast, and identical everywhere (std:: distributions are not portable).
class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull)
    {}
    quint64 next()
    {
        m_state += 0x9E3779B97F4A7C15ull;
        quint64 z = m_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 1 ? 0 : int(next() % quint64(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); } // inclusive
    bool chance(double p) { return double(next() >> 11) * 0x1.0p-53 < p; }
    template<typename List>
    const auto &pick(const List &list)
    {
        return list[below(int(std::size(list)))];
    }

private:
    quint64 m_state;
};

QString lat(const char *s);
QString capitalized(const QString &word);
// "ledger-reconciler" -> "Ledger Reconciler"
QString titleOf(const QString &name);
QString hexId(Rng &rng, int length, bool upper = false);

// One to three sentences of the kind people put in metadata.description.
QString description(Rng &rng, const QString &systemTitle, const QString &domain);
QStringList tagsFor(Rng &rng, int min, int max);
QList<PlannedLink> linksFor(Rng &rng, const QString &name, const QString &repo);
// Annotations, labels and links that name the entity's repository (folder below repos/).
void addRepositoryDetails(PlannedEntity &e, const QString &repo, Rng &rng);
// An inline OpenAPI / AsyncAPI / GraphQL / gRPC definition for an API entity.
QString apiDefinition(const PlannedEntity &api);

} // namespace Gantry::Bench::Detail
