#include "models/scaffold/renderer.h"

#include "models/catalog/pathglob.h"
#include "models/scaffold/expression.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStringDecoder>

#include <kainjow/mustache.hpp>
#include <string>
#include <vector>

Q_LOGGING_CATEGORY(lcRenderer, "gantry.scaffold.renderer")

namespace Gantry::Scaffold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Scaffold::Renderer", text);
}

using MustacheData = kainjow::mustache::data;

const QLatin1String kExprOpen("${{");
const QLatin1String kTagOpen("{%");
const QLatin1String kPlaceholderPrefix("__gantry_value_");

// Stage 1 of a text: literal text, expressions, raw blocks and if/elif/else blocks.
struct Segment
{
    enum class Kind { Text, Expr, Raw, If };
    Kind kind = Kind::Text;
    QString text;
    Expression expr;
    int line = 1;
    // If: conditions[i] guards branches[i]; branches may hold one more (the else branch).
    std::vector<Expression> conditions;
    std::vector<std::vector<Segment>> branches;
};

int lineAt(const QString &text, qsizetype pos)
{
    return int(QStringView(text).left(pos).count(QLatin1Char('\n'))) + 1;
}

qsizetype findExprClose(const QString &text, qsizetype from)
{
    QChar quote;
    for (qsizetype i = from; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == QLatin1Char('\\')) {
                ++i;
            } else if (c == quote) {
                quote = QChar();
            }
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char('}') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('}')) {
            return i;
        }
    }
    return -1;
}

struct Tag
{
    QString name;
    QString args;
    qsizetype start = 0; // of "{%"
    qsizetype end = 0;   // one past "%}"
    bool trimBefore = false;
    bool trimAfter = false;
};

class TextParser
{
public:
    explicit TextParser(const QString &text)
        : m_text(text)
    {}

