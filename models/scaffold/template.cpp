#include "models/scaffold/template.h"

#include <algorithm>

namespace Gantry::Scaffold {

int Template::errorCount() const
{
    return int(std::count_if(problems.begin(), problems.end(), [](const Catalog::Problem &p) { return p.isError(); }));
}

} // namespace Gantry::Scaffold
