// SPDX-License-Identifier: MIT
#include "hardware.h"

namespace llm {

int gpuCount(const Build &build) {
    int n = 0;
    for (const GpuGroup &g : build.gpus)
        n += g.count > 0 ? g.count : 0;
    return n;
}

units::Bytes totalVram(const Build &build) {
    units::Bytes sum = units::bytes(0);
    for (const GpuGroup &g : build.gpus)
        if (g.count > 0)
            sum += static_cast<double>(g.count) * g.gpu.vram;
    return sum;
}

} // namespace llm
