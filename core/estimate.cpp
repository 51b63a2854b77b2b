// SPDX-License-Identifier: MIT
// The estimator's front-end: it reduces a build to the kernel's Device and the
// model + use cases to ModelFacts, lets the kernel (core/placement_p.h) choose
// the placement and time each phase, and fills the Estimate with the figures,
// bands, bottlenecks and verdicts.

#include "estimate.h"

#include "bandwidth.h"
#include "classes_p.h"
#include "estimate_p.h"
#include "memory.h"
#include "placement_p.h"
#include "text.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace llm {

namespace {

using namespace units;

// Peak FLOP per cycle per core of the SIMD datapath, by CPU generation. Per-class
// calibration absorbs what this leaves out (cache, memory stalls, runtime kernels).
Flops cpuFlopsPerCycle(const Cpu &cpu) {
    // FP32 FMA lanes x 2 FLOP x FMA pipes: a native 512-bit datapath does 64,
    // 256-bit datapaths (Zen 4's double-pumped AVX-512, AVX2, NEON) 32.
    const std::string_view arch = cpu.architecture;
    const bool zen = arch.starts_with("zen");
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

// The clock every core holds through a long prompt. Intel defines a part's base
// frequency as the one all cores hold at its rated power (TDP / Processor Base
// Power) under a high-complexity workload — the state a prompt of thousands of
// tokens keeps the CPU in. Its boost clock is a one- or two-core figure: an
// Intel laptop part at 15–45 W runs all cores far below it (258V: base 2.2,
// boost 4.8 GHz). AMD's boost is held on all cores within the socket's power
// (PPT = 1.35 x TDP on AM5), so its boost clock stays. Without a base clock the
// boost clock is used, except for Intel laptop parts: since the 12th generation
// Intel publishes no base frequency for its H, HX and P parts (only the base
// power), and their all-core clock is taken as 0.44 x boost, the median
// base / boost of the catalogue's Intel laptop parts that publish both (155H
// 0.29, 14900HX 0.38, 268V 0.44, 185H 0.45, 258V 0.46).
Frequency sustainedAllCoreClock(const Cpu &cpu) {
    const bool intel = equalsIgnoringCase(cpu.vendor, "Intel");
    const Frequency boost = finitePositive(cpu.boostClock) ? cpu.boostClock : cpu.baseClock;
    if (!intel)
        return boost;
    if (finitePositive(cpu.baseClock))
        return cpu.baseClock;
    constexpr double kIntelLaptopBaseOverBoost = 0.44;
    return cpu.family == CpuFamily::Mobile ? kIntelLaptopBaseOverBoost * boost : boost;
}

} // namespace

FlopRate detail::cpuPeak(const Cpu &cpu) {
    const Frequency clock = sustainedAllCoreClock(cpu);
    if (cpu.cores <= 0 || !finitePositive(clock))
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

// Factors of one kind of placement: by the class name when classes are
// calibrated; without calibrated classes every class gets its kind's default.
const EfficiencyFactors &factorsOf(const Assumptions &a, const Build &build, Placement placement,
                                   HardwareKind kind, std::string &scratch) {
    if (a.efficiencyByClass.empty())
        return a.defaultFactors(kind);
    detail::hardwareClassInto(scratch, build, placement);
    return a.factorsFor(scratch, kind);
}

// The build reduced to what the kernel reads (core/placement_p.h).
kernel::Device deviceOf(const Build &build, const BandwidthBreakdown &bw, const Assumptions &a,
                        std::string &scratch) {
    kernel::Device d;
    // From the breakdown, not computed again: the RAM side, and bw.cpuSide, which
    // is the CCD links' rate where they apply and a SoC's reach (cpuCoresReach)
    // otherwise.
    d.system = memorySideBandwidth(build.cpu, bw.ramSide);
    if (bw.fabricApplies)
        d.cpuFabric = a.fabricLinkEfficiency * bw.cpuSide;
    else
        d.cpuReach = bw.cpuSide;
    d.cpuPeak = detail::cpuPeak(build.cpu);
    d.ram = build.memory.capacity;
    d.tensorParallel = build.multiGpuMode == MultiGpuMode::TensorParallel;
    const auto factsOf = [&build](const GpuGroup &g) {
        return kernel::GpuGroupFacts{g.count, g.gpu.vram, g.gpu.bandwidth, usableMatrixPeak(g.gpu),
                                     hostLink(build, g.gpu)};
    };
    // Builds have one or two GPU groups: a stack buffer, a vector only for more.
    constexpr std::size_t kGroups = 4;
    if (build.gpus.size() <= kGroups) {
        std::array<kernel::GpuGroupFacts, kGroups> groups{};
        for (std::size_t i = 0; i < build.gpus.size(); ++i)
            groups[i] = factsOf(build.gpus[i]);
        d.gpus = kernel::reduceGpus(std::span(groups.data(), build.gpus.size()), d.tensorParallel,
                                    a.tensorParallelEfficiency, d.cpuPeak);
    } else {
        std::vector<kernel::GpuGroupFacts> groups;
        groups.reserve(build.gpus.size());
        for (const GpuGroup &g : build.gpus)
            groups.push_back(factsOf(g));
        d.gpus =
            kernel::reduceGpus(groups, d.tensorParallel, a.tensorParallelEfficiency, d.cpuPeak);
    }
    d.cpuFactors = &factorsOf(a, build, Placement::CpuOnly, HardwareKind::Cpu, scratch);
    if (d.gpus.count > 0) {
        d.gpuFactors = &factorsOf(a, build, Placement::SingleGpu, HardwareKind::Gpu, scratch);
        d.hybridFactors = &factorsOf(a, build, Placement::HybridLayers, HardwareKind::Cpu, scratch);
    }
    if (build.integratedGpu) {
        d.hasIntegratedGpu = true;
        d.igpuBandwidth = build.integratedGpu->bandwidth;
        d.igpuPeak = usableMatrixPeak(*build.integratedGpu);
        d.unifiedShare = build.unifiedGpuMemoryShare;
        d.unifiedFactors = &factorsOf(a, build, Placement::Unified, HardwareKind::Unified, scratch);
    }
    return d;
}

BandwidthBreakdown bandwidthOf(const Build &build) {
    BandwidthBreakdown bw;
    bw.ramSide = ramSideBandwidth(build.memory.channels, build.memory.speed);
    bw.cpuSide = cpuSideBandwidth(build.cpu);
    bw.fabricApplies = finitePositive(bw.cpuSide);
    if (const ByteRate reach = cpuCoresReach(build.cpu); finitePositive(reach))
        bw.cpuSide = reach; // what the cores read on a SoC (not a CCD link)
    bw.system = systemBandwidth(build.cpu, build.memory);
    bw.systemLimit =
        bw.fabricApplies && bw.cpuSide < bw.ramSide ? Bottleneck::CpuFabric : Bottleneck::RamSide;
    for (const GpuGroup &g : build.gpus) {
        if (g.count > 0) {
            bw.gpu = g.gpu.bandwidth;
            bw.pcie = hostLink(build, g.gpu);
            break;
        }
    }
    if (!finitePositive(bw.gpu) && build.integratedGpu)
        bw.gpu = build.integratedGpu->bandwidth; // shown for unified machines
    if (!finitePositive(bw.gpu))
        bw.gpu = ByteRate::from_value(0.0); // NaN or negative input reads as none
    return bw;
}

TokenRate rateOf(Tokens n, Seconds t) {
    return safeDiv(n, t);
}

bool sameBits(Tokens a, Tokens b) {
    return std::bit_cast<std::uint64_t>(a.value()) == std::bit_cast<std::uint64_t>(b.value());
}

// Equal in every bit (0 and -0 differ, a NaN equals itself): the shared list
// must show exactly the caller's use cases.
bool sameUseCases(const std::vector<UseCase> &a, const std::vector<UseCase> &b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!sameBits(a[i].promptTokens, b[i].promptTokens) ||
            !sameBits(a[i].generatedTokens, b[i].generatedTokens) ||
            !detail::sameText(a[i].id, b[i].id) ||
            !detail::sameText(a[i].description, b[i].description))
            return false;
    return true;
}

// The use cases as an immutable shared list for the verdicts to refer to: the
// last estimate's list on this thread when the use cases are the same (many
// builds judged for one workload), so that an estimate copies no text.
std::shared_ptr<const std::vector<UseCase>> sharedUseCases(const std::vector<UseCase> &useCases) {
    thread_local std::shared_ptr<const std::vector<UseCase>> last;
    if (!last || !sameUseCases(*last, useCases))
        last = std::make_shared<const std::vector<UseCase>>(useCases);
    return last;
}

} // namespace

