#include "models/kube/deployledger.h"

#include "models/sources/gitpublisher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace Gantry::Kube {

Q_LOGGING_CATEGORY(lcDeployLedger, "gantry.kube.deployledger")

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Kube::DeployLedger", text);
}

QString toText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromText(const QString &s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}

} // namespace

DeployLedger::DeployLedger(const QString &path)
    : m_path(path.isEmpty() ? defaultPath() : path)
    , m_connection(QStringLiteral("gantry-ledger-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

DeployLedger::~DeployLedger()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString DeployLedger::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/deploy-ledger.sqlite");
}

QString DeployLedger::currentActor()
{
    // The same identity a golden-path commit is made with (libgit2 reads the user's Git config;
    // no git process is started on the caller's thread).
    const Sources::GitPublisher::Identity git = Sources::GitPublisher::identity();
    if (git.fromGitConfig) {
        return QStringLiteral("%1 <%2>").arg(git.name, git.email);
    }
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty()) {
        user = qEnvironmentVariable("LOGNAME");
    }
    if (user.isEmpty()) {
        user = qEnvironmentVariable("USERNAME");
    }
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

bool DeployLedger::isOpen() const
{
    return QSqlDatabase::database(m_connection, false).isOpen();
}

bool DeployLedger::open(QString *error)
{
    if (isOpen()) {
        return true;
    }
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        if (error) {
            *error = tr("%1: cannot create the folder for the deploy ledger").arg(m_path);
        }
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        if (error) {
            *error = tr("%1: cannot open the deploy ledger: %2").arg(m_path, db.lastError().text());
        }
        return false;
    }
    QSqlQuery q(db);
    const char *statements[] = {
        "PRAGMA journal_mode=WAL",
        "CREATE TABLE IF NOT EXISTS actions (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, "
        "actor TEXT NOT NULL, workspace TEXT NOT NULL, service TEXT NOT NULL, environment TEXT NOT NULL, "
        "action TEXT NOT NULL, image_from TEXT, image_to TEXT, git_commit TEXT, detail TEXT)",
        "CREATE TABLE IF NOT EXISTS outcomes (id INTEGER PRIMARY KEY AUTOINCREMENT, action_id INTEGER NOT NULL "
        "REFERENCES actions(id), finished_at TEXT NOT NULL, outcome TEXT NOT NULL, message TEXT, rollout_ms INTEGER)",
        "CREATE INDEX IF NOT EXISTS actions_service ON actions(workspace, service, environment, started_at)",
        "CREATE INDEX IF NOT EXISTS outcomes_action ON outcomes(action_id)",
        // Append-only: the database itself refuses to change or drop history.
        "CREATE TRIGGER IF NOT EXISTS actions_no_update BEFORE UPDATE ON actions BEGIN SELECT RAISE(ABORT, "
        "'the deploy ledger is append-only'); END",
        "CREATE TRIGGER IF NOT EXISTS actions_no_delete BEFORE DELETE ON actions BEGIN SELECT RAISE(ABORT, "
        "'the deploy ledger is append-only'); END",
        "CREATE TRIGGER IF NOT EXISTS outcomes_no_update BEFORE UPDATE ON outcomes BEGIN SELECT RAISE(ABORT, "
        "'the deploy ledger is append-only'); END",
        "CREATE TRIGGER IF NOT EXISTS outcomes_no_delete BEFORE DELETE ON outcomes BEGIN SELECT RAISE(ABORT, "
        "'the deploy ledger is append-only'); END",
    };
    for (const char *statement : statements) {
        if (!q.exec(QString::fromLatin1(statement))) {
            if (error) {
                *error = tr("%1: cannot set up the deploy ledger: %2").arg(m_path, q.lastError().text());
            }
            db.close();
            return false;
        }
    }
    return true;
}

