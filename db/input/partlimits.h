// SPDX-License-Identifier: MIT
#pragma once
// The one table of plausible ranges for hardware and model values. The
// catalogue importer and editor (db/cataloguerows.cpp) and the explicit parts
// of a scenario file (db/scenario/parse_parts.cpp) both check against it, so
// a value that one refuses the other cannot accept. The ranges are the
// schema's CHECKs plus generous caps that catch a slip of units (a price in
// cents, VRAM in MB, bandwidth in MB/s).

#include <QString>

namespace llm::input {

struct Limit {
    double min = 0;
    bool minExclusive = true; // "more than min" rather than "from min"
    double max = 0;
    const char *unit = ""; // "GB", "GB/s", ... ("" = a plain count)
};

namespace limits {
// CPUs
inline constexpr Limit kCores{0, true, 1024};
inline constexpr Limit kThreads{0, true, 4096};
inline constexpr Limit kClockGhz{0, true, 10, "GHz"};
inline constexpr Limit kL3Mb{0, true, 65536, "MB"};
inline constexpr Limit kCcds{0, false, 64};
inline constexpr Limit kFabricLinksPerCcd{1, false, 2};
inline constexpr Limit kMemoryChannels{0, true, 64};
inline constexpr Limit kMaxMemoryGb{0, true, 1048576, "GB"};
inline constexpr Limit kMemoryMts{0, true, 100000, "MT/s"};
inline constexpr Limit kCpuPcieLanes{0, true, 1024};
inline constexpr Limit kUnifiedBandwidthGbs{0, true, 100000, "GB/s"};
// CPUs and GPUs
inline constexpr Limit kPcieGen{1, false, 7};
inline constexpr Limit kTdpW{1, false, 2000, "W"};
inline constexpr Limit kPriceUsd{0, false, 10000000, "USD"};
// GPUs
inline constexpr Limit kVramGb{0, true, 65536, "GB"};
inline constexpr Limit kBusWidthBits{0, true, 65536};
inline constexpr Limit kGpuBandwidthGbs{0, true, 1000000, "GB/s"};
inline constexpr Limit kTflops{0, true, 1000000, "TFLOPS"};
inline constexpr Limit kTops{0, true, 1000000, "TOPS"};
inline constexpr Limit kGpuPcieLanes{0, true, 64};
// Models (parameter counts as plain counts, not billions)
inline constexpr Limit kParams{0, true, 1e15};
inline constexpr Limit kExperts{0, true, 65536};
inline constexpr Limit kSharedExperts{0, false, 65536};
inline constexpr Limit kLayers{0, true, 10000};
inline constexpr Limit kHiddenSize{0, true, 1048576};
inline constexpr Limit kHeads{0, true, 65536};
inline constexpr Limit kHeadDim{0, true, 65536};
inline constexpr Limit kContextTokens{0, true, 1e9};
inline constexpr Limit kKvLoraRank{0, true, 1048576};
// Quantizations
inline constexpr Limit kBitsPerWeight{0, true, 64, "bits"};
} // namespace limits

// "more than 0 up to 65536 GB"
QString describeLimit(const Limit &limit);
// Empty when `value` is within the limit; else what is wrong in plain words:
// "too large: at most 65536 GB (found 1e+12)", "must be more than 0 GB (found 0)".
// `scale` converts the value into the limit's unit first (1e9 for billions).
QString limitProblem(const Limit &limit, double value, double scale = 1);

} // namespace llm::input
