// SPDX-License-Identifier: MIT
#pragma once
// Everything an estimate is computed against, apart from the comparison itself:
// the catalogue (the user's or the built-in one), the calibrated assumptions,
// the platform rules and the published measurements shown beside estimates.
// A program's main() — the one composition root — loads it once and passes it
// down; ui/ reads it and never loads any of it by itself.

#include "assumptions.h"
#include "calibration.h"
#include "catalog.h"
#include "platform.h"

#include <QStringList>

#include <vector>

namespace llm::db {

struct ReferenceData {
    Catalog catalog;
    // The assumptions a new comparison starts from: the shipped, calibrated
    // efficiency factors, recalibrated with the user's own measurements if any.
    Assumptions baseline;
    PlatformRules rules;                   // which parts go together (empty: unchecked)
    std::vector<Measurement> measurements; // published measurements of catalogue parts
    // The user's own llama-bench measurements (`measurements import`, or a file
    // dropped on the window): shown first beside the estimates they match, and
    // part of the baseline's calibration.
    std::vector<Measurement> own;
    // The shipped calibration before the user's rows: what the baseline returns
    // to when their rows change (import, removal).
    Assumptions shippedBaseline;

    // The rules, or nullptr when none could be read (checks are then skipped).
    const PlatformRules *rulesOrNull() const { return rules.rules.empty() ? nullptr : &rules; }
};

// The shipped assumptions, platform rules and measurements for `catalog`. A part
// that cannot be read is left empty (or at the uncalibrated defaults) and one
// plain sentence saying so is appended to *problems; the rest still loads.
ReferenceData loadReferenceData(Catalog catalog, QStringList *problems = nullptr);
// The same with the user's own measurements (see ownMeasurements()); the
// baseline is recalibrated with them, dated `today` (YYYY-MM-DD).
ReferenceData loadReferenceData(Catalog catalog, std::vector<Measurement> own,
                                const std::string &today, QStringList *problems = nullptr);

// The shipped calibration recalibrated with `own` (unchanged when there are none).
Assumptions calibratedWith(const Assumptions &shipped, const std::vector<Measurement> &own,
                           const std::string &today);

} // namespace llm::db
