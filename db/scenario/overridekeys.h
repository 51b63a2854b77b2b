// SPDX-License-Identifier: MIT
#pragma once
// The names in Assumptions::overridden, spelled once: the scenario file's path
// of a value the user changed ("thresholds.max_prefill_s",
// "assumptions.efficiency.gpu-nvidia-blackwell"). The parser records the paths
// it reads (scenario_parse.cpp); the writer, the window's assumptions panel,
// the override notes and the report build and look up the names here.

#include "assumptions.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace llm::scenario {

// "assumptions.efficiency.<class>": the user's efficiency factors of a hardware class.
inline std::string efficiencyOverrideKey(std::string_view hardwareClass) {
    return std::string("assumptions.efficiency.").append(hardwareClass);
}
// "thresholds.<key>", with the scenario file's key ("max_prefill_s").
inline std::string thresholdOverrideKey(std::string_view jsonKey) {
    return std::string("thresholds.").append(jsonKey);
}
// "assumptions.<key>", with the scenario file's key ("runtime_overhead_gb").
inline std::string assumptionOverrideKey(std::string_view jsonKey) {
    return std::string("assumptions.").append(jsonKey);
}

inline bool isOverridden(const Assumptions &a, std::string_view key) {
    return std::find(a.overridden.begin(), a.overridden.end(), key) != a.overridden.end();
}
// Marks `key` overridden (once).
inline void markOverridden(Assumptions *a, const std::string &key) {
    if (!isOverridden(*a, key))
        a->overridden.push_back(key);
}
// Unmarks `key`; false when it was not marked.
inline bool unmarkOverridden(Assumptions *a, std::string_view key) {
    const auto it = std::find(a->overridden.begin(), a->overridden.end(), key);
    if (it == a->overridden.end())
        return false;
    a->overridden.erase(it);
    return true;
}

} // namespace llm::scenario
