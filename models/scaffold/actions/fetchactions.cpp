#include "models/scaffold/actions/fetchactions.h"

#include "models/scaffold/expression.h"
#include "models/scaffold/renderer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcFetchActions, "gantry.scaffold.fetchactions")

namespace Gantry::Scaffold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Scaffold::FetchActions", text);
}

QStringList globs(const QJsonValue &v)
{
    QStringList list;
    if (v.isString()) {
        list << v.toString();
    }
    for (const QJsonValue &item : v.toArray()) {
        list << Expression::toText(item);
    }
    return list;
}

QString targetPathOf(const ActionContext &ctx, QString *error, bool *ok)
{
    QString target;
    *ok = Renderer::normalizeRelativePath(ctx.input.value(QStringLiteral("targetPath")).toString(), &target, error);
    return target;
}

// Merges `rendered` into the run's files; an existing file is an error unless `replace`.
bool merge(ActionContext &ctx, const FileSet &rendered, QString *error)
{
    const bool replace = ctx.input.value(QStringLiteral("replace")).toBool();
    for (const auto &[path, file] : rendered) {
        if (!replace && ctx.files->count(path)) {
            *error = tr("%1 was already created by an earlier step; set replace: true to overwrite it").arg(path);
            return false;
        }
        (*ctx.files)[path] = file;
    }
    return true;
}

// YAML for catalog:write: JSON is YAML, but block style reads better; strings are quoted JSON-style.
void writeYaml(const QJsonValue &value, int indent, QByteArray *out)
{
    const QByteArray pad(indent, ' ');
    auto scalar = [](const QJsonValue &v) -> QByteArray {
        const QByteArray json = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        return json.mid(1, json.size() - 2);
    };
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        if (o.isEmpty()) {
            out->append(" {}\n");
            return;
        }
        out->append('\n');
        for (auto it = o.begin(); it != o.end(); ++it) {
            out->append(pad + scalar(it.key()) + ':');
            if (it.value().isObject() || it.value().isArray()) {
                writeYaml(it.value(), indent + 2, out);
            } else {
                out->append(' ' + scalar(it.value()) + '\n');
            }
        }
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        if (a.isEmpty()) {
            out->append(" []\n");
            return;
        }
        out->append('\n');
        for (const QJsonValue &item : a) {
            out->append(pad + '-');
            if (item.isObject() || item.isArray()) {
                writeYaml(item, indent + 2, out);
            } else {
                out->append(' ' + scalar(item) + '\n');
            }
        }
    } else {
        out->append(' ' + scalar(value) + '\n');
    }
}

} // namespace

bool FetchActions::resolveUrl(const ActionContext &ctx, QString *path, QString *error)
{
    const QString url = ctx.input.value(QStringLiteral("url")).toString();
    if (url.isEmpty()) {
        *error = tr("input.url is missing");
        return false;
    }
    if (url.contains(QLatin1String("://")) || url.startsWith(QLatin1String("git@"))) {
        *error = tr("fetching from %1 is not supported: Gantry only reads folders next to the template").arg(url);
        return false;
    }
    QString relative;
    if (!Renderer::normalizeRelativePath(url, &relative, error)) {
        return false;
    }
    *path = relative.isEmpty() ? ctx.tmpl->baseDirectory : ctx.tmpl->baseDirectory + QLatin1Char('/') + relative;
    return true;
}

bool FetchActions::fetchTemplate(ActionContext &ctx, bool singleFile, QString *error)
{
    QString source;
    if (!resolveUrl(ctx, &source, error)) {
        return false;
    }
    bool ok = false;
    const QString target = targetPathOf(ctx, error, &ok);
    if (!ok) {
        return false;
    }
    QJsonObject skeletonContext;
    skeletonContext.insert(QStringLiteral("values"), ctx.input.value(QStringLiteral("values")).toObject());
    Renderer::Options options;
    options.copyWithoutTemplating = globs(ctx.input.value(QStringLiteral("copyWithoutTemplating"))) +
                                    globs(ctx.input.value(QStringLiteral("copyWithoutRender")));
    const QJsonValue extension = ctx.input.value(QStringLiteral("templateFileExtension"));
    if (extension.isBool() && extension.toBool()) {
        options.templateFileExtension = QStringLiteral(".njk");
    } else if (extension.isString()) {
        options.templateFileExtension = extension.toString();
    }
    FileSet rendered;
    if (singleFile) {
        if (target.isEmpty()) {
            *error = tr("fetch:template:file needs input.targetPath (the file to create)");
            return false;
        }
        QFile in(source);
        const QFileInfo info(source);
        if (info.isSymLink() || !info.isFile() || !in.open(QIODevice::ReadOnly)) {
            *error = tr("cannot read the template file %1").arg(source);
            return false;
        }
        QString text;
        if (!Renderer::renderText(QString::fromUtf8(in.readAll()), skeletonContext, &text, error)) {
            *error = tr("%1: %2").arg(QFileInfo(source).fileName(), *error);
            return false;
        }
        rendered[target] = RenderedFile{target, text.toUtf8(), false};
    } else if (!Renderer::renderDirectory(source, target, skeletonContext, options, &rendered, error, ctx.cancel)) {
        return false;
    }
    ctx.say(
        tr("rendered %1 file(s) into %2").arg(rendered.size()).arg(target.isEmpty() ? QStringLiteral(".") : target));
    return merge(ctx, rendered, error);
}

bool FetchActions::fetchPlain(ActionContext &ctx, bool singleFile, QString *error)
{
    QString source;
    if (!resolveUrl(ctx, &source, error)) {
        return false;
    }
    bool ok = false;
    const QString target = targetPathOf(ctx, error, &ok);
    if (!ok) {
        return false;
    }
    FileSet copied;
    if (singleFile) {
        QFile in(source);
        const QFileInfo info(source);
        if (target.isEmpty() || info.isSymLink() || !info.isFile() || !in.open(QIODevice::ReadOnly)) {
            *error = tr("cannot copy %1 (fetch:plain:file needs an existing file and input.targetPath)").arg(source);
            return false;
        }
        copied[target] = RenderedFile{target, in.readAll(), false};
    } else {
        Renderer::Options options;
        options.copyWithoutTemplating = {QStringLiteral("**")};
        options.renderPaths = false;
        if (!Renderer::renderDirectory(source, target, {}, options, &copied, error, ctx.cancel)) {
            return false;
        }
    }
    ctx.say(tr("copied %1 file(s)").arg(copied.size()));
    return merge(ctx, copied, error);
}

bool FetchActions::catalogWrite(ActionContext &ctx, QString *error)
{
    QString path = ctx.input.value(QStringLiteral("filePath")).toString();
    if (path.isEmpty()) {
        path = QStringLiteral("catalog-info.yaml");
    }
    QString normalized;
    if (!Renderer::normalizeRelativePath(path, &normalized, error)) {
        return false;
    }
    const QJsonObject entity = ctx.input.value(QStringLiteral("entity")).toObject();
    if (entity.isEmpty()) {
        *error = tr("catalog:write needs input.entity");
        return false;
    }
    QByteArray yaml;
    writeYaml(entity, 0, &yaml);
    yaml.remove(0, 1); // the leading newline of the top-level mapping
    (*ctx.files)[normalized] = RenderedFile{normalized, yaml, false};
    ctx.say(tr("wrote %1").arg(normalized));
    return true;
}

} // namespace Gantry::Scaffold
