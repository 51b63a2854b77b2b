// SPDX-License-Identifier: MIT
#include "parse_parts.h"

#include "enum_names.h"
#include "json_reader.h"
#include "partlimits.h"

#include <QJsonArray>

#include <algorithm>

namespace llm::scenario::detail {
namespace {

using namespace llm::units;
using namespace Qt::StringLiterals;

// The default when a scenario names a model without a quantization: the
// seed's examples and most published llama.cpp figures use Q4_K_M.
constexpr auto kDefaultQuant = "Q4_K_M";

// A name as quoted back in an error line: long pastes are cut to their start.
QString quotedName(const QString &name) {
    constexpr qsizetype kShownChars = 60;
    if (name.size() <= kShownChars + 20)
        return u'"' + name + u'"';
    qsizetype cut = kShownChars;
    if (name.at(cut - 1).isHighSurrogate())
        --cut; // never split a character in two
    return u'"' + name.left(cut) + QStringLiteral("…\" (") + QString::number(name.size()) +
           QStringLiteral(" characters)");
}

template <class T>
const T &resolve(const Lookup<T> &found, const QString &what, const QString &name,
                 const QString &path) {
    if (found)
        return *found.match;
    // A short form like "Ryzen 9" matches a score of names: show a few.
    constexpr std::size_t kShown = 6;
    QStringList names;
    for (std::size_t i = 0; i < found.candidates.size() && i < kShown; ++i)
        names << fromStd(found.candidates[i]);
    const QString more =
        found.candidates.size() > kShown
            ? QString(u" and "_s + QString::number(found.candidates.size() - kShown) + u" more"_s)
            : QString();
    if (found.ambiguous)
        fail(path, quotedName(name) + QStringLiteral(" is ambiguous; it matches ") +
                       joinChoices(names) + more + QStringLiteral(" — write more of the name"));
    QString message = QStringLiteral("unknown ") + what + u' ' + quotedName(name);
    if (!names.isEmpty())
        message += QStringLiteral("; closest catalogue names: ") + joinChoices(names) + more;
    fail(path, message);
}

QString nameFrom(const QJsonValue &value, const QString &path) {
    if (!value.isString())
        fail(path, QStringLiteral("expected a catalogue name or an object, found ") +
                       jsonTypeName(value));
    const QString name = value.toString().trimmed();
    if (name.isEmpty())
        fail(path, QStringLiteral("must not be empty"));
    requirePlainText(name, path);
    return name;
}

std::vector<std::string> stringList(const ObjectReader &r, const QString &key) {
    std::vector<std::string> out;
    if (!r.has(key))
        return out;
    const QJsonArray a = r.array(key);
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a.at(i).isString())
            fail(indexPath(r.pathOf(key), i), QStringLiteral("expected a string"));
        requirePlainText(a.at(i).toString(), indexPath(r.pathOf(key), i));
        out.push_back(toStd(a.at(i).toString()));
    }
    return out;
}

namespace lim = input::limits;

// The same limits as a catalogue import (db/input/partlimits.h), so a part
// that `catalog import` refuses cannot come in through a scenario file.
// `full` checks the lower bound too; otherwise only the cap: the optional
// fields of a part may be 0 for "unknown" (the writer stores them so).
void within(const ObjectReader &r, const QString &key, double value, const input::Limit &limit,
            bool full = true, double scale = 1) {
    input::Limit checked = limit;
    if (!full) {
        checked.min = 0;
        checked.minExclusive = false;
    }
    if (const QString why = input::limitProblem(checked, value, scale); !why.isEmpty())
        fail(r.pathOf(key), why);
}
void optWithin(const ObjectReader &r, const QString &key, const input::Limit &limit,
               bool full = false, double scale = 1) {
    if (const auto v = r.optNumber(key))
        within(r, key, *v, limit, full, scale);
}

std::optional<double> optPrice(const ObjectReader &r) {
    const auto price = r.optNonNegativeNumber(QStringLiteral("price_usd"));
    optWithin(r, QStringLiteral("price_usd"), lim::kPriceUsd);
    return price;
}

