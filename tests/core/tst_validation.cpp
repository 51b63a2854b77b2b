// SPDX-License-Identifier: MIT
// checkBuild() problems (with hand-made platform rules: one for "AM5" sockets, one
// for every other socket, as platforms.csv has them), costOf() and the seed's use cases.

#include "cost.h"
#include "fixtures.h"
#include "validation.h"

#include <QTest>

#include <functional>

using namespace llm;
using namespace llm::units;
using namespace llm::fixtures;

using BuildEdit = std::function<void(Build &)>;
Q_DECLARE_METATYPE(BuildEdit)

namespace {

Build validBuild() {
    Build b;
    b.name = "valid";
    b.cpu = ryzen7400f();
    b.memory = dualDdr5(5200, 64);
    b.gpus = {{gpu("NVIDIA GeForce RTX 4090", 24, 1008, 165), 1}};
    return b;
}

// An AM5-like rule (2 channels, 2 DIMMs per channel, DDR5-3600 with two, 1 x16 + 1 x8
// slot, 16 GPU lanes, 1000 W) and the rule for every other socket (x8 per GPU, PCIe).
PlatformRules rules() {
    PlatformRule am5;
    am5.platform = "AM5 (test)";
    am5.socket = "AM5";
    am5.memoryChannels = 2;
    am5.dimmsPerChannel = 2;
    am5.maxCapacity = gigabytes(256);
    am5.moduleSizes = {gigabytes(16), gigabytes(32), gigabytes(48)};
    am5.maxSpeedTwoDpc = megatransfersPerSecond(3600);
    am5.gpuLanes = 16;
    am5.x16Slots = 1;
    am5.x8Slots = 1;
    am5.minLanesPerGpu = 8;
    am5.psuLimit = watts(1000);
    am5.gpuFormFactors = {"pcie"};
    PlatformRule any;
    any.platform = "any board";
    any.socket = std::string(kAnySocket);
    any.dimmsPerChannel = 0;
    any.minLanesPerGpu = 8;
    any.gpuFormFactors = {"pcie"};
    return PlatformRules{{am5, any}};
}

Catalog grades() {
    Catalog c;
    for (double mts : {4800, 5200, 5600, 6000})
        c.memorySpeeds.push_back({"DDR5", megatransfersPerSecond(mts)});
    return c;
}

std::vector<Problem> check(const Build &b) {
    return checkBuild(b, grades(), rules(), Assumptions{});
}

QStringList fields(const std::vector<Problem> &problems) {
    QStringList out;
    for (const Problem &p : problems) {
        out << QString::fromStdString(p.field);
        // Every problem says why in words, never an empty message.
        if (p.message.empty())
            out << u"<empty message>"_qs;
    }
    return out;
}

} // namespace

class TestValidation final : public QObject {
    Q_OBJECT
private slots:
    void validate_data();
    void validate();
    void channelMessage();
    void messages();
    void cost_data();
    void cost();
    void costWithoutRate();
    void seedUseCases();
};

