// SPDX-License-Identifier: MIT
#pragma once
// The build recommender: enumerates the builds the catalogue and the platform
// rules allow (CPU x memory population x GPU option), evaluates each for one
// model and the chosen use cases, and returns the Pareto front of price
// against performance margin among builds that pass every use case.
//
// The sweep uses fast::evaluate() (the estimator's arithmetic, prepared, no
// heap in the inner loop), in parallel with std::thread. The builds it returns
// are estimated again with estimate(), so every figure shown is the estimator's.

#include "assumptions.h"
#include "catalog.h"
#include "cost.h"
#include "estimate.h"
#include "hardware.h"
#include "model.h"
#include "platform.h"
#include "units.h"
#include "workload.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace llm {

struct RecommendRequest {
    ModelChoice model;
    Workload workload;                    // every use case must pass
    std::optional<double> budgetEur;      // priced builds above it are left out
    std::optional<units::Power> maxPower; // at load (CPU + GPUs + platform)
    std::size_t top = 10;                 // at most this many builds per list (0 = all)
    int threads = 0;                      // 0 = all cores
    MultiGpuMode multiGpuMode = MultiGpuMode::LayerSplit;
    int maxGpusPerBuild = 8; // enumeration bound; platforms may allow fewer
    // Parts no longer sold new (catalogue column sold_new) are left out unless this is set.
    bool includeUsed = false;
    // Skip builds that cannot be on the front (more RAM or more GPUs than needed, a
    // generation bound below the threshold). Off evaluates every build (benchmarks).
    bool prune = true;
};

// One swept build, compactly.
struct BuildKey {
    int cpu = -1; // index into Catalog::cpus
    int channels = 0;
    int dimmsPerChannel = 1;
    units::Bytes moduleSize{};
    units::TransferRate speed{};
    int gpu = -1; // index into Catalog::gpus, -1 = none
    int gpuCount = 0;
    int lanesPerGpu = 0;
};

struct Recommendation {
    Build build;
    BuildKey key;
    Estimate estimate; // estimate() of the build (what every view shows)
    CostSummary cost;
    double margin = 0;           // min over use cases of min(prefill limit / time, rate / minimum)
    std::string limitingUseCase; // the use case with the smallest margin
};

struct RecommendStats {
    std::uint64_t enumerated = 0; // builds the platforms allow plus those excluded below
    std::uint64_t evaluated = 0;  // builds run through the estimator's arithmetic
    std::uint64_t pruned = 0;     // skipped: cannot reach the front or cannot pass
    std::uint64_t passing = 0;    // evaluated builds passing every use case
    std::uint64_t overBudget = 0;
    std::uint64_t overPower = 0; // above the request's limit or the platform's PSU
    std::uint64_t overLanes = 0; // more GPUs than the platform's slots and lanes take
    std::uint64_t frontSize = 0; // Pareto front before the top-K cut
    std::uint64_t unpricedPassing = 0;
    std::vector<std::string> cpusWithoutPlatform; // not swept: no DIMM data for their socket
    // Not swept: a spec field checkBuild() refuses (a catalogue row without a clock or FCLK).
    std::vector<std::string> cpusWithProblems;
    // Left out of the sweep because one cannot buy or build them (platform.h):
    std::uint64_t cpusNotSoldNew = 0;
    std::uint64_t gpusNotSoldNew = 0;
    std::uint64_t gpuPlatformMismatches =
        0; // GPU options skipped: the platform's slots do not take the card
    std::uint64_t belowRamNeeded = 0; // memory populations below systemRamToLoad()
    int threads = 0;
    double seconds = 0; // wall time of the sweep
};

struct RecommendResult {
    bool cancelled = false; // then both lists are empty: never a partial answer
    std::string problem;    // a request that cannot be answered (no use cases, no weights)
    // Priced builds passing every use case, on the Pareto front of price (lower
    // better) against margin (higher better), ascending price. When the front is
    // longer than `top`, its cheapest, its best and evenly spaced ones between.
    std::vector<Recommendation> front;
    // Passing builds with no price (a part has none), listed apart, best margin first.
    std::vector<Recommendation> unpriced;
    RecommendStats stats;
};

// Cancellable: `cancel` is polled between work items; on cancellation the result
// has cancelled = true and no builds. `progress` (0..1) is called on the calling
// thread only, about every 20 ms and once with 1.0 at the end.
RecommendResult recommend(const Catalog &catalog, const PlatformRules &rules,
                          const RecommendRequest &request, const Assumptions &assumptions,
                          const std::atomic<bool> *cancel = nullptr,
                          std::function<void(double)> progress = {});

// The sweep's candidates before any model is considered: every CPU x memory population x
// GPU option x count (0..maxGpusPerBuild) the sweep enumerates, all parts alike (also
// those no longer sold new), each with the verdict of the sweep's own platform filter.
// Module sizes above the capacity limit are included (refused); the sweep stops at them.
// For tests, which hold these verdicts against checkBuild() of buildFromKey(key).
enum class SweepRefusal {
    None,     // the sweep estimates it
    Capacity, // above the CPU's or the platform's maximum memory
    Slot,     // the platform's slots do not take the GPU (form factor)
    Count,    // more GPUs than the slots and lanes take
    Power,    // above the platform's largest power supply
};
void forEachSweepCandidate(const Catalog &catalog, const PlatformRules &rules,
                           const Assumptions &assumptions, int maxGpusPerBuild,
                           const std::function<void(const BuildKey &, SweepRefusal)> &visit);

// The Build a key stands for (name like "Ryzen 9 9950X, 2x2x48 GB DDR5-5600, 1x RTX 5090").
Build buildFromKey(const Catalog &catalog, const BuildKey &key);

} // namespace llm
