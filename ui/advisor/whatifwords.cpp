// SPDX-License-Identifier: MIT
#include "whatifwords.h"

#include "comparison/format.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

namespace llm::ui {

namespace {

QString gpuName(const Build &b) {
    return scenario::firstGpuName(b);
}

// Rounded estimates are whole euros: never "50.00 EUR". Written as everywhere
// else (fmt::euros): "1,700 EUR", not "€1,700" in one place and "1,700 EUR" in the next.
QString wholeEuros(double eur) {
    return fmt::euros(eur, 0);
}

// "≈ +1,700 EUR (new total ≈ 5,000 EUR)": the one wording of a priced change, for the
// list and for each build's cheapest fix.
QString costText(double costEur, double newTotalEur, PriceSource totalSource) {
    const QString amount = wholeEuros(std::abs(costEur));
    const QString cost = costEur > 0   ? WhatIfWords::tr("≈ +%1").arg(amount)
                         : costEur < 0 ? WhatIfWords::tr("saves ≈ %1").arg(amount)
                                       : WhatIfWords::tr("about the same price");
    const QString total =
        totalSource == PriceSource::Quote
            ? WhatIfWords::tr("new total %1: your quote plus the estimated change")
                  .arg(wholeEuros(newTotalEur))
            : WhatIfWords::tr("new total ≈ %1").arg(wholeEuros(newTotalEur));
    return WhatIfWords::tr("%1 (%2)").arg(cost, total);
}

QString notPossibleReason(NotPossible why, const Build &before) {
    switch (why) {
    case NotPossible::None:
        break;
    case NotPossible::AtFastestMemory:
        return WhatIfWords::tr("the memory already runs at the fastest speed the processor "
                               "supports");
    case NotPossible::AllChannelsFilled:
        return WhatIfWords::tr("every memory channel is already filled");
    case NotPossible::NoGpu:
        return WhatIfWords::tr("the build has no graphics card");
    case NotPossible::GpuNotSoldNew:
        return WhatIfWords::tr("the %1 is no longer sold new").arg(gpuName(before));
    case NotPossible::GpuDoesNotFit:
        return WhatIfWords::tr("the %1 does not fit this computer's slots").arg(gpuName(before));
    case NotPossible::NoLargerGpu:
        return WhatIfWords::tr("no larger graphics card on sale fits this build");
    case NotPossible::NoSmallerGpu:
        return WhatIfWords::tr("no smaller graphics card on sale fits this build");
    case NotPossible::NoHigherQuant:
        return WhatIfWords::tr("the model already runs at the highest quality in the catalogue");
    case NotPossible::NoLowerQuant:
        return WhatIfWords::tr("the catalogue has no smaller file of this model");
    case NotPossible::NoUseCases:
        return WhatIfWords::tr("no needs are chosen");
    }
    return WhatIfWords::tr("not possible");
}

QString platformReason(const Problem &p) {
    const std::string_view f = p.field;
    if (f == "memory.channels")
        return WhatIfWords::tr("more memory channels than the board has");
    if (f == "memory.capacity")
        return WhatIfWords::tr("more memory than the board takes");
    if (f == "memory.speed")
        return WhatIfWords::tr("memory faster than the board runs it");
    if (f.starts_with("gpus[") && f.ends_with("].count"))
        return WhatIfWords::tr("not enough slots or lanes for the cards");
    if (f.starts_with("gpus[") && f.ends_with("].gpu"))
        return WhatIfWords::tr("a card the board's slots do not take");
    if (p.field == "power")
        return WhatIfWords::tr("more power than a desktop power supply gives");
    return WhatIfWords::tr("a limit of the board");
}

// "4 needs", "the need": how many needs a sentence speaks of.
QString allNeeds(int total) {
    return total == 1 ? WhatIfWords::tr("the need met")
                      : WhatIfWords::tr("all %1 needs met").arg(total);
}

int passing(const Estimate &e) {
    if (!e.fits)
        return 0;
    return static_cast<int>(std::count_if(e.useCases.begin(), e.useCases.end(),
                                          [](const UseCaseVerdict &v) { return v.pass; }));
}

QString pageText(int pages) {
    return pages == 1 ? WhatIfWords::tr("1 page") : WhatIfWords::tr("%1 pages").arg(pages);
}

QString size(double params, bool atLimit) {
    const double b = params / 1e9;
    const QString n = fmt::number(b, b >= 10 ? 0 : 1);
    return atLimit ? WhatIfWords::tr("more than %1 B parameters").arg(n)
                   : WhatIfWords::tr("about %1 B parameters").arg(n);
}

} // namespace

QString WhatIfWords::kind(WhatIfChange change) {
    switch (change) {
    case WhatIfChange::FasterMemory:
        return tr("Faster memory");
    case WhatIfChange::AllChannels:
        return tr("Memory in every channel");
    case WhatIfChange::OneMoreGpu:
        return tr("Another graphics card");
    case WhatIfChange::LargerGpu:
        return tr("A larger graphics card");
    case WhatIfChange::SmallerGpu:
        return tr("A smaller graphics card");
    case WhatIfChange::QuantUp:
        return tr("A higher-quality model file");
    case WhatIfChange::QuantDown:
        return tr("A smaller model file");
    case WhatIfChange::DoubleContext:
        return tr("Twice as long prompts and answers");
    }
    return {};
}

QString WhatIfWords::change(WhatIfChange change, const Build &before, const Build &after,
                            const ModelChoice &modelBefore, const ModelChoice &modelAfter) {
    // One wording for the window, the report and the command line.
    return scenario::changeText(change, before, after, modelBefore, modelAfter, QLocale());
}

scenario::FixWording WhatIfWords::fixWording(std::vector<Build> builds, ModelChoice model) {
    return scenario::plainFixWording(std::move(builds), std::move(model), QLocale());
}

QString WhatIfWords::change(const WhatIf &w, const Build &before, const ModelChoice &modelBefore) {
    return change(w.change, before, w.build, modelBefore, w.model);
}

QString WhatIfWords::cost(const WhatIf &w, const ShownPrice &buildPrice) {
    if (w.change == WhatIfChange::DoubleContext)
        return {};
    if (!isHardwareChange(w.change))
        return tr("no extra cost");
    const std::optional<PricedChange> p = pricedChange(w, buildPrice);
    if (!p)
        return tr("price unknown");
    return costText(p->costEur, p->newTotalEur, p->newTotalSource);
}

QString WhatIfWords::outcome(const WhatIf &w, const Estimate &before, const Thresholds &t) {
    const Estimate &after = w.estimate;
    const int total = static_cast<int>(after.useCases.size());
    if (!after.fits)
        return before.fits ? tr("the model no longer fits in memory")
                           : tr("the model still does not fit in memory");
    const int metBefore = passing(before), met = passing(after);
    if (met == total && total > 0) {
        const int borderline = static_cast<int>(
            std::count_if(after.useCases.begin(), after.useCases.end(),
                          [](const UseCaseVerdict &v) { return v.pass && v.borderline; }));
        const QString all = allNeeds(total);
        if (borderline > 0)
            return total == 1 || borderline > 1
                       ? tr("%1, but %2 only just — ask for a benchmark")
                             .arg(all, total == 1 ? tr("it") : QString::number(borderline))
                       : tr("%1, but one only just — ask for a benchmark").arg(all);
        double ratio = std::numeric_limits<double>::infinity();
        for (const UseCaseVerdict &v : after.useCases)
            ratio = std::min(ratio, units::inTokensPerSecond(v.generationRate) /
                                        units::inTokensPerSecond(t.minGeneration));
        if (std::isfinite(ratio) && ratio >= 1.1)
            return tr("%1, with %2× the required writing speed")
                .arg(all, fmt::number(ratio, ratio >= 10 ? 0 : 1));
        return all;
    }
    if (met > metBefore)
        return tr("%1 of %2 needs met (was %3)").arg(met).arg(total).arg(metBefore);
    if (met < metBefore)
        return tr("only %1 of %2 needs met (was %3)").arg(met).arg(total).arg(metBefore);
    // Same needs met: say what happens to the writing speed instead of a margin.
    const double r0 = units::inTokensPerSecond(before.generationRate);
    const double r1 = units::inTokensPerSecond(after.generationRate);
    const QString same = tr("still %1 of %2 needs met").arg(met).arg(total);
    if (r0 > 0 && std::isfinite(r1)) {
        const double pct = (r1 / r0 - 1) * 100;
        if (pct >= 1)
            return tr("%1; writes %2 % faster").arg(same, fmt::number(pct, 0));
        if (pct <= -1)
            return tr("%1; writes %2 % slower").arg(same, fmt::number(-pct, 0));
    }
    return tr("%1; about the same speed").arg(same);
}

QString WhatIfWords::sentence(const WhatIf &w, const Build &before, const ModelChoice &modelBefore,
                              const ShownPrice &buildPrice, const Estimate &estimateBefore,
                              const Thresholds &t) {
    const QString what = change(w, before, modelBefore);
    const QString price = cost(w, buildPrice);
    const QString result = outcome(w, estimateBefore, t);
    if (price.isEmpty())
        //: a change, then → its effect on the needs
        return tr("%1 → %2").arg(what, result);
    //: a change: its price → its effect on the needs
    return tr("%1: %2 → %3").arg(what, price, result);
}

QString WhatIfWords::notOffered(const WhatIf &w, OfferProblem problem, const Build &before,
                                const ModelChoice &modelBefore, const ShownPrice &buildPrice) {
    switch (problem) {
    case OfferProblem::None:
        break;
    case OfferProblem::NotPossible:
        return tr("%1: %2").arg(kind(w.change), notPossibleReason(w.notPossible, before));
    case OfferProblem::NotBuildable: {
        QStringList why;
        for (const Problem &p : w.platformProblems)
            if (const QString r = platformReason(p); !why.contains(r))
                why << r;
        return tr("%1: the computer cannot take it as it is (%2)")
            .arg(change(w, before, modelBefore), why.join(QStringLiteral("; ")));
    }
    case OfferProblem::NoPrice:
        return !w.priceBeforeEur || !buildPrice.eur
                   ? tr("%1: the build's own price is unknown, so the change cannot be priced")
                         .arg(change(w, before, modelBefore))
                   : tr("%1: the new part has no price in the catalogue")
                         .arg(change(w, before, modelBefore));
    }
    return change(w, before, modelBefore);
}

QString WhatIfWords::fixLine(const BuildDecision &d, const Build &build) {
    const QString name = QString::fromStdString(d.name);
    if (!d.fits && !d.cheapestFix)
        return tr("%1 — the model does not fit: no single change is enough").arg(name);
    const QString status = d.fits ? tr("%1 of %2 needs met").arg(d.needsMet).arg(d.needsTotal)
                                  : tr("the model does not fit");
    if (d.meetsAll())
        return d.couldMiss > 0 ? tr("%1 — already meets every need (%2 only just)")
                                     .arg(name, QString::number(d.couldMiss))
                               : tr("%1 — already meets every need").arg(name);
    if (const std::optional<CheapestFix> &f = d.cheapestFix) {
        const ModelChoice none;
        return tr("%1 — %2: %3: %4 → meets every need")
            .arg(name, status, change(f->change, build, f->build, none, none),
                 costText(f->costEur, f->newTotalEur, f->newTotalSource));
    }
    if (!d.priceEur)
        return tr("%1 — %2: its price is unknown, so no change can be priced").arg(name, status);
    return tr("%1 — %2: no single change is enough").arg(name, status);
}

QStringList WhatIfWords::headroomLines(const HeadroomInput &in) {
    QStringList lines;
    if (!in.build || !in.model || !in.needs || !in.headroom || !in.assumptions || !in.catalog)
        return lines;
    if (!in.fits) {
        lines << tr("The model does not fit in this build's memory, so there is no room to "
                    "spare.");
        return lines;
    }
    // Only the needs met now count: a need the build fails has no room to give.
    std::vector<UseCase> met;
    std::vector<const UseCaseHeadroom *> rooms;
    QStringList failed;
    const std::size_t n = std::min(in.needs->size(), in.headroom->useCases.size());
    for (std::size_t i = 0; i < n; ++i) {
        const UseCaseHeadroom &h = in.headroom->useCases[i];
        if (h.meetsNow) {
            met.push_back((*in.needs)[i]);
            rooms.push_back(&h);
        } else {
            failed << QString::fromStdString((*in.needs)[i].id);
        }
    }
    if (met.empty()) {
        lines << tr("It meets none of the needs now, so it has no room to spare; the list "
                    "above shows what would change that.");
        return lines;
    }

    // Largest model: the smallest limit over the needs met, so that every one still passes.
    double params = std::numeric_limits<double>::infinity();
    bool paramsAtLimit = true;
    double longestPrompt = std::numeric_limits<double>::infinity();
    bool promptAtLimit = true;
    int users = std::numeric_limits<int>::max();
    bool usersAtLimit = true;
    for (std::size_t i = 0; i < rooms.size(); ++i) {
        const UseCaseHeadroom &h = *rooms[i];
        if (h.largestParams < params) {
            params = h.largestParams;
            paramsAtLimit = h.paramsAtSearchLimit;
        }
        const double prompt =
            units::inTokens(h.longestContext) - units::inTokens(met[i].generatedTokens);
        if (prompt < longestPrompt) {
            longestPrompt = prompt;
            promptAtLimit = h.contextAtModelLimit;
        }
        if (h.concurrentUsers < users) {
            users = h.concurrentUsers;
            usersAtLimit = h.usersAtSearchLimit;
        }
    }

    // An example of that size from the catalogue, checked to meet the same needs;
    // "about" allows a real model a little above the scaled shape's limit.
    const Model *dense = largestModelMeetingAll(*in.build, in.model->quant, met, *in.assumptions,
                                                *in.catalog, false, params * 1.15);
    const QString sizeText = size(params, paramsAtLimit);
    lines << (dense ? tr("Largest model for live use: %1 (e.g. %2)")
                          .arg(sizeText, QString::fromStdString(dense->name))
                    : tr("Largest model for live use: %1").arg(sizeText));
    if (const Model *moe =
            largestModelMeetingAll(*in.build, in.model->quant, met, *in.assumptions, *in.catalog,
                                   true, std::numeric_limits<double>::infinity()))
        lines << tr("Mixture-of-experts models use only part of their weights for each word, so "
                    "larger ones can run: %1 (%2 B parameters, %3 B used per word) still meets "
                    "the same needs.")
                     .arg(QString::fromStdString(moe->name), fmt::number(moe->paramsTotal / 1e9, 0),
                          fmt::number(moe->paramsActive / 1e9, moe->paramsActive < 10e9 ? 1 : 0));

    const double tokens = std::max(0.0, longestPrompt);
    const int pages = static_cast<int>(std::floor(tokens / kTokensPerPage));
    const QString seconds = fmt::withUnit(units::inSeconds(in.assumptions->thresholds.maxPrefill),
                                          QStringLiteral("s"), 0);
    const QString tokenText = fmt::withUnit(tokens, tr("tokens"), 0);
    if (pages < 1)
        lines << tr("Longest document it reads within %1: less than a page (%2)")
                     .arg(seconds, tokenText);
    else
        lines << (promptAtLimit ? tr("Longest document it reads within %1: about %2 (%3, the "
                                     "model's own limit)")
                                : tr("Longest document it reads within %1: about %2 (%3)"))
                     .arg(seconds, pageText(pages), tokenText);

    const QString rate =
        fmt::withUnit(units::inTokensPerSecond(in.assumptions->thresholds.minGeneration),
                      QStringLiteral("tok/s"), 0);
    lines << (usersAtLimit
                  ? tr("People served at once at reading speed: more than %1 (each at least %2)")
                  : tr("People served at once at reading speed: %1 (each at least %2)"))
                 .arg(users == 1 ? tr("1 person") : tr("%1 people").arg(users), rate);
    if (!failed.isEmpty())
        lines << tr("These figures count only the needs it meets; it fails %1.")
                     .arg(QLocale().createSeparatedList(failed));
    return lines;
}

} // namespace llm::ui
