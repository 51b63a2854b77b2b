// SPDX-License-Identifier: MIT
// Verdicts at the exact thresholds, the explanation sentences, and the stable
// identifiers and hardware classes other layers rely on.

#include "fixtures.h"

#include <QTest>

using namespace llm;
using namespace llm::units;
using namespace llm::fixtures;

class TestVerdict final : public QObject {
    Q_OBJECT
private slots:
    void classify_data();
    void classify();
    void explain_data();
    void explain();
    void identifiers();
    void hardwareClasses_data();
    void hardwareClasses();
    void candidates_data();
    void candidates();
};

void TestVerdict::classify_data() {
    QTest::addColumn<bool>("fits");
    QTest::addColumn<double>("prefillS");
    QTest::addColumn<double>("genRate");
    QTest::addColumn<double>("totalS");
    QTest::addColumn<double>("genRateLow");
    QTest::addColumn<double>("prefillRateLow"); // prompt is 1,000 tokens
    QTest::addColumn<bool>("pass");
    QTest::addColumn<WorkflowClass>("workflow");
    QTest::addColumn<FailedLimit>("failed");
    QTest::addColumn<Bottleneck>("bottleneck");
    QTest::addColumn<bool>("borderline");

    const auto B = WorkflowClass::Background, I = WorkflowClass::Interactive,
               O = WorkflowClass::Offline, N = WorkflowClass::NonViable;
    const auto none = FailedLimit::None, pre = FailedLimit::PrefillTime,
               gen = FailedLimit::GenerationRate, cap = FailedLimit::Capacity;
    const auto C = Bottleneck::Compute, R = Bottleneck::RamSide;
    // Prefill is compute-bound and generation RAM-bound in every row.
    QTest::newRow("prefill exactly 10 s passes")
        << true << 10.0 << 20.0 << 100.0 << 20.0 << 1000.0 << true << B << none << R << false;
    QTest::newRow("prefill just over 10 s fails")
        << true << 10.000001 << 20.0 << 100.0 << 20.0 << 1000.0 << false << B << pre << C << false;
    QTest::newRow("10 tok/s exactly passes, not interactive")
        << true << 1.0 << 10.0 << 50.0 << 10.0 << 1000.0 << true << B << none << R << false;
    QTest::newRow("just under 10 tok/s fails")
        << true << 1.0 << 9.999999 << 50.0 << 9.0 << 1000.0 << false << B << gen << R << false;
    QTest::newRow("prefill 3 s is not interactive")
        << true << 3.0 << 20.0 << 50.0 << 20.0 << 1000.0 << true << B << none << R << false;
    QTest::newRow("prefill under 3 s is interactive")
        << true << 2.999 << 20.0 << 50.0 << 20.0 << 1000.0 << true << I << none << R << false;
    QTest::newRow("300 s is background")
        << true << 20.0 << 5.0 << 300.0 << 5.0 << 1000.0 << false << B << pre << C << false;
    QTest::newRow("just over 300 s is off-line")
        << true << 20.0 << 5.0 << 300.001 << 5.0 << 1000.0 << false << O << pre << C << false;
    QTest::newRow("4 h is off-line")
        << true << 20.0 << 5.0 << 14400.0 << 5.0 << 1000.0 << false << O << pre << C << false;
    QTest::newRow("over 4 h is non-viable")
        << true << 20.0 << 5.0 << 14400.5 << 5.0 << 1000.0 << false << N << pre << C << false;
    QTest::newRow("not fitting is non-viable")
        << false << 1.0 << 50.0 << 5.0 << 50.0 << 1000.0 << false << N << cap
        << Bottleneck::Capacity << false;
    QTest::newRow("both fail: prefill first")
        << true << 30.0 << 2.0 << 500.0 << 2.0 << 10.0 << false << O << pre << C << false;
    QTest::newRow("borderline on generation")
        << true << 1.0 << 11.0 << 10.0 << 9.0 << 1000.0 << true << I << none << R << true;
    QTest::newRow("borderline on prefill")
        << true << 5.0 << 20.0 << 50.0 << 20.0 << 50.0 << true << B << none << R << true;
    QTest::newRow("low end exactly at limits is not borderline")
        << true << 5.0 << 20.0 << 50.0 << 10.0 << 100.0 << true << B << none << R << false;
}