    bool parse(std::vector<Segment> *out, QString *error, int *line)
    {
        struct Frame
        {
            Segment block;
            std::vector<Segment> *current = nullptr;
            int line = 0;
        };
        std::vector<Frame> stack;
        std::vector<Segment> root;
        std::vector<Segment> *current = &root;
        qsizetype pos = 0;
        bool trimNext = false;
        while (pos <= m_text.size()) {
            const qsizetype expr = m_text.indexOf(kExprOpen, pos);
            const qsizetype tag = m_text.indexOf(kTagOpen, pos);
            qsizetype next = -1;
            if (expr >= 0 && (tag < 0 || expr < tag)) {
                next = expr;
            } else {
                next = tag;
            }
            QString literal = m_text.mid(pos, next < 0 ? -1 : next - pos);
            if (trimNext) {
                qsizetype i = 0;
                while (i < literal.size() && literal.at(i).isSpace()) {
                    ++i;
                }
                literal = literal.mid(i);
                trimNext = false;
            }
            if (next < 0) {
                appendText(current, literal, lineAt(m_text, pos));
                break;
            }
            if (next == expr) {
                appendText(current, literal, lineAt(m_text, pos));
                const qsizetype close = findExprClose(m_text, next + kExprOpen.size());
                if (close < 0) {
                    return fail(tr("\"${{\" is not closed by \"}}\""), next, error, line);
                }
                Segment s;
                s.kind = Segment::Kind::Expr;
                s.line = lineAt(m_text, next);
                const QString body = m_text.mid(next + kExprOpen.size(), close - next - kExprOpen.size());
                QString parseError;
                s.expr = Expression::parse(body, &parseError);
                if (!s.expr.isValid()) {
                    return fail(tr("in \"${{%1}}\": %2").arg(body.left(200), parseError), next, error, line);
                }
                current->push_back(s);
                pos = close + 2;
                continue;
            }
            Tag t;
            if (!readTag(next, &t, error, line)) {
                return false;
            }
            // A tag alone on its line takes the line with it, so blocks do not leave blank lines.
            const qsizetype lineStart = m_text.lastIndexOf(QLatin1Char('\n'), next - 1) + 1;
            const bool aloneBefore = QStringView(m_text).mid(lineStart, next - lineStart).trimmed().isEmpty();
            qsizetype lineEnd = m_text.indexOf(QLatin1Char('\n'), t.end);
            const bool aloneAfter =
                QStringView(m_text).mid(t.end, (lineEnd < 0 ? m_text.size() : lineEnd) - t.end).trimmed().isEmpty();
            if (aloneBefore && aloneAfter && next >= pos) {
                literal.chop(next - std::max(lineStart, pos));
                t.end = lineEnd < 0 ? m_text.size() : lineEnd + 1;
            }
            if (t.trimBefore) {
                while (!literal.isEmpty() && literal.back().isSpace()) {
                    literal.chop(1);
                }
            }
            appendText(current, literal, lineAt(m_text, pos));
            trimNext = t.trimAfter;
            pos = t.end;
            if (t.name == QLatin1String("raw")) {
                static const QRegularExpression endRaw(QStringLiteral("\\{%-?\\s*endraw\\s*-?%\\}"));
                const QRegularExpressionMatch m = endRaw.match(m_text, pos);
                if (!m.hasMatch()) {
                    return fail(tr("{% raw %} is not closed by {% endraw %}"), next, error, line);
                }
                qsizetype rawEnd = m.capturedStart();
                qsizetype after = m.capturedEnd();
                // {% endraw %} alone on its line takes the line with it too.
                const qsizetype endLineStart = m_text.lastIndexOf(QLatin1Char('\n'), rawEnd - 1) + 1;
                const qsizetype endLineEnd = m_text.indexOf(QLatin1Char('\n'), after);
                if (endLineStart >= pos &&
                    QStringView(m_text).mid(endLineStart, rawEnd - endLineStart).trimmed().isEmpty() &&
                    QStringView(m_text)
                        .mid(after, (endLineEnd < 0 ? m_text.size() : endLineEnd) - after)
                        .trimmed()
                        .isEmpty()) {
                    rawEnd = endLineStart;
                    after = endLineEnd < 0 ? m_text.size() : endLineEnd + 1;
                }
                Segment s;
                s.kind = Segment::Kind::Raw;
                s.text = m_text.mid(pos, rawEnd - pos);
                s.line = lineAt(m_text, pos);
                current->push_back(s);
                pos = after;
                continue;
            }
            if (t.name == QLatin1String("if")) {
                QString parseError;
                Frame frame;
                frame.block.kind = Segment::Kind::If;
                frame.block.line = lineAt(m_text, next);
                frame.line = frame.block.line;
                Expression e = Expression::parse(t.args, &parseError);
                if (!e.isValid()) {
                    return fail(tr("in {% if %}: %1").arg(parseError), next, error, line);
                }
                frame.block.conditions.push_back(e);
                frame.block.branches.emplace_back();
                frame.current = current;
                stack.push_back(std::move(frame));
                current = &stack.back().block.branches.back();
                continue;
            }
            if (t.name == QLatin1String("elif") || t.name == QLatin1String("elseif") ||
                t.name == QLatin1String("else")) {
                if (stack.empty() || stack.back().block.branches.size() > stack.back().block.conditions.size()) {
                    return fail(tr("{% %1 %} without a matching {% if %}").arg(t.name), next, error, line);
                }
                Segment &block = stack.back().block;
                if (t.name != QLatin1String("else")) {
                    QString parseError;
                    Expression e = Expression::parse(t.args, &parseError);
                    if (!e.isValid()) {
                        return fail(tr("in {% elif %}: %1").arg(parseError), next, error, line);
                    }
                    block.conditions.push_back(e);
                }
                block.branches.emplace_back();
                current = &block.branches.back();
                continue;
            }
            if (t.name == QLatin1String("endif")) {
                if (stack.empty()) {
                    return fail(tr("{% endif %} without a matching {% if %}"), next, error, line);
                }
                Frame frame = std::move(stack.back());
                stack.pop_back();
                current = frame.current;
                current->push_back(std::move(frame.block));
                continue;
            }
            return fail(tr("the tag {% %1 %} is not supported; use {% if %}, {% raw %} or mustache sections "
                           "({{#list}}…{{/list}})")
                            .arg(t.name),
                        next, error, line);
        }
        if (!stack.empty()) {
            if (error) {
                *error = tr("{% if %} is not closed by {% endif %}");
            }
            if (line) {
                *line = stack.back().line;
            }
            return false;
        }
        *out = std::move(root);
        return true;
    }

private:
    static void appendText(std::vector<Segment> *segments, const QString &text, int line)
    {
        if (text.isEmpty()) {
            return;
        }
        Segment s;
        s.kind = Segment::Kind::Text;
        s.text = text;
        s.line = line;
        segments->push_back(s);
    }

