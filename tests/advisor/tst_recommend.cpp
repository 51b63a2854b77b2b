// SPDX-License-Identifier: MIT
// The recommender on a hand-made catalogue (tinycatalog.h) where the answer is
// known by hand, and against a brute-force oracle: every build the platform
// rules allow, estimated with estimate() and priced with costOf().
//
// Worked by hand for Toy-10B (10 GB at 8 bpw), one use case 512/128 tokens:
// CPU-only on Desk A reads 10 GB at 0.6 x 64 GB/s (fabric-bound) = 3.8 tok/s:
// fails. One "Small 16" holds 10 GB + KV + 0.8 GB overhead and generates at
// about 0.75 x 500 / 10 = 37 tok/s: passes. The cheapest passing build is
// therefore Desk A with one 16 GB DIMM (fewer channels are cheaper, and RAM
// speed does not matter when the model sits in VRAM; of equal builds the faster
// memory is listed) and one Small 16:
// (200 + 400 + 16 x 10 + 400 platform) USD x 0.86 = 997.60 EUR, at
// 100 + 200 + 60 = 360 W. Desk C is cheaper but its 4 PCIe lanes take no GPU.

#include "cost.h"
#include "estimate.h"
#include "fastestimate.h"
#include "recommend.h"
#include "tinycatalog.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>

using namespace llm;
using namespace llm::units;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(llm::ModelChoice)

namespace {

struct Point {
    double price;
    double margin;
};

// Every build the rules allow, estimated the slow way; Pareto front of price vs margin.
std::vector<Point> bruteForceFront(const Catalog &c, const PlatformRules &rules,
                                   const RecommendRequest &r, const Assumptions &a) {
    std::vector<Point> passing;
    for (std::size_t ci = 0; ci < c.cpus.size(); ++ci) {
        const Cpu &cpu = c.cpus[ci];
        const PlatformRule *rule = rules.find(cpu);
        if (!rule || !buyable(cpu, r.includeUsed))
            continue;
        for (int ch = 1; ch <= std::min(cpu.memoryChannels, rule->memoryChannels); ++ch)
            for (const TransferRate &speed : platformSpeeds(c, *rule, cpu, 1))
                for (const Bytes &module : rule->moduleSizes) {
                    if (static_cast<double>(ch) * module > capacityLimit(*rule, cpu))
                        continue;
                    if (static_cast<double>(ch) * module < systemRamToLoad(r.model, a))
                        continue;
                    for (int gi = -1; gi < static_cast<int>(c.gpus.size()); ++gi) {
                        if (gi >= 0 &&
                            (!buyable(c.gpus[static_cast<std::size_t>(gi)], r.includeUsed) ||
                             !takesGpu(*rule, c.gpus[static_cast<std::size_t>(gi)])))
                            continue;
                        for (int n = gi < 0 ? 0 : 1; n <= (gi < 0 ? 0 : maxGpus(*rule, cpu)); ++n) {
                            BuildKey k{static_cast<int>(ci),
                                       ch,
                                       1,
                                       module,
                                       speed,
                                       gi,
                                       n,
                                       n > 0 ? lanesPerGpu(*rule, cpu, n) : 0};
                            Build b = buildFromKey(c, k);
                            b.multiGpuMode = r.multiGpuMode;
                            const Estimate e = estimate(b, r.model, r.workload, a);
                            const CostSummary cost = costOf(b, e.generationRate, a);
                            Power limit = rule->psuLimit;
                            if (r.maxPower)
                                limit = std::min(limit, *r.maxPower);
                            if (cost.powerAtLoad > limit || !cost.priceEur)
                                continue;
                            if (r.budgetEur && *cost.priceEur > *r.budgetEur)
                                continue;
                            const bool pass =
                                e.fits &&
                                std::all_of(e.useCases.begin(), e.useCases.end(),
                                            [](const UseCaseVerdict &v) { return v.pass; });
                            if (pass)
                                passing.push_back({*cost.priceEur, fast::margin(e, a.thresholds)});
                        }
                    }
                }
    }
    std::sort(passing.begin(), passing.end(), [](const Point &x, const Point &y) {
        return x.price != y.price ? x.price < y.price : x.margin > y.margin;
    });
    std::vector<Point> front;
    for (const Point &p : passing)
        if (front.empty() || p.margin > front.back().margin)
            front.push_back(p);
    return front;
}

// The hand-worked prices below predate the RAM floor (Assumptions::minimumSystemRam),
// which has its own test (buildabilityRules).
Assumptions withoutRamFloor() {
    Assumptions a;
    a.minimumSystemRam = bytes(0);
    return a;
}

bool proposes(const RecommendResult &res, const std::string &part) {
    for (const auto *list : {&res.front, &res.unpriced})
        for (const Recommendation &rec : *list) {
            if (rec.build.cpu.name == part)
                return true;
            for (const GpuGroup &g : rec.build.gpus)
                if (g.gpu.name == part)
                    return true;
        }
    return false;
}

RecommendRequest request(const ModelChoice &m) {
    RecommendRequest r;
    r.model = m;
    r.workload.useCases = tiny::catalog().useCases;
    r.top = 0;
    r.threads = 2;
    return r;
}

} // namespace

