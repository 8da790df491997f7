#include "models/scaffold/expression.h"

#include "models/catalog/entityref.h"
#include "models/scaffold/expressionnode.h"
#include "models/scaffold/expressionparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUrl>
#include <QUrlQuery>

#include <cmath>
#include <vector>

Q_LOGGING_CATEGORY(lcExpression, "gantry.scaffold.expression")

namespace Gantry::Scaffold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Scaffold::Expression", text);
}

constexpr qsizetype kMaxResultLength = 4 * 1024 * 1024; // a rendered value larger than this is refused

const QLatin1String kOpen("${{");
const QLatin1String kClose("}}");

} // namespace

namespace {

using NodePtr = std::shared_ptr<const Expression::Node>;
using Node = Expression::Node;

QString numberText(double d)
{
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) {
        return QString::number(qint64(d));
    }
    return QString::number(d, 'g', 15);
}

double toNumber(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Double:
        return v.toDouble();
    case QJsonValue::Bool:
        return v.toBool() ? 1 : 0;
    case QJsonValue::String: {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        return ok ? d : std::nan("");
    }
    case QJsonValue::Null:
        return 0;
    default:
        return std::nan("");
    }
}

bool looseEquals(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() == b.type()) {
        return a == b;
    }
    const bool aNullish = a.isNull() || a.isUndefined();
    const bool bNullish = b.isNull() || b.isUndefined();
    if (aNullish || bNullish) {
        return aNullish && bNullish;
    }
    if ((a.isDouble() || a.isString() || a.isBool()) && (b.isDouble() || b.isString() || b.isBool())) {
        return toNumber(a) == toNumber(b);
    }
    return false;
}

