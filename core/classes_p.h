// SPDX-License-Identifier: MIT
#pragma once
// Internal: hardware-class names written into a caller's string, so the hot
// path reuses one buffer instead of allocating a new string per call.

#include "assumptions.h"
#include "estimate.h"
#include "hardware.h"

#include <cstring>
#include <string>
#include <string_view>

namespace llm::detail {

// a == b for the short texts of the hot path: ids and class keys of a few
// characters are compared inline (a memcmp call costs more than they do), longer
// texts with memcmp.
inline bool sameText(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size())
        return false;
    if (n > 8)
        return std::memcmp(a.data(), b.data(), n) == 0;
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i])
            return false;
    return true;
}

void hardwareClassInto(std::string &out, const Cpu &cpu);
// `integrated` overrides gpu.integrated (a build's iGPU is integrated whatever its row says).
void hardwareClassInto(std::string &out, const Gpu &gpu, bool integrated);
void hardwareClassInto(std::string &out, const Build &build, Placement placement);
// The same into an estimate's own field (no heap for names up to its capacity).
void hardwareClassInto(decltype(Estimate::hardwareClass) &out, const Build &build,
                       Placement placement);

} // namespace llm::detail
