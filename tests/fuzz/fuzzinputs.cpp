#include "tests/fuzz/fuzzinputs.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace Gantry::Fuzz {

// ---------------------------------------------------------------------------------------------
// Seeds

QByteArray repeat(const QByteArray &unit, int n)
{
    QByteArray out;
    out.reserve(unit.size() * n);
    for (int i = 0; i < n; ++i) {
        out += unit;
    }
    return out;
}

namespace {

QByteArray utf16(const QByteArray &utf8, bool bigEndian)
{
    const QString text = QString::fromUtf8(utf8);
    QByteArray out = bigEndian ? QByteArray("\xFE\xFF", 2) : QByteArray("\xFF\xFE", 2);
    for (const QChar c : text) {
        const char hi = char(c.unicode() >> 8);
        const char lo = char(c.unicode() & 0xFF);
        out += bigEndian ? hi : lo;
        out += bigEndian ? lo : hi;
    }
    return out;
}

} // namespace

const QByteArray component = "apiVersion: backstage.io/v1alpha1\n"
                             "kind: Component\n"
                             "metadata:\n"
                             "  name: checkout\n"
                             "  tags: [java, payments]\n"
                             "  links:\n"
                             "    - url: https://example.com\n"
                             "      title: Dashboard\n"
                             "spec:\n"
                             "  type: service\n"
                             "  lifecycle: production\n"
                             "  owner: team-a\n"
                             "  system: shop\n"
                             "  dependsOn: [resource:db]\n";

// Inputs that exercise the corners of YAML and of the loader; mutations start from these too.
QList<QByteArray> builtInSeeds()
{
    QList<QByteArray> seeds;
    seeds << component;
    // Anchors, aliases, merge keys, an alias before its anchor, a recursive alias.
    seeds << "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: &m\n  name: a\n  labels: &l {x: y}\n"
             "spec: {type: service, lifecycle: &lc production, owner: *lc, x: *l, y: *m, <<: *l}\n";
    seeds << "a: *undefined\nb: &x [1, *x]\n";
    seeds << "base: &b {kind: Component, apiVersion: backstage.io/v1alpha1}\n---\n<<: *b\nmetadata: {name: x}\n";
    // Alias bombs: each level doubles (billion laughs) and depth that grows through aliases.
    {
        QByteArray bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (int i = 1; i < 12; ++i) {
            bomb += "a" + QByteArray::number(i) + ": &a" + QByteArray::number(i) + " [" +
                    repeat("*a" + QByteArray::number(i - 1) + ", ", 9) + "*a" + QByteArray::number(i - 1) + "]\n";
        }
        seeds << bomb;
    }
    {
        QByteArray deep = "d0: &d0 " + repeat("[", 120) + "x" + repeat("]", 120) + "\n";
        for (int i = 1; i < 250; ++i) {
            deep += "d" + QByteArray::number(i) + ": &d" + QByteArray::number(i) + " " + repeat("[", 120) + "*d" +
                    QByteArray::number(i - 1) + repeat("]", 120) + "\n";
        }
        seeds << deep;
    }
    // Tags, explicit keys, complex keys, flow/block mixes, directives, document markers.
    seeds << "%YAML 1.1\n%TAG !e! tag:example.com,2000:\n--- !!map\n!!str kind: !e!x Component\n"
             "? [complex, key]\n: value\n? {a: b}\n: c\n!!binary data: R0lGODlhDAAMAIQAAP\n...\n";
    seeds << "apiVersion: !!str backstage.io/v1alpha1\nkind: !!str Component\nmetadata: !!map {name: !!int 12}\n"
             "spec: !custom {type: !!null , lifecycle: !!bool true, owner: !!float 1.5}\n";
    seeds << "- [a, {b: c, d: [e, f]}, - g]\n- {h: - i}\n";
    seeds << "key: |\n  literal\n   text\nother: >-\n  folded\n  text\nq: \"esc \\x41 \\u263A \\U0001F600 \\\n"
             " cont\"\ns: 'it''s'\n";
    seeds << "---\n---\n...\n--- 42\n--- [a]\n--- \"str\"\n--- ~\n";
    seeds << "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: a, name: b}\nspec: {}\n";
    // Placeholders with odd targets.
    for (const QByteArray &key : {QByteArray("$text"), QByteArray("$json"), QByteArray("$yaml")}) {
        for (const QByteArray &target :
             {QByteArray("./text.txt"), QByteArray("./api.json"), QByteArray("./bad.json"), QByteArray("./deep.json"),
              QByteArray("./sub.yaml"), QByteArray("./broken.yaml"), QByteArray("./binary.bin"),
              QByteArray("./catalog-info.yaml"), QByteArray("./folder"), QByteArray("../../etc/passwd"),
              QByteArray("/etc/passwd"), QByteArray("https://example.com/x"), QByteArray("\"\""), QByteArray("[a]"),
              QByteArray("{a: b}"), QByteArray("~"), QByteArray("./missing"), QByteArray("./sub.yaml#frag")}) {
            seeds << "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: api\n  description: {" + key +
                         ": " + target +
                         "}\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-a\n"
                         "  definition:\n    " +
                         key + ": " + target + "\n";
        }
    }
    seeds << "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {name: loc}\n"
             "spec: {type: url, target: ./catalog-info.yaml, targets: [./sub.yaml, '**/*.yaml', ../x, '', [a]]}\n";
    // Encodings and bytes that are not plain UTF-8 YAML.
    seeds << QByteArray("\xEF\xBB\xBF", 3) + component;
    seeds << utf16(component, false) << utf16(component, true);
    seeds << QByteArray("kind: Component\0name: x\n", 24);
    seeds << QByteArray(component).replace("\n", "\r\n");
    seeds << QByteArray(component).replace("\n", "\r");
    seeds << "name: \xC3\x28 \xF0\x28\x8C\x28 \xED\xA0\x80 \xFF\xFE\n";
    seeds << "key:\tvalue\n\tindented: tab\n";
    // Very long lines, very many keys, deep nesting past the limit (block and flow).
    seeds << "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + repeat("a", 200'000) + "\n";
    seeds << "k: " + repeat("x ", 100'000) + "\n";
    {
        QByteArray keys;
        for (int i = 0; i < 3000; ++i) {
            keys += "k" + QByteArray::number(i % 2500) + ": v\n";
        }
        seeds << keys;
    }
    seeds << repeat("[", 5000) + repeat("]", 5000);
    seeds << repeat("{a: ", 300) + "b" + repeat("}", 300);
    {
        QByteArray block;
        for (int i = 0; i < 300; ++i) {
            block += QByteArray(i * 2, ' ') + "k:\n";
        }
        seeds << block;
    }
    seeds << repeat("- ", 400) + "x\n";
    seeds << ""
          << "\n"
          << "---"
          << "..."
          << "~"
          << "["
          << "{"
          << "&a"
          << "*a"
          << "!!"
          << "%YAML 1.1"
          << "'"
          << "\"";
    return seeds;
}

QList<QByteArray> fileSeeds(const QString &root, QStringList *names)
{
    QList<QByteArray> seeds;
    if (root.isEmpty() || !QFileInfo(root).isDir()) {
        return seeds;
    }
    QStringList files;
    QDirIterator it(root, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files.append(it.next());
    }
    files.sort(); // directory order is not stable; the seed list must be
    for (const auto &path : std::as_const(files)) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            seeds << file.readAll();
            names->append(path);
        }
    }
    return seeds;
}

