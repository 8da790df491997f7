#include "models/scaffold/expressionparser.h"

#include "models/scaffold/expressionnode.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <vector>

Q_LOGGING_CATEGORY(lcExpressionParser, "gantry.scaffold.expressionparser")

namespace Gantry::Scaffold {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Scaffold::Expression", text);
}

constexpr int kMaxDepth = 64;
constexpr int kMaxExpressionLength = 8192;

using NodePtr = std::shared_ptr<const Expression::Node>;
using Node = Expression::Node;

struct Token
{
    enum class Type { Name, Number, String, Op, End };
    Type type = Type::End;
    QString text;
    double number = 0;
    int offset = 0;
};

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    {}

    NodePtr parse(QString *error, int *offset)
    {
        if (m_text.size() > kMaxExpressionLength) {
            fail(tr("the expression is longer than %1 characters").arg(kMaxExpressionLength), 0);
        } else if (tokenize()) {
            NodePtr root = parseConditional();
            if (m_error.isEmpty() && peek().type != Token::Type::End) {
                fail(tr("unexpected \"%1\"").arg(peek().text), peek().offset);
            }
            if (m_error.isEmpty() && !root) {
                fail(tr("empty expression"), 0);
            }
            if (m_error.isEmpty()) {
                return root;
            }
        }
        if (error) {
            *error = m_error;
        }
        if (offset) {
            *offset = m_errorOffset;
        }
        return nullptr;
    }

