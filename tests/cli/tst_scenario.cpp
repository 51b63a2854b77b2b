// SPDX-License-Identifier: MIT
// Unit tests of the scenario library against a small hand-made catalogue (so
// they do not move when the shipped data does) and, where the point is the
// real names, against the shipped one.
#include "catalogue.h"
#include "scenario.h"
#include "validation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace llm;
using namespace llm::units;

namespace {

const PlatformRules &shippedRules() {
    static const PlatformRules rules = db::loadShippedPlatformRules();
    return rules;
}

Catalog smallCatalog() {
    Catalog c;
    Cpu zen5;
    zen5.name = "AMD Ryzen 9 9950X";
    zen5.vendor = "AMD";
    zen5.family = CpuFamily::Desktop;
    zen5.architecture = "zen5";
    zen5.cores = 16;
    zen5.threads = 32;
    zen5.boostClock = gigahertz(5.7);
    zen5.baseClock = gigahertz(4.3);
    zen5.ccds = 2;
    zen5.fabricClock = gigahertz(2.0);
    zen5.memoryChannels = 2;
    zen5.maxMemory = gigabytes(192);
    zen5.memoryType = "DDR5";
    zen5.maxMemorySpeed = megatransfersPerSecond(5600);
    zen5.avx512 = zen5.avx512Bf16 = true;
    zen5.pcieLanes = 24;
    zen5.tdp = watts(170);
    zen5.priceUsd = 649;
    c.cpus.push_back(zen5);
    Cpu epyc = zen5;
    epyc.name = "AMD EPYC 9554P";
    epyc.family = CpuFamily::Server;
    epyc.architecture = "zen4";
    epyc.cores = 64;
    epyc.ccds = 8;
    epyc.fabricClock = gigahertz(2.0);
    epyc.memoryChannels = 12;
    epyc.maxMemory = gigabytes(6000);
    epyc.maxMemorySpeed = megatransfersPerSecond(4800);
    epyc.pcieLanes = 128;
    c.cpus.push_back(epyc);

    Gpu rtx;
    rtx.name = "NVIDIA GeForce RTX 5090";
    rtx.vendor = "NVIDIA";
    rtx.architecture = "blackwell";
    rtx.vram = gigabytes(32);
    rtx.bandwidth = gigabytesPerSecond(1792);
    rtx.fp16Tensor = teraflopsPerSecond(209.5);
    rtx.tdp = watts(575);
    rtx.pcieGen = 5;
    rtx.priceUsd = 1999;
    c.gpus.push_back(rtx);

    Model qwen;
    qwen.name = "Qwen2.5-14B-Instruct";
    qwen.family = "Qwen";
    qwen.paramsTotal = qwen.paramsActive = 14.77e9;
    qwen.layers = 48;
    qwen.hiddenSize = 5120;
    qwen.heads = 40;
    qwen.kvHeads = 8;
    qwen.headDim = 128;
    qwen.maxContext = 131072;
    c.models.push_back(qwen);
    c.quants = {{"Q4_K_M", 4.894}, {"Q8_0", 8.501}};
    c.useCases = seedUseCases();
    for (double mts : {4800, 5200, 5600, 6000, 6400})
        c.memorySpeeds.push_back({"DDR5", megatransfersPerSecond(mts)});
    c.presets.push_back({"Desktop: Ryzen 9 9950X + RTX 5090",
                         "AMD Ryzen 9 9950X",
                         MemoryConfig{2, megatransfersPerSecond(5600), gigabytes(192)},
                         {{"NVIDIA GeForce RTX 5090", 1}},
                         ""});
    c.asOf = "2026-11-25";
    return c;
}

const char *kMinimal = R"({
  "builds": [ { "name": "desk", "cpu": "9950X",
                "memory": { "channels": 2, "mts": 5600, "capacity_gb": 96 } } ],
  "model": { "name": "Qwen2.5 14B", "quant": "Q8_0" } })";

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestScenario final : public QObject {
    Q_OBJECT

private slots:
    void catalogueNames();
    void explicitParts();
    void presetShorthand();
    void overrides();
    void errors_data();
    void errors();
    void longNameIsCut();
    void plainMessages_data();
    void plainMessages();
    void controlCharactersInNames_data();
    void controlCharactersInNames();
    void oversizedFile();
    void nullOptionalKey();
    void roundTrip_data();
    void roundTrip();
    void everyCatalogueRowRoundTrips();
    void writeStamps();
    void estimateJson();
    void rounding_data();
    void rounding();
    void integratedGpu_data();
    void integratedGpu();
    void integratedGpuSwitch_data();
    void integratedGpuSwitch();
};

void TestScenario::catalogueNames() {
    const auto r = scenario::parseScenario(kMinimal, smallCatalog(), shippedRules());
    QVERIFY2(r.ok(), qPrintable(r.error.toLine()));
    const scenario::Scenario &s = *r.scenario;
    QCOMPARE(s.builds.size(), 1u);
    QCOMPARE(s.builds[0].name, "desk");
    QCOMPARE(s.builds[0].cpu.name, "AMD Ryzen 9 9950X");
    QCOMPARE(s.builds[0].memory.channels, 2);
    QCOMPARE(inMegatransfersPerSecond(s.builds[0].memory.speed), 5600.0);
    QCOMPARE(inGigabytes(s.builds[0].memory.capacity), 96.0);
    QCOMPARE(s.model.model.name, "Qwen2.5-14B-Instruct");
    QCOMPARE(s.model.quant.name, "Q8_0");
    QCOMPARE(s.runtime, "llama.cpp");
    QCOMPARE(s.workload.useCases.size(), 4u); // the seed's UC1-UC4 when none are named
    QCOMPARE(s.buildExtras.size(), s.builds.size());
    QCOMPARE(s.catalogAsOf, "2026-11-25"); // the catalogue the names were resolved in
}