QString jsonDump(const QJsonValue &value)
{
    if (value.isUndefined()) {
        return QString();
    }
    QJsonArray wrapper{value};
    const QByteArray json = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

// Backstage's parseRepoUrl: "github.com?owner=o&repo=r" (RepoUrlPicker's value) → RepoSpec.
QJsonValue parseRepoUrl(const QJsonValue &input, QString *error)
{
    const QString text = input.toString();
    const QUrl url(QStringLiteral("https://") + text, QUrl::StrictMode);
    if (text.isEmpty() || !url.isValid() || url.host().isEmpty()) {
        *error = tr("parseRepoUrl: \"%1\" is not a repository location such as github.com?owner=org&repo=name")
                     .arg(text.left(200));
        return {};
    }
    const QUrlQuery query(url);
    QJsonObject spec;
    spec.insert(QStringLiteral("host"), url.host());
    for (const char *key : {"owner", "repo", "organization", "workspace", "project"}) {
        const QString name = QLatin1String(key);
        if (query.hasQueryItem(name)) {
            spec.insert(name, query.queryItemValue(name, QUrl::FullyDecoded));
        }
    }
    if (!spec.contains(QStringLiteral("repo"))) {
        *error = tr("parseRepoUrl: \"%1\" names no repo (add ?repo=name)").arg(text.left(200));
        return {};
    }
    return spec;
}

QJsonValue parseEntityRefValue(const QJsonValue &input, const QJsonValue &options, QString *error)
{
    const QJsonObject o = options.toObject();
    const QString defaultKind = o.value(QStringLiteral("defaultKind")).toString();
    QString defaultNamespace = o.value(QStringLiteral("defaultNamespace")).toString();
    if (defaultNamespace.isEmpty()) {
        defaultNamespace = QStringLiteral("default");
    }
    QString parseError;
    const auto ref = Catalog::EntityRef::parse(input.toString(), defaultKind, defaultNamespace, &parseError);
    if (!ref) {
        *error = tr("parseEntityRef: %1").arg(parseError);
        return {};
    }
    QJsonObject result;
    result.insert(QStringLiteral("kind"), ref->kind);
    result.insert(QStringLiteral("namespace"), ref->nameSpace);
    result.insert(QStringLiteral("name"), ref->name);
    return result;
}

class Evaluator
{
public:
    Evaluator(const QJsonObject &context, QString *error)
        : m_context(context)
        , m_error(error)
    {}

    QJsonValue eval(const Node &node)
    {
        if (failed()) {
            return {};
        }
        switch (node.kind) {
        case Node::Kind::Literal:
            return node.literal;
        case Node::Kind::Name:
            return m_context.value(node.text);
        case Node::Kind::Member:
            return member(eval(*node.children[0]), eval(*node.children[1]));
        case Node::Kind::List: {
            QJsonArray list;
            for (const auto &child : node.children) {
                list.append(eval(*child));
            }
            return list;
        }
        case Node::Kind::Dict: {
            QJsonObject object;
            for (size_t i = 0; i + 1 < node.children.size(); i += 2) {
                object.insert(eval(*node.children[i]).toString(), eval(*node.children[i + 1]));
            }
            return object;
        }
        case Node::Kind::Unary: {
            const QJsonValue v = eval(*node.children[0]);
            if (node.text == QLatin1String("not")) {
                return !Expression::isTruthy(v);
            }
            return -toNumber(v);
        }
        case Node::Kind::Conditional:
            return Expression::isTruthy(eval(*node.children[0])) ? eval(*node.children[1]) : eval(*node.children[2]);
        case Node::Kind::Binary:
            return binary(node);
        case Node::Kind::Filter:
            return filter(node);
        }
        return {};
    }

    bool failed() const { return !m_failure.isEmpty(); }
    QString failure() const { return m_failure; }

private:
    void fail(const QString &message)
    {
        if (m_failure.isEmpty()) {
            m_failure = message;
            if (m_error) {
                *m_error = message;
            }
        }
    }

    static QJsonValue member(const QJsonValue &object, const QJsonValue &key)
    {
        if (object.isObject()) {
            return object.toObject().value(key.isString() ? key.toString() : Expression::toText(key));
        }
        if (object.isArray()) {
            const QJsonArray array = object.toArray();
            const double d = toNumber(key);
            if (key.isString() && key.toString() == QLatin1String("length")) {
                return array.size();
            }
            if (std::isfinite(d) && d >= 0 && d < array.size()) {
                return array.at(qsizetype(d));
            }
            return QJsonValue(QJsonValue::Undefined);
        }
        if (object.isString() && key.isString() && key.toString() == QLatin1String("length")) {
            return object.toString().size();
        }
        return QJsonValue(QJsonValue::Undefined);
    }

    QJsonValue binary(const Node &node)
    {
        const QString &op = node.text;
        const QJsonValue a = eval(*node.children[0]);
        if (op == QLatin1String("and")) {
            return Expression::isTruthy(a) ? eval(*node.children[1]) : a;
        }
        if (op == QLatin1String("or")) {
            return Expression::isTruthy(a) ? a : eval(*node.children[1]);
        }
        const QJsonValue b = eval(*node.children[1]);
        if (op == QLatin1String("===")) {
            return a == b || (a.isUndefined() && b.isUndefined());
        }
        if (op == QLatin1String("!==")) {
            return !(a == b || (a.isUndefined() && b.isUndefined()));
        }
        if (op == QLatin1String("==")) {
            return looseEquals(a, b);
        }
        if (op == QLatin1String("!=")) {
            return !looseEquals(a, b);
        }
        if (op == QLatin1String("in")) {
            if (b.isArray()) {
                return b.toArray().contains(a);
            }
            if (b.isObject()) {
                return b.toObject().contains(a.toString());
            }
            if (b.isString()) {
                return b.toString().contains(Expression::toText(a));
            }
            return false;
        }
        if (op == QLatin1String("~") || (op == QLatin1String("+") && (a.isString() || b.isString() || a.isObject() ||
                                                                      b.isObject() || a.isArray() || b.isArray()))) {
            const QString joined = Expression::toText(a) + Expression::toText(b);
            if (joined.size() > kMaxResultLength) {
                fail(tr("the value is larger than %1 characters").arg(kMaxResultLength));
                return {};
            }
            return joined;
        }
        if (op == QLatin1String("<") || op == QLatin1String("<=") || op == QLatin1String(">") ||
            op == QLatin1String(">=")) {
            int c = 0;
            if (a.isString() && b.isString()) {
                c = QString::compare(a.toString(), b.toString());
            } else {
                const double x = toNumber(a);
                const double y = toNumber(b);
                if (std::isnan(x) || std::isnan(y)) {
                    return false;
                }
                c = x < y ? -1 : (x > y ? 1 : 0);
            }
            if (op == QLatin1String("<")) {
                return c < 0;
            }
            if (op == QLatin1String("<=")) {
                return c <= 0;
            }
            if (op == QLatin1String(">")) {
                return c > 0;
            }
            return c >= 0;
        }
        const double x = toNumber(a);
        const double y = toNumber(b);
        if (op == QLatin1String("+")) {
            return x + y;
        }
        if (op == QLatin1String("-")) {
            return x - y;
        }
        if (op == QLatin1String("*")) {
            return x * y;
        }
        if (op == QLatin1String("/")) {
            if (y == 0) {
                fail(tr("division by zero"));
                return {};
            }
            return x / y;
        }
        if (y == 0) {
            fail(tr("division by zero"));
            return {};
        }
        return std::fmod(x, y);
    }

    QJsonValue filter(const Node &node)
    {
        const QString &name = node.text;
        const QJsonValue input = eval(*node.children[0]);
        std::vector<QJsonValue> args;
        for (size_t i = 1; i < node.children.size(); ++i) {
            args.push_back(eval(*node.children[i]));
        }
        if (failed()) {
            return {};
        }
        auto arg = [&args](size_t i) { return i < args.size() ? args[i] : QJsonValue(QJsonValue::Undefined); };
        QString error;
        QJsonValue result;
        if (name == QLatin1String("parseRepoUrl")) {
            result = parseRepoUrl(input, &error);
        } else if (name == QLatin1String("projectSlug")) {
            const QJsonObject spec = parseRepoUrl(input, &error).toObject();
            const QString owner = spec.value(QStringLiteral("owner")).toString();
            const QString org = spec.value(QStringLiteral("organization")).toString();
            result = QString((owner.isEmpty() ? org : owner) + QLatin1Char('/') +
                             spec.value(QStringLiteral("repo")).toString());
        } else if (name == QLatin1String("parseEntityRef")) {
            result = parseEntityRefValue(input, arg(0), &error);
        } else if (name == QLatin1String("pick")) {
            result = input.toObject().value(arg(0).toString());
        } else if (name == QLatin1String("dump")) {
            result = jsonDump(input);
        } else if (name == QLatin1String("lower")) {
            result = Expression::toText(input).toLower();
        } else if (name == QLatin1String("upper")) {
            result = Expression::toText(input).toUpper();
        } else if (name == QLatin1String("capitalize")) {
            const QString s = Expression::toText(input).toLower();
            result = s.isEmpty() ? s : s.at(0).toUpper() + s.mid(1);
        } else if (name == QLatin1String("trim")) {
            result = Expression::toText(input).trimmed();
        } else if (name == QLatin1String("replace")) {
            const QString from = Expression::toText(arg(0));
            QString s = Expression::toText(input);
            if (!from.isEmpty()) {
                s.replace(from, Expression::toText(arg(1)));
            }
            if (s.size() > kMaxResultLength) {
                fail(tr("the value is larger than %1 characters").arg(kMaxResultLength));
                return {};
            }
            result = s;
        } else if (name == QLatin1String("default") || name == QLatin1String("d")) {
            const bool boolean = Expression::isTruthy(arg(1));
            result = (input.isUndefined() || (boolean && !Expression::isTruthy(input))) ? arg(0) : input;
        } else if (name == QLatin1String("length")) {
            result = input.isArray()    ? input.toArray().size()
                     : input.isObject() ? input.toObject().size()
                                        : Expression::toText(input).size();
        } else if (name == QLatin1String("join")) {
            QStringList parts;
            for (const QJsonValue &v : input.toArray()) {
                parts << Expression::toText(v);
            }
            result = parts.join(arg(0).isUndefined() ? QString() : Expression::toText(arg(0)));
        } else if (name == QLatin1String("first") || name == QLatin1String("last")) {
            const QJsonArray a = input.toArray();
            result = a.isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                 : (name == QLatin1String("first") ? a.first() : a.last());
        } else if (name == QLatin1String("string") || name == QLatin1String("safe")) {
            result = Expression::toText(input);
        } else if (name == QLatin1String("int")) {
            const double d = toNumber(input);
            result = std::isfinite(d) ? std::trunc(d) : 0.0;
        } else if (name == QLatin1String("float")) {
            const double d = toNumber(input);
            result = std::isfinite(d) ? d : 0.0;
        }
        if (!error.isEmpty()) {
            fail(error);
            return {};
        }
        return result;
    }

    const QJsonObject &m_context;
    QString *m_error;
    QString m_failure;
};

void collect(const Node &node, QStringList *names, QStringList *filters)
{
    if (node.kind == Node::Kind::Name && names && !names->contains(node.text)) {
        names->append(node.text);
    }
    if (node.kind == Node::Kind::Filter && filters && !filters->contains(node.text)) {
        filters->append(node.text);
    }
    for (const auto &child : node.children) {
        collect(*child, names, filters);
    }
}

// Finds the `}}` closing an expression that starts at `from`, skipping quoted strings.
qsizetype findClose(const QString &text, qsizetype from)
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

} // namespace

