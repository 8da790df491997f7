// A deterministic mutation fuzzer for everything that reads catalog bytes: the YAML parser, the
// JSON view of its documents, the cache format of trees and of the loader's memo, and the loader
// itself (validation, relations, $text/$json/$yaml substitutions, Location cycles). It runs as an
// ordinary CTest test, also under ASan+UBSan, so bad input that crashes, hangs or trips a
// sanitizer fails the suite.
//
// Reproducible: every input is derived from (seed, input number) alone. Environment:
//   GANTRY_FUZZ_SEED=<n>        the seed (default fixed, so CI runs are identical)
//   GANTRY_FUZZ_ITERATIONS=<n>  how many mutated inputs (default smaller with sanitizers)
//   GANTRY_FUZZ_ONLY=<n>        run input number n alone (after a failure names it)
//   GANTRY_FUZZ_DUMP=<file>     with GANTRY_FUZZ_ONLY: also write that input to a file

#include "models/catalog/catalog.h"
#include "models/catalog/catalogloader.h"
#include "models/catalog/yamltree.h"
#include "tests/fuzz/fuzzinputs.h"
#include "tests/fuzz/fuzzwatchdog.h"

#include <QBuffer>
#include <QDataStream>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>
#include <memory>

using namespace Gantry::Catalog;

namespace {

constexpr quint64 DefaultSeed = 20261128;
// Sanitizers make everything 5-20x slower; CI runs this under them in about a minute.
constexpr int DefaultIterations = Gantry::Fuzz::sanitized ? 1200 : 4000;
// CPU time per input. The largest inputs the limits let through (an alias bomb just under
// YamlTree::Limits::maxNodes) take about a second in the dev build.
constexpr qint64 InputBudgetMs = Gantry::Fuzz::sanitized ? 30'000 : 4'000;

// Process CPU time: unlike wall time it does not grow when CI runs other tests alongside.
qint64 cpuMs()
{
    return qint64(std::clock()) * 1000 / CLOCKS_PER_SEC;
}

} // namespace

using namespace Gantry::Fuzz;

namespace {

// ---------------------------------------------------------------------------------------------
// Invariants. Each returns an empty string when they hold, else what is wrong.

QString describe(const Problem &p)
{
    return QStringLiteral("%1:%2:%3: %4")
        .arg(p.location.file)
        .arg(p.location.line)
        .arg(p.location.column)
        .arg(p.message);
}

QString checkProblems(const std::vector<Problem> &problems)
{
    for (const auto &p : problems) {
        if (p.location.file.isEmpty() || p.message.isEmpty()) {
            return QStringLiteral("problem without a file or message: ") + describe(p);
        }
        const bool unreadable = p.message.startsWith(QLatin1String("cannot read the file"));
        if (p.location.line < (unreadable ? 0 : 1) || p.location.column < (unreadable ? 0 : 1)) {
            return QStringLiteral("problem without a line: ") + describe(p);
        }
    }
    return {};
}

QString checkEntity(const Entity &e, const QString &path)
{
    if (e.ref.isEmpty() || e.name.isEmpty() || e.kind.isEmpty() || !e.tree || !e.root().isMapping()) {
        return QStringLiteral("accepted an entity without a ref, name, kind or object root: ") + e.ref;
    }
    if (e.location.file != path || e.location.line < 1 || e.location.column < 1 || e.startLine < 1 ||
        e.endLine < e.startLine) {
        return QStringLiteral("entity %1 has an invalid source location %2:%3:%4 (lines %5-%6)")
            .arg(e.ref, e.location.file)
            .arg(e.location.line)
            .arg(e.location.column)
            .arg(e.startLine)
            .arg(e.endLine);
    }
    return {};
}

// Walks every node through the public accessors, as the entity page and the filters do.
void walk(const YamlNode &node, int *count)
{
    ++*count;
    (void)node.typeName();
    (void)node.line();
    if (node.isMapping()) {
        for (int i = 0; i < node.size() && i < 4; ++i) {
            (void)node.keyAt(i).scalar();
            (void)node[node.keyAt(i).scalarUtf8()];
        }
        node.forEachPair([&](YamlNode key, YamlNode value) {
            walk(key, count);
            walk(value, count);
        });
    } else if (node.isSequence()) {
        (void)node.at(node.size() - 1);
        node.forEachItem([&](YamlNode item) { walk(item, count); });
    }
}

QByteArray serialize(const YamlTree &tree)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    tree.serialize(out);
    return bytes;
}

