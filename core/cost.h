// SPDX-License-Identifier: MIT
#pragma once
// Price, power and energy of a build, and what follows from them.

#include "assumptions.h"
#include "hardware.h"
#include "units.h"

#include <optional>

namespace llm {

struct CostSummary {
    // The build's quote when it has one; else empty when a part has no price:
    // never priced at zero.
    std::optional<double> priceEur;
    units::Power powerAtLoad{};      // CPU TDP + GPU TDPs + platform
    std::optional<double> eurPerTokenPerSecond;  // price / generation tok/s
    units::EnergyPerToken energyPerToken{};      // power / generation rate
    double electricityEurPerMillionTokens = 0;
};

CostSummary costOf(const Build &build, units::TokenRate generationRate, const Assumptions &assumptions);

} // namespace llm
