// SPDX-License-Identifier: MIT
// What-if deltas equal direct estimates of the changed build: every change is
// made here by hand, estimated with estimate() and priced with costOf(), and
// compared with what whatIfs() reports.

#include "cost.h"
#include "estimate.h"
#include "fastestimate.h"
#include "tinycatalog.h"
#include "whatif.h"

#include <QTest>

#include <cmath>

using namespace llm;
using namespace llm::units;
using namespace Qt::StringLiterals;

namespace {

Catalog catalogWithQuants() {
    Catalog c = tiny::catalog();
    c.quants = {{"Q4", 4.5}, {"Q8", 8.0}, {"F16", 16.0}, {"Q4_K (block)", 4.5}};
    c.useCases.push_back(UseCase{"L", "long", tokens(4096), tokens(256)});
    return c;
}

// Work B with 2 of its 4 channels at DDR5-4800, 64 GB, one Small 16.
Build base() {
    const Catalog c = tiny::catalog();
    Build b;
    b.name = "base";
    b.cpu = c.cpus[1];
    b.memory = {2, megatransfersPerSecond(4800), gigabytes(64)};
    b.gpus = {GpuGroup{c.gpus[0], 1}};
    return b;
}

const WhatIf &find(const std::vector<WhatIf> &all, WhatIfChange c) {
    for (const WhatIf &w : all)
        if (w.change == c)
            return w;
    qFatal("what-if %s missing", toString(c));
}

} // namespace

Q_DECLARE_METATYPE(llm::WhatIfChange)

class TstWhatIf final : public QObject {
    Q_OBJECT

private slots:
    void deltasEqualDirectEstimates_data();
    void deltasEqualDirectEstimates();
    void unavailable_data();
    void unavailable();
    void platformProblemsReported();
    void offersOnlyBuyableGpus_data();
    void offersOnlyBuyableGpus();
    void powerSupplyChecked();
};

void TstWhatIf::deltasEqualDirectEstimates_data() {
    QTest::addColumn<WhatIfChange>("change");
    QTest::addColumn<bool>("priced"); // is the changed build priced
    QTest::newRow("faster memory") << WhatIfChange::FasterMemory << true;
    QTest::newRow("all channels") << WhatIfChange::AllChannels << true;
    QTest::newRow("one more gpu") << WhatIfChange::OneMoreGpu << true;
    QTest::newRow("larger gpu (unpriced)") << WhatIfChange::LargerGpu << false;
    QTest::newRow("quant up") << WhatIfChange::QuantUp << true;
    QTest::newRow("quant down") << WhatIfChange::QuantDown << true;
    QTest::newRow("double context") << WhatIfChange::DoubleContext << true;
}

void TstWhatIf::deltasEqualDirectEstimates() {
    QFETCH(WhatIfChange, change);
    QFETCH(bool, priced);
    const Catalog catalog = catalogWithQuants();
    const PlatformRules rules = tiny::rules();
    const Assumptions a;
    const Build b = base();
    const ModelChoice m = tiny::dense10GB();
    const Workload w{catalog.useCases};

    Build expectedBuild = b;
    ModelChoice expectedModel = m;
    Workload expectedWorkload = w;
    switch (change) {
    case WhatIfChange::FasterMemory:
        expectedBuild.memory.speed = megatransfersPerSecond(5600);
        break;
    case WhatIfChange::AllChannels:
        expectedBuild.memory.channels = 4;
        expectedBuild.memory.capacity = gigabytes(128);
        break;
    case WhatIfChange::OneMoreGpu:
        expectedBuild.gpus[0].count = 2; // W1: two x16 slots of three
        break;
    case WhatIfChange::LargerGpu:
        expectedBuild.gpus[0].gpu = catalog.gpus[2]; // NoPrice 24: next by VRAM
        break;
    case WhatIfChange::SmallerGpu:
        break;
    case WhatIfChange::QuantUp:
        expectedModel.quant = {"F16", 16.0};
        break;
    case WhatIfChange::QuantDown:
        expectedModel.quant = {"Q4", 4.5}; // not the "(block)" row
        break;
    case WhatIfChange::DoubleContext:
        for (UseCase &u : expectedWorkload.useCases) {
            u.promptTokens = 2.0 * u.promptTokens;
            u.generatedTokens = 2.0 * u.generatedTokens;
        }
        break;
    }
    const std::vector<WhatIf> all = whatIfs(b, m, w, a, catalog, &rules);
    QCOMPARE(all.size(), std::size_t{8});
    const WhatIf &got = find(all, change);
    QVERIFY2(got.available, got.reason.c_str());
    QVERIFY(!got.description.empty());
    QVERIFY(got.platformProblems.empty());

    const Estimate before = estimate(b, m, w, a);
    const Estimate direct = estimate(expectedBuild, expectedModel, expectedWorkload, a);
    QCOMPARE(QByteArray(toString(got.estimate.placement)), QByteArray(toString(direct.placement)));
    QCOMPARE(got.useCases.size(), direct.useCases.size());
    for (std::size_t i = 0; i < direct.useCases.size(); ++i) {
        const UseCaseVerdict &d = direct.useCases[i];
        const UseCaseDelta &delta = got.useCases[i];
        QCOMPARE(inTokensPerSecond(got.estimate.useCases[i].generationRate),
                 inTokensPerSecond(d.generationRate));
        QCOMPARE(inSeconds(got.estimate.useCases[i].prefillTime), inSeconds(d.prefillTime));
        QCOMPARE(delta.passAfter, d.pass);
        QCOMPARE(delta.passBefore, before.useCases[i].pass);
        QCOMPARE(delta.marginAfter, fast::margin(d, direct.fits, a.thresholds));
        QCOMPARE(delta.marginBefore, fast::margin(before.useCases[i], before.fits, a.thresholds));
        QCOMPARE(delta.marginDelta(), delta.marginAfter - delta.marginBefore);
    }
    const auto priceBefore = costOf(b, before.generationRate, a).priceEur;
    const auto priceAfter = costOf(expectedBuild, direct.generationRate, a).priceEur;
    QCOMPARE(priceAfter.has_value(), priced);
    QCOMPARE(got.priceDeltaEur().has_value(), priced);
    if (priced)
        QCOMPARE(*got.priceDeltaEur(), *priceAfter - *priceBefore);
    const bool hardwareChange = change == WhatIfChange::FasterMemory ||
                                change == WhatIfChange::AllChannels ||
                                change == WhatIfChange::OneMoreGpu;
    if (priced && !hardwareChange)
        QCOMPARE(*got.priceDeltaEur(), 0.0); // model and context cost nothing
    if (change == WhatIfChange::AllChannels || change == WhatIfChange::OneMoreGpu)
        QVERIFY(*got.priceDeltaEur() > 0);
}

