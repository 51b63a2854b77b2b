// SPDX-License-Identifier: MIT
// The seed's bandwidth formulas and its worked examples, corrected per
// shared/data/hardware.md (GMI-Wide links, APUs without a fabric term).

#include "bandwidth.h"
#include "fixtures.h"

#include <QTest>

using namespace llm;
using namespace llm::units;

class TestBandwidth final : public QObject {
    Q_OBJECT
private slots:
    void systemBandwidth_data();
    void systemBandwidth();
    void pcie_data();
    void pcie();
    void degenerate();
};

void TestBandwidth::systemBandwidth_data() {
    QTest::addColumn<int>("ccds");
    QTest::addColumn<int>("links");
    QTest::addColumn<double>("fclkGhz");
    QTest::addColumn<int>("channels");
    QTest::addColumn<double>("mts");
    QTest::addColumn<double>("unifiedGbs"); // 0 = none
    QTest::addColumn<double>("ramGbs");
    QTest::addColumn<double>("cpuGbs");
    QTest::addColumn<double>("systemGbs");

    // Seed: min(2 x 8 x 5.2, 1 x 32 x 1.8) = min(83.2, 57.6)
    QTest::newRow("Ryzen 5 7400F") << 1 << 1 << 1.8 << 2 << 5200.0 << 0.0 << 83.2 << 57.6 << 57.6;
    // Seed: min(12 x 8 x 5.6, 16 x 32 x 2.0) = min(537.6, 1024)
    QTest::newRow("EPYC 9755 (seed)")
        << 16 << 1 << 2.0 << 12 << 5600.0 << 0.0 << 537.6 << 1024.0 << 537.6;
    // hardware.md: EPYC 9005 is rated DDR5-6000, 576 GB/s.
    QTest::newRow("EPYC 9755 DDR5-6000")
        << 16 << 1 << 2.0 << 12 << 6000.0 << 0.0 << 576.0 << 1024.0 << 576.0;
    // Seed: 9 CCD x 32 x 2.0 = 576 = 12 ch x 8 x 6.0
    QTest::newRow("9 CCD balance")
        << 9 << 1 << 2.0 << 12 << 6000.0 << 0.0 << 576.0 << 576.0 << 576.0;
    QTest::newRow("AM5 DDR5-5600 2 ch")
        << 2 << 1 << 2.0 << 2 << 5600.0 << 0.0 << 89.6 << 128.0 << 89.6;
    QTest::newRow("TR 7970X 4 ch DDR5-5200")
        << 4 << 1 << 1.8 << 4 << 5200.0 << 0.0 << 166.4 << 230.4 << 166.4;
    // 8 CCD x 32 x 1.8 = 460.8 = 12 x 8 x 4.8
    QTest::newRow("EPYC 9554P") << 8 << 1 << 1.8 << 12 << 4800.0 << 0.0 << 460.8 << 460.8 << 460.8;
    // GMI-Wide (EPYC 9355P): 8 CCD x 64 x 2.0 = 1024, RAM side limits.
    QTest::newRow("GMI-Wide 8 CCD")
        << 8 << 2 << 2.0 << 12 << 6000.0 << 0.0 << 576.0 << 1024.0 << 576.0;
    // The same part without the GMI-Wide correction would be fabric-bound at 512.
    QTest::newRow("8 CCD narrow") << 8 << 1 << 2.0 << 12 << 6000.0 << 0.0 << 576.0 << 512.0
                                  << 512.0;
    // Monolithic APU: no fabric term at all (not a zero cap).
    QTest::newRow("APU ccds=0") << 0 << 1 << 2.0 << 2 << 5200.0 << 0.0 << 83.2 << 0.0 << 83.2;
    // Strix Halo: the memory side is the published 256 GB/s (what its iGPU reads),
    // but the CPU cores sit behind two CCD links: 2 x 32 x 2.0 = 128.
    QTest::newRow("Strix Halo unified")
        << 2 << 1 << 2.0 << 4 << 8000.0 << 256.0 << 256.0 << 128.0 << 128.0;
    // Apple M4 Max: 8 x 64-bit LPDDR5X-8533 = 546.1; Apple publishes 546.
    QTest::newRow("Apple unified")
        << 0 << 1 << 0.0 << 8 << 8533.0 << 546.0 << 546.112 << 0.0 << 546.0;
    QTest::newRow("zero channels") << 1 << 1 << 1.8 << 0 << 5200.0 << 0.0 << 0.0 << 57.6 << 0.0;
}

