#include "models/catalog/entitysource.h"

#include "models/catalog/entity.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Gantry::Catalog {

namespace {
constexpr qint64 MaxFileSize = 8 * 1024 * 1024; // a catalog file or README larger than this is not shown

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Catalog::EntitySource", text);
}
} // namespace

EntitySource::Text EntitySource::readLines(const QString &path, int firstLine, int lastLine)
{
    Text result;
    result.path = path;
    result.firstLine = std::max(1, firstLine);
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        result.error = tr("Cannot read %1: %2").arg(path, path.isEmpty() ? tr("no file") : file.errorString());
        return result;
    }
    if (file.size() > MaxFileSize) {
        result.error = tr("%1 is too large to show (%2 MB)").arg(path).arg(file.size() / (1024 * 1024));
        return result;
    }
    const QString all = QString::fromUtf8(file.readAll());
    if (firstLine <= 1 && lastLine <= 0) {
        result.text = all;
        return result;
    }
    // Cut out lines [firstLine, lastLine] without splitting the whole file into a list.
    int line = 1;
    qsizetype start = 0;
    while (line < result.firstLine && start < all.size()) {
        const qsizetype nl = all.indexOf(QLatin1Char('\n'), start);
        if (nl < 0) {
            start = all.size();
            break;
        }
        start = nl + 1;
        ++line;
    }
    qsizetype end = start;
    while (end < all.size() && (lastLine <= 0 || line <= lastLine)) {
        const qsizetype nl = all.indexOf(QLatin1Char('\n'), end);
        if (nl < 0) {
            end = all.size();
            break;
        }
        end = nl + 1;
        ++line;
    }
    result.text = all.mid(start, end - start);
    while (result.text.endsWith(QLatin1Char('\n')) || result.text.endsWith(QLatin1Char('\r'))) {
        result.text.chop(1);
    }
    return result;
}

EntitySource::Text EntitySource::document(const Entity &entity)
{
    Text text = readLines(entity.location.file, entity.startLine, entity.endLine);
    // The document's range can include its "---" / "..." markers: they are not part of the entity.
    const auto isMarker = [](QStringView line) {
        line = line.trimmed();
        return line == QLatin1String("---") || line == QLatin1String("...");
    };
    while (!text.text.isEmpty()) {
        const qsizetype nl = text.text.indexOf(QLatin1Char('\n'));
        if (!isMarker(QStringView(text.text).left(nl < 0 ? text.text.size() : nl))) {
            break;
        }
        text.text.remove(0, nl < 0 ? text.text.size() : nl + 1);
        ++text.firstLine;
    }
    while (!text.text.isEmpty()) {
        const qsizetype nl = text.text.lastIndexOf(QLatin1Char('\n'));
        if (!isMarker(QStringView(text.text).mid(nl + 1))) {
            break;
        }
        text.text.truncate(nl < 0 ? 0 : nl);
    }
    return text;
}

EntitySource::Text EntitySource::file(const QString &path)
{
    return readLines(path, 1, 0);
}

EntitySource::Text EntitySource::docs(const Entity &entity)
{
    const QFileInfo entityFile(entity.location.file);
    const QDir entityDir = entityFile.absoluteDir();
    QStringList candidates;
    const QString techdocs = entity.annotation("backstage.io/techdocs-ref");
    if (techdocs.startsWith(QLatin1String("dir:"))) {
        const QString dir = QDir::cleanPath(entityDir.absoluteFilePath(techdocs.mid(4).trimmed()));
        // Stay inside the entity's folder tree: a catalog file must not make Gantry show /etc.
        const QString root = QDir::cleanPath(entityDir.absolutePath());
        if (dir == root || dir.startsWith(root + QLatin1Char('/'))) {
            candidates << dir + QLatin1String("/docs/index.md") << dir + QLatin1String("/index.md")
                       << dir + QLatin1String("/README.md") << dir + QLatin1String("/docs/README.md");
        }
    }
    candidates << entityDir.absoluteFilePath(QStringLiteral("README.md"));
    for (const QString &candidate : std::as_const(candidates)) {
        if (QFileInfo(candidate).isFile()) {
            return readLines(candidate, 1, 0);
        }
    }
    return Text{};
}

} // namespace Gantry::Catalog