void TstWhatIf::unavailable_data() {
    QTest::addColumn<WhatIfChange>("change");
    QTest::addColumn<int>("tweak"); // 0 fastest memory, 1 all channels, 2 no GPU, 3 smallest GPU,
                                    // 4 highest quant, 5 lowest quant
    QTest::newRow("memory already fastest") << WhatIfChange::FasterMemory << 0;
    QTest::newRow("channels already all") << WhatIfChange::AllChannels << 1;
    QTest::newRow("no gpu to add") << WhatIfChange::OneMoreGpu << 2;
    QTest::newRow("no gpu to swap") << WhatIfChange::LargerGpu << 2;
    QTest::newRow("smallest gpu already") << WhatIfChange::SmallerGpu << 3;
    QTest::newRow("highest quant already") << WhatIfChange::QuantUp << 4;
    QTest::newRow("lowest quant already") << WhatIfChange::QuantDown << 5;
}

void TstWhatIf::unavailable() {
    QFETCH(WhatIfChange, change);
    QFETCH(int, tweak);
    const Catalog catalog = catalogWithQuants();
    Build b = base();
    ModelChoice m = tiny::dense10GB();
    if (tweak == 0)
        b.memory.speed = megatransfersPerSecond(5600);
    if (tweak == 1)
        b.memory.channels = 4;
    if (tweak == 2)
        b.gpus.clear();
    if (tweak == 4)
        m.quant = {"F16", 16.0};
    if (tweak == 5)
        m.quant = {"Q4", 4.5};
    const std::vector<WhatIf> all =
        whatIfs(b, m, Workload{catalog.useCases}, Assumptions{}, catalog);
    const WhatIf &got = find(all, change);
    QVERIFY(!got.available);
    QVERIFY(!got.reason.empty());
    QVERIFY(got.useCases.empty()); // nothing estimated
}

void TstWhatIf::platformProblemsReported() {
    // Desk A on D1 with two Small 16 (x8/x8): a third has no slot.
    const Catalog catalog = catalogWithQuants();
    const PlatformRules rules = tiny::rules();
    Build b = base();
    b.cpu = catalog.cpus[0];
    b.gpus[0].count = 2;
    const std::vector<WhatIf> all =
        whatIfs(b, tiny::dense10GB(), Workload{catalog.useCases}, Assumptions{}, catalog, &rules);
    const WhatIf &got = find(all, WhatIfChange::OneMoreGpu);
    QVERIFY(got.available);
    QCOMPARE(got.platformProblems.size(), std::size_t{1});
    QCOMPARE(QString::fromStdString(got.platformProblems.front().field), u"gpus[0].count"_s);
    // Without rules there is nothing to check against.
    const std::vector<WhatIf> unchecked =
        whatIfs(b, tiny::dense10GB(), Workload{catalog.useCases}, Assumptions{}, catalog);
    QVERIFY(find(unchecked, WhatIfChange::OneMoreGpu).platformProblems.empty());
}

