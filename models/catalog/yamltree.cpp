#include "models/catalog/yamltree.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>

#include <yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

Q_LOGGING_CATEGORY(lcYamlTree, "gantry.catalog.yamltree")

namespace Gantry::Catalog {

namespace {

bool isNullText(std::string_view s)
{
    return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Gantry::Catalog::YamlTree", text);
}

bool plainIsBool(std::string_view s, bool *value)
{
    if (s == "true" || s == "True" || s == "TRUE") {
        *value = true;
        return true;
    }
    if (s == "false" || s == "False" || s == "FALSE") {
        *value = false;
        return true;
    }
    return false;
}

bool plainIsNumber(std::string_view s, double *value)
{
    if (s.empty()) {
        return false;
    }
    // YAML 1.2 core schema ints and floats.
    auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    std::string_view body = s;
    if (body.front() == '-' || body.front() == '+') {
        body.remove_prefix(1);
    }
    if (body.empty()) {
        return false;
    }
    if (body == ".inf" || body == ".Inf" || body == ".INF") {
        *value = s.front() == '-' ? -INFINITY : INFINITY;
        return true;
    }
    if (s == ".nan" || s == ".NaN" || s == ".NAN") {
        *value = NAN;
        return true;
    }
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
        long long v = 0;
        const int base = s[1] == 'x' ? 16 : 8;
        auto r = std::from_chars(s.data() + 2, s.data() + s.size(), v, base);
        if (r.ec == std::errc() && r.ptr == s.data() + s.size()) {
            *value = double(v);
            return true;
        }
        return false;
    }
    // [0-9]* ( \. [0-9]* )? ( [eE] [-+]? [0-9]+ )?  with at least one digit before the exponent
    size_t i = 0;
    bool digits = false;
    while (i < body.size() && isDigit(body[i])) {
        ++i;
        digits = true;
    }
    if (i < body.size() && body[i] == '.') {
        ++i;
        while (i < body.size() && isDigit(body[i])) {
            ++i;
            digits = true;
        }
    }
    if (!digits) {
        return false;
    }
    if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
        ++i;
        if (i < body.size() && (body[i] == '-' || body[i] == '+')) {
            ++i;
        }
        bool expDigits = false;
        while (i < body.size() && isDigit(body[i])) {
            ++i;
            expDigits = true;
        }
        if (!expDigits) {
            return false;
        }
    }
    if (i != body.size()) {
        return false;
    }
    const std::string copy(s);
    *value = std::strtod(copy.c_str(), nullptr);
    return true;
}

const char *eventText(const yaml_char_t *p)
{
    return reinterpret_cast<const char *>(p);
}

} // namespace

bool yamlPlainIsBool(std::string_view text, bool *value)
{
    bool v = false;
    const bool ok = plainIsBool(text, &v);
    if (ok && value) {
        *value = v;
    }
    return ok;
}

bool yamlPlainIsNumber(std::string_view text, double *value)
{
    double v = 0;
    const bool ok = plainIsNumber(text, &v);
    if (ok && value) {
        *value = v;
    }
    return ok;
}

// ---------------------------------------------------------------------------------------------
// YamlNode

YamlNode::Type YamlNode::type() const
{
    return m_tree ? m_tree->m_nodes[m_index].type : Type::Invalid;
}

bool YamlNode::isQuoted() const
{
    return m_tree && m_tree->m_nodes[m_index].quoted != 0;
}

QString YamlNode::typeName() const
{
    switch (type()) {
    case Type::Invalid:
    case Type::Null:
        return QStringLiteral("null");
    case Type::Sequence:
        return QStringLiteral("array");
    case Type::Mapping:
        return QStringLiteral("object");
    case Type::Scalar:
        break;
    }
    if (!isQuoted()) {
        bool b = false;
        double d = 0;
        if (plainIsBool(scalarUtf8(), &b)) {
            return QStringLiteral("boolean");
        }
        if (plainIsNumber(scalarUtf8(), &d)) {
            return QStringLiteral("number");
        }
    }
    return QStringLiteral("string");
}

int YamlNode::line() const
{
    return m_tree ? int(m_tree->m_nodes[m_index].line) + 1 : 0;
}

