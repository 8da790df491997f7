#include "app/kubesim/apiresponse.h"

#include <QJsonDocument>

namespace Gantry::KubeSim {

ApiResponse ApiResponse::json(int status, const QJsonObject &object)
{
    ApiResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    response.body.append('\n');
    return response;
}

QJsonObject ApiResponse::statusObject(int status, const QString &reason, const QString &message,
                                      const QJsonObject &details)
{
    QJsonObject out;
    out.insert(QStringLiteral("kind"), QStringLiteral("Status"));
    out.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
    out.insert(QStringLiteral("metadata"), QJsonObject());
    out.insert(QStringLiteral("status"), QStringLiteral("Failure"));
    out.insert(QStringLiteral("message"), message);
    if (!reason.isEmpty()) {
        out.insert(QStringLiteral("reason"), reason);
    }
    if (!details.isEmpty()) {
        out.insert(QStringLiteral("details"), details);
    }
    out.insert(QStringLiteral("code"), status);
    return out;
}

ApiResponse ApiResponse::failure(int status, const QString &reason, const QString &message, const QJsonObject &details)
{
    return json(status, statusObject(status, reason, message, details));
}

QJsonObject ApiResponse::details(const QString &name, const QString &group, const QString &kind)
{
    QJsonObject out;
    if (!name.isEmpty()) {
        out.insert(QStringLiteral("name"), name);
    }
    if (!group.isEmpty()) {
        out.insert(QStringLiteral("group"), group);
    }
    out.insert(QStringLiteral("kind"), kind);
    return out;
}

} // namespace Gantry::KubeSim
