#pragma once

#include "models/scaffold/expression.h"

#include <QJsonValue>
#include <QString>

#include <memory>
#include <vector>

namespace Gantry::Scaffold {

// One node of a parsed ${{ }} expression (shared by the parser and the evaluator).
struct Expression::Node
{
    enum class Kind { Literal, Name, Member, List, Dict, Unary, Binary, Conditional, Filter };
    Kind kind = Kind::Literal;
    QJsonValue literal;
    QString text; // name, operator, filter name
    std::vector<std::shared_ptr<const Node>> children;
};

} // namespace Gantry::Scaffold
