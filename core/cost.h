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
    units::Power powerAtLoad{};                 // CPU TDP + GPU TDPs + platform
    std::optional<double> eurPerTokenPerSecond; // price / generation tok/s
    units::EnergyPerToken energyPerToken{};     // power / generation rate
    double electricityEurPerMillionTokens = 0;
};

// Mobile chips, Apple silicon and unified-memory APUs are sold as whole systems
// with soldered memory: the CPU row's price is the system's (memory and platform
// included), and there are no slots to populate. One test for the estimate's
// price and the recommender (vendor names compare without regard to case).
bool pricedAsSystem(const Cpu &cpu);
// Board, PSU, case and storage allowance (USD) by CPU family; 0 for systems.
double platformAllowanceUsd(const Cpu &cpu, const Assumptions &assumptions);

CostSummary costOf(const Build &build, units::TokenRate generationRate,
                   const Assumptions &assumptions);

} // namespace llm
