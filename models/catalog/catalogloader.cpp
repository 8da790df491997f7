#include "models/catalog/catalogloader.h"

#include "models/catalog/pathglob.h"
#include "models/catalog/validator.h"

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
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <sys/stat.h>

Q_LOGGING_CATEGORY(lcLoader, "gantry.catalog.catalogloader")

namespace Gantry::Catalog {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Catalog::CatalogLoader", text);
}

constexpr qint64 MaxSubstitutionBytes = 8 * 1024 * 1024;
constexpr quint32 MemoFormatVersion = 6;

Problem makeProblem(Problem::Severity severity, const SourceLocation &where, const QString &message,
                    const QString &ref = {})
{
    return Problem{severity, where, message, ref};
}

bool isYamlFileName(const QString &name)
{
    return name.endsWith(QLatin1String(".yaml"), Qt::CaseInsensitive) ||
           name.endsWith(QLatin1String(".yml"), Qt::CaseInsensitive);
}

bool isInside(const QString &root, const QString &path)
{
    const QString r = QDir::cleanPath(root);
    const QString p = QDir::cleanPath(path);
    return p == r || p.startsWith(r.endsWith(QLatin1Char('/')) ? r : r + QLatin1Char('/'));
}

// "s:<size>:<mtime ms>": the version of a file outside Git.
QByteArray statVersion(const QFileInfo &info)
{
    return "s:" + QByteArray::number(info.size()) + ':' + QByteArray::number(info.lastModified().toMSecsSinceEpoch());
}

// "scheme://..." (^[A-Za-z][A-Za-z0-9+.-]*://) or "git@...".
bool isAbsoluteUrl(const QString &target)
{
    auto letter = [](char16_t c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); };
    const qsizetype n = target.size();
    if (n > 0 && letter(target.at(0).unicode())) {
        qsizetype i = 1;
        while (i < n) {
            const char16_t c = target.at(i).unicode();
            if (!(letter(c) || (c >= u'0' && c <= u'9') || c == u'+' || c == u'.' || c == u'-')) {
                break;
            }
            ++i;
        }
        if (QStringView(target).mid(i).startsWith(QLatin1String("://"))) {
            return true;
        }
    }
    return target.startsWith(QLatin1String("git@"));
}

// statVersion() with one stat() call; empty when the file cannot be stat'ed (the caller falls back).
QByteArray fastStatVersion(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        return {};
    }
    const qint64 ms = qint64(st.st_mtim.tv_sec) * 1000 + qint64(st.st_mtim.tv_nsec) / 1'000'000;
    return "s:" + QByteArray::number(qint64(st.st_size)) + ':' + QByteArray::number(ms);
}

struct FolderEntry
{
    QString name;
    bool isDir = false;
    bool isSymLink = false;
};

