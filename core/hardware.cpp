// SPDX-License-Identifier: MIT
#include "hardware.h"

#include <algorithm>
#include <limits>
#include <string_view>

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

namespace {
char lowerAscii(char ch) {
    return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
}
bool startsWithIgnoringCase(std::string_view s, std::string_view lowerPrefix) {
    if (s.size() < lowerPrefix.size())
        return false;
    for (std::size_t i = 0; i < lowerPrefix.size(); ++i)
        if (lowerAscii(s[i]) != lowerPrefix[i])
            return false;
    return true;
}
} // namespace

units::FlopRate usableMatrixPeak(const Gpu &gpu) {
    if (!startsWithIgnoringCase(gpu.vendor, "amd"))
        return gpu.fp16Tensor;
    const std::string_view arch = gpu.architecture;
    if (startsWithIgnoringCase(arch, "rdna4"))
        return 0.25 * gpu.fp16Tensor;
    if (startsWithIgnoringCase(arch, "rdna3")) // rdna3 and rdna3.5
        return 0.5 * gpu.fp16Tensor;
    return gpu.fp16Tensor;
}

} // namespace llm
