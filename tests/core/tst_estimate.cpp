// SPDX-License-Identifier: MIT
// estimate(): every placement against figures worked out by hand from the
// formulas in the brief (ideal efficiency, so the expected values are the
// formulas themselves), plus memory-fit edges and degenerate input.

#include "bandwidth.h"
#include "fixtures.h"
#include "memory.h"
#include "numeric.h"

#include <QTest>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>

using namespace llm;
using namespace llm::units;
using namespace llm::fixtures;

namespace {

constexpr double W = 10e9;                  // dense10GB weights
constexpr double kvTok = 131072;            // its KV bytes per token
constexpr double kv64 = 64 * kvTok;         // tg128 is averaged at context 64
constexpr double sysBw = 57.6e9;            // Ryzen 5 7400F: its one CCD link (32 B x 1.8 GHz)
constexpr double ramBw = 83.2e9;            // its RAM side, 2 ch DDR5-5200
constexpr double kCpuPeak = 6 * 4.7e9 * 64; // 6 Zen 4 cores x 4.7 GHz x (32 x 2 for bf16)
// FLOPs per prompt token of dense10GB at the pp512 average context of 256.
constexpr double F256 = 2e10 + 4.0 * 32 * 32 * 128 * 256;
constexpr double pcie4x16 = 16 * 0.985e9 * 2;
constexpr double pcieEff = 0.8; // Assumptions::pcieEfficiency default
constexpr double overhead = 1e9;

Build cpuBuild(double ramGb) {
    Build b;
    b.name = "7400F";
    b.cpu = ryzen7400f();
    b.memory = dualDdr5(5200, ramGb);
    return b;
}

Build gpuBuild(double ramGb, std::vector<GpuGroup> gpus,
               MultiGpuMode mode = MultiGpuMode::LayerSplit) {
    Build b = cpuBuild(ramGb);
    b.name = "gpu build";
    b.gpus = std::move(gpus);
    b.multiGpuMode = mode;
    return b;
}

Build appleBuild() {
    Build b;
    b.name = "Mac";
    b.cpu.name = "Apple M4 Max";
    b.cpu.vendor = "Apple";
    b.cpu.family = CpuFamily::Mobile;
    b.cpu.architecture = "apple-m4";
    b.cpu.cores = 12;
    b.cpu.boostClock = gigahertz(4.5);
    b.cpu.memoryChannels = 8;
    b.cpu.maxMemorySpeed = megatransfersPerSecond(8533);
    b.cpu.unifiedBandwidth = gigabytesPerSecond(546);
    b.memory = {8, megatransfersPerSecond(8533), gigabytes(128)};
    Gpu g = gpu("Apple M4 Max GPU", 0, 546, 34);
    g.vendor = "Apple";
    g.integrated = true;
    b.integratedGpu = g;
    return b;
}

// A 1e9-parameter model without attention FLOPs: its pp512 is compute-bound on
// a CPU, at cores x clock x FLOP/cycle / (2 x 1e9) tokens per second.
ModelChoice computeBound() {
    ModelChoice m = dense10GB();
    m.model.paramsTotal = m.model.paramsActive = 1e9;
    m.model.layers = 0;
    return m;
}

ModelChoice noKv() {
    ModelChoice m = dense10GB();
    m.model.kvHeads = 0;
    return m;
}

bool allFinite(const Estimate &e) {
    const double values[] = {
        e.bandwidth.ramSide.value(), e.bandwidth.cpuSide.value(), e.bandwidth.system.value(),
        e.bandwidth.gpu.value(),     e.bandwidth.pcie.value(),    e.memory.weights.value(),
        e.memory.kvCache.value(),    e.memory.total.value(),      e.memory.inRam.value(),
        e.memory.inVram.value(),     e.bytesPerToken.value(),     e.promptRate.value(),
        e.generationRate.value(),    e.promptRateLow.value(),     e.generationRateHigh.value()};
    for (double v : values)
        if (!std::isfinite(v))
            return false;
    for (const UseCaseVerdict &v : e.useCases) {
        const double vs[] = {v.prefillTime.value(),      v.prefillRate.value(),
                             v.generationRate.value(),   v.generationTime.value(),
                             v.totalTime.value(),        v.prefillRateLow.value(),
                             v.generationRateLow.value()};
        for (double x : vs)
            if (!std::isfinite(x))
                return false;
    }
    return true;
}

} // namespace

class TestEstimate final : public QObject {
    Q_OBJECT
private slots:
    void placements_data();
    void placements();
    void cpuPeak_data();
    void cpuPeak();
    void cpuPeakClock_data();
    void cpuPeakClock();
    void seedSpeedLimits_data();
    void seedSpeedLimits();
    void useCaseAverage();
    void reservedContext();
    void memoryFitEdges_data();
    void memoryFitEdges();
    void nothingFits();
    void hybridPrefillOnCpu();
    void unifiedShareEdge_data();
    void unifiedShareEdge();
    void layerSplitOverheadPerDevice();
    void forcedPlacement();
    void efficiencyAndBands();
    void tokenOverhead();
    void passOverheadInPrefill();
    void appleCpuReach();
    void fabricLinkEfficiency();
    void boardPowerShare_data();
    void boardPowerShare();
    void boardPowerLimitsPrefill();
    void boardPowerShareOfPlacement();
    void degenerate_data();
    void degenerate();
    void estimatesCompareWhole();
    void moePrefillThinBatches_data();
    void moePrefillThinBatches();
    void verdictsOutliveTheirWorkload();
    void finitePositiveIsItsDefinition();
};

