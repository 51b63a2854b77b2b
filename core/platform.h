// SPDX-License-Identifier: MIT
#pragma once
// Platform feasibility rules (what a socket's boards can take) as data: the
// catalogue's platforms.csv fills a PlatformRules value; the recommender and
// the what-if analysis read it, no limits are written into code.

#include "assumptions.h"
#include "catalog.h"
#include "hardware.h"
#include "units.h"

#include <string>
#include <string_view>
#include <vector>

namespace llm {

struct PlatformRule {
    std::string platform;       // "AM5 (X870E)", "sTR5 TRX50", ...
    std::string socket;         // matched against Cpu::socket (case-insensitive)
    int cpuMemoryChannels = 0;  // 0 = any CPU on the socket; else only CPUs with this many
    int memoryChannels = 0;     // channels the boards wire
    int dimmsPerChannel = 1;    // slots per channel
    units::Bytes maxCapacity{}; // board/CPU limit (the CPU's own limit applies as well)
    std::vector<units::Bytes> moduleSizes; // DIMM sizes sold for this platform, ascending
    // Speed cap with two DIMMs per channel (0 = same as one DIMM per channel).
    units::TransferRate maxSpeedTwoDpc{};
    int gpuLanes = 0;        // CPU PCIe lanes usable for GPU slots (the CPU's count caps it too)
    int x16Slots = 0;        // electrically x16 GPU slots
    int x8Slots = 0;         // further slots at x8 (or x16 slots that fall back to x8)
    units::Power psuLimit{}; // largest power supply the platform is built with
    // GPU form factors its slots take ("pcie"); empty = not restricted.
    std::vector<std::string> gpuFormFactors;
    std::string source;
    std::string asOf;
};

struct PlatformRules {
    std::vector<PlatformRule> rules;
    // The rule for a CPU: socket match, preferring one with the CPU's channel count.
    const PlatformRule *find(const Cpu &cpu) const;
};

// PCIe lanes a platform gives GPUs with this CPU: min(rule, CPU's own count when known).
int gpuLanes(const PlatformRule &rule, const Cpu &cpu);
// Most GPUs the platform takes: slots, and at least x8 per GPU.
int maxGpus(const PlatformRule &rule, const Cpu &cpu);
// Electrical width each of `count` GPUs gets: x16 while x16 slots and lanes last, else x8.
// 0 when `count` GPUs do not fit at all.
int lanesPerGpu(const PlatformRule &rule, const Cpu &cpu, int count);

// A way to fill the memory slots.
struct MemoryPopulation {
    int channels = 0;
    int dimmsPerChannel = 1;
    units::Bytes moduleSize{};
    units::TransferRate speed{};
    units::Bytes capacity() const;
};

// Speeds allowed with `dimmsPerChannel` DIMMs per channel, ascending: the catalogue's
// speeds up to the CPU's rating, capped by the two-DIMM limit (the cap itself is
// offered when no catalogue speed lies below it).
std::vector<units::TransferRate> platformSpeeds(const Catalog &catalog, const PlatformRule &rule,
                                                const Cpu &cpu, int dimmsPerChannel);

// Capacity limit of a CPU on a platform (the smaller of both; either may be unknown).
units::Bytes capacityLimit(const PlatformRule &rule, const Cpu &cpu);

// What the program proposes (recommender, what-if) must be buyable and buildable.
// These rules are for proposals only: builds the user made are never refused by them.
// A discrete GPU the platform's slots take: never an integrated GPU (it comes with
// its CPU), and only a form factor the platform lists (unknown form factors pass).
bool takesGpu(const PlatformRule &rule, const Gpu &gpu);
// On sale new, or the user asked for used parts as well.
bool buyable(const Cpu &cpu, bool includeUsed);
bool buyable(const Gpu &gpu, bool includeUsed);
// System RAM a proposed build needs to load the model: the model file, and never
// less than the assumptions' floor.
units::Bytes systemRamToLoad(const ModelChoice &model, const Assumptions &assumptions);

// Why a build cannot be put together on its platform (empty = feasible). Checks
// channels, DIMMs, capacity, GPU count against slots and lanes, and the PSU limit.
struct PlatformProblem {
    std::string field;
    std::string message;
};
std::vector<PlatformProblem> checkPlatform(const PlatformRules &rules, const Build &build,
                                           units::Power powerAtLoad);

} // namespace llm
