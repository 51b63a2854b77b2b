// SPDX-License-Identifier: MIT
#pragma once
// The comparison being edited: its state, the estimator's results for it, and
// the undo stack. Every edit goes through here; views only listen.

#include "calibration.h"
#include "comparison_limits.h"
#include "comparisonstate.h"
#include "decision.h"
#include "referencedata.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <optional>

namespace llm::ui {

class ComparisonDocument final : public QObject {
    Q_OBJECT
public:
    // Everything the estimates are computed against, loaded once by main().
    explicit ComparisonDocument(db::ReferenceData data, QObject *parent = nullptr);
    // A document with only a catalogue: uncalibrated assumptions, no platform
    // rules (fixes unchecked), no measurements. For tests of single views.
    explicit ComparisonDocument(Catalog catalog, QObject *parent = nullptr);

    const Catalog &catalog() const { return m_catalog; }
    // The platform rules every build is checked against (checkBuild): what the
    // build editor refuses is what Find builds and the what-if analysis call
    // infeasible. Empty when none were given: only the parts' own limits count.
    const PlatformRules &platformRules() const { return m_rules; }
    // The same, or nullptr when there are none (fixes are then offered unchecked).
    const PlatformRules *platformRulesOrNull() const {
        return m_rules.rules.empty() ? nullptr : &m_rules;
    }
    // A copy of the reference data (catalogue, baseline, rules, measurements):
    // what a report of this comparison is computed against.
    db::ReferenceData referenceData() const;
    // The assumptions a new comparison starts from (the calibrated, shipped ones);
    // "reset" of an override returns to these.
    const Assumptions &baseline() const { return m_baseline; }
    void setBaseline(const Assumptions &baseline) { m_baseline = baseline; }
    // Published measurements shown beside the estimates (never an input to them).
    void setMeasurements(std::vector<Measurement> measurements);
    // The user's own measurements (after an import): the baseline is the shipped
    // calibration recalibrated with them (dated `today`, YYYY-MM-DD), and the
    // comparison's efficiency factors follow unless the user overrode them; they
    // are shown first beside the estimates they match. No undo step: the rows
    // live in the catalogue database, not in the comparison.
    void setOwnMeasurements(std::vector<Measurement> own, const std::string &today);
    const std::vector<Measurement> &ownMeasurements() const { return m_own; }
    const ComparisonState &state() const { return m_state; }
    const std::vector<BuildResult> &results() const { return m_results; }
    int buildCount() const { return static_cast<int>(m_state.builds.size()); }
    QUndoStack *undoStack() { return &m_undo; }

    // Replaces everything without an undo step (new, open); marks the stack clean.
    void reset(const ComparisonState &state);

    // Edits, each one undoable. mergeId > 0 merges consecutive edits of one
    // control (typing in a spin box) into one undo step.
    // Refuses a build that checkBuild rejects; `reason` gets the first problem.
    bool updateBuild(int index, const Build &build, const QString &text, int mergeId = 0,
                     QString *reason = nullptr);
    bool addBuild(const Build &build, int at = -1);
    bool removeBuild(int index);
    bool moveBuild(int from, int to);
    bool renameBuild(int index, const QString &name);
    void setModel(const ModelChoice &model);
    // The context window memory is planned for (0 tokens: each use case's own).
    void setReservedContext(units::Tokens context);
    void setUseCases(const std::vector<UseCase> &useCases, const QString &text);
    void setAssumptions(const Assumptions &assumptions, const QString &text, int mergeId = 0);
    // The meeting's title, purpose, decision and attendees and each build's notes
    // (`buildNotes` parallel to the builds), as one undo step. False when the
    // number of notes does not match the builds.
    bool setMeeting(const MeetingNotes &meeting, const std::vector<std::string> &buildNotes);

    // Used by the undo command: no new undo step.
    void applyState(const ComparisonState &state);
    // The catalogue changed (catalogue editor): the new catalogue and the state
    // with its parts looked up again, applied without an undo step.
    void setCatalog(Catalog catalog, const ComparisonState &state);

    // A unique build name based on `base` ("X", "X (2)", ...).
    std::string uniqueName(const std::string &base) const;

    // The most builds one comparison holds (adding stops there, and a larger
    // file is refused when opened): see comparison_limits.h for why.
    static constexpr int kMaxBuilds = scenario::kMaxComparisonBuilds;

signals:
    // The number or order of builds changed (views reset their rows).
    void structureChanged();
    // Results were recomputed (values changed; same builds).
    void resultsChanged();
    // The catalogue itself was replaced (catalogue editor): pickers refill their lists.
    void catalogChanged();

private:
    void push(const ComparisonState &next, const QString &text, int mergeId);
    void attachMeasured();

    Catalog m_catalog;

    Assumptions m_baseline;
    Assumptions m_shippedBaseline; // before the user's own measurements
    PlatformRules m_rules;
    std::vector<Measurement> m_measurements;
    std::vector<Measurement> m_own;
    // The measurements comparable with the headline estimates for one runtime.
    std::optional<std::vector<Measurement>> m_comparable;
    std::optional<std::vector<Measurement>> m_comparableOwn;
    std::string m_comparableRuntime;
    ComparisonState m_state;
    std::vector<BuildResult> m_results;
    QUndoStack m_undo;
};

// Core's decision summary of the document's comparison (decide() on its state
// and results): what the window's "At a glance", the What if tab and the report
// show. Fixes are checked against the document's platform rules;
// `searchCatalogue` runs the recommender for the "catalogue build" option.
DecisionSummary decisionOf(const ComparisonDocument &document, bool searchCatalogue);

} // namespace llm::ui
