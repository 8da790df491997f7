// bench_catalog: one phase of the catalog benchmark per process, so that the peak memory each
// phase reports (ru_maxrss) is its own. run-catalog-bench.sh drives it; see tests/bench/README.md.
//
//   bench_catalog --dir DIR --phase cold|refresh|warm|filter|breakdown [--runs N] [--json]
//
// cold      CatalogLoader::load of the folder (parse + validate + relations + assembly) until the
//           CatalogModel holds the snapshot. A fresh loader each run.
// refresh   a load, then per run: change the description in 3 files, load again; reports the
//           second load and how many files it parsed (must be 3). The files are restored after.
// warm      a child process loads and saves a CatalogCache; this process then restores it into a
//           fresh loader and assembles from it until the model holds the snapshot (the app's
//           start); revalidateMs is the load that follows and finds every file unchanged.
// filter    model + CatalogFilterProxy (sorted by name, as the table shows it), then a word typed
//           key by key with backspaces; reports per-keystroke latency. A fresh proxy each run.
// breakdown where cold time goes: every file through CatalogLoader::parseFile on one thread,
//           then Catalog::assemble, then the model (diagnostic, not a target).

#include "models/catalog/catalogfilterproxy.h"
#include "models/catalog/catalogloader.h"
#include "models/catalog/catalogmodel.h"
#include "models/sources/catalogcache.h"
#include "models/sources/sourcesync.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDataStream>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <sys/resource.h>

using namespace Gantry;

namespace {

struct Options
{
    QString dir;
    QString entry; // relative to dir; empty: the whole folder
    QString cacheFile;
    int runs = 3;
};

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double rounded(double ms)
{
    return std::round(ms * 100.0) / 100.0;
}

double median(std::vector<double> values)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values[(values.size() - 1) / 2];
}

QJsonArray toJson(const std::vector<double> &values)
{
    QJsonArray a;
    for (double v : values) {
        a.append(rounded(v));
    }
    return a;
}

// User + system CPU time of this process so far: unlike wall time, it does not depend on how
// busy the machine's other cores are.
double cpuMs()
{
    struct rusage usage = {};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval &t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

qint64 peakRssKiB()
{
    struct rusage usage = {};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_maxrss); // KiB on Linux
}

std::vector<Catalog::CatalogLoader::Entry> entriesFor(const Options &options)
{
    const Catalog::MountPtr mount = Sources::SourceSync::mountFolder(QFileInfo(options.dir).absoluteFilePath());
    return {Catalog::CatalogLoader::Entry{mount, options.entry, !options.entry.isEmpty()}};
}

void addCatalogFacts(QJsonObject &out, const Catalog::CatalogPtr &catalog, const Catalog::LoadStats &stats)
{
    out.insert(QStringLiteral("entities"), catalog ? catalog->size() : 0);
    out.insert(QStringLiteral("problems"), catalog ? int(catalog->problems().size()) : 0);
    out.insert(QStringLiteral("errors"), catalog ? catalog->errorCount() : 0);
    out.insert(QStringLiteral("warnings"), catalog ? catalog->warningCount() : 0);
    out.insert(QStringLiteral("files"), stats.files);
    out.insert(QStringLiteral("filesParsed"), stats.filesParsed);
}

