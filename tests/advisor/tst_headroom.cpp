// SPDX-License-Identifier: MIT
// Headroom limits checked by estimating just below and just above each one.

#include "estimate.h"
#include "headroom.h"
#include "tinycatalog.h"

#include <QTest>

#include <cmath>

using namespace llm;
using namespace llm::units;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(llm::ModelChoice)
Q_DECLARE_METATYPE(llm::Build)

namespace {

Build build(int cpu, int channels, double gb, int gpu, int count) {
    const Catalog c = tiny::catalog();
    Build b;
    b.name = "b";
    b.cpu = c.cpus[static_cast<std::size_t>(cpu)];
    b.memory = {channels, megatransfersPerSecond(5600), gigabytes(gb)};
    if (gpu >= 0)
        b.gpus = {GpuGroup{c.gpus[static_cast<std::size_t>(gpu)], count}};
    return b;
}

Catalog catalogWithModels() {
    Catalog c = tiny::catalog();
    for (double billions : {1.0, 5.0, 10.0, 20.0, 40.0, 80.0, 160.0}) {
        ModelChoice m = scaledModel(tiny::dense10GB(), billions * 1e9);
        m.model.name = "Toy-" + std::to_string(static_cast<int>(billions)) + "B";
        c.models.push_back(m.model);
    }
    c.models.push_back(tiny::moe100GB().model);
    c.useCases.push_back(UseCase{"L", "long", tokens(4096), tokens(256)});
    return c;
}

} // namespace

class TstHeadroom final : public QObject {
    Q_OBJECT

private slots:
    void limitsHoldJustBelowAndAbove_data();
    void limitsHoldJustBelowAndAbove();
    void batchedOneUserIsTheEstimate();
    void batchedSlowsWithUsers();
    void nothingPasses();
};

void TstHeadroom::limitsHoldJustBelowAndAbove_data() {
    QTest::addColumn<Build>("build");
    QTest::addColumn<ModelChoice>("model");
    QTest::newRow("desktop + 16 GB GPU, dense") << build(0, 2, 64, 0, 1) << tiny::dense10GB();
    QTest::newRow("workstation cpu only, dense") << build(1, 4, 256, -1, 0) << tiny::dense10GB();
    QTest::newRow("workstation + 2 big GPUs, dense") << build(1, 4, 256, 1, 2) << tiny::dense10GB();
    QTest::newRow("workstation + big GPU, moe") << build(1, 4, 256, 1, 1) << tiny::moe100GB();
}

void TstHeadroom::limitsHoldJustBelowAndAbove() {
    QFETCH(Build, build);
    QFETCH(ModelChoice, model);
    const Catalog catalog = catalogWithModels();
    const Assumptions a;
    const Workload w{catalog.useCases};
    const Headroom h = headroom(build, model, w, a, catalog);
    QCOMPARE(h.useCases.size(), w.useCases.size());
    bool anyUsers = false;
    for (std::size_t i = 0; i < h.useCases.size(); ++i) {
        const UseCaseHeadroom &r = h.useCases[i];
        const UseCase &u = w.useCases[i];
        QCOMPARE(QString::fromStdString(r.useCase), QString::fromStdString(u.id));

        // Largest catalogue model: it passes, every larger one fails.
        for (const Model &m : catalog.models) {
            const bool ok = passes(build, ModelChoice{m, model.quant, std::nullopt}, u, a);
            if (m.name == r.largestCatalogueModel)
                QVERIFY(ok);
            else if (m.paramsTotal > r.largestCatalogueParams)
                QVERIFY2(!ok, m.name.c_str());
        }

        // Parameter count: passes 0.1 % below, fails 0.1 % above.
        QVERIFY(r.largestParams > 0);
        QVERIFY(!r.paramsAtSearchLimit);
        QVERIFY(passes(build, scaledModel(model, r.largestParams * 0.999), u, a));
        QVERIFY(!passes(build, scaledModel(model, r.largestParams * 1.001), u, a));

        // Context: passes at the reported length, fails one token longer.
        const double ctx = inTokens(r.longestContext);
        QVERIFY(ctx >= inTokens(u.generatedTokens));
        QVERIFY(passes(build, model, withContext(u, r.longestContext), a));
        if (r.contextAtModelLimit)
            QCOMPARE(ctx, static_cast<double>(model.model.maxContext));
        else
            QVERIFY(!passes(build, model, withContext(u, tokens(ctx + 1)), a));

        // Users: N streams keep the minimum rate, N + 1 do not.
        const Estimate single = estimate(build, model, Workload{{u}}, a);
        if (r.concurrentUsers > 0) {
            anyUsers = true;
            QVERIFY(batchedGeneration(single, model, u, r.concurrentUsers, a).ok(a.thresholds));
            QVERIFY(!r.usersAtSearchLimit);
            QVERIFY(
                !batchedGeneration(single, model, u, r.concurrentUsers + 1, a).ok(a.thresholds));
        } else {
            QVERIFY(!batchedGeneration(single, model, u, 1, a).ok(a.thresholds));
        }
    }
    QVERIFY(anyUsers);
}