class TstRecommend final : public QObject {
    Q_OBJECT

private slots:
    void cheapestPassing_data();
    void cheapestPassing();
    void frontMatchesBruteForce_data();
    void frontMatchesBruteForce();
    void lanesExcludeGpus();
    void buildabilityRules_data();
    void buildabilityRules();
    void systemsPricedByOneRule();
    void unpricedListedApart();
    void topKeepsCheapestAndBest();
    void cancelBeforeStart();
    void cancelMidway();
    void badInputGivesNoBuilds_data();
    void badInputGivesNoBuilds();
};

void TstRecommend::cheapestPassing_data() {
    QTest::addColumn<double>("budget");    // <= 0: none
    QTest::addColumn<double>("maxWatts");  // <= 0: none
    QTest::addColumn<QString>("expected"); // empty: no build passes within the limits
    QTest::addColumn<bool>("budgetExcluded");
    QTest::addColumn<bool>("powerExcluded");
    QTest::newRow("no limits") << 0.0 << 0.0 << u"Desk A, 1x16 GB DDR5-5600, 1x Small 16"_s << false
                               << false;
    QTest::newRow("budget at the price")
        << 997.61 << 0.0 << u"Desk A, 1x16 GB DDR5-5600, 1x Small 16"_s << true << false;
    QTest::newRow("budget 1 cent below") << 997.59 << 0.0 << QString() << true << false;
    QTest::newRow("power at 360 W")
        << 0.0 << 360.0 << u"Desk A, 1x16 GB DDR5-5600, 1x Small 16"_s << false << true;
    QTest::newRow("power 1 W below") << 0.0 << 359.0 << QString() << false << true;
}

void TstRecommend::cheapestPassing() {
    QFETCH(double, budget);
    QFETCH(double, maxWatts);
    QFETCH(QString, expected);
    QFETCH(bool, budgetExcluded);
    QFETCH(bool, powerExcluded);
    RecommendRequest r = request(tiny::dense10GB());
    if (budget > 0)
        r.budgetEur = budget;
    if (maxWatts > 0)
        r.maxPower = watts(maxWatts);
    const RecommendResult res = recommend(tiny::catalog(), tiny::rules(), r, withoutRamFloor());
    QVERIFY(!res.cancelled);
    QCOMPARE(res.stats.overBudget > 0, budgetExcluded);
    QCOMPARE(res.stats.overPower > 0, powerExcluded);
    if (expected.isEmpty()) {
        QVERIFY(res.front.empty());
        return;
    }
    QVERIFY(!res.front.empty());
    const Recommendation &first = res.front.front();
    QCOMPARE(QString::fromStdString(first.build.name), expected);
    QVERIFY(first.cost.priceEur.has_value());
    QCOMPARE(*first.cost.priceEur, 997.6);
    QCOMPARE(inWatts(first.cost.powerAtLoad), 360.0);
    QCOMPARE(QString::fromLatin1(toString(first.estimate.placement)), u"gpu"_s);
    QVERIFY(first.margin >= 1.0);
}

