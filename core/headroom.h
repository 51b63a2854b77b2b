// SPDX-License-Identifier: MIT
#pragma once
// Headroom of a build: how much bigger a model, how much longer a context and
// how many simultaneous users it takes before a use case stops passing.

#include "assumptions.h"
#include "catalog.h"
#include "estimate.h"
#include "hardware.h"
#include "model.h"
#include "units.h"
#include "workload.h"

#include <string>
#include <vector>

namespace llm {

struct UseCaseHeadroom {
    std::string useCase;
    // The build meets this need now (fits and passes). The limits below are computed
    // either way, but a need it fails has no room to offer: callers show them only
    // for needs met (a failing need must not be credited with users served).
    bool meetsNow = false;
    // Largest catalogue model (by total parameters, at the chosen quantization) that
    // passes; empty when none does.
    std::string largestCatalogueModel;
    double largestCatalogueParams = 0;
    // Largest parameter count of the chosen model's shape (same layers, attention and
    // quantization, every parameter count scaled) that still passes; 0 when none.
    double largestParams = 0;
    bool paramsAtSearchLimit = false; // passes even at the search's upper bound
    // Longest context (prompt grown, output kept) that fits and passes; 0 when none.
    units::Tokens longestContext{};
    bool contextAtModelLimit = false; // passes up to the model's own maximum context
    // Users served at once with at least the minimum generation rate each (batched
    // generation at this use case's context); 0 when one user already fails.
    int concurrentUsers = 0;
    bool usersAtSearchLimit = false;
};

struct Headroom {
    std::vector<UseCaseHeadroom> useCases;
};

Headroom headroom(const Build &build, const ModelChoice &model, const Workload &workload,
                  const Assumptions &assumptions, const Catalog &catalog);

// The largest catalogue model (by total parameters, at `quant`) with which the build
// meets every need in `needs`, among dense models (`moe` false) or mixture-of-experts
// ones (`moe` true), no larger than `maxParams`; nullptr when none does.
const Model *largestModelMeetingAll(const Build &build, const Quantization &quant,
                                    const std::vector<UseCase> &needs,
                                    const Assumptions &assumptions, const Catalog &catalog,
                                    bool moe, double maxParams);

// Building blocks, exposed so the limits can be checked just above and below.

// The model with every parameter count (total, active, routed) scaled to `paramsTotal`;
// a known file size scales with it.
ModelChoice scaledModel(const ModelChoice &model, double paramsTotal);
// The use case with its prompt set so that prompt + output = `context` (prompt >= 0).
UseCase withContext(const UseCase &useCase, units::Tokens context);
// estimate() of this single use case passes.
bool passes(const Build &build, const ModelChoice &model, const UseCase &useCase,
            const Assumptions &assumptions);

// Batched generation of `users` streams at one use case's context, from the single-user
// estimate `single` (whose workload is that use case): each step reads the weights once
// (MoE: the experts any user routes to), every user's KV cache, and computes every
// user's token; the step takes the longer of memory and compute time.
struct BatchedGeneration {
    units::TokenRate perUser{};
    units::Bytes memoryNeeded{};    // weights + overhead + KV for every user
    units::Bytes memoryAvailable{}; // of the placement the estimate chose
    bool fits = false;
    bool ok(const Thresholds &t) const { return fits && perUser >= t.minGeneration; }
};
BatchedGeneration batchedGeneration(const Estimate &single, const ModelChoice &model,
                                    const UseCase &useCase, int users,
                                    const Assumptions &assumptions);

} // namespace llm
