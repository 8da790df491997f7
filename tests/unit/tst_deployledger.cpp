// The deploy ledger: append-only rows (start + outcome), queries for later charts, and a database
// that refuses to rewrite history.

#include "models/kube/deployledger.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using Gantry::Kube::DeployLedger;
using Gantry::Kube::LedgerEntry;
using Gantry::Kube::LedgerQuery;

class TestDeployLedger : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static LedgerEntry entry(const QString &service, const QString &env, const QString &action, const QDateTime &when)
    {
        LedgerEntry e;
        e.startedAt = when;
        e.actor = QStringLiteral("Alice <alice@example.com>");
        e.workspace = QStringLiteral("/ws/gantry.yaml");
        e.service = service;
        e.environment = env;
        e.action = action;
        e.imageFrom = QStringLiteral("reg/%1:1.0").arg(service);
        e.imageTo = QStringLiteral("reg/%1:1.1").arg(service);
        e.commit = QStringLiteral("abc1234");
        return e;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void recordsStartAndOutcome()
    {
        DeployLedger ledger(m_dir.filePath(QStringLiteral("a/ledger.sqlite")));
        QString error;
        QVERIFY2(ledger.open(&error), qPrintable(error));
        const QDateTime t0 = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        const qint64 id = ledger.recordStart(
            entry(QStringLiteral("orders"), QStringLiteral("production"), QStringLiteral("promote"), t0), &error);
        QVERIFY2(id > 0, qPrintable(error));
        auto rows = ledger.entries();
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].outcome, QStringLiteral("pending"));
        QCOMPARE(rows[0].startedAt, t0);
        QVERIFY(ledger.recordOutcome(id, QStringLiteral("succeeded"), QStringLiteral("rolled out"), 4200, &error));
        rows = ledger.entries();
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].outcome, QStringLiteral("succeeded"));
        QCOMPARE(rows[0].rolloutMs, qint64(4200));
        QCOMPARE(rows[0].imageFrom, QStringLiteral("reg/orders:1.0"));
        QCOMPARE(rows[0].imageTo, QStringLiteral("reg/orders:1.1"));
        QCOMPARE(rows[0].commit, QStringLiteral("abc1234"));
        QCOMPARE(rows[0].actor, QStringLiteral("Alice <alice@example.com>"));
        QVERIFY(rows[0].finishedAt.isValid());
    }

    void survivesReopenAndQueries()
    {
        const QString file = m_dir.filePath(QStringLiteral("b/ledger.sqlite"));
        const QDateTime t0 = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        {
            DeployLedger ledger(file);
            QString error;
            QVERIFY(ledger.open(&error));
            for (int i = 0; i < 6; ++i) {
                const qint64 id = ledger.recordStart(
                    entry(i % 2 ? QStringLiteral("orders") : QStringLiteral("payments"),
                          i < 3 ? QStringLiteral("staging") : QStringLiteral("production"),
                          i == 5 ? QStringLiteral("rollback") : QStringLiteral("promote"), t0.addSecs(3600 * i)));
                QVERIFY(id > 0);
                QVERIFY(ledger.recordOutcome(id, i == 4 ? QStringLiteral("failed") : QStringLiteral("succeeded"),
                                             QString(), 1000 * i));
            }
        }
        DeployLedger ledger(file);
        QString error;
        QVERIFY(ledger.open(&error));
        QCOMPARE(ledger.entries().size(), size_t(6));
        LedgerQuery q;
        q.service = QStringLiteral("orders");
        auto rows = ledger.entries(q);
        QCOMPARE(rows.size(), size_t(3));
        QCOMPARE(rows[0].startedAt, t0.addSecs(3600 * 5)); // newest first
        q = LedgerQuery();
        q.environment = QStringLiteral("production");
        q.action = QStringLiteral("promote");
        QCOMPARE(ledger.entries(q).size(), size_t(2));
        q = LedgerQuery();
        q.since = t0.addSecs(3600 * 2);
        q.until = t0.addSecs(3600 * 4);
        QCOMPARE(ledger.entries(q).size(), size_t(2));
        q = LedgerQuery();
        q.limit = 1;
        rows = ledger.entries(q);
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].action, QStringLiteral("rollback"));
        q = LedgerQuery();
        q.workspace = QStringLiteral("/other/gantry.yaml");
        QCOMPARE(ledger.entries(q).size(), size_t(0));
    }

    void historyCannotBeRewritten()
    {
        const QString file = m_dir.filePath(QStringLiteral("c/ledger.sqlite"));
        {
            DeployLedger ledger(file);
            QString error;
            QVERIFY(ledger.open(&error));
            const qint64 id = ledger.recordStart(entry(QStringLiteral("orders"), QStringLiteral("staging"),
                                                       QStringLiteral("scale"), QDateTime::currentDateTimeUtc()));
            QVERIFY(ledger.recordOutcome(id, QStringLiteral("succeeded"), QString(), 10));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(!q.exec(QStringLiteral("UPDATE actions SET image_to = 'evil'")));
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM actions")));
            QVERIFY(!q.exec(QStringLiteral("UPDATE outcomes SET outcome = 'failed'")));
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM outcomes")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        DeployLedger ledger(file);
        QString error;
        QVERIFY(ledger.open(&error));
        QCOMPARE(ledger.entries().size(), size_t(1));
        QCOMPARE(ledger.entries()[0].outcome, QStringLiteral("succeeded"));
    }

    void unwritableLocationIsAnError()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("file"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        DeployLedger ledger(blocker + QStringLiteral("/sub/ledger.sqlite"));
        QString error;
        QVERIFY(!ledger.open(&error));
        QVERIFY2(error.contains(QStringLiteral("ledger.sqlite")), qPrintable(error));
    }

    void actorIsNeverEmpty() { QVERIFY(!DeployLedger::currentActor().isEmpty()); }
};

QTEST_GUILESS_MAIN(TestDeployLedger)
#include "tst_deployledger.moc"
