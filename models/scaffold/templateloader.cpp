#include "models/scaffold/templateloader.h"

#include "models/catalog/entityref.h"
#include "models/scaffold/expression.h"
#include "models/scaffold/templatechecker.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcTemplateLoader, "gantry.scaffold.templateloader")

namespace Gantry::Scaffold {

using Catalog::Problem;
using Catalog::YamlNode;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Scaffold::TemplateLoader", text);
}

const QLatin1String kApiVersion("scaffolder.backstage.io/v1beta3");
const QLatin1String kResourceRoot(":/templates");

void addProblem(Template *t, const YamlNode &node, const QString &message,
                Problem::Severity severity = Problem::Severity::Error)
{
    Problem p;
    p.severity = severity;
    p.location = {t->file, node.isValid() ? node.line() : t->location.line,
                  node.isValid() ? node.column() : t->location.column};
    p.message = message;
    p.entityRef = t->ref;
    t->problems.push_back(p);
}

QStringList stringList(const YamlNode &node)
{
    QStringList list;
    node.forEachItem([&list](YamlNode item) {
        if (item.isScalar()) {
            list << item.scalar();
        }
    });
    return list;
}

void readSteps(Template *t, const YamlNode &steps)
{
    if (!steps.isSequence()) {
        addProblem(t, steps, tr("spec.steps must be a list of steps"));
        return;
    }
    int index = 0;
    steps.forEachItem([&](YamlNode node) {
        ++index;
        TemplateStep step;
        step.node = node;
        step.location = {t->file, node.line(), node.column()};
        if (!node.isMapping()) {
            addProblem(t, node, tr("step %1 must be a mapping with an action").arg(index));
            return;
        }
        node.forEachPair([&](YamlNode keyNode, YamlNode value) {
            const QString key = keyNode.scalar();
            if (key == QLatin1String("id")) {
                step.id = value.scalar();
            } else if (key == QLatin1String("name")) {
                step.name = value.scalar();
            } else if (key == QLatin1String("action")) {
                step.action = value.scalar();
            } else if (key == QLatin1String("input")) {
                step.input = value.toJson();
                step.inputNode = value;
            } else if (key == QLatin1String("if")) {
                const QJsonValue v = value.toJson();
                step.ifExpression = v.isString()              ? v.toString()
                                    : Expression::isTruthy(v) ? QStringLiteral("true")
                                                              : QStringLiteral("false");
            } else if (key == QLatin1String("each")) {
                step.each = value.toJson();
            } else if (key == QLatin1String("backstage:permissions")) {
                // Permissions belong to a Backstage server; Gantry runs as the person using it.
            } else {
                addProblem(t, keyNode, tr("\"%1\" in a step is not supported and is ignored").arg(key),
                           Problem::Severity::Warning);
            }
        });
        if (step.id.isEmpty()) {
            step.id = QStringLiteral("step-%1").arg(index);
        }
        if (step.action.isEmpty()) {
            addProblem(t, node, tr("step \"%1\" has no action").arg(step.id));
        }
        if (std::any_of(t->steps.begin(), t->steps.end(), [&](const TemplateStep &s) { return s.id == step.id; })) {
            addProblem(t, node["id"], tr("the step id \"%1\" is used twice").arg(step.id));
        }
        t->steps.push_back(step);
    });
}

} // namespace

