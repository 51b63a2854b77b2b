// SPDX-License-Identifier: MIT
#include "headroom.h"

#include "memory.h"
#include "numeric.h"

#include <algorithm>
#include <cmath>

namespace llm {

namespace {

using namespace units;

// Searches stop here: far beyond any catalogue model or machine.
constexpr double kMaxParams = 1e15;
constexpr double kMinParams = 1e6;
constexpr double kParamsRelativeTolerance = 1e-5;
constexpr int kMaxUsers = 1 << 20;
// Models without a published maximum context are searched up to this.
constexpr double kDefaultMaxContext = 1 << 20;

double largestPassingParams(const Build &b, const ModelChoice &m, const UseCase &u,
                            const Assumptions &a, bool *atLimit) {
    *atLimit = false;
    const double p0 = m.model.paramsTotal;
    if (!finitePositive(p0))
        return 0;
    const auto ok = [&](double p) { return passes(b, scaledModel(m, p), u, a); };
    double lo = 0, hi = 0;
    if (ok(p0)) {
        lo = p0;
        hi = 2 * p0;
        while (ok(hi)) {
            lo = hi;
            if (hi >= kMaxParams) {
                *atLimit = true;
                return lo;
            }
            hi *= 2;
        }
    } else {
        hi = p0;
        lo = p0 / 2;
        while (!ok(lo)) {
            hi = lo;
            lo /= 2;
            if (lo < kMinParams)
                return 0;
        }
    }
    while (hi - lo > kParamsRelativeTolerance * lo) {
        const double mid = 0.5 * (lo + hi);
        (ok(mid) ? lo : hi) = mid;
    }
    return lo;
}

Tokens longestPassingContext(const Build &b, const ModelChoice &m, const UseCase &u,
                             const Assumptions &a, bool *atLimit) {
    *atLimit = false;
    const double gen = std::max(0.0, inTokens(u.generatedTokens));
    const double maxContext = m.model.maxContext > 0 ? m.model.maxContext : kDefaultMaxContext;
    const double maxPrompt = std::floor(maxContext - gen);
    if (maxPrompt < 0)
        return tokens(0);
    const auto ok = [&](double prompt) {
        return passes(b, m, withContext(u, tokens(prompt + gen)), a);
    };
    if (ok(maxPrompt)) {
        *atLimit = true;
        return tokens(maxPrompt + gen);
    }
    if (!ok(0))
        return tokens(0);
    double lo = 0, hi = maxPrompt; // ok(lo), !ok(hi)
    while (hi - lo > 1) {
        const double mid = std::floor(0.5 * (lo + hi));
        (ok(mid) ? lo : hi) = mid;
    }
    return tokens(lo + gen);
}

int mostUsers(const Build &b, const ModelChoice &m, const UseCase &u, const Assumptions &a,
              bool *atLimit) {
    *atLimit = false;
    const Estimate single = estimate(b, m, Workload{{u}}, a);
    const auto ok = [&](int users) {
        return batchedGeneration(single, m, u, users, a).ok(a.thresholds);
    };
    if (!ok(1))
        return 0;
    int lo = 1, hi = 2;
    while (ok(hi)) {
        lo = hi;
        if (hi >= kMaxUsers) {
            *atLimit = true;
            return lo;
        }
        hi *= 2;
    }
    while (hi - lo > 1) {
        const int mid = lo + (hi - lo) / 2;
        (ok(mid) ? lo : hi) = mid;
    }
    return lo;
}

} // namespace

ModelChoice scaledModel(const ModelChoice &model, double paramsTotal) {
    ModelChoice m = model;
    const double p0 = model.model.paramsTotal;
    const double k = finitePositive(p0) ? paramsTotal / p0 : 0.0;
    m.model.paramsTotal = paramsTotal;
    m.model.paramsActive = model.model.paramsActive * k;
    m.model.routedExpertParams = model.model.routedExpertParams * k;
    if (m.fileSize)
        m.fileSize = *model.fileSize * k;
    return m;
}

UseCase withContext(const UseCase &useCase, Tokens context) {
    UseCase u = useCase;
    u.promptTokens = std::max(tokens(0), context - useCase.generatedTokens);
    return u;
}

bool passes(const Build &build, const ModelChoice &model, const UseCase &useCase,
            const Assumptions &assumptions) {
    const Estimate e = estimate(build, model, Workload{{useCase}}, assumptions);
    return e.fits && !e.useCases.empty() && e.useCases.front().pass;
}

BatchedGeneration batchedGeneration(const Estimate &single, const ModelChoice &model,
                                    const UseCase &useCase, int users, const Assumptions &a) {
    BatchedGeneration r;
    if (!single.fits || single.useCases.empty() || users < 1)
        return r;
    const UseCaseVerdict &v = single.useCases.front();
    const double rate1 = inTokensPerSecond(v.generationRate);
    if (!finitePositive(rate1))
        return r;
    const Model &m = model.model;
    const double n = static_cast<double>(users);

    // Memory: weights and overhead once, KV cache per user (at the full context).
    const MemoryBreakdown &mb = single.memory;
    r.memoryNeeded = mb.weights + mb.overhead + n * mb.kvCache;
    r.memoryAvailable = mb.vramAvailable + mb.ramAvailable;
    r.fits = users == 1 ? single.fits : r.memoryNeeded <= r.memoryAvailable;

    // Bytes per step. MoE: each user routes to its own experts; the share of routed
    // weights touched is 1 - (1 - q)^users, q = what one token reads of them.
    const Tokens midContext = useCase.promptTokens + 0.5 * useCase.generatedTokens;
    const Bytes kvRead = kvBytesReadAt(m, midContext, a.kvBytesPerElement);
    const Bytes weights = weightBytes(model);
    const Bytes perToken = weightBytesPerToken(model);
    const Bytes routed = routedExpertBytes(model);
    double activeRoutedShare = 0;
    if (m.moe && finitePositive(m.paramsTotal)) {
        const double nonExpert = std::max(0.0, m.paramsTotal - std::max(0.0, m.routedExpertParams));
        const double active = finitePositive(m.paramsActive) ? m.paramsActive : m.paramsTotal;
        activeRoutedShare = std::clamp((active - nonExpert) / m.paramsTotal, 0.0, 1.0);
    }
    const Bytes activeRouted = activeRoutedShare * weights;
    const double q = finitePositive(inBytes(routed))
                         ? std::clamp(static_cast<double>(activeRouted / routed), 0.0, 1.0)
                         : 0.0;
    const Bytes shared = std::max(bytes(0), perToken - activeRouted);
    const Bytes weightsRead = shared + (1.0 - std::pow(1.0 - q, n)) * routed;

    // The single-user estimate fixes the effective bandwidth (all placements, both sides).
    const Seconds overhead = std::max(seconds(0), single.factors.tokenOverhead * tokens(1));
    const Seconds memory1 = seconds(1.0 / rate1) - overhead;
    if (!finitePositive(inSeconds(memory1)))
        return r;
    const ByteRate bandwidth = (perToken + kvRead) / memory1;
    const Seconds memoryTime = (weightsRead + n * kvRead) / bandwidth;

    // Compute: the estimate's pp512 rate gives the FLOP/s the placement reaches.
    Seconds computeTime = seconds(0);
    const double pp = inTokensPerSecond(single.promptRate);
    if (finitePositive(pp)) {
        const FlopRate achieved = prefillFlopsPerToken(m, tokens(256)) * tokensPerSecond(pp);
        computeTime = n * (prefillFlopsPerToken(m, midContext) * tokens(1)) / achieved;
    }
    const Seconds step = overhead + std::max(memoryTime, computeTime);
    r.perUser = users == 1 ? v.generationRate : tokens(1) / step;
    return r;
}

const Model *largestModelMeetingAll(const Build &build, const Quantization &quant,
                                    const std::vector<UseCase> &needs, const Assumptions &a,
                                    const Catalog &catalog, bool moe, double maxParams) {
    if (needs.empty())
        return nullptr;
    std::vector<const Model *> candidates;
    for (const Model &m : catalog.models)
        if (m.moe == moe && finitePositive(m.paramsTotal) && m.paramsTotal <= maxParams)
            candidates.push_back(&m);
    std::stable_sort(candidates.begin(), candidates.end(), [](const Model *x, const Model *y) {
        return x->paramsTotal > y->paramsTotal;
    });
    for (const Model *m : candidates) {
        const ModelChoice choice{*m, quant, std::nullopt};
        if (std::all_of(needs.begin(), needs.end(),
                        [&](const UseCase &u) { return passes(build, choice, u, a); }))
            return m;
    }
    return nullptr;
}

Headroom headroom(const Build &build, const ModelChoice &model, const Workload &workload,
                  const Assumptions &a, const Catalog &catalog) {
    Headroom h;
    for (const UseCase &u : workload.useCases) {
        UseCaseHeadroom r;
        r.useCase = u.id;
        r.meetsNow = passes(build, model, u, a);
        for (const Model &m : catalog.models) {
            if (m.paramsTotal <= r.largestCatalogueParams)
                continue;
            if (passes(build, ModelChoice{m, model.quant, std::nullopt}, u, a)) {
                r.largestCatalogueModel = m.name;
                r.largestCatalogueParams = m.paramsTotal;
            }
        }
        r.largestParams = largestPassingParams(build, model, u, a, &r.paramsAtSearchLimit);
        r.longestContext = longestPassingContext(build, model, u, a, &r.contextAtModelLimit);
        r.concurrentUsers = mostUsers(build, model, u, a, &r.usersAtSearchLimit);
        h.useCases.push_back(std::move(r));
    }
    return h;
}

} // namespace llm
