// SPDX-License-Identifier: MIT
// The shipped catalogue: every raw data row present, spot values, presets resolve.

#include "catalogue.h"
#include "catalogue_p.h"
#include "cost.h"
#include "csvtable.h"
#include "estimate.h"
#include "scenario.h"
#include "validation.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace llm;

namespace {

template <class T> const T *byName(const std::vector<T> &items, const std::string &name) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T &x) { return x.name == name; });
    return it == items.end() ? nullptr : &*it;
}

// Data rows of a raw CSV in the source tree (the embedded copy is checked against it).
int dataRows(const QString &file) {
    QFile f(QStringLiteral(LLMADVISOR_SOURCE_DIR "/db/catalogue/") + file);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    int lines = 0;
    bool inQuote = false;
    for (char ch : f.readAll()) {
        if (ch == '"')
            inQuote = !inQuote;
        else if (ch == '\n' && !inQuote)
            ++lines;
    }
    return lines - 1; // header
}

bool near(double a, double b, double rel = 1e-9) {
    return std::fabs(a - b) <= rel * std::max(std::fabs(a), std::fabs(b));
}

} // namespace

// The raw data the shipped CSVs were built from: shared/data beside the repository.
static QString rawDataDir() {
    return QString::fromUtf8(LLMADVISOR_SOURCE_DIR) + u"/../shared/data/"_s;
}

class TstShippedCatalogue final : public QObject {
    Q_OBJECT

private slots:
    void loadsWithoutError();
    void counts_data();
    void counts();
    void cpuSpots_data();
    void cpuSpots();
    void aiMaxBandwidth();
    void gpuSpots();
    void integratedGpus();
    void buyability_data();
    void buyability();
    void systemPrices_data();
    void systemPrices();
    void modelSpots();
    void moeRoutedParams();
    void quantSpots();
    void presetsResolve();
    void everyCpuEstimates();
    void useCases();
    void memorySpeedsCoverCpus();
    void namesMatchMeasuredData();
    void cachedAndFast();
    void fileSizes_data();
    void fileSizes();
    void brokenDataIsReported_data();
    void brokenDataIsReported();
};

void TstShippedCatalogue::loadsWithoutError() {
    QString error = u"not cleared"_s;
    QElapsedTimer timer;
    timer.start();
    const Catalog c = db::loadShippedCatalog(&error); // first call: parses the embedded CSVs
    qInfo("first load (parse of the embedded CSVs): %.2f ms", timer.nsecsElapsed() / 1e6);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(c.asOf, std::string("2026-11-25"));
    QVERIFY(!db::shippedDataVersion().isEmpty());
}

void TstShippedCatalogue::counts_data() {
    QTest::addColumn<QString>("table");
    QTest::addColumn<int>("expected");
    // Rows build_catalogue.py adds beyond the raw file (gpus: GPU_ADDITIONS, GPUs that
    // published measurements name); the other rows are the raw files' rows.
    QTest::addColumn<int>("added");
    QTest::newRow("cpus") << u"cpus"_s << 191 << 23; // db/catalogue/cpus_added.csv
    QTest::newRow("gpus") << u"gpus"_s << 99 << 17;
    QTest::newRow("models") << u"models"_s << 42 << 0;
    QTest::newRow("quants") << u"quants"_s << 36 << 0;
    QTest::newRow("presets") << u"presets"_s << 9 << 0;
    QTest::newRow("use_cases") << u"use_cases"_s << 4 << 0;
    QTest::newRow("memory_speeds") << u"memory_speeds"_s << 25 << 0;
}

void TstShippedCatalogue::counts() {
    QFETCH(QString, table);
    QFETCH(int, expected);
    QFETCH(int, added);
    const Catalog c = db::loadShippedCatalog();
    const std::map<QString, size_t> sizes = {{u"cpus"_s, c.cpus.size()},
                                             {u"gpus"_s, c.gpus.size()},
                                             {u"models"_s, c.models.size()},
                                             {u"quants"_s, c.quants.size()},
                                             {u"presets"_s, c.presets.size()},
                                             {u"use_cases"_s, c.useCases.size()},
                                             {u"memory_speeds"_s, c.memorySpeeds.size()}};
    QCOMPARE(static_cast<int>(sizes.at(table)), expected);
    // The committed CSV has the same number of rows as the catalogue.
    QCOMPARE(dataRows(table + u".csv"_s), expected);
    // And the raw data it was built from, where that folder is available (not in CI).
    QFile raw(rawDataDir() + table + u".csv"_s);
    if (table == u"memory_speeds" || table == u"use_cases" || !raw.open(QIODevice::ReadOnly))
        return;
    db::detail::CsvTable rawTable;
    QString error;
    QVERIFY2(db::detail::parseCsv(raw.readAll(), raw.fileName(), &rawTable, &error),
             qPrintable(error));
    QCOMPARE(static_cast<int>(rawTable.rows.size()), expected - added);
}