void TestVerdict::classify() {
    QFETCH(bool, fits);
    QFETCH(double, prefillS);
    QFETCH(double, genRate);
    QFETCH(double, totalS);
    QFETCH(double, genRateLow);
    QFETCH(double, prefillRateLow);
    QFETCH(bool, pass);
    QFETCH(WorkflowClass, workflow);
    QFETCH(FailedLimit, failed);
    QFETCH(Bottleneck, bottleneck);
    QFETCH(bool, borderline);

    const UseCase useCase{"UC", "", tokens(1000), tokens(100)};
    UseCaseVerdict v(useCase);
    v.prefillTime = seconds(prefillS);
    v.prefillRate = tokens(1000) / v.prefillTime;
    v.generationRate = tokensPerSecond(genRate);
    v.totalTime = seconds(totalS);
    v.generationRateLow = tokensPerSecond(genRateLow);
    v.prefillRateLow = tokensPerSecond(prefillRateLow);
    llm::classify(v, fits, Bottleneck::Compute, Bottleneck::RamSide, Thresholds{});
    QCOMPARE(v.pass, pass);
    COMPARE_ENUM(v.workflow, workflow);
    COMPARE_ENUM(v.failed, failed);
    COMPARE_ENUM(v.bottleneck, bottleneck);
    QCOMPARE(v.borderline, borderline);
}

void TestVerdict::explain_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("prompt");
    QTest::addColumn<double>("prefillS");
    QTest::addColumn<double>("genRate");
    QTest::addColumn<double>("genRateLow");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<Bottleneck>("genBottleneck");
    QTest::addColumn<Placement>("placement");
    QTest::addColumn<QString>("sentence");

    QTest::newRow("prefill too slow")
        << u"UC2"_qs << 4096.0 << 33.2 << 5.0 << 5.0 << true << Bottleneck::RamSide
        << Placement::CpuOnly
        << u"UC2 fails: a 4,096-token prompt takes 33 s on this CPU (limited by compute); the "
           "limit is 10 s."_qs;
    QTest::newRow("generation too slow")
        << u"UC3"_qs << 1280.0 << 2.0 << 7.9 << 7.9 << true << Bottleneck::RamSide
        << Placement::CpuOnly
        << u"UC3 fails: output comes at 7.9 tokens/s, limited by the RAM side (89.6 GB/s); at "
           "least 10 tokens/s is needed."_qs;
    QTest::newRow("fabric-bound")
        << u"UC4"_qs << 384.0 << 0.5 << 4.26 << 4.0 << true << Bottleneck::CpuFabric
        << Placement::CpuOnly
        << u"UC4 fails: output comes at 4.3 tokens/s, limited by the CPU fabric (57.6 GB/s); at "
           "least 10 tokens/s is needed."_qs;
    QTest::newRow("does not fit")
        << u"UC1"_qs << 1024.0 << 0.0 << 0.0 << 0.0 << false << Bottleneck::RamSide
        << Placement::SingleGpu
        << u"UC1 fails: the model needs 45.2 GB (42.5 GB weights, 1.9 GB KV cache, 0.8 GB runtime "
           "overhead) but this build has 32 GB of VRAM."_qs;
    QTest::newRow("passes, interactive")
        << u"UC1"_qs << 1024.0 << 0.4 << 25.0 << 20.0 << true << Bottleneck::GpuMemory
        << Placement::SingleGpu
        << u"UC1 passes (interactive): a 1,024-token prompt takes 0.4 s and output comes at 25 "
           "tokens/s, limited by GPU memory bandwidth (1,792 GB/s)."_qs;
    QTest::newRow("passes, borderline")
        << u"UC3"_qs << 1280.0 << 4.0 << 10.5 << 8.0 << true << Bottleneck::RamSide
        << Placement::CpuOnly
        << u"UC3 passes, borderline (background): a 1,280-token prompt takes 4 s and output comes "
           "at 10.5 tokens/s, limited by the RAM side (89.6 GB/s); at the low end of the "
           "estimate's range it would fail."_qs;
}

