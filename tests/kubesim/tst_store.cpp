// The simulator's object store: what every API answer and the controller build on.
#include "app/kubesim/store.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Gantry::KubeSim;

namespace {

QJsonObject deployment(const QString &name, const QString &image)
{
    return QJsonObject{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("selector"),
                      QJsonObject{{QStringLiteral("matchLabels"), QJsonObject{{QStringLiteral("app"), name}}}}},
                     {QStringLiteral("template"),
                      QJsonObject{{QStringLiteral("spec"),
                                   QJsonObject{{QStringLiteral("containers"),
                                                QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                                                       {QStringLiteral("image"), image}}}}}}}}}}};
}

QJsonObject meta(const QJsonObject &object)
{
    return object.value(QStringLiteral("metadata")).toObject();
}

QJsonObject ownedBy(const QString &name, const QString &uid)
{
    return QJsonObject{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("ownerReferences"),
                      QJsonArray{QJsonObject{{QStringLiteral("uid"), uid}, {QStringLiteral("controller"), true}}}}}}};
}

const QString kDeployments = QStringLiteral("deployments.apps");

} // namespace

class TstStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createStampsMetadataAndDefaults();
    void createRejectsDuplicatesAndMissingNames();
    void generationBumpsOnSpecChangesOnly();
    void updateModesKeepTheRightParts();
    void staleResourceVersionConflicts();
    void noOpWriteEmitsNothing();
    void removeCascadesToOwnedObjects();
    void listIsSortedAndFiltered();
    void historyResumesAndExpires();
    void modifyIsReadModifyWrite();
};

void TstStore::createStampsMetadataAndDefaults()
{
    Store store;
    QSignalSpy spy(&store, &Store::changed);
    const StoreResult result =
        store.create(kDeployments, QStringLiteral("shop"), deployment(QStringLiteral("web"), QStringLiteral("img:1")));
    QVERIFY(result.ok());
    const QJsonObject m = meta(result.object);
    QCOMPARE(m.value(QStringLiteral("namespace")).toString(), QStringLiteral("shop"));
    QCOMPARE(m.value(QStringLiteral("generation")).toInt(), 1);
    QCOMPARE(m.value(QStringLiteral("resourceVersion")).toString(), QString::number(store.resourceVersion()));
    QCOMPARE(m.value(QStringLiteral("uid")).toString().size(), 36);
    QVERIFY(m.value(QStringLiteral("creationTimestamp")).toString().endsWith(QLatin1Char('Z')));
    QCOMPARE(result.object.value(QStringLiteral("kind")).toString(), QStringLiteral("Deployment"));
    QCOMPARE(result.object.value(QStringLiteral("apiVersion")).toString(), QStringLiteral("apps/v1"));
    const QJsonObject spec = result.object.value(QStringLiteral("spec")).toObject();
    QCOMPARE(spec.value(QStringLiteral("replicas")).toInt(), 1);
    QCOMPARE(spec.value(QStringLiteral("progressDeadlineSeconds")).toInt(), 600);
    QCOMPARE(spec.value(QStringLiteral("revisionHistoryLimit")).toInt(), 10);
    QCOMPARE(spec[QStringLiteral("strategy")][QStringLiteral("rollingUpdate")][QStringLiteral("maxSurge")].toString(),
             QStringLiteral("25%"));
    QCOMPARE(spy.count(), 1);
    const Change change = spy.at(0).at(0).value<Change>();
    QCOMPARE(change.type, ChangeType::Added);
    QCOMPARE(change.resource, kDeployments);

    const StoreResult pod =
        store.create(QStringLiteral("pods"), QStringLiteral("shop"),
                     QJsonObject{{QStringLiteral("metadata"),
                                  QJsonObject{{QStringLiteral("generateName"), QStringLiteral("web-")}}}});
    QVERIFY(pod.ok());
    QVERIFY(meta(pod.object).value(QStringLiteral("name")).toString().startsWith(QStringLiteral("web-")));
    QCOMPARE(meta(pod.object).value(QStringLiteral("name")).toString().size(), 9);
    QCOMPARE(pod.object[QStringLiteral("status")][QStringLiteral("phase")].toString(), QStringLiteral("Pending"));
}

