// SPDX-License-Identifier: MIT
// Catalogue look-up by name: exact, short forms, ambiguous and unknown names,
// and the memory speeds a CPU supports.

#include "catalog.h"
#include "fixtures.h"

#include <QTest>

using namespace llm;
using namespace llm::units;

namespace {

Catalog catalog() {
    Catalog c;
    for (const char *name : {"AMD Ryzen 9 9950X", "AMD Ryzen 9 9950X3D", "AMD Ryzen 9 9900X",
                             "AMD EPYC 9554P", "AMD EPYC 9554"}) {
        Cpu cpu;
        cpu.name = name;
        c.cpus.push_back(cpu);
    }
    for (const char *name :
         {"NVIDIA GeForce RTX 5090", "NVIDIA GeForce RTX 4090", "NVIDIA RTX PRO 6000 Blackwell"}) {
        Gpu g;
        g.name = name;
        c.gpus.push_back(g);
    }
    for (const char *name :
         {"Qwen2.5-14B-Instruct", "Qwen2.5-32B-Instruct", "Llama-3.1-8B-Instruct"}) {
        Model m;
        m.name = name;
        c.models.push_back(m);
    }
    c.quants = {{"Q4_K_M", 4.8944}, {"Q4_K_S", 4.58}, {"Q8_0", 8.5008}};
    c.useCases = seedUseCases();
    c.presets = {{"Desktop AM5", "AMD Ryzen 9 9950X", {}, {}, ""},
                 {"Workstation TR", "AMD Ryzen Threadripper 7970X", {}, {}, ""}};
    for (double mts : {4800.0, 5200.0, 5600.0, 6000.0, 6400.0, 5600.0})
        c.memorySpeeds.push_back({"DDR5", megatransfersPerSecond(mts)});
    c.memorySpeeds.push_back({"DDR4", megatransfersPerSecond(3200)});
    c.memorySpeeds.push_back({"LPDDR5X", megatransfersPerSecond(8000)});
    return c;
}

template <class T> QString matchName(const Lookup<T> &r, std::string T::*field) {
    return r ? QString::fromStdString(r.match->*field) : QString();
}

} // namespace

class TestCatalog final : public QObject {
    Q_OBJECT
private slots:
    void lookup_data();
    void lookup();
    void supportedSpeeds_data();
    void supportedSpeeds();
    void valueTypesCompareEveryMember();
};