Cpu explicitCpu(const ObjectReader &r) {
    r.rejectUnknownKeys({u"name"_s,
                         u"vendor"_s,
                         u"family"_s,
                         u"socket"_s,
                         u"architecture"_s,
                         u"cores"_s,
                         u"threads"_s,
                         u"base_ghz"_s,
                         u"boost_ghz"_s,
                         u"l3_mb"_s,
                         u"ccds"_s,
                         u"fabric_links_per_ccd"_s,
                         u"fclk_ghz"_s,
                         u"memory_channels"_s,
                         u"max_memory_gb"_s,
                         u"memory_type"_s,
                         u"max_mts"_s,
                         u"avx512"_s,
                         u"avx512_bf16"_s,
                         u"amx"_s,
                         u"pcie_lanes"_s,
                         u"pcie_gen"_s,
                         u"tdp_w"_s,
                         u"price_usd"_s,
                         u"unified_bandwidth_gbs"_s,
                         u"source"_s,
                         u"as_of"_s,
                         u"approximate_fields"_s,
                         u"sold_new"_s});
    Cpu cpu;
    cpu.name = toStd(r.string(u"name"_s));
    cpu.vendor = toStd(r.optString(u"vendor"_s).value_or(QString()));
    if (const auto family = r.optString(u"family"_s)) {
        const auto f = familyFromName(*family);
        if (!f)
            fail(r.pathOf(u"family"_s), QStringLiteral("unknown family \"") + *family +
                                            QStringLiteral("\"; use ") +
                                            joinChoices(familyNames()));
        cpu.family = *f;
    }
    cpu.socket = toStd(r.optString(u"socket"_s).value_or(QString()));
    cpu.architecture = toStd(r.optString(u"architecture"_s).value_or(QString()));
    cpu.cores = r.integer(u"cores"_s);
    cpu.threads = r.optInteger(u"threads"_s).value_or(cpu.cores * 2);
    cpu.boostClock = gigahertz(r.number(u"boost_ghz"_s));
    cpu.baseClock = gigahertz(r.optNumber(u"base_ghz"_s).value_or(inGigahertz(cpu.boostClock)));
    cpu.l3Cache = gigabytes(r.optNonNegativeNumber(u"l3_mb"_s).value_or(0) / 1000.0);
    cpu.ccds = r.integer(u"ccds"_s);
    if (cpu.ccds < 0)
        fail(r.pathOf(u"ccds"_s), QStringLiteral("must not be negative (0 = single die)"));
    cpu.fabricLinksPerCcd = r.optInteger(u"fabric_links_per_ccd"_s).value_or(1);
    if (cpu.fabricLinksPerCcd < 1 || cpu.fabricLinksPerCcd > 2)
        fail(r.pathOf(u"fabric_links_per_ccd"_s), QStringLiteral("must be 1 or 2"));
    cpu.fabricClock = gigahertz(r.number(u"fclk_ghz"_s));
    cpu.memoryChannels = r.integer(u"memory_channels"_s);
    cpu.maxMemory = gigabytes(r.optNonNegativeNumber(u"max_memory_gb"_s).value_or(0));
    cpu.memoryType = toStd(r.optString(u"memory_type"_s).value_or(u"DDR5"_s));
    cpu.maxMemorySpeed = megatransfersPerSecond(r.number(u"max_mts"_s));
    cpu.avx512 = r.boolean(u"avx512"_s);
    cpu.avx512Bf16 = r.boolean(u"avx512_bf16"_s);
    cpu.amx = r.optBoolean(u"amx"_s).value_or(false);
    cpu.pcieLanes = r.optInteger(u"pcie_lanes"_s).value_or(0);
    cpu.pcieGen = r.optInteger(u"pcie_gen"_s).value_or(5);
    cpu.tdp = watts(r.optNonNegativeNumber(u"tdp_w"_s).value_or(0));
    cpu.priceUsd = optPrice(r);
    if (const auto bw = r.optPositiveNumber(u"unified_bandwidth_gbs"_s))
        cpu.unifiedBandwidth = gigabytesPerSecond(*bw);
    cpu.source = toStd(r.optString(u"source"_s).value_or(QString()));
    cpu.asOf = toStd(r.optString(u"as_of"_s).value_or(QString()));
    cpu.approximateFields = stringList(r, u"approximate_fields"_s);
    cpu.soldNew = r.optBoolean(u"sold_new"_s).value_or(true);
    within(r, u"cores"_s, cpu.cores, lim::kCores);
    optWithin(r, u"threads"_s, lim::kThreads);
    within(r, u"boost_ghz"_s, r.number(u"boost_ghz"_s), lim::kClockGhz);
    optWithin(r, u"base_ghz"_s, lim::kClockGhz);
    optWithin(r, u"l3_mb"_s, lim::kL3Mb, false);
    within(r, u"ccds"_s, cpu.ccds, lim::kCcds);
    within(r, u"fclk_ghz"_s, r.number(u"fclk_ghz"_s), lim::kClockGhz, false);
    within(r, u"memory_channels"_s, cpu.memoryChannels, lim::kMemoryChannels);
    optWithin(r, u"max_memory_gb"_s, lim::kMaxMemoryGb, false);
    within(r, u"max_mts"_s, r.number(u"max_mts"_s), lim::kMemoryMts);
    optWithin(r, u"pcie_lanes"_s, lim::kCpuPcieLanes, false);
    optWithin(r, u"pcie_gen"_s, lim::kPcieGen, false);
    optWithin(r, u"tdp_w"_s, lim::kTdpW, false);
    optWithin(r, u"unified_bandwidth_gbs"_s, lim::kUnifiedBandwidthGbs);
    return cpu;
}

