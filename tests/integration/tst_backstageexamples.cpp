// Backstage's own example entities (read from ../shared, never copied into the repository) load
// as Backstage loads them, and the files Backstage rejects are rejected with the right message.
#include "models/catalog/catalogloader.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSet>
#include <QTest>

using namespace Gantry::Catalog;

namespace {

QString examplesDir()
{
    const QString shared = qEnvironmentVariable("GANTRY_SHARED_DIR");
    return shared + QStringLiteral("/reference/backstage/backstage__backstage/packages/catalog-model/examples");
}

MountPtr mountOf(const QString &dir)
{
    auto m = std::make_shared<Mount>();
    m->id = dir;
    m->rootDir = dir;
    m->label = dir;
    return m;
}

QString describe(const Catalog &c)
{
    QStringList lines;
    for (const auto &p : c.problems()) {
        lines << p.toCompilerString();
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestBackstageExamples : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (!QFileInfo(examplesDir()).isDir()) {
            QSKIP("Backstage's examples are not beside this clone (../shared/reference/backstage); skipping");
        }
    }

    void everyExampleFileLoads_data()
    {
        QTest::addColumn<QString>("file");
        const QString dir = examplesDir();
        QDirIterator it(dir, {QStringLiteral("*.yaml")}, QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext()) {
            files << it.next();
        }
        files.sort();
        for (const auto &f : std::as_const(files)) {
            const QString rel = QDir(dir).relativeFilePath(f);
            // Deliberately broken or not an entity at all: covered by their own tests below.
            if (rel == QLatin1String("components/invalid-component.yaml") || rel.endsWith(QLatin1String(".oas.yaml"))) {
                continue;
            }
            QTest::newRow(qPrintable(rel)) << f;
        }
    }

    void everyExampleFileLoads()
    {
        QFETCH(QString, file);
        CatalogLoader loader;
        const QFileInfo info(file);
        const auto catalog = loader.load({{mountOf(examplesDir()), QDir(examplesDir()).relativeFilePath(file), true}});
        QVERIFY(catalog);
        // Following Locations can reach files that were not copied (all-apis.yaml names two); only
        // those "not found" errors are expected. Everything that exists must be valid.
        for (const auto &p : catalog->problems()) {
            if (p.isError()) {
                QVERIFY2(p.message.contains(QLatin1String("was not found")), qPrintable(describe(*catalog)));
            }
        }
        QVERIFY2(catalog->size() > 0, qPrintable(info.fileName()));
    }

    void wholeExampleCatalog()
    {
        CatalogLoader loader;
        const auto mount = mountOf(examplesDir());
        const auto catalog =
            loader.load({{mount, QStringLiteral("all.yaml"), true}, {mount, QStringLiteral("acme-corp.yaml"), true}});
        QVERIFY(catalog);
        // all-apis.yaml names two API files that were not copied: exactly those two errors.
        int notFound = 0;
        for (const auto &p : catalog->problems()) {
            if (p.isError()) {
                QVERIFY2(p.message.contains(QLatin1String("was not found")), qPrintable(describe(*catalog)));
                ++notFound;
            }
        }
        QCOMPARE(notFound, 2);
        // A few well-known entities and their stitched relations.
        const Entity *artistWeb = catalog->entity(QStringLiteral("component:default/www-artist"));
        QVERIFY(artistWeb);
        const Entity *teamA = catalog->entity(QStringLiteral("group:default/team-a"));
        QVERIFY(teamA);
        auto has = [](const Entity *e, RelationType t, const QString &target) {
            return std::find(e->relations.begin(), e->relations.end(), Relation{t, target}) != e->relations.end();
        };
        QVERIFY(has(artistWeb, RelationType::OwnedBy, QStringLiteral("group:default/team-a")));
        QVERIFY(has(teamA, RelationType::OwnerOf, QStringLiteral("component:default/www-artist")));
        QVERIFY(catalog->size() > 40);
        // Every kind of the nine that the examples use is present.
        QSet<QString> kinds;
        for (const auto &e : catalog->entities()) {
            kinds.insert(e.kind.toLower());
        }
        for (const char *k : {"component", "api", "resource", "system", "domain", "group", "user", "location"}) {
            QVERIFY2(kinds.contains(QLatin1String(k)), k);
        }
    }

    void invalidComponentIsRejectedWithBackstagesReasons()
    {
        CatalogLoader loader;
        const auto catalog =
            loader.load({{mountOf(examplesDir()), QStringLiteral("components/invalid-component.yaml"), true}});
        QVERIFY(catalog);
        QCOMPARE(catalog->size(), 0);
        bool nameReported = false;
        bool tagReported = false;
        for (const auto &p : catalog->problems()) {
            QVERIFY(p.location.line > 0);
            if (p.isError() && p.message.contains(QLatin1String("metadata.name")) &&
                p.message.contains(QLatin1String("invalid component"))) {
                nameReported = true;
            }
            if (p.isError() && p.message.contains(QLatin1String("go 1.15.3"))) {
                tagReported = true;
            }
        }
        QVERIFY2(nameReported, qPrintable(describe(*catalog)));
        QVERIFY2(tagReported, qPrintable(describe(*catalog)));
    }
};

QTEST_GUILESS_MAIN(TestBackstageExamples)
#include "tst_backstageexamples.moc"
