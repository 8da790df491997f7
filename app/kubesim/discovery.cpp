#include "app/kubesim/discovery.h"

#include "app/kubesim/resourcetypes.h"

#include <QJsonArray>
#include <QStringList>

namespace Gantry::KubeSim {

namespace {

QJsonArray verbsFor(const ResourceType &)
{
    return {QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
            QStringLiteral("get"),    QStringLiteral("list"),   QStringLiteral("patch"),
            QStringLiteral("update"), QStringLiteral("watch")};
}

QJsonArray subresourceVerbs()
{
    return {QStringLiteral("get"), QStringLiteral("patch"), QStringLiteral("update")};
}

QJsonObject kindRef(const QString &group, const QString &version, const QString &kind)
{
    QJsonObject out;
    out.insert(QStringLiteral("group"), group);
    out.insert(QStringLiteral("version"), version);
    out.insert(QStringLiteral("kind"), kind);
    return out;
}

QJsonObject aggregatedResource(const ResourceType &type)
{
    QJsonObject out;
    out.insert(QStringLiteral("resource"), type.resource);
    out.insert(QStringLiteral("responseKind"), kindRef(type.group, type.version, type.kind));
    out.insert(QStringLiteral("scope"), type.namespaced ? QStringLiteral("Namespaced") : QStringLiteral("Cluster"));
    out.insert(QStringLiteral("singularResource"), type.singular);
    out.insert(QStringLiteral("verbs"), verbsFor(type));
    if (!type.shortNames.isEmpty()) {
        out.insert(QStringLiteral("shortNames"), QJsonArray::fromStringList(type.shortNames));
    }
    if (!type.categories.isEmpty()) {
        out.insert(QStringLiteral("categories"), QJsonArray::fromStringList(type.categories));
    }
    QJsonArray subresources;
    if (type.hasScale) {
        QJsonObject scale;
        scale.insert(QStringLiteral("subresource"), QStringLiteral("scale"));
        scale.insert(QStringLiteral("responseKind"),
                     kindRef(QStringLiteral("autoscaling"), QStringLiteral("v1"), QStringLiteral("Scale")));
        scale.insert(QStringLiteral("verbs"), subresourceVerbs());
        subresources.append(scale);
    }
    if (type.hasStatus) {
        QJsonObject status;
        status.insert(QStringLiteral("subresource"), QStringLiteral("status"));
        status.insert(QStringLiteral("responseKind"), kindRef(type.group, type.version, type.kind));
        status.insert(QStringLiteral("verbs"), subresourceVerbs());
        subresources.append(status);
    }
    if (!subresources.isEmpty()) {
        out.insert(QStringLiteral("subresources"), subresources);
    }
    return out;
}

QJsonObject groupEntry(const QString &group)
{
    QJsonArray versions;
    for (const QString &version : ResourceTypes::versions(group)) {
        QJsonArray resources;
        for (const ResourceType &type : ResourceTypes::all()) {
            if (type.group == group && type.version == version) {
                resources.append(aggregatedResource(type));
            }
        }
        QJsonObject entry;
        entry.insert(QStringLiteral("version"), version);
        entry.insert(QStringLiteral("resources"), resources);
        entry.insert(QStringLiteral("freshness"), QStringLiteral("Current"));
        versions.append(entry);
    }
    QJsonObject metadata;
    metadata.insert(QStringLiteral("name"), group);
    metadata.insert(QStringLiteral("creationTimestamp"), QJsonValue::Null);
    QJsonObject out;
    out.insert(QStringLiteral("metadata"), metadata);
    out.insert(QStringLiteral("versions"), versions);
    return out;
}

QJsonObject groupVersion(const QString &group, const QString &version)
{
    QJsonObject out;
    out.insert(QStringLiteral("groupVersion"), QString(group + QLatin1Char('/') + version));
    out.insert(QStringLiteral("version"), version);
    return out;
}

} // namespace

QJsonObject Discovery::version(const QString &kubernetesVersion)
{
    const QStringList parts = kubernetesVersion.split(QLatin1Char('.'));
    const QString major = parts.value(0, QStringLiteral("1"));
    const QString minor = parts.value(1, QStringLiteral("30"));
    const QString patch = parts.value(2, QStringLiteral("0"));
    QJsonObject out;
    out.insert(QStringLiteral("major"), major);
    out.insert(QStringLiteral("minor"), minor);
    out.insert(QStringLiteral("gitVersion"), QStringLiteral("v%1.%2.%3").arg(major, minor, patch));
    out.insert(QStringLiteral("gitCommit"), QStringLiteral("0000000000000000000000000000000000000000"));
    out.insert(QStringLiteral("gitTreeState"), QStringLiteral("clean"));
    out.insert(QStringLiteral("buildDate"), QStringLiteral("2024-01-01T00:00:00Z"));
    out.insert(QStringLiteral("goVersion"), QStringLiteral("go1.22.0"));
    out.insert(QStringLiteral("compiler"), QStringLiteral("gc"));
    out.insert(QStringLiteral("platform"), QStringLiteral("linux/amd64"));
    return out;
}

QJsonObject Discovery::aggregated(bool core, const QString &discoveryVersion)
{
    QJsonArray items;
    if (core) {
        items.append(groupEntry(QString()));
    } else {
        for (const QString &group : ResourceTypes::groups()) {
            items.append(groupEntry(group));
        }
    }
    QJsonObject out;
    out.insert(QStringLiteral("kind"), QStringLiteral("APIGroupDiscoveryList"));
    out.insert(QStringLiteral("apiVersion"), QString(QStringLiteral("apidiscovery.k8s.io/") + discoveryVersion));
    out.insert(QStringLiteral("metadata"), QJsonObject());
    out.insert(QStringLiteral("items"), items);
    return out;
}

QJsonObject Discovery::apiVersions(const QString &serverAddress)
{
    QJsonObject address;
    address.insert(QStringLiteral("clientCIDR"), QStringLiteral("0.0.0.0/0"));
    address.insert(QStringLiteral("serverAddress"), serverAddress);
    QJsonObject out;
    out.insert(QStringLiteral("kind"), QStringLiteral("APIVersions"));
    out.insert(QStringLiteral("versions"), QJsonArray{QStringLiteral("v1")});
    out.insert(QStringLiteral("serverAddressByClientCIDRs"), QJsonArray{address});
    return out;
}

QJsonObject Discovery::apiGroupList()
{
    QJsonArray groups;
    for (const QString &group : ResourceTypes::groups()) {
        QJsonArray versions;
        const QStringList names = ResourceTypes::versions(group);
        for (const QString &version : names) {
            versions.append(groupVersion(group, version));
        }
        QJsonObject entry;
        entry.insert(QStringLiteral("name"), group);
        entry.insert(QStringLiteral("versions"), versions);
        entry.insert(QStringLiteral("preferredVersion"), groupVersion(group, names.value(0)));
        groups.append(entry);
    }
    QJsonObject out;
    out.insert(QStringLiteral("kind"), QStringLiteral("APIGroupList"));
    out.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
    out.insert(QStringLiteral("groups"), groups);
    return out;
}

QJsonObject Discovery::apiResourceList(const QString &group, const QString &version)
{
    QJsonArray resources;
    for (const ResourceType &type : ResourceTypes::all()) {
        if (type.group != group || type.version != version) {
            continue;
        }
        QJsonObject entry;
        entry.insert(QStringLiteral("name"), type.resource);
        entry.insert(QStringLiteral("singularName"), type.singular);
        entry.insert(QStringLiteral("namespaced"), type.namespaced);
        entry.insert(QStringLiteral("kind"), type.kind);
        entry.insert(QStringLiteral("verbs"), verbsFor(type));
        if (!type.shortNames.isEmpty()) {
            entry.insert(QStringLiteral("shortNames"), QJsonArray::fromStringList(type.shortNames));
        }
        if (!type.categories.isEmpty()) {
            entry.insert(QStringLiteral("categories"), QJsonArray::fromStringList(type.categories));
        }
        resources.append(entry);
        if (type.hasScale) {
            QJsonObject scale;
            scale.insert(QStringLiteral("name"), QString(type.resource + QStringLiteral("/scale")));
            scale.insert(QStringLiteral("singularName"), QString());
            scale.insert(QStringLiteral("namespaced"), type.namespaced);
            scale.insert(QStringLiteral("group"), QStringLiteral("autoscaling"));
            scale.insert(QStringLiteral("version"), QStringLiteral("v1"));
            scale.insert(QStringLiteral("kind"), QStringLiteral("Scale"));
            scale.insert(QStringLiteral("verbs"), subresourceVerbs());
            resources.append(scale);
        }
        if (type.hasStatus) {
            QJsonObject status;
            status.insert(QStringLiteral("name"), QString(type.resource + QStringLiteral("/status")));
            status.insert(QStringLiteral("singularName"), QString());
            status.insert(QStringLiteral("namespaced"), type.namespaced);
            status.insert(QStringLiteral("kind"), type.kind);
            status.insert(QStringLiteral("verbs"), subresourceVerbs());
            resources.append(status);
        }
    }
    if (resources.isEmpty()) {
        return {};
    }
    QJsonObject out;
    out.insert(QStringLiteral("kind"), QStringLiteral("APIResourceList"));
    out.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
    out.insert(QStringLiteral("groupVersion"), group.isEmpty() ? version : QString(group + QLatin1Char('/') + version));
    out.insert(QStringLiteral("resources"), resources);
    return out;
}

QString Discovery::negotiate(const QByteArray &accept)
{
    // Take the first acceptable media range in the client's order.
    for (const QByteArray &range : accept.split(',')) {
        const QByteArray trimmed = range.trimmed();
        if (!trimmed.contains("as=APIGroupDiscoveryList") || !trimmed.contains("g=apidiscovery.k8s.io")) {
            if (trimmed.startsWith("application/json") || trimmed.startsWith("*/*")) {
                return QString();
            }
            continue;
        }
        if (trimmed.contains("v=v2beta1")) {
            return QStringLiteral("v2beta1");
        }
        if (trimmed.contains("v=v2")) {
            return QStringLiteral("v2");
        }
    }
    return QString();
}

QByteArray Discovery::contentType(const QString &discoveryVersion)
{
    return "application/json;g=apidiscovery.k8s.io;v=" + discoveryVersion.toLatin1() + ";as=APIGroupDiscoveryList";
}

} // namespace Gantry::KubeSim
