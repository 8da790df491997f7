// YamlTree: multi-document files, syntax errors with line and column, non-object documents,
// binary and oversized files, nesting and alias-expansion limits, duplicate keys, JSON typing of
// plain versus quoted scalars, and the serialized form used by the disk cache.
#include "models/catalog/yamltree.h"

#include <QBuffer>
#include <QDataStream>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QtEndian>

#include <cstring>

using namespace Gantry::Catalog;

namespace {

const QString file = QStringLiteral("catalog.yaml");

struct Parsed
{
    std::shared_ptr<YamlTree> tree;
    std::vector<Problem> problems;
};

Parsed parse(const QByteArray &yaml, const YamlTree::Limits &limits = {})
{
    Parsed p;
    p.tree = YamlTree::parse(yaml, file, &p.problems, limits);
    return p;
}

QString problemText(const Problem &p)
{
    return QStringLiteral("%1:%2: %3").arg(p.location.line).arg(p.location.column).arg(p.message);
}

QByteArray serialize(const YamlTree &tree)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    tree.serialize(out);
    return bytes;
}

std::shared_ptr<YamlTree> deserialize(const QByteArray &bytes, QDataStream::Status *status = nullptr)
{
    QDataStream in(bytes);
    auto tree = YamlTree::deserialize(in);
    if (status) {
        *status = in.status();
    }
    return tree;
}

// Layout of the serialized form: a 13-byte header (node count, text size, document count,
// syntax-error flag), then the raw 16-byte NodeData records,
// the documents and the wide columns (a quint32 count, here 0).
constexpr int headerSize = 13;
constexpr int nodeSize = 16;

// QDataStream fields (header, documents) are big-endian; NodeData records are raw host memory.
void patchStream32(QByteArray &bytes, int offset, quint32 value)
{
    qToBigEndian(value, bytes.data() + offset);
}

void patchNode32(QByteArray &bytes, int offset, quint32 value)
{
    std::memcpy(bytes.data() + offset, &value, sizeof value);
}

} // namespace

class TestYamlTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void multiDocument();
    void syntaxError_data();
    void syntaxError();
    void syntaxErrorKeepsEarlierDocuments();
    void nonObjectDocuments();
    void binaryFile();
    void utf16File();
    void sizeLimit();
    void depthLimit();
    void aliases();
    void aliasBomb();
    void recursiveAlias();
    void duplicateKeys();
    void duplicateKeysManyKeys();
    void jsonTyping_data();
    void jsonTyping();
    void navigation();
    void roundTrip();
    void wideColumns();
    void corrupted_data();
    void corrupted();
};

void TestYamlTree::multiDocument()
{
    const auto p = parse("# leading comment\n"
                         "apiVersion: v1\n"
                         "kind: A\n"
                         "---\n"
                         "kind: B\n"
                         "list:\n"
                         "  - x\n"
                         "---\n"
                         "kind: C\n");
    QVERIFY(p.problems.empty());
    QVERIFY(!p.tree->hadSyntaxError());
    const auto &docs = p.tree->documents();
    QCOMPARE(docs.size(), size_t(3));
    QCOMPARE(p.tree->documentRoot(0)["kind"].scalar(), QStringLiteral("A"));
    QCOMPARE(p.tree->documentRoot(1)["kind"].scalar(), QStringLiteral("B"));
    QCOMPARE(p.tree->documentRoot(2)["kind"].scalar(), QStringLiteral("C"));
    // 1-based line/column of nodes; 0-based start lines of documents.
    QCOMPARE(p.tree->documentRoot(0).line(), 2);
    QCOMPARE(p.tree->documentRoot(0).column(), 1);
    QCOMPARE(p.tree->documentRoot(1)["list"].at(0).line(), 7);
    QCOMPARE(p.tree->documentRoot(1)["list"].at(0).column(), 5);
    QCOMPARE(docs[1].startLine, quint32(3));
    QCOMPARE(docs[2].startLine, quint32(7));
    for (const auto &d : docs) {
        QVERIFY(!d.hasError);
    }
}

