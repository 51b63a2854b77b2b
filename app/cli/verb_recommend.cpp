// SPDX-License-Identifier: MIT
// llmadvisor-cli recommend --model NAME [--quant Q] [--use-cases UC1,UC2] [--budget-eur N]
//                          [--max-watts N] [--top K] [--used] [--format json|table]
//                          [--database PATH|--builtin]
#include "catalogue.h"
#include "cli.h"
#include "headroom.h"
#include "measurements.h"
#include "recommend.h"
#include "scenario.h"
#include "texttable.h"
#include "whatif.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace llm::cli {
namespace {

using namespace Qt::StringLiterals;
using namespace llm::units;

QString fromStd(const std::string &s) {
    return QString::fromStdString(s);
}

template <class T> QString lookupError(const Lookup<T> &found, const QString &what) {
    QStringList names;
    for (const std::string &n : found.candidates)
        names << fromStd(n);
    if (found.ambiguous)
        return what + u" is ambiguous; it matches: "_s + names.join(u", "_s);
    return what + u" is not in the catalogue; closest: "_s + names.join(u", "_s);
}

std::optional<double> positiveNumber(const QCommandLineParser &p, const QCommandLineOption &o,
                                     const QString &field, bool *failed) {
    if (!p.isSet(o))
        return std::nullopt;
    bool ok = false;
    const double v = p.value(o).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v <= 0) {
        badInput(field, u"must be a positive number (got \""_s + p.value(o) + u"\")"_s);
        *failed = true;
        return std::nullopt;
    }
    return v;
}

QJsonObject recommendationToJson(const Recommendation &r, const Assumptions &a) {
    QJsonObject o = scenario::estimateToJson(r.estimate, r.build, a);
    o.insert(u"margin"_s, scenario::roundForOutput(r.margin));
    o.insert(u"limiting_use_case"_s, fromStd(r.limitingUseCase));
    o.insert(u"cpu"_s, fromStd(r.build.cpu.name));
    o.insert(u"cpu_sold_new"_s, r.build.cpu.soldNew);
    o.insert(u"memory_config"_s,
             QJsonObject{{u"channels"_s, r.key.channels},
                         {u"dimms_per_channel"_s, r.key.dimmsPerChannel},
                         {u"module_gb"_s, scenario::roundForOutput(inGigabytes(r.key.moduleSize))},
                         {u"mts"_s, inMegatransfersPerSecond(r.key.speed)},
                         {u"capacity_gb"_s,
                          scenario::roundForOutput(inGigabytes(r.build.memory.capacity))}});
    QJsonArray gpus;
    for (const GpuGroup &g : r.build.gpus)
        gpus.append(QJsonObject{{u"model"_s, fromStd(g.gpu.name)},
                                {u"count"_s, g.count},
                                {u"pcie_lanes"_s, g.gpu.pcieLanes},
                                {u"form_factor"_s, fromStd(g.gpu.formFactor)},
                                {u"sold_new"_s, g.gpu.soldNew}});
    o.insert(u"gpus"_s, gpus);
    return o;
}

QJsonObject statsToJson(const RecommendStats &s) {
    QJsonArray skipped;
    for (const std::string &n : s.cpusWithoutPlatform)
        skipped.append(fromStd(n));
    return {{u"builds_enumerated"_s, static_cast<double>(s.enumerated)},
            {u"builds_evaluated"_s, static_cast<double>(s.evaluated)},
            {u"builds_pruned"_s, static_cast<double>(s.pruned)},
            {u"builds_passing"_s, static_cast<double>(s.passing)},
            {u"excluded_budget"_s, static_cast<double>(s.overBudget)},
            {u"excluded_power"_s, static_cast<double>(s.overPower)},
            {u"excluded_pcie"_s, static_cast<double>(s.overLanes)},
            {u"pareto_front_size"_s, static_cast<double>(s.frontSize)},
            {u"unpriced_passing"_s, static_cast<double>(s.unpricedPassing)},
            {u"cpus_without_platform_rule"_s, skipped},
            {u"cpus_not_sold_new"_s, static_cast<double>(s.cpusNotSoldNew)},
            {u"gpus_not_sold_new"_s, static_cast<double>(s.gpusNotSoldNew)},
            {u"excluded_gpu_form_factor"_s, static_cast<double>(s.gpuPlatformMismatches)},
            {u"excluded_ram_below_model"_s, static_cast<double>(s.belowRamNeeded)},
            {u"threads"_s, s.threads},
            {u"seconds"_s, scenario::roundForOutput(s.seconds)}};
}

