// gantry-gencatalog: writes a deterministic, realistic Backstage catalog for benchmarks and demos.

#include "tests/bench/catalogGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gantry-gencatalog"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes a deterministic Backstage catalog (repository-like folders, a root Location)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("Folder to write the catalog into."));
    const QCommandLineOption entitiesOption(QStringLiteral("entities"), QStringLiteral("Number of entities (>= 20)."),
                                            QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("s"),
                                        QStringLiteral("1"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print a JSON summary line."));
    parser.addOption(entitiesOption);
    parser.addOption(seedOption);
    parser.addOption(jsonOption);
    parser.process(app);

    QTextStream err(stderr);
    QTextStream out(stdout);
    const QStringList args = parser.positionalArguments();
    bool entitiesOk = false;
    bool seedOk = false;
    const int entities = parser.value(entitiesOption).toInt(&entitiesOk);
    const quint32 seed = parser.value(seedOption).toUInt(&seedOk);
    if (args.size() != 1 || !entitiesOk || entities < 20 || !seedOk) {
        err << "usage: gantry-gencatalog DIR --entities N [--seed S] [--json]   (N >= 20)\n";
        return 2;
    }

    QElapsedTimer timer;
    timer.start();
    const auto result = Gantry::Bench::generateCatalog(args.first(), entities, seed);
    if (!result.ok) {
        err << "gantry-gencatalog: " << result.error << '\n';
        return 1;
    }
    if (parser.isSet(jsonOption)) {
        QJsonObject kinds;
        for (auto it = result.entitiesByKind.cbegin(); it != result.entitiesByKind.cend(); ++it) {
            kinds.insert(it.key(), it.value());
        }
        const QJsonObject summary{
            {QStringLiteral("dir"), result.rootDir},
            {QStringLiteral("root"), result.rootFile},
            {QStringLiteral("seed"), qint64(seed)},
            {QStringLiteral("entities"), result.entities},
            {QStringLiteral("files"), result.files.size()},
            {QStringLiteral("bytes"), result.bytes},
            {QStringLiteral("danglingReferences"), result.danglingReferences},
            {QStringLiteral("kinds"), kinds},
            {QStringLiteral("ms"), timer.elapsed()},
        };
        out << QJsonDocument(summary).toJson(QJsonDocument::Compact) << '\n';
    } else {
        out << "wrote " << result.entities << " entities in " << result.files.size() << " files ("
            << QString::number(double(result.bytes) / (1024.0 * 1024.0), 'f', 1) << " MiB) to " << result.rootDir
            << " in " << timer.elapsed() << " ms\n";
        for (auto it = result.entitiesByKind.cbegin(); it != result.entitiesByKind.cend(); ++it) {
            out << "  " << it.key() << ": " << it.value() << '\n';
        }
        out << "  dangling references: " << result.danglingReferences << '\n';
    }
    return 0;
}