QJsonObject phaseCold(const Options &options)
{
    const auto entries = entriesFor(options);
    std::vector<double> total;
    std::vector<double> load;
    std::vector<double> model;
    std::vector<double> cpu;
    QJsonObject out;
    for (int run = 0; run < options.runs; ++run) {
        Catalog::CatalogLoader loader;
        Catalog::CatalogModel catalogModel;
        const double cpuBefore = cpuMs();
        QElapsedTimer timer;
        timer.start();
        const Catalog::CatalogPtr catalog = loader.load(entries);
        load.push_back(msSince(timer));
        catalogModel.setCatalog(catalog);
        catalogModel.rowCount(); // the model is ready to be shown
        total.push_back(msSince(timer));
        cpu.push_back(cpuMs() - cpuBefore);
        model.push_back(total.back() - load.back());
        addCatalogFacts(out, catalog, loader.lastStats());
    }
    out.insert(QStringLiteral("ms"), rounded(median(total)));
    out.insert(QStringLiteral("msAll"), toJson(total));
    out.insert(QStringLiteral("loadMs"), rounded(median(load)));
    out.insert(QStringLiteral("modelMs"), rounded(median(model)));
    out.insert(QStringLiteral("cpuMs"), rounded(median(cpu)));
    return out;
}

// Files the refresh phase edits: three repository files spread over the catalog, a different
// trio each run so that no run re-reads what the previous one parsed.
QStringList refreshTargets(const QString &dir, int run)
{
    QStringList files;
    QDirIterator it(dir + QStringLiteral("/repos"), {QStringLiteral("catalog-info.yaml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files << it.next();
    }
    files.sort();
    QStringList picked;
    if (files.size() < 3) {
        return picked;
    }
    for (int k = 0; k < 3; ++k) {
        picked << files[(k * files.size() / 3 + run * 7) % files.size()];
    }
    return picked;
}

// Appends a marker to the first metadata.description of a YAML file (any of the three styles
// the generator writes: plain, double-quoted, folded).
QByteArray reviseDescription(QByteArray text, const QByteArray &marker)
{
    const QByteArray key = "\n  description: ";
    const qsizetype at = text.indexOf(key);
    if (at < 0) {
        return text.replace("\nspec:", QByteArray("\n  description: " + marker + "\nspec:"));
    }
    const qsizetype valueStart = at + key.size();
    const qsizetype lineEnd = text.indexOf('\n', valueStart);
    const QByteArray value = text.mid(valueStart, lineEnd - valueStart);
    if (value == ">-" || value == ">") {
        const qsizetype nextEnd = text.indexOf('\n', lineEnd + 1);
        text.insert(nextEnd, QByteArray(' ' + marker));
    } else if (value.startsWith('"')) {
        text.insert(lineEnd - 1, QByteArray(' ' + marker));
    } else {
        text.insert(lineEnd, QByteArray(' ' + marker));
    }
    return text;
}

QJsonObject phaseRefresh(const Options &options)
{
    const auto entries = entriesFor(options);
    Catalog::CatalogLoader loader;
    Catalog::CatalogModel catalogModel;
    catalogModel.setCatalog(loader.load(entries));

    std::vector<double> total;
    std::vector<double> parsed;
    bool allVisible = true;
    bool allParsedThree = true;
    QJsonObject out;
    for (int run = 0; run < options.runs; ++run) {
        const QStringList targets = refreshTargets(options.dir, run);
        QList<QByteArray> originals;
        const QByteArray marker = "Revised in refresh run " + QByteArray::number(run + 1) + '.';
        for (const QString &path : targets) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                qFatal("bench_catalog: cannot read %s", qPrintable(path));
            }
            originals << file.readAll();
            file.close();
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                qFatal("bench_catalog: cannot write %s", qPrintable(path));
            }
            file.write(reviseDescription(originals.back(), marker));
        }

        QElapsedTimer timer;
        timer.start();
        const Catalog::CatalogPtr catalog = loader.load(entries);
        catalogModel.setCatalog(catalog);
        catalogModel.rowCount();
        total.push_back(msSince(timer));
        parsed.push_back(loader.lastStats().filesParsed);
        allParsedThree = allParsedThree && loader.lastStats().filesParsed == 3;
        addCatalogFacts(out, catalog, loader.lastStats());

        // The edit must be in the new snapshot, or the refresh measured nothing.
        int visible = 0;
        for (const auto &e : catalog->entities()) {
            visible += e.description.contains(QString::fromLatin1(marker)) ? 1 : 0;
        }
        allVisible = allVisible && visible >= int(targets.size());

        for (int i = 0; i < targets.size(); ++i) {
            QFile file(targets[i]);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                file.write(originals[i]) != originals[i].size()) {
                qFatal("bench_catalog: cannot restore %s", qPrintable(targets[i]));
            }
        }
        loader.load(entries); // back to the generated files before the next run
    }
    out.insert(QStringLiteral("ms"), rounded(median(total)));
    out.insert(QStringLiteral("msAll"), toJson(total));
    out.insert(QStringLiteral("filesChanged"), 3);
    out.insert(QStringLiteral("filesParsedAll"), toJson(parsed));
    out.insert(QStringLiteral("filesParsedOk"), allParsedThree);
    out.insert(QStringLiteral("changesVisible"), allVisible);
    return out;
}

