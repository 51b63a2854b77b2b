// SPDX-License-Identifier: MIT
#include "comparisonstate.h"

#include "scenario.h"

#include <algorithm>
#include <exception>

namespace llm::ui {

bool buildFromPreset(const Catalog &catalog, const Preset &preset, Build &out) {
    const auto cpu = findCpu(catalog, preset.cpuName);
    if (!cpu)
        return false;
    Build build;
    build.name = preset.name;
    build.cpu = *cpu.match;
    build.memory = preset.memory;
    for (const PresetGpu &pg : preset.gpus) {
        if (pg.count <= 0)
            continue;
        const auto gpu = findGpu(catalog, pg.gpuName);
        if (!gpu)
            return false;
        if (gpu.match->integrated)
            build.integratedGpu = *gpu.match;
        else
            build.gpus.push_back(GpuGroup{*gpu.match, pg.count});
    }
    // A unified-memory CPU brings its integrated GPU, as in scenario files, so the
    // window and the command-line tool estimate a preset the same way.
    if (!build.integratedGpu)
        if (const Gpu *igpu = scenario::integratedGpuFor(catalog, build.cpu))
            build.integratedGpu = *igpu;
    out = std::move(build);
    return true;
}

static ModelChoice defaultModel(const Catalog &catalog) {
    ModelChoice choice;
    if (const auto m = findModel(catalog, "Qwen2.5-14B-Instruct"))
        choice.model = *m.match;
    else if (!catalog.models.empty())
        choice.model = catalog.models.front();
    if (const auto q = findQuant(catalog, "Q4_K_M"))
        choice.quant = *q.match;
    else if (!catalog.quants.empty())
        choice.quant = catalog.quants.front();
    return choice;
}

ComparisonState defaultState(const Catalog &catalog, const Assumptions &baseline) {
    ComparisonState state;
    state.assumptions = baseline;
    for (const Preset &preset : catalog.presets) {
        Build build;
        if (buildFromPreset(catalog, preset, build))
            state.builds.push_back(std::move(build));
    }
    state.model = defaultModel(catalog);
    state.useCases = catalog.useCases.empty() ? seedUseCases() : catalog.useCases;
    return state;
}

Build emptyBuild(const Catalog &catalog, const std::string &name) {
    Build build;
    build.name = name;
    const auto desktop = std::find_if(catalog.cpus.begin(), catalog.cpus.end(),
                                      [](const Cpu &c) { return c.family == CpuFamily::Desktop; });
    if (desktop != catalog.cpus.end())
        build.cpu = *desktop;
    else if (!catalog.cpus.empty())
        build.cpu = catalog.cpus.front();
    build.memory.channels = std::max(1, build.cpu.memoryChannels);
    build.memory.speed = build.cpu.maxMemorySpeed;
    // 32 GB per channel: a common module size, capped by what the CPU can address.
    build.memory.capacity = units::gigabytes(32.0 * build.memory.channels);
    if (build.cpu.maxMemory.value() > 0 && build.memory.capacity > build.cpu.maxMemory)
        build.memory.capacity = build.cpu.maxMemory;
    return build;
}

static Workload workloadOf(const ComparisonState &state) {
    return Workload{state.useCases, state.reservedContext};
}

std::vector<BuildResult> computeResults(const ComparisonState &state, const Catalog &catalog,
                                        const PlatformRules &rules) {
    std::vector<BuildResult> results;
    results.reserve(state.builds.size());
    const Workload workload = workloadOf(state);
    for (const Build &build : state.builds) {
        BuildResult r;
        r.problems = checkBuild(build, catalog, rules, state.assumptions);
        try {
            r.estimate = estimate(build, state.model, workload, state.assumptions);
            r.cost = costOf(build, r.estimate.generationRate, state.assumptions);
            r.computed = true;
        } catch (const std::exception &) {
            // A build the estimator cannot handle shows as "not computed", never as zero.
            r.estimate = Estimate{};
            r.estimate.buildName = build.name;
        }
        results.push_back(std::move(r));
    }
    return results;
}

std::vector<std::vector<double>> generationRateBySize(const ComparisonState &state,
                                                      const std::vector<double> &sizesGb) {
    std::vector<std::vector<double>> out(state.builds.size(),
                                         std::vector<double>(sizesGb.size(), 0.0));
    // One short use case (llama-bench's tg128 after a 512-token prompt) sizes the KV cache.
    Workload workload;
    workload.useCases.push_back(
        UseCase{"pp512/tg128", "headline figure", units::tokens(512), units::tokens(128)});
    workload.reservedContext = state.reservedContext;
    const ModelChoice &base = state.model;
    const double baseParams = base.model.paramsTotal;
    for (std::size_t s = 0; s < sizesGb.size(); ++s) {
        // A dense model of this size and the chosen architecture: the file size is
        // what generation reads per token; parameters only scale prefill.
        ModelChoice sized = base;
        sized.fileSize = units::gigabytes(sizesGb[s]);
        sized.model.moe = false;
        sized.model.expertsTotal = 0;
        sized.model.expertsActive = 0;
        sized.model.routedExpertParams = 0;
        if (base.quant.bitsPerWeight > 0)
            sized.model.paramsTotal = sizesGb[s] * 1e9 * 8.0 / base.quant.bitsPerWeight;
        else
            sized.model.paramsTotal = baseParams;
        sized.model.paramsActive = sized.model.paramsTotal;
        for (std::size_t b = 0; b < state.builds.size(); ++b) {
            try {
                const Estimate e = estimate(state.builds[b], sized, workload, state.assumptions);
                out[b][s] = e.fits ? units::inTokensPerSecond(e.generationRate) : 0.0;
            } catch (const std::exception &) {
                out[b][s] = 0.0;
            }
        }
    }
    return out;
}

bool sameBuild(const Build &a, const Build &b) {
    return a == b; // every field, the platform price and the iGPU's memory share too
}

bool sameState(const ComparisonState &a, const ComparisonState &b) {
    if (a.builds.size() != b.builds.size() || a.model.model.name != b.model.model.name ||
        a.model.quant.name != b.model.quant.name || a.useCases.size() != b.useCases.size() ||
        a.reservedContext != b.reservedContext || a.meeting != b.meeting)
        return false;
    for (std::size_t i = 0; i < a.builds.size(); ++i) {
        if (!sameBuild(a.builds[i], b.builds[i]))
            return false;
    }
    for (std::size_t i = 0; i < a.useCases.size(); ++i) {
        const UseCase &x = a.useCases[i];
        const UseCase &y = b.useCases[i];
        if (x.id != y.id || x.promptTokens != y.promptTokens ||
            x.generatedTokens != y.generatedTokens)
            return false;
    }
    return a.assumptions.thresholds == b.assumptions.thresholds &&
           a.assumptions.electricityEurPerKwh == b.assumptions.electricityEurPerKwh &&
           a.assumptions.runtime == b.assumptions.runtime;
}

} // namespace llm::ui