private:
    void fail(const QString &message, int offset)
    {
        if (m_error.isEmpty()) {
            m_error = message;
            m_errorOffset = offset;
        }
    }

    bool tokenize()
    {
        int i = 0;
        const int n = int(m_text.size());
        static const QStringList threeChar = {QStringLiteral("==="), QStringLiteral("!==")};
        static const QStringList twoChar = {QStringLiteral("=="), QStringLiteral("!="), QStringLiteral("<="),
                                            QStringLiteral(">="), QStringLiteral("&&"), QStringLiteral("||")};
        while (i < n) {
            const QChar c = m_text.at(i);
            if (c.isSpace()) {
                ++i;
                continue;
            }
            Token t;
            t.offset = i;
            if (c.isLetter() || c == QLatin1Char('_') || c == QLatin1Char('$')) {
                int j = i + 1;
                while (j < n && (m_text.at(j).isLetterOrNumber() || m_text.at(j) == QLatin1Char('_') ||
                                 m_text.at(j) == QLatin1Char('$'))) {
                    ++j;
                }
                t.type = Token::Type::Name;
                t.text = m_text.mid(i, j - i);
                i = j;
            } else if (c.isDigit()) {
                int j = i;
                while (j < n && (m_text.at(j).isDigit() || m_text.at(j) == QLatin1Char('.'))) {
                    ++j;
                }
                bool ok = false;
                t.type = Token::Type::Number;
                t.text = m_text.mid(i, j - i);
                t.number = t.text.toDouble(&ok);
                if (!ok) {
                    fail(tr("\"%1\" is not a number").arg(t.text), i);
                    return false;
                }
                i = j;
            } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
                QString value;
                int j = i + 1;
                bool closed = false;
                while (j < n) {
                    const QChar d = m_text.at(j);
                    if (d == c) {
                        closed = true;
                        ++j;
                        break;
                    }
                    if (d == QLatin1Char('\\') && j + 1 < n) {
                        const QChar e = m_text.at(j + 1);
                        value += e == QLatin1Char('n')   ? QChar(QLatin1Char('\n'))
                                 : e == QLatin1Char('t') ? QChar(QLatin1Char('\t'))
                                                         : e;
                        j += 2;
                        continue;
                    }
                    value += d;
                    ++j;
                }
                if (!closed) {
                    fail(tr("a string is not closed"), i);
                    return false;
                }
                t.type = Token::Type::String;
                t.text = value;
                i = j;
            } else {
                t.type = Token::Type::Op;
                const QString three = m_text.mid(i, 3);
                const QString two = m_text.mid(i, 2);
                if (threeChar.contains(three)) {
                    t.text = three;
                } else if (twoChar.contains(two)) {
                    t.text = two;
                } else if (QStringLiteral("+-*/%~<>!|.,:()[]{}").contains(c)) {
                    t.text = QString(c);
                } else {
                    fail(tr("unexpected character \"%1\"").arg(c), i);
                    return false;
                }
                i += int(t.text.size());
            }
            m_tokens.push_back(t);
        }
        Token end;
        end.offset = n;
        m_tokens.push_back(end);
        return true;
    }

    const Token &peek() const { return m_tokens[size_t(m_pos)]; }
    Token next() { return m_tokens[size_t(m_pos < int(m_tokens.size()) - 1 ? m_pos++ : m_pos)]; }
    bool isOp(const char *op) const { return peek().type == Token::Type::Op && peek().text == QLatin1String(op); }
    bool isName(const char *name) const
    {
        return peek().type == Token::Type::Name && peek().text == QLatin1String(name);
    }
    bool expectOp(const char *op)
    {
        if (!isOp(op)) {
            fail(tr("expected \"%1\"").arg(QLatin1String(op)), peek().offset);
            return false;
        }
        next();
        return true;
    }

    static NodePtr make(Node::Kind kind, const QString &text, std::vector<NodePtr> children,
                        const QJsonValue &literal = {})
    {
        auto node = std::make_shared<Node>();
        node->kind = kind;
        node->text = text;
        node->children = std::move(children);
        node->literal = literal;
        return node;
    }

    struct DepthGuard
    {
        explicit DepthGuard(Parser *p)
            : parser(p)
        {
            ++parser->m_depth;
        }
        ~DepthGuard() { --parser->m_depth; }
        Parser *parser;
    };

    NodePtr parseConditional()
    {
        DepthGuard guard(this);
        if (m_depth > kMaxDepth) {
            fail(tr("the expression is nested too deeply"), peek().offset);
            return nullptr;
        }
        NodePtr value = parseOr();
        if (!value || !isName("if")) {
            return value;
        }
        next();
        NodePtr condition = parseOr();
        NodePtr otherwise;
        if (isName("else")) {
            next();
            otherwise = parseConditional();
        } else {
            otherwise = make(Node::Kind::Literal, {}, {}, QJsonValue(QJsonValue::Undefined));
        }
        if (!condition || !otherwise) {
            return nullptr;
        }
        return make(Node::Kind::Conditional, {}, {condition, value, otherwise});
    }

    NodePtr parseOr()
    {
        NodePtr left = parseAnd();
        while (left && (isName("or") || isOp("||"))) {
            next();
            NodePtr right = parseAnd();
            if (!right) {
                return nullptr;
            }
            left = make(Node::Kind::Binary, QStringLiteral("or"), {left, right});
        }
        return left;
    }

    NodePtr parseAnd()
    {
        NodePtr left = parseNot();
        while (left && (isName("and") || isOp("&&"))) {
            next();
            NodePtr right = parseNot();
            if (!right) {
                return nullptr;
            }
            left = make(Node::Kind::Binary, QStringLiteral("and"), {left, right});
        }
        return left;
    }

    NodePtr parseNot()
    {
        if (isName("not") || isOp("!")) {
            next();
            DepthGuard guard(this);
            if (m_depth > kMaxDepth) {
                fail(tr("the expression is nested too deeply"), peek().offset);
                return nullptr;
            }
            NodePtr operand = parseNot();
            return operand ? make(Node::Kind::Unary, QStringLiteral("not"), {operand}) : nullptr;
        }
        return parseCompare();
    }

    NodePtr parseCompare()
    {
        NodePtr left = parseAdditive();
        static const QStringList ops = {QStringLiteral("=="),  QStringLiteral("!="), QStringLiteral("==="),
                                        QStringLiteral("!=="), QStringLiteral("<"),  QStringLiteral("<="),
                                        QStringLiteral(">"),   QStringLiteral(">=")};
        while (left) {
            QString op;
            if (peek().type == Token::Type::Op && ops.contains(peek().text)) {
                op = next().text;
            } else if (isName("in")) {
                next();
                op = QStringLiteral("in");
            } else {
                break;
            }
            NodePtr right = parseAdditive();
            if (!right) {
                return nullptr;
            }
            left = make(Node::Kind::Binary, op, {left, right});
        }
        return left;
    }

    NodePtr parseAdditive()
    {
        NodePtr left = parseMultiplicative();
        while (left && (isOp("+") || isOp("-") || isOp("~"))) {
            const QString op = next().text;
            NodePtr right = parseMultiplicative();
            if (!right) {
                return nullptr;
            }
            left = make(Node::Kind::Binary, op, {left, right});
        }
        return left;
    }

    NodePtr parseMultiplicative()
    {
        NodePtr left = parseUnary();
        while (left && (isOp("*") || isOp("/") || isOp("%"))) {
            const QString op = next().text;
            NodePtr right = parseUnary();
            if (!right) {
                return nullptr;
            }
            left = make(Node::Kind::Binary, op, {left, right});
        }
        return left;
    }

    NodePtr parseUnary()
    {
        if (isOp("-")) {
            next();
            DepthGuard guard(this);
            if (m_depth > kMaxDepth) {
                fail(tr("the expression is nested too deeply"), peek().offset);
                return nullptr;
            }
            NodePtr operand = parseUnary();
            return operand ? make(Node::Kind::Unary, QStringLiteral("-"), {operand}) : nullptr;
        }
        return parseFiltered();
    }

    NodePtr parseFiltered()
    {
        NodePtr value = parsePostfix();
        while (value && isOp("|")) {
            next();
            if (peek().type != Token::Type::Name) {
                fail(tr("expected a filter name after \"|\""), peek().offset);
                return nullptr;
            }
            const Token name = next();
            if (!Expression::knownFilters().contains(name.text)) {
                fail(tr("unknown filter \"%1\"; supported: %2")
                         .arg(name.text, Expression::knownFilters().join(QStringLiteral(", "))),
                     name.offset);
                return nullptr;
            }
            std::vector<NodePtr> children{value};
            if (isOp("(")) {
                next();
                if (!parseList(")", &children)) {
                    return nullptr;
                }
            }
            value = make(Node::Kind::Filter, name.text, std::move(children));
        }
        return value;
    }

    bool parseList(const char *close, std::vector<NodePtr> *items)
    {
        while (!isOp(close)) {
            NodePtr item = parseConditional();
            if (!item) {
                if (m_error.isEmpty()) {
                    fail(tr("expected a value"), peek().offset);
                }
                return false;
            }
            items->push_back(item);
            if (isOp(",")) {
                next();
            } else if (!isOp(close)) {
                fail(tr("expected \",\" or \"%1\"").arg(QLatin1String(close)), peek().offset);
                return false;
            }
        }
        next();
        return true;
    }

    NodePtr parsePostfix()
    {
        NodePtr value = parsePrimary();
        while (value) {
            if (isOp(".")) {
                next();
                if (peek().type != Token::Type::Name && peek().type != Token::Type::Number) {
                    fail(tr("expected a name after \".\""), peek().offset);
                    return nullptr;
                }
                const Token key = next();
                value = make(Node::Kind::Member, {}, {value, make(Node::Kind::Literal, {}, {}, key.text)});
            } else if (isOp("[")) {
                next();
                NodePtr key = parseConditional();
                if (!key || !expectOp("]")) {
                    return nullptr;
                }
                value = make(Node::Kind::Member, {}, {value, key});
            } else if (isOp("(")) {
                fail(tr("function calls are not supported in template expressions; use a filter"), peek().offset);
                return nullptr;
            } else {
                break;
            }
        }
        return value;
    }

    NodePtr parsePrimary()
    {
        const Token t = peek();
        switch (t.type) {
        case Token::Type::End:
            fail(tr("expected a value"), t.offset);
            return nullptr;
        case Token::Type::Number:
            next();
            return make(Node::Kind::Literal, {}, {}, t.number);
        case Token::Type::String:
            next();
            return make(Node::Kind::Literal, {}, {}, t.text);
        case Token::Type::Name:
            next();
            if (t.text == QLatin1String("true") || t.text == QLatin1String("True")) {
                return make(Node::Kind::Literal, {}, {}, true);
            }
            if (t.text == QLatin1String("false") || t.text == QLatin1String("False")) {
                return make(Node::Kind::Literal, {}, {}, false);
            }
            if (t.text == QLatin1String("null") || t.text == QLatin1String("none") || t.text == QLatin1String("None")) {
                return make(Node::Kind::Literal, {}, {}, QJsonValue(QJsonValue::Null));
            }
            if (t.text == QLatin1String("undefined")) {
                return make(Node::Kind::Literal, {}, {}, QJsonValue(QJsonValue::Undefined));
            }
            return make(Node::Kind::Name, t.text, {});
        case Token::Type::Op:
            break;
        }
        DepthGuard guard(this);
        if (m_depth > kMaxDepth) {
            fail(tr("the expression is nested too deeply"), t.offset);
            return nullptr;
        }
        if (isOp("(")) {
            next();
            NodePtr inner = parseConditional();
            if (!inner || !expectOp(")")) {
                return nullptr;
            }
            return inner;
        }
        if (isOp("[")) {
            next();
            std::vector<NodePtr> items;
            if (!parseList("]", &items)) {
                return nullptr;
            }
            return make(Node::Kind::List, {}, std::move(items));
        }
        if (isOp("{")) {
            next();
            std::vector<NodePtr> items;
            while (!isOp("}")) {
                NodePtr key;
                if (peek().type == Token::Type::Name || peek().type == Token::Type::String) {
                    key = make(Node::Kind::Literal, {}, {}, next().text);
                } else {
                    fail(tr("expected a key"), peek().offset);
                    return nullptr;
                }
                if (!expectOp(":")) {
                    return nullptr;
                }
                NodePtr value = parseConditional();
                if (!value) {
                    return nullptr;
                }
                items.push_back(key);
                items.push_back(value);
                if (isOp(",")) {
                    next();
                } else if (!isOp("}")) {
                    fail(tr("expected \",\" or \"}\""), peek().offset);
                    return nullptr;
                }
            }
            next();
            return make(Node::Kind::Dict, {}, std::move(items));
        }
        fail(tr("unexpected \"%1\"").arg(t.text), t.offset);
        return nullptr;
    }

    const QString &m_text;
    std::vector<Token> m_tokens;
    int m_pos = 0;
    int m_depth = 0;
    QString m_error;
    int m_errorOffset = 0;
};

} // namespace

std::shared_ptr<const Expression::Node> ExpressionParser::parse(const QString &text, QString *error, int *errorOffset)
{
    Parser parser(text);
    return parser.parse(error, errorOffset);
}

} // namespace Gantry::Scaffold
