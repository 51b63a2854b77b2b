// SPDX-License-Identifier: MIT
// The estimator. Every placement is reduced to two "sides" that hold weights
// and KV cache: side A (a GPU, a group of GPUs, or the iGPU) and side B (system
// RAM read by the CPU). Generation time per token is the sum of each side's
// bytes over its own bandwidth; prefill is the larger of compute time and
// weight traffic per micro-batch, with RAM-resident weights of hybrid
// placements either streamed over PCIe or computed on the CPU.

#include "estimate.h"

#include "bandwidth.h"
#include "classes_p.h"
#include "estimate_p.h"
#include "memory.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace llm {

namespace {

using namespace units;

constexpr std::size_t kMaxPlacements = 7;

using detail::positive;
using detail::safeDiv;

// Peak FLOP per cycle per core of the SIMD datapath, by CPU generation. Per-class
// calibration absorbs what this leaves out (cache, memory stalls, runtime kernels).
Flops cpuFlopsPerCycle(const Cpu &cpu) {
    // FP32 FMA lanes x 2 FLOP x FMA pipes: a native 512-bit datapath does 64,
    // 256-bit datapaths (Zen 4's double-pumped AVX-512, AVX2, NEON) 32.
    const std::string &arch = cpu.architecture;
    const bool zen = arch.rfind("zen", 0) == 0;
    // Zen 5 has a native 512-bit datapath except in the monolithic mobile dies
    // (Strix Point, Krackan), which keep Zen 4's double-pumped 256-bit units.
    const bool zenNative512 =
        (arch == "zen5" || arch == "zen6") && !(cpu.family == CpuFamily::Mobile && cpu.ccds == 0);
    const bool native512 = cpu.avx512 && (!zen || zenNative512);
    double perCycle = native512 ? 64.0 : 32.0;
    // bf16 dot products (AVX512_BF16) or AMX tiles double the matmul rate.
    if (cpu.avx512Bf16 || cpu.amx)
        perCycle *= 2.0;
    return flops(perCycle);
}

} // namespace

FlopRate detail::cpuPeak(const Cpu &cpu) {
    const Frequency clock = positive(cpu.boostClock) ? cpu.boostClock : cpu.baseClock;
    if (cpu.cores <= 0 || !positive(clock))
        return FlopRate::from_value(0.0);
    return static_cast<double>(cpu.cores) * cpuFlopsPerCycle(cpu) * clock;
}