    bool fail(const QString &message, qsizetype pos, QString *error, int *line) const
    {
        if (error) {
            *error = message;
        }
        if (line) {
            *line = lineAt(m_text, pos);
        }
        return false;
    }

    bool readTag(qsizetype start, Tag *tag, QString *error, int *line) const
    {
        const qsizetype close = m_text.indexOf(QLatin1String("%}"), start + 2);
        if (close < 0) {
            return fail(tr("\"{%\" is not closed by \"%}\""), start, error, line);
        }
        QString body = m_text.mid(start + 2, close - start - 2);
        tag->start = start;
        tag->end = close + 2;
        if (body.startsWith(QLatin1Char('-'))) {
            tag->trimBefore = true;
            body.remove(0, 1);
        }
        if (body.endsWith(QLatin1Char('-'))) {
            tag->trimAfter = true;
            body.chop(1);
        }
        body = body.trimmed();
        const qsizetype space = body.indexOf(QLatin1Char(' '));
        tag->name = space < 0 ? body : body.left(space);
        tag->args = space < 0 ? QString() : body.mid(space + 1).trimmed();
        return true;
    }

    const QString &m_text;
};

MustacheData toMustache(const QJsonValue &value, int depth = 0)
{
    if (depth > 32) {
        return MustacheData(false);
    }
    switch (value.type()) {
    case QJsonValue::Object: {
        MustacheData object(MustacheData::type::object);
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            object.set(it.key().toStdString(), toMustache(it.value(), depth + 1));
        }
        return object;
    }
    case QJsonValue::Array: {
        MustacheData list(MustacheData::type::list);
        for (const QJsonValue &item : value.toArray()) {
            list.push_back(toMustache(item, depth + 1));
        }
        return list;
    }
    case QJsonValue::Bool:
        return MustacheData(value.toBool());
    case QJsonValue::String:
    case QJsonValue::Double:
        return MustacheData(Expression::toText(value).toStdString());
    default:
        return MustacheData(false);
    }
}

