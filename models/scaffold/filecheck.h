#pragma once

#include "models/scaffold/scaffoldtypes.h"

#include <QString>
#include <QStringList>

namespace Gantry::Scaffold {

// The check between rendering and publishing: every YAML file parses, and the new
// catalog-info.yaml holds entities our catalog validator accepts. Messages name file:line:col.
class FileCheck final
{
public:
    struct Result
    {
        QStringList errors;
        QStringList warnings;
        QString entityRef; // the first entity of catalog-info.yaml ("component:default/foo")
        bool ok() const { return errors.isEmpty(); }
    };
    // `catalogInfoPath` relative to the repository root (default "catalog-info.yaml"); empty
    // means the files need not hold one.
    static Result check(const FileSet &files, const QString &catalogInfoPath);
    static bool isYamlPath(const QString &path);
};

} // namespace Gantry::Scaffold