Expression::Expression() = default;
Expression::~Expression() = default;
Expression::Expression(const Expression &other) = default;
Expression &Expression::operator=(const Expression &other) = default;

Expression Expression::parse(const QString &text, QString *error, int *errorOffset)
{
    Expression e;
    e.m_root = ExpressionParser::parse(text, error, errorOffset);
    return e;
}

QJsonValue Expression::evaluate(const QJsonObject &context, QString *error) const
{
    if (!m_root) {
        if (error) {
            *error = tr("invalid expression");
        }
        return {};
    }
    Evaluator evaluator(context, error);
    const QJsonValue value = evaluator.eval(*m_root);
    return evaluator.failed() ? QJsonValue(QJsonValue::Undefined) : value;
}

QStringList Expression::rootNames() const
{
    QStringList names;
    if (m_root) {
        collect(*m_root, &names, nullptr);
    }
    return names;
}

QStringList Expression::filters() const
{
    QStringList filters;
    if (m_root) {
        collect(*m_root, nullptr, &filters);
    }
    return filters;
}

QStringList Expression::knownFilters()
{
    static const QStringList filters = {QStringLiteral("parseRepoUrl"), QStringLiteral("parseEntityRef"),
                                        QStringLiteral("pick"),         QStringLiteral("projectSlug"),
                                        QStringLiteral("dump"),         QStringLiteral("lower"),
                                        QStringLiteral("upper"),        QStringLiteral("capitalize"),
                                        QStringLiteral("trim"),         QStringLiteral("replace"),
                                        QStringLiteral("default"),      QStringLiteral("d"),
                                        QStringLiteral("length"),       QStringLiteral("join"),
                                        QStringLiteral("first"),        QStringLiteral("last"),
                                        QStringLiteral("string"),       QStringLiteral("int"),
                                        QStringLiteral("float"),        QStringLiteral("safe")};
    return filters;
}

