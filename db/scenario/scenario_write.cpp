// SPDX-License-Identifier: MIT
// writeScenario and the explicit-object forms of catalogue parts.
#include "scenario.h"

#include "enum_names.h"
#include "json_reader.h"
#include "overridekeys.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace llm::scenario {
namespace {

using namespace detail;
using namespace llm::units;
using namespace Qt::StringLiterals;

void putString(QJsonObject &o, const QString &key, const std::string &value) {
    if (!value.empty())
        o.insert(key, fromStd(value));
}

void putPrice(QJsonObject &o, const std::optional<double> &price) {
    if (price)
        o.insert(u"price_usd"_s, *price);
}

void putList(QJsonObject &o, const QString &key, const std::vector<std::string> &values) {
    if (values.empty())
        return;
    QJsonArray a;
    for (const std::string &v : values)
        a.append(fromStd(v));
    o.insert(key, a);
}

QJsonObject thresholdsToJson(const Assumptions &a) {
    const Thresholds defaults;
    const Thresholds &t = a.thresholds;
    QJsonObject o;
    // Written when the user changed it, whatever the value: a setting that was
    // overridden stays overridden after saving and opening again.
    auto put = [&](const QString &key, double value, double defaultValue) {
        if (value != defaultValue || isOverridden(a, thresholdOverrideKey(toStd(key))))
            o.insert(key, value);
    };
    put(u"max_prefill_s"_s, inSeconds(t.maxPrefill), inSeconds(defaults.maxPrefill));
    put(u"min_gen_tok_s"_s, inTokensPerSecond(t.minGeneration),
        inTokensPerSecond(defaults.minGeneration));
    put(u"interactive_prefill_s"_s, inSeconds(t.interactivePrefill),
        inSeconds(defaults.interactivePrefill));
    put(u"background_total_s"_s, inSeconds(t.backgroundTotal), inSeconds(defaults.backgroundTotal));
    put(u"offline_total_s"_s, inSeconds(t.offlineTotal), inSeconds(defaults.offlineTotal));
    return o;
}

QJsonObject assumptionsToJson(const Assumptions &a) {
    const Assumptions d;
    QJsonObject o;
    auto put = [&](const QString &key, double value, double defaultValue) {
        if (value != defaultValue || isOverridden(a, assumptionOverrideKey(toStd(key))))
            o.insert(key, value);
    };
    if (a.forcedPlacement)
        o.insert(u"placement"_s, QLatin1String(toString(*a.forcedPlacement)));
    put(u"runtime_overhead_gb"_s, inGigabytes(a.runtimeOverhead), inGigabytes(d.runtimeOverhead));
    put(u"kv_bytes_per_element"_s, a.kvBytesPerElement, d.kvBytesPerElement);
    put(u"pcie_efficiency"_s, a.pcieEfficiency, d.pcieEfficiency);
    put(u"fabric_link_efficiency"_s, a.fabricLinkEfficiency, d.fabricLinkEfficiency);
    put(u"tensor_parallel_efficiency"_s, a.tensorParallelEfficiency, d.tensorParallelEfficiency);
    put(u"micro_batch"_s, inTokens(a.microBatch), inTokens(d.microBatch));
    put(u"eur_per_usd"_s, a.eurPerUsd, d.eurPerUsd);
    put(u"electricity_eur_per_kwh"_s, a.electricityEurPerKwh, d.electricityEurPerKwh);
    put(u"memory_usd_per_gb"_s, a.memoryUsdPerGb, d.memoryUsdPerGb);
    put(u"platform_power_w"_s, inWatts(a.platformPower), inWatts(d.platformPower));
    // Only the classes the user overrode: calibrated factors come from the
    // program, so a recalibration reaches old files.
    QJsonObject efficiency;
    for (const auto &[cls, f] : a.efficiencyByClass) {
        if (!isOverridden(a, efficiencyOverrideKey(cls)))
            continue;
        efficiency.insert(fromStd(cls), QJsonObject{{u"bandwidth"_s, f.bandwidth},
                                                    {u"compute"_s, f.compute},
                                                    {u"token_overhead_ms"_s,
                                                     inSecondsPerToken(f.tokenOverhead) * 1000.0}});
    }
    if (!efficiency.isEmpty())
        o.insert(u"efficiency"_s, efficiency);
    return o;
}

QJsonObject buildToJson(const Build &b, const BuildExtras &extras) {
    QJsonObject o;
    o.insert(u"name"_s, fromStd(b.name));
    putString(o, u"from_preset"_s, extras.presetName);
    putString(o, u"notes"_s, extras.notes);
    o.insert(u"cpu"_s, cpuToJson(b.cpu));
    o.insert(u"memory"_s, QJsonObject{{u"channels"_s, b.memory.channels},
                                      {u"mts"_s, inMegatransfersPerSecond(b.memory.speed)},
                                      {u"capacity_gb"_s, inGigabytes(b.memory.capacity)}});
    QJsonArray gpus;
    for (const GpuGroup &g : b.gpus)
        gpus.append(QJsonObject{{u"model"_s, gpuToJson(g.gpu)}, {u"count"_s, g.count}});
    o.insert(u"gpus"_s, gpus);
    // false, not absent: reading would otherwise attach the catalogue's iGPU.
    o.insert(u"integrated_gpu"_s,
             b.integratedGpu ? QJsonValue(gpuToJson(*b.integratedGpu)) : QJsonValue(false));
    o.insert(u"multi_gpu"_s, multiGpuModeName(b.multiGpuMode));
    o.insert(u"unified_gpu_memory_share"_s, b.unifiedGpuMemoryShare);
    if (b.platformPriceUsd)
        o.insert(u"platform_price_usd"_s, *b.platformPriceUsd);
    if (b.quotedPriceEur)
        o.insert(u"price_eur"_s, *b.quotedPriceEur);
    putString(o, u"price_source"_s, b.quoteSource);
    return o;
}

} // namespace