void TestCatalog::lookup_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("match"); // empty: no match expected
    QTest::addColumn<bool>("ambiguous");
    QTest::addColumn<int>("candidates"); // -1: not checked
    QTest::addColumn<QString>("firstCandidate");

    QTest::newRow("cpu exact") << u"cpu"_qs << u"AMD Ryzen 9 9950X"_qs << u"AMD Ryzen 9 9950X"_qs
                               << false << 0 << QString();
    QTest::newRow("cpu exact, case") << u"cpu"_qs << u"amd ryzen 9 9950x3d"_qs
                                     << u"AMD Ryzen 9 9950X3D"_qs << false << 0 << QString();
    QTest::newRow("cpu 9950X is not the X3D")
        << u"cpu"_qs << u"9950X"_qs << u"AMD Ryzen 9 9950X"_qs << false << 0 << QString();
    QTest::newRow("cpu short") << u"cpu"_qs << u"Ryzen 9 9950X"_qs << u"AMD Ryzen 9 9950X"_qs
                               << false << 0 << QString();
    QTest::newRow("cpu 9554 is not the 9554P")
        << u"cpu"_qs << u"EPYC 9554"_qs << u"AMD EPYC 9554"_qs << false << 0 << QString();
    QTest::newRow("cpu ambiguous")
        << u"cpu"_qs << u"Ryzen 9"_qs << QString() << true << 3 << u"AMD Ryzen 9 9950X"_qs;
    QTest::newRow("cpu unknown") << u"cpu"_qs << u"Ryzen 9 9950"_qs << QString() << false << 5
                                 << QString();
    QTest::newRow("gpu short") << u"gpu"_qs << u"RTX 5090"_qs << u"NVIDIA GeForce RTX 5090"_qs
                               << false << 0 << QString();
    QTest::newRow("gpu hyphens") << u"gpu"_qs << u"rtx-5090"_qs << u"NVIDIA GeForce RTX 5090"_qs
                                 << false << 0 << QString();
    QTest::newRow("gpu ambiguous") << u"gpu"_qs << u"RTX"_qs << QString() << true << 3 << QString();
    QTest::newRow("gpu unknown, closest first")
        << u"gpu"_qs << u"RTX 5080"_qs << QString() << false << 3 << u"NVIDIA GeForce RTX 5090"_qs;
    QTest::newRow("gpu unknown, 100k-character name")
        << u"gpu"_qs << QString(u"RTX 5080 "_qs + QString(100000, u'y')) << QString() << false << 3
        << u"NVIDIA GeForce RTX 5090"_qs;
    QTest::newRow("model short") << u"model"_qs << u"Qwen2.5 14B"_qs << u"Qwen2.5-14B-Instruct"_qs
                                 << false << 0 << QString();
    QTest::newRow("model separators") << u"model"_qs << u"qwen2.5_14b_instruct"_qs
                                      << u"Qwen2.5-14B-Instruct"_qs << false << 0 << QString();
    QTest::newRow("model ambiguous")
        << u"model"_qs << u"Qwen2.5"_qs << QString() << true << 2 << QString();
    QTest::newRow("model unknown")
        << u"model"_qs << u"Mistral 7B"_qs << QString() << false << 3 << QString();
    QTest::newRow("quant exact") << u"quant"_qs << u"q4_k_m"_qs << u"Q4_K_M"_qs << false << 0
                                 << QString();
    QTest::newRow("quant ambiguous")
        << u"quant"_qs << u"Q4_K"_qs << QString() << true << 2 << QString();
    QTest::newRow("use case") << u"usecase"_qs << u"uc2"_qs << u"UC2"_qs << false << 0 << QString();
    QTest::newRow("preset") << u"preset"_qs << u"desktop am5"_qs << u"Desktop AM5"_qs << false << 0
                            << QString();
    QTest::newRow("empty query") << u"cpu"_qs << QString() << QString() << false << 0 << QString();
    QTest::newRow("only separators")
        << u"gpu"_qs << u" - _ "_qs << QString() << false << 0 << QString();
}

void TestCatalog::lookup() {
    QFETCH(QString, kind);
    QFETCH(QString, query);
    QFETCH(QString, match);
    QFETCH(bool, ambiguous);
    QFETCH(int, candidates);
    QFETCH(QString, firstCandidate);

    const Catalog c = catalog();
    const std::string q = query.toStdString();
    QString got;
    bool amb = false;
    std::vector<std::string> cands;
    auto take = [&](const auto &r, const auto &name) {
        got = r ? name(*r.match) : QString();
        amb = r.ambiguous;
        cands = r.candidates;
    };
    if (kind == u"cpu")
        take(findCpu(c, q), [](const Cpu &x) { return QString::fromStdString(x.name); });
    else if (kind == u"gpu")
        take(findGpu(c, q), [](const Gpu &x) { return QString::fromStdString(x.name); });
    else if (kind == u"model")
        take(findModel(c, q), [](const Model &x) { return QString::fromStdString(x.name); });
    else if (kind == u"quant")
        take(findQuant(c, q), [](const Quantization &x) { return QString::fromStdString(x.name); });
    else if (kind == u"usecase")
        take(findUseCase(c, q), [](const UseCase &x) { return QString::fromStdString(x.id); });
    else
        take(findPreset(c, q), [](const Preset &x) { return QString::fromStdString(x.name); });

    QCOMPARE(got, match);
    QCOMPARE(amb, ambiguous);
    if (candidates >= 0)
        QCOMPARE(int(cands.size()), candidates);
    if (!firstCandidate.isEmpty()) {
        QVERIFY(!cands.empty());
        QCOMPARE(QString::fromStdString(cands.front()), firstCandidate);
    }
}

void TestCatalog::supportedSpeeds_data() {
    QTest::addColumn<QString>("memoryType");
    QTest::addColumn<double>("rated");
    QTest::addColumn<QString>("expected");
    QTest::newRow("AM5 Zen 5 DDR5-5600") << u"DDR5"_qs << 5600.0 << u"4800 5200 5600"_qs;
    QTest::newRow("server RDIMM 6000") << u"DDR5 RDIMM"_qs << 6000.0 << u"4800 5200 5600 6000"_qs;
    QTest::newRow("no rating: all of the standard")
        << u"DDR5"_qs << 0.0 << u"4800 5200 5600 6000 6400"_qs;
    QTest::newRow("LPDDR5X") << u"lpddr5x"_qs << 8000.0 << u"8000"_qs;
    QTest::newRow("rated below every grade") << u"DDR4"_qs << 2666.0 << QString();
    QTest::newRow("unknown standard") << u"HBM3"_qs << 6400.0 << QString();
}

