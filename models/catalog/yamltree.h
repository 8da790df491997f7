#pragma once

#include "models/catalog/problem.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <memory>
#include <string_view>
#include <utility>
#include <vector>

class QDataStream;

namespace Gantry::Catalog {

class YamlTree;

// YAML 1.2 core-schema typing of a plain (unquoted) scalar: "true", "False", "1e3", "0x1F", ".inf"...
bool yamlPlainIsBool(std::string_view text, bool *value = nullptr);
bool yamlPlainIsNumber(std::string_view text, double *value = nullptr);

// A read-only handle to one node of a YamlTree. Cheap to copy; valid while the tree lives.
class YamlNode
{
public:
    enum class Type : quint8 { Invalid, Null, Scalar, Sequence, Mapping };

    YamlNode() = default;
    YamlNode(const YamlTree *tree, quint32 index)
        : m_tree(tree)
        , m_index(index)
    {}

    bool isValid() const { return m_tree != nullptr; }
    Type type() const;
    bool isNull() const { return type() == Type::Null; }
    bool isScalar() const { return type() == Type::Scalar; }
    bool isSequence() const { return type() == Type::Sequence; }
    bool isMapping() const { return type() == Type::Mapping; }
    // True when the scalar was written quoted or as a block scalar: it is a string, never a number/bool.
    bool isQuoted() const;
    // "object", "array", "string", "number", "boolean", "null": the JSON type this node maps to.
    QString typeName() const;

    int line() const;   // 1-based
    int column() const; // 1-based
    quint32 index() const { return m_index; }
    const YamlTree *tree() const { return m_tree; }

    // Scalars: the text as written (after YAML unescaping). Empty for non-scalars.
    std::string_view scalarUtf8() const;
    QString scalar() const;
    // The value as a string for display: scalars as text; null as empty.
    QString toString() const { return scalar(); }

    // Sequences and mappings: number of items (mappings: number of key/value pairs).
    int size() const;
    // Sequence item i, or mapping value i.
    YamlNode at(int i) const;
    // Mapping key i (a scalar node, usually).
    YamlNode keyAt(int i) const;
    // Mapping lookup by key (exact, case-sensitive as in YAML). Invalid node when absent.
    YamlNode operator[](std::string_view key) const;
    YamlNode value(std::string_view key) const { return (*this)[key]; }
    bool contains(std::string_view key) const { return (*this)[key].isValid(); }

    // Linear walks (at(i) is O(i): prefer these in loops).
    template<typename F>
    void forEachItem(F &&f) const; // f(YamlNode item) for sequences
    template<typename F>
    void forEachPair(F &&f) const; // f(YamlNode key, YamlNode value) for mappings

    // JSON value with YAML 1.2 core-schema typing of plain scalars (null, true/false, ints, floats).
    QJsonValue toJson() const;

private:
    const YamlTree *m_tree = nullptr;
    quint32 m_index = 0;
};

// A compact, immutable tree of every document in one YAML file: nodes in pre-order in one
// vector, all scalar text in one UTF-8 buffer. Built straight from libyaml's event stream, so a
// 50k-entity catalog costs a few tens of bytes per node instead of a heap object per node.
class YamlTree
{
public:
    struct NodeData
    {
        YamlNode::Type type = YamlNode::Type::Invalid;
        quint8 quoted = 0;
        // 0-based. WideColumn: the column is larger and kept aside (YamlTree::column()), so that
        // a node takes 16 bytes.
        quint16 column = 0;
        quint32 line = 0; // 0-based, as libyaml reports
        // Scalars and nulls: where their text lies in the text buffer. Containers: the index one
        // past the subtree, and the number of children (sequence items, or mapping keys+values).
        // Shared because a node is one or the other.
        quint32 textOffsetOrEnd = 0;
        quint32 textLengthOrCount = 0;

        bool isContainer() const { return type == YamlNode::Type::Sequence || type == YamlNode::Type::Mapping; }
        quint32 textOffset() const { return isContainer() ? 0 : textOffsetOrEnd; }
        quint32 textLength() const { return isContainer() ? 0 : textLengthOrCount; }
        quint32 count() const { return isContainer() ? textLengthOrCount : 0; }
    };

    struct Document
    {
        quint32 root = 0;      // node index of the document's root
        quint32 startLine = 0; // 0-based line of the document's first content
        quint32 endLine = 0;   // 0-based line where the document ends (for source views)
        bool hasError = false; // e.g. duplicate keys: the document must not become an entity
    };

