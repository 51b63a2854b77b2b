// SPDX-License-Identifier: MIT
// Mirrors core/estimate.cpp step by step (same formulas, same order of
// operations, so results agree to the last bit in practice); tests in
// tests/advisor/tst_fastestimate.cpp hold the two together. When estimate.cpp
// changes its arithmetic, this file must follow.

#include "fastestimate.h"

#include "bandwidth.h"
#include "estimate_p.h"
#include "memory.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace llm::fast {

namespace {

using namespace units;

using detail::cpuPeak;
using detail::positive;
using detail::safeDiv;

struct Plan {
    Placement placement = Placement::CpuOnly;
    bool runnable = false;
    bool fits = false;
    ByteRate bwA{}, bwB{};
    FlopRate peakA{}, peakB{};
    Bytes tokenBytesA{}, tokenBytesB{};
    double kvShareA = 0;
    Bytes batchBytesA{}, batchBytesB{};
    double expertFlopsPerToken = 0;
    double flopShareA = 0;
    ByteRate link{};
    Bytes ramNeed{}; // what the RAM side must hold (0 for VRAM-only placements)
    const EfficiencyFactors *factors = nullptr;
};

struct GpuSide {
    int count = 0;
    Bytes vram{};
    ByteRate bandwidth{};
    FlopRate peak{};
    ByteRate link{};
};

GpuSide gpuSide(const Hardware &h, const Assumptions &a, bool tensorParallel) {
    GpuSide s;
    if (!h.gpu || h.gpuCount <= 0)
        return s;
    const GpuPrep &g = *h.gpu;
    s.count = h.gpuCount;
    s.vram += static_cast<double>(h.gpuCount) * g.vram;
    if (!positive(s.vram))
        return s;
    const double share = h.gpuCount * g.vram.value() / s.vram.value();
    FlopRate peak = g.peak;
    if (!positive(peak))
        peak = h.cpu->peak;
    if (!positive(g.bandwidth) || !positive(peak))
        return GpuSide{s.count, s.vram, {}, {}, {}};
    const double secondsPerByte = share / g.bandwidth.value();
    const double secondsPerFlop = share / peak.value();
    const double sumBw = h.gpuCount * std::max(0.0, g.bandwidth.value());
    const double sumPeak = h.gpuCount * std::max(0.0, peak.value());
    int gen = g.pcieGen;
    if (h.cpu->pcieGen > 0)
        gen = std::min(gen, h.cpu->pcieGen);
    int lanes = h.lanesPerGpu > 0 ? std::min(g.pcieLanes, h.lanesPerGpu) : g.pcieLanes;
    if (h.cpu->pcieLanes > 0)
        lanes = std::min(lanes, h.cpu->pcieLanes);
    s.link = pcieBandwidth(gen, lanes);
    if (tensorParallel && s.count > 1) {
        s.bandwidth = ByteRate::from_value(sumBw * a.tensorParallelEfficiency);
        s.peak = FlopRate::from_value(sumPeak * a.tensorParallelEfficiency);
    } else {
        s.bandwidth = ByteRate::from_value(secondsPerByte > 0 ? 1.0 / secondsPerByte : 0.0);
        s.peak = FlopRate::from_value(secondsPerFlop > 0 ? 1.0 / secondsPerFlop : 0.0);
    }
    return s;
}

Plan makePlan(Placement placement, const ModelPrep &m, const Hardware &h, const Assumptions &a) {
    Plan p;
    p.placement = placement;
    const Bytes zero = bytes(0);
    p.bwB = h.system;
    p.peakB = h.cpu->peak;
    const Bytes need = m.weights + m.kv;
    switch (placement) {
    case Placement::CpuOnly:
        p.factors = h.cpu->factors;
        p.tokenBytesB = m.tokenWeights;
        p.batchBytesB = m.weights;
        p.runnable = positive(p.bwB) && positive(p.peakB);
        p.ramNeed = need + m.overhead;
        p.fits = p.runnable && p.ramNeed <= h.ram;
        break;
    case Placement::SingleGpu:
    case Placement::MultiGpuLayerSplit:
    case Placement::MultiGpuTensorParallel: {
        p.factors = h.gpu->factors;
        const GpuSide g = gpuSide(h, a, placement == Placement::MultiGpuTensorParallel);
        p.bwA = g.bandwidth;
        p.peakA = g.peak;
        p.tokenBytesA = m.tokenWeights;
        p.batchBytesA = m.weights;
        p.kvShareA = 1.0;
        p.runnable = g.count > 0 && positive(p.bwA) && positive(p.peakA);
        p.fits = p.runnable && need + static_cast<double>(g.count) * m.overhead <= g.vram;
        break;
    }
    case Placement::HybridLayers: {
        p.factors = m.hybrid;
        const GpuSide g = gpuSide(h, a, h.tensorParallel);
        p.bwA = g.bandwidth;
        p.peakA = g.peak;
        p.link = g.link;
        const Bytes room = g.vram - static_cast<double>(g.count) * m.overhead;
        const double f = positive(need) ? std::clamp(inBytes(room) / inBytes(need), 0.0, 1.0) : 0.0;
        p.flopShareA = f;
        p.kvShareA = f;
        p.tokenBytesA = f * m.tokenWeights;
        p.tokenBytesB = (1.0 - f) * m.tokenWeights;
        p.batchBytesA = f * m.weights;
        p.batchBytesB = (1.0 - f) * m.weights;
        p.runnable = g.count > 0 && f > 0 && f < 1 && positive(p.bwA) && positive(p.bwB) &&
                     positive(p.peakA);
        p.ramNeed = (1.0 - f) * need + m.overhead;
        p.fits = p.runnable && f * need + static_cast<double>(g.count) * m.overhead <= g.vram &&
                 p.ramNeed <= h.ram;
        break;
    }
    case Placement::HybridMoeExperts: {
        p.factors = m.hybrid;
        const GpuSide g = gpuSide(h, a, h.tensorParallel);
        p.bwA = g.bandwidth;
        p.peakA = g.peak;
        p.link = g.link;
        const Bytes nonExpert = m.weights - m.routed;
        const Bytes activeExperts = m.activeRoutedShare * m.weights;
        p.tokenBytesA = std::max(zero, m.tokenWeights - activeExperts);
        p.tokenBytesB = activeExperts;
        p.kvShareA = 1.0;
        p.batchBytesA = nonExpert;
        p.batchBytesB = m.routed;
        p.expertFlopsPerToken = m.expertFlopsPerToken;
        p.runnable = g.count > 0 && positive(m.routed) && positive(p.bwA) && positive(p.bwB) &&
                     positive(p.peakA);
        p.ramNeed = m.routed + m.overhead;
        p.fits = p.runnable &&
                 nonExpert + m.kv + static_cast<double>(g.count) * m.overhead <= g.vram &&
                 p.ramNeed <= h.ram;
        break;
    }
    case Placement::Unified:
        break; // not enumerated (no iGPU in swept builds)
    }
    return p;
}

Seconds generationTime(const Plan &p, Bytes kv) {
    const double eff = p.factors->bandwidth;
    const Seconds tA = safeDiv(p.tokenBytesA + p.kvShareA * kv, eff * p.bwA);
    const Seconds tB = safeDiv(p.tokenBytesB + (1.0 - p.kvShareA) * kv, eff * p.bwB);
    const Seconds overhead = p.factors->tokenOverhead * tokens(1);
    return tA + tB + (positive(overhead) ? overhead : seconds(0));
}

Seconds maxOf(Seconds x, Seconds y) {
    return std::max(x, y);
}

Seconds prefillTime(const Plan &p, const UseCasePrep &u, const Assumptions &a) {
    const double n = inTokens(u.prompt);
    if (!positive(n))
        return seconds(0);
    const double eb = p.factors->bandwidth, ec = p.factors->compute;
    const Flops total = u.prefillFlops;
    const double batches = u.microBatches;
    const bool hasA = p.placement != Placement::CpuOnly;
    const bool hybrid =
        p.placement == Placement::HybridLayers || p.placement == Placement::HybridMoeExperts;
    if (!hybrid) {
        const FlopRate peak = hasA ? p.peakA : p.peakB;
        const ByteRate bw = hasA ? p.bwA : p.bwB;
        const Bytes bytesPerBatch = hasA ? p.batchBytesA : p.batchBytesB;
        return maxOf(safeDiv(total, ec * peak), safeDiv(batches * bytesPerBatch, eb * bw));
    }
    double shareB = 1.0 - p.flopShareA;
    if (p.placement == Placement::HybridMoeExperts)
        shareB = positive(total) ? std::min(1.0, p.expertFlopsPerToken * n / inFlops(total)) : 0;
    const Seconds sideA = maxOf(safeDiv((1.0 - shareB) * total, ec * p.peakA),
                                safeDiv(batches * p.batchBytesA, eb * p.bwA));
    const Seconds streamed = maxOf(safeDiv(shareB * total, ec * p.peakA),
                                   safeDiv(batches * p.batchBytesB, a.pcieEfficiency * p.link));
    const Seconds onCpu =
        maxOf(safeDiv(shareB * total, ec * p.peakB), safeDiv(batches * p.batchBytesB, eb * p.bwB));
    const bool canStream = positive(p.link) && positive(p.peakA);
    const Seconds sideB = (canStream && streamed <= onCpu) || !positive(p.peakB) ? streamed : onCpu;
    return sideA + sideB;
}

UseCasePrep prepareUseCase(const Model &m, Tokens prompt, Tokens gen, const Assumptions &a) {
    UseCasePrep u;
    u.prompt = prompt;
    u.kvAtMidGeneration = kvBytesReadAt(m, prompt + 0.5 * gen, a.kvBytesPerElement);
    u.prefillFlops = prefillFlopsPerToken(m, prompt * 0.5) * prompt;
    const double ubatch = std::max(1.0, inTokens(a.microBatch));
    u.microBatches = std::ceil(inTokens(prompt) / ubatch);
    return u;
}

} // namespace