void TestScenario::explicitParts() {
    const QByteArray json = R"({
      "builds": [ { "cpu": { "name": "X", "cores": 16, "boost_ghz": 5.7, "ccds": 2,
                             "fclk_ghz": 2.0, "memory_channels": 2, "max_mts": 5600,
                             "avx512": true, "avx512_bf16": false, "fabric_links_per_ccd": 2 },
                    "memory": { "channels": 2, "mts": 5600, "capacity_gb": 96 },
                    "gpus": [ { "model": { "name": "G", "vram_gb": 32, "bandwidth_gbs": 1792,
                                           "fp16_tflops": 209 }, "count": 2 } ] } ],
      "model": { "name": "M", "params_b": 100, "active_params_b": 10, "experts_total": 64,
                 "experts_active": 4, "file_gb": 60, "n_layers": 48, "n_kv_heads": 4,
                 "head_dim": 128 },
      "use_cases": [ { "name": "mine", "prompt_tokens": 512, "gen_tokens": 128 } ] })";
    const auto r = scenario::parseScenario(json, smallCatalog(), shippedRules());
    QVERIFY2(r.ok(), qPrintable(r.error.toLine()));
    const Build &b = r.scenario->builds[0];
    QCOMPARE(b.name, "Build 1");
    QCOMPARE(b.cpu.name, "X");
    QCOMPARE(inGigahertz(b.cpu.boostClock), 5.7);
    QCOMPARE(inGigahertz(b.cpu.fabricClock), 2.0);
    QCOMPARE(b.cpu.fabricLinksPerCcd, 2);
    QVERIFY(b.cpu.avx512 && !b.cpu.avx512Bf16);
    QCOMPARE(b.gpus.size(), 1u);
    QCOMPARE(b.gpus[0].count, 2);
    QCOMPARE(inGigabytesPerSecond(b.gpus[0].gpu.bandwidth), 1792.0);
    QCOMPARE(inTeraflopsPerSecond(b.gpus[0].gpu.fp16Tensor), 209.0);
    const ModelChoice &m = r.scenario->model;
    QVERIFY(m.model.moe);
    QCOMPARE(m.model.paramsTotal, 100e9);
    // 90 B inactive = routed x (64 - 4) / 64, so 96 B of routed experts.
    QCOMPARE(m.model.routedExpertParams, 96e9);
    QVERIFY(m.fileSize.has_value());
    QCOMPARE(inGigabytes(*m.fileSize), 60.0);
    QCOMPARE(m.quant.bitsPerWeight, 4.8); // 60 GB x 8 / 100 B parameters
    QCOMPARE(r.scenario->workload.useCases[0].id, "mine");
    QCOMPARE(inTokens(r.scenario->workload.useCases[0].generatedTokens), 128.0);
}

void TestScenario::presetShorthand() {
    const QByteArray json = R"({ "builds": [ { "preset": "Desktop: Ryzen 9 9950X + RTX 5090" },
      { "preset": "Desktop: Ryzen 9 9950X + RTX 5090", "name": "less RAM",
        "memory": { "channels": 2, "mts": 4800, "capacity_gb": 64 } } ],
      "model": "Qwen2.5-14B-Instruct" })";
    const auto r = scenario::parseScenario(json, smallCatalog(), shippedRules());
    QVERIFY2(r.ok(), qPrintable(r.error.toLine()));
    const auto &builds = r.scenario->builds;
    QCOMPARE(builds[0].name, "Desktop: Ryzen 9 9950X + RTX 5090");
    QCOMPARE(builds[0].gpus.size(), 1u);
    QCOMPARE(inGigabytes(builds[0].memory.capacity), 192.0);
    QCOMPARE(builds[1].name, "less RAM");
    QCOMPARE(inGigabytes(builds[1].memory.capacity), 64.0); // explicit parts win
    QCOMPARE(r.scenario->buildExtras[1].presetName, "Desktop: Ryzen 9 9950X + RTX 5090");
    QCOMPARE(r.scenario->model.quant.name, "Q4_K_M"); // the default quantization
}