void TestCatalog::supportedSpeeds() {
    QFETCH(QString, memoryType);
    QFETCH(double, rated);
    QFETCH(QString, expected);
    Cpu cpu;
    cpu.memoryType = memoryType.toStdString();
    cpu.maxMemorySpeed = megatransfersPerSecond(rated);
    QStringList got;
    for (TransferRate s : llm::supportedSpeeds(catalog(), cpu))
        got << QString::number(inMegatransfersPerSecond(s));
    QCOMPARE(got.join(u' '), expected);
}

// Defaulted operator== compares every member: copies are equal, and changing any
// one member (quantities, optionals, nested values, the fields the former
// hand-written lists skipped) makes them differ.
void TestCatalog::valueTypesCompareEveryMember() {
    Build build;
    build.name = "Box";
    build.cpu = fixtures::ryzen7400f();
    build.memory = fixtures::dualDdr5(5600, 64);
    build.gpus = {{fixtures::gpu("RTX 4090", 24, 1008, 165), 2}};
    build.integratedGpu = fixtures::gpu("Radeon 780M", 0, 90, 8);
    QVERIFY(build == Build(build));

    const auto differs = [&](auto change) {
        Build changed = build;
        change(changed);
        return !(changed == build) && changed != build;
    };
    QVERIFY(differs([](Build &b) { b.cpu.tdp = watts(66); }));                  // a quantity
    QVERIFY(differs([](Build &b) { b.cpu.baseClock = gigahertz(3.7000001); })); // the last bit
    QVERIFY(differs([](Build &b) { b.cpu.unifiedBandwidth = gigabytesPerSecond(100); }));
    QVERIFY(differs([](Build &b) { b.cpu.priceUsd.reset(); }));
    QVERIFY(differs([](Build &b) { b.cpu.approximateFields.push_back("tdp"); }));
    QVERIFY(differs([](Build &b) { b.cpu.origin = DataOrigin::UserRow; }));
    QVERIFY(differs([](Build &b) { b.memory.capacity = gigabytes(96); }));
    QVERIFY(differs([](Build &b) { b.gpus[0].count = 1; }));
    QVERIFY(differs([](Build &b) { b.gpus[0].gpu.architecture = "ada (AD102)"; }));
    QVERIFY(differs([](Build &b) { b.gpus[0].gpu.formFactor = "pcie"; }));
    QVERIFY(differs([](Build &b) { b.integratedGpu->bandwidth = gigabytesPerSecond(120); }));
    QVERIFY(differs([](Build &b) { b.integratedGpu.reset(); }));
    // The two fields the UI's sameBuild() used to skip:
    QVERIFY(differs([](Build &b) { b.platformPriceUsd = 500.0; }));
    QVERIFY(differs([](Build &b) { b.unifiedGpuMemoryShare = 0.5; }));
    QVERIFY(differs([](Build &b) { b.multiGpuMode = MultiGpuMode::TensorParallel; }));
    QVERIFY(differs([](Build &b) { b.notes = "quote 12/01"; }));

    ModelChoice model = fixtures::dense10GB();
    model.model.attention = AttentionKind::Mla;
    model.model.kvLoraRank = 512;
    model.model.qkRopeHeadDim = 64;
    QVERIFY(model == ModelChoice(model));
    ModelChoice changed = model;
    changed.model.qkRopeHeadDim = 32; // an MLA head field the db test used to skip
    QVERIFY(changed != model);
    changed = model;
    changed.fileSize = gigabytes(10);
    QVERIFY(changed != model);

    Catalog a = catalog(), b = catalog();
    QVERIFY(a == b);
    b.presets[1].gpus.push_back({"NVIDIA GeForce RTX 5090", 1});
    QVERIFY(a != b);
    b = a;
    b.useCases[2].description += ".";
    QVERIFY(a != b);
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
