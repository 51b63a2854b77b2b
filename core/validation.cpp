// SPDX-License-Identifier: MIT
#include "validation.h"

#include "cost.h"
#include "numeric.h"
#include "text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>

namespace llm {

namespace {

using namespace units;

std::string num(double v, int decimals = 0) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::isfinite(v) ? v : 0.0);
    return buf;
}

// "16", "24", "32.5": a size or speed without needless decimals.
std::string shortNum(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", std::isfinite(v) ? std::round(v * 100) / 100 : 0.0);
    return buf;
}

std::string cpuName(const Cpu &cpu) {
    return cpu.name.empty() ? std::string("the CPU") : cpu.name;
}

std::string gpuName(const Gpu &gpu) {
    return gpu.name.empty() ? std::string("this GPU") : gpu.name;
}

// "DDR5" of "DDR5 RDIMM": the standard the catalogue's speed grades are listed under.
std::string memoryStandard(const Cpu &cpu) {
    return cpu.memoryType.substr(0, cpu.memoryType.find(' '));
}

std::string upper(std::string s) {
    for (char &c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string formFactors(const PlatformRule &rule) {
    std::string out;
    for (std::size_t i = 0; i < rule.gpuFormFactors.size(); ++i)
        out += (i == 0                                ? ""
                : i + 1 == rule.gpuFormFactors.size() ? " or "
                                                      : ", ") +
               (equalsIgnoringCase(rule.gpuFormFactors[i], "pcie") ? std::string("PCIe")
                                                                   : upper(rule.gpuFormFactors[i]));
    return out;
}

bool sameSpeed(TransferRate a, TransferRate b) {
    return std::abs(inMegatransfersPerSecond(a) - inMegatransfersPerSecond(b)) < 0.5;
}

bool contains(const std::vector<TransferRate> &speeds, TransferRate s) {
    return std::any_of(speeds.begin(), speeds.end(),
                       [&](TransferRate x) { return sameSpeed(x, s); });
}

std::string list(const std::vector<double> &values) {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i == 0 ? "" : ", ") + shortNum(values[i]);
    return out;
}

// The catalogue's speed grades of the CPU's memory type, ascending (all of them, also
// those above the CPU's rating: the message lists what exists).
std::vector<double> gradesOf(const Catalog &catalog, const Cpu &cpu) {
    std::vector<double> out;
    const std::string standard = memoryStandard(cpu);
    for (const MemorySpeed &s : catalog.memorySpeeds)
        if (equalsIgnoringCase(s.standard, standard) &&
            finitePositive(inMegatransfersPerSecond(s.speed)))
            out.push_back(inMegatransfersPerSecond(s.speed));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void checkMemory(const Build &build, const Catalog &catalog, const PlatformRule &rule,
                 std::vector<Problem> &out) {
    const Cpu &cpu = build.cpu;
    const MemoryConfig &m = build.memory;
    bool sane = true;
    const auto problem = [&](const char *field, std::string message) {
        out.push_back({field, std::move(message)});
        sane = false;
    };

    if (m.channels <= 0)
        problem("memory.channels",
                std::to_string(m.channels) + " channels requested; at least 1 is needed");
    else if (cpu.memoryChannels > 0 && m.channels > cpu.memoryChannels)
        problem("memory.channels", std::to_string(m.channels) + " channels requested; " +
                                       cpuName(cpu) + " has " + std::to_string(cpu.memoryChannels));
    else if (rule.memoryChannels > 0 && m.channels > rule.memoryChannels)
        problem("memory.channels", std::to_string(m.channels) + " channels requested; " +
                                       rule.platform + " boards wire " +
                                       std::to_string(rule.memoryChannels));

    const double mts = inMegatransfersPerSecond(m.speed);
    const double rated = inMegatransfersPerSecond(cpu.maxMemorySpeed);
    const std::vector<double> grades = gradesOf(catalog, cpu);
    if (!finitePositive(mts))
        problem("memory.speed", "memory speed must be positive (got " + num(mts) + " MT/s)");
    else if (finitePositive(rated) && mts > rated + 0.5)
        problem("memory.speed", num(mts) + " MT/s requested; " + cpuName(cpu) + " is rated for " +
                                    num(rated) + " MT/s");
    else if (!grades.empty() && !contains(platformSpeeds(catalog, rule, cpu, 1), m.speed) &&
             !contains(platformSpeeds(catalog, rule, cpu, 2), m.speed))
        problem("memory.speed", num(mts) + " MT/s is not a " + memoryStandard(cpu) +
                                    " speed grade; known grades: " + list(grades));

    const double gb = inGigabytes(m.capacity);
    if (!finitePositive(gb)) {
        problem("memory.capacity", "memory capacity must be positive (got " + num(gb) + " GB)");
    } else if (finitePositive(inGigabytes(cpu.maxMemory)) &&
               gb > inGigabytes(cpu.maxMemory) * (1 + 1e-9)) {
        problem("memory.capacity", num(gb) + " GB requested; " + cpuName(cpu) + " takes at most " +
                                       num(inGigabytes(cpu.maxMemory)) + " GB");
    } else if (finitePositive(inGigabytes(rule.maxCapacity)) &&
               gb > inGigabytes(rule.maxCapacity) * (1 + 1e-9)) {
        problem("memory.capacity", num(gb) + " GB requested; " + rule.platform + " takes at most " +
                                       num(inGigabytes(rule.maxCapacity)) + " GB");
    }
    if (!sane)
        return;

    // How the slots are filled: the same DIMM size in every slot used, one or more DIMMs
    // per channel up to the boards' slots. The speeds allowed depend on how many.
    if (rule.moduleSizes.empty())
        return; // sizes not known: any capacity within the limits above
    const int slotsPerChannel = std::max(1, rule.dimmsPerChannel);
    const auto speedAllowed = [&](int dpc) {
        // No grades known for this memory type (an explicit CPU): any speed up to the
        // rating, and up to the two-DIMM cap with more than one DIMM per channel.
        if (grades.empty())
            return dpc < 2 || !finitePositive(rule.maxSpeedTwoDpc.value()) ||
                   m.speed <= rule.maxSpeedTwoDpc * (1 + 1e-9);
        return contains(platformSpeeds(catalog, rule, cpu, dpc), m.speed);
    };
    const double perChannel = gb / m.channels;
    const std::vector<Filling> ways = fillings(rule, gigabytes(perChannel));
    for (const Filling &f : ways)
        if (speedAllowed(f.dimmsPerChannel))
            return; // a population the platform takes
    // Not held at all, or not at this speed: say which.
    const int slowFilling = ways.empty() ? 0 : ways.front().dimmsPerChannel;
    const Bytes slowModule = ways.empty() ? Bytes{} : ways.front().moduleSize;
    if (slowFilling == 0) {
        std::vector<double> sizes;
        for (const Bytes &size : rule.moduleSizes)
            sizes.push_back(inGigabytes(size));
        problem("memory.capacity",
                num(gb) + " GB on " + std::to_string(m.channels) + " channels is " +
                    shortNum(perChannel) + " GB per channel, which " + rule.platform +
                    " cannot hold (DIMMs of " + list(sizes) + " GB, " +
                    (slotsPerChannel == 1 ? std::string("1 per channel")
                                          : "up to " + std::to_string(slotsPerChannel) +
                                                " of one size per channel") +
                    ")");
    } else if (slowFilling >= 2 && finitePositive(rule.maxSpeedTwoDpc.value()) &&
               m.speed > rule.maxSpeedTwoDpc) {
        problem("memory.speed",
                num(gb) + " GB on " + std::to_string(m.channels) + " channels needs " +
                    std::to_string(slowFilling) + " DIMMs per channel (" +
                    shortNum(inGigabytes(slowModule)) + " GB each); " + rule.platform + " runs " +
                    std::to_string(slowFilling) + " DIMMs per channel at up to " +
                    num(inMegatransfersPerSecond(rule.maxSpeedTwoDpc)) + " MT/s, not " + num(mts));
    } else {
        // The speed is one the platform runs another population at: say what this one
        // runs at.
        std::vector<double> here;
        for (const Filling &f : ways)
            for (TransferRate r : platformSpeeds(catalog, rule, cpu, f.dimmsPerChannel))
                here.push_back(inMegatransfersPerSecond(r));
        std::sort(here.begin(), here.end());
        here.erase(std::unique(here.begin(), here.end()), here.end());
        problem("memory.speed", num(mts) + " MT/s: " + shortNum(perChannel) +
                                    " GB per channel is " + std::to_string(slowFilling) +
                                    (slowFilling == 1 ? " DIMM" : " DIMMs") + " per channel on " +
                                    rule.platform + ", which runs at " + list(here) + " MT/s");
    }
}

// A GPU count that fits no more: names the slots or the lanes that run out (both when
// they run out at the same count).
std::string tooManyGpus(long long gpus, const PlatformRule &rule, const Cpu &cpu) {
    const int slots = std::max(0, rule.x16Slots) + std::max(0, rule.x8Slots);
    const int lanes = gpuLanes(rule, cpu);
    const int width = rule.minLanesPerGpu;
    const bool lanesKnown = lanes > 0 && width > 0;
    const bool slotsBind = slots > 0 && (!lanesKnown || slots <= lanes / width);
    const bool lanesBind = lanesKnown && (slots <= 0 || lanes / width <= slots);
    const std::string slotText =
        std::to_string(slots) + " GPU slot" + (slots == 1 ? "" : "s") + " (" +
        std::to_string(rule.x16Slots) + " x16" +
        (rule.x8Slots > 0 ? ", " + std::to_string(rule.x8Slots) + " x8" : std::string()) + ")";
    const bool cpuBinds =
        cpu.pcieLanes > 0 && (rule.gpuLanes <= 0 || cpu.pcieLanes <= rule.gpuLanes);
    const std::string laneOwner =
        cpuBinds ? cpuName(cpu) + " has " : rule.platform + " gives GPUs ";
    const std::string n = std::to_string(gpus) + " GPUs";
    if (slotsBind && lanesBind)
        return n + "; " + rule.platform + " boards have " + slotText + " and " +
               std::to_string(lanes) + " PCIe lanes for GPUs, x" + std::to_string(width) +
               " each at least";
    if (slotsBind)
        return n + "; " + rule.platform + " boards have " + slotText;
    return n + " need " + std::to_string(gpus * width) + " PCIe lanes at x" +
           std::to_string(width) + " each; " + laneOwner + std::to_string(lanes);
}

} // namespace

std::vector<Problem> cpuProblems(const Cpu &cpu) {
    std::vector<Problem> out;
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
    return out;
}

std::vector<Problem> gpuProblems(const Gpu &g, const std::string &field) {
    std::vector<Problem> out;
    if (!g.integrated && !finitePositive(g.vram.value()))
        out.push_back({field + ".vram", "VRAM must be positive"});
    if (!finitePositive(g.bandwidth.value()))
        out.push_back({field + ".bandwidth", "memory bandwidth must be positive"});
    if (!std::isfinite(g.fp16Tensor.value()) || g.fp16Tensor.value() < 0)
        out.push_back({field + ".fp16Tensor", "FP16 throughput cannot be negative (0 = unknown)"});
    if (!g.integrated && (g.pcieLanes <= 0 || g.pcieGen <= 0))
        out.push_back(
            {field + ".pcieLanes", "a discrete GPU needs a PCIe link (lanes and generation)"});
    return out;
}

std::vector<Problem> checkBuild(const Build &build, const Catalog &catalog,
                                const PlatformRules &rules, const Assumptions &assumptions) {
    // Without a rule for the socket: the CPU's own figures only (no slots, widths, PSU).
    static const PlatformRule unknownPlatform{};
    const PlatformRule *found = rules.find(build.cpu);
    const PlatformRule &rule = found ? *found : unknownPlatform;

    std::vector<Problem> out = cpuProblems(build.cpu);
    checkMemory(build, catalog, rule, out);

    const int most = maxGpus(rule, build.cpu);
    long long gpus = 0;
    bool countReported = false;
    for (std::size_t i = 0; i < build.gpus.size(); ++i) {
        const GpuGroup &g = build.gpus[i];
        const std::string field = "gpus[" + std::to_string(i) + "]";
        if (g.count < 1) {
            out.push_back({field + ".count",
                           "GPU count must be at least 1 (got " + std::to_string(g.count) + ")"});
            continue;
        }
        for (Problem &p : gpuProblems(g.gpu, field))
            out.push_back(std::move(p));
        if (g.gpu.integrated || equalsIgnoringCase(g.gpu.formFactor, "integrated"))
            out.push_back({field + ".gpu", gpuName(g.gpu) +
                                               " is built into its processor; it does not go "
                                               "in a slot"});
        else if (!takesGpu(rule, g.gpu))
            out.push_back({field + ".gpu", gpuName(g.gpu) + " is an " + upper(g.gpu.formFactor) +
                                               " module; " + rule.platform + " slots take " +
                                               formFactors(rule) +
                                               " cards (a module needs its vendor's baseboard)"});
        gpus += g.count;
        if (!countReported && gpus > most) {
            countReported = true;
            out.push_back({field + ".count", tooManyGpus(gpus, rule, build.cpu)});
        }
    }
    if (build.integratedGpu)
        for (Problem &p : gpuProblems(*build.integratedGpu, "integratedGpu"))
            out.push_back(std::move(p));
    if (!std::isfinite(build.unifiedGpuMemoryShare) || build.unifiedGpuMemoryShare <= 0 ||
        build.unifiedGpuMemoryShare > 1)
        out.push_back(
            {"unifiedGpuMemoryShare", "share of RAM for the integrated GPU must be in (0, 1]"});
    if (build.platformPriceUsd &&
        (!std::isfinite(*build.platformPriceUsd) || *build.platformPriceUsd < 0))
        out.push_back({"platformPriceUsd", "platform price cannot be negative"});

    if (finitePositive(rule.psuLimit.value())) {
        const Power power = costOf(build, tokensPerSecond(0), assumptions).powerAtLoad;
        if (power > rule.psuLimit)
            out.push_back({"power", num(inWatts(power)) + " W at load; " + rule.platform +
                                        " power supplies go up to " + num(inWatts(rule.psuLimit)) +
                                        " W"});
    }
    return out;
}

} // namespace llm