bool Expression::containsExpression(const QString &text)
{
    return text.contains(kOpen);
}

bool Expression::isTruthy(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool();
    case QJsonValue::Double:
        return value.toDouble() != 0 && !std::isnan(value.toDouble());
    case QJsonValue::String:
        return !value.toString().isEmpty();
    case QJsonValue::Array:
        return !value.toArray().isEmpty();
    case QJsonValue::Object:
        return true;
    default:
        return false;
    }
}

QString Expression::toText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return numberText(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array: {
        // As JavaScript writes an array into text: items joined by commas.
        QStringList parts;
        for (const QJsonValue &v : value.toArray()) {
            parts << toText(v);
        }
        return parts.join(QLatin1Char(','));
    }
    case QJsonValue::Object:
        return jsonDump(value);
    default:
        return QString();
    }
}

QJsonValue Expression::renderString(const QString &text, const QJsonObject &context, QString *error)
{
    qsizetype start = text.indexOf(kOpen);
    if (start < 0) {
        return text;
    }
    // One whole-value expression keeps its type.
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(kOpen)) {
        const qsizetype close = findClose(trimmed, kOpen.size());
        if (close == trimmed.size() - 2) {
            const QString body = trimmed.mid(kOpen.size(), close - kOpen.size());
            QString parseError;
            int offset = 0;
            const Expression e = parse(body, &parseError, &offset);
            if (!e.isValid()) {
                *error = tr("in \"%1\": %2").arg(body.trimmed().left(200), parseError);
                return {};
            }
            QString evalError;
            const QJsonValue v = e.evaluate(context, &evalError);
            if (!evalError.isEmpty()) {
                *error = tr("in \"%1\": %2").arg(body.trimmed().left(200), evalError);
                return {};
            }
            return v;
        }
    }
    QString result;
    qsizetype pos = 0;
    while (start >= 0) {
        result += QStringView(text).mid(pos, start - pos);
        const qsizetype close = findClose(text, start + kOpen.size());
        if (close < 0) {
            *error = tr("\"${{\" is not closed by \"}}\"");
            return {};
        }
        const QString body = text.mid(start + kOpen.size(), close - start - kOpen.size());
        QString parseError;
        const Expression e = parse(body, &parseError);
        if (!e.isValid()) {
            *error = tr("in \"%1\": %2").arg(body.trimmed().left(200), parseError);
            return {};
        }
        QString evalError;
        const QJsonValue v = e.evaluate(context, &evalError);
        if (!evalError.isEmpty()) {
            *error = tr("in \"%1\": %2").arg(body.trimmed().left(200), evalError);
            return {};
        }
        result += toText(v);
        if (result.size() > kMaxResultLength) {
            *error = tr("the rendered text is larger than %1 characters").arg(kMaxResultLength);
            return {};
        }
        pos = close + kClose.size();
        start = text.indexOf(kOpen, pos);
    }
    result += QStringView(text).mid(pos);
    return result;
}

