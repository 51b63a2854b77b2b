// SPDX-License-Identifier: MIT
#pragma once
// Internal: hardware-class names written into a caller's string, so the hot
// path reuses one buffer instead of allocating a new string per call.

#include "assumptions.h"
#include "estimate.h"
#include "hardware.h"

#include <string>

namespace llm::detail {

void hardwareClassInto(std::string &out, const Cpu &cpu);
// `integrated` overrides gpu.integrated (a build's iGPU is integrated whatever its row says).
void hardwareClassInto(std::string &out, const Gpu &gpu, bool integrated);
void hardwareClassInto(std::string &out, const Build &build, Placement placement);
// The same into an estimate's own field (no heap for names up to its capacity).
void hardwareClassInto(decltype(Estimate::hardwareClass) &out, const Build &build,
                       Placement placement);

} // namespace llm::detail
