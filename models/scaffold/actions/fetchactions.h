#pragma once

#include "models/scaffold/actions/action.h"

namespace Gantry::Scaffold {

// fetch:template, fetch:template:file, fetch:plain, fetch:plain:file and catalog:write: they fill
// the in-memory FileSet from folders next to the template (never from the network).
class FetchActions final
{
public:
    static bool fetchTemplate(ActionContext &ctx, bool singleFile, QString *error);
    static bool fetchPlain(ActionContext &ctx, bool singleFile, QString *error);
    static bool catalogWrite(ActionContext &ctx, QString *error);
    // Resolves input.url against the template's folder; refuses remote URLs.
    static bool resolveUrl(const ActionContext &ctx, QString *path, QString *error);
};

} // namespace Gantry::Scaffold