void TestEstimate::placements_data() {
    QTest::addColumn<Build>("build");
    QTest::addColumn<ModelChoice>("model");
    QTest::addColumn<Placement>("placement");
    QTest::addColumn<double>("genRate");
    QTest::addColumn<double>("promptRate");
    QTest::addColumn<Bottleneck>("genBottleneck");
    QTest::addColumn<Bottleneck>("promptBottleneck");

    // CPU only: 10 GB + 64 tokens of KV over 57.6 GB/s; prefill compute-bound.
    QTest::newRow("cpu") << cpuBuild(64) << dense10GB() << Placement::CpuOnly << sysBw / (W + kv64)
                         << kCpuPeak / F256 << Bottleneck::CpuFabric << Bottleneck::Compute;

    const Gpu g24 = gpu("G24", 24, 1000, 100);
    QTest::newRow("single gpu") << gpuBuild(64, {{g24, 1}}) << dense10GB() << Placement::SingleGpu
                                << 1e12 / (W + kv64) << 1e14 / F256 << Bottleneck::GpuMemory
                                << Bottleneck::Compute;

    // Layer split over identical GPUs: one stream sees one GPU's bandwidth.
    const Gpu g12 = gpu("G12", 12, 1000, 100);
    QTest::newRow("layer split, identical")
        << gpuBuild(64, {{g12, 2}}) << dense10GB() << Placement::MultiGpuLayerSplit
        << 1e12 / (W + kv64) << 1e14 / F256 << Bottleneck::GpuMemory << Bottleneck::Compute;

    // Layer split, 24 GB @ 1000 + 16 GB @ 500: shares 0.6 / 0.4,
    // 1 / BW = 0.6 / 1000 + 0.4 / 500 -> 714.3 GB/s; the same for peak FLOP/s.
    const Gpu g16 = gpu("G16", 16, 500, 50);
    const double splitBw = 1.0 / (0.6 / 1e12 + 0.4 / 5e11);
    const double splitPeak = 1.0 / (0.6 / 1e14 + 0.4 / 5e13);
    QTest::newRow("layer split, mixed")
        << gpuBuild(64, {{g24, 1}, {g16, 1}}) << dense10GB() << Placement::MultiGpuLayerSplit
        << splitBw / (W + kv64) << splitPeak / F256 << Bottleneck::GpuMemory << Bottleneck::Compute;

    // Tensor parallel: (1000 + 500) x 0.8 and (100 + 50) x 0.8.
    QTest::newRow("tensor parallel")
        << gpuBuild(64, {{g24, 1}, {g16, 1}}, MultiGpuMode::TensorParallel) << dense10GB()
        << Placement::MultiGpuTensorParallel << 1.2e12 / (W + kv64) << 1.2e14 / F256
        << Bottleneck::GpuMemory << Bottleneck::Compute;

    // Hybrid layers: 8 GB VRAM - 1 GB overhead holds f of (weights + KV at 640 tokens).
    {
        const double need = W + 640 * kvTok;
        const double f = 7e9 / need;
        const double gen = 1.0 / ((W + kv64) * (f / 1e12 + (1 - f) / sysBw));
        const double total = 512 * F256;
        const double sideA = std::max(f * total / 1e14, f * W / 1e12);
        const double streamed =
            std::max((1 - f) * total / 1e14, (1 - f) * W / (pcieEff * pcie4x16));
        const double onCpu = std::max((1 - f) * total / kCpuPeak, (1 - f) * W / sysBw);
        QVERIFY(streamed < onCpu && streamed > sideA); // so the PCIe link is the bottleneck
        QTest::newRow("hybrid layers")
            << gpuBuild(64, {{gpu("G8", 8, 1000, 100), 1}}) << dense10GB()
            << Placement::HybridLayers << gen << 512 / (sideA + streamed) << Bottleneck::CpuFabric
            << Bottleneck::Pcie;
    }

    // Hybrid MoE: 5 GB of shared weights + KV in VRAM, and as many of the 95 GB
    // of experts as the rest of the 24 GB holds (after 1 GB of overhead); the
    // others in RAM. A token reads 5 GB of shared weights and 5 GB of experts,
    // split the same way. Prefill: the CPU's experts computed on the CPU
    // (streaming them per micro-batch over PCIe would be slower). Each routed
    // expert sees 4/64 of the 512 tokens (32 rows): its FLOPs run
    // fill(512) / fill(32) times slower, fill(m) = m / (m + h), h = 64 rows on a
    // GPU and 4 on a CPU (kernel::expertSlowdown).
    {
        const double onGpu = (24e9 - 1e9 - 5e9 - 640 * kvTok) / 95e9;
        QVERIFY(onGpu > 0.18 && onGpu < 0.19);
        const double gen = 1.0 / ((5e9 + onGpu * 5e9 + kv64) / 1e12 + (1 - onGpu) * 5e9 / sysBw);
        const double total = 512 * F256;
        const double experts = 1e10 / F256; // 2 x 5e9 routed-expert FLOPs per token
        const double shareB = (1 - onGpu) * experts;
        const double slowGpu = (512.0 / 576) / (32.0 / 96);
        const double slowCpu = (512.0 / 516) / (32.0 / 36);
        const double sideA = std::max((1 - experts + onGpu * experts * slowGpu) * total / 1e14,
                                      (5e9 + onGpu * 95e9) / 1e12);
        const double streamed =
            std::max(slowGpu * shareB * total / 1e14, (1 - onGpu) * 95e9 / (pcieEff * pcie4x16));
        const double onCpu =
            std::max(slowCpu * shareB * total / kCpuPeak, (1 - onGpu) * 95e9 / sysBw);
        QVERIFY(onCpu < streamed);
        QTest::newRow("hybrid moe")
            << gpuBuild(128, {{g24, 1}}) << moe100GB() << Placement::HybridMoeExperts << gen
            << 512 / (sideA + onCpu) << Bottleneck::CpuFabric << Bottleneck::Compute;
    }

    // Unified: the iGPU reads RAM at min(546, 546.1) GB/s and computes at 34 TFLOP/s.
    // CPU-only generation is as fast; the faster prompt processing breaks the tie.
    QTest::newRow("unified") << appleBuild() << dense10GB() << Placement::Unified
                             << 546e9 / (W + kv64) << 34e12 / F256 << Bottleneck::RamSide
                             << Bottleneck::Compute;
}

void TestEstimate::placements() {
    QFETCH(Build, build);
    QFETCH(ModelChoice, model);
    QFETCH(Placement, placement);
    QFETCH(double, genRate);
    QFETCH(double, promptRate);
    QFETCH(Bottleneck, genBottleneck);
    QFETCH(Bottleneck, promptBottleneck);

    const Estimate e = estimate(build, model, workload(512, 128), ideal());
    COMPARE_ENUM(e.placement, placement);
    QVERIFY(e.fits);
    QCOMPARE(inTokensPerSecond(e.generationRate), genRate);
    QCOMPARE(inTokensPerSecond(e.promptRate), promptRate);
    COMPARE_ENUM(e.generationBottleneck, genBottleneck);
    COMPARE_ENUM(e.promptBottleneck, promptBottleneck);
    QVERIFY(allFinite(e));
    // A pp512/tg128 use case prefills like the headline; its tokens are generated
    // after the prompt (context 512 + 64 on average), so they come a little slower.
    QCOMPARE(e.useCases.size(), std::size_t{1});
    QCOMPARE(inTokensPerSecond(e.useCases[0].prefillRate), promptRate);
    QVERIFY(e.useCases[0].generationRate < e.generationRate);
    QVERIFY(inTokensPerSecond(e.useCases[0].generationRate) > 0.95 * genRate);
}