Gpu explicitGpu(const ObjectReader &r) {
    r.rejectUnknownKeys({u"name"_s, u"vendor"_s, u"segment"_s, u"architecture"_s, u"vram_gb"_s,
                         u"bandwidth_gbs"_s, u"fp16_tflops"_s, u"tdp_w"_s, u"pcie_gen"_s,
                         u"pcie_lanes"_s, u"nvlink"_s, u"integrated"_s, u"price_usd"_s, u"source"_s,
                         u"as_of"_s, u"approximate_fields"_s, u"form_factor"_s, u"sold_new"_s});
    Gpu gpu;
    gpu.name = toStd(r.string(u"name"_s));
    gpu.vendor = toStd(r.optString(u"vendor"_s).value_or(QString()));
    gpu.segment = toStd(r.optString(u"segment"_s).value_or(QString()));
    gpu.architecture = toStd(r.optString(u"architecture"_s).value_or(QString()));
    gpu.vram = gigabytes(r.number(u"vram_gb"_s));
    gpu.bandwidth = gigabytesPerSecond(r.number(u"bandwidth_gbs"_s));
    gpu.fp16Tensor = teraflopsPerSecond(r.number(u"fp16_tflops"_s));
    gpu.tdp = watts(r.optNonNegativeNumber(u"tdp_w"_s).value_or(0));
    gpu.pcieGen = r.optInteger(u"pcie_gen"_s).value_or(4);
    gpu.pcieLanes = r.optInteger(u"pcie_lanes"_s).value_or(16);
    gpu.nvlink = r.optBoolean(u"nvlink"_s).value_or(false);
    gpu.integrated = r.optBoolean(u"integrated"_s).value_or(false);
    gpu.priceUsd = optPrice(r);
    gpu.source = toStd(r.optString(u"source"_s).value_or(QString()));
    gpu.asOf = toStd(r.optString(u"as_of"_s).value_or(QString()));
    gpu.approximateFields = stringList(r, u"approximate_fields"_s);
    if (const auto formFactor = r.optString(u"form_factor"_s)) {
        const QStringList known{u"pcie"_s, u"sxm"_s, u"oam"_s, u"integrated"_s};
        if (!known.contains(*formFactor))
            fail(r.pathOf(u"form_factor"_s), QStringLiteral("unknown form factor \"") +
                                                 *formFactor + QStringLiteral("\"; use ") +
                                                 joinChoices(known));
        gpu.formFactor = toStd(*formFactor);
    }
    gpu.soldNew = r.optBoolean(u"sold_new"_s).value_or(true);
    within(r, u"vram_gb"_s, r.number(u"vram_gb"_s), lim::kVramGb);
    within(r, u"bandwidth_gbs"_s, r.number(u"bandwidth_gbs"_s), lim::kGpuBandwidthGbs);
    within(r, u"fp16_tflops"_s, r.number(u"fp16_tflops"_s), lim::kTflops, false);
    optWithin(r, u"tdp_w"_s, lim::kTdpW, false);
    optWithin(r, u"pcie_gen"_s, lim::kPcieGen, false);
    optWithin(r, u"pcie_lanes"_s, lim::kGpuPcieLanes, false);
    return gpu;
}

