// SPDX-License-Identifier: MIT
#pragma once
// Internal: the one placement kernel. estimate() (estimate.cpp) and the
// recommender's sweep (fastestimate.cpp) are thin front-ends that reduce a
// build to a Device and a model + use cases to ModelFacts; everything after
// that — the plan of each placement, its memory fit, generation, prefill and
// the choice of placement — is defined here, once. Header-only (inline) so the
// sweep's inner loop keeps its speed.
//
// Every placement is reduced to two "sides" that hold weights and KV cache:
// side A (a GPU, a group of GPUs, or the iGPU) and side B (system RAM read by
// the CPU). Generation time per token is the sum of each side's bytes over its
// own bandwidth; prefill is the larger of compute time and weight traffic per
// micro-batch, with RAM-resident weights of hybrid placements either streamed
// over PCIe or computed on the CPU.

#include "assumptions.h"
#include "estimate.h"
#include "estimate_p.h"
#include "hardware.h"
#include "memory.h"
#include "model.h"
#include "numeric.h"
#include "units.h"
#include "workload.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>

namespace llm::kernel {

inline constexpr std::size_t kMaxPlacements = 7;

// A prompt of one use case (or the headline pp512), prepared once per model.
struct PromptPrep {
    units::Tokens prompt{};
    units::Flops flops{}; // whole prompt, attention at half its length
    double microBatches = 0;
};

inline PromptPrep promptPrep(const AttentionShape &m, units::Tokens prompt, const Assumptions &a) {
    PromptPrep p;
    p.prompt = prompt;
    // Attention at the average context of a causal prompt: half its length.
    p.flops = prefillFlopsPerToken(m, prompt * 0.5) * prompt;
    const double ubatch = std::max(1.0, units::inTokens(a.microBatch));
    p.microBatches = std::ceil(units::inTokens(prompt) / ubatch);
    return p;
}

// What the placements need to know of the model and the workload.
struct ModelFacts {
    const Model *model = nullptr;
    AttentionShape shape;
    units::Bytes weights{}, tokenWeights{}, routed{}, kv{}, overhead{};
    double activeRoutedShare = 0;   // active routed-expert params / total params
    double expertFlopsPerToken = 0; // FLOPs of the active routed experts per token
    double expertRowShare = 0;      // active ÷ routed experts: an expert's share of the tokens
    bool moeHybrid = false;         // HybridMoeExperts is a candidate placement
    // Headline figures (llama-bench pp512 / tg128 from an empty context) decide
    // between placements.
    units::Bytes kvHeadline{}; // KV read per token at the middle of tg128
    PromptPrep headlinePrompt;
};

inline ModelFacts modelFacts(const ModelChoice &choice, const Workload &workload,
                             const Assumptions &a) {
    using namespace units;
    const Model &m = choice.model;
    ModelFacts f;
    f.model = &choice.model;
    f.shape = attentionShape(m);
    const WeightSizes w = weightSizes(choice);
    f.weights = w.total;
    f.tokenWeights = w.perToken;
    f.routed = w.routed;
    if (m.moe && finitePositive(m.paramsTotal)) {
        const double nonExpert = std::max(0.0, m.paramsTotal - std::max(0.0, m.routedExpertParams));
        const double active = finitePositive(m.paramsActive) ? m.paramsActive : m.paramsTotal;
        f.activeRoutedShare = std::clamp((active - nonExpert) / m.paramsTotal, 0.0, 1.0);
    }
    f.expertFlopsPerToken = 2.0 * f.activeRoutedShare * m.paramsTotal;
    f.moeHybrid = m.moe && m.routedExpertParams > 0;
    if (m.moe && m.expertsTotal > 0 && m.expertsActive > 0)
        f.expertRowShare = std::min(1.0, static_cast<double>(m.expertsActive) /
                                             static_cast<double>(m.expertsTotal));
    Tokens maxContext = tokens(0);
    for (const UseCase &u : workload.useCases) {
        const Tokens ctx = u.promptTokens + u.generatedTokens;
        if (std::isfinite(ctx.value()) && ctx > maxContext)
            maxContext = ctx;
    }
    if (std::isfinite(workload.reservedContext.value()) && workload.reservedContext > maxContext)
        maxContext = workload.reservedContext;
    f.kv = kvCacheBytes(f.shape, maxContext, a.kvBytesPerElement, a.microBatch);
    f.overhead = finitePositive(a.runtimeOverhead) ? a.runtimeOverhead : bytes(0);
    f.kvHeadline = kvBytesReadAt(f.shape, tokens(128) * 0.5, a.kvBytesPerElement);
    f.headlinePrompt = promptPrep(f.shape, tokens(512), a);
    return f;
}

// The build's GPUs seen as one device.
struct GpuSide {
    int count = 0;
    units::Bytes vram{};
    units::ByteRate bandwidth{}; // effective for one stream
    units::FlopRate peak{};
    units::ByteRate link{}; // host link of the slowest GPU
    bool computeFallback = false;
};

// One group of identical GPUs, as the reduction below reads it.
struct GpuGroupFacts {
    int count = 0;
    units::Bytes vram{};
    units::ByteRate bandwidth{};
    units::FlopRate peak{}; // FP16 tensor peak; 0 = unknown (the CPU's peak stands in)
    units::ByteRate link{}; // host link of one GPU of the group
};

// Layer split: each GPU holds a share of the layers proportional to its VRAM,
// and one stream visits them in turn: 1/BW = sum(share_i / BW_i). Tensor
// parallel: bandwidths and peaks add up, times an efficiency.
template <class Groups>
GpuSide reduceGpus(const Groups &groups, bool tensorParallel, double tensorParallelEfficiency,
                   units::FlopRate cpuPeak) {
    using namespace units;
    GpuSide s;
    double secondsPerByte = 0, secondsPerFlop = 0, sumBw = 0, sumPeak = 0;
    double minLink = 0;
    // Saturating count, as gpuCount(): absurd counts from user input must not
    // overflow (and leave room for "+ 1 host" in the device counts).
    constexpr long long kMaxCount = std::numeric_limits<int>::max() / 2;
    long long count = 0;
    for (const GpuGroupFacts &g : groups)
        if (g.count > 0) {
            count = std::min(kMaxCount, count + g.count);
            s.vram += static_cast<double>(g.count) * g.vram;
        }
    s.count = static_cast<int>(count);
    if (s.count == 0 || !finitePositive(s.vram))
        return s;
    for (const GpuGroupFacts &g : groups) {
        if (g.count <= 0)
            continue;
        const double share = static_cast<double>(g.count) * g.vram.value() / s.vram.value();
        FlopRate peak = g.peak;
        if (!finitePositive(peak)) {
            peak = cpuPeak;
            s.computeFallback = true;
        }
        // A GPU without a known bandwidth or peak makes the whole group unusable.
        if (!finitePositive(g.bandwidth) || !finitePositive(peak))
            return GpuSide{s.count, s.vram, {}, {}, {}, s.computeFallback};
        secondsPerByte += share / g.bandwidth.value();
        secondsPerFlop += share / peak.value();
        sumBw += static_cast<double>(g.count) * std::max(0.0, g.bandwidth.value());
        sumPeak += static_cast<double>(g.count) * std::max(0.0, peak.value());
        minLink = minLink == 0 ? g.link.value() : std::min(minLink, g.link.value());
    }
    s.link = ByteRate::from_value(minLink);
    if (tensorParallel && s.count > 1) {
        s.bandwidth = ByteRate::from_value(sumBw * tensorParallelEfficiency);
        s.peak = FlopRate::from_value(sumPeak * tensorParallelEfficiency);
    } else {
        s.bandwidth = ByteRate::from_value(secondsPerByte > 0 ? 1.0 / secondsPerByte : 0.0);
        s.peak = FlopRate::from_value(secondsPerFlop > 0 ? 1.0 / secondsPerFlop : 0.0);
    }
    return s;
}

// A build reduced to the numbers the placements read.
struct Device {
    units::ByteRate system{};   // memorySideBandwidth(cpu, memory)
    units::ByteRate cpuReach{}; // cpuCoresReach(cpu): 0 = none
    // What the CPU's CCD links carry for its cores, already at the links'
    // efficiency (cpuSideBandwidth x fabricLinkEfficiency); 0 = no such links.
    units::ByteRate cpuFabric{};
    units::FlopRate cpuPeak{};
    units::Bytes ram{};
    GpuSide gpus;                // the discrete GPUs as one device
    bool tensorParallel = false; // multi-GPU mode of the build
    bool hasIntegratedGpu = false;
    units::ByteRate igpuBandwidth{};
    units::FlopRate igpuPeak{};
    double unifiedShare = 0; // share of RAM the iGPU may use
    // Efficiency factors of each kind of placement (null where no such placement exists).
    const EfficiencyFactors *cpuFactors = nullptr;
    const EfficiencyFactors *gpuFactors = nullptr;
    const EfficiencyFactors *hybridFactors = nullptr;
    const EfficiencyFactors *unifiedFactors = nullptr;
};

// One placement reduced to numbers. Side A: GPU(s) or iGPU; side B: RAM + CPU.
struct Plan {
    Placement placement = Placement::CpuOnly;
    bool runnable = false;
    bool fits = false;
    units::ByteRate bwA{}, bwB{};
    Bottleneck limitA = Bottleneck::GpuMemory, limitB = Bottleneck::RamSide;
    units::ByteRate fabricB{}; // side B's CPU links at their own efficiency; 0 = none
    units::FlopRate peakA{}, peakB{};
    units::Bytes tokenBytesA{}, tokenBytesB{}; // weights read per generated token
    double kvShareA = 0;                       // share of the KV cache on side A
    units::Bytes batchBytesA{}, batchBytesB{}; // weights touched per prefill micro-batch
    double expertFlopsPerToken = 0;            // HybridMoeExperts: FLOPs of routed experts (side B)
    double moeFlopsPerToken = 0;  // FLOPs of the active routed experts per token (any placement)
    double expertRowShare = 0;    // share of a micro-batch's tokens each routed expert sees
    double flopShareA = 0;        // HybridLayers: share of layers on side A
    units::ByteRate link{};       // PCIe for streaming side-B weights (hybrid)
    bool computeFallback = false; // a GPU's peak was unknown: the CPU's was used
    MemoryBreakdown memory;
    units::Bytes capacity{};
    const EfficiencyFactors *factors = nullptr;
};

struct Phase {
    units::Seconds time{};
    Bottleneck bottleneck = Bottleneck::Compute;
};

inline void setFit(Plan &p, const ModelFacts &m, units::Bytes inVram, units::Bytes inRam,
                   units::Bytes vramAvail, units::Bytes ramAvail, int devices) {
    MemoryBreakdown &mb = p.memory;
    mb.weights = m.weights;
    mb.kvCache = m.kv;
    mb.overhead = static_cast<double>(devices) * m.overhead;
    mb.total = mb.weights + mb.kvCache + mb.overhead;
    mb.inVram = inVram;
    mb.inRam = inRam;
    mb.vramAvailable = vramAvail;
    mb.ramAvailable = ramAvail;
    mb.fits = inVram <= vramAvail && inRam <= ramAvail;
    p.capacity = vramAvail + ramAvail;
}

inline Plan makePlan(Placement placement, const ModelFacts &m, const Device &d) {
    using namespace units;
    Plan p;
    p.placement = placement;
    p.moeFlopsPerToken = m.expertFlopsPerToken;
    p.expertRowShare = m.expertRowShare;
    const Bytes zero = bytes(0);
    p.bwB = d.system;
    p.fabricB = d.cpuFabric;
    p.peakB = d.cpuPeak;
    const Bytes need = m.weights + m.kv;
    const GpuSide &g = d.gpus;
    const Bytes gpuOverhead = static_cast<double>(g.count) * m.overhead;

    switch (placement) {
    case Placement::CpuOnly:
        p.factors = d.cpuFactors;
        // The cores alone may reach less than the package's memory (Apple's SoCs).
        if (finitePositive(d.cpuReach) && d.cpuReach < p.bwB) {
            p.bwB = d.cpuReach;
            p.limitB = Bottleneck::CpuFabric;
        }
        p.tokenBytesB = m.tokenWeights;
        p.batchBytesB = m.weights;
        p.runnable = finitePositive(p.bwB) && finitePositive(p.peakB);
        setFit(p, m, zero, need + m.overhead, zero, d.ram, 1);
        break;
    case Placement::SingleGpu:
    case Placement::MultiGpuLayerSplit:
    case Placement::MultiGpuTensorParallel:
        p.factors = d.gpuFactors;
        p.bwA = g.bandwidth;
        p.peakA = g.peak;
        p.computeFallback = g.computeFallback;
        p.tokenBytesA = m.tokenWeights;
        p.batchBytesA = m.weights;
        p.kvShareA = 1.0;
        p.runnable = g.count > 0 && finitePositive(p.bwA) && finitePositive(p.peakA);
        setFit(p, m, need + gpuOverhead, zero, g.vram, zero, g.count);
        break;
    case Placement::HybridLayers: {
        p.factors = d.hybridFactors;
        p.bwA = g.bandwidth;
        p.peakA = g.peak;
        p.computeFallback = g.computeFallback;
        p.link = g.link;
        // Fill VRAM (after its overhead) with whole layers and their KV share.
        const Bytes room = g.vram - gpuOverhead;
        const double f =
            finitePositive(need) ? std::clamp(inBytes(room) / inBytes(need), 0.0, 1.0) : 0.0;
        p.flopShareA = f;
        p.kvShareA = f;
        p.tokenBytesA = f * m.tokenWeights;
        p.tokenBytesB = (1.0 - f) * m.tokenWeights;
        p.batchBytesA = f * m.weights;
        p.batchBytesB = (1.0 - f) * m.weights;
        // Only a real split: all-in-VRAM is SingleGpu/MultiGpu, none is CpuOnly.
        p.runnable = g.count > 0 && f > 0 && f < 1 && finitePositive(p.bwA) &&
                     finitePositive(p.bwB) && finitePositive(p.peakA);
        setFit(p, m, f * need + gpuOverhead, (1.0 - f) * need + m.overhead, g.vram, d.ram,
               g.count + 1);
        break;
    }
    case Placement::HybridMoeExperts: {
        p.factors = d.hybridFactors;
        p.bwA = g.bandwidth;
        p.peakA = g.peak;
        p.computeFallback = g.computeFallback;
        p.link = g.link;
        const Bytes nonExpert = m.weights - m.routed;
        const Bytes activeExperts = m.activeRoutedShare * m.weights;
        // The experts of as many layers as fit stay on the GPU, beside the shared
        // weights and the KV cache (llama.cpp's --n-cpu-moe keeps only the rest
        // on the CPU); a share, not whole layers.
        const Bytes room = g.vram - gpuOverhead - nonExpert - m.kv;
        const double onGpu = finitePositive(m.routed) && finitePositive(room)
                                 ? std::clamp(inBytes(room) / inBytes(m.routed), 0.0, 1.0)
                                 : 0.0;
        p.tokenBytesA = std::max(zero, m.tokenWeights - activeExperts) + onGpu * activeExperts;
        p.tokenBytesB = (1.0 - onGpu) * activeExperts;
        p.kvShareA = 1.0;
        p.batchBytesA = nonExpert + onGpu * m.routed;
        // A micro-batch of hundreds of tokens touches nearly every expert (models.md 4).
        p.batchBytesB = (1.0 - onGpu) * m.routed;
        p.expertFlopsPerToken = (1.0 - onGpu) * m.expertFlopsPerToken;
        p.runnable = g.count > 0 && finitePositive(m.routed) && finitePositive(p.bwA) &&
                     finitePositive(p.bwB) && finitePositive(p.peakA);
        Bytes inVram = nonExpert + m.kv + gpuOverhead + onGpu * m.routed;
        if (onGpu > 0 && onGpu < 1)
            inVram = std::min(inVram, g.vram); // exactly full, whatever the rounding
        setFit(p, m, inVram, (1.0 - onGpu) * m.routed + m.overhead, g.vram, d.ram, g.count + 1);
        break;
    }
    case Placement::Unified: {
        p.factors = d.unifiedFactors;
        p.bwA = d.system;
        p.limitA = Bottleneck::RamSide;
        if (finitePositive(d.igpuBandwidth) && d.igpuBandwidth < d.system) {
            p.bwA = d.igpuBandwidth;
            p.limitA = Bottleneck::GpuMemory;
        }
        p.peakA = finitePositive(d.igpuPeak) ? d.igpuPeak : d.cpuPeak;
        p.computeFallback = !finitePositive(d.igpuPeak);
        p.tokenBytesA = m.tokenWeights;
        p.batchBytesA = m.weights;
        p.kvShareA = 1.0;
        p.runnable = d.hasIntegratedGpu && finitePositive(p.bwA) && finitePositive(p.peakA);
        const double share = std::clamp(d.unifiedShare, 0.0, 1.0);
        setFit(p, m, need + m.overhead, zero, share * d.ram, zero, 1);
        break;
    }
    }
    p.fits = p.runnable && p.memory.fits;
    return p;
}

// What side B (RAM and CPU) reads per second: the memory at the fitted
// efficiency `eff`, or the CPU's fabric links at theirs, whichever is slower;
// `limit` names which.
inline units::ByteRate sideBRate(const Plan &p, double eff, Bottleneck &limit) {
    const units::ByteRate memory = eff * p.bwB;
    if (finitePositive(p.fabricB) && p.fabricB < memory) {
        limit = Bottleneck::CpuFabric;
        return p.fabricB;
    }
    limit = p.limitB;
    return memory;
}

// Seconds per generated token with `kv` bytes of KV cache read per token.
inline Phase generationStep(const Plan &p, units::Bytes kv) {
    using namespace units;
    const double eff = p.factors->bandwidth;
    Bottleneck limitB = p.limitB;
    const Seconds tA = safeDiv(p.tokenBytesA + p.kvShareA * kv, eff * p.bwA);
    const Seconds tB = safeDiv(p.tokenBytesB + (1.0 - p.kvShareA) * kv, sideBRate(p, eff, limitB));
    const Seconds overhead = p.factors->tokenOverhead * tokens(1);
    Phase r;
    r.time = tA + tB + (finitePositive(overhead) ? overhead : seconds(0));
    r.bottleneck = tA >= tB ? p.limitA : limitB;
    if (overhead > std::max(tA, tB))
        r.bottleneck = Bottleneck::Overhead;
    return r;
}

// Max of compute and weight traffic for one side.
inline Phase boundedBy(units::Seconds compute, units::Seconds traffic, Bottleneck trafficLimit) {
    Phase r;
    r.time = std::max(compute, traffic);
    r.bottleneck = compute >= traffic ? Bottleneck::Compute : trafficLimit;
    return r;
}

// How much longer the routed experts' FLOPs of an MoE model take than the same
// FLOPs in a dense layer. A matrix product runs near its peak only when enough
// token rows share each weight tile: a dense layer sees every token of the
// micro-batch (512 in llama-bench), a routed expert only its share of them
// (active ÷ routed experts: 4 of 128 for gpt-oss-120b, 16 rows). With a device's
// half-fill row count h (the rows at which its kernels reach half their peak),
// a product of m rows runs at m / (m + h) of peak; the experts' FLOPs are slowed
// by fill(dense rows) / fill(expert rows). 1 for dense models. docs/estimator.md.
inline double expertSlowdown(const Plan &p, double promptTokens, const Assumptions &a,
                             units::Tokens halfFill) {
    using namespace units;
    const double h = inTokens(halfFill);
    if (!finitePositive(p.moeFlopsPerToken) || !finitePositive(p.expertRowShare) ||
        !finitePositive(h))
        return 1.0;
    const double rows = std::min(promptTokens, std::max(1.0, inTokens(a.microBatch)));
    const double expertRows = std::max(rows * p.expertRowShare, 1.0);
    const auto fill = [h](double m) { return m / (m + h); };
    return fill(rows) / fill(expertRows);
}

// Every forward pass pays the fixed cost a generated token pays (kernel launches
// and synchronisation, per layer, whatever the number of token rows): a prompt
// of n tokens is ceil(n / micro-batch) passes. It matters for small models and
// short prompts, where the matrix work of a pass is shorter than its launches.
inline void addPassOverhead(Phase &r, const Plan &p, double passes) {
    using namespace units;
    const Seconds perPass = p.factors->tokenOverhead * tokens(1);
    if (!finitePositive(perPass) || !finitePositive(passes))
        return;
    const Seconds overhead = passes * perPass;
    if (overhead > r.time)
        r.bottleneck = Bottleneck::Overhead;
    r.time = r.time + overhead;
}

inline Phase prefill(const Plan &p, const PromptPrep &u, const Assumptions &a) {
    using namespace units;
    Phase r;
    const double n = inTokens(u.prompt);
    if (!finitePositive(n))
        return r;
    const double eb = p.factors->bandwidth, ec = p.factors->compute;
    const Flops total = u.flops;
    const double batches = u.microBatches;
    // The routed experts' share of the prompt's FLOPs, and the work it amounts to
    // on each kind of device once their thin batches are counted.
    const double expertShare =
        finitePositive(total) ? std::min(1.0, p.moeFlopsPerToken * n / inFlops(total)) : 0;
    const double slowGpu = expertSlowdown(p, n, a, a.gemmHalfFillRowsGpu);
    const double slowCpu = expertSlowdown(p, n, a, a.gemmHalfFillRowsCpu);
    const double workGpu = 1.0 + expertShare * (slowGpu - 1.0);
    const double workCpu = 1.0 + expertShare * (slowCpu - 1.0);

    const bool hasA = p.placement != Placement::CpuOnly;
    const bool hybrid =
        p.placement == Placement::HybridLayers || p.placement == Placement::HybridMoeExperts;
    Bottleneck limitB = p.limitB;
    if (!hybrid) {
        const FlopRate peak = hasA ? p.peakA : p.peakB;
        const ByteRate rate = hasA ? eb * p.bwA : sideBRate(p, eb, limitB);
        const Bytes bytesPerBatch = hasA ? p.batchBytesA : p.batchBytesB;
        r = boundedBy(safeDiv((hasA ? workGpu : workCpu) * total, ec * peak),
                      safeDiv(batches * bytesPerBatch, rate), hasA ? p.limitA : limitB);
        addPassOverhead(r, p, batches);
        return r;
    }
    // Share of the FLOPs that runs where the side-B weights are, and how much
    // slower its products run on the GPU and on the CPU.
    double shareB = 1.0 - p.flopShareA;
    double workA = workGpu, workBGpu = workGpu, workBCpu = workCpu;
    if (p.placement == Placement::HybridMoeExperts) {
        shareB =
            finitePositive(total) ? std::min(1.0, p.expertFlopsPerToken * n / inFlops(total)) : 0;
        // Side A: attention and shared weights as dense products, plus the
        // experts kept on the GPU at their thin-batch rate.
        const double expertsOnA = std::max(0.0, expertShare - shareB);
        workA = shareB < 1.0 ? (1.0 - expertShare + expertsOnA * slowGpu) / (1.0 - shareB) : 1.0;
        workBGpu = slowGpu;
        workBCpu = slowCpu;
    }
    const Phase sideA = boundedBy(safeDiv(workA * (1.0 - shareB) * total, ec * p.peakA),
                                  safeDiv(batches * p.batchBytesA, eb * p.bwA), p.limitA);
    // Either stream side B's weights to the GPU per micro-batch...
    const Phase streamed =
        boundedBy(safeDiv(workBGpu * shareB * total, ec * p.peakA),
                  safeDiv(batches * p.batchBytesB, a.pcieEfficiency * p.link), Bottleneck::Pcie);
    // ... or let the CPU compute on them where they are.
    const ByteRate rateB = sideBRate(p, eb, limitB);
    const Phase onCpu = boundedBy(safeDiv(workBCpu * shareB * total, ec * p.peakB),
                                  safeDiv(batches * p.batchBytesB, rateB), limitB);
    const bool canStream = finitePositive(p.link) && finitePositive(p.peakA);
    const Phase &sideB =
        (canStream && streamed.time <= onCpu.time) || !finitePositive(p.peakB) ? streamed : onCpu;
    r.time = sideA.time + sideB.time;
    r.bottleneck = sideA.time > sideB.time ? sideA.bottleneck : sideB.bottleneck;
    addPassOverhead(r, p, batches);
    return r;
}

// Placements this device could use at all, in the order they are tried.
inline std::size_t candidates(const Device &d, const ModelFacts &m,
                              std::array<Placement, kMaxPlacements> &out) {
    std::size_t n = 0;
    out[n++] = Placement::CpuOnly;
    const int gpus = d.gpus.count;
    if (gpus == 1)
        out[n++] = Placement::SingleGpu;
    if (gpus >= 2)
        out[n++] =
            d.tensorParallel ? Placement::MultiGpuTensorParallel : Placement::MultiGpuLayerSplit;
    if (gpus >= 1) {
        out[n++] = Placement::HybridLayers;
        if (m.moeHybrid)
            out[n++] = Placement::HybridMoeExperts;
    }
    if (d.hasIntegratedGpu)
        out[n++] = Placement::Unified;
    return n;
}

struct Choice {
    Plan plan;             // the fastest that fits; else the roomiest (shown, not run)
    bool anyFits = false;  // plan fits
    bool anyTried = false; // false: a forced placement this device cannot use
    units::TokenRate headlineGeneration{};
    Phase headlineStep; // plan's generation step at the headline context (when runnable)
    // RAM the RAM-using placements need to fit (the largest over runnable ones):
    // more RAM than this cannot change the outcome.
    units::Bytes ramSufficient{};
    bool gpuOnlyFits = false; // everything fits in VRAM
};

// The fastest placement that fits (headline generation; on a tie the faster
// prompt processing), or Assumptions::forcedPlacement. A forced placement this
// device cannot use falls back to the automatic choice.
inline Choice choose(const ModelFacts &m, const Device &d, const Assumptions &a) {
    using namespace units;
    std::array<Placement, kMaxPlacements> order{};
    const std::size_t n = candidates(d, m, order);
    bool forcedIsCandidate = false;
    if (a.forcedPlacement)
        for (std::size_t i = 0; i < n; ++i)
            forcedIsCandidate = forcedIsCandidate || order[i] == *a.forcedPlacement;
    const bool forced = a.forcedPlacement && forcedIsCandidate;
    Choice c;
    for (std::size_t i = 0; i < n; ++i) {
        if (forced && order[i] != *a.forcedPlacement)
            continue;
        const Plan p = makePlan(order[i], m, d);
        if (p.runnable && p.memory.inRam > c.ramSufficient)
            c.ramSufficient = p.memory.inRam;
        const bool gpuOnly = order[i] == Placement::SingleGpu ||
                             order[i] == Placement::MultiGpuLayerSplit ||
                             order[i] == Placement::MultiGpuTensorParallel;
        if (p.fits && gpuOnly)
            c.gpuOnlyFits = true;
        const Phase step = p.runnable ? generationStep(p, m.kvHeadline) : Phase{};
        const TokenRate rate =
            p.runnable ? safeDiv(tokens(1), step.time) : TokenRate::from_value(0.0);
        if (p.fits) {
            // Equal generation (an iGPU and the CPU reading the same RAM): the one
            // that processes prompts faster is the better use of the machine.
            const bool tie =
                c.anyFits && std::fabs(inTokensPerSecond(rate - c.headlineGeneration)) <=
                                 1e-9 * inTokensPerSecond(c.headlineGeneration);
            const bool better = !c.anyFits || (tie ? prefill(p, m.headlinePrompt, a).time <
                                                         prefill(c.plan, m.headlinePrompt, a).time
                                                   : rate > c.headlineGeneration);
            if (better) {
                c.plan = p;
                c.headlineGeneration = rate;
                c.headlineStep = step;
                c.anyFits = true;
            }
        } else if (!c.anyFits && (!c.anyTried || p.capacity > c.plan.capacity)) {
            c.plan = p;
            c.headlineStep = step;
        }
        c.anyTried = true;
    }
    return c;
}

} // namespace llm::kernel