void TestValidation::validate_data() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::addColumn<BuildEdit>("edit");
    QTest::addColumn<QString>("expected"); // fields with problems, space-separated

    QTest::newRow("valid") << BuildEdit([](Build &) {}) << QString();
    QTest::newRow("zero channels")
        << BuildEdit([](Build &b) { b.memory.channels = 0; }) << u"memory.channels"_qs;
    QTest::newRow("more channels than the CPU")
        << BuildEdit([](Build &b) { b.memory.channels = 4; }) << u"memory.channels"_qs;
    QTest::newRow("all channels") << BuildEdit([](Build &b) { b.memory.channels = 2; })
                                  << QString();
    QTest::newRow("over rated speed")
        << BuildEdit([](Build &b) { b.memory.speed = megatransfersPerSecond(6000); })
        << u"memory.speed"_qs;
    QTest::newRow("zero speed") << BuildEdit([](Build &b) { b.memory.speed = {}; })
                                << u"memory.speed"_qs;
    QTest::newRow("NaN speed") << BuildEdit([nan](Build &b) {
        b.memory.speed = megatransfersPerSecond(nan);
    }) << u"memory.speed"_qs;
    QTest::newRow("capacity over maximum")
        << BuildEdit([](Build &b) { b.memory.capacity = gigabytes(256); }) << u"memory.capacity"_qs;
    QTest::newRow("capacity at maximum")
        << BuildEdit([](Build &b) { b.memory.capacity = gigabytes(192); }) << QString();
    QTest::newRow("zero capacity")
        << BuildEdit([](Build &b) { b.memory.capacity = {}; }) << u"memory.capacity"_qs;
    QTest::newRow("zero GPUs") << BuildEdit([](Build &b) { b.gpus[0].count = 0; })
                               << u"gpus[0].count"_qs;
    QTest::newRow("three GPUs on 24 lanes")
        << BuildEdit([](Build &b) { b.gpus[0].count = 3; }) << QString();
    QTest::newRow("four GPUs on 24 lanes")
        << BuildEdit([](Build &b) { b.gpus[0].count = 4; }) << u"gpus[0].count"_qs;
    QTest::newRow("lanes run out in the second group") << BuildEdit([](Build &b) {
        b.gpus[0].count = 2;
        b.gpus.push_back({gpu("B", 16, 500, 50), 2});
    }) << u"gpus[1].count"_qs;
    QTest::newRow("absurd GPU counts do not overflow") << BuildEdit([](Build &b) {
        b.gpus[0].count = std::numeric_limits<int>::max();
        b.gpus.push_back({gpu("B", 16, 500, 50), std::numeric_limits<int>::max()});
    }) << u"gpus[0].count"_qs;
    QTest::newRow("explicit CPU without cores")
        << BuildEdit([](Build &b) { b.cpu.cores = 0; }) << u"cpu.cores"_qs;
    QTest::newRow("chiplets without FCLK")
        << BuildEdit([](Build &b) { b.cpu.fabricClock = {}; }) << u"cpu.fabricClock"_qs;
    QTest::newRow("CPU without clocks") << BuildEdit([](Build &b) {
        b.cpu.boostClock = {};
        b.cpu.baseClock = {};
    }) << u"cpu.boostClock"_qs;
    QTest::newRow("GPU without VRAM and bandwidth") << BuildEdit([nan](Build &b) {
        b.gpus[0].gpu.vram = {};
        b.gpus[0].gpu.bandwidth = gigabytesPerSecond(nan);
    }) << u"gpus[0].vram gpus[0].bandwidth"_qs;
    QTest::newRow("negative FP16")
        << BuildEdit([](Build &b) { b.gpus[0].gpu.fp16Tensor = teraflopsPerSecond(-1); })
        << u"gpus[0].fp16Tensor"_qs;
    QTest::newRow("unknown FP16 is allowed")
        << BuildEdit([](Build &b) { b.gpus[0].gpu.fp16Tensor = {}; }) << QString();
    QTest::newRow("iGPU share over 1") << BuildEdit([](Build &b) { b.unifiedGpuMemoryShare = 1.5; })
                                       << u"unifiedGpuMemoryShare"_qs;
    QTest::newRow("negative platform price")
        << BuildEdit([](Build &b) { b.platformPriceUsd = -1.0; }) << u"platformPriceUsd"_qs;
    QTest::newRow("not a speed grade")
        << BuildEdit([](Build &b) { b.memory.speed = megatransfersPerSecond(5000); })
        << u"memory.speed"_qs;
    QTest::newRow("grades unknown: any speed up to the rating") << BuildEdit([](Build &b) {
        b.cpu.memoryType = "HBM3";
        b.memory.speed = megatransfersPerSecond(5000);
    }) << QString();
    QTest::newRow("SXM module") << BuildEdit([](Build &b) { b.gpus[0].gpu.formFactor = "sxm"; })
                                << u"gpus[0].gpu"_qs;
    QTest::newRow("unknown form factor passes")
        << BuildEdit([](Build &b) { b.gpus[0].gpu.formFactor.clear(); }) << QString();
    QTest::newRow("integrated GPU in a slot")
        << BuildEdit([](Build &b) { b.gpus[0].gpu.integrated = true; }) << u"gpus[0].gpu"_qs;
    // The AM5 rule: DIMM sizes, two-DIMM speed, slots, power supply.
    QTest::newRow("AM5: one 32 GB DIMM per channel")
        << BuildEdit([](Build &b) { b.cpu.socket = "am5"; }) << QString();
    QTest::newRow("AM5: 2 x 48 GB per channel at 5200") << BuildEdit([](Build &b) {
        b.cpu.socket = "AM5";
        b.memory.capacity = gigabytes(192);
    }) << u"memory.speed"_qs;
    QTest::newRow("AM5: 2 x 48 GB per channel at the cap") << BuildEdit([](Build &b) {
        b.cpu.socket = "AM5";
        b.memory.capacity = gigabytes(192);
        b.memory.speed = megatransfersPerSecond(3600);
    }) << QString();
    QTest::newRow("AM5: the cap with one DIMM per channel") << BuildEdit([](Build &b) {
        b.cpu.socket = "AM5";
        b.memory.capacity = gigabytes(96); // 48 GB per channel: one DIMM
        b.memory.speed = megatransfersPerSecond(3600);
    }) << u"memory.speed"_qs;
    QTest::newRow("AM5: the cap, 32 GB per channel as 2 x 16 GB") << BuildEdit([](Build &b) {
        b.cpu.socket = "AM5";
        b.memory.speed = megatransfersPerSecond(3600);
    }) << QString();
    QTest::newRow("AM5: 50 GB per channel") << BuildEdit([](Build &b) {
        b.cpu.socket = "AM5";
        b.memory.capacity = gigabytes(100);
    }) << u"memory.capacity"_qs;
    QTest::newRow("AM5: more channels than the boards wire") << BuildEdit([](Build &b) {
        b.cpu.socket = "AM5";
        b.cpu.memoryChannels = 4;
        b.memory.channels = 4;
    }) << u"memory.channels"_qs;
    QTest::newRow("AM5: two GPUs in two slots") << BuildEdit([](Build &b) {
        b.cpu.socket = "AM5";
        b.gpus[0].count = 2;
    }) << QString();
    QTest::newRow("AM5: three GPUs in two slots") << BuildEdit([](Build &b) {
        b.cpu.socket = "AM5";
        b.gpus[0].gpu.tdp = watts(200); // within the power supply
        b.gpus[0].count = 3;
    }) << u"gpus[0].count"_qs;
    QTest::newRow("AM5: over the power supply") << BuildEdit([](Build &b) {
        b.cpu.socket = "AM5";
        b.gpus[0].gpu.tdp = watts(900);
    }) << u"power"_qs;
    QTest::newRow("everything wrong") << BuildEdit([](Build &b) {
        b = Build{};
        b.gpus = {{Gpu{}, -1}};
    })
                                      << u"cpu.cores cpu.boostClock cpu.memoryChannels "
                                         "memory.channels memory.speed memory.capacity "
                                         "gpus[0].count"_qs;
}