void TestScenario::overrides() {
    Assumptions defaults;
    defaults.pcieEfficiency = 0.7; // as if calibrated
    const QByteArray json = R"({ "builds": [ { "cpu": "9950X",
        "memory": { "channels": 2, "mts": 5600, "capacity_gb": 96 } } ],
      "model": "Qwen2.5-14B-Instruct", "runtime": "llamafile",
      "thresholds": { "max_prefill_s": 20, "min_gen_tok_s": 5 },
      "assumptions": { "placement": "cpu", "efficiency": { "cpu-zen5": { "bandwidth": 0.5 } } } })";
    const auto r = scenario::parseScenario(json, smallCatalog(), shippedRules(), defaults);
    QVERIFY2(r.ok(), qPrintable(r.error.toLine()));
    const Assumptions &a = r.scenario->assumptions;
    QCOMPARE(a.runtime, "llamafile");
    QCOMPARE(inSeconds(a.thresholds.maxPrefill), 20.0);
    QCOMPARE(inTokensPerSecond(a.thresholds.minGeneration), 5.0);
    QCOMPARE(inSeconds(a.thresholds.interactivePrefill), 3.0); // untouched default
    QCOMPARE(a.pcieEfficiency, 0.7);                           // the caller's default kept
    QVERIFY(a.forcedPlacement == Placement::CpuOnly);
    QCOMPARE(a.efficiencyByClass.at("cpu-zen5").bandwidth, 0.5);
    const std::vector<std::string> expected{"thresholds.max_prefill_s", "thresholds.min_gen_tok_s",
                                            "assumptions.placement",
                                            "assumptions.efficiency.cpu-zen5"};
    QCOMPARE(a.overridden, expected);
}

void TestScenario::errors_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    const QByteArray build =
        R"("cpu": "9950X", "memory": { "channels": 2, "mts": 5600, "capacity_gb": 96 })";
    auto scenario = [&](const QByteArray &buildBody, const QByteArray &rest = {}) -> QByteArray {
        return "{ \"builds\": [ { " + buildBody + " } ], \"model\": \"Qwen2.5-14B-Instruct\"" +
               rest + " }";
    };
    QTest::newRow("truncated") << QByteArray(R"({ "builds": [)") << u"json"_s;
    QTest::newRow("channels 0")
        << scenario(
               R"("cpu": "9950X", "memory": { "channels": 0, "mts": 5600, "capacity_gb": 96 })")
        << u"builds[0].memory.channels"_s;
    QTest::newRow("channels 3 on 2")
        << scenario(
               R"("cpu": "9950X", "memory": { "channels": 3, "mts": 5600, "capacity_gb": 96 })")
        << u"builds[0].memory.channels"_s;
    QTest::newRow("speed 6000 on 5600")
        << scenario(
               R"("cpu": "9950X", "memory": { "channels": 2, "mts": 6000, "capacity_gb": 96 })")
        << u"builds[0].memory.mts"_s;
    QTest::newRow("speed not a grade")
        << scenario(
               R"("cpu": "9950X", "memory": { "channels": 2, "mts": 5300, "capacity_gb": 96 })")
        << u"builds[0].memory.mts"_s;
    QTest::newRow("capacity 0")
        << scenario(R"("cpu": "9950X", "memory": { "channels": 2, "mts": 5600, "capacity_gb": 0 })")
        << u"builds[0].memory.capacity_gb"_s;
    QTest::newRow("cpu is a number")
        << scenario(R"("cpu": 9950, "memory": { "channels": 2, "mts": 5600, "capacity_gb": 96 })")
        << u"builds[0].cpu"_s;
    QTest::newRow("unknown gpu") << scenario(build + R"(, "gpus": [ "RTX 9090" ])")
                                 << u"builds[0].gpus[0]"_s;
    QTest::newRow("gpus not a list")
        << scenario(build + R"(, "gpus": "RTX 5090")") << u"builds[0].gpus"_s;
    QTest::newRow("no iGPU to attach")
        << scenario(build + R"(, "integrated_gpu": true)") << u"builds[0].integrated_gpu"_s;
    // The user's quote: a number >= 0, its source only beside a price.
    QTest::newRow("negative quote")
        << scenario(build + R"(, "price_eur": -1)") << u"builds[0].price_eur"_s;
    QTest::newRow("quote is text")
        << scenario(build + R"(, "price_eur": "2,199 EUR")") << u"builds[0].price_eur"_s;
    QTest::newRow("quote source without a quote")
        << scenario(build + R"(, "price_source": "Supplier X")") << u"builds[0].price_source"_s;
    QTest::newRow("quote source not text")
        << scenario(build + R"(, "price_eur": 10, "price_source": 5)")
        << u"builds[0].price_source"_s;
    QTest::newRow("bad multi-gpu mode")
        << scenario(build + R"(, "multi_gpu": "sli")") << u"builds[0].multi_gpu"_s;
    QTest::newRow("explicit gpu, zero VRAM")
        << scenario(
               build +
               R"(, "gpus": [ { "model": { "name": "G", "vram_gb": 0, "bandwidth_gbs": 100, "fp16_tflops": 10 } } ])")
        << u"builds[0].gpus[0].model.vram_gb"_s;
    QTest::newRow("explicit gpu, unknown form factor")
        << scenario(
               build +
               R"(, "gpus": [ { "model": { "name": "G", "vram_gb": 8, "bandwidth_gbs": 100, "fp16_tflops": 10, "form_factor": "mxm" } } ])")
        << u"builds[0].gpus[0].model.form_factor"_s;
    QTest::newRow("unknown placement")
        << scenario(build, R"(, "assumptions": { "placement": "cloud" })")
        << u"assumptions.placement"_s;
    QTest::newRow("efficiency above 1")
        << scenario(build,
                    R"(, "assumptions": { "efficiency": { "cpu-zen5": { "compute": 1.5 } } })")
        << u"assumptions.efficiency.cpu-zen5.compute"_s;
    QTest::newRow("negative context") << scenario(build, R"(, "context": -1)") << u"context"_s;
    QTest::newRow("context above the model's maximum")
        << scenario(build, R"(, "context": 262144)") << u"context"_s;
    QTest::newRow("context not a number")
        << scenario(build, R"(, "context": "long")") << u"context"_s;
    QTest::newRow("unknown top-level key") << scenario(build, R"(, "modle": "x")") << u"modle"_s;
    QTest::newRow("comment keys are fine, version is not")
        << scenario(build, R"(, "_note": "ok", "format_version": 2)") << u"format_version"_s;
    QTest::newRow("active above total")
        << QByteArray(
               R"({ "builds": [ { )" + build +
               R"( } ], "model": { "name": "M", "params_b": 10, "active_params_b": 20, "file_gb": 6, "n_layers": 32, "n_kv_heads": 8, "head_dim": 128 } })")
        << u"model.active_params_b"_s;
    QTest::newRow("explicit model without size")
        << QByteArray(
               R"({ "builds": [ { )" + build +
               R"( } ], "model": { "name": "M", "params_b": 10, "active_params_b": 10, "n_layers": 32, "n_kv_heads": 8, "head_dim": 128 } })")
        << u"model.file_gb"_s;
}