void TstRecommend::frontMatchesBruteForce_data() {
    QTest::addColumn<ModelChoice>("model");
    QTest::addColumn<double>("budget");
    QTest::addColumn<bool>("tensorParallel");
    QTest::addColumn<bool>("prune");
    QTest::addColumn<bool>("oddFactors"); // hybrid more efficient than GPUs, slow CPUs
    QTest::newRow("dense") << tiny::dense10GB() << 0.0 << false << true << false;
    QTest::newRow("dense, no pruning") << tiny::dense10GB() << 0.0 << false << false << false;
    QTest::newRow("dense, budget 3000") << tiny::dense10GB() << 3000.0 << false << true << false;
    QTest::newRow("dense, tensor parallel") << tiny::dense10GB() << 0.0 << true << true << false;
    QTest::newRow("moe (hybrid placements)") << tiny::moe100GB() << 0.0 << false << true << false;
    QTest::newRow("moe, no pruning") << tiny::moe100GB() << 0.0 << false << false << false;
    QTest::newRow("moe, tensor parallel") << tiny::moe100GB() << 0.0 << true << true << false;
    QTest::newRow("moe, odd factors") << tiny::moe100GB() << 0.0 << false << true << true;
    QTest::newRow("moe, odd factors, no pruning")
        << tiny::moe100GB() << 0.0 << false << false << true;
}

void TstRecommend::frontMatchesBruteForce() {
    QFETCH(ModelChoice, model);
    QFETCH(double, budget);
    QFETCH(bool, tensorParallel);
    QFETCH(bool, prune);
    QFETCH(bool, oddFactors);
    RecommendRequest r = request(model);
    if (budget > 0)
        r.budgetEur = budget;
    r.prune = prune;
    r.multiGpuMode = tensorParallel ? MultiGpuMode::TensorParallel : MultiGpuMode::LayerSplit;
    Assumptions a;
    if (oddFactors) {
        // The pruning bounds must hold whatever the calibration says.
        a.efficiencyByClass["hybrid"] = {0.95, 0.5, secondsPerToken(0), 1, {}};
        a.defaultGpu = {0.3, 0.3, secondsPerToken(0.001), 0, {}};
        a.defaultCpu = {0.2, 0.1, secondsPerToken(0), 0, {}};
    }
    const RecommendResult res = recommend(tiny::catalog(), tiny::rules(), r, a);
    const std::vector<Point> oracle = bruteForceFront(tiny::catalog(), tiny::rules(), r, a);
    QVERIFY2(!oracle.empty(), "the oracle should find passing builds for this model");
    QCOMPARE(res.front.size(), oracle.size());
    QCOMPARE(res.stats.frontSize, static_cast<std::uint64_t>(oracle.size()));
    for (std::size_t i = 0; i < oracle.size(); ++i) {
        const Recommendation &got = res.front[i];
        QVERIFY(got.cost.priceEur.has_value());
        QCOMPARE(*got.cost.priceEur, oracle[i].price);
        QVERIFY(std::fabs(got.margin - oracle[i].margin) <= 1e-9 * oracle[i].margin);
        for (const UseCaseVerdict &v : got.estimate.useCases)
            QVERIFY(v.pass);
        if (i > 0) {
            QVERIFY(*got.cost.priceEur > *res.front[i - 1].cost.priceEur);
            QVERIFY(got.margin > res.front[i - 1].margin);
        }
    }
}

void TstRecommend::lanesExcludeGpus() {
    const RecommendResult res =
        recommend(tiny::catalog(), tiny::rules(), request(tiny::dense10GB()), Assumptions{});
    QVERIFY(res.stats.overLanes > 0);
    for (const auto *list : {&res.front, &res.unpriced})
        for (const Recommendation &rec : *list) {
            if (rec.build.cpu.name == "Desk C")
                QVERIFY2(rec.build.gpus.empty(), "Desk C has 4 lanes: no GPU fits");
            if (rec.build.cpu.socket == "D1")
                QVERIFY(gpuCount(rec.build) <= 2); // one x16 and one x8 slot
            if (rec.build.cpu.socket == "D1" && gpuCount(rec.build) == 2)
                QCOMPARE(rec.build.gpus.front().gpu.pcieLanes, 8); // x8/x8 split
        }
}

// Issue 13 item 7: only what one can buy and build, driven by the data (catalogue
// columns, platform rules, the assumptions' RAM floor), never by names in code.
void TstRecommend::buildabilityRules_data() {
    QTest::addColumn<QString>("part");     // the tempting part added to the catalogue
    QTest::addColumn<bool>("includeUsed"); // RecommendRequest::includeUsed
    QTest::addColumn<bool>("restricted");  // the platforms list the form factors they take
    QTest::addColumn<bool>("proposed");    // the part appears among the proposals
    QTest::newRow("SXM module in a desktop slot") << u"Module 32"_s << false << true << false;
    QTest::newRow("SXM module, platforms without a list")
        << u"Module 32"_s << false << false << true;
    QTest::newRow("GPU no longer sold new") << u"Old 32"_s << false << true << false;
    QTest::newRow("GPU no longer sold new, used asked for") << u"Old 32"_s << true << true << true;
    QTest::newRow("CPU no longer sold new") << u"Work Old"_s << false << true << false;
    QTest::newRow("CPU no longer sold new, used asked for")
        << u"Work Old"_s << true << true << true;
    QTest::newRow("integrated GPU as a discrete card") << u"iGPU 64"_s << true << false << false;
}

