// SPDX-License-Identifier: MIT
#include "calibration.h"

#include "numeric.h"
#include "validation_stats.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <set>
#include <thread>

namespace llm {

namespace {

const char *kindName(HardwareKind kind) {
    switch (kind) {
    case HardwareKind::Cpu:
        return "cpu";
    case HardwareKind::Gpu:
        return "gpu";
    case HardwareKind::Unified:
        return "unified";
    }
    return "cpu";
}

// LocalScore rows measure both phases on the same runs: estimate them once.
bool sharedRuns(const Measurement &m) {
    if (m.promptRuns.size() != m.generationRuns.size())
        return false;
    for (std::size_t i = 0; i < m.promptRuns.size(); ++i)
        if (m.promptRuns[i].promptTokens != m.generationRuns[i].promptTokens ||
            m.promptRuns[i].generatedTokens != m.generationRuns[i].generatedTokens)
            return false;
    return true;
}

Workload workloadOf(const Measurement &m) {
    Workload w;
    w.useCases = m.promptRuns;
    if (!sharedRuns(m))
        w.useCases.insert(w.useCases.end(), m.generationRuns.begin(), m.generationRuns.end());
    return w;
}

// The estimator on the measurement's own workload, placement and runtime. `a` is
// borrowed: its placement and runtime are set for the call and restored after.
MeasuredPrediction predictWith(const Measurement &m, const Workload &w, Assumptions &a) {
    MeasuredPrediction r;
    const auto savedPlacement = a.forcedPlacement;
    const std::string savedRuntime = a.runtime;
    a.forcedPlacement = m.placement;
    a.runtime = m.runtime;
    const Estimate e = estimate(m.build, m.model, w, a);
    a.forcedPlacement = savedPlacement;
    a.runtime = savedRuntime;
    r.hardwareClass = e.hardwareClass.str();
    const std::size_t np = m.promptRuns.size();
    const bool shared = e.useCases.size() == np && m.generationRuns.size() == np;
    double sp = 0, sg = 0;
    for (std::size_t i = 0; i < e.useCases.size(); ++i) {
        if (i < np)
            sp += units::inTokensPerSecond(e.useCases[i].prefillRate);
        if (i >= np || shared)
            sg += units::inTokensPerSecond(e.useCases[i].generationRate);
    }
    const std::size_t ng = shared ? np : m.generationRuns.size();
    r.promptTokS = np > 0 ? sp / static_cast<double>(np) : 0;
    r.generationTokS = ng > 0 ? sg / static_cast<double>(ng) : 0;
    r.ok = e.placement == m.placement && std::isfinite(r.promptTokS) &&
           std::isfinite(r.generationTokS) && (r.promptTokS > 0 || r.generationTokS > 0);
    return r;
}

// A measurement with what the fit needs precomputed once.
struct Prepared {
    const Measurement *m = nullptr;
    Workload workload;
    std::string cls;      // hardware class
    std::string key;      // class@runtime
    std::string group;    // kind@runtime: shares one token overhead
    std::string prior;    // the class's physically derived prior (priorOfClass), may be empty
    std::string priorKey; // prior@runtime, empty with prior
    HardwareKind kind = HardwareKind::Cpu;
    std::vector<double> impliedBandwidth; // per overhead candidate; NaN = none
};

double median(std::vector<double> v) {
    return quantile(std::move(v), 0.5);
}

// Solves f(x) = target for x in [lo, hi], f increasing, by bisection on log x.
// Targets outside the reachable range clamp to the bound.
template <class F> double solveIncreasing(F f, double target, double lo, double hi) {
    if (f(hi) <= target)
        return hi;
    if (f(lo) >= target)
        return lo;
    for (int i = 0; i < 40; ++i) {
        const double mid = std::sqrt(lo * hi);
        if (f(mid) < target)
            lo = mid;
        else
            hi = mid;
    }
    return std::sqrt(lo * hi);
}

constexpr double kMinFactor = 0.002, kMaxFactor = 3.0;

std::vector<Prepared> prepare(const std::vector<Measurement> &all, const Assumptions &base,
                              const CalibrationOptions &o) {
    std::vector<Prepared> out;
    out.reserve(all.size());
    Assumptions a = base;
    for (const Measurement &m : all) {
        Prepared p;
        p.m = &m;
        p.workload = workloadOf(m);
        p.cls = hardwareClass(m.build, m.placement);
        p.key = p.cls + "@" + m.runtime;
        p.kind = m.kind;
        p.group = std::string(kindName(m.kind)) + "@" + m.runtime;
        p.prior = priorOfClass(p.cls);
        if (!p.prior.empty())
            p.priorKey = p.prior + "@" + m.runtime;
        p.impliedBandwidth.assign(o.overheadGrid.size(), std::nan(""));
        // Rows the estimator cannot run (a unit without bandwidth or peak) imply nothing.
        const bool runnable = predictWith(m, p.workload, a).ok;
        if (runnable && !m.suspect && m.generationTokS && finitePositive(*m.generationTokS)) {
            for (std::size_t i = 0; i < o.overheadGrid.size(); ++i) {
                EfficiencyFactors f = a.factorsFor(p.cls, p.kind);
                f.tokenOverhead = units::secondsPerToken(o.overheadGrid[i]);
                auto gen = [&](double x) {
                    f.bandwidth = x;
                    a.efficiencyByClass[p.key] = f;
                    return predictWith(m, p.workload, a).generationTokS;
                };
                p.impliedBandwidth[i] =
                    solveIncreasing(gen, *m.generationTokS, kMinFactor, kMaxFactor);
                a.efficiencyByClass.erase(p.key);
            }
        }
        out.push_back(std::move(p));
    }
    return out;
}

// Medians of a per-row value at three levels: class@runtime, class, kind.
struct Levels {
    std::map<std::string, double> byKey, byClass;
    std::map<HardwareKind, double> byKind;
    std::map<std::string, int> countKey, countClass;
    std::map<HardwareKind, int> countKind;
};

// Values grouped by device, so that a device with many rows (one LocalScore
// submission split into scenarios, say) gets one vote: the median over devices
// of each device's median.
struct Votes {
    std::map<std::string, std::vector<double>> byDevice;
    int rows = 0;
    void add(const std::string &device, double v) {
        byDevice[device].push_back(v);
        ++rows;
    }
    double median() const {
        std::vector<double> perDevice;
        for (const auto &[d, v] : byDevice)
            perDevice.push_back(quantile(v, 0.5));
        return quantile(perDevice, 0.5);
    }
};

template <class ValueOf>
Levels levelsOf(const std::vector<const Prepared *> &rows, ValueOf valueOf, int minimum,
                bool voteByDevice = true) {
    std::map<std::string, Votes> k, c;
    std::map<HardwareKind, Votes> d;
    for (const Prepared *p : rows) {
        const double v = valueOf(*p);
        if (!std::isfinite(v))
            continue;
        const std::string &voter = voteByDevice ? p->m->device : p->m->id;
        k[p->key].add(voter, v);
        c[p->cls].add(voter, v);
        // The prior is one more level, over every class that falls back to it.
        if (!p->prior.empty()) {
            k[p->priorKey].add(voter, v);
            c[p->prior].add(voter, v);
        }
        d[p->kind].add(voter, v);
    }
    Levels l;
    for (auto &[key, v] : k)
        if (v.rows >= minimum) {
            l.countKey[key] = v.rows;
            l.byKey[key] = v.median();
        }
    for (auto &[key, v] : c)
        if (v.rows >= minimum) {
            l.countClass[key] = v.rows;
            l.byClass[key] = v.median();
        }
    for (auto &[key, v] : d) {
        l.countKind[key] = v.rows;
        l.byKind[key] = v.median();
    }
    return l;
}

// No device reads memory faster than its theoretical bandwidth. A median above 1
// means the class's fixed per-token overhead (fitted per kind, not per class) is
// too large for its fastest cards; the bound wins over the fit.
double physicalBandwidth(double fitted) {
    return std::min(fitted, 1.0);
}

double pick(const Levels &l, const Prepared &p, double fallback) {
    if (auto it = l.byKey.find(p.key); it != l.byKey.end())
        return it->second;
    if (auto it = l.byClass.find(p.cls); it != l.byClass.end())
        return it->second;
    if (auto it = l.byKind.find(p.kind); it != l.byKind.end())
        return it->second;
    return fallback;
}

Assumptions fitPrepared(const std::vector<const Prepared *> &rows, const Assumptions &base,
                        const CalibrationOptions &o) {
    // 1. Token overhead per kind@runtime: the grid value whose bandwidth medians
    //    reproduce that group's generation rates best (median |log error|).
    std::map<std::string, std::vector<const Prepared *>> groups;
    for (const Prepared *p : rows)
        if (!p->m->suspect && p->m->generationTokS)
            groups[p->group].push_back(p);
    std::map<std::string, std::size_t> overheadOfGroup;
    Assumptions scratch = base;
    for (auto &[group, members] : groups) {
        double bestErr = INFINITY;
        std::size_t best = 0;
        for (std::size_t i = 0; i < o.overheadGrid.size(); ++i) {
            const Levels l = levelsOf(
                members, [i](const Prepared &p) { return p.impliedBandwidth[i]; },
                o.minimumPerClass);
            std::vector<double> errs;
            for (const Prepared *p : members) {
                EfficiencyFactors f = scratch.factorsFor(p->cls, p->kind);
                f.bandwidth = physicalBandwidth(pick(l, *p, f.bandwidth));
                f.tokenOverhead = units::secondsPerToken(o.overheadGrid[i]);
                scratch.efficiencyByClass[p->key] = f;
                const double g = predictWith(*p->m, p->workload, scratch).generationTokS;
                scratch.efficiencyByClass.erase(p->key);
                if (finitePositive(g))
                    errs.push_back(std::fabs(std::log(g / *p->m->generationTokS)));
            }
            const double err = errs.empty() ? INFINITY : median(errs);
            if (err < bestErr - 1e-12) {
                bestErr = err;
                best = i;
            }
        }
        overheadOfGroup[group] = best;
    }
    auto overheadIndex = [&](const Prepared &p) -> std::size_t {
        auto it = overheadOfGroup.find(p.group);
        return it != overheadOfGroup.end() ? it->second : 0;
    };

    // 2. Bandwidth efficiency: medians of the per-row implied values.
    const Levels bw = levelsOf(
        rows,
        [&](const Prepared &p) {
            return p.impliedBandwidth.empty() ? NAN : p.impliedBandwidth[overheadIndex(p)];
        },
        o.minimumPerClass);

    // Overhead of a key/class/kind: the group with the most rows behind it.
    std::map<std::string, std::map<std::string, int>> groupVotes;
    std::map<HardwareKind, std::map<std::string, int>> kindVotes;
    for (const Prepared *p : rows)
        if (overheadOfGroup.count(p->group)) {
            ++groupVotes[p->key][p->group];
            ++groupVotes[p->cls][p->group];
            if (!p->prior.empty()) {
                ++groupVotes[p->priorKey][p->group];
                ++groupVotes[p->prior][p->group];
            }
            ++kindVotes[p->kind][p->group];
        }
    auto overheadOf = [&](const std::map<std::string, int> &votes) {
        std::string bestGroup;
        int most = -1;
        for (const auto &[g, n] : votes)
            if (n > most) {
                most = n;
                bestGroup = g;
            }
        return most < 0 ? 0.0 : o.overheadGrid[overheadOfGroup[bestGroup]];
    };

    Assumptions a = base;
    a.efficiencyByClass.clear();
    auto install = [&](const Levels &l) {
        for (const auto &[kind, v] : l.byKind) {
            EfficiencyFactors &d = kind == HardwareKind::Cpu   ? a.defaultCpu
                                   : kind == HardwareKind::Gpu ? a.defaultGpu
                                                               : a.defaultUnified;
            d.bandwidth = physicalBandwidth(v);
            d.tokenOverhead = units::secondsPerToken(overheadOf(kindVotes[kind]));
        }
        // Priors first: a class without a value of its own inherits its prior's.
        std::vector<std::pair<std::string, double>> classes(l.byClass.begin(), l.byClass.end());
        std::stable_partition(classes.begin(), classes.end(),
                              [](const auto &c) { return isPriorClass(c.first); });
        for (const auto &[cls, v] : classes) {
            EfficiencyFactors f = a.factorsFor(cls, kindOfClass(cls));
            f.bandwidth = physicalBandwidth(v);
            f.tokenOverhead = units::secondsPerToken(overheadOf(groupVotes[cls]));
            a.efficiencyByClass[cls] = f;
        }
        for (const auto &[key, v] : l.byKey) {
            const std::string cls = key.substr(0, key.find('@'));
            EfficiencyFactors f = a.factorsFor(cls, kindOfClass(cls));
            f.bandwidth = physicalBandwidth(v);
            f.tokenOverhead = units::secondsPerToken(overheadOf(groupVotes[key]));
            a.efficiencyByClass[key] = f;
        }
    };
    install(bw);

    // 3. Compute efficiency given the fitted bandwidth (prefill can be memory bound).
    std::map<const Prepared *, double> impliedCompute;
    for (const Prepared *p : rows) {
        if (p->m->suspect || !p->m->promptTokS || !finitePositive(*p->m->promptTokS) ||
            p->m->promptRuns.empty() || !predictWith(*p->m, p->workload, a).ok)
            continue;
        // Resolve the row's factors as the estimator would, then override its key.
        Assumptions &s = a;
        s.runtime = p->m->runtime;
        EfficiencyFactors f = s.factorsFor(p->cls, p->kind);
        const auto saved = s.efficiencyByClass.find(p->key) != s.efficiencyByClass.end()
                               ? std::optional<EfficiencyFactors>(s.efficiencyByClass[p->key])
                               : std::nullopt;
        auto pp = [&](double x) {
            f.compute = x;
            s.efficiencyByClass[p->key] = f;
            return predictWith(*p->m, p->workload, s).promptTokS;
        };
        impliedCompute[p] = solveIncreasing(pp, *p->m->promptTokS, kMinFactor, kMaxFactor);
        if (saved)
            s.efficiencyByClass[p->key] = *saved;
        else
            s.efficiencyByClass.erase(p->key);
    }
    a.runtime = base.runtime;
    const Levels cmp = levelsOf(
        rows,
        [&](const Prepared &p) {
            auto it = impliedCompute.find(&p);
            return it != impliedCompute.end() ? it->second : NAN;
        },
        o.minimumPerClass);

    // Install compute at the same levels; a key without its own compute median
    // inherits the next level's (what the estimator would otherwise have used).
    for (const auto &[kind, v] : cmp.byKind) {
        EfficiencyFactors &d = kind == HardwareKind::Cpu   ? a.defaultCpu
                               : kind == HardwareKind::Gpu ? a.defaultGpu
                                                           : a.defaultUnified;
        d.compute = v;
    }
    std::map<std::string, EfficiencyFactors> merged = a.efficiencyByClass;
    auto kindDefault = [&](HardwareKind k) -> const EfficiencyFactors & {
        return k == HardwareKind::Cpu   ? a.defaultCpu
               : k == HardwareKind::Gpu ? a.defaultGpu
                                        : a.defaultUnified;
    };
    // A class (or key) without a compute value of its own gets its prior's, else
    // its kind's: what the estimator would otherwise have used.
    auto fallbackOf = [&](const std::string &cls) -> EfficiencyFactors {
        const char *prior = priorOfClass(cls);
        if (*prior && merged.count(prior))
            return merged[prior];
        return kindDefault(kindOfClass(cls));
    };
    std::vector<std::string> classes;
    for (const auto &[k, v] : bw.byClass)
        classes.push_back(k);
    for (const auto &[k, v] : cmp.byClass)
        if (!bw.byClass.count(k))
            classes.push_back(k);
    std::stable_partition(classes.begin(), classes.end(),
                          [](const std::string &c) { return isPriorClass(c); });
    for (const std::string &cls : classes) {
        EfficiencyFactors f = merged.count(cls) ? merged[cls] : fallbackOf(cls);
        auto it = cmp.byClass.find(cls);
        f.compute = it != cmp.byClass.end() ? it->second : fallbackOf(cls).compute;
        merged[cls] = f;
    }
    std::set<std::string> keys;
    for (const auto &[k, v] : bw.byKey)
        keys.insert(k);
    for (const auto &[k, v] : cmp.byKey)
        keys.insert(k);
    for (const std::string &key : keys) {
        const std::string cls = key.substr(0, key.find('@'));
        const EfficiencyFactors lower = merged.count(cls) ? merged[cls] : fallbackOf(cls);
        EfficiencyFactors f = merged.count(key) ? merged[key] : lower;
        auto it = cmp.byKey.find(key);
        f.compute = it != cmp.byKey.end() ? it->second : lower.compute;
        merged[key] = f;
    }

    // Counts and date.
    std::map<std::string, std::set<const Measurement *>> behind;
    std::map<HardwareKind, std::set<const Measurement *>> behindKind;
    for (const Prepared *p : rows) {
        if (p->m->suspect)
            continue;
        behind[p->key].insert(p->m);
        behind[p->cls].insert(p->m);
        if (!p->prior.empty()) {
            behind[p->priorKey].insert(p->m);
            behind[p->prior].insert(p->m);
        }
        behindKind[p->kind].insert(p->m);
    }
    for (auto &[key, f] : merged) {
        f.measurements = static_cast<int>(behind[key].size());
        f.fittedOn = o.fittedOn;
    }
    for (HardwareKind k : {HardwareKind::Cpu, HardwareKind::Gpu, HardwareKind::Unified}) {
        EfficiencyFactors &d = k == HardwareKind::Cpu   ? a.defaultCpu
                               : k == HardwareKind::Gpu ? a.defaultGpu
                                                        : a.defaultUnified;
        if (!behindKind[k].empty()) {
            d.measurements = static_cast<int>(behindKind[k].size());
            d.fittedOn = o.fittedOn;
        }
    }
    a.efficiencyByClass = std::move(merged);
    return a;
}

std::vector<const Prepared *> pointers(const std::vector<Prepared> &v) {
    std::vector<const Prepared *> out;
    out.reserve(v.size());
    for (const Prepared &p : v)
        out.push_back(&p);
    return out;
}

void appendResiduals(std::vector<Residual> &out, const Prepared &p, Assumptions &a) {
    const MeasuredPrediction r = predictWith(*p.m, p.workload, a);
    if (!r.ok)
        return;
    auto add = [&](MeasuredPhase phase, double predicted, double measured) {
        Residual x;
        x.id = p.m->id;
        x.device = p.m->device;
        x.hardwareClass = r.hardwareClass;
        x.kind = p.kind;
        x.phase = phase;
        x.predicted = predicted;
        x.measured = measured;
        x.suspect = p.m->suspect;
        out.push_back(std::move(x));
    };
    if (p.m->promptTokS && finitePositive(*p.m->promptTokS) && !p.m->promptRuns.empty() &&
        finitePositive(r.promptTokS))
        add(MeasuredPhase::Prompt, r.promptTokS, *p.m->promptTokS);
    if (p.m->generationTokS && finitePositive(*p.m->generationTokS) &&
        !p.m->generationRuns.empty() && finitePositive(r.generationTokS))
        add(MeasuredPhase::Generation, r.generationTokS, *p.m->generationTokS);
}

struct BandSet {
    std::map<std::string, Band> byClass;
    std::map<HardwareKind, Band> byKind;
    Band global;
};

Band lookupKind(const struct BandSet &s, HardwareKind kind);

Band bandOf(const std::vector<double> &ratios, double coverage) {
    const double tail = (1.0 - coverage) / 2.0;
    Band b;
    b.low = std::min(1.0, quantile(ratios, tail));
    b.high = std::max(1.0, quantile(ratios, 1.0 - tail));
    return b;
}

BandSet bandsFrom(const std::vector<const Residual *> &rs, double coverage, int minimum) {
    std::map<std::string, std::vector<double>> c;
    std::map<std::string, std::set<std::string>> devicesOf;
    std::map<HardwareKind, std::vector<double>> k;
    std::vector<double> all;
    for (const Residual *r : rs) {
        if (!(r->predicted > 0 && r->measured > 0))
            continue;
        const double ratio = r->measured / r->predicted;
        c[r->hardwareClass].push_back(ratio);
        devicesOf[r->hardwareClass].insert(r->device);
        k[r->kind].push_back(ratio);
        all.push_back(ratio);
    }
    BandSet s;
    s.global = all.empty() ? Band{} : bandOf(all, coverage);
    for (auto &[kind, v] : k)
        s.byKind[kind] = static_cast<int>(v.size()) >= minimum ? bandOf(v, coverage) : s.global;
    // A class's own spread needs enough rows from several devices; otherwise the
    // spread of its kind is the honest guess.
    for (auto &[cls, v] : c)
        s.byClass[cls] = static_cast<int>(v.size()) >= minimum && devicesOf[cls].size() >= 3
                             ? bandOf(v, coverage)
                             : lookupKind(s, kindOfClass(cls));
    return s;
}

Band lookupKind(const BandSet &s, HardwareKind kind) {
    auto it = s.byKind.find(kind);
    return it != s.byKind.end() ? it->second : s.global;
}

Band lookupBand(const BandSet &s, const std::string &cls, HardwareKind kind) {
    if (auto it = s.byClass.find(cls); it != s.byClass.end())
        return it->second;
    if (auto it = s.byKind.find(kind); it != s.byKind.end())
        return it->second;
    return s.global;
}

} // namespace

namespace {

bool sameDevice(const Measurement &m, const Build &b, Placement placement) {
    switch (placement) {
    case Placement::CpuOnly:
        return m.placement == Placement::CpuOnly && m.build.cpu.name == b.cpu.name;
    case Placement::Unified:
        return m.placement == Placement::Unified && m.build.integratedGpu && b.integratedGpu &&
               m.build.integratedGpu->name == b.integratedGpu->name;
    case Placement::SingleGpu:
    case Placement::MultiGpuLayerSplit:
    case Placement::MultiGpuTensorParallel:
        return (m.placement == Placement::SingleGpu ||
                m.placement == Placement::MultiGpuLayerSplit ||
                m.placement == Placement::MultiGpuTensorParallel) &&
               !m.build.gpus.empty() && !b.gpus.empty() &&
               m.build.gpus.front().gpu.name == b.gpus.front().gpu.name &&
               gpuCount(m.build) == gpuCount(b);
    case Placement::HybridLayers:
    case Placement::HybridMoeExperts:
        return m.placement == placement && m.build.cpu.name == b.cpu.name &&
               !m.build.gpus.empty() && !b.gpus.empty() &&
               m.build.gpus.front().gpu.name == b.gpus.front().gpu.name;
    }
    return false;
}

std::optional<MeasuredReference>
summarizeMeasured(const std::vector<std::pair<const Measurement *, double>> &found) {
    if (found.empty())
        return std::nullopt;
    MeasuredReference r;
    std::vector<double> v;
    const Measurement *latest = found.front().first;
    bool single = true;
    for (const auto &[m, value] : found) {
        v.push_back(value);
        single = single && m->runs <= 1;
        if (m->date > latest->date)
            latest = m;
    }
    r.medianTokS = quantile(v, 0.5);
    r.lowTokS = *std::min_element(v.begin(), v.end());
    r.highTokS = *std::max_element(v.begin(), v.end());
    r.count = static_cast<int>(v.size());
    r.source = latest->source;
    r.date = latest->date;
    r.singleRun = single;
    return r;
}

} // namespace

void attachMeasurements(Estimate &estimate, const Build &build, const ModelChoice &model,
                        const std::vector<Measurement> &measurements) {
    std::vector<std::pair<const Measurement *, double>> prompt, generation;
    for (const Measurement &m : measurements) {
        if (m.model.model.name != model.model.name || m.model.quant.name != model.quant.name ||
            !sameDevice(m, build, estimate.placement))
            continue;
        if (m.promptTokS)
            prompt.emplace_back(&m, *m.promptTokS);
        if (m.generationTokS)
            generation.emplace_back(&m, *m.generationTokS);
    }
    estimate.measuredPrompt = summarizeMeasured(prompt);
    estimate.measuredGeneration = summarizeMeasured(generation);
}

Assumptions calibrateWithOwnMeasurements(const Assumptions &base,
                                         const std::vector<Measurement> &own,
                                         const std::string &fittedOn) {
    Assumptions a = base;
    struct Group {
        std::string cls;
        HardwareKind kind = HardwareKind::Cpu;
        std::string runtime;
        std::vector<const Measurement *> rows;
    };
    std::map<std::string, Group> groups;
    for (const Measurement &m : own) {
        if (m.suspect)
            continue;
        const std::string cls = hardwareClass(m.build, m.placement);
        Group &g = groups[cls + "@" + m.runtime];
        g.cls = cls;
        g.kind = m.kind;
        g.runtime = m.runtime;
        g.rows.push_back(&m);
    }
    for (auto &[groupKey, g] : groups) {
        // A named copy: lambdas may not capture a structured binding (clang 14, C++20).
        const auto &key = groupKey;
        a.runtime = g.runtime;
        EfficiencyFactors f = a.factorsFor(g.cls, g.kind);
        // The factor that makes the estimator reproduce one row of one phase.
        const auto implied = [&](const Measurement &m, bool generation) {
            const Workload w = workloadOf(m);
            const double target = generation ? *m.generationTokS : *m.promptTokS;
            auto rate = [&](double x) {
                EfficiencyFactors t = f;
                (generation ? t.bandwidth : t.compute) = x;
                a.efficiencyByClass[key] = t;
                const MeasuredPrediction p = predictWith(m, w, a);
                return generation ? p.generationTokS : p.promptTokS;
            };
            return solveIncreasing(rate, target, kMinFactor, kMaxFactor);
        };
        const auto runnable = [&](const Measurement &m) {
            a.efficiencyByClass[key] = f;
            return predictWith(m, workloadOf(m), a).ok;
        };
        int used = 0;
        std::vector<double> bandwidth, compute;
        for (const Measurement *m : g.rows)
            if (m->generationTokS && finitePositive(*m->generationTokS) &&
                !m->generationRuns.empty() && runnable(*m)) {
                bandwidth.push_back(implied(*m, true));
                ++used;
            }
        if (!bandwidth.empty())
            f.bandwidth = physicalBandwidth(median(bandwidth));
        for (const Measurement *m : g.rows)
            if (m->promptTokS && finitePositive(*m->promptTokS) && !m->promptRuns.empty() &&
                runnable(*m)) {
                compute.push_back(implied(*m, false));
                ++used;
            }
        if (!compute.empty())
            f.compute = median(compute);
        if (used == 0) {
            a.efficiencyByClass.erase(key);
            if (const auto it = base.efficiencyByClass.find(key);
                it != base.efficiencyByClass.end())
                a.efficiencyByClass[key] = it->second;
            continue;
        }
        f.measurements = used;
        f.ownMeasurements = used;
        f.fittedOn = fittedOn;
        a.efficiencyByClass[key] = f;
    }
    a.runtime = base.runtime;
    return a;
}

HardwareKind kindOfClass(const std::string &hardwareClass) {
    if (hardwareClass.rfind("gpu-", 0) == 0)
        return HardwareKind::Gpu;
    if (hardwareClass.rfind("unified-", 0) == 0)
        return HardwareKind::Unified;
    return HardwareKind::Cpu;
}

const char *toString(MeasuredPhase phase) {
    return phase == MeasuredPhase::Prompt ? "prompt" : "generation";
}

MeasuredPrediction predictMeasurement(const Measurement &m, const Assumptions &assumptions) {
    Assumptions a = assumptions;
    return predictWith(m, workloadOf(m), a);
}

Assumptions fitEfficiency(const std::vector<Measurement> &train, const Assumptions &base,
                          const CalibrationOptions &options) {
    const std::vector<Prepared> prepared = prepare(train, base, options);
    return fitPrepared(pointers(prepared), base, options);
}

std::vector<Residual> crossValidate(const std::vector<Measurement> &all, const Assumptions &base,
                                    const CalibrationOptions &options) {
    const std::vector<Prepared> prepared = prepare(all, base, options);
    std::set<std::string> deviceSet;
    for (const Measurement &m : all)
        deviceSet.insert(m.device);
    const std::vector<std::string> devices(deviceSet.begin(), deviceSet.end());
    // One fit per held-out device; the fits share nothing but the read-only
    // prepared rows, so they run on every core. Each fold's residuals are
    // kept apart and joined in device order: the result does not depend on
    // the number of threads.
    std::vector<std::vector<Residual>> folds(devices.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next.fetch_add(1); i < devices.size(); i = next.fetch_add(1)) {
            const std::string &device = devices[i];
            std::vector<const Prepared *> train;
            for (const Prepared &p : prepared)
                if (p.m->device != device)
                    train.push_back(&p);
            Assumptions fitted = fitPrepared(train, base, options);
            for (const Prepared &p : prepared)
                if (p.m->device == device)
                    appendResiduals(folds[i], p, fitted);
        }
    };
    const std::size_t threads =
        std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), devices.size());
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
    std::vector<Residual> out;
    for (std::vector<Residual> &fold : folds)
        out.insert(out.end(), std::make_move_iterator(fold.begin()),
                   std::make_move_iterator(fold.end()));
    return out;
}

