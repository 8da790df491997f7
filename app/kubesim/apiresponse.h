#pragma once

#include "app/kubesim/httpconnection.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Gantry::KubeSim {

// A whole (non-streaming) answer of the API layer.
struct ApiResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    HttpHeaders headers;

    static ApiResponse json(int status, const QJsonObject &object);
    // A meta/v1 Status failure (reference §1.9): reason is NotFound, Conflict, Invalid, ...
    static ApiResponse failure(int status, const QString &reason, const QString &message,
                               const QJsonObject &details = QJsonObject());
    static QJsonObject statusObject(int status, const QString &reason, const QString &message,
                                    const QJsonObject &details = QJsonObject());
    // details {name, group, kind} as the API server fills it for object errors.
    static QJsonObject details(const QString &name, const QString &group, const QString &kind);
};

} // namespace Gantry::KubeSim
