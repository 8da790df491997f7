#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <vector>

namespace Gantry::Kube {

// One action Gantry performed on a cluster, with its outcome once known.
struct LedgerEntry
{
    qint64 id = 0;
    QDateTime startedAt; // UTC
    QString actor;       // Git identity "Name <email>" when known, else the OS user
    QString workspace;   // the workspace's gantry.yaml path
    QString service;
    QString environment;
    QString action;    // "promote", "rollback", "restart", "scale"
    QString imageFrom; // before
    QString imageTo;   // after (for scale/restart: the unchanged image)
    QString commit;    // source commit if known
    QString detail;    // e.g. "replicas 3 → 5", "revision 4 → 5", the change-cause
    // Outcome (filled by an outcome row; "pending" until then): "succeeded", "failed", "timed-out".
    QString outcome = QStringLiteral("pending");
    QString message;
    qint64 rolloutMs = -1; // how long the rollout took (-1: not waited for / unknown)
    QDateTime finishedAt;
};

struct LedgerQuery
{
    QString workspace; // empty: all
    QString service;
    QString environment;
    QString action;
    QDateTime since; // inclusive, UTC; invalid: no bound
    QDateTime until; // exclusive
    int limit = 0;   // 0: all; newest first
};

// The append-only deploy ledger: SQLite (Qt Sql) in QStandardPaths::AppDataLocation
// ("deploy-ledger.sqlite", one file per user, a workspace column). Rows are only ever inserted:
// an action row when it starts, an outcome row when it ends; reading joins them.
// Not thread-safe; one instance per thread (each opens its own connection).
class DeployLedger final
{
public:
    // path empty: defaultPath().
    explicit DeployLedger(const QString &path = QString());
    ~DeployLedger();
    DeployLedger(const DeployLedger &) = delete;
    DeployLedger &operator=(const DeployLedger &) = delete;

    static QString defaultPath();
    // "Name <email>" from git config (user.name/user.email) when set, else the OS login name.
    static QString currentActor();

    bool open(QString *error);
    bool isOpen() const;
    QString path() const { return m_path; }

    // Appends the start of an action; returns its id (0 on failure, *error set).
    qint64 recordStart(const LedgerEntry &entry, QString *error = nullptr);
    // Appends the outcome of action `id`.
    bool recordOutcome(qint64 id, const QString &outcome, const QString &message, qint64 rolloutMs,
                       QString *error = nullptr);

    std::vector<LedgerEntry> entries(const LedgerQuery &query = LedgerQuery()) const;

private:
    QString m_path;
    QString m_connection;
};

} // namespace Gantry::Kube