void TestValidation::validate() {
    QFETCH(BuildEdit, edit);
    QFETCH(QString, expected);
    Build b = validBuild();
    edit(b);
    QCOMPARE(fields(check(b)).join(u' '), expected);
}

void TestValidation::channelMessage() {
    Build b = validBuild();
    b.memory.channels = 4;
    const std::vector<Problem> p = check(b);
    QCOMPARE(p.size(), std::size_t{1});
    QCOMPARE(p[0].message, std::string("4 channels requested; AMD Ryzen 5 7400F has 2"));
}

void TestValidation::messages() {
    Build b = validBuild();
    b.cpu.socket = "AM5";
    b.memory.capacity = gigabytes(192);
    QCOMPARE(check(b).front().message,
             std::string("192 GB on 2 channels needs 2 DIMMs per channel (48 GB each); AM5 (test) "
                         "runs 2 DIMMs per channel at up to 3600 MT/s, not 5200"));
    b = validBuild();
    b.gpus[0].count = 4; // the other-socket rule: 24 lanes, x8 each
    QCOMPARE(check(b).front().message,
             std::string("4 GPUs need 32 PCIe lanes at x8 each; AMD Ryzen 5 7400F has 24"));
    b.cpu.socket = "AM5";
    b.gpus[0].count = 3;
    b.gpus[0].gpu.tdp = watts(200);
    QCOMPARE(check(b).front().message,
             std::string("3 GPUs; AM5 (test) boards have 2 GPU slots (1 x16, 1 x8) and 16 PCIe "
                         "lanes for GPUs, x8 each at least"));
    b.gpus[0].count = 1;
    b.gpus[0].gpu.tdp = watts(900);
    QCOMPARE(check(b).front().message,
             std::string("1025 W at load; AM5 (test) power supplies go up to 1000 W"));
    // Without any rule: the CPU's own limits only.
    b = validBuild();
    b.gpus[0].count = 9;
    QVERIFY(checkBuild(b, Catalog{}, PlatformRules{}, Assumptions{}).empty());
}

