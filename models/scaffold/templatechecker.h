#pragma once

#include "models/catalog/problem.h"
#include "models/catalog/yamltree.h"
#include "models/scaffold/template.h"

#include <vector>

namespace Gantry::Scaffold {

// Load-time checks of a template, so that what Gantry cannot run is reported with file:line:col
// before anyone fills a form (Backstage reports most of these at the end of a run): unknown
// actions, unknown filters and malformed expressions in step inputs, `if`, `each` and the output,
// fetch URLs that are not next to the template, and skeleton files (symlinks, bad expressions,
// malformed mustache).
class TemplateChecker final
{
public:
    static void check(Template *tmpl);
    // Every `${{ }}` inside a YAML subtree parses; appends problems at the scalar's line:col.
    static void checkExpressions(const Catalog::YamlNode &node, const QString &file, const QStringList &allowedRoots,
                                 std::vector<Catalog::Problem> *problems);
    // The skeleton folder of a fetch action: every file renders-checks, no symlinks, nothing odd.
    // Files matching `copyWithoutTemplating` globs are not checked (they are copied as they are).
    static void checkSkeleton(const QString &directory, const QStringList &copyWithoutTemplating,
                              const QString &templateFileExtension, std::vector<Catalog::Problem> *problems);
};

} // namespace Gantry::Scaffold
