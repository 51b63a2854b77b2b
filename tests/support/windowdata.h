// SPDX-License-Identifier: MIT
#pragma once
// What a test gives the window or a report in place of main(): the shipped
// platform rules and measurements with the test's catalogue, and either the
// shipped calibrated baseline or the uncalibrated defaults (Assumptions{}), as
// the test's expectations were written for.

#include "referencedata.h"

namespace llm::testsupport {

enum class Baseline { Calibrated, Uncalibrated };

inline db::ReferenceData windowData(Catalog catalog, Baseline baseline = Baseline::Calibrated) {
    db::ReferenceData data = db::loadReferenceData(std::move(catalog));
    if (baseline == Baseline::Uncalibrated)
        data.baseline = Assumptions{};
    return data;
}

inline db::ReferenceData windowData(Catalog catalog, const Assumptions &baseline) {
    db::ReferenceData data = db::loadReferenceData(std::move(catalog));
    data.baseline = baseline;
    return data;
}

} // namespace llm::testsupport