void TestBandwidth::systemBandwidth() {
    QFETCH(int, ccds);
    QFETCH(int, links);
    QFETCH(double, fclkGhz);
    QFETCH(int, channels);
    QFETCH(double, mts);
    QFETCH(double, unifiedGbs);
    QFETCH(double, ramGbs);
    QFETCH(double, cpuGbs);
    QFETCH(double, systemGbs);

    Cpu cpu;
    cpu.ccds = ccds;
    cpu.fabricLinksPerCcd = links;
    cpu.fabricClock = gigahertz(fclkGhz);
    if (unifiedGbs > 0)
        cpu.unifiedBandwidth = gigabytesPerSecond(unifiedGbs);
    const MemoryConfig mem{channels, megatransfersPerSecond(mts), gigabytes(64)};

    QCOMPARE(inGigabytesPerSecond(ramSideBandwidth(channels, mem.speed)), ramGbs);
    QCOMPARE(inGigabytesPerSecond(cpuSideBandwidth(cpu)), cpuGbs);
    QCOMPARE(inGigabytesPerSecond(llm::systemBandwidth(cpu, mem)), systemGbs);
    // The memory side leaves the CCD links out: an integrated GPU reads at it.
    const double memoryGbs = unifiedGbs > 0 ? std::min(ramGbs, unifiedGbs) : ramGbs;
    QCOMPARE(inGigabytesPerSecond(memorySideBandwidth(cpu, mem)), memoryGbs);
}

void TestBandwidth::pcie_data() {
    QTest::addColumn<int>("gen");
    QTest::addColumn<int>("lanes");
    QTest::addColumn<double>("gbs");
    QTest::newRow("gen3 x16") << 3 << 16 << 15.76;
    QTest::newRow("gen4 x16") << 4 << 16 << 31.52;
    QTest::newRow("gen4 x8") << 4 << 8 << 15.76;
    QTest::newRow("gen5 x16") << 5 << 16 << 63.04;
    QTest::newRow("gen0") << 0 << 16 << 0.0;
    QTest::newRow("no lanes") << 4 << 0 << 0.0;
    QTest::newRow("negative lanes") << 4 << -4 << 0.0;
}

void TestBandwidth::pcie() {
    QFETCH(int, gen);
    QFETCH(int, lanes);
    QFETCH(double, gbs);
    QCOMPARE(inGigabytesPerSecond(pcieBandwidth(gen, lanes)), gbs);
}

void TestBandwidth::degenerate() {
    // NaN and negative inputs give zero bandwidth, never NaN.
    Cpu cpu;
    cpu.ccds = 4;
    cpu.fabricClock = gigahertz(std::numeric_limits<double>::quiet_NaN());
    const MemoryConfig mem{-2, megatransfersPerSecond(-5600), gigabytes(0)};
    QCOMPARE(inGigabytesPerSecond(cpuSideBandwidth(cpu)), 0.0);
    QCOMPARE(inGigabytesPerSecond(llm::systemBandwidth(cpu, mem)), 0.0);
    QCOMPARE(inGigabytesPerSecond(ramSideBandwidth(
                 2, megatransfersPerSecond(std::numeric_limits<double>::infinity()))),
             0.0);
}

QTEST_GUILESS_MAIN(TestBandwidth)
#include "tst_bandwidth.moc"
