// SPDX-License-Identifier: MIT
#pragma once
// Scenario files: the JSON a user (or the window's "save comparison") writes to
// name builds, a model, a runtime, use cases and assumption overrides. This is
// the edge where bare JSON numbers become core values, so every check of what a
// user may type lives here, and every error names the JSON field it is about.

#include "assumptions.h"
#include "catalog.h"
#include "decision.h"
#include "estimate.h"
#include "hardware.h"
#include "model.h"
#include "platform.h"
#include "workload.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace llm::scenario {

// Version of the file format written by writeScenario. Files with a larger
// number were made by a newer program and are refused rather than misread.
inline constexpr int kFormatVersion = 1;
// The largest scenario file the program reads (a comparison of 10,000 builds
// is about 1 MB). Readers stop at this many bytes, so standard input from an
// endless source is refused instead of filling memory.
inline constexpr qint64 kMaxScenarioBytes = 16 * 1024 * 1024;

// What the window keeps about a build beyond the hardware itself.
struct BuildExtras {
    std::string presetName; // preset the build was made from ("" = none)
    std::string notes;      // free text shown in the report (the window keeps it in Build::notes)
};

struct Scenario {
    int formatVersion = kFormatVersion;
    std::string programVersion; // version of the program that wrote the file
    std::string catalogAsOf;    // as-of date of the catalogue the file was made with
    std::string title;          // optional heading for the comparison
    // What the meeting the comparison is for needs on the report's first page
    // (all optional, free text): why it meets, what it decided, who was there.
    std::string purpose;
    std::string decision;
    std::string attendees;
    std::vector<Build> builds;
    std::vector<BuildExtras> buildExtras; // parallel to builds (same size)
    ModelChoice model;
    Workload workload;
    std::string runtime = "llama.cpp";
    // Defaults passed to parseScenario, with the file's "thresholds" and
    // "assumptions" overrides applied (their keys listed in `overridden`).
    Assumptions assumptions;
};

// A JSON path such as "builds[1].memory.channels" and a plain English message.
struct ScenarioError {
    QString field;
    QString message;
    QString toLine() const { return field + QStringLiteral(": ") + message; }
};

struct ParseResult {
    std::optional<Scenario> scenario;
    ScenarioError error; // set when scenario is empty
    bool ok() const { return scenario.has_value(); }
};

// Parses and checks a scenario. Catalogue names (cpu, gpus[].model, model,
// model.quant, use cases, presets) are resolved in `catalog`; every build is
// checked with llm::checkBuild against `rules` (the shipped platform rules, as
// the window and the recommender use them). `defaults` are the assumptions the
// file's overrides are applied to (the calibrated ones, when the caller has them).
ParseResult parseScenario(const QByteArray &json, const Catalog &catalog,
                          const PlatformRules &rules, const Assumptions &defaults = Assumptions{});

// The catalogue's integrated GPU of a unified-memory CPU ("AMD Ryzen AI Max+
// PRO 395" -> "AMD Radeon 8060S (Ryzen AI Max+ 395)", Apple SoCs by their
// shared name), or nullptr. parseScenario attaches it to a build unless the
// build says "integrated_gpu": false (or names another one).
const Gpu *integratedGpuFor(const Catalog &catalog, const Cpu &cpu);

// Writes a self-contained file: every CPU, GPU, model and use case as an
// explicit object, so a saved comparison gives the same figures after a
// catalogue update. Stamps format version, program version and as-of date.
// parseScenario(writeScenario(s)) gives back s (with the same defaults).
QByteArray writeScenario(const Scenario &scenario);

// Runs the estimator for every build of the scenario.
std::vector<Estimate> estimateAll(const Scenario &scenario);

// The command-line contract's per-build object (see DESIGN.md), plus extra keys.
QJsonObject estimateToJson(const Estimate &estimate, const Build &build,
                           const Assumptions &assumptions);

// The `decision` object of build `index` of the summary (db/scenario/FORMAT.md,
// "Output of estimate"): fit, needs met, price and its source, badges, cheapest
// fix, and the comparison's facts (repeated in every build's object).
QJsonObject decisionToJson(const DecisionSummary &summary, std::size_t index);

// Explicit-object forms (also what `catalog list ... --format json` prints),
// accepted back by parseScenario wherever a catalogue name is.
QJsonObject cpuToJson(const Cpu &cpu);
QJsonObject gpuToJson(const Gpu &gpu);
QJsonObject modelToJson(const Model &model);
QJsonObject quantToJson(const Quantization &quant);
QJsonObject useCaseToJson(const UseCase &useCase);

// Rounds for output so that golden files stay stable: 4 significant digits.
double roundForOutput(double value, int significantDigits = 4);

} // namespace llm::scenario