void TstShippedCatalogue::cpuSpots_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("cores");
    QTest::addColumn<int>("channels");
    QTest::addColumn<double>("mts");
    QTest::addColumn<int>("ccds");
    QTest::addColumn<double>("fclk");
    QTest::addColumn<int>("links");
    QTest::newRow("9950X") << u"AMD Ryzen 9 9950X"_s << 16 << 2 << 5600.0 << 2 << 2.0 << 1;
    QTest::newRow("7400F") << u"AMD Ryzen 5 7400F"_s << 6 << 2 << 5200.0 << 1 << 1.8 << 1;
    QTest::newRow("EPYC 9755") << u"AMD EPYC 9755"_s << 128 << 12 << 6000.0 << 16 << 2.0 << 1;
    QTest::newRow("EPYC 9355P") << u"AMD EPYC 9355P"_s << 32 << 12 << 6000.0 << 8 << 2.0 << 2;
    QTest::newRow("EPYC 9554P") << u"AMD EPYC 9554P"_s << 64 << 12 << 4800.0 << 8 << 1.8 << 1;
    QTest::newRow("EPYC 9015") << u"AMD EPYC 9015"_s << 8 << 12 << 6000.0 << 2 << 2.0 << 2;
    QTest::newRow("TR 7970X") << u"AMD Ryzen Threadripper 7970X"_s << 32 << 4 << 5200.0 << 4 << 1.8
                              << 1;
    // Monolithic APUs: "ccds" counts CPU complexes, each behind one 32 B/clk
    // port to the data fabric (FCLK assumed: AMD publishes none).
    QTest::newRow("8700G APU") << u"AMD Ryzen 7 8700G"_s << 8 << 2 << 5200.0 << 1 << 2.0 << 1;
    QTest::newRow("HX 370 APU") << u"AMD Ryzen AI 9 HX 370"_s << 12 << 2 << 7500.0 << 2 << 2.0 << 1;
    QTest::newRow("5800H APU") << u"AMD Ryzen 7 5800H"_s << 8 << 2 << 3200.0 << 1 << 1.6 << 1;
    QTest::newRow("Xeon 8480+") << u"Intel Xeon Platinum 8480+"_s << 56 << 8 << 4800.0 << 0 << 0.0
                                << 1;
}

void TstShippedCatalogue::cpuSpots() {
    QFETCH(QString, name);
    const Catalog c = db::loadShippedCatalog();
    const Cpu *cpu = byName(c.cpus, name.toStdString());
    QVERIFY2(cpu, qPrintable(name));
    QTEST(cpu->cores, "cores");
    QTEST(cpu->memoryChannels, "channels");
    QTEST(units::inMegatransfersPerSecond(cpu->maxMemorySpeed), "mts");
    QTEST(cpu->ccds, "ccds");
    QFETCH(double, fclk);
    QVERIFY(near(units::inGigahertz(cpu->fabricClock), fclk) ||
            (fclk == 0 && cpu->fabricClock.value() == 0));
    QTEST(cpu->fabricLinksPerCcd, "links");
    QVERIFY(!cpu->source.empty());
    QVERIFY(!cpu->asOf.empty());
}

