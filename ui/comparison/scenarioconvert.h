// SPDX-License-Identifier: MIT
#pragma once
// Between the window's ComparisonState and the scenario file format.

#include "comparisonstate.h"
#include "scenario.h"

namespace llm::ui {

scenario::Scenario toScenario(const ComparisonState &state, const std::string &catalogAsOf);
ComparisonState fromScenario(const scenario::Scenario &scenario);

} // namespace llm::ui