// Child process of the warm phase: load and save the cache.
int phaseWarmSave(const Options &options)
{
    Catalog::CatalogLoader loader;
    const Catalog::CatalogPtr catalog = loader.load(entriesFor(options));
    QString error;
    if (!catalog || !Sources::CatalogCache(options.cacheFile).save(loader, catalog->origin(), &error)) {
        QTextStream(stderr) << "bench_catalog: cannot save the cache: " << error << '\n';
        return 1;
    }
    return 0;
}

QJsonObject phaseWarm(const Options &options, QString *error)
{
    QTemporaryDir tmp;
    QString cacheFile = options.cacheFile;
    if (cacheFile.isEmpty()) {
        cacheFile = tmp.filePath(QStringLiteral("catalog.cache"));
    }
    QProcess save;
    save.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    save.start(QCoreApplication::applicationFilePath(),
               {QStringLiteral("--dir"), options.dir, QStringLiteral("--entry"), options.entry,
                QStringLiteral("--phase"), QStringLiteral("warm-save"), QStringLiteral("--cache"), cacheFile});
    if (!save.waitForFinished(-1) || save.exitStatus() != QProcess::NormalExit || save.exitCode() != 0) {
        *error = QStringLiteral("the cache-saving child process failed");
        return {};
    }

    // What the app does on start (CatalogService::openWorkspace): restore the cache and assemble
    // the catalog from it before looking at any file. Then, as the app's background refresh
    // does next, a load that finds every file unchanged.
    const auto entries = entriesFor(options);
    std::vector<double> total;
    std::vector<double> restore;
    std::vector<double> revalidate;
    QJsonObject out;
    bool restored = true;
    for (int run = 0; run < options.runs; ++run) {
        Catalog::CatalogLoader loader;
        Catalog::CatalogModel catalogModel;
        QElapsedTimer timer;
        timer.start();
        QString origin;
        restored = Sources::CatalogCache(cacheFile).restore(loader, &origin) && restored;
        restore.push_back(msSince(timer));
        const Catalog::CatalogPtr cached = loader.assembleFromMemo(origin);
        catalogModel.setCatalog(cached);
        catalogModel.rowCount();
        total.push_back(msSince(timer));

        timer.restart();
        const Catalog::CatalogPtr loaded = loader.load(entries);
        catalogModel.setCatalog(loaded);
        catalogModel.rowCount();
        revalidate.push_back(msSince(timer));
        addCatalogFacts(out, loaded, loader.lastStats());
        out.insert(QStringLiteral("entities"), cached ? cached->size() : 0);
    }
    out.insert(QStringLiteral("ms"), rounded(median(total)));
    out.insert(QStringLiteral("msAll"), toJson(total));
    out.insert(QStringLiteral("restoreMs"), rounded(median(restore)));
    out.insert(QStringLiteral("revalidateMs"), rounded(median(revalidate)));
    out.insert(QStringLiteral("restored"), restored);
    out.insert(QStringLiteral("cacheBytes"), QFileInfo(cacheFile).size());
    return out;
}