void TstShippedCatalogue::aiMaxBandwidth() {
    const Catalog c = db::loadShippedCatalog();
    for (const char *n : {"AMD Ryzen AI Max+ 395", "AMD Ryzen AI Max+ PRO 395",
                          "AMD Ryzen AI Max 390", "AMD Ryzen AI Max 385"}) {
        const Cpu *cpu = byName(c.cpus, n);
        QVERIFY2(cpu, n);
        QCOMPARE(cpu->memoryChannels, 4);
        QCOMPARE(units::inMegatransfersPerSecond(cpu->maxMemorySpeed), 8000.0);
        QCOMPARE(cpu->memoryType, std::string("LPDDR5X"));
        // channels x 8 B x MT/s = 256 GB/s, and the published unified figure agrees.
        QVERIFY(near(cpu->memoryChannels * 8.0 *
                         units::inMegatransfersPerSecond(cpu->maxMemorySpeed) / 1000.0,
                     256.0));
        QVERIFY(cpu->unifiedBandwidth.has_value());
        QVERIFY(near(units::inGigabytesPerSecond(*cpu->unifiedBandwidth), 256.0));
    }
    const Cpu *pro380 = byName(c.cpus, "AMD Ryzen AI Max PRO 380");
    QVERIFY(pro380);
    QCOMPARE(pro380->memoryChannels, 2);
    // Approximate cells stay visible.
    const Cpu *r9950 = byName(c.cpus, "AMD Ryzen 9 9950X");
    QVERIFY(std::count(r9950->approximateFields.begin(), r9950->approximateFields.end(),
                       "fclk_ghz") == 1);
    const Cpu *e9355 = byName(c.cpus, "AMD EPYC 9355");
    QVERIFY(std::count(e9355->approximateFields.begin(), e9355->approximateFields.end(),
                       "fabric_links_per_ccd") == 1);
}

void TstShippedCatalogue::gpuSpots() {
    const Catalog c = db::loadShippedCatalog();
    const Gpu *g = byName(c.gpus, "NVIDIA GeForce RTX 5090");
    QVERIFY(g);
    QVERIFY(near(units::inGigabytes(g->vram), 32));
    QVERIFY(near(units::inGigabytesPerSecond(g->bandwidth), 1792));
    QVERIFY(near(units::inTeraflopsPerSecond(g->fp16Tensor), 419));
    QCOMPARE(g->pcieGen, 5);
    QVERIFY(!g->integrated);
    QVERIFY(g->priceUsd.has_value() && *g->priceUsd == 1999);
    const Gpu *pro = byName(c.gpus, "NVIDIA RTX PRO 6000 Blackwell Workstation Edition");
    QVERIFY(pro);
    QVERIFY(near(units::inGigabytes(pro->vram), 96));
    // No published figure: 0, the estimator falls back.
    const Gpu *ada4000 = byName(c.gpus, "NVIDIA RTX 4000 Ada Generation");
    QVERIFY(ada4000);
    QCOMPARE(ada4000->fp16Tensor.value(), 0.0);
}

void TstShippedCatalogue::integratedGpus() {
    const Catalog c = db::loadShippedCatalog();
    for (const Gpu &g : c.gpus) {
        const bool expected = g.vendor == "Apple" ||
                              g.name.find("DGX Spark") != std::string::npos ||
                              g.name.find("Radeon 80") != std::string::npos;
        QVERIFY2(g.integrated == expected, g.name.c_str());
    }
    // Apple M3/M4 FP16 derived: cores x 128 x 2 x clock, marked approximate.
    const Gpu *m4max = byName(c.gpus, "Apple M4 Max (16-core CPU/40-core GPU)");
    QVERIFY(m4max);
    QVERIFY(
        near(units::inTeraflopsPerSecond(m4max->fp16Tensor), 40 * 128 * 2 * 1.678 / 1000, 1e-3));
    QVERIFY(std::count(m4max->approximateFields.begin(), m4max->approximateFields.end(),
                       "fp16_tflops") == 1);
}

// Issue 13 item 7: what the program may propose rests on these columns.
void TstShippedCatalogue::buyability_data() {
    QTest::addColumn<QString>("gpu");
    QTest::addColumn<QString>("formFactor");
    QTest::addColumn<bool>("soldNew");
    QTest::newRow("RTX 5090") << u"NVIDIA GeForce RTX 5090"_s << u"pcie"_s << true;
    QTest::newRow("RTX PRO 6000") << u"NVIDIA RTX PRO 6000 Blackwell Workstation Edition"_s
                                  << u"pcie"_s << true;
    QTest::newRow("RTX 3090 (old)") << u"NVIDIA GeForce RTX 3090"_s << u"pcie"_s << false;
    QTest::newRow("RTX 4090 (old)") << u"NVIDIA GeForce RTX 4090"_s << u"pcie"_s << false;
    QTest::newRow("H100 SXM5") << u"NVIDIA H100 SXM5 80GB"_s << u"sxm"_s << true;
    QTest::newRow("H100 PCIe") << u"NVIDIA H100 PCIe 80GB"_s << u"pcie"_s << true;
    QTest::newRow("B200") << u"NVIDIA B200 (HGX/DGX B200)"_s << u"sxm"_s << true;
    QTest::newRow("MI300X") << u"AMD Instinct MI300X"_s << u"oam"_s << true;
    QTest::newRow("V100 SXM2 (old)") << u"NVIDIA Tesla V100 SXM2 32GB"_s << u"sxm"_s << false;
    QTest::newRow("Radeon 8060S") << u"AMD Radeon 8060S (Ryzen AI Max+ 395)"_s << u"integrated"_s
                                  << true;
}

