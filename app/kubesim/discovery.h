#pragma once

#include <QJsonObject>
#include <QString>

namespace Gantry::KubeSim {

// The discovery documents kubectl reads before anything else: /version, aggregated discovery
// (apidiscovery.k8s.io v2 and v2beta1) for /api and /apis, and the legacy APIVersions,
// APIGroupList and APIResourceList forms.
class Discovery final
{
public:
    // kubernetesVersion "1.30" -> {major "1", minor "30", gitVersion "v1.30.0", ...}
    static QJsonObject version(const QString &kubernetesVersion);
    // core true: /api, false: /apis. discoveryVersion "v2" or "v2beta1".
    static QJsonObject aggregated(bool core, const QString &discoveryVersion);
    static QJsonObject apiVersions(const QString &serverAddress);
    static QJsonObject apiGroupList();
    // APIResourceList for group ("" = core) and version; empty object when not served.
    static QJsonObject apiResourceList(const QString &group, const QString &version);
    // The aggregated discovery version chosen by an Accept header ("v2", "v2beta1" or "" = legacy).
    static QString negotiate(const QByteArray &accept);
    static QByteArray contentType(const QString &discoveryVersion);
};

} // namespace Gantry::KubeSim