namespace {

ByteRate hostLink(const Build &build, const Gpu &gpu) {
    int gen = gpu.pcieGen;
    if (build.cpu.pcieGen > 0)
        gen = std::min(gen, build.cpu.pcieGen);
    int lanes = gpu.pcieLanes;
    if (build.cpu.pcieLanes > 0)
        lanes = std::min(lanes, build.cpu.pcieLanes);
    return pcieBandwidth(gen, lanes);
}

// The GPUs of a build seen as one device.
struct GpuSide {
    int count = 0;
    Bytes vram{};
    ByteRate bandwidth{}; // effective for one stream
    FlopRate peak{};
    ByteRate link{}; // host link of the slowest GPU
    bool computeFallback = false;
};

GpuSide gpuSide(const Build &build, const Assumptions &a, bool tensorParallel, FlopRate cpuFlops) {
    GpuSide s;
    // Layer split: each GPU holds a share of the layers proportional to its VRAM,
    // and one stream visits them in turn: 1/BW = sum(share_i / BW_i).
    double secondsPerByte = 0, secondsPerFlop = 0, sumBw = 0, sumPeak = 0;
    double minLink = 0;
    s.count = gpuCount(build);
    for (const GpuGroup &g : build.gpus)
        if (g.count > 0)
            s.vram += static_cast<double>(g.count) * g.gpu.vram;
    if (s.count == 0 || !positive(s.vram))
        return s;
    for (const GpuGroup &g : build.gpus) {
        if (g.count <= 0)
            continue;
        const double share = static_cast<double>(g.count) * g.gpu.vram.value() / s.vram.value();
        FlopRate peak = g.gpu.fp16Tensor;
        if (!positive(peak)) {
            peak = cpuFlops;
            s.computeFallback = true;
        }
        // A GPU without a known bandwidth or peak makes the whole group unusable.
        if (!positive(g.gpu.bandwidth) || !positive(peak))
            return GpuSide{s.count, s.vram, {}, {}, {}, s.computeFallback};
        secondsPerByte += share / g.gpu.bandwidth.value();
        secondsPerFlop += share / peak.value();
        sumBw += static_cast<double>(g.count) * std::max(0.0, g.gpu.bandwidth.value());
        sumPeak += static_cast<double>(g.count) * std::max(0.0, peak.value());
        const double link = hostLink(build, g.gpu).value();
        minLink = minLink == 0 ? link : std::min(minLink, link);
    }
    s.link = ByteRate::from_value(minLink);
    if (tensorParallel && s.count > 1) {
        s.bandwidth = ByteRate::from_value(sumBw * a.tensorParallelEfficiency);
        s.peak = FlopRate::from_value(sumPeak * a.tensorParallelEfficiency);
    } else {
        s.bandwidth = ByteRate::from_value(secondsPerByte > 0 ? 1.0 / secondsPerByte : 0.0);
        s.peak = FlopRate::from_value(secondsPerFlop > 0 ? 1.0 / secondsPerFlop : 0.0);
    }
    return s;
}

// One placement reduced to numbers. Side A: GPU(s) or iGPU; side B: RAM + CPU.
struct Plan {
    Placement placement = Placement::CpuOnly;
    bool runnable = false;
    bool fits = false;
    HardwareKind kind = HardwareKind::Cpu;
    ByteRate bwA{}, bwB{};
    Bottleneck limitA = Bottleneck::GpuMemory, limitB = Bottleneck::RamSide;
    FlopRate peakA{}, peakB{};
    Bytes tokenBytesA{}, tokenBytesB{}; // weights read per generated token
    double kvShareA = 0;                // share of the KV cache on side A
    Bytes batchBytesA{}, batchBytesB{}; // weights touched per prefill micro-batch
    double expertFlopsPerToken = 0;     // HybridMoeExperts: FLOPs of routed experts (side B)
    double flopShareA = 0;              // HybridLayers: share of layers on side A
    ByteRate link{};                    // PCIe for streaming side-B weights (hybrid)
    bool computeFallback = false;       // a GPU's peak was unknown: the CPU's was used
    MemoryBreakdown memory;
    Bytes capacity{};
    const EfficiencyFactors *factors = nullptr;
};

struct Phase {
    Seconds time{};
    Bottleneck bottleneck = Bottleneck::Compute;
};

// Seconds per generated token at KV context c.
Phase generationStep(const Plan &p, const Model &m, Tokens context, const Assumptions &a) {
    const double eff = p.factors->bandwidth;
    const Bytes kv = kvBytesReadAt(m, context, a.kvBytesPerElement);
    const Seconds tA = safeDiv(p.tokenBytesA + p.kvShareA * kv, eff * p.bwA);
    const Seconds tB = safeDiv(p.tokenBytesB + (1.0 - p.kvShareA) * kv, eff * p.bwB);
    const Seconds overhead = p.factors->tokenOverhead * tokens(1);
    Phase r;
    r.time = tA + tB + (positive(overhead) ? overhead : seconds(0));
    r.bottleneck = tA >= tB ? p.limitA : p.limitB;
    if (overhead > std::max(tA, tB))
        r.bottleneck = Bottleneck::Overhead;
    return r;
}

// Max of compute and weight traffic for one side.
Phase boundedBy(Seconds compute, Seconds traffic, Bottleneck trafficLimit) {
    Phase r;
    r.time = std::max(compute, traffic);
    r.bottleneck = compute >= traffic ? Bottleneck::Compute : trafficLimit;
    return r;
}

Phase prefill(const Plan &p, const Model &m, Tokens prompt, const Assumptions &a) {
    Phase r;
    const double n = inTokens(prompt);
    if (!positive(n))
        return r;
    const double eb = p.factors->bandwidth, ec = p.factors->compute;
    // Attention at the average context of a causal prompt: half its length.
    const Flops total = prefillFlopsPerToken(m, prompt * 0.5) * prompt;
    const double ubatch = std::max(1.0, inTokens(a.microBatch));
    const double batches = std::ceil(n / ubatch);

    const bool hasA = p.placement != Placement::CpuOnly;
    const bool hybrid =
        p.placement == Placement::HybridLayers || p.placement == Placement::HybridMoeExperts;
    if (!hybrid) {
        const FlopRate peak = hasA ? p.peakA : p.peakB;
        const ByteRate bw = hasA ? p.bwA : p.bwB;
        const Bytes bytes = hasA ? p.batchBytesA : p.batchBytesB;
        return boundedBy(safeDiv(total, ec * peak), safeDiv(batches * bytes, eb * bw),
                         hasA ? p.limitA : p.limitB);
    }
    // Share of the FLOPs that runs where the side-B weights are.
    double shareB = 1.0 - p.flopShareA;
    if (p.placement == Placement::HybridMoeExperts)
        shareB = positive(total) ? std::min(1.0, p.expertFlopsPerToken * n / inFlops(total)) : 0;
    const Phase sideA = boundedBy(safeDiv((1.0 - shareB) * total, ec * p.peakA),
                                  safeDiv(batches * p.batchBytesA, eb * p.bwA), p.limitA);
    // Either stream side B's weights to the GPU per micro-batch...
    const Phase streamed =
        boundedBy(safeDiv(shareB * total, ec * p.peakA),
                  safeDiv(batches * p.batchBytesB, a.pcieEfficiency * p.link), Bottleneck::Pcie);
    // ... or let the CPU compute on them where they are.
    const Phase onCpu = boundedBy(safeDiv(shareB * total, ec * p.peakB),
                                  safeDiv(batches * p.batchBytesB, eb * p.bwB), p.limitB);
    const bool canStream = positive(p.link) && positive(p.peakA);
    const Phase &sideB =
        (canStream && streamed.time <= onCpu.time) || !positive(p.peakB) ? streamed : onCpu;
    r.time = sideA.time + sideB.time;
    r.bottleneck = sideA.time > sideB.time ? sideA.bottleneck : sideB.bottleneck;
    return r;
}

TokenRate rateOf(Tokens n, Seconds t) {
    return safeDiv(n, t);
}

struct Context {
    const Build &build;
    const ModelChoice &choice;
    const Assumptions &a;
    Bytes weights, tokenWeights, routed, kv, overhead;
    ByteRate system;
    Bottleneck systemLimit;
    FlopRate cpuFlops;
    double activeRoutedShare = 0; // active routed-expert params / total params
};

void setFit(Plan &p, Bytes inVram, Bytes inRam, Bytes vramAvail, Bytes ramAvail, int devices,
            const Context &c) {
    MemoryBreakdown &mb = p.memory;
    mb.weights = c.weights;
    mb.kvCache = c.kv;
    mb.overhead = static_cast<double>(devices) * c.overhead;
    mb.total = mb.weights + mb.kvCache + mb.overhead;
    mb.inVram = inVram;
    mb.inRam = inRam;
    mb.vramAvailable = vramAvail;
    mb.ramAvailable = ramAvail;
    mb.fits = inVram <= vramAvail && inRam <= ramAvail;
    p.capacity = vramAvail + ramAvail;
}

const EfficiencyFactors &factorsForPlan(const Context &c, Placement placement, HardwareKind kind) {
    // Without calibrated classes every class gets its kind's default: skip the name.
    if (c.a.efficiencyByClass.empty())
        return c.a.factorsFor(std::string(), kind);
    // Thread-local scratch so the class name costs no allocation once warm.
    thread_local std::string cls;
    detail::hardwareClassInto(cls, c.build, placement);
    return c.a.factorsFor(cls, kind);
}

Plan makePlan(Placement placement, const Context &c) {
    Plan p;
    p.placement = placement;
    const Build &b = c.build;
    const Bytes ram = b.memory.capacity;
    const Bytes zero = bytes(0);
    p.bwB = c.system;
    p.limitB = c.systemLimit;
    p.peakB = c.cpuFlops;
    const Bytes need = c.weights + c.kv;

    switch (placement) {
    case Placement::CpuOnly:
        p.kind = HardwareKind::Cpu;
        p.tokenBytesB = c.tokenWeights;
        p.batchBytesB = c.weights;
        p.runnable = positive(p.bwB) && positive(p.peakB);
        setFit(p, zero, need + c.overhead, zero, ram, 1, c);
        break;
    case Placement::SingleGpu:
    case Placement::MultiGpuLayerSplit:
    case Placement::MultiGpuTensorParallel: {
        p.kind = HardwareKind::Gpu;
        const GpuSide g =
            gpuSide(b, c.a, placement == Placement::MultiGpuTensorParallel, c.cpuFlops);
        p.bwA = g.bandwidth;
        p.peakA = g.peak;
        p.computeFallback = g.computeFallback;
        p.tokenBytesA = c.tokenWeights;
        p.batchBytesA = c.weights;
        p.kvShareA = 1.0;
        p.runnable = g.count > 0 && positive(p.bwA) && positive(p.peakA);
        setFit(p, need + static_cast<double>(g.count) * c.overhead, zero, g.vram, zero, g.count, c);
        break;
    }
    case Placement::HybridLayers: {
        p.kind = HardwareKind::Cpu;
        const GpuSide g =
            gpuSide(b, c.a, b.multiGpuMode == MultiGpuMode::TensorParallel, c.cpuFlops);
        p.bwA = g.bandwidth;
        p.peakA = g.peak;
        p.computeFallback = g.computeFallback;
        p.link = g.link;
        // Fill VRAM (after its overhead) with whole layers and their KV share.
        const Bytes room = g.vram - static_cast<double>(g.count) * c.overhead;
        const double f = positive(need) ? std::clamp(inBytes(room) / inBytes(need), 0.0, 1.0) : 0.0;
        p.flopShareA = f;
        p.kvShareA = f;
        p.tokenBytesA = f * c.tokenWeights;
        p.tokenBytesB = (1.0 - f) * c.tokenWeights;
        p.batchBytesA = f * c.weights;
        p.batchBytesB = (1.0 - f) * c.weights;
        // Only a real split: all-in-VRAM is SingleGpu/MultiGpu, none is CpuOnly.
        p.runnable = g.count > 0 && f > 0 && f < 1 && positive(p.bwA) && positive(p.bwB) &&
                     positive(p.peakA);
        setFit(p, f * need + static_cast<double>(g.count) * c.overhead,
               (1.0 - f) * need + c.overhead, g.vram, ram, g.count + 1, c);
        break;
    }
    case Placement::HybridMoeExperts: {
        p.kind = HardwareKind::Cpu;
        const GpuSide g =
            gpuSide(b, c.a, b.multiGpuMode == MultiGpuMode::TensorParallel, c.cpuFlops);
        p.bwA = g.bandwidth;
        p.peakA = g.peak;
        p.computeFallback = g.computeFallback;
        p.link = g.link;
        const Bytes nonExpert = c.weights - c.routed;
        const Bytes activeExperts = c.activeRoutedShare * c.weights;
        p.tokenBytesA = std::max(zero, c.tokenWeights - activeExperts);
        p.tokenBytesB = activeExperts;
        p.kvShareA = 1.0;
        p.batchBytesA = nonExpert;
        // A micro-batch of hundreds of tokens touches nearly every expert (models.md 4).
        p.batchBytesB = c.routed;
        p.expertFlopsPerToken = 2.0 * c.activeRoutedShare * c.choice.model.paramsTotal;
        p.runnable = g.count > 0 && positive(c.routed) && positive(p.bwA) && positive(p.bwB) &&
                     positive(p.peakA);
        setFit(p, nonExpert + c.kv + static_cast<double>(g.count) * c.overhead,
               c.routed + c.overhead, g.vram, ram, g.count + 1, c);
        break;
    }
    case Placement::Unified: {
        p.kind = HardwareKind::Unified;
        // Only the iGPU's two figures are needed: no copy of its strings.
        const ByteRate igpuBandwidth =
            b.integratedGpu ? b.integratedGpu->bandwidth : ByteRate::from_value(0.0);
        const FlopRate igpuPeak =
            b.integratedGpu ? b.integratedGpu->fp16Tensor : FlopRate::from_value(0.0);
        p.bwA = c.system;
        p.limitA = c.systemLimit;
        if (positive(igpuBandwidth) && igpuBandwidth < c.system) {
            p.bwA = igpuBandwidth;
            p.limitA = Bottleneck::GpuMemory;
        }
        p.peakA = positive(igpuPeak) ? igpuPeak : c.cpuFlops;
        p.computeFallback = !positive(igpuPeak);
        p.tokenBytesA = c.tokenWeights;
        p.batchBytesA = c.weights;
        p.kvShareA = 1.0;
        p.runnable = b.integratedGpu.has_value() && positive(p.bwA) && positive(p.peakA);
        const double share = std::clamp(b.unifiedGpuMemoryShare, 0.0, 1.0);
        setFit(p, need + c.overhead, zero, share * ram, zero, 1, c);
        break;
    }
    }
    p.factors = &factorsForPlan(c, placement, p.kind);
    p.fits = p.runnable && p.memory.fits;
    return p;
}

std::size_t placementsInto(const Build &build, const ModelChoice &choice,
                           std::array<Placement, kMaxPlacements> &out) {
    std::size_t n = 0;
    out[n++] = Placement::CpuOnly;
    const int gpus = gpuCount(build);
    if (gpus == 1)
        out[n++] = Placement::SingleGpu;
    if (gpus >= 2)
        out[n++] = build.multiGpuMode == MultiGpuMode::TensorParallel
                       ? Placement::MultiGpuTensorParallel
                       : Placement::MultiGpuLayerSplit;
    if (gpus >= 1) {
        out[n++] = Placement::HybridLayers;
        if (choice.model.moe && choice.model.routedExpertParams > 0)
            out[n++] = Placement::HybridMoeExperts;
    }
    if (build.integratedGpu)
        out[n++] = Placement::Unified;
    return n;
}

} // namespace