const EfficiencyFactors &hybridFactors(const Assumptions &a) {
    return a.factorsFor("hybrid", HardwareKind::Cpu);
}

ModelPrep prepareModel(const ModelChoice &choice, const Workload &workload, const Assumptions &a) {
    const Model &m = choice.model;
    ModelPrep p;
    p.model = &choice.model;
    p.weights = weightBytes(choice);
    p.tokenWeights = weightBytesPerToken(choice);
    p.routed = routedExpertBytes(choice);
    if (m.moe && positive(m.paramsTotal)) {
        const double nonExpert = std::max(0.0, m.paramsTotal - std::max(0.0, m.routedExpertParams));
        const double active = positive(m.paramsActive) ? m.paramsActive : m.paramsTotal;
        p.activeRoutedShare = std::clamp((active - nonExpert) / m.paramsTotal, 0.0, 1.0);
    }
    p.expertFlopsPerToken = 2.0 * p.activeRoutedShare * m.paramsTotal;
    p.moeHybrid = m.moe && m.routedExpertParams > 0;
    Tokens maxContext = tokens(0);
    for (const UseCase &u : workload.useCases) {
        const Tokens ctx = u.promptTokens + u.generatedTokens;
        if (std::isfinite(ctx.value()) && ctx > maxContext)
            maxContext = ctx;
    }
    if (std::isfinite(workload.reservedContext.value()) && workload.reservedContext > maxContext)
        maxContext = workload.reservedContext;
    p.kv = kvCacheBytes(m, maxContext, a.kvBytesPerElement, a.microBatch);
    p.overhead = positive(a.runtimeOverhead) ? a.runtimeOverhead : bytes(0);
    const Tokens headlinePrompt = tokens(512), headlineGen = tokens(128);
    p.kvHeadline = kvBytesReadAt(m, headlineGen * 0.5, a.kvBytesPerElement);
    p.headlinePrompt = prepareUseCase(m, headlinePrompt, tokens(0), a);
    p.useCases.reserve(workload.useCases.size());
    for (const UseCase &u : workload.useCases)
        p.useCases.push_back(prepareUseCase(m, u.promptTokens, u.generatedTokens, a));
    p.thresholds = a.thresholds;
    p.hybrid = &hybridFactors(a);
    return p;
}

