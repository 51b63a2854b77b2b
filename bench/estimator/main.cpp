// SPDX-License-Identifier: MIT
// Estimator throughput benchmark. Prints figures; asserts nothing.
//
//   bench_estimator [--quick] [--no-catalogue]
//   bench_estimator --dump FILE   (every output hashed, see dump.cpp)
//
// 1. Single estimates per second: one build, one model, UC1-UC4, many
//    iterations per repeat, median over repeats (one thread).
// 2. The shipped catalogue: every preset x every model (Q4_K_M) x UC1-UC4,
//    timed as a whole, median over repeats.

#include "catalogue.h"
#include "estimate.h"
#include "memory.h"
#include "presetbuilds.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

using namespace llm;
using namespace llm::units;

namespace {

// Thread CPU time, not wall time: the figure is "per core" and stays meaningful
// on a machine shared with other jobs (wall time is printed beside it).
double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

double wallSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

volatile double g_sink = 0; // keeps the optimiser from dropping the work

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

Build exampleBuild() {
    Build b;
    b.name = "Ryzen 9 9950X + RTX 5090";
    Cpu &c = b.cpu;
    c.name = "AMD Ryzen 9 9950X";
    c.vendor = "AMD";
    c.family = CpuFamily::Desktop;
    c.architecture = "zen5";
    c.cores = 16;
    c.boostClock = gigahertz(5.7);
    c.ccds = 2;
    c.fabricClock = gigahertz(2.0);
    c.memoryChannels = 2;
    c.maxMemory = gigabytes(192);
    c.maxMemorySpeed = megatransfersPerSecond(5600);
    c.avx512 = c.avx512Bf16 = true;
    c.pcieLanes = 24;
    b.memory = {2, megatransfersPerSecond(5600), gigabytes(96)};
    Gpu g;
    g.name = "NVIDIA GeForce RTX 5090";
    g.vendor = "NVIDIA";
    g.architecture = "blackwell";
    g.vram = gigabytes(32);
    g.bandwidth = gigabytesPerSecond(1792);
    g.fp16Tensor = teraflopsPerSecond(209.5);
    g.pcieGen = 5;
    b.gpus = {{g, 1}};
    return b;
}

ModelChoice exampleModel() {
    // Qwen2.5-14B-Instruct at Q4_K_M (about 9 GB): fits the 32 GB GPU; CPU-only
    // and hybrid placements are evaluated too before the GPU wins.
    ModelChoice m;
    m.model.name = "Qwen2.5-14B-Instruct";
    m.model.paramsTotal = m.model.paramsActive = 14.77e9;
    m.model.layers = 48;
    m.model.heads = 40;
    m.model.kvHeads = 8;
    m.model.headDim = 128;
    m.quant = {"Q4_K_M", 4.8944};
    return m;
}

void report(const char *what, const std::vector<double> &perSecond,
            const std::vector<double> &wallPerSecond, int repeats, long iterations) {
    const double med = median(perSecond);
    std::printf("%s, 1 build x 1 model x 4 use cases: median %.0f estimates/s per core of CPU "
                "time (%.3f us each; min %.0f, max %.0f), wall-clock median %.0f/s, over %d "
                "repeats of %ld\n",
                what, med, 1e6 / med, *std::min_element(perSecond.begin(), perSecond.end()),
                *std::max_element(perSecond.begin(), perSecond.end()), median(wallPerSecond),
                repeats, iterations);
}

void benchSingle(int repeats, long iterations) {
    const Build build = exampleBuild();
    const ModelChoice model = exampleModel();
    const Workload workload{seedUseCases()};
    const Assumptions assumptions;
    std::vector<double> perSecond, wallPerSecond;
    for (int r = 0; r < repeats; ++r) {
        const double c0 = cpuSeconds(), w0 = wallSeconds();
        for (long i = 0; i < iterations; ++i) {
            const Estimate e = estimate(build, model, workload, assumptions);
            g_sink = g_sink + inTokensPerSecond(e.generationRate);
        }
        perSecond.push_back(iterations / (cpuSeconds() - c0));
        wallPerSecond.push_back(iterations / (wallSeconds() - w0));
    }
    report("estimate()", perSecond, wallPerSecond, repeats, iterations);
}

void benchCatalogue(int repeats) {
    QString error;
    const Catalog catalog = db::loadShippedCatalog(&error);
    if (catalog.cpus.empty()) {
        std::printf("catalogue: not available (%s)\n", qPrintable(error));
        return;
    }
    std::vector<Build> builds = bench::presetBuilds(catalog);
    const auto quant = findQuant(catalog, "Q4_K_M");
    const Quantization q = quant ? *quant.match : Quantization{"Q4_K_M", 4.8944};
    std::vector<ModelChoice> models;
    for (const Model &m : catalog.models)
        models.push_back({m, q, std::nullopt});
    Workload workload;
    for (const char *id : {"UC1", "UC2", "UC3", "UC4"})
        if (const auto u = findUseCase(catalog, id))
            workload.useCases.push_back(*u.match);
    if (workload.useCases.empty())
        workload.useCases = seedUseCases();
    const Assumptions assumptions;

    std::vector<double> seconds, wall;
    std::size_t count = 0;
    for (int r = 0; r < repeats; ++r) {
        count = 0;
        const double c0 = cpuSeconds(), w0 = wallSeconds();
        for (const Build &b : builds)
            for (const ModelChoice &m : models) {
                const Estimate e = estimate(b, m, workload, assumptions);
                g_sink = g_sink + inTokensPerSecond(e.generationRate);
                ++count;
            }
        seconds.push_back(cpuSeconds() - c0);
        wall.push_back(wallSeconds() - w0);
    }
    const double med = median(seconds);
    std::printf("catalogue: %zu presets x %zu models x %zu use cases = %zu estimates: median "
                "%.3f ms CPU time (%.0f estimates/s per core), wall-clock median %.3f ms, over "
                "%d repeats\n",
                builds.size(), models.size(), workload.useCases.size(), count, med * 1e3,
                count / med, median(wall) * 1e3, repeats);
}

} // namespace

namespace llm::bench {
int dumpEstimates(const char *path); // dump.cpp
}

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    if (argc == 3 && std::strcmp(argv[1], "--dump") == 0)
        return llm::bench::dumpEstimates(argv[2]);
    bool quick = false, catalogue = true;
    for (int i = 1; i < argc; ++i) {
        quick = quick || std::strcmp(argv[i], "--quick") == 0;
        catalogue = catalogue && std::strcmp(argv[i], "--no-catalogue") != 0;
    }
    benchSingle(quick ? 3 : 9, quick ? 20000 : 200000);
    if (catalogue)
        benchCatalogue(quick ? 3 : 21);
    std::printf("(sink %.3g)\n", static_cast<double>(g_sink));
    return 0;
}