// What QDir(folder).entryInfoList(Files | Dirs | NoDotAndDotDot | Readable, Name) lists: readable
// files and folders (symbolic links to them too), no hidden ones, none of the system entries
// (broken links, sockets, devices), sorted by name. With readdir's d_type, a folder of a
// 50k-entity catalog costs one syscall per entry fewer.
std::vector<FolderEntry> listFolder(const QString &folder)
{
    std::vector<FolderEntry> entries;
    DIR *dir = ::opendir(QFile::encodeName(folder).constData());
    if (!dir) {
        return entries;
    }
    const int fd = ::dirfd(dir);
    while (const dirent *d = ::readdir(dir)) {
        if (d->d_name[0] == '.') {
            continue; // ".", ".." and hidden entries
        }
        FolderEntry e;
        unsigned char type = d->d_type;
        if (type == DT_LNK || type == DT_UNKNOWN) {
            struct stat st;
            if (type == DT_UNKNOWN) {
                if (::fstatat(fd, d->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
                    continue;
                }
                e.isSymLink = S_ISLNK(st.st_mode);
            } else {
                e.isSymLink = true;
            }
            if (e.isSymLink && ::fstatat(fd, d->d_name, &st, 0) != 0) {
                continue; // broken link
            }
            type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
        }
        if (type != DT_DIR && type != DT_REG) {
            continue;
        }
        if (::faccessat(fd, d->d_name, R_OK, 0) != 0) {
            continue;
        }
        e.isDir = type == DT_DIR;
        e.name = QFile::decodeName(d->d_name);
        entries.push_back(std::move(e));
    }
    ::closedir(dir);
    std::sort(entries.begin(), entries.end(),
              [](const FolderEntry &a, const FolderEntry &b) { return a.name < b.name; });
    return entries;
}

// ---------------------------------------------------------------------------------------------
// $text / $json / $yaml substitutions (Backstage's placeholder processor), restricted to files
// inside the mount: a catalog can never read outside its own repository or folder.

class Substituter
{
public:
    Substituter(const YamlTree &source, const QString &file, const QString &root, std::vector<Problem> *problems)
        : m_source(source)
        , m_file(file)
        , m_root(root)
        , m_problems(problems)
    {}

    std::shared_ptr<YamlTree> run()
    {
        auto tree = std::make_shared<YamlTree>();
        YamlTree::Builder builder(*tree);
        for (const auto &doc : m_source.documents()) {
            YamlTree::Document copy = doc;
            copy.root = copyNode(builder, m_source.node(doc.root));
            builder.addDocument(copy);
        }
        return tree;
    }

private:
    quint32 copyNode(YamlTree::Builder &builder, const YamlNode &node)
    {
        if (node.isMapping() && node.size() == 1) {
            const std::string_view key = node.keyAt(0).scalarUtf8();
            if (key == "$text" || key == "$json" || key == "$yaml") {
                return substitute(builder, node, key);
            }
        }
        if (!node.isMapping() && !node.isSequence()) {
            return builder.copy(node);
        }
        const auto &d = m_source.data(node.index());
        const quint32 index = builder.beginContainer(node.type(), d.line, m_source.column(node.index()));
        quint32 child = node.index() + 1;
        for (quint32 i = 0; i < d.count(); ++i) {
            const quint32 next = m_source.end(child);
            copyNode(builder, m_source.node(child));
            child = next;
        }
        builder.endContainer(index);
        return index;
    }

    quint32 fail(YamlTree::Builder &builder, const YamlNode &at, const QString &message)
    {
        m_problems->push_back(
            makeProblem(Problem::Severity::Error, SourceLocation{m_file, at.line(), at.column()}, message));
        const auto &d = m_source.data(at.index());
        return builder.addNull(d.line, m_source.column(at.index()));
    }

    quint32 substitute(YamlTree::Builder &builder, const YamlNode &node, std::string_view key)
    {
        const YamlNode value = node.at(0);
        const QString keyName = QString::fromUtf8(key.data(), qsizetype(key.size()));
        const QString target = value.scalar();
        if (!value.isScalar() || target.isEmpty()) {
            return fail(builder, value, tr("%1 needs a file path, e.g. \"%1: ./openapi.yaml\"").arg(keyName));
        }
        if (isAbsoluteUrl(target)) {
            // Offline-first: remote definitions are not fetched. The entity stays valid and the
            // value becomes the URL, so the API page can still link to it.
            m_problems->push_back(makeProblem(Problem::Severity::Warning,
                                              SourceLocation{m_file, value.line(), value.column()},
                                              tr("%1 \"%2\" is a URL, which Gantry does not fetch; the value is the "
                                                 "URL itself. Put the file in the repository and use a relative path "
                                                 "such as ./openapi.yaml to see its contents")
                                                  .arg(keyName, target)));
            const auto &d = m_source.data(node.index());
            const QByteArray url = target.toUtf8();
            return builder.addScalar(std::string_view(url.constData(), size_t(url.size())), true, d.line,
                                     m_source.column(node.index()));
        }
        const QString base = QFileInfo(m_file).absolutePath();
        const QString path = QDir::cleanPath(QDir::isAbsolutePath(target) ? target : base + QLatin1Char('/') + target);
        if (!isInside(m_root, path)) {
            return fail(builder, value,
                        tr("%1 \"%2\" points outside the catalog location %3; substitutions may only read files "
                           "inside it")
                            .arg(keyName, target, m_root));
        }
        QFile file(path);
        const QFileInfo info(path);
        if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
            return fail(builder, value,
                        tr("%1 \"%2\": cannot read %3 (%4); check that the file exists next to %5")
                            .arg(keyName, target, path, info.exists() ? file.errorString() : tr("no such file"),
                                 QFileInfo(m_file).fileName()));
        }
        if (info.size() > MaxSubstitutionBytes) {
            return fail(builder, value,
                        tr("%1 \"%2\" is larger than %3 MiB; keep definitions smaller")
                            .arg(keyName, target)
                            .arg(MaxSubstitutionBytes / (1024 * 1024)));
        }
        const QByteArray content = file.readAll();
        const auto &d = m_source.data(node.index());
        if (key == "$text") {
            return builder.addScalar(std::string_view(content.constData(), size_t(content.size())), true, d.line,
                                     m_source.column(node.index()));
        }
        if (key == "$json") {
            QJsonParseError error;
            const QJsonDocument json = QJsonDocument::fromJson(content, &error);
            if (error.error != QJsonParseError::NoError) {
                return fail(builder, value,
                            tr("$json \"%1\": %2 at offset %3; fix the JSON file")
                                .arg(target, error.errorString())
                                .arg(error.offset));
            }
            return builder.addJson(json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object()), d.line,
                                   m_source.column(node.index()));
        }
        std::vector<Problem> yamlProblems;
        const auto parsed = YamlTree::parse(content, path, &yamlProblems);
        if (parsed->hadSyntaxError() || parsed->documents().empty()) {
            const QString why =
                yamlProblems.empty() ? tr("the file is empty") : yamlProblems.front().toCompilerString();
            return fail(builder, value, tr("$yaml \"%1\" could not be read: %2").arg(target, why));
        }
        return builder.copy(parsed->documentRoot(0));
    }

    const YamlTree &m_source;
    const QString &m_file;
    const QString &m_root;
    std::vector<Problem> *m_problems;
};