// What a person types into the search box: a word, a correction, a second word, then clearing it.
QStringList keystrokes()
{
    QStringList texts;
    QString text;
    const auto type = [&](const QString &chars) {
        for (const QChar c : chars) {
            text += c;
            texts << text;
        }
    };
    const auto backspace = [&](int count) {
        for (int i = 0; i < count && !text.isEmpty(); ++i) {
            text.chop(1);
            texts << text;
        }
    };
    type(QStringLiteral("payment"));
    backspace(5); // "pa"
    type(QStringLiteral("rtner"));
    type(QStringLiteral(" api"));
    backspace(4);
    texts << QString(); // select all + delete
    return texts;
}

QJsonObject phaseFilter(const Options &options)
{
    Catalog::CatalogLoader loader;
    Catalog::CatalogModel catalogModel;
    const Catalog::CatalogPtr catalog = loader.load(entriesFor(options));
    catalogModel.setCatalog(catalog);

    const QStringList texts = keystrokes();
    std::vector<double> all;
    std::vector<double> setup;
    QJsonArray firstRun;
    for (int run = 0; run < options.runs; ++run) {
        Catalog::CatalogFilterProxy proxy;
        QElapsedTimer timer;
        timer.start();
        proxy.setSourceModel(&catalogModel);
        proxy.sort(Catalog::CatalogModel::NameColumn);
        proxy.rowCount();
        setup.push_back(msSince(timer));
        for (const QString &text : texts) {
            timer.restart();
            proxy.setSearchText(text);
            const int rows = proxy.rowCount();
            const double ms = msSince(timer);
            all.push_back(ms);
            if (run == 0) {
                firstRun.append(QJsonObject{{QStringLiteral("text"), text},
                                            {QStringLiteral("rows"), rows},
                                            {QStringLiteral("ms"), rounded(ms)}});
            }
        }
    }
    QJsonObject out;
    addCatalogFacts(out, catalog, loader.lastStats());
    out.insert(QStringLiteral("keystrokes"), int(all.size()));
    out.insert(QStringLiteral("ms"), rounded(median(all)));
    out.insert(QStringLiteral("medianMs"), rounded(median(all)));
    out.insert(QStringLiteral("maxMs"), rounded(*std::max_element(all.begin(), all.end())));
    out.insert(QStringLiteral("setupMs"), rounded(median(setup)));
    out.insert(QStringLiteral("trace"), firstRun);
    return out;
}

