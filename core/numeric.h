// SPDX-License-Identifier: MIT
#pragma once
// Numeric guards shared by all of core. Catalogue rows and user input may hold
// zeros, negatives, NaN or infinity; formulas check with these before they
// divide or pass a figure on. One definition each, so every file means the
// same thing by "a usable figure".

#include <bit>
#include <cmath>
#include <cstdint>

namespace llm {

// A usable figure: finite and above zero (std::isfinite(v) && v > 0). Tested
// on the bits in one integer comparison: the positive finite doubles, from the
// smallest subnormal (bits 1) to the largest finite (0x7fef...f), are one run
// of unsigned bit patterns; zero, negatives, infinities and NaN lie outside it.
// The estimator tests a hundred figures per estimate this way.
inline bool finitePositive(double v) {
    return std::bit_cast<std::uint64_t>(v) - 1u < 0x7fefffffffffffffull;
}

// The same for a Boost.Units quantity (its value in base units).
template <class Q>
requires requires(const Q &q) {
    static_cast<double>(q.value());
}
bool finitePositive(const Q &q) {
    return finitePositive(static_cast<double>(q.value()));
}

// v when it is a usable figure, else 0: a missing or broken figure counts as none.
inline double positiveOrZero(double v) {
    return finitePositive(v) ? v : 0.0;
}

// a / b for quantities, 0 when b is not a usable figure or a is not finite:
// keeps NaN and inf out of results (callers check separately whether the thing
// divided can run at all).
template <class A, class B> auto safeDiv(A a, B b) -> decltype(a / b) {
    using R = decltype(a / b);
    if (!finitePositive(b) || !std::isfinite(a.value()))
        return R::from_value(0.0);
    return a / b;
}

} // namespace llm
