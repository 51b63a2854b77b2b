// SPDX-License-Identifier: MIT
// One set of rules: a build the build editor accepts is one the recommender's
// rules accept, and the other way round. The editor's verdict is
// ComparisonDocument::updateBuild (what the window does with a change); the
// recommender's is its own sweep filter (forEachSweepCandidate, the code
// recommend() runs). Checked over every catalogue preset, a fixed sample of the
// sweep's candidates (accepted and refused), and a fixed sample of builds put
// together from the editor's own lists.

#include "catalogue.h"
#include "comparison/comparisondocument.h"
#include "measurements.h"
#include "platform.h"
#include "recommend.h"
#include "validation.h"
#include "windowdata.h"

#include <QTest>

#include <map>
#include <random>
#include <tuple>

using namespace llm;
using namespace llm::units;
using llm::ui::ComparisonDocument;

namespace {

// A build as both sides see it: CPU, memory population, one GPU group.
using Shape = std::tuple<int, int, long long, long long, int, int>;

Shape shapeOf(const BuildKey &k) {
    const double capacity = k.channels * k.dimmsPerChannel * inGigabytes(k.moduleSize);
    return {k.cpu,
            k.channels,
            std::llround(capacity * 1000),
            std::llround(inMegatransfersPerSecond(k.speed)),
            k.gpu,
            k.gpuCount};
}

const char *toString(SweepRefusal r) {
    switch (r) {
    case SweepRefusal::None:
        return "accepted";
    case SweepRefusal::Capacity:
        return "capacity";
    case SweepRefusal::Slot:
        return "slot (form factor)";
    case SweepRefusal::Count:
        return "slots/lanes";
    case SweepRefusal::Power:
        return "PSU";
    }
    return "?";
}

} // namespace

class TstFeasibility final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyPreset();
    void sampleOfTheSweep();
    void sampleOfTheEditor();
    void messagesNameTheLimit();

private:
    // The editor's verdict: empty = accepted, else its reason.
    QString editorRefusal(const Build &build);
    int cpuIndex(const std::string &name) const;
    int gpuIndex(const std::string &name) const;

    Catalog m_catalog;
    PlatformRules m_rules;
    Assumptions m_assumptions;
    std::unique_ptr<ComparisonDocument> m_document;
};

