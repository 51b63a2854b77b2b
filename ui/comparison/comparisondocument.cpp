// SPDX-License-Identifier: MIT
#include "comparisondocument.h"

#include "statecommand.h"

#include <QLocale>

#include <algorithm>

namespace llm::ui {

ComparisonDocument::ComparisonDocument(Catalog catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(std::move(catalog)) {
    m_state.model = defaultState(m_catalog).model;
    m_state.useCases = seedUseCases();
}

void ComparisonDocument::reset(const ComparisonState &state) {
    m_undo.clear();
    applyState(state);
    m_undo.setClean();
}

void ComparisonDocument::applyState(const ComparisonState &state) {
    const bool structural =
        state.builds.size() != m_state.builds.size() ||
        !std::equal(state.builds.begin(), state.builds.end(), m_state.builds.begin(),
                    m_state.builds.end(),
                    [](const Build &a, const Build &b) { return a.name == b.name; }) ||
        state.useCases.size() != m_state.useCases.size();
    m_state = state;
    m_results = computeResults(m_state, m_catalog, m_rules);
    attachMeasured();
    if (structural)
        emit structureChanged();
    emit resultsChanged();
}

void ComparisonDocument::setPlatformRules(PlatformRules rules) {
    m_rules = std::move(rules);
    m_results = computeResults(m_state, m_catalog, m_rules);
    attachMeasured();
    emit resultsChanged();
}

void ComparisonDocument::setMeasurements(std::vector<Measurement> measurements) {
    m_measurements = std::move(measurements);
    attachMeasured();
    emit resultsChanged();
}

namespace {

// A run comparable with the headline estimate (llama-bench pp512 / tg128 from an
// empty context): one short prompt run and one short generation run. LocalScore's
// nine-scenario averages and long-context runs measure something else.
bool headlineLike(const Measurement &m) {
    const auto shortRun = [](const std::vector<UseCase> &runs) {
        return runs.size() <= 1 && std::all_of(runs.begin(), runs.end(), [](const UseCase &u) {
                   return units::inTokens(u.promptTokens) <= 512 &&
                          units::inTokens(u.generatedTokens) <= 512;
               });
    };
    return shortRun(m.promptRuns) && shortRun(m.generationRuns);
}

} // namespace

void ComparisonDocument::attachMeasured() {
    if (m_measurements.empty())
        return;
    // Only like with like beside the estimate: the same runtime and a headline-style run.
    std::vector<Measurement> comparable;
    for (const Measurement &m : m_measurements)
        if (m.runtime == m_state.assumptions.runtime && headlineLike(m))
            comparable.push_back(m);
    for (std::size_t i = 0; i < m_results.size() && i < m_state.builds.size(); ++i)
        attachMeasurements(m_results[i].estimate, m_state.builds[i], m_state.model, comparable);
}

void ComparisonDocument::setCatalog(Catalog catalog, const ComparisonState &state) {
    m_catalog = std::move(catalog);
    emit catalogChanged();
    applyState(state);
}

void ComparisonDocument::push(const ComparisonState &next, const QString &text, int mergeId) {
    m_undo.push(new StateCommand(this, m_state, next, text, mergeId));
}

bool ComparisonDocument::updateBuild(int index, const Build &build, const QString &text,
                                     int mergeId, QString *reason) {
    if (index < 0 || index >= buildCount())
        return false;
    const std::vector<Problem> problems =
        checkBuild(build, m_catalog, m_rules, m_state.assumptions);
    if (!problems.empty()) {
        if (reason)
            *reason = QString::fromStdString(problems.front().message);
        return false;
    }
    if (sameBuild(build, m_state.builds[static_cast<std::size_t>(index)]))
        return true;
    ComparisonState next = m_state;
    next.builds[static_cast<std::size_t>(index)] = build;
    push(next, text, mergeId);
    return true;
}

bool ComparisonDocument::addBuild(const Build &build, int at) {
    if (buildCount() >= kMaxBuilds)
        return false;
    ComparisonState next = m_state;
    Build named = build;
    named.name = uniqueName(build.name.empty() ? std::string("Build") : build.name);
    const int pos = (at < 0 || at > buildCount()) ? buildCount() : at;
    next.builds.insert(next.builds.begin() + pos, named);
    push(next, tr("Add build “%1”").arg(QString::fromStdString(named.name)), 0);
    return true;
}

bool ComparisonDocument::removeBuild(int index) {
    if (index < 0 || index >= buildCount())
        return false;
    ComparisonState next = m_state;
    const QString name = QString::fromStdString(next.builds[static_cast<std::size_t>(index)].name);
    next.builds.erase(next.builds.begin() + index);
    push(next, tr("Remove build “%1”").arg(name), 0);
    return true;
}

bool ComparisonDocument::moveBuild(int from, int to) {
    if (from < 0 || from >= buildCount() || to < 0 || to >= buildCount() || from == to)
        return false;
    ComparisonState next = m_state;
    Build moved = next.builds[static_cast<std::size_t>(from)];
    next.builds.erase(next.builds.begin() + from);
    next.builds.insert(next.builds.begin() + to, moved);
    push(next, tr("Move build “%1”").arg(QString::fromStdString(moved.name)), 0);
    return true;
}

bool ComparisonDocument::renameBuild(int index, const QString &name) {
    const std::string wanted = name.trimmed().toStdString();
    if (index < 0 || index >= buildCount() || wanted.empty() ||
        name.trimmed().size() > scenario::kMaxNameLength)
        return false;
    if (m_state.builds[static_cast<std::size_t>(index)].name == wanted)
        return true;
    for (const Build &b : m_state.builds) {
        if (b.name == wanted)
            return false; // names identify builds in the charts and the report
    }
    ComparisonState next = m_state;
    next.builds[static_cast<std::size_t>(index)].name = wanted;
    push(next, tr("Rename build to “%1”").arg(name.trimmed()), 0);
    return true;
}

void ComparisonDocument::setReservedContext(units::Tokens context) {
    if (context == m_state.reservedContext)
        return;
    ComparisonState next = m_state;
    next.reservedContext = context;
    const double n = units::inTokens(context);
    push(next,
         n > 0 ? tr("Plan for a %1-token context").arg(QLocale().toString(n, 'f', 0))
               : tr("Plan for each use case's own context"),
         0);
}

void ComparisonDocument::setModel(const ModelChoice &model) {
    if (model.model.name == m_state.model.model.name &&
        model.quant.name == m_state.model.quant.name && model.fileSize == m_state.model.fileSize)
        return;
    ComparisonState next = m_state;
    next.model = model;
    push(next,
         tr("Choose model %1 %2")
             .arg(QString::fromStdString(model.model.name),
                  QString::fromStdString(model.quant.name)),
         0);
}

void ComparisonDocument::setUseCases(const std::vector<UseCase> &useCases, const QString &text) {
    ComparisonState next = m_state;
    next.useCases = useCases;
    push(next, text, 0);
}

void ComparisonDocument::setAssumptions(const Assumptions &assumptions, const QString &text,
                                        int mergeId) {
    ComparisonState next = m_state;
    next.assumptions = assumptions;
    push(next, text, mergeId);
}

bool ComparisonDocument::setMeeting(const MeetingNotes &meeting,
                                    const std::vector<std::string> &buildNotes) {
    if (buildNotes.size() != m_state.builds.size())
        return false;
    ComparisonState next = m_state;
    next.meeting = meeting;
    for (std::size_t i = 0; i < buildNotes.size(); ++i)
        next.builds[i].notes = buildNotes[i];
    if (sameState(next, m_state))
        return true; // nothing changed: no empty undo step
    push(next, tr("Edit meeting details"), 0);
    return true;
}

std::string ComparisonDocument::uniqueName(const std::string &base) const {
    auto taken = [this](const std::string &n) {
        return std::any_of(m_state.builds.begin(), m_state.builds.end(),
                           [&](const Build &b) { return b.name == n; });
    };
    if (!taken(base))
        return base;
    for (int i = 2;; ++i) {
        const std::string candidate = base + " (" + std::to_string(i) + ")";
        if (!taken(candidate))
            return candidate;
    }
}

DecisionSummary decisionOf(const ComparisonDocument &document, const PlatformRules *rules,
                           bool searchCatalogue) {
    const ComparisonState &state = document.state();
    std::vector<Estimate> estimates;
    estimates.reserve(document.results().size());
    for (const BuildResult &r : document.results())
        estimates.push_back(r.estimate);
    DecisionInput in;
    in.builds = &state.builds;
    in.estimates = &estimates;
    in.model = state.model;
    in.workload = Workload{state.useCases, state.reservedContext};
    in.assumptions = state.assumptions;
    in.catalog = &document.catalog();
    in.rules = rules;
    in.searchCatalogue = searchCatalogue;
    return decide(in);
}

} // namespace llm::ui