// Turns segments into a mustache template whose dynamic parts are opaque placeholders.
bool assemble(const std::vector<Segment> &segments, const QJsonObject *context, std::string *tmpl,
              std::vector<std::string> *placeholders, QString *error, int *line)
{
    for (const Segment &s : segments) {
        switch (s.kind) {
        case Segment::Kind::Text:
            tmpl->append(s.text.toStdString());
            break;
        case Segment::Kind::Expr:
        case Segment::Kind::Raw: {
            std::string value;
            if (context && s.kind == Segment::Kind::Expr) {
                QString evalError;
                const QJsonValue v = s.expr.evaluate(*context, &evalError);
                if (!evalError.isEmpty()) {
                    *error = evalError;
                    *line = s.line;
                    return false;
                }
                value = Expression::toText(v).toStdString();
            } else if (s.kind == Segment::Kind::Raw) {
                value = s.text.toStdString();
            }
            tmpl->append("{{{");
            tmpl->append(kPlaceholderPrefix.data(), size_t(kPlaceholderPrefix.size()));
            tmpl->append(std::to_string(placeholders->size()));
            tmpl->append("}}}");
            placeholders->push_back(std::move(value));
            break;
        }
        case Segment::Kind::If: {
            if (!context) {
                // Checking: every branch must assemble.
                for (const auto &branch : s.branches) {
                    if (!assemble(branch, nullptr, tmpl, placeholders, error, line)) {
                        return false;
                    }
                }
                break;
            }
            size_t chosen = s.branches.size();
            for (size_t i = 0; i < s.conditions.size(); ++i) {
                QString evalError;
                const QJsonValue v = s.conditions[i].evaluate(*context, &evalError);
                if (!evalError.isEmpty()) {
                    *error = evalError;
                    *line = s.line;
                    return false;
                }
                if (Expression::isTruthy(v)) {
                    chosen = i;
                    break;
                }
            }
            if (chosen == s.branches.size() && s.branches.size() > s.conditions.size()) {
                chosen = s.branches.size() - 1;
            }
            if (chosen < s.branches.size() && !assemble(s.branches[chosen], context, tmpl, placeholders, error, line)) {
                return false;
            }
            break;
        }
        }
    }
    return true;
}

void collectRoots(const std::vector<Segment> &segments, QStringList *names)
{
    auto add = [names](const Expression &e) {
        for (const QString &n : e.rootNames()) {
            if (!names->contains(n)) {
                names->append(n);
            }
        }
    };
    for (const Segment &s : segments) {
        if (s.kind == Segment::Kind::Expr) {
            add(s.expr);
        }
        for (const Expression &c : s.conditions) {
            add(c);
        }
        for (const auto &branch : s.branches) {
            collectRoots(branch, names);
        }
    }
}

bool renderImpl(const QString &text, const QJsonObject *context, QString *out, QString *error, int *line,
                QStringList *rootNames = nullptr)
{
    std::vector<Segment> segments;
    QString e;
    int l = 0;
    TextParser parser(text);
    if (!parser.parse(&segments, &e, &l)) {
        *error = e;
        if (line) {
            *line = l;
        }
        return false;
    }
    if (rootNames) {
        collectRoots(segments, rootNames);
    }
    std::string tmpl;
    std::vector<std::string> placeholders;
    if (!assemble(segments, context, &tmpl, &placeholders, &e, &l)) {
        *error = e;
        if (line) {
            *line = l;
        }
        return false;
    }
    // Without any mustache tag there is nothing for stage 2 but the placeholders.
    kainjow::mustache::mustache mustache(tmpl);
    if (!mustache.is_valid()) {
        *error = tr("mustache: %1").arg(QString::fromStdString(mustache.error_message()));
        if (line) {
            *line = 0;
        }
        return false;
    }
    if (!context) {
        return true;
    }
    mustache.set_custom_escape([](const std::string &s) { return s; });
    MustacheData data(MustacheData::type::object);
    const QJsonObject values = context->value(QStringLiteral("values")).toObject();
    for (auto it = context->begin(); it != context->end(); ++it) {
        data.set(it.key().toStdString(), toMustache(it.value()));
    }
    for (auto it = values.begin(); it != values.end(); ++it) {
        data.set(it.key().toStdString(), toMustache(it.value()));
    }
    for (size_t i = 0; i < placeholders.size(); ++i) {
        data.set(std::string(kPlaceholderPrefix.data(), size_t(kPlaceholderPrefix.size())) + std::to_string(i),
                 MustacheData(placeholders[i]));
    }
    const std::string rendered = mustache.render(data);
    if (!mustache.is_valid()) {
        *error = tr("mustache: %1").arg(QString::fromStdString(mustache.error_message()));
        return false;
    }
    *out = QString::fromStdString(rendered);
    return true;
}

