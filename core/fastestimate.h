// SPDX-License-Identifier: MIT
#pragma once
// The estimator prepared for sweeps: everything that depends only on the model
// and use cases, on one CPU, or on one GPU is computed once; evaluating a build
// is then plain arithmetic on stack values (no heap, no strings, no map
// look-ups). The arithmetic is the one placement kernel that estimate() uses
// too (core/placement_p.h); this front-end only gathers its inputs for builds
// made of one CPU, one memory population and N identical discrete GPUs.

#include "assumptions.h"
#include "estimate.h"
#include "hardware.h"
#include "model.h"
#include "placement_p.h"
#include "units.h"
#include "workload.h"

#include <cstddef>
#include <vector>

namespace llm::fast {

struct UseCasePrep {
    kernel::PromptPrep prompt;
    units::Bytes kvAtMidGeneration{}; // KV read per token at prompt + gen/2
};

// The model's facts (kernel::ModelFacts: weights, KV, headline figures, ...)
// and the chosen use cases, prepared once per sweep.
struct ModelPrep : kernel::ModelFacts {
    std::vector<UseCasePrep> useCases;
    Thresholds thresholds;
    const EfficiencyFactors *hybrid = nullptr; // factors of hybrid placements
};

ModelPrep prepareModel(const ModelChoice &model, const Workload &workload, const Assumptions &a);

struct CpuPrep {
    units::FlopRate peak{};
    units::ByteRate reach{};  // cpuCoresReach(cpu)
    units::ByteRate fabric{}; // cpuSideBandwidth(cpu) x fabricLinkEfficiency
    int pcieGen = 0, pcieLanes = 0;
    const EfficiencyFactors *factors = nullptr;
};
CpuPrep prepareCpu(const Cpu &cpu, const Assumptions &a);

struct GpuPrep {
    units::Bytes vram{};
    units::ByteRate bandwidth{};
    units::FlopRate peak{}; // 0 = unknown (the CPU's peak stands in, as in estimate())
    int pcieGen = 0, pcieLanes = 0;
    const EfficiencyFactors *factors = nullptr;
};
GpuPrep prepareGpu(const Gpu &gpu, const Assumptions &a);

// Factors of hybrid placements (class "hybrid").
const EfficiencyFactors &hybridFactors(const Assumptions &a);

struct Hardware {
    const CpuPrep *cpu = nullptr;
    units::ByteRate system{}; // memorySideBandwidth(cpu, memory)
    units::Bytes ram{};       // memory capacity
    const GpuPrep *gpu = nullptr;
    int gpuCount = 0;
    int lanesPerGpu = 0; // slot width; 0 = the GPU's own
    bool tensorParallel = false;
};

struct Outcome {
    bool fits = false;
    bool allPass = false;
    Placement placement = Placement::CpuOnly;
    // min over use cases of min(prefill limit / prefill time, generation rate / minimum);
    // >= 1 for a pass, 0 when nothing fits.
    double margin = 0;
    units::TokenRate headlineGeneration{};
    // RAM the RAM-using placements need to fit (the largest, over runnable ones):
    // more RAM than this cannot change the outcome.
    units::Bytes ramSufficient{};
    bool gpuOnlyFits = false; // everything fits in VRAM
};

Outcome evaluate(const ModelPrep &m, const Hardware &h, const Assumptions &a);

// Margin of an estimate from estimate(), defined as Outcome::margin.
double margin(const Estimate &e, const Thresholds &t);
// Margin of one use case's verdict (0 when the model does not fit).
double margin(const UseCaseVerdict &v, bool fits, const Thresholds &t);

} // namespace llm::fast
