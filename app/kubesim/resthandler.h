#pragma once

#include "app/kubesim/apiresponse.h"
#include "app/kubesim/httpconnection.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Gantry::KubeSim {

class Store;
class Selector;
struct ResourceType;

// Where a resource request points: /api/v1/namespaces/NS/pods/NAME/SUB and friends.
struct ResourcePath
{
    const ResourceType *type = nullptr;
    QString ns; // empty: cluster-scoped, or a namespaced resource listed across namespaces
    QString name;
    QString subresource; // "", "status", "scale"
};

// The REST verbs on stored objects (everything but watch): get, list (selectors, limit/continue,
// Table), create, replace, delete, patch (strategic-merge, merge, JSON patch), status and scale.
class RestHandler final
{
public:
    explicit RestHandler(Store *store);

    ApiResponse handle(const HttpRequest &request, const ResourcePath &path);

    // Parses labelSelector and fieldSelector; on failure returns false with a 400 in *failure.
    static bool selectors(const HttpRequest &request, Selector *labels, Selector *fields, ApiResponse *failure);
    static bool wantsTable(const HttpRequest &request);
    static QString notFoundMessage(const ResourceType &type, const QString &name);
    static QString qualifiedResource(const ResourceType &type);

private:
    ApiResponse get(const ResourcePath &path);
    ApiResponse list(const HttpRequest &request, const ResourcePath &path);
    ApiResponse create(const HttpRequest &request, const ResourcePath &path);
    ApiResponse replace(const HttpRequest &request, const ResourcePath &path);
    ApiResponse remove(const HttpRequest &request, const ResourcePath &path);
    ApiResponse patch(const HttpRequest &request, const ResourcePath &path);
    ApiResponse storeFailure(const ResourcePath &path, int error, const QString &message);
    ApiResponse validate(const ResourcePath &path, const QJsonObject &object);

    Store *m_store;
};

} // namespace Gantry::KubeSim
