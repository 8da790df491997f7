// The deploy panel against the real simulator: both environments with their images and counts,
// drift flagged, a crash-looping service explained in words, Promote followed live to kubectl's
// "successfully rolled out", and an unreachable cluster shown as exactly that.

#include "models/catalog/entity.h"
#include "models/catalog/yamltree.h"
#include "models/kube/deploymentstatus.h"
#include "models/workspace/simulatorprocess.h"
#include "models/workspace/workspace.h"
#include "ui/banner.h"
#include "ui/deploypanel.h"
#include "ui/environmentcolumn.h"

#include <QAbstractItemModel>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Gantry;

namespace {

const QByteArray kScenario = R"(kubernetesVersion: "1.30"
context: deploy-test
timeScale: 0.1
auth:
  tokens: [test-token]
nodes: [node-a, node-b]
defaults: {readyDelaySeconds: 2, progressDeadlineSeconds: 600}
namespaces:
  - name: staging
    deployments:
      - name: orders
        labels: {app: orders, backstage.io/kubernetes-id: orders}
        replicas: 2
        image: registry.test/orders:1.5.0
        history: [registry.test/orders:1.4.0, registry.test/orders:1.4.2]
        annotations: {kubernetes.io/change-cause: "deploy 1.5.0"}
      - name: crashy
        labels: {app: crashy, backstage.io/kubernetes-id: crashy}
        replicas: 1
        image: registry.test/crashy:2.0.0-crashloop
  - name: production
    deployments:
      - name: orders
        labels: {app: orders, backstage.io/kubernetes-id: orders}
        replicas: 3
        image: registry.test/orders:1.4.2
        history: [registry.test/orders:1.4.0]
        annotations: {kubernetes.io/change-cause: "promote 1.4.2 from staging"}
      - name: crashy
        labels: {app: crashy, backstage.io/kubernetes-id: crashy}
        replicas: 1
        image: registry.test/crashy:1.9.0
)";

Catalog::Entity component(const QString &name)
{
    const QByteArray yaml = QStringLiteral("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: %1\n"
                                           "  annotations:\n    backstage.io/kubernetes-id: %1\nspec:\n  type: "
                                           "service\n  lifecycle: production\n  owner: team-a\n")
                                .arg(name)
                                .toUtf8();
    std::vector<Catalog::Problem> problems;
    const auto tree = Catalog::YamlTree::parse(yaml, QStringLiteral("catalog-info.yaml"), &problems);
    return Catalog::Entity::fromDocument(tree, 0, QStringLiteral("catalog-info.yaml"));
}

Workspace::Workspace workspaceFor(const QString &dir, const QString &context)
{
    Workspace::Workspace workspace;
    workspace.filePath = dir + QStringLiteral("/gantry.yaml");
    workspace.name = QStringLiteral("Deploy test");
    workspace.kubeconfig = dir + QStringLiteral("/kubeconfig");
    workspace.environments.push_back({QStringLiteral("staging"), context, QStringLiteral("staging")});
    workspace.environments.push_back({QStringLiteral("production"), context, QStringLiteral("production")});
    return workspace;
}

QString cell(QTableView *view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

} // namespace

class TestDeployPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Workspace::SimulatorProcess m_simulator;
    std::unique_ptr<Workspace::Workspace> m_workspace;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString simulator = qEnvironmentVariable("GANTRY_BINARY_DIR") + QStringLiteral("/bin/gantry-kubesim");
        if (!QFileInfo(simulator).isExecutable()) {
            QSKIP(qPrintable(
                QStringLiteral("%1 is missing: build gantry-kubesim to run the deploy panel tests").arg(simulator)));
        }
        QFile scenario(m_dir.filePath(QStringLiteral("cluster.yaml")));
        QVERIFY(scenario.open(QIODevice::WriteOnly));
        scenario.write(kScenario);
        scenario.close();
        m_simulator.start(simulator,
                          {QStringLiteral("--scenario"), scenario.fileName(), QStringLiteral("--tls"),
                           QStringLiteral("--tls-dir"), m_dir.filePath(QStringLiteral("tls")),
                           QStringLiteral("--write-kubeconfig"), m_dir.filePath(QStringLiteral("kubeconfig")),
                           QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY2(m_simulator.waitForListening(60000), qPrintable(m_simulator.errorMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(m_dir.filePath(QStringLiteral("kubeconfig"))), 10000);
        m_workspace = std::make_unique<Workspace::Workspace>(workspaceFor(m_dir.path(), QStringLiteral("deploy-test")));
    }

    void cleanupTestCase() { m_simulator.stop(); }

    void entitiesWithoutWorkloadsGetNoPanel()
    {
        Ui::DeployPanel panel;
        panel.setWorkspace(*m_workspace);
        const QByteArray yaml = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: lib\nspec:\n"
                                "  type: library\n  lifecycle: production\n  owner: team-a\n";
        std::vector<Catalog::Problem> problems;
        const auto tree = Catalog::YamlTree::parse(yaml, QStringLiteral("lib.yaml"), &problems);
        QVERIFY(!panel.setEntity(Catalog::Entity::fromDocument(tree, 0, QStringLiteral("lib.yaml"))));
        QVERIFY(panel.environments().isEmpty());
    }

    void showsBothEnvironmentsWithDriftAndPromotes()
    {
        Ui::DeployPanel panel;
        panel.resize(1200, 900);
        panel.setWorkspace(*m_workspace);
        QVERIFY(panel.setEntity(component(QStringLiteral("orders"))));
        panel.show();
        QCOMPARE(panel.environments(), QStringList({QStringLiteral("staging"), QStringLiteral("production")}));
        Ui::EnvironmentColumn *staging = panel.column(QStringLiteral("staging"));
        Ui::EnvironmentColumn *production = panel.column(QStringLiteral("production"));

        // Images, versions and counts, once both environments have rolled out.
        QTRY_COMPARE_WITH_TIMEOUT(staging->rolloutLabel()->text(),
                                  QStringLiteral("deployment \"orders\" successfully rolled out"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(production->rolloutLabel()->text(),
                                  QStringLiteral("deployment \"orders\" successfully rolled out"), 30000);
        QCOMPARE(staging->versionLabel()->text(), QStringLiteral("1.5.0"));
        QCOMPARE(staging->imageLabel()->text(), QStringLiteral("registry.test/orders:1.5.0"));
        QCOMPARE(production->versionLabel()->text(), QStringLiteral("1.4.2"));
        QCOMPARE(production->replicasLabel()->text(), QStringLiteral("Desired 3 · Updated 3 · Ready 3 · Available 3"));
        QCOMPARE(production->rolloutBar()->value(), 100);
        QTRY_COMPARE_WITH_TIMEOUT(production->podsView()->model()->rowCount(), 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(production->podsView(), 0, 1), QStringLiteral("Running"), 10000);
        QVERIFY(!staging->errorBanner()->isVisible());
        QVERIFY(production->conditionChips()->findChild<QLabel *>(QStringLiteral("condition_Available")));

        // Drift: production runs an older image, said in words, flagged on the panel and the columns.
        QVERIFY(panel.driftLabel()->isVisible());
        QVERIFY2(panel.driftLabel()->text().contains(QStringLiteral("1.4.2")) &&
                     panel.driftLabel()->text().contains(QStringLiteral("1.5.0")),
                 qPrintable(panel.driftLabel()->text()));
        QVERIFY(production->driftLabel()->isVisible());

        // Promote staging → production: the confirmation names both images; the panel follows the rollout.
        QVERIFY(production->promoteButton()->isVisible());
        QVERIFY(!staging->promoteButton()->isVisible());
        QString confirmation;
        panel.setConfirmer([&confirmation](const Kube::DeployPlan &, const QString &text) {
            confirmation = text;
            return true;
        });
        QSignalSpy finished(&panel, &Ui::DeployPanel::operationFinished);
        QTest::mouseClick(production->promoteButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QVERIFY2(finished.at(0).at(2).toBool(), qPrintable(finished.at(0).at(3).toString()));
        QVERIFY2(confirmation.contains(QStringLiteral("registry.test/orders:1.4.2")) &&
                     confirmation.contains(QStringLiteral("→ registry.test/orders:1.5.0")),
                 qPrintable(confirmation));
        QTRY_COMPARE_WITH_TIMEOUT(production->versionLabel()->text(), QStringLiteral("1.5.0"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(production->rolloutLabel()->text(),
                                  QStringLiteral("deployment \"orders\" successfully rolled out"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.driftLabel()->isVisible(), 10000);
        QVERIFY(production->outcomeLabel()->isVisible());

        // Roll back: the confirmation names the image it goes back to; production runs it again.
        QTRY_VERIFY_WITH_TIMEOUT(production->rollbackButton()->isEnabled(), 10000);
        QTest::mouseClick(production->rollbackButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
        QVERIFY2(finished.at(1).at(2).toBool(), qPrintable(finished.at(1).at(3).toString()));
        QVERIFY2(confirmation.contains(QStringLiteral("→ registry.test/orders:1.4.2")), qPrintable(confirmation));
        QTRY_COMPARE_WITH_TIMEOUT(production->versionLabel()->text(), QStringLiteral("1.4.2"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(panel.driftLabel()->isVisible(), 10000);
    }

    void crashLoopIsExplainedInWords()
    {
        Ui::DeployPanel panel;
        panel.setWorkspace(*m_workspace);
        QVERIFY(panel.setEntity(component(QStringLiteral("crashy"))));
        panel.show();
        Ui::EnvironmentColumn *staging = panel.column(QStringLiteral("staging"));
        QTRY_VERIFY_WITH_TIMEOUT(staging->problemsLabel()->text().contains(QStringLiteral("CrashLoopBackOff")), 60000);
        QVERIFY(staging->problemsLabel()->isVisible());
        QVERIFY2(staging->problemsLabel()->text().contains(QStringLiteral("exit code 1")),
                 qPrintable(staging->problemsLabel()->text()));
        // Production runs a good version: no problems there.
        Ui::EnvironmentColumn *production = panel.column(QStringLiteral("production"));
        QTRY_COMPARE_WITH_TIMEOUT(production->rolloutLabel()->text(),
                                  QStringLiteral("deployment \"crashy\" successfully rolled out"), 30000);
        QVERIFY(!production->problemsLabel()->isVisible());
    }

    void unreachableClusterShowsTheErrorNotAnEmptyTable()
    {
        // A kubeconfig whose server port nobody listens on.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const quint16 port = server.serverPort();
        server.close();
        QFile source(m_dir.filePath(QStringLiteral("kubeconfig")));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QByteArray kubeconfig = source.readAll();
        const qsizetype at = kubeconfig.indexOf("server: ");
        QVERIFY(at > 0);
        const qsizetype end = kubeconfig.indexOf('\n', at);
        kubeconfig.replace(at, end - at, QByteArray("server: https://127.0.0.1:").append(QByteArray::number(port)));
        QTemporaryDir dir;
        QFile copy(dir.filePath(QStringLiteral("kubeconfig")));
        QVERIFY(copy.open(QIODevice::WriteOnly));
        copy.write(kubeconfig);
        copy.close();

        Ui::DeployPanel panel;
        panel.setWorkspace(workspaceFor(dir.path(), QStringLiteral("deploy-test")));
        QVERIFY(panel.setEntity(component(QStringLiteral("orders"))));
        panel.show();
        Ui::EnvironmentColumn *staging = panel.column(QStringLiteral("staging"));
        QTRY_VERIFY_WITH_TIMEOUT(staging->errorBanner()->isVisible(), 30000);
        QCOMPARE(panel.service()->status(QStringLiteral("staging")).error.kind, Kube::KubeError::Kind::Unreachable);
        QVERIFY(!staging->errorBanner()->text().isEmpty());
        QVERIFY(!staging->contentWidget()->isVisible()); // no empty pods table pretending all is well
        QVERIFY(!staging->podsView()->isVisible());
        QVERIFY(staging->placeholderLabel()->isVisible());
        QVERIFY(!panel.emptyLabel()->isVisible()); // and never "no workloads"
    }

    // Runs last: it stops the simulator.
    void lastGoodDataStaysGreyedWhenTheClusterGoes()
    {
        Ui::DeployPanel panel;
        panel.setWorkspace(*m_workspace);
        QVERIFY(panel.setEntity(component(QStringLiteral("orders"))));
        panel.show();
        Ui::EnvironmentColumn *staging = panel.column(QStringLiteral("staging"));
        QTRY_COMPARE_WITH_TIMEOUT(staging->versionLabel()->text(), QStringLiteral("1.5.0"), 30000);
        QVERIFY(staging->contentWidget()->isEnabled());

        m_simulator.stop();
        QTRY_VERIFY_WITH_TIMEOUT(staging->errorBanner()->isVisible(), 60000);
        QVERIFY(panel.service()->status(QStringLiteral("staging")).error.isError());
        QVERIFY(staging->contentWidget()->isVisible());  // the last good data stays …
        QVERIFY(!staging->contentWidget()->isEnabled()); // … greyed
        QCOMPARE(staging->versionLabel()->text(), QStringLiteral("1.5.0"));
    }
};

QTEST_MAIN(TestDeployPanel)
#include "tst_deploypanel.moc"
