// SPDX-License-Identifier: MIT
// The recommender calls the estimator millions of times: estimateInto() with a
// reused result must not touch the heap once warm, and estimate() may allocate
// only for its result. Counted by replacing the global operator new.

#include "fixtures.h"

#include <QTest>

#include <atomic>
#include <cstdlib>
#include <new>

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
    Estimate e;
    estimateInto(build, model, w, a, e); // warm: the result and the scratch buffers grow once
    estimateInto(build, model, w, a, e);
    const long before = g_allocations.load();
    for (int i = 0; i < 100; ++i)
        estimateInto(build, model, w, a, e);
    const long during = g_allocations.load() - before;
    QCOMPARE(during, 0L);
    QCOMPARE(e.useCases.size(), std::size_t{4});
    QVERIFY(inTokensPerSecond(e.generationRate) > 0);

    // The same result as a fresh estimate().
    const Estimate fresh = estimate(build, model, w, a);
    QCOMPARE(fresh.hardwareClass, e.hardwareClass);
    QCOMPARE(inTokensPerSecond(fresh.generationRate), inTokensPerSecond(e.generationRate));
    QCOMPARE(fresh.useCases[3].useCase.description, e.useCases[3].useCase.description);

    // estimate() allocates for its result only: a handful per call, not per plan.
    const long before2 = g_allocations.load();
    for (int i = 0; i < 100; ++i)
        (void)estimate(build, model, w, a);
    const long perCall = (g_allocations.load() - before2) / 100;
    QVERIFY2(perCall <= 8, qPrintable(QString::number(perCall)));
}

QTEST_GUILESS_MAIN(TestAllocation)
#include "tst_allocation.moc"
