// SPDX-License-Identifier: MIT
// Platform rules as data: the shipped platforms.csv, the derived GPU counts and
// slot widths, and bad rows reported with file, line and column.

#include "catalogue.h"
#include "measurements.h"
#include "platform.h"
#include "validation.h"

#include <QTest>

#include <limits>

using namespace llm;
using namespace llm::units;
using namespace Qt::StringLiterals;

class TstPlatforms final : public QObject {
    Q_OBJECT

private slots:
    void shippedRulesLoad();
    void gpuLimits_data();
    void gpuLimits();
    void twoDimmSpeedCap();
    void badRows_data();
    void badRows();
    void unknownSocketGetsTheCpusLimits();
    void checkBuildNamesTheField();
};

void TstPlatforms::shippedRulesLoad() {
    QString error;
    const PlatformRules rules = db::loadShippedPlatformRules(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(rules.rules.size() >= 10);
    const Catalog catalog = db::loadShippedCatalog();
    int socketed = 0, covered = 0;
    for (const Cpu &cpu : catalog.cpus) {
        if (cpu.family == CpuFamily::Mobile || cpu.unifiedBandwidth || cpu.socket == "SoC")
            continue;
        ++socketed;
        if (const PlatformRule *r = rules.find(cpu); r && r->socket != kAnySocket) {
            ++covered;
            QVERIFY2(r->memoryChannels >= cpu.memoryChannels, cpu.name.c_str());
            QVERIFY(!r->moduleSizes.empty());
            QVERIFY(r->psuLimit.value() > 0);
        }
    }
    // Every socketed CPU of the main platforms has a rule; a few old Xeons may not.
    QVERIFY2(covered >= socketed - 8, qPrintable(u"%1 of %2"_s.arg(covered).arg(socketed)));
}

void TstPlatforms::gpuLimits_data() {
    QTest::addColumn<QString>("cpu");
    QTest::addColumn<int>("maxGpus");
    QTest::addColumn<int>("lanesOne");
    QTest::addColumn<int>("lanesMax");
    // Seed: AM5 one x16 GPU (x8/x8 for two); hardware.md 13: 48 Gen5 lanes fit three x16;
    // WRX90 boards expose 7 x16 slots; SP5 eight x16.
    QTest::newRow("AM5") << u"AMD Ryzen 9 9950X"_s << 2 << 16 << 8;
    QTest::newRow("AM5 APU, 16 lanes") << u"AMD Ryzen 7 8700G"_s << 2 << 16 << 8;
    QTest::newRow("TRX50") << u"AMD Ryzen Threadripper 7970X"_s << 3 << 16 << 16;
    QTest::newRow("WRX90") << u"AMD Ryzen Threadripper PRO 7985WX"_s << 7 << 16 << 16;
    QTest::newRow("SP5") << u"AMD EPYC 9554P"_s << 8 << 16 << 16;
    QTest::newRow("Xeon SP, 80 lanes") << u"Intel Xeon Platinum 8480+"_s << 7 << 16 << 8;
}

void TstPlatforms::gpuLimits() {
    QFETCH(QString, cpu);
    QFETCH(int, maxGpus);
    QFETCH(int, lanesOne);
    QFETCH(int, lanesMax);
    const Catalog catalog = db::loadShippedCatalog();
    const PlatformRules rules = db::loadShippedPlatformRules();
    const auto found = findCpu(catalog, cpu.toStdString());
    QVERIFY(found);
    const PlatformRule *rule = rules.find(*found.match);
    QVERIFY(rule);
    QCOMPARE(llm::maxGpus(*rule, *found.match), maxGpus);
    QCOMPARE(lanesPerGpu(*rule, *found.match, 1), lanesOne);
    QCOMPARE(lanesPerGpu(*rule, *found.match, maxGpus), lanesMax);
    QCOMPARE(lanesPerGpu(*rule, *found.match, maxGpus + 1), 0);
    QCOMPARE(lanesPerGpu(*rule, *found.match, 0), 0);
}

void TstPlatforms::twoDimmSpeedCap() {
    const Catalog catalog = db::loadShippedCatalog();
    const PlatformRules rules = db::loadShippedPlatformRules();
    const auto cpu = findCpu(catalog, "AMD Ryzen 9 9950X");
    QVERIFY(cpu);
    const PlatformRule *rule = rules.find(*cpu.match);
    QVERIFY(rule && rule->dimmsPerChannel == 2);
    const auto one = platformSpeeds(catalog, *rule, *cpu.match, 1);
    const auto two = platformSpeeds(catalog, *rule, *cpu.match, 2);
    QVERIFY(!one.empty() && !two.empty());
    QCOMPARE(inMegatransfersPerSecond(one.back()), 5600.0); // the CPU's rating
    // No catalogue DDR5 speed is as low as the 2-DIMM cap: the cap itself is offered.
    QCOMPARE(two.size(), std::size_t{1});
    QCOMPARE(inMegatransfersPerSecond(two.front()), 3600.0);
}

void TstPlatforms::badRows_data() {
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("mentions");
    const QByteArray header =
        "platform,socket,cpu_memory_channels,memory_channels,dimms_per_channel,max_capacity_gb,"
        "module_sizes_gb,max_mts_2dpc,gpu_pcie_lanes,x16_slots,x8_slots,gpu_min_lanes,psu_watts,"
        "approximate,source,as_of\n";
    QTest::newRow("good") << header + "P,S,0,2,1,128,16;32,,16,1,1,8,1000,,src,2026-01-01\n"
                          << QString();
    QTest::newRow("bad module size")
        << header + "P,S,0,2,1,128,16;big,,16,1,1,8,1000,,src,2026-01-01\n"
        << u"module_sizes_gb"_s;
    QTest::newRow("zero channels") << header + "P,S,0,0,1,128,16,,16,1,1,8,1000,,src,2026-01-01\n"
                                   << u"memory_channels"_s;
    QTest::newRow("negative lanes") << header + "P,S,0,2,1,128,16,,-16,1,1,8,1000,,src,2026-01-01\n"
                                    << u"gpu_pcie_lanes"_s;
    QTest::newRow("no psu") << header + "P,S,0,2,1,128,16,,16,1,1,8,,,src,2026-01-01\n"
                            << u"psu_watts"_s;
    QTest::newRow("no slot width") << header + "P,S,0,2,1,128,16,,16,1,1,,1000,,src,2026-01-01\n"
                                   << u"gpu_min_lanes"_s;
    // The rule for every other socket may leave its limits empty, not its slot width.
    QTest::newRow("any socket") << header + "P,*,0,,,,,,,,,8,,,src,2026-01-01\n" << QString();
    QTest::newRow("any socket without a slot width") << header + "P,*,0,,,,,,,,,,,,src,2026-01-01\n"
                                                     << u"gpu_min_lanes"_s;
    QTest::newRow("missing column") << QByteArray("platform,socket\nP,S\n") << u"platforms.csv"_s;
    QTest::newRow("ragged row") << header + "P,S,0\n" << u"platforms.csv"_s;
}

void TstPlatforms::badRows() {
    QFETCH(QByteArray, csv);
    QFETCH(QString, mentions);
    QString error;
    const PlatformRules rules = db::parsePlatformRules(csv, &error);
    if (mentions.isEmpty()) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rules.rules.size(), std::size_t{1});
        QCOMPARE(rules.rules[0].moduleSizes.size(),
                 std::size_t{rules.rules[0].socket == kAnySocket ? 0u : 2u});
        return;
    }
    QVERIFY(rules.rules.empty());
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

