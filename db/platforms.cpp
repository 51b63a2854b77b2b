// SPDX-License-Identifier: MIT
// platforms.csv -> PlatformRules: the platform feasibility rules as data.

#include "catalogue.h"
#include "catalogue_p.h"
#include "csvtable.h"

#include <QFile>

#include <algorithm>
#include <mutex>

using namespace Qt::StringLiterals;

namespace llm::db {

namespace {

// Module sizes "16;24;32" in GB, ascending; false (and the record failed) on a bad one.
bool readModuleSizes(detail::CsvRecord &r, const QString &modules, PlatformRule &p) {
    for (const QString &part : modules.split(u';', Qt::SkipEmptyParts)) {
        bool ok = false;
        const double gb = part.trimmed().toDouble(&ok);
        if (!ok || !(gb > 0)) {
            r.fail(u"module_sizes_gb"_s, u"'%1' is not a positive size in GB"_s.arg(part));
            return false;
        }
        p.moduleSizes.push_back(units::gigabytes(gb));
    }
    std::sort(p.moduleSizes.begin(), p.moduleSizes.end());
    return true;
}

bool readRule(detail::CsvRecord &r, PlatformRule *out) {
    PlatformRule p;
    p.platform = r.requiredText(u"platform"_s).toStdString();
    p.socket = r.requiredText(u"socket"_s).toStdString();
    // The rule for every other socket knows only the slot width and the form factors:
    // its memory and power columns stay empty (the CPU's own figures apply).
    const bool anySocket = p.socket == kAnySocket;
    p.cpuMemoryChannels = r.integer(u"cpu_memory_channels"_s);
    if (anySocket) {
        p.memoryChannels = r.integer(u"memory_channels"_s);
        p.dimmsPerChannel = r.integer(u"dimms_per_channel"_s);
        p.maxCapacity = units::gigabytes(r.number(u"max_capacity_gb"_s));
        if (!readModuleSizes(r, r.text(u"module_sizes_gb"_s), p))
            return false;
        p.psuLimit = units::watts(r.number(u"psu_watts"_s));
    } else {
        p.memoryChannels = static_cast<int>(r.requiredPositive(u"memory_channels"_s));
        p.dimmsPerChannel = static_cast<int>(r.requiredPositive(u"dimms_per_channel"_s));
        p.maxCapacity = units::gigabytes(r.requiredPositive(u"max_capacity_gb"_s));
        if (!readModuleSizes(r, r.requiredText(u"module_sizes_gb"_s), p))
            return false;
        p.psuLimit = units::watts(r.requiredPositive(u"psu_watts"_s));
    }
    p.maxSpeedTwoDpc = units::megatransfersPerSecond(r.number(u"max_mts_2dpc"_s));
    p.gpuLanes = r.integer(u"gpu_pcie_lanes"_s);
    p.x16Slots = r.integer(u"x16_slots"_s);
    p.x8Slots = r.integer(u"x8_slots"_s);
    p.minLanesPerGpu = static_cast<int>(r.requiredPositive(u"gpu_min_lanes"_s));
    for (const QString &part : r.text(u"gpu_form_factors"_s).split(u';', Qt::SkipEmptyParts))
        p.gpuFormFactors.push_back(part.trimmed().toStdString());
    p.source = r.requiredText(u"source"_s).toStdString();
    p.asOf = r.requiredText(u"as_of"_s).toStdString();
    if (p.cpuMemoryChannels < 0)
        r.fail(u"cpu_memory_channels"_s, u"cannot be negative"_s);
    if (p.gpuLanes < 0 || p.x16Slots < 0 || p.x8Slots < 0)
        r.fail(u"gpu_pcie_lanes"_s, u"lanes and slots cannot be negative"_s);
    if (p.memoryChannels < 0 || p.dimmsPerChannel < 0 || p.maxCapacity.value() < 0 ||
        p.psuLimit.value() < 0)
        r.fail(u"memory_channels"_s, u"limits cannot be negative"_s);
    if (!r.ok())
        return false;
    *out = std::move(p);
    return true;
}

struct Shipped {
    PlatformRules rules;
    QString error;
};

} // namespace

PlatformRules parsePlatformRules(const QByteArray &csv, QString *error) {
    detail::CsvTable table;
    QString why;
    PlatformRules rules;
    if (!detail::parseCsv(csv, u"platforms.csv"_s, &table, &why)) {
        if (error)
            *error = why;
        return {};
    }
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        detail::CsvRecord r(table, i);
        PlatformRule rule;
        if (!readRule(r, &rule)) {
            if (error)
                *error = r.error();
            return {};
        }
        rules.rules.push_back(std::move(rule));
    }
    if (error)
        error->clear();
    return rules;
}

PlatformRules loadShippedPlatformRules(QString *error) {
    // Parsed once per process: the embedded data cannot change while it runs.
    static Shipped s;
    static std::once_flag once;
    std::call_once(once, [] {
        QFile f(detail::shippedResource(u"platforms.csv"_s));
        if (!f.open(QIODevice::ReadOnly)) {
            s.error = u"the embedded catalogue file platforms.csv is missing"_s;
            return;
        }
        s.rules = parsePlatformRules(f.readAll(), &s.error);
    });
    if (error)
        *error = s.error;
    return s.rules;
}

} // namespace llm::db
