// SPDX-License-Identifier: MIT
#pragma once
// Which of the user's overrides stand behind one build's figures: the
// efficiency factors of the build's hardware class, the use-case thresholds,
// the electricity tariff. Tables, the use-case matrix and the report mark the
// figures these touch.

#include "assumptions.h"
#include "estimate.h"

#include <QString>

namespace llm::ui {

struct OverrideFlags {
    bool efficiency = false; // the factors of this build's hardware class were overridden
    bool thresholds = false; // a use-case threshold differs from the baseline
    bool tariff = false;     // the electricity tariff differs from the baseline

    bool speeds() const { return efficiency; }
    bool verdicts() const { return efficiency || thresholds; }
    bool electricity() const { return efficiency || tariff; }
};

OverrideFlags overridesFor(const Estimate &estimate, const Assumptions &current,
                           const Assumptions &baseline);

// One sentence naming the overrides, for tooltips and the report ("Uses your
// overridden efficiency factors for cpu-zen5 and your thresholds.").
QString describeOverrides(const OverrideFlags &flags, const Estimate &estimate);

} // namespace llm::ui
