// The scaffolder end to end against local Git repositories: every built-in golden path renders
// files that pass our checks (catalog validator, YAML, promtool); publishing is all or nothing;
// a failure after the push can be resumed; hostile values are refused or stay inert.
#include "models/catalog/entity.h"
#include "models/catalog/validator.h"
#include "models/catalog/yamltree.h"
#include "models/scaffold/filecheck.h"
#include "models/scaffold/scaffolder.h"
#include "models/scaffold/templateloader.h"
#include "models/sources/gitrepository.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "catalogtestutil.h"

using namespace Gantry::Scaffold;
using Gantry::Catalog::YamlNode;
using Gantry::Catalog::YamlTree;

namespace {

QString fileUrl(const QString &path)
{
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded);
}

const QByteArray kRootLocation = R"(apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: root
spec:
  targets:
    - ./org.yaml
)";

// A Git host in a temporary folder: git/catalog.git holding a root Location.
struct Host
{
    QTemporaryDir dir;
    Gantry::Workspace::Workspace workspace;

    bool init()
    {
        const QString bare = dir.filePath(QStringLiteral("git/catalog.git"));
        QString error;
        if (!Gantry::Sources::GitRepository::initBare(bare, &error)) {
            qWarning() << error;
            return false;
        }
        QTemporaryDir work;
        QFile f(work.filePath(QStringLiteral("catalog-info.yaml")));
        if (!f.open(QIODevice::WriteOnly)) {
            return false;
        }
        f.write(kRootLocation);
        f.close();
        if (!Gantry::Sources::GitRepository::commitAllAndPush(work.path(), fileUrl(bare), QStringLiteral("main"),
                                                              QStringLiteral("catalog"), QStringLiteral("Test"),
                                                              QStringLiteral("test@example.invalid"), &error)) {
            qWarning() << error;
            return false;
        }
        workspace.filePath = dir.filePath(QStringLiteral("gantry.yaml"));
        workspace.name = QStringLiteral("Test");
        Gantry::Workspace::CatalogLocation location;
        location.url = fileUrl(bare);
        location.branch = QStringLiteral("main");
        location.path = QStringLiteral("catalog-info.yaml");
        workspace.locations.push_back(location);
        workspace.gitRemotePattern = fileUrl(dir.filePath(QStringLiteral("git"))) + QStringLiteral("/{name}.git");
        workspace.environments.push_back({QStringLiteral("staging"), QStringLiteral("ctx"), QStringLiteral("staging")});
        workspace.kubeconfig = dir.filePath(QStringLiteral("kubeconfig")); // read by the real deployer only
        return true;
    }
    QString repoPath(const QString &name) const { return dir.filePath(QStringLiteral("git/%1.git").arg(name)); }

    // The files of `branch` in a bare repository, through a fresh clone.
    QByteArray readFile(const QString &repo, const QString &path)
    {
        QTemporaryDir clone;
        const auto r = Gantry::Sources::GitRepository::sync(fileUrl(repo), QStringLiteral("main"),
                                                            clone.filePath(QStringLiteral("c")), false);
        if (!r.ok) {
            qWarning() << r.error;
            return {};
        }
        QFile f(clone.filePath(QStringLiteral("c/") + path));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};

class RecordingDeployer final : public StagingDeployer
{
public:
    Result apply(const Gantry::Workspace::Workspace &, const Gantry::Workspace::Environment &environment,
                 const QByteArray &manifests, const std::atomic_bool *) override
    {
        ++calls;
        applied = manifests;
        environmentName = environment.name;
        Result r;
        r.ok = !fail;
        r.error = fail ? QStringLiteral("the cluster is unreachable") : QString();
        r.summary = QStringLiteral("applied");
        return r;
    }
    bool fail = false;
    int calls = 0;
    QByteArray applied;
    QString environmentName;
};

QJsonObject sampleValues(const QString &name = QStringLiteral("parcel-tracker"))
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), QStringLiteral("Tracks parcels: \"fast\" & {{ name }} ${{ parameters.x }}")},
        {QStringLiteral("owner"), QStringLiteral("group:default/team-a")},
        {QStringLiteral("system"), QStringLiteral("system:default/shop")},
        {QStringLiteral("dependsOn"),
         QJsonArray{QStringLiteral("resource:default/orders-db"), QStringLiteral("component:default/checkout")}}};
}