int YamlNode::column() const
{
    return m_tree ? int(m_tree->column(m_index)) + 1 : 0;
}

std::string_view YamlNode::scalarUtf8() const
{
    if (!m_tree) {
        return {};
    }
    const auto &d = m_tree->m_nodes[m_index];
    if (d.type != Type::Scalar) {
        return {};
    }
    return m_tree->text(d);
}

QString YamlNode::scalar() const
{
    const auto s = scalarUtf8();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

int YamlNode::size() const
{
    if (!m_tree) {
        return 0;
    }
    const auto &d = m_tree->m_nodes[m_index];
    if (d.type == Type::Sequence) {
        return int(d.count());
    }
    if (d.type == Type::Mapping) {
        return int(d.count() / 2);
    }
    return 0;
}

YamlNode YamlNode::at(int i) const
{
    const auto t = type();
    if (i < 0 || i >= size()) {
        return {};
    }
    const int childIndex = t == Type::Mapping ? 2 * i + 1 : i;
    quint32 child = m_index + 1;
    for (int k = 0; k < childIndex; ++k) {
        child = m_tree->end(child);
    }
    return YamlNode(m_tree, child);
}

YamlNode YamlNode::keyAt(int i) const
{
    if (type() != Type::Mapping || i < 0 || i >= size()) {
        return {};
    }
    quint32 child = m_index + 1;
    for (int k = 0; k < 2 * i; ++k) {
        child = m_tree->end(child);
    }
    return YamlNode(m_tree, child);
}

YamlNode YamlNode::operator[](std::string_view key) const
{
    if (type() != Type::Mapping) {
        return {};
    }
    const auto &d = m_tree->m_nodes[m_index];
    quint32 child = m_index + 1;
    for (quint32 i = 0; i + 1 < d.count(); i += 2) {
        const auto &k = m_tree->m_nodes[child];
        const quint32 value = m_tree->end(child);
        if (k.type == Type::Scalar && m_tree->text(k) == key) {
            return YamlNode(m_tree, value);
        }
        child = m_tree->end(value);
    }
    return {};
}

QJsonValue YamlNode::toJson() const
{
    switch (type()) {
    case Type::Invalid:
        return QJsonValue(QJsonValue::Undefined);
    case Type::Null:
        return QJsonValue(QJsonValue::Null);
    case Type::Scalar: {
        const auto s = scalarUtf8();
        if (!isQuoted()) {
            bool b = false;
            double d = 0;
            if (plainIsBool(s, &b)) {
                return b;
            }
            if (plainIsNumber(s, &d) && std::isfinite(d)) {
                return d;
            }
        }
        return scalar();
    }
    case Type::Sequence: {
        QJsonArray array;
        forEachItem([&](YamlNode item) { array.append(item.toJson()); });
        return array;
    }
    case Type::Mapping: {
        QJsonObject object;
        forEachPair([&](YamlNode key, YamlNode value) {
            object.insert(key.isScalar() ? key.scalar() : QString(), value.toJson());
        });
        return object;
    }
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// YamlTree

quint32 YamlTree::wideColumn(quint32 index) const
{
    const auto it = std::lower_bound(m_wideColumns.begin(), m_wideColumns.end(), index,
                                     [](const std::pair<quint32, quint32> &w, quint32 i) { return w.first < i; });
    return it != m_wideColumns.end() && it->first == index ? it->second : WideColumn;
}

void YamlTree::setColumn(quint32 index, quint32 column)
{
    if (column < WideColumn) {
        m_nodes[index].column = quint16(column);
        return;
    }
    m_nodes[index].column = WideColumn;
    m_wideColumns.emplace_back(index, column); // nodes are appended in order: stays sorted
}

void YamlTree::truncateNodes(size_t size)
{
    m_nodes.resize(size);
    while (!m_wideColumns.empty() && m_wideColumns.back().first >= size) {
        m_wideColumns.pop_back();
    }
}

// ---------------------------------------------------------------------------------------------
// Builder

quint32 YamlTree::Builder::addScalar(std::string_view text, bool quoted, quint32 line, quint32 column)
{
    NodeData d;
    d.type = (!quoted && isNullText(text)) ? YamlNode::Type::Null : YamlNode::Type::Scalar;
    d.quoted = quoted ? 1 : 0;
    d.line = line;
    d.textOffsetOrEnd = quint32(m_tree.m_text.size());
    d.textLengthOrCount = quint32(text.size());
    m_tree.m_text.append(text);
    const auto index = quint32(m_tree.m_nodes.size());
    m_tree.m_nodes.push_back(d);
    m_tree.setColumn(index, column);
    return index;
}

quint32 YamlTree::Builder::addNull(quint32 line, quint32 column)
{
    return addScalar({}, false, line, column);
}

quint32 YamlTree::Builder::beginContainer(YamlNode::Type type, quint32 line, quint32 column)
{
    NodeData d;
    d.type = type;
    d.line = line;
    const auto index = quint32(m_tree.m_nodes.size());
    m_tree.m_nodes.push_back(d);
    m_tree.setColumn(index, column);
    return index;
}

void YamlTree::Builder::endContainer(quint32 index)
{
    auto &nodes = m_tree.m_nodes;
    const auto end = quint32(nodes.size());
    quint32 count = 0;
    for (quint32 child = index + 1; child < end; child = m_tree.end(child)) {
        ++count;
    }
    nodes[index].textOffsetOrEnd = end;
    nodes[index].textLengthOrCount = count;
}

quint32 YamlTree::Builder::copy(const YamlNode &node)
{
    // By value: when copying within this tree (an alias), adding nodes may reallocate m_nodes.
    const NodeData src = node.tree()->data(node.index());
    const quint32 column = node.tree()->column(node.index());
    switch (src.type) {
    case YamlNode::Type::Invalid:
    case YamlNode::Type::Null:
        return addNull(src.line, column);
    case YamlNode::Type::Scalar:
        // Copy the text first: the source may be this very tree, whose buffer may reallocate.
        return addScalar(std::string(node.scalarUtf8()), src.quoted != 0, src.line, column);
    case YamlNode::Type::Sequence:
    case YamlNode::Type::Mapping: {
        const quint32 index = beginContainer(src.type, src.line, column);
        const YamlTree *srcTree = node.tree();
        quint32 child = node.index() + 1;
        for (quint32 i = 0; i < src.count(); ++i) {
            const quint32 next = srcTree->end(child);
            copy(YamlNode(srcTree, child));
            child = next;
        }
        endContainer(index);
        return index;
    }
    }
    return 0;
}

quint32 YamlTree::Builder::addJson(const QJsonValue &value, quint32 line, quint32 column)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return addNull(line, column);
    case QJsonValue::Bool:
        return addScalar(value.toBool() ? "true" : "false", false, line, column);
    case QJsonValue::Double: {
        const QByteArray text = QByteArray::number(value.toDouble(), 'g', 17);
        return addScalar(std::string_view(text.constData(), size_t(text.size())), false, line, column);
    }
    case QJsonValue::String: {
        const QByteArray text = value.toString().toUtf8();
        return addScalar(std::string_view(text.constData(), size_t(text.size())), true, line, column);
    }
    case QJsonValue::Array: {
        const quint32 index = beginContainer(YamlNode::Type::Sequence, line, column);
        const QJsonArray array = value.toArray();
        for (const auto &item : array) {
            addJson(item, line, column);
        }
        endContainer(index);
        return index;
    }
    case QJsonValue::Object: {
        const quint32 index = beginContainer(YamlNode::Type::Mapping, line, column);
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QByteArray key = it.key().toUtf8();
            addScalar(std::string_view(key.constData(), size_t(key.size())), true, line, column);
            addJson(it.value(), line, column);
        }
        endContainer(index);
        return index;
    }
    }
    return addNull(line, column);
}