void TstShippedCatalogue::buyability() {
    QFETCH(QString, gpu);
    QFETCH(QString, formFactor);
    QFETCH(bool, soldNew);
    const Catalog c = db::loadShippedCatalog();
    const Gpu *g = byName(c.gpus, gpu.toStdString());
    QVERIFY(g);
    QCOMPARE(QString::fromStdString(g->formFactor), formFactor);
    QCOMPARE(g->soldNew, soldNew);
    // A part marked as no longer sold new says why, in its source.
    if (!soldNew)
        QVERIFY2(g->source.find("not sold new:") != std::string::npos, g->source.c_str());
    // Every GPU has a form factor, and every platform says which ones its slots take.
    for (const Gpu &x : c.gpus)
        QVERIFY2(!x.formFactor.empty(), x.name.c_str());
    for (const PlatformRule &rule : db::loadShippedPlatformRules().rules)
        QVERIFY2(rule.gpuFormFactors == std::vector<std::string>{"pcie"}, rule.platform.c_str());
    QVERIFY(!byName(c.cpus, "AMD Ryzen 5 3600")->soldNew);
    QVERIFY(byName(c.cpus, "AMD Ryzen 9 9950X")->soldNew);
}

// Issue 13 item 5: systems buyers consider have a price (whole system, CPU row).
void TstShippedCatalogue::systemPrices_data() {
    QTest::addColumn<QString>("cpu");
    QTest::addColumn<double>("usd");
    QTest::newRow("Ryzen AI Max+ 395 (Framework Desktop, 128 GB)")
        << u"AMD Ryzen AI Max+ 395"_s << 1999.0;
    QTest::newRow("DGX Spark") << u"NVIDIA DGX Spark (GB10 Grace Blackwell)"_s << 3999.0;
    QTest::newRow("Mac mini M4") << u"Apple M4 (10-core CPU)"_s << 599.0;
    QTest::newRow("Mac mini M4 Pro") << u"Apple M4 Pro (14-core CPU)"_s << 1399.0;
    QTest::newRow("Mac Studio M4 Max") << u"Apple M4 Max (14-core CPU/32-core GPU)"_s << 1999.0;
    QTest::newRow("HP Z2 Mini G1a (AI Max+ PRO 395, 128 GB)")
        << u"AMD Ryzen AI Max+ PRO 395"_s << 3342.65;
    QTest::newRow("Mac Studio M3 Ultra 32/80")
        << u"Apple M3 Ultra (32-core CPU/80-core GPU)"_s << 5499.0;
    QTest::newRow("Mac Studio M4 Max 16/40")
        << u"Apple M4 Max (16-core CPU/40-core GPU)"_s << 2499.0;
    QTest::newRow("Mac mini M4 Pro 14/20") << u"Apple M4 Pro (14-core CPU/20-core GPU)"_s << 1599.0;
    QTest::newRow("Mac mini M4 10/10") << u"Apple M4 (10-core CPU/10-core GPU)"_s << 599.0;
}

void TstShippedCatalogue::systemPrices() {
    QFETCH(QString, cpu);
    QFETCH(double, usd);
    const Catalog c = db::loadShippedCatalog();
    const Cpu *x = byName(c.cpus, cpu.toStdString());
    QVERIFY(x);
    QVERIFY(x->priceUsd.has_value());
    QCOMPARE(*x->priceUsd, usd);
    QVERIFY(!x->source.empty() && !x->asOf.empty());
    // Priced whole: the estimate adds no memory and no platform allowance.
    Build b;
    b.cpu = *x;
    b.memory = {x->memoryChannels, x->maxMemorySpeed, units::gigabytes(128)};
    const CostSummary cost = costOf(b, units::tokensPerSecond(10), Assumptions{});
    QVERIFY(cost.priceEur.has_value());
    QCOMPARE(*cost.priceEur, usd * Assumptions{}.eurPerUsd);
    // With its integrated GPU (as a scenario loads it) the system is still priced once,
    // even where the GPU row carries the system's price too (DGX Spark).
    if (const Gpu *igpu = byName(c.gpus, x->name)) {
        QVERIFY(igpu->integrated);
        b.integratedGpu = *igpu;
        const CostSummary unified = costOf(b, units::tokensPerSecond(10), Assumptions{});
        QVERIFY(unified.priceEur.has_value());
        QCOMPARE(*unified.priceEur, usd * Assumptions{}.eurPerUsd);
    }
}

