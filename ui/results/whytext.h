// SPDX-License-Identifier: MIT
#pragma once
// The "why" sentences (from llm::explain) gathered for the window and the report.

#include "comparison/comparisonstate.h"

#include <QString>
#include <QStringList>

namespace llm::ui {

struct WhyEntry {
    QString build;
    QString useCase;
    QString verdict;  // "fail", "borderline", "pass"
    QString sentence; // the estimator's own sentence
};

// Every use case of every build; `onlyProblems` keeps failing and borderline ones.
QList<WhyEntry> whyEntries(const ComparisonState &state, const std::vector<BuildResult> &results,
                           bool onlyProblems);

// One line per build: its headline ("fits on GPU, 80 tok/s, bottleneck GPU memory").
QString headline(const Build &build, const BuildResult &result);

} // namespace llm::ui