void TestScenario::errors() {
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const auto r = scenario::parseScenario(json, smallCatalog(), shippedRules());
    QVERIFY(!r.ok());
    QCOMPARE(r.error.field, field);
    QVERIFY(!r.error.message.isEmpty());
    QVERIFY(!r.error.message.contains(u'\n'));
}

void TestScenario::longNameIsCut() {
    // A pasted paragraph as a CPU name: the error quotes its start, says how
    // long it was and still suggests catalogue names.
    const QString name = u"Ryzen "_s + QString(50000, u'z');
    const QByteArray json =
        R"({ "builds": [ { "cpu": ")" + name.toUtf8() +
        R"(", "memory": { "channels": 2, "mts": 5600, "capacity_gb": 96 } } ], "model": "Qwen2.5-14B-Instruct" })";
    const auto r = scenario::parseScenario(json, smallCatalog(), shippedRules());
    QVERIFY(!r.ok());
    QCOMPARE(r.error.field, u"builds[0].cpu"_s);
    QVERIFY2(r.error.message.size() < 400, qPrintable(r.error.message.left(400)));
    QVERIFY2(r.error.message.contains(u"(50006 characters)"_s), qPrintable(r.error.message));
    QVERIFY2(r.error.message.contains(u"closest catalogue names"_s), qPrintable(r.error.message));
}

// Reliability review 2026-12: D14 (keys given twice), D15 (messages in the
// user's words), D20 (explicit parts checked with the importer's limits).
// Each row: the file, the field the error names, words the message must hold.
void TestScenario::plainMessages_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("words");
    const QByteArray build =
        R"("cpu": "9950X", "memory": { "channels": 2, "mts": 5600, "capacity_gb": 96 })";
    auto scenario = [&](const QByteArray &buildBody, const QByteArray &rest = {}) -> QByteArray {
        return "{ \"builds\": [ { " + buildBody + " } ], \"model\": \"Qwen2.5-14B-Instruct\"" +
               rest + " }";
    };
    auto gpu = [&](const QByteArray &spec) {
        return scenario(build + R"(, "gpus": [ { "model": { "name": "G", )" + spec + " } } ]");
    };
    // D14: QJsonDocument keeps the last value silently.
    QTest::newRow("channels twice")
        << scenario(
               R"("cpu": "9950X", "memory": { "channels": 2, "channels": 99, "mts": 5600, "capacity_gb": 96 })")
        << u"builds[0].memory.channels"_s << u"appears twice"_s;
    QTest::newRow("model twice")
        << QByteArray("{ \"builds\": [ { " + build +
                      R"( } ], "model": "Qwen2.5-14B-Instruct", "model": "DOES-NOT-EXIST" })")
        << u"model"_s << u"appears twice"_s;
    QTest::newRow("same key, one escaped")
        << scenario(build, R"(, "title": "a", "t\u0069tle": "b")") << u"title"_s
        << u"appears twice"_s;
    QTest::newRow("same key in two objects is fine, then a repeat in the second")
        << QByteArray("{ \"builds\": [ { " + build + " }, { " + build +
                      R"(, "name": "x", "name": "y" } ], "model": "Qwen2.5-14B-Instruct" })")
        << u"builds[1].name"_s << u"appears twice"_s;
    // D15
    QTest::newRow("top-level null")
        << QByteArray("null") << u"json"_s << u"must hold a JSON object"_s;
    QTest::newRow("top-level number")
        << QByteArray(" 42 ") << u"json"_s << u"must hold a JSON object"_s;
    QTest::newRow("builds null") << QByteArray(R"({ "builds": null, "model": "Qwen2.5 14B" })")
                                 << u"builds"_s << u"is null"_s;
    QTest::newRow("latin-1 text") << QByteArray("{ \"title\": \"Caf\xE9\" }") << u"json"_s
                                  << u"not UTF-8"_s;
    QTest::newRow("utf-16 text") << QByteArray::fromHex("fffe7b007d00") << u"json"_s << u"UTF-16"_s;
    // D15 + D20: the importer's limits, said as "too large".
    QTest::newRow("bandwidth 1e300")
        << gpu(R"("vram_gb": 32, "bandwidth_gbs": 1e300, "fp16_tflops": 100)")
        << u"builds[0].gpus[0].model.bandwidth_gbs"_s
        << u"too large: at most 1000000 GB/s (found 1e+300)"_s;
    QTest::newRow("bandwidth 1e20")
        << gpu(R"("vram_gb": 32, "bandwidth_gbs": 1e20, "fp16_tflops": 100)")
        << u"builds[0].gpus[0].model.bandwidth_gbs"_s << u"too large"_s;
    QTest::newRow("vram 1e12")
        << gpu(R"("vram_gb": 1e12, "bandwidth_gbs": 1000, "fp16_tflops": 100)")
        << u"builds[0].gpus[0].model.vram_gb"_s << u"too large: at most 65536 GB"_s;
    QTest::newRow("gpu price 1e300")
        << gpu(R"("vram_gb": 32, "bandwidth_gbs": 1000, "fp16_tflops": 100, "price_usd": 1e300)")
        << u"builds[0].gpus[0].model.price_usd"_s << u"too large"_s;
    QTest::newRow("platform price 1e300")
        << scenario(build + R"(, "platform_price_usd": 1e300)") << u"builds[0].platform_price_usd"_s
        << u"too large: at most 10000000 USD"_s;
    QTest::newRow("fabric link efficiency above 1")
        << scenario(build, R"(, "assumptions": { "fabric_link_efficiency": 1.5 })")
        << u"assumptions.fabric_link_efficiency"_s << u"is a fraction: must be at most 1"_s;
    QTest::newRow("explicit model 1e7 billion parameters")
        << QByteArray(
               R"({ "builds": [ { )" + build +
               R"( } ], "model": { "name": "M", "params_b": 1e7, "active_params_b": 1e7, "file_gb": 6, "n_layers": 32, "n_kv_heads": 8, "head_dim": 128 } })")
        << u"model.params_b"_s << u"too large"_s;
}

