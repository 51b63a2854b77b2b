// SPDX-License-Identifier: MIT
#pragma once
// Platform feasibility rules (what a socket's boards can take) as data: the
// catalogue's platforms.csv fills a PlatformRules value. checkBuild() (validation.h)
// applies them to every build: the editor's, a scenario file's, the recommender's and
// the what-if analysis'. No limits are written into code.

#include "assumptions.h"
#include "catalog.h"
#include "hardware.h"
#include "units.h"

#include <string>
#include <string_view>
#include <vector>

namespace llm {

struct PlatformRule {
    std::string platform; // "AM5 (X870E)", "sTR5 TRX50", ...
    // Matched against Cpu::socket (case-insensitive). kAnySocket: the rule for every
    // socket without one of its own (only the CPU's own figures and the slot width).
    std::string socket;
    int cpuMemoryChannels = 0;  // 0 = any CPU on the socket; else only CPUs with this many
    int memoryChannels = 0;     // channels the boards wire; 0 = the CPU's own count
    int dimmsPerChannel = 1;    // slots per channel; 0 = not known (any)
    units::Bytes maxCapacity{}; // board limit (the CPU's own limit applies as well); 0 = none
    // DIMM sizes sold for this platform, ascending; empty = any capacity (not known).
    std::vector<units::Bytes> moduleSizes;
    // Speed cap with two DIMMs per channel (0 = same as one DIMM per channel).
    units::TransferRate maxSpeedTwoDpc{};
    int gpuLanes = 0; // lanes for GPU slots, capped by the CPU's; 0 = the CPU's count
    int x16Slots = 0; // electrically x16 GPU slots
    int x8Slots = 0;  // further slots at the narrowest width; both 0 = not listed (lanes alone)
    int minLanesPerGpu = 0;  // narrowest electrical width a GPU slot gets (x8); 0 = no lane rule
    units::Power psuLimit{}; // largest power supply the platform is built with; 0 = none known
    // GPU form factors its slots take ("pcie"); empty = not restricted.
    std::vector<std::string> gpuFormFactors;
    std::string source;
    std::string asOf;
};

inline constexpr std::string_view kAnySocket = "*";

struct PlatformRules {
    std::vector<PlatformRule> rules;
    // The rule for a CPU: socket match, preferring one with the CPU's channel count;
    // else the kAnySocket rule; else none.
    const PlatformRule *find(const Cpu &cpu) const;
};

// PCIe lanes a platform gives GPUs with this CPU: min(rule, CPU's own count when known);
// 0 = not known.
int gpuLanes(const PlatformRule &rule, const Cpu &cpu);
// Most GPUs the platform takes: its slots, and at least minLanesPerGpu lanes per GPU.
// std::numeric_limits<int>::max() when neither is known.
int maxGpus(const PlatformRule &rule, const Cpu &cpu);
// Electrical width each of `count` GPUs gets: x16 while x16 slots and lanes last, else the
// platform's narrowest width. 0 when `count` GPUs do not fit at all (or nothing is known).
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
// speed grades of the CPU's memory type up to its rating, and the rating itself; with two
// or more DIMMs per channel capped by the platform's two-DIMM limit (the cap itself is
// offered when no grade lies below it). Empty when neither grades nor a rating are known.
std::vector<units::TransferRate> platformSpeeds(const Catalog &catalog, const PlatformRule &rule,
                                                const Cpu &cpu, int dimmsPerChannel);

// A way to hold one channel's share of the capacity: this many DIMMs of one size.
struct Filling {
    int dimmsPerChannel = 1;
    units::Bytes moduleSize{};
};
// The ways the platform's DIMMs hold `perChannel` (DIMMs per channel up to its slots, the
// same size in each), fewest DIMMs first. Empty when none does, or no sizes are listed.
std::vector<Filling> fillings(const PlatformRule &rule, units::Bytes perChannel);
// Every capacity per channel the platform's DIMMs make (DIMMs per channel x size), ascending.
std::vector<units::Bytes> channelCapacities(const PlatformRule &rule);

// Capacity limit of a CPU on a platform (the smaller of both; either may be unknown).
units::Bytes capacityLimit(const PlatformRule &rule, const Cpu &cpu);

// A discrete GPU the platform's slots take: never an integrated GPU (it comes with
// its CPU), and only a form factor the platform lists (unknown form factors pass).
bool takesGpu(const PlatformRule &rule, const Gpu &gpu);

// What the program proposes (recommender, what-if) must also be on sale and load the
// model; these are preferences of a proposal, never reasons to refuse a user's build.
// On sale new, or the user asked for used parts as well.
bool buyable(const Cpu &cpu, bool includeUsed);
bool buyable(const Gpu &gpu, bool includeUsed);
// System RAM a proposed build needs to load the model: the model file, and never
// less than the assumptions' floor.
units::Bytes systemRamToLoad(const ModelChoice &model, const Assumptions &assumptions);

} // namespace llm