qint64 DeployLedger::recordStart(const LedgerEntry &entry, QString *error)
{
    if (!isOpen() && !open(error)) {
        return 0;
    }
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO actions (started_at, actor, workspace, service, environment, action, "
                             "image_from, image_to, git_commit, detail) VALUES (?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(toText(entry.startedAt.isValid() ? entry.startedAt : QDateTime::currentDateTimeUtc()));
    q.addBindValue(entry.actor.isEmpty() ? currentActor() : entry.actor);
    q.addBindValue(entry.workspace);
    q.addBindValue(entry.service);
    q.addBindValue(entry.environment);
    q.addBindValue(entry.action);
    q.addBindValue(entry.imageFrom);
    q.addBindValue(entry.imageTo);
    q.addBindValue(entry.commit);
    q.addBindValue(entry.detail);
    if (!q.exec()) {
        if (error) {
            *error = tr("%1: cannot write to the deploy ledger: %2").arg(m_path, q.lastError().text());
        }
        qCWarning(lcDeployLedger) << "insert failed:" << q.lastError().text();
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

bool DeployLedger::recordOutcome(qint64 id, const QString &outcome, const QString &message, qint64 rolloutMs,
                                 QString *error)
{
    if (!isOpen() && !open(error)) {
        return false;
    }
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "INSERT INTO outcomes (action_id, finished_at, outcome, message, rollout_ms) VALUES (?,?,?,?,?)"));
    q.addBindValue(id);
    q.addBindValue(toText(QDateTime::currentDateTimeUtc()));
    q.addBindValue(outcome);
    q.addBindValue(message);
    q.addBindValue(rolloutMs);
    if (!q.exec()) {
        if (error) {
            *error = tr("%1: cannot write to the deploy ledger: %2").arg(m_path, q.lastError().text());
        }
        return false;
    }
    return true;
}

std::vector<LedgerEntry> DeployLedger::entries(const LedgerQuery &query) const
{
    std::vector<LedgerEntry> result;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen()) {
        return result;
    }
    QString sql = QStringLiteral(
        "SELECT a.id, a.started_at, a.actor, a.workspace, a.service, a.environment, a.action, a.image_from, "
        "a.image_to, a.git_commit, a.detail, o.outcome, o.message, o.rollout_ms, o.finished_at FROM actions a "
        "LEFT JOIN outcomes o ON o.id = (SELECT MAX(id) FROM outcomes WHERE action_id = a.id) WHERE 1=1");
    QVariantList binds;
    auto where = [&](const QString &clause, const QVariant &value) {
        sql += QStringLiteral(" AND ") + clause;
        binds << value;
    };
    if (!query.workspace.isEmpty()) {
        where(QStringLiteral("a.workspace = ?"), query.workspace);
    }
    if (!query.service.isEmpty()) {
        where(QStringLiteral("a.service = ?"), query.service);
    }
    if (!query.environment.isEmpty()) {
        where(QStringLiteral("a.environment = ?"), query.environment);
    }
    if (!query.action.isEmpty()) {
        where(QStringLiteral("a.action = ?"), query.action);
    }
    if (query.since.isValid()) {
        where(QStringLiteral("a.started_at >= ?"), toText(query.since));
    }
    if (query.until.isValid()) {
        where(QStringLiteral("a.started_at < ?"), toText(query.until));
    }
    sql += QStringLiteral(" ORDER BY a.started_at DESC, a.id DESC");
    if (query.limit > 0) {
        sql += QStringLiteral(" LIMIT %1").arg(query.limit);
    }
    QSqlQuery q(db);
    q.prepare(sql);
    for (const auto &b : binds) {
        q.addBindValue(b);
    }
    if (!q.exec()) {
        qCWarning(lcDeployLedger) << "query failed:" << q.lastError().text();
        return result;
    }
    while (q.next()) {
        LedgerEntry e;
        e.id = q.value(0).toLongLong();
        e.startedAt = fromText(q.value(1).toString());
        e.actor = q.value(2).toString();
        e.workspace = q.value(3).toString();
        e.service = q.value(4).toString();
        e.environment = q.value(5).toString();
        e.action = q.value(6).toString();
        e.imageFrom = q.value(7).toString();
        e.imageTo = q.value(8).toString();
        e.commit = q.value(9).toString();
        e.detail = q.value(10).toString();
        if (!q.value(11).isNull()) {
            e.outcome = q.value(11).toString();
            e.message = q.value(12).toString();
            e.rolloutMs = q.value(13).isNull() ? -1 : q.value(13).toLongLong();
            e.finishedAt = fromText(q.value(14).toString());
        }
        result.push_back(e);
    }
    return result;
}

} // namespace Gantry::Kube
