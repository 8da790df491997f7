#include "app/kubesim/resthandler.h"

#include "app/kubesim/conversions.h"
#include "app/kubesim/patch.h"
#include "app/kubesim/resourcetypes.h"
#include "app/kubesim/selectors.h"
#include "app/kubesim/store.h"
#include "app/kubesim/tables.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace Gantry::KubeSim {

namespace {

const QString kMetadata = QStringLiteral("metadata");

QString metaName(const QJsonObject &object)
{
    return object.value(kMetadata).toObject().value(QStringLiteral("name")).toString();
}

QString metaNamespace(const QJsonObject &object)
{
    return object.value(kMetadata).toObject().value(QStringLiteral("namespace")).toString();
}

QByteArray encodeContinue(qint64 version, const QString &ns, const QString &name)
{
    QJsonObject token;
    token.insert(QStringLiteral("v"), QStringLiteral("meta.k8s.io/v1"));
    token.insert(QStringLiteral("rv"), version);
    token.insert(QStringLiteral("ns"), ns);
    token.insert(QStringLiteral("start"), name);
    return QJsonDocument(token)
        .toJson(QJsonDocument::Compact)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool decodeContinue(const QString &text, qint64 *version, QString *ns, QString *name)
{
    const QByteArray json =
        QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return false;
    }
    const QJsonObject token = document.object();
    *version = token.value(QStringLiteral("rv")).toInteger();
    *ns = token.value(QStringLiteral("ns")).toString();
    *name = token.value(QStringLiteral("start")).toString();
    return !name->isEmpty();
}

bool parseBody(const QByteArray &body, QJsonDocument *document, QString *error)
{
    QJsonParseError parseError;
    *document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("couldn't get version/kind; json parse error: %1 at offset %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    return true;
}

} // namespace

RestHandler::RestHandler(Store *store)
    : m_store(store)
{}

QString RestHandler::qualifiedResource(const ResourceType &type)
{
    return type.group.isEmpty() ? type.resource : type.resource + QLatin1Char('.') + type.group;
}

QString RestHandler::notFoundMessage(const ResourceType &type, const QString &name)
{
    return QStringLiteral("%1 \"%2\" not found").arg(qualifiedResource(type), name);
}

bool RestHandler::wantsTable(const HttpRequest &request)
{
    return request.header("accept").contains("as=Table");
}

bool RestHandler::selectors(const HttpRequest &request, Selector *labels, Selector *fields, ApiResponse *failure)
{
    QString error;
    if (!Selector::parseLabels(request.queryValue(QStringLiteral("labelSelector")), labels, &error)) {
        *failure = ApiResponse::failure(400, QStringLiteral("BadRequest"), error);
        return false;
    }
    if (!Selector::parseFields(request.queryValue(QStringLiteral("fieldSelector")), fields, &error)) {
        *failure = ApiResponse::failure(400, QStringLiteral("BadRequest"), error);
        return false;
    }
    return true;
}

ApiResponse RestHandler::storeFailure(const ResourcePath &path, int error, const QString &message)
{
    const QJsonObject details = ApiResponse::details(path.name, path.type->group, path.type->resource);
    switch (StoreError(error)) {
    case StoreError::NotFound:
        return ApiResponse::failure(404, QStringLiteral("NotFound"), message, details);
    case StoreError::AlreadyExists:
        return ApiResponse::failure(409, QStringLiteral("AlreadyExists"), message, details);
    case StoreError::Conflict:
        return ApiResponse::failure(409, QStringLiteral("Conflict"), message, details);
    case StoreError::Invalid:
    case StoreError::None:
        break;
    }
    return ApiResponse::failure(422, QStringLiteral("Invalid"), message, details);
}

ApiResponse RestHandler::validate(const ResourcePath &path, const QJsonObject &object)
{
    if (path.type->storeKey != QLatin1String("deployments.apps") &&
        path.type->storeKey != QLatin1String("replicasets.apps")) {
        return ApiResponse{0, {}, {}, {}};
    }
    const QJsonObject spec = object.value(QStringLiteral("spec")).toObject();
    const QJsonObject labels = spec.value(QStringLiteral("template"))
                                   .toObject()
                                   .value(kMetadata)
                                   .toObject()
                                   .value(QStringLiteral("labels"))
                                   .toObject();
    QJsonObject templateHolder;
    templateHolder.insert(kMetadata, QJsonObject{{QStringLiteral("labels"), labels}});
    QStringList problems;
    QJsonArray causes;
    const QJsonObject selector = spec.value(QStringLiteral("selector")).toObject();
    if (selector.isEmpty()) {
        problems.append(QStringLiteral("spec.selector: Required value"));
    } else if (!Selector::fromLabelSelector(selector).matches(templateHolder)) {
        problems.append(QStringLiteral("spec.template.metadata.labels: Invalid value: %1: `selector` does not match "
                                       "template `labels`")
                            .arg(QString::fromUtf8(QJsonDocument(labels).toJson(QJsonDocument::Compact))));
    }
    const QJsonArray containers = spec.value(QStringLiteral("template"))
                                      .toObject()
                                      .value(QStringLiteral("spec"))
                                      .toObject()
                                      .value(QStringLiteral("containers"))
                                      .toArray();
    if (containers.isEmpty()) {
        problems.append(QStringLiteral("spec.template.spec.containers: Required value"));
    }
    for (int i = 0; i < containers.size(); ++i) {
        const QJsonObject container = containers.at(i).toObject();
        if (container.value(QStringLiteral("name")).toString().isEmpty()) {
            problems.append(QStringLiteral("spec.template.spec.containers[%1].name: Required value").arg(i));
        }
        if (container.value(QStringLiteral("image")).toString().isEmpty()) {
            problems.append(QStringLiteral("spec.template.spec.containers[%1].image: Required value").arg(i));
        }
    }
    if (spec.value(QStringLiteral("replicas")).toInteger() < 0) {
        problems.append(QStringLiteral("spec.replicas: Invalid value: %1: must be greater than or equal to 0")
                            .arg(spec.value(QStringLiteral("replicas")).toInteger()));
    }
    if (problems.isEmpty()) {
        return ApiResponse{0, {}, {}, {}};
    }
    for (const QString &problem : std::as_const(problems)) {
        const int colon = problem.indexOf(QLatin1Char(':'));
        causes.append(QJsonObject{{QStringLiteral("reason"), QStringLiteral("FieldValueInvalid")},
                                  {QStringLiteral("message"), problem.mid(colon + 2)},
                                  {QStringLiteral("field"), problem.left(colon)}});
    }
    QJsonObject details = ApiResponse::details(metaName(object), path.type->group, path.type->kind);
    details.insert(QStringLiteral("causes"), causes);
    return ApiResponse::failure(
        422, QStringLiteral("Invalid"),
        QStringLiteral("%1.%2 \"%3\" is invalid: %4")
            .arg(path.type->kind, path.type->group, metaName(object), problems.join(QStringLiteral(", "))),
        details);
}

ApiResponse RestHandler::handle(const HttpRequest &request, const ResourcePath &path)
{
    const QByteArray &method = request.method;
    if (!path.subresource.isEmpty() && path.subresource != QLatin1String("status") &&
        !(path.subresource == QLatin1String("scale") && path.type->hasScale)) {
        return ApiResponse::failure(404, QStringLiteral("NotFound"),
                                    QStringLiteral("the server could not find the requested resource"));
    }
    if (path.name.isEmpty()) {
        if (method == "GET") {
            return list(request, path);
        }
        if (method == "POST") {
            return create(request, path);
        }
        return ApiResponse::failure(405, QStringLiteral("MethodNotAllowed"),
                                    QStringLiteral("the server does not allow this method on the requested resource"));
    }
    if (method == "GET") {
        return get(path);
    }
    if (method == "PUT") {
        return replace(request, path);
    }
    if (method == "PATCH") {
        return patch(request, path);
    }
    if (method == "DELETE" && path.subresource.isEmpty()) {
        return remove(request, path);
    }
    return ApiResponse::failure(405, QStringLiteral("MethodNotAllowed"),
                                QStringLiteral("the server does not allow this method on the requested resource"));
}

ApiResponse RestHandler::get(const ResourcePath &path)
{
    const std::optional<QJsonObject> object = m_store->get(path.type->storeKey, path.ns, path.name);
    if (!object) {
        return ApiResponse::failure(404, QStringLiteral("NotFound"), notFoundMessage(*path.type, path.name),
                                    ApiResponse::details(path.name, path.type->group, path.type->resource));
    }
    if (path.subresource == QLatin1String("scale")) {
        return ApiResponse::json(200, Conversions::scaleOf(*object));
    }
    return ApiResponse::json(200, Conversions::toServedVersion(*path.type, *object));
}

ApiResponse RestHandler::list(const HttpRequest &request, const ResourcePath &path)
{
    Selector labels;
    Selector fields;
    ApiResponse failure;
    if (!selectors(request, &labels, &fields, &failure)) {
        return failure;
    }
    const qint64 version = m_store->resourceVersion();
    QList<QJsonObject> objects = m_store->list(path.type->storeKey, path.ns);
    qsizetype start = 0;
    const QString token = request.queryValue(QStringLiteral("continue"));
    if (!token.isEmpty()) {
        qint64 tokenVersion = 0;
        QString tokenNs;
        QString tokenName;
        if (!decodeContinue(token, &tokenVersion, &tokenNs, &tokenName)) {
            return ApiResponse::failure(400, QStringLiteral("BadRequest"),
                                        QStringLiteral("continue key is not valid: incorrect encoded start "
                                                       "resourceVersion (version meta.k8s.io/v1)"));
        }
        if (tokenVersion < m_store->oldestResumableVersion()) {
            return ApiResponse::failure(410, QStringLiteral("Expired"),
                                        QStringLiteral("The provided continue parameter is too old to display a "
                                                       "consistent list result. You can start a new list without "
                                                       "the continue parameter."));
        }
        const auto position =
            std::upper_bound(objects.cbegin(), objects.cend(), std::make_pair(tokenNs, tokenName),
                             [](const std::pair<QString, QString> &key, const QJsonObject &object) {
                                 const QString ns = metaNamespace(object);
                                 return key.first < ns || (key.first == ns && key.second < metaName(object));
                             });
        start = position - objects.cbegin();
    }
    const qint64 limit = request.queryValue(QStringLiteral("limit")).toLongLong();
    QList<QJsonObject> page;
    qsizetype remaining = 0;
    QString lastNs;
    QString lastName;
    for (qsizetype i = start; i < objects.size(); ++i) {
        const QJsonObject &object = objects.at(i);
        if (!labels.matches(object) || !fields.matches(object)) {
            continue;
        }
        if (limit > 0 && page.size() >= limit) {
            ++remaining;
            continue;
        }
        page.append(Conversions::toServedVersion(*path.type, object));
        lastNs = metaNamespace(object);
        lastName = metaName(object);
    }
    QJsonObject metadata;
    metadata.insert(QStringLiteral("resourceVersion"), QString::number(version));
    if (remaining > 0) {
        metadata.insert(QStringLiteral("continue"), QString::fromLatin1(encodeContinue(version, lastNs, lastName)));
        metadata.insert(QStringLiteral("remainingItemCount"), qint64(remaining));
    }
    if (wantsTable(request)) {
        const QString include = request.queryValue(QStringLiteral("includeObject"));
        const Tables::IncludeObject mode = include == QLatin1String("Object") ? Tables::IncludeObject::Object
                                           : include == QLatin1String("None") ? Tables::IncludeObject::None
                                                                              : Tables::IncludeObject::Metadata;
        return ApiResponse::json(200, Tables::table(*path.type, page, mode, token.isEmpty(), metadata));
    }
    // Serialised item by item: building one QJsonArray of 5,000 pods first costs twice as much.
    QJsonObject head;
    head.insert(QStringLiteral("kind"), path.type->listKind());
    head.insert(QStringLiteral("apiVersion"), path.type->apiVersion());
    head.insert(kMetadata, metadata);
    ApiResponse response;
    response.body = QJsonDocument(head).toJson(QJsonDocument::Compact);
    response.body.chop(1); // the closing brace
    response.body.append(",\"items\":[");
    for (qsizetype i = 0; i < page.size(); ++i) {
        if (i > 0) {
            response.body.append(',');
        }
        response.body.append(QJsonDocument(page.at(i)).toJson(QJsonDocument::Compact));
    }
    response.body.append("]}\n");
    return response;
}

ApiResponse RestHandler::create(const HttpRequest &request, const ResourcePath &path)
{
    if (!path.subresource.isEmpty()) {
        return ApiResponse::failure(405, QStringLiteral("MethodNotAllowed"),
                                    QStringLiteral("the server does not allow this method on the requested resource"));
    }
    QJsonDocument document;
    QString error;
    if (!parseBody(request.body, &document, &error) || !document.isObject()) {
        return ApiResponse::failure(400, QStringLiteral("BadRequest"),
                                    error.isEmpty() ? QStringLiteral("the request body must be a JSON object") : error);
    }
    QJsonObject object = Conversions::fromServedVersion(*path.type, document.object());
    if (path.type->namespaced && path.type->storeKey != QLatin1String("namespaces")) {
        if (path.ns.isEmpty()) {
            return ApiResponse::failure(404, QStringLiteral("NotFound"),
                                        QStringLiteral("the server could not find the requested resource"));
        }
        const QString bodyNs = metaNamespace(object);
        if (!bodyNs.isEmpty() && bodyNs != path.ns) {
            return ApiResponse::failure(400, QStringLiteral("BadRequest"),
                                        QStringLiteral("the namespace of the provided object does not match the "
                                                       "namespace sent on the request"));
        }
        if (!m_store->namespaceExists(path.ns)) {
            return ApiResponse::failure(404, QStringLiteral("NotFound"),
                                        QStringLiteral("namespaces \"%1\" not found").arg(path.ns),
                                        ApiResponse::details(path.ns, QString(), QStringLiteral("namespaces")));
        }
    }
    const ApiResponse invalid = validate(path, object);
    if (invalid.status != 0) {
        return invalid;
    }
    const StoreResult result = m_store->create(path.type->storeKey, path.ns, object);
    if (!result.ok()) {
        ResourcePath named = path;
        named.name = metaName(object);
        return storeFailure(named, int(result.error), result.message);
    }
    return ApiResponse::json(201, Conversions::toServedVersion(*path.type, result.object));
}

ApiResponse RestHandler::replace(const HttpRequest &request, const ResourcePath &path)
{
    QJsonDocument document;
    QString error;
    if (!parseBody(request.body, &document, &error) || !document.isObject()) {
        return ApiResponse::failure(400, QStringLiteral("BadRequest"),
                                    error.isEmpty() ? QStringLiteral("the request body must be a JSON object") : error);
    }
    QJsonObject object = document.object();
    const std::optional<QJsonObject> current = m_store->get(path.type->storeKey, path.ns, path.name);
    if (!current) {
        return ApiResponse::failure(404, QStringLiteral("NotFound"), notFoundMessage(*path.type, path.name),
                                    ApiResponse::details(path.name, path.type->group, path.type->resource));
    }
    if (path.subresource == QLatin1String("scale")) {
        QJsonObject next = *current;
        QJsonObject spec = next.value(QStringLiteral("spec")).toObject();
        spec.insert(QStringLiteral("replicas"),
                    object.value(QStringLiteral("spec")).toObject().value(QStringLiteral("replicas")).toInteger());
        next.insert(QStringLiteral("spec"), spec);
        QJsonObject metadata = next.value(kMetadata).toObject();
        const QString wanted = object.value(kMetadata).toObject().value(QStringLiteral("resourceVersion")).toString();
        metadata.insert(QStringLiteral("resourceVersion"), wanted);
        next.insert(kMetadata, metadata);
        const StoreResult result = m_store->update(path.type->storeKey, path.ns, next, UpdateMode::Main);
        if (!result.ok()) {
            return storeFailure(path, int(result.error), result.message);
        }
        return ApiResponse::json(200, Conversions::scaleOf(result.object));
    }
    object = Conversions::fromServedVersion(*path.type, object);
    if (metaName(object) != path.name) {
        return ApiResponse::failure(
            400, QStringLiteral("BadRequest"),
            QStringLiteral("the name of the object (%1) does not match the name on the URL (%2)")
                .arg(metaName(object), path.name));
    }
    const ApiResponse invalid = validate(path, object);
    if (invalid.status != 0) {
        return invalid;
    }
    const UpdateMode mode = path.subresource == QLatin1String("status") ? UpdateMode::Status : UpdateMode::Main;
    const StoreResult result = m_store->update(path.type->storeKey, path.ns, object, mode);
    if (!result.ok()) {
        return storeFailure(path, int(result.error), result.message);
    }
    return ApiResponse::json(200, Conversions::toServedVersion(*path.type, result.object));
}

ApiResponse RestHandler::remove(const HttpRequest &request, const ResourcePath &path)
{
    // Pods end gracefully, like on a real cluster: marked Terminating, and the kubelet (the
    // controller) removes them shortly after. gracePeriodSeconds=0 removes at once.
    if (path.type->storeKey == QLatin1String("pods") &&
        request.queryValue(QStringLiteral("gracePeriodSeconds")) != QLatin1String("0")) {
        const StoreResult marked = m_store->modify(path.type->storeKey, path.ns, path.name, [](QJsonObject &pod) {
            QJsonObject metadata = pod.value(kMetadata).toObject();
            if (metadata.contains(QStringLiteral("deletionTimestamp"))) {
                return false;
            }
            metadata.insert(QStringLiteral("deletionTimestamp"), Store::timestamp());
            metadata.insert(QStringLiteral("deletionGracePeriodSeconds"), 30);
            pod.insert(kMetadata, metadata);
            return true;
        });
        if (!marked.ok()) {
            return storeFailure(path, int(marked.error), marked.message);
        }
        return ApiResponse::json(200, marked.object);
    }
    const StoreResult result = m_store->remove(path.type->storeKey, path.ns, path.name);
    if (!result.ok()) {
        return storeFailure(path, int(result.error), result.message);
    }
    QJsonObject details = ApiResponse::details(path.name, path.type->group, path.type->resource);
    details.insert(QStringLiteral("uid"), result.object.value(kMetadata).toObject().value(QStringLiteral("uid")));
    QJsonObject status;
    status.insert(QStringLiteral("kind"), QStringLiteral("Status"));
    status.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
    status.insert(kMetadata, QJsonObject());
    status.insert(QStringLiteral("status"), QStringLiteral("Success"));
    status.insert(QStringLiteral("details"), details);
    return ApiResponse::json(200, status);
}

ApiResponse RestHandler::patch(const HttpRequest &request, const ResourcePath &path)
{
    QByteArray contentType = request.header("content-type");
    const qsizetype semicolon = contentType.indexOf(';');
    if (semicolon >= 0) {
        contentType = contentType.left(semicolon);
    }
    contentType = contentType.trimmed().toLower();
    const bool strategic = contentType == "application/strategic-merge-patch+json";
    const bool mergePatch =
        contentType == "application/merge-patch+json" || contentType == "application/apply-patch+yaml";
    const bool jsonPatch = contentType == "application/json-patch+json";
    if (!strategic && !mergePatch && !jsonPatch) {
        return ApiResponse::failure(415, QStringLiteral("UnsupportedMediaType"),
                                    QStringLiteral("the body of the request was in an unknown format - accepted media "
                                                   "types include: application/json-patch+json, "
                                                   "application/merge-patch+json, application/apply-patch+yaml, "
                                                   "application/strategic-merge-patch+json"));
    }
    const std::optional<QJsonObject> current = m_store->get(path.type->storeKey, path.ns, path.name);
    if (!current) {
        return ApiResponse::failure(404, QStringLiteral("NotFound"), notFoundMessage(*path.type, path.name),
                                    ApiResponse::details(path.name, path.type->group, path.type->resource));
    }
    const bool scale = path.subresource == QLatin1String("scale");
    const QJsonObject original =
        scale ? Conversions::scaleOf(*current) : Conversions::toServedVersion(*path.type, *current);
    QJsonDocument document;
    QString error;
    if (!parseBody(request.body, &document, &error)) {
        return ApiResponse::failure(400, QStringLiteral("BadRequest"), error);
    }
    QJsonObject patched;
    if (jsonPatch) {
        if (!document.isArray()) {
            return ApiResponse::failure(400, QStringLiteral("BadRequest"),
                                        QStringLiteral("json: cannot unmarshal object into Go value of type "
                                                       "jsonpatch.Patch"));
        }
        patched = original;
        if (!Patch::json(&patched, document.array(), &error)) {
            return ApiResponse::failure(422, QStringLiteral("Invalid"), error,
                                        ApiResponse::details(path.name, path.type->group, path.type->kind));
        }
    } else {
        if (!document.isObject()) {
            return ApiResponse::failure(400, QStringLiteral("BadRequest"),
                                        QStringLiteral("the patch must be a JSON object"));
        }
        patched =
            strategic ? Patch::strategicMerge(original, document.object()) : Patch::merge(original, document.object());
    }
    QJsonObject next;
    if (scale) {
        next = *current;
        QJsonObject spec = next.value(QStringLiteral("spec")).toObject();
        spec.insert(QStringLiteral("replicas"),
                    patched.value(QStringLiteral("spec")).toObject().value(QStringLiteral("replicas")).toInteger());
        next.insert(QStringLiteral("spec"), spec);
    } else {
        next = Conversions::fromServedVersion(*path.type, patched);
        QJsonObject metadata = next.value(kMetadata).toObject();
        metadata.insert(QStringLiteral("name"), path.name);
        next.insert(kMetadata, metadata);
        const ApiResponse invalid = validate(path, next);
        if (invalid.status != 0) {
            return invalid;
        }
    }
    const UpdateMode mode = path.subresource == QLatin1String("status") ? UpdateMode::Status : UpdateMode::Main;
    const StoreResult result = m_store->update(path.type->storeKey, path.ns, next, mode);
    if (!result.ok()) {
        return storeFailure(path, int(result.error), result.message);
    }
    return ApiResponse::json(200, scale ? Conversions::scaleOf(result.object)
                                        : Conversions::toServedVersion(*path.type, result.object));
}

} // namespace Gantry::KubeSim
