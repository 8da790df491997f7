#include "app/gantry/catalogcommands.h"

#include "app/gantry/commandline.h"
#include "models/catalog/catalogloader.h"
#include "models/catalog/entitygraph.h"
#include "models/catalog/entityref.h"
#include "models/catalog/entityserializer.h"
#include "models/graph/graphdrawing.h"
#include "models/sources/sourcesync.h"
#include "models/workspace/workspace.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace Gantry::App {

using namespace Gantry::Catalog;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::App::Catalog", text);
}

// Paths under the current folder are shown relative to it, as compilers do.
QString displayPath(const QString &path)
{
    const QString cwd = QDir::currentPath() + QLatin1Char('/');
    return path.startsWith(cwd) ? path.mid(cwd.size()) : path;
}

struct Loaded
{
    CatalogPtr catalog;
    int exitCode = ExitOk;
    int files = 0;
};

// Loads from --source values, or else from the workspace.
Loaded loadCatalog(const QString &workspacePath, const QStringList &sources, bool offline)
{
    Loaded loaded;
    CatalogLoader loader;
    std::vector<CatalogLoader::Entry> entries;
    std::vector<Problem> problems;
    QString cacheDir;
    if (!sources.isEmpty()) {
        cacheDir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/sources");
        Sources::SourceSync sync(cacheDir);
        for (const auto &source : sources) {
            auto result = sync.syncSource(source, offline);
            entries.insert(entries.end(), result.entries.begin(), result.entries.end());
            problems.insert(problems.end(), result.problems.begin(), result.problems.end());
        }
        loader.setMountResolver(sync.resolver(offline));
        loaded.catalog = loader.load(entries, nullptr, std::move(problems));
    } else {
        const QString path = resolveWorkspacePath(workspacePath);
        if (path.isEmpty()) {
            err() << tr("gantry: no workspace; pass --workspace DIR, or --source PATH for files, folders or Git "
                        "URLs")
                  << '\n';
            err().flush();
            loaded.exitCode = ExitUsage;
            return loaded;
        }
        QString error;
        const auto workspace = Workspace::Workspace::load(path, &error);
        if (!workspace) {
            err() << error << '\n';
            err().flush();
            loaded.exitCode = ExitFailure;
            return loaded;
        }
        Sources::SourceSync sync(workspace->cacheDirectory());
        auto result = sync.sync(*workspace, offline);
        loader.setMountResolver(sync.resolver(offline));
        loaded.catalog = loader.load(result.entries, nullptr, std::move(result.problems));
    }
    loaded.files = loader.lastStats().files;
    return loaded;
}

void addSourceOptions(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(QStringLiteral("source"),
                                        tr("Read the catalog from this file, folder or Git URL (repeatable) "
                                           "instead of the workspace."),
                                        QStringLiteral("PATH|URL")));
    parser.addOption(QCommandLineOption(QStringLiteral("offline"), tr("Do not fetch; use local clones only.")));
}

bool parseOrFail(QCommandLineParser &parser, const QStringList &args, const QString &usage, int *exitCode)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("gantry")} + args)) {
        *exitCode = usageError(parser.errorText(), usage);
        return false;
    }
    return true;
}

void warnAboutErrors(const Catalog::Catalog &catalog)
{
    if (catalog.errorCount() > 0) {
        err() << tr("gantry: the catalog has %1 error(s); run 'gantry catalog validate' to see them")
                     .arg(catalog.errorCount())
              << '\n';
        err().flush();
    }
}

int validate(const QString &workspace, const QStringList &args)
{
    const QString usage = tr("usage: gantry catalog validate [PATH|DIR|GIT-URL ...] [--source PATH] [--offline]");
    QCommandLineParser parser;
    addSourceOptions(parser);
    int exitCode = ExitOk;
    if (!parseOrFail(parser, args, usage, &exitCode)) {
        return exitCode;
    }
    const QStringList sources = parser.positionalArguments() + parser.values(QStringLiteral("source"));
    const Loaded loaded = loadCatalog(workspace, sources, parser.isSet(QStringLiteral("offline")));
    if (!loaded.catalog) {
        return loaded.exitCode;
    }
    const auto &catalog = *loaded.catalog;
    for (const auto &p : catalog.problems()) {
        Problem shown = p;
        shown.location.file = displayPath(p.location.file);
        out() << shown.toCompilerString() << '\n';
    }
    out() << tr("%1 entities in %2 files: %3 error(s), %4 warning(s)")
                 .arg(catalog.size())
                 .arg(loaded.files)
                 .arg(catalog.errorCount())
                 .arg(catalog.warningCount())
          << '\n';
    out().flush();
    return catalog.errorCount() > 0 ? ExitFailure : ExitOk;
}

