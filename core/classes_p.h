// SPDX-License-Identifier: MIT
#pragma once
// Internal: hardware-class names written into a caller's string, so the hot
// path reuses one buffer instead of allocating a new string per call.

#include "assumptions.h"
#include "estimate.h"
#include "hardware.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace llm::detail {

// a == b for the short texts of the hot path (use-case ids and descriptions,
// class keys), eight bytes at a time inline: a memcmp call costs more than the
// comparison for texts of a few dozen characters; longer ones go to memcmp.
inline bool sameText(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size())
        return false;
    const char *p = a.data();
    const char *q = b.data();
    if (n > 128)
        return std::memcmp(p, q, n) == 0;
    const auto word = [](const char *s) {
        std::uint64_t w = 0;
        std::memcpy(&w, s, sizeof w);
        return w;
    };
    if (n >= 8) {
        // Whole words, then the last eight bytes (overlapping the word before).
        for (std::size_t i = 0; i + 8 < n; i += 8)
            if (word(p + i) != word(q + i))
                return false;
        return word(p + n - 8) == word(q + n - 8);
    }
    for (std::size_t i = 0; i < n; ++i)
        if (p[i] != q[i])
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
