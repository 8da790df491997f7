// CatalogCache: the loader's memo on disk. A good cache restores without re-parsing; a damaged,
// truncated or foreign one is rejected (and leaves the loader empty); a failed write keeps the
// previous cache.

#include "models/catalog/catalogloader.h"
#include "models/sources/catalogcache.h"
#include "models/sources/sourcesync.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using Gantry::Catalog::CatalogLoader;
using Gantry::Sources::CatalogCache;
using Gantry::Sources::SourceSync;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray component(const char *name)
{
    return QByteArray("apiVersion: backstage.io/v1alpha1\n"
                      "kind: Component\n"
                      "metadata:\n"
                      "  name: ") +
           name +
           "\n"
           "  description: A component for the cache test\n"
           "spec:\n"
           "  type: service\n"
           "  lifecycle: production\n"
           "  owner: team-a\n";
}

} // namespace

class TestCatalogCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::vector<CatalogLoader::Entry> m_entries;

    QString cachePath(const QString &name) const { return m_dir.filePath(QStringLiteral("cache/") + name); }

    // A loader that has loaded the test catalog, so its memo is not empty.
    void loadInto(CatalogLoader &loader)
    {
        const auto catalog = loader.load(m_entries);
        QVERIFY(catalog);
        QVERIFY(loader.hasMemo());
    }

    QByteArray goodCache(const QString &name)
    {
        CatalogLoader loader;
        loadInto(loader);
        QString error;
        const CatalogCache cache(cachePath(name));
        [&] { QVERIFY2(cache.save(loader, QStringLiteral("origin"), &error), qPrintable(error)); }();
        return readFile(cache.filePath());
    }

    // Restoring `content` must fail and leave the loader without a memo.
    void expectRejected(const QByteArray &content, const char *what)
    {
        const QString path = cachePath(QStringLiteral("rejected.bin"));
        writeFile(path, content);
        CatalogLoader loader;
        loadInto(loader);
        QString origin = QStringLiteral("untouched");
        QVERIFY2(!CatalogCache(path).restore(loader, &origin), what);
        QVERIFY2(!loader.hasMemo(), what);
        QCOMPARE(origin, QStringLiteral("untouched"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Thousands of rejected caches below: keep the log readable.
        QLoggingCategory::setFilterRules(QStringLiteral("gantry.*.debug=false"));
        QVERIFY(m_dir.isValid());
        const QString root = m_dir.filePath(QStringLiteral("catalog"));
        writeFile(root + QStringLiteral("/a/catalog-info.yaml"), component("alpha"));
        writeFile(root + QStringLiteral("/b/catalog-info.yaml"), component("beta"));
        writeFile(root + QStringLiteral("/c/catalog-info.yaml"), component("gamma") + "---\n" + component("delta"));
        m_entries = {{SourceSync::mountFolder(root), QString(), false}};
    }

    void roundTripRestoresWithoutParsing()
    {
        CatalogLoader first;
        const auto original = first.load(m_entries);
        QVERIFY(original);
        QVERIFY(original->size() >= 4);
        QCOMPARE(first.lastStats().filesParsed, 3);

        const CatalogCache cache(cachePath(QStringLiteral("roundtrip.bin")));
        QString error;
        QVERIFY2(cache.save(first, QStringLiteral("workspace:/tmp/gantry.yaml"), &error), qPrintable(error));
        QVERIFY(QFileInfo(cache.filePath()).size() > 0);
        QVERIFY(readFile(cache.filePath()).startsWith("GNTRYCAT"));

        CatalogLoader second;
        QString origin;
        QVERIFY(cache.restore(second, &origin));
        QCOMPARE(origin, QStringLiteral("workspace:/tmp/gantry.yaml"));
        QVERIFY(second.hasMemo());
        // The instant start: a catalog from the cache alone.
        const auto fromMemo = second.assembleFromMemo(origin);
        QVERIFY(fromMemo);
        QCOMPARE(fromMemo->size(), original->size());
        // And the refresh after it re-uses every unchanged file.
        const auto refreshed = second.load(m_entries);
        QVERIFY(refreshed);
        QCOMPARE(refreshed->size(), original->size());
        QCOMPARE(second.lastStats().filesParsed, 0);
    }

    void missingFileIsNoCache()
    {
        CatalogLoader loader;
        loadInto(loader);
        QVERIFY(!CatalogCache(cachePath(QStringLiteral("never-written.bin"))).restore(loader));
        QVERIFY(!loader.hasMemo());
    }

    void truncatedCachesAreRejected()
    {
        const QByteArray good = goodCache(QStringLiteral("truncated-source.bin"));
        QVERIFY(good.size() > 16);
        // Every prefix, up to a few thousand of them; beyond that a sample.
        const qsizetype step = qMax<qsizetype>(1, good.size() / 2000);
        for (qsizetype length = 0; length < good.size(); length += step) {
            expectRejected(good.left(length), qPrintable(QStringLiteral("truncated to %1 bytes").arg(length)));
        }
    }

    void garbageIsRejected()
    {
        expectRejected(QByteArray(), "empty file");
        expectRejected(QByteArray("not a cache at all, just text\n"), "text");
        QRandomGenerator random(42);
        for (int i = 0; i < 20; ++i) {
            QByteArray noise(1 + random.bounded(4096), Qt::Uninitialized);
            for (char &byte : noise) {
                byte = char(random.bounded(256));
            }
            expectRejected(noise, "random bytes");
        }
    }

    void damagedBodyIsRejected()
    {
        // A valid header followed by damage inside the loader's part: every byte flipped in turn
        // must never crash, and whatever is accepted must still be a usable memo.
        const QByteArray good = goodCache(QStringLiteral("damaged-source.bin"));
        const qsizetype step = qMax<qsizetype>(1, good.size() / 500);
        for (qsizetype at = 8; at < good.size(); at += step) {
            QByteArray damaged = good;
            damaged[at] = char(~damaged.at(at));
            const QString path = cachePath(QStringLiteral("damaged.bin"));
            writeFile(path, damaged);
            CatalogLoader loader;
            if (CatalogCache(path).restore(loader)) {
                QVERIFY(loader.hasMemo());
                QVERIFY(loader.assembleFromMemo(QString()));
            } else {
                QVERIFY(!loader.hasMemo());
            }
        }
    }

    void otherVersionsAreRejected()
    {
        const QByteArray good = goodCache(QStringLiteral("version-source.bin"));
        // Layout: "GNTRYCAT", quint32 format version, quint32 QDataStream version (big-endian).
        QByteArray otherFormat = good;
        otherFormat[11] = char(otherFormat.at(11) + 1);
        expectRejected(otherFormat, "another cache format version");

        QByteArray otherStream = good;
        otherStream[15] = char(otherStream.at(15) - 1);
        expectRejected(otherStream, "another QDataStream version");

        // The same file read by another Gantry release.
        const QString path = cachePath(QStringLiteral("version-source.bin"));
        QCoreApplication::setApplicationVersion(QStringLiteral("99.0"));
        CatalogLoader loader;
        const bool restoredByOtherRelease = CatalogCache(path).restore(loader);
        QCoreApplication::setApplicationVersion(QString());
        QVERIFY(!restoredByOtherRelease);
        QVERIFY(!loader.hasMemo());
        QVERIFY(CatalogCache(path).restore(loader));

        QByteArray otherMagic = good;
        otherMagic[0] = 'X';
        expectRejected(otherMagic, "another magic");
    }

    void failedWriteKeepsThePreviousCache()
    {
        CatalogLoader loader;
        loadInto(loader);
        const CatalogCache cache(cachePath(QStringLiteral("atomic.bin")));
        QString error;
        QVERIFY2(cache.save(loader, QStringLiteral("first"), &error), qPrintable(error));
        const QByteArray before = readFile(cache.filePath());

        // Make the next write run out of space: a file-size limit (it binds root too) and an
        // origin far larger than it.
        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = saved;
        small.rlim_cur = 64 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const bool saved2 = cache.save(loader, QString(1024 * 1024, QLatin1Char('x')), &error);
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(!saved2);
        QVERIFY2(error.contains(cache.filePath()), qPrintable(error));
        QCOMPARE(readFile(cache.filePath()), before);
        // No temporary file is left behind.
        QCOMPARE(QDir(cachePath(QString())).entryList({QStringLiteral("atomic.bin*")}, QDir::Files | QDir::Hidden),
                 QStringList({QStringLiteral("atomic.bin")}));
        CatalogLoader restored;
        QString origin;
        QVERIFY(cache.restore(restored, &origin));
        QCOMPARE(origin, QStringLiteral("first"));
    }

    void unwritableLocationIsAnError()
    {
        const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
        writeFile(blocker, "a file where a folder should be");
        CatalogLoader loader;
        loadInto(loader);
        QString error;
        QVERIFY(!CatalogCache(blocker + QStringLiteral("/sub/cache.bin")).save(loader, QString(), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCatalogCache)
#include "tst_catalogcache.moc"