// Keys that make a model object an explicit specification rather than a
// catalogue reference with a quantization.
const QStringList &modelSpecKeys() {
    static const QStringList keys{u"family"_s,          u"params_b"_s,
                                  u"active_params_b"_s, u"experts_total"_s,
                                  u"experts_active"_s,  u"routed_expert_params_b"_s,
                                  u"n_layers"_s,        u"hidden_size"_s,
                                  u"n_heads"_s,         u"n_kv_heads"_s,
                                  u"head_dim"_s,        u"attention"_s,
                                  u"sliding_window"_s,  u"full_attention_layers"_s,
                                  u"kv_lora_rank"_s,    u"qk_rope_head_dim"_s,
                                  u"max_context"_s,     u"license"_s,
                                  u"release_date"_s,    u"source"_s};
    return keys;
}

int positiveInteger(const ObjectReader &r, const QString &key) {
    const int v = r.integer(key);
    if (v <= 0)
        fail(r.pathOf(key), QStringLiteral("must be at least 1, found ") + QString::number(v));
    return v;
}

Model explicitModel(const ObjectReader &r) {
    Model m;
    m.name = toStd(r.string(u"name"_s));
    m.family = toStd(r.optString(u"family"_s).value_or(QString()));
    m.paramsTotal = r.positiveNumber(u"params_b"_s) * 1e9;
    m.paramsActive = r.positiveNumber(u"active_params_b"_s) * 1e9;
    if (m.paramsActive > m.paramsTotal)
        fail(r.pathOf(u"active_params_b"_s),
             QStringLiteral("is larger than params_b (active parameters are a part of all)"));
    m.moe = m.paramsActive < m.paramsTotal;
    if (m.moe) {
        // Without the expert counts the share of weights read per token is unknown.
        m.expertsTotal = positiveInteger(r, u"experts_total"_s);
        m.expertsActive = positiveInteger(r, u"experts_active"_s);
        if (m.expertsActive >= m.expertsTotal)
            fail(r.pathOf(u"experts_active"_s), QStringLiteral("must be less than experts_total"));
        if (const auto routed = r.optPositiveNumber(u"routed_expert_params_b"_s)) {
            m.routedExpertParams = *routed * 1e9;
        } else {
            // Inactive parameters are the routed experts not picked:
            // routed x (E - k) / E = total - active.
            m.routedExpertParams = (m.paramsTotal - m.paramsActive) * m.expertsTotal /
                                   (m.expertsTotal - m.expertsActive);
        }
        if (m.routedExpertParams > m.paramsTotal)
            fail(r.pathOf(u"routed_expert_params_b"_s), QStringLiteral("exceeds params_b"));
    } else {
        m.expertsTotal = r.optInteger(u"experts_total"_s).value_or(0);
        m.expertsActive = r.optInteger(u"experts_active"_s).value_or(0);
    }
    m.layers = positiveInteger(r, u"n_layers"_s);
    m.hiddenSize = r.optInteger(u"hidden_size"_s).value_or(0);
    m.heads = r.optInteger(u"n_heads"_s).value_or(0);
    if (const auto attention = r.optString(u"attention"_s)) {
        const auto kind = attentionFromName(*attention);
        if (!kind)
            fail(r.pathOf(u"attention"_s), QStringLiteral("unknown attention \"") + *attention +
                                               QStringLiteral("\"; use ") +
                                               joinChoices(attentionNames()));
        m.attention = *kind;
    }
    if (m.attention == AttentionKind::Mla) {
        // MLA caches a compressed latent, not per-head K and V: its size comes
        // from kv_lora_rank + qk_rope_head_dim, and the head fields may be 0.
        m.kvHeads = r.integer(u"n_kv_heads"_s);
        m.headDim = r.integer(u"head_dim"_s);
        m.kvLoraRank = positiveInteger(r, u"kv_lora_rank"_s);
    } else {
        m.kvHeads = positiveInteger(r, u"n_kv_heads"_s);
        m.headDim = positiveInteger(r, u"head_dim"_s);
        m.kvLoraRank = r.optInteger(u"kv_lora_rank"_s).value_or(0);
    }
    m.slidingWindow = r.optInteger(u"sliding_window"_s).value_or(0);
    m.fullAttentionLayers = r.optInteger(u"full_attention_layers"_s).value_or(m.layers);
    m.qkRopeHeadDim = r.optInteger(u"qk_rope_head_dim"_s).value_or(0);
    m.maxContext = r.optInteger(u"max_context"_s).value_or(0);
    m.license = toStd(r.optString(u"license"_s).value_or(QString()));
    m.releaseDate = toStd(r.optString(u"release_date"_s).value_or(QString()));
    m.source = toStd(r.optString(u"source"_s).value_or(QString()));
    // Parameters are given in billions; the limit is a plain count.
    within(r, u"params_b"_s, r.number(u"params_b"_s), lim::kParams, true, 1e9);
    within(r, u"active_params_b"_s, r.number(u"active_params_b"_s), lim::kParams, true, 1e9);
    optWithin(r, u"routed_expert_params_b"_s, lim::kParams, false, 1e9);
    optWithin(r, u"experts_total"_s, lim::kExperts, false);
    optWithin(r, u"experts_active"_s, lim::kExperts, false);
    within(r, u"n_layers"_s, m.layers, lim::kLayers);
    optWithin(r, u"hidden_size"_s, lim::kHiddenSize, false);
    optWithin(r, u"n_heads"_s, lim::kHeads, false);
    within(r, u"n_kv_heads"_s, m.kvHeads, lim::kHeads, false);
    within(r, u"head_dim"_s, m.headDim, lim::kHeadDim, false);
    optWithin(r, u"sliding_window"_s, lim::kContextTokens, false);
    optWithin(r, u"full_attention_layers"_s, lim::kLayers, false);
    optWithin(r, u"kv_lora_rank"_s, lim::kKvLoraRank, false);
    optWithin(r, u"qk_rope_head_dim"_s, lim::kHeadDim, false);
    optWithin(r, u"max_context"_s, lim::kContextTokens, false);
    return m;
}

} // namespace