void TstStore::createRejectsDuplicatesAndMissingNames()
{
    Store store;
    QVERIFY(
        store.create(kDeployments, QStringLiteral("a"), deployment(QStringLiteral("web"), QStringLiteral("i"))).ok());
    const StoreResult again =
        store.create(kDeployments, QStringLiteral("a"), deployment(QStringLiteral("web"), QStringLiteral("i")));
    QCOMPARE(again.error, StoreError::AlreadyExists);
    QCOMPARE(again.message, QStringLiteral("deployments.apps \"web\" already exists"));
    // Same name in another namespace is a different object.
    QVERIFY(
        store.create(kDeployments, QStringLiteral("b"), deployment(QStringLiteral("web"), QStringLiteral("i"))).ok());
    QCOMPARE(store.create(kDeployments, QStringLiteral("a"), QJsonObject()).error, StoreError::Invalid);
}

void TstStore::generationBumpsOnSpecChangesOnly()
{
    Store store;
    QJsonObject object =
        store.create(kDeployments, QStringLiteral("s"), deployment(QStringLiteral("web"), QStringLiteral("img:1")))
            .object;
    // A status write keeps the generation.
    QJsonObject withStatus = object;
    withStatus.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("replicas"), 1}});
    object = store.update(kDeployments, QStringLiteral("s"), withStatus, UpdateMode::Status).object;
    QCOMPARE(meta(object).value(QStringLiteral("generation")).toInt(), 1);
    // A label change keeps it too.
    QJsonObject labelled = object;
    QJsonObject m = meta(labelled);
    m.insert(QStringLiteral("labels"), QJsonObject{{QStringLiteral("tier"), QStringLiteral("web")}});
    labelled.insert(QStringLiteral("metadata"), m);
    object = store.update(kDeployments, QStringLiteral("s"), labelled, UpdateMode::Main).object;
    QCOMPARE(meta(object).value(QStringLiteral("generation")).toInt(), 1);
    // A spec change bumps it.
    QJsonObject changed = deployment(QStringLiteral("web"), QStringLiteral("img:2"));
    object = store.update(kDeployments, QStringLiteral("s"), changed, UpdateMode::Main).object;
    QCOMPARE(meta(object).value(QStringLiteral("generation")).toInt(), 2);
    QCOMPARE(object[QStringLiteral("status")][QStringLiteral("replicas")].toInt(), 1);
}

void TstStore::updateModesKeepTheRightParts()
{
    Store store;
    const QJsonObject created =
        store.create(kDeployments, QStringLiteral("s"), deployment(QStringLiteral("web"), QStringLiteral("img:1")))
            .object;
    // Complete: spec and status in one write, one change, one resourceVersion.
    QSignalSpy spy(&store, &Store::changed);
    QJsonObject both = deployment(QStringLiteral("web"), QStringLiteral("img:2"));
    both.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("observedGeneration"), 2}});
    const QJsonObject stored = store.update(kDeployments, QStringLiteral("s"), both, UpdateMode::Complete).object;
    QCOMPARE(spy.count(), 1);
    QCOMPARE(stored[QStringLiteral("status")][QStringLiteral("observedGeneration")].toInt(), 2);
    QCOMPARE(meta(stored).value(QStringLiteral("generation")).toInt(), 2);
    QCOMPARE(meta(stored).value(QStringLiteral("uid")), meta(created).value(QStringLiteral("uid")));
    // Status: the spec in the request is ignored.
    QJsonObject statusOnly = deployment(QStringLiteral("web"), QStringLiteral("img:3"));
    statusOnly.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("replicas"), 5}});
    const QJsonObject afterStatus =
        store.update(kDeployments, QStringLiteral("s"), statusOnly, UpdateMode::Status).object;
    QCOMPARE(afterStatus[QStringLiteral("spec")][QStringLiteral("template")][QStringLiteral("spec")]
                        [QStringLiteral("containers")][0][QStringLiteral("image")]
                            .toString(),
             QStringLiteral("img:2"));
    QCOMPARE(afterStatus[QStringLiteral("status")][QStringLiteral("replicas")].toInt(), 5);
    // Main: the status in the request is ignored.
    QJsonObject mainOnly = deployment(QStringLiteral("web"), QStringLiteral("img:3"));
    mainOnly.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("replicas"), 99}});
    const QJsonObject afterMain = store.update(kDeployments, QStringLiteral("s"), mainOnly, UpdateMode::Main).object;
    QCOMPARE(afterMain[QStringLiteral("status")][QStringLiteral("replicas")].toInt(), 5);
    QCOMPARE(store.update(kDeployments, QStringLiteral("s"), deployment(QStringLiteral("nosuch"), QStringLiteral("i")))
                 .error,
             StoreError::NotFound);
}

