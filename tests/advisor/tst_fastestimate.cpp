// SPDX-License-Identifier: MIT
// fast::evaluate() must agree with estimate() build by build: same placement,
// same fit, same verdicts, same margin. Checked over the shipped catalogue's
// socketed CPUs and discrete GPUs for dense, MoE, sliding-window and MLA
// models, both multi-GPU modes, calibrated-looking factors and a forced placement.

#include "bandwidth.h"
#include "catalogue.h"
#include "estimate.h"
#include "fastestimate.h"
#include "measurements.h"
#include "recommend.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <new>
#include <string>

// Counts heap allocations made while `counting` is set (this thread only).
namespace {
thread_local bool counting = false;
std::atomic<long> allocations{0};
} // namespace

void *operator new(std::size_t size) {
    if (counting)
        ++allocations;
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
using namespace Qt::StringLiterals;

class TstFastEstimate final : public QObject {
    Q_OBJECT

private slots:
    void agreesWithEstimate_data();
    void agreesWithEstimate();
    void marginOfEstimate();
    void evaluateAllocatesNothing();
};

void TstFastEstimate::agreesWithEstimate_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("quant");
    QTest::addColumn<bool>("tensorParallel");
    QTest::addColumn<int>("variant"); // 0 defaults, 1 per-class factors + token overhead, 2 forced
                                      // CPU, 3 forced multi-GPU, 4 calibrated (shipped)
    QTest::newRow("dense 14B") << u"Qwen2.5-14B-Instruct"_s << u"Q4_K_M"_s << false << 0;
    QTest::newRow("dense 70B") << u"Llama-3.3-70B-Instruct"_s << u"Q4_K_M"_s << false << 0;
    QTest::newRow("dense 70B, tensor parallel")
        << u"Llama-3.3-70B-Instruct"_s << u"Q8_0"_s << true << 0;
    QTest::newRow("moe 30B-A3B") << u"Qwen3-30B-A3B"_s << u"Q4_K_M"_s << false << 0;
    QTest::newRow("moe sliding gpt-oss-120b") << u"gpt-oss-120b"_s << u"MXFP4"_s << false << 0;
    QTest::newRow("moe MLA DeepSeek-V3") << u"DeepSeek-V3"_s << u"Q4_K_M"_s << false << 0;
    QTest::newRow("moe, factors and overhead") << u"Qwen3-30B-A3B"_s << u"Q8_0"_s << false << 1;
    QTest::newRow("dense 1B, factors and overhead")
        << u"Llama-3.2-1B-Instruct"_s << u"Q4_K_M"_s << true << 1;
    QTest::newRow("calibrated factors, moe") << u"Qwen3-30B-A3B"_s << u"Q4_K_M"_s << false << 4;
    QTest::newRow("calibrated factors, dense 70B")
        << u"Llama-3.3-70B-Instruct"_s << u"Q4_K_M"_s << false << 4;
    QTest::newRow("forced cpu placement") << u"Qwen3-30B-A3B"_s << u"Q4_K_M"_s << false << 2;
    QTest::newRow("forced multi-gpu (falls back when absent)")
        << u"Qwen2.5-14B-Instruct"_s << u"Q4_K_M"_s << false << 3;
}

