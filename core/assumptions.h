// SPDX-License-Identifier: MIT
#pragma once
// Everything the estimator assumes that is not a spec-sheet fact: efficiency
// factors (fitted on published measurements, see docs/estimator.md),
// thresholds, runtime overheads, prices. Data, never constants in formulas.

#include "units.h"
#include "workload.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llm {

enum class Placement {
    CpuOnly,                // weights and KV cache in system RAM, CPU computes
    SingleGpu,              // everything in one GPU's VRAM
    MultiGpuLayerSplit,     // layers spread over GPUs; one stream visits them in turn
    MultiGpuTensorParallel, // every layer split over GPUs; bandwidth roughly adds up
    HybridLayers,           // some layers in VRAM, the rest in RAM
    HybridMoeExperts,       // attention and shared weights in VRAM, routed experts in RAM
    Unified,                // integrated GPU reading system RAM (Apple, Strix Halo, DGX Spark)
};

enum class HardwareKind { Cpu, Gpu, Unified };

// Measured speed as a fraction of the theoretical bound, for one hardware class.
struct EfficiencyFactors {
    double bandwidth = 0.7; // generation: achieved bytes/s over theoretical
    double compute = 0.4;   // prefill: achieved FLOP/s over peak
    // Fixed cost per generated token (kernel launches, sampling, synchronisation):
    // dominates 1B-class models, where bandwidth is never reached.
    units::SecondsPerToken tokenOverhead = units::secondsPerToken(0);
    int measurements = 0; // how many measurements the fit used (0 = default guess)
    std::string fittedOn; // ISO date of the fit, empty for defaults
    // How many of them are the user's own (measurements import); 0 = the shipped fit.
    int ownMeasurements = 0;

    bool operator==(const EfficiencyFactors &) const = default;
};

// Relative confidence band around an estimate (from cross-validated residuals).
struct Band {
    double low = 1.0;  // multiply the estimate by this for the low end
    double high = 1.0; // ... and by this for the high end

    bool operator==(const Band &) const = default;
};

struct Assumptions {
    Thresholds thresholds;
    std::string runtime = "llama.cpp"; // "llama.cpp" or "llamafile"

    // Keyed by hardware class ("cpu-zen5", "gpu-nvidia-ada", "unified-apple", ...),
    // optionally suffixed by "@runtime" ("gpu-nvidia-ampere@llamafile").
    std::map<std::string, EfficiencyFactors> efficiencyByClass;
    EfficiencyFactors defaultCpu{0.60, 0.35, units::secondsPerToken(0), 0, {}, 0};
    EfficiencyFactors defaultGpu{0.75, 0.30, units::secondsPerToken(0), 0, {}, 0};
    EfficiencyFactors defaultUnified{0.65, 0.30, units::secondsPerToken(0), 0, {}, 0};
    // Keyed like efficiencyByClass; separate bands for prompt and generation.
    std::map<std::string, Band> promptBandByClass;
    std::map<std::string, Band> generationBandByClass;
    Band defaultBand{0.75, 1.25};

    double pcieEfficiency = 0.8; // achieved share of PCIe link bandwidth
    // Share of the CCD links' rate (CCDs x 32 B x FCLK) that CPU reads achieve.
    // The links are not DRAM: they have no refresh, bank or page misses, so the
    // fitted memory efficiency does not apply to them (docs/estimator.md item 9).
    double fabricLinkEfficiency = 0.9;
    double tensorParallelEfficiency = 0.8; // share of the summed bandwidth TP reaches
    double kvBytesPerElement = 2.0;        // f16 KV cache
    units::Bytes runtimeOverhead = units::gigabytes(0.8); // compute buffers, context, per device
    units::Tokens microBatch = units::tokens(512);        // llama.cpp n_ubatch
    // Token rows at which a device's matrix-product kernels reach half their peak
    // (MoE prefill: a routed expert sees only its share of a micro-batch; see
    // kernel::expertSlowdown). GPUs: tensor-core / matrix-core tiles are 64-128
    // token rows wide, and below 8 rows llama.cpp uses vector kernels. CPUs: a
    // weight row is read once per few token rows; it is full speed at a handful.
    units::Tokens gemmHalfFillRowsGpu = units::tokens(64);
    units::Tokens gemmHalfFillRowsCpu = units::tokens(4);
    std::optional<Placement> forcedPlacement; // empty = fastest that fits

