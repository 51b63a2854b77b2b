// SPDX-License-Identifier: MIT
#include "comparisondocument.h"

#include "statecommand.h"

#include <QLocale>

#include <algorithm>

namespace llm::ui {

ComparisonDocument::ComparisonDocument(db::ReferenceData data, QObject *parent)
    : QObject(parent)
    , m_catalog(std::move(data.catalog))
    , m_baseline(std::move(data.baseline))
    , m_shippedBaseline(std::move(data.shippedBaseline))
    , m_rules(std::move(data.rules))
    , m_measurements(std::move(data.measurements))
    , m_own(std::move(data.own)) {
    m_state.model = defaultState(m_catalog).model;
    m_state.useCases = seedUseCases();
}

ComparisonDocument::ComparisonDocument(Catalog catalog, QObject *parent)
    : ComparisonDocument(db::ReferenceData{std::move(catalog), Assumptions{}, {}, {}, {}, {}},
                         parent) {}

db::ReferenceData ComparisonDocument::referenceData() const {
    return db::ReferenceData{m_catalog,      m_baseline, m_rules,
                             m_measurements, m_own,      m_shippedBaseline};
}

namespace {
// The parts of the assumptions a calibration sets.
bool sameCalibration(const Assumptions &a, const Assumptions &b) {
    return a.efficiencyByClass == b.efficiencyByClass && a.defaultCpu == b.defaultCpu &&
           a.defaultGpu == b.defaultGpu && a.defaultUnified == b.defaultUnified &&
           a.promptBandByClass == b.promptBandByClass &&
           a.generationBandByClass == b.generationBandByClass && a.defaultBand == b.defaultBand;
}
void copyCalibration(Assumptions &to, const Assumptions &from) {
    to.efficiencyByClass = from.efficiencyByClass;
    to.defaultCpu = from.defaultCpu;
    to.defaultGpu = from.defaultGpu;
    to.defaultUnified = from.defaultUnified;
    to.promptBandByClass = from.promptBandByClass;
    to.generationBandByClass = from.generationBandByClass;
    to.defaultBand = from.defaultBand;
}
} // namespace

void ComparisonDocument::setOwnMeasurements(std::vector<Measurement> own,
                                            const std::string &today) {
    const Assumptions before = m_baseline;
    m_own = std::move(own);
    m_comparableOwn.reset();
    m_baseline = db::calibratedWith(m_shippedBaseline, m_own, today);
    ComparisonState next = m_state;
    if (sameCalibration(next.assumptions, before))
        copyCalibration(next.assumptions, m_baseline);
    applyState(next);
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

void ComparisonDocument::setMeasurements(std::vector<Measurement> measurements) {
    m_measurements = std::move(measurements);
    m_comparable.reset();
    m_comparableOwn.reset();
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
    if (m_measurements.empty() && m_own.empty())
        return;
    // Only like with like beside the estimate: the same runtime and a headline-style
    // run. Chosen again only when the runtime changes (not on every edit).
    if (!m_comparable || !m_comparableOwn || m_comparableRuntime != m_state.assumptions.runtime) {
        m_comparableRuntime = m_state.assumptions.runtime;
        const auto choose = [this](const std::vector<Measurement> &from) {
            std::vector<Measurement> chosen;
            for (const Measurement &m : from)
                if (m.runtime == m_comparableRuntime && headlineLike(m))
                    chosen.push_back(m);
            return chosen;
        };
        m_comparable = choose(m_measurements);
        m_comparableOwn = choose(m_own);
    }
    for (std::size_t i = 0; i < m_results.size() && i < m_state.builds.size(); ++i) {
        Estimate &e = m_results[i].estimate;
        const Build &b = m_state.builds[i];
        // The user's own machine first: a published figure only where they measured none.
        attachMeasurements(e, b, m_state.model, *m_comparableOwn);
        if (e.measuredPrompt && e.measuredGeneration)
            continue;
        const auto ownPrompt = e.measuredPrompt;
        const auto ownGeneration = e.measuredGeneration;
        attachMeasurements(e, b, m_state.model, *m_comparable);
        if (ownPrompt)
            e.measuredPrompt = ownPrompt;
        if (ownGeneration)
            e.measuredGeneration = ownGeneration;
    }
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

DecisionSummary decisionOf(const ComparisonDocument &document, bool searchCatalogue) {
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
    in.rules = document.platformRulesOrNull();
    in.searchCatalogue = searchCatalogue;
    return decide(in);
}

} // namespace llm::ui