void TstStore::staleResourceVersionConflicts()
{
    Store store;
    const QJsonObject created =
        store.create(kDeployments, QStringLiteral("s"), deployment(QStringLiteral("web"), QStringLiteral("img:1")))
            .object;
    QVERIFY(store.update(kDeployments, QStringLiteral("s"), deployment(QStringLiteral("web"), QStringLiteral("img:2")))
                .ok());
    QJsonObject stale = created; // still carries the first resourceVersion
    const StoreResult result = store.update(kDeployments, QStringLiteral("s"), stale, UpdateMode::Main);
    QCOMPARE(result.error, StoreError::Conflict);
    QVERIFY(result.message.contains(QStringLiteral("the object has been modified")));
}

void TstStore::noOpWriteEmitsNothing()
{
    Store store;
    const QJsonObject created =
        store.create(kDeployments, QStringLiteral("s"), deployment(QStringLiteral("web"), QStringLiteral("img:1")))
            .object;
    const qint64 version = store.resourceVersion();
    QSignalSpy spy(&store, &Store::changed);
    QVERIFY(store.update(kDeployments, QStringLiteral("s"), created).ok());
    QCOMPARE(spy.count(), 0);
    QCOMPARE(store.resourceVersion(), version);
}

void TstStore::removeCascadesToOwnedObjects()
{
    Store store;
    store.create(QStringLiteral("namespaces"), QString(),
                 QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("s")}}}});
    const QString uid =
        meta(store.create(kDeployments, QStringLiteral("s"), deployment(QStringLiteral("web"), QStringLiteral("i")))
                 .object)
            .value(QStringLiteral("uid"))
            .toString();
    const QString rsUid =
        meta(
            store.create(QStringLiteral("replicasets.apps"), QStringLiteral("s"), ownedBy(QStringLiteral("web-1"), uid))
                .object)
            .value(QStringLiteral("uid"))
            .toString();
    QVERIFY(store.create(QStringLiteral("pods"), QStringLiteral("s"), ownedBy(QStringLiteral("web-1-a"), rsUid)).ok());
    QVERIFY(
        store.create(QStringLiteral("pods"), QStringLiteral("s"), ownedBy(QStringLiteral("other"), QStringLiteral("x")))
            .ok());
    QSignalSpy spy(&store, &Store::changed);
    QVERIFY(store.remove(kDeployments, QStringLiteral("s"), QStringLiteral("web")).ok());
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(0).at(0).value<Change>().type, ChangeType::Deleted);
    QCOMPARE(store.count(QStringLiteral("replicasets.apps")), 0);
    QCOMPARE(store.count(QStringLiteral("pods"), QStringLiteral("s")), 1);
    QCOMPARE(store.remove(kDeployments, QStringLiteral("s"), QStringLiteral("web")).error, StoreError::NotFound);
    // Deleting the namespace takes what is in it.
    QVERIFY(store.remove(QStringLiteral("namespaces"), QString(), QStringLiteral("s")).ok());
    QCOMPARE(store.count(QStringLiteral("pods")), 0);
    QVERIFY(!store.namespaceExists(QStringLiteral("s")));
}

