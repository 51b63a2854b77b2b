// SPDX-License-Identifier: MIT
// parseScenario: the top level, builds and memory, thresholds and assumptions.
#include "scenario.h"

#include "enum_names.h"
#include "json_reader.h"
#include "parse_parts.h"
#include "partlimits.h"
#include "strictjson.h"
#include "validation.h"

#include <QHash>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <utility>

namespace llm::scenario {
namespace {

using namespace detail;
using namespace llm::units;
using namespace Qt::StringLiterals;

const QStringList kRuntimes{u"llama.cpp"_s, u"llamafile"_s};

// Reads the memory population. Whether the CPU and its platform take it (channels,
// rated speed, speed grades, capacity, DIMMs) is checkBuild()'s to say, for the whole
// build at once; here only what a number in a file must be on its own.
MemoryConfig readMemory(const ObjectReader &r) {
    r.rejectUnknownKeys({u"channels"_s, u"mts"_s, u"capacity_gb"_s});
    MemoryConfig memory;
    memory.channels = r.integer(u"channels"_s);
    if (memory.channels <= 0)
        fail(r.pathOf(u"channels"_s),
             QStringLiteral("must be at least 1, found ") + QString::number(memory.channels));
    const double mts = r.positiveNumber(u"mts"_s);
    memory.speed = megatransfersPerSecond(mts);
    memory.capacity = gigabytes(r.positiveNumber(u"capacity_gb"_s));
    // The catalogue's caps, for an explicit CPU that gives no maximum of its own.
    if (const QString why = input::limitProblem(input::limits::kMemoryMts, mts); !why.isEmpty())
        fail(r.pathOf(u"mts"_s), why);
    if (const QString why =
            input::limitProblem(input::limits::kMaxMemoryGb, inGigabytes(memory.capacity));
        !why.isEmpty())
        fail(r.pathOf(u"capacity_gb"_s), why);
    return memory;
}

GpuGroup readGpuGroup(const QJsonValue &value, const QString &path, const Catalog &catalog) {
    GpuGroup group;
    if (!value.isObject()) {
        group.gpu = readGpu(value, path, catalog); // "gpus": ["RTX 5090"]
        return group;
    }
    const ObjectReader r(value.toObject(), path);
    r.rejectUnknownKeys({u"model"_s, u"count"_s});
    if (!r.has(u"model"_s))
        r.missing(u"model"_s);
    group.gpu = readGpu(r.value(u"model"_s), r.pathOf(u"model"_s), catalog);
    group.count = r.optInteger(u"count"_s).value_or(1);
    if (group.count < 1)
        fail(r.pathOf(u"count"_s),
             QStringLiteral("must be at least 1, found ") + QString::number(group.count));
    return group;
}

// checkBuild names fields after core's members ("memory.speed",
// "gpus[0].vram"); a scenario's author knows them by their JSON keys.
QString jsonFieldOf(const std::string &coreField) {
    static const QHash<QString, QString> names{
        {u"boostClock"_s, u"boost_ghz"_s},
        {u"memoryChannels"_s, u"memory_channels"_s},
        {u"fabricClock"_s, u"fclk_ghz"_s},
        {u"fabricLinksPerCcd"_s, u"fabric_links_per_ccd"_s},
        {u"unifiedBandwidth"_s, u"unified_bandwidth_gbs"_s},
        {u"speed"_s, u"mts"_s},
        {u"capacity"_s, u"capacity_gb"_s},
        {u"vram"_s, u"model.vram_gb"_s},
        {u"bandwidth"_s, u"model.bandwidth_gbs"_s},
        {u"fp16Tensor"_s, u"model.fp16_tflops"_s},
        {u"pcieLanes"_s, u"model.pcie_lanes"_s},
        {u"integratedGpu"_s, u"integrated_gpu"_s},
        {u"unifiedGpuMemoryShare"_s, u"unified_gpu_memory_share"_s},
        {u"platformPriceUsd"_s, u"platform_price_usd"_s},
        // The card a group names, and the power its cards draw at load.
        {u"gpu"_s, u"model"_s},
        {u"power"_s, u"gpus"_s}};
    QStringList parts = fromStd(coreField).split(u'.');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        // The GPU fields of the integrated GPU sit directly under it, not under "model".
        QString name = names.value(parts[i], parts[i]);
        if (i > 0 && parts[0] == u"integratedGpu"_s && name.startsWith(u"model."_s))
            name = name.mid(6);
        parts[i] = name;
    }
    return parts.join(u'.');
}

void readBuild(const ObjectReader &r, qsizetype index, const Catalog &catalog,
               const PlatformRules &rules, const Assumptions &assumptions, Build &build,
               BuildExtras &extras) {
    r.rejectUnknownKeys({u"name"_s, u"preset"_s, u"from_preset"_s, u"notes"_s, u"cpu"_s,
                         u"memory"_s, u"gpus"_s, u"integrated_gpu"_s, u"multi_gpu"_s,
                         u"unified_gpu_memory_share"_s, u"platform_price_usd"_s, u"price_eur"_s,
                         u"price_source"_s});
    const Preset *preset = nullptr;
    if (const auto presetName = r.optString(u"preset"_s)) {
        const auto found = findPreset(catalog, toStd(*presetName));
        if (!found) {
            QStringList names;
            for (const Preset &p : catalog.presets)
                names << fromStd(p.name);
            fail(r.pathOf(u"preset"_s), QStringLiteral("unknown preset \"") + *presetName +
                                            QStringLiteral("\"; presets: ") + joinChoices(names));
        }
        preset = found.match;
        extras.presetName = preset->name;
        build.name = preset->name;
        build.cpu = resolveCpu(catalog, fromStd(preset->cpuName), r.pathOf(u"preset"_s));
        build.memory = preset->memory;
        for (const PresetGpu &g : preset->gpus)
            build.gpus.push_back(
                {resolveGpu(catalog, fromStd(g.gpuName), r.pathOf(u"preset"_s)), g.count});
    }
    if (const auto from = r.optString(u"from_preset"_s))
        extras.presetName = toStd(*from);
    extras.notes = toStd(r.optFreeText(u"notes"_s).value_or(QString()));
    if (const auto name = r.optString(u"name"_s); name && !name->isEmpty())
        build.name = toStd(*name);
    else if (!preset)
        build.name = "Build " + std::to_string(index + 1);

    if (r.has(u"cpu"_s))
        build.cpu = readCpu(r.value(u"cpu"_s), r.pathOf(u"cpu"_s), catalog);
    else if (!preset)
        r.missing(u"cpu"_s, QStringLiteral("a catalogue name or an object (or use \"preset\")"));

    if (const auto memory = r.optObject(u"memory"_s))
        build.memory = readMemory(*memory);
    else if (!preset)
        r.missing(u"memory"_s, QStringLiteral("{channels, mts, capacity_gb}"));

    // "gpus": null is the same as leaving the key out (as for every optional key).
    if (r.has(u"gpus"_s) && !r.value(u"gpus"_s).isNull()) {
        build.gpus.clear();
        const QJsonArray gpus = r.array(u"gpus"_s);
        for (qsizetype i = 0; i < gpus.size(); ++i)
            build.gpus.push_back(
                readGpuGroup(gpus.at(i), indexPath(r.pathOf(u"gpus"_s), i), catalog));
    }
    const QJsonValue igpuValue = r.value(u"integrated_gpu"_s);
    if (igpuValue.isBool()) {
        if (igpuValue.toBool()) {
            const Gpu *igpu = integratedGpuFor(catalog, build.cpu);
            if (!igpu)
                fail(r.pathOf(u"integrated_gpu"_s), u"the catalogue knows no integrated GPU of "_s +
                                                        fromStd(build.cpu.name) +
                                                        u"; name one or give its specification"_s);
            build.integratedGpu = *igpu;
        }
    } else if (!igpuValue.isUndefined() && !igpuValue.isNull()) {
        Gpu igpu = readGpu(igpuValue, r.pathOf(u"integrated_gpu"_s), catalog);
        igpu.integrated = true;
        build.integratedGpu = std::move(igpu);
    } else if (const Gpu *igpu = integratedGpuFor(catalog, build.cpu)) {
        build.integratedGpu = *igpu;
    }
    if (const auto mode = r.optString(u"multi_gpu"_s)) {
        const auto m = multiGpuModeFromName(*mode);
        if (!m)
            fail(r.pathOf(u"multi_gpu"_s), QStringLiteral("unknown mode \"") + *mode +
                                               QStringLiteral("\"; use ") +
                                               joinChoices(multiGpuModeNames()));
        build.multiGpuMode = *m;
    }
    if (const auto share = r.optNumber(u"unified_gpu_memory_share"_s)) {
        if (*share <= 0 || *share > 1)
            fail(r.pathOf(u"unified_gpu_memory_share"_s),
                 QStringLiteral("must be a fraction between 0 and 1"));
        build.unifiedGpuMemoryShare = *share;
    }
    build.platformPriceUsd = r.optNonNegativeNumber(u"platform_price_usd"_s);
    // The catalogue's cap on a part's price (db/input/partlimits.h) holds for a platform too.
    if (build.platformPriceUsd)
        if (const QString why =
                input::limitProblem(input::limits::kPriceUsd, *build.platformPriceUsd);
            !why.isEmpty())
            fail(r.pathOf(u"platform_price_usd"_s), why);
    // The user's quote for the whole build overrides the estimated price.
    build.quotedPriceEur = r.optNonNegativeNumber(u"price_eur"_s);
    build.quoteSource = toStd(r.optString(u"price_source"_s).value_or(QString()));
    if (!build.quoteSource.empty() && !build.quotedPriceEur)
        fail(r.pathOf(u"price_source"_s),
             QStringLiteral("says where a price comes from, but the build has no \"price_eur\""));

    // The one feasibility check (spec fields, memory population, slots, lanes, PSU):
    // the first problem, with its field put under this build's path.
    const std::vector<Problem> problems = checkBuild(build, catalog, rules, assumptions);
    if (!problems.empty())
        fail(childPath(r.path(), jsonFieldOf(problems.front().field)),
             fromStd(problems.front().message));
}

void overrideSeconds(const ObjectReader &r, const QString &key, Seconds &target,
                     Assumptions &assumptions) {
    if (const auto v = r.optPositiveNumber(key)) {
        target = seconds(*v);
        assumptions.overridden.push_back(toStd(r.pathOf(key)));
    }
}

void readThresholds(const ObjectReader &r, Assumptions &a) {
    r.rejectUnknownKeys({u"max_prefill_s"_s, u"min_gen_tok_s"_s, u"interactive_prefill_s"_s,
                         u"background_total_s"_s, u"offline_total_s"_s});
    Thresholds &t = a.thresholds;
    overrideSeconds(r, u"max_prefill_s"_s, t.maxPrefill, a);
    if (const auto v = r.optPositiveNumber(u"min_gen_tok_s"_s)) {
        t.minGeneration = tokensPerSecond(*v);
        a.overridden.push_back(toStd(r.pathOf(u"min_gen_tok_s"_s)));
    }
    overrideSeconds(r, u"interactive_prefill_s"_s, t.interactivePrefill, a);
    overrideSeconds(r, u"background_total_s"_s, t.backgroundTotal, a);
    overrideSeconds(r, u"offline_total_s"_s, t.offlineTotal, a);
}

double fraction(const ObjectReader &r, const QString &key) {
    const double v = r.positiveNumber(key);
    if (v > 1)
        fail(r.pathOf(key), QStringLiteral("is a fraction: must be at most 1"));
    return v;
}

void readAssumptions(const ObjectReader &r, Assumptions &a) {
    r.rejectUnknownKeys({u"placement"_s, u"runtime_overhead_gb"_s, u"kv_bytes_per_element"_s,
                         u"pcie_efficiency"_s, u"fabric_link_efficiency"_s,
                         u"tensor_parallel_efficiency"_s, u"micro_batch"_s, u"eur_per_usd"_s,
                         u"electricity_eur_per_kwh"_s, u"memory_usd_per_gb"_s,
                         u"platform_power_w"_s, u"efficiency"_s});
    auto mark = [&](const QString &key) { a.overridden.push_back(toStd(r.pathOf(key))); };
    if (const auto p = r.optString(u"placement"_s)) {
        const auto placement = placementFromName(*p);
        if (!placement)
            fail(r.pathOf(u"placement"_s), QStringLiteral("unknown placement \"") + *p +
                                               QStringLiteral("\"; use ") +
                                               joinChoices(placementNames()));
        a.forcedPlacement = placement;
        mark(u"placement"_s);
    }
    if (const auto v = r.optNonNegativeNumber(u"runtime_overhead_gb"_s)) {
        a.runtimeOverhead = gigabytes(*v);
        mark(u"runtime_overhead_gb"_s);
    }
    if (r.has(u"kv_bytes_per_element"_s)) {
        a.kvBytesPerElement = r.positiveNumber(u"kv_bytes_per_element"_s);
        mark(u"kv_bytes_per_element"_s);
    }
    if (r.has(u"pcie_efficiency"_s)) {
        a.pcieEfficiency = fraction(r, u"pcie_efficiency"_s);
        mark(u"pcie_efficiency"_s);
    }
    if (r.has(u"fabric_link_efficiency"_s)) {
        a.fabricLinkEfficiency = fraction(r, u"fabric_link_efficiency"_s);
        mark(u"fabric_link_efficiency"_s);
    }
    if (r.has(u"tensor_parallel_efficiency"_s)) {
        a.tensorParallelEfficiency = fraction(r, u"tensor_parallel_efficiency"_s);
        mark(u"tensor_parallel_efficiency"_s);
    }
    if (r.has(u"micro_batch"_s)) {
        const int v = r.integer(u"micro_batch"_s);
        if (v < 1)
            fail(r.pathOf(u"micro_batch"_s), QStringLiteral("must be at least 1"));
        a.microBatch = tokens(v);
        mark(u"micro_batch"_s);
    }
    for (const auto &[key, target] :
         {std::pair{u"eur_per_usd"_s, &a.eurPerUsd},
          std::pair{u"electricity_eur_per_kwh"_s, &a.electricityEurPerKwh},
          std::pair{u"memory_usd_per_gb"_s, &a.memoryUsdPerGb}}) {
        if (const auto v = r.optNonNegativeNumber(key)) {
            *target = *v;
            mark(key);
        }
    }
    if (const auto v = r.optNonNegativeNumber(u"platform_power_w"_s)) {
        a.platformPower = watts(*v);
        mark(u"platform_power_w"_s);
    }
    if (const auto efficiency = r.optObject(u"efficiency"_s)) {
        // Keyed by hardware class ("cpu-zen5", "gpu-nvidia-blackwell@llamafile").
        const QStringList keys = r.value(u"efficiency"_s).toObject().keys();
        for (const QString &cls : keys) {
            if (cls.startsWith(u'_'))
                continue;
            const ObjectReader f = efficiency->object(cls);
            f.rejectUnknownKeys({u"bandwidth"_s, u"compute"_s, u"token_overhead_ms"_s});
            // Start from what the class has now, so one field can be overridden alone.
            const HardwareKind kind = cls.startsWith(u"gpu"_s)       ? HardwareKind::Gpu
                                      : cls.startsWith(u"unified"_s) ? HardwareKind::Unified
                                                                     : HardwareKind::Cpu;
            EfficiencyFactors factors = a.factorsFor(toStd(cls), kind);
            if (f.has(u"bandwidth"_s))
                factors.bandwidth = fraction(f, u"bandwidth"_s);
            if (f.has(u"compute"_s))
                factors.compute = fraction(f, u"compute"_s);
            if (const auto ms = f.optNonNegativeNumber(u"token_overhead_ms"_s))
                factors.tokenOverhead = secondsPerToken(*ms / 1000.0);
            factors.fittedOn.clear();
            factors.measurements = 0;
            factors.ownMeasurements = 0;
            a.efficiencyByClass[toStd(cls)] = factors;
            a.overridden.push_back(toStd(f.path()));
        }
    }
}

Scenario readScenario(const ObjectReader &root, const Catalog &catalog, const PlatformRules &rules,
                      const Assumptions &defaults) {
    root.rejectUnknownKeys({u"format_version"_s, u"program_version"_s, u"catalog_as_of"_s,
                            u"title"_s, u"purpose"_s, u"decision"_s, u"attendees"_s, u"builds"_s,
                            u"model"_s, u"runtime"_s, u"use_cases"_s, u"thresholds"_s,
                            u"assumptions"_s, u"context"_s});
    Scenario s;
    s.formatVersion = root.optInteger(u"format_version"_s).value_or(kFormatVersion);
    if (s.formatVersion > kFormatVersion)
        fail(u"format_version"_s,
             QStringLiteral("this file was made by a newer version of the program (format ") +
                 QString::number(s.formatVersion) + QStringLiteral("; this one reads up to ") +
                 QString::number(kFormatVersion) + QStringLiteral("): update the program"));
    if (s.formatVersion < 1)
        fail(u"format_version"_s, QStringLiteral("must be at least 1"));
    s.programVersion = toStd(root.optString(u"program_version"_s).value_or(QString()));
    // A hand-written file was resolved against this catalogue: say which one.
    s.catalogAsOf = toStd(root.optString(u"catalog_as_of"_s).value_or(fromStd(catalog.asOf)));
    s.title = toStd(root.optString(u"title"_s).value_or(QString()));
    s.purpose = toStd(root.optFreeText(u"purpose"_s).value_or(QString()));
    s.decision = toStd(root.optFreeText(u"decision"_s).value_or(QString()));
    s.attendees = toStd(root.optFreeText(u"attendees"_s).value_or(QString()));

    s.assumptions = defaults;
    s.runtime = toStd(root.optString(u"runtime"_s).value_or(fromStd(defaults.runtime)));
    if (!kRuntimes.contains(fromStd(s.runtime)))
        fail(u"runtime"_s, QStringLiteral("unknown runtime \"") + fromStd(s.runtime) +
                               QStringLiteral("\"; use ") + joinChoices(kRuntimes));
    s.assumptions.runtime = s.runtime;
    if (const auto t = root.optObject(u"thresholds"_s))
        readThresholds(*t, s.assumptions);
    if (const auto a = root.optObject(u"assumptions"_s))
        readAssumptions(*a, s.assumptions);

    if (!root.has(u"model"_s))
        root.missing(u"model"_s, QStringLiteral("a catalogue name or an object"));
    s.model = readModel(root.value(u"model"_s), u"model"_s, catalog);
    if (const auto context = root.optInteger(u"context"_s)) {
        // The context window the runtime is started with (memory fit plans for it).
        if (*context < 0)
            fail(u"context"_s, QStringLiteral("must be 0 (each use case's own) or a number of "
                                              "tokens, not ") +
                                   QString::number(*context));
        if (s.model.model.maxContext > 0 && *context > s.model.model.maxContext)
            fail(u"context"_s, QString::number(*context) +
                                   QStringLiteral(" tokens is more than the model's maximum "
                                                  "context of ") +
                                   QString::number(s.model.model.maxContext) +
                                   QStringLiteral(" tokens"));
        s.workload.reservedContext = tokens(*context);
    }

    if (root.has(u"use_cases"_s)) {
        const QJsonArray ucs = root.array(u"use_cases"_s);
        if (ucs.isEmpty())
            fail(u"use_cases"_s, QStringLiteral("must name at least one use case"));
        for (qsizetype i = 0; i < ucs.size(); ++i)
            s.workload.useCases.push_back(
                readUseCase(ucs.at(i), indexPath(u"use_cases"_s, i), catalog));
    } else {
        s.workload.useCases = catalog.useCases.empty() ? seedUseCases() : catalog.useCases;
    }

    const QJsonArray builds = root.array(u"builds"_s);
    if (builds.isEmpty())
        fail(u"builds"_s, QStringLiteral("must name at least one build"));
    for (qsizetype i = 0; i < builds.size(); ++i) {
        const QString path = indexPath(u"builds"_s, i);
        if (!builds.at(i).isObject())
            fail(path, QStringLiteral("expected an object, found ") + jsonTypeName(builds.at(i)));
        Build build;
        BuildExtras extras;
        readBuild(ObjectReader(builds.at(i).toObject(), path), i, catalog, rules, s.assumptions,
                  build, extras);
        s.builds.push_back(std::move(build));
        s.buildExtras.push_back(std::move(extras));
    }
    return s;
}

} // namespace

ParseResult parseScenario(const QByteArray &json, const Catalog &catalog,
                          const PlatformRules &rules, const Assumptions &defaults) {
    ParseResult result;
    if (json.size() > kMaxScenarioBytes) {
        result.error = {u"json"_s, u"the file is larger than "_s +
                                       QString::number(kMaxScenarioBytes / (1024 * 1024)) +
                                       u" MiB, too large to be a comparison"_s};
        return result;
    }
    // Syntax, encoding and keys given twice (QJsonDocument would keep the last silently).
    const input::StrictJson strict = input::readStrictJson(json);
    if (!strict.ok()) {
        result.error = {strict.field, strict.message};
        return result;
    }
    const QJsonDocument &doc = strict.document;
    if (!doc.isObject()) {
        result.error = {u"json"_s, QStringLiteral("expected an object at the top level")};
        return result;
    }
    try {
        result.scenario =
            readScenario(ObjectReader(doc.object(), QString()), catalog, rules, defaults);
    } catch (const ParseFailure &failure) {
        result.error = {failure.field, failure.message};
    }
    return result;
}

} // namespace llm::scenario
