#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Gantry::KubeSim {

// One served resource: what discovery advertises and what the router accepts. Adding a type is
// one entry in ResourceTypes::all().
struct ResourceType
{
    QString group;    // "" for core
    QString version;  // "v1", "v2"
    QString resource; // plural: "deployments"
    QString kind;     // "Deployment"
    QString singular; // "deployment"
    bool namespaced = true;
    QStringList shortNames;
    QStringList categories;
    bool hasStatus = false; // status subresource; spec changes bump metadata.generation
    bool hasScale = false;  // scale subresource (autoscaling/v1 Scale)
    // Store key: "deployments.apps", "pods" (the form used in API error messages).
    QString storeKey;

    QString apiVersion() const { return group.isEmpty() ? version : group + QLatin1Char('/') + version; }
    QString listKind() const { return kind + QStringLiteral("List"); }
};

class ResourceTypes final
{
public:
    static const QList<ResourceType> &all();
    // By group, version and plural; nullptr if not served.
    static const ResourceType *find(const QString &group, const QString &version, const QString &resource);
    // The preferred (stored) version of a store key, e.g. "horizontalpodautoscalers.autoscaling" -> v2.
    static const ResourceType *byStoreKey(const QString &storeKey);
    static QStringList groups();                       // API groups other than core, in discovery order
    static QStringList versions(const QString &group); // preferred first
};

} // namespace Gantry::KubeSim