QJsonObject cpuToJson(const Cpu &cpu) {
    QJsonObject o;
    o.insert(u"name"_s, fromStd(cpu.name));
    putString(o, u"vendor"_s, cpu.vendor);
    o.insert(u"family"_s, familyName(cpu.family));
    putString(o, u"socket"_s, cpu.socket);
    putString(o, u"architecture"_s, cpu.architecture);
    o.insert(u"cores"_s, cpu.cores);
    o.insert(u"threads"_s, cpu.threads);
    o.insert(u"base_ghz"_s, inGigahertz(cpu.baseClock));
    o.insert(u"boost_ghz"_s, inGigahertz(cpu.boostClock));
    o.insert(u"l3_mb"_s, inGigabytes(cpu.l3Cache) * 1000.0);
    o.insert(u"ccds"_s, cpu.ccds);
    o.insert(u"fabric_links_per_ccd"_s, cpu.fabricLinksPerCcd);
    o.insert(u"fclk_ghz"_s, inGigahertz(cpu.fabricClock));
    o.insert(u"memory_channels"_s, cpu.memoryChannels);
    o.insert(u"max_memory_gb"_s, inGigabytes(cpu.maxMemory));
    putString(o, u"memory_type"_s, cpu.memoryType);
    o.insert(u"max_mts"_s, inMegatransfersPerSecond(cpu.maxMemorySpeed));
    o.insert(u"avx512"_s, cpu.avx512);
    o.insert(u"avx512_bf16"_s, cpu.avx512Bf16);
    o.insert(u"amx"_s, cpu.amx);
    o.insert(u"pcie_lanes"_s, cpu.pcieLanes);
    o.insert(u"pcie_gen"_s, cpu.pcieGen);
    o.insert(u"tdp_w"_s, inWatts(cpu.tdp));
    putPrice(o, cpu.priceUsd);
    if (cpu.unifiedBandwidth)
        o.insert(u"unified_bandwidth_gbs"_s, inGigabytesPerSecond(*cpu.unifiedBandwidth));
    putString(o, u"source"_s, cpu.source);
    putString(o, u"as_of"_s, cpu.asOf);
    putList(o, u"approximate_fields"_s, cpu.approximateFields);
    if (!cpu.soldNew)
        o.insert(u"sold_new"_s, false);
    return o;
}

QJsonObject gpuToJson(const Gpu &gpu) {
    QJsonObject o;
    o.insert(u"name"_s, fromStd(gpu.name));
    putString(o, u"vendor"_s, gpu.vendor);
    putString(o, u"segment"_s, gpu.segment);
    putString(o, u"architecture"_s, gpu.architecture);
    o.insert(u"vram_gb"_s, inGigabytes(gpu.vram));
    o.insert(u"bandwidth_gbs"_s, inGigabytesPerSecond(gpu.bandwidth));
    o.insert(u"fp16_tflops"_s, inTeraflopsPerSecond(gpu.fp16Tensor));
    o.insert(u"tdp_w"_s, inWatts(gpu.tdp));
    o.insert(u"pcie_gen"_s, gpu.pcieGen);
    o.insert(u"pcie_lanes"_s, gpu.pcieLanes);
    o.insert(u"nvlink"_s, gpu.nvlink);
    o.insert(u"integrated"_s, gpu.integrated);
    putPrice(o, gpu.priceUsd);
    putString(o, u"source"_s, gpu.source);
    putString(o, u"as_of"_s, gpu.asOf);
    putList(o, u"approximate_fields"_s, gpu.approximateFields);
    putString(o, u"form_factor"_s, gpu.formFactor);
    if (!gpu.soldNew)
        o.insert(u"sold_new"_s, false);
    return o;
}