const Cpu &resolveCpu(const Catalog &catalog, const QString &name, const QString &path) {
    return resolve(findCpu(catalog, toStd(name)), QStringLiteral("CPU"), name, path);
}

const Gpu &resolveGpu(const Catalog &catalog, const QString &name, const QString &path) {
    return resolve(findGpu(catalog, toStd(name)), QStringLiteral("GPU"), name, path);
}

Cpu readCpu(const QJsonValue &value, const QString &path, const Catalog &catalog) {
    if (value.isObject())
        return explicitCpu(ObjectReader(value.toObject(), path));
    return resolveCpu(catalog, nameFrom(value, path), path);
}

Gpu readGpu(const QJsonValue &value, const QString &path, const Catalog &catalog) {
    if (value.isObject())
        return explicitGpu(ObjectReader(value.toObject(), path));
    return resolveGpu(catalog, nameFrom(value, path), path);
}

ModelChoice readModel(const QJsonValue &value, const QString &path, const Catalog &catalog) {
    ModelChoice choice;
    if (!value.isObject()) {
        const QString name = nameFrom(value, path);
        choice.model =
            resolve(findModel(catalog, toStd(name)), QStringLiteral("model"), name, path);
        choice.quant = resolve(findQuant(catalog, kDefaultQuant), QStringLiteral("quantization"),
                               QLatin1String(kDefaultQuant), childPath(path, u"quant"_s));
        return choice;
    }

    const ObjectReader r(value.toObject(), path);
    QStringList known = modelSpecKeys();
    known << u"name"_s << u"quant"_s << u"bits_per_weight"_s << u"file_gb"_s;
    r.rejectUnknownKeys(known);
    const bool isExplicit = std::any_of(modelSpecKeys().begin(), modelSpecKeys().end(),
                                        [&r](const QString &k) { return r.has(k); });
    if (isExplicit) {
        choice.model = explicitModel(r);
    } else {
        const QString name = r.string(u"name"_s);
        choice.model = resolve(findModel(catalog, toStd(name)), QStringLiteral("model"), name,
                               r.pathOf(u"name"_s));
    }

    const auto quantName = r.optString(u"quant"_s);
    const auto bpw = r.optPositiveNumber(u"bits_per_weight"_s);
    optWithin(r, u"bits_per_weight"_s, lim::kBitsPerWeight, true);
    if (const auto file = r.optPositiveNumber(u"file_gb"_s))
        choice.fileSize = gigabytes(*file);
    if (quantName) {
        if (bpw) {
            // A quantization the catalogue may not know (or a different bpw).
            choice.quant = Quantization{toStd(*quantName), *bpw};
        } else {
            choice.quant =
                resolve(findQuant(catalog, toStd(*quantName)), QStringLiteral("quantization"),
                        *quantName, r.pathOf(u"quant"_s));
        }
    } else if (bpw) {
        choice.quant = Quantization{toStd(QString::number(*bpw) + QStringLiteral(" bpw")), *bpw};
    } else if (choice.fileSize && isExplicit) {
        // The file size says how many bits per weight the file really has.
        const double bits = inBytes(*choice.fileSize) * 8.0 / choice.model.paramsTotal;
        choice.quant = Quantization{"from file size", bits};
    } else if (isExplicit) {
        r.missing(u"file_gb"_s, QStringLiteral("give file_gb, quant or bits_per_weight"));
    } else {
        choice.quant = resolve(findQuant(catalog, kDefaultQuant), QStringLiteral("quantization"),
                               QLatin1String(kDefaultQuant), r.pathOf(u"quant"_s));
    }
    return choice;
}