void TestYamlTree::syntaxError_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unclosed flow sequence")
        << QByteArray("a: 1\nb: [1, 2\nc: 3\n")
        << QStringLiteral("3:2: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence on "
                          "line 2); fix the YAML at this position");
    QTest::newRow("bad indentation")
        << QByteArray("a:\n  b: 1\n c: 2\n")
        << QStringLiteral("3:2: YAML syntax error: did not find expected key (while parsing a block mapping on line "
                          "1); fix the YAML at this position");
    QTest::newRow("tab indentation")
        << QByteArray("a:\n\tb: 1\n")
        << QStringLiteral("2:1: YAML syntax error: found character that cannot start any token (while scanning for "
                          "the next token on line 2); fix the YAML at this position");
    QTest::newRow("unknown alias")
        << QByteArray("a: *nothing\n")
        << QStringLiteral("1:4: unknown alias \"*nothing\"; define the anchor \"&nothing\" before using it");
}

void TestYamlTree::syntaxError()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);
    const auto p = parse(yaml);
    QCOMPARE(p.problems.size(), size_t(1));
    QCOMPARE(problemText(p.problems[0]), expected);
    QCOMPARE(p.problems[0].location.file, file);
    QVERIFY(p.problems[0].isError());
    QVERIFY(p.tree->hadSyntaxError());
    QCOMPARE(p.tree->documents().size(), size_t(0));
}

void TestYamlTree::syntaxErrorKeepsEarlierDocuments()
{
    const auto p = parse("kind: A\n---\nkind: B\n---\nkind: [C\n");
    QCOMPARE(p.problems.size(), size_t(1));
    QVERIFY(p.tree->hadSyntaxError());
    QCOMPARE(p.tree->documents().size(), size_t(2));
    QCOMPARE(p.tree->documentRoot(1)["kind"].scalar(), QStringLiteral("B"));
    // The broken document's nodes are gone: every node belongs to one of the kept documents.
    QCOMPARE(p.tree->nodeCount(), size_t(6));
}

void TestYamlTree::nonObjectDocuments()
{
    const auto p = parse("- a\n- b\n---\njust text\n---\n42\n---\n---\nk: v\n");
    QVERIFY(p.problems.empty());
    const auto &docs = p.tree->documents();
    QCOMPARE(docs.size(), size_t(5));
    QCOMPARE(p.tree->documentRoot(0).typeName(), QStringLiteral("array"));
    QCOMPARE(p.tree->documentRoot(1).typeName(), QStringLiteral("string"));
    QCOMPARE(p.tree->documentRoot(2).typeName(), QStringLiteral("number"));
    QVERIFY(p.tree->documentRoot(3).isNull()); // an empty document
    QCOMPARE(p.tree->documentRoot(4).typeName(), QStringLiteral("object"));
    // Lookups on non-mappings are harmless.
    QVERIFY(!p.tree->documentRoot(0)["k"].isValid());
    QVERIFY(!p.tree->documentRoot(1)["k"].isValid());
    QCOMPARE(p.tree->documentRoot(1)["k"].scalar(), QString());
}

void TestYamlTree::binaryFile()
{
    QByteArray bytes("\x89PNG\r\n\x1a\n", 8);
    bytes.append('\0');
    bytes.append("kind: A\n");
    const auto p = parse(bytes);
    QCOMPARE(p.problems.size(), size_t(1));
    QCOMPARE(problemText(p.problems[0]),
             QStringLiteral("1:1: the file contains NUL bytes and looks binary, not YAML; remove it from the catalog "
                            "location"));
    QVERIFY(p.tree->hadSyntaxError());
    QCOMPARE(p.tree->documents().size(), size_t(0));
}

void TestYamlTree::utf16File()
{
    // UTF-16 legitimately contains NUL bytes; with a BOM it is YAML, not binary.
    const QString text = QStringLiteral("kind: Caf\u00e9\n");
    QByteArray bytes("\xFF\xFE", 2);
    bytes.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    const auto p = parse(bytes);
    QVERIFY(p.problems.empty());
    QCOMPARE(p.tree->documents().size(), size_t(1));
    QCOMPARE(p.tree->documentRoot(0)["kind"].scalar(), QStringLiteral("Caf\u00e9"));
}

void TestYamlTree::sizeLimit()
{
    YamlTree::Limits limits;
    limits.maxBytes = 1024 * 1024;
    QByteArray big("items:\n");
    while (big.size() < 1024 * 1024 + 512 * 1024) {
        big += "  - some list item text\n";
    }
    const auto p = parse(big, limits);
    QCOMPARE(p.problems.size(), size_t(1));
    QCOMPARE(problemText(p.problems[0]),
             QStringLiteral("1:1: the file is 1.5 MiB, larger than the 1 MiB limit for catalog files; split it into "
                            "smaller files"));
    QCOMPARE(p.tree->documents().size(), size_t(0));
    QVERIFY(p.tree->hadSyntaxError());

    // Exactly at the limit is fine.
    QByteArray atLimit = big.left(1024 * 1024);
    atLimit.truncate(atLimit.lastIndexOf('\n') + 1);
    const auto q = parse(atLimit, limits);
    QVERIFY(q.problems.empty());
    QCOMPARE(q.tree->documents().size(), size_t(1));
}