void TstFeasibility::initTestCase() {
    QString error;
    m_catalog = db::loadShippedCatalog(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_rules = db::loadShippedPlatformRules(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_assumptions = db::shippedAssumptions();
    db::ReferenceData data = testsupport::windowData(m_catalog, m_assumptions);
    QVERIFY(!data.rules.rules.empty());
    m_document = std::make_unique<ComparisonDocument>(std::move(data));
    ui::ComparisonState state = ui::defaultState(m_catalog, m_assumptions);
    state.builds = {ui::emptyBuild(m_catalog, "probe")};
    state.assumptions = m_assumptions;
    m_document->reset(state);
}

QString TstFeasibility::editorRefusal(const Build &build) {
    QString reason;
    if (m_document->updateBuild(0, build, QStringLiteral("probe"), 0, &reason)) {
        m_document->undoStack()->clear();
        return {};
    }
    return reason.isEmpty() ? QStringLiteral("refused") : reason;
}

int TstFeasibility::cpuIndex(const std::string &name) const {
    for (std::size_t i = 0; i < m_catalog.cpus.size(); ++i)
        if (m_catalog.cpus[i].name == name)
            return static_cast<int>(i);
    return -1;
}

int TstFeasibility::gpuIndex(const std::string &name) const {
    for (std::size_t i = 0; i < m_catalog.gpus.size(); ++i)
        if (m_catalog.gpus[i].name == name)
            return static_cast<int>(i);
    return -1;
}

void TstFeasibility::everyPreset() {
    QVERIFY(!m_catalog.presets.empty());
    // Each preset as the sweep would spell it; found among the sweep's candidates.
    std::map<Shape, std::size_t> wanted;
    std::vector<Build> builds(m_catalog.presets.size());
    for (std::size_t i = 0; i < m_catalog.presets.size(); ++i) {
        const Preset &p = m_catalog.presets[i];
        QVERIFY2(ui::buildFromPreset(m_catalog, p, builds[i]), p.name.c_str());
        const Build &b = builds[i];
        QVERIFY(b.gpus.size() <= 1);
        const int gpu = b.gpus.empty() ? -1 : gpuIndex(b.gpus[0].gpu.name);
        wanted[{cpuIndex(b.cpu.name), b.memory.channels,
                std::llround(inGigabytes(b.memory.capacity) * 1000),
                std::llround(inMegatransfersPerSecond(b.memory.speed)), gpu,
                b.gpus.empty() ? 0 : b.gpus[0].count}] = i;
    }
    std::vector<int> sweep(builds.size(), -1); // -1 not a candidate, 0 refused, 1 accepted
    forEachSweepCandidate(
        m_catalog, m_rules, m_assumptions, 8, [&](const BuildKey &k, SweepRefusal why) {
            const auto it = wanted.find(shapeOf(k));
            if (it != wanted.end())
                sweep[it->second] = std::max(sweep[it->second], why == SweepRefusal::None ? 1 : 0);
        });
    int compared = 0;
    for (std::size_t i = 0; i < builds.size(); ++i) {
        const Build &b = builds[i];
        const QString editor = editorRefusal(b);
        // A shipped preset must open in the window.
        QVERIFY2(editor.isEmpty(), qPrintable(QString::fromStdString(b.name) + u": "_qs + editor));
        if (sweep[i] < 0) {
            // Only whole systems (soldered memory, priced as one) are outside the sweep:
            // there is nothing to choose in them.
            QVERIFY2(pricedAsSystem(b.cpu), b.name.c_str());
            qInfo("%s: not a sweep candidate (priced as a whole system); editor accepts",
                  b.name.c_str());
            continue;
        }
        ++compared;
        QVERIFY2(sweep[i] == 1,
                 qPrintable(QString::fromStdString(b.name) +
                            u": the editor accepts it, the recommender's sweep refuses it"_qs));
    }
    qInfo("%d of %zu presets are sweep candidates; every one agrees", compared, builds.size());
    QVERIFY(compared >= static_cast<int>(builds.size()) - 1);
}

void TstFeasibility::sampleOfTheSweep() {
    // Reservoir samples with a fixed seed: 700 candidates the sweep accepts and 700 it
    // refuses, from all it enumerates (every part, also those no longer sold new).
    constexpr std::size_t kEach = 700;
    std::mt19937_64 rng(16);
    std::vector<BuildKey> accepted, refused;
    std::vector<SweepRefusal> refusedWhy;
    std::uint64_t seenAccepted = 0, seenRefused = 0;
    std::map<SweepRefusal, std::uint64_t> kinds;
    forEachSweepCandidate(m_catalog, m_rules, m_assumptions, 8,
                          [&](const BuildKey &k, SweepRefusal why) {
                              ++kinds[why];
                              const bool ok = why == SweepRefusal::None;
                              std::vector<BuildKey> &pool = ok ? accepted : refused;
                              std::uint64_t &seen = ok ? seenAccepted : seenRefused;
                              ++seen;
                              if (pool.size() < kEach) {
                                  pool.push_back(k);
                                  if (!ok)
                                      refusedWhy.push_back(why);
                              } else if (const std::uint64_t j = rng() % seen; j < kEach) {
                                  pool[j] = k;
                                  if (!ok)
                                      refusedWhy[j] = why;
                              }
                          });
    for (const auto &[why, n] : kinds)
        qInfo("sweep candidates %s: %llu", toString(why), static_cast<unsigned long long>(n));
    QCOMPARE(accepted.size(), kEach);
    QCOMPARE(refused.size(), kEach);

    int mismatches = 0;
    std::map<std::string, int> byKind;
    const auto compare = [&](const BuildKey &k, SweepRefusal why) {
        const Build b = buildFromKey(m_catalog, k);
        const QString editor = editorRefusal(b);
        ++byKind[std::string(toString(why)) +
                 (editor.isEmpty() ? ", editor accepts" : ", editor refuses")];
        if (editor.isEmpty() != (why == SweepRefusal::None)) {
            if (++mismatches <= 20)
                qWarning("%s: sweep %s, editor %s", b.name.c_str(), toString(why),
                         editor.isEmpty() ? "accepts" : qPrintable(u"refuses: "_qs + editor));
        }
    };
    for (const BuildKey &k : accepted)
        compare(k, SweepRefusal::None);
    for (std::size_t i = 0; i < refused.size(); ++i)
        compare(refused[i], refusedWhy[i]);
    for (const auto &[kind, n] : byKind)
        qInfo("  %4d x sweep %s", n, kind.c_str());
    QCOMPARE(mismatches, 0);
}

void TstFeasibility::sampleOfTheEditor() {
    // Builds put together from what the editor offers for a CPU the sweep covers (its
    // channels, its speed list, its capacities per channel, any card, 1-8 of them):
    // the editor's verdict against whether the sweep has the same build and accepts it.
    std::vector<int> swept;
    forEachSweepCandidate(m_catalog, m_rules, m_assumptions, 0,
                          [&](const BuildKey &k, SweepRefusal) {
                              if (swept.empty() || swept.back() != k.cpu)
                                  swept.push_back(k.cpu);
                          });
    std::sort(swept.begin(), swept.end());
    swept.erase(std::unique(swept.begin(), swept.end()), swept.end());
    QVERIFY(swept.size() > 20);
    std::vector<int> cards;
    for (std::size_t i = 0; i < m_catalog.gpus.size(); ++i)
        if (!m_catalog.gpus[i].integrated)
            cards.push_back(static_cast<int>(i)); // the editor's GPU list
    std::mt19937_64 rng(17);
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    constexpr int kBuilds = 600;
    std::map<Shape, std::size_t> wanted;
    std::vector<Build> builds;
    while (builds.size() < kBuilds) {
        const int ci = swept[pick(swept.size())];
        const Cpu &cpu = m_catalog.cpus[static_cast<std::size_t>(ci)];
        const PlatformRule *rule = m_rules.find(cpu);
        QVERIFY(rule && !rule->moduleSizes.empty());
        std::vector<TransferRate> speeds;
        for (int dpc = 1; dpc <= rule->dimmsPerChannel; ++dpc)
            for (TransferRate s : platformSpeeds(m_catalog, *rule, cpu, dpc))
                speeds.push_back(s);
        const std::vector<Bytes> sizes = channelCapacities(*rule);
        Build b;
        b.cpu = cpu;
        b.memory.channels =
            1 + static_cast<int>(pick(static_cast<std::size_t>(cpu.memoryChannels)));
        b.memory.speed = speeds[pick(speeds.size())];
        b.memory.capacity = static_cast<double>(b.memory.channels) * sizes[pick(sizes.size())];
        int gi = -1, count = 0;
        if (pick(4) != 0) {
            gi = cards[pick(cards.size())];
            count = 1 + static_cast<int>(pick(8));
            b.gpus.push_back({m_catalog.gpus[static_cast<std::size_t>(gi)], count});
        }
        const Shape shape{ci,
                          b.memory.channels,
                          std::llround(inGigabytes(b.memory.capacity) * 1000),
                          std::llround(inMegatransfersPerSecond(b.memory.speed)),
                          gi,
                          count};
        if (wanted.emplace(shape, builds.size()).second)
            builds.push_back(std::move(b));
    }
    std::vector<int> sweep(builds.size(), -1);
    forEachSweepCandidate(
        m_catalog, m_rules, m_assumptions, 8, [&](const BuildKey &k, SweepRefusal why) {
            const auto it = wanted.find(shapeOf(k));
            if (it != wanted.end())
                sweep[it->second] = std::max(sweep[it->second], why == SweepRefusal::None ? 1 : 0);
        });
    int mismatches = 0, editorAccepts = 0, notCandidates = 0;
    for (std::size_t i = 0; i < builds.size(); ++i) {
        const QString editor = editorRefusal(builds[i]);
        editorAccepts += editor.isEmpty();
        notCandidates += sweep[i] < 0;
        if (editor.isEmpty() != (sweep[i] == 1)) {
            if (++mismatches <= 20)
                qWarning("%s, %d ch, %.0f GB, %.0f MT/s, %zu GPU groups: editor %s, sweep %s",
                         builds[i].cpu.name.c_str(), builds[i].memory.channels,
                         inGigabytes(builds[i].memory.capacity),
                         inMegatransfersPerSecond(builds[i].memory.speed), builds[i].gpus.size(),
                         editor.isEmpty() ? "accepts" : qPrintable(u"refuses: "_qs + editor),
                         sweep[i] < 0 ? "has no such candidate"
                         : sweep[i]   ? "accepts"
                                      : "refuses");
        }
    }
    qInfo("%zu editor builds: %d accepted by the editor, %d not among the sweep's candidates",
          builds.size(), editorAccepts, notCandidates);
    QVERIFY(editorAccepts > 100 && editorAccepts < static_cast<int>(builds.size()) - 100);
    QCOMPARE(mismatches, 0);
}

void TstFeasibility::messagesNameTheLimit() {
    // Specific messages: the user reads which limit a change exceeds.
    Build b;
    QVERIFY(
        ui::buildFromPreset(m_catalog, *findPreset(m_catalog, "Desktop: Ryzen 9 9950X").match, b));
    const auto first = [&](const Build &x) {
        const auto p = checkBuild(x, m_catalog, m_rules, m_assumptions);
        return p.empty() ? std::string() : p.front().field + ": " + p.front().message;
    };
    Build x = b;
    x.memory.capacity = gigabytes(192); // 4 x 48 GB on AM5
    QCOMPARE(first(x), std::string("memory.speed: 192 GB on 2 channels needs 2 DIMMs per channel "
                                   "(48 GB each); AM5 (X670E/X870E) runs 2 DIMMs per channel at up "
                                   "to 3600 MT/s, not 5600"));
    x.memory.speed = megatransfersPerSecond(3600);
    QCOMPARE(first(x), std::string());
    x = b;
    x.memory.capacity = gigabytes(100);
    QCOMPARE(first(x), std::string("memory.capacity: 100 GB on 2 channels is 50 GB per channel, "
                                   "which AM5 (X670E/X870E) cannot hold (DIMMs of 16, 24, 32, 48, "
                                   "64 GB, up to 2 of one size per channel)"));
    x = b;
    x.gpus = {{*findGpu(m_catalog, "NVIDIA GeForce RTX 5090").match, 3}};
    QCOMPARE(first(x), std::string("gpus[0].count: 3 GPUs; AM5 (X670E/X870E) boards have 2 GPU "
                                   "slots (1 x16, 1 x8) and 16 PCIe lanes for GPUs, x8 each at "
                                   "least"));
    x.gpus = {{*findGpu(m_catalog, "NVIDIA H100 SXM5 80GB").match, 1}};
    QCOMPARE(first(x), std::string("gpus[0].gpu: NVIDIA H100 SXM5 80GB is an SXM module; AM5 "
                                   "(X670E/X870E) slots take PCIe cards (a module needs its "
                                   "vendor's baseboard)"));
    Build tr;
    QVERIFY(ui::buildFromPreset(
        m_catalog, *findPreset(m_catalog, "Workstation: Threadripper 7970X + RTX PRO 6000").match,
        tr));
    tr.gpus[0].count = 3;
    const long watts =
        std::lround(inWatts(costOf(tr, tokensPerSecond(0), m_assumptions).powerAtLoad));
    QVERIFY(watts > 2200);
    QCOMPARE(first(tr), "power: " + std::to_string(watts) +
                            " W at load; sTR5 TRX50 (Threadripper) power supplies go up to 2200 W");
}

QTEST_MAIN(TstFeasibility)
#include "tst_feasibility.moc"