UseCase readUseCase(const QJsonValue &value, const QString &path, const Catalog &catalog) {
    if (!value.isObject()) {
        const QString id = nameFrom(value, path);
        if (const auto found = findUseCase(catalog, toStd(id)))
            return *found.match;
        // A catalogue without use cases (tests, an empty database) still knows the seed's.
        for (const UseCase &uc : seedUseCases())
            if (id.compare(fromStd(uc.id), Qt::CaseInsensitive) == 0)
                return uc;
        QStringList ids;
        for (const UseCase &uc : catalog.useCases.empty() ? seedUseCases() : catalog.useCases)
            ids << fromStd(uc.id);
        fail(path, QStringLiteral("unknown use case \"") + id + QStringLiteral("\"; known: ") +
                       joinChoices(ids) +
                       QStringLiteral(", or an object {name, prompt_tokens, gen_tokens}"));
    }
    const ObjectReader r(value.toObject(), path);
    r.rejectUnknownKeys({u"name"_s, u"description"_s, u"prompt_tokens"_s, u"gen_tokens"_s});
    UseCase uc;
    uc.id = toStd(r.string(u"name"_s));
    uc.description = toStd(r.optFreeText(u"description"_s).value_or(QString()));
    uc.promptTokens = tokens(positiveInteger(r, u"prompt_tokens"_s));
    uc.generatedTokens = tokens(positiveInteger(r, u"gen_tokens"_s));
    return uc;
}

} // namespace llm::scenario::detail
