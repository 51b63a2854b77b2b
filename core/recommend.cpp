// SPDX-License-Identifier: MIT
#include "recommend.h"

#include "bandwidth.h"
#include "fastestimate.h"
#include "numeric.h"
#include "validation.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <limits>
#include <mutex>
#include <thread>

namespace llm {

namespace {

using namespace units;

constexpr int kMaxGpuCount = 16;

struct CpuEntry {
    int index = -1;
    const Cpu *cpu = nullptr;
    const PlatformRule *rule = nullptr;
    fast::CpuPrep prep;
    std::optional<double> priceUsd;
    double platformUsd = 0;
    Power tdp{};
    int maxGpus = 0;
    Bytes capacityLimit{};
    Power psuLimit{};                          // 0: none known
    std::array<int, kMaxGpuCount + 1> lanes{}; // slot width per GPU, by GPU count
    std::vector<char> takesGpu;                // by GpuEntry index: the platform's slots take it
};

struct GpuEntry {
    int index = -1;
    fast::GpuPrep prep;
    std::optional<double> priceUsd;
    Power tdp{};
};

struct Task {
    int cpu = 0; // index into the CpuEntry list
    int channels = 0;
    int dimmsPerChannel = 1;
    TransferRate speed{};
};

// The sweep's platform filter: checkBuild()'s rules (validation.h) on the sweep's own
// terms, prepared once per CPU. Only builds that pass are estimated. recommend() and
// forEachSweepCandidate() both use these, so tests can hold them against checkBuild().
// Memory populations are enumerated from the rule (channels, DIMMs per channel,
// platformSpeeds, moduleSizes); the capacity limit cuts the module sizes.
bool capacityFits(const CpuEntry &c, Bytes capacity) {
    return !finitePositive(c.capacityLimit.value()) || capacity <= c.capacityLimit * (1 + 1e-9);
}

bool gpuCountFits(const CpuEntry &c, int count) {
    return count <= c.maxGpus;
}

// CPU + GPUs + the rest of the platform at load, as costOf() adds them.
Power loadPower(const CpuEntry &c, const GpuEntry *g, int count, const Assumptions &a) {
    Power power = watts(0);
    if (finitePositive(c.tdp.value()))
        power += c.tdp;
    if (g && finitePositive(g->tdp.value()))
        power += static_cast<double>(count) * g->tdp;
    if (finitePositive(a.platformPower.value()))
        power += a.platformPower;
    return power;
}

bool psuHolds(const CpuEntry &c, Power power) {
    return !finitePositive(c.psuLimit.value()) || power <= c.psuLimit;
}

// A catalogue CPU the sweep builds on: a platform rule with DIMM data, spec fields the
// editor accepts. (Whole systems and parts not on sale are left out before this.)
const PlatformRule *sweptPlatform(const PlatformRules &rules, const Cpu &cpu) {
    const PlatformRule *rule = rules.find(cpu);
    if (!rule || rule->memoryChannels <= 0 || rule->moduleSizes.empty())
        return nullptr;
    return rule;
}

bool sweptGpu(const Gpu &g) {
    return !g.integrated && finitePositive(g.vram.value()) && gpuProblems(g, "gpu").empty();
}

CpuEntry prepareCpuEntry(const Catalog &catalog, std::size_t index, const PlatformRule &rule,
                         const Assumptions &a) {
    const Cpu &cpu = catalog.cpus[index];
    CpuEntry e;
    e.index = static_cast<int>(index);
    e.cpu = &cpu;
    e.rule = &rule;
    if (cpu.priceUsd && std::isfinite(*cpu.priceUsd))
        e.priceUsd = cpu.priceUsd;
    e.platformUsd = platformAllowanceUsd(cpu, a);
    e.tdp = cpu.tdp;
    e.maxGpus = maxGpus(rule, cpu);
    e.capacityLimit = capacityLimit(rule, cpu);
    e.psuLimit = rule.psuLimit;
    for (int n = 1; n <= kMaxGpuCount; ++n)
        e.lanes[static_cast<std::size_t>(n)] = lanesPerGpu(rule, cpu, n);
    return e;
}

// The memory populations of one CPU, as work items: channels (the boards' and the CPU's),
// DIMMs per channel, and the speeds allowed with that many.
void addTasks(const Catalog &catalog, const CpuEntry &e, int cpuIndex, std::vector<Task> &tasks) {
    const PlatformRule &rule = *e.rule;
    const int channels = std::min(rule.memoryChannels, std::max(1, e.cpu->memoryChannels));
    for (int dpc = 1; dpc <= std::max(1, rule.dimmsPerChannel); ++dpc)
        for (const TransferRate &speed : platformSpeeds(catalog, rule, *e.cpu, dpc))
            for (int ch = channels; ch >= 1; --ch)
                tasks.push_back(Task{cpuIndex, ch, dpc, speed});
}

void takesGpus(const Catalog &catalog, const std::vector<GpuEntry> &gpus, CpuEntry &c) {
    c.takesGpu.resize(gpus.size());
    for (std::size_t i = 0; i < gpus.size(); ++i)
        c.takesGpu[i] =
            takesGpu(*c.rule, catalog.gpus[static_cast<std::size_t>(gpus[i].index)]) ? 1 : 0;
}

// A passing build, compactly. cost is EUR for the priced front, watts for the unpriced one.
struct Candidate {
    BuildKey key;
    double cost = 0;
    double margin = 0;
};

bool keyLess(const BuildKey &a, const BuildKey &b) {
    const auto t = [](const BuildKey &k) {
        // Equal price and margin: the faster memory first (what one would buy anyway;
        // the cost model prices memory by capacity only).
        return std::make_tuple(k.cpu, k.gpu, k.gpuCount, k.channels, k.dimmsPerChannel,
                               k.moduleSize.value(), -k.speed.value());
    };
    return t(a) < t(b);
}

// a is at least as good in both, and better in one or first by key (ties are
// broken the same way whatever thread found them, so results are reproducible).
bool dominates(const Candidate &a, const Candidate &b) {
    if (a.cost > b.cost || a.margin < b.margin)
        return false;
    if (a.cost < b.cost || a.margin > b.margin)
        return true;
    return keyLess(a.key, b.key);
}

// Pareto front kept by one worker; storage is reserved up front.
class Front final {
public:
    explicit Front(std::size_t reserve) { m_items.reserve(reserve); }
    void offer(const Candidate &c) {
        for (const Candidate &x : m_items)
            if (dominates(x, c))
                return;
        std::erase_if(m_items, [&](const Candidate &x) { return dominates(c, x); });
        m_items.push_back(c);
    }
    const std::vector<Candidate> &items() const { return m_items; }

private:
    std::vector<Candidate> m_items;
};

struct Counters {
    std::uint64_t enumerated = 0, evaluated = 0, pruned = 0, passing = 0, overBudget = 0,
                  overPower = 0, overLanes = 0, unpricedPassing = 0, belowRamNeeded = 0,
                  platformMismatches = 0;
    void add(const Counters &o) {
        enumerated += o.enumerated;
        evaluated += o.evaluated;
        pruned += o.pruned;
        passing += o.passing;
        overBudget += o.overBudget;
        overPower += o.overPower;
        overLanes += o.overLanes;
        unpricedPassing += o.unpricedPassing;
        belowRamNeeded += o.belowRamNeeded;
        platformMismatches += o.platformMismatches;
    }
};

struct Sweep {
    const Catalog &catalog;
    const RecommendRequest &request;
    const Assumptions &a;
    fast::ModelPrep model;
    std::vector<CpuEntry> cpus;
    std::vector<GpuEntry> gpus;
    std::vector<Task> tasks;
    // Best efficiency x bandwidth, and best raw bandwidth (hybrid placements apply their
    // own efficiency to it), that any GPU option offers: the task-level bound.
    double bestGpuRate = 0;
    double bestGpuBandwidth = 0;
    double hybridEfficiency = 0;
    Bytes ramNeeded{}; // systemRamToLoad(): no proposal has less
};

// Effective bandwidth of `count` GPUs for one stream, as the estimator combines them.
double gpuEffectiveBandwidth(const GpuEntry &g, int count, const RecommendRequest &r,
                             const Assumptions &a) {
    const double bw = std::max(0.0, g.prep.bandwidth.value());
    if (r.multiGpuMode == MultiGpuMode::TensorParallel && count > 1)
        return bw * count * a.tensorParallelEfficiency;
    return bw;
}

// Upper bound of the generation rate of any placement on this hardware: weights
// alone (no KV, no overhead) over the fastest memory with its efficiency. A hybrid
// split reads from both sides in turn, so it is never faster than its faster side.
// gpuRate = efficiency x bandwidth of the GPU side, gpuBandwidth = its raw bandwidth.
bool cannotReachGeneration(const Sweep &s, const CpuEntry &c, ByteRate system, double gpuRate,
                           double gpuBandwidth) {
    const double tokenBytes = inBytes(s.model.tokenWeights);
    if (!finitePositive(tokenBytes))
        return false;
    // The CPU side at a factor: its memory side, capped by its CCD links
    // (placement_p.h sideBRate) and, in the CPU-only placement alone, by a SoC's
    // reach (makePlan).
    const auto cpuSide = [&c, system](double efficiency, bool cpuOnly) {
        double r = efficiency * system.value();
        if (cpuOnly && finitePositive(c.prep.reach))
            r = std::min(r, efficiency * c.prep.reach.value());
        if (finitePositive(c.prep.fabric))
            r = std::min(r, c.prep.fabric.value());
        return r;
    };
    const double best =
        std::max({cpuSide(c.prep.factors->bandwidth, true), gpuRate,
                  std::max(s.hybridEfficiency * gpuBandwidth, cpuSide(s.hybridEfficiency, false))});
    return best / tokenBytes < inTokensPerSecond(s.model.thresholds.minGeneration);
}

struct Worker {
    const Sweep &s;
    Front priced;
    Front unpriced;
    Counters n;

