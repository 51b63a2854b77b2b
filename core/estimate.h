// SPDX-License-Identifier: MIT
#pragma once
// The estimator: a pure function from a build, a model and use cases to speeds
// and verdicts, each carrying its inputs, bottleneck and assumptions.

#include "assumptions.h"
#include "hardware.h"
#include "inlinestring.h"
#include "model.h"
#include "units.h"
#include "workload.h"

#include <boost/container/small_vector.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llm {

enum class Bottleneck {
    RamSide,   // DIMM side: channels x 8 B x MT/s
    CpuFabric, // CPU side: CCDs x 32 B (x links) x FCLK
    GpuMemory, // VRAM bandwidth
    Pcie,      // weights streamed over the PCIe link
    Compute,   // FLOP/s (prompt processing)
    Capacity,  // the model does not fit
    Overhead,  // fixed per-token cost dominates (tiny models)
};

enum class WorkflowClass { Interactive, Background, Offline, NonViable };

enum class FailedLimit { None, Capacity, PrefillTime, GenerationRate };

struct BandwidthBreakdown {
    units::ByteRate ramSide{}; // channels x 8 B x MT/s
    units::ByteRate cpuSide{}; // CCDs x 32 B x links x FCLK (zero when it does not apply)
    units::ByteRate system{};  // min of both (or ramSide alone when there is no fabric term)
    units::ByteRate gpu{};     // per-GPU VRAM bandwidth of the first GPU (0 = none)
    units::ByteRate pcie{};    // host link of one GPU (0 = none)
    bool fabricApplies = false;
    Bottleneck systemLimit = Bottleneck::RamSide; // RamSide or CpuFabric

    bool operator==(const BandwidthBreakdown &) const = default;
};

struct MemoryBreakdown {
    units::Bytes weights{};
    units::Bytes kvCache{}; // at the largest context of the workload
    units::Bytes overhead{};
    units::Bytes total{};         // weights + kvCache + overhead
    units::Bytes ramAvailable{};  // what the placement may use of system RAM
    units::Bytes vramAvailable{}; // summed over GPUs (or the iGPU's share for Unified)
    units::Bytes inVram{};
    units::Bytes inRam{};
    bool fits = false;

    bool operator==(const MemoryBreakdown &) const = default;
};

// A use case with no id, no description and no tokens: what a default UseCaseRef refers to.
const UseCase &noUseCase();

// The use case a verdict judges, referred to rather than copied (its text would
// cost heap blocks per estimate). estimate() points it into the estimate's own
// list (Estimate::useCaseList), so a verdict is valid as long as its estimate,
// or a copy of it, lives. Compares as the use case it refers to.
class UseCaseRef {
public:
    UseCaseRef()
        : m_useCase(&noUseCase()) {}
    explicit UseCaseRef(const UseCase &useCase)
        : m_useCase(&useCase) {}

    const UseCase &operator*() const { return *m_useCase; }
    const UseCase *operator->() const { return m_useCase; }

    bool operator==(const UseCaseRef &other) const {
        return m_useCase == other.m_useCase || *m_useCase == *other.m_useCase;
    }

private:
    const UseCase *m_useCase;
};

struct UseCaseVerdict {
    UseCaseVerdict() = default;
    explicit UseCaseVerdict(const UseCase &u)
        : useCase(u) {}

    UseCaseRef useCase; // must outlive the verdict (see UseCaseRef)
    units::Seconds prefillTime{};
    units::TokenRate prefillRate{};
    units::TokenRate generationRate{}; // averaged over the generated tokens as the KV cache grows
    units::Seconds generationTime{};
    units::Seconds totalTime{};
    // Confidence band (from Assumptions' bands).
    units::TokenRate prefillRateLow{}, prefillRateHigh{};
    units::TokenRate generationRateLow{}, generationRateHigh{};
    bool pass = false;
    bool borderline = false; // passes at the estimate but not at the low end of the band
    WorkflowClass workflow = WorkflowClass::NonViable;
    FailedLimit failed = FailedLimit::None;      // first limit that failed
    Bottleneck bottleneck = Bottleneck::RamSide; // of the failing phase; of generation when passing

    bool operator==(const UseCaseVerdict &) const = default;
};

