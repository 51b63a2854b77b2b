// SPDX-License-Identifier: MIT
#include "scenarioconvert.h"

namespace llm::ui {

scenario::Scenario toScenario(const ComparisonState &state, const std::string &catalogAsOf) {
    scenario::Scenario s;
    s.programVersion = LLMADVISOR_VERSION;
    s.catalogAsOf = catalogAsOf;
    s.builds = state.builds;
    s.buildExtras.resize(s.builds.size());
    s.model = state.model;
    s.workload.useCases = state.useCases;
    s.workload.reservedContext = state.reservedContext;
    s.runtime = state.assumptions.runtime;
    s.assumptions = state.assumptions;
    return s;
}

ComparisonState fromScenario(const scenario::Scenario &s) {
    ComparisonState state;
    state.builds = s.builds;
    state.model = s.model;
    state.useCases = s.workload.useCases;
    state.reservedContext = s.workload.reservedContext;
    state.assumptions = s.assumptions;
    state.assumptions.runtime = s.runtime;
    return state;
}

} // namespace llm::ui