    explicit Worker(const Sweep &sweep)
        : s(sweep)
        , priced(4096)
        , unpriced(4096) {}

    void run(const Task &t) {
        const RecommendRequest &r = s.request;
        const Assumptions &a = s.a;
        const CpuEntry &c = s.cpus[static_cast<std::size_t>(t.cpu)];
        const PlatformRule &rule = *c.rule;
        const MemoryConfig probe{t.channels, t.speed, bytes(0)};
        // The memory side: an upper bound of what the CPU reads (its fabric
        // links, if any, only lower it; placement_p.h sideBRate).
        const ByteRate system = memorySideBandwidth(*c.cpu, probe);

        // Capacities this population can have (ascending module sizes).
        std::array<Bytes, 32> caps{};
        int nCaps = 0;
        for (const Bytes &module : rule.moduleSizes) {
            const Bytes cap = static_cast<double>(t.channels * t.dimmsPerChannel) * module;
            if (!capacityFits(c, cap))
                break; // module sizes ascend
            if (cap < s.ramNeeded * (1 - 1e-9)) {
                ++n.belowRamNeeded;
                continue;
            }
            if (nCaps < static_cast<int>(caps.size()))
                caps[static_cast<std::size_t>(nCaps++)] = cap;
        }
        if (nCaps == 0)
            return;
        const int maxCount = std::min(r.maxGpusPerBuild, kMaxGpuCount);
        const std::uint64_t options = 1 + s.gpus.size() * static_cast<std::uint64_t>(maxCount);
        n.enumerated += options * static_cast<std::uint64_t>(nCaps);
        if (r.prune && cannotReachGeneration(s, c, system, s.bestGpuRate, s.bestGpuBandwidth)) {
            n.pruned += options * static_cast<std::uint64_t>(nCaps);
            return;
        }

        const double cpuUsd = c.priceUsd.value_or(0.0);

        // GPU option -1 = none.
        for (int gi = -1; gi < static_cast<int>(s.gpus.size()); ++gi) {
            const GpuEntry *g = gi >= 0 ? &s.gpus[static_cast<std::size_t>(gi)] : nullptr;
            if (g && !c.takesGpu[static_cast<std::size_t>(gi)]) {
                ++n.platformMismatches;
                continue;
            }
            const int firstCount = g ? 1 : 0;
            const int lastCount = g ? maxCount : 0;
            const bool isPriced = c.priceUsd && (!g || g->priceUsd);
            for (int count = firstCount; count <= lastCount; ++count) {
                const std::uint64_t restCounts = static_cast<std::uint64_t>(lastCount - count + 1);
                const std::uint64_t restBuilds = restCounts * static_cast<std::uint64_t>(nCaps);
                if (!gpuCountFits(c, count)) {
                    n.overLanes += restBuilds;
                    break;
                }
                const Power power = loadPower(c, g, count, a);
                if (!psuHolds(c, power) || (r.maxPower && power > *r.maxPower)) {
                    n.overPower += restBuilds; // power only grows with the count
                    break;
                }
                double partsUsd = cpuUsd;
                if (g && isPriced)
                    partsUsd += count * *g->priceUsd;
                const auto priceEur = [&](Bytes cap) {
                    double usd = partsUsd;
                    usd += inGigabytes(cap) * a.memoryUsdPerGb;
                    usd += c.platformUsd;
                    return usd * a.eurPerUsd;
                };
                if (isPriced && r.budgetEur && priceEur(caps[0]) > *r.budgetEur) {
                    n.overBudget += restBuilds; // price only grows with count and capacity
                    break;
                }
                if (r.prune && g &&
                    cannotReachGeneration(s, c, system,
                                          g->prep.factors->bandwidth *
                                              gpuEffectiveBandwidth(*g, count, r, a),
                                          gpuEffectiveBandwidth(*g, count, r, a))) {
                    n.pruned += static_cast<std::uint64_t>(nCaps);
                    continue;
                }
                fast::Hardware h;
                h.cpu = &c.prep;
                h.system = system;
                h.gpu = g ? &g->prep : nullptr;
                h.gpuCount = count;
                h.lanesPerGpu = count > 0 ? c.lanes[static_cast<std::size_t>(count)] : 0;
                h.tensorParallel = r.multiGpuMode == MultiGpuMode::TensorParallel;
                bool allInVram = false;
                for (int ci = 0; ci < nCaps; ++ci) {
                    const Bytes cap = caps[static_cast<std::size_t>(ci)];
                    const double eur = isPriced ? priceEur(cap) : 0.0;
                    if (isPriced && r.budgetEur && eur > *r.budgetEur) {
                        n.overBudget += static_cast<std::uint64_t>(nCaps - ci);
                        break;
                    }
                    h.ram = cap;
                    const fast::Outcome o = fast::evaluate(s.model, h, a);
                    ++n.evaluated;
                    allInVram = o.gpuOnlyFits;
                    if (o.allPass) {
                        ++n.passing;
                        Candidate cand;
                        cand.key = BuildKey{c.index,  t.channels,   t.dimmsPerChannel,
                                            bytes(0), t.speed,      g ? g->index : -1,
                                            count,    h.lanesPerGpu};
                        cand.key.moduleSize =
                            cap / static_cast<double>(t.channels * t.dimmsPerChannel);
                        cand.margin = o.margin;
                        if (isPriced) {
                            cand.cost = eur;
                            this->priced.offer(cand);
                        } else {
                            ++n.unpricedPassing;
                            cand.cost = inWatts(power);
                            unpriced.offer(cand);
                        }
                    }
                    // More RAM than every RAM-using placement needs changes nothing but the price.
                    if (r.prune && cap >= o.ramSufficient) {
                        n.pruned += static_cast<std::uint64_t>(nCaps - ci - 1);
                        break;
                    }
                }
                // Layer split: once everything is in VRAM, another identical GPU adds price,
                // not speed (bandwidth does not add up for one stream).
                if (r.prune && allInVram && !h.tensorParallel && count < lastCount) {
                    n.pruned += (restCounts - 1) * static_cast<std::uint64_t>(nCaps);
                    break;
                }
            }
        }
    }
};

std::vector<Candidate> paretoMerge(std::vector<Candidate> all) {
    std::sort(all.begin(), all.end(), [](const Candidate &x, const Candidate &y) {
        if (x.cost != y.cost)
            return x.cost < y.cost;
        if (x.margin != y.margin)
            return x.margin > y.margin;
        return keyLess(x.key, y.key);
    });
    std::vector<Candidate> front;
    double best = -1;
    for (const Candidate &c : all)
        if (c.margin > best) {
            front.push_back(c);
            best = c.margin;
        }
    return front;
}

// The cheapest, the best and evenly spaced ones between.
std::vector<Candidate> spread(const std::vector<Candidate> &front, std::size_t k) {
    if (k == 0 || front.size() <= k)
        return front;
    std::vector<Candidate> out;
    if (k == 1)
        return {front.front()};
    std::size_t last = static_cast<std::size_t>(-1);
    for (std::size_t i = 0; i < k; ++i) {
        const std::size_t at = static_cast<std::size_t>(
            std::lround(static_cast<double>(i) * static_cast<double>(front.size() - 1) /
                        static_cast<double>(k - 1)));
        if (at != last)
            out.push_back(front[at]);
        last = at;
    }
    return out;
}

std::string shortGb(Bytes b) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", std::round(inGigabytes(b) * 10) / 10);
    return buf;
}

Recommendation finish(const Catalog &catalog, const Candidate &c, const RecommendRequest &r,
                      const Assumptions &a) {
    Recommendation rec;
    rec.key = c.key;
    rec.build = buildFromKey(catalog, c.key);
    rec.build.multiGpuMode = r.multiGpuMode;
    rec.estimate = estimate(rec.build, r.model, r.workload, a);
    rec.cost = costOf(rec.build, rec.estimate.generationRate, a);
    rec.margin = fast::margin(rec.estimate, a.thresholds);
    double worst = std::numeric_limits<double>::infinity();
    for (const UseCaseVerdict &v : rec.estimate.useCases) {
        const double m = fast::margin(v, rec.estimate.fits, a.thresholds);
        if (m < worst) {
            worst = m;
            rec.limitingUseCase = v.useCase->id;
        }
    }
    return rec;
}

} // namespace