void TestVerdict::explain() {
    QFETCH(QString, id);
    QFETCH(double, prompt);
    QFETCH(double, prefillS);
    QFETCH(double, genRate);
    QFETCH(double, genRateLow);
    QFETCH(bool, fits);
    QFETCH(Bottleneck, genBottleneck);
    QFETCH(Placement, placement);
    QFETCH(QString, sentence);

    Estimate e;
    e.placement = placement;
    e.fits = fits;
    e.bandwidth.ramSide = gigabytesPerSecond(89.6);
    e.bandwidth.cpuSide = gigabytesPerSecond(57.6);
    e.bandwidth.gpu = gigabytesPerSecond(1792);
    e.memory.weights = gigabytes(42.5);
    e.memory.kvCache = gigabytes(1.9);
    e.memory.overhead = gigabytes(0.8);
    e.memory.total = gigabytes(45.2);
    e.memory.vramAvailable = gigabytes(32);
    const UseCase useCase{id.toStdString(), "", tokens(prompt), tokens(3072)};
    UseCaseVerdict v(useCase);
    v.prefillTime = seconds(prefillS);
    v.prefillRate = v.prefillRateLow = tokens(prompt) / seconds(std::max(prefillS, 1e-9));
    v.generationRate = tokensPerSecond(genRate);
    v.generationRateLow = tokensPerSecond(genRateLow);
    v.totalTime = v.prefillTime + (genRate > 0 ? 3072 / genRate : 0) * second;
    llm::classify(v, fits, Bottleneck::Compute, genBottleneck, Thresholds{});
    QCOMPARE(QString::fromStdString(llm::explain(v, e, Thresholds{})), sentence);
}

void TestVerdict::identifiers() {
    const std::pair<Placement, const char *> placements[] = {
        {Placement::CpuOnly, "cpu"},
        {Placement::SingleGpu, "gpu"},
        {Placement::MultiGpuLayerSplit, "multi-gpu-layer-split"},
        {Placement::MultiGpuTensorParallel, "multi-gpu-tensor-parallel"},
        {Placement::HybridLayers, "hybrid"},
        {Placement::HybridMoeExperts, "hybrid-moe"},
        {Placement::Unified, "unified"}};
    for (const auto &[p, s] : placements)
        QCOMPARE(toString(p), s);
    const std::pair<Bottleneck, const char *> bottlenecks[] = {
        {Bottleneck::RamSide, "ram-side"},     {Bottleneck::CpuFabric, "cpu-fabric"},
        {Bottleneck::GpuMemory, "gpu-memory"}, {Bottleneck::Pcie, "pcie"},
        {Bottleneck::Compute, "compute"},      {Bottleneck::Capacity, "capacity"},
        {Bottleneck::Overhead, "overhead"}};
    for (const auto &[b, s] : bottlenecks)
        QCOMPARE(toString(b), s);
    QCOMPARE(toString(WorkflowClass::Interactive), "interactive");
    QCOMPARE(toString(WorkflowClass::Background), "background");
    QCOMPARE(toString(WorkflowClass::Offline), "off-line");
    QCOMPARE(toString(WorkflowClass::NonViable), "non-viable");
    QCOMPARE(toString(FailedLimit::None), "none");
    QCOMPARE(toString(FailedLimit::Capacity), "capacity");
    QCOMPARE(toString(FailedLimit::PrefillTime), "prefill-time");
    QCOMPARE(toString(FailedLimit::GenerationRate), "generation-rate");
}