// ---------------------------------------------------------------------------------------------
// Parser

class Parser
{
public:
    Parser(YamlTree &tree, const QString &path, std::vector<Problem> *problems, const YamlTree::Limits &limits)
        : m_builder(tree)
        , m_tree(tree)
        , m_path(path)
        , m_problems(problems)
        , m_limits(limits)
    {
        yaml_parser_initialize(&m_parser);
    }
    ~Parser() { yaml_parser_delete(&m_parser); }
    Parser(const Parser &) = delete;
    Parser &operator=(const Parser &) = delete;

    bool run(const QByteArray &bytes);

private:
    struct Frame
    {
        quint32 index;
        bool mapping;
    };

    void report(quint32 line, quint32 column, const QString &message)
    {
        if (m_problems) {
            Problem p;
            p.severity = Problem::Severity::Error;
            p.location = SourceLocation{m_path, int(line) + 1, int(column) + 1};
            p.message = message;
            m_problems->push_back(std::move(p));
        }
    }
    void rememberAnchor(const yaml_char_t *anchor, quint32 index)
    {
        if (anchor) {
            m_anchors[std::string(eventText(anchor))] = index;
        }
    }
    void checkDuplicateKeys(quint32 mapping);
    size_t subtreeDepth(quint32 index) const;

    YamlTree::Builder m_builder;
    YamlTree &m_tree;
    const QString &m_path;
    std::vector<Problem> *m_problems;
    const YamlTree::Limits &m_limits;
    yaml_parser_t m_parser;
    std::vector<Frame> m_stack;
    std::unordered_map<std::string, quint32> m_anchors;
    std::vector<std::pair<const yaml_char_t *, quint32>> m_pendingAnchors;
};