TemplatePtr TemplateLoader::fromNode(const std::shared_ptr<const Catalog::YamlTree> &tree, const YamlNode &root,
                                     const QString &displayFile, const QString &baseDirectory, bool builtIn)
{
    auto t = std::make_shared<Template>();
    t->tree = tree;
    t->file = displayFile;
    t->baseDirectory = baseDirectory;
    t->builtIn = builtIn;
    t->location = {displayFile, root.line(), root.column()};
    if (!root.isMapping()) {
        addProblem(t.get(), root, tr("a Template must be a mapping"));
        return t;
    }
    const YamlNode metadata = root["metadata"];
    const YamlNode spec = root["spec"];
    t->name = metadata["name"].scalar();
    if (const QString ns = metadata["namespace"].scalar(); !ns.isEmpty()) {
        t->nameSpace = ns;
    }
    t->ref = Catalog::EntityRef::fromParts(QStringLiteral("template"), t->nameSpace, t->name);
    const QString apiVersion = root["apiVersion"].scalar();
    if (apiVersion != kApiVersion) {
        addProblem(t.get(), root["apiVersion"],
                   tr("the apiVersion \"%1\" is not supported; Gantry runs %2 templates").arg(apiVersion, kApiVersion));
    }
    if (root["kind"].scalar().compare(QLatin1String("Template"), Qt::CaseInsensitive) != 0) {
        addProblem(t.get(), root["kind"], tr("the kind must be Template"));
    }
    if (t->name.isEmpty()) {
        addProblem(t.get(), metadata.isValid() ? metadata : root, tr("metadata.name is missing"));
    }
    t->title = metadata["title"].scalar();
    t->description = metadata["description"].scalar();
    t->tags = stringList(metadata["tags"]);
    if (!spec.isMapping()) {
        addProblem(t.get(), root, tr("spec is missing"));
        return t;
    }
    const QString owner = spec["owner"].scalar();
    t->owner = Catalog::EntityRef::canonical(owner, QStringLiteral("group"), QStringLiteral("default"));
    if (t->owner.isEmpty()) {
        t->owner = owner;
    }
    t->type = spec["type"].scalar();
    if (t->type.isEmpty()) {
        addProblem(t.get(), spec, tr("spec.type is missing (e.g. service)"));
    }
    t->lifecycle = spec["lifecycle"].scalar();
    t->form = FormDescription::fromParameters(spec["parameters"], displayFile, &t->problems);
    const YamlNode steps = spec["steps"];
    if (!steps.isValid()) {
        addProblem(t.get(), spec, tr("spec.steps is missing"));
    } else {
        readSteps(t.get(), steps);
    }
    t->outputNode = spec["output"];
    t->output = t->outputNode.isValid() ? t->outputNode.toJson() : QJsonValue(QJsonValue::Undefined);
    spec.forEachPair([&](YamlNode key, YamlNode) {
        static const QStringList known = {QStringLiteral("owner"),
                                          QStringLiteral("type"),
                                          QStringLiteral("lifecycle"),
                                          QStringLiteral("parameters"),
                                          QStringLiteral("steps"),
                                          QStringLiteral("output"),
                                          QStringLiteral("presentation"),
                                          QStringLiteral("EXPERIMENTAL_recovery"),
                                          QStringLiteral("EXPERIMENTAL_formDecorators")};
        if (key.scalar() == QLatin1String("secrets")) {
            addProblem(t.get(), key, tr("spec.secrets is not supported: Gantry never stores secrets for templates"),
                       Problem::Severity::Warning);
        } else if (!known.contains(key.scalar())) {
            addProblem(t.get(), key, tr("spec.%1 is not supported and is ignored").arg(key.scalar()),
                       Problem::Severity::Warning);
        }
    });
    TemplateChecker::check(t.get());
    return t;
}

TemplatePtr TemplateLoader::loadFile(const QString &path, QString *error)
{
    QString file = path;
    if (QFileInfo(path).isDir()) {
        file = QDir(path).filePath(QStringLiteral("template.yaml"));
    }
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = tr("cannot read %1: %2").arg(file, in.errorString());
        }
        return nullptr;
    }
    std::vector<Problem> problems;
    const auto tree = Catalog::YamlTree::parse(in.readAll(), file, &problems);
    if (!tree) {
        if (error) {
            *error = problems.empty() ? tr("%1 is not valid YAML").arg(file) : problems.front().toCompilerString();
        }
        return nullptr;
    }
    const QString displayFile = file.startsWith(QLatin1Char(':')) ? file.mid(2) : file;
    for (size_t i = 0; i < tree->documents().size(); ++i) {
        const YamlNode root = tree->documentRoot(int(i));
        if (root["kind"].scalar().compare(QLatin1String("Template"), Qt::CaseInsensitive) == 0) {
            auto t =
                fromNode(tree, root, displayFile, QFileInfo(file).absolutePath(), file.startsWith(QLatin1Char(':')));
            auto mutableT = std::const_pointer_cast<Template>(t);
            mutableT->problems.insert(mutableT->problems.begin(), problems.begin(), problems.end());
            return t;
        }
    }
    if (error) {
        *error = problems.empty() ? tr("%1 holds no Template").arg(file) : problems.front().toCompilerString();
    }
    return nullptr;
}

