// SPDX-License-Identifier: MIT
#include "whatif.h"

#include "cost.h"
#include "fastestimate.h"
#include "validation.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace llm {

namespace {

using namespace units;

std::string mts(TransferRate s) {
    return std::to_string(std::lround(inMegatransfersPerSecond(s)));
}

std::string memoryType(const Cpu &cpu) {
    return cpu.memoryType.substr(0, cpu.memoryType.find(' '));
}

// Discrete catalogue GPUs one can buy for this platform, by VRAM, then bandwidth, then name.
std::vector<const Gpu *> gpuLadder(const Catalog &catalog, const PlatformRule *rule,
                                   bool includeUsed) {
    std::vector<const Gpu *> out;
    for (const Gpu &g : catalog.gpus)
        if (!g.integrated && g.vram.value() > 0 && buyable(g, includeUsed) &&
            (!rule || takesGpu(*rule, g)))
            out.push_back(&g);
    std::sort(out.begin(), out.end(), [](const Gpu *a, const Gpu *b) {
        if (a->vram != b->vram)
            return a->vram < b->vram;
        if (a->bandwidth != b->bandwidth)
            return a->bandwidth < b->bandwidth;
        return a->name < b->name;
    });
    return out;
}

bool ladderLess(const Gpu &a, const Gpu &b) {
    if (a.vram != b.vram)
        return a.vram < b.vram;
    if (a.bandwidth != b.bandwidth)
        return a.bandwidth < b.bandwidth;
    return a.name < b.name;
}

// Whole-model quantizations by bits per weight (block-only rows describe parts of one).
std::vector<const Quantization *> quantLadder(const Catalog &catalog) {
    std::vector<const Quantization *> out;
    for (const Quantization &q : catalog.quants)
        if (q.bitsPerWeight > 0 && q.name.find("(block)") == std::string::npos)
            out.push_back(&q);
    std::stable_sort(out.begin(), out.end(), [](const Quantization *a, const Quantization *b) {
        return a->bitsPerWeight < b->bitsPerWeight;
    });
    return out;
}

// A catalogue GPU as it sits in this build's slot: no wider than the slot.
Gpu inSlot(Gpu g, const Build &b, int count, int currentLanes, const PlatformRules *rules) {
    int slot = currentLanes;
    if (rules)
        if (const PlatformRule *rule = rules->find(b.cpu))
            if (const int l = lanesPerGpu(*rule, b.cpu, count); l > 0)
                slot = l;
    if (slot > 0)
        g.pcieLanes = std::min(g.pcieLanes, slot);
    return g;
}

} // namespace

const char *toString(WhatIfChange change) {
    switch (change) {
    case WhatIfChange::FasterMemory:
        return "faster-memory";
    case WhatIfChange::AllChannels:
        return "all-channels";
    case WhatIfChange::OneMoreGpu:
        return "one-more-gpu";
    case WhatIfChange::LargerGpu:
        return "larger-gpu";
    case WhatIfChange::SmallerGpu:
        return "smaller-gpu";
    case WhatIfChange::QuantUp:
        return "quant-up";
    case WhatIfChange::QuantDown:
        return "quant-down";
    case WhatIfChange::DoubleContext:
        return "double-context";
    }
    return "unknown";
}