void TestValidation::cost_data() {
    QTest::addColumn<BuildEdit>("edit");
    QTest::addColumn<double>("priceEur"); // < 0: no price
    QTest::addColumn<double>("watts");

    // 7400F $120 + RTX $1000 + 64 GB x $10 + desktop platform $400 = $2,160 x 0.86.
    QTest::newRow("desktop + GPU") << BuildEdit([](Build &) {}) << 2160 * 0.86 << 65.0 + 300 + 60;
    QTest::newRow("explicit platform price")
        << BuildEdit([](Build &b) { b.platformPriceUsd = 0.0; }) << 1760 * 0.86 << 425.0;
    QTest::newRow("server platform")
        << BuildEdit([](Build &b) { b.cpu.family = CpuFamily::Server; }) << 3760 * 0.86 << 425.0;
    QTest::newRow("two GPUs") << BuildEdit([](Build &b) { b.gpus[0].count = 2; }) << 3160 * 0.86
                              << 725.0;
    QTest::newRow("GPU without price")
        << BuildEdit([](Build &b) { b.gpus[0].gpu.priceUsd.reset(); }) << -1.0 << 425.0;
    QTest::newRow("CPU without price")
        << BuildEdit([](Build &b) { b.cpu.priceUsd.reset(); }) << -1.0 << 425.0;
    // Apple's catalogue price is the whole system: nothing added.
    QTest::newRow("Apple system") << BuildEdit([](Build &b) {
        b.gpus.clear();
        b.cpu.vendor = "Apple";
        b.cpu.family = CpuFamily::Mobile;
        b.cpu.priceUsd = 1999.0;
        b.cpu.tdp = watts(40);
    }) << 1999 * 0.86 << 100.0;
}

void TestValidation::cost() {
    QFETCH(BuildEdit, edit);
    QFETCH(double, priceEur);
    QFETCH(double, watts);
    Build b = validBuild();
    edit(b);
    const Assumptions a;
    const CostSummary c = costOf(b, tokensPerSecond(20), a);
    QCOMPARE(c.priceEur.has_value(), priceEur >= 0);
    if (priceEur >= 0) {
        QCOMPARE(*c.priceEur, priceEur);
        QCOMPARE(c.eurPerTokenPerSecond.value_or(-1), priceEur / 20);
    } else {
        QVERIFY(!c.eurPerTokenPerSecond);
    }
    QCOMPARE(inWatts(c.powerAtLoad), watts);
    // J per token = W / (tok/s); EUR per million tokens = kWh x EUR/kWh.
    QCOMPARE(c.energyPerToken.value(), watts / 20);
    QCOMPARE(c.electricityEurPerMillionTokens, watts / 20 * 1e6 / 3.6e6 * 0.30);
}

void TestValidation::costWithoutRate() {
    const CostSummary c = costOf(validBuild(), tokensPerSecond(0), Assumptions{});
    QVERIFY(c.priceEur.has_value());
    QVERIFY(!c.eurPerTokenPerSecond);
    QCOMPARE(c.energyPerToken.value(), 0.0);
    QCOMPARE(c.electricityEurPerMillionTokens, 0.0);
    const CostSummary n = costOf(validBuild(), tokensPerSecond(std::nan("")), Assumptions{});
    QVERIFY(!n.eurPerTokenPerSecond);
    QVERIFY(std::isfinite(n.electricityEurPerMillionTokens));
}

void TestValidation::seedUseCases() {
    const std::vector<UseCase> uc = llm::seedUseCases();
    QCOMPARE(uc.size(), std::size_t{4});
    const double expected[4][2] = {{1024, 16}, {4096, 256}, {1280, 3072}, {384, 1152}};
    for (std::size_t i = 0; i < 4; ++i) {
        QCOMPARE(uc[i].id, "UC" + std::to_string(i + 1));
        QCOMPARE(inTokens(uc[i].promptTokens), expected[i][0]);
        QCOMPARE(inTokens(uc[i].generatedTokens), expected[i][1]);
        QVERIFY(!uc[i].description.empty());
    }
    // The seed's own wording.
    QCOMPARE(uc[0].description,
             std::string("Classification, sentiment analysis, keyword extraction"));
    QCOMPARE(
        uc[3].description,
        std::string("Prompt expansion, explanation generation, creative writing, code generation"));
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
