// SPDX-License-Identifier: MIT
#include "platform.h"

#include "memory.h"
#include "numeric.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace llm {

namespace {

bool sameText(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

constexpr int kMinLanesPerGpu = 8;
constexpr int kFullLanes = 16;

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

} // namespace

const PlatformRule *PlatformRules::find(const Cpu &cpu) const {
    const PlatformRule *anyChannels = nullptr;
    for (const PlatformRule &r : rules) {
        if (!sameText(r.socket, cpu.socket))
            continue;
        if (r.cpuMemoryChannels == cpu.memoryChannels)
            return &r;
        if (r.cpuMemoryChannels == 0 && !anyChannels)
            anyChannels = &r;
    }
    return anyChannels;
}

int gpuLanes(const PlatformRule &rule, const Cpu &cpu) {
    int lanes = std::max(0, rule.gpuLanes);
    if (cpu.pcieLanes > 0)
        lanes = std::min(lanes, cpu.pcieLanes);
    return lanes;
}

int maxGpus(const PlatformRule &rule, const Cpu &cpu) {
    const int slots = std::max(0, rule.x16Slots) + std::max(0, rule.x8Slots);
    return std::min(slots, gpuLanes(rule, cpu) / kMinLanesPerGpu);
}

int lanesPerGpu(const PlatformRule &rule, const Cpu &cpu, int count) {
    if (count <= 0 || count > maxGpus(rule, cpu))
        return 0;
    const bool allFull = count <= rule.x16Slots && count * kFullLanes <= gpuLanes(rule, cpu);
    return allFull ? kFullLanes : kMinLanesPerGpu;
}

bool takesGpu(const PlatformRule &rule, const Gpu &gpu) {
    if (gpu.integrated || sameText(gpu.formFactor, "integrated"))
        return false;
    if (gpu.formFactor.empty() || rule.gpuFormFactors.empty())
        return true;
    return std::any_of(rule.gpuFormFactors.begin(), rule.gpuFormFactors.end(),
                       [&](const std::string &f) { return sameText(f, gpu.formFactor); });
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
    if (dimmsPerChannel < 2 || !finitePositive(rule.maxSpeedTwoDpc.value()))
        return speeds;
    const units::TransferRate cap = rule.maxSpeedTwoDpc;
    std::erase_if(speeds, [&](units::TransferRate s) { return s > cap; });
    if (speeds.empty())
        speeds.push_back(cap);
    return speeds;
}

units::Bytes capacityLimit(const PlatformRule &rule, const Cpu &cpu) {
    const bool ruleKnown = finitePositive(rule.maxCapacity.value());
    const bool cpuKnown = finitePositive(cpu.maxMemory.value());
    if (ruleKnown && cpuKnown)
        return std::min(rule.maxCapacity, cpu.maxMemory);
    return ruleKnown ? rule.maxCapacity : cpu.maxMemory;
}

std::vector<PlatformProblem> checkPlatform(const PlatformRules &rules, const Build &build,
                                           units::Power powerAtLoad) {
    std::vector<PlatformProblem> out;
    const PlatformRule *rule = rules.find(build.cpu);
    if (!rule) {
        out.push_back({"cpu.socket", "no platform rule for socket \"" + build.cpu.socket + "\""});
        return out;
    }
    if (build.memory.channels > rule->memoryChannels)
        out.push_back({"memory.channels", std::to_string(build.memory.channels) + " channels; " +
                                              rule->platform + " wires " +
                                              std::to_string(rule->memoryChannels)});
    const units::Bytes limit = capacityLimit(*rule, build.cpu);
    if (finitePositive(limit.value()) && build.memory.capacity > limit * (1 + 1e-9))
        out.push_back({"memory.capacity", num(units::inGigabytes(build.memory.capacity)) + " GB; " +
                                              rule->platform + " takes at most " +
                                              num(units::inGigabytes(limit)) + " GB"});
    const int gpus = gpuCount(build);
    if (gpus > 0 && gpus > maxGpus(*rule, build.cpu))
        out.push_back({"gpus.count", std::to_string(gpus) + " GPUs; " + rule->platform +
                                         " takes at most " +
                                         std::to_string(maxGpus(*rule, build.cpu)) + " (" +
                                         std::to_string(gpuLanes(*rule, build.cpu)) +
                                         " lanes, x8 each at least)"});
    if (finitePositive(rule->psuLimit.value()) && powerAtLoad > rule->psuLimit)
        out.push_back({"power", num(units::inWatts(powerAtLoad)) + " W at load; " + rule->platform +
                                    " power supplies go up to " +
                                    num(units::inWatts(rule->psuLimit)) + " W"});
    return out;
}

} // namespace llm
