// SPDX-License-Identifier: MIT
// Run once against the old code (validateBuild for the editor, checkPlatform and the
// sweep's enumeration for the recommender) to record where the two disagree.
// Replaced by tst_feasibility.cpp in the next commit.

#include "catalogue.h"
#include "cost.h"
#include "platform.h"
#include "recommend.h"
#include "validation.h"

#include <QTest>

#include <map>
#include <random>

using namespace llm;
using namespace llm::units;

class TstFeasibilityOld final : public QObject {
    Q_OBJECT
private slots:
    void presetsAndSweep();
};

namespace {

// The recommender's verdict under the old code: the sweep's enumeration (populations
// from the platform's module sizes and speeds, GPU form factors) plus checkPlatform.
std::string recommenderWhy(const Catalog &c, const PlatformRules &rules, const Assumptions &a,
                           const Build &b) {
    const PlatformRule *rule = rules.find(b.cpu);
    if (!rule)
        return "no platform rule";
    bool populationKnown = false;
    for (int dpc = 1; dpc <= rule->dimmsPerChannel; ++dpc)
        for (const TransferRate &s : platformSpeeds(c, *rule, b.cpu, dpc))
            for (const Bytes &m : rule->moduleSizes)
                if (std::abs(inMegatransfersPerSecond(s) -
                             inMegatransfersPerSecond(b.memory.speed)) < 0.5 &&
                    std::abs(inGigabytes(static_cast<double>(b.memory.channels * dpc) * m) -
                             inGigabytes(b.memory.capacity)) < 1e-6 &&
                    b.memory.channels <= std::min(rule->memoryChannels, b.cpu.memoryChannels))
                    populationKnown = true;
    if (!populationKnown)
        return "memory population not in the sweep";
    for (const GpuGroup &g : b.gpus)
        if (!takesGpu(*rule, g.gpu))
            return "GPU form factor";
    const auto p = checkPlatform(rules, b, costOf(b, tokensPerSecond(0), a).powerAtLoad);
    return p.empty() ? std::string() : p.front().field + ": " + p.front().message;
}

} // namespace

void TstFeasibilityOld::presetsAndSweep() {
    QString error;
    const Catalog catalog = db::loadShippedCatalog(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const PlatformRules rules = db::loadShippedPlatformRules(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const Assumptions a;
    int mismatches = 0;
    const auto compare = [&](const Build &b, const char *what) {
        const auto editor = validateBuild(b);
        const std::string rec = recommenderWhy(catalog, rules, a, b);
        if (editor.empty() != rec.empty()) {
            ++mismatches;
            qInfo("%s \"%s\": editor %s, recommender %s", what, b.name.c_str(),
                  editor.empty() ? "accepts" : ("refuses (" + editor.front().message + ")").c_str(),
                  rec.empty() ? "accepts" : ("refuses (" + rec + ")").c_str());
        }
    };
    for (const Preset &p : catalog.presets) {
        Build b;
        b.name = p.name;
        b.cpu = *findCpu(catalog, p.cpuName).match;
        b.memory = p.memory;
        for (const PresetGpu &g : p.gpus)
            if (g.count > 0)
                b.gpus.push_back({*findGpu(catalog, g.gpuName).match, g.count});
        compare(b, "preset");
    }
    const int presetMismatches = mismatches;

    // The sweep's candidates: CPU x memory population x GPU option x count, as recommend()
    // enumerates them (sold-new filter off), with the sweep's own limits as its verdict.
    std::vector<BuildKey> keys;
    for (std::size_t ci = 0; ci < catalog.cpus.size(); ++ci) {
        const Cpu &cpu = catalog.cpus[ci];
        const PlatformRule *rule = rules.find(cpu);
        if (pricedAsSystem(cpu) || !rule || rule->moduleSizes.empty())
            continue;
        const int channels = std::min(rule->memoryChannels, std::max(1, cpu.memoryChannels));
        for (int dpc = 1; dpc <= rule->dimmsPerChannel; ++dpc)
            for (const TransferRate &s : platformSpeeds(catalog, *rule, cpu, dpc))
                for (int ch = channels; ch >= 1; --ch)
                    for (const Bytes &m : rule->moduleSizes)
                        for (int gi = -1; gi < static_cast<int>(catalog.gpus.size()); ++gi) {
                            if (gi >= 0 && (catalog.gpus[static_cast<std::size_t>(gi)].integrated ||
                                            catalog.gpus[static_cast<std::size_t>(gi)].vram.value() <= 0))
                                continue;
                            for (int n = gi < 0 ? 0 : 1; n <= (gi < 0 ? 0 : 8); ++n)
                                keys.push_back(BuildKey{static_cast<int>(ci), ch, dpc, m, s, gi, n,
                                                        lanesPerGpu(*rule, cpu, n)});
                        }
    }
    std::mt19937 rng(16);
    std::shuffle(keys.begin(), keys.end(), rng);
    keys.resize(std::min<std::size_t>(keys.size(), 2000));
    int refusedBySweep = 0;
    std::map<std::string, int> kinds;
    for (const BuildKey &k : keys) {
        Build b = buildFromKey(catalog, k);
        const PlatformRule *rule = rules.find(b.cpu);
        // The sweep's own limits (recommend.cpp): capacity, form factor, count, PSU.
        std::string sweep;
        if (b.memory.capacity > capacityLimit(*rule, b.cpu) * (1 + 1e-9))
            sweep = "capacity";
        else if (k.gpu >= 0 && !takesGpu(*rule, b.gpus[0].gpu))
            sweep = "form factor";
        else if (k.gpuCount > maxGpus(*rule, b.cpu))
            sweep = "lanes";
        else if (costOf(b, tokensPerSecond(0), a).powerAtLoad > rule->psuLimit)
            sweep = "PSU";
        refusedBySweep += !sweep.empty();
        const auto editor = validateBuild(b);
        if (editor.empty() != sweep.empty()) {
            ++mismatches;
            ++kinds[editor.empty() ? "editor accepts, sweep refuses: " + sweep
                                   : "editor refuses (" + editor.front().field +
                                         "), sweep accepts"];
            if (mismatches - presetMismatches <= 25)
                qInfo("sweep \"%s\": editor %s, sweep %s", b.name.c_str(),
                      editor.empty() ? "accepts"
                                     : ("refuses (" + editor.front().message + ")").c_str(),
                      sweep.empty() ? "accepts" : ("refuses (" + sweep + ")").c_str());
        }
    }
    qInfo("%zu presets: %d mismatches; %zu sweep candidates (%d refused by the sweep): %d "
          "mismatches",
          catalog.presets.size(), presetMismatches, keys.size(), refusedBySweep,
          mismatches - presetMismatches);
    for (const auto &[kind, n] : kinds)
        qInfo("  %5d x %s", n, kind.c_str());
    QCOMPARE(mismatches, 0);
}

QTEST_GUILESS_MAIN(TstFeasibilityOld)
#include "tst_feasibility_old.moc"