QString marks(const Recommendation &r) {
    QStringList out;
    for (const UseCaseVerdict &v : r.estimate.useCases)
        out << fromStd(v.useCase->id) +
                   (v.pass ? (v.borderline ? u" pass~"_s : u" pass"_s) : u" FAIL"_s);
    return out.join(u", "_s);
}

QString buildTable(const std::vector<Recommendation> &list, bool priced) {
    TextTable t({{u"#"_s, TextTable::Right},
                 {u"Build"_s},
                 {priced ? u"EUR"_s : u"Price"_s, TextTable::Right},
                 {u"W"_s, TextTable::Right},
                 {u"Placement"_s},
                 {u"pp tok/s"_s, TextTable::Right},
                 {u"tg tok/s"_s, TextTable::Right},
                 {u"Margin"_s, TextTable::Right},
                 {u"Tightest"_s},
                 {u"Use cases"_s}});
    int i = 0;
    for (const Recommendation &r : list) {
        t.addRow({QString::number(++i), fromStd(r.build.name),
                  r.cost.priceEur ? QString::number(*r.cost.priceEur, 'f', 0) : u"no price"_s,
                  QString::number(inWatts(r.cost.powerAtLoad), 'f', 0),
                  QLatin1String(toString(r.estimate.placement)),
                  readableNumber(inTokensPerSecond(r.estimate.promptRate)),
                  readableNumber(inTokensPerSecond(r.estimate.generationRate)),
                  QString::number(r.margin, 'f', 2) + u"x"_s, fromStd(r.limitingUseCase),
                  marks(r)});
    }
    return t.render();
}

QString tableText(const RecommendResult &res, const RecommendRequest &r) {
    QStringList ucs;
    for (const UseCase &u : r.workload.useCases)
        ucs << fromStd(u.id);
    QString out = u"Model: "_s + fromStd(r.model.model.name) + u", "_s +
                  fromStd(r.model.quant.name) + u"; every one of "_s + ucs.join(u", "_s) +
                  u" must pass"_s;
    if (r.budgetEur)
        out += u"; budget "_s + QString::number(*r.budgetEur, 'f', 0) + u" EUR"_s;
    if (r.maxPower)
        out += u"; at most "_s + QString::number(inWatts(*r.maxPower), 'f', 0) + u" W"_s;
    out += u"\nMargin: how far the tightest limit is beaten (1.00x = just passes; prompt "
           u"within the time limit, output at the minimum rate).\n\n"_s;
    if (res.front.empty())
        out += u"No priced build in the catalogue passes every use case within the limits.\n"_s;
    else
        out += u"Price against margin (Pareto front, "_s + QString::number(res.stats.frontSize) +
               u" builds; cheapest first):\n"_s + buildTable(res.front, true);
    if (!res.unpriced.empty())
        out += u"\nPassing builds without a price (a part has none; not priced at zero), best "
               u"margin first:\n"_s +
               buildTable(res.unpriced, false);
    const RecommendStats &s = res.stats;
    out += u"\nSwept "_s + QString::number(s.enumerated) + u" builds ("_s +
           QString::number(s.evaluated) + u" evaluated, "_s + QString::number(s.pruned) +
           u" skipped as dominated or unable to pass) in "_s + QString::number(s.seconds, 'f', 3) +
           u" s on "_s + QString::number(s.threads) + u" threads. Left out: "_s +
           QString::number(s.overBudget) + u" over budget, "_s + QString::number(s.overPower) +
           u" over the power limit, "_s + QString::number(s.overLanes) +
           u" beyond the platform's PCIe slots and lanes.\n"_s;
    if (s.cpusNotSoldNew + s.gpusNotSoldNew > 0)
        out += QString::number(s.cpusNotSoldNew) + u" CPUs and "_s +
               QString::number(s.gpusNotSoldNew) +
               u" GPUs no longer sold new were not considered (--used includes them).\n"_s;
    if (!s.cpusWithoutPlatform.empty())
        out += QString::number(s.cpusWithoutPlatform.size()) +
               u" socketed CPUs have no platform rule in platforms.csv and were not swept.\n"_s;
    return out;
}