void TstPlatforms::unknownSocketGetsTheCpusLimits() {
    const PlatformRules rules = db::loadShippedPlatformRules();
    Cpu cpu;
    cpu.socket = "Nowhere";
    cpu.pcieLanes = 40;
    const PlatformRule *rule = rules.find(cpu);
    QVERIFY(rule);
    QCOMPARE(rule->socket, std::string(kAnySocket));
    QCOMPARE(llm::maxGpus(*rule, cpu), 5); // 40 lanes at x8
    QCOMPARE(lanesPerGpu(*rule, cpu, 2), 16);
    QCOMPARE(lanesPerGpu(*rule, cpu, 3), 8);
    cpu.pcieLanes = 0; // not known: nothing limits the count
    QCOMPARE(llm::maxGpus(*rule, cpu), std::numeric_limits<int>::max());
    QVERIFY(rule->moduleSizes.empty() && rule->psuLimit.value() == 0);
}

void TstPlatforms::checkBuildNamesTheField() {
    const Catalog catalog = db::loadShippedCatalog();
    const PlatformRules rules = db::loadShippedPlatformRules();
    const Assumptions a = db::shippedAssumptions();
    Build b;
    b.cpu = *findCpu(catalog, "AMD Ryzen 9 9950X").match;
    b.memory = {2, megatransfersPerSecond(5600), gigabytes(512)}; // AM5 takes 256 at most
    Gpu g = *findGpu(catalog, "RTX 5090").match;
    b.gpus = {GpuGroup{g, 4}}; // two slots; 170 + 4 x 575 W and the platform > 2200 W
    QStringList fields;
    for (const Problem &p : checkBuild(b, catalog, rules, a))
        fields << QString::fromStdString(p.field);
    QCOMPARE(fields, (QStringList{u"memory.capacity"_s, u"gpus[0].count"_s, u"power"_s}));
    b.memory.capacity = gigabytes(128);
    b.gpus[0].count = 1;
    QVERIFY(checkBuild(b, catalog, rules, a).empty());
    // A socket without a rule of its own: the CPU's limits (24 lanes, x8 each: 3 GPUs).
    b.cpu.socket = "Nowhere";
    b.gpus[0].count = 3;
    QVERIFY(checkBuild(b, catalog, rules, a).empty());
    b.gpus[0].count = 4;
    QCOMPARE(checkBuild(b, catalog, rules, a).front().field, std::string("gpus[0].count"));
}

QTEST_GUILESS_MAIN(TstPlatforms)
#include "tst_platforms.moc"
