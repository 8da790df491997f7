#include "models/kube/kubeerror.h"

#include <QCoreApplication>

namespace Gantry::Kube {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Kube::KubeError", text);
}

} // namespace

QString KubeError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Config:
        return QStringLiteral("config");
    case Kind::Unreachable:
        return QStringLiteral("unreachable");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Kind::Forbidden:
        return QStringLiteral("forbidden");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::Gone:
        return QStringLiteral("gone");
    case Kind::Invalid:
        return QStringLiteral("invalid");
    case Kind::Server:
        return QStringLiteral("server-error");
    case Kind::Malformed:
        return QStringLiteral("malformed");
    case Kind::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

QString KubeError::describe(Kind kind, const QString &context, const QString &detail, int httpStatus)
{
    const QString where = context.isEmpty() ? tr("the cluster") : tr("cluster \"%1\"").arg(context);
    const QString why = detail.isEmpty() ? QString() : QStringLiteral(" (") + detail + QLatin1Char(')');
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Config:
        return tr("Cannot connect to %1: %2").arg(where, detail);
    case Kind::Unreachable:
        return tr("Cannot reach %1%2. Check that the cluster is running and that the server address in the "
                  "kubeconfig is right, then retry.")
            .arg(where, why);
    case Kind::Timeout:
        return tr("%1 did not answer in time%2. The cluster or the network may be overloaded; retry later.")
            .arg(where.left(1).toUpper() + where.mid(1), why);
    case Kind::Tls:
        return tr("The TLS connection to %1 failed%2. Check the certificate authority and tls-server-name in the "
                  "kubeconfig; Gantry does not connect to clusters it cannot verify.")
            .arg(where, why);
    case Kind::Unauthorized:
        return tr("%1 rejected the credentials (401 Unauthorized)%2. Your token or certificate may have expired: "
                  "log in again or update the kubeconfig.")
            .arg(where.left(1).toUpper() + where.mid(1), why);
    case Kind::Forbidden:
        return tr("Access denied by %1 (403 Forbidden)%2. Your user lacks permission for this; ask the cluster's "
                  "administrators for access.")
            .arg(where, why);
    case Kind::NotFound:
        return tr("Not found on %1 (404)%2.").arg(where, why);
    case Kind::Conflict:
        return tr("Conflict on %1 (409)%2: the object changed meanwhile or already exists; retry.").arg(where, why);
    case Kind::Gone:
        return tr("The data from %1 expired (410 Gone)%2; reloading.").arg(where, why);
    case Kind::Invalid:
        return tr("%1 refused the change as invalid (422)%2.").arg(where.left(1).toUpper() + where.mid(1), why);
    case Kind::Server:
        return tr("%1 had an internal error (HTTP %2)%3. Retry later; if it persists, tell the cluster's "
                  "administrators.")
            .arg(where.left(1).toUpper() + where.mid(1))
            .arg(httpStatus)
            .arg(why);
    case Kind::Malformed:
        return tr("%1 sent an answer Gantry cannot read%2. It may not be a Kubernetes API server, or a proxy is in "
                  "the way; check the server address.")
            .arg(where.left(1).toUpper() + where.mid(1), why);
    case Kind::Other:
        return tr("Request to %1 failed (HTTP %2)%3.").arg(where).arg(httpStatus).arg(why);
    }
    return detail;
}

KubeError KubeError::make(Kind kind, const QString &context, const QString &detail, int httpStatus,
                          const QString &reason)
{
    KubeError e;
    e.kind = kind;
    e.context = context;
    e.detail = detail;
    e.httpStatus = httpStatus;
    e.reason = reason;
    e.message = describe(kind, context, detail, httpStatus);
    return e;
}

KubeError::Kind KubeError::kindForStatus(int status)
{
    switch (status) {
    case 401:
        return Kind::Unauthorized;
    case 403:
        return Kind::Forbidden;
    case 404:
        return Kind::NotFound;
    case 409:
        return Kind::Conflict;
    case 410:
        return Kind::Gone;
    case 422:
        return Kind::Invalid;
    default:
        break;
    }
    return status >= 500 ? Kind::Server : Kind::Other;
}

} // namespace Gantry::Kube
