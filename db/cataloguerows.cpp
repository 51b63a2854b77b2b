// SPDX-License-Identifier: MIT
#include "cataloguerows.h"

#include "partlimits.h"
#include "plaintext.h"

#include <QDate>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>

#include <cmath>

using namespace Qt::StringLiterals;

namespace llm::db {

namespace {

using K = ColumnRule::Kind;

ColumnRule text(const QString &name, bool required = false) {
    ColumnRule r;
    r.name = name;
    r.required = required;
    return r;
}
ColumnRule number(const QString &name, K kind, bool required, double min, bool exclusive,
                  double max, const QString &unit = {}) {
    ColumnRule r;
    r.name = name;
    r.kind = kind;
    r.required = required;
    r.min = min;
    r.minExclusive = exclusive;
    r.max = max;
    r.unit = unit;
    return r;
}
// A number column whose range comes from the shared table of limits (the
// same table checks the explicit parts of a scenario file).
ColumnRule ranged(const QString &name, K kind, bool required, const input::Limit &limit) {
    return number(name, kind, required, limit.min, limit.minExclusive, limit.max,
                  QString::fromLatin1(limit.unit));
}
ColumnRule flag(const QString &name) {
    ColumnRule r;
    r.name = name;
    r.kind = K::Flag;
    return r;
}
ColumnRule choice(const QString &name, const QStringList &choices) {
    ColumnRule r;
    r.name = name;
    r.kind = K::Choice;
    r.required = true;
    r.choices = choices;
    return r;
}
ColumnRule optionalChoice(const QString &name, const QStringList &choices) {
    ColumnRule r = choice(name, choices);
    r.required = false;
    return r;
}
ColumnRule date(const QString &name) {
    ColumnRule r;
    r.name = name;
    r.kind = K::Date;
    r.required = true;
    return r;
}

// Limits are the schema's CHECKs plus generous plausibility caps, so a typo
// (a price in cents, VRAM in MB) is caught before it reaches the estimator.
QList<ColumnRule> cpuRules() {
    return {
        text(u"name"_s, true),
        text(u"vendor"_s, true),
        text(u"model"_s),
        choice(u"family"_s, {u"desktop"_s, u"workstation"_s, u"server"_s, u"mobile"_s, u"other"_s}),
        text(u"socket"_s),
        text(u"architecture"_s),
        ranged(u"cores"_s, K::Integer, true, input::limits::kCores),
        ranged(u"threads"_s, K::Integer, false, input::limits::kThreads),
        ranged(u"base_ghz"_s, K::Real, false, input::limits::kClockGhz),
        ranged(u"boost_ghz"_s, K::Real, false, input::limits::kClockGhz),
        ranged(u"l3_mb"_s, K::Real, false, input::limits::kL3Mb),
        ranged(u"ccd_count"_s, K::Integer, false, input::limits::kCcds),
        ranged(u"fabric_links_per_ccd"_s, K::Integer, false, input::limits::kFabricLinksPerCcd),
        ranged(u"fclk_ghz"_s, K::Real, false, input::limits::kClockGhz),
        ranged(u"memory_channels"_s, K::Integer, true, input::limits::kMemoryChannels),
        ranged(u"max_memory_gb"_s, K::Real, false, input::limits::kMaxMemoryGb),
        text(u"memory_type"_s, true),
        text(u"memory_type_detail"_s),
        ranged(u"max_mts"_s, K::Real, true, input::limits::kMemoryMts),
        flag(u"avx512"_s),
        flag(u"avx512_bf16"_s),
        flag(u"amx"_s),
        ranged(u"pcie_lanes"_s, K::Integer, false, input::limits::kCpuPcieLanes),
        ranged(u"pcie_gen"_s, K::Integer, false, input::limits::kPcieGen),
        ranged(u"tdp_w"_s, K::Real, false, input::limits::kTdpW),
        ranged(u"price_usd"_s, K::Real, false, input::limits::kPriceUsd),
        ranged(u"unified_bw_gbs"_s, K::Real, false, input::limits::kUnifiedBandwidthGbs),
        text(u"approximate"_s),
        text(u"source"_s, true),
        date(u"as_of"_s),
        flag(u"sold_new"_s)};
}

QList<ColumnRule> gpuRules() {
    return {text(u"name"_s, true),
            text(u"vendor"_s, true),
            text(u"model"_s),
            text(u"segment"_s),
            text(u"architecture"_s),
            ranged(u"vram_gb"_s, K::Real, true, input::limits::kVramGb),
            text(u"memory_type"_s),
            ranged(u"bus_width_bits"_s, K::Integer, false, input::limits::kBusWidthBits),
            ranged(u"bandwidth_gbs"_s, K::Real, true, input::limits::kGpuBandwidthGbs),
            ranged(u"fp16_tflops"_s, K::Real, false, input::limits::kTflops),
            ranged(u"int8_tops"_s, K::Real, false, input::limits::kTops),
            ranged(u"tdp_w"_s, K::Real, false, input::limits::kTdpW),
            ranged(u"pcie_gen"_s, K::Integer, false, input::limits::kPcieGen),
            ranged(u"pcie_lanes"_s, K::Integer, false, input::limits::kGpuPcieLanes),
            flag(u"nvlink"_s),
            flag(u"integrated"_s),
            ranged(u"price_usd"_s, K::Real, false, input::limits::kPriceUsd),
            text(u"approximate"_s),
            text(u"source"_s, true),
            date(u"as_of"_s),
            optionalChoice(u"form_factor"_s, {u"pcie"_s, u"sxm"_s, u"oam"_s, u"integrated"_s}),
            flag(u"sold_new"_s)};
}

QList<ColumnRule> modelRules() {
    return {text(u"name"_s, true),
            text(u"family"_s),
            text(u"display_name"_s),
            text(u"hf_repo"_s),
            ranged(u"params_total"_s, K::Integer, true, input::limits::kParams),
            ranged(u"params_active"_s, K::Integer, true, input::limits::kParams),
            flag(u"moe"_s),
            ranged(u"experts_total"_s, K::Integer, false, input::limits::kExperts),
            ranged(u"experts_active"_s, K::Integer, false, input::limits::kExperts),
            ranged(u"shared_experts"_s, K::Integer, false, input::limits::kSharedExperts),
            ranged(u"routed_expert_params"_s, K::Integer, false, input::limits::kParams),
            ranged(u"layers"_s, K::Integer, true, input::limits::kLayers),
            ranged(u"hidden_size"_s, K::Integer, false, input::limits::kHiddenSize),
            ranged(u"heads"_s, K::Integer, false, input::limits::kHeads),
            ranged(u"kv_heads"_s, K::Integer, true, input::limits::kHeads),
            ranged(u"head_dim"_s, K::Integer, true, input::limits::kHeadDim),
            choice(u"attention"_s, {u"gqa"_s, u"mha"_s, u"mla"_s, u"sliding"_s}),
            ranged(u"sliding_window"_s, K::Integer, false, input::limits::kContextTokens),
            ranged(u"full_attention_layers"_s, K::Integer, false, input::limits::kLayers),
            ranged(u"kv_lora_rank"_s, K::Integer, false, input::limits::kKvLoraRank),
            ranged(u"qk_rope_head_dim"_s, K::Integer, false, input::limits::kHeadDim),
            ranged(u"max_context"_s, K::Integer, false, input::limits::kContextTokens),
            text(u"license"_s),
            text(u"release_date"_s),
            text(u"params_basis"_s),
            text(u"approximate"_s),
            text(u"source"_s, true),
            date(u"as_of"_s)};
}

QList<ColumnRule> quantRules() {
    return {text(u"name"_s, true),
            text(u"format"_s),
            ranged(u"bits_per_weight"_s, K::Real, true, input::limits::kBitsPerWeight),
            text(u"bpw_basis"_s),
            ranged(u"block_bpw"_s, K::Real, false, input::limits::kBitsPerWeight),
            text(u"notes"_s),
            text(u"approximate"_s),
            text(u"source"_s, true),
            date(u"as_of"_s)};
}

// Units a cell may carry, as a ratio to the column's unit (multiply, then
// divide, so 24 GiB = 24 * 2^30 / 10^9 = 25.769803776 GB exactly as typed).
struct Ratio {
    double mul = 1;
    double div = 1;
};
std::optional<Ratio> unitRatio(const QString &columnUnit, const QString &given) {
    if (given.isEmpty() || given.compare(columnUnit, Qt::CaseInsensitive) == 0)
        return Ratio{};
    if (columnUnit == u"GB") {
        if (given == u"GiB")
            return Ratio{1073741824.0, 1e9};
        if (given == u"TB")
            return Ratio{1000, 1};
        if (given == u"TiB")
            return Ratio{1099511627776.0, 1e9};
    }
    if (columnUnit == u"MB" && given == u"MiB")
        return Ratio{1048576, 1e6};
    if (columnUnit == u"GB/s" && given == u"GiB/s")
        return Ratio{1073741824.0, 1e9};
    if (columnUnit == u"GHz" && given == u"MHz")
        return Ratio{1, 1000};
    if (columnUnit == u"USD" && given == u"$")
        return Ratio{};
    return std::nullopt;
}

QString shortest(double v) {
    return formatNumber(v);
}

} // namespace

QString formatNumber(double v) {
    // Whole numbers in full ("8030000000", not "8.03e+09"); others shortest round-trip.
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return QString::number(static_cast<qlonglong>(v));
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

QString tableName(CatalogueTable table) {
    switch (table) {
    case CatalogueTable::Cpus:
        return u"cpus"_s;
    case CatalogueTable::Gpus:
        return u"gpus"_s;
    case CatalogueTable::Models:
        return u"models"_s;
    case CatalogueTable::Quants:
        return u"quants"_s;
    }
    return {};
}

std::optional<CatalogueTable> tableFromName(const QString &name) {
    for (CatalogueTable t : editableTables()) {
        if (tableName(t) == name)
            return t;
    }
    return std::nullopt;
}

QList<CatalogueTable> editableTables() {
    return {CatalogueTable::Cpus, CatalogueTable::Gpus, CatalogueTable::Models,
            CatalogueTable::Quants};
}

QList<ColumnRule> columnRules(CatalogueTable table) {
    // Built once: every imported cell is checked against them, and a shared
    // copy costs no allocation.
    static const QList<ColumnRule> cpus = cpuRules();
    static const QList<ColumnRule> gpus = gpuRules();
    static const QList<ColumnRule> models = modelRules();
    static const QList<ColumnRule> quants = quantRules();
    switch (table) {
    case CatalogueTable::Cpus:
        return cpus;
    case CatalogueTable::Gpus:
        return gpus;
    case CatalogueTable::Models:
        return models;
    case CatalogueTable::Quants:
        return quants;
    }
    return {};
}

QStringList tableColumns(CatalogueTable table) {
    QStringList names;
    for (const ColumnRule &r : columnRules(table))
        names.append(r.name);
    return names;
}

QString ColumnRule::allowed() const {
    const QString u = unit.isEmpty() ? QString() : u' ' + unit;
    switch (kind) {
    case Text:
        return required ? u"any non-empty text"_s : u"any text"_s;
    case Flag:
        return u"0 or 1"_s;
    case Choice:
        return u"one of "_s + choices.join(u", "_s);
    case Date:
        return u"a date YYYY-MM or YYYY-MM-DD"_s;
    case Integer:
    case Real:
        break;
    }
    const QString what = kind == Integer ? u"a whole number "_s : u"a number "_s;
    auto plain = [](double v) { return QString::number(v, 'f', QLocale::FloatingPointShortest); };
    return what + (minExclusive ? u"more than "_s : u"from "_s) + plain(min) + u" up to "_s +
           plain(max) + u;
}

std::optional<double> parseQuantity(const ColumnRule &rule, const QString &input, QString *why) {
    // Digits, one optional decimal point, an optional exponent, then an optional
    // unit: anything else ("24,0", "1 000", "NaN", "inf", "0x10") is refused.
    static const QRegularExpression re(
        uR"(^([-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)\s*([A-Za-z$/]*)$)"_s);
    const QString s = input.trimmed();
    const QRegularExpressionMatch m = re.match(s);
    if (!m.hasMatch()) {
        *why = s.contains(u',') ? QStringLiteral("'%1' is not a number (use a point as the "
                                                 "decimal separator and no thousands separator)")
                                      .arg(s)
                                : QStringLiteral("'%1' is not a number").arg(s);
        return std::nullopt;
    }
    bool ok = false;
    double v = QLocale::c().toDouble(m.captured(1), &ok);
    if (!ok || !std::isfinite(v)) {
        *why = QStringLiteral("'%1' is out of range").arg(s);
        return std::nullopt;
    }
    const QString unit = m.captured(2);
    if (!unit.isEmpty()) {
        const auto ratio = rule.unit.isEmpty() ? std::nullopt : unitRatio(rule.unit, unit);
        if (!ratio) {
            *why = rule.unit.isEmpty()
                       ? QStringLiteral("'%1': this column takes a plain number, no unit").arg(s)
                       : QStringLiteral("'%1': unit %2 is not accepted here (the column is in %3)")
                             .arg(s, unit, rule.unit);
            return std::nullopt;
        }
        v = v * ratio->mul / ratio->div;
    }
    const bool low = rule.minExclusive ? !(v > rule.min) : !(v >= rule.min);
    if (low || v > rule.max) {
        *why = QStringLiteral("%1 is out of range (allowed: %2)").arg(s, rule.allowed());
        return std::nullopt;
    }
    if (rule.kind == ColumnRule::Integer && v != std::floor(v)) {
        *why = QStringLiteral("'%1' is not a whole number").arg(s);
        return std::nullopt;
    }
    return v;
}

QStringList normaliseRow(CatalogueTable table, RowValues *row) {
    QStringList problems;
    const QList<ColumnRule> rules = columnRules(table);
    for (auto it = row->cbegin(); it != row->cend(); ++it) {
        if (std::none_of(rules.cbegin(), rules.cend(),
                         [&](const ColumnRule &r) { return r.name == it.key(); }))
            problems.append(it.key() + u": not a column of "_s + tableName(table));
    }
    RowValues out;
    QMap<QString, double> numbers;
    for (const ColumnRule &r : rules) {
        QString v = row->value(r.name).trimmed();
        if (v.isEmpty()) {
            // Defaults the schema also has, and what a hand-made row leaves out.
            // sold_new stays empty (NULL: not known, so treated as on sale): a
            // supplier's card imported without the column must not be hidden
            // from the recommender as "no longer sold new".
            if (r.kind == K::Flag && r.name != u"sold_new")
                v = u"0"_s;
            else if (r.name == u"model")
                v = row->value(u"name"_s).trimmed();
            else if (r.name == u"source")
                v = u"entered by the user"_s;
            else if (r.name == u"as_of")
                v = QDate::currentDate().toString(Qt::ISODate);
            else if (r.name == u"ccd_count")
                v = u"0"_s;
            else if (r.name == u"fabric_links_per_ccd")
                v = u"1"_s;
        }
        if (v.isEmpty()) {
            if (r.required)
                problems.append(r.name + u": empty, a value is required ("_s + r.allowed() + u')');
            out.insert(r.name, v);
            continue;
        }
        QString why;
        switch (r.kind) {
        case K::Text:
            // A NUL, an escape sequence or a line break in a name breaks
            // every table, message and terminal it is shown in.
            // Free-text columns (a source with a page reference on a second
            // line, notes) keep tabs and line breaks; names do not.
            why = input::controlCharacterProblem(v, r.name == u"notes" || r.name == u"source");
            break;
        case K::Flag:
            if (v == u"yes" || v == u"true")
                v = u"1"_s;
            else if (v == u"no" || v == u"false")
                v = u"0"_s;
            if (v != u"0" && v != u"1")
                why = QStringLiteral("'%1' is not allowed (allowed: 0 or 1)").arg(v);
            break;
        case K::Choice:
            if (!r.choices.contains(v))
                why = QStringLiteral("'%1' is not allowed (allowed: %2)").arg(v, r.allowed());
            break;
        case K::Date: {
            static const QRegularExpression dateRe(
                u"^[12][0-9]{3}-(0[1-9]|1[0-2])(-[0-3][0-9])?$"_s);
            if (!dateRe.match(v).hasMatch())
                why = QStringLiteral("'%1' is not allowed (allowed: %2)").arg(v, r.allowed());
            break;
        }
        case K::Integer:
        case K::Real:
            if (const auto n = parseQuantity(r, v, &why)) {
                numbers.insert(r.name, *n);
                v = shortest(*n);
            }
            break;
        }
        if (!why.isEmpty())
            problems.append(r.name + u": "_s + why);
        out.insert(r.name, v);
    }
    // Rules across columns (the schema's table CHECKs, and what the estimator needs).
    auto has = [&](const QString &c) { return numbers.contains(c); };
    if (table == CatalogueTable::Models) {
        if (has(u"params_active"_s) && has(u"params_total"_s) &&
            numbers[u"params_active"_s] > numbers[u"params_total"_s])
            problems.append(
                u"params_active: more than params_total (allowed: up to params_total)"_s);
        if (out.value(u"moe"_s) == u"1" &&
            !(has(u"experts_total"_s) && has(u"experts_active"_s) &&
              numbers[u"experts_total"_s] > numbers[u"experts_active"_s] &&
              has(u"routed_expert_params"_s)))
            problems.append(u"experts_total: a mixture-of-experts model needs experts_total > "
                            "experts_active > 0 and routed_expert_params"_s);
        if (has(u"full_attention_layers"_s) && has(u"layers"_s) &&
            numbers[u"full_attention_layers"_s] > numbers[u"layers"_s])
            problems.append(u"full_attention_layers: more than layers (allowed: up to layers)"_s);
    }
    if (table == CatalogueTable::Cpus && has(u"threads"_s) && has(u"cores"_s) &&
        numbers[u"threads"_s] < numbers[u"cores"_s])
        problems.append(u"threads: fewer than cores (allowed: at least cores)"_s);
    if (table == CatalogueTable::Cpus && has(u"base_ghz"_s) && has(u"boost_ghz"_s) &&
        numbers[u"boost_ghz"_s] < numbers[u"base_ghz"_s])
        problems.append(u"boost_ghz: lower than base_ghz (allowed: at least base_ghz)"_s);
    *row = out;
    return problems;
}

} // namespace llm::db