void TestScenario::plainMessages() {
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QString, words);
    const auto r = scenario::parseScenario(json, smallCatalog(), shippedRules());
    QVERIFY(!r.ok());
    QCOMPARE(r.error.field, field);
    QVERIFY2(r.error.message.contains(words), qPrintable(r.error.message));
    QVERIFY(!r.error.message.contains(u"missing (required)"_s));
}

// D16: a control character in a name is refused (it would cut or garble
// every message, table and terminal line the name is shown in).
void TestScenario::controlCharactersInNames_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    const QByteArray memory = R"("memory": { "channels": 2, "mts": 5600, "capacity_gb": 96 })";
    auto named = [&](const QByteArray &escapedName) {
        return QByteArray(R"({ "builds": [ { "name": ")" + escapedName + R"(", "cpu": "9950X", )" +
                          memory + R"( } ], "model": "Qwen2.5-14B-Instruct" })");
    };
    QTest::newRow("NUL") << named(R"(box\u0000)") << u"builds[0].name"_s;
    QTest::newRow("ESC") << named(R"(\u001b[2Jbox)") << u"builds[0].name"_s;
    QTest::newRow("BEL") << named(R"(box\u0007)") << u"builds[0].name"_s;
    QTest::newRow("CR") << named(R"(a\rb)") << u"builds[0].name"_s;
    QTest::newRow("LF") << named(R"(a\nb)") << u"builds[0].name"_s;
    QTest::newRow("DEL") << named(R"(a\u007fb)") << u"builds[0].name"_s;
    QTest::newRow("C1 CSI") << named(R"(a\u009bb)") << u"builds[0].name"_s;
    QTest::newRow("title") << QByteArray(R"({ "title": "a\u0000", "builds": [ { "cpu": "9950X", )" +
                                         memory + R"( } ], "model": "Qwen2.5-14B-Instruct" })")
                           << u"title"_s;
    QTest::newRow("catalogue name")
        << QByteArray(R"({ "builds": [ { "cpu": "9950X\u001b[31m", )" + memory +
                      R"( } ], "model": "Qwen2.5-14B-Instruct" })")
        << u"builds[0].cpu"_s;
}

void TestScenario::controlCharactersInNames() {
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const auto r = scenario::parseScenario(json, smallCatalog(), shippedRules());
    QVERIFY(!r.ok());
    QCOMPARE(r.error.field, field);
    QVERIFY2(r.error.message.contains(u"control character"_s), qPrintable(r.error.message));
    // Notes are free text: line breaks and tabs stay allowed there.
    const QByteArray notes =
        R"({ "builds": [ { "notes": "line 1\nline 2\tx", "cpu": "9950X", "memory": { "channels": 2, "mts": 5600, "capacity_gb": 96 } } ], "model": "Qwen2.5-14B-Instruct" })";
    QVERIFY2(scenario::parseScenario(notes, smallCatalog(), shippedRules()).ok(),
             "notes keep their line breaks");
}

// D8: a file beyond the limit is refused before it is parsed.
void TestScenario::oversizedFile() {
    QByteArray json = QByteArray(kMinimal);
    json.insert(1, "\"_pad\": \"" + QByteArray(scenario::kMaxScenarioBytes, 'x') + "\", ");
    const auto r = scenario::parseScenario(json, smallCatalog(), shippedRules());
    QVERIFY(!r.ok());
    QCOMPARE(r.error.field, u"json"_s);
    QVERIFY2(r.error.message.contains(u"too large"_s), qPrintable(r.error.message));
}