void TstRecommend::buildabilityRules() {
    QFETCH(QString, part);
    QFETCH(bool, includeUsed);
    QFETCH(bool, restricted);
    QFETCH(bool, proposed);
    // Each tempting part is cheaper than its honest twin, so the sweep would pick it.
    Catalog c = tiny::catalog();
    Gpu module = tiny::gpu("Module 32", 32, 1800, 400, 575, 1000.0);
    module.formFactor = "sxm";
    Gpu old = tiny::gpu("Old 32", 32, 1800, 400, 575, 1000.0);
    old.formFactor = "pcie";
    old.soldNew = false;
    Gpu igpu = tiny::gpu("iGPU 64", 64, 1800, 400, 100, 100.0);
    igpu.integrated = true;
    igpu.formFactor = "integrated";
    Cpu deskOld = tiny::cpu("Work Old", "W1", CpuFamily::Workstation, 4, 4, 16, 48, 300, 500.0);
    deskOld.soldNew = false;
    c.gpus.push_back(module);
    c.gpus.push_back(old);
    c.gpus.push_back(igpu);
    c.cpus.push_back(deskOld);
    PlatformRules rules = tiny::rules();
    if (restricted)
        for (PlatformRule &rule : rules.rules)
            rule.gpuFormFactors = {"pcie"};
    RecommendRequest r = request(tiny::moe100GB());
    r.includeUsed = includeUsed;
    const Assumptions a;
    const RecommendResult res = recommend(c, rules, r, a);
    QVERIFY(!res.front.empty());
    QCOMPARE(proposes(res, part.toStdString()), proposed);
    if (restricted)
        QVERIFY(res.stats.gpuPlatformMismatches > 0);
    QCOMPARE(res.stats.gpusNotSoldNew, std::uint64_t{includeUsed ? 0u : 1u});
    QCOMPARE(res.stats.cpusNotSoldNew, std::uint64_t{includeUsed ? 0u : 1u});
    // Enough RAM to load the model: 100 GB of weights, above the 32 GB floor.
    QVERIFY(res.stats.belowRamNeeded > 0);
    for (const auto *list : {&res.front, &res.unpriced})
        for (const Recommendation &rec : *list)
            QVERIFY2(rec.build.memory.capacity >= gigabytes(100), rec.build.name.c_str());
    // The same sweep agrees with the slow way under the same rules.
    const std::vector<Point> oracle = bruteForceFront(c, rules, r, a);
    QCOMPARE(res.front.size(), oracle.size());
}

// Soldered-memory systems are priced whole by costOf() and never swept as parts:
// one function decides both (the recommender used to compare the vendor "Apple"
// case-sensitively, costOf() not).
void TstRecommend::systemsPricedByOneRule() {
    Catalog c = tiny::catalog();
    Cpu mac = tiny::cpu("Mac lower-case", "D1", CpuFamily::Desktop, 2, 1, 8, 24, 100, 10.0);
    mac.vendor = "apple";
    c.cpus.push_back(mac);
    QVERIFY(pricedAsSystem(mac));
    const RecommendResult res =
        recommend(c, tiny::rules(), request(tiny::dense10GB()), Assumptions{});
    QVERIFY(!res.front.empty());
    QVERIFY(!proposes(res, "Mac lower-case"));
    Build b;
    b.cpu = mac;
    b.memory = {2, megatransfersPerSecond(5600), gigabytes(64)};
    const CostSummary cost = costOf(b, tokensPerSecond(10), Assumptions{});
    QVERIFY(cost.priceEur.has_value());
    QCOMPARE(*cost.priceEur, 10.0 * Assumptions{}.eurPerUsd); // no memory, no platform added
}

