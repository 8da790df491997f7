// CatalogService: the GUI's view of a workspace. Opens from the disk cache at once, refreshes from
// Git in the background, keeps the last good catalog when the remote goes away.
#include "models/catalog/catalogservice.h"
#include "models/sources/gitrepository.h"
#include "models/workspace/workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Gantry;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

QByteArray component(const QByteArray &name)
{
    return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + name +
           "\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n";
}

const QByteArray group = "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\n"
                         "spec:\n  type: team\n  children: []\n";

// Waits for the service to become idle after at least one busy period.
bool waitIdle(Catalog::CatalogService &service, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        QTest::qWait(20);
        if (!service.isBusy()) {
            QTest::qWait(50);
            if (!service.isBusy()) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

class TestCatalogService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensRefreshesAndSurvivesAnUnreachableRemote()
    {
        QTemporaryDir dir;
        const QString bare = dir.filePath(QStringLiteral("remote.git"));
        const QString work = dir.filePath(QStringLiteral("work"));
        QString error;
        QVERIFY2(Sources::GitRepository::initBare(bare, &error), qPrintable(error));
        writeFile(work + QStringLiteral("/catalog-info.yaml"), group + "---\n" + component("one"));
        const QString url = QStringLiteral("file://") + bare;
        QVERIFY2(Sources::GitRepository::commitAllAndPush(work, url, QStringLiteral("main"), QStringLiteral("first"),
                                                          QStringLiteral("Test"), QStringLiteral("t@example.invalid"),
                                                          &error),
                 qPrintable(error));

        const QString wsDir = dir.filePath(QStringLiteral("ws"));
        writeFile(wsDir + QStringLiteral("/gantry.yaml"),
                  "name: Test\ncatalog:\n  locations:\n    - url: " + url.toUtf8() +
                      "\n      branch: main\n"
                      "      path: catalog-info.yaml\n");
        QString loadError;
        auto workspace = Workspace::Workspace::load(wsDir, &loadError);
        QVERIFY2(workspace, qPrintable(loadError));

        {
            Catalog::CatalogService service;
            QSignalSpy changed(&service, &Catalog::CatalogService::catalogChanged);
            service.openWorkspace(*workspace);
            QVERIFY(waitIdle(service));
            QVERIFY(service.catalog());
            QCOMPARE(service.catalog()->size(), 2);

            // A new commit on the remote shows up on refresh, re-parsing only the changed file.
            writeFile(work + QStringLiteral("/catalog-info.yaml"),
                      group + "---\n" + component("one") + "---\n" + component("two"));
            QVERIFY(Sources::GitRepository::commitAllAndPush(work, url, QStringLiteral("main"),
                                                             QStringLiteral("second"), QStringLiteral("Test"),
                                                             QStringLiteral("t@example.invalid"), &error));
            QSignalSpy refreshed(&service, &Catalog::CatalogService::refreshed);
            service.refresh();
            QVERIFY(waitIdle(service));
            QCOMPARE(refreshed.count(), 1);
            QCOMPARE(refreshed.at(0).at(0).toInt(), 1); // files parsed
            QCOMPARE(service.catalog()->size(), 3);
        }

        // The remote disappears: a new session opens from the cache at once, says what failed,
        // and keeps the catalog.
        QVERIFY(QDir(bare).removeRecursively());
        Catalog::CatalogService service;
        QSignalSpy failed(&service, &Catalog::CatalogService::loadFailed);
        QSignalSpy changed(&service, &Catalog::CatalogService::catalogChanged);
        service.openWorkspace(*workspace);
        QVERIFY(waitIdle(service));
        QVERIFY(service.catalog());
        QCOMPARE(service.catalog()->size(), 3);
        QVERIFY(failed.count() >= 1);
        const QString message = failed.last().at(0).toString();
        QVERIFY2(message.contains(QLatin1String("remote.git")), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestCatalogService)
#include "tst_catalogservice.moc"