void TstShippedCatalogue::modelSpots() {
    const Catalog c = db::loadShippedCatalog();
    const Model *q = byName(c.models, "Qwen2.5-14B-Instruct");
    QVERIFY(q);
    QCOMPARE(q->paramsTotal, 14.77e9);
    QCOMPARE(q->paramsActive, 14.77e9);
    QCOMPARE(q->layers, 48);
    QCOMPARE(q->kvHeads, 8);
    QCOMPARE(q->headDim, 128);
    QCOMPARE(q->attention, AttentionKind::Gqa);
    QVERIFY(!q->moe);
    for (const char *n :
         {"Llama-3.1-8B-Instruct", "gpt-oss-120b", "gemma-3-27b-it", "DeepSeek-V3", "phi-4"})
        QVERIFY2(byName(c.models, n), n);
    const Model *ds = byName(c.models, "DeepSeek-V3");
    QCOMPARE(ds->attention, AttentionKind::Mla);
    QCOMPARE(ds->kvLoraRank, 512);
    QCOMPARE(ds->qkRopeHeadDim, 64);
    const Model *gemma = byName(c.models, "gemma-3-27b-it");
    QCOMPARE(gemma->attention, AttentionKind::Sliding);
    QCOMPARE(gemma->slidingWindow, 1024);
    QCOMPARE(gemma->fullAttentionLayers, 10);
}

void TstShippedCatalogue::moeRoutedParams() {
    const Catalog c = db::loadShippedCatalog();
    int moe = 0;
    for (const Model &m : c.models) {
        if (!m.moe) {
            QCOMPARE(m.routedExpertParams, 0.0);
            continue;
        }
        ++moe;
        QVERIFY2(m.routedExpertParams > 0 && m.routedExpertParams < m.paramsTotal, m.name.c_str());
        // The inactive routed experts are what total - active leaves out.
        const double inactive =
            m.routedExpertParams * (m.expertsTotal - m.expertsActive) / m.expertsTotal;
        QVERIFY2(inactive <= m.paramsTotal - m.paramsActive + 1e9, m.name.c_str());
    }
    QVERIFY(moe >= 10);
    const Model *mix = byName(c.models, "Mixtral-8x7B-Instruct-v0.1");
    QVERIFY(near(mix->routedExpertParams, (46.7e9 - 12.88e9) * 8 / 6, 1e-6));
}

void TstShippedCatalogue::quantSpots() {
    const Catalog c = db::loadShippedCatalog();
    QCOMPARE(byName(c.quants, "Q4_K_M")->bitsPerWeight, 4.8944);
    QCOMPARE(byName(c.quants, "Q8_0")->bitsPerWeight, 8.5008);
    QCOMPARE(byName(c.quants, "MXFP4")->bitsPerWeight, 4.3395);
    for (const Quantization &q : c.quants)
        QVERIFY2(q.bitsPerWeight > 0 && q.bitsPerWeight <= 32, q.name.c_str());
}

void TstShippedCatalogue::presetsResolve() {
    const Catalog c = db::loadShippedCatalog();
    QCOMPARE(c.presets.size(), size_t(9));
    for (const Preset &p : c.presets) {
        const Cpu *cpu = byName(c.cpus, p.cpuName);
        QVERIFY2(cpu, p.cpuName.c_str());
        QVERIFY(p.memory.channels > 0 && p.memory.channels <= cpu->memoryChannels);
        for (const PresetGpu &g : p.gpus) {
            QVERIFY2(byName(c.gpus, g.gpuName), g.gpuName.c_str());
            QVERIFY(g.count > 0);
        }
    }
    const Preset &first = c.presets.front();
    QCOMPARE(first.cpuName, std::string("AMD Ryzen AI Max+ PRO 395"));
    QCOMPARE(first.memory.channels, 4);
    const Preset &last = c.presets.back();
    QCOMPARE(last.gpus.size(), size_t(1));
    QCOMPARE(last.gpus.front().count, 4);
}

