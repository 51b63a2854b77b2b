// SPDX-License-Identifier: MIT
#include "decision.h"

#include "cost.h"
#include "fastestimate.h"
#include "recommend.h"
#include "text.h"

#include <algorithm>
#include <cmath>

namespace llm {

namespace {

bool meetsAll(const Estimate &e) {
    return e.fits && !e.useCases.empty() &&
           std::all_of(e.useCases.begin(), e.useCases.end(),
                       [](const UseCaseVerdict &v) { return v.pass; });
}

BuildDecision judge(const Build &build, const Estimate &e, const Assumptions &a) {
    BuildDecision d;
    d.name = build.name.empty() ? e.buildName.str() : build.name;
    d.fits = e.fits;
    d.memoryNeededGb = units::inGigabytes(e.memory.total);
    d.memoryHasGb = units::inGigabytes(e.memory.ramAvailable + e.memory.vramAvailable);
    d.needsTotal = static_cast<int>(e.useCases.size());
    for (const UseCaseVerdict &v : e.useCases) {
        if (v.pass) {
            ++d.needsMet;
            if (v.borderline)
                ++d.couldMiss;
        } else {
            ++d.fails;
        }
    }
    const ShownPrice price = shownPrice(build, a);
    d.priceEur = price.eur;
    d.priceSource = price.source;
    if (price.source == PriceSource::Quote)
        d.priceNote = build.quoteSource;
    d.generationTokS = e.fits ? units::inTokensPerSecond(e.generationRate) : 0.0;
    d.margin = fast::margin(e, a.thresholds);
    return d;
}

std::optional<CheapestFix> cheapestFix(const Build &build, const BuildDecision &d,
                                       const DecisionInput &in) {
    std::optional<CheapestFix> best;
    double bestDelta = 0;
    for (const WhatIf &w :
         whatIfs(build, in.model, in.workload, in.assumptions, *in.catalog, in.rules)) {
        if (!isHardwareChange(w.change) || offerProblem(w) != OfferProblem::None ||
            !meetsAll(w.estimate) || !d.priceEur)
            continue; // a change without a price cannot be called the cheapest
        const std::optional<double> delta = w.priceDeltaEur();
        if (best && *delta >= bestDelta)
            continue;
        const std::optional<PricedChange> priced =
            pricedChange(w, ShownPrice{d.priceEur, d.priceSource});
        if (!priced)
            continue;
        CheapestFix fix;
        fix.change = w.change;
        fix.description = w.description;
        fix.costEur = priced->costEur;
        fix.newTotalEur = priced->newTotalEur;
        fix.newTotalSource = priced->newTotalSource;
        fix.build = w.build;
        bestDelta = *delta;
        best = fix;
    }
    return best;
}

// The comparison's cheapest build meeting every need with `model`, or -1.
// Unpriced builds count only when no priced one passes.
struct Pick {
    int index = -1;
    ShownPrice price;
};
Pick cheapestPassing(const DecisionInput &in, const ModelChoice &model) {
    Pick pick;
    const std::vector<Build> &builds = *in.builds;
    for (std::size_t i = 0; i < builds.size(); ++i) {
        if (!meetsAll(estimate(builds[i], model, in.workload, in.assumptions)))
            continue;
        const ShownPrice p = shownPrice(builds[i], in.assumptions);
        const bool better =
            pick.index < 0 || (p.eur && (!pick.price.eur || *p.eur < *pick.price.eur));
        if (better) {
            pick.index = static_cast<int>(i);
            pick.price = p;
        }
    }
    return pick;
}

void addOption(DecisionSummary &s, OptionKind kind, std::string what, const std::string &buildName,
               const ShownPrice &price) {
    DecisionOption o;
    o.kind = kind;
    o.what = std::move(what);
    o.buildName = buildName;
    o.priceEur = price.eur;
    o.priceSource = price.source;
    s.options.push_back(std::move(o));
}

void findOptions(DecisionSummary &s, const DecisionInput &in) {
    const Catalog &catalog = *in.catalog;
    const std::vector<Build> &builds = *in.builds;

    // (a) The same model at fewer bits per weight: the largest such quantization
    // with which one of the builds meets every need (more bits = better quality).
    std::vector<const Quantization *> quants;
    for (const Quantization &q : catalog.quants)
        if (q.bitsPerWeight > 0 && q.bitsPerWeight < in.model.quant.bitsPerWeight - 1e-9 &&
            q.name.find("(block)") == std::string::npos)
            quants.push_back(&q);
    std::stable_sort(quants.begin(), quants.end(),
                     [](const Quantization *x, const Quantization *y) {
                         return x->bitsPerWeight > y->bitsPerWeight;
                     });
    for (const Quantization *q : quants) {
        ModelChoice m = in.model;
        m.quant = *q;
        m.fileSize.reset(); // a known file size belongs to one quantization
        const Pick p = cheapestPassing(in, m);
        if (p.index >= 0) {
            addOption(s, OptionKind::SmallerQuantization, q->name,
                      builds[static_cast<std::size_t>(p.index)].name, p.price);
            break;
        }
    }

    // (b) A smaller model of the same family at the same quantization: the largest that works.
    const Model &current = in.model.model;
    std::vector<const Model *> models;
    if (!current.family.empty())
        for (const Model &m : catalog.models)
            if (equalsIgnoringCase(m.family, current.family) && m.paramsTotal > 0 &&
                m.paramsTotal < 0.9 * current.paramsTotal)
                models.push_back(&m);
    std::stable_sort(models.begin(), models.end(), [](const Model *x, const Model *y) {
        return x->paramsTotal > y->paramsTotal;
    });
    for (const Model *model : models) {
        ModelChoice m;
        m.model = *model;
        m.quant = in.model.quant;
        const Pick p = cheapestPassing(in, m);
        if (p.index >= 0) {
            addOption(s, OptionKind::SmallerModel, model->name,
                      builds[static_cast<std::size_t>(p.index)].name, p.price);
            break;
        }
    }

    // (c) The cheapest catalogue build that meets every need with the model as chosen.
    if (in.searchCatalogue && in.rules) {
        RecommendRequest request;
        request.model = in.model;
        request.workload = in.workload;
        request.budgetEur = in.budgetEur;
        request.top = 1;
        const RecommendResult r = recommend(catalog, *in.rules, request, in.assumptions);
        if (!r.front.empty()) {
            const Recommendation &rec = r.front.front();
            ShownPrice price;
            if (rec.cost.priceEur) {
                price.eur = roundEstimateEur(*rec.cost.priceEur);
                price.source = PriceSource::Estimate;
            }
            addOption(s, OptionKind::CatalogueBuild, rec.build.name, rec.build.name, price);
        }
    }
}

} // namespace

bool isHardwareChange(WhatIfChange c) {
    switch (c) {
    case WhatIfChange::FasterMemory:
    case WhatIfChange::AllChannels:
    case WhatIfChange::OneMoreGpu:
    case WhatIfChange::LargerGpu:
    case WhatIfChange::SmallerGpu:
        return true;
    case WhatIfChange::QuantUp:
    case WhatIfChange::QuantDown:
    case WhatIfChange::DoubleContext:
        return false;
    }
    return false;
}

OfferProblem offerProblem(const WhatIf &w) {
    if (!w.available)
        return OfferProblem::NotPossible;
    if (!isHardwareChange(w.change))
        return OfferProblem::None;
    if (!w.platformProblems.empty())
        return OfferProblem::NotBuildable;
    if (!w.priceDeltaEur() || !w.priceAfterEur)
        return OfferProblem::NoPrice;
    return OfferProblem::None;
}

const char *toString(PriceSource source) {
    switch (source) {
    case PriceSource::Unknown:
        return "unknown";
    case PriceSource::Estimate:
        return "estimate";
    case PriceSource::Quote:
        return "quote";
    }
    return "unknown";
}

const char *toString(Badge badge) {
    switch (badge) {
    case Badge::CheapestMeetingAll:
        return "cheapest-meeting-every-need";
    case Badge::BestValue:
        return "best-value";
    case Badge::MostHeadroom:
        return "most-headroom";
    }
    return "unknown";
}

const char *toString(OptionKind kind) {
    switch (kind) {
    case OptionKind::SmallerQuantization:
        return "smaller-quantization";
    case OptionKind::SmallerModel:
        return "smaller-model";
    case OptionKind::CatalogueBuild:
        return "catalogue-build";
    }
    return "unknown";
}

double roundEstimateEur(double eur) {
    if (!std::isfinite(eur))
        return eur;
    const double step = std::fabs(eur) < 1000.0 ? 10.0 : 100.0;
    return std::round(eur / step) * step;
}

double shownPriceEur(double eur, PriceSource source) {
    return source == PriceSource::Estimate ? roundEstimateEur(eur) : eur;
}

ShownPrice shownPrice(const Build &build, const Assumptions &a) {
    ShownPrice p;
    const CostSummary cost = costOf(build, units::TokenRate{}, a);
    if (!cost.priceEur)
        return p;
    const bool quoted = build.quotedPriceEur && *cost.priceEur == *build.quotedPriceEur;
    p.source = quoted ? PriceSource::Quote : PriceSource::Estimate;
    p.eur = shownPriceEur(*cost.priceEur, p.source);
    return p;
}

std::optional<PricedChange> pricedChange(const WhatIf &w, const ShownPrice &buildPrice) {
    if (!isHardwareChange(w.change) || offerProblem(w) != OfferProblem::None || !buildPrice.eur ||
        buildPrice.source == PriceSource::Unknown)
        return std::nullopt;
    PricedChange p;
    p.costEur = roundEstimateEur(*w.priceDeltaEur());
    if (buildPrice.source == PriceSource::Quote) {
        p.newTotalEur = *buildPrice.eur + p.costEur;
        p.newTotalSource = PriceSource::Quote;
    } else {
        p.newTotalEur = roundEstimateEur(*w.priceAfterEur);
        p.newTotalSource = PriceSource::Estimate;
    }
    return p;
}

bool DecisionSummary::fitsNowhere() const {
    return std::none_of(builds.begin(), builds.end(),
                        [](const BuildDecision &b) { return b.fits; });
}

bool DecisionSummary::noneMeetsAll() const {
    return std::none_of(builds.begin(), builds.end(),
                        [](const BuildDecision &b) { return b.meetsAll(); });
}

DecisionSummary decide(const DecisionInput &in) {
    DecisionSummary s;
    s.modelName = in.model.model.name;
    s.quantName = in.model.quant.name;
    for (const UseCase &u : in.workload.useCases)
        s.needs.push_back(u.id);
    if (!in.builds || !in.estimates)
        return s;
    const std::vector<Build> &builds = *in.builds;
    const std::vector<Estimate> &estimates = *in.estimates;
    const std::size_t n = std::min(builds.size(), estimates.size());
    for (std::size_t i = 0; i < n; ++i)
        s.builds.push_back(judge(builds[i], estimates[i], in.assumptions));

    // Badges, among builds that meet every need.
    std::vector<std::size_t> passing;
    for (std::size_t i = 0; i < n; ++i)
        if (s.builds[i].meetsAll())
            passing.push_back(i);
    const auto bestBy = [&](auto better) -> std::optional<std::size_t> {
        std::optional<std::size_t> best;
        for (const std::size_t i : passing)
            if (better(s.builds[i], best ? &s.builds[*best] : nullptr))
                best = i;
        return best;
    };
    s.cheapestMeetingAll = bestBy([](const BuildDecision &b, const BuildDecision *cur) {
        return b.priceEur && (!cur || *b.priceEur < *cur->priceEur);
    });
    // Best value compares prices: only among two or more priced builds.
    const auto priced = std::count_if(passing.begin(), passing.end(), [&](std::size_t i) {
        return s.builds[i].priceEur && s.builds[i].generationTokS > 0;
    });
    if (priced >= 2)
        s.bestValue = bestBy([](const BuildDecision &b, const BuildDecision *cur) {
            if (!b.priceEur || b.generationTokS <= 0)
                return false;
            return !cur || *b.priceEur / b.generationTokS < *cur->priceEur / cur->generationTokS;
        });
    if (passing.size() >= 2)
        s.mostHeadroom = bestBy([](const BuildDecision &b, const BuildDecision *cur) {
            return !cur || b.margin > cur->margin;
        });
    if (s.cheapestMeetingAll)
        s.builds[*s.cheapestMeetingAll].badges.push_back(Badge::CheapestMeetingAll);
    if (s.bestValue)
        s.builds[*s.bestValue].badges.push_back(Badge::BestValue);
    if (s.mostHeadroom)
        s.builds[*s.mostHeadroom].badges.push_back(Badge::MostHeadroom);

    if (!in.catalog)
        return s;
    for (std::size_t i = 0; i < n; ++i)
        if (s.builds[i].fails > 0)
            s.builds[i].cheapestFix = cheapestFix(builds[i], s.builds[i], in);
    if (s.noneMeetsAll())
        findOptions(s, in);
    return s;
}

} // namespace llm
