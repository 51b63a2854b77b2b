// SPDX-License-Identifier: MIT
#pragma once
// Calibration of the estimator's efficiency factors on published measurements,
// and the cross-validation that says how far the calibrated estimator can be
// trusted. Plain structs in, plain structs out: no files, no Qt.
//
// Method, in two sentences: for every measurement we solve for the efficiency
// that would make the estimator reproduce it exactly, and a hardware class's
// factor is the median of those per-measurement efficiencies, one vote per
// device (generation first, then prompt processing given the fitted bandwidth). The fixed per-token
// overhead is one value per hardware kind and runtime, chosen from a short grid
// as the one that minimises the median generation error of that group.

#include "assumptions.h"
#include "estimate.h"
#include "hardware.h"
#include "model.h"
#include "workload.h"

#include <optional>
#include <string>
#include <vector>

namespace llm {

// One published measurement, resolved against the catalogue.
struct Measurement {
    std::string id;      // "LS-171", "XD-06", ...
    std::string source;  // URL
    std::string device;  // what whole-device cross-validation holds out together
    std::string runtime; // "llama.cpp", "llamafile", "ik_llama.cpp"
    Build build;
    ModelChoice model;
    Placement placement = Placement::CpuOnly;
    HardwareKind kind = HardwareKind::Cpu;
    // What was measured: the prompt rate is the plain mean of the prefill rates
    // of promptRuns, the generation rate the mean of the generation rates of
    // generationRuns (LocalScore's avg9 averages nine scenarios this way).
    std::vector<UseCase> promptRuns;
    std::vector<UseCase> generationRuns;
    std::optional<double> promptTokS;     // measured, tokens/s
    std::optional<double> generationTokS; // measured, tokens/s
    bool suspect = false; // flagged SUSPECT-LOW by the data: validated, never fitted
    std::string date;     // ISO date of the run when the source gives it
    int runs = 1;         // repetitions behind the figure (1 = single run)
    std::vector<std::string> assumptions; // what had to be assumed to estimate it
};

struct MeasuredPrediction {
    bool ok = false;
    std::string hardwareClass; // class whose factors were applied (without @runtime)
    double promptTokS = 0;     // mean over promptRuns (0 when none)
    double generationTokS = 0; // mean over generationRuns (0 when none)
};

// The estimator applied to exactly the workload the measurement ran.
MeasuredPrediction predictMeasurement(const Measurement &m, const Assumptions &assumptions);

struct CalibrationOptions {
    std::string fittedOn;    // ISO date written into every fitted factor
    int minimumPerClass = 2; // fewer rows: the class falls back to its kind
    // Candidate fixed per-token overheads (seconds) tried per kind and runtime.
    std::vector<double> overheadGrid{0,      0.25e-3, 0.5e-3, 1e-3, 1.5e-3, 2e-3,
                                     2.5e-3, 3e-3,    4e-3,   5e-3, 6.5e-3, 8e-3};
};

// Fits efficiency factors (bandwidth, compute, token overhead) per hardware
// class and per class@runtime where the data has both, plus the kinds' defaults.
// `base` provides everything that is not fitted (thresholds, microBatch, ...);
// its efficiency maps are replaced. Bands are left as in `base`.
Assumptions fitEfficiency(const std::vector<Measurement> &train, const Assumptions &base,
                          const CalibrationOptions &options = {});

enum class MeasuredPhase { Prompt, Generation };
const char *toString(MeasuredPhase phase);

// One held-out prediction.
struct Residual {
    std::string id;
    std::string device;
    std::string hardwareClass;
    HardwareKind kind = HardwareKind::Cpu;
    MeasuredPhase phase = MeasuredPhase::Generation;
    double predicted = 0; // tokens/s
    double measured = 0;  // tokens/s
    bool suspect = false;
    // (predicted - measured) / measured x 100
    double errorPct() const { return measured > 0 ? (predicted - measured) / measured * 100.0 : 0; }
};

// Leave-one-device-out cross-validation: for every device, fit on all other
// devices' measurements and predict this device's. The held-out rows are never
// seen by the fit that predicts them.
std::vector<Residual> crossValidate(const std::vector<Measurement> &all, const Assumptions &base,
                                    const CalibrationOptions &options = {});

// Predictions of the given assumptions for every measurement (no refit): what
// `validate` reports.
std::vector<Residual> residualsOf(const std::vector<Measurement> &all,
                                  const Assumptions &assumptions);

// Bands come, by default, from the spread of all cross-validated residuals of
// a phase: measured on devices held out of the fit, per-class spreads held only
// 62-67 % of an unseen device's measurements and per-kind spreads 73-74 %, the
// pooled spread 77-79 %. A class or kind gets its own band only when it has
// `minimumPerClass` residuals (classes: from at least three devices).
inline constexpr int kPooledBands = 1000000;

// Low/high multipliers holding the central `coverage` share of measured ÷
// predicted, written into the assumptions' band maps for every class (and
// class@runtime key) the assumptions know; the global pool sets defaultBand.
void fitBands(Assumptions &assumptions, const std::vector<Residual> &residuals,
              double coverage = 0.8, int minimumPerClass = kPooledBands);

// Share of residuals that fall inside bands fitted without their own device
// (leave-one-device-out over the residuals themselves): an honest coverage figure.
double bandCoverage(const std::vector<Residual> &residuals, MeasuredPhase phase,
                    double coverage = 0.8, int minimumPerClass = kPooledBands);

// Attaches the measurements of the same device (the CPU for a CPU-only
// placement, the GPU model and count otherwise, the iGPU for unified memory)
// and the same model and quantization to `estimate` (measuredPrompt /
// measuredGeneration). Nothing attached when there is no match.
void attachMeasurements(Estimate &estimate, const Build &build, const ModelChoice &model,
                        const std::vector<Measurement> &measurements);

// The user's own measurements in the calibration: every hardware class and
// runtime they cover gets the factors that reproduce them (bandwidth from the
// generation rows, then compute from the prompt rows given that bandwidth; the
// median over the user's rows), since the user's runtime and settings are what
// they will buy for. The per-token overhead stays the fitted one; other
// classes keep `base`'s factors. ownMeasurements counts the rows behind a
// class's factors ("calibrated with 3 of your measurements"). No rows: `base`.
Assumptions calibrateWithOwnMeasurements(const Assumptions &base,
                                         const std::vector<Measurement> &own,
                                         const std::string &fittedOn);

// Which hardware kind a class name belongs to ("cpu-zen5" -> Cpu, ...).
HardwareKind kindOfClass(const std::string &hardwareClass);

} // namespace llm
