#include "models/workspace/settings.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Gantry::Workspace::Settings;

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void settersEmitOnlyOnChange()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("s.ini")));
        QSignalSpy lastPage(&settings, &Settings::lastPageChanged);
        QSignalSpy geometry(&settings, &Settings::windowGeometryChanged);
        QSignalSpy splitter(&settings, &Settings::splitterStateChanged);
        QSignalSpy workspace(&settings, &Settings::lastWorkspaceChanged);

        settings.setLastPage(QStringLiteral("component:default/a"));
        settings.setLastPage(QStringLiteral("component:default/a"));
        QCOMPARE(lastPage.count(), 1);
        settings.setWindowGeometry(QByteArrayLiteral("\x01\x02"));
        settings.setWindowGeometry(QByteArrayLiteral("\x01\x02"));
        QCOMPARE(geometry.count(), 1);
        settings.setSplitterState(QStringLiteral("main"), QByteArrayLiteral("x"));
        settings.setSplitterState(QStringLiteral("main"), QByteArrayLiteral("x"));
        settings.setSplitterState(QStringLiteral("other"), QByteArrayLiteral("x"));
        QCOMPARE(splitter.count(), 2);
        QCOMPARE(splitter.first().at(0).toString(), QStringLiteral("main"));
        settings.setLastWorkspace(QString()); // unset to unset: no change
        QCOMPARE(workspace.count(), 0);
        settings.setLastWorkspace(QStringLiteral("/w/gantry.yaml"));
        QCOMPARE(workspace.count(), 1);
    }

    void persistsAcrossInstances()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        {
            Settings settings(file);
            settings.setLastPage(QStringLiteral("api:default/b"));
            settings.setWindowState(QByteArrayLiteral("state"));
            settings.setSplitterState(QStringLiteral("main"), QByteArrayLiteral("split"));
            settings.setLastWorkspace(QStringLiteral("/w/gantry.yaml"));
        }
        Settings settings(file);
        QCOMPARE(settings.lastPage(), QStringLiteral("api:default/b"));
        QCOMPARE(settings.windowState(), QByteArrayLiteral("state"));
        QCOMPARE(settings.splitterState(QStringLiteral("main")), QByteArrayLiteral("split"));
        QVERIFY(settings.splitterState(QStringLiteral("none")).isEmpty());
        QCOMPARE(settings.lastWorkspace(), QStringLiteral("/w/gantry.yaml"));
    }

    void recentWorkspaces()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("s.ini")));
        QSignalSpy recent(&settings, &Settings::recentWorkspacesChanged);
        for (int i = 0; i < Settings::MaxRecentWorkspaces + 3; ++i) {
            settings.addRecentWorkspace(QStringLiteral("/w%1").arg(i));
        }
        QCOMPARE(settings.recentWorkspaces().size(), Settings::MaxRecentWorkspaces);
        QCOMPARE(settings.recentWorkspaces().first(), QStringLiteral("/w12"));
        const int signals = int(recent.count());
        settings.addRecentWorkspace(QStringLiteral("/w12")); // already first
        QCOMPARE(recent.count(), signals);
        settings.addRecentWorkspace(QStringLiteral("/w5"));
        QCOMPARE(settings.recentWorkspaces().first(), QStringLiteral("/w5"));
        QCOMPARE(settings.recentWorkspaces().count(QStringLiteral("/w5")), 1);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