void TstFastEstimate::agreesWithEstimate() {
    QFETCH(QString, model);
    QFETCH(QString, quant);
    QFETCH(bool, tensorParallel);
    QFETCH(int, variant);
    QString error;
    const Catalog catalog = db::loadShippedCatalog(&error);
    const PlatformRules rules = db::loadShippedPlatformRules(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto m = findModel(catalog, model.toStdString());
    const auto q = findQuant(catalog, quant.toStdString());
    QVERIFY(m && q);
    ModelChoice choice{*m.match, *q.match, std::nullopt};
    Workload workload{catalog.useCases};
    Assumptions a;
    if (variant == 1) {
        a.efficiencyByClass["cpu-zen5"] = {0.55, 0.5, secondsPerToken(0.002), 10, "2026-01-01"};
        a.efficiencyByClass["gpu-nvidia-blackwell@llama.cpp"] = {
            0.8, 0.2, secondsPerToken(0.004), 5, {}};
        a.efficiencyByClass["hybrid"] = {0.5, 0.25, secondsPerToken(0.001), 3, {}};
        a.runtimeOverhead = gigabytes(1.5);
    }
    if (variant == 2)
        a.forcedPlacement = Placement::CpuOnly;
    if (variant == 4) {
        QString why;
        a = db::shippedAssumptions(&why); // the calibrated factors and bands
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY(!a.efficiencyByClass.empty());
    }
    if (variant == 3)
        a.forcedPlacement = Placement::MultiGpuLayerSplit;
    const fast::ModelPrep prep = fast::prepareModel(choice, workload, a);

    int compared = 0, passing = 0;
    std::vector<fast::GpuPrep> gpuPreps;
    for (const Gpu &g : catalog.gpus)
        gpuPreps.push_back(fast::prepareGpu(g, a));
    for (std::size_t ci = 0; ci < catalog.cpus.size(); ++ci) {
        const Cpu &cpu = catalog.cpus[ci];
        const PlatformRule *rule = rules.find(cpu);
        if (!rule || rule->moduleSizes.empty() || cpu.family == CpuFamily::Mobile ||
            cpu.unifiedBandwidth)
            continue;
        const fast::CpuPrep cpuPrep = fast::prepareCpu(cpu, a);
        const auto speeds = platformSpeeds(catalog, *rule, cpu, 1);
        QVERIFY(!speeds.empty());
        const int channels = std::min(cpu.memoryChannels, rule->memoryChannels);
        for (const Bytes &module : {rule->moduleSizes.front(), rule->moduleSizes.back()})
            for (int gi = -1; gi < static_cast<int>(catalog.gpus.size()); ++gi) {
                if (gi >= 0 && catalog.gpus[static_cast<std::size_t>(gi)].integrated)
                    continue;
                for (int n : {1, 2, 3}) {
                    if (gi < 0 && n > 1)
                        break;
                    const int count = gi < 0 ? 0 : n;
                    const int lanes = count > 0 ? lanesPerGpu(*rule, cpu, count) : 0;
                    if (count > 0 && lanes == 0)
                        continue;
                    BuildKey key{static_cast<int>(ci), channels, 1,     module,
                                 speeds.back(),        gi,       count, lanes};
                    Build b = buildFromKey(catalog, key);
                    b.multiGpuMode =
                        tensorParallel ? MultiGpuMode::TensorParallel : MultiGpuMode::LayerSplit;
                    const Estimate e = estimate(b, choice, workload, a);
                    fast::Hardware h;
                    h.cpu = &cpuPrep;
                    h.system = memorySideBandwidth(b.cpu, b.memory);
                    h.ram = b.memory.capacity;
                    h.gpu = gi >= 0 ? &gpuPreps[static_cast<std::size_t>(gi)] : nullptr;
                    h.gpuCount = count;
                    h.lanesPerGpu = lanes;
                    h.tensorParallel = tensorParallel;
                    const fast::Outcome o = fast::evaluate(prep, h, a);
                    const bool allPass =
                        e.fits && std::all_of(e.useCases.begin(), e.useCases.end(),
                                              [](const UseCaseVerdict &v) { return v.pass; });
                    const double expected = fast::margin(e, a.thresholds);
                    const QByteArray where = QByteArray::fromStdString(b.name);
                    QVERIFY2(o.fits == e.fits, where.constData());
                    QVERIFY2(o.allPass == allPass, where.constData());
                    if (e.fits) {
                        QVERIFY2(o.placement == e.placement, where.constData());
                        QVERIFY2(std::fabs(o.margin - expected) <= 1e-12 * std::max(1.0, expected),
                                 where.constData());
                        QVERIFY2(
                            std::fabs(inTokensPerSecond(o.headlineGeneration - e.generationRate)) <=
                                1e-9 * inTokensPerSecond(e.generationRate),
                            where.constData());
                    }
                    ++compared;
                    passing += allPass ? 1 : 0;
                }
            }
    }
    qInfo("%d builds compared, %d passing every use case", compared, passing);
    QVERIFY(compared > 1000);
}

void TstFastEstimate::marginOfEstimate() {
    // Margin: the smaller of prefill limit over prefill time and rate over the minimum.
    Estimate e;
    e.fits = true;
    UseCaseVerdict v;
    v.prefillTime = seconds(4);             // 10 s limit: 2.5
    v.generationRate = tokensPerSecond(15); // 10 tok/s minimum: 1.5
    e.useCases = {v};
    const Thresholds t;
    QCOMPARE(fast::margin(e, t), 1.5);
    e.useCases[0].prefillTime = seconds(8); // 1.25
    QCOMPARE(fast::margin(e, t), 1.25);
    e.useCases[0].prefillTime = seconds(0); // no prompt: generation alone
    QCOMPARE(fast::margin(e, t), 1.5);
    e.fits = false;
    QCOMPARE(fast::margin(e, t), 0.0);
}

void TstFastEstimate::evaluateAllocatesNothing() {
    // The sweep's inner loop: prepared once, then only arithmetic.
    const Catalog catalog = db::loadShippedCatalog();
    const auto m = findModel(catalog, "Qwen3-30B-A3B");
    QVERIFY(m);
    const ModelChoice choice{*m.match, *findQuant(catalog, "Q4_K_M").match, std::nullopt};
    Assumptions a;
    a.efficiencyByClass["hybrid"] = {0.5, 0.25, secondsPerToken(0.001), 3, {}};
    const fast::ModelPrep prep = fast::prepareModel(choice, Workload{catalog.useCases}, a);
    const fast::CpuPrep cpu = fast::prepareCpu(*findCpu(catalog, "EPYC 9554P").match, a);
    const fast::GpuPrep gpu = fast::prepareGpu(*findGpu(catalog, "RTX 4090").match, a);
    double sum = 0;
    allocations = 0;
    counting = true;
    for (int count = 0; count <= 4; ++count)
        for (double gb : {16.0, 64.0, 256.0}) {
            fast::Hardware h;
            h.cpu = &cpu;
            h.system = gigabytesPerSecond(460.8);
            h.ram = gigabytes(gb);
            h.gpu = count > 0 ? &gpu : nullptr;
            h.gpuCount = count;
            h.lanesPerGpu = 16;
            const fast::Outcome o = fast::evaluate(prep, h, a);
            sum += o.margin;
        }
    counting = false;
    QCOMPARE(allocations.load(), 0L);
    QVERIFY(sum > 0); // the loop did evaluate passing builds
    // Control: the counter does see an allocation.
    counting = true;
    const std::string control(100, 'x');
    counting = false;
    QVERIFY(control.size() == 100 && allocations.load() > 0);
}

QTEST_GUILESS_MAIN(TstFastEstimate)
#include "tst_fastestimate.moc"
