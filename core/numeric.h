// SPDX-License-Identifier: MIT
#pragma once
// Numeric guards shared by all of core. Catalogue rows and user input may hold
// zeros, negatives, NaN or infinity; formulas check with these before they
// divide or pass a figure on. One definition each, so every file means the
// same thing by "a usable figure".

#include <cmath>

namespace llm {

// A usable figure: finite and above zero.
inline bool finitePositive(double v) {
    return std::isfinite(v) && v > 0;
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