void TestYamlTree::depthLimit()
{
    YamlTree::Limits limits;
    limits.maxDepth = 4;
    // Four levels are allowed...
    const auto ok = parse("a:\n  b:\n    c:\n      - x\n", limits);
    QVERIFY(ok.problems.empty());
    QCOMPARE(ok.tree->documents().size(), size_t(1));
    // ...the fifth is refused where it starts.
    const auto p = parse("a:\n  b:\n    c:\n      - - x\n", limits);
    QCOMPARE(p.problems.size(), size_t(1));
    QCOMPARE(problemText(p.problems[0]),
             QStringLiteral("4:9: nesting is deeper than 4 levels; Gantry refuses such files to stay responsive"));
    QCOMPARE(p.tree->documents().size(), size_t(0));

    // The default limit stops a deeply nested flow sequence without exhausting the stack.
    const auto deep = parse(QByteArray(100000, '[') + QByteArray(100000, ']'));
    QCOMPARE(deep.problems.size(), size_t(1));
    QCOMPARE(problemText(deep.problems[0]),
             QStringLiteral("1:129: nesting is deeper than 128 levels; Gantry refuses such files to stay responsive"));
}

void TestYamlTree::aliases()
{
    const auto p = parse("base: &b {owner: team-a, tags: [x, y]}\ncopy: *b\n");
    QVERIFY(p.problems.empty());
    const YamlNode root = p.tree->documentRoot(0);
    QCOMPARE(root["copy"].toJson(), root["base"].toJson());
    QCOMPARE(root["copy"]["tags"].at(1).scalar(), QStringLiteral("y"));
    QVERIFY(root["copy"].index() != root["base"].index()); // a real copy, not a shared node
}

void TestYamlTree::aliasBomb()
{
    // "Billion laughs": ten levels of ten-fold aliases would expand to 10^10 nodes.
    QByteArray yaml = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 10; ++i) {
        yaml += "l" + QByteArray::number(i) + ": &l" + QByteArray::number(i) + " [";
        for (int j = 0; j < 10; ++j) {
            yaml += (j ? ", *l" : "*l") + QByteArray::number(i - 1);
        }
        yaml += "]\n";
    }
    YamlTree::Limits limits;
    limits.maxNodes = 20000;
    const auto p = parse(yaml, limits);
    QCOMPARE(p.problems.size(), size_t(1));
    QCOMPARE(
        p.problems[0].message,
        QStringLiteral("alias expansion makes the document too large (more than 20000 nodes); simplify the anchors "
                       "and aliases"));
    QCOMPARE(p.problems[0].location.line, 5); // l4 holds 10^5 nodes: the first level over the limit
    QCOMPARE(p.tree->documents().size(), size_t(0));
    QVERIFY(p.tree->hadSyntaxError());
    QVERIFY(p.tree->nodeCount() <= 20000);

    // The default limit refuses it too.
    const auto q = parse(yaml);
    QCOMPARE(q.problems.size(), size_t(1));
    QVERIFY(q.problems[0].message.startsWith(QLatin1String("alias expansion makes the document too large (more than "
                                                           "4000000 nodes)")));
}

void TestYamlTree::recursiveAlias()
{
    const auto p = parse("a: &a\n  b: *a\n");
    QCOMPARE(p.problems.size(), size_t(1));
    QCOMPARE(problemText(p.problems[0]),
             QStringLiteral("2:6: alias \"*a\" refers to a node that contains it; recursive YAML is not supported"));
    QCOMPARE(p.tree->documents().size(), size_t(0));
}

