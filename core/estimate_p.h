// SPDX-License-Identifier: MIT
#pragma once
// Internal: arithmetic that estimate.cpp and its prepared twin fastestimate.cpp
// must share exactly, kept in one place so the two cannot drift apart (the
// placement kernel itself is core/placement_p.h).

#include "hardware.h"
#include "numeric.h"
#include "units.h"

namespace llm::detail {

// Peak FLOP/s of a CPU: cores x FLOP per cycle of its SIMD datapath x clock.
units::FlopRate cpuPeak(const Cpu &cpu);

} // namespace llm::detail