    struct Limits
    {
        qsizetype maxBytes = 32 * 1024 * 1024; // a larger file is refused, not parsed
        int maxDepth = 128;
        quint32 maxNodes = 4'000'000; // guards against alias expansion bombs
    };

    // Parses every document of a YAML stream. Never throws; syntax errors, limits and binary
    // content become Problems naming `displayPath`, line and column. A syntax error keeps the
    // documents before it (Backstage rejects the whole file: see the loader).
    static std::shared_ptr<YamlTree> parse(const QByteArray &bytes, const QString &displayPath,
                                           std::vector<Problem> *problems, const Limits &limits);
    static std::shared_ptr<YamlTree> parse(const QByteArray &bytes, const QString &displayPath,
                                           std::vector<Problem> *problems)
    {
        return parse(bytes, displayPath, problems, Limits{});
    }

    const std::vector<Document> &documents() const { return m_documents; }
    YamlNode node(quint32 index) const { return YamlNode(this, index); }
    YamlNode documentRoot(int i) const { return YamlNode(this, m_documents[size_t(i)].root); }
    const NodeData &data(quint32 index) const { return m_nodes[index]; }
    std::string_view text(const NodeData &d) const
    {
        return std::string_view(m_text.data() + d.textOffset(), d.textLength());
    }
    static constexpr quint16 WideColumn = 0xFFFF;
    // 0-based column of node `index`.
    quint32 column(quint32 index) const
    {
        const quint16 c = m_nodes[index].column;
        return c == WideColumn ? wideColumn(index) : c;
    }
    // Index one past the subtree of node `index` (the next sibling, if any).
    quint32 end(quint32 index) const
    {
        const NodeData &d = m_nodes[index];
        return d.isContainer() ? d.textOffsetOrEnd : index + 1;
    }
    size_t nodeCount() const { return m_nodes.size(); }
    size_t memoryUsage() const { return m_nodes.capacity() * sizeof(NodeData) + m_text.capacity(); }
    bool hadSyntaxError() const { return m_syntaxError; }

    // Builders used by the parser and by substitutions ($text/$json/$yaml).
    class Builder;

    void serialize(QDataStream &out) const;
    static std::shared_ptr<YamlTree> deserialize(QDataStream &in);

private:
    friend class YamlNode;
    quint32 wideColumn(quint32 index) const;
    void setColumn(quint32 index, quint32 column);
    void truncateNodes(size_t size);

    std::vector<NodeData> m_nodes;
    std::vector<std::pair<quint32, quint32>> m_wideColumns; // (node, column) by node, for columns >= WideColumn
    std::string m_text;
    std::vector<Document> m_documents;
    bool m_syntaxError = false;
    bool m_syntaxErrorDoc = false; // scratch flag while parsing the current document
    friend class Parser;
};

// Appends nodes in pre-order. Used by the libyaml parser and to build substituted copies.
class YamlTree::Builder
{
public:
    explicit Builder(YamlTree &tree)
        : m_tree(tree)
    {}
    quint32 addScalar(std::string_view text, bool quoted, quint32 line, quint32 column);
    quint32 addNull(quint32 line, quint32 column);
    quint32 beginContainer(YamlNode::Type type, quint32 line, quint32 column);
    void endContainer(quint32 index);
    // Copies a subtree of another (or the same, earlier finished) tree.
    quint32 copy(const YamlNode &node);
    quint32 addJson(const QJsonValue &value, quint32 line, quint32 column);
    void addDocument(const Document &d) { m_tree.m_documents.push_back(d); }
    quint32 nextIndex() const { return quint32(m_tree.m_nodes.size()); }

private:
    YamlTree &m_tree;
};

template<typename F>
void YamlNode::forEachItem(F &&f) const
{
    if (!isSequence()) {
        return;
    }
    const auto &d = m_tree->data(m_index);
    quint32 child = m_index + 1;
    for (quint32 i = 0; i < d.count(); ++i) {
        f(YamlNode(m_tree, child));
        child = m_tree->end(child);
    }
}

template<typename F>
void YamlNode::forEachPair(F &&f) const
{
    if (!isMapping()) {
        return;
    }
    const auto &d = m_tree->data(m_index);
    quint32 child = m_index + 1;
    for (quint32 i = 0; i + 1 < d.count(); i += 2) {
        const quint32 value = m_tree->end(child);
        f(YamlNode(m_tree, child), YamlNode(m_tree, value));
        child = m_tree->end(value);
    }
}

} // namespace Gantry::Catalog
