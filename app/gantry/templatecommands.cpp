#include "app/gantry/templatecommands.h"

#include "app/gantry/commandline.h"
#include "models/catalog/catalogloader.h"
#include "models/catalog/yamltree.h"
#include "models/scaffold/expression.h"
#include "models/scaffold/formdescription.h"
#include "models/scaffold/formvalidator.h"
#include "models/scaffold/scaffolder.h"
#include "models/scaffold/templateloader.h"
#include "models/sources/sourcesync.h"
#include "models/workspace/workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextStream>

#include <algorithm>
#include <optional>

namespace Gantry::App {

using namespace Gantry::Scaffold;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::App::Templates", text);
}

void printJson(const QJsonObject &object)
{
    out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    out().flush();
}

struct Loaded
{
    std::optional<Workspace::Workspace> workspace;
    Catalog::CatalogPtr catalog;
    int exitCode = ExitOk;
};

// The workspace and its catalog (templates in the catalog, picker values, "name already taken").
Loaded loadWorkspace(const QString &workspacePath, bool offline, bool required)
{
    Loaded loaded;
    const QString path = resolveWorkspacePath(workspacePath);
    if (path.isEmpty()) {
        if (required) {
            err() << tr("gantry: no workspace; pass --workspace DIR (gantry demo init DIR creates one)") << '\n';
            err().flush();
            loaded.exitCode = ExitUsage;
        }
        return loaded;
    }
    QString error;
    loaded.workspace = Workspace::Workspace::load(path, &error);
    if (!loaded.workspace) {
        err() << error << '\n';
        err().flush();
        loaded.exitCode = ExitFailure;
        return loaded;
    }
    Sources::SourceSync sync(loaded.workspace->cacheDirectory());
    auto result = sync.sync(*loaded.workspace, offline);
    for (const QString &message : std::as_const(result.messages)) {
        err() << tr("gantry: warning: %1").arg(message) << '\n';
    }
    Catalog::CatalogLoader loader;
    loader.setMountResolver(sync.resolver(offline));
    loaded.catalog = loader.load(result.entries, nullptr, std::move(result.problems));
    return loaded;
}

// NAME of a built-in or catalog template, or a path to a template.yaml (or its folder).
TemplatePtr findTemplate(const QString &nameOrPath, const Catalog::Catalog *catalog, QString *error)
{
    const QFileInfo info(nameOrPath);
    if (nameOrPath.contains(QLatin1Char('/')) && info.exists()) {
        return TemplateLoader::loadFile(info.absoluteFilePath(), error);
    }
    const auto templates = TemplateLoader::all(catalog);
    TemplatePtr t = TemplateLoader::find(templates, nameOrPath);
    if (!t) {
        QStringList names;
        for (const TemplatePtr &x : templates) {
            names << x->name;
        }
        *error = tr("no template \"%1\"; available: %2 (see gantry templates list)")
                     .arg(nameOrPath, names.join(QStringLiteral(", ")));
    }
    return t;
}

QString typeName(FieldType type)
{
    switch (type) {
    case FieldType::String:
        return QStringLiteral("string");
    case FieldType::Number:
        return QStringLiteral("number");
    case FieldType::Integer:
        return QStringLiteral("integer");
    case FieldType::Boolean:
        return QStringLiteral("boolean");
    case FieldType::Array:
        return QStringLiteral("array");
    case FieldType::Object:
        return QStringLiteral("object");
    }
    return {};
}

QString pickerName(PickerKind kind)
{
    switch (kind) {
    case PickerKind::OwnerPicker:
        return QStringLiteral("OwnerPicker");
    case PickerKind::EntityPicker:
        return QStringLiteral("EntityPicker");
    case PickerKind::EntityNamePicker:
        return QStringLiteral("EntityNamePicker");
    case PickerKind::EntityTagsPicker:
        return QStringLiteral("EntityTagsPicker");
    case PickerKind::RepoUrlPicker:
        return QStringLiteral("RepoUrlPicker");
    case PickerKind::None:
        break;
    }
    return {};
}

QJsonArray problemsJson(const Template &t)
{
    QJsonArray problems;
    for (const Catalog::Problem &p : t.problems) {
        problems.append(
            QJsonObject{{QStringLiteral("severity"), p.isError() ? QStringLiteral("error") : QStringLiteral("warning")},
                        {QStringLiteral("file"), p.location.file},
                        {QStringLiteral("line"), p.location.line},
                        {QStringLiteral("column"), p.location.column},
                        {QStringLiteral("message"), p.message}});
    }
    return problems;
}

