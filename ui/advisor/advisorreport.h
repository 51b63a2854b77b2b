// SPDX-License-Identifier: MIT
#pragma once
// The report's "What if and headroom" section: per build, a compact what-if
// table and a headroom table (HTML for the report's QTextDocument).

#include "catalog.h"
#include "comparison/comparisonstate.h"

#include <QString>

namespace llm::ui {

// Uses the shipped platform rules for the what-if changes' platform checks.
QString whatIfReportHtml(const ComparisonState &state, const std::vector<BuildResult> &results,
                         const Catalog &catalog);

} // namespace llm::ui