QString shortRef(const QString &canonical)
{
    // "group:default/team-a" -> "team-a"; other namespaces stay visible.
    const qsizetype colon = canonical.indexOf(QLatin1Char(':'));
    QString rest = canonical.mid(colon + 1);
    if (rest.startsWith(QLatin1String("default/"))) {
        rest = rest.mid(8);
    }
    return rest;
}

int list(const QString &workspace, const QStringList &args)
{
    const QString usage = tr("usage: gantry catalog list [--kind K] [--owner O] [--format table|json] [--source PATH]");
    QCommandLineParser parser;
    addSourceOptions(parser);
    parser.addOption(QCommandLineOption(QStringLiteral("kind"), tr("Only this kind."), QStringLiteral("K")));
    parser.addOption(QCommandLineOption(QStringLiteral("owner"), tr("Only entities owned by O."), QStringLiteral("O")));
    parser.addOption(QCommandLineOption(QStringLiteral("format"), tr("table or json."), QStringLiteral("FORMAT"),
                                        QStringLiteral("table")));
    int exitCode = ExitOk;
    if (!parseOrFail(parser, args, usage, &exitCode)) {
        return exitCode;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("table") && format != QLatin1String("json")) {
        return usageError(tr("--format must be table or json"), usage);
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usageError(tr("unexpected argument %1").arg(parser.positionalArguments().first()), usage);
    }
    const Loaded loaded =
        loadCatalog(workspace, parser.values(QStringLiteral("source")), parser.isSet(QStringLiteral("offline")));
    if (!loaded.catalog) {
        return loaded.exitCode;
    }
    const QString kind = parser.value(QStringLiteral("kind"));
    QString owner = parser.value(QStringLiteral("owner"));
    if (!owner.isEmpty()) {
        owner = EntityRef::canonical(owner, QStringLiteral("group"), QStringLiteral("default"));
    }
    std::vector<const Entity *> selected;
    for (const auto &e : loaded.catalog->entities()) {
        if (!kind.isEmpty() && e.kind.compare(kind, Qt::CaseInsensitive) != 0) {
            continue;
        }
        if (!owner.isEmpty() && e.owner != owner) {
            continue;
        }
        selected.push_back(&e);
    }
    std::sort(selected.begin(), selected.end(), [](const Entity *a, const Entity *b) {
        const int k = a->kind.compare(b->kind, Qt::CaseInsensitive);
        return k != 0 ? k < 0 : a->ref < b->ref;
    });
    if (format == QLatin1String("json")) {
        QJsonArray items;
        for (const Entity *e : selected) {
            items.append(EntitySerializer::toJson(*e));
        }
        out() << QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("items"), items}}).toJson(QJsonDocument::Indented));
    } else {
        const QStringList headers = {tr("KIND"), tr("NAME"), tr("TYPE"), tr("OWNER"), tr("LIFECYCLE"), tr("SYSTEM")};
        std::vector<QStringList> rows;
        rows.push_back(headers);
        for (const Entity *e : selected) {
            const QString name =
                e->nameSpace == QLatin1String("default") ? e->name : e->nameSpace + QLatin1Char('/') + e->name;
            rows.push_back({e->kind, name, e->specType, shortRef(e->owner), e->lifecycle, shortRef(e->system)});
        }
        std::vector<qsizetype> widths(size_t(headers.size()), 0);
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
    }
    out().flush();
    warnAboutErrors(*loaded.catalog);
    return ExitOk;
}

