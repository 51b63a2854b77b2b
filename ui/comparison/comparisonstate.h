// SPDX-License-Identifier: MIT
#pragma once
// Everything the user edits in one comparison, as plain core values. The
// window, the undo stack and the report all work on copies of this value.

#include "assumptions.h"
#include "catalog.h"
#include "cost.h"
#include "estimate.h"
#include "hardware.h"
#include "model.h"
#include "validation.h"
#include "workload.h"

#include <vector>

namespace llm::ui {

// What the meeting the comparison is for puts on the report's first page; all
// free text, all optional (an empty title falls back to the model's name).
struct MeetingNotes {
    std::string title;
    std::string purpose;
    std::string decision; // the decision taken, or the notes of the discussion
    std::string attendees;
    bool operator==(const MeetingNotes &) const = default;
};

struct ComparisonState {
    MeetingNotes meeting;
    std::vector<Build> builds;
    ModelChoice model;
    std::vector<UseCase> useCases; // UC1-UC4 and the user's own
    // Context window to plan memory for (0: each use case's own); see Workload.
    units::Tokens reservedContext{};
    Assumptions assumptions;
};

// What the estimator said about one build, kept together for the views.
struct BuildResult {
    Estimate estimate;
    CostSummary cost;
    std::vector<Problem> problems; // from checkBuild; empty when the build is feasible
    bool computed = false;         // false when the estimator threw or the build was refused
};

// A build from one of the catalogue's presets (CPU, memory and GPUs looked up by name).
// Returns false (and leaves `out` alone) when a part is missing from the catalogue.
bool buildFromPreset(const Catalog &catalog, const Preset &preset, Build &out);

// The state the window opens on: the catalogue's presets, its first model at Q4_K_M
// (or the first quantization) and the seed's four use cases.
ComparisonState defaultState(const Catalog &catalog, const Assumptions &baseline = Assumptions{});

// An empty build on the catalogue's first desktop CPU at its rated speed and all channels.
Build emptyBuild(const Catalog &catalog, const std::string &name);

// Runs the estimator over every build, each checked with checkBuild against the
// catalogue's speed grades and the platform rules (pure function: no Qt, no globals).
std::vector<BuildResult> computeResults(const ComparisonState &state, const Catalog &catalog,
                                        const PlatformRules &rules);

// Estimates for each build with the model replaced by a dense one of the given
// size (same architecture, same quantization): used by the size chart.
std::vector<std::vector<double>> generationRateBySize(const ComparisonState &state,
                                                      const std::vector<double> &sizesGb);

// Structural equality of the parts a user can edit (used after save/open and undo).
bool sameBuild(const Build &a, const Build &b);
bool sameState(const ComparisonState &a, const ComparisonState &b);

} // namespace llm::ui