// How many containers deep the finished subtree at `index` nests (0 for a scalar).
size_t Parser::subtreeDepth(quint32 index) const
{
    std::vector<quint32> ends; // ends of the containers that hold the current node
    size_t deepest = 0;
    const quint32 end = m_tree.end(index);
    for (quint32 i = index; i < end; ++i) {
        while (!ends.empty() && ends.back() <= i) {
            ends.pop_back();
        }
        const auto &d = m_tree.data(i);
        if (d.type == YamlNode::Type::Sequence || d.type == YamlNode::Type::Mapping) {
            ends.push_back(m_tree.end(i));
            deepest = std::max(deepest, ends.size());
        }
    }
    return deepest;
}

void Parser::checkDuplicateKeys(quint32 mapping)
{
    const auto &d = m_tree.data(mapping);
    if (d.count() < 4) {
        return;
    }
    std::vector<quint32> keys;
    keys.reserve(d.count() / 2);
    quint32 child = mapping + 1;
    for (quint32 i = 0; i + 1 < d.count(); i += 2) {
        keys.push_back(child);
        child = m_tree.end(m_tree.end(child));
    }
    auto keyText = [&](quint32 k) -> std::string_view {
        const auto &kd = m_tree.data(k);
        return kd.type == YamlNode::Type::Scalar ? m_tree.text(kd) : std::string_view();
    };
    auto reportDuplicate = [&](quint32 first, quint32 again) {
        const auto &kd = m_tree.data(again);
        const auto name = keyText(again);
        report(kd.line, m_tree.column(again),
               tr("duplicate key \"%1\" (first defined on line %2); YAML mapping keys must be unique: remove "
                  "or rename one of them")
                   .arg(QString::fromUtf8(name.data(), qsizetype(name.size())))
                   .arg(m_tree.data(first).line + 1));
        m_tree.m_syntaxErrorDoc = true;
    };
    if (keys.size() <= 24) {
        for (size_t i = 0; i < keys.size(); ++i) {
            const auto a = keyText(keys[i]);
            if (a.empty() && m_tree.data(keys[i]).type != YamlNode::Type::Scalar) {
                continue;
            }
            for (size_t j = i + 1; j < keys.size(); ++j) {
                if (keyText(keys[j]) == a && m_tree.data(keys[j]).type == YamlNode::Type::Scalar) {
                    reportDuplicate(keys[i], keys[j]);
                    return;
                }
            }
        }
        return;
    }
    std::unordered_map<std::string_view, quint32> seen;
    for (const quint32 k : keys) {
        if (m_tree.data(k).type != YamlNode::Type::Scalar) {
            continue;
        }
        auto [it, inserted] = seen.emplace(keyText(k), k);
        if (!inserted) {
            reportDuplicate(it->second, k);
            return;
        }
    }
}

