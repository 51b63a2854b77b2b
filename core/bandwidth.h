// SPDX-License-Identifier: MIT
#pragma once
// Memory and link bandwidth formulas (seed document, corrected per shared/data/hardware.md).
// Inline: the estimator evaluates them for every estimate, the sweep for every build.

#include "hardware.h"
#include "numeric.h"
#include "text.h"
#include "units.h"

#include <algorithm>

namespace llm {

namespace detail {
// One 64-bit channel moves 8 bytes per transfer (seed formula).
inline const units::BytesPerTransfer kBytesPerChannelTransfer = units::bytesPerTransfer(8);
// One Infinity Fabric link moves 32 bytes per FCLK cycle (seed formula).
inline const units::Bytes kBytesPerFabricCycle = units::bytes(32);
// PCIe 3.0: 8 GT/s with 128b/130b encoding = 0.985 GB/s per lane and direction.
inline const double kPcieGen3GbPerLane = 0.985;
} // namespace detail

// BW_RAM = channels x 8 B x MT/s
inline units::ByteRate ramSideBandwidth(int channels, units::TransferRate speed) {
    if (channels <= 0 || !finitePositive(speed.value()))
        return units::gigabytesPerSecond(0);
    return static_cast<double>(channels) * detail::kBytesPerChannelTransfer * speed;
}

// BW_CPU = CCDs x 32 B x links per CCD x FCLK; zero when ccds == 0 (no fabric term)
inline units::ByteRate cpuSideBandwidth(const Cpu &cpu) {
    if (cpu.ccds <= 0 || !finitePositive(cpu.fabricClock.value()))
        return units::gigabytesPerSecond(0);
    const int links = std::max(1, cpu.fabricLinksPerCcd);
    return static_cast<double>(cpu.ccds * links) * detail::kBytesPerFabricCycle * cpu.fabricClock;
}

// What the CPU cores of an Apple M-series SoC read at most, whatever the
// package's published figure: that figure is the GPU's. AnandTech's M1 Max
// review (https://www.anandtech.com/show/17024/apple-m1-max-performance-review/2,
// "Huge Memory Bandwidth, but not for every Block") found that the CPU clusters
// cannot draw the package's 400 GB/s; 240 GB/s is the multi-core figure as we
// recall it from that page (not re-read). The published CPU-only llama.cpp runs
// agree that the reach does not grow with the package: an M2 Max reads about
// 120 GB/s, an M1 Ultra (800 GB/s on paper) about 75 GB/s (measurements.csv
// IK164, PC-97..100, LS-312). The fitted efficiency of cpu-prior-apple-soc
// carries the scale; this ceiling gives the shape.
inline units::ByteRate appleCpuReach() {
    return units::gigabytesPerSecond(240);
}

// Ceiling of what the CPU cores alone read beyond systemBandwidth(): Apple's
// SoCs only (zero = none). A CPU-only placement reads at most this; the
// integrated GPU of the same package is not bound by it.
inline units::ByteRate cpuCoresReach(const Cpu &cpu) {
    if (cpu.unifiedBandwidth && equalsIgnoringCase(cpu.vendor, "Apple"))
        return appleCpuReach();
    return units::gigabytesPerSecond(0);
}

// The memory side of a read, before any CPU fabric: BW_RAM, or the smaller of
// that and the published figure of a unified-memory part. An integrated GPU
// reads at this rate; CPU cores behind CCD links read at most systemBandwidth().
inline units::ByteRate memorySideBandwidth(const Cpu &cpu, units::ByteRate ram) {
    if (cpu.unifiedBandwidth && finitePositive(cpu.unifiedBandwidth->value()))
        return std::min(ram, *cpu.unifiedBandwidth);
    return ram;
}
inline units::ByteRate memorySideBandwidth(const Cpu &cpu, const MemoryConfig &memory) {
    return memorySideBandwidth(cpu, ramSideBandwidth(memory.channels, memory.speed));
}

// min(memory side, BW_CPU), or the memory side alone for monolithic dies.
inline units::ByteRate systemBandwidth(const Cpu &cpu, const MemoryConfig &memory) {
    const units::ByteRate side = memorySideBandwidth(cpu, memory);
    if (cpu.ccds > 0 && finitePositive(cpu.fabricClock.value()))
        return std::min(side, cpuSideBandwidth(cpu));
    return side;
}

// One direction of a PCIe link: gen 3 = 0.985 GB/s per lane, doubling each generation.
inline units::ByteRate pcieBandwidth(int generation, int lanes) {
    if (generation <= 0 || lanes <= 0)
        return units::gigabytesPerSecond(0);
    // Gen 1 and 2 used 8b/10b encoding (0.25 and 0.5 GB/s per lane); from gen 3 on
    // the rate doubles each generation, which the same doubling from 0.985 approximates.
    // 2^(gen - 3) from a table: the same exact powers of two as std::ldexp, without
    // a libm call in the recommend sweep's inner loop (it was ~8 % of its time).
    static constexpr double kPowerOfTwo[8] = {0.25, 0.5, 1, 2, 4, 8, 16, 32};
    const double perLane =
        detail::kPcieGen3GbPerLane * kPowerOfTwo[std::clamp(generation, 1, 8) - 1];
    return units::gigabytesPerSecond(perLane * lanes);
}

} // namespace llm
