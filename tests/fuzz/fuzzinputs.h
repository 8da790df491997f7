#pragma once

// The inputs of fuzz_catalog: deterministic randomness, the seeds (built-in YAML corner cases
// plus files read from the source tree) and the mutations applied to them.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Gantry::Fuzz {

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: splitmix64, identical on every platform and standard library (the
// std distributions are not).

class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed)
    {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n); n > 0.
    qsizetype below(qsizetype n) { return qsizetype(next() % quint64(n)); }
    bool chance(int percent) { return below(100) < percent; }

private:
    quint64 m_state;
};

QByteArray repeat(const QByteArray &unit, int n);
// A valid Component, for tests that need one entity.
extern const QByteArray component;
// Inputs that exercise the corners of YAML and of the loader; mutations start from these too.
QList<QByteArray> builtInSeeds();
// Every *.yaml and *.yml below `root`, in a stable order; their paths are appended to `names`.
QList<QByteArray> fileSeeds(const QString &root, QStringList *names);
// 1-16 rounds of byte flips, range deletes/duplicates, random bytes, splices with other seeds
// and YAML tokens ("[", "&a ", "*a", "<<: *a", "---", "!!binary ", tabs, BOMs, ...).
QByteArray mutate(QByteArray data, const QList<QByteArray> &seeds, Rng &rng);

} // namespace Gantry::Fuzz