std::shared_ptr<YamlTree> deserialize(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QDataStream in(&buffer);
    return YamlTree::deserialize(in);
}

// `serialized` receives the tree in the cache format, for checkDamagedTree.
QString checkTree(const QByteArray &input, QByteArray *serialized)
{
    std::vector<Problem> problems;
    const auto tree = YamlTree::parse(input, QStringLiteral("fuzz.yaml"), &problems);
    if (!tree) {
        return QStringLiteral("YamlTree::parse returned null");
    }
    if (QString why = checkProblems(problems); !why.isEmpty()) {
        return why;
    }
    if (tree->hadSyntaxError() && problems.empty()) {
        return QStringLiteral("a syntax error without a problem saying so");
    }
    std::vector<QJsonValue> json;
    for (int i = 0; i < int(tree->documents().size()); ++i) {
        const YamlNode root = tree->documentRoot(i);
        if (!root.isValid() || root.index() >= tree->nodeCount()) {
            return QStringLiteral("document %1 has no valid root").arg(i);
        }
        json.push_back(root.toJson());
        int nodes = 0;
        walk(root, &nodes);
    }
    *serialized = serialize(*tree);
    const auto copy = deserialize(*serialized);
    if (!copy) {
        return QStringLiteral("deserialize(serialize(tree)) failed");
    }
    if (copy->documents().size() != tree->documents().size() || copy->hadSyntaxError() != tree->hadSyntaxError() ||
        copy->nodeCount() != tree->nodeCount()) {
        return QStringLiteral("deserialize(serialize(tree)) changed the documents");
    }
    for (int i = 0; i < int(json.size()); ++i) {
        const auto &a = tree->documents()[size_t(i)];
        const auto &b = copy->documents()[size_t(i)];
        if (a.root != b.root || a.startLine != b.startLine || a.endLine != b.endLine || a.hasError != b.hasError ||
            copy->documentRoot(i).toJson() != json[size_t(i)]) {
            return QStringLiteral("deserialize(serialize(tree)) changed document %1").arg(i);
        }
    }
    return {};
}

