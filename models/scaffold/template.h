#pragma once

#include "models/catalog/problem.h"
#include "models/catalog/yamltree.h"
#include "models/scaffold/formdescription.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace Gantry::Scaffold {

// One `spec.steps[]` entry. `input` keeps its YAML node (for file:line in messages) and a JSON copy.
struct TemplateStep
{
    QString id; // may be empty in Backstage; then "step-<n>" is used for outputs
    QString name;
    QString action;
    QString ifExpression; // `if:` as written ("${{ parameters.x }}" or a literal), empty = always
    QJsonValue each;      // `each:` as written (an expression string or a list), Undefined = no loop
    QJsonValue input;     // `input:` as JSON (strings may hold ${{ }} expressions)
    Catalog::YamlNode inputNode;
    Catalog::YamlNode node; // the whole step, for file:line of its parts
    Catalog::SourceLocation location;

    QString displayName() const { return name.isEmpty() ? (id.isEmpty() ? action : id) : name; }
};

// A Backstage `scaffolder.backstage.io/v1beta3` Template, from the catalog or built in. Immutable
// once loaded; `problems` holds everything found unsupported or wrong while loading, each with
// file:line:col, so that the wizard says so before anyone fills a form.
struct Template
{
    QString name;
    QString nameSpace = QStringLiteral("default");
    QString title;
    QString description;
    QStringList tags;
    QString owner; // canonical ref of spec.owner, or as written when not a ref
    QString type;  // spec.type: "service", "website", ...
    QString lifecycle;
    FormDescription form;
    std::vector<TemplateStep> steps;
    QJsonValue output; // spec.output as JSON (links[], text[], other keys)
    Catalog::YamlNode outputNode;

    // Where relative `url`s (./skeleton) are resolved: a local folder or a Qt resource folder.
    QString baseDirectory;
    QString file; // the template.yaml that declared it (display path)
    Catalog::SourceLocation location;
    bool builtIn = false;
    QString ref; // "template:default/<name>"

    std::vector<Catalog::Problem> problems;
    // Keeps every YamlNode above valid.
    std::shared_ptr<const Catalog::YamlTree> tree;

    QString displayName() const { return title.isEmpty() ? name : title; }
    int errorCount() const;
    // False when any problem is an error: the template must not be run.
    bool isUsable() const { return errorCount() == 0; }
};
using TemplatePtr = std::shared_ptr<const Template>;

} // namespace Gantry::Scaffold
