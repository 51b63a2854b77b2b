// SPDX-License-Identifier: MIT
#pragma once
// The decision summary in plain English for `estimate --format table` and the
// report's first page: the sentence, the badges and the options, built from
// core's structured facts.

#include "decision.h"
#include "workload.h"

#include <QString>

#include <optional>

namespace llm::scenario {

// "≈ 3,300 EUR" (estimate, rounded once by core), "2,199 EUR (quote)", "price unknown".
QString priceText(const std::optional<double> &eur, PriceSource source);

// "Classify / extract (UC1, 1,024 tokens in / 16 out)", or "pp512 (512 tokens in / 128 out)".
QString needText(const UseCase &useCase);

// "4 of 4", "3 of 4 (1 could miss)", "does not fit: needs 252 GB, has 128 GB".
QString needsMetText(const BuildDecision &build);

// The lines printed under the table: one sentence, the badges, the options.
QString decisionText(const DecisionSummary &summary);

} // namespace llm::scenario