bool isText(const QByteArray &bytes)
{
    if (bytes.left(8192).contains('\0')) {
        return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder(bytes);
    Q_UNUSED(decoded);
    return !decoder.hasError();
}

} // namespace

bool Renderer::renderText(const QString &text, const QJsonObject &context, QString *out, QString *error)
{
    return renderImpl(text, &context, out, error, nullptr);
}

bool Renderer::checkText(const QString &text, QString *error, int *line, QStringList *rootNames)
{
    QString ignored;
    return renderImpl(text, nullptr, &ignored, error, line, rootNames);
}

bool Renderer::normalizeRelativePath(const QString &path, QString *normalized, QString *error)
{
    if (path.isEmpty()) {
        *normalized = QString();
        return true;
    }
    if (path.contains(QChar(0)) || path.contains(QLatin1Char('\\'))) {
        *error = tr("the path \"%1\" contains a backslash or NUL character").arg(path.left(200));
        return false;
    }
    if (path.startsWith(QLatin1Char('/')) || path.startsWith(QLatin1Char('~')) ||
        (path.size() > 1 && path.at(1) == QLatin1Char(':'))) {
        *error =
            tr("the path \"%1\" is absolute; only paths inside the new repository are allowed").arg(path.left(200));
        return false;
    }
    QStringList parts;
    for (const QString &part : path.split(QLatin1Char('/'))) {
        if (part.isEmpty() || part == QLatin1String(".")) {
            continue;
        }
        if (part == QLatin1String("..")) {
            *error = tr("the path \"%1\" leaves the new repository (\"..\")").arg(path.left(200));
            return false;
        }
        if (part == QLatin1String(".git")) {
            *error = tr("the path \"%1\" writes into .git, which is not allowed").arg(path.left(200));
            return false;
        }
        if (part.size() > 255) {
            *error = tr("a name in the path \"%1…\" is longer than 255 characters").arg(path.left(80));
            return false;
        }
        parts << part;
    }
    *normalized = parts.join(QLatin1Char('/'));
    return true;
}

bool Renderer::renderPath(const QString &relativePath, const QJsonObject &context, QString *out, QString *error)
{
    QString normalized;
    if (!normalizeRelativePath(relativePath, &normalized, error)) {
        return false;
    }
    QStringList parts;
    for (const QString &part : normalized.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        QString rendered;
        QString e;
        if (!renderImpl(part, &context, &rendered, &e, nullptr)) {
            *error = tr("the file name \"%1\": %2").arg(part, e);
            return false;
        }
        if (rendered.isEmpty()) {
            out->clear();
            return true;
        }
        if (rendered.contains(QLatin1Char('/')) || rendered.contains(QLatin1Char('\\')) ||
            rendered == QLatin1String("..") || rendered == QLatin1String(".") || rendered.contains(QChar(0))) {
            *error = tr("the file name \"%1\" renders to \"%2\", which would add or leave folders; values may "
                        "not contain \"/\", \"\\\" or be \".\" or \"..\"")
                         .arg(part, rendered.left(200));
            return false;
        }
        if (rendered.contains(QLatin1Char('\n'))) {
            *error = tr("the file name \"%1\" renders to a name with a line break").arg(part);
            return false;
        }
        parts << rendered;
    }
    return normalizeRelativePath(parts.join(QLatin1Char('/')), out, error);
}

bool Renderer::globMatches(const QString &glob, const QString &relativePath)
{
    const QString pattern = glob.startsWith(QLatin1String("./")) ? glob.mid(2) : glob;
    return Catalog::pathGlobToRegex(pattern).match(relativePath).hasMatch();
}

