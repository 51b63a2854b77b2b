// SPDX-License-Identifier: MIT
#include "overrides.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace llm::ui {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("llm::ui", text);
}

} // namespace

OverrideFlags overridesFor(const Estimate &estimate, const Assumptions &current,
                           const Assumptions &baseline) {
    OverrideFlags flags;
    const std::string key = "assumptions.efficiency." + estimate.hardwareClass;
    flags.efficiency = std::find(current.overridden.begin(), current.overridden.end(), key) !=
                       current.overridden.end();
    flags.thresholds = current.thresholds != baseline.thresholds;
    flags.tariff = current.electricityEurPerKwh != baseline.electricityEurPerKwh;
    return flags;
}

QString describeOverrides(const OverrideFlags &flags, const Estimate &estimate) {
    QStringList parts;
    if (flags.efficiency)
        parts << tr("your efficiency factors for %1")
                     .arg(QString::fromStdString(estimate.hardwareClass));
    if (flags.thresholds)
        parts << tr("your use-case thresholds");
    if (flags.tariff)
        parts << tr("your electricity tariff");
    if (parts.isEmpty())
        return {};
    return tr("Overridden: uses %1.").arg(parts.join(tr(" and ")));
}

} // namespace llm::ui