std::vector<Placement> candidatePlacements(const Build &build, const ModelChoice &model) {
    std::array<Placement, kMaxPlacements> buf{};
    const std::size_t n = placementsInto(build, model, buf);
    return {buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(n)};
}

void estimateInto(const Build &build, const ModelChoice &choice, const Workload &workload,
                  const Assumptions &a, Estimate &out) {
    const Model &m = choice.model;
    Context c{build, choice, a, {}, {}, {}, {}, {}, {}, Bottleneck::RamSide, {}, 0};
    c.weights = weightBytes(choice);
    c.tokenWeights = weightBytesPerToken(choice);
    c.routed = routedExpertBytes(choice);
    if (m.moe && positive(m.paramsTotal)) {
        const double nonExpert = std::max(0.0, m.paramsTotal - std::max(0.0, m.routedExpertParams));
        const double active = positive(m.paramsActive) ? m.paramsActive : m.paramsTotal;
        c.activeRoutedShare = std::clamp((active - nonExpert) / m.paramsTotal, 0.0, 1.0);
    }
    Tokens maxContext = tokens(0);
    for (const UseCase &u : workload.useCases) {
        const Tokens ctx = u.promptTokens + u.generatedTokens;
        if (std::isfinite(ctx.value()) && ctx > maxContext)
            maxContext = ctx;
    }
    if (std::isfinite(workload.reservedContext.value()) && workload.reservedContext > maxContext)
        maxContext = workload.reservedContext;
    c.kv = kvCacheBytes(m, maxContext, a.kvBytesPerElement, a.microBatch);
    c.overhead = positive(a.runtimeOverhead) ? a.runtimeOverhead : bytes(0);
    c.cpuFlops = detail::cpuPeak(build.cpu);

    // Start from a default Estimate but keep the storage of its strings and
    // verdicts, so that a reused `out` costs no allocation.
    std::string keepName = std::move(out.buildName), keepClass = std::move(out.hardwareClass),
                keepFitted = std::move(out.factors.fittedOn);
    std::vector<UseCaseVerdict> keepVerdicts = std::move(out.useCases);
    out = Estimate{};
    Estimate &e = out;
    e.buildName = std::move(keepName);
    e.buildName.assign(build.name);
    e.hardwareClass = std::move(keepClass);
    e.factors.fittedOn = std::move(keepFitted);
    e.useCases = std::move(keepVerdicts);
    BandwidthBreakdown &bw = e.bandwidth;
    bw.ramSide = ramSideBandwidth(build.memory.channels, build.memory.speed);
    bw.cpuSide = cpuSideBandwidth(build.cpu);
    bw.system = systemBandwidth(build.cpu, build.memory);
    bw.fabricApplies = !build.cpu.unifiedBandwidth && positive(bw.cpuSide);
    bw.systemLimit =
        bw.fabricApplies && bw.cpuSide < bw.ramSide ? Bottleneck::CpuFabric : Bottleneck::RamSide;
    for (const GpuGroup &g : build.gpus) {
        if (g.count > 0) {
            bw.gpu = g.gpu.bandwidth;
            bw.pcie = hostLink(build, g.gpu);
            break;
        }
    }
    if (!positive(bw.gpu) && build.integratedGpu)
        bw.gpu = build.integratedGpu->bandwidth; // shown for unified machines
    if (!positive(bw.gpu))
        bw.gpu = ByteRate::from_value(0.0); // NaN or negative input reads as none
    c.system = bw.system;
    c.systemLimit = bw.systemLimit;
    e.bytesPerToken = c.tokenWeights;

    // Evaluate every candidate; keep the fastest that fits, else the roomiest.
    std::array<Placement, kMaxPlacements> placements{};
    const std::size_t count = placementsInto(build, choice, placements);
    const Tokens headlinePrompt = tokens(512), headlineGen = tokens(128);
    Plan best;
    bool haveFit = false, haveAny = false;
    TokenRate bestRate{};
    for (std::size_t i = 0; i < count; ++i) {
        if (a.forcedPlacement && placements[i] != *a.forcedPlacement)
            continue;
        Plan p = makePlan(placements[i], c);
        const TokenRate rate =
            p.runnable ? rateOf(tokens(1), generationStep(p, m, headlineGen * 0.5, a).time)
                       : TokenRate::from_value(0.0);
        if (p.fits) {
            // Equal generation (an iGPU and the CPU reading the same RAM): the one
            // that processes prompts faster is the better use of the machine.
            const bool tie = haveFit && std::fabs(inTokensPerSecond(rate - bestRate)) <=
                                            1e-9 * inTokensPerSecond(bestRate);
            const bool better = !haveFit || (tie ? prefill(p, m, headlinePrompt, a).time <
                                                       prefill(best, m, headlinePrompt, a).time
                                                 : rate > bestRate);
            if (better) {
                best = p;
                bestRate = rate;
                haveFit = true;
            }
        } else if (!haveFit && (!haveAny || p.capacity > best.capacity)) {
            best = p;
        }
        haveAny = true;
    }
    if (!haveAny) {
        // A forced placement this build cannot use: fall back to automatic choice.
        Assumptions automatic = a;
        automatic.forcedPlacement.reset();
        estimateInto(build, choice, workload, automatic, out);
        return;
    }

    e.placement = best.placement;
    e.fits = best.fits;
    e.memory = best.memory;
    e.factors.bandwidth = best.factors->bandwidth;
    e.factors.compute = best.factors->compute;
    e.factors.tokenOverhead = best.factors->tokenOverhead;
    e.factors.measurements = best.factors->measurements;
    e.factors.fittedOn.assign(best.factors->fittedOn);
    e.computeFallback = best.computeFallback;
    detail::hardwareClassInto(e.hardwareClass, build, best.placement);
    const Band promptBand = a.promptBandFor(e.hardwareClass);
    const Band genBand = a.generationBandFor(e.hardwareClass);

    if (best.runnable) {
        const Phase pp = prefill(best, m, headlinePrompt, a);
        const Phase tg = generationStep(best, m, headlineGen * 0.5, a);
        e.promptRate = rateOf(headlinePrompt, pp.time);
        e.generationRate = rateOf(tokens(1), tg.time);
        e.promptBottleneck = pp.bottleneck;
        e.generationBottleneck = tg.bottleneck;
    }
    e.promptRateLow = promptBand.low * e.promptRate;
    e.promptRateHigh = promptBand.high * e.promptRate;
    e.generationRateLow = genBand.low * e.generationRate;
    e.generationRateHigh = genBand.high * e.generationRate;

    e.useCases.resize(workload.useCases.size());
    for (std::size_t i = 0; i < workload.useCases.size(); ++i) {
        const UseCase &u = workload.useCases[i];
        UseCaseVerdict &v = e.useCases[i];
        UseCase keep = std::move(v.useCase);
        v = UseCaseVerdict{};
        v.useCase = std::move(keep);
        v.useCase.id.assign(u.id);
        v.useCase.description.assign(u.description);
        v.useCase.promptTokens = u.promptTokens;
        v.useCase.generatedTokens = u.generatedTokens;
        Phase pp, tg;
        if (best.runnable) {
            pp = prefill(best, m, u.promptTokens, a);
            // Average over the generated tokens: the KV read grows linearly, so the
            // mean time per token is the time at the midpoint context.
            tg = generationStep(best, m, u.promptTokens + 0.5 * u.generatedTokens, a);
            v.prefillTime = pp.time;
            v.prefillRate = rateOf(u.promptTokens, pp.time);
            v.generationRate = rateOf(tokens(1), tg.time);
            v.generationTime =
                positive(u.generatedTokens) ? inTokens(u.generatedTokens) * tg.time : seconds(0);
            v.totalTime = v.prefillTime + v.generationTime;
        }
        v.prefillRateLow = promptBand.low * v.prefillRate;
        v.prefillRateHigh = promptBand.high * v.prefillRate;
        v.generationRateLow = genBand.low * v.generationRate;
        v.generationRateHigh = genBand.high * v.generationRate;
        classify(v, e.fits, pp.bottleneck, tg.bottleneck, a.thresholds);
    }
}

Estimate estimate(const Build &build, const ModelChoice &choice, const Workload &workload,
                  const Assumptions &a) {
    Estimate e;
    estimateInto(build, choice, workload, a, e);
    return e;
}

} // namespace llm
