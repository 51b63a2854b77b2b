// SPDX-License-Identifier: MIT
#include "overrides.h"

#include "overridekeys.h"
#include "uitext.h"

#include <QStringList>

#include <algorithm>

namespace llm::ui {

OverrideFlags overridesFor(const Estimate &estimate, const Assumptions &current,
                           const Assumptions &baseline) {
    OverrideFlags flags;
    flags.efficiency =
        scenario::isOverridden(current, scenario::efficiencyOverrideKey(estimate.hardwareClass));
    flags.thresholds = current.thresholds != baseline.thresholds;
    flags.tariff = current.electricityEurPerKwh != baseline.electricityEurPerKwh;
    return flags;
}

QString describeOverrides(const OverrideFlags &flags, const Estimate &estimate) {
    QStringList parts;
    if (flags.efficiency)
        parts << UiText::tr("your efficiency factors for %1")
                     .arg(QString::fromStdString(estimate.hardwareClass.str()));
    if (flags.thresholds)
        parts << UiText::tr("your use-case thresholds");
    if (flags.tariff)
        parts << UiText::tr("your electricity tariff");
    if (parts.isEmpty())
        return {};
    return UiText::tr("Overridden: uses %1.").arg(parts.join(UiText::tr(" and ")));
}

} // namespace llm::ui
