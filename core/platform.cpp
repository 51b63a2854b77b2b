// SPDX-License-Identifier: MIT
#include "platform.h"

#include "memory.h"
#include "numeric.h"
#include "text.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace llm {

namespace {

// The widest GPU slot: what "x16" in x16_slots means.
constexpr int kFullLanes = 16;

} // namespace

const PlatformRule *PlatformRules::find(const Cpu &cpu) const {
    const PlatformRule *anyChannels = nullptr;
    const PlatformRule *anySocket = nullptr;
    for (const PlatformRule &r : rules) {
        if (r.socket == kAnySocket) {
            if (!anySocket)
                anySocket = &r;
            continue;
        }
        if (!equalsIgnoringCase(r.socket, cpu.socket))
            continue;
        if (r.cpuMemoryChannels == cpu.memoryChannels)
            return &r;
        if (r.cpuMemoryChannels == 0 && !anyChannels)
            anyChannels = &r;
    }
    return anyChannels ? anyChannels : anySocket;
}

int gpuLanes(const PlatformRule &rule, const Cpu &cpu) {
    if (rule.gpuLanes <= 0)
        return std::max(0, cpu.pcieLanes);
    return cpu.pcieLanes > 0 ? std::min(rule.gpuLanes, cpu.pcieLanes) : rule.gpuLanes;
}

int maxGpus(const PlatformRule &rule, const Cpu &cpu) {
    int most = std::numeric_limits<int>::max();
    const int slots = std::max(0, rule.x16Slots) + std::max(0, rule.x8Slots);
    if (slots > 0)
        most = slots;
    const int lanes = gpuLanes(rule, cpu);
    if (lanes > 0 && rule.minLanesPerGpu > 0)
        most = std::min(most, lanes / rule.minLanesPerGpu);
    return most;
}

int lanesPerGpu(const PlatformRule &rule, const Cpu &cpu, int count) {
    if (count <= 0 || count > maxGpus(rule, cpu))
        return 0;
    const int lanes = gpuLanes(rule, cpu);
    const bool slotsFull = rule.x16Slots + rule.x8Slots <= 0 || count <= rule.x16Slots;
    if (slotsFull && lanes > 0 && static_cast<long long>(count) * kFullLanes <= lanes)
        return kFullLanes;
    return std::max(0, rule.minLanesPerGpu);
}

bool takesGpu(const PlatformRule &rule, const Gpu &gpu) {
    if (gpu.integrated || equalsIgnoringCase(gpu.formFactor, "integrated"))
        return false;
    if (gpu.formFactor.empty() || rule.gpuFormFactors.empty())
        return true;
    return std::any_of(rule.gpuFormFactors.begin(), rule.gpuFormFactors.end(),
                       [&](const std::string &f) { return equalsIgnoringCase(f, gpu.formFactor); });
}

bool buyable(const Cpu &cpu, bool includeUsed) {
    return includeUsed || cpu.soldNew;
}

bool buyable(const Gpu &gpu, bool includeUsed) {
    return includeUsed || gpu.soldNew;
}

units::Bytes systemRamToLoad(const ModelChoice &model, const Assumptions &a) {
    const units::Bytes file = weightBytes(model);
    const units::Bytes floor =
        finitePositive(a.minimumSystemRam.value()) ? a.minimumSystemRam : units::bytes(0);
    return finitePositive(file.value()) ? std::max(file, floor) : floor;
}

units::Bytes MemoryPopulation::capacity() const {
    return static_cast<double>(channels * dimmsPerChannel) * moduleSize;
}

std::vector<units::TransferRate> platformSpeeds(const Catalog &catalog, const PlatformRule &rule,
                                                const Cpu &cpu, int dimmsPerChannel) {
    std::vector<units::TransferRate> speeds = supportedSpeeds(catalog, cpu);
    // The CPU's rating is a speed it runs at, whether or not the catalogue lists the grade.
    const units::TransferRate rated = cpu.maxMemorySpeed;
    if (finitePositive(rated.value()) &&
        std::none_of(speeds.begin(), speeds.end(), [&](units::TransferRate s) {
            return std::abs(units::inMegatransfersPerSecond(s) -
                            units::inMegatransfersPerSecond(rated)) < 0.5;
        })) {
        speeds.push_back(rated);
        std::sort(speeds.begin(), speeds.end());
    }
    if (dimmsPerChannel < 2 || !finitePositive(rule.maxSpeedTwoDpc.value()))
        return speeds;
    const units::TransferRate cap = rule.maxSpeedTwoDpc;
    std::erase_if(speeds, [&](units::TransferRate s) { return s > cap; });
    if (speeds.empty())
        speeds.push_back(cap);
    return speeds;
}

std::vector<Filling> fillings(const PlatformRule &rule, units::Bytes perChannel) {
    std::vector<Filling> out;
    const double gb = units::inGigabytes(perChannel);
    if (!finitePositive(gb))
        return out;
    for (int dpc = 1; dpc <= std::max(1, rule.dimmsPerChannel); ++dpc)
        for (const units::Bytes &size : rule.moduleSizes)
            if (std::abs(gb - dpc * units::inGigabytes(size)) <= 1e-6 * gb)
                out.push_back(Filling{dpc, size});
    return out;
}

std::vector<units::Bytes> channelCapacities(const PlatformRule &rule) {
    std::vector<units::Bytes> out;
    for (int dpc = 1; dpc <= std::max(1, rule.dimmsPerChannel); ++dpc)
        for (const units::Bytes &size : rule.moduleSizes)
            out.push_back(static_cast<double>(dpc) * size);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end(),
                          [](units::Bytes a, units::Bytes b) {
                              return std::abs(units::inGigabytes(a) - units::inGigabytes(b)) <
                                     1e-6 * units::inGigabytes(a);
                          }),
              out.end());
    return out;
}

units::Bytes capacityLimit(const PlatformRule &rule, const Cpu &cpu) {
    const bool ruleKnown = finitePositive(rule.maxCapacity.value());
    const bool cpuKnown = finitePositive(cpu.maxMemory.value());
    if (ruleKnown && cpuKnown)
        return std::min(rule.maxCapacity, cpu.maxMemory);
    return ruleKnown ? rule.maxCapacity : cpu.maxMemory;
}

} // namespace llm