// ---------------------------------------------------------------------------------------------
// Mutations

namespace {

const QList<QByteArray> &yamlTokens()
{
    // clang-format off
    static const QList<QByteArray> tokens = {
        "[", "]", "{", "}", ",", ":", ": ", "- ", "? ", "&a ", "*a", "&b ", "*b", "<<: *a\n", "---\n", "...\n",
        "!!binary ", "!!str ", "!!map ", "!!seq ", "!custom ", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "\t", "\n",
        "\r\n", "  ", "#", "|", ">", "|-\n", "'", "\"", "\\", "~", "null", "true", "0x1F", ".inf", "-.nan", "1e309",
        "$text: ", "$json: ", "$yaml: ", "./sub.yaml", "kind: Location\n", "apiVersion: backstage.io/v1alpha1\n",
        "metadata:\n  name: x\n", "spec:\n", QByteArray("\0", 1), "\xEF\xBB\xBF", "\xFF\xFE", "\xC3",
        "\xE2\x80\xA8", "\x85"};
    // clang-format on
    return tokens;
}

} // namespace

QByteArray mutate(QByteArray data, const QList<QByteArray> &seeds, Rng &rng)
{
    const int rounds = 1 + int(rng.below(rng.chance(20) ? 16 : 4));
    for (int round = 0; round < rounds; ++round) {
        const qsizetype size = data.size();
        const qsizetype pos = rng.below(size + 1);
        switch (rng.below(9)) {
        case 0: // flip bits in one byte
            if (size > 0) {
                const qsizetype at = rng.below(size);
                data[at] = char(data[at] ^ char(1 << rng.below(8)));
            }
            break;
        case 1: // replace a byte with an interesting one
            if (size > 0) {
                static const char interesting[] = {'\0', '\n', '\r', '\t', ' ', ':', '-', '[', '{',    '&',    '*',
                                                   '!',  '%',  '#',  '\'', '"', '|', '>', '?', '\x7f', '\x80', '\xff'};
                data[rng.below(size)] = interesting[rng.below(sizeof interesting)];
            }
            break;
        case 2: // delete a range
            if (size > 0) {
                data.remove(pos, 1 + rng.below(qMin<qsizetype>(64, size)));
            }
            break;
        case 3: // duplicate a range
            if (size > 0) {
                const qsizetype from = rng.below(size);
                const QByteArray chunk = data.mid(from, 1 + rng.below(qMin<qsizetype>(256, size - from)));
                data.insert(pos, chunk);
            }
            break;
        case 4: // insert random bytes
        {
            QByteArray bytes;
            for (qsizetype i = 0, n = 1 + rng.below(8); i < n; ++i) {
                bytes += char(rng.below(256));
            }
            data.insert(pos, bytes);
            break;
        }
        case 5: // splice: a piece of another seed
        {
            const QByteArray &other = seeds[rng.below(seeds.size())];
            if (!other.isEmpty()) {
                const qsizetype from = rng.below(other.size());
                data.insert(pos, other.mid(from, 1 + rng.below(qMin<qsizetype>(512, other.size() - from))));
            }
            break;
        }
        case 6: // splice: this one's head, another's tail
        {
            const QByteArray &other = seeds[rng.below(seeds.size())];
            data = data.left(pos) + other.mid(rng.below(other.size() + 1));
            break;
        }
        default: // insert YAML tokens
            data.insert(pos, yamlTokens()[rng.below(yamlTokens().size())]);
            break;
        }
        if (data.size() > 1024 * 1024) {
            data.truncate(1024 * 1024);
        }
    }
    return data;
}

} // namespace Gantry::Fuzz