// What-if and headroom of one recommended build (the cheapest on the front).
struct Details {
    const Recommendation *build = nullptr;
    std::vector<WhatIf> whatIfs;
    Headroom headroom;
};

QString signedNumber(double v, int decimals) {
    return (v >= 0 ? u"+"_s : QString()) + QString::number(v, 'f', decimals);
}

QJsonObject detailsToJson(const Details &d) {
    QJsonArray whatIf;
    for (const WhatIf &w : d.whatIfs) {
        QJsonObject o{{u"change"_s, QLatin1String(toString(w.change))},
                      {u"available"_s, w.available},
                      {u"description"_s, fromStd(w.available ? w.description : w.reason)}};
        if (w.available) {
            const auto delta = w.priceDeltaEur();
            o.insert(u"price_delta_eur"_s,
                     delta ? QJsonValue(scenario::roundForOutput(*delta)) : QJsonValue());
            QJsonArray ucs;
            for (const UseCaseDelta &u : w.useCases)
                ucs.append(
                    QJsonObject{{u"name"_s, fromStd(u.useCase)},
                                {u"pass_before"_s, u.passBefore},
                                {u"pass_after"_s, u.passAfter},
                                {u"margin_before"_s, scenario::roundForOutput(u.marginBefore)},
                                {u"margin_after"_s, scenario::roundForOutput(u.marginAfter)}});
            o.insert(u"use_cases"_s, ucs);
            QJsonArray problems;
            for (const Problem &p : w.platformProblems)
                problems.append(QString(fromStd(p.field) + u": "_s + fromStd(p.message)));
            o.insert(u"platform_problems"_s, problems);
        }
        whatIf.append(o);
    }
    QJsonArray room;
    for (const UseCaseHeadroom &h : d.headroom.useCases)
        room.append(
            QJsonObject{{u"name"_s, fromStd(h.useCase)},
                        {u"largest_catalogue_model"_s, fromStd(h.largestCatalogueModel)},
                        {u"largest_params_b"_s, scenario::roundForOutput(h.largestParams / 1e9)},
                        {u"longest_context_tokens"_s, inTokens(h.longestContext)},
                        {u"context_at_model_limit"_s, h.contextAtModelLimit},
                        {u"concurrent_users"_s, h.concurrentUsers}});
    return {
        {u"build"_s, fromStd(d.build->build.name)}, {u"what_if"_s, whatIf}, {u"headroom"_s, room}};
}

QString detailsText(const Details &d) {
    QString out = u"\nWhat if (build #1: "_s + fromStd(d.build->build.name) + u"):\n"_s;
    TextTable t({{u"Change"_s}, {u"EUR"_s, TextTable::Right}, {u"Margin per use case"_s}});
    for (const WhatIf &w : d.whatIfs) {
        if (!w.available) {
            t.addRow(
                {QLatin1String(toString(w.change)) + u": "_s + fromStd(w.reason), u"-"_s, u"-"_s});
            continue;
        }
        QStringList ucs;
        for (const UseCaseDelta &u : w.useCases)
            ucs << fromStd(u.useCase) + u" "_s + QString::number(u.marginBefore, 'f', 2) + u"->"_s +
                       QString::number(u.marginAfter, 'f', 2) +
                       (u.passBefore != u.passAfter
                            ? (u.passAfter ? u" (now passes)"_s : u" (now fails)"_s)
                            : QString());
        const auto delta = w.priceDeltaEur();
        t.addRow({fromStd(w.description), delta ? signedNumber(*delta, 0) : u"no price"_s,
                  ucs.join(u", "_s)});
        for (const Problem &p : w.platformProblems)
            t.addNote(u"not buildable as is: "_s + fromStd(p.message));
    }
    out += t.render();
    out += u"\nHeadroom:\n"_s;
    TextTable h({{u"Use case"_s},
                 {u"Largest catalogue model"_s},
                 {u"Largest size (B params)"_s, TextTable::Right},
                 {u"Longest context"_s, TextTable::Right},
                 {u"Users at min rate"_s, TextTable::Right}});
    for (const UseCaseHeadroom &r : d.headroom.useCases)
        h.addRow({fromStd(r.useCase),
                  r.largestCatalogueModel.empty() ? u"-"_s : fromStd(r.largestCatalogueModel),
                  readableNumber(r.largestParams / 1e9),
                  QString::number(inTokens(r.longestContext), 'f', 0) +
                      (r.contextAtModelLimit ? u" (model max)"_s : QString()),
                  QString::number(r.concurrentUsers)});
    out += h.render();
    return out;
}

} // namespace