std::vector<Residual> residualsOf(const std::vector<Measurement> &all,
                                  const Assumptions &assumptions) {
    Assumptions a = assumptions;
    std::vector<Residual> out;
    for (const Measurement &m : all) {
        Prepared p;
        p.m = &m;
        p.workload = workloadOf(m);
        p.kind = m.kind;
        appendResiduals(out, p, a);
    }
    return out;
}

void fitBands(Assumptions &assumptions, const std::vector<Residual> &residuals, double coverage,
              int minimumPerClass) {
    for (MeasuredPhase phase : {MeasuredPhase::Prompt, MeasuredPhase::Generation}) {
        std::vector<const Residual *> rs;
        for (const Residual &r : residuals)
            if (r.phase == phase)
                rs.push_back(&r);
        const BandSet s = bandsFrom(rs, coverage, minimumPerClass);
        auto &map = phase == MeasuredPhase::Prompt ? assumptions.promptBandByClass
                                                   : assumptions.generationBandByClass;
        map.clear();
        for (const auto &[cls, b] : s.byClass)
            map[cls] = b;
        // Classes the estimator knows but the data does not: their kind's band.
        for (const auto &[key, f] : assumptions.efficiencyByClass) {
            const std::string cls = key.substr(0, key.find('@'));
            if (!map.count(cls))
                map[cls] = lookupBand(s, cls, kindOfClass(cls));
        }
    }
    // One default band for both phases (Assumptions has one): the pooled residuals.
    std::vector<double> all;
    for (const Residual &r : residuals)
        if (r.predicted > 0 && r.measured > 0)
            all.push_back(r.measured / r.predicted);
    if (!all.empty())
        assumptions.defaultBand = bandOf(all, coverage);
}

double bandCoverage(const std::vector<Residual> &residuals, MeasuredPhase phase, double coverage,
                    int minimumPerClass) {
    std::set<std::string> devices;
    for (const Residual &r : residuals)
        if (r.phase == phase)
            devices.insert(r.device);
    int inside = 0, total = 0;
    for (const std::string &d : devices) {
        std::vector<const Residual *> others;
        for (const Residual &r : residuals)
            if (r.phase == phase && r.device != d)
                others.push_back(&r);
        const BandSet s = bandsFrom(others, coverage, minimumPerClass);
        for (const Residual &r : residuals) {
            if (r.phase != phase || r.device != d || !(r.predicted > 0))
                continue;
            const Band b = lookupBand(s, r.hardwareClass, r.kind);
            const double ratio = r.measured / r.predicted;
            ++total;
            if (ratio >= b.low && ratio <= b.high)
                ++inside;
        }
    }
    return total > 0 ? static_cast<double>(inside) / total : 0.0;
}

} // namespace llm
