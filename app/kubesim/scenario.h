#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Gantry::KubeSim {

// An int-or-percent value such as maxSurge "25%" or 1 (Kubernetes intstr.IntOrString).
struct IntOrPercent
{
    int value = 0;
    bool percent = false;

    // Scaled against total like the real controller: percentages rounded up (surge) or down
    // (unavailable).
    int resolve(int total, bool roundUp) const;
    QString toString() const;
};

struct ScenarioHpa
{
    int minReplicas = 1;
    int maxReplicas = 1;
    int targetCPUUtilizationPercentage = 80;
};

struct ScenarioService
{
    int port = 80;
    int targetPort = 8080;
};

struct ScenarioDeployment
{
    QString name;
    QMap<QString, QString> labels; // default {app: NAME}
    QMap<QString, QString> annotations;
    int replicas = 1;
    QString image;
    QString container;                // default: the deployment's name
    QStringList history;              // earlier images, oldest first
    QString rollingFrom;              // start mid-rollout from this image (empty: settled)
    double readyDelaySeconds = -1;    // < 0: the scenario default
    int progressDeadlineSeconds = -1; // < 0: the scenario default
    int minReadySeconds = 0;
    int revisionHistoryLimit = 10;
    bool paused = false;
    bool recreate = false; // strategy type Recreate instead of RollingUpdate
    IntOrPercent maxSurge{25, true};
    IntOrPercent maxUnavailable{25, true};
    std::optional<ScenarioHpa> hpa;
    std::optional<ScenarioService> service;
    int line = 0; // 1-based position in the scenario file
    int column = 0;
};

struct ScenarioPods
{
    int count = 0;
    QMap<QString, QString> labels; // default {app: bench}
    QString image = QStringLiteral("registry.example/bench:1.0");
};

struct ScenarioNamespace
{
    QString name;
    QList<ScenarioDeployment> deployments;
    std::optional<ScenarioPods> pods;
};

struct ScenarioBasicUser
{
    QString username;
    QString password;
};

struct ScenarioAuth
{
    QStringList tokens;
    QList<ScenarioBasicUser> basic;
    bool clientCertificates = false;
    QStringList forbiddenTokens;
};

struct ScenarioChurn
{
    QString nameSpace;
    double eventsPerSecond = 0;
};

// cluster.yaml, the scenario gantry-kubesim serves (format: app/kubesim/README.md).
struct Scenario
{
    QString fileName;
    QString kubernetesVersion = QStringLiteral("1.30");
    QString context = QStringLiteral("kubesim");
    double timeScale = 1.0;
    std::optional<ScenarioAuth> auth; // absent: no authentication
    QStringList nodes;                // default [kubesim-node-1]
    double readyDelaySeconds = 2;
    int progressDeadlineSeconds = 600;
    QList<ScenarioNamespace> namespaces;
    std::optional<ScenarioChurn> churn;

    // Reads and validates a scenario file. On failure returns nullopt and sets *error to
    // "FILE:LINE:COL: error: MESSAGE" lines saying what to change.
    static std::optional<Scenario> load(const QString &path, QString *error);
    static std::optional<Scenario> parse(const QByteArray &yaml, const QString &fileName, QString *error);
};

} // namespace Gantry::KubeSim