bool mayHaveSubstitutions(const QByteArray &bytes)
{
    // One memchr pass over the '$' characters instead of three searches.
    const char *p = bytes.constData();
    const char *end = p + bytes.size();
    while ((p = static_cast<const char *>(std::memchr(p, '$', size_t(end - p)))) != nullptr) {
        const std::string_view word(p + 1, size_t(std::min<qsizetype>(4, end - p - 1)));
        if (word == "text" || word == "json" || word == "yaml") {
            return true;
        }
        ++p;
    }
    return false;
}

// Looks like a catalog entity (and not, say, a Kubernetes manifest or a CI file)?
bool looksLikeEntity(const YamlNode &root)
{
    if (!root.isMapping()) {
        return false;
    }
    const std::string_view apiVersion = root["apiVersion"].scalarUtf8();
    return apiVersion.find("backstage.io/") != std::string_view::npos;
}

} // namespace

// ---------------------------------------------------------------------------------------------

CatalogLoader::CatalogLoader() = default;

FileResult CatalogLoader::parseFile(const QString &absolutePath, const QByteArray &version, bool explicitFile,
                                    const QString &substitutionRoot)
{
    FileResult result;
    result.path = absolutePath;
    result.version = version;

    QFile file(absolutePath);
    if (!file.open(QIODevice::ReadOnly)) {
        result.problems.push_back(
            makeProblem(Problem::Severity::Error, SourceLocation{absolutePath, 0, 0},
                        tr("cannot read the file: %1; check that it exists and is readable").arg(file.errorString())));
        return result;
    }
    const YamlTree::Limits limits;
    if (file.size() > limits.maxBytes) {
        // Refuse before reading a huge file into memory.
        result.problems.push_back(makeProblem(Problem::Severity::Error, SourceLocation{absolutePath, 1, 1},
                                              tr("the file is %1 MiB, larger than the %2 MiB limit for catalog "
                                                 "files; split it into smaller files")
                                                  .arg(double(file.size()) / (1024.0 * 1024.0), 0, 'f', 1)
                                                  .arg(limits.maxBytes / (1024 * 1024))));
        return result;
    }
    const QByteArray bytes = file.readAll();
    file.close();

    // In a folder scan, only files that mention Backstage's API group are catalog files; others
    // (CI configs, Kubernetes manifests, Helm templates) are not our business.
    if (!explicitFile &&
        std::string_view(bytes.constData(), size_t(bytes.size())).find("backstage.io/") == std::string_view::npos) {
        return result;
    }

    std::shared_ptr<YamlTree> tree = YamlTree::parse(bytes, absolutePath, &result.problems, limits);
    if (tree->hadSyntaxError()) {
        // Backstage rejects the whole file on a YAML error; so do we.
        result.holdsEntities = true;
        return result;
    }
    if (mayHaveSubstitutions(bytes)) {
        tree = Substituter(*tree, absolutePath, substitutionRoot, &result.problems).run();
    }
    result.tree = tree;

    const auto &documents = tree->documents();
    result.entities.reserve(documents.size());
    result.entityDocuments.reserve(documents.size());
    for (int i = 0; i < int(documents.size()); ++i) {
        const YamlNode root = tree->documentRoot(i);
        if (documents[size_t(i)].hasError) {
            result.holdsEntities = true;
            continue; // the parser already reported why
        }
        if (!root.isMapping()) {
            if (root.isNull()) {
                continue; // an empty document, e.g. a trailing "---"
            }
            if (explicitFile || result.holdsEntities) {
                result.problems.push_back(makeProblem(Problem::Severity::Error,
                                                      SourceLocation{absolutePath, root.line(), root.column()},
                                                      tr("Expected object at root, got %1; each YAML document must be "
                                                         "one entity with apiVersion, kind, metadata and spec")
                                                          .arg(root.typeName())));
            }
            continue;
        }
        if (!explicitFile && !looksLikeEntity(root)) {
            continue;
        }
        result.holdsEntities = true;
        Entity entity = Entity::fromDocument(tree, i, absolutePath);
        const size_t problemsBefore = result.problems.size();
        bool ok = Validator::validate(entity, &result.problems);
        std::vector<OutgoingRelation> outgoing;
        if (ok && entity.isKnownKind()) {
            outgoing = outgoingRelations(entity, &result.problems);
            ok = std::none_of(result.problems.begin() + qsizetype(problemsBefore), result.problems.end(),
                              [](const Problem &p) { return p.isError(); });
        }
        if (!ok) {
            continue; // rejected, as Backstage would; the problems say why
        }
        if (entity.kind.compare(QLatin1String("Location"), Qt::CaseInsensitive) == 0) {
            const YamlNode spec = entity.spec();
            const QString type = spec["type"].scalar();
            const bool optional = spec["presence"].scalar() == QLatin1String("optional");
            auto addTarget = [&](const YamlNode &t) {
                if (t.isScalar() && !t.scalar().isEmpty()) {
                    result.locationTargets.push_back(FileResult::Target{
                        t.scalar(), type, optional, SourceLocation{absolutePath, t.line(), t.column()}});
                }
            };
            addTarget(spec["target"]);
            spec["targets"].forEachItem(addTarget);
        }
        result.entities.push_back(Catalog::Input{std::move(entity), std::move(outgoing)});
        result.entityDocuments.push_back(i);
    }
    if (result.entities.capacity() > result.entities.size()) { // kept for as long as the memo
        result.entities.shrink_to_fit();
        result.entityDocuments.shrink_to_fit();
    }
    return result;
}

