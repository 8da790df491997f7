#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <optional>

namespace Gantry::KubeSim {

// What happened to an object; the watch machinery and the controller both subscribe to it.
enum class ChangeType { Added, Modified, Deleted };

// One change, as kept in the bounded history that resumed watches replay.
struct Change
{
    ChangeType type = ChangeType::Added;
    QString resource;      // "deployments.apps", "pods", ... (see ResourceTypes)
    QJsonObject object;    // the object after the change (for Deleted: as it was, with a new resourceVersion)
    QJsonObject oldObject; // the object before the change (empty for Added)
    qint64 resourceVersion = 0;
};

// Why a store operation failed; the API layer turns this into a Status object.
enum class StoreError { None, NotFound, AlreadyExists, Conflict, Invalid };

struct StoreResult
{
    StoreError error = StoreError::None;
    QString message;    // e.g. deployments.apps "x" not found
    QJsonObject object; // the stored object on success
    bool ok() const { return error == StoreError::None; }
};

// How update() treats the incoming object.
enum class UpdateMode {
    Main,     // PUT on the object: spec and metadata from the caller, status kept from the store
    Status,   // PUT on /status: only status from the caller
    Complete, // spec, metadata and status in one write (the controller's "observedGeneration + status")
};

// The simulator's in-memory object store. Objects are QJsonObjects keyed by resource
// ("deployments.apps", "pods", "horizontalpodautoscalers.autoscaling": plural.group as in
// ResourceTypes), namespace ("" for cluster-scoped) and name. One global resourceVersion counter;
// create/update/remove stamp uid, creationTimestamp, resourceVersion, kind/apiVersion and bump
// metadata.generation on spec changes. Every change is emitted as changed() synchronously, in
// resourceVersion order, and kept in a bounded history for resuming watches.
// Not thread-safe: use it from the thread that owns it.
class Store final : public QObject
{
    Q_OBJECT
public:
    explicit Store(QObject *parent = nullptr);
    ~Store() override;

    // Creates the object (metadata.name or metadata.generateName required). namespace comes from
    // the argument and overrides metadata.namespace. Fails with AlreadyExists or Invalid.
    StoreResult create(const QString &resource, const QString &ns, QJsonObject object);
    // Replaces the stored object (matched by metadata.name). When object carries
    // metadata.resourceVersion and it differs from the stored one: Conflict. uid and
    // creationTimestamp are always kept. A write that changes nothing emits nothing.
    StoreResult update(const QString &resource, const QString &ns, QJsonObject object,
                       UpdateMode mode = UpdateMode::Complete);
    // Read-modify-write helper for the controller: calls edit on a copy and stores the result
    // (mode Complete). edit returns false to skip the write.
    StoreResult modify(const QString &resource, const QString &ns, const QString &name,
                       const std::function<bool(QJsonObject &)> &edit);
    // Deletes the object; objects whose ownerReferences point at its uid go too (background cascade).
    StoreResult remove(const QString &resource, const QString &ns, const QString &name);

    std::optional<QJsonObject> get(const QString &resource, const QString &ns, const QString &name) const;
    // All objects of a resource in ns ("" = every namespace), sorted by namespace then name.
    QList<QJsonObject> list(const QString &resource, const QString &ns = QString()) const;
    int count(const QString &resource, const QString &ns = QString()) const;
    bool namespaceExists(const QString &ns) const;

    // The latest resourceVersion handed out (a list's metadata.resourceVersion).
    qint64 resourceVersion() const { return m_resourceVersion; }
    // Changes of resource with resourceVersion > since, oldest first. Returns false when since is
    // older than the retained history (the caller answers 410 Expired).
    bool changesSince(qint64 since, const QString &resource, QList<Change> *out) const;
    // The oldest resourceVersion a watch may still resume from.
    qint64 oldestResumableVersion() const;
    // Forgets the history: every resume from an earlier version gets 410 (test hook).
    void compact();
    void setHistoryLimit(int changes);

    // RFC 3339 UTC timestamp with seconds, as the API writes them.
    static QString timestamp();

Q_SIGNALS:
    void changed(const Gantry::KubeSim::Change &change);

private:
    struct Bucket
    {
        QMap<QString, QJsonObject> objects; // name -> object, per namespace
    };
    using Namespaces = QHash<QString, Bucket>;

    void record(ChangeType type, const QString &resource, const QJsonObject &object, const QJsonObject &oldObject);
    void cascade(const QString &ns, const QString &uid);
    qint64 nextVersion();

    QHash<QString, Namespaces> m_objects; // resource -> namespace -> objects
    qint64 m_resourceVersion = 0;
    qint64 m_compactedAt = 0; // resume from a version below this -> Expired
    std::deque<Change> m_history;
    int m_historyLimit = 20000;
};

} // namespace Gantry::KubeSim

Q_DECLARE_METATYPE(Gantry::KubeSim::Change)
