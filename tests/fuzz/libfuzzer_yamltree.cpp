// libFuzzer entry point for the YAML parser and the cache format: coverage-guided, for long local
// runs with clang (see CMakeLists.txt; not built with g++). The deterministic CTest fuzzer in
// fuzz_catalog.cpp covers the same code in every build, plus the loader and the memo.

#include "models/catalog/yamltree.h"

#include <QBuffer>
#include <QByteArray>
#include <QDataStream>
#include <QJsonValue>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using Gantry::Catalog::Problem;
using Gantry::Catalog::YamlTree;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    std::vector<Problem> problems;
    const auto tree = YamlTree::parse(bytes, QStringLiteral("fuzz.yaml"), &problems);
    for (const auto &p : problems) {
        if (p.location.line < 1 || p.location.column < 1) {
            std::abort(); // every parse problem points at a place in the file
        }
    }
    std::vector<QJsonValue> json;
    for (int i = 0; i < int(tree->documents().size()); ++i) {
        json.push_back(tree->documentRoot(i).toJson());
    }

    QByteArray serialized;
    {
        QDataStream out(&serialized, QIODevice::WriteOnly);
        tree->serialize(out);
    }
    QBuffer buffer(&serialized);
    buffer.open(QIODevice::ReadOnly);
    QDataStream in(&buffer);
    const auto copy = YamlTree::deserialize(in);
    if (!copy || copy->documents().size() != tree->documents().size()) {
        std::abort();
    }
    for (int i = 0; i < int(json.size()); ++i) {
        if (copy->documentRoot(i).toJson() != json[size_t(i)]) {
            std::abort();
        }
    }
    return 0;
}
