// SPDX-License-Identifier: MIT
#pragma once
// What-if analysis: the effect of one change to a build (or to the model or
// context) on every use case's verdict and margin, and on the price.

#include "assumptions.h"
#include "catalog.h"
#include "estimate.h"
#include "hardware.h"
#include "model.h"
#include "platform.h"
#include "validation.h"
#include "workload.h"

#include <optional>
#include <string>
#include <vector>

namespace llm {

enum class WhatIfChange {
    FasterMemory,  // next supported memory speed up
    AllChannels,   // every channel populated (same DIMMs in each)
    OneMoreGpu,    // one more of the first GPU
    LargerGpu,     // next GPU up by VRAM (then bandwidth), same count
    SmallerGpu,    // next GPU down
    QuantUp,       // next quantization with more bits per weight
    QuantDown,     // next with fewer
    DoubleContext, // every use case's prompt and output doubled
};

// Stable identifiers: "faster-memory", "all-channels", "one-more-gpu", ...
const char *toString(WhatIfChange change);

// Why a change cannot be made at all, as a fact callers can word (and translate).
enum class NotPossible {
    None,
    AtFastestMemory,   // the memory already runs at the fastest speed the CPU is rated for
    AllChannelsFilled, // every memory channel is populated
    NoGpu,             // no discrete GPU to add another of, or to swap
    GpuNotSoldNew,     // the build's GPU is no longer sold new
    GpuDoesNotFit,     // the build's GPU does not fit the platform's slots (SXM / OAM module)
    NoLargerGpu,       // no larger GPU on sale that the platform takes
    NoSmallerGpu,      // no smaller one
    NoHigherQuant,     // no quantization with more bits per weight
    NoLowerQuant,      // no quantization with fewer
    NoUseCases,        // nothing to double
};

struct UseCaseDelta {
    std::string useCase;
    bool passBefore = false, passAfter = false;
    double marginBefore = 0, marginAfter = 0; // see fast::margin
    double marginDelta() const { return marginAfter - marginBefore; }
};

struct WhatIf {
    WhatIfChange change = WhatIfChange::FasterMemory;
    std::string description; // "DDR5-5200 -> DDR5-5600", "1 -> 2x RTX 5090", ...
    bool available = false;  // false: nothing to change (reason says why), no estimate
    std::string reason;
    NotPossible notPossible = NotPossible::None; // the reason as a fact
    // checkBuild() of the changed build (slots, lanes, PSU, memory population): still
    // estimated, but it cannot be bought as is.
    std::vector<Problem> platformProblems;
    Build build;
    ModelChoice model;
    Workload workload;
    Estimate estimate; // estimate() of the changed inputs
    std::vector<UseCaseDelta> useCases;
    std::optional<double> priceBeforeEur, priceAfterEur;
    std::optional<double> priceDeltaEur() const {
        if (priceBeforeEur && priceAfterEur)
            return *priceAfterEur - *priceBeforeEur;
        return std::nullopt;
    }
};

// All eight changes, in WhatIfChange order. `rules` (optional) adds platform checks,
// the slot width of added or swapped GPUs, and keeps out GPUs the build's platform
// does not take (SXM / OAM modules in a desktop, integrated GPUs). Parts no longer
// sold new are never proposed unless `includeUsed`.
std::vector<WhatIf> whatIfs(const Build &build, const ModelChoice &model, const Workload &workload,
                            const Assumptions &assumptions, const Catalog &catalog,
                            const PlatformRules *rules = nullptr, bool includeUsed = false);

} // namespace llm
