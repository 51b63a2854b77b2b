// SPDX-License-Identifier: MIT
#include "hardware.h"

#include <algorithm>
#include <limits>

namespace llm {

int gpuCount(const Build &build) {
    // Saturating: absurd counts from user input must not overflow (and leave
    // room for "+ 1 host" in the estimator's device counts).
    constexpr long long kMax = std::numeric_limits<int>::max() / 2;
    long long n = 0;
    for (const GpuGroup &g : build.gpus)
        n = std::min(kMax, n + (g.count > 0 ? g.count : 0));
    return static_cast<int>(n);
}

units::Bytes totalVram(const Build &build) {
    units::Bytes sum = units::bytes(0);
    for (const GpuGroup &g : build.gpus)
        if (g.count > 0)
            sum += static_cast<double>(g.count) * g.gpu.vram;
    return sum;
}

} // namespace llm
