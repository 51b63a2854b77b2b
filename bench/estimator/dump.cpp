// SPDX-License-Identifier: MIT
// bench_estimator --dump FILE: every output of estimate() for a broad set of
// inputs, one hash per estimate, so that a speed change can be shown to leave
// every output bit for bit as it was (run it before and after, diff the files).
//
// Inputs: the shipped presets, the builds of the shipped measurements (CPU,
// GPU, hybrid and unified machines), every catalogue CPU alone and every
// catalogue GPU 1x, 2x (layer split and tensor parallel) and 4x on one host;
// every catalogue model at two quantizations (the measurements' own models
// too); four combinations of assumptions (uncalibrated, shipped calibration,
// shipped for llamafile, a forced hybrid placement) and workloads (the
// catalogue's use cases, the seed's, and odd ones with a reserved context).
// Hashed per estimate: every field (doubles by their bits, text by its bytes),
// every verdict with its use case, explain() of every verdict and
// candidatePlacements().

#include "catalogue.h"
#include "estimate.h"
#include "measurements.h"
#include "presetbuilds.h"

#include <bit>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <vector>

namespace llm::bench {

namespace {

using namespace units;

struct Hash {
    std::uint64_t h = 1469598103934665603ull; // FNV-1a 64

    void bytes(const void *p, std::size_t n) {
        const auto *c = static_cast<const unsigned char *>(p);
        for (std::size_t i = 0; i < n; ++i) {
            h ^= c[i];
            h *= 1099511628211ull;
        }
    }
    void num(double v) {
        const auto bits = std::bit_cast<std::uint64_t>(v);
        bytes(&bits, sizeof bits);
    }
    template <class Q>
    requires requires(const Q &q) { q.value(); }
    void num(const Q &q) { num(static_cast<double>(q.value())); }
    void integer(long long v) { bytes(&v, sizeof v); }
    void text(std::string_view s) {
        integer(static_cast<long long>(s.size()));
        bytes(s.data(), s.size());
    }
};

// The use case of a verdict, whether the verdict holds it or refers to it.
[[maybe_unused]] const UseCase &useCaseOf(const UseCase &u) {
    return u;
}
template <class R>
requires requires(const R &r) {
    static_cast<const UseCase &>(*r);
}
const UseCase &useCaseOf(const R &r) {
    return *r;
}

void hashFactors(Hash &h, const EfficiencyFactors &f) {
    h.num(f.bandwidth);
    h.num(f.compute);
    h.num(f.tokenOverhead);
    h.integer(f.measurements);
    h.text(f.fittedOn);
    h.integer(f.ownMeasurements);
}

std::uint64_t hashOf(const Estimate &e, const Build &build, const ModelChoice &model,
                     const Assumptions &a) {
    Hash h;
    h.text(std::string_view(e.buildName));
    h.text(std::string_view(e.hardwareClass));
    h.integer(static_cast<int>(e.placement));
    h.integer(e.fits);
    const BandwidthBreakdown &b = e.bandwidth;
    for (const auto &q : {b.ramSide, b.cpuSide, b.system, b.gpu, b.pcie})
        h.num(q);
    h.integer(b.fabricApplies);
    h.integer(static_cast<int>(b.systemLimit));
    const MemoryBreakdown &m = e.memory;
    for (const auto &q : {m.weights, m.kvCache, m.overhead, m.total, m.ramAvailable,
                          m.vramAvailable, m.inVram, m.inRam})
        h.num(q);
    h.integer(m.fits);
    h.num(e.bytesPerToken);
    for (const auto &q : {e.promptRate, e.generationRate, e.promptRateLow, e.promptRateHigh,
                          e.generationRateLow, e.generationRateHigh})
        h.num(q);
    h.integer(static_cast<int>(e.promptBottleneck));
    h.integer(static_cast<int>(e.generationBottleneck));
    hashFactors(h, e.factors);
    h.integer(e.computeFallback);
    h.integer(e.measuredPrompt.has_value());
    h.integer(e.measuredGeneration.has_value());
    h.integer(static_cast<long long>(e.useCases.size()));
    for (const UseCaseVerdict &v : e.useCases) {
        const UseCase &u = useCaseOf(v.useCase);
        h.text(u.id);
        h.text(u.description);
        h.num(u.promptTokens);
        h.num(u.generatedTokens);
        for (const auto &q : {v.prefillTime, v.generationTime, v.totalTime})
            h.num(q);
        for (const auto &q : {v.prefillRate, v.generationRate, v.prefillRateLow, v.prefillRateHigh,
                              v.generationRateLow, v.generationRateHigh})
            h.num(q);
        h.integer(v.pass);
        h.integer(v.borderline);
        h.integer(static_cast<int>(v.workflow));
        h.integer(static_cast<int>(v.failed));
        h.integer(static_cast<int>(v.bottleneck));
        h.text(explain(v, e, a.thresholds));
    }
    for (const Placement p : candidatePlacements(build, model))
        h.integer(static_cast<int>(p));
    return h.h;
}

} // namespace

int dumpEstimates(const char *path) {
    QString error;
    const Catalog catalog = db::loadShippedCatalog(&error);
    if (catalog.cpus.empty()) {
        std::fprintf(stderr, "catalogue: not available (%s)\n", qPrintable(error));
        return 1;
    }
    const db::MeasurementSet measured = db::loadShippedMeasurements(catalog, &error);
    const Assumptions shipped = db::shippedAssumptions(&error);

    std::vector<Build> builds = presetBuilds(catalog);
    for (const Measurement &m : measured.rows)
        builds.push_back(m.build);
    for (const Cpu &c : catalog.cpus) {
        Build b;
        b.name = c.name + " with its full memory";
        b.cpu = c;
        b.memory = {c.memoryChannels, c.maxMemorySpeed, gigabytes(128)};
        builds.push_back(std::move(b));
    }
    const auto host = findCpu(catalog, "AMD Ryzen 9 9950X");
    for (const Gpu &g : catalog.gpus) {
        for (const int count : {1, 2, 2, 4}) {
            Build b;
            b.name = "host + " + std::to_string(count) + "x " + g.name;
            if (host)
                b.cpu = *host.match;
            b.memory = {2, megatransfersPerSecond(5600), gigabytes(128)};
            if (g.integrated)
                b.integratedGpu = g;
            else
                b.gpus.push_back({g, count});
            b.multiGpuMode =
                builds.size() % 2 ? MultiGpuMode::TensorParallel : MultiGpuMode::LayerSplit;
            builds.push_back(std::move(b));
        }
    }

    std::vector<ModelChoice> models;
    for (const char *quant : {"Q4_K_M", "Q8_0"}) {
        const auto q = findQuant(catalog, quant);
        if (!q)
            continue;
        for (const Model &m : catalog.models)
            models.push_back({m, *q.match, std::nullopt});
    }

    Workload catalogueUseCases{catalog.useCases, {}};
    Workload seed{seedUseCases(), {}};
    Workload odd{
        {{"A use case with a name longer than any buffer of sixteen", "", tokens(0), tokens(0)},
         {"UC-long", std::string(300, 'd'), tokens(100000), tokens(20000)},
         {"x", "short", tokens(1), tokens(1)}},
        tokens(65536)};
    Assumptions uncalibrated;
    Assumptions llamafile = shipped;
    llamafile.runtime = "llamafile";
    Assumptions forced = shipped;
    forced.forcedPlacement = Placement::HybridLayers;
    const std::pair<const Assumptions *, const Workload *> runs[] = {
        {&shipped, &catalogueUseCases},
        {&uncalibrated, &seed},
        {&llamafile, &odd},
        {&forced, &catalogueUseCases},
    };

    std::FILE *out = std::fopen(path, "w");
    if (!out) {
        std::fprintf(stderr, "cannot write %s\n", path);
        return 1;
    }
    Hash all;
    std::size_t n = 0;
    for (const auto &[a, w] : runs)
        for (const Build &b : builds)
            for (const ModelChoice &m : models) {
                const std::uint64_t h = hashOf(estimate(b, m, *w, *a), b, m, *a);
                std::fprintf(out, "%zu %016llx\n", n++, static_cast<unsigned long long>(h));
                all.integer(static_cast<long long>(h));
            }
    // The measurements as the calibration estimates them: their own model and runs.
    for (const Measurement &m : measured.rows) {
        Workload w;
        w.useCases = m.promptRuns;
        w.useCases.insert(w.useCases.end(), m.generationRuns.begin(), m.generationRuns.end());
        const std::uint64_t h =
            hashOf(estimate(m.build, m.model, w, shipped), m.build, m.model, shipped);
        std::fprintf(out, "%zu %016llx\n", n++, static_cast<unsigned long long>(h));
        all.integer(static_cast<long long>(h));
    }
    std::fclose(out);
    std::printf("dump: %zu estimates (%zu builds x %zu models x %zu runs + %zu measurements), "
                "combined hash %016llx -> %s\n",
                n, builds.size(), models.size(), std::size(runs), measured.rows.size(),
                static_cast<unsigned long long>(all.h), path);
    return 0;
}

} // namespace llm::bench
