#include "models/scaffold/templatechecker.h"

#include "models/scaffold/expression.h"
#include "models/scaffold/renderer.h"
#include "models/scaffold/templateloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcTemplateChecker, "gantry.scaffold.templatechecker")

namespace Gantry::Scaffold {

using Catalog::Problem;
using Catalog::YamlNode;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Scaffold::TemplateChecker", text);
}

void add(std::vector<Problem> *problems, const QString &file, int line, int column, const QString &message,
         Problem::Severity severity = Problem::Severity::Error)
{
    Problem p;
    p.severity = severity;
    p.location = {file, line, column};
    p.message = message;
    problems->push_back(p);
}

void add(std::vector<Problem> *problems, const QString &file, const YamlNode &node, const QString &message,
         Problem::Severity severity = Problem::Severity::Error)
{
    add(problems, file, node.isValid() ? node.line() : 0, node.isValid() ? node.column() : 0, message, severity);
}

QStringList globsOf(const QJsonValue &v)
{
    QStringList globs;
    if (v.isString()) {
        globs << v.toString();
    }
    for (const QJsonValue &item : v.toArray()) {
        globs << item.toString();
    }
    return globs;
}

bool isRemoteUrl(const QString &url)
{
    return url.contains(QLatin1String("://")) || url.startsWith(QLatin1String("git@"));
}

} // namespace

void TemplateChecker::checkExpressions(const YamlNode &node, const QString &file, const QStringList &allowedRoots,
                                       std::vector<Problem> *problems)
{
    if (!node.isValid()) {
        return;
    }
    if (node.isScalar()) {
        const QString text = node.scalar();
        if (!Expression::containsExpression(text)) {
            return;
        }
        QString error;
        int offset = 0;
        QStringList roots;
        if (!Expression::check(text, &error, &offset, &roots)) {
            // Plain single-line scalars start at the node's column; elsewhere the node is the best guess.
            const bool sameLine = !node.isQuoted() && !text.left(offset).contains(QLatin1Char('\n'));
            add(problems, file, node.line(), node.column() + (sameLine ? offset : 0),
                tr("bad template expression: %1").arg(error));
            return;
        }
        for (const QString &root : std::as_const(roots)) {
            if (!allowedRoots.contains(root)) {
                add(problems, file, node,
                    tr("\"%1\" is not known here and will be empty; use %2")
                        .arg(root, allowedRoots.join(QStringLiteral(", "))),
                    Problem::Severity::Warning);
            }
        }
        return;
    }
    if (node.isSequence()) {
        node.forEachItem([&](YamlNode item) { checkExpressions(item, file, allowedRoots, problems); });
    } else if (node.isMapping()) {
        node.forEachPair([&](YamlNode key, YamlNode value) {
            checkExpressions(key, file, allowedRoots, problems);
            checkExpressions(value, file, allowedRoots, problems);
        });
    }
}

void TemplateChecker::checkSkeleton(const QString &directory, const QStringList &copyWithoutTemplating,
                                    const QString &templateFileExtension, std::vector<Problem> *problems)
{
    const QString base = QDir::cleanPath(QFileInfo(directory).absoluteFilePath());
    QDirIterator it(base, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    int count = 0;
    const QString displayBase = base.startsWith(QLatin1Char(':')) ? base.mid(2) : base;
    while (it.hasNext() && ++count < 5000) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        const QString relative = path.mid(base.size() + 1);
        const QString display = displayBase + QLatin1Char('/') + relative;
        if (info.isSymLink()) {
            add(problems, display, 0, 0,
                tr("symbolic links are not allowed in a skeleton (one could point outside the new repository)"));
            continue;
        }
        if (!info.isFile()) {
            continue;
        }
        QString ignored;
        QString pathError;
        if (!Renderer::normalizeRelativePath(relative, &ignored, &pathError)) {
            add(problems, display, 0, 0, pathError);
        }
        for (const QString &part : relative.split(QLatin1Char('/'))) {
            int line = 0;
            QString error;
            if (!Renderer::checkText(part, &error, &line)) {
                add(problems, display, 0, 0, tr("bad template in the file name: %1").arg(error));
            }
        }
        bool skip = false;
        for (const QString &glob : copyWithoutTemplating) {
            skip = skip || Renderer::globMatches(glob, relative);
        }
        if (!templateFileExtension.isEmpty() && !relative.endsWith(templateFileExtension)) {
            skip = true;
        }
        if (skip || info.size() > 8 * 1024 * 1024) {
            continue;
        }
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QByteArray bytes = in.readAll();
        if (bytes.left(8192).contains('\0')) {
            continue;
        }
        const QString text = QString::fromUtf8(bytes);
        int line = 0;
        QString error;
        QStringList roots;
        if (!Renderer::checkText(text, &error, &line, &roots)) {
            add(problems, display, line, 0, error);
            continue;
        }
        for (const QString &root : std::as_const(roots)) {
            if (root != QLatin1String("values")) {
                add(problems, display, 0, 0,
                    tr("\"%1\" is not available in skeleton files and will be empty; pass it through the "
                       "fetch:template values and write values.%1, or wrap text such as GitHub's own ${{ }} "
                       "in {% raw %}…{% endraw %}")
                        .arg(root),
                    Problem::Severity::Warning);
            }
        }
    }
}

