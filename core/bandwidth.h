// SPDX-License-Identifier: MIT
#pragma once
// Memory and link bandwidth formulas (seed document, corrected per shared/data/hardware.md).
// Inline: the estimator evaluates them for every estimate, the sweep for every build.

#include "hardware.h"
#include "numeric.h"
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

// min(BW_RAM, BW_CPU), or BW_RAM alone for monolithic dies; unified-memory parts
// with a published figure use the smaller of that and BW_RAM.
inline units::ByteRate systemBandwidth(const Cpu &cpu, const MemoryConfig &memory) {
    const units::ByteRate ram = ramSideBandwidth(memory.channels, memory.speed);
    if (cpu.unifiedBandwidth && finitePositive(cpu.unifiedBandwidth->value()))
        return std::min(ram, *cpu.unifiedBandwidth);
    if (cpu.ccds > 0 && finitePositive(cpu.fabricClock.value()))
        return std::min(ram, cpuSideBandwidth(cpu));
    return ram;
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
