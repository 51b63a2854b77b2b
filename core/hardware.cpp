// SPDX-License-Identifier: MIT
#include "hardware.h"

#include <algorithm>
#include <cmath>
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

double boardPowerShare(const Gpu &gpu) {
    if (!startsWithIgnoringCase(gpu.vendor, "nvidia") || !(gpu.tdp.value() > 0) ||
        !(gpu.fp16Tensor.value() > 0))
        return 1.0;
    // Listed dense FP16 tensor TFLOPS per watt of board power of each
    // architecture's flagship (catalogue figures, vendor spec sheets). The x100
    // dies are their own architecture: another process and another kind of card.
    struct Reference {
        std::string_view prefix;
        double tflopsPerWatt;
    };
    static constexpr Reference kReferences[] = {
        {"ampere (ga100", 312.0 / 400.0},      // A100 SXM4: 312 TFLOPS, 400 W
        {"hopper", 989.5 / 700.0},             // H100 SXM5: 989.5 TFLOPS, 700 W
        {"blackwell (gb100", 2250.0 / 1000.0}, // B200: 2,250 TFLOPS, 1,000 W
        {"volta", 125.0 / 300.0},              // Tesla V100 SXM2: 125 TFLOPS, 300 W
        {"turing", 107.6 / 250.0},             // GeForce RTX 2080 Ti: 107.6 TFLOPS, 250 W
        {"ampere", 160.0 / 450.0},             // GeForce RTX 3090 Ti: 160 TFLOPS, 450 W
        {"ada", 330.3 / 450.0},                // GeForce RTX 4090: 330.3 TFLOPS, 450 W
        {"blackwell", 419.0 / 575.0},          // GeForce RTX 5090: 419 TFLOPS, 575 W
    };
    const double perWatt = inTeraflopsPerSecond(gpu.fp16Tensor) / inWatts(gpu.tdp);
    for (const Reference &r : kReferences)
        if (startsWithIgnoringCase(gpu.architecture, r.prefix))
            return perWatt > r.tflopsPerWatt ? std::sqrt(r.tflopsPerWatt / perWatt) : 1.0;
    return 1.0;
}

units::FlopRate usableMatrixPeak(const Gpu &gpu) {
    if (!startsWithIgnoringCase(gpu.vendor, "amd"))
        return boardPowerShare(gpu) * gpu.fp16Tensor;
    const std::string_view arch = gpu.architecture;
    if (startsWithIgnoringCase(arch, "rdna4"))
        return 0.25 * gpu.fp16Tensor;
    if (startsWithIgnoringCase(arch, "rdna3")) // rdna3 and rdna3.5
        return 0.5 * gpu.fp16Tensor;
    return gpu.fp16Tensor;
}

} // namespace llm