void TstStore::listIsSortedAndFiltered()
{
    Store store;
    for (const char *ns : {"b", "a"}) {
        for (const char *name : {"zeta", "alpha", "mid"}) {
            store.create(kDeployments, QString::fromLatin1(ns),
                         deployment(QString::fromLatin1(name), QStringLiteral("i")));
        }
    }
    const QList<QJsonObject> all = store.list(kDeployments);
    QCOMPARE(all.size(), 6);
    QStringList keys;
    for (const QJsonObject &object : all) {
        keys.append(meta(object).value(QStringLiteral("namespace")).toString() + QLatin1Char('/') +
                    meta(object).value(QStringLiteral("name")).toString());
    }
    QCOMPARE(keys, (QStringList{QStringLiteral("a/alpha"), QStringLiteral("a/mid"), QStringLiteral("a/zeta"),
                                QStringLiteral("b/alpha"), QStringLiteral("b/mid"), QStringLiteral("b/zeta")}));
    QCOMPARE(store.list(kDeployments, QStringLiteral("b")).size(), 3);
    QCOMPARE(store.list(kDeployments, QStringLiteral("nosuch")).size(), 0);
    QVERIFY(store.get(kDeployments, QStringLiteral("a"), QStringLiteral("mid")).has_value());
    QVERIFY(!store.get(kDeployments, QStringLiteral("c"), QStringLiteral("mid")).has_value());
}

void TstStore::historyResumesAndExpires()
{
    Store store;
    store.setHistoryLimit(3);
    store.create(kDeployments, QStringLiteral("s"), deployment(QStringLiteral("a"), QStringLiteral("i")));
    const qint64 afterFirst = store.resourceVersion();
    store.create(QStringLiteral("pods"), QStringLiteral("s"), deployment(QStringLiteral("p"), QStringLiteral("i")));
    store.create(kDeployments, QStringLiteral("s"), deployment(QStringLiteral("b"), QStringLiteral("i")));
    QList<Change> changes;
    QVERIFY(store.changesSince(afterFirst, kDeployments, &changes));
    QCOMPARE(changes.size(), 1);
    QCOMPARE(meta(changes.at(0).object).value(QStringLiteral("name")).toString(), QStringLiteral("b"));
    // Two more changes push the first ones out of the bounded history.
    store.create(kDeployments, QStringLiteral("s"), deployment(QStringLiteral("c"), QStringLiteral("i")));
    store.create(kDeployments, QStringLiteral("s"), deployment(QStringLiteral("d"), QStringLiteral("i")));
    changes.clear();
    QVERIFY(!store.changesSince(afterFirst, kDeployments, &changes));
    QVERIFY(store.changesSince(store.resourceVersion() - 2, kDeployments, &changes));
    QCOMPARE(changes.size(), 2);
    store.compact();
    QVERIFY(!store.changesSince(store.resourceVersion() - 1, kDeployments, &changes));
    QVERIFY(store.changesSince(store.resourceVersion(), kDeployments, &changes));
}

void TstStore::modifyIsReadModifyWrite()
{
    Store store;
    store.create(kDeployments, QStringLiteral("s"), deployment(QStringLiteral("web"), QStringLiteral("i")));
    const StoreResult result =
        store.modify(kDeployments, QStringLiteral("s"), QStringLiteral("web"), [](QJsonObject &object) {
            QJsonObject status;
            status.insert(QStringLiteral("observedGeneration"), 1);
            object.insert(QStringLiteral("status"), status);
            return true;
        });
    QVERIFY(result.ok());
    QCOMPARE(result.object[QStringLiteral("status")][QStringLiteral("observedGeneration")].toInt(), 1);
    QSignalSpy spy(&store, &Store::changed);
    QVERIFY(store.modify(kDeployments, QStringLiteral("s"), QStringLiteral("web"), [](QJsonObject &) { return false; })
                .ok());
    QCOMPARE(spy.count(), 0);
    QCOMPARE(
        store.modify(kDeployments, QStringLiteral("s"), QStringLiteral("nosuch"), [](QJsonObject &) { return true; })
            .error,
        StoreError::NotFound);
}

QTEST_GUILESS_MAIN(TstStore)
#include "tst_store.moc"
