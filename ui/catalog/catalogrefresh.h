// SPDX-License-Identifier: MIT
#pragma once
// After the catalogue changed (an edit in the catalogue editor): the
// comparison's parts looked up again by name, so builds see new prices and
// figures. A part that is no longer in the catalogue keeps its old figures and
// is named in `problems`.

#include "comparison/comparisonstate.h"

#include <QStringList>

namespace llm::ui {

// `before`: the catalogue the state was built on (a part that was never in it,
// such as a scenario file's own quantization, is left alone).
ComparisonState resolveAgain(const Catalog &before, const Catalog &catalog,
                             const ComparisonState &state, QStringList *problems);

} // namespace llm::ui