// A damaged cache is rejected or read as some tree; never a crash, never an out-of-range node.
void checkDamagedTree(const QByteArray &serialized, Rng &rng)
{
    for (int i = 0; i < 3; ++i) {
        QByteArray damaged = serialized;
        const int edits = 1 + int(rng.below(4));
        for (int e = 0; e < edits && !damaged.isEmpty(); ++e) {
            const qsizetype at = rng.below(damaged.size());
            switch (rng.below(3)) {
            case 0:
                damaged[at] = char(damaged[at] ^ char(1 << rng.below(8)));
                break;
            case 1:
                damaged[at] = char(rng.below(256));
                break;
            default:
                damaged.truncate(at);
                break;
            }
        }
        if (const auto tree = deserialize(damaged)) {
            for (int d = 0; d < int(tree->documents().size()); ++d) {
                int nodes = 0;
                walk(tree->documentRoot(d), &nodes);
                (void)tree->documentRoot(d).toJson();
            }
        }
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------

class FuzzCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void seedsHoldInvariants();
    void mutatedInputs();
    void damagedMemo();
    void locationCycles();
    void unreadablePaths();
    void hugeAndBinaryFiles();

private:
    QString runInput(const QByteArray &input, Rng &rng);
    QString checkFile(const QByteArray &input);
    QString checkMemo(const QByteArray &input, Rng &rng);
    QByteArray inputNumber(qint64 n, Rng *rng) const;

    quint64 m_seed = DefaultSeed;
    int m_iterations = DefaultIterations;
    qint64 m_only = -1;
    QList<QByteArray> m_seeds;
    QTemporaryDir m_dir;
    QString m_file;
    std::unique_ptr<Watchdog> m_watchdog;
};

void FuzzCatalog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The loader logs every load at debug level: thousands of lines that say nothing here.
    QLoggingCategory::setFilterRules(QStringLiteral("gantry.*.debug=false"));
    bool ok = false;
    if (const quint64 seed = qEnvironmentVariable("GANTRY_FUZZ_SEED").toULongLong(&ok); ok) {
        m_seed = seed;
    }
    if (const int n = qEnvironmentVariableIntValue("GANTRY_FUZZ_ITERATIONS", &ok); ok && n >= 0) {
        m_iterations = n;
    }
    if (const qint64 only = qEnvironmentVariable("GANTRY_FUZZ_ONLY").toLongLong(&ok); ok) {
        m_only = only;
    }

    m_seeds = builtInSeeds();
    QStringList names;
    const QString source = qEnvironmentVariable("GANTRY_SOURCE_DIR");
    const int builtIn = int(m_seeds.size());
    if (!source.isEmpty()) {
        m_seeds += fileSeeds(source + QStringLiteral("/tests/data"), &names);
        m_seeds += fileSeeds(source + QStringLiteral("/resources/demo/catalog"), &names);
    }
    QVERIFY2(!source.isEmpty() && !names.isEmpty(), "GANTRY_SOURCE_DIR must point at the sources (CTest sets it)");

    // The files the placeholders and Location targets of the seeds point at.
    const QString root = m_dir.path();
    auto write = [&](const QString &name, const QByteArray &content) {
        QFile file(root + QLatin1Char('/') + name);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
    };
    write(QStringLiteral("text.txt"), "plain text\n");
    write(QStringLiteral("api.json"), R"({"openapi": "3.0.0", "paths": {"/x": [1, 2.5, true, null, "s"]}})");
    write(QStringLiteral("bad.json"), "{\"a\": [1, 2");
    write(QStringLiteral("deep.json"), repeat("[", 3000) + repeat("]", 3000));
    write(QStringLiteral("sub.yaml"), "openapi: 3.0.0\nx: &a [1, *a]\ny: {$yaml: ./sub.yaml}\n");
    write(QStringLiteral("broken.yaml"), "a: [\n");
    write(QStringLiteral("binary.bin"), QByteArray("\x7f"
                                                   "ELF\0\0\1\0",
                                                   8));
    QVERIFY(QDir(root).mkpath(QStringLiteral("folder")));
    m_file = root + QStringLiteral("/catalog-info.yaml");

    // Aborts well after the budget: slow but finishing inputs fail the QVERIFY below instead.
    m_watchdog = std::make_unique<Watchdog>(m_seed, 3 * InputBudgetMs);

    qInfo("fuzz_catalog: seed %llu, %d seeds (%d built in, %d files), %d mutated inputs%s",
          static_cast<unsigned long long>(m_seed), int(m_seeds.size()), builtIn, int(names.size()), m_iterations,
          sanitized ? " (sanitizer build)" : "");
}

QString FuzzCatalog::checkFile(const QByteArray &input)
{
    QFile file(m_file);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(input) != input.size()) {
        return QStringLiteral("cannot write %1").arg(m_file);
    }
    file.close();
    std::vector<Catalog::Input> inputs;
    std::vector<Problem> problems;
    for (const bool explicitFile : {true, false}) {
        FileResult result = CatalogLoader::parseFile(m_file, "v", explicitFile, m_dir.path());
        if (QString why = checkProblems(result.problems); !why.isEmpty()) {
            return why;
        }
        if (result.entities.size() != result.entityDocuments.size() || (!result.entities.empty() && !result.tree)) {
            return QStringLiteral("entities and their documents do not match");
        }
        for (size_t i = 0; i < result.entities.size(); ++i) {
            const int doc = result.entityDocuments[i];
            if (doc < 0 || size_t(doc) >= result.tree->documents().size() ||
                result.tree->documents()[size_t(doc)].root != result.entities[i].entity.node) {
                return QStringLiteral("entity %1 names the wrong document").arg(result.entities[i].entity.ref);
            }
            if (QString why = checkEntity(result.entities[i].entity, m_file); !why.isEmpty()) {
                return why;
            }
            for (const auto &out : result.entities[i].outgoing) {
                if (out.relation.targetRef.isEmpty() || out.location.file != m_file || out.location.line < 1) {
                    return QStringLiteral("relation %1 of %2 has no target or no place")
                        .arg(out.field, result.entities[i].entity.ref);
                }
            }
        }
        for (const auto &target : result.locationTargets) {
            if (target.target.isEmpty() || target.location.file != m_file || target.location.line < 1) {
                return QStringLiteral("Location target without a place: ") + target.target;
            }
        }
        if (result.tree) {
            for (int d = 0; d < int(result.tree->documents().size()); ++d) {
                (void)result.tree->documentRoot(d).toJson();
            }
        }
        if (explicitFile) {
            inputs = std::move(result.entities);
            problems = std::move(result.problems);
        }
    }
    const CatalogPtr catalog = Catalog::assemble(std::move(inputs), std::move(problems), QStringLiteral("fuzz"));
    if (QString why = checkProblems(catalog->problems()); !why.isEmpty()) {
        return why;
    }
    for (const auto &e : catalog->entities()) {
        if (catalog->indexOf(e.ref) < 0 || catalog->entity(e.ref) == nullptr) {
            return QStringLiteral("entity %1 is not indexed").arg(e.ref);
        }
        (void)catalog->find(e.name);
        (void)catalog->related(e, RelationType::DependsOn);
    }
    return {};
}