void TstHeadroom::batchedOneUserIsTheEstimate() {
    const Build b = build(0, 2, 64, 0, 1);
    const UseCase u = tiny::catalog().useCases.front();
    const Estimate single = estimate(b, tiny::dense10GB(), Workload{{u}}, Assumptions{});
    const BatchedGeneration one = batchedGeneration(single, tiny::dense10GB(), u, 1, Assumptions{});
    QCOMPARE(inTokensPerSecond(one.perUser), inTokensPerSecond(single.useCases[0].generationRate));
    QCOMPARE(inBytes(one.memoryNeeded), inBytes(single.memory.total));
    QVERIFY(one.fits);
    QVERIFY(batchedGeneration(single, tiny::dense10GB(), u, 0, Assumptions{}).perUser.value() == 0);
}

void TstHeadroom::batchedSlowsWithUsers() {
    // MoE: more users touch more experts, so the per-user rate falls faster than
    // for a dense model of the same active size; it never rises.
    const Build b = build(1, 4, 256, 1, 1);
    const UseCase u = tiny::catalog().useCases.front();
    const Assumptions a;
    const Estimate single = estimate(b, tiny::moe100GB(), Workload{{u}}, a);
    QVERIFY(single.fits);
    double previous = 1e300;
    for (int users : {1, 2, 4, 8, 16, 64}) {
        const BatchedGeneration g = batchedGeneration(single, tiny::moe100GB(), u, users, a);
        QVERIFY(inTokensPerSecond(g.perUser) <= previous);
        QVERIFY(inTokensPerSecond(g.perUser) > 0);
        previous = inTokensPerSecond(g.perUser);
    }
    // Aggregate throughput still grows: weights are read once per step.
    const double one =
        inTokensPerSecond(batchedGeneration(single, tiny::moe100GB(), u, 1, a).perUser);
    const double eight =
        8 * inTokensPerSecond(batchedGeneration(single, tiny::moe100GB(), u, 8, a).perUser);
    QVERIFY(eight > one);
}

void TstHeadroom::nothingPasses() {
    // Desk A without a GPU: 3.8 tok/s for 10 GB; nothing of this shape passes above
    // a few billion parameters, and no user is served at 10 tok/s.
    const Catalog catalog = catalogWithModels();
    const Build b = build(0, 2, 64, -1, 0);
    ModelChoice huge = tiny::dense10GB();
    huge.model.paramsTotal = huge.model.paramsActive = 1e12;
    const Headroom h =
        headroom(b, huge, Workload{{catalog.useCases.front()}}, Assumptions{}, catalog);
    QCOMPARE(h.useCases.size(), std::size_t{1});
    QCOMPARE(h.useCases[0].concurrentUsers, 0);
    QCOMPARE(inTokens(h.useCases[0].longestContext), 0.0);
    QVERIFY(h.useCases[0].largestParams < 10e9);
    // A model without parameters has no size to scale.
    ModelChoice empty = tiny::dense10GB();
    empty.model.paramsTotal = empty.model.paramsActive = 0;
    const Headroom none =
        headroom(b, empty, Workload{{catalog.useCases.front()}}, Assumptions{}, catalog);
    QCOMPARE(none.useCases[0].largestParams, 0.0);
    // No use cases: nothing to report.
    QVERIFY(headroom(b, huge, Workload{}, Assumptions{}, catalog).useCases.empty());
}

QTEST_GUILESS_MAIN(TstHeadroom)
#include "tst_headroom.moc"