namespace {

struct WorkItem
{
    MountPtr mount;
    QString absolutePath;
    bool explicitFile = false;
};

} // namespace

CatalogPtr CatalogLoader::load(const std::vector<Entry> &entries, const std::atomic_bool *cancel,
                               std::vector<Problem> extraProblems)
{
    QElapsedTimer timer;
    timer.start();
    m_cancelled = false;
    m_stats = LoadStats{};
    auto cancelled = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };

    std::vector<Problem> problems = std::move(extraProblems);
    const size_t extraCount = problems.size(); // e.g. fetch failures: transient, not remembered
    QSet<QString> visited;
    QStringList order;
    QHash<QString, std::shared_ptr<FileResult>> results;
    QStringList origins;

    // Expands one requested path (a file, a folder or a glob) into file work items.
    QStringList roots;
    auto expand = [&](const MountPtr &mount, const QString &absolutePath, bool explicitFile, bool optional,
                      const SourceLocation &from, std::vector<WorkItem> *out) {
        const QString root = QDir::cleanPath(mount->rootDir);
        if (!roots.contains(root)) {
            roots.append(root);
        }
        if (absolutePath.contains(QLatin1Char('*')) || absolutePath.contains(QLatin1Char('?'))) {
            // Glob: walk the folder before the first wildcard.
            const qsizetype wildcard = absolutePath.indexOf(QRegularExpression(QStringLiteral("[*?]")));
            const QString base = absolutePath.left(absolutePath.lastIndexOf(QLatin1Char('/'), wildcard));
            const QRegularExpression rx = pathGlobToRegex(absolutePath.mid(base.size() + 1));
            QStringList matches;
            QDirIterator it(base, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (!path.contains(QLatin1String("/.git/")) && rx.match(path.mid(base.size() + 1)).hasMatch()) {
                    matches.append(path);
                }
            }
            matches.sort();
            if (matches.isEmpty() && !optional) {
                problems.push_back(makeProblem(Problem::Severity::Warning, from,
                                               tr("the pattern %1 matches no file").arg(absolutePath)));
            }
            for (const auto &m : std::as_const(matches)) {
                out->push_back(WorkItem{mount, m, true});
            }
            return;
        }
        const QFileInfo info(absolutePath);
        if (info.isDir()) {
            QStringList files;
            // Breadth-first by folder so sibling order is stable and .git/node_modules are skipped.
            QStringList folders{info.absoluteFilePath()};
            for (qsizetype next = 0; next < folders.size(); ++next) {
                const QString folder = folders.at(next);
                const QString prefix = folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/');
                for (const auto &e : listFolder(folder)) {
                    if (e.isDir) {
                        if (e.name != QLatin1String("node_modules") && !e.isSymLink) {
                            folders.append(prefix + e.name);
                        }
                    } else if (isYamlFileName(e.name)) {
                        files.append(prefix + e.name);
                    }
                }
            }
            for (const auto &f : std::as_const(files)) {
                out->push_back(WorkItem{mount, f, false});
            }
            return;
        }
        if (!info.exists()) {
            if (!optional) {
                problems.push_back(makeProblem(
                    Problem::Severity::Error, from.file.isEmpty() ? SourceLocation{absolutePath, 0, 0} : from,
                    from.file.isEmpty()
                        ? tr("%1 does not exist; check the path").arg(absolutePath)
                        : tr("Location target %1 was not found in %2; fix the path or mark the location "
                             "\"presence: optional\"")
                              .arg(QDir(root).relativeFilePath(absolutePath), mount->label)));
            }
            return;
        }
        out->push_back(WorkItem{mount, absolutePath, explicitFile || !from.file.isEmpty()});
    };

    std::vector<WorkItem> level;
    for (const auto &entry : entries) {
        if (!entry.mount) {
            continue;
        }
        if (!entry.mount->commit.isEmpty()) {
            origins.append(QStringLiteral("%1 @ %2").arg(entry.mount->label, entry.mount->commit.left(8)));
        } else {
            origins.append(entry.mount->label);
        }
        const QString path = QDir::cleanPath(
            entry.path.isEmpty() ? entry.mount->rootDir : entry.mount->rootDir + QLatin1Char('/') + entry.path);
        expand(entry.mount, path, entry.explicitFile, false, SourceLocation{}, &level);
    }

    while (!level.empty() && !cancelled()) {
        // Drop files already read (cycles between Location entities, or the same file twice).
        std::vector<WorkItem> work;
        for (auto &item : level) {
            if (!visited.contains(item.absolutePath)) {
                visited.insert(item.absolutePath);
                work.push_back(std::move(item));
            }
        }
        level.clear();

        // Versions first (cheap), then parse only what changed, on every core.
        std::vector<QByteArray> versions(work.size());
        std::vector<std::shared_ptr<FileResult>> levelResults(work.size());
        std::vector<size_t> toParse;
        std::vector<size_t> toStat;
        for (size_t i = 0; i < work.size(); ++i) {
            const auto &item = work[i];
            if (item.mount->versionKey) {
                versions[i] = item.mount->versionKey(QDir(item.mount->rootDir).relativeFilePath(item.absolutePath));
            }
            if (versions[i].isEmpty()) {
                toStat.push_back(i);
            }
        }
        QtConcurrent::blockingMap(toStat, [&](size_t i) {
            versions[i] = fastStatVersion(work[i].absolutePath);
            if (versions[i].isEmpty()) {
                versions[i] = statVersion(QFileInfo(work[i].absolutePath));
            }
        });
        for (size_t i = 0; i < work.size(); ++i) {
            const auto &item = work[i];
            const QByteArray &version = versions[i];
            const auto memo = m_memo.value(item.absolutePath);
            if (memo && memo->version == version) {
                levelResults[i] = memo;
            } else {
                toParse.push_back(i);
            }
        }
        std::atomic_int done{0};
        const int total = int(toParse.size());
        QtConcurrent::blockingMap(toParse, [&](size_t i) {
            if (cancelled()) {
                return;
            }
            const auto &item = work[i];
            levelResults[i] = std::make_shared<FileResult>(
                parseFile(item.absolutePath, versions[i], item.explicitFile, item.mount->rootDir));
            const int n = ++done;
            if (m_progress && (n % 64 == 0 || n == total)) {
                m_progress(n, total, item.absolutePath);
            }
        });
        if (cancelled()) {
            break;
        }
        m_stats.filesParsed += total;

        for (size_t i = 0; i < work.size(); ++i) {
            const auto &result = levelResults[i];
            const auto &item = work[i];
            order.append(item.absolutePath);
            results.insert(item.absolutePath, result);
            // Follow Location targets: relative ones inside the same mount, URLs via the resolver.
            if (result->locationTargets.empty()) {
                continue;
            }
            const QString dir = QFileInfo(item.absolutePath).absolutePath();
            const QString mountRoot = QDir::cleanPath(item.mount->rootDir);
            const QString mountPrefix = mountRoot.endsWith(QLatin1Char('/')) ? mountRoot : mountRoot + QLatin1Char('/');
            for (const auto &target : result->locationTargets) {
                if (isAbsoluteUrl(target.target)) {
                    if (!m_resolver) {
                        problems.push_back(makeProblem(Problem::Severity::Error, target.location,
                                                       tr("Location target %1 is in another repository, which "
                                                          "cannot be read here")
                                                           .arg(target.target)));
                        continue;
                    }
                    QString relative;
                    QString error;
                    const MountPtr other = m_resolver(target.target, &relative, &error);
                    if (!other) {
                        if (!target.optional) {
                            problems.push_back(
                                makeProblem(Problem::Severity::Error, target.location,
                                            tr("Location target %1 could not be read: %2").arg(target.target, error)));
                        }
                        continue;
                    }
                    const QString path = QDir::cleanPath(
                        relative.isEmpty() ? other->rootDir : other->rootDir + QLatin1Char('/') + relative);
                    expand(other, path, true, target.optional, target.location, &level);
                    continue;
                }
                const bool absoluteFile = QDir::isAbsolutePath(target.target);
                if (absoluteFile && !item.mount->commit.isEmpty()) {
                    problems.push_back(makeProblem(Problem::Severity::Error, target.location,
                                                   tr("Location target %1 is an absolute path inside a Git "
                                                      "repository; use a path relative to this file")
                                                       .arg(target.target)));
                    continue;
                }
                const QString path =
                    QDir::cleanPath(absoluteFile ? target.target : dir + QLatin1Char('/') + target.target);
                // `path` is clean already: isInside(rootDir, path) without cleaning both again.
                const bool inside = path == mountRoot || path.startsWith(mountPrefix);
                if (!absoluteFile && !inside) {
                    problems.push_back(makeProblem(Problem::Severity::Error, target.location,
                                                   tr("Location target %1 points outside %2; targets must stay "
                                                      "inside the repository or folder")
                                                       .arg(target.target, item.mount->label)));
                    continue;
                }
                // A file read already (a folder scan usually queued every target) would be
                // dropped by the next level anyway: skip the stat and the work item.
                if (visited.contains(path) && !path.contains(QLatin1Char('*')) && !path.contains(QLatin1Char('?'))) {
                    continue;
                }
                expand(item.mount, path, true, target.optional, target.location, &level);
            }
        }
    }

    if (cancelled()) {
        m_cancelled = true;
        m_stats.elapsedMs = timer.elapsed();
        return {};
    }

    // The memo becomes exactly what this load saw; files no longer reachable drop out.
    m_memo = results;
    m_order = order;
    // Problems of the load itself (missing Location targets, ...) are remembered with it, so a
    // start from the cache shows them too.
    m_loadProblems.assign(problems.begin() + qsizetype(extraCount), problems.end());
    // Files that hold entities (or problems): a scanned folder's other YAML files do not count.
    m_stats.files = int(std::count_if(order.cbegin(), order.cend(), [&results](const QString &path) {
        const auto &r = results[path];
        return r->holdsEntities || !r->problems.empty();
    }));

    std::vector<Catalog::Input *> inputs;
    collectInputs(&inputs, &problems);
    m_roots = roots;
    auto catalog = Catalog::assembleShared(inputs, std::move(problems), origins.join(QStringLiteral(", ")), m_roots);
    m_stats.entities = catalog->size();
    m_stats.elapsedMs = timer.elapsed();
    qCDebug(lcLoader) << "loaded" << m_stats.entities << "entities from" << m_stats.files << "files,"
                      << m_stats.filesParsed << "parsed, in" << m_stats.elapsedMs << "ms";
    return catalog;
}

