#include "models/workspace/workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <yaml-cpp/yaml.h>

#include <string>

Q_LOGGING_CATEGORY(lcWorkspace, "gantry.workspace.workspace")

namespace Gantry::Workspace {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Workspace::Workspace", text);
}

// A problem in gantry.yaml at a yaml-cpp mark (0-based; -1 when unknown).
struct ParseError
{
    YAML::Mark mark;
    QString message;
};

QString compilerError(const QString &file, int line, int column, const QString &message)
{
    return QStringLiteral("%1:%2:%3: error: %4").arg(file).arg(line).arg(column).arg(message);
}

QString compilerError(const QString &file, const YAML::Mark &mark, const QString &message)
{
    return compilerError(file, mark.line >= 0 ? mark.line + 1 : 0, mark.column >= 0 ? mark.column + 1 : 0, message);
}

QString fromStd(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

std::string toStd(const QString &text)
{
    return text.toStdString();
}

QString scalar(const YAML::Node &node, const char *key)
{
    if (!node.IsScalar()) {
        throw ParseError{node.Mark(), tr("'%1' must be a single value").arg(QLatin1String(key))};
    }
    return fromStd(node.Scalar());
}

// A child value of a mapping; empty when absent or null.
QString optionalScalar(const YAML::Node &map, const char *key)
{
    const YAML::Node child = map[key];
    if (!child || child.IsNull()) {
        return {};
    }
    return scalar(child, key);
}

void requireMap(const YAML::Node &node, const QString &what)
{
    if (!node.IsMap()) {
        throw ParseError{node.Mark(), tr("%1 must be a mapping of keys to values").arg(what)};
    }
}

void requireSequence(const YAML::Node &node, const QString &what)
{
    if (!node.IsSequence()) {
        throw ParseError{node.Mark(), tr("%1 must be a list").arg(what)};
    }
}

CatalogLocation parseLocation(const YAML::Node &node)
{
    CatalogLocation location;
    if (node.IsScalar()) {
        location = CatalogLocation::fromString(fromStd(node.Scalar()));
    } else if (node.IsMap()) {
        location.url = optionalScalar(node, "url");
        location.branch = optionalScalar(node, "branch");
        location.path = optionalScalar(node, "path");
        if (location.url.isEmpty() && location.path.isEmpty()) {
            throw ParseError{node.Mark(), tr("a catalog location needs a 'url' (Git) or a 'path' (local folder)")};
        }
    } else {
        throw ParseError{node.Mark(), tr("a catalog location must be a URL, a path, or a mapping with 'url', "
                                         "'branch' and 'path'")};
    }
    if (location.url.isEmpty() && location.path.isEmpty()) {
        throw ParseError{node.Mark(), tr("empty catalog location")};
    }
    location.line = node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
    location.column = node.Mark().column >= 0 ? node.Mark().column + 1 : 0;
    return location;
}

Environment parseEnvironment(const YAML::Node &node)
{
    requireMap(node, tr("an environment"));
    Environment environment;
    environment.name = optionalScalar(node, "name");
    environment.context = optionalScalar(node, "context");
    environment.nameSpace = optionalScalar(node, "namespace");
    if (environment.name.isEmpty()) {
        throw ParseError{node.Mark(), tr("an environment needs a 'name'")};
    }
    return environment;
}

Workspace parseWorkspace(const YAML::Node &root, const QString &filePath)
{
    Workspace workspace;
    workspace.filePath = filePath;
    if (!root || root.IsNull()) {
        throw ParseError{YAML::Mark(), tr("the workspace file is empty; it needs at least 'catalog: locations:'")};
    }
    requireMap(root, tr("the workspace file"));
    const QDir directory = QFileInfo(filePath).absoluteDir();

    workspace.name = optionalScalar(root, "name");

    if (const YAML::Node catalog = root["catalog"]; catalog && !catalog.IsNull()) {
        requireMap(catalog, QStringLiteral("'catalog'"));
        if (const YAML::Node locations = catalog["locations"]; locations && !locations.IsNull()) {
            requireSequence(locations, QStringLiteral("'catalog.locations'"));
            for (const YAML::Node &node : locations) {
                workspace.locations.push_back(parseLocation(node));
            }
        }
    }
    if (const YAML::Node git = root["git"]; git && !git.IsNull()) {
        requireMap(git, QStringLiteral("'git'"));
        workspace.gitRemotePattern = optionalScalar(git, "remotePattern");
    }
    if (const QString kubeconfig = optionalScalar(root, "kubeconfig"); !kubeconfig.isEmpty()) {
        workspace.kubeconfig = QDir::cleanPath(directory.absoluteFilePath(QDir::fromNativeSeparators(kubeconfig)));
    }
    if (const YAML::Node environments = root["environments"]; environments && !environments.IsNull()) {
        requireSequence(environments, QStringLiteral("'environments'"));
        for (const YAML::Node &node : environments) {
            workspace.environments.push_back(parseEnvironment(node));
        }
    }
    if (const YAML::Node prometheus = root["prometheus"]; prometheus && !prometheus.IsNull()) {
        if (prometheus.IsScalar()) {
            workspace.prometheusUrl = fromStd(prometheus.Scalar());
        } else {
            requireMap(prometheus, QStringLiteral("'prometheus'"));
            workspace.prometheusUrl = optionalScalar(prometheus, "url");
        }
    }
    return workspace;
}

// Paths inside the workspace folder are written relative to it, so the folder can move.
QString portablePath(const QString &directory, const QString &absolutePath)
{
    const QString relative = QDir(directory).relativeFilePath(absolutePath);
    if (relative.startsWith(QLatin1String("../")) || relative == QLatin1String("..") ||
        QDir::isAbsolutePath(relative)) {
        return absolutePath;
    }
    return QStringLiteral("./") + relative;
}

} // namespace

