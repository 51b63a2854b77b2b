// SPDX-License-Identifier: MIT
#include "scenarioconvert.h"

namespace llm::ui {

scenario::Scenario toScenario(const ComparisonState &state, const std::string &catalogAsOf) {
    scenario::Scenario s;
    s.programVersion = LLMADVISOR_VERSION;
    s.catalogAsOf = catalogAsOf;
    s.title = state.meeting.title;
    s.purpose = state.meeting.purpose;
    s.decision = state.meeting.decision;
    s.attendees = state.meeting.attendees;
    s.builds = state.builds;
    s.buildExtras.resize(s.builds.size());
    for (std::size_t i = 0; i < s.builds.size(); ++i)
        s.buildExtras[i].notes = s.builds[i].notes;
    s.model = state.model;
    s.workload.useCases = state.useCases;
    s.workload.reservedContext = state.reservedContext;
    s.runtime = state.assumptions.runtime;
    s.assumptions = state.assumptions;
    return s;
}

ComparisonState fromScenario(const scenario::Scenario &s) {
    ComparisonState state;
    state.meeting = {s.title, s.purpose, s.decision, s.attendees};
    state.builds = s.builds;
    for (std::size_t i = 0; i < state.builds.size() && i < s.buildExtras.size(); ++i)
        state.builds[i].notes = s.buildExtras[i].notes;
    state.model = s.model;
    state.useCases = s.workload.useCases;
    state.reservedContext = s.workload.reservedContext;
    state.assumptions = s.assumptions;
    state.assumptions.runtime = s.runtime;
    return state;
}

} // namespace llm::ui
