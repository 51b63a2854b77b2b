// SPDX-License-Identifier: MIT
// The recommender evaluates millions of builds: fast::evaluate() (the sweep's
// front-end of the placement kernel) must not touch the heap, and neither may
// estimate() once warm (its result keeps names and verdicts in place).
// Counted by replacing the global operator new.

#include "bandwidth.h"
#include "fastestimate.h"
#include "fixtures.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <new>
#include <optional>

namespace {
std::atomic<long> g_allocations{0};
}

void *operator new(std::size_t size) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
void operator delete(void *p) noexcept {
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept {
    std::free(p);
}

using namespace llm;
using namespace llm::units;
using namespace llm::fixtures;

class TestAllocation final : public QObject {
    Q_OBJECT
private slots:
    void reusedResult_data();
    void reusedResult();
};

void TestAllocation::reusedResult_data() {
    QTest::addColumn<Build>("build");
    QTest::addColumn<ModelChoice>("model");
    QTest::addColumn<bool>("calibrated");

    Build cpu;
    cpu.name = "a build name long enough to live on the heap";
    cpu.cpu = ryzen7400f();
    cpu.memory = dualDdr5(5200, 128);
    Build gpuBuild = cpu;
    Gpu g = gpu("NVIDIA GeForce RTX 4090", 24, 1008, 165);
    g.architecture = "blackwell"; // "gpu-nvidia-blackwell" is longer than SSO
    gpuBuild.gpus = {{g, 1}};
    Build igpu = cpu;
    igpu.integratedGpu = gpu("iGPU", 0, 256, 30);
    igpu.integratedGpu->vendor = "Advanced Micro Devices";

    QTest::newRow("cpu, dense") << cpu << dense10GB() << false;
    QTest::newRow("gpu, moe (hybrid)") << gpuBuild << moe100GB() << false;
    QTest::newRow("gpu, calibrated factors") << gpuBuild << dense10GB() << true;
    QTest::newRow("unified") << igpu << dense10GB() << true;
}

void TestAllocation::reusedResult() {
    QFETCH(Build, build);
    QFETCH(ModelChoice, model);
    QFETCH(bool, calibrated);
    Assumptions a;
    if (calibrated) {
        a.efficiencyByClass["gpu-nvidia-blackwell"] = {0.8, 0.5, secondsPerToken(0.001), 10,
                                                       "2026-11-25"};
        a.efficiencyByClass["cpu-zen4@llama.cpp"] = {0.7, 0.3, secondsPerToken(0), 5, "2026-11-25"};
        a.generationBandByClass["hybrid"] = {0.6, 1.3};
    }
    const Workload w{seedUseCases()};
    const Estimate first = estimate(build, model, w, a); // warm the class-name scratch buffer
    QCOMPARE(first.useCases.size(), std::size_t{4});
    QVERIFY(inTokensPerSecond(first.generationRate) > 0);

    // estimate() does not touch the heap once warm: names up to 47 characters
    // live inside the estimate, the verdicts (up to four) too, and they refer to
    // the use cases in a list shared while the use cases stay the same.
    const long before2 = g_allocations.load();
    for (int i = 0; i < 100; ++i)
        (void)estimate(build, model, w, a);
    QCOMPARE(g_allocations.load() - before2, 0L);
    // Other use cases are copied once, then shared again; "the same" is the same
    // bits (a prompt of -0 tokens is not shown as one of 0).
    Workload zero = w;
    zero.useCases.front().promptTokens = tokens(0);
    Workload negativeZero = w;
    negativeZero.useCases.front().promptTokens = tokens(-0.0);
    QVERIFY(std::signbit(inTokens(negativeZero.useCases.front().promptTokens)));
    (void)estimate(build, model, zero, a);
    const long before4 = g_allocations.load();
    const Estimate signedZero = estimate(build, model, negativeZero, a);
    QVERIFY(g_allocations.load() > before4);
    QVERIFY(std::signbit(inTokens(signedZero.useCases.front().useCase->promptTokens)));
    const long before5 = g_allocations.load();
    (void)estimate(build, model, negativeZero, a);
    QCOMPARE(g_allocations.load() - before5, 0L);

    // The sweep's evaluation of a build: no allocation at all (iGPU builds are
    // not swept).
    if (build.integratedGpu)
        return;
    const fast::ModelPrep prep = fast::prepareModel(model, w, a);
    const fast::CpuPrep cpuPrep = fast::prepareCpu(build.cpu, a);
    std::optional<fast::GpuPrep> gpuPrep;
    if (!build.gpus.empty())
        gpuPrep = fast::prepareGpu(build.gpus.front().gpu, a);
    fast::Hardware h;
    h.cpu = &cpuPrep;
    h.system = systemBandwidth(build.cpu, build.memory);
    h.ram = build.memory.capacity;
    if (gpuPrep) {
        h.gpu = &*gpuPrep;
        h.gpuCount = build.gpus.front().count;
    }
    const long before3 = g_allocations.load();
    double sink = 0;
    for (int i = 0; i < 100; ++i)
        sink += fast::evaluate(prep, h, a).margin;
    QCOMPARE(g_allocations.load() - before3, 0L);
    QCOMPARE(sink, 100 * fast::margin(first, a.thresholds));
}

QTEST_GUILESS_MAIN(TestAllocation)
#include "tst_allocation.moc"
