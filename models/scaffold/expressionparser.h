#pragma once

#include "models/scaffold/expression.h"

#include <QString>

#include <memory>

namespace Gantry::Scaffold {

// Parses the text of one ${{ }} expression into nodes (see Expression for the language). A
// recursive-descent parser with a depth limit, so hostile input is refused, never a stack overflow.
class ExpressionParser final
{
public:
    static std::shared_ptr<const Expression::Node> parse(const QString &text, QString *error, int *errorOffset);
};

} // namespace Gantry::Scaffold