bool Parser::run(const QByteArray &bytes)
{
    yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char *>(bytes.constData()),
                                 size_t(bytes.size()));
    yaml_event_t event;
    quint32 docStartNode = 0;
    quint32 docStartLine = 0;
    bool done = false;
    while (!done) {
        if (!yaml_parser_parse(&m_parser, &event)) {
            const auto &mark = m_parser.problem_mark;
            QString message = tr("YAML syntax error: %1")
                                  .arg(QString::fromUtf8(m_parser.problem ? m_parser.problem : "unknown error"));
            if (m_parser.context) {
                message +=
                    tr(" (%1 on line %2)").arg(QString::fromUtf8(m_parser.context)).arg(m_parser.context_mark.line + 1);
            }
            report(quint32(mark.line), quint32(mark.column), message + tr("; fix the YAML at this position"));
            // Drop the unfinished document, keep the complete ones before it.
            m_tree.truncateNodes(docStartNode);
            m_tree.m_syntaxError = true;
            return false;
        }
        const quint32 line = quint32(event.start_mark.line);
        const quint32 column = quint32(event.start_mark.column);
        bool ok = true;
        switch (event.type) {
        case YAML_STREAM_START_EVENT:
        case YAML_NO_EVENT:
            break;
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        case YAML_DOCUMENT_START_EVENT:
            docStartNode = m_builder.nextIndex();
            docStartLine = line;
            m_anchors.clear();
            m_tree.m_syntaxErrorDoc = false;
            break;
        case YAML_DOCUMENT_END_EVENT: {
            if (m_builder.nextIndex() > docStartNode) {
                YamlTree::Document doc;
                doc.root = docStartNode;
                doc.startLine = docStartLine;
                doc.endLine = quint32(event.end_mark.line);
                doc.hasError = m_tree.m_syntaxErrorDoc;
                m_builder.addDocument(doc);
            }
            // A later error drops only what follows: the next document's nodes start here. (Without
            // this, a second root without "---", e.g. the lines "[a]" and "[b]", truncated the
            // first document's nodes on the error and left its root pointing past the nodes.)
            docStartNode = m_builder.nextIndex();
            break;
        }
        case YAML_ALIAS_EVENT: {
            const auto it = m_anchors.find(eventText(event.data.alias.anchor));
            if (it == m_anchors.end()) {
                report(line, column,
                       tr("unknown alias \"*%1\"; define the anchor \"&%1\" before using it")
                           .arg(QString::fromUtf8(eventText(event.data.alias.anchor))));
                ok = false;
                break;
            }
            const quint32 targetEnd = m_tree.end(it->second);
            if (targetEnd == 0) {
                report(line, column,
                       tr("alias \"*%1\" refers to a node that contains it; recursive YAML is not supported")
                           .arg(QString::fromUtf8(eventText(event.data.alias.anchor))));
                ok = false;
                break;
            }
            if (m_tree.m_nodes.size() + (targetEnd - it->second) > m_limits.maxNodes) {
                report(line, column,
                       tr("alias expansion makes the document too large (more than %1 nodes); simplify the anchors and "
                          "aliases")
                           .arg(m_limits.maxNodes));
                ok = false;
                break;
            }
            // An alias copies its anchor's subtree here, so the copy's nesting adds to the current
            // depth. Without this check anchors that alias each other grow the depth by up to
            // maxDepth per anchor (250 anchors: over 30,000 levels in 60 KiB of YAML), and every
            // recursive walk (toJson, the substituter, Builder::copy) overflows the stack.
            if (m_stack.size() + subtreeDepth(it->second) > size_t(m_limits.maxDepth)) {
                report(line, column,
                       tr("nesting is deeper than %1 levels; Gantry refuses such files to stay responsive")
                           .arg(m_limits.maxDepth));
                ok = false;
                break;
            }
            m_builder.copy(YamlNode(&m_tree, it->second));
            break;
        }
        case YAML_SCALAR_EVENT: {
            const auto &s = event.data.scalar;
            bool quoted = s.style != YAML_PLAIN_SCALAR_STYLE && s.style != YAML_ANY_SCALAR_STYLE;
            if (s.tag) {
                const std::string_view tag(eventText(s.tag));
                if (tag == "tag:yaml.org,2002:str" || tag == "!!str") {
                    quoted = true;
                }
            }
            const quint32 index =
                m_builder.addScalar(std::string_view(eventText(s.value), s.length), quoted, line, column);
            rememberAnchor(s.anchor, index);
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            if (int(m_stack.size()) >= m_limits.maxDepth) {
                report(line, column,
                       tr("nesting is deeper than %1 levels; Gantry refuses such files to stay responsive")
                           .arg(m_limits.maxDepth));
                ok = false;
                break;
            }
            const bool mapping = event.type == YAML_MAPPING_START_EVENT;
            const quint32 index =
                m_builder.beginContainer(mapping ? YamlNode::Type::Mapping : YamlNode::Type::Sequence, line, column);
            const yaml_char_t *anchor = mapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor;
            rememberAnchor(anchor, index);
            m_stack.push_back({index, mapping});
            break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
            const Frame frame = m_stack.back();
            m_stack.pop_back();
            m_builder.endContainer(frame.index);
            if (frame.mapping) {
                checkDuplicateKeys(frame.index);
            }
            break;
        }
        }
        yaml_event_delete(&event);
        if (!ok || m_tree.m_nodes.size() > m_limits.maxNodes) {
            if (ok) {
                report(line, column,
                       tr("the file has more than %1 YAML nodes; split it into smaller files").arg(m_limits.maxNodes));
            }
            m_tree.truncateNodes(docStartNode);
            m_tree.m_syntaxError = true;
            return false;
        }
    }
    return true;
}

