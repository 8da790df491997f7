#pragma once

#include <QString>

namespace Gantry::Catalog {

// Where something was read from: a file and a 1-based line and column (0 when unknown).
struct SourceLocation
{
    QString file;
    int line = 0;
    int column = 0;

    bool operator==(const SourceLocation &) const = default;
};

// One error or warning found while loading a catalog. Always names the place and says what to do.
struct Problem
{
    enum class Severity : quint8 { Error, Warning };

    Severity severity = Severity::Error;
    SourceLocation location;
    QString message;
    QString entityRef; // canonical ref of the entity it concerns, if any

    bool isError() const { return severity == Severity::Error; }
    // "FILE:LINE:COL: error: MESSAGE", the compiler-style form the command line prints.
    QString toCompilerString() const;
};

} // namespace Gantry::Catalog
