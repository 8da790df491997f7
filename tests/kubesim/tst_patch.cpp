// The PATCH flavours kubectl sends (reference §1.8): set image, rollout undo, scale, pause/resume.
#include "app/kubesim/patch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Gantry::KubeSim;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QJsonArray jsonArray(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).array();
}

const char *deployment = R"({"metadata":{"name":"x","annotations":{"a":"1","b":"2"}},
  "spec":{"paused":true,"replicas":2,"template":{"spec":{"containers":[
    {"name":"app","image":"img:1","ports":[{"containerPort":8080}]},
    {"name":"sidecar","image":"side:1"}]}}}})";

} // namespace

class TstPatch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void strategicSetImageMergesContainersByName();
    void strategicNullDeletesAndDirectives();
    void mergePatchReplacesLists();
    void jsonPatchUndo();
    void jsonPatchFailures();
};

void TstPatch::strategicSetImageMergesContainersByName()
{
    // Exactly what `kubectl set image deployment/x app=img:2` sends.
    const QJsonObject patched = Patch::strategicMerge(
        json(deployment),
        json(R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"sidecar"}],
                                  "containers":[{"image":"img:2","name":"app"}]}}}})"));
    const QJsonArray containers = patched[QStringLiteral("spec")][QStringLiteral("template")][QStringLiteral("spec")]
                                         [QStringLiteral("containers")]
                                             .toArray();
    QCOMPARE(containers.size(), 2);
    QCOMPARE(containers[0][QStringLiteral("image")].toString(), QStringLiteral("img:2"));
    QCOMPARE(containers[0][QStringLiteral("ports")][0][QStringLiteral("containerPort")].toInt(), 8080);
    QCOMPARE(containers[1][QStringLiteral("image")].toString(), QStringLiteral("side:1"));
    QVERIFY(!patched[QStringLiteral("spec")][QStringLiteral("template")][QStringLiteral("spec")].toObject().contains(
        QStringLiteral("$setElementOrder/containers")));
    // A new name is appended.
    const QJsonObject added = Patch::strategicMerge(
        json(deployment), json(R"({"spec":{"template":{"spec":{"containers":[{"name":"proxy","image":"p:1"}]}}}})"));
    QCOMPARE(
        added[QStringLiteral("spec")][QStringLiteral("template")][QStringLiteral("spec")][QStringLiteral("containers")]
            .toArray()
            .size(),
        3);
}

void TstPatch::strategicNullDeletesAndDirectives()
{
    // `kubectl rollout resume` sends {"spec":{"paused":null}}.
    QJsonObject patched = Patch::strategicMerge(json(deployment), json(R"({"spec":{"paused":null}})"));
    QVERIFY(!patched[QStringLiteral("spec")].toObject().contains(QStringLiteral("paused")));
    QCOMPARE(patched[QStringLiteral("spec")][QStringLiteral("replicas")].toInt(), 2);
    patched = Patch::strategicMerge(
        json(deployment),
        json(R"({"spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}})"));
    QCOMPARE(patched[QStringLiteral("spec")][QStringLiteral("template")][QStringLiteral("spec")]
                    [QStringLiteral("containers")]
                        .toArray()
                        .size(),
             1);
    patched =
        Patch::strategicMerge(json(deployment), json(R"({"metadata":{"annotations":{"$patch":"replace","c":"3"}}})"));
    QCOMPARE(patched[QStringLiteral("metadata")][QStringLiteral("annotations")].toObject(), json(R"({"c":"3"})"));
}

void TstPatch::mergePatchReplacesLists()
{
    // `kubectl scale` sends a merge patch to the scale subresource.
    QJsonObject patched = Patch::merge(json(deployment), json(R"({"spec":{"replicas":4}})"));
    QCOMPARE(patched[QStringLiteral("spec")][QStringLiteral("replicas")].toInt(), 4);
    QVERIFY(patched[QStringLiteral("spec")][QStringLiteral("paused")].toBool());
    patched = Patch::merge(json(deployment),
                           json(R"({"spec":{"template":{"spec":{"containers":[{"name":"only","image":"o:1"}]}}},
                                                    "metadata":{"annotations":{"a":null}}})"));
    QCOMPARE(patched[QStringLiteral("spec")][QStringLiteral("template")][QStringLiteral("spec")]
                    [QStringLiteral("containers")]
                        .toArray()
                        .size(),
             1);
    QCOMPARE(patched[QStringLiteral("metadata")][QStringLiteral("annotations")].toObject(), json(R"({"b":"2"})"));
}

void TstPatch::jsonPatchUndo()
{
    // `kubectl rollout undo` replaces the template and the annotations.
    QJsonObject target = json(deployment);
    QString error;
    QVERIFY2(Patch::json(&target, jsonArray(R"([
        {"op":"replace","path":"/spec/template","value":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"app","image":"img:0"}]}}},
        {"op":"replace","path":"/metadata/annotations","value":{"kubernetes.io/change-cause":"v0"}},
        {"op":"test","path":"/spec/replicas","value":2},
        {"op":"add","path":"/spec/template/spec/containers/-","value":{"name":"new","image":"n:1"}},
        {"op":"add","path":"/metadata/labels","value":{"a~b/c":"1"}},
        {"op":"remove","path":"/metadata/labels/a~0b~1c"},
        {"op":"copy","from":"/spec/replicas","path":"/spec/minReadySeconds"},
        {"op":"move","from":"/spec/paused","path":"/spec/wasPaused"}])"),
                         &error),
             qPrintable(error));
    QCOMPARE(target[QStringLiteral("spec")][QStringLiteral("template")][QStringLiteral("spec")]
                   [QStringLiteral("containers")][0][QStringLiteral("image")]
                       .toString(),
             QStringLiteral("img:0"));
    QCOMPARE(target[QStringLiteral("spec")][QStringLiteral("template")][QStringLiteral("spec")]
                   [QStringLiteral("containers")][1][QStringLiteral("name")]
                       .toString(),
             QStringLiteral("new"));
    QCOMPARE(target[QStringLiteral("metadata")][QStringLiteral("annotations")].toObject(),
             json(R"({"kubernetes.io/change-cause":"v0"})"));
    QCOMPARE(target[QStringLiteral("metadata")][QStringLiteral("labels")].toObject(), QJsonObject());
    QCOMPARE(target[QStringLiteral("spec")][QStringLiteral("minReadySeconds")].toInt(), 2);
    QVERIFY(!target[QStringLiteral("spec")].toObject().contains(QStringLiteral("paused")));
    QVERIFY(target[QStringLiteral("spec")][QStringLiteral("wasPaused")].toBool());
}

void TstPatch::jsonPatchFailures()
{
    QString error;
    QJsonObject target = json(deployment);
    QVERIFY(!Patch::json(&target, jsonArray(R"([{"op":"test","path":"/spec/replicas","value":3}])"), &error));
    QVERIFY(error.contains(QStringLiteral("/spec/replicas")));
    QVERIFY(!Patch::json(&target, jsonArray(R"([{"op":"remove","path":"/spec/nosuch"}])"), &error));
    QVERIFY(!Patch::json(
        &target, jsonArray(R"([{"op":"replace","path":"/spec/template/spec/containers/7","value":{}}])"), &error));
    QVERIFY(!Patch::json(&target, jsonArray(R"([{"op":"frobnicate","path":"/spec"}])"), &error));
    QVERIFY(!Patch::json(&target, jsonArray(R"([{"op":"add","path":"spec","value":1}])"), &error));
}

QTEST_GUILESS_MAIN(TstPatch)
#include "tst_patch.moc"