int runRecommend(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Finds the builds the catalogue allows (CPU x memory x GPUs, within each platform's\n"
        u"channels, slots, PCIe lanes and power supply) that pass every chosen use case, and\n"
        u"lists the Pareto front of price against performance margin."_s);
    const QCommandLineOption modelOption(u"model"_s, u"Model (catalogue name)."_s, u"NAME"_s);
    const QCommandLineOption quantOption(u"quant"_s, u"Quantization (default Q4_K_M)."_s, u"Q"_s,
                                         u"Q4_K_M"_s);
    const QCommandLineOption useCasesOption(
        u"use-cases"_s, u"Use cases that must pass (default: all in the catalogue)."_s,
        u"UC1,UC2"_s);
    const QCommandLineOption budgetOption(u"budget-eur"_s, u"Highest price in EUR."_s, u"N"_s);
    const QCommandLineOption wattsOption(u"max-watts"_s, u"Highest power at load in W."_s, u"N"_s);
    const QCommandLineOption topOption(u"top"_s, u"Builds per list (default 10, 0 = all)."_s,
                                       u"K"_s, u"10"_s);
    const QCommandLineOption usedOption(
        u"used"_s, u"Also propose parts no longer sold new (bought used or from old stock)."_s);
    const QCommandLineOption detailsOption(
        u"details"_s, u"Also what-if changes and headroom of the cheapest build."_s);
    parser.addOptions({modelOption, quantOption, useCasesOption, budgetOption, wattsOption,
                       topOption, usedOption, detailsOption, formatOption()});
    parser.addOptions(catalogueOptions());
    if (const auto exit = parseVerbArguments(parser, arguments))
        return *exit;
    const auto format = readFormat(parser);
    if (!format)
        return kExitBadInput;
    if (!parser.positionalArguments().isEmpty())
        return badInput(u"arguments"_s,
                        u"unexpected \""_s + parser.positionalArguments().front() + u"\""_s);
    if (!parser.isSet(modelOption))
        return badInput(u"--model"_s, u"missing (required): the model to run"_s);
    bool failed = false;
    const auto budget = positiveNumber(parser, budgetOption, u"--budget-eur"_s, &failed);
    if (failed)
        return kExitBadInput;
    const auto maxWatts = positiveNumber(parser, wattsOption, u"--max-watts"_s, &failed);
    if (failed)
        return kExitBadInput;
    bool topOk = false;
    const int top = parser.value(topOption).toInt(&topOk);
    if (!topOk || top < 0)
        return badInput(u"--top"_s, u"must be a whole number, 0 or more (got \""_s +
                                        parser.value(topOption) + u"\")"_s);

    int exitCode = kExitOk;
    std::vector<Measurement>
        own; // the user's measurements recalibrate their classes, as in estimate
    const auto catalog = readCatalogue(parser, &exitCode, &own);
    if (!catalog)
        return exitCode;
    QString error;
    const PlatformRules rules = db::loadShippedPlatformRules(&error);
    if (!error.isEmpty()) {
        std::fputs(("error: catalog: platform rules cannot be read: " + error.toStdString() + "\n")
                       .c_str(),
                   stderr);
        return kExitInternal;
    }
    const auto model = findModel(*catalog, parser.value(modelOption).toStdString());
    if (!model)
        return badInput(u"--model"_s,
                        lookupError(model, u"\""_s + parser.value(modelOption) + u"\""_s));
    const auto quant = findQuant(*catalog, parser.value(quantOption).toStdString());
    if (!quant)
        return badInput(u"--quant"_s,
                        lookupError(quant, u"\""_s + parser.value(quantOption) + u"\""_s));

    RecommendRequest request;
    request.model = ModelChoice{*model.match, *quant.match, std::nullopt};
    if (parser.isSet(useCasesOption)) {
        for (const QString &id : parser.value(useCasesOption).split(u',', Qt::SkipEmptyParts)) {
            const auto uc = findUseCase(*catalog, id.trimmed().toStdString());
            if (!uc)
                return badInput(u"--use-cases"_s,
                                lookupError(uc, u"\""_s + id.trimmed() + u"\""_s));
            request.workload.useCases.push_back(*uc.match);
        }
        if (request.workload.useCases.empty())
            return badInput(u"--use-cases"_s, u"empty; name at least one, e.g. UC1,UC2"_s);
    } else {
        request.workload.useCases = catalog->useCases;
    }
    request.budgetEur = budget;
    if (maxWatts)
        request.maxPower = watts(*maxWatts);
    request.top = static_cast<std::size_t>(top);
    request.includeUsed = parser.isSet(usedOption);

    // The same calibrated factors as `estimate`, so both verbs agree on a build.
    QString calibrationError;
    Assumptions assumptions = db::shippedAssumptions(&calibrationError);
    if (calibrationError.isEmpty() && !own.empty())
        assumptions = calibrateWithOwnMeasurements(
            assumptions, own, QDate::currentDate().toString(Qt::ISODate).toStdString());
    if (!calibrationError.isEmpty()) {
        std::fputs(("error: assumptions: the built-in calibration cannot be read: " +
                    calibrationError.toStdString() + "\n")
                       .c_str(),
                   stderr);
        return kExitInternal;
    }
    const RecommendResult res = recommend(*catalog, rules, request, assumptions);
    if (!res.problem.empty())
        return badInput(u"--model"_s, fromStd(res.problem));

    std::optional<Details> details;
    if (parser.isSet(detailsOption) && !res.front.empty()) {
        details.emplace();
        details->build = &res.front.front();
        const Build &b = details->build->build;
        details->whatIfs = whatIfs(b, request.model, request.workload, assumptions, *catalog,
                                   &rules, request.includeUsed);
        details->headroom = headroom(b, request.model, request.workload, assumptions, *catalog);
    }
    if (*format == Format::Table) {
        writeStdout(tableText(res, request) + (details ? detailsText(*details) : QString()));
        return kExitOk;
    }
    QJsonArray ucs, front, unpriced;
    for (const UseCase &u : request.workload.useCases)
        ucs.append(fromStd(u.id));
    for (const Recommendation &r : res.front)
        front.append(recommendationToJson(r, assumptions));
    for (const Recommendation &r : res.unpriced)
        unpriced.append(recommendationToJson(r, assumptions));
    QJsonObject out{{u"model"_s, fromStd(request.model.model.name)},
                    {u"quant"_s, fromStd(request.model.quant.name)},
                    {u"use_cases"_s, ucs},
                    {u"budget_eur"_s, budget ? QJsonValue(*budget) : QJsonValue()},
                    {u"max_watts"_s, maxWatts ? QJsonValue(*maxWatts) : QJsonValue()},
                    {u"include_used"_s, request.includeUsed},
                    {u"system_ram_needed_gb"_s, scenario::roundForOutput(inGigabytes(
                                                    systemRamToLoad(request.model, assumptions)))},
                    {u"builds"_s, front},
                    {u"unpriced"_s, unpriced},
                    {u"stats"_s, statsToJson(res.stats)}};
    if (details)
        out.insert(u"details"_s, detailsToJson(*details));
    writeStdout(QJsonDocument(out).toJson(QJsonDocument::Indented));
    return kExitOk;
}

} // namespace llm::cli