void TstRecommend::unpricedListedApart() {
    const RecommendResult res =
        recommend(tiny::catalog(), tiny::rules(), request(tiny::dense10GB()), Assumptions{});
    QVERIFY(!res.unpriced.empty());
    QVERIFY(res.stats.unpricedPassing >= res.unpriced.size());
    for (const Recommendation &rec : res.front)
        for (const GpuGroup &g : rec.build.gpus)
            QVERIFY(g.gpu.name != "NoPrice 24");
    for (const Recommendation &rec : res.unpriced) {
        QVERIFY(!rec.cost.priceEur.has_value());
        QVERIFY(rec.margin >= 1.0);
    }
    // Best margin first.
    for (std::size_t i = 1; i < res.unpriced.size(); ++i)
        QVERIFY(res.unpriced[i].margin <= res.unpriced[i - 1].margin);
}

void TstRecommend::topKeepsCheapestAndBest() {
    RecommendRequest r = request(tiny::moe100GB());
    const RecommendResult all = recommend(tiny::catalog(), tiny::rules(), r, Assumptions{});
    QVERIFY(all.front.size() > 3);
    r.top = 3;
    const RecommendResult three = recommend(tiny::catalog(), tiny::rules(), r, Assumptions{});
    QCOMPARE(three.front.size(), std::size_t{3});
    QCOMPARE(three.front.front().build.name, all.front.front().build.name);
    QCOMPARE(three.front.back().build.name, all.front.back().build.name);
    QCOMPARE(three.stats.frontSize, all.stats.frontSize);
}

void TstRecommend::cancelBeforeStart() {
    std::atomic<bool> cancel{true};
    const RecommendResult res = recommend(tiny::catalog(), tiny::rules(),
                                          request(tiny::dense10GB()), Assumptions{}, &cancel);
    QVERIFY(res.cancelled);
    QVERIFY(res.front.empty());
    QVERIFY(res.unpriced.empty());
}

void TstRecommend::cancelMidway() {
    // Thousands of copies of the CPUs, no pruning: a sweep of seconds, cancelled
    // from the progress callback (the calling thread) at its first report.
    Catalog big = tiny::catalog();
    const Catalog base = big;
    for (int k = 0; k < 4000; ++k)
        for (Cpu cpu : base.cpus) {
            cpu.name += " #" + std::to_string(k);
            big.cpus.push_back(std::move(cpu));
        }
    RecommendRequest r = request(tiny::dense10GB());
    r.prune = false;
    std::atomic<bool> cancel{false};
    std::vector<double> reports;
    const RecommendResult res =
        recommend(big, tiny::rules(), r, Assumptions{}, &cancel, [&](double p) {
            reports.push_back(p);
            cancel = true;
        });
    QVERIFY(!reports.empty());
    QVERIFY(reports.front() >= 0.0 && reports.front() < 1.0);
    QVERIFY(res.cancelled);
    QVERIFY(res.front.empty());
    QVERIFY(res.unpriced.empty());
    QVERIFY(res.stats.evaluated < res.stats.enumerated || res.stats.enumerated == 0);
}

void TstRecommend::badInputGivesNoBuilds_data() {
    QTest::addColumn<int>("what");
    QTest::newRow("no use cases") << 0;
    QTest::newRow("no platform rules") << 1;
    QTest::newRow("model fits nowhere") << 2;
    QTest::newRow("zero parameters") << 3;
}

void TstRecommend::badInputGivesNoBuilds() {
    QFETCH(int, what);
    RecommendRequest r = request(tiny::dense10GB());
    PlatformRules rules = tiny::rules();
    if (what == 0)
        r.workload.useCases.clear();
    if (what == 1)
        rules.rules.clear();
    if (what == 2) {
        r.model.model.paramsTotal = r.model.model.paramsActive = 10e12; // 10 TB
    }
    if (what == 3)
        r.model.model.paramsTotal = r.model.model.paramsActive = 0;
    const RecommendResult res = recommend(tiny::catalog(), rules, r, Assumptions{});
    QVERIFY(!res.cancelled);
    QVERIFY(res.front.empty());
    QVERIFY(res.unpriced.empty());
    QCOMPARE(res.stats.passing, std::uint64_t{0});
    if (what == 1)
        QCOMPARE(res.stats.cpusWithoutPlatform.size(), std::size_t{3});
    // Nothing to judge or nothing to run is said, not silently an empty list.
    QCOMPARE(res.problem.empty(), what == 1 || what == 2);
}

QTEST_GUILESS_MAIN(TstRecommend)
#include "tst_recommend.moc"