CpuPrep prepareCpu(const Cpu &cpu, const Assumptions &a) {
    CpuPrep c;
    c.peak = cpuPeak(cpu);
    c.pcieGen = cpu.pcieGen;
    c.pcieLanes = cpu.pcieLanes;
    c.factors = &a.factorsFor(hardwareClass(cpu), HardwareKind::Cpu);
    return c;
}

GpuPrep prepareGpu(const Gpu &gpu, const Assumptions &a) {
    GpuPrep g;
    g.vram = gpu.vram;
    g.bandwidth = gpu.bandwidth;
    g.peak = gpu.fp16Tensor;
    g.pcieGen = gpu.pcieGen;
    g.pcieLanes = gpu.pcieLanes;
    g.factors = &a.factorsFor(hardwareClass(gpu), HardwareKind::Gpu);
    return g;
}

Outcome evaluate(const ModelPrep &m, const Hardware &h, const Assumptions &a) {
    Outcome out;
    // Candidate placements in estimate()'s order.
    Placement order[4];
    int n = 0;
    order[n++] = Placement::CpuOnly;
    const int gpus = h.gpu ? h.gpuCount : 0;
    if (gpus == 1)
        order[n++] = Placement::SingleGpu;
    if (gpus >= 2)
        order[n++] =
            h.tensorParallel ? Placement::MultiGpuTensorParallel : Placement::MultiGpuLayerSplit;
    if (gpus >= 1) {
        order[n++] = Placement::HybridLayers;
        if (m.moeHybrid)
            order[n++] = Placement::HybridMoeExperts;
    }
    Plan best;
    bool haveFit = false;
    TokenRate bestRate{};
    for (int i = 0; i < n; ++i) {
        if (a.forcedPlacement && order[i] != *a.forcedPlacement)
            continue;
        const Plan p = makePlan(order[i], m, h, a);
        if (p.runnable && p.ramNeed > out.ramSufficient)
            out.ramSufficient = p.ramNeed;
        if (p.fits &&
            (order[i] == Placement::SingleGpu || order[i] == Placement::MultiGpuLayerSplit ||
             order[i] == Placement::MultiGpuTensorParallel))
            out.gpuOnlyFits = true;
        if (!p.fits)
            continue;
        const TokenRate rate = safeDiv(tokens(1), generationTime(p, m.kvHeadline));
        const bool tie = haveFit && std::fabs(inTokensPerSecond(rate - bestRate)) <=
                                        1e-9 * inTokensPerSecond(bestRate);
        const bool better = !haveFit || (tie ? prefillTime(p, m.headlinePrompt, a) <
                                                   prefillTime(best, m.headlinePrompt, a)
                                             : rate > bestRate);
        if (better) {
            best = p;
            bestRate = rate;
            haveFit = true;
        }
    }
    if (!haveFit) {
        // A forced placement this build cannot use: estimate() falls back to automatic.
        if (a.forcedPlacement) {
            bool candidate = false;
            for (int i = 0; i < n; ++i)
                candidate = candidate || order[i] == *a.forcedPlacement;
            if (!candidate) {
                Assumptions automatic = a; // rare path: forced placement impossible here
                automatic.forcedPlacement.reset();
                return evaluate(m, h, automatic);
            }
        }
        return out;
    }
    out.fits = true;
    out.placement = best.placement;
    out.headlineGeneration = bestRate;
    const Thresholds &t = m.thresholds;
    out.allPass = true;
    double margin = std::numeric_limits<double>::infinity();
    for (const UseCasePrep &u : m.useCases) {
        const Seconds pp = prefillTime(best, u, a);
        const TokenRate tg = safeDiv(tokens(1), generationTime(best, u.kvAtMidGeneration));
        out.allPass = out.allPass && pp <= t.maxPrefill && tg >= t.minGeneration;
        double r = tg / t.minGeneration;
        if (positive(pp))
            r = std::min(r, static_cast<double>(t.maxPrefill / pp));
        margin = std::min(margin, r);
    }
    out.margin = std::isfinite(margin) ? margin : 0.0;
    return out;
}

double margin(const UseCaseVerdict &v, bool fits, const Thresholds &t) {
    if (!fits)
        return 0.0;
    double r = v.generationRate / t.minGeneration;
    if (positive(v.prefillTime))
        r = std::min(r, static_cast<double>(t.maxPrefill / v.prefillTime));
    return std::isfinite(r) ? r : 0.0;
}

double margin(const Estimate &e, const Thresholds &t) {
    if (!e.fits)
        return 0.0;
    double m = std::numeric_limits<double>::infinity();
    for (const UseCaseVerdict &v : e.useCases)
        m = std::min(m, margin(v, e.fits, t));
    return std::isfinite(m) ? m : 0.0;
}

} // namespace llm::fast
