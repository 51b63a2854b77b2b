// SPDX-License-Identifier: MIT
// The command-line contract's per-build JSON object (DESIGN.md), and running
// the estimator over a scenario.
#include "scenario.h"

#include "cost.h"
#include "json_reader.h"

#include <QJsonArray>

#include <cmath>

namespace llm::scenario {
namespace {

using namespace detail;
using namespace llm::units;
using namespace Qt::StringLiterals;

// Bandwidths are exact formula results (1228.8 GB/s needs five digits);
// speeds and times are estimates, where four digits are already too many.
constexpr int kBandwidthDigits = 5;

double gbs(ByteRate rate) {
    return roundForOutput(inGigabytesPerSecond(rate), kBandwidthDigits);
}
double gb(Bytes bytes) {
    return roundForOutput(inGigabytes(bytes));
}
double tps(TokenRate rate) {
    return roundForOutput(inTokensPerSecond(rate));
}
double secs(Seconds time) {
    return roundForOutput(inSeconds(time));
}

QJsonObject bandwidthToJson(const BandwidthBreakdown &b) {
    return QJsonObject{{u"ram_gbs"_s, gbs(b.ramSide)},
                       {u"cpu_fabric_gbs"_s, gbs(b.cpuSide)},
                       {u"system_gbs"_s, gbs(b.system)},
                       {u"gpu_gbs"_s, gbs(b.gpu)},
                       {u"pcie_gbs"_s, gbs(b.pcie)},
                       {u"fabric_applies"_s, b.fabricApplies},
                       {u"system_limit"_s, QLatin1String(toString(b.systemLimit))}};
}

QJsonObject memoryToJson(const MemoryBreakdown &m) {
    return QJsonObject{{u"weights_gb"_s, gb(m.weights)},
                       {u"kv_cache_gb"_s, gb(m.kvCache)},
                       {u"overhead_gb"_s, gb(m.overhead)},
                       {u"total_gb"_s, gb(m.total)},
                       {u"ram_available_gb"_s, gb(m.ramAvailable)},
                       {u"vram_available_gb"_s, gb(m.vramAvailable)},
                       {u"in_vram_gb"_s, gb(m.inVram)},
                       {u"in_ram_gb"_s, gb(m.inRam)}};
}

QJsonObject factorsToJson(const Estimate &e, const Assumptions &a) {
    QJsonArray overridden;
    for (const std::string &name : a.overridden)
        overridden.append(fromStd(name));
    return QJsonObject{
        {u"runtime"_s, fromStd(a.runtime)},
        {u"hardware_class"_s, fromStd(e.hardwareClass.str())},
        {u"bandwidth_efficiency"_s, roundForOutput(e.factors.bandwidth)},
        {u"compute_efficiency"_s, roundForOutput(e.factors.compute)},
        {u"token_overhead_ms"_s, roundForOutput(inSecondsPerToken(e.factors.tokenOverhead) * 1e3)},
        {u"measurements"_s, e.factors.measurements},
        {u"fitted_on"_s, fromStd(e.factors.fittedOn)},
        {u"overridden"_s, overridden}};
}

QJsonObject verdictToJson(const UseCaseVerdict &v, const Estimate &e, const Assumptions &a) {
    return QJsonObject{{u"name"_s, fromStd(v.useCase->id)},
                       {u"prompt_tokens"_s, inTokens(v.useCase->promptTokens)},
                       {u"gen_tokens"_s, inTokens(v.useCase->generatedTokens)},
                       {u"prefill_s"_s, secs(v.prefillTime)},
                       {u"prefill_tok_s"_s, tps(v.prefillRate)},
                       {u"prefill_tok_s_low"_s, tps(v.prefillRateLow)},
                       {u"prefill_tok_s_high"_s, tps(v.prefillRateHigh)},
                       {u"gen_tok_s"_s, tps(v.generationRate)},
                       {u"gen_tok_s_low"_s, tps(v.generationRateLow)},
                       {u"gen_tok_s_high"_s, tps(v.generationRateHigh)},
                       {u"gen_s"_s, secs(v.generationTime)},
                       {u"total_s"_s, secs(v.totalTime)},
                       {u"pass"_s, v.pass},
                       {u"borderline"_s, v.borderline},
                       {u"workflow"_s, QLatin1String(toString(v.workflow))},
                       {u"failed"_s, QLatin1String(toString(v.failed))},
                       {u"bottleneck"_s, QLatin1String(toString(v.bottleneck))},
                       {u"why"_s, fromStd(explain(v, e, a.thresholds))}};
}

QJsonValue priceOrNull(const std::optional<double> &eur) {
    return eur ? QJsonValue(*eur) : QJsonValue(QJsonValue::Null);
}

QJsonValue nameOrNull(const DecisionSummary &s, const std::optional<std::size_t> &index) {
    return index && *index < s.builds.size() ? QJsonValue(fromStd(s.builds[*index].name))
                                             : QJsonValue(QJsonValue::Null);
}

QJsonObject comparisonToJson(const DecisionSummary &s) {
    QJsonArray options;
    for (const DecisionOption &opt : s.options)
        options.append(QJsonObject{{u"kind"_s, QLatin1String(toString(opt.kind))},
                                   {u"what"_s, fromStd(opt.what)},
                                   {u"build"_s, fromStd(opt.buildName)},
                                   {u"price_eur"_s, priceOrNull(opt.priceEur)},
                                   {u"price_source"_s, QLatin1String(toString(opt.priceSource))}});
    QJsonArray needs;
    for (const std::string &id : s.needs)
        needs.append(fromStd(id));
    return QJsonObject{{u"needs"_s, needs},
                       {u"none_meets_every_need"_s, s.noneMeetsAll()},
                       {u"fits_nowhere"_s, s.fitsNowhere()},
                       {u"cheapest_meeting_every_need"_s, nameOrNull(s, s.cheapestMeetingAll)},
                       {u"best_value"_s, nameOrNull(s, s.bestValue)},
                       {u"most_headroom"_s, nameOrNull(s, s.mostHeadroom)},
                       {u"options"_s, options}};
}

} // namespace

QJsonObject decisionToJson(const DecisionSummary &s, std::size_t index) {
    if (index >= s.builds.size())
        return {};
    const BuildDecision &d = s.builds[index];
    QJsonArray badges;
    for (const Badge b : d.badges)
        badges.append(QLatin1String(toString(b)));
    QJsonValue fix(QJsonValue::Null);
    if (d.cheapestFix)
        fix = QJsonObject{
            {u"change"_s, QLatin1String(toString(d.cheapestFix->change))},
            {u"description"_s, fromStd(d.cheapestFix->description)},
            {u"cost_eur"_s, d.cheapestFix->costEur},
            {u"new_total_eur"_s, d.cheapestFix->newTotalEur},
            {u"new_total_source"_s, QLatin1String(toString(d.cheapestFix->newTotalSource))}};
    QJsonObject o{{u"fits"_s, d.fits},
                  {u"memory_needed_gb"_s, roundForOutput(d.memoryNeededGb)},
                  {u"memory_has_gb"_s, roundForOutput(d.memoryHasGb)},
                  {u"needs_met"_s, d.needsMet},
                  {u"needs_total"_s, d.needsTotal},
                  {u"could_miss"_s, d.couldMiss},
                  {u"fails"_s, d.fails},
                  {u"meets_every_need"_s, d.meetsAll()},
                  {u"badges"_s, badges},
                  {u"price_eur"_s, priceOrNull(d.priceEur)},
                  {u"price_source"_s, QLatin1String(toString(d.priceSource))},
                  {u"cheapest_fix"_s, fix},
                  {u"comparison"_s, comparisonToJson(s)}};
    if (!d.priceNote.empty())
        o.insert(u"quote_source"_s, fromStd(d.priceNote));
    return o;
}

double roundForOutput(double value, int significantDigits) {
    if (!std::isfinite(value) || value == 0.0)
        return std::isfinite(value) ? 0.0 : value;
    const int magnitude = int(std::floor(std::log10(std::fabs(value))));
    const double scale = std::pow(10.0, significantDigits - 1 - magnitude);
    return std::round(value * scale) / scale;
}

std::vector<Estimate> estimateAll(const Scenario &scenario) {
    std::vector<Estimate> out;
    out.reserve(scenario.builds.size());
    for (const Build &build : scenario.builds)
        out.push_back(estimate(build, scenario.model, scenario.workload, scenario.assumptions));
    return out;
}

QJsonObject estimateToJson(const Estimate &e, const Build &build, const Assumptions &a) {
    QJsonObject o;
    o.insert(u"build"_s, fromStd(e.buildName.empty() ? build.name : e.buildName.str()));
    o.insert(u"bandwidth"_s, bandwidthToJson(e.bandwidth));
    o.insert(u"placement"_s, QLatin1String(toString(e.placement)));
    o.insert(u"fits"_s, e.fits);
    o.insert(u"memory_needed_gb"_s, gb(e.memory.total));
    o.insert(u"memory"_s, memoryToJson(e.memory));
    // The headline bottleneck is that of generation, the figure people buy on;
    // a model that does not fit is limited by capacity before anything else.
    o.insert(u"bottleneck"_s,
             QLatin1String(toString(e.fits ? e.generationBottleneck : Bottleneck::Capacity)));
    o.insert(u"prompt_bottleneck"_s, QLatin1String(toString(e.promptBottleneck)));
    o.insert(u"prompt_tok_s"_s, tps(e.promptRate));
    o.insert(u"prompt_tok_s_low"_s, tps(e.promptRateLow));
    o.insert(u"prompt_tok_s_high"_s, tps(e.promptRateHigh));
    o.insert(u"gen_tok_s"_s, tps(e.generationRate));
    o.insert(u"gen_tok_s_low"_s, tps(e.generationRateLow));
    o.insert(u"gen_tok_s_high"_s, tps(e.generationRateHigh));
    o.insert(u"weights_read_per_token_gb"_s, gb(e.bytesPerToken));
    o.insert(u"hardware_class"_s, fromStd(e.hardwareClass.str()));

    const CostSummary cost = costOf(build, e.generationRate, a);
    // A quote is printed as typed; an estimate to the cent, not to four
    // significant digits: a price is compared with quotes and with the window's
    // report, which shows it to the euro.
    const bool quoted =
        build.quotedPriceEur && cost.priceEur && *cost.priceEur == *build.quotedPriceEur;
    o.insert(u"price_eur"_s,
             cost.priceEur
                 ? QJsonValue(quoted ? *cost.priceEur : std::round(*cost.priceEur * 100.0) / 100.0)
                 : QJsonValue(QJsonValue::Null));
    o.insert(u"power_w"_s, roundForOutput(inWatts(cost.powerAtLoad)));
    o.insert(u"eur_per_tok_s"_s, cost.eurPerTokenPerSecond
                                     ? QJsonValue(roundForOutput(*cost.eurPerTokenPerSecond))
                                     : QJsonValue(QJsonValue::Null));
    o.insert(u"electricity_eur_per_mtok"_s, roundForOutput(cost.electricityEurPerMillionTokens));
    QJsonObject assumptions = factorsToJson(e, a);
    // The share of their listed tensor rate the GPUs that read the prompt are
    // counted at (the lowest of them): only where a GPU reads it.
    if (const std::optional<double> share = boardPowerShareOf(build, e.placement))
        assumptions.insert(u"board_power_share"_s, roundForOutput(*share));
    o.insert(u"assumptions"_s, assumptions);

    QJsonArray useCases;
    for (const UseCaseVerdict &v : e.useCases)
        useCases.append(verdictToJson(v, e, a));
    o.insert(u"use_cases"_s, useCases);
    return o;
}

} // namespace llm::scenario