int show(const QString &workspace, const QStringList &args)
{
    const QString usage = tr("usage: gantry catalog show REF [--format yaml|json] [--source PATH]");
    QCommandLineParser parser;
    addSourceOptions(parser);
    parser.addOption(QCommandLineOption(QStringLiteral("format"), tr("yaml or json."), QStringLiteral("FORMAT"),
                                        QStringLiteral("yaml")));
    int exitCode = ExitOk;
    if (!parseOrFail(parser, args, usage, &exitCode)) {
        return exitCode;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("yaml") && format != QLatin1String("json")) {
        return usageError(tr("--format must be yaml or json"), usage);
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(tr("give exactly one entity reference, e.g. component:default/payments"), usage);
    }
    const QString ref = parser.positionalArguments().first();
    const Loaded loaded =
        loadCatalog(workspace, parser.values(QStringLiteral("source")), parser.isSet(QStringLiteral("offline")));
    if (!loaded.catalog) {
        return loaded.exitCode;
    }
    const Entity *entity = loaded.catalog->find(ref);
    if (!entity) {
        err() << tr("gantry: no entity \"%1\" in the catalog; see 'gantry catalog list'").arg(ref) << '\n';
        err().flush();
        return ExitFailure;
    }
    if (format == QLatin1String("json")) {
        out() << QString::fromUtf8(QJsonDocument(EntitySerializer::toJson(*entity)).toJson(QJsonDocument::Indented));
    } else {
        out() << QString::fromUtf8(EntitySerializer::toYaml(*entity));
    }
    out().flush();
    return ExitOk;
}

