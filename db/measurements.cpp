// SPDX-License-Identifier: MIT
// Measurements in measured-train.csv layout, resolved against the catalogue
// into core Measurement records; the fitted efficiency factors as CSV.

#include "measurements.h"

#include "csvtable.h"

#include <QFile>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <mutex>
#include <set>

using namespace Qt::StringLiterals;

namespace llm::db {

namespace {

std::string str(const QString &s) {
    return s.toStdString();
}

std::optional<double> number(const QString &cell) {
    const QString t = cell.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double v = QLocale::c().toDouble(t.startsWith(u'~') ? t.mid(1) : t, &ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

// LocalScore's nine scenarios (LocalScore source, shared/data/measured.md).
const int kLocalScore9[9][2] = {{1024, 16},   {4096, 256}, {2048, 256}, {2048, 768}, {1024, 1024},
                                {1280, 3072}, {384, 1152}, {64, 1024},  {16, 1536}};

UseCase run(const QString &id, double prompt, double gen) {
    UseCase u;
    u.id = str(id);
    u.promptTokens = units::tokens(prompt);
    u.generatedTokens = units::tokens(gen);
    return u;
}

// Words of a name, lower case, split like the catalogue's look-up.
QStringList words(const QString &s) {
    static const QRegularExpression sep(u"[\\s\\-_()/,]+"_s);
    return s.toLower().split(sep, Qt::SkipEmptyParts);
}

// The nearest catalogue architecture for a model the catalogue lacks: closest
// parameter count, ties broken by shared name words.
const Model *nearestModel(const Catalog &catalog, const QString &name, double params) {
    const Model *best = nullptr;
    double bestScore = INFINITY;
    const QStringList mine = words(name);
    for (const Model &m : catalog.models) {
        if (!(m.paramsTotal > 0))
            continue;
        int shared = 0;
        for (const QString &w : words(QString::fromStdString(m.name)))
            shared += mine.contains(w) ? 1 : 0;
        const double score = std::fabs(std::log(m.paramsTotal / params)) - 0.001 * shared;
        if (score < bestScore) {
            bestScore = score;
            best = &m;
        }
    }
    return best;
}

const Quantization *quantByName(const Catalog &catalog, QString q) {
    q = q.trimmed();
    q = q.section(u' ', 0, 0);
    for (const QString &prefix : {u"UD-"_s, u"i1-"_s})
        if (q.startsWith(prefix))
            q = q.mid(prefix.size());
    if (auto l = findQuant(catalog, str(q)))
        return l.match;
    // Unsloth's "_XL"/"_XS" dynamic variants: the plain K-quant mix of that size.
    const int cut = q.lastIndexOf(u'_');
    if (cut > 0)
        if (auto l = findQuant(catalog, str(q.left(cut) + u"_M"_s)))
            return l.match;
    return nullptr;
}

struct Columns {
    int id, source, kind, cpu, gpu, gpuCount, gpuVram, channels, mts, model, params, quant, file,
        test, promptTokens, genTokens, pp, tg, notes;
};

class RowReader final {
public:
    RowReader(const detail::CsvTable &t, qsizetype row)
        : m_cells(t.rows[row]) {}
    QString operator()(int column) const {
        return column >= 0 ? m_cells[column].trimmed() : QString();
    }

private:
    const QStringList &m_cells;
};

// Resolves one row; returns an empty reason on success.
QString resolve(const RowReader &cell, const Columns &c, const Catalog &catalog, Measurement &m) {
    m.id = str(cell(c.id));
    m.source = str(cell(c.source));
    const QString kind = cell(c.kind).toLower();
    const QString notes = cell(c.notes);
    const QString test = cell(c.test);
    m.suspect = notes.contains(u"SUSPECT-LOW"_s);
    m.runtime = test.startsWith(u"localscore"_s)         ? "llamafile"
                : notes.contains(u"ik_llama.cpp fork"_s) ? "ik_llama.cpp"
                                                         : "llama.cpp";
    static const QRegularExpression dateRe(u"date (\\d{4})\\.(\\d{2})\\.(\\d{2})"_s);
    if (const auto d = dateRe.match(notes); d.hasMatch())
        m.date = str(d.captured(1) + u'-' + d.captured(2) + u'-' + d.captured(3));
    static const QRegularExpression bestOf(u"best-of-(\\d+)"_s);
    if (const auto b = bestOf.match(notes); b.hasMatch())
        m.runs = b.captured(1).toInt();

    // Measured figures.
    m.promptTokS = number(cell(c.pp));
    m.generationTokS = number(cell(c.tg));
    if (!m.promptTokS && !m.generationTokS)
        return u"neither a prompt nor a generation rate is given"_s;

    // Hardware.
    const QString cpuName = cell(c.cpu), gpuName = cell(c.gpu);
    const Cpu *cpu = nullptr;
    const Gpu *gpu = nullptr;
    if (!cpuName.isEmpty()) {
        if (auto l = findCpu(catalog, str(cpuName)))
            cpu = l.match;
    }
    if (!gpuName.isEmpty()) {
        if (auto l = findGpu(catalog, str(gpuName)))
            gpu = l.match;
    }
    const bool needsCpu = kind == u"cpu"_s || kind == u"hybrid"_s;
    const bool needsGpu = kind != u"cpu"_s;
    if (kind != u"cpu"_s && kind != u"gpu"_s && kind != u"unified"_s && kind != u"hybrid"_s)
        return u"hardware_kind '%1' is not cpu, gpu, unified or hybrid"_s.arg(kind);
    if (needsCpu && !cpu)
        return cpuName.isEmpty() ? u"the CPU is not named"_s
                                 : u"CPU '%1' not in catalogue"_s.arg(cpuName);
    if (needsGpu && !gpu)
        return gpuName.isEmpty() ? u"the GPU is not named in the source"_s
                                 : u"GPU '%1' not in catalogue"_s.arg(gpuName);

    if (needsGpu && !(gpu->bandwidth.value() > 0))
        return u"GPU '%1' has no memory bandwidth in the catalogue"_s.arg(gpuName);
    if (needsGpu && !(gpu->fp16Tensor.value() > 0) && !cpu)
        return u"GPU '%1' has no FP16 figure in the catalogue and no host CPU is named to fall back on"_s
            .arg(gpuName);
    Build &b = m.build;
    b.name = m.id;
    if (cpu) {
        b.cpu = *cpu;
    } else {
        b.cpu.name = "unnamed host CPU";
    }
    if (needsCpu &&
        !(cpu->cores > 0 && (cpu->boostClock.value() > 0 || cpu->baseClock.value() > 0)))
        return u"CPU '%1' has no core count or clock in the catalogue, so its compute peak is unknown"_s
            .arg(cpuName);
    const std::optional<double> channels = number(cell(c.channels));
    const std::optional<double> mts = number(cell(c.mts));
    b.memory.channels = channels ? static_cast<int>(*channels) : b.cpu.memoryChannels;
    b.memory.speed = mts ? units::megatransfersPerSecond(*mts) : b.cpu.maxMemorySpeed;
    if (needsCpu && (!channels || !mts))
        m.assumptions.push_back(
            str(u"memory population not stated: assumed %1 channels at the CPU's rated %2 MT/s"_s
                    .arg(b.memory.channels)
                    .arg(units::inMegatransfersPerSecond(b.memory.speed))));
    // The run happened, so the model fitted: capacity never limits a measured row.
    b.memory.capacity = units::gigabytes(4096);
    if (kind == u"unified"_s) {
        Gpu igpu = *gpu;
        igpu.integrated = true;
        b.integratedGpu = igpu;
        b.unifiedGpuMemoryShare = 1.0;
        if (!cpu) {
            b.cpu.unifiedBandwidth = gpu->bandwidth;
        }
    } else if (needsGpu) {
        const int count = std::max(1, static_cast<int>(number(cell(c.gpuCount)).value_or(1)));
        b.gpus.push_back(GpuGroup{*gpu, count});
    }

    // Model.
    const QString modelName = cell(c.model);
    const std::optional<double> params = number(cell(c.params));
    const std::optional<double> fileGb = number(cell(c.file));
    const Model *model = nullptr;
    if (auto l = findModel(catalog, str(modelName)))
        model = l.match;
    ModelChoice &mc = m.model;
    if (model) {
        mc.model = *model;
    } else {
        if (!params || *params <= 0)
            return u"model '%1' not in catalogue and params_b is not given"_s.arg(modelName);
        const Model *near = nearestModel(catalog, modelName, *params * 1e9);
        if (!near)
            return u"model '%1' not in catalogue and the catalogue has no models"_s.arg(modelName);
        mc.model = *near;
        const double scale = *params * 1e9 / near->paramsTotal;
        mc.model.name = str(modelName);
        mc.model.paramsTotal = *params * 1e9;
        mc.model.paramsActive = near->paramsActive * scale;
        mc.model.routedExpertParams = near->routedExpertParams * scale;
        m.assumptions.push_back(
            str(u"model '%1' not in catalogue: estimated from the row's %2 B parameters with the "
                u"architecture of %3"_s.arg(modelName)
                    .arg(*params)
                    .arg(QString::fromStdString(near->name))));
    }
    const QString quantText = cell(c.quant);
    if (const Quantization *q = quantByName(catalog, quantText)) {
        mc.quant = *q;
        if (q->name != str(quantText.section(u' ', 0, 0)))
            m.assumptions.push_back(str(
                u"quantization '%1' read as %2"_s.arg(quantText, QString::fromStdString(q->name))));
    } else if (fileGb && mc.model.paramsTotal > 0) {
        mc.quant.name = str(quantText);
        mc.quant.bitsPerWeight = *fileGb * 1e9 * 8 / mc.model.paramsTotal;
    } else {
        return quantText.isEmpty()
                   ? u"the quantization is not stated and the file size is not given"_s
                   : u"quantization '%1' unknown and the file size is not given"_s.arg(quantText);
    }
    if (fileGb && *fileGb > 0)
        mc.fileSize = units::gigabytes(*fileGb);

    // Placement and kind.
    if (kind == u"cpu"_s) {
        m.placement = Placement::CpuOnly;
        m.kind = HardwareKind::Cpu;
        m.device = str(cpuName);
    } else if (kind == u"unified"_s) {
        m.placement = Placement::Unified;
        m.kind = HardwareKind::Unified;
        m.device = str(gpuName);
    } else if (kind == u"gpu"_s) {
        m.placement = gpuCount(b) > 1 ? Placement::MultiGpuLayerSplit : Placement::SingleGpu;
        m.kind = HardwareKind::Gpu;
        m.device = str(gpuName);
    } else {
        const bool moe = mc.model.moe && mc.model.routedExpertParams > 0;
        m.placement = moe ? Placement::HybridMoeExperts : Placement::HybridLayers;
        m.kind = HardwareKind::Cpu;
        m.device = str(cpuName + u" + "_s + gpuName);
    }

    // Workload: what the test measured.
    const std::optional<double> pTok = number(cell(c.promptTokens));
    const std::optional<double> gTok = number(cell(c.genTokens));
    static const QRegularExpression benchTest(u"^(pp\\d+/tg\\d+|sweep-bench|tg \\(llama-bench)"_s);
    if (test == u"localscore-avg9"_s) {
        for (const auto &s : kLocalScore9) {
            const QString id = u"pp%1+tg%2"_s.arg(s[0]).arg(s[1]);
            m.promptRuns.push_back(run(id, s[0], s[1]));
        }
        m.generationRuns = m.promptRuns;
    } else if (test.startsWith(u"localscore-"_s) && pTok && gTok) {
        m.promptRuns.push_back(run(test, *pTok, *gTok));
        m.generationRuns = m.promptRuns;
    } else if (benchTest.match(test).hasMatch()) {
        // llama-bench: prompt and generation are separate tests from an empty cache.
        const double p = pTok.value_or(512), g = gTok.value_or(128);
        if (!gTok)
            m.assumptions.push_back("generation length not stated: 128 tokens assumed");
        m.promptRuns.push_back(run(u"pp"_s + QString::number(p), p, 0));
        m.generationRuns.push_back(run(u"tg"_s + QString::number(g), 0, g));
    } else if (pTok && gTok) {
        // One run: generation follows the prompt in the same context.
        m.promptRuns.push_back(run(test, *pTok, *gTok));
        m.generationRuns = m.promptRuns;
    } else {
        m.promptRuns.push_back(run(u"pp512"_s, 512, 0));
        m.generationRuns.push_back(run(u"tg128"_s, 0, 128));
        m.assumptions.push_back("test lengths not stated: a 512-token prompt and 128 generated "
                                "tokens from an empty context assumed");
    }
    if (!m.promptTokS)
        m.promptRuns.clear();
    if (!m.generationTokS)
        m.generationRuns.clear();
    return {};
}

} // namespace

MeasurementSet parseMeasurements(const QByteArray &csv, const Catalog &catalog, QString *error) {
    MeasurementSet out;
    detail::CsvTable t;
    QString err;
    if (!detail::parseCsv(csv, u"measurements"_s, &t, &err)) {
        if (error)
            *error = err;
        return out;
    }
    const QStringList required{u"id"_s,          u"hardware_kind"_s, u"cpu_catalog"_s,
                               u"gpu_catalog"_s, u"model_name"_s,    u"params_b"_s,
                               u"quant"_s,       u"model_file_gb"_s, u"test"_s,
                               u"pp_tok_s"_s,    u"tg_tok_s"_s};
    for (const QString &col : required)
        if (t.column(col) < 0) {
            if (error)
                *error =
                    u"column '%1' is missing (expected the measured-train.csv layout)"_s.arg(col);
            return out;
        }
    const Columns c{t.column(u"id"_s),
                    t.column(u"source_url"_s),
                    t.column(u"hardware_kind"_s),
                    t.column(u"cpu_catalog"_s),
                    t.column(u"gpu_catalog"_s),
                    t.column(u"gpu_count"_s),
                    t.column(u"gpu_vram_gb"_s),
                    t.column(u"ram_channels"_s),
                    t.column(u"ram_speed_mts"_s),
                    t.column(u"model_name"_s),
                    t.column(u"params_b"_s),
                    t.column(u"quant"_s),
                    t.column(u"model_file_gb"_s),
                    t.column(u"test"_s),
                    t.column(u"prompt_tokens"_s),
                    t.column(u"gen_tokens"_s),
                    t.column(u"pp_tok_s"_s),
                    t.column(u"tg_tok_s"_s),
                    t.column(u"notes"_s)};
    for (qsizetype i = 0; i < t.rows.size(); ++i) {
        const RowReader cell(t, i);
        Measurement m;
        const QString reason = resolve(cell, c, catalog, m);
        if (reason.isEmpty()) {
            out.rows.push_back(std::move(m));
        } else {
            QString id = cell(c.id);
            if (id.isEmpty())
                id = u"line %1"_s.arg(t.lines.value(i));
            out.skipped.push_back({id, reason});
        }
    }
    if (error)
        error->clear();
    return out;
}

MeasurementSet loadMeasurementsFile(const QString &path, const Catalog &catalog, QString *error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"cannot read %1: %2"_s.arg(path, f.errorString());
        return {};
    }
    return parseMeasurements(f.readAll(), catalog, error);
}

MeasurementSet loadShippedMeasurements(const Catalog &catalog, QString *error) {
    return loadMeasurementsFile(u":/llmadvisor/catalogue/measurements.csv"_s, catalog, error);
}

namespace {

const QStringList kEfficiencyHeader{u"key"_s,
                                    u"bandwidth"_s,
                                    u"compute"_s,
                                    u"token_overhead_ms"_s,
                                    u"measurements"_s,
                                    u"fitted_on"_s,
                                    u"prompt_band_low"_s,
                                    u"prompt_band_high"_s,
                                    u"generation_band_low"_s,
                                    u"generation_band_high"_s};

QString num(double v) {
    return QString::number(v, 'g', 6);
}

// RFC 4180 quoting: class names can hold commas ("cpu-redwood-cove (granite rapids-ap, amx)").
QString quoted(const QString &s) {
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n'))
        return s;
    QString q = s;
    q.replace(u"\""_s, u"\"\""_s);
    return u'"' + q + u'"';
}

} // namespace

Assumptions parseEfficiency(const QByteArray &csv, const Assumptions &base, QString *error) {
    detail::CsvTable t;
    QString err;
    if (!detail::parseCsv(csv, u"efficiency.csv"_s, &t, &err)) {
        if (error)
            *error = err;
        return base;
    }
    for (const QString &col : kEfficiencyHeader)
        if (t.column(col) < 0) {
            if (error)
                *error = u"efficiency.csv: column '%1' is missing"_s.arg(col);
            return base;
        }
    Assumptions a = base;
    a.efficiencyByClass.clear();
    a.promptBandByClass.clear();
    a.generationBandByClass.clear();
    for (qsizetype i = 0; i < t.rows.size(); ++i) {
        auto cell = [&](const QString &col) { return t.rows[i][t.column(col)].trimmed(); };
        const QString key = cell(u"key"_s);
        const auto bw = number(cell(u"bandwidth"_s)), cmp = number(cell(u"compute"_s)),
                   ovh = number(cell(u"token_overhead_ms"_s));
        const auto pl = number(cell(u"prompt_band_low"_s)),
                   ph = number(cell(u"prompt_band_high"_s)),
                   gl = number(cell(u"generation_band_low"_s)),
                   gh = number(cell(u"generation_band_high"_s));
        const bool hasFactors = bw || cmp || ovh;
        if (key.isEmpty() ||
            (hasFactors && !(bw && cmp && ovh && *bw > 0 && *cmp > 0 && *ovh >= 0)) ||
            (bool(pl) != bool(ph)) || (bool(gl) != bool(gh))) {
            if (error)
                *error =
                    u"efficiency.csv line %1: incomplete or invalid row"_s.arg(t.lines.value(i));
            return base;
        }
        EfficiencyFactors f;
        if (hasFactors) {
            f.bandwidth = *bw;
            f.compute = *cmp;
            f.tokenOverhead = units::secondsPerToken(*ovh / 1000.0);
            f.measurements = static_cast<int>(number(cell(u"measurements"_s)).value_or(0));
            f.fittedOn = str(cell(u"fitted_on"_s));
        }
        const std::string k = str(key);
        if (key == u"default-band"_s) {
            if (gl)
                a.defaultBand = Band{*gl, *gh};
            continue;
        }
        if (key == u"default-cpu"_s || key == u"default-gpu"_s || key == u"default-unified"_s) {
            if (hasFactors)
                (key == u"default-cpu"_s   ? a.defaultCpu
                 : key == u"default-gpu"_s ? a.defaultGpu
                                           : a.defaultUnified) = f;
            continue;
        }
        if (hasFactors)
            a.efficiencyByClass[k] = f;
        if (pl)
            a.promptBandByClass[k] = Band{*pl, *ph};
        if (gl)
            a.generationBandByClass[k] = Band{*gl, *gh};
    }
    if (error)
        error->clear();
    return a;
}

QByteArray writeEfficiency(const Assumptions &a) {
    QString out = kEfficiencyHeader.join(u',') + u'\n';
    auto line = [&](const QString &key, const EfficiencyFactors *f, const Band *p, const Band *g) {
        QStringList cells{quoted(key)};
        if (f)
            cells << num(f->bandwidth) << num(f->compute)
                  << num(units::inSecondsPerToken(f->tokenOverhead) * 1000.0)
                  << QString::number(f->measurements) << QString::fromStdString(f->fittedOn);
        else
            cells << QString() << QString() << QString() << QString() << QString();
        cells << (p ? num(p->low) : QString()) << (p ? num(p->high) : QString());
        cells << (g ? num(g->low) : QString()) << (g ? num(g->high) : QString());
        out += cells.join(u',') + u'\n';
    };
    line(u"default-cpu"_s, &a.defaultCpu, nullptr, nullptr);
    line(u"default-gpu"_s, &a.defaultGpu, nullptr, nullptr);
    line(u"default-unified"_s, &a.defaultUnified, nullptr, nullptr);
    line(u"default-band"_s, nullptr, nullptr, &a.defaultBand);
    std::set<std::string> keys;
    for (const auto &[k, v] : a.efficiencyByClass)
        keys.insert(k);
    for (const auto &[k, v] : a.promptBandByClass)
        keys.insert(k);
    for (const auto &[k, v] : a.generationBandByClass)
        keys.insert(k);
    for (const std::string &k : keys) {
        auto f = a.efficiencyByClass.find(k);
        auto p = a.promptBandByClass.find(k);
        auto g = a.generationBandByClass.find(k);
        line(QString::fromStdString(k), f != a.efficiencyByClass.end() ? &f->second : nullptr,
             p != a.promptBandByClass.end() ? &p->second : nullptr,
             g != a.generationBandByClass.end() ? &g->second : nullptr);
    }
    return out.toUtf8();
}

Assumptions shippedAssumptions(QString *error) {
    static Assumptions cached;
    static QString cachedError;
    static std::once_flag once;
    std::call_once(once, [] {
        QFile f(u":/llmadvisor/catalogue/efficiency.csv"_s);
        if (!f.open(QIODevice::ReadOnly)) {
            cachedError = u"the embedded efficiency.csv is missing"_s;
            return;
        }
        cached = parseEfficiency(f.readAll(), Assumptions{}, &cachedError);
    });
    if (error)
        *error = cachedError;
    return cached;
}

} // namespace llm::db