void TstShippedCatalogue::everyCpuEstimates() {
    // Every CPU the catalogue offers must give an estimate on its own: all its
    // channels at its rated speed, 32 GB a channel (capped by what it takes, as a
    // new build in the window), and its integrated GPU where it has one, found by
    // the helper scenario files and the window use. A row the validation refuses
    // (a missing clock, say) cannot be shown at all, priced or not.
    // Rows listed here have a field no source could fill; the list must stay short
    // and each entry says why (db/catalogue/CHANGES.md).
    static const std::map<std::string, std::string> knownGaps = {
        {"AMD EPYC 7B13", "cloud-only custom SKU, no published clock; never sold (sold_new = 0)"},
        {"AMD EPYC 7352",
         "Rome: no FCLK in the data, so no CPU-side bandwidth (CHANGES.md, CPUs 4)"},
    };
    const Catalog c = db::loadShippedCatalog();
    const auto model = findModel(c, "Llama-3.2-1B-Instruct");
    const auto quant = findQuant(c, "Q4_K_M");
    QVERIFY(model && quant);
    const ModelChoice choice{*model.match, *quant.match, std::nullopt};
    const Workload workload{c.useCases, {}};
    QStringList refused;
    int checked = 0;
    for (const Cpu &cpu : c.cpus) {
        Build b;
        b.name = cpu.name;
        b.cpu = cpu;
        b.memory.channels = std::max(1, cpu.memoryChannels);
        b.memory.speed = cpu.maxMemorySpeed;
        b.memory.capacity = units::gigabytes(32.0 * b.memory.channels);
        if (cpu.maxMemory.value() > 0 && b.memory.capacity > cpu.maxMemory)
            b.memory.capacity = cpu.maxMemory;
        if (const Gpu *igpu = scenario::integratedGpuFor(c, cpu))
            b.integratedGpu = *igpu;
        const std::vector<Problem> problems =
            checkBuild(b, c, db::loadShippedPlatformRules(), Assumptions{});
        QString why;
        for (const Problem &p : problems)
            why += u" "_s + QString::fromStdString(p.field) + u": "_s +
                   QString::fromStdString(p.message) + u";"_s;
        if (knownGaps.count(cpu.name)) {
            QVERIFY2(!problems.empty(), qPrintable(QString::fromStdString(cpu.name) +
                                                   u" is valid now: take it off knownGaps"_s));
            continue;
        }
        if (!problems.empty()) {
            refused << QString::fromStdString(cpu.name) + u":"_s + why;
            continue;
        }
        Estimate e;
        try {
            e = estimate(b, choice, workload, Assumptions{});
        } catch (const std::exception &ex) {
            refused << QString::fromStdString(cpu.name) + u": estimate threw: "_s +
                           QString::fromUtf8(ex.what());
            continue;
        }
        const double pp = units::inTokensPerSecond(e.promptRate);
        const double tg = units::inTokensPerSecond(e.generationRate);
        if (!e.fits || !std::isfinite(pp) || pp <= 0 || !std::isfinite(tg) || tg <= 0 ||
            e.useCases.size() != c.useCases.size())
            refused << QString::fromStdString(cpu.name) +
                           u": no usable estimate (fits %1, prompt %2 tok/s, generation %3 tok/s)"_s
                               .arg(e.fits)
                               .arg(pp)
                               .arg(tg);
        ++checked;
    }
    for (const QString &r : refused)
        qWarning("%s", qPrintable(r));
    QVERIFY2(refused.isEmpty(),
             qPrintable(
                 u"%1 of %2 CPUs refused (listed above)"_s.arg(refused.size()).arg(c.cpus.size())));
    QCOMPARE(checked + int(knownGaps.size()), int(c.cpus.size()));
    // The two Apple systems of the defect report run the model on their own GPU.
    for (const char *n :
         {"Apple M3 Ultra (32-core CPU/80-core GPU)", "Apple M4 Pro (14-core CPU/20-core GPU)"}) {
        const Cpu *cpu = byName(c.cpus, n);
        QVERIFY2(cpu && cpu->boostClock.value() > 0, n);
        QVERIFY2(scenario::integratedGpuFor(c, *cpu), n);
    }
}

