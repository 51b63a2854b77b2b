// SPDX-License-Identifier: MIT
#include "validation.h"

#include "numeric.h"

#include <cmath>
#include <cstdio>

namespace llm {

namespace {

std::string num(double v, int decimals = 0) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::isfinite(v) ? v : 0.0);
    return buf;
}

std::string cpuName(const Cpu &cpu) {
    return cpu.name.empty() ? std::string("the CPU") : cpu.name;
}

void checkCpu(const Cpu &cpu, std::vector<Problem> &out) {
    if (cpu.cores <= 0)
        out.push_back(
            {"cpu.cores", "core count must be positive (got " + std::to_string(cpu.cores) + ")"});
    if (!finitePositive(cpu.boostClock.value()) && !finitePositive(cpu.baseClock.value()))
        out.push_back({"cpu.boostClock", "a positive clock is needed"});
    if (cpu.memoryChannels <= 0)
        out.push_back({"cpu.memoryChannels", "memory channel count must be positive (got " +
                                                 std::to_string(cpu.memoryChannels) + ")"});
    if (cpu.ccds < 0)
        out.push_back({"cpu.ccds", "CCD count cannot be negative"});
    // Unified-memory parts (Strix Halo) have CCDs but no published FCLK; the
    // estimator uses their platform bandwidth instead of the fabric term.
    if (cpu.ccds > 0 && !cpu.unifiedBandwidth && !finitePositive(cpu.fabricClock.value()))
        out.push_back({"cpu.fabricClock",
                       "a chiplet CPU needs a positive fabric clock (FCLK) for its bandwidth"});
    if (cpu.fabricLinksPerCcd < 1)
        out.push_back({"cpu.fabricLinksPerCcd", "at least one fabric link per CCD"});
    if (cpu.unifiedBandwidth && !finitePositive(cpu.unifiedBandwidth->value()))
        out.push_back({"cpu.unifiedBandwidth", "unified-memory bandwidth must be positive"});
}

void checkMemory(const Cpu &cpu, const MemoryConfig &m, std::vector<Problem> &out) {
    if (m.channels <= 0)
        out.push_back({"memory.channels",
                       std::to_string(m.channels) + " channels requested; at least 1 is needed"});
    else if (cpu.memoryChannels > 0 && m.channels > cpu.memoryChannels)
        out.push_back({"memory.channels", std::to_string(m.channels) + " channels requested; " +
                                              cpuName(cpu) + " has " +
                                              std::to_string(cpu.memoryChannels)});

    const double mts = units::inMegatransfersPerSecond(m.speed);
    const double rated = units::inMegatransfersPerSecond(cpu.maxMemorySpeed);
    if (!finitePositive(mts))
        out.push_back(
            {"memory.speed", "memory speed must be positive (got " + num(mts) + " MT/s)"});
    else if (finitePositive(rated) && mts > rated + 0.5)
        out.push_back({"memory.speed", num(mts) + " MT/s requested; " + cpuName(cpu) +
                                           " is rated for " + num(rated) + " MT/s"});

    const double gb = units::inGigabytes(m.capacity);
    const double maxGb = units::inGigabytes(cpu.maxMemory);
    if (!finitePositive(gb))
        out.push_back(
            {"memory.capacity", "memory capacity must be positive (got " + num(gb) + " GB)"});
    else if (finitePositive(maxGb) && gb > maxGb * (1 + 1e-9))
        out.push_back({"memory.capacity", num(gb) + " GB requested; " + cpuName(cpu) +
                                              " takes at most " + num(maxGb) + " GB"});
}

void checkGpu(const Gpu &g, const std::string &field, std::vector<Problem> &out) {
    if (!g.integrated && !finitePositive(g.vram.value()))
        out.push_back({field + ".vram", "VRAM must be positive"});
    if (!finitePositive(g.bandwidth.value()))
        out.push_back({field + ".bandwidth", "memory bandwidth must be positive"});
    if (!std::isfinite(g.fp16Tensor.value()) || g.fp16Tensor.value() < 0)
        out.push_back({field + ".fp16Tensor", "FP16 throughput cannot be negative (0 = unknown)"});
    if (!g.integrated && (g.pcieLanes <= 0 || g.pcieGen <= 0))
        out.push_back(
            {field + ".pcieLanes", "a discrete GPU needs a PCIe link (lanes and generation)"});
}

} // namespace

std::vector<Problem> validateBuild(const Build &build) {
    std::vector<Problem> out;
    checkCpu(build.cpu, out);
    checkMemory(build.cpu, build.memory, out);

    // Each GPU takes at least eight lanes; count them as the groups add up.
    constexpr int kMinLanesPerGpu = 8;
    long long gpus = 0;
    bool lanesReported = false;
    for (std::size_t i = 0; i < build.gpus.size(); ++i) {
        const GpuGroup &g = build.gpus[i];
        const std::string field = "gpus[" + std::to_string(i) + "]";
        if (g.count < 1) {
            out.push_back({field + ".count",
                           "GPU count must be at least 1 (got " + std::to_string(g.count) + ")"});
            continue;
        }
        checkGpu(g.gpu, field, out);
        gpus += g.count;
        if (!lanesReported && build.cpu.pcieLanes > 0 &&
            gpus * kMinLanesPerGpu > build.cpu.pcieLanes) {
            lanesReported = true;
            out.push_back({field + ".count", std::to_string(gpus) + " GPUs need " +
                                                 std::to_string(gpus * kMinLanesPerGpu) +
                                                 " PCIe lanes at x8 each; " + cpuName(build.cpu) +
                                                 " has " + std::to_string(build.cpu.pcieLanes)});
        }
    }
    if (build.integratedGpu)
        checkGpu(*build.integratedGpu, "integratedGpu", out);
    if (!std::isfinite(build.unifiedGpuMemoryShare) || build.unifiedGpuMemoryShare <= 0 ||
        build.unifiedGpuMemoryShare > 1)
        out.push_back(
            {"unifiedGpuMemoryShare", "share of RAM for the integrated GPU must be in (0, 1]"});
    if (build.platformPriceUsd &&
        (!std::isfinite(*build.platformPriceUsd) || *build.platformPriceUsd < 0))
        out.push_back({"platformPriceUsd", "platform price cannot be negative"});
    return out;
}

} // namespace llm
