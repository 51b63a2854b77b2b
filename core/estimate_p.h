// SPDX-License-Identifier: MIT
#pragma once
// Internal: arithmetic that estimate.cpp and its prepared twin fastestimate.cpp
// must share exactly, kept in one place so the two cannot drift apart.

#include "hardware.h"
#include "units.h"

#include <cmath>

namespace llm::detail {

inline bool positive(double v) {
    return std::isfinite(v) && v > 0;
}

template <class Q> bool positive(Q q) {
    return positive(q.value());
}

// a / b for quantities, 0 when b is not a positive finite number (callers
// check runnability separately, so this only keeps NaN and inf out).
template <class A, class B> auto safeDiv(A a, B b) -> decltype(a / b) {
    using R = decltype(a / b);
    if (!positive(b) || !std::isfinite(a.value()))
        return R::from_value(0.0);
    return a / b;
}

// Peak FLOP/s of a CPU: cores x FLOP per cycle of its SIMD datapath x clock.
units::FlopRate cpuPeak(const Cpu &cpu);

} // namespace llm::detail