QJsonObject summaryJson(const Template &t)
{
    return QJsonObject{{QStringLiteral("name"), t.name},
                       {QStringLiteral("ref"), t.ref},
                       {QStringLiteral("title"), t.title},
                       {QStringLiteral("description"), t.description},
                       {QStringLiteral("type"), t.type},
                       {QStringLiteral("owner"), t.owner},
                       {QStringLiteral("tags"), QJsonArray::fromStringList(t.tags)},
                       {QStringLiteral("builtIn"), t.builtIn},
                       {QStringLiteral("file"), t.file},
                       {QStringLiteral("usable"), t.isUsable()},
                       {QStringLiteral("problems"), problemsJson(t)}};
}

QJsonObject fieldJson(const FormField &f)
{
    QJsonObject o{{QStringLiteral("key"), f.key},
                  {QStringLiteral("type"), typeName(f.type)},
                  {QStringLiteral("title"), f.displayTitle()},
                  {QStringLiteral("required"), f.required}};
    if (!f.description.isEmpty()) {
        o.insert(QStringLiteral("description"), f.description);
    }
    if (!f.defaultValue.isUndefined()) {
        o.insert(QStringLiteral("default"), f.defaultValue);
    }
    if (!f.enumValues.isEmpty()) {
        o.insert(QStringLiteral("enum"), f.enumValues);
        o.insert(QStringLiteral("enumNames"), QJsonArray::fromStringList(f.enumLabels));
    }
    if (!f.itemEnumValues.isEmpty()) {
        o.insert(QStringLiteral("itemEnum"), f.itemEnumValues);
    }
    if (!f.pattern.isEmpty()) {
        o.insert(QStringLiteral("pattern"), f.pattern);
    }
    if (f.minimum) {
        o.insert(QStringLiteral("minimum"), *f.minimum);
    }
    if (f.maximum) {
        o.insert(QStringLiteral("maximum"), *f.maximum);
    }
    if (f.minLength >= 0) {
        o.insert(QStringLiteral("minLength"), f.minLength);
    }
    if (f.maxLength >= 0) {
        o.insert(QStringLiteral("maxLength"), f.maxLength);
    }
    if (f.picker != PickerKind::None) {
        o.insert(QStringLiteral("picker"), pickerName(f.picker));
        if (!f.pickerOptions.allowedKinds.isEmpty()) {
            o.insert(QStringLiteral("allowedKinds"), QJsonArray::fromStringList(f.pickerOptions.allowedKinds));
        }
        if (!f.pickerOptions.allowedHosts.isEmpty()) {
            o.insert(QStringLiteral("allowedHosts"), QJsonArray::fromStringList(f.pickerOptions.allowedHosts));
        }
    }
    if (!f.help.isEmpty()) {
        o.insert(QStringLiteral("help"), f.help);
    }
    if (f.condition.isSet()) {
        o.insert(QStringLiteral("when"), QJsonObject{{QStringLiteral("field"), f.condition.field},
                                                     {QStringLiteral("values"), f.condition.values}});
    }
    return o;
}

