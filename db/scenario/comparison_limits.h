// SPDX-License-Identifier: MIT
#pragma once
// How much one comparison may hold when people read it: in the window, in its
// PDF report and in `llmadvisor-cli report`. `estimate` and `validate` have no
// such limit (machine-readable output; 10,000 builds take about 1.6 s).
//
// Why these numbers: the window already lets a user build at most 12 builds
// (Add, Duplicate, presets and Find builds stop there), its charts have ten
// colours and a bar per build, and a procurement meeting compares a short
// list. A file with more builds would open into a state the window cannot
// otherwise reach and a report nobody reads (1,000 builds: 582 pages). Names
// are shown in table cells, chart labels and the report's header lines; 200
// characters is several lines of a cell, far beyond any product name.

#include "scenario.h"

#include <QByteArray>

#include <optional>

namespace llm::scenario {

inline constexpr int kMaxComparisonBuilds = 12;
inline constexpr int kMaxComparisonUseCases = 12;
inline constexpr int kMaxNameLength = 200;
// Free text (`notes`, a use case's `description`, a part's `source`).
inline constexpr int kMaxTextLength = 2000;

// Checks the raw file before it is parsed, so an oversized comparison is
// refused at once (no catalogue lookups, no estimates): more builds or use
// cases than above, or a text value longer than its limit (every string value
// of the file counts, under its JSON path; `_` comments are skipped). Returns
// nothing for a file within the limits, and also for one that is not valid
// JSON at all: parseScenario names that problem better.
std::optional<ScenarioError> checkComparisonLimits(const QByteArray &json);

// The same limits for a comparison already in memory (builds, use cases and
// the names in it), for callers that did not read it from a file.
std::optional<ScenarioError> checkComparisonLimits(const Scenario &scenario);

} // namespace llm::scenario