void TestYamlTree::duplicateKeys()
{
    const auto p = parse("kind: A\n---\nname: a\nspec:\n  x: 1\nname: b\n---\nkind: C\n");
    QCOMPARE(p.problems.size(), size_t(1));
    QCOMPARE(problemText(p.problems[0]),
             QStringLiteral("6:1: duplicate key \"name\" (first defined on line 3); YAML mapping keys must be unique: "
                            "remove or rename one of them"));
    // The document is kept but marked: it must not become an entity. Its neighbours are fine.
    const auto &docs = p.tree->documents();
    QCOMPARE(docs.size(), size_t(3));
    QVERIFY(!docs[0].hasError);
    QVERIFY(docs[1].hasError);
    QVERIFY(!docs[2].hasError);
    QVERIFY(!p.tree->hadSyntaxError());

    // Keys that only look alike are different keys.
    const auto q = parse("a: 1\n'a ': 2\nA: 3\n");
    QVERIFY(q.problems.empty());
}

void TestYamlTree::duplicateKeysManyKeys()
{
    // More than 24 keys take the hashed path.
    QByteArray yaml;
    for (int i = 0; i < 40; ++i) {
        yaml += "key" + QByteArray::number(i) + ": v\n";
    }
    QVERIFY(parse(yaml).problems.empty());
    yaml += "key17: again\n";
    const auto p = parse(yaml);
    QCOMPARE(p.problems.size(), size_t(1));
    QCOMPARE(problemText(p.problems[0]),
             QStringLiteral("41:1: duplicate key \"key17\" (first defined on line 18); YAML mapping keys must be "
                            "unique: remove or rename one of them"));
    QVERIFY(p.tree->documents()[0].hasError);
}

void TestYamlTree::jsonTyping_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<QJsonValue>("json");

    QTest::newRow("int") << QByteArray("42") << QStringLiteral("number") << QJsonValue(42);
    QTest::newRow("negative") << QByteArray("-5") << QStringLiteral("number") << QJsonValue(-5);
    QTest::newRow("plus") << QByteArray("+5") << QStringLiteral("number") << QJsonValue(5);
    QTest::newRow("leading zero") << QByteArray("007") << QStringLiteral("number") << QJsonValue(7);
    QTest::newRow("float") << QByteArray("1.5") << QStringLiteral("number") << QJsonValue(1.5);
    QTest::newRow("exponent") << QByteArray("1e3") << QStringLiteral("number") << QJsonValue(1000);
    QTest::newRow("hex") << QByteArray("0x1F") << QStringLiteral("number") << QJsonValue(31);
    QTest::newRow("octal") << QByteArray("0o17") << QStringLiteral("number") << QJsonValue(15);
    QTest::newRow("true") << QByteArray("true") << QStringLiteral("boolean") << QJsonValue(true);
    QTest::newRow("False") << QByteArray("False") << QStringLiteral("boolean") << QJsonValue(false);
    QTest::newRow("null") << QByteArray("null") << QStringLiteral("null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("tilde") << QByteArray("~") << QStringLiteral("null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("null") << QJsonValue(QJsonValue::Null);
    // YAML 1.2: yes/no/on/off are strings, and so is everything quoted.
    QTest::newRow("yes") << QByteArray("yes") << QStringLiteral("string") << QJsonValue(QStringLiteral("yes"));
    QTest::newRow("version") << QByteArray("1.2.3") << QStringLiteral("string") << QJsonValue(QStringLiteral("1.2.3"));
    QTest::newRow("exponent without digits")
        << QByteArray("1e") << QStringLiteral("string") << QJsonValue(QStringLiteral("1e"));
    QTest::newRow("double-quoted number")
        << QByteArray("\"42\"") << QStringLiteral("string") << QJsonValue(QStringLiteral("42"));
    QTest::newRow("single-quoted true") << QByteArray("'true'") << QStringLiteral("string")
                                        << QJsonValue(QStringLiteral("true"));
    QTest::newRow("quoted null") << QByteArray("'null'") << QStringLiteral("string")
                                 << QJsonValue(QStringLiteral("null"));
    QTest::newRow("quoted empty") << QByteArray("''") << QStringLiteral("string") << QJsonValue(QString());
    QTest::newRow("!!str tag") << QByteArray("!!str 123") << QStringLiteral("string")
                               << QJsonValue(QStringLiteral("123"));
    QTest::newRow("block scalar") << QByteArray("|\n  12\n") << QStringLiteral("string")
                                  << QJsonValue(QStringLiteral("12\n"));
    QTest::newRow("escapes") << QByteArray("\"a\\tb\\u00e9\"") << QStringLiteral("string")
                             << QJsonValue(QStringLiteral("a\tb\u00e9"));
    QTest::newRow("flow sequence") << QByteArray("[1, '1', x]") << QStringLiteral("array")
                                   << QJsonValue(QJsonArray{1, QStringLiteral("1"), QStringLiteral("x")});
    QTest::newRow("flow mapping") << QByteArray("{a: 1, b: ~}") << QStringLiteral("object")
                                  << QJsonValue(QJsonObject{{QStringLiteral("a"), 1},
                                                            {QStringLiteral("b"), QJsonValue(QJsonValue::Null)}});
}