// D15: "gpus": null was "missing (required)" although the key is optional;
// null now means the same as leaving the key out.
void TestScenario::nullOptionalKey() {
    const QByteArray json =
        R"({ "builds": [ { "cpu": "9950X", "gpus": null, "memory": { "channels": 2, "mts": 5600, "capacity_gb": 96 } } ], "model": "Qwen2.5-14B-Instruct" })";
    const auto r = scenario::parseScenario(json, smallCatalog(), shippedRules());
    QVERIFY2(r.ok(), qPrintable(r.error.field + u": "_s + r.error.message));
    QVERIFY(r.scenario->builds.at(0).gpus.empty());
}

void TestScenario::roundTrip_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("shipped");
    QTest::newRow("minimal") << QByteArray(kMinimal) << false;
    QTest::newRow("overrides")
        << QByteArray(
               R"({ "title": "t", "purpose": "Pick one machine for the legal team", "decision": "Buy build 1",
        "attendees": "Anna from finance, Ben from IT", "builds": [ { "preset": "Desktop: Ryzen 9 9950X + RTX 5090", "notes": "quote 42" } ],
        "model": { "name": "Qwen2.5-14B-Instruct", "quant": "Q4_K_M", "file_gb": 8.99 },
        "thresholds": { "offline_total_s": 7200 },
        "assumptions": { "pcie_efficiency": 0.8, "fabric_link_efficiency": 0.85, "placement": "hybrid", "efficiency": { "gpu-nvidia-blackwell": { "bandwidth": 0.9, "compute": 0.5 } } },
        "use_cases": [ "UC3", { "name": "chat", "prompt_tokens": 2000, "gen_tokens": 400 } ] })")
        << false;
    QTest::newRow("quotes")
        << QByteArray(R"({ "builds": [ { "preset": "Desktop: Ryzen 9 9950X", "price_eur": 2199.5,
                              "price_source": "Supplier X quote 2026-12-01" },
                            { "preset": "Desktop: Ryzen 9 9950X", "price_eur": 0 } ],
        "model": "Qwen2.5-14B-Instruct" })")
        << true;
    QTest::newRow("context window")
        << QByteArray(R"({ "builds": [ { "preset": "Desktop: Ryzen 9 9950X" } ],
        "model": "Qwen2.5-14B-Instruct", "context": 32768 })")
        << true;
    QTest::newRow("explicit") << readFile(QStringLiteral(LLMADVISOR_TEST_DATA_DIR
                                                         "/cli/explicit-moe-model/scenario.json"))
                              << true;
    QTest::newRow("seed comparison")
        << readFile(
               QStringLiteral(LLMADVISOR_SOURCE_DIR "/resources/scenarios/seed-comparison.json"))
        << true;
}

void TestScenario::roundTrip() {
    QFETCH(QByteArray, json);
    QFETCH(bool, shipped);
    QVERIFY(!json.isEmpty());
    const Catalog catalog = shipped ? db::loadShippedCatalog() : smallCatalog();
    const auto first = scenario::parseScenario(json, catalog, shippedRules());
    QVERIFY2(first.ok(), qPrintable(first.error.toLine()));
    const QByteArray written = scenario::writeScenario(*first.scenario);
    // Written files are self-contained: they read back without the catalogue.
    const auto reread = scenario::parseScenario(written, Catalog{}, shippedRules());
    QVERIFY2(reread.ok(), qPrintable(reread.error.toLine()));
    // Line by line, so that a failure shows the line that differs.
    const QList<QByteArray> again = scenario::writeScenario(*reread.scenario).split('\n');
    const QList<QByteArray> lines = written.split('\n');
    for (qsizetype i = 0; i < std::min(lines.size(), again.size()); ++i)
        QCOMPARE(again.at(i), lines.at(i));
    QCOMPARE(again.size(), lines.size());

    // The parts compare whole (defaulted operator==): a field the writer or the
    // reader forgets makes its build differ.
    const scenario::Scenario &a = *first.scenario, &b = *reread.scenario;
    QCOMPARE(b.builds.size(), a.builds.size());
    for (std::size_t i = 0; i < a.builds.size(); ++i) {
        QVERIFY2(b.builds[i] == a.builds[i], a.builds[i].name.c_str());
        QCOMPARE(b.buildExtras[i].presetName, a.buildExtras[i].presetName);
        QCOMPARE(b.buildExtras[i].notes, a.buildExtras[i].notes);
    }
    if (QByteArray(QTest::currentDataTag()) == "quotes") {
        QCOMPARE(a.builds[0].quotedPriceEur, std::optional<double>(2199.5));
        QCOMPARE(a.builds[0].quoteSource, std::string("Supplier X quote 2026-12-01"));
        QCOMPARE(a.builds[1].quotedPriceEur, std::optional<double>(0.0)); // free is a price
        QVERIFY(written.contains("\"price_eur\": 2199.5"));
        QVERIFY(written.contains("\"price_source\": \"Supplier X quote 2026-12-01\""));
    }
    QCOMPARE(b.title, a.title);
    QCOMPARE(b.purpose, a.purpose);
    QCOMPARE(b.decision, a.decision);
    QCOMPARE(b.attendees, a.attendees);
    QVERIFY(b.model == a.model);
    QVERIFY(b.workload == a.workload);
    QVERIFY(b.assumptions.thresholds == a.assumptions.thresholds);
    QCOMPARE(b.assumptions.pcieEfficiency, a.assumptions.pcieEfficiency);
    QCOMPARE(b.assumptions.forcedPlacement, a.assumptions.forcedPlacement);
    QCOMPARE(b.assumptions.efficiencyByClass.size(), a.assumptions.efficiencyByClass.size());
    QCOMPARE(b.assumptions.overridden, a.assumptions.overridden);
    // And the estimates agree.
    const auto ea = scenario::estimateAll(a), eb = scenario::estimateAll(b);
    for (std::size_t i = 0; i < ea.size(); ++i)
        QCOMPARE(scenario::estimateToJson(eb[i], b.builds[i], b.assumptions),
                 scenario::estimateToJson(ea[i], a.builds[i], a.assumptions));
}