void TestEstimate::cpuPeak_data() {
    QTest::addColumn<QString>("arch");
    QTest::addColumn<bool>("avx512");
    QTest::addColumn<bool>("bf16");
    QTest::addColumn<bool>("amx");
    QTest::addColumn<double>("flopPerCycle");
    QTest::newRow("zen5 avx512 bf16") << u"zen5"_qs << true << true << false << 128.0;
    QTest::newRow("zen5 avx512") << u"zen5"_qs << true << false << false << 64.0;
    QTest::newRow("zen4 avx512 bf16") << u"zen4"_qs << true << true << false << 64.0;
    QTest::newRow("zen3 avx2") << u"zen3"_qs << false << false << false << 32.0;
    QTest::newRow("sapphire rapids amx") << u"sapphire-rapids"_qs << true << true << true << 128.0;
    QTest::newRow("intel avx512") << u"ice-lake"_qs << true << false << false << 64.0;
    QTest::newRow("apple neon") << u"apple-m4"_qs << false << false << false << 32.0;
}

void TestEstimate::cpuPeak() {
    QFETCH(QString, arch);
    QFETCH(bool, avx512);
    QFETCH(bool, bf16);
    QFETCH(bool, amx);
    QFETCH(double, flopPerCycle);
    // prompt rate = cores x clock x FLOP/cycle / (2 x 1e9) (computeBound()).
    Build b = cpuBuild(64);
    b.cpu.architecture = arch.toStdString();
    b.cpu.avx512 = avx512;
    b.cpu.avx512Bf16 = bf16;
    b.cpu.amx = amx;
    const Estimate e = estimate(b, computeBound(), workload(512, 128), ideal());
    COMPARE_ENUM(e.promptBottleneck, Bottleneck::Compute);
    QCOMPARE(inTokensPerSecond(e.promptRate), 6 * 4.7e9 * flopPerCycle / 2e9);
}

void TestEstimate::cpuPeakClock_data() {
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<int>("family");
    QTest::addColumn<double>("baseGhz");
    QTest::addColumn<double>("boostGhz");
    QTest::addColumn<double>("clockGhz");
    const int desktop = static_cast<int>(CpuFamily::Desktop);
    const int mobile = static_cast<int>(CpuFamily::Mobile);
    // AMD holds its boost clock on all cores within the socket's power.
    QTest::newRow("AMD desktop: boost") << u"AMD"_qs << desktop << 3.7 << 4.7 << 4.7;
    QTest::newRow("AMD laptop: boost") << u"AMD"_qs << mobile << 2.0 << 5.1 << 5.1;
    // Intel's base frequency is its all-core clock at rated power.
    QTest::newRow("Intel desktop: base") << u"Intel"_qs << desktop << 3.2 << 6.0 << 3.2;
    QTest::newRow("Intel laptop: base") << u"Intel"_qs << mobile << 2.2 << 4.8 << 2.2;
    QTest::newRow("intel spelled in lower case") << u"intel"_qs << desktop << 3.2 << 6.0 << 3.2;
    // An Intel laptop part without a published base: 0.44 x boost.
    QTest::newRow("Intel laptop, no base") << u"Intel"_qs << mobile << 0.0 << 5.0 << 0.44 * 5.0;
    QTest::newRow("Intel desktop, no base: boost") << u"Intel"_qs << desktop << 0.0 << 5.0 << 5.0;
    QTest::newRow("no boost: base") << u"AMD"_qs << desktop << 3.0 << 0.0 << 3.0;
}

// The clock of the compute peak: what every core holds through a long prompt.
void TestEstimate::cpuPeakClock() {
    QFETCH(QString, vendor);
    QFETCH(int, family);
    QFETCH(double, baseGhz);
    QFETCH(double, boostGhz);
    QFETCH(double, clockGhz);
    Build b = cpuBuild(64);
    b.cpu.vendor = vendor.toStdString();
    b.cpu.family = static_cast<CpuFamily>(family);
    b.cpu.architecture = "zen3"; // 32 FLOP per cycle
    b.cpu.avx512 = b.cpu.avx512Bf16 = b.cpu.amx = false;
    b.cpu.baseClock = gigahertz(baseGhz);
    b.cpu.boostClock = gigahertz(boostGhz);
    const Estimate e = estimate(b, computeBound(), workload(512, 128), ideal());
    COMPARE_ENUM(e.promptBottleneck, Bottleneck::Compute);
    QCOMPARE(inTokensPerSecond(e.promptRate), 6 * clockGhz * 1e9 * 32.0 / 2e9);
}

void TestEstimate::seedSpeedLimits_data() {
    QTest::addColumn<Build>("build");
    QTest::addColumn<double>("bound");
    QTest::addColumn<double>("exact");
    // Seed: 10 GB at 57.6 GB/s -> under 5.8 tok/s.
    QTest::newRow("7400F") << cpuBuild(64) << 5.8 << 5.76;
    // Seed: EPYC 9755 at 537.6 GB/s -> under 53.8 tok/s.
    Build epyc = cpuBuild(384);
    epyc.cpu.name = "AMD EPYC 9755";
    epyc.cpu.family = CpuFamily::Server;
    epyc.cpu.architecture = "zen5";
    epyc.cpu.cores = 128;
    epyc.cpu.ccds = 16;
    epyc.cpu.fabricClock = gigahertz(2.0);
    epyc.cpu.memoryChannels = 12;
    epyc.memory = {12, megatransfersPerSecond(5600), gigabytes(384)};
    QTest::newRow("EPYC 9755") << epyc << 53.8 << 53.76;
}

void TestEstimate::seedSpeedLimits() {
    QFETCH(Build, build);
    QFETCH(double, bound);
    QFETCH(double, exact);
    // The ideal bound (no KV cache, 100 % bandwidth) is exactly BW / 10 GB ...
    const Estimate ideal10 = estimate(build, noKv(), workload(512, 128), ideal());
    QCOMPARE(inTokensPerSecond(ideal10.generationRate), exact);
    QVERIFY(inTokensPerSecond(ideal10.generationRate) < bound);
    // ... and the default assumptions stay below it.
    const Estimate real = estimate(build, dense10GB(), workload(512, 128), Assumptions{});
    QVERIFY(inTokensPerSecond(real.generationRate) < exact);
    QVERIFY(inTokensPerSecond(real.generationRate) > 0);
}

void TestEstimate::useCaseAverage() {
    // UC2 on the 7400F: generation averaged at context 4096 + 256/2; prefill
    // compute-bound at 4096 x F(2048) FLOPs -> fails the 10 s limit.
    const Estimate e = estimate(cpuBuild(64), dense10GB(), Workload{{seedUseCases()[1]}}, ideal());
    const UseCaseVerdict &v = e.useCases.at(0);
    const double gen = sysBw / (W + (4096 + 128) * kvTok);
    const double prefill = 4096 * (2e10 + 4.0 * 32 * 32 * 128 * 2048) / kCpuPeak;
    QCOMPARE(inTokensPerSecond(v.generationRate), gen);
    QCOMPARE(inSeconds(v.prefillTime), prefill);
    QCOMPARE(inSeconds(v.generationTime), 256 / gen);
    QCOMPARE(inSeconds(v.totalTime), prefill + 256 / gen);
    QVERIFY(!v.pass);
    COMPARE_ENUM(v.failed, FailedLimit::PrefillTime);
    COMPARE_ENUM(v.bottleneck, Bottleneck::Compute);
    COMPARE_ENUM(v.workflow, WorkflowClass::Background); // about 92 s in all
    // Later use cases read more KV per token: slower than the empty-context headline.
    QVERIFY(v.generationRate < e.generationRate);
}

