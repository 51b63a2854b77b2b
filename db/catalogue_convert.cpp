// SPDX-License-Identifier: MIT
// CSV-shaped rows -> core value types. Bare doubles become Boost.Units
// quantities here and only here (for the catalogue).

#include "catalogue_p.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace llm::db::detail {

namespace {

std::string str(const QString &s) {
    return s.toStdString();
}

std::vector<std::string> splitList(const QString &s) {
    std::vector<std::string> out;
    for (const QString &part : s.split(u';', Qt::SkipEmptyParts))
        out.push_back(part.trimmed().toStdString());
    return out;
}

bool rowError(const CsvRecord &r, QString *error) {
    if (r.ok())
        return false;
    if (error)
        *error = r.error();
    return true;
}

std::optional<double> optionalPrice(CsvRecord &r) {
    const auto v = r.optionalNumber(u"price_usd"_s);
    if (v && *v < 0)
        r.fail(u"price_usd"_s, u"a price cannot be negative"_s);
    return v;
}

// Empty (unknown, or a file from before the column) counts as on sale.
bool soldNew(CsvRecord &r) {
    return r.integer(u"sold_new"_s, 1) != 0;
}

CpuFamily cpuFamily(CsvRecord &r) {
    const QString f = r.requiredText(u"family"_s);
    if (f == u"desktop")
        return CpuFamily::Desktop;
    if (f == u"workstation")
        return CpuFamily::Workstation;
    if (f == u"server")
        return CpuFamily::Server;
    if (f == u"mobile")
        return CpuFamily::Mobile;
    if (f == u"other")
        return CpuFamily::Other;
    r.fail(u"family"_s, QStringLiteral("unknown family '%1'").arg(f));
    return CpuFamily::Other;
}

bool readCpus(const CsvTable &t, std::vector<Cpu> *out, QString *error) {
    out->reserve(static_cast<size_t>(t.rows.size()));
    for (qsizetype i = 0; i < t.rows.size(); ++i) {
        CsvRecord r(t, i);
        Cpu c;
        c.name = str(r.requiredText(u"name"_s));
        c.vendor = str(r.requiredText(u"vendor"_s));
        c.family = cpuFamily(r);
        c.socket = str(r.text(u"socket"_s));
        c.architecture = str(r.text(u"architecture"_s));
        c.cores = static_cast<int>(r.requiredPositive(u"cores"_s));
        c.threads = r.integer(u"threads"_s);
        c.baseClock = units::gigahertz(r.number(u"base_ghz"_s));
        c.boostClock = units::gigahertz(r.number(u"boost_ghz"_s));
        // Cache sizes are nominal, like VRAM: 32 MB = 32e6 B (decimal, as everywhere in the
        // project).
        c.l3Cache = units::bytes(r.number(u"l3_mb"_s) * 1e6);
        c.ccds = r.integer(u"ccd_count"_s);
        c.fabricLinksPerCcd = r.integer(u"fabric_links_per_ccd"_s, 1);
        c.fabricClock = units::gigahertz(r.number(u"fclk_ghz"_s));
        c.memoryChannels = static_cast<int>(r.requiredPositive(u"memory_channels"_s));
        c.maxMemory = units::gigabytes(r.number(u"max_memory_gb"_s));
        c.memoryType = str(r.requiredText(u"memory_type"_s));
        c.maxMemorySpeed = units::megatransfersPerSecond(r.requiredPositive(u"max_mts"_s));
        c.avx512 = r.flag(u"avx512"_s);
        c.avx512Bf16 = r.flag(u"avx512_bf16"_s);
        c.amx = r.flag(u"amx"_s);
        c.pcieLanes = r.integer(u"pcie_lanes"_s);
        c.pcieGen = r.integer(u"pcie_gen"_s);
        c.tdp = units::watts(r.number(u"tdp_w"_s));
        c.priceUsd = optionalPrice(r);
        c.soldNew = soldNew(r);
        if (const auto bw = r.optionalNumber(u"unified_bw_gbs"_s))
            c.unifiedBandwidth = units::gigabytesPerSecond(*bw);
        c.source = str(r.requiredText(u"source"_s));
        c.asOf = str(r.requiredText(u"as_of"_s));
        c.approximateFields = splitList(r.text(u"approximate"_s));
        if (c.ccds < 0)
            r.fail(u"ccd_count"_s, u"cannot be negative"_s);
        if (c.fabricLinksPerCcd != 1 && c.fabricLinksPerCcd != 2)
            r.fail(u"fabric_links_per_ccd"_s, u"must be 1 or 2"_s);
        if (rowError(r, error))
            return false;
        out->push_back(std::move(c));
    }
    return true;
}

bool readGpus(const CsvTable &t, std::vector<Gpu> *out, QString *error) {
    out->reserve(static_cast<size_t>(t.rows.size()));
    for (qsizetype i = 0; i < t.rows.size(); ++i) {
        CsvRecord r(t, i);
        Gpu g;
        g.name = str(r.requiredText(u"name"_s));
        g.vendor = str(r.requiredText(u"vendor"_s));
        g.segment = str(r.text(u"segment"_s));
        g.architecture = str(r.text(u"architecture"_s));
        g.vram = units::gigabytes(r.requiredPositive(u"vram_gb"_s));
        g.bandwidth = units::gigabytesPerSecond(r.requiredPositive(u"bandwidth_gbs"_s));
        // 0 = not published; the estimator falls back to another basis.
        g.fp16Tensor = units::teraflopsPerSecond(r.number(u"fp16_tflops"_s));
        g.tdp = units::watts(r.number(u"tdp_w"_s));
        g.pcieGen = r.integer(u"pcie_gen"_s);
        g.pcieLanes = r.integer(u"pcie_lanes"_s);
        g.nvlink = r.flag(u"nvlink"_s);
        g.integrated = r.flag(u"integrated"_s);
        g.formFactor = str(r.text(u"form_factor"_s));
        g.soldNew = soldNew(r);
        g.priceUsd = optionalPrice(r);
        g.source = str(r.requiredText(u"source"_s));
        g.asOf = str(r.requiredText(u"as_of"_s));
        g.approximateFields = splitList(r.text(u"approximate"_s));
        if (rowError(r, error))
            return false;
        out->push_back(std::move(g));
    }
    return true;
}

AttentionKind attentionKind(CsvRecord &r) {
    const QString a = r.requiredText(u"attention"_s);
    if (a == u"gqa")
        return AttentionKind::Gqa;
    if (a == u"mha")
        return AttentionKind::Mha;
    if (a == u"mla")
        return AttentionKind::Mla;
    if (a == u"sliding")
        return AttentionKind::Sliding;
    r.fail(u"attention"_s, QStringLiteral("unknown attention kind '%1'").arg(a));
    return AttentionKind::Gqa;
}

bool readModels(const CsvTable &t, std::vector<Model> *out, QString *error) {
    out->reserve(static_cast<size_t>(t.rows.size()));
    for (qsizetype i = 0; i < t.rows.size(); ++i) {
        CsvRecord r(t, i);
        Model m;
        m.name = str(r.requiredText(u"name"_s));
        m.family = str(r.text(u"family"_s));
        m.paramsTotal = r.requiredPositive(u"params_total"_s);
        m.paramsActive = r.requiredPositive(u"params_active"_s);
        m.moe = r.flag(u"moe"_s);
        m.expertsTotal = r.integer(u"experts_total"_s);
        m.expertsActive = r.integer(u"experts_active"_s);
        m.routedExpertParams = r.number(u"routed_expert_params"_s);
        m.layers = static_cast<int>(r.requiredPositive(u"layers"_s));
        m.hiddenSize = r.integer(u"hidden_size"_s);
        m.heads = r.integer(u"heads"_s);
        m.kvHeads = static_cast<int>(r.requiredPositive(u"kv_heads"_s));
        m.headDim = static_cast<int>(r.requiredPositive(u"head_dim"_s));
        m.attention = attentionKind(r);
        m.slidingWindow = r.integer(u"sliding_window"_s);
        m.fullAttentionLayers = r.integer(u"full_attention_layers"_s, m.layers);
        m.kvLoraRank = r.integer(u"kv_lora_rank"_s);
        m.qkRopeHeadDim = r.integer(u"qk_rope_head_dim"_s);
        m.maxContext = r.integer(u"max_context"_s);
        m.license = str(r.text(u"license"_s));
        m.releaseDate = str(r.text(u"release_date"_s));
        m.source = str(r.requiredText(u"source"_s));
        if (m.paramsActive > m.paramsTotal)
            r.fail(u"params_active"_s, u"more active than total parameters"_s);
        if (m.moe && (m.expertsTotal <= m.expertsActive || m.expertsActive <= 0 ||
                      m.routedExpertParams <= 0))
            r.fail(u"experts_total"_s,
                   u"a MoE model needs experts_total > experts_active > 0 and routed params"_s);
        if (rowError(r, error))
            return false;
        out->push_back(std::move(m));
    }
    return true;
}

bool readQuants(const CsvTable &t, std::vector<Quantization> *out, QString *error) {
    for (qsizetype i = 0; i < t.rows.size(); ++i) {
        CsvRecord r(t, i);
        Quantization q;
        q.name = str(r.requiredText(u"name"_s));
        q.bitsPerWeight = r.requiredPositive(u"bits_per_weight"_s);
        if (rowError(r, error))
            return false;
        out->push_back(std::move(q));
    }
    return true;
}

bool readSpeeds(const CsvTable &t, std::vector<MemorySpeed> *out, QString *error) {
    for (qsizetype i = 0; i < t.rows.size(); ++i) {
        CsvRecord r(t, i);
        MemorySpeed s;
        s.standard = str(r.requiredText(u"standard"_s));
        s.speed = units::megatransfersPerSecond(r.requiredPositive(u"speed_mts"_s));
        if (rowError(r, error))
            return false;
        out->push_back(std::move(s));
    }
    return true;
}

bool readUseCases(const CsvTable &t, std::vector<UseCase> *out, QString *error) {
    for (qsizetype i = 0; i < t.rows.size(); ++i) {
        CsvRecord r(t, i);
        UseCase u;
        u.id = str(r.requiredText(u"id"_s));
        u.description = str(r.text(u"description"_s));
        u.promptTokens = units::tokens(r.requiredPositive(u"prompt_tokens"_s));
        u.generatedTokens = units::tokens(r.requiredPositive(u"gen_tokens"_s));
        if (rowError(r, error))
            return false;
        out->push_back(std::move(u));
    }
    return true;
}

bool readPresets(const CsvTable &t, const Catalog &catalog, std::vector<Preset> *out,
                 QString *error) {
    QSet<QString> cpuNames, gpuNames;
    for (const Cpu &c : catalog.cpus)
        cpuNames.insert(QString::fromStdString(c.name));
    for (const Gpu &g : catalog.gpus)
        gpuNames.insert(QString::fromStdString(g.name));
    for (qsizetype i = 0; i < t.rows.size(); ++i) {
        CsvRecord r(t, i);
        const QString name = r.requiredText(u"name"_s);
        const QString cpu = r.requiredText(u"cpu_name"_s);
        const QString gpu = r.text(u"gpu_name"_s);
        const int gpuCount = r.integer(u"gpu_count"_s);
        if (!cpu.isEmpty() && !cpuNames.contains(cpu))
            r.fail(u"cpu_name"_s, QStringLiteral("'%1' is not a catalogue CPU").arg(cpu));
        if (!gpu.isEmpty() && !gpuNames.contains(gpu))
            r.fail(u"gpu_name"_s, QStringLiteral("'%1' is not a catalogue GPU").arg(gpu));
        if (gpu.isEmpty() != (gpuCount == 0))
            r.fail(u"gpu_count"_s, u"a GPU needs a count > 0, no GPU a count of 0"_s);
        // Consecutive rows with the same name add GPU groups to one preset.
        const bool continues = !out->empty() && out->back().name == str(name);
        if (!continues) {
            Preset p;
            p.name = str(name);
            p.cpuName = str(cpu);
            p.memory.channels = static_cast<int>(r.requiredPositive(u"memory_channels"_s));
            p.memory.speed = units::megatransfersPerSecond(r.requiredPositive(u"memory_mts"_s));
            p.memory.capacity = units::gigabytes(r.requiredPositive(u"memory_capacity_gb"_s));
            p.note = str(r.text(u"note"_s));
            out->push_back(std::move(p));
        }
        if (rowError(r, error))
            return false;
        if (!gpu.isEmpty())
            out->back().gpus.push_back(PresetGpu{str(gpu), gpuCount});
    }
    return true;
}

template <class T>
bool uniqueNames(const std::vector<T> &items, std::string T::*field, const QString &file,
                 QString *error) {
    QSet<QString> seen;
    for (const T &item : items) {
        const QString name = QString::fromStdString(item.*field).toCaseFolded();
        if (seen.contains(name)) {
            if (error)
                *error = QStringLiteral("%1: the name '%2' appears twice").arg(file, name);
            return false;
        }
        seen.insert(name);
    }
    return true;
}

} // namespace

