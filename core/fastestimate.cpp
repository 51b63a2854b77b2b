// SPDX-License-Identifier: MIT
// The sweep's front-end of the placement kernel (core/placement_p.h): it
// prepares the model, CPUs and GPUs once and reduces each swept build to the
// kernel's Device with plain arithmetic. No formula of its own lives here.

#include "fastestimate.h"

#include "bandwidth.h"
#include "estimate_p.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace llm::fast {

namespace {

using namespace units;

kernel::Device deviceOf(const Hardware &h, const ModelPrep &m, const Assumptions &a) {
    kernel::Device d;
    d.system = h.system;
    d.cpuReach = h.cpu->reach;
    d.cpuFabric = h.cpu->fabric;
    d.cpuPeak = h.cpu->peak;
    d.ram = h.ram;
    d.tensorParallel = h.tensorParallel;
    d.cpuFactors = h.cpu->factors;
    if (h.gpu && h.gpuCount > 0) {
        const GpuPrep &g = *h.gpu;
        int gen = g.pcieGen;
        if (h.cpu->pcieGen > 0)
            gen = std::min(gen, h.cpu->pcieGen);
        int lanes = h.lanesPerGpu > 0 ? std::min(g.pcieLanes, h.lanesPerGpu) : g.pcieLanes;
        if (h.cpu->pcieLanes > 0)
            lanes = std::min(lanes, h.cpu->pcieLanes);
        const std::array<kernel::GpuGroupFacts, 1> group{kernel::GpuGroupFacts{
            h.gpuCount, g.vram, g.bandwidth, g.peak, pcieBandwidth(gen, lanes)}};
        d.gpus = kernel::reduceGpus(group, h.tensorParallel, a.tensorParallelEfficiency, d.cpuPeak);
        d.gpuFactors = g.factors;
        d.hybridFactors = m.hybrid;
    }
    return d;
}

UseCasePrep prepareUseCase(const AttentionShape &m, Tokens prompt, Tokens gen,
                           const Assumptions &a) {
    UseCasePrep u;
    u.prompt = kernel::promptPrep(m, prompt, a);
    u.kvAtMidGeneration = kvBytesReadAt(m, prompt + 0.5 * gen, a.kvBytesPerElement);
    return u;
}

} // namespace

const EfficiencyFactors &hybridFactors(const Assumptions &a) {
    return a.factorsFor("hybrid", HardwareKind::Cpu);
}

ModelPrep prepareModel(const ModelChoice &choice, const Workload &workload, const Assumptions &a) {
    ModelPrep p;
    static_cast<kernel::ModelFacts &>(p) = kernel::modelFacts(choice, workload, a);
    p.useCases.reserve(workload.useCases.size());
    for (const UseCase &u : workload.useCases)
        p.useCases.push_back(prepareUseCase(p.shape, u.promptTokens, u.generatedTokens, a));
    p.thresholds = a.thresholds;
    p.hybrid = &hybridFactors(a);
    return p;
}

CpuPrep prepareCpu(const Cpu &cpu, const Assumptions &a) {
    CpuPrep c;
    c.peak = detail::cpuPeak(cpu);
    c.reach = cpuCoresReach(cpu);
    c.fabric = a.fabricLinkEfficiency * cpuSideBandwidth(cpu);
    c.pcieGen = cpu.pcieGen;
    c.pcieLanes = cpu.pcieLanes;
    c.factors = &a.factorsFor(hardwareClass(cpu), HardwareKind::Cpu);
    return c;
}

GpuPrep prepareGpu(const Gpu &gpu, const Assumptions &a) {
    GpuPrep g;
    g.vram = gpu.vram;
    g.bandwidth = gpu.bandwidth;
    g.peak = usableMatrixPeak(gpu);
    g.pcieGen = gpu.pcieGen;
    g.pcieLanes = gpu.pcieLanes;
    g.factors = &a.factorsFor(hardwareClass(gpu), HardwareKind::Gpu);
    return g;
}

Outcome evaluate(const ModelPrep &m, const Hardware &h, const Assumptions &a) {
    Outcome out;
    const kernel::Choice chosen = kernel::choose(m, deviceOf(h, m, a), a);
    out.ramSufficient = chosen.ramSufficient;
    out.gpuOnlyFits = chosen.gpuOnlyFits;
    if (!chosen.anyFits)
        return out;
    const kernel::Plan &best = chosen.plan;
    out.fits = true;
    out.placement = best.placement;
    out.headlineGeneration = chosen.headlineGeneration;
    const Thresholds &t = m.thresholds;
    out.allPass = true;
    double margin = std::numeric_limits<double>::infinity();
    for (const UseCasePrep &u : m.useCases) {
        const Seconds pp = kernel::prefill(best, u.prompt, a).time;
        const TokenRate tg =
            safeDiv(tokens(1), kernel::generationStep(best, u.kvAtMidGeneration).time);
        out.allPass = out.allPass && pp <= t.maxPrefill && tg >= t.minGeneration;
        double r = tg / t.minGeneration;
        if (finitePositive(pp))
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
    if (finitePositive(v.prefillTime))
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