// The loader's memo as the disk cache holds it, damaged: restoreMemo rejects it or restores
// something that assembles; never a crash.
QString FuzzCatalog::checkMemo(const QByteArray &input, Rng &rng)
{
    QFile file(m_file);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(input) != input.size()) {
        return QStringLiteral("cannot write %1").arg(m_file);
    }
    file.close();
    auto mount = std::make_shared<Mount>();
    mount->id = mount->rootDir = mount->label = m_dir.path();
    CatalogLoader loader;
    const CatalogPtr loaded = loader.load({CatalogLoader::Entry{mount, QStringLiteral("catalog-info.yaml"), true}});
    if (!loaded) {
        return QStringLiteral("load returned nothing");
    }
    QByteArray memo;
    {
        QDataStream out(&memo, QIODevice::WriteOnly);
        loader.saveMemo(out);
    }
    {
        // The intact memo restores the same entities.
        QBuffer buffer(&memo);
        buffer.open(QIODevice::ReadOnly);
        QDataStream in(&buffer);
        CatalogLoader restored;
        if (!restored.restoreMemo(in)) {
            return QStringLiteral("restoreMemo rejected an intact memo");
        }
        const CatalogPtr again = restored.assembleFromMemo(QStringLiteral("fuzz"));
        // Only entities: problems found while following Location targets belong to the load, not
        // to a file, so the memo does not hold them.
        if (again->size() != loaded->size()) {
            return QStringLiteral("the memo restored %1 entities instead of %2").arg(again->size()).arg(loaded->size());
        }
    }
    for (int i = 0; i < 4; ++i) {
        QByteArray damaged = memo;
        const int edits = 1 + int(rng.below(3));
        for (int e = 0; e < edits && !damaged.isEmpty(); ++e) {
            const qsizetype at = rng.below(damaged.size());
            switch (rng.below(4)) {
            case 0:
                damaged[at] = char(damaged[at] ^ char(1 << rng.below(8)));
                break;
            case 1:
                damaged[at] = char(rng.below(256));
                break;
            case 2:
                damaged.remove(at, 1 + rng.below(16));
                break;
            default:
                damaged.truncate(at);
                break;
            }
        }
        QBuffer buffer(&damaged);
        buffer.open(QIODevice::ReadOnly);
        QDataStream in(&buffer);
        CatalogLoader restored;
        if (restored.restoreMemo(in)) {
            const CatalogPtr catalog = restored.assembleFromMemo(QStringLiteral("fuzz"));
            for (const auto &e : catalog->entities()) {
                int nodes = 0;
                walk(e.root(), &nodes);
                (void)catalog->indexOf(e.ref);
            }
        } else if (restored.hasMemo()) {
            return QStringLiteral("a rejected memo left entries behind");
        }
    }
    return {};
}

QString FuzzCatalog::runInput(const QByteArray &input, Rng &rng)
{
    QByteArray serialized;
    if (QString why = checkTree(input, &serialized); !why.isEmpty()) {
        return QStringLiteral("YamlTree: ") + why;
    }
    // Damaging the cache of a huge tree (an alias bomb) tests nothing a small one does not, and
    // costs seconds under the sanitizers.
    if (serialized.size() < 4 * 1024 * 1024) {
        checkDamagedTree(serialized, rng);
    }
    if (QString why = checkFile(input); !why.isEmpty()) {
        return QStringLiteral("parseFile: ") + why;
    }
    return {};
}