QJsonValue Expression::renderValue(const QJsonValue &value, const QJsonObject &context, QString *error)
{
    if (value.isString()) {
        return renderString(value.toString(), context, error);
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray()) {
            out.append(renderValue(item, context, error));
            if (!error->isEmpty()) {
                return {};
            }
        }
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            const QJsonValue v = renderValue(it.value(), context, error);
            if (!error->isEmpty()) {
                return {};
            }
            if (!v.isUndefined()) {
                out.insert(it.key(), v);
            }
        }
        return out;
    }
    return value;
}

bool Expression::check(const QString &text, QString *error, int *offset, QStringList *rootNames)
{
    qsizetype start = text.indexOf(kOpen);
    while (start >= 0) {
        const qsizetype close = findClose(text, start + kOpen.size());
        if (close < 0) {
            *error = tr("\"${{\" is not closed by \"}}\"");
            if (offset) {
                *offset = int(start);
            }
            return false;
        }
        const QString body = text.mid(start + kOpen.size(), close - start - kOpen.size());
        int at = 0;
        const Expression e = parse(body, error, &at);
        if (!e.isValid()) {
            if (offset) {
                *offset = int(start + kOpen.size() + at);
            }
            return false;
        }
        if (rootNames) {
            for (const QString &name : e.rootNames()) {
                if (!rootNames->contains(name)) {
                    rootNames->append(name);
                }
            }
        }
        start = text.indexOf(kOpen, close + kClose.size());
    }
    return true;
}

} // namespace Gantry::Scaffold
