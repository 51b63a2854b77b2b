// SPDX-License-Identifier: MIT
#pragma once
// The decision summary in plain words for `estimate --format table`, the
// window's "At a glance" panel and the report's first page: the sentence, the
// badges and the options, built from core's structured facts.
//
// Every sentence is translated (DecisionText::tr, context "DecisionText"), so
// the window and the report speak the user's language when a translation is
// installed; the CLI installs none and prints English. Numbers
// follow `locale` (the CLI passes English, the window the user's locale).

#include "decision.h"
#include "whatif.h"
#include "workload.h"

#include <QLocale>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace llm::scenario {

// English (United States): the CLI's and the tests' locale.
const QLocale &englishLocale();

// "≈ 3,300 EUR" (estimate, rounded once by core), "2,199 EUR (quote)", "price unknown".
QString priceText(const std::optional<double> &eur, PriceSource source,
                  const QLocale &locale = englishLocale());

// What a use case is for: "Classify / extract" for the seed's UC1, else the
// user's own id.
QString needTitle(const UseCase &useCase);

// "Classify / extract (UC1, 1,024 tokens in / 16 out)", or "pp512 (512 tokens in / 128 out)".
QString needText(const UseCase &useCase, const QLocale &locale = englishLocale());

// "4 of 4", "3 of 4 (1 could miss)", "does not fit: needs 252 GB, has 128 GB".
QString needsMetText(const BuildDecision &build, const QLocale &locale = englishLocale());

// The name of the build's first graphics card, empty without one.
QString firstGpuName(const Build &build);

// A change of the what-if engine in plain words, without identifiers: "Add a
// second NVIDIA GeForce RTX 5090", "Faster memory: 6,000 MT/s instead of 5,600 MT/s".
QString changeText(WhatIfChange change, const Build &before, const Build &after,
                   const ModelChoice &modelBefore, const ModelChoice &modelAfter,
                   const QLocale &locale = englishLocale());

// The cheapest fixes of `builds` (the summary's builds, same order) in those words.
std::function<QString(std::size_t, const CheapestFix &)>
plainFixWording(std::vector<Build> builds, ModelChoice model, const QLocale &locale);

// How a cheapest fix is worded: given the build's index in the summary and its
// fix. Empty: core's own description ("1 -> 2x NVIDIA GeForce RTX 5090"); the
// window and the report pass plain words ("Add a second NVIDIA GeForce RTX 5090").
using FixWording = std::function<QString(std::size_t build, const CheapestFix &fix)>;

// The parts of the summary, each empty when there is nothing to say:
// the one sentence that says it all (with every failing build's cheapest fix),
QString decisionSentence(const DecisionSummary &summary, const QLocale &locale = englishLocale(),
                         const FixWording &wording = {});
// one line per badge ("Cheapest that meets every need: Desktop."),
QStringList badgeLines(const DecisionSummary &summary);
// the heading and one line per option when no build meets every need,
QString optionsHeading(const DecisionSummary &summary);
QStringList optionLines(const DecisionSummary &summary, const QLocale &locale = englishLocale());
// and what estimated prices are.
QString priceBasisText();

// All of it, one part per line (options indented), ending with a newline.
QString decisionText(const DecisionSummary &summary, const QLocale &locale = englishLocale(),
                     const FixWording &wording = {});

} // namespace llm::scenario