CatalogPtr CatalogLoader::assembleFromMemo(const QString &origin) const
{
    std::vector<Catalog::Input *> inputs;
    std::vector<Problem> problems = m_loadProblems;
    collectInputs(&inputs, &problems);
    return Catalog::assembleShared(inputs, std::move(problems), origin, m_roots);
}

void CatalogLoader::collectInputs(std::vector<Catalog::Input *> *inputs, std::vector<Problem> *problems) const
{
    size_t entityCount = 0;
    size_t problemCount = problems->size();
    for (const auto &path : m_order) {
        if (const auto r = m_memo.value(path)) {
            entityCount += r->entities.size();
            problemCount += r->problems.size();
        }
    }
    inputs->reserve(entityCount);
    problems->reserve(problemCount);
    for (const auto &path : m_order) {
        const auto r = m_memo.value(path);
        if (!r) {
            continue;
        }
        problems->insert(problems->end(), r->problems.begin(), r->problems.end());
        for (auto &input : r->entities) {
            inputs->push_back(&input);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Memo (de)serialization for the disk cache

namespace {

void writeLocation(QDataStream &out, const SourceLocation &l)
{
    out << l.file << qint32(l.line) << qint32(l.column);
}

void readLocation(QDataStream &in, SourceLocation &l)
{
    qint32 line = 0, column = 0;
    in >> l.file >> line >> column;
    l.line = line;
    l.column = column;
}

} // namespace

namespace {

void writeProblem(QDataStream &out, const Problem &p)
{
    out << quint8(p.severity);
    writeLocation(out, p.location);
    out << p.message << p.entityRef;
}

void readProblem(QDataStream &in, Problem &p)
{
    quint8 severity = 0;
    in >> severity;
    p.severity = severity == 0 ? Problem::Severity::Error : Problem::Severity::Warning;
    readLocation(in, p.location);
    in >> p.message >> p.entityRef;
}

} // namespace

void CatalogLoader::saveMemo(QDataStream &out) const
{
    out << MemoFormatVersion << quint32(m_roots.size());
    for (const auto &root : m_roots) {
        out << root;
    }
    out << quint32(m_loadProblems.size());
    for (const auto &p : m_loadProblems) {
        writeProblem(out, p);
    }
    out << quint32(m_order.size());
    for (const auto &path : m_order) {
        const auto &r = *m_memo.value(path);
        out << r.path << r.version << r.holdsEntities << bool(r.tree);
        if (r.tree) {
            r.tree->serialize(out);
        }
        out << quint32(r.entityDocuments.size());
        for (const int d : r.entityDocuments) {
            out << qint32(d);
        }
        out << quint32(r.problems.size());
        for (const auto &p : r.problems) {
            writeProblem(out, p);
        }
        out << quint32(r.locationTargets.size());
        for (const auto &t : r.locationTargets) {
            out << t.target << t.type << t.optional;
            writeLocation(out, t.location);
        }
    }
}

bool CatalogLoader::restoreMemo(QDataStream &in)
{
    clearMemo();
    quint32 version = 0, count = 0, loadProblemCount = 0;
    in >> version;
    if (in.status() != QDataStream::Ok || version != MemoFormatVersion) {
        return false;
    }
    // Read counted containers by hand: Qt 6.4's QDataStream reserves whatever count a damaged
    // file claims (a QStringList with 2^32 items is a 70 GB allocation).
    QStringList roots;
    quint32 rootCount = 0;
    in >> rootCount;
    if (in.status() != QDataStream::Ok || rootCount > 10'000) {
        return false;
    }
    for (quint32 i = 0; i < rootCount && in.status() == QDataStream::Ok; ++i) {
        QString root;
        in >> root;
        roots.append(root);
    }
    in >> loadProblemCount;
    if (in.status() != QDataStream::Ok || loadProblemCount > 1'000'000) {
        return false;
    }
    std::vector<Problem> loadProblems;
    for (quint32 i = 0; i < loadProblemCount && in.status() == QDataStream::Ok; ++i) {
        Problem p;
        readProblem(in, p);
        loadProblems.push_back(std::move(p));
    }
    in >> count;
    if (in.status() != QDataStream::Ok || count > 10'000'000) {
        return false;
    }
    QHash<QString, std::shared_ptr<FileResult>> memo;
    QStringList order;
    std::vector<FileResult *> withEntities;
    for (quint32 i = 0; i < count; ++i) {
        auto r = std::make_shared<FileResult>();
        bool hasTree = false;
        in >> r->path >> r->version >> r->holdsEntities >> hasTree;
        std::shared_ptr<YamlTree> tree;
        if (hasTree) {
            tree = YamlTree::deserialize(in);
            if (!tree) {
                return false;
            }
            r->tree = tree;
        }
        quint32 entityCount = 0;
        in >> entityCount;
        if (in.status() != QDataStream::Ok || (entityCount > 0 && !tree) ||
            (tree && entityCount > tree->documents().size())) {
            return false;
        }
        for (quint32 e = 0; e < entityCount; ++e) {
            qint32 doc = 0;
            in >> doc;
            if (doc < 0 || size_t(doc) >= tree->documents().size() || !tree->documentRoot(doc).isMapping()) {
                return false;
            }
            r->entityDocuments.push_back(doc);
        }
        if (entityCount > 0) {
            withEntities.push_back(r.get());
        }
        quint32 problemCount = 0;
        in >> problemCount;
        if (in.status() != QDataStream::Ok || problemCount > 1'000'000) {
            return false;
        }
        for (quint32 k = 0; k < problemCount && in.status() == QDataStream::Ok; ++k) {
            Problem p;
            readProblem(in, p);
            r->problems.push_back(std::move(p));
        }
        quint32 targetCount = 0;
        in >> targetCount;
        if (in.status() != QDataStream::Ok || targetCount > 1'000'000) {
            return false;
        }
        r->locationTargets.resize(targetCount);
        for (auto &t : r->locationTargets) {
            in >> t.target >> t.type >> t.optional;
            readLocation(in, t.location);
        }
        if (in.status() != QDataStream::Ok) {
            return false;
        }
        const QString path = r->path;
        order.append(path);
        memo.insert(path, std::move(r));
    }
    // The entities are derived again rather than stored: on every core, file by file.
    QtConcurrent::blockingMap(withEntities, [](FileResult *r) {
        r->entities.reserve(r->entityDocuments.size());
        for (const int doc : r->entityDocuments) {
            Entity entity = Entity::fromDocument(r->tree, doc, r->path);
            std::vector<OutgoingRelation> outgoing;
            if (entity.isKnownKind()) {
                outgoing = outgoingRelations(entity, nullptr);
            }
            r->entities.push_back(Catalog::Input{std::move(entity), std::move(outgoing)});
        }
    });
    m_memo = std::move(memo);
    m_order = std::move(order);
    m_loadProblems = std::move(loadProblems);
    m_roots = std::move(roots);
    return true;
}

} // namespace Gantry::Catalog