// Input n is a function of (seed, n) alone, so that any one of them can be rerun.
QByteArray FuzzCatalog::inputNumber(qint64 n, Rng *rng) const
{
    *rng = Rng(m_seed ^ (quint64(n + 1) * 0xD1B54A32D192ED03ULL));
    const QByteArray &seed = m_seeds[rng->below(m_seeds.size())];
    return mutate(seed, m_seeds, *rng);
}

void FuzzCatalog::seedsHoldInvariants()
{
    if (m_only >= 0) {
        QSKIP("GANTRY_FUZZ_ONLY runs one mutated input");
    }
    Rng rng(m_seed);
    for (qsizetype i = 0; i < m_seeds.size(); ++i) {
        const QString why = runInput(m_seeds[i], rng);
        QVERIFY2(why.isEmpty(), qPrintable(QStringLiteral("seed %1: %2").arg(i).arg(why)));
    }
}

void FuzzCatalog::mutatedInputs()
{
    const qint64 first = m_only >= 0 ? m_only : 0;
    const qint64 last = m_only >= 0 ? m_only + 1 : m_iterations;
    QElapsedTimer total;
    total.start();
    qint64 slowest = 0;
    qint64 slowestInput = -1;
    qint64 bytes = 0;
    for (qint64 n = first; n < last; ++n) {
        Rng rng(0);
        const QByteArray input = inputNumber(n, &rng);
        if (m_only >= 0 && qEnvironmentVariableIsSet("GANTRY_FUZZ_DUMP")) {
            QFile dump(qEnvironmentVariable("GANTRY_FUZZ_DUMP"));
            QVERIFY(dump.open(QIODevice::WriteOnly));
            dump.write(input);
        }
        bytes += input.size();
        m_watchdog->begin(n);
        const qint64 cpuStart = cpuMs();
        const QString why = runInput(input, rng);
        const qint64 elapsed = cpuMs() - cpuStart;
        m_watchdog->end();
        if (elapsed > slowest) {
            slowest = elapsed;
            slowestInput = n;
        }
        QVERIFY2(
            why.isEmpty(),
            qPrintable(
                QStringLiteral("input #%1 (seed %2; rerun with GANTRY_FUZZ_ONLY=%1): %3").arg(n).arg(m_seed).arg(why)));
        QVERIFY2(elapsed <= InputBudgetMs,
                 qPrintable(QStringLiteral("input #%1 (seed %2) took %3 ms of CPU, over the %4 ms budget: a near-hang")
                                .arg(n)
                                .arg(m_seed)
                                .arg(elapsed)
                                .arg(InputBudgetMs)));
    }
    qInfo("fuzz_catalog: %lld inputs (%lld KiB) with seed %llu in %lld ms; slowest #%lld took %lld ms of CPU",
          static_cast<long long>(last - first), static_cast<long long>(bytes / 1024),
          static_cast<unsigned long long>(m_seed), static_cast<long long>(total.elapsed()),
          static_cast<long long>(slowestInput), static_cast<long long>(slowest));
}

void FuzzCatalog::damagedMemo()
{
    if (m_only >= 0) {
        QSKIP("GANTRY_FUZZ_ONLY runs one mutated input");
    }
    // The full load per input is the costly part: a slice of the inputs is enough here.
    const int count = qMax(1, m_iterations / 16);
    QElapsedTimer total;
    total.start();
    for (int k = 0; k < count; ++k) {
        const qint64 n = qint64(k) * 16;
        Rng rng(0);
        const QByteArray input = inputNumber(n, &rng);
        m_watchdog->begin(n);
        const QString why = checkMemo(input, rng);
        m_watchdog->end();
        QVERIFY2(why.isEmpty(),
                 qPrintable(QStringLiteral("memo of input #%1 (seed %2): %3").arg(n).arg(m_seed).arg(why)));
    }
    qInfo("fuzz_catalog: %d damaged memos in %lld ms", count * 4, static_cast<long long>(total.elapsed()));
}

