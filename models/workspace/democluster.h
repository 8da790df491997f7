#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Gantry::Workspace {

// The demo workspace's cluster: a gantry-kubesim scenario (cluster.yaml) generated from the demo
// catalog's components that carry `backstage.io/kubernetes-id`, so the catalog and the cluster
// always match, and the kubeconfig that points at the simulator serving it.
//
// Layout inside the demo folder:
//   cluster.yaml   the scenario (staging and production namespaces)
//   kubeconfig     server https://127.0.0.1:PORT, the simulator's CA and the demo token
//   kubesim/       the simulator's CA, server and client certificates (reused on every start)
class DemoCluster final
{
public:
    // The kube context (and cluster and user name) in the written kubeconfig.
    static QString context();
    // The bearer token the scenario accepts and the kubeconfig carries.
    static QString token();

    // The scenario for the built-in demo catalog. Empty (and *error set) when the catalog has
    // fewer than 10 components with a kubernetes-id.
    static QByteArray scenario(QString *error);

    // Writes DIR/cluster.yaml, then runs `simulator` once to create the certificates in
    // DIR/kubesim and DIR/kubeconfig on a free port of 127.0.0.1, and stops it again.
    static bool write(const QString &dir, const QString &simulator, QString *error);

    // gantry-kubesim: $GANTRY_KUBESIM, else next to the running executable. Empty when neither
    // exists.
    static QString findSimulator();

    // The host and port of the server that DIR/kubeconfig names (its demo context).
    static bool serverAddress(const QString &dir, QString *host, quint16 *port, QString *error);

    // The simulator's arguments to serve the demo in DIR on `listen` (HOST:PORT).
    static QStringList simulatorArguments(const QString &dir, const QString &listen);
};

} // namespace Gantry::Workspace