void TestEstimate::reservedContext() {
    // A 32,768-token window reserves KV for 32,768 tokens, not for UC1's 1,024 + 16;
    // the speeds do not change (only the filled part of the cache is read).
    const Workload plain{{seedUseCases()[0]}};
    Workload planned = plain;
    planned.reservedContext = tokens(32768);
    const Estimate a = estimate(cpuBuild(64), dense10GB(), plain, ideal());
    const Estimate b = estimate(cpuBuild(64), dense10GB(), planned, ideal());
    QCOMPARE(inBytes(a.memory.kvCache), (1024 + 16) * kvTok);
    QCOMPARE(inBytes(b.memory.kvCache), 32768 * kvTok);
    QCOMPARE(inBytes(b.memory.total), W + 32768 * kvTok + overhead);
    QCOMPARE(inTokensPerSecond(b.generationRate), inTokensPerSecond(a.generationRate));
    QCOMPARE(inTokensPerSecond(b.useCases[0].generationRate),
             inTokensPerSecond(a.useCases[0].generationRate));
    // A window shorter than the use case changes nothing.
    planned.reservedContext = tokens(512);
    QCOMPARE(inBytes(estimate(cpuBuild(64), dense10GB(), planned, ideal()).memory.kvCache),
             inBytes(a.memory.kvCache));
    // The window alone can make a model stop fitting.
    Build small = cpuBuild(64);
    small.memory.capacity = bytes(W + 2048 * kvTok + overhead);
    planned.reservedContext = tokens(32768);
    QVERIFY(estimate(small, dense10GB(), plain, ideal()).fits);
    QVERIFY(!estimate(small, dense10GB(), planned, ideal()).fits);
}

void TestEstimate::memoryFitEdges_data() {
    QTest::addColumn<bool>("gpu");
    QTest::addColumn<double>("slackBytes");
    QTest::addColumn<bool>("fits");
    QTest::newRow("RAM exactly enough") << false << 0.0 << true;
    QTest::newRow("RAM one byte short") << false << -1.0 << false;
    QTest::newRow("VRAM exactly enough") << true << 0.0 << true;
    QTest::newRow("VRAM one byte short") << true << -1.0 << false;
}

void TestEstimate::memoryFitEdges() {
    QFETCH(bool, gpu);
    QFETCH(double, slackBytes);
    QFETCH(bool, fits);
    // Weights 10 GB + KV of 640 tokens + 1 GB runtime overhead.
    const double need = W + 640 * kvTok + overhead;
    Assumptions a = ideal();
    Build b = cpuBuild(64);
    if (gpu) {
        Gpu g = fixtures::gpu("edge", 0, 1000, 100);
        g.vram = bytes(need + slackBytes);
        b.gpus = {{g, 1}};
        a.forcedPlacement = Placement::SingleGpu;
    } else {
        b.memory.capacity = bytes(need + slackBytes);
    }
    const Estimate e = estimate(b, dense10GB(), workload(512, 128), a);
    COMPARE_ENUM(e.placement, gpu ? Placement::SingleGpu : Placement::CpuOnly);
    QCOMPARE(e.fits, fits);
    QCOMPARE(inBytes(e.memory.total), need);
    QCOMPARE(e.useCases.at(0).failed == FailedLimit::Capacity, !fits);
    if (!fits) {
        COMPARE_ENUM(e.useCases[0].bottleneck, Bottleneck::Capacity);
        COMPARE_ENUM(e.useCases[0].workflow, WorkflowClass::NonViable);
        QVERIFY(!e.useCases[0].pass);
    }
}

void TestEstimate::nothingFits() {
    // 100 GB MoE on 16 GB RAM + an 8 GB GPU: nothing fits; the placement with
    // the most room (hybrid: 24 GB) is reported, every verdict fails on capacity.
    const Build b = gpuBuild(16, {{gpu("G8", 8, 1000, 100), 1}});
    const Estimate e = estimate(b, moe100GB(), Workload{seedUseCases()}, ideal());
    QVERIFY(!e.fits);
    COMPARE_ENUM(e.placement, Placement::HybridLayers);
    QCOMPARE(e.useCases.size(), std::size_t{4});
    for (const UseCaseVerdict &v : e.useCases) {
        QVERIFY(!v.pass);
        COMPARE_ENUM(v.failed, FailedLimit::Capacity);
        COMPARE_ENUM(v.bottleneck, Bottleneck::Capacity);
        COMPARE_ENUM(v.workflow, WorkflowClass::NonViable);
    }
    QVERIFY(allFinite(e));
}

void TestEstimate::hybridPrefillOnCpu() {
    // A PCIe 3.0 x1 link (0.985 GB/s) makes streaming the RAM-resident layers
    // slower than computing on them where they are: the CPU side wins.
    Gpu g8 = gpu("G8", 8, 1000, 100);
    g8.pcieGen = 3;
    g8.pcieLanes = 1;
    const Estimate e = estimate(gpuBuild(64, {{g8, 1}}), dense10GB(), workload(512, 128), ideal());
    COMPARE_ENUM(e.placement, Placement::HybridLayers);
    const double f = 7e9 / (W + 640 * kvTok);
    const double total = 512 * F256;
    const double sideA = std::max(f * total / 1e14, f * W / 1e12);
    const double streamed = std::max((1 - f) * total / 1e14, (1 - f) * W / (pcieEff * 0.985e9));
    const double onCpu = std::max((1 - f) * total / kCpuPeak, (1 - f) * W / sysBw);
    QVERIFY(onCpu < streamed);
    QCOMPARE(inTokensPerSecond(e.promptRate), 512 / (sideA + onCpu));
    COMPARE_ENUM(e.promptBottleneck, Bottleneck::Compute);
    QCOMPARE(inGigabytesPerSecond(e.bandwidth.pcie), 0.985);
}

void TestEstimate::unifiedShareEdge_data() {
    QTest::addColumn<double>("share");
    QTest::addColumn<bool>("unified");
    // Needs 10 GB + 640 x 128 KiB + 1 GB = 11.08 GB of the iGPU's share of 16 GB.
    QTest::newRow("share 0.75 (12 GB) fits") << 0.75 << true;
    QTest::newRow("share 0.5 (8 GB): CPU only") << 0.5 << false;
}