int listTemplates(const QString &workspace, const QStringList &args)
{
    const QString usage = tr("usage: gantry templates list [--format table|json] [--offline]");
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("format"), tr("table or json."), QStringLiteral("FORMAT"),
                                        QStringLiteral("table")));
    parser.addOption(QCommandLineOption(QStringLiteral("offline"), tr("Do not fetch; use local clones only.")));
    if (!parser.parse(QStringList{QStringLiteral("gantry")} + args)) {
        return usageError(parser.errorText(), usage);
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("table") && format != QLatin1String("json")) {
        return usageError(tr("--format must be table or json"), usage);
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usageError(tr("unexpected argument %1").arg(parser.positionalArguments().first()), usage);
    }
    const Loaded loaded = loadWorkspace(workspace, parser.isSet(QStringLiteral("offline")), false);
    if (loaded.exitCode != ExitOk) {
        return loaded.exitCode;
    }
    const auto templates = TemplateLoader::all(loaded.catalog.get());
    if (format == QLatin1String("json")) {
        QJsonArray items;
        for (const TemplatePtr &t : templates) {
            items.append(summaryJson(*t));
        }
        printJson(QJsonObject{{QStringLiteral("items"), items}});
        return ExitOk;
    }
    std::vector<QStringList> rows{{tr("NAME"), tr("TYPE"), tr("SOURCE"), tr("TITLE")}};
    for (const TemplatePtr &t : templates) {
        QString title = t->displayName();
        if (!t->isUsable()) {
            title += tr(" (%1 problem(s): gantry templates show %2)").arg(t->errorCount()).arg(t->name);
        }
        rows.push_back({t->name, t->type, t->builtIn ? tr("built-in") : tr("catalog"), title});
    }
    std::vector<qsizetype> widths(4, 0);
    for (const auto &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            widths[size_t(c)] = std::max(widths[size_t(c)], row.at(c).size());
        }
    }
    for (const auto &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            line += c + 1 < row.size() ? row.at(c).leftJustified(widths[size_t(c)] + 2) : row.at(c);
        }
        out() << line.trimmed() << '\n';
    }
    out().flush();
    return ExitOk;
}

int showTemplate(const QString &workspace, const QStringList &args)
{
    const QString usage = tr("usage: gantry templates show NAME|PATH [--format table|json] [--offline]");
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("format"), tr("table or json."), QStringLiteral("FORMAT"),
                                        QStringLiteral("table")));
    parser.addOption(QCommandLineOption(QStringLiteral("offline"), tr("Do not fetch; use local clones only.")));
    if (!parser.parse(QStringList{QStringLiteral("gantry")} + args)) {
        return usageError(parser.errorText(), usage);
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("table") && format != QLatin1String("json")) {
        return usageError(tr("--format must be table or json"), usage);
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(tr("give one template name"), usage);
    }
    const Loaded loaded = loadWorkspace(workspace, parser.isSet(QStringLiteral("offline")), false);
    if (loaded.exitCode != ExitOk) {
        return loaded.exitCode;
    }
    QString error;
    const TemplatePtr t = findTemplate(parser.positionalArguments().first(), loaded.catalog.get(), &error);
    if (!t) {
        return failure(error);
    }
    if (format == QLatin1String("json")) {
        QJsonObject o = summaryJson(*t);
        QJsonArray pages;
        for (const FormPage &page : t->form.pages) {
            QJsonArray fields;
            for (const FormField &f : page.fields) {
                fields.append(fieldJson(f));
            }
            pages.append(QJsonObject{{QStringLiteral("title"), page.title}, {QStringLiteral("fields"), fields}});
        }
        o.insert(QStringLiteral("pages"), pages);
        QJsonArray steps;
        for (const TemplateStep &s : t->steps) {
            steps.append(QJsonObject{{QStringLiteral("id"), s.id},
                                     {QStringLiteral("name"), s.displayName()},
                                     {QStringLiteral("action"), s.action}});
        }
        o.insert(QStringLiteral("steps"), steps);
        printJson(o);
        return t->isUsable() ? ExitOk : ExitFailure;
    }
    out() << t->displayName() << QStringLiteral(" (") << t->ref << QStringLiteral(")\n");
    if (!t->description.isEmpty()) {
        out() << t->description << '\n';
    }
    for (const FormPage &page : t->form.pages) {
        out() << '\n' << (page.title.isEmpty() ? tr("Parameters") : page.title) << ":\n";
        for (const FormField &f : page.fields) {
            QString line =
                QStringLiteral("  %1 (%2%3)").arg(f.key, typeName(f.type), f.required ? tr(", required") : QString());
            if (f.picker != PickerKind::None) {
                line += QLatin1Char(' ') + pickerName(f.picker);
            }
            if (!f.defaultValue.isUndefined()) {
                line += tr(" default: %1").arg(Expression::toText(f.defaultValue));
            }
            if (!f.enumValues.isEmpty()) {
                QStringList values;
                for (const QJsonValue &v : f.enumValues) {
                    values << Expression::toText(v);
                }
                line += tr(" one of: %1").arg(values.join(QStringLiteral(", ")));
            }
            if (f.condition.isSet()) {
                line += tr(" (when %1 is set)").arg(f.condition.field);
            }
            out() << line << '\n';
            const QString text = f.description.isEmpty() ? f.title : f.description;
            if (!text.isEmpty()) {
                out() << QStringLiteral("      ") << text << '\n';
            }
        }
    }
    out() << '\n' << tr("Steps:") << '\n';
    for (const TemplateStep &s : t->steps) {
        out() << QStringLiteral("  %1: %2 (%3)\n").arg(s.id, s.displayName(), s.action);
    }
    out().flush();
    for (const Catalog::Problem &p : t->problems) {
        err() << p.toCompilerString() << '\n';
    }
    err().flush();
    return t->isUsable() ? ExitOk : ExitFailure;
}