void TstShippedCatalogue::useCases() {
    const Catalog c = db::loadShippedCatalog();
    QCOMPARE(c.useCases.size(), size_t(4));
    QCOMPARE(c.useCases[2].id, std::string("UC3"));
    QCOMPARE(units::inTokens(c.useCases[2].promptTokens), 1280.0);
    QCOMPARE(units::inTokens(c.useCases[2].generatedTokens), 3072.0);
    QVERIFY(!c.useCases[0].description.empty());
}

void TstShippedCatalogue::memorySpeedsCoverCpus() {
    // Every CPU's rated speed is a speed grade of its memory standard, so the
    // speed picker can always offer it.
    const Catalog c = db::loadShippedCatalog();
    for (const Cpu &cpu : c.cpus) {
        const bool found =
            std::any_of(c.memorySpeeds.begin(), c.memorySpeeds.end(), [&](const MemorySpeed &s) {
                return s.standard == cpu.memoryType && s.speed == cpu.maxMemorySpeed;
            });
        QVERIFY2(found, cpu.name.c_str());
    }
}

void TstShippedCatalogue::namesMatchMeasuredData() {
    // measured-train.csv names hardware exactly as the catalogue does.
    const QString path = rawDataDir() + u"measured-train.csv"_s;
    if (!QFile::exists(path))
        QSKIP("raw data folder not available (CI)");
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    db::detail::CsvTable table;
    QString error;
    QVERIFY2(db::detail::parseCsv(f.readAll(), u"measured-train.csv"_s, &table, &error),
             qPrintable(error));
    const int cpuCol = table.column(u"cpu_catalog"_s);
    const int gpuCol = table.column(u"gpu_catalog"_s);
    QVERIFY(cpuCol > 0 && gpuCol > 0);
    const Catalog c = db::loadShippedCatalog();
    int checked = 0;
    for (const QStringList &row : table.rows) {
        const std::string cpu = row.at(cpuCol).toStdString();
        const std::string gpu = row.at(gpuCol).toStdString();
        if (!cpu.empty()) {
            QVERIFY2(byName(c.cpus, cpu), cpu.c_str());
            ++checked;
        }
        if (!gpu.empty()) {
            QVERIFY2(byName(c.gpus, gpu), gpu.c_str());
            ++checked;
        }
    }
    QVERIFY(checked > 100);
}

void TstShippedCatalogue::cachedAndFast() {
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 100; ++i)
        QVERIFY(!db::loadShippedCatalog().cpus.empty());
    qInfo("100 cached loads: %lld ms", static_cast<long long>(timer.elapsed()));
}

void TstShippedCatalogue::fileSizes_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("quant");
    QTest::addColumn<double>("gb"); // 0 = no file size known
    QTest::newRow("Qwen2.5-14B Q4_K_M") << u"Qwen2.5-14B-Instruct"_s << u"Q4_K_M"_s << 8.99;
    QTest::newRow("Llama-3.1-8B Q8_0") << u"Llama-3.1-8B-Instruct"_s << u"Q8_0"_s << 8.54;
    QTest::newRow("gpt-oss-120b MXFP4") << u"gpt-oss-120b"_s << u"MXFP4"_s << 63.372;
    QTest::newRow("Mixtral renamed") << u"Mixtral-8x7B-Instruct-v0.1"_s << u"Q4_K_M"_s << 28.0;
    QTest::newRow("unknown quant") << u"Qwen2.5-14B-Instruct"_s << u"Q2_K"_s << 0.0;
    QTest::newRow("unknown model") << u"NoSuchModel"_s << u"Q4_K_M"_s << 0.0;
    QTest::newRow("case matters") << u"qwen2.5-14b-instruct"_s << u"Q4_K_M"_s << 0.0;
}

void TstShippedCatalogue::fileSizes() {
    QFETCH(QString, model);
    QFETCH(QString, quant);
    QFETCH(double, gb);
    const auto size = db::shippedFileSize(model.toStdString(), quant.toStdString());
    QCOMPARE(size.has_value(), gb > 0);
    if (size)
        QVERIFY(near(units::inGigabytes(*size), gb));
    // Every size with in_catalogue = 1 names a catalogue model and quant.
    const Catalog c = db::loadShippedCatalog();
    if (size) {
        QVERIFY(byName(c.models, model.toStdString()));
        QVERIFY(byName(c.quants, quant.toStdString()));
    }
}