std::shared_ptr<YamlTree> YamlTree::parse(const QByteArray &bytes, const QString &displayPath,
                                          std::vector<Problem> *problems, const Limits &limits)
{
    auto tree = std::make_shared<YamlTree>();
    auto fail = [&](const QString &message) {
        if (problems) {
            problems->push_back(Problem{Problem::Severity::Error, SourceLocation{displayPath, 1, 1}, message, {}});
        }
        tree->m_syntaxError = true;
        return tree;
    };
    if (bytes.size() > limits.maxBytes) {
        return fail(
            tr("the file is %1 MiB, larger than the %2 MiB limit for catalog files; split it into smaller files")
                .arg(double(bytes.size()) / (1024.0 * 1024.0), 0, 'f', 1)
                .arg(limits.maxBytes / (1024 * 1024)));
    }
    // UTF-16/32 files start with a BOM and legitimately contain NUL bytes; libyaml handles those.
    const bool utf16 = bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF");
    if (!utf16 && bytes.contains('\0')) {
        return fail(tr("the file contains NUL bytes and looks binary, not YAML; remove it from the catalog location"));
    }
    tree->m_nodes.reserve(size_t(bytes.size() / 12) + 16);
    tree->m_text.reserve(size_t(bytes.size() / 2) + 16);
    Parser parser(*tree, displayPath, problems, limits);
    parser.run(bytes);
    tree->m_nodes.shrink_to_fit();
    tree->m_text.shrink_to_fit();
    return tree;
}

// ---------------------------------------------------------------------------------------------
// Serialization (the on-disk catalog cache)

void YamlTree::serialize(QDataStream &out) const
{
    static_assert(sizeof(NodeData) == 16, "NodeData layout is part of the cache format");
    out << quint32(m_nodes.size()) << quint32(m_text.size()) << quint32(m_documents.size()) << m_syntaxError;
    out.writeRawData(reinterpret_cast<const char *>(m_nodes.data()), int(m_nodes.size() * sizeof(NodeData)));
    out.writeRawData(m_text.data(), int(m_text.size()));
    for (const auto &d : m_documents) {
        out << d.root << d.startLine << d.endLine << d.hasError;
    }
    out << quint32(m_wideColumns.size());
    for (const auto &[index, column] : m_wideColumns) {
        out << index << column;
    }
}