void TestEstimate::unifiedShareEdge() {
    QFETCH(double, share);
    QFETCH(bool, unified);
    Build b = appleBuild();
    b.memory.capacity = gigabytes(16);
    b.unifiedGpuMemoryShare = share;
    const Estimate e = estimate(b, dense10GB(), workload(512, 128), ideal());
    QVERIFY(e.fits);
    COMPARE_ENUM(e.placement, unified ? Placement::Unified : Placement::CpuOnly);
    if (unified)
        QCOMPARE(inGigabytes(e.memory.vramAvailable), 16 * share);
    else
        QCOMPARE(inGigabytes(e.memory.ramAvailable), 16.0);
}

void TestEstimate::layerSplitOverheadPerDevice() {
    // Two 6 GB GPUs: 12 GB in all, but each keeps 1 GB of runtime overhead, so
    // 10 GB + KV + 2 GB does not fit; with 7 GB each it does.
    for (const double vram : {6.0, 7.0}) {
        Assumptions a = ideal();
        a.forcedPlacement = Placement::MultiGpuLayerSplit;
        const Estimate e = estimate(gpuBuild(64, {{gpu("G", vram, 1000, 100), 2}}), dense10GB(),
                                    workload(512, 128), a);
        COMPARE_ENUM(e.placement, Placement::MultiGpuLayerSplit);
        QCOMPARE(inGigabytes(e.memory.overhead), 2.0);
        QCOMPARE(e.fits, vram == 7.0);
    }
}

void TestEstimate::forcedPlacement() {
    Assumptions a = ideal();
    a.forcedPlacement = Placement::CpuOnly;
    const Estimate cpu = estimate(appleBuild(), dense10GB(), workload(512, 128), a);
    COMPARE_ENUM(cpu.placement, Placement::CpuOnly);
    QCOMPARE(cpu.hardwareClass.str(), std::string("cpu-apple-m4"));
    // A placement the build cannot use falls back to the automatic choice.
    a.forcedPlacement = Placement::MultiGpuTensorParallel;
    const Estimate fallback = estimate(cpuBuild(64), dense10GB(), workload(512, 128), a);
    COMPARE_ENUM(fallback.placement, Placement::CpuOnly);
    QVERIFY(fallback.fits);
}

void TestEstimate::efficiencyAndBands() {
    // The fitted factor scales the RAM side (83.2 GB/s); the 7400F's CCD link
    // (57.6 GB/s at efficiency 1) is not reached at these factors.
    Assumptions a = ideal();
    a.efficiencyByClass["cpu-zen4"] = {0.5, 0.25, secondsPerToken(0), 12, "2026-01-01"};
    a.generationBandByClass["cpu-zen4"] = {0.8, 1.2};
    a.promptBandByClass["cpu-zen4"] = {0.5, 1.5};
    const Estimate e = estimate(cpuBuild(64), dense10GB(), workload(512, 128), a);
    QCOMPARE(e.hardwareClass.str(), std::string("cpu-zen4"));
    QCOMPARE(e.factors.measurements, 12);
    QCOMPARE(inTokensPerSecond(e.generationRate), 0.5 * ramBw / (W + kv64));
    QCOMPARE(inTokensPerSecond(e.promptRate), 0.25 * kCpuPeak / F256);
    QCOMPARE(inTokensPerSecond(e.generationRateLow), 0.8 * 0.5 * ramBw / (W + kv64));
    QCOMPARE(inTokensPerSecond(e.generationRateHigh), 1.2 * 0.5 * ramBw / (W + kv64));
    QCOMPARE(inTokensPerSecond(e.promptRateLow), 0.5 * 0.25 * kCpuPeak / F256);
    // "class@runtime" wins over "class".
    a.efficiencyByClass["cpu-zen4@llama.cpp"] = {0.25, 0.25, secondsPerToken(0), 3, {}};
    const Estimate r = estimate(cpuBuild(64), dense10GB(), workload(512, 128), a);
    QCOMPARE(inTokensPerSecond(r.generationRate), 0.25 * ramBw / (W + kv64));
    a.runtime = "llamafile";
    const Estimate other = estimate(cpuBuild(64), dense10GB(), workload(512, 128), a);
    QCOMPARE(inTokensPerSecond(other.generationRate), 0.5 * ramBw / (W + kv64));
}

void TestEstimate::tokenOverhead() {
    // A 0.1 GB model: 1.7 ms of bandwidth time against 10 ms of fixed cost.
    Assumptions a = ideal();
    a.defaultCpu.tokenOverhead = secondsPerToken(0.01);
    ModelChoice tiny = noKv();
    tiny.model.paramsTotal = tiny.model.paramsActive = 1e8;
    const Estimate e = estimate(cpuBuild(64), tiny, workload(512, 128), a);
    QCOMPARE(inTokensPerSecond(e.generationRate), 1.0 / (1e8 / sysBw + 0.01));
    COMPARE_ENUM(e.generationBottleneck, Bottleneck::Overhead);
}

// A forward pass pays the fixed cost once, whatever its token rows: a prompt
// of 1,100 tokens is three passes of at most 512 rows.
void TestEstimate::passOverheadInPrefill() {
    Assumptions without = ideal();
    Assumptions with = ideal();
    with.defaultCpu.tokenOverhead = secondsPerToken(1.0); // longer than a pass's work
    ModelChoice tiny = noKv();
    tiny.model.paramsTotal = tiny.model.paramsActive = 1e8;
    const Estimate e0 = estimate(cpuBuild(64), tiny, workload(1100, 16), without);
    const Estimate e1 = estimate(cpuBuild(64), tiny, workload(1100, 16), with);
    QCOMPARE(e1.useCases.size(), std::size_t{1});
    const double t0 = inSeconds(e0.useCases[0].prefillTime);
    const double t1 = inSeconds(e1.useCases[0].prefillTime);
    QVERIFY(t0 > 0);
    QVERIFY(t0 < 1.0);
    QCOMPARE(t1, t0 + 3 * 1.0);
    // The headline pp512 is one pass.
    const double pp0 = inTokensPerSecond(e0.promptRate);
    QCOMPARE(inTokensPerSecond(e1.promptRate), 512.0 / (512.0 / pp0 + 1.0));
    COMPARE_ENUM(e1.promptBottleneck, Bottleneck::Overhead);
}