QJsonObject resultJson(const RunResult &r, const Template &t)
{
    QJsonArray files;
    for (const auto &[path, file] : r.files) {
        files.append(QJsonObject{{QStringLiteral("path"), path},
                                 {QStringLiteral("size"), double(file.contents.size())},
                                 {QStringLiteral("executable"), file.executable},
                                 {QStringLiteral("binary"), file.isBinary()}});
    }
    QJsonArray steps;
    static const char *const statusNames[] = {"pending", "running", "done", "skipped", "failed"};
    for (const StepReport &s : r.steps) {
        steps.append(QJsonObject{{QStringLiteral("id"), s.id},
                                 {QStringLiteral("name"), s.name},
                                 {QStringLiteral("action"), s.action},
                                 {QStringLiteral("status"), QLatin1String(statusNames[int(s.status)])},
                                 {QStringLiteral("message"), s.message},
                                 {QStringLiteral("elapsedMs"), double(s.elapsedMs)}});
    }
    QJsonArray links;
    for (const OutputLink &l : r.links) {
        links.append(QJsonObject{{QStringLiteral("title"), l.title},
                                 {QStringLiteral("url"), l.url},
                                 {QStringLiteral("entityRef"), l.entityRef}});
    }
    QJsonObject o{{QStringLiteral("ok"), r.ok},
                  {QStringLiteral("dryRun"), r.dryRun},
                  {QStringLiteral("template"), t.ref},
                  {QStringLiteral("files"), files},
                  {QStringLiteral("steps"), steps},
                  {QStringLiteral("links"), links},
                  {QStringLiteral("elapsedMs"), double(r.elapsedMs)}};
    if (!r.entityRef.isEmpty()) {
        o.insert(QStringLiteral("entityRef"), r.entityRef);
    }
    if (!r.remoteUrl.isEmpty()) {
        o.insert(QStringLiteral("remoteUrl"), r.remoteUrl);
        o.insert(QStringLiteral("repoContentsUrl"), r.repoContentsUrl);
    }
    if (r.registeredAfterMs >= 0) {
        o.insert(QStringLiteral("registeredAfterMs"), double(r.registeredAfterMs));
    }
    if (r.deployedAfterMs >= 0) {
        o.insert(QStringLiteral("deployedAfterMs"), double(r.deployedAfterMs));
        o.insert(QStringLiteral("environment"), r.deployedEnvironment);
    }
    if (!r.ok) {
        o.insert(QStringLiteral("error"), r.error);
        o.insert(QStringLiteral("failedStep"), r.failedStep);
        o.insert(QStringLiteral("resumable"), r.resumable);
        o.insert(QStringLiteral("existing"), QJsonArray::fromStringList(r.state.existing));
    }
    return o;
}

// Reads --values FILE.yaml (a mapping of parameter values).
bool readValuesFile(const QString &path, QJsonObject *values, QString *error)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, in.errorString());
        return false;
    }
    std::vector<Catalog::Problem> problems;
    const auto tree = Catalog::YamlTree::parse(in.readAll(), path, &problems);
    if (!tree || tree->hadSyntaxError() || tree->documents().empty()) {
        *error = problems.empty() ? tr("%1 is empty or not YAML").arg(path) : problems.front().toCompilerString();
        return false;
    }
    const Catalog::YamlNode root = tree->documentRoot(0);
    if (!root.isMapping()) {
        *error = tr("%1:%2:%3: error: the values must be a mapping of parameter names to values")
                     .arg(path)
                     .arg(root.line())
                     .arg(root.column());
        return false;
    }
    const QJsonObject object = root.toJson().toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        values->insert(it.key(), it.value());
    }
    return true;
}

