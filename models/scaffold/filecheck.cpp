#include "models/scaffold/filecheck.h"

#include "models/catalog/entity.h"
#include "models/catalog/validator.h"
#include "models/catalog/yamltree.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcFileCheck, "gantry.scaffold.filecheck")

namespace Gantry::Scaffold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Scaffold::FileCheck", text);
}

} // namespace

bool FileCheck::isYamlPath(const QString &path)
{
    return path.endsWith(QLatin1String(".yaml"), Qt::CaseInsensitive) ||
           path.endsWith(QLatin1String(".yml"), Qt::CaseInsensitive);
}

FileCheck::Result FileCheck::check(const FileSet &files, const QString &catalogInfoPath)
{
    Result result;
    for (const auto &[path, file] : files) {
        if (!isYamlPath(path)) {
            continue;
        }
        std::vector<Catalog::Problem> problems;
        const auto tree = Catalog::YamlTree::parse(file.contents, path, &problems);
        for (const Catalog::Problem &p : problems) {
            (p.isError() ? result.errors : result.warnings) << p.toCompilerString();
        }
        if (!tree && problems.empty()) {
            result.errors << tr("%1: not valid YAML").arg(path);
        }
    }
    if (catalogInfoPath.isEmpty()) {
        return result;
    }
    const auto it = files.find(catalogInfoPath);
    if (it == files.end()) {
        result.errors
            << tr("%1: the template created no %1; the new service could not be registered").arg(catalogInfoPath);
        return result;
    }
    std::vector<Catalog::Problem> problems;
    const auto tree = Catalog::YamlTree::parse(it->second.contents, catalogInfoPath, &problems);
    if (!tree || tree->hadSyntaxError()) {
        return result; // reported above
    }
    int entities = 0;
    for (int i = 0; i < int(tree->documents().size()); ++i) {
        if (tree->documents()[size_t(i)].hasError || !tree->documentRoot(i).isMapping()) {
            continue;
        }
        const Catalog::Entity entity = Catalog::Entity::fromDocument(tree, i, catalogInfoPath);
        std::vector<Catalog::Problem> entityProblems;
        Catalog::Validator::validate(entity, &entityProblems);
        for (const Catalog::Problem &p : entityProblems) {
            (p.isError() ? result.errors : result.warnings) << p.toCompilerString();
        }
        if (result.entityRef.isEmpty() && !entity.ref.isEmpty()) {
            result.entityRef = entity.ref;
        }
        ++entities;
    }
    if (entities == 0) {
        result.errors << tr("%1: holds no catalog entity").arg(catalogInfoPath);
    }
    return result;
}

} // namespace Gantry::Scaffold
