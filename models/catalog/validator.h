#pragma once

#include "models/catalog/entity.h"
#include "models/catalog/problem.h"

#include <vector>

namespace Gantry::Catalog {

// Backstage's default validation (KubernetesValidatorFunctions, FieldFormatEntityPolicy,
// required spec fields per kind). Appends problems with file, line, column and an actionable
// message; returns false when the entity must be rejected (any error).
class Validator final
{
public:
    static bool validate(const Entity &entity, std::vector<Problem> *problems);

    // The individual rules, exposed for tests and for the template wizard's name checks.
    static bool isValidObjectName(QStringView name);
    static bool isValidNamespace(QStringView ns);
    static bool isValidLabelKey(QStringView key);
    static bool isValidLabelValue(QStringView value);
    static bool isValidAnnotationKey(QStringView key);
    static bool isValidTag(QStringView tag);
    static bool isValidApiVersion(QStringView apiVersion);
    static bool isValidKind(QStringView kind);
    // What `new URL(value)` accepts: a scheme, and a host for http(s), ws(s) and ftp.
    static bool isValidUrl(QStringView url);
};

} // namespace Gantry::Catalog
