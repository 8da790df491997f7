// Keeps the catalog benchmark from rotting: a 1k-entity catalog from the generator, every phase
// of bench_catalog once, and the JSON each prints. It checks shapes and counts, never timings
// (performance is judged by run-catalog-bench.sh, not by tests).

#include "tests/bench/catalogGenerator.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Gantry::Bench;

class BenchCatalogSmoke final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void generatorIsDeterministic();
    void generatorReferencesResolve();
    void generatedCatalogLooksReal();
    void phase_data();
    void phase();

private:
    QJsonObject runPhase(const QString &phase);

    QTemporaryDir m_dir;
    GeneratedCatalog m_generated;
    QString m_bench;
};

void BenchCatalogSmoke::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_generated = generateCatalog(m_dir.path(), 1000, 7);
    QVERIFY2(m_generated.ok, qPrintable(m_generated.error));

    m_bench = qEnvironmentVariable("GANTRY_BENCH_CATALOG");
    if (m_bench.isEmpty()) {
        m_bench = QCoreApplication::applicationDirPath() + QStringLiteral("/bench_catalog");
    }
    QVERIFY2(QFileInfo(m_bench).isExecutable(), qPrintable(m_bench));
}

void BenchCatalogSmoke::generatorIsDeterministic()
{
    const CatalogPlan a = planCatalog(300, 11);
    const CatalogPlan b = planCatalog(300, 11);
    const CatalogPlan other = planCatalog(300, 12);
    QCOMPARE(a.files.size(), b.files.size());
    QByteArray textA;
    QByteArray textB;
    QByteArray textOther;
    for (int i = 0; i < int(a.files.size()); ++i) {
        QCOMPARE(a.files[size_t(i)].path, b.files[size_t(i)].path);
        textA += renderFile(a, i);
        textB += renderFile(b, i);
    }
    for (int i = 0; i < int(other.files.size()); ++i) {
        textOther += renderFile(other, i);
    }
    QCOMPARE(textA, textB);
    QVERIFY(textA != textOther);
}

void BenchCatalogSmoke::generatorReferencesResolve()
{
    const CatalogPlan plan = planCatalog(5000, 3);
    QSet<QString> refs;
    for (const auto &e : plan.entities) {
        QVERIFY2(!refs.contains(e.ref()), qPrintable(e.ref())); // names are unique per kind
        refs.insert(e.ref());
    }
    const auto relations = plan.relations();
    int dangling = 0;
    for (const auto &r : relations) {
        dangling += r.dangling ? 1 : 0;
    }
    // Only the references the generator made dangle on purpose do, and they are a small fraction.
    QCOMPARE(dangling, plan.danglingReferences);
    QVERIFY(dangling > 0);
    QVERIFY(dangling < int(relations.size()) / 50);
}

void BenchCatalogSmoke::generatedCatalogLooksReal()
{
    QCOMPARE(m_generated.entities, 1000);
    const auto &kinds = m_generated.entitiesByKind;
    QVERIFY(kinds.value(QStringLiteral("Component")) > 500 && kinds.value(QStringLiteral("Component")) < 600);
    for (const char *kind : {"API", "Resource", "System", "Domain", "Group", "User", "Template", "Location"}) {
        QVERIFY2(kinds.value(QString::fromLatin1(kind)) > 0, kind);
    }
    // Repository-sized files: about 1.7 entities and 1.3 KB per file, as in real catalogs.
    QVERIFY(m_generated.files.size() > 450 && m_generated.files.size() < 700);
    QVERIFY(m_generated.bytes > 600'000 && m_generated.bytes < 1'000'000);
    QCOMPARE(m_generated.files.first(), QStringLiteral("catalog-info.yaml"));
}

QJsonObject BenchCatalogSmoke::runPhase(const QString &phase)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(m_bench, {QStringLiteral("--dir"), m_dir.path(), QStringLiteral("--phase"), phase,
                            QStringLiteral("--runs"), QStringLiteral("2"), QStringLiteral("--json")});
    if (!process.waitForFinished(240'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return {};
    }
    const QByteArray out = process.readAllStandardOutput().trimmed();
    return QJsonDocument::fromJson(out).object();
}

void BenchCatalogSmoke::phase_data()
{
    QTest::addColumn<QString>("phase");
    QTest::addColumn<QStringList>("keys");
    const QStringList common = {QStringLiteral("tool"),       QStringLiteral("phase"),    QStringLiteral("ms"),
                                QStringLiteral("peakRssKiB"), QStringLiteral("entities"), QStringLiteral("files")};
    QTest::newRow("cold") << QStringLiteral("cold")
                          << common + QStringList{QStringLiteral("loadMs"), QStringLiteral("modelMs")};
    QTest::newRow("refresh") << QStringLiteral("refresh")
                             << common + QStringList{QStringLiteral("filesParsed"), QStringLiteral("changesVisible")};
    QTest::newRow("warm") << QStringLiteral("warm")
                          << common + QStringList{QStringLiteral("restoreMs"), QStringLiteral("restored")};
    QTest::newRow("filter") << QStringLiteral("filter")
                            << common + QStringList{QStringLiteral("medianMs"), QStringLiteral("maxMs"),
                                                    QStringLiteral("keystrokes")};
}

void BenchCatalogSmoke::phase()
{
    QFETCH(QString, phase);
    QFETCH(QStringList, keys);
    const QJsonObject result = runPhase(phase);
    QVERIFY2(!result.isEmpty(), "bench_catalog failed or printed no JSON");
    for (const QString &key : keys) {
        QVERIFY2(result.contains(key), qPrintable(key));
    }
    QCOMPARE(result.value(QStringLiteral("phase")).toString(), phase);
    // Every generated entity is valid, so every one of them reaches the catalog.
    QCOMPARE(result.value(QStringLiteral("entities")).toInt(), m_generated.entities);
    QCOMPARE(result.value(QStringLiteral("files")).toInt(), int(m_generated.files.size()));
    QCOMPARE(result.value(QStringLiteral("errors")).toInt(), 0);
    QVERIFY(result.value(QStringLiteral("peakRssKiB")).toInteger() > 0);

    if (phase == QLatin1String("refresh")) {
        QCOMPARE(result.value(QStringLiteral("filesParsed")).toInt(), 3);
        QVERIFY(result.value(QStringLiteral("filesParsedOk")).toBool());
        QVERIFY(result.value(QStringLiteral("changesVisible")).toBool());
    } else if (phase == QLatin1String("warm")) {
        QVERIFY(result.value(QStringLiteral("restored")).toBool());
        QCOMPARE(result.value(QStringLiteral("filesParsed")).toInt(), 0);
    } else if (phase == QLatin1String("filter")) {
        QVERIFY(result.value(QStringLiteral("keystrokes")).toInt() > 10);
        QVERIFY(result.value(QStringLiteral("maxMs")).toDouble() >=
                result.value(QStringLiteral("medianMs")).toDouble());
    } else if (phase == QLatin1String("cold")) {
        QCOMPARE(result.value(QStringLiteral("filesParsed")).toInt(), int(m_generated.files.size()));
    }
}

QTEST_GUILESS_MAIN(BenchCatalogSmoke)
#include "bench_catalog_smoke.moc"