bool CatalogLocation::isGitUrl(const QString &text)
{
    static const QRegularExpression scheme(QStringLiteral("^(file|https?|ssh|git|git\\+ssh)://"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression scpLike(QStringLiteral("^[A-Za-z0-9._-]+@[A-Za-z0-9._-]+:"));
    return scheme.match(text).hasMatch() || scpLike.match(text).hasMatch();
}

CatalogLocation CatalogLocation::fromString(const QString &text)
{
    CatalogLocation location;
    const QString trimmed = text.trimmed();
    if (!isGitUrl(trimmed)) {
        location.path = trimmed;
        return location;
    }
    const qsizetype hash = trimmed.lastIndexOf(QLatin1Char('#'));
    if (hash < 0) {
        location.url = trimmed;
        return location;
    }
    location.url = trimmed.left(hash);
    const QString fragment = trimmed.mid(hash + 1);
    const qsizetype colon = fragment.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        location.branch = fragment;
    } else {
        location.branch = fragment.left(colon);
        location.path = fragment.mid(colon + 1);
    }
    return location;
}

QString Workspace::directory() const
{
    return QFileInfo(filePath).absolutePath();
}

QString Workspace::cacheDirectory() const
{
    const QString absolute = QFileInfo(filePath).absoluteFilePath();
    const QByteArray digest = QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/workspaces/") +
           QString::fromLatin1(digest);
}

std::optional<Workspace> Workspace::load(const QString &fileOrDirectory, QString *error)
{
    QFileInfo info(fileOrDirectory);
    if (info.isDir()) {
        info.setFile(QDir(info.absoluteFilePath()).absoluteFilePath(QStringLiteral("gantry.yaml")));
    }
    const QString filePath = QDir::cleanPath(info.absoluteFilePath());
    const auto fail = [&](const QString &message) -> std::optional<Workspace> {
        if (error) {
            *error = message;
        }
        return std::nullopt;
    };

    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString reason = info.exists() ? file.errorString() : tr("no such file");
        return fail(compilerError(filePath, 0, 0, tr("cannot read the workspace file: %1").arg(reason)));
    }
    const QByteArray content = file.readAll();
    try {
        const YAML::Node root = YAML::Load(std::string(content.constData(), size_t(content.size())));
        Workspace workspace = parseWorkspace(root, filePath);
        qCDebug(lcWorkspace) << "loaded" << filePath << workspace.locations.size() << "locations";
        return workspace;
    } catch (const ParseError &parseError) {
        return fail(
            compilerError(filePath, parseError.mark.line >= 0 ? parseError.mark : YAML::Mark(), parseError.message));
    } catch (const YAML::Exception &yamlError) {
        return fail(compilerError(filePath, yamlError.mark, fromStd(yamlError.msg)));
    } catch (const std::exception &otherError) {
        return fail(compilerError(filePath, 0, 0, QString::fromLocal8Bit(otherError.what())));
    }
}

bool Workspace::save(QString *error) const
{
    const auto fail = [&](const QString &message) {
        if (error) {
            *error = message;
        }
        return false;
    };
    if (filePath.isEmpty()) {
        return fail(tr("the workspace has no file name"));
    }

    YAML::Emitter out;
    out << YAML::BeginMap;
    if (!name.isEmpty()) {
        out << YAML::Key << "name" << YAML::Value << toStd(name);
    }
    out << YAML::Key << "catalog" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "locations" << YAML::Value << YAML::BeginSeq;
    for (const CatalogLocation &location : locations) {
        out << YAML::BeginMap;
        if (location.isGit()) {
            out << YAML::Key << "url" << YAML::Value << toStd(location.url);
            if (!location.branch.isEmpty()) {
                out << YAML::Key << "branch" << YAML::Value << toStd(location.branch);
            }
        }
        if (!location.path.isEmpty()) {
            out << YAML::Key << "path" << YAML::Value << toStd(location.path);
        }
        out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
    if (!gitRemotePattern.isEmpty()) {
        out << YAML::Key << "git" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "remotePattern" << YAML::Value << toStd(gitRemotePattern);
        out << YAML::EndMap;
    }
    if (!kubeconfig.isEmpty()) {
        out << YAML::Key << "kubeconfig" << YAML::Value << toStd(portablePath(directory(), kubeconfig));
    }
    if (!environments.empty()) {
        out << YAML::Key << "environments" << YAML::Value << YAML::BeginSeq;
        for (const Environment &environment : environments) {
            out << YAML::BeginMap;
            out << YAML::Key << "name" << YAML::Value << toStd(environment.name);
            if (!environment.context.isEmpty()) {
                out << YAML::Key << "context" << YAML::Value << toStd(environment.context);
            }
            if (!environment.nameSpace.isEmpty()) {
                out << YAML::Key << "namespace" << YAML::Value << toStd(environment.nameSpace);
            }
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (!prometheusUrl.isEmpty()) {
        out << YAML::Key << "prometheus" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "url" << YAML::Value << toStd(prometheusUrl);
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
    if (!out.good()) {
        return fail(tr("cannot write %1: %2").arg(filePath, fromStd(out.GetLastError())));
    }

    if (!QDir().mkpath(directory())) {
        return fail(tr("cannot create the folder %1").arg(directory()));
    }
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(tr("cannot write %1: %2").arg(filePath, file.errorString()));
    }
    file.write(out.c_str(), qint64(out.size()));
    file.write("\n", 1);
    if (!file.commit()) {
        return fail(tr("cannot write %1: %2").arg(filePath, file.errorString()));
    }
    return true;
}

} // namespace Gantry::Workspace