void TestScenario::everyCatalogueRowRoundTrips() {
    // Each shipped CPU, GPU and model, written as an explicit object, must
    // read back to the same file: the writer and the reader know the same keys.
    const Catalog catalog = db::loadShippedCatalog();
    QVERIFY(!catalog.cpus.empty() && !catalog.gpus.empty() && !catalog.models.empty());
    const auto base = scenario::parseScenario(kMinimal, smallCatalog(), shippedRules());
    QVERIFY(base.ok());
    auto check = [](const scenario::Scenario &s, const std::string &what) -> QString {
        const QByteArray written = scenario::writeScenario(s);
        const auto back = scenario::parseScenario(written, Catalog{}, shippedRules());
        if (!back.ok())
            return QString::fromStdString(what) + u": "_s + back.error.toLine();
        if (scenario::writeScenario(*back.scenario) != written)
            return QString::fromStdString(what) + u": differs after reading back"_s;
        // Parts compared whole: a field neither written nor read is caught too.
        // (Models only by their text: parameter counts are written in billions
        // and can come back one ulp off, e.g. Llama-3.1-8B's 8.03e9.)
        if (!(back.scenario->builds == s.builds))
            return QString::fromStdString(what) + u": a field is lost in the file"_s;
        return QString();
    };
    int checked = 0;
    for (const Cpu &cpu : catalog.cpus) {
        scenario::Scenario s = *base.scenario;
        Build &b = s.builds[0];
        b.cpu = cpu;
        // 16 GB per channel: a DIMM size of every platform.
        const Bytes perChannel = gigabytes(16) * static_cast<double>(cpu.memoryChannels);
        b.memory = {cpu.memoryChannels, cpu.maxMemorySpeed,
                    inGigabytes(cpu.maxMemory) > 0 ? std::min(cpu.maxMemory, perChannel)
                                                   : perChannel};
        if (const Gpu *igpu = scenario::integratedGpuFor(catalog, cpu))
            b.integratedGpu = *igpu;
        if (!checkBuild(b, Catalog{}, shippedRules(), s.assumptions).empty())
            continue; // a catalogue row the platform rules refuse is the catalogue's test
        const QString problem = check(s, cpu.name);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        ++checked;
    }
    for (const Gpu &gpu : catalog.gpus) {
        scenario::Scenario s = *base.scenario;
        s.builds[0].cpu = smallCatalog().cpus[1]; // EPYC: lanes for any GPU
        s.builds[0].memory = {12, megatransfersPerSecond(4800), gigabytes(384)};
        s.builds[0].gpus = {{gpu, 1}};
        if (!checkBuild(s.builds[0], Catalog{}, shippedRules(), s.assumptions).empty())
            continue;
        const QString problem = check(s, gpu.name);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        ++checked;
    }
    for (const Model &model : catalog.models) {
        scenario::Scenario s = *base.scenario;
        s.model.model = model;
        const QString problem = check(s, model.name);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        ++checked;
    }
    qInfo("%d catalogue rows round-tripped", checked);
    QVERIFY(checked > int(catalog.models.size() + catalog.gpus.size()));
}

void TestScenario::writeStamps() {
    auto r = scenario::parseScenario(kMinimal, smallCatalog(), shippedRules());
    QVERIFY(r.ok());
    r.scenario->catalogAsOf = "2026-11-25";
    const QJsonObject o = QJsonDocument::fromJson(scenario::writeScenario(*r.scenario)).object();
    QCOMPARE(o.value(u"format_version"_s).toInt(), scenario::kFormatVersion);
    QCOMPARE(o.value(u"program_version"_s).toString(), QStringLiteral(LLMADVISOR_VERSION));
    QCOMPARE(o.value(u"catalog_as_of"_s).toString(), u"2026-11-25"_s);
    QVERIFY(o.value(u"builds"_s).toArray().at(0).toObject().value(u"cpu"_s).isObject());
}

