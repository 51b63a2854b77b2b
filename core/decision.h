// SPDX-License-Identifier: MIT
#pragma once
// The decision summary of a comparison: for each build, whether the model fits,
// how many of the chosen needs (use cases) it meets and at what price; the
// comparison's badges; the cheapest single change that makes a failing build
// meet every need; and, when no build does, the options that would.
//
// Only facts (enums, names, numbers) are computed here. Sentences are made by
// the callers (CLI, window, report) so that they can be translated.

#include "assumptions.h"
#include "catalog.h"
#include "estimate.h"
#include "hardware.h"
#include "model.h"
#include "platform.h"
#include "whatif.h"
#include "workload.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace llm {

// Where a price comes from.
enum class PriceSource {
    Unknown,  // a part has no catalogue price and the user typed no quote
    Estimate, // catalogue list prices (USD) x exchange rate, plus RAM and platform allowances
    Quote,    // typed by the user (Build::quotedPriceEur): exact, never rounded
};

// Stable identifiers: "unknown", "estimate", "quote".
const char *toString(PriceSource source);

// The one rounding of estimated prices, used by every output (CLI, window,
// report): to 10 EUR below 1,000 EUR, to 100 EUR from 1,000 EUR up. Estimates
// carry errors of several percent, so more digits would look like a quote.
double roundEstimateEur(double eur);
// The price as shown: quotes exactly as typed, estimates rounded.
double shownPriceEur(double eur, PriceSource source);

enum class Badge {
    CheapestMeetingAll, // lowest price among builds that meet every need
    BestValue,          // lowest price per token/s of writing speed among those builds
    MostHeadroom,       // largest smallest margin (fast::margin) among those builds
};

// Stable identifiers: "cheapest-meeting-every-need", "best-value", "most-headroom".
const char *toString(Badge badge);

// A change of the build's parts (memory, GPUs), as opposed to one of the model or
// of the workload.
bool isHardwareChange(WhatIfChange change);

// What keeps a what-if from being offered to a buyer. The one rule for every
// caller (the cheapest fix below, the What if tab): a part is offered only when
// it can be bought (whatIfs() already keeps out parts not sold new and GPUs the
// platform does not take), the changed build passes the platform checks, and
// both prices are known. Changes of the model or the workload need no price.
enum class OfferProblem {
    None,
    NotPossible,  // nothing to change (WhatIf::notPossible says why)
    NotBuildable, // the changed build fails a platform check (WhatIf::platformProblems)
    NoPrice,      // a part of the build or the change has no catalogue price
};
OfferProblem offerProblem(const WhatIf &whatIf);

// A priced change as every output words it: its cost rounded like every estimate,
// and the new total (a quoted build: the quote plus that cost). Empty unless
// offerProblem() is None, the change is to the hardware, and the build has a price.
struct PricedChange {
    double costEur = 0;
    double newTotalEur = 0;
    PriceSource newTotalSource = PriceSource::Estimate;
};
struct ShownPrice;
std::optional<PricedChange> pricedChange(const WhatIf &whatIf, const ShownPrice &buildPrice);

// The least expensive single hardware change (from whatIfs()) after which the
// build meets every need, among the changes that are buildable on its platform
// and priced. Changes of the model or the workload are not fixes of a build;
// they appear among the options instead.
struct CheapestFix {
    WhatIfChange change = WhatIfChange::OneMoreGpu;
    std::string description; // the what-if's own, e.g. "1 -> 2x NVIDIA GeForce RTX 5090"
    double costEur = 0;      // estimated price of the change (rounded like every estimate)
    double newTotalEur = 0;  // the build's shown price + costEur
    PriceSource newTotalSource = PriceSource::Estimate; // Quote: a quote plus an estimated change
    Build build; // the build after the change, for callers that word it
};

struct BuildDecision {
    std::string name;
    bool fits = false;
    double memoryNeededGb = 0; // weights + KV cache + overhead
    double memoryHasGb = 0;    // what the reported placement can use
    int needsTotal = 0;
    int needsMet = 0;  // passing use cases, could-miss ones included
    int couldMiss = 0; // passing at the estimate, not at the low end of its band
    int fails = 0;
    bool meetsAll() const { return fits && needsTotal > 0 && fails == 0; }
    std::optional<double> priceEur; // as shown (see shownPriceEur); empty when unknown
    PriceSource priceSource = PriceSource::Unknown;
    std::string priceNote;     // Build::priceSource for a quote ("Supplier X, 2026-12-01")
    double generationTokS = 0; // headline writing speed (0 when the model does not fit)
    double margin = 0;         // fast::margin of the estimate: 1 = exactly at the targets
    std::vector<Badge> badges;
    std::optional<CheapestFix> cheapestFix; // only for a build with fails
};

enum class OptionKind {
    SmallerQuantization, // same model, fewer bits per weight
    SmallerModel,        // same family, fewer parameters, same quantization
    CatalogueBuild,      // the recommender's cheapest build that meets every need
};

// Stable identifiers: "smaller-quantization", "smaller-model", "catalogue-build".
const char *toString(OptionKind kind);

// A way forward when no build meets every need.
struct DecisionOption {
    OptionKind kind = OptionKind::SmallerQuantization;
    std::string what;      // quantization name, model name, or the catalogue build's name
    std::string buildName; // the build that meets every need with it (the comparison's
                           // cheapest for a quantization or model; the catalogue build itself)
    std::optional<double> priceEur; // that build's shown price
    PriceSource priceSource = PriceSource::Unknown;
};

struct DecisionSummary {
    std::string modelName;
    std::string quantName;
    std::vector<std::string> needs; // use-case ids, in the workload's order
    std::vector<BuildDecision> builds;
    // Indices into builds; empty when no build earns the badge. Best value is only
    // given when two or more priced builds meet every need, most headroom when two
    // or more builds do.
    std::optional<std::size_t> cheapestMeetingAll, bestValue, mostHeadroom;
    bool fitsNowhere() const;
    bool noneMeetsAll() const;
    std::vector<DecisionOption> options; // only when no build meets every need
};

struct DecisionInput {
    const std::vector<Build> *builds = nullptr;
    const std::vector<Estimate> *estimates = nullptr; // estimate() of each build, same order
    ModelChoice model;
    Workload workload;
    Assumptions assumptions;
    // Both optional: without the catalogue there are no fixes and no options; without
    // rules, fixes are not checked against the platform and there is no recommender option.
    const Catalog *catalog = nullptr;
    const PlatformRules *rules = nullptr;
    // Run the recommender for the CatalogueBuild option (a sweep of the catalogue:
    // about a second; interactive callers may leave it off).
    bool searchCatalogue = true;
    std::optional<double> budgetEur; // for that search
};

DecisionSummary decide(const DecisionInput &input);

// The price of a build as every output shows it, with its source.
struct ShownPrice {
    std::optional<double> eur;
    PriceSource source = PriceSource::Unknown;
};
ShownPrice shownPrice(const Build &build, const Assumptions &assumptions);

} // namespace llm
