#include "models/sources/catalogcache.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>

#include <exception>

Q_LOGGING_CATEGORY(lcCatalogCache, "gantry.sources.catalogcache")

namespace Gantry::Sources {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Sources::CatalogCache", text);
}

// Layout: "GNTRYCAT", quint32 format version, quint32 QDataStream version (both big-endian),
// QString Gantry version, QString origin, then the loader's memo (versioned by the loader).
constexpr char kMagic[] = "GNTRYCAT";
constexpr qsizetype kMagicSize = sizeof kMagic - 1;
// Bump when this file's own layout changes; the loader versions its memo separately.
constexpr quint32 kFormatVersion = 1;
constexpr QDataStream::Version kStreamVersion = QDataStream::Qt_6_4;

} // namespace

CatalogCache::CatalogCache(QString filePath)
    : m_filePath(std::move(filePath))
{}

bool CatalogCache::save(const Catalog::CatalogLoader &loader, const QString &origin, QString *error) const
{
    const auto fail = [&](const QString &message) {
        qCWarning(lcCatalogCache) << message;
        if (error) {
            *error = message;
        }
        return false;
    };
    const QString folder = QFileInfo(m_filePath).absolutePath();
    if (!QDir().mkpath(folder)) {
        return fail(tr("cannot create the cache folder %1").arg(folder));
    }
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(tr("cannot write the catalog cache %1: %2").arg(m_filePath, file.errorString()));
    }
    QDataStream out(&file);
    out.setVersion(kStreamVersion);
    out.writeRawData(kMagic, int(kMagicSize));
    out << kFormatVersion << quint32(kStreamVersion) << QCoreApplication::applicationVersion() << origin;
    try {
        loader.saveMemo(out);
    } catch (const std::exception &exception) {
        file.cancelWriting();
        return fail(
            tr("cannot write the catalog cache %1: %2").arg(m_filePath, QString::fromLocal8Bit(exception.what())));
    }
    if (out.status() != QDataStream::Ok) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(tr("cannot write the catalog cache %1: %2").arg(m_filePath, reason));
    }
    if (!file.commit()) {
        return fail(tr("cannot write the catalog cache %1: %2").arg(m_filePath, file.errorString()));
    }
    return true;
}

bool CatalogCache::restore(Catalog::CatalogLoader &loader, QString *origin) const
{
    const auto reject = [&](const char *why) {
        qCDebug(lcCatalogCache) << "ignoring the catalog cache" << m_filePath << ":" << why;
        loader.clearMemo();
        return false;
    };
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        return reject("cannot open");
    }
    QDataStream in(&file);
    in.setVersion(kStreamVersion);
    char magic[kMagicSize] = {};
    if (in.readRawData(magic, int(kMagicSize)) != int(kMagicSize) ||
        QByteArray::fromRawData(magic, kMagicSize) != QByteArray(kMagic)) {
        return reject("not a catalog cache");
    }
    quint32 formatVersion = 0;
    quint32 streamVersion = 0;
    in >> formatVersion >> streamVersion;
    if (in.status() != QDataStream::Ok || formatVersion != kFormatVersion || streamVersion != quint32(kStreamVersion)) {
        return reject("another version");
    }
    QString writtenBy;
    QString storedOrigin;
    in >> writtenBy >> storedOrigin;
    if (in.status() != QDataStream::Ok) {
        return reject("truncated");
    }
    // Another Gantry may parse or validate differently, even with the same memo layout.
    if (writtenBy != QCoreApplication::applicationVersion()) {
        return reject("written by another Gantry version");
    }
    bool restored = false;
    try {
        restored = loader.restoreMemo(in);
    } catch (const std::exception &) {
        restored = false;
    }
    if (!restored || in.status() != QDataStream::Ok) {
        return reject("damaged");
    }
    if (origin) {
        *origin = storedOrigin;
    }
    return true;
}

} // namespace Gantry::Sources