std::vector<TemplatePtr> TemplateLoader::builtIn()
{
    std::vector<TemplatePtr> templates;
    QDirIterator it(kResourceRoot, QDir::Dirs | QDir::NoDotAndDotDot);
    QStringList folders;
    while (it.hasNext()) {
        folders << it.next();
    }
    folders.sort();
    for (const QString &folder : std::as_const(folders)) {
        QString error;
        if (TemplatePtr t = loadFile(folder + QStringLiteral("/template.yaml"), &error)) {
            templates.push_back(t);
        } else {
            qCWarning(lcTemplateLoader) << "built-in template" << folder << "failed to load:" << error;
        }
    }
    return templates;
}

std::vector<TemplatePtr> TemplateLoader::fromCatalog(const Catalog::Catalog &catalog)
{
    std::vector<TemplatePtr> templates;
    for (const Catalog::Entity &e : catalog.entities()) {
        if (e.kind.compare(QLatin1String("Template"), Qt::CaseInsensitive) != 0 || e.apiVersion != kApiVersion) {
            continue;
        }
        templates.push_back(fromNode(e.tree, e.root(), catalog.displayPath(e.location.file),
                                     QFileInfo(e.location.file).absolutePath(), false));
        auto t = std::const_pointer_cast<Template>(templates.back());
        t->location = e.location;
    }
    return templates;
}

std::vector<TemplatePtr> TemplateLoader::all(const Catalog::Catalog *catalog)
{
    std::vector<TemplatePtr> templates = builtIn();
    if (catalog) {
        for (const TemplatePtr &t : fromCatalog(*catalog)) {
            auto same = std::find_if(templates.begin(), templates.end(), [&](const TemplatePtr &b) {
                return b->name.compare(t->name, Qt::CaseInsensitive) == 0;
            });
            if (same != templates.end()) {
                *same = t;
            } else {
                templates.push_back(t);
            }
        }
    }
    return templates;
}

TemplatePtr TemplateLoader::find(const std::vector<TemplatePtr> &templates, const QString &nameOrRef)
{
    const QString wanted = nameOrRef.trimmed();
    for (const TemplatePtr &t : templates) {
        if (t->name.compare(wanted, Qt::CaseInsensitive) == 0 || t->ref.compare(wanted, Qt::CaseInsensitive) == 0) {
            return t;
        }
    }
    const QString canonical =
        Catalog::EntityRef::canonical(wanted, QStringLiteral("template"), QStringLiteral("default"));
    for (const TemplatePtr &t : templates) {
        if (t->ref == canonical) {
            return t;
        }
    }
    return nullptr;
}

QStringList TemplateLoader::supportedActions()
{
    static const QStringList actions = {QStringLiteral("fetch:template"),
                                        QStringLiteral("fetch:template:file"),
                                        QStringLiteral("fetch:plain"),
                                        QStringLiteral("fetch:plain:file"),
                                        QStringLiteral("catalog:write"),
                                        QStringLiteral("catalog:register"),
                                        QStringLiteral("debug:log"),
                                        QStringLiteral("publish:github"),
                                        QStringLiteral("publish:gitlab"),
                                        QStringLiteral("publish:bitbucket"),
                                        QStringLiteral("publish:bitbucketCloud"),
                                        QStringLiteral("publish:bitbucketServer"),
                                        QStringLiteral("publish:azure"),
                                        QStringLiteral("publish:gerrit"),
                                        QStringLiteral("publish:gitea"),
                                        QStringLiteral("publish:git"),
                                        QStringLiteral("gantry:deploy")};
    return actions;
}

bool TemplateLoader::isSupportedAction(const QString &action)
{
    return supportedActions().contains(action);
}

} // namespace Gantry::Scaffold