void forEachSweepCandidate(const Catalog &catalog, const PlatformRules &rules,
                           const Assumptions &assumptions, int maxGpusPerBuild,
                           const std::function<void(const BuildKey &, SweepRefusal)> &visit) {
    // The same selection and filter as recommend(), without a model to judge by.
    std::vector<CpuEntry> cpus;
    std::vector<Task> tasks;
    for (std::size_t i = 0; i < catalog.cpus.size(); ++i) {
        const Cpu &cpu = catalog.cpus[i];
        const PlatformRule *rule = sweptPlatform(rules, cpu);
        if (pricedAsSystem(cpu) || !rule || !cpuProblems(cpu).empty())
            continue;
        cpus.push_back(prepareCpuEntry(catalog, i, *rule, assumptions));
        addTasks(catalog, cpus.back(), static_cast<int>(cpus.size()) - 1, tasks);
    }
    std::vector<GpuEntry> gpus;
    for (std::size_t i = 0; i < catalog.gpus.size(); ++i)
        if (sweptGpu(catalog.gpus[i])) {
            GpuEntry e;
            e.index = static_cast<int>(i);
            e.tdp = catalog.gpus[i].tdp;
            gpus.push_back(e);
        }
    for (CpuEntry &c : cpus)
        takesGpus(catalog, gpus, c);

    const int maxCount = std::clamp(maxGpusPerBuild, 0, kMaxGpuCount);
    for (const Task &t : tasks) {
        const CpuEntry &c = cpus[static_cast<std::size_t>(t.cpu)];
        for (const Bytes &module : c.rule->moduleSizes) {
            const Bytes cap = static_cast<double>(t.channels * t.dimmsPerChannel) * module;
            const bool capacityOk = capacityFits(c, cap);
            for (int gi = -1; gi < static_cast<int>(gpus.size()); ++gi) {
                const GpuEntry *g = gi >= 0 ? &gpus[static_cast<std::size_t>(gi)] : nullptr;
                for (int count = g ? 1 : 0; count <= (g ? maxCount : 0); ++count) {
                    SweepRefusal why = SweepRefusal::None;
                    if (!capacityOk)
                        why = SweepRefusal::Capacity;
                    else if (g && !c.takesGpu[static_cast<std::size_t>(gi)])
                        why = SweepRefusal::Slot;
                    else if (!gpuCountFits(c, count))
                        why = SweepRefusal::Count;
                    else if (!psuHolds(c, loadPower(c, g, count, assumptions)))
                        why = SweepRefusal::Power;
                    const int lanes = count > 0 && count <= kMaxGpuCount
                                          ? c.lanes[static_cast<std::size_t>(count)]
                                          : 0;
                    visit(BuildKey{c.index, t.channels, t.dimmsPerChannel, module, t.speed,
                                   g ? g->index : -1, count, lanes},
                          why);
                }
            }
        }
    }
}