void FuzzCatalog::locationCycles()
{
    // a -> b -> a, a -> itself, a glob that matches both, and a folder that holds them.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto location = [](const QByteArray &name, const QByteArray &targets) -> QByteArray {
        return "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {name: " + name +
               "}\nspec: {targets: " + targets + "}\n";
    };
    auto write = [&](const QString &name, const QByteArray &content) {
        QVERIFY(QDir(dir.path()).mkpath(QFileInfo(name).path()));
        QFile file(dir.path() + QLatin1Char('/') + name);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    write(QStringLiteral("a.yaml"), location("a", "[./b.yaml, ./a.yaml, '**/*.yaml', ./sub, ./sub/../a.yaml]"));
    write(QStringLiteral("b.yaml"), location("b", "[./a.yaml, ./sub/c.yaml]"));
    write(QStringLiteral("sub/c.yaml"),
          location("c", "[../a.yaml, ../b.yaml, ./c.yaml, '../**']") + "---\n" + component);
    auto mount = std::make_shared<Mount>();
    mount->id = mount->rootDir = mount->label = dir.path();
    CatalogLoader loader;
    QElapsedTimer timer;
    timer.start();
    const CatalogPtr catalog = loader.load({CatalogLoader::Entry{mount, QStringLiteral("a.yaml"), true}});
    QVERIFY(catalog);
    QVERIFY2(timer.elapsed() < InputBudgetMs, "following cyclic Location targets took too long");
    QCOMPARE(catalog->size(), 4); // three Locations and the component, each once
    QCOMPARE(loader.lastStats().files, 3);
    QVERIFY(checkProblems(catalog->problems()).isEmpty());
}

void FuzzCatalog::unreadablePaths()
{
    const QString missing = m_dir.path() + QStringLiteral("/does-not-exist.yaml");
    for (const QString &path :
         {missing, QString(m_dir.path() + QStringLiteral("/folder")), QStringLiteral("/dev/null"), QString()}) {
        const FileResult result = CatalogLoader::parseFile(path, "v", true, m_dir.path());
        QVERIFY(result.entities.empty());
        for (const auto &p : result.problems) {
            QVERIFY2(p.location.line >= 1 || p.message.startsWith(QLatin1String("cannot read the file")),
                     qPrintable(describe(p)));
        }
    }
    const FileResult result = CatalogLoader::parseFile(missing, "v", true, m_dir.path());
    QCOMPARE(result.problems.size(), size_t(1));
    QCOMPARE(result.problems.front().location.line, 0);
    QVERIFY(result.problems.front().message.startsWith(QLatin1String("cannot read the file")));
}

void FuzzCatalog::hugeAndBinaryFiles()
{
    // Over YamlTree::Limits::maxBytes (32 MiB): refused before it is read, with one problem.
    const QString huge = m_dir.path() + QStringLiteral("/huge.yaml");
    {
        QFile file(huge);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray chunk = repeat("apiVersion: backstage.io/v1alpha1\n", 32 * 1024);
        for (qint64 written = 0; written <= 32 * 1024 * 1024; written += chunk.size()) {
            QCOMPARE(file.write(chunk), chunk.size());
        }
    }
    for (const bool explicitFile : {true, false}) {
        const FileResult result = CatalogLoader::parseFile(huge, "v", explicitFile, m_dir.path());
        QCOMPARE(result.problems.size(), size_t(1));
        QCOMPARE(result.problems.front().location.line, 1);
        QVERIFY(result.entities.empty());
    }
    QVERIFY(QFile::remove(huge));

    // Binary content, and a binary file that happens to mention Backstage.
    const FileResult binary =
        CatalogLoader::parseFile(m_dir.path() + QStringLiteral("/binary.bin"), "v", true, m_dir.path());
    QCOMPARE(binary.problems.size(), size_t(1));
    QVERIFY(checkProblems(binary.problems).isEmpty());
    std::vector<Problem> problems;
    const auto tree = YamlTree::parse(QByteArray("\x7f"
                                                 "ELF\0backstage.io/\0",
                                                 20),
                                      QStringLiteral("x"), &problems);
    QVERIFY(tree->hadSyntaxError());
    QVERIFY(tree->documents().empty());
    QCOMPARE(problems.size(), size_t(1));
}

QTEST_GUILESS_MAIN(FuzzCatalog)
#include "fuzz_catalog.moc"