// Published measurements of the same hardware and model, shown beside the
// estimate ("measured 65 tok/s, LocalScore, 3 runs"). Filled by callers that
// hold the catalogue's measurements (attachMeasurements in calibration.h);
// never an input to the estimate itself.
struct MeasuredReference {
    double medianTokS = 0;
    double lowTokS = 0;     // smallest measured value
    double highTokS = 0;    // largest measured value
    int count = 0;          // measurements behind the figures
    std::string source;     // URL of the most recent one
    std::string date;       // ISO date of the most recent one, when the source gives it
    bool singleRun = false; // every one of them is a single run (no repetitions)

    bool operator==(const MeasuredReference &) const = default;
};

// The use cases an estimate's verdicts refer to, shared (immutable) by the
// estimates made for the same use cases: copying an estimate copies no text.
// Not part of an estimate's value (the verdicts compare their use cases).
struct SharedUseCases {
    std::shared_ptr<const std::vector<UseCase>> list;

    bool operator==(const SharedUseCases &) const { return true; }
};

// An estimate's verdicts: the seed's four use cases stay inside the estimate.
using UseCaseVerdicts = boost::container::small_vector<UseCaseVerdict, 4>;

struct Estimate {
    InlineString<47> buildName;     // longer names are kept on the heap
    InlineString<47> hardwareClass; // class whose efficiency factors were used
    Placement placement = Placement::CpuOnly;
    bool fits = false;
    BandwidthBreakdown bandwidth;
    MemoryBreakdown memory;
    units::Bytes bytesPerToken{}; // weights read per generated token (without KV)
    // Headline figures: llama-bench pp512 / tg128 from an empty context.
    units::TokenRate promptRate{};
    units::TokenRate generationRate{};
    units::TokenRate promptRateLow{}, promptRateHigh{};
    units::TokenRate generationRateLow{}, generationRateHigh{};
    Bottleneck promptBottleneck = Bottleneck::Compute;
    Bottleneck generationBottleneck = Bottleneck::RamSide;
    EfficiencyFactors factors; // the factors actually applied
    // A GPU's FP16 peak was unknown (0): its prefill used the CPU's peak instead.
    bool computeFallback = false;
    // Matching published measurements (empty unless a caller attached them).
    std::optional<MeasuredReference> measuredPrompt;
    std::optional<MeasuredReference> measuredGeneration;
    UseCaseVerdicts useCases;   // one per use case of the workload, in its order
    SharedUseCases useCaseList; // what useCases[i].useCase refers to

    bool operator==(const Estimate &) const = default;
};

// The lowest board-power share (boardPowerShare, hardware.h) among the GPUs a
// placement reads its prompt with: the discrete cards, or the integrated GPU of
// a unified placement. Empty for a CPU-only placement or a build without such
// a GPU. For the JSON output and the report; estimate() applies the shares
// through usableMatrixPeak.
std::optional<double> boardPowerShareOf(const Build &build, Placement placement);

// Fastest placement that fits (or Assumptions::forcedPlacement). Never throws
// for a model that does not fit: the estimate says so (fits = false, verdicts
// fail on Capacity).
Estimate estimate(const Build &build, const ModelChoice &model, const Workload &workload,
                  const Assumptions &assumptions);

// Judges one use case from its filled-in times and rates (prefillTime, generationRate,
// totalTime and the band's low ends): pass, borderline, workflow, failed limit and
// bottleneck. estimate() uses it; exposed so the exact thresholds can be tested.
void classify(UseCaseVerdict &verdict, bool fits, Bottleneck prefillBottleneck,
              Bottleneck generationBottleneck, const Thresholds &thresholds);

// Placements this build could use at all (has GPUs, has an iGPU, ...).
std::vector<Placement> candidatePlacements(const Build &build, const ModelChoice &model);

// Hardware class used for efficiency factors and error bands, e.g. "cpu-zen5",
// "gpu-nvidia-blackwell", "gpu-nvidia-ampere-hbm" (A100), "gpu-amd-rdna3",
// "unified-apple", "unified-amd", "unified-nvidia".
std::string hardwareClass(const Cpu &cpu);
std::string hardwareClass(const Gpu &gpu);
std::string hardwareClass(const Build &build, Placement placement);

// Stable identifiers used in JSON ("cpu", "gpu", "hybrid", "ram-side", "interactive", ...).
const char *toString(Placement placement);
const char *toString(Bottleneck bottleneck);
const char *toString(WorkflowClass workflow);
const char *toString(FailedLimit limit);

// One plain English sentence saying why a use case passes or fails, e.g.
// "UC2 fails: a 4,096-token prompt takes 33 s on this CPU; the limit is 10 s."
std::string explain(const UseCaseVerdict &verdict, const Estimate &estimate,
                    const Thresholds &thresholds);

} // namespace llm