QString stateFileFor(const Template &t, const QJsonObject &values)
{
    const QString dir =
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/create-service");
    QDir().mkpath(dir);
    return dir + QStringLiteral("/%1-%2.json").arg(t.name, values.value(QStringLiteral("name")).toString());
}

int createService(const QString &workspace, const QStringList &args)
{
    const QString usage = tr("usage: gantry create-service --template NAME|PATH [--set KEY=VALUE ...] "
                             "[--values FILE.yaml] [--dry-run] [--no-deploy] [--format text|json] [--offline]\n"
                             "       gantry create-service --resume STATE.json [--no-deploy] [--format text|json]");
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("template"), tr("The template."), QStringLiteral("NAME")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("set"), tr("A parameter value (repeatable)."), QStringLiteral("KEY=VALUE")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("values"), tr("Parameter values from a YAML file."), QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(QStringLiteral("dry-run"), tr("Render and check only; write nothing.")));
    parser.addOption(QCommandLineOption(QStringLiteral("no-deploy"), tr("Skip the staging deploy step.")));
    parser.addOption(QCommandLineOption(QStringLiteral("format"), tr("text or json."), QStringLiteral("FORMAT"),
                                        QStringLiteral("text")));
    parser.addOption(QCommandLineOption(QStringLiteral("offline"), tr("Do not fetch the catalog.")));
    parser.addOption(QCommandLineOption(QStringLiteral("resume"), tr("Continue a run that failed after its push."),
                                        QStringLiteral("STATE")));
    if (!parser.parse(QStringList{QStringLiteral("gantry")} + args)) {
        return usageError(parser.errorText(), usage);
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json") && format != QLatin1String("table")) {
        return usageError(tr("--format must be text or json"), usage);
    }
    const bool json = format == QLatin1String("json");
    if (!parser.positionalArguments().isEmpty()) {
        return usageError(tr("unexpected argument %1").arg(parser.positionalArguments().first()), usage);
    }
    RunState state;
    QString templateName = parser.value(QStringLiteral("template"));
    if (parser.isSet(QStringLiteral("resume"))) {
        QFile in(parser.value(QStringLiteral("resume")));
        if (!in.open(QIODevice::ReadOnly)) {
            return usageError(tr("cannot read %1: %2").arg(in.fileName(), in.errorString()), usage);
        }
        state = RunState::fromJson(QJsonDocument::fromJson(in.readAll()).object());
        if (state.isEmpty()) {
            return usageError(tr("%1 is not a saved create-service run").arg(in.fileName()), usage);
        }
        if (templateName.isEmpty()) {
            templateName = state.templateRef;
        }
    }
    if (templateName.isEmpty()) {
        return usageError(tr("--template is required (see gantry templates list)"), usage);
    }
    Loaded loaded = loadWorkspace(workspace, parser.isSet(QStringLiteral("offline")), true);
    if (!loaded.workspace) {
        return loaded.exitCode == ExitOk ? ExitUsage : loaded.exitCode;
    }
    QString error;
    const TemplatePtr t = findTemplate(templateName, loaded.catalog.get(), &error);
    if (!t) {
        return usageError(error, usage);
    }
    for (const Catalog::Problem &p : t->problems) {
        err() << p.toCompilerString() << '\n';
    }
    err().flush();
    if (!t->isUsable()) {
        return failure(tr("the template %1 has %2 error(s) (above); fix them first").arg(t->name).arg(t->errorCount()));
    }
    QJsonObject values;
    if (parser.isSet(QStringLiteral("values")) &&
        !readValuesFile(parser.value(QStringLiteral("values")), &values, &error)) {
        return usageError(error, usage);
    }
    for (const QString &assignment : parser.values(QStringLiteral("set"))) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            return usageError(tr("--set needs KEY=VALUE, got \"%1\"").arg(assignment), usage);
        }
        const QString key = assignment.left(eq);
        const FormField *field = t->form.field(key);
        if (!field) {
            QStringList keys;
            for (const FormField *f : t->form.allFields()) {
                keys << f->key;
            }
            return usageError(tr("the template %1 has no parameter \"%2\"; it takes: %3")
                                  .arg(t->name, key, keys.join(QStringLiteral(", "))),
                              usage);
        }
        const QJsonValue value = FormDescription::valueFromText(*field, assignment.mid(eq + 1), &error);
        if (value.isUndefined()) {
            return usageError(error, usage);
        }
        values.insert(
            key,
            field->picker == PickerKind::OwnerPicker || field->picker == PickerKind::EntityPicker
                ? (value.isString() ? QJsonValue(FormValidator::normalizeEntityRef(*field, value.toString())) : value)
                : value);
    }
    // Picker values typed as short names become full refs, as the wizard stores them.
    for (const FormField *f : t->form.allFields()) {
        if (f->picker == PickerKind::EntityPicker && values.value(f->key).isArray()) {
            QJsonArray refs;
            for (const QJsonValue &v : values.value(f->key).toArray()) {
                refs.append(v.isString() ? QJsonValue(FormValidator::normalizeEntityRef(*f, v.toString())) : v);
            }
            values.insert(f->key, refs);
        } else if ((f->picker == PickerKind::EntityPicker || f->picker == PickerKind::OwnerPicker) &&
                   values.value(f->key).isString()) {
            values.insert(f->key, FormValidator::normalizeEntityRef(*f, values.value(f->key).toString()));
        }
    }
    RunOptions options;
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    options.deploy = !parser.isSet(QStringLiteral("no-deploy"));
    // Test hook for the all-or-nothing tests: stop right before this step id.
    options.failBeforeStep = qEnvironmentVariable("GANTRY_SCAFFOLD_FAIL_BEFORE_STEP");
    Scaffolder::Callbacks callbacks;
    callbacks.log = [](const QString &line) {
        err() << line << '\n';
        err().flush();
    };
    std::unique_ptr<StagingDeployer> deployer = options.dryRun ? nullptr : defaultStagingDeployer();
    const RunResult result = Scaffolder::run(t, values, *loaded.workspace, loaded.catalog, options, callbacks, nullptr,
                                             state, deployer.get());
    QString stateFile;
    if (!result.ok && result.resumable) {
        stateFile = stateFileFor(*t, result.state.values);
        QSaveFile save(stateFile);
        if (save.open(QIODevice::WriteOnly)) {
            save.write(QJsonDocument(result.state.toJson()).toJson());
            save.commit();
        }
    }
    if (json) {
        QJsonObject o = resultJson(result, *t);
        if (!stateFile.isEmpty()) {
            o.insert(QStringLiteral("resumeFile"), stateFile);
        }
        printJson(o);
    } else if (result.ok) {
        if (result.dryRun) {
            out() << tr("Dry run: %1 would create %2 file(s):").arg(t->name).arg(result.files.size()) << '\n';
            for (const auto &[path, file] : result.files) {
                out() << QStringLiteral("  ") << path << '\n';
            }
        } else {
            out() << tr("Created %1").arg(result.entityRef.isEmpty() ? t->name : result.entityRef) << '\n';
            if (!result.remoteUrl.isEmpty()) {
                out() << tr("  repository: %1").arg(result.remoteUrl) << '\n';
            }
            if (result.registeredAfterMs >= 0) {
                out() << tr("  registered in the catalog after %1 ms").arg(result.registeredAfterMs) << '\n';
            }
            if (result.deployedAfterMs >= 0) {
                out() << tr("  running in %1 after %2 ms").arg(result.deployedEnvironment).arg(result.deployedAfterMs)
                      << '\n';
            }
        }
        out().flush();
    }
    if (!result.ok) {
        err() << tr("gantry: %1").arg(result.error) << '\n';
        if (!stateFile.isEmpty()) {
            err() << tr("gantry: resume with: gantry create-service --resume %1").arg(stateFile) << '\n';
        }
        err().flush();
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace

int runTemplateVerb(const QString &workspace, const QStringList &args)
{
    const QString verb = args.value(0);
    if (verb == QLatin1String("create-service")) {
        return createService(workspace, args.mid(1));
    }
    const QString usage = tr("usage: gantry templates list|show ...");
    const QString sub = args.value(1);
    if (sub == QLatin1String("list")) {
        return listTemplates(workspace, args.mid(2));
    }
    if (sub == QLatin1String("show")) {
        return showTemplate(workspace, args.mid(2));
    }
    return usageError(sub.isEmpty() ? tr("templates needs list or show") : tr("unknown templates verb \"%1\"").arg(sub),
                      usage);
}

} // namespace Gantry::App