QJsonObject modelToJson(const Model &m) {
    QJsonObject o;
    o.insert(u"name"_s, fromStd(m.name));
    putString(o, u"family"_s, m.family);
    o.insert(u"params_b"_s, m.paramsTotal / 1e9);
    o.insert(u"active_params_b"_s, m.paramsActive / 1e9);
    if (m.moe || m.expertsTotal > 0) {
        o.insert(u"experts_total"_s, m.expertsTotal);
        o.insert(u"experts_active"_s, m.expertsActive);
    }
    if (m.moe && m.routedExpertParams > 0)
        o.insert(u"routed_expert_params_b"_s, m.routedExpertParams / 1e9);
    o.insert(u"n_layers"_s, m.layers);
    o.insert(u"hidden_size"_s, m.hiddenSize);
    o.insert(u"n_heads"_s, m.heads);
    o.insert(u"n_kv_heads"_s, m.kvHeads);
    o.insert(u"head_dim"_s, m.headDim);
    o.insert(u"attention"_s, attentionName(m.attention));
    o.insert(u"sliding_window"_s, m.slidingWindow);
    o.insert(u"full_attention_layers"_s, m.fullAttentionLayers);
    o.insert(u"kv_lora_rank"_s, m.kvLoraRank);
    o.insert(u"qk_rope_head_dim"_s, m.qkRopeHeadDim);
    o.insert(u"max_context"_s, m.maxContext);
    putString(o, u"license"_s, m.license);
    putString(o, u"release_date"_s, m.releaseDate);
    putString(o, u"source"_s, m.source);
    return o;
}

QJsonObject quantToJson(const Quantization &q) {
    return QJsonObject{{u"name"_s, fromStd(q.name)}, {u"bits_per_weight"_s, q.bitsPerWeight}};
}

QJsonObject useCaseToJson(const UseCase &uc) {
    QJsonObject o{{u"name"_s, fromStd(uc.id)},
                  {u"prompt_tokens"_s, inTokens(uc.promptTokens)},
                  {u"gen_tokens"_s, inTokens(uc.generatedTokens)}};
    putString(o, u"description"_s, uc.description);
    return o;
}

QByteArray writeScenario(const Scenario &s) {
    QJsonObject root;
    root.insert(u"format_version"_s, kFormatVersion);
    root.insert(u"program_version"_s, QStringLiteral(LLMADVISOR_VERSION));
    putString(root, u"catalog_as_of"_s, s.catalogAsOf);
    putString(root, u"title"_s, s.title);
    putString(root, u"purpose"_s, s.purpose);
    putString(root, u"decision"_s, s.decision);
    putString(root, u"attendees"_s, s.attendees);
    QJsonArray builds;
    for (std::size_t i = 0; i < s.builds.size(); ++i)
        builds.append(
            buildToJson(s.builds[i], i < s.buildExtras.size() ? s.buildExtras[i] : BuildExtras{}));
    root.insert(u"builds"_s, builds);

    QJsonObject model = modelToJson(s.model.model);
    model.insert(u"quant"_s, fromStd(s.model.quant.name));
    model.insert(u"bits_per_weight"_s, s.model.quant.bitsPerWeight);
    if (s.model.fileSize)
        model.insert(u"file_gb"_s, inGigabytes(*s.model.fileSize));
    root.insert(u"model"_s, model);
    if (inTokens(s.workload.reservedContext) > 0)
        root.insert(u"context"_s, qint64(inTokens(s.workload.reservedContext)));
    root.insert(u"runtime"_s, fromStd(s.runtime));

    QJsonArray useCases;
    for (const UseCase &uc : s.workload.useCases)
        useCases.append(useCaseToJson(uc));
    root.insert(u"use_cases"_s, useCases);

    if (const QJsonObject t = thresholdsToJson(s.assumptions); !t.isEmpty())
        root.insert(u"thresholds"_s, t);
    if (const QJsonObject a = assumptionsToJson(s.assumptions); !a.isEmpty())
        root.insert(u"assumptions"_s, a);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace llm::scenario