QString metaValue(const CsvTable &meta, const QString &key) {
    const int k = meta.column(u"key"_s);
    const int v = meta.column(u"value"_s);
    if (k < 0 || v < 0)
        return {};
    for (const QStringList &row : meta.rows) {
        if (row.at(k) == key)
            return row.at(v);
    }
    return {};
}

bool catalogFromTables(const CatalogueTables &t, Catalog *out, QString *error) {
    Catalog c;
    c.asOf = str(metaValue(t.meta, u"as_of"_s));
    if (c.asOf.empty()) {
        if (error)
            *error = u"meta: no as_of date"_s;
        return false;
    }
    const bool ok = readCpus(t.cpus, &c.cpus, error) && readGpus(t.gpus, &c.gpus, error) &&
                    readModels(t.models, &c.models, error) &&
                    readQuants(t.quants, &c.quants, error) &&
                    readSpeeds(t.memorySpeeds, &c.memorySpeeds, error) &&
                    readUseCases(t.useCases, &c.useCases, error) &&
                    readPresets(t.presets, c, &c.presets, error) &&
                    uniqueNames(c.cpus, &Cpu::name, t.cpus.file, error) &&
                    uniqueNames(c.gpus, &Gpu::name, t.gpus.file, error) &&
                    uniqueNames(c.models, &Model::name, t.models.file, error) &&
                    uniqueNames(c.quants, &Quantization::name, t.quants.file, error) &&
                    uniqueNames(c.useCases, &UseCase::id, t.useCases.file, error) &&
                    uniqueNames(c.presets, &Preset::name, t.presets.file, error);
    if (!ok)
        return false;
    *out = std::move(c);
    return true;
}

} // namespace llm::db::detail
