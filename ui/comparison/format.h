// SPDX-License-Identifier: MIT
#pragma once
// Numbers and core enums as text for people: QLocale for every number, the
// unit always beside it. Bare doubles leave the unit system only here.

#include "assumptions.h"
#include "estimate.h"
#include "hardware.h"

#include <QLocale>
#include <QString>

#include <optional>

namespace llm::ui::fmt {

// "1,234.5 GB/s" in the current locale; `decimals` < 0 picks by magnitude.
QString number(double value, int decimals = -1);
QString withUnit(double value, const QString &unit, int decimals = -1);

QString gbps(units::ByteRate rate);
QString tokps(units::TokenRate rate);
QString gigabytes(units::Bytes bytes);
QString seconds(units::Seconds s);
QString watts(units::Power p);
QString mts(units::TransferRate r);
// "3,318 EUR", "0.45 EUR": one spelling of the currency in the window, the
// report and the CLI (the CLI's tables, core's decision text and the spin
// boxes' suffixes say EUR; "€" stood only in some sentences of the window).
// `decimals` < 0: whole euros from 100 up, cents below.
QString euros(double eur, int decimals = -1);
// A build's price as every view shows it: "≈ 3,300 EUR" for an estimate (rounded
// once, by llm::roundEstimateEur, like the CLI and the report), a quote exactly
// as typed with its source ("2,099 EUR (quote: Supplier X, 2026-12-01)"), or "price unknown".
QString price(const Build &build, const std::optional<double> &priceEur);
// "does not fit — needs 252 GB, has 128 GB": shown in place of speeds, costs and verdicts.
QString doesNotFit(const Estimate &estimate);

QString placement(Placement p);
QString bottleneck(Bottleneck b);
QString workflow(WorkflowClass w);
QString family(CpuFamily f);
// "Meets the target", "Could miss — ask for a benchmark", "Too slow for live use".
QString verdict(const UseCaseVerdict &v);

// A need by what it is for: the seed's by their titles ("Classify / extract"),
// others as "ID · first words of the description" (the ID alone without one).
QString needName(const UseCase &useCase);
// The workflow class in words, with its limit: "fine as a background job of up to 5 min".
QString workflowWords(WorkflowClass w, const Thresholds &thresholds);

} // namespace llm::ui::fmt