void TestVerdict::hardwareClasses_data() {
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<bool>("integrated");
    QTest::addColumn<QString>("expected");
    QTest::newRow("blackwell") << u"NVIDIA"_qs << u"Blackwell"_qs << false
                               << u"gpu-nvidia-blackwell"_qs;
    QTest::newRow("ada lovelace") << u"NVIDIA"_qs << u"Ada Lovelace"_qs << false
                                  << u"gpu-nvidia-ada"_qs;
    QTest::newRow("ampere") << u"nvidia"_qs << u"ampere"_qs << false << u"gpu-nvidia-ampere"_qs;
    // Classes follow the architecture for every vendor (RDNA2 != RDNA3 != RDNA4),
    // and NVIDIA's HBM x100 dies are a class of their own (Ampere consumer != A100).
    QTest::newRow("amd rdna3") << u"AMD"_qs << u"rdna3"_qs << false << u"gpu-amd-rdna3"_qs;
    QTest::newRow("amd rdna2 catalogue")
        << u"AMD"_qs << u"rdna2 (Navi 21, gfx1030)"_qs << false << u"gpu-amd-rdna2"_qs;
    QTest::newRow("a100") << u"NVIDIA"_qs << u"ampere (GA100)"_qs << false
                          << u"gpu-nvidia-ampere-hbm"_qs;
    QTest::newRow("rtx 3090") << u"NVIDIA"_qs << u"ampere (GA102)"_qs << false
                              << u"gpu-nvidia-ampere"_qs;
    QTest::newRow("intel arc") << u"Intel"_qs << u"alchemist"_qs << false
                               << u"gpu-intel-alchemist"_qs;
    QTest::newRow("apple") << u"Apple"_qs << u"apple-m4"_qs << true << u"unified-apple"_qs;
    QTest::newRow("strix halo") << u"AMD"_qs << u"rdna3.5"_qs << true << u"unified-amd"_qs;
    QTest::newRow("dgx spark") << u"NVIDIA"_qs << u"blackwell"_qs << true << u"unified-nvidia"_qs;
}

void TestVerdict::hardwareClasses() {
    QFETCH(QString, vendor);
    QFETCH(QString, architecture);
    QFETCH(bool, integrated);
    QFETCH(QString, expected);
    Gpu g;
    g.vendor = vendor.toStdString();
    g.architecture = architecture.toStdString();
    g.integrated = integrated;
    QCOMPARE(QString::fromStdString(hardwareClass(g)), expected);

    Cpu c;
    c.architecture = "Zen5";
    QCOMPARE(hardwareClass(c), std::string("cpu-zen5"));
    Build b;
    b.cpu = c;
    QCOMPARE(hardwareClass(b, Placement::HybridLayers), std::string("hybrid"));
    QCOMPARE(hardwareClass(b, Placement::HybridMoeExperts), std::string("hybrid"));
    QCOMPARE(hardwareClass(b, Placement::CpuOnly), std::string("cpu-zen5"));
}

void TestVerdict::candidates_data() {
    QTest::addColumn<int>("gpus");
    QTest::addColumn<bool>("tensorParallel");
    QTest::addColumn<bool>("igpu");
    QTest::addColumn<bool>("moe");
    QTest::addColumn<QString>("expected");
    QTest::newRow("cpu only") << 0 << false << false << false << u"cpu"_qs;
    QTest::newRow("one gpu") << 1 << false << false << false << u"cpu gpu hybrid"_qs;
    QTest::newRow("one gpu, moe") << 1 << false << false << true << u"cpu gpu hybrid hybrid-moe"_qs;
    QTest::newRow("two gpus") << 2 << false << false << false
                              << u"cpu multi-gpu-layer-split hybrid"_qs;
    QTest::newRow("two gpus, TP") << 2 << true << false << false
                                  << u"cpu multi-gpu-tensor-parallel hybrid"_qs;
    QTest::newRow("igpu") << 0 << false << true << false << u"cpu unified"_qs;
}

void TestVerdict::candidates() {
    QFETCH(int, gpus);
    QFETCH(bool, tensorParallel);
    QFETCH(bool, igpu);
    QFETCH(bool, moe);
    QFETCH(QString, expected);
    Build b;
    if (gpus > 0)
        b.gpus = {{gpu("G", 24, 1000, 100), gpus}};
    b.multiGpuMode = tensorParallel ? MultiGpuMode::TensorParallel : MultiGpuMode::LayerSplit;
    if (igpu)
        b.integratedGpu = gpu("iGPU", 0, 256, 30);
    const ModelChoice m = moe ? moe100GB() : dense10GB();
    QStringList names;
    for (Placement p : candidatePlacements(b, m))
        names << QString::fromLatin1(toString(p));
    QCOMPARE(names.join(u' '), expected);
}

QTEST_GUILESS_MAIN(TestVerdict)
#include "tst_verdict.moc"