QJsonObject phaseBreakdown(const Options &options)
{
    const QString root = QFileInfo(options.dir).absoluteFilePath();
    QStringList files;
    QDirIterator it(root, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files << it.next();
    }
    files.sort();

    QElapsedTimer timer;
    timer.start();
    std::vector<Catalog::Catalog::Input> inputs;
    std::vector<Catalog::Problem> problems;
    for (const QString &file : files) {
        Catalog::FileResult result = Catalog::CatalogLoader::parseFile(file, QByteArray(), true, root);
        for (auto &input : result.entities) {
            inputs.push_back(std::move(input));
        }
        for (auto &problem : result.problems) {
            problems.push_back(std::move(problem));
        }
    }
    const double parseMs = msSince(timer);
    timer.restart();
    const Catalog::CatalogPtr catalog = Catalog::Catalog::assemble(std::move(inputs), std::move(problems), root);
    const double assembleMs = msSince(timer);
    timer.restart();
    Catalog::CatalogModel catalogModel;
    catalogModel.setCatalog(catalog);
    catalogModel.rowCount();
    const double modelMs = msSince(timer);

    QJsonObject out;
    out.insert(QStringLiteral("entities"), catalog->size());
    out.insert(QStringLiteral("files"), int(files.size()));
    out.insert(QStringLiteral("parseOneThreadMs"), rounded(parseMs));
    out.insert(QStringLiteral("assembleMs"), rounded(assembleMs));
    out.insert(QStringLiteral("modelMs"), rounded(modelMs));
    out.insert(QStringLiteral("ms"), rounded(parseMs + assembleMs + modelMs));
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_catalog"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("One phase of Gantry's catalog benchmark (one JSON line)."));
    parser.addHelpOption();
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Catalog folder (gantry-gencatalog)."),
                                       QStringLiteral("dir"));
    const QCommandLineOption phaseOption(
        QStringLiteral("phase"), QStringLiteral("cold, refresh, warm, filter or breakdown."), QStringLiteral("phase"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs; the median is reported."),
                                        QStringLiteral("n"));
    const QCommandLineOption entryOption(QStringLiteral("entry"),
                                         QStringLiteral("Load this file of the folder instead of the whole folder."),
                                         QStringLiteral("path"));
    const QCommandLineOption cacheOption(QStringLiteral("cache"), QStringLiteral("Cache file for the warm phase."),
                                         QStringLiteral("file"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print only the JSON line."));
    parser.addOptions({dirOption, phaseOption, runsOption, entryOption, cacheOption, jsonOption});
    parser.process(app);
    // The loader's debug lines would interleave with the JSON on the terminal.
    QLoggingCategory::setFilterRules(QStringLiteral("gantry.*.debug=false"));

    QTextStream err(stderr);
    QTextStream out(stdout);
    Options options;
    options.dir = parser.value(dirOption);
    options.entry = parser.value(entryOption);
    options.cacheFile = parser.value(cacheOption);
    const QString phase = parser.value(phaseOption);
    if (options.dir.isEmpty() || !QFileInfo(options.dir).isDir() || phase.isEmpty()) {
        err << "usage: bench_catalog --dir DIR --phase cold|refresh|warm|filter|breakdown [--runs N] [--json]\n";
        return 2;
    }
    options.runs = parser.isSet(runsOption)         ? std::max(1, parser.value(runsOption).toInt())
                   : phase == QLatin1String("cold") ? 1
                                                    : 5;

    QJsonObject result;
    QString error;
    if (phase == QLatin1String("cold")) {
        result = phaseCold(options);
    } else if (phase == QLatin1String("refresh")) {
        result = phaseRefresh(options);
    } else if (phase == QLatin1String("warm")) {
        result = phaseWarm(options, &error);
    } else if (phase == QLatin1String("warm-save")) {
        return phaseWarmSave(options);
    } else if (phase == QLatin1String("filter")) {
        result = phaseFilter(options);
    } else if (phase == QLatin1String("breakdown")) {
        result = phaseBreakdown(options);
    } else {
        err << "bench_catalog: unknown phase " << phase << '\n';
        return 2;
    }
    if (!error.isEmpty()) {
        err << "bench_catalog: " << error << '\n';
        return 1;
    }
    result.insert(QStringLiteral("tool"), QStringLiteral("gantry"));
    result.insert(QStringLiteral("phase"), phase);
    result.insert(QStringLiteral("dir"), QFileInfo(options.dir).absoluteFilePath());
    result.insert(QStringLiteral("runs"), options.runs);
    result.insert(QStringLiteral("threads"), QThread::idealThreadCount());
    const qint64 rss = peakRssKiB();
    result.insert(QStringLiteral("peakRssKiB"), rss);
    result.insert(QStringLiteral("peakRssMiB"), rounded(double(rss) / 1024.0));

    const QByteArray line = QJsonDocument(result).toJson(QJsonDocument::Compact);
    if (parser.isSet(jsonOption)) {
        out << line << '\n';
    } else {
        out << phase << ": " << result.value(QStringLiteral("ms")).toDouble() << " ms (median of " << options.runs
            << "), " << result.value(QStringLiteral("entities")).toInt() << " entities, peak RSS "
            << result.value(QStringLiteral("peakRssMiB")).toDouble() << " MiB\n"
            << line << '\n';
    }
    return 0;
}