// On an Apple SoC the CPU cores read at most appleCpuReach() (240 GB/s) of the
// package's 546 GB/s; the integrated GPU reads the package's figure.
void TestEstimate::appleCpuReach() {
    Assumptions a = ideal();
    const ModelChoice m = noKv();
    a.forcedPlacement = Placement::CpuOnly;
    const Estimate cpu = estimate(appleBuild(), m, workload(512, 128), a);
    COMPARE_ENUM(cpu.placement, Placement::CpuOnly);
    QCOMPARE(inTokensPerSecond(cpu.generationRate), 240e9 / W);
    COMPARE_ENUM(cpu.generationBottleneck, Bottleneck::CpuFabric);
    QCOMPARE(inGigabytesPerSecond(cpu.bandwidth.cpuSide), 240.0);
    QVERIFY(!cpu.bandwidth.fabricApplies);
    QCOMPARE(cpu.useCases.size(), std::size_t{1});
    const std::string why = explain(cpu.useCases[0], cpu, Thresholds{});
    QVERIFY2(why.find("CPU fabric (240") != std::string::npos, why.c_str());
    a.forcedPlacement.reset();
    const Estimate gpu = estimate(appleBuild(), m, workload(512, 128), a);
    COMPARE_ENUM(gpu.placement, Placement::Unified);
    QCOMPARE(inTokensPerSecond(gpu.generationRate), 546e9 / W);
    // A package below the ceiling keeps its own figure; other vendors have none.
    Build small = appleBuild();
    small.cpu.unifiedBandwidth = gigabytesPerSecond(120);
    small.memory = {2, megatransfersPerSecond(7500), gigabytes(32)};
    a.forcedPlacement = Placement::CpuOnly;
    const Estimate m4 = estimate(small, m, workload(512, 128), a);
    QCOMPARE(inTokensPerSecond(m4.generationRate), 120e9 / W);
    QCOMPARE(inGigabytesPerSecond(cpuCoresReach(cpuBuild(64).cpu)), 0.0);
}

// The CCD links have an efficiency of their own, not the memory's: the 7400F's
// one link (57.6 GB/s) at 0.8 limits a CPU at 0.9 of its RAM (83.2 GB/s), but
// not one at 0.5 (41.6 GB/s); Strix Halo's cores read through their two links
// (128 GB/s) while its iGPU reads the package's 256 GB/s.
void TestEstimate::fabricLinkEfficiency() {
    Assumptions a = ideal();
    a.fabricLinkEfficiency = 0.8;
    const ModelChoice m = noKv();
    a.defaultCpu.bandwidth = 0.9;
    const Estimate link = estimate(cpuBuild(64), m, workload(512, 128), a);
    QCOMPARE(inTokensPerSecond(link.generationRate), 0.8 * sysBw / W);
    COMPARE_ENUM(link.generationBottleneck, Bottleneck::CpuFabric);
    a.defaultCpu.bandwidth = 0.5;
    const Estimate ram = estimate(cpuBuild(64), m, workload(512, 128), a);
    QCOMPARE(inTokensPerSecond(ram.generationRate), 0.5 * 83.2e9 / W);
    COMPARE_ENUM(ram.generationBottleneck, Bottleneck::RamSide);

    Build halo = appleBuild();
    halo.cpu.vendor = "AMD";
    halo.cpu.architecture = "zen5";
    halo.cpu.ccds = 2;
    halo.cpu.fabricClock = gigahertz(2.0);
    halo.cpu.unifiedBandwidth = gigabytesPerSecond(256);
    halo.memory = {4, megatransfersPerSecond(8000), gigabytes(128)};
    a.defaultCpu.bandwidth = 1.0;
    a.forcedPlacement = Placement::CpuOnly;
    const Estimate cpu = estimate(halo, m, workload(512, 128), a);
    QCOMPARE(inTokensPerSecond(cpu.generationRate), 0.8 * 128e9 / W);
    QVERIFY(cpu.bandwidth.fabricApplies);
    QCOMPARE(inGigabytesPerSecond(cpu.bandwidth.system), 128.0);
    a.forcedPlacement = Placement::Unified;
    const Estimate igpu = estimate(halo, m, workload(512, 128), a);
    COMPARE_ENUM(igpu.placement, Placement::Unified);
    QCOMPARE(inTokensPerSecond(igpu.generationRate), 256e9 / W);
}

// A card that lists more tensor FLOP/s per watt than its architecture's
// flagship holds sqrt(flagship's TFLOPS/W / its own) of its figure (catalogue
// figures; the shares worked out by hand).
void TestEstimate::boardPowerShare_data() {
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<double>("tflops");
    QTest::addColumn<double>("watts");
    QTest::addColumn<double>("share");
    // RTX 4090 is the Ada reference (330.3 / 450): nothing taken off.
    QTest::newRow("rtx 4090") << u"NVIDIA"_qs << u"ada (AD102)"_qs << 330.3 << 450.0 << 1.0;
    QTest::newRow("rtx 4080") << u"NVIDIA"_qs << u"ada (AD103)"_qs << 194.9 << 320.0 << 1.0;
    // L40S: 362.05 / 350 = 1.0344 TFLOPS/W; sqrt(0.7340 / 1.0344) = 0.8424.
    QTest::newRow("l40s") << u"NVIDIA"_qs << u"ada (AD102)"_qs << 362.05 << 350.0
                          << std::sqrt((330.3 / 450.0) / (362.05 / 350.0));
    // H100 PCIe against the H100 SXM5 (989.5 / 700): sqrt(1.4136 / 2.16) = 0.809.
    QTest::newRow("h100 pcie") << u"NVIDIA"_qs << u"hopper (GH100)"_qs << 756.0 << 350.0
                               << std::sqrt((989.5 / 700.0) / (756.0 / 350.0));
    // A100 PCIe against the A100 SXM4 (312 / 400), not against the GeForce Ampere cards.
    QTest::newRow("a100 pcie") << u"NVIDIA"_qs << u"ampere (GA100)"_qs << 312.0 << 300.0
                               << std::sqrt((312.0 / 400.0) / (312.0 / 300.0));
    // RTX A6000 against the RTX 3090 Ti (160 / 450): sqrt(0.3556 / 0.516) = 0.830.
    QTest::newRow("rtx a6000") << u"NVIDIA"_qs << u"ampere (GA102)"_qs << 154.8 << 300.0
                               << std::sqrt((160.0 / 450.0) / (154.8 / 300.0));
    QTest::newRow("amd") << u"AMD"_qs << u"rdna3"_qs << 122.8 << 100.0 << 1.0;
    QTest::newRow("no board power") << u"NVIDIA"_qs << u"ada (AD102)"_qs << 362.05 << 0.0 << 1.0;
    QTest::newRow("unknown architecture") << u"NVIDIA"_qs << u"rubin"_qs << 4000.0 << 100.0 << 1.0;
}