int graph(const QString &workspace, const QStringList &args)
{
    const QString usage = tr(
        "usage: gantry catalog graph REF [--depth N|unlimited] [--relations LIST] [--kinds LIST] [--direction LR|TB]\n"
        "       [--mode neighbours|blast-radius|needs|system] [--both-directions] [--max-nodes N]\n"
        "       [--format dot|svg|png|json] [-o FILE] [--source PATH]\n"
        "LIST is comma-separated; relations: dependencies, ownership, part-of, provides-api, consumes-api, "
        "apis, membership, hierarchy, all");
    QCommandLineParser parser;
    addSourceOptions(parser);
    parser.addOption(
        QCommandLineOption(QStringLiteral("depth"), tr("Steps from the focus, or unlimited."), QStringLiteral("N")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("relations"), tr("Relations to follow."), QStringLiteral("LIST")));
    parser.addOption(QCommandLineOption(QStringLiteral("kinds"), tr("Kinds to keep."), QStringLiteral("LIST")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("direction"), tr("LR or TB."), QStringLiteral("DIR"), QStringLiteral("LR")));
    parser.addOption(QCommandLineOption(QStringLiteral("mode"), tr("neighbours, blast-radius, needs or system."),
                                        QStringLiteral("MODE"), QStringLiteral("neighbours")));
    parser.addOption(QCommandLineOption(QStringLiteral("both-directions"), tr("Draw both relations of a pair.")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("max-nodes"), tr("Largest graph to lay out."), QStringLiteral("N")));
    parser.addOption(QCommandLineOption(QStringLiteral("format"), tr("dot, svg, png or json."),
                                        QStringLiteral("FORMAT"), QStringLiteral("dot")));
    parser.addOption(QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")}, tr("Write to FILE."),
                                        QStringLiteral("FILE")));
    int exitCode = ExitOk;
    if (!parseOrFail(parser, args, usage, &exitCode)) {
        return exitCode;
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(tr("give exactly one entity reference to focus on"), usage);
    }
    GraphQuery query;
    const QString mode = parser.value(QStringLiteral("mode"));
    if (mode == QLatin1String("neighbours") || mode == QLatin1String("neighbors")) {
        query.mode = GraphQuery::Mode::Neighbours;
    } else if (mode == QLatin1String("blast-radius")) {
        query.mode = GraphQuery::Mode::BlastRadius;
        query.depth = -1;
    } else if (mode == QLatin1String("needs")) {
        query.mode = GraphQuery::Mode::Needs;
        query.depth = -1;
    } else if (mode == QLatin1String("system")) {
        query.mode = GraphQuery::Mode::System;
    } else {
        return usageError(tr("--mode must be neighbours, blast-radius, needs or system"), usage);
    }
    if (parser.isSet(QStringLiteral("depth"))) {
        const QString depth = parser.value(QStringLiteral("depth"));
        bool ok = false;
        const int n = depth.toInt(&ok);
        if (depth == QLatin1String("unlimited") || depth == QLatin1String("all")) {
            query.depth = -1;
        } else if (ok && n >= 1) {
            query.depth = n;
        } else {
            return usageError(tr("--depth must be a number from 1, or unlimited"), usage);
        }
    }
    if (parser.isSet(QStringLiteral("relations"))) {
        QString error;
        if (!relationGroupsFromNames(
                parser.value(QStringLiteral("relations")).split(QLatin1Char(','), Qt::SkipEmptyParts), &query.relations,
                &error)) {
            return usageError(error, usage);
        }
    }
    if (parser.isSet(QStringLiteral("kinds"))) {
        for (const auto &k : parser.value(QStringLiteral("kinds")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            query.kinds.append(k.trimmed().toLower());
        }
    }
    if (parser.isSet(QStringLiteral("max-nodes"))) {
        bool ok = false;
        query.maxNodes = parser.value(QStringLiteral("max-nodes")).toInt(&ok);
        if (!ok || query.maxNodes < 1) {
            return usageError(tr("--max-nodes must be a positive number"), usage);
        }
    }
    query.mergePairs = !parser.isSet(QStringLiteral("both-directions"));
    const QString directionName = parser.value(QStringLiteral("direction")).toUpper();
    if (directionName != QLatin1String("LR") && directionName != QLatin1String("TB")) {
        return usageError(tr("--direction must be LR or TB"), usage);
    }
    const auto direction = directionName == QLatin1String("TB") ? Graph::LayoutInput::Direction::TopBottom
                                                                : Graph::LayoutInput::Direction::LeftRight;
    const QString format = parser.value(QStringLiteral("format"));
    if (!QStringList{QStringLiteral("dot"), QStringLiteral("svg"), QStringLiteral("png"), QStringLiteral("json")}
             .contains(format)) {
        return usageError(tr("--format must be dot, svg, png or json"), usage);
    }

    const Loaded loaded =
        loadCatalog(workspace, parser.values(QStringLiteral("source")), parser.isSet(QStringLiteral("offline")));
    if (!loaded.catalog) {
        return loaded.exitCode;
    }
    const QString ref = parser.positionalArguments().first();
    const Entity *focus = loaded.catalog->find(ref);
    if (!focus) {
        err() << tr("gantry: no entity \"%1\" in the catalog; see 'gantry catalog list'").arg(ref) << '\n';
        err().flush();
        return ExitFailure;
    }
    query.focus = QStringList{focus->ref};
    const GraphSelection selection = EntityGraph::select(*loaded.catalog, query);
    if (!selection.error.isEmpty()) {
        err() << QStringLiteral("gantry: ") << selection.error << '\n';
        err().flush();
        return ExitFailure;
    }
    if (selection.truncated) {
        err() << tr("gantry: the selection has %1 entities; showing the nearest %2. Lower --depth, filter --kinds "
                    "or raise --max-nodes")
                     .arg(selection.matched)
                     .arg(selection.nodes.size())
              << '\n';
        err().flush();
    }
    const Graph::GraphDrawing drawing = Graph::layOutSelection(*loaded.catalog, selection, direction);

    QByteArray bytes;
    if (format == QLatin1String("dot")) {
        bytes = Graph::GraphExport::toDot(drawing);
    } else if (format == QLatin1String("json")) {
        bytes = Graph::GraphExport::toJson(drawing);
    } else if (format == QLatin1String("svg")) {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QString error;
        if (!Graph::GraphExport::toSvg(drawing, &buffer, &error)) {
            err() << tr("gantry: cannot write SVG: %1").arg(error) << '\n';
            err().flush();
            return ExitFailure;
        }
    } else {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (!Graph::GraphExport::toImage(drawing).save(&buffer, "PNG")) {
            err() << tr("gantry: cannot encode the PNG image") << '\n';
            err().flush();
            return ExitFailure;
        }
    }
    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty() || output == QLatin1String("-")) {
        out().flush();
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        std::fflush(stdout);
        return ExitOk;
    }
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        err() << tr("gantry: cannot write %1: %2").arg(output, file.errorString()) << '\n';
        err().flush();
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace

int runCatalogVerb(const QString &workspace, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("validate")) {
        return validate(workspace, args.mid(1));
    }
    if (sub == QLatin1String("list")) {
        return list(workspace, args.mid(1));
    }
    if (sub == QLatin1String("show")) {
        return show(workspace, args.mid(1));
    }
    if (sub == QLatin1String("graph")) {
        return graph(workspace, args.mid(1));
    }
    return usageError(sub.isEmpty() ? tr("catalog needs a verb: validate, list, show or graph")
                                    : tr("unknown catalog verb \"%1\"; use validate, list, show or graph").arg(sub),
                      usageText());
}

} // namespace Gantry::App