    // Money and energy (money is not a physical quantity: plain doubles).
    double eurPerUsd = 0.86; // conversion of USD list prices
    double electricityEurPerKwh = 0.30;
    double memoryUsdPerGb = 10.0;                  // DDR5 street price, see catalogue's dated rows
    units::Power platformPower = units::watts(60); // board, drives, fans, PSU losses
    // Board, PSU, case and storage by CPU family, when a build names no platform
    // price. Rough street prices (a guess, not from a dated source); mobile, Apple
    // and unified-memory systems are priced whole and get none.
    double platformUsdDesktop = 400.0;
    double platformUsdWorkstation = 1500.0;
    double platformUsdServer = 2000.0;
    double platformUsdOther = 400.0;
    // Least system RAM the program proposes for a build, whatever the model (the
    // operating system and the runtime need their share, and llama.cpp loads the
    // model file through RAM even when its layers end up in VRAM). A proposal has
    // at least max(this, model file size); see systemRamToLoad().
    units::Bytes minimumSystemRam = units::gigabytes(32);

    // Names of fields a user changed from the defaults (shown as "overridden").
    std::vector<std::string> overridden;

    // Factors for a class: "class@runtime", then "class", then the class's
    // physically derived prior (priorOfClass: "prior@runtime", then "prior"),
    // then the kind's default.
    const EfficiencyFactors &factorsFor(const std::string &hardwareClass, HardwareKind kind) const;
    // The kind's default (what factorsFor falls back to).
    const EfficiencyFactors &defaultFactors(HardwareKind kind) const {
        switch (kind) {
        case HardwareKind::Cpu:
            return defaultCpu;
        case HardwareKind::Gpu:
            return defaultGpu;
        case HardwareKind::Unified:
            return defaultUnified;
        }
        return defaultCpu;
    }
    Band promptBandFor(const std::string &hardwareClass) const {
        return promptBandByClass.empty() ? defaultBand : bandIn(promptBandByClass, hardwareClass);
    }
    Band generationBandFor(const std::string &hardwareClass) const {
        return generationBandByClass.empty() ? defaultBand
                                             : bandIn(generationBandByClass, hardwareClass);
    }

private:
    Band bandIn(const std::map<std::string, Band> &bands, const std::string &hardwareClass) const;

    bool operator==(const Assumptions &) const = default;
};

// The prior a hardware class falls back to when the data holds too few of its
// measurements: a group of classes that share what sets the efficiencies — the
// memory system and the arithmetic unit the runtime's kernels use — rather than a
// vendor. Empty when the class has none (then the kind's default applies).
//   "gpu-prior-hbm"    HBM datacenter dies: NVIDIA x100 ("-hbm" classes), AMD CDNA
//   "gpu-prior-tensor" NVIDIA GDDR dies with tensor cores, and the DGX Spark's GB10
//                      (a GeForce-class Blackwell GPU on LPDDR5X)
//   "gpu-prior-rdna"   AMD Radeon RDNA 2/3/4, compared at their vector FP16 rate
//                      (usableMatrixPeak in hardware.h)
//   "cpu-prior-apple-soc" the CPU clusters of Apple's M-series SoCs, which reach
//                      the unified memory through the same fabric in every
//                      generation (far below the GPU's published bandwidth)
// Returns a string literal (no allocation: the recommender calls it in its sweep).
const char *priorOfClass(std::string_view hardwareClass);
// A prior's own name ("gpu-prior-...", "cpu-prior-...").
bool isPriorClass(std::string_view hardwareClass);

} // namespace llm