// Issue 13 item 7: a swap or an added card is one a buyer can get for this
// platform: no SXM / OAM module, no integrated GPU, nothing no longer sold new
// (unless used parts were asked for). The ladder around the build's Small 16:
// Small 16 < Old 18 < Module 20 < iGPU 22 < NoPrice 24 < Oam 28 < Big 32.
void TstWhatIf::offersOnlyBuyableGpus_data() {
    QTest::addColumn<WhatIfChange>("change");
    QTest::addColumn<QString>("current"); // the build's GPU
    QTest::addColumn<bool>("includeUsed");
    QTest::addColumn<bool>("withRules");
    QTest::addColumn<QString>("expected"); // the GPU after the change; empty = unavailable
    QTest::newRow("larger: skips old card, module, iGPU")
        << WhatIfChange::LargerGpu << u"Small 16"_s << false << true << u"NoPrice 24"_s;
    QTest::newRow("larger, used parts asked for")
        << WhatIfChange::LargerGpu << u"Small 16"_s << true << true << u"Old 18"_s;
    QTest::newRow("larger, no platform known: only the module is let through")
        << WhatIfChange::LargerGpu << u"Small 16"_s << false << false << u"Module 20"_s;
    QTest::newRow("smaller: skips the OAM module")
        << WhatIfChange::SmallerGpu << u"Big 32"_s << false << true << u"NoPrice 24"_s;
    QTest::newRow("one more of a card no longer sold new")
        << WhatIfChange::OneMoreGpu << u"Old 18"_s << false << true << QString();
    QTest::newRow("one more of an old card, used parts asked for")
        << WhatIfChange::OneMoreGpu << u"Old 18"_s << true << true << u"Old 18"_s;
    QTest::newRow("one more module in a platform that takes none")
        << WhatIfChange::OneMoreGpu << u"Module 20"_s << true << true << QString();
}

void TstWhatIf::offersOnlyBuyableGpus() {
    QFETCH(WhatIfChange, change);
    QFETCH(QString, current);
    QFETCH(bool, includeUsed);
    QFETCH(bool, withRules);
    QFETCH(QString, expected);
    Catalog catalog = catalogWithQuants();
    Gpu old = tiny::gpu("Old 18", 18, 600, 100, 200, 300.0);
    old.soldNew = false;
    Gpu module = tiny::gpu("Module 20", 20, 2000, 300, 400, 500.0);
    module.formFactor = "sxm";
    Gpu oam = tiny::gpu("Oam 28", 28, 2000, 300, 400, 500.0);
    oam.formFactor = "oam";
    Gpu igpu = tiny::gpu("iGPU 22", 22, 300, 30, 50, 100.0);
    igpu.integrated = true;
    igpu.formFactor = "integrated";
    catalog.gpus.insert(catalog.gpus.end(), {old, module, oam, igpu});
    PlatformRules rules = tiny::rules();
    for (PlatformRule &r : rules.rules)
        r.gpuFormFactors = {"pcie"};
    Build b = base();
    for (const Gpu &g : catalog.gpus)
        if (g.name == current.toStdString())
            b.gpus = {GpuGroup{g, 1}};
    QCOMPARE(QString::fromStdString(b.gpus.front().gpu.name), current);
    const std::vector<WhatIf> all =
        whatIfs(b, tiny::dense10GB(), Workload{catalog.useCases}, Assumptions{}, catalog,
                withRules ? &rules : nullptr, includeUsed);
    const WhatIf &got = find(all, change);
    if (expected.isEmpty()) {
        QVERIFY(!got.available);
        QVERIFY(!got.reason.empty());
        return;
    }
    QVERIFY2(got.available, got.reason.c_str());
    QCOMPARE(QString::fromStdString(got.build.gpus.front().gpu.name), expected);
}

void TstWhatIf::powerSupplyChecked() {
    // Desk A (100 W) on D1 (1,000 W supplies) with one Big 32 (575 W): a second one
    // needs 100 + 2 x 575 + 60 = 1,310 W, more than the platform's power supplies.
    const Catalog catalog = catalogWithQuants();
    const PlatformRules rules = tiny::rules();
    Build b = base();
    b.cpu = catalog.cpus[0];
    b.gpus = {GpuGroup{catalog.gpus[1], 1}};
    const std::vector<WhatIf> all =
        whatIfs(b, tiny::dense10GB(), Workload{catalog.useCases}, Assumptions{}, catalog, &rules);
    const WhatIf &got = find(all, WhatIfChange::OneMoreGpu);
    QVERIFY(got.available);
    QCOMPARE(got.platformProblems.size(), std::size_t{1});
    QCOMPARE(QString::fromStdString(got.platformProblems.front().field), u"power"_s);
}

QTEST_GUILESS_MAIN(TstWhatIf)
#include "tst_whatif.moc"