Build buildFromKey(const Catalog &catalog, const BuildKey &key) {
    Build b;
    if (key.cpu < 0 || static_cast<std::size_t>(key.cpu) >= catalog.cpus.size())
        return b;
    b.cpu = catalog.cpus[static_cast<std::size_t>(key.cpu)];
    b.memory.channels = key.channels;
    b.memory.speed = key.speed;
    b.memory.capacity = static_cast<double>(key.channels * key.dimmsPerChannel) * key.moduleSize;
    const std::string type = b.cpu.memoryType.substr(0, b.cpu.memoryType.find(' '));
    b.name = b.cpu.name + ", " + std::to_string(key.channels * key.dimmsPerChannel) + "x" +
             shortGb(key.moduleSize) + " GB " + type + "-" +
             std::to_string(std::lround(inMegatransfersPerSecond(key.speed)));
    if (key.gpu >= 0 && static_cast<std::size_t>(key.gpu) < catalog.gpus.size() &&
        key.gpuCount > 0) {
        Gpu g = catalog.gpus[static_cast<std::size_t>(key.gpu)];
        // The slot's electrical width is what the estimator's PCIe link sees.
        if (key.lanesPerGpu > 0)
            g.pcieLanes = std::min(g.pcieLanes, key.lanesPerGpu);
        b.name += ", " + std::to_string(key.gpuCount) + "x " + g.name;
        b.gpus.push_back(GpuGroup{std::move(g), key.gpuCount});
    }
    return b;
}