std::shared_ptr<YamlTree> YamlTree::deserialize(QDataStream &in)
{
    quint32 nodeCount = 0, textSize = 0, docCount = 0;
    bool syntaxError = false;
    in >> nodeCount >> textSize >> docCount >> syntaxError;
    if (in.status() != QDataStream::Ok || nodeCount > 64'000'000 || textSize > 1'000'000'000 ||
        docCount > nodeCount + 1) {
        in.setStatus(QDataStream::ReadCorruptData);
        return {};
    }
    // A corrupted header must not make us allocate gigabytes before the short read is noticed.
    if (in.device() && !in.device()->isSequential() &&
        in.device()->bytesAvailable() < qint64(nodeCount) * qint64(sizeof(NodeData)) + qint64(textSize)) {
        in.setStatus(QDataStream::ReadCorruptData);
        return {};
    }
    auto tree = std::make_shared<YamlTree>();
    tree->m_syntaxError = syntaxError;
    tree->m_nodes.resize(nodeCount);
    tree->m_text.resize(textSize);
    const int nodeBytes = int(nodeCount * sizeof(NodeData));
    if (in.readRawData(reinterpret_cast<char *>(tree->m_nodes.data()), nodeBytes) != nodeBytes ||
        in.readRawData(tree->m_text.data(), int(textSize)) != int(textSize)) {
        in.setStatus(QDataStream::ReadCorruptData);
        return {};
    }
    tree->m_documents.resize(docCount);
    for (auto &d : tree->m_documents) {
        in >> d.root >> d.startLine >> d.endLine >> d.hasError;
        if (d.root >= nodeCount) {
            in.setStatus(QDataStream::ReadCorruptData);
            return {};
        }
    }
    quint32 wideCount = 0;
    in >> wideCount;
    if (in.status() != QDataStream::Ok || wideCount > nodeCount) {
        in.setStatus(QDataStream::ReadCorruptData);
        return {};
    }
    tree->m_wideColumns.resize(wideCount);
    for (quint32 k = 0; k < wideCount; ++k) {
        auto &[index, column] = tree->m_wideColumns[k];
        in >> index >> column;
        if (in.status() != QDataStream::Ok || index >= nodeCount || column < WideColumn ||
            tree->m_nodes[index].column != WideColumn || (k > 0 && tree->m_wideColumns[k - 1].first >= index)) {
            in.setStatus(QDataStream::ReadCorruptData);
            return {};
        }
    }
    // Reject structurally broken data rather than trusting it: every index must stay in range,
    // and every container must hold exactly `count` properly nested children, or the walks in
    // YamlNode (which trust `count` and `end`) would read past the node vector.
    struct Open
    {
        quint32 end;
        quint32 remaining;
    };
    std::vector<Open> open;
    for (quint32 i = 0; i < nodeCount; ++i) {
        const auto &n = tree->m_nodes[i];
        while (!open.empty() && open.back().end == i) {
            if (open.back().remaining != 0) {
                in.setStatus(QDataStream::ReadCorruptData);
                return {};
            }
            open.pop_back();
        }
        const bool container = n.type == YamlNode::Type::Sequence || n.type == YamlNode::Type::Mapping;
        const quint32 end = container ? n.textOffsetOrEnd : i + 1;
        bool bad = end <= i || end > nodeCount ||
                   (!container && quint64(n.textOffsetOrEnd) + n.textLengthOrCount > textSize) ||
                   (n.type != YamlNode::Type::Null && n.type != YamlNode::Type::Scalar && !container) ||
                   (n.type == YamlNode::Type::Mapping && n.count() % 2 != 0);
        if (!open.empty()) {
            bad = bad || open.back().remaining == 0 || end > open.back().end;
            if (!bad) {
                --open.back().remaining;
            }
        }
        if (bad) {
            in.setStatus(QDataStream::ReadCorruptData);
            return {};
        }
        if (container) {
            // Parsed trees nest at most maxDepth (+ a $yaml or $json substitution: Qt's JSON parser
            // stops at 1024); a deeper one is damaged or crafted and would overflow the stack of
            // the recursive walks.
            if (open.size() >= 4096) {
                in.setStatus(QDataStream::ReadCorruptData);
                return {};
            }
            open.push_back(Open{end, n.count()});
        }
    }
    for (; !open.empty(); open.pop_back()) {
        if (open.back().remaining != 0) {
            in.setStatus(QDataStream::ReadCorruptData);
            return {};
        }
    }
    return in.status() == QDataStream::Ok ? tree : nullptr;
}

} // namespace Gantry::Catalog