void TestEstimate::boardPowerShare() {
    QFETCH(QString, vendor);
    QFETCH(QString, architecture);
    QFETCH(double, tflops);
    QFETCH(double, watts);
    QFETCH(double, share);
    Gpu g = gpu("G", 48, 864, tflops);
    g.vendor = vendor.toStdString();
    g.architecture = architecture.toStdString();
    g.tdp = units::watts(watts);
    QVERIFY(qFuzzyCompare(llm::boardPowerShare(g), share));
    // The usable peak carries the share (AMD's own reduction aside).
    if (vendor == u"NVIDIA"_qs)
        QVERIFY(qFuzzyCompare(inTeraflopsPerSecond(usableMatrixPeak(g)), share * tflops));
}

// The share reaches the estimate: a compute-bound prefill on an L40S-like card
// runs at the share of the same card's rate with no board power given, and
// generation (memory-bound) does not move.
void TestEstimate::boardPowerLimitsPrefill() {
    Gpu limited = gpu("L40S-like", 48, 864, 362.05);
    limited.architecture = "ada (AD102)";
    limited.tdp = units::watts(350);
    Gpu unlimited = limited;
    unlimited.tdp = units::watts(0);
    const Estimate a =
        estimate(gpuBuild(64, {{limited, 1}}), dense10GB(), workload(4096, 128), ideal());
    const Estimate b =
        estimate(gpuBuild(64, {{unlimited, 1}}), dense10GB(), workload(4096, 128), ideal());
    COMPARE_ENUM(a.promptBottleneck, Bottleneck::Compute);
    COMPARE_ENUM(b.promptBottleneck, Bottleneck::Compute);
    QVERIFY(qFuzzyCompare(inTokensPerSecond(a.promptRate) / inTokensPerSecond(b.promptRate),
                          llm::boardPowerShare(limited)));
    QVERIFY(llm::boardPowerShare(limited) < 0.85);
    QCOMPARE(inTokensPerSecond(a.generationRate), inTokensPerSecond(b.generationRate));
}

// The share reported for a build: the lowest of the GPUs its placement reads
// the prompt with; none for a CPU-only placement.
void TestEstimate::boardPowerShareOfPlacement() {
    Gpu l40s = gpu("L40S-like", 48, 864, 362.05);
    l40s.architecture = "ada (AD102)";
    l40s.tdp = units::watts(350);
    Gpu rtx4090 = gpu("4090-like", 24, 1008, 330.3);
    rtx4090.architecture = "ada (AD102)";
    rtx4090.tdp = units::watts(450);
    const Build mixed = gpuBuild(64, {{rtx4090, 1}, {l40s, 2}});
    QVERIFY(!boardPowerShareOf(mixed, Placement::CpuOnly));
    QCOMPARE(*boardPowerShareOf(mixed, Placement::MultiGpuLayerSplit), llm::boardPowerShare(l40s));
    QCOMPARE(*boardPowerShareOf(mixed, Placement::HybridLayers), llm::boardPowerShare(l40s));
    QCOMPARE(*boardPowerShareOf(gpuBuild(64, {{rtx4090, 1}}), Placement::SingleGpu), 1.0);
    // Unified: the integrated GPU (a GB10-like 125 TFLOPS at 140 W against the
    // RTX 5090's 419 / 575: sqrt(0.7287 / 0.8929) = 0.903).
    Build spark = cpuBuild(128);
    Gpu gb10 = gpu("GB10-like", 0, 273, 125);
    gb10.architecture = "blackwell (GB10 SoC)";
    gb10.integrated = true;
    gb10.tdp = units::watts(140);
    QVERIFY(!boardPowerShareOf(spark, Placement::Unified));
    spark.integratedGpu = gb10;
    QVERIFY(qFuzzyCompare(*boardPowerShareOf(spark, Placement::Unified),
                          std::sqrt((419.0 / 575.0) / (125.0 / 140.0))));
}

void TestEstimate::degenerate_data() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QTest::addColumn<Build>("build");
    QTest::addColumn<ModelChoice>("model");
    QTest::addColumn<bool>("withUseCases");

    QTest::newRow("all empty") << Build{} << ModelChoice{} << false;
    QTest::newRow("empty build, seed use cases") << Build{} << dense10GB() << true;
    QTest::newRow("empty model") << cpuBuild(64) << ModelChoice{} << true;
    Build zeroBw = gpuBuild(64, {{gpu("zero", 24, 0, 0), 1}});
    zeroBw.memory.channels = 0;
    QTest::newRow("zero bandwidth everywhere") << zeroBw << dense10GB() << true;
    Build nanBuild =
        gpuBuild(nan, {{gpu("nan", nan, nan, nan), -2}, {gpu("nan1", nan, nan, nan), 1}});
    nanBuild.cpu.boostClock = gigahertz(nan);
    nanBuild.cpu.fabricClock = gigahertz(inf);
    nanBuild.unifiedGpuMemoryShare = nan;
    nanBuild.integratedGpu = gpu("igpu", 0, inf, nan);
    ModelChoice nanModel = moe100GB();
    nanModel.model.paramsActive = nan;
    nanModel.model.routedExpertParams = inf;
    nanModel.quant.bitsPerWeight = inf;
    QTest::newRow("NaN and inf") << nanBuild << nanModel << true;
    QTest::newRow("absurd GPU counts")
        << gpuBuild(64, {{gpu("many", 24, 1000, 100), std::numeric_limits<int>::max()},
                         {gpu("more", 24, 1000, 100), std::numeric_limits<int>::max()}})
        << dense10GB() << true;
    // Unknown GPU peak: prefill falls back to the CPU's peak.
    QTest::newRow("gpu without fp16 figure")
        << gpuBuild(64, {{gpu("nofp16", 24, 1000, 0), 1}}) << dense10GB() << true;
}

void TestEstimate::degenerate() {
    QFETCH(Build, build);
    QFETCH(ModelChoice, model);
    QFETCH(bool, withUseCases);
    const Workload w = withUseCases ? Workload{seedUseCases()} : Workload{};
    const Estimate e = estimate(build, model, w, Assumptions{});
    QVERIFY(allFinite(e));
    QCOMPARE(e.useCases.size(), w.useCases.size());
    for (const UseCaseVerdict &v : e.useCases) {
        const std::string why = explain(v, e, Thresholds{});
        QVERIFY(!why.empty());
        QVERIFY(why.find("nan") == std::string::npos && why.find("inf") == std::string::npos);
    }
    if (QByteArray(QTest::currentDataTag()) == "gpu without fp16 figure") {
        COMPARE_ENUM(e.placement, Placement::SingleGpu);
        QVERIFY(e.computeFallback);
        QCOMPARE(inTokensPerSecond(e.promptRate) > 0, true);
    }
}