std::vector<WhatIf> whatIfs(const Build &build, const ModelChoice &model, const Workload &workload,
                            const Assumptions &a, const Catalog &catalog,
                            const PlatformRules *rules, bool includeUsed) {
    const PlatformRule *rule = rules ? rules->find(build.cpu) : nullptr;
    const Estimate before = estimate(build, model, workload, a);
    // Prices here are estimates on both sides, so that the difference is the
    // price of the change even when the user typed a quote for the build.
    const auto estimated = [](Build b) {
        b.quotedPriceEur.reset();
        return b;
    };
    const CostSummary costBefore = costOf(estimated(build), before.generationRate, a);
    std::vector<WhatIf> out;
    const auto make = [&](WhatIfChange c) -> WhatIf & {
        WhatIf &w = out.emplace_back();
        w.change = c;
        w.build = build;
        w.model = model;
        w.workload = workload;
        return w;
    };
    const auto unavailable = [](WhatIf &w, NotPossible code, std::string why) {
        w.available = false;
        w.notPossible = code;
        w.reason = std::move(why);
    };

    // Memory speed.
    {
        WhatIf &w = make(WhatIfChange::FasterMemory);
        const std::vector<TransferRate> speeds = supportedSpeeds(catalog, build.cpu);
        const auto next =
            std::upper_bound(speeds.begin(), speeds.end(), build.memory.speed * 1.0001);
        if (next == speeds.end()) {
            unavailable(w, NotPossible::AtFastestMemory,
                        "already at the fastest speed " + build.cpu.name + " is rated for");
        } else {
            w.build.memory.speed = *next;
            w.description = memoryType(build.cpu) + "-" + mts(build.memory.speed) + " -> " +
                            memoryType(build.cpu) + "-" + mts(*next);
            w.available = true;
        }
    }
    // All channels.
    {
        WhatIf &w = make(WhatIfChange::AllChannels);
        const int all = build.cpu.memoryChannels;
        if (build.memory.channels <= 0 || build.memory.channels >= all) {
            unavailable(w, NotPossible::AllChannelsFilled,
                        "every memory channel is already populated");
        } else {
            w.build.memory.channels = all;
            w.build.memory.capacity =
                build.memory.capacity * (static_cast<double>(all) / build.memory.channels);
            w.description = std::to_string(build.memory.channels) + " -> " + std::to_string(all) +
                            " channels (same DIMMs in each: " +
                            std::to_string(std::lround(inGigabytes(w.build.memory.capacity))) +
                            " GB)";
            w.available = true;
        }
    }
    // GPUs.
    const GpuGroup *first = nullptr;
    for (const GpuGroup &g : build.gpus)
        if (g.count > 0) {
            first = &g;
            break;
        }
    {
        WhatIf &w = make(WhatIfChange::OneMoreGpu);
        if (!first) {
            unavailable(w, NotPossible::NoGpu, "the build has no discrete GPU to add another of");
        } else if (!buyable(first->gpu, includeUsed)) {
            unavailable(w, NotPossible::GpuNotSoldNew, first->gpu.name + " is no longer sold new");
        } else if (rule && !takesGpu(*rule, first->gpu)) {
            unavailable(w, NotPossible::GpuDoesNotFit,
                        first->gpu.name + " does not fit the slots of " + rule->platform);
        } else {
            GpuGroup &g = w.build.gpus[static_cast<std::size_t>(first - build.gpus.data())];
            ++g.count;
            g.gpu = inSlot(g.gpu, build, g.count, g.gpu.pcieLanes, rules);
            w.description =
                std::to_string(first->count) + " -> " + std::to_string(g.count) + "x " + g.gpu.name;
            w.available = true;
        }
    }
    const std::vector<const Gpu *> ladder = gpuLadder(catalog, rule, includeUsed);
    for (const WhatIfChange c : {WhatIfChange::LargerGpu, WhatIfChange::SmallerGpu}) {
        WhatIf &w = make(c);
        if (!first) {
            unavailable(w, NotPossible::NoGpu, "the build has no discrete GPU to swap");
            continue;
        }
        const Gpu *pick = nullptr;
        if (c == WhatIfChange::LargerGpu) {
            for (const Gpu *g : ladder)
                if (ladderLess(first->gpu, *g) && g->name != first->gpu.name) {
                    pick = g;
                    break;
                }
        } else {
            for (auto it = ladder.rbegin(); it != ladder.rend(); ++it)
                if (ladderLess(**it, first->gpu) && (*it)->name != first->gpu.name) {
                    pick = *it;
                    break;
                }
        }
        if (!pick) {
            if (c == WhatIfChange::LargerGpu)
                unavailable(w, NotPossible::NoLargerGpu, "no larger GPU on sale for this build");
            else
                unavailable(w, NotPossible::NoSmallerGpu, "no smaller GPU on sale for this build");
            continue;
        }
        GpuGroup &g = w.build.gpus[static_cast<std::size_t>(first - build.gpus.data())];
        g.gpu = inSlot(*pick, build, g.count, first->gpu.pcieLanes, rules);
        w.description = first->gpu.name + " -> " + pick->name;
        w.available = true;
    }
    // Quantization.
    const std::vector<const Quantization *> quants = quantLadder(catalog);
    for (const WhatIfChange c : {WhatIfChange::QuantUp, WhatIfChange::QuantDown}) {
        WhatIf &w = make(c);
        const double bpw = model.quant.bitsPerWeight;
        const Quantization *pick = nullptr;
        if (c == WhatIfChange::QuantUp) {
            for (const Quantization *q : quants)
                if (q->bitsPerWeight > bpw + 1e-9) {
                    pick = q;
                    break;
                }
        } else {
            for (auto it = quants.rbegin(); it != quants.rend(); ++it)
                if ((*it)->bitsPerWeight < bpw - 1e-9) {
                    pick = *it;
                    break;
                }
        }
        if (!pick) {
            if (c == WhatIfChange::QuantUp)
                unavailable(w, NotPossible::NoHigherQuant,
                            "no quantization with more bits per weight");
            else
                unavailable(w, NotPossible::NoLowerQuant,
                            "no quantization with fewer bits per weight");
            continue;
        }
        w.model.quant = *pick;
        w.model.fileSize.reset(); // a known file size belongs to one quantization
        w.description = model.quant.name + " -> " + pick->name;
        w.available = true;
    }
    // Context.
    {
        WhatIf &w = make(WhatIfChange::DoubleContext);
        for (UseCase &u : w.workload.useCases) {
            u.promptTokens = 2.0 * u.promptTokens;
            u.generatedTokens = 2.0 * u.generatedTokens;
        }
        w.description = "prompt and output of every use case doubled";
        w.available = !w.workload.useCases.empty();
        if (!w.available)
            unavailable(w, NotPossible::NoUseCases, "no use cases");
    }

    for (WhatIf &w : out) {
        w.priceBeforeEur = costBefore.priceEur;
        if (!w.available)
            continue;
        w.estimate = estimate(w.build, w.model, w.workload, a);
        const CostSummary after = costOf(estimated(w.build), w.estimate.generationRate, a);
        w.priceAfterEur = after.priceEur;
        if (rules)
            w.platformProblems = checkBuild(w.build, catalog, *rules, a);
        for (std::size_t i = 0; i < w.estimate.useCases.size() && i < before.useCases.size(); ++i) {
            UseCaseDelta d;
            d.useCase = before.useCases[i].useCase->id;
            d.passBefore = before.useCases[i].pass;
            d.passAfter = w.estimate.useCases[i].pass;
            d.marginBefore = fast::margin(before.useCases[i], before.fits, a.thresholds);
            d.marginAfter = fast::margin(w.estimate.useCases[i], w.estimate.fits, a.thresholds);
            w.useCases.push_back(d);
        }
    }
    return out;
}

} // namespace llm