void TestYamlTree::jsonTyping()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, typeName);
    QFETCH(QJsonValue, json);
    const auto p = parse("v: " + value + "\n");
    QVERIFY(p.problems.empty());
    const YamlNode v = p.tree->documentRoot(0)["v"];
    QVERIFY(v.isValid());
    QCOMPARE(v.typeName(), typeName);
    QCOMPARE(v.toJson(), json);
}

void TestYamlTree::navigation()
{
    const auto p = parse("m:\n  a: 1\n  b: [x, y, z]\n  c: {}\n");
    const YamlNode m = p.tree->documentRoot(0)["m"];
    QCOMPARE(m.size(), 3);
    QCOMPARE(m.keyAt(1).scalar(), QStringLiteral("b"));
    QCOMPARE(m.at(1).size(), 3);
    QCOMPARE(m.at(1).at(2).scalar(), QStringLiteral("z"));
    QVERIFY(!m.at(3).isValid());
    QVERIFY(!m.at(-1).isValid());
    QVERIFY(!m.keyAt(3).isValid());
    QCOMPARE(m["c"].size(), 0);
    QVERIFY(m["c"].isMapping());
    QStringList keys;
    m.forEachPair([&](YamlNode k, YamlNode) { keys << k.scalar(); });
    QCOMPARE(keys, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QStringList items;
    m["b"].forEachItem([&](YamlNode item) { items << item.scalar(); });
    QCOMPARE(items, (QStringList{QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")}));
    // An invalid node answers everything with "nothing".
    const YamlNode none;
    QVERIFY(!none.isValid());
    QCOMPARE(none.size(), 0);
    QCOMPARE(none.line(), 0);
    QVERIFY(!none["x"].isValid());
}

void TestYamlTree::roundTrip()
{
    const QByteArray yaml = "a: &x {k: [1, 'two', 3.5, true, ~]}\nb: *x\n---\n- \"q\"\n- |\n  block\n---\n"
                            "dup: 1\ndup: 2\n";
    const auto p = parse(yaml);
    QCOMPARE(p.problems.size(), size_t(1)); // the duplicate key
    const QByteArray bytes = serialize(*p.tree);

    QDataStream::Status status = QDataStream::ReadCorruptData;
    const auto copy = deserialize(bytes, &status);
    QVERIFY(copy);
    QCOMPARE(status, QDataStream::Ok);
    QCOMPARE(copy->nodeCount(), p.tree->nodeCount());
    QCOMPARE(copy->hadSyntaxError(), p.tree->hadSyntaxError());
    QCOMPARE(copy->documents().size(), p.tree->documents().size());
    for (int i = 0; i < int(copy->documents().size()); ++i) {
        const auto &a = p.tree->documents()[size_t(i)];
        const auto &b = copy->documents()[size_t(i)];
        QCOMPARE(b.root, a.root);
        QCOMPARE(b.startLine, a.startLine);
        QCOMPARE(b.endLine, a.endLine);
        QCOMPARE(b.hasError, a.hasError);
        QCOMPARE(copy->documentRoot(i).toJson(), p.tree->documentRoot(i).toJson());
    }
    for (quint32 n = 0; n < quint32(copy->nodeCount()); ++n) {
        QCOMPARE(copy->node(n).line(), p.tree->node(n).line());
        QCOMPARE(copy->node(n).column(), p.tree->node(n).column());
        QCOMPARE(copy->node(n).isQuoted(), p.tree->node(n).isQuoted());
        QCOMPARE(copy->node(n).typeName(), p.tree->node(n).typeName());
    }
    QVERIFY(copy->documents()[2].hasError);
    QCOMPARE(copy->documentRoot(1).at(0).typeName(), QStringLiteral("string"));
    // Serializing the copy gives the same bytes.
    QCOMPARE(serialize(*copy), bytes);
}

void TestYamlTree::wideColumns()
{
    // Columns past 65534 do not fit a node's 16 bits: they are kept aside, and survive the cache.
    QByteArray yaml = "x: [";
    for (int i = 0; i < 25'000; ++i) {
        yaml += "a, ";
    }
    yaml += "b, {k: v}]\n";
    const auto p = parse(yaml);
    QVERIFY(p.problems.empty());
    const YamlNode list = p.tree->documentRoot(0)["x"];
    QCOMPARE(list.size(), 25'002);
    QCOMPARE(list.at(0).column(), 5);
    QCOMPARE(list.at(25'000).column(), 5 + 3 * 25'000);
    QCOMPARE(list.at(25'001)["k"].column(), 5 + 3 * 25'001 + 4);
    const auto copy = deserialize(serialize(*p.tree));
    QVERIFY(copy);
    for (quint32 n = 0; n < quint32(copy->nodeCount()); ++n) {
        QCOMPARE(copy->node(n).column(), p.tree->node(n).column());
    }
}

void TestYamlTree::corrupted_data()
{
    QTest::addColumn<QByteArray>("bytes");

    // "m: [a, b]" -> nodes: 0 mapping{m, seq}, 1 "m", 2 sequence{a, b}, 3 "a", 4 "b"
    const auto p = parse("m: [a, b]\n");
    QCOMPARE(p.tree->nodeCount(), size_t(5));
    const QByteArray good = serialize(*p.tree);
    QVERIFY(deserialize(good));
    auto node = [](int index, int field) { return headerSize + index * nodeSize + field; };
    // Scalars keep text offset and length where containers keep end and count.
    constexpr int typeField = 0, textOffsetField = 8, textLengthField = 12, endField = 8, countField = 12;

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated header") << good.left(7);
    QTest::newRow("truncated nodes") << good.left(headerSize + 2 * nodeSize);
    QTest::newRow("truncated documents") << good.left(good.size() - 3);
    {
        QByteArray b = good;
        patchStream32(b, 0, 60'000'000); // claims 60M nodes: refused before allocating them
        QTest::newRow("huge node count") << b;
    }
    {
        QByteArray b = good;
        patchStream32(b, 4, 900'000'000);
        QTest::newRow("huge text size") << b;
    }
    {
        QByteArray b = good;
        patchStream32(b, 8, 100);
        QTest::newRow("more documents than nodes") << b;
    }
    {
        QByteArray b = good;
        patchNode32(b, node(2, endField), 99);
        QTest::newRow("end past the last node") << b;
    }
    {
        QByteArray b = good;
        patchNode32(b, node(2, endField), 2);
        QTest::newRow("end before itself") << b;
    }
    {
        QByteArray b = good;
        patchNode32(b, node(2, countField), 3);
        QTest::newRow("more children than nodes") << b;
    }
    {
        QByteArray b = good;
        patchNode32(b, node(0, countField), 6);
        QTest::newRow("root counts past the end") << b;
    }
    {
        QByteArray b = good;
        patchNode32(b, node(2, countField), 1);
        QTest::newRow("fewer children than nodes") << b;
    }
    {
        QByteArray b = good;
        patchNode32(b, node(0, countField), 3);
        QTest::newRow("mapping with an odd count") << b;
    }
    {
        QByteArray b = good;
        patchNode32(b, node(2, endField), 5);
        patchNode32(b, node(0, endField), 4);
        QTest::newRow("child ends after its parent") << b;
    }
    {
        QByteArray b = good;
        b[node(3, typeField)] = char(9);
        QTest::newRow("unknown node type") << b;
    }
    {
        QByteArray b = good;
        b[node(3, typeField)] = char(YamlNode::Type::Sequence); // its text offset becomes its end
        QTest::newRow("scalar turned into a container") << b;
    }
    {
        QByteArray b = good;
        patchNode32(b, node(1, textOffsetField), 2);
        patchNode32(b, node(1, textLengthField), 100);
        QTest::newRow("text out of range") << b;
    }
    {
        QByteArray b = good;
        patchStream32(b, good.size() - 4, 1); // a wide column entry that is not there
        QTest::newRow("truncated wide columns") << b;
    }
    {
        QByteArray b = good;
        patchStream32(b, good.size() - 17, 5); // the document's root index
        QTest::newRow("document root out of range") << b;
    }
}

void TestYamlTree::corrupted()
{
    QFETCH(QByteArray, bytes);
    QDataStream::Status status = QDataStream::Ok;
    const auto tree = deserialize(bytes, &status);
    QVERIFY(!tree);
    QVERIFY(status != QDataStream::Ok);
}

QTEST_GUILESS_MAIN(TestYamlTree)
#include "tst_yamltree.moc"