// An estimate is a plain value compared whole (defaulted operator==): the same
// inputs give an equal estimate, the build's notes are no input to it, and one
// changed figure anywhere in it makes it differ.
void TestEstimate::estimatesCompareWhole() {
    Build b = appleBuild();
    const Estimate e = estimate(b, dense10GB(), workload(512, 128), ideal());
    QVERIFY(e == estimate(b, dense10GB(), workload(512, 128), ideal()));
    b.notes = "Supplier X, delivery in May";
    QVERIFY(e == estimate(b, dense10GB(), workload(512, 128), ideal()));

    const auto differs = [&](auto change) {
        Estimate changed = e;
        change(changed);
        return changed != e;
    };
    QVERIFY(differs([](Estimate &x) { x.useCases[0].generationRateLow *= 1.0000001; }));
    UseCase described = *e.useCases[0].useCase;
    described.description += ".";
    QVERIFY(differs([&described](Estimate &x) { x.useCases[0].useCase = UseCaseRef(described); }));
    QVERIFY(differs([](Estimate &x) { x.memory.inRam += bytes(1); }));
    QVERIFY(differs([](Estimate &x) { x.bandwidth.fabricApplies = !x.bandwidth.fabricApplies; }));
    QVERIFY(differs([](Estimate &x) { x.factors.fittedOn = "2026-01-01"; }));
    QVERIFY(differs([](Estimate &x) { x.measuredGeneration = MeasuredReference{}; }));
    QVERIFY(differs([](Estimate &x) { x.hardwareClass = x.hardwareClass.str() + "x"; }));
}

// A routed expert sees 4 of 64 shares of a 512-token micro-batch: 32 rows. With
// half-fill h, a product of m rows runs at m / (m + h) of peak, so the experts'
// FLOPs take fill(512) / fill(32) as long as in a dense layer; the rest of the
// FLOPs (attention, always-active weights) are dense. Compute-bound builds (a
// GPU with a huge bandwidth; a CPU with a tiny peak) show the ratio exactly.
void TestEstimate::moePrefillThinBatches_data() {
    QTest::addColumn<bool>("onGpu");
    QTest::addColumn<double>("halfFill");
    QTest::newRow("gpu, h = 64") << true << 64.0;
    QTest::newRow("cpu, h = 4") << false << 4.0;
}

void TestEstimate::moePrefillThinBatches() {
    QFETCH(bool, onGpu);
    QFETCH(double, halfFill);
    Assumptions on = ideal();
    on.gemmHalfFillRowsGpu = tokens(onGpu ? halfFill : 0.0);
    on.gemmHalfFillRowsCpu = tokens(onGpu ? 0.0 : halfFill);
    Assumptions off = ideal();
    off.gemmHalfFillRowsGpu = tokens(0);
    off.gemmHalfFillRowsCpu = tokens(0);
    Build b = onGpu ? gpuBuild(256, {{gpu("Big", 400, 1e6, 100), 1}}) : cpuBuild(256);
    if (!onGpu)
        b.memory.capacity = gigabytes(256);
    const ModelChoice moe = moe100GB();
    const Workload w = workload(512, 16);
    const Estimate fast = estimate(b, moe, w, off);
    const Estimate slow = estimate(b, moe, w, on);
    COMPARE_ENUM(slow.placement, onGpu ? Placement::SingleGpu : Placement::CpuOnly);
    COMPARE_ENUM(slow.promptBottleneck, Bottleneck::Compute);
    // Expert FLOPs per token: 2 x 5e9 active routed parameters; all FLOPs: 2 x 10e9
    // plus attention at the mean context of a 512-token prompt.
    const double expertFlops = 2 * 5e9;
    const double allFlops =
        units::inFlops(prefillFlopsPerToken(attentionShape(moe.model), tokens(256)) * tokens(1));
    const double share = expertFlops / allFlops;
    const auto fill = [halfFill](double m) { return m / (m + halfFill); };
    const double slowdown = fill(512) / fill(512.0 * 4 / 64);
    const double expected = 1 + share * (slowdown - 1);
    QVERIFY2(std::fabs(fast.promptRate.value() / slow.promptRate.value() / expected - 1) < 1e-9,
             qPrintable(QStringLiteral("ratio %1, expected %2")
                            .arg(fast.promptRate.value() / slow.promptRate.value())
                            .arg(expected)));
    // Generation reads weights; it is not touched.
    QCOMPARE(slow.generationRate.value(), fast.generationRate.value());
    // A dense model is not touched either.
    QCOMPARE(estimate(b, dense10GB(), w, on).promptRate.value(),
             estimate(b, dense10GB(), w, off).promptRate.value());
}

QTEST_GUILESS_MAIN(TestEstimate)
// The verdicts refer to their use cases instead of copying them: the estimate
// keeps them alive after the workload and the estimate it was copied from are
// gone, and names longer than an estimate keeps in place come through whole.
void TestEstimate::verdictsOutliveTheirWorkload() {
    Build b = appleBuild();
    b.name = std::string(100, 'n');
    std::optional<Estimate> kept;
    {
        auto w = std::make_unique<Workload>(workload(512, 128));
        w->useCases.front().id = std::string(40, 'i');
        w->useCases.front().description = std::string(300, 'd');
        const Estimate e = estimate(b, dense10GB(), *w, ideal());
        w.reset();
        kept = e;
        // Another workload on this thread: the list shared with e is not reused.
        (void)estimate(b, dense10GB(), workload(1024, 16), ideal());
    }
    QCOMPARE(kept->buildName.str(), std::string(100, 'n'));
    QCOMPARE(kept->useCases.size(), std::size_t{1});
    QCOMPARE(kept->useCases.front().useCase->id, std::string(40, 'i'));
    QCOMPARE(kept->useCases.front().useCase->description, std::string(300, 'd'));
    QCOMPARE(inTokens(kept->useCases.front().useCase->promptTokens), 512.0);
}

// numeric.h tests the bits of a double in one comparison; it must answer as
// std::isfinite(v) && v > 0 for every kind of double.
void TestEstimate::finitePositiveIsItsDefinition() {
    using L = std::numeric_limits<double>;
    std::vector<double> values = {0.0,
                                  -0.0,
                                  1.0,
                                  -1.0,
                                  L::max(),
                                  -L::max(),
                                  L::min(),
                                  -L::min(),
                                  L::denorm_min(),
                                  -L::denorm_min(),
                                  L::infinity(),
                                  -L::infinity(),
                                  L::quiet_NaN(),
                                  -L::quiet_NaN(),
                                  L::signaling_NaN(),
                                  1e300};
    for (std::uint64_t exponent = 0; exponent < 2048; ++exponent)
        for (std::uint64_t sign = 0; sign < 2; ++sign)
            for (const std::uint64_t mantissa :
                 {0ull, 1ull, 0x8000000000000ull, 0xfffffffffffffull})
                values.push_back(std::bit_cast<double>(sign << 63 | exponent << 52 | mantissa));
    for (const double v : values)
        QVERIFY2(finitePositive(v) == (std::isfinite(v) && v > 0), qPrintable(QString::number(v)));
}

#include "tst_estimate.moc"
