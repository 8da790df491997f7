#pragma once

#include "models/catalog/catalog.h"
#include "models/scaffold/template.h"

#include <QString>

#include <vector>

namespace Gantry::Scaffold {

// Finds and loads templates: the golden paths built into Gantry (":/templates/<name>/template.yaml"
// with a `skeleton/` folder beside it) and the Template entities of the live catalog. Loading
// checks everything a run would need (actions, filters, expressions, ui:fields) so problems are
// reported with file:line:col at once, not at the end of the wizard.
class TemplateLoader final
{
public:
    // The built-in golden paths, sorted by name.
    static std::vector<TemplatePtr> builtIn();
    // Template entities (scaffolder.backstage.io/v1beta3) of a catalog snapshot.
    static std::vector<TemplatePtr> fromCatalog(const Catalog::Catalog &catalog);
    // Built-in then catalog templates; a catalog template with a built-in's name replaces it.
    static std::vector<TemplatePtr> all(const Catalog::Catalog *catalog);
    // A template.yaml on disk (a folder holding one is accepted too). Returns nullptr only when the
    // file cannot be read or holds no Template; otherwise see Template::problems.
    static TemplatePtr loadFile(const QString &path, QString *error);
    // Parses one YAML document (its root mapping) that is a Template. `baseDirectory` resolves
    // relative URLs (./skeleton); `displayFile` is the file named in problems.
    static TemplatePtr fromNode(const std::shared_ptr<const Catalog::YamlTree> &tree, const Catalog::YamlNode &root,
                                const QString &displayFile, const QString &baseDirectory, bool builtIn);

    // By name ("go-http-service") or ref ("template:default/go-http-service"), case-insensitive.
    static TemplatePtr find(const std::vector<TemplatePtr> &templates, const QString &nameOrRef);

    // Actions and filters Gantry can run; anything else is reported at load.
    static bool isSupportedAction(const QString &action);
    static QStringList supportedActions();
};

} // namespace Gantry::Scaffold