void TestScenario::estimateJson() {
    const auto r = scenario::parseScenario(kMinimal, smallCatalog(), shippedRules());
    QVERIFY(r.ok());
    const scenario::Scenario &s = *r.scenario;
    const Estimate e = estimate(s.builds[0], s.model, s.workload, s.assumptions);
    const QJsonObject o = scenario::estimateToJson(e, s.builds[0], s.assumptions);
    QCOMPARE(o.value(u"build"_s).toString(), u"desk"_s);
    const QJsonObject bw = o.value(u"bandwidth"_s).toObject();
    QCOMPARE(bw.value(u"ram_gbs"_s).toDouble(), 89.6);         // 2 x 8 B x 5600 MT/s
    QCOMPARE(bw.value(u"cpu_fabric_gbs"_s).toDouble(), 128.0); // 2 CCDs x 32 B x 2.0 GHz
    QCOMPARE(bw.value(u"system_gbs"_s).toDouble(), 89.6);
    QCOMPARE(bw.value(u"gpu_gbs"_s).toDouble(), 0.0);
    QCOMPARE(o.value(u"placement"_s).toString(), u"cpu"_s);
    QVERIFY(o.value(u"fits"_s).toBool());
    QCOMPARE(o.value(u"bottleneck"_s).toString(), u"ram-side"_s);
    const double gen = o.value(u"gen_tok_s"_s).toDouble();
    QVERIFY(gen > 0 && gen < 89.6 / 15.0); // under BW / Q8_0 weights (~15.7 GB)
    QCOMPARE(gen, scenario::roundForOutput(gen));
    const QJsonArray ucs = o.value(u"use_cases"_s).toArray();
    QCOMPARE(ucs.size(), 4);
    for (const QJsonValue &uc : ucs) {
        QVERIFY(!uc.toObject().value(u"why"_s).toString().isEmpty());
        QVERIFY(uc.toObject().value(u"pass"_s).isBool());
    }
}

void TestScenario::rounding_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("digits");
    QTest::addColumn<double>("expected");
    QTest::newRow("tok/s") << 53.7612 << 4 << 53.76;
    QTest::newRow("large") << 5073.4 << 4 << 5073.0;
    QTest::newRow("larger") << 43896.0 << 4 << 43900.0;
    QTest::newRow("small") << 0.0123456 << 4 << 0.01235;
    QTest::newRow("bandwidth") << 1228.8 << 5 << 1228.8;
    QTest::newRow("zero") << 0.0 << 4 << 0.0;
    QTest::newRow("negative") << -2.34567 << 3 << -2.35;
}

void TestScenario::rounding() {
    QFETCH(double, value);
    QFETCH(int, digits);
    QFETCH(double, expected);
    QCOMPARE(scenario::roundForOutput(value, digits), expected);
}

void TestScenario::integratedGpu_data() {
    QTest::addColumn<QString>("cpu");
    QTest::addColumn<QString>("gpu");
    QTest::newRow("Strix Halo PRO")
        << u"AMD Ryzen AI Max+ PRO 395"_s << u"AMD Radeon 8060S (Ryzen AI Max+ 395)"_s;
    QTest::newRow("Strix Halo 385")
        << u"AMD Ryzen AI Max 385"_s << u"AMD Radeon 8050S (Ryzen AI Max 390/385)"_s;
    QTest::newRow("Apple") << u"Apple M4 Max (16-core CPU/40-core GPU)"_s
                           << u"Apple M4 Max (16-core CPU/40-core GPU)"_s;
    QTest::newRow("desktop: none") << u"AMD Ryzen 9 9950X"_s << QString();
}

void TestScenario::integratedGpu() {
    QFETCH(QString, cpu);
    QFETCH(QString, gpu);
    const Catalog catalog = db::loadShippedCatalog();
    const auto found = findCpu(catalog, cpu.toStdString());
    QVERIFY2(found.match, qPrintable(cpu));
    const Gpu *igpu = scenario::integratedGpuFor(catalog, *found.match);
    QCOMPARE(igpu ? QString::fromStdString(igpu->name) : QString(), gpu);
}

void TestScenario::integratedGpuSwitch_data() {
    QTest::addColumn<QByteArray>("igpu");
    QTest::addColumn<bool>("attached");
    QTest::addColumn<QString>("placement");
    QTest::newRow("automatic") << QByteArray() << true << u"unified"_s;
    QTest::newRow("required") << QByteArray(R"(, "integrated_gpu": true)") << true << u"unified"_s;
    QTest::newRow("off") << QByteArray(R"(, "integrated_gpu": false)") << false << u"cpu"_s;
}

void TestScenario::integratedGpuSwitch() {
    QFETCH(QByteArray, igpu);
    QFETCH(bool, attached);
    QFETCH(QString, placement);
    const QByteArray json = R"({ "builds": [ { "cpu": "AMD Ryzen AI Max+ PRO 395",
        "memory": { "channels": 4, "mts": 8000, "capacity_gb": 128 })" +
                            igpu + R"( } ], "model": "Qwen2.5-14B-Instruct" })";
    const auto r = scenario::parseScenario(json, db::loadShippedCatalog(), shippedRules());
    QVERIFY2(r.ok(), qPrintable(r.error.toLine()));
    const scenario::Scenario &s = *r.scenario;
    QCOMPARE(s.builds[0].integratedGpu.has_value(), attached);
    const Estimate e = estimate(s.builds[0], s.model, s.workload, s.assumptions);
    QCOMPARE(QLatin1String(toString(e.placement)), placement);
}

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