Gantry::Catalog::CatalogPtr sampleCatalog()
{
    return Gantry::Tests::catalogFromYaml(Gantry::Tests::sampleCatalogYaml());
}

std::shared_ptr<YamlTree> parseYaml(const QByteArray &bytes, const QString &path)
{
    std::vector<Gantry::Catalog::Problem> problems;
    auto tree = YamlTree::parse(bytes, path, &problems);
    return problems.empty() ? tree : nullptr;
}

} // namespace

class TestScaffolder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<StepReport>(); }

    void builtInTemplatesRender_data()
    {
        QTest::addColumn<QString>("name");
        for (const TemplatePtr &t : TemplateLoader::builtIn()) {
            QTest::newRow(qPrintable(t->name)) << t->name;
        }
    }

    void builtInTemplatesRender()
    {
        QFETCH(QString, name);
        const TemplatePtr t = TemplateLoader::find(TemplateLoader::builtIn(), name);
        Host host;
        QVERIFY(host.init());
        const RunResult r = Scaffolder::dryRun(t, sampleValues(), host.workspace, sampleCatalog());
        QVERIFY2(r.ok, qPrintable(r.error));
        // Dry run: nothing written on the host.
        QVERIFY(!QFileInfo::exists(host.repoPath(QStringLiteral("parcel-tracker"))));
        for (const char *path :
             {"catalog-info.yaml", "README.md", "docs/index.md", "mkdocs.yml", "Dockerfile",
              ".github/workflows/ci.yaml", ".github/workflows/promote.yaml", "deploy/staging/deployment.yaml",
              "deploy/staging/service.yaml", "deploy/staging/hpa.yaml", "deploy/staging/pdb.yaml",
              "deploy/production/deployment.yaml", "deploy/production/service.yaml", "deploy/production/hpa.yaml",
              "deploy/production/pdb.yaml", "monitoring/alert-rules.yaml", "monitoring/servicemonitor.yaml"}) {
            QVERIFY2(r.files.count(QLatin1String(path)), path);
        }
        // The catalog entry passes our validator and says what the wizard chose.
        const FileCheck::Result check = FileCheck::check(r.files, QStringLiteral("catalog-info.yaml"));
        QVERIFY2(check.ok(), qPrintable(check.errors.join(QLatin1Char('\n'))));
        QVERIFY2(check.warnings.isEmpty(), qPrintable(check.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(check.entityRef, QStringLiteral("component:default/parcel-tracker"));
        const auto info = parseYaml(r.files.at(QStringLiteral("catalog-info.yaml")).contents, QStringLiteral("ci"));
        QVERIFY(info);
        const Gantry::Catalog::Entity e = Gantry::Catalog::Entity::fromDocument(info, 0, QStringLiteral("ci"));
        QCOMPARE(e.owner, QStringLiteral("group:default/team-a"));
        QCOMPARE(e.system, QStringLiteral("system:default/shop"));
        QCOMPARE(e.annotation("backstage.io/kubernetes-id"), QStringLiteral("parcel-tracker"));
        QCOMPARE(e.description, QStringLiteral("Tracks parcels: \"fast\" & {{ name }} ${{ parameters.x }}"));
        QCOMPARE(e.spec()["dependsOn"].size(), 2);
        QVERIFY(e.metadata()["links"].size() >= 1);
        QVERIFY(!e.lifecycle.isEmpty());

        // Every YAML file parses.
        for (const auto &[path, file] : r.files) {
            if (FileCheck::isYamlPath(path)) {
                QVERIFY2(parseYaml(file.contents, path), qPrintable(path));
            }
        }
        // The Deployments have probes, resources and the kubernetes-id label; each environment has
        // a Service, a HorizontalPodAutoscaler and a PodDisruptionBudget.
        for (const QString &env : {QStringLiteral("staging"), QStringLiteral("production")}) {
            const auto d = parseYaml(r.files.at(QStringLiteral("deploy/%1/deployment.yaml").arg(env)).contents, env);
            const YamlNode root = d->documentRoot(0);
            QCOMPARE(root["metadata"]["labels"]["backstage.io/kubernetes-id"].scalar(),
                     QStringLiteral("parcel-tracker"));
            const YamlNode container = root["spec"]["template"]["spec"]["containers"].at(0);
            QVERIFY(container["readinessProbe"].isMapping());
            QVERIFY(container["livenessProbe"].isMapping());
            QVERIFY(container["resources"]["requests"].isMapping());
            QCOMPARE(root["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"].scalar(),
                     QStringLiteral("true"));
            QCOMPARE(root["spec"]["template"]["metadata"]["annotations"]["prometheus.io/scrape"].scalar(),
                     QStringLiteral("true"));
            QCOMPARE(parseYaml(r.files.at(QStringLiteral("deploy/%1/hpa.yaml").arg(env)).contents, env)
                         ->documentRoot(0)["kind"]
                         .scalar(),
                     QStringLiteral("HorizontalPodAutoscaler"));
            QCOMPARE(parseYaml(r.files.at(QStringLiteral("deploy/%1/pdb.yaml").arg(env)).contents, env)
                         ->documentRoot(0)["kind"]
                         .scalar(),
                     QStringLiteral("PodDisruptionBudget"));
        }
        // A multi-stage image that runs as a non-root user.
        const QByteArray dockerfile = r.files.at(QStringLiteral("Dockerfile")).contents;
        QVERIFY(dockerfile.count("\nFROM ") + (dockerfile.startsWith("FROM ") ? 1 : 0) >= 2);
        QVERIFY(QRegularExpression(QStringLiteral("\\nUSER (?!root|0\\b)"))
                    .match(QString::fromUtf8(dockerfile))
                    .hasMatch());
        // CI keeps GitHub's own expressions, and promotion is a manual gantry promote.
        const QByteArray ci = r.files.at(QStringLiteral(".github/workflows/ci.yaml")).contents;
        QVERIFY(ci.contains("${{ github.sha }}"));
        QVERIFY(ci.contains("SERVICE: parcel-tracker"));
        const QByteArray promote = r.files.at(QStringLiteral(".github/workflows/promote.yaml")).contents;
        QVERIFY(promote.contains("workflow_dispatch"));
        QVERIFY(promote.contains("promote parcel-tracker --from staging --to production"));
        // A health endpoint and a test.
        bool health = false;
        bool test = false;
        for (const auto &[path, file] : r.files) {
            health = health || file.contents.contains("/healthz");
            test = test || path.contains(QLatin1String("test"));
        }
        QVERIFY(health);
        QVERIFY(test);

        // promtool accepts the alert rules.
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty()) {
            qWarning("promtool is not installed (Debian package prometheus): the alert rules were not checked");
        } else {
            QTemporaryDir dir;
            QFile rules(dir.filePath(QStringLiteral("alert-rules.yaml")));
            QVERIFY(rules.open(QIODevice::WriteOnly));
            rules.write(r.files.at(QStringLiteral("monitoring/alert-rules.yaml")).contents);
            rules.close();
            QProcess p;
            p.start(promtool, {QStringLiteral("check"), QStringLiteral("rules"), rules.fileName()});
            QVERIFY(p.waitForFinished(60000));
            const QByteArray output = p.readAllStandardOutput() + p.readAllStandardError();
            QVERIFY2(p.exitCode() == 0, output.constData());
            QVERIFY2(output.contains("3 rules found"), output.constData());
        }
    }

    void publishesRegistersAndDeploys()
    {
        Host host;
        QVERIFY(host.init());
        const TemplatePtr t = TemplateLoader::find(TemplateLoader::builtIn(), QStringLiteral("go-http-service"));
        RecordingDeployer deployer;
        QStringList log;
        Scaffolder::Callbacks callbacks;
        callbacks.log = [&log](const QString &line) { log << line; };
        const RunResult r = Scaffolder::run(t, sampleValues(), host.workspace, sampleCatalog(), RunOptions{}, callbacks,
                                            nullptr, {}, &deployer);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.entityRef, QStringLiteral("component:default/parcel-tracker"));
        QCOMPARE(r.remoteUrl, fileUrl(host.repoPath(QStringLiteral("parcel-tracker"))));
        QVERIFY(r.registeredAfterMs >= 0);
        // Pushed: the new repository holds the rendered files.
        QVERIFY(host.readFile(host.repoPath(QStringLiteral("parcel-tracker")), QStringLiteral("catalog-info.yaml"))
                    .contains("name: parcel-tracker"));
        // Registered: the catalog repository has a Location naming it.
        const QByteArray root =
            host.readFile(host.repoPath(QStringLiteral("catalog")), QStringLiteral("catalog-info.yaml"));
        QVERIFY2(root.contains("parcel-tracker.git#main:catalog-info.yaml"), root.constData());
        QVERIFY(root.startsWith(kRootLocation)); // the rest of the file is untouched
        // Deployed: the staging manifests went to the staging environment.
        QCOMPARE(deployer.calls, 1);
        QCOMPARE(deployer.environmentName, QStringLiteral("staging"));
        QVERIFY(deployer.applied.contains("kind: Deployment"));
        QVERIFY(deployer.applied.contains("kind: PodDisruptionBudget"));
        QVERIFY(!deployer.applied.contains("replicas: 3")); // staging, not production
        QCOMPARE(r.links.size(), size_t(2));
        QVERIFY(!log.join(QLatin1Char('\n')).contains(QLatin1String("TOPSECRET")));

        // The name is now taken on the host: a second run is refused before anything is written.
        const RunResult again = Scaffolder::run(t, sampleValues(), host.workspace, sampleCatalog(), RunOptions{}, {},
                                                nullptr, {}, &deployer);
        QVERIFY(!again.ok);
        QVERIFY2(again.error.contains(QLatin1String("already exists")), qPrintable(again.error));
        QVERIFY(again.error.contains(QLatin1String("Nothing was created")));
        // The review page's dry run says so too.
        const RunResult dry = Scaffolder::dryRun(t, sampleValues(), host.workspace, sampleCatalog());
        QVERIFY(!dry.ok);
        QVERIFY2(dry.error.contains(QLatin1String("already exists")), qPrintable(dry.error));
    }

    void failureBeforeThePushLeavesNothing()
    {
        Host host;
        QVERIFY(host.init());
        const TemplatePtr t = TemplateLoader::find(TemplateLoader::builtIn(), QStringLiteral("python-http-service"));
        RunOptions options;
        options.failBeforeStep = QStringLiteral("publish");
        const RunResult r = Scaffolder::run(t, sampleValues(), host.workspace, sampleCatalog(), options);
        QVERIFY(!r.ok);
        QVERIFY(!r.resumable);
        QCOMPARE(r.failedStep, QStringLiteral("publish"));
        QVERIFY(!QFileInfo::exists(host.repoPath(QStringLiteral("parcel-tracker"))));
        QVERIFY(!host.readFile(host.repoPath(QStringLiteral("catalog")), QStringLiteral("catalog-info.yaml"))
                     .contains("parcel-tracker"));

        // A template whose catalog-info.yaml the validator refuses is never pushed.
        QString error;
        const TemplatePtr broken = TemplateLoader::loadFile(
            qEnvironmentVariable("GANTRY_SOURCE_DIR") + QStringLiteral("/tests/data/templates/broken-catalog"), &error);
        QVERIFY2(broken, qPrintable(error));
        const RunResult b = Scaffolder::run(broken, {{QStringLiteral("name"), QStringLiteral("broken-one")}},
                                            host.workspace, sampleCatalog(), RunOptions{});
        QVERIFY(!b.ok);
        QVERIFY2(b.error.contains(QLatin1String("catalog-info.yaml:")) && b.error.contains(QLatin1String("owner")),
                 qPrintable(b.error));
        QVERIFY(!QFileInfo::exists(host.repoPath(QStringLiteral("broken-one"))));
    }

    void failureAfterThePushIsResumable()
    {
        Host host;
        QVERIFY(host.init());
        const TemplatePtr t = TemplateLoader::find(TemplateLoader::builtIn(), QStringLiteral("go-http-service"));
        RecordingDeployer deployer;
        deployer.fail = true;
        const RunResult r = Scaffolder::run(t, sampleValues(), host.workspace, sampleCatalog(), RunOptions{}, {},
                                            nullptr, {}, &deployer);
        QVERIFY(!r.ok);
        QVERIFY(r.resumable);
        QCOMPARE(r.failedStep, QStringLiteral("deploy"));
        QVERIFY2(r.error.contains(QLatin1String("unreachable")), qPrintable(r.error));
        // It says exactly what exists.
        QCOMPARE(r.state.existing.size(), 2);
        QVERIFY(r.state.existing[0].contains(QLatin1String("parcel-tracker.git")));
        QVERIFY(r.state.existing[1].contains(QLatin1String("component:default/parcel-tracker")));
        QCOMPARE(r.state.completedSteps, (QStringList{QStringLiteral("publish"), QStringLiteral("register")}));

        // The state survives JSON (the wizard and the command line save it), and resuming only
        // runs what is left: no second push, no second catalog entry.
        const RunState state = RunState::fromJson(r.state.toJson());
        deployer.fail = false;
        const RunResult resumed =
            Scaffolder::run(t, {}, host.workspace, sampleCatalog(), RunOptions{}, {}, nullptr, state, &deployer);
        QVERIFY2(resumed.ok, qPrintable(resumed.error));
        QCOMPARE(deployer.calls, 2);
        QCOMPARE(resumed.entityRef, QStringLiteral("component:default/parcel-tracker"));
        QCOMPARE(resumed.steps[1].message, QStringLiteral("done in an earlier attempt"));
        const QByteArray root =
            host.readFile(host.repoPath(QStringLiteral("catalog")), QStringLiteral("catalog-info.yaml"));
        QCOMPARE(root.count("parcel-tracker.git#main:catalog-info.yaml"), 1);
    }

    void missingEnvironmentIsFoundBeforeThePush()
    {
        Host host;
        QVERIFY(host.init());
        host.workspace.environments.clear();
        const TemplatePtr t = TemplateLoader::find(TemplateLoader::builtIn(), QStringLiteral("go-http-service"));
        RecordingDeployer deployer;
        const RunResult r = Scaffolder::run(t, sampleValues(QStringLiteral("early")), host.workspace, sampleCatalog(),
                                            RunOptions{}, {}, nullptr, {}, &deployer);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("no environment \"staging\"")), qPrintable(r.error));
        QVERIFY(!QFileInfo::exists(host.repoPath(QStringLiteral("early"))));
    }

    void noDeploySkipsTheDeployStep()
    {
        Host host;
        QVERIFY(host.init());
        const TemplatePtr t = TemplateLoader::find(TemplateLoader::builtIn(), QStringLiteral("go-http-service"));
        RecordingDeployer deployer;
        RunOptions options;
        options.deploy = false;
        const RunResult r = Scaffolder::run(t, sampleValues(QStringLiteral("quiet-one")), host.workspace,
                                            sampleCatalog(), options, {}, nullptr, {}, &deployer);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(deployer.calls, 0);
        QCOMPARE(r.steps.back().status, StepStatus::Skipped);
    }

    void hostileValues()
    {
        Host host;
        QVERIFY(host.init());
        const TemplatePtr go = TemplateLoader::find(TemplateLoader::builtIn(), QStringLiteral("go-http-service"));
        // Names that would make paths are refused by the form rules before any step.
        for (const QString &name : {QStringLiteral("../evil"), QStringLiteral("/etc/passwd"), QStringLiteral("a/b"),
                                    QString(100000, QLatin1Char('a'))}) {
            const RunResult r = Scaffolder::dryRun(go, sampleValues(name), host.workspace, sampleCatalog());
            QVERIFY(!r.ok);
            QVERIFY(r.files.empty());
        }
        QJsonObject huge = sampleValues();
        huge.insert(QStringLiteral("description"), QString(2 * 1024 * 1024, QLatin1Char('x')));
        QVERIFY(!Scaffolder::dryRun(go, huge, host.workspace, sampleCatalog()).ok);
        // Name taken in the catalog.
        const RunResult taken =
            Scaffolder::dryRun(go, sampleValues(QStringLiteral("checkout")), host.workspace, sampleCatalog());
        QVERIFY(!taken.ok);
        QVERIFY(taken.error.contains(QLatin1String("already taken")));

        // A template that builds paths and target folders from values.
        QString error;
        const TemplatePtr hostile = TemplateLoader::loadFile(
            qEnvironmentVariable("GANTRY_SOURCE_DIR") + QStringLiteral("/tests/data/templates/hostile"), &error);
        QVERIFY2(hostile && hostile->isUsable(), qPrintable(error));
        auto run = [&](const QString &folder, const QString &target) {
            return Scaffolder::dryRun(hostile,
                                      {{QStringLiteral("text"), QStringLiteral("{{ folder }} ${{ values.folder }}")},
                                       {QStringLiteral("folder"), folder},
                                       {QStringLiteral("target"), target}},
                                      host.workspace, {});
        };
        const RunResult fine = run(QStringLiteral("notes"), QStringLiteral("."));
        QVERIFY2(fine.ok, qPrintable(fine.error));
        QVERIFY(fine.files.count(QStringLiteral("notes.txt")));
        // Template syntax in values stays inert, in both forms.
        QCOMPARE(fine.files.at(QStringLiteral("echo.txt")).contents,
                 QByteArray("name={{ folder }} ${{ values.folder }}\nplain={{ folder }} ${{ values.folder }}\n"));
        for (const auto &[folder, target] :
             std::vector<std::pair<QString, QString>>{{QStringLiteral("../../outside"), QStringLiteral(".")},
                                                      {QStringLiteral("x/../../y"), QStringLiteral(".")},
                                                      {QStringLiteral("ok"), QStringLiteral("../..")},
                                                      {QStringLiteral("ok"), QStringLiteral("/tmp/abs")},
                                                      {QStringLiteral("a\\b"), QStringLiteral(".")},
                                                      {QStringLiteral("ok"), QStringLiteral(".git/hooks")}}) {
            const RunResult r = run(folder, target);
            QVERIFY2(!r.ok, qPrintable(folder + QLatin1Char(' ') + target));
            QVERIFY(r.files.empty());
        }
    }

    void asynchronousRunReportsStepsAndCanBeCancelled()
    {
        Host host;
        QVERIFY(host.init());
        const TemplatePtr t = TemplateLoader::find(TemplateLoader::builtIn(), QStringLiteral("go-http-service"));
        Scaffolder scaffolder;
        scaffolder.setDeployerFactory([] { return std::make_unique<RecordingDeployer>(); });
        QSignalSpy steps(&scaffolder, &Scaffolder::stepChanged);
        QSignalSpy finished(&scaffolder, &Scaffolder::finished);
        QSignalSpy logs(&scaffolder, &Scaffolder::logMessage);
        scaffolder.start(t, sampleValues(QStringLiteral("async-one")), host.workspace, sampleCatalog());
        QVERIFY(scaffolder.isRunning());
        QVERIFY(finished.wait(60000));
        const RunResult r = finished.at(0).at(0).value<RunResult>();
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(!scaffolder.isRunning());
        QCOMPARE(steps.size(), 8); // running + done for each of the four steps
        QVERIFY(logs.size() > 3);

        // Cancelled before it starts publishing: nothing is left.
        Scaffolder second;
        second.setDeployerFactory([] { return std::make_unique<RecordingDeployer>(); });
        QSignalSpy secondFinished(&second, &Scaffolder::finished);
        second.start(t, sampleValues(QStringLiteral("cancelled-one")), host.workspace, sampleCatalog());
        second.cancel();
        QVERIFY(secondFinished.wait(60000));
        const RunResult c = secondFinished.at(0).at(0).value<RunResult>();
        if (!c.ok) {
            QVERIFY(c.cancelled);
            QVERIFY(!QFileInfo::exists(host.repoPath(QStringLiteral("cancelled-one"))) || c.resumable);
        }
    }
};

QTEST_GUILESS_MAIN(TestScaffolder)
#include "tst_scaffolder.moc"