const UseCase &noUseCase() {
    static const UseCase none;
    return none;
}

// Pass, borderline, workflow, failed limit and bottleneck of one use case, from
// its filled-in times and rates. Defined here so that estimate() inlines it.
void classify(UseCaseVerdict &v, bool fits, Bottleneck prefillBottleneck,
              Bottleneck generationBottleneck, const Thresholds &t) {
    const bool prefillOk = v.prefillTime <= t.maxPrefill;
    const bool generationOk = v.generationRate >= t.minGeneration;
    v.pass = fits && prefillOk && generationOk;
    if (!fits)
        v.failed = FailedLimit::Capacity;
    else if (!prefillOk)
        v.failed = FailedLimit::PrefillTime;
    else if (!generationOk)
        v.failed = FailedLimit::GenerationRate;
    else
        v.failed = FailedLimit::None;

    switch (v.failed) {
    case FailedLimit::Capacity:
        v.bottleneck = Bottleneck::Capacity;
        break;
    case FailedLimit::PrefillTime:
        v.bottleneck = prefillBottleneck;
        break;
    case FailedLimit::GenerationRate:
    case FailedLimit::None:
        v.bottleneck = generationBottleneck;
        break;
    }

    if (!fits)
        v.workflow = WorkflowClass::NonViable;
    else if (v.prefillTime < t.interactivePrefill && v.generationRate > t.minGeneration)
        v.workflow = WorkflowClass::Interactive;
    else if (v.totalTime <= t.backgroundTotal)
        v.workflow = WorkflowClass::Background;
    else if (v.totalTime <= t.offlineTotal)
        v.workflow = WorkflowClass::Offline;
    else
        v.workflow = WorkflowClass::NonViable;

    // Borderline: passes at the estimate, fails at the low end of the band.
    v.borderline = false;
    if (v.pass) {
        const double prompt = units::inTokens(v.useCase->promptTokens);
        const double lowRate = units::inTokensPerSecond(v.prefillRateLow);
        const bool prefillLowFails =
            finitePositive(prompt) &&
            (!finitePositive(lowRate) || units::seconds(prompt / lowRate) > t.maxPrefill);
        v.borderline = prefillLowFails || v.generationRateLow < t.minGeneration;
    }
}