void TemplateChecker::check(Template *tmpl)
{
    const QString &file = tmpl->file;
    std::vector<Problem> *problems = &tmpl->problems;
    const QStringList stepRoots = {QStringLiteral("parameters"), QStringLiteral("steps"), QStringLiteral("user"),
                                   QStringLiteral("each"), QStringLiteral("secrets")};
    for (const TemplateStep &step : tmpl->steps) {
        const YamlNode actionNode = step.node["action"];
        if (!step.action.isEmpty() && !TemplateLoader::isSupportedAction(step.action)) {
            add(problems, file, actionNode.isValid() ? actionNode : step.node,
                tr("the action \"%1\" is not supported by Gantry; supported: %2")
                    .arg(step.action, TemplateLoader::supportedActions().join(QStringLiteral(", "))));
        }
        checkExpressions(step.node["if"], file, stepRoots, problems);
        checkExpressions(step.node["each"], file, stepRoots, problems);
        checkExpressions(step.inputNode, file, stepRoots, problems);
        const QJsonObject input = step.input.toObject();
        if (step.action.startsWith(QLatin1String("fetch:"))) {
            const QString url = input.value(QStringLiteral("url")).toString();
            const YamlNode urlNode = step.inputNode["url"];
            if (url.isEmpty()) {
                add(problems, file, urlNode.isValid() ? urlNode : step.node,
                    tr("%1 needs input.url (a folder next to the template, e.g. ./skeleton)").arg(step.action));
                continue;
            }
            if (isRemoteUrl(url)) {
                add(problems, file, urlNode,
                    tr("fetching from %1 is not supported: Gantry only reads folders next to the template; copy "
                       "the files there and use a relative url")
                        .arg(url));
                continue;
            }
            if (Expression::containsExpression(url)) {
                continue; // checked when it runs
            }
            const QString path = QDir::cleanPath(tmpl->baseDirectory + QLatin1Char('/') + url);
            const bool wantsFile = step.action.endsWith(QLatin1String(":file"));
            const QFileInfo info(path);
            if (!info.exists() || (wantsFile ? !info.isFile() : !info.isDir())) {
                add(problems, file, urlNode,
                    tr("%1 %2 does not exist next to the template")
                        .arg(wantsFile ? tr("the file") : tr("the folder"), url));
                continue;
            }
            if (step.action == QLatin1String("fetch:template")) {
                QStringList globs = globsOf(input.value(QStringLiteral("copyWithoutTemplating")));
                globs += globsOf(input.value(QStringLiteral("copyWithoutRender")));
                QString extension;
                const QJsonValue ext = input.value(QStringLiteral("templateFileExtension"));
                if (ext.isBool() && ext.toBool()) {
                    extension = QStringLiteral(".njk");
                } else if (ext.isString()) {
                    extension = ext.toString();
                }
                checkSkeleton(path, globs, extension, problems);
            }
        }
        if (step.action == QLatin1String("fetch:template")) {
            static const QStringList known = {QStringLiteral("url"),
                                              QStringLiteral("targetPath"),
                                              QStringLiteral("values"),
                                              QStringLiteral("copyWithoutTemplating"),
                                              QStringLiteral("copyWithoutRender"),
                                              QStringLiteral("templateFileExtension"),
                                              QStringLiteral("replace"),
                                              QStringLiteral("cookiecutterCompat")};
            step.inputNode.forEachPair([&](YamlNode key, YamlNode) {
                if (!known.contains(key.scalar())) {
                    add(problems, file, key, tr("fetch:template input \"%1\" is not supported").arg(key.scalar()),
                        Problem::Severity::Warning);
                }
                if (key.scalar() == QLatin1String("cookiecutterCompat")) {
                    add(problems, file, key,
                        tr("cookiecutterCompat is not supported; the plain {{ name }} form is rendered with mustache"),
                        Problem::Severity::Warning);
                }
            });
        }
    }
    checkExpressions(tmpl->outputNode, file, stepRoots, problems);
}

} // namespace Gantry::Scaffold