RecommendResult recommend(const Catalog &catalog, const PlatformRules &rules,
                          const RecommendRequest &request, const Assumptions &assumptions,
                          const std::atomic<bool> *cancel, std::function<void(double)> progress) {
    const auto started = std::chrono::steady_clock::now();
    RecommendResult result;
    Sweep s{catalog,
            request,
            assumptions,
            fast::prepareModel(request.model, request.workload, assumptions),
            {},
            {},
            {},
            0,
            0};
    s.hybridEfficiency = fast::hybridFactors(assumptions).bandwidth;
    s.ramNeeded = systemRamToLoad(request.model, assumptions);
    if (request.workload.useCases.empty()) {
        result.problem = "no use cases chosen: nothing to judge the builds by";
        return result;
    }
    if (!finitePositive(inBytes(s.model.weights))) {
        result.problem = "the model has no weights (parameters x bits per weight is 0)";
        return result;
    }

    for (std::size_t i = 0; i < catalog.cpus.size(); ++i) {
        const Cpu &cpu = catalog.cpus[i];
        if (pricedAsSystem(cpu))
            continue; // nothing to choose: presets and the build editor cover them
        if (!buyable(cpu, request.includeUsed)) {
            ++result.stats.cpusNotSoldNew;
            continue;
        }
        const PlatformRule *rule = sweptPlatform(rules, cpu);
        if (!rule) {
            result.stats.cpusWithoutPlatform.push_back(cpu.name);
            continue;
        }
        if (!cpuProblems(cpu).empty()) {
            result.stats.cpusWithProblems.push_back(cpu.name);
            continue;
        }
        CpuEntry e = prepareCpuEntry(catalog, i, *rule, assumptions);
        e.prep = fast::prepareCpu(cpu, assumptions);
        const int cpuIndex = static_cast<int>(s.cpus.size());
        s.cpus.push_back(e);
        addTasks(catalog, e, cpuIndex, s.tasks);
    }
    for (std::size_t i = 0; i < catalog.gpus.size(); ++i) {
        const Gpu &g = catalog.gpus[i];
        if (!sweptGpu(g))
            continue;
        if (!buyable(g, request.includeUsed)) {
            ++result.stats.gpusNotSoldNew;
            continue;
        }
        GpuEntry e;
        e.index = static_cast<int>(i);
        e.prep = fast::prepareGpu(g, assumptions);
        if (g.priceUsd && std::isfinite(*g.priceUsd))
            e.priceUsd = g.priceUsd;
        e.tdp = g.tdp;
        s.gpus.push_back(e);
        const int top = std::min(request.maxGpusPerBuild, kMaxGpuCount);
        const double widest = std::max(gpuEffectiveBandwidth(e, top, request, assumptions),
                                       gpuEffectiveBandwidth(e, 1, request, assumptions));
        s.bestGpuRate = std::max(s.bestGpuRate, e.prep.factors->bandwidth * widest);
        s.bestGpuBandwidth = std::max(s.bestGpuBandwidth, widest);
    }

    for (CpuEntry &c : s.cpus)
        takesGpus(catalog, s.gpus, c);

    // Work items are taken in order by whichever worker is free.
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threads = std::clamp<std::size_t>(
        request.threads > 0 ? static_cast<std::size_t>(request.threads) : hw, 1,
        std::max<std::size_t>(1, s.tasks.size()));
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> stopped{false};
    std::vector<Worker> workers;
    workers.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i)
        workers.emplace_back(s);
    std::mutex mutex;
    std::condition_variable finished;
    std::size_t running = threads;
    const auto work = [&](Worker &w) {
        for (;;) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                stopped = true;
                break;
            }
            const std::size_t i = next.fetch_add(1);
            if (i >= s.tasks.size())
                break;
            w.run(s.tasks[i]);
            done.fetch_add(1, std::memory_order_relaxed);
        }
        std::lock_guard lock(mutex);
        if (--running == 0)
            finished.notify_all();
    };
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i)
        pool.emplace_back(work, std::ref(workers[i]));
    {
        std::unique_lock lock(mutex);
        while (running > 0) {
            finished.wait_for(lock, std::chrono::milliseconds(20));
            if (progress && running > 0) {
                lock.unlock();
                progress(s.tasks.empty() ? 1.0
                                         : static_cast<double>(done.load()) /
                                               static_cast<double>(s.tasks.size()));
                lock.lock();
            }
        }
    }
    for (std::thread &t : pool)
        t.join();

    Counters total;
    std::vector<Candidate> priced, unpriced;
    for (const Worker &w : workers) {
        total.add(w.n);
        priced.insert(priced.end(), w.priced.items().begin(), w.priced.items().end());
        unpriced.insert(unpriced.end(), w.unpriced.items().begin(), w.unpriced.items().end());
    }
    RecommendStats &st = result.stats;
    st.enumerated = total.enumerated;
    st.evaluated = total.evaluated;
    st.pruned = total.pruned;
    st.passing = total.passing;
    st.overBudget = total.overBudget;
    st.overPower = total.overPower;
    st.overLanes = total.overLanes;
    st.unpricedPassing = total.unpricedPassing;
    st.belowRamNeeded = total.belowRamNeeded;
    st.gpuPlatformMismatches = total.platformMismatches;
    st.threads = static_cast<int>(threads);
    if (stopped || (cancel && cancel->load())) {
        result.cancelled = true;
        st.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return result;
    }
    const std::vector<Candidate> front = paretoMerge(std::move(priced));
    st.frontSize = front.size();
    for (const Candidate &c : spread(front, request.top))
        result.front.push_back(finish(catalog, c, request, assumptions));
    // Unpriced: the front of power (lower better) against margin, best margin first.
    std::vector<Candidate> apart = paretoMerge(std::move(unpriced));
    std::reverse(apart.begin(), apart.end());
    if (request.top > 0 && apart.size() > request.top)
        apart.resize(request.top);
    for (const Candidate &c : apart)
        result.unpriced.push_back(finish(catalog, c, request, assumptions));
    st.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (progress)
        progress(1.0);
    return result;
}

} // namespace llm