std::vector<Placement> candidatePlacements(const Build &build, const ModelChoice &model) {
    kernel::Device d;
    d.gpus.count = gpuCount(build);
    d.tensorParallel = build.multiGpuMode == MultiGpuMode::TensorParallel;
    d.hasIntegratedGpu = build.integratedGpu.has_value();
    kernel::ModelFacts m;
    m.moeHybrid = model.model.moe && model.model.routedExpertParams > 0;
    std::array<Placement, kernel::kMaxPlacements> buf{};
    const std::size_t n = kernel::candidates(d, m, buf);
    return {buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(n)};
}

std::optional<double> boardPowerShareOf(const Build &build, Placement placement) {
    if (placement == Placement::CpuOnly)
        return std::nullopt;
    if (placement == Placement::Unified)
        return build.integratedGpu ? std::optional<double>(boardPowerShare(*build.integratedGpu))
                                   : std::nullopt;
    std::optional<double> lowest;
    for (const GpuGroup &g : build.gpus)
        if (g.count > 0)
            lowest = std::min(lowest.value_or(1.0), boardPowerShare(g.gpu));
    return lowest;
}

Estimate estimate(const Build &build, const ModelChoice &choice, const Workload &workload,
                  const Assumptions &a) {
    Estimate e;
    e.buildName = build.name;
    e.useCaseList.list = sharedUseCases(workload.useCases);
    e.bandwidth = bandwidthOf(build);
    thread_local std::string scratch; // class names: no allocation once warm
    const kernel::Device device = deviceOf(build, e.bandwidth, a, scratch);
    const kernel::ModelFacts facts = kernel::modelFacts(choice, workload, a);
    e.bytesPerToken = facts.tokenWeights;

    const kernel::Choice chosen = kernel::choose(facts, device, a);
    const kernel::Plan &best = chosen.plan;
    e.placement = best.placement;
    e.fits = chosen.anyFits;
    e.memory = best.memory;
    e.factors.bandwidth = best.factors->bandwidth;
    e.factors.compute = best.factors->compute;
    e.factors.tokenOverhead = best.factors->tokenOverhead;
    e.factors.measurements = best.factors->measurements;
    e.factors.fittedOn = best.factors->fittedOn;
    e.factors.ownMeasurements = best.factors->ownMeasurements;
    e.computeFallback = best.computeFallback;
    detail::hardwareClassInto(e.hardwareClass, build, best.placement);
    Band promptBand = a.defaultBand, genBand = a.defaultBand; // what uncalibrated bands are
    if (!a.promptBandByClass.empty() || !a.generationBandByClass.empty()) {
        scratch.assign(e.hardwareClass.view());
        promptBand = a.promptBandFor(scratch);
        genBand = a.generationBandFor(scratch);
    }

    if (best.runnable) {
        const kernel::Phase pp = kernel::prefill(best, facts.headlinePrompt, a);
        const kernel::Phase &tg = chosen.headlineStep; // generationStep(best, facts.kvHeadline)
        e.promptRate = rateOf(facts.headlinePrompt.prompt, pp.time);
        e.generationRate = rateOf(tokens(1), tg.time);
        e.promptBottleneck = pp.bottleneck;
        e.generationBottleneck = tg.bottleneck;
    }
    e.promptRateLow = promptBand.low * e.promptRate;
    e.promptRateHigh = promptBand.high * e.promptRate;
    e.generationRateLow = genBand.low * e.generationRate;
    e.generationRateHigh = genBand.high * e.generationRate;

    const std::vector<UseCase> &useCases = *e.useCaseList.list;
    e.useCases.reserve(useCases.size());
    for (const UseCase &u : useCases) {
        UseCaseVerdict &v = e.useCases.emplace_back(u);
        kernel::Phase pp, tg;
        if (best.runnable) {
            pp = kernel::prefill(best, kernel::promptPrep(facts.shape, u.promptTokens, a), a);
            // Average over the generated tokens: the KV read grows linearly, so the
            // mean time per token is the time at the midpoint context.
            tg = kernel::generationStep(
                best, kvBytesReadAt(facts.shape, u.promptTokens + 0.5 * u.generatedTokens,
                                    a.kvBytesPerElement));
            v.prefillTime = pp.time;
            v.prefillRate = rateOf(u.promptTokens, pp.time);
            v.generationRate = rateOf(tokens(1), tg.time);
            v.generationTime = finitePositive(u.generatedTokens)
                                   ? inTokens(u.generatedTokens) * tg.time
                                   : seconds(0);
            v.totalTime = v.prefillTime + v.generationTime;
        }
        v.prefillRateLow = promptBand.low * v.prefillRate;
        v.prefillRateHigh = promptBand.high * v.prefillRate;
        v.generationRateLow = genBand.low * v.generationRate;
        v.generationRateHigh = genBand.high * v.generationRate;
        classify(v, e.fits, pp.bottleneck, tg.bottleneck, a.thresholds);
    }
    return e;
}

} // namespace llm
