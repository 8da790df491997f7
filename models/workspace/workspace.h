#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Gantry::Workspace {

// Where one part of the catalog lives: a Git repository (url + branch + path inside it) or a
// local folder/file (path, relative to gantry.yaml).
struct CatalogLocation
{
    QString url;    // file://, https://, ssh:// or scp-like git@host:org/repo; empty for a local path
    QString branch; // empty: the remote's default branch
    QString path;   // inside the repository (file or folder; empty = whole repository), or the local path
    int line = 0;   // where it is written in gantry.yaml (1-based), for error messages
    int column = 0;

    bool isGit() const { return !url.isEmpty(); }

    // "URL", "URL#branch", "URL#branch:path" or a local path, as written on the command line or
    // as a plain string in gantry.yaml.
    static CatalogLocation fromString(const QString &text);
    // file://, http(s)://, ssh://, git:// or scp-like user@host:path.
    static bool isGitUrl(const QString &text);
};

// A deployment environment (used by the deployments issue; parsed and kept from day one).
struct Environment
{
    QString name;
    QString context;   // kube context in the workspace's kubeconfig
    QString nameSpace; // namespace, or a rule such as "{service}-staging"
};

// The workspace file, gantry.yaml:
//
//   name: Demo Company
//   catalog:
//     locations:
//       - url: file:///home/me/gantry-demo/git/catalog.git
//         branch: main
//         path: catalog-info.yaml
//       - path: ./more-entities          # a local folder, relative to this file
//   git:
//     remotePattern: file:///home/me/gantry-demo/git/{name}.git
//   kubeconfig: ./kubeconfig
//   environments:
//     - {name: staging, context: demo, namespace: staging}
//   prometheus:
//     url: http://127.0.0.1:9090
struct Workspace
{
    QString filePath; // absolute path of gantry.yaml
    QString name;
    std::vector<CatalogLocation> locations;
    QString gitRemotePattern;
    QString kubeconfig; // absolute, resolved against the workspace folder
    std::vector<Environment> environments;
    QString prometheusUrl;

    QString directory() const; // folder holding gantry.yaml
    // Where Gantry keeps clones and the catalog cache for this workspace (per user, per workspace).
    QString cacheDirectory() const;

    // Reads gantry.yaml (or DIR/gantry.yaml when given a folder). On failure returns nullopt and
    // sets *error to "FILE:LINE:COL: error: MESSAGE".
    static std::optional<Workspace> load(const QString &fileOrDirectory, QString *error);
    // Writes atomically (QSaveFile).
    bool save(QString *error) const;
};

} // namespace Gantry::Workspace