bool Renderer::renderDirectory(const QString &directory, const QString &targetPath, const QJsonObject &context,
                               const Options &options, FileSet *files, QString *error, const std::atomic_bool *cancel,
                               const Limits &limits)
{
    const QFileInfo root(directory);
    if (!root.isDir()) {
        *error = tr("the skeleton folder %1 does not exist").arg(directory);
        return false;
    }
    if (root.isSymLink()) {
        *error = tr("the skeleton folder %1 is a symbolic link, which is not allowed").arg(directory);
        return false;
    }
    const QString base = QDir::cleanPath(root.absoluteFilePath());
    QStringList entries;
    QDirIterator it(base, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        const QString relative = path.mid(base.size() + 1);
        if (info.isSymLink()) {
            *error = tr("the skeleton holds a symbolic link, %1, which is not allowed (it could point outside the "
                        "repository)")
                         .arg(relative);
            return false;
        }
        if (info.isFile()) {
            entries << relative;
        } else if (!info.isDir()) {
            *error = tr("the skeleton holds %1, which is not a regular file").arg(relative);
            return false;
        }
        if (entries.size() > limits.maxFiles) {
            *error = tr("the skeleton has more than %1 files").arg(limits.maxFiles);
            return false;
        }
    }
    entries.sort();
    qint64 total = 0;
    for (const auto &[path, file] : *files) {
        total += file.contents.size();
    }
    for (const QString &relative : std::as_const(entries)) {
        if (cancel && cancel->load()) {
            *error = tr("cancelled");
            return false;
        }
        QFile in(base + QLatin1Char('/') + relative);
        if (in.size() > limits.maxFileBytes) {
            *error = tr("the skeleton file %1 is larger than %2 MB").arg(relative).arg(limits.maxFileBytes >> 20);
            return false;
        }
        if (!in.open(QIODevice::ReadOnly)) {
            *error = tr("cannot read the skeleton file %1: %2").arg(relative, in.errorString());
            return false;
        }
        const QByteArray bytes = in.readAll();
        bool render = isText(bytes);
        QString pathTemplate = relative;
        if (!options.templateFileExtension.isEmpty()) {
            if (relative.endsWith(options.templateFileExtension)) {
                pathTemplate.chop(options.templateFileExtension.size());
            } else {
                render = false;
            }
        }
        for (const QString &glob : options.copyWithoutTemplating) {
            if (globMatches(glob, relative)) {
                render = false;
            }
        }
        QString renderedPath;
        if (options.renderPaths) {
            if (!renderPath(pathTemplate, context, &renderedPath, error)) {
                *error = tr("%1: %2").arg(relative, *error);
                return false;
            }
            if (renderedPath.isEmpty()) {
                continue; // a name that renders empty: the file is not wanted
            }
        } else if (!normalizeRelativePath(pathTemplate, &renderedPath, error)) {
            return false;
        }
        QString full;
        if (!normalizeRelativePath(targetPath.isEmpty() ? renderedPath : targetPath + QLatin1Char('/') + renderedPath,
                                   &full, error)) {
            return false;
        }
        RenderedFile file;
        file.path = full;
        file.executable = in.permissions() & QFileDevice::ExeOwner;
        if (render) {
            QString out;
            int line = 0;
            QString renderError;
            if (!renderImpl(QString::fromUtf8(bytes), &context, &out, &renderError, &line)) {
                *error = line > 0 ? tr("%1:%2: %3").arg(relative).arg(line).arg(renderError)
                                  : tr("%1: %2").arg(relative, renderError);
                return false;
            }
            file.contents = out.toUtf8();
        } else {
            file.contents = bytes;
        }
        if (file.contents.size() > limits.maxFileBytes) {
            *error = tr("%1 renders to more than %2 MB; check the values").arg(relative).arg(limits.maxFileBytes >> 20);
            return false;
        }
        total += file.contents.size();
        if (total > limits.maxTotalBytes) {
            *error = tr("the rendered files are larger than %1 MB in total").arg(limits.maxTotalBytes >> 20);
            return false;
        }
        (*files)[full] = file;
        if (int(files->size()) > limits.maxFiles) {
            *error = tr("more than %1 files would be created").arg(limits.maxFiles);
            return false;
        }
    }
    return true;
}

} // namespace Gantry::Scaffold