void TstShippedCatalogue::brokenDataIsReported_data() {
    QTest::addColumn<QString>("table");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("mention");
    QTest::newRow("unchanged") << u"cpus"_s << 0 << u"name"_s << u"AMD Ryzen 5 7400F"_s
                               << QString();
    QTest::newRow("channels 0") << u"cpus"_s << 0 << u"memory_channels"_s << u"0"_s
                                << u"cpus.csv line 2, column memory_channels"_s;
    QTest::newRow("channels text")
        << u"cpus"_s << 3 << u"memory_channels"_s << u"two"_s << u"cpus.csv line 5"_s;
    QTest::newRow("decimal comma")
        << u"cpus"_s << 0 << u"boost_ghz"_s << u"4,7"_s << u"not a number"_s;
    QTest::newRow("unknown family")
        << u"cpus"_s << 0 << u"family"_s << u"gaming"_s << u"unknown family"_s;
    QTest::newRow("three fabric links")
        << u"cpus"_s << 0 << u"fabric_links_per_ccd"_s << u"3"_s << u"1 or 2"_s;
    QTest::newRow("duplicate CPU")
        << u"cpus"_s << 1 << u"name"_s << u"AMD Ryzen 5 7400F"_s << u"appears twice"_s;
    QTest::newRow("no source") << u"cpus"_s << 0 << u"source"_s << QString() << u"column source"_s;
    QTest::newRow("GPU bandwidth empty")
        << u"gpus"_s << 0 << u"bandwidth_gbs"_s << QString() << u"bandwidth_gbs"_s;
    QTest::newRow("flag not 0/1") << u"gpus"_s << 0 << u"nvlink"_s << u"yes"_s << u"nvlink"_s;
    QTest::newRow("negative price") << u"gpus"_s << 0 << u"price_usd"_s << u"-5"_s << u"negative"_s;
    QTest::newRow("unknown attention")
        << u"models"_s << 0 << u"attention"_s << u"flash"_s << u"attention"_s;
    QTest::newRow("active > total")
        << u"models"_s << 0 << u"params_active"_s << u"9e12"_s << u"more active"_s;
    QTest::newRow("bpw negative") << u"quants"_s << 0 << u"bits_per_weight"_s << u"-1"_s
                                  << u"bits_per_weight"_s;
    QTest::newRow("use case 0 tokens")
        << u"use_cases"_s << 0 << u"prompt_tokens"_s << u"0"_s << u"prompt_tokens"_s;
    QTest::newRow("preset unknown CPU")
        << u"presets"_s << 0 << u"cpu_name"_s << u"AMD Ryzen 9 9999X"_s << u"not a catalogue CPU"_s;
    QTest::newRow("preset unknown GPU") << u"presets"_s << 2 << u"gpu_name"_s
                                        << u"NVIDIA GeForce RTX 9090"_s << u"not a catalogue GPU"_s;
    QTest::newRow("preset GPU without count")
        << u"presets"_s << 2 << u"gpu_count"_s << u"0"_s << u"gpu_count"_s;
    QTest::newRow("meta without date") << u"meta"_s << 0 << u"value"_s << QString() << u"as_of"_s;
}

void TstShippedCatalogue::brokenDataIsReported() {
    QFETCH(QString, table);
    QFETCH(int, row);
    QFETCH(QString, column);
    QFETCH(QString, value);
    QFETCH(QString, mention);
    db::detail::CatalogueTables tables;
    QString error;
    QVERIFY2(db::detail::readShippedTables(&tables, &error), qPrintable(error));
    const std::map<QString, db::detail::CsvTable *> byName = {
        {u"meta"_s, &tables.meta},         {u"cpus"_s, &tables.cpus},
        {u"gpus"_s, &tables.gpus},         {u"models"_s, &tables.models},
        {u"quants"_s, &tables.quants},     {u"presets"_s, &tables.presets},
        {u"use_cases"_s, &tables.useCases}};
    db::detail::CsvTable *t = byName.at(table);
    const int col = t->column(column);
    QVERIFY(col >= 0);
    t->rows[row][col] = value;
    Catalog c;
    const bool ok = db::detail::catalogFromTables(tables, &c, &error);
    if (mention.isEmpty()) {
        QVERIFY2(ok, qPrintable(error));
        return;
    }
    QVERIFY(!ok);
    QVERIFY2(error.contains(mention), qPrintable(error));
}

QTEST_GUILESS_MAIN(TstShippedCatalogue)
#include "tst_shippedcatalogue.moc"
