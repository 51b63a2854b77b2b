// SPDX-License-Identifier: MIT
#pragma once
// What the printed report says, in the order a meeting reads it: page 1 the
// answer (title, purpose, decision, the builds with their notes and verdicts
// against the named needs, the uncertainty said once), page 2 why, per build,
// then the charts, then an appendix for the engineer (specifications, every
// figure, what-if, headroom, assumptions, measured error, glossary).

#include "comparison/comparisonstate.h"
#include "report/reportflow.h"

#include <QDateTime>
#include <QString>

namespace llm::ui {

class ComparisonDocument;
class SummaryModel;
class UseCaseModel;
class SizeCurveModel;

struct ReportMeta {
    QString title; // the comparison's own, or "LLM hardware comparison: <model> at <quant>"
    QDateTime date;
    QString catalogAsOf;
    QString programVersion;
};

ReportMeta reportMeta(const ComparisonState &state, const std::string &catalogAsOf,
                      const QDateTime &date);

// Fills `flow` with the whole report. The models must be bound to `document`
// and, with it, outlive the flow (the flow keeps the charts made from them).
// `blackAndWhite`: the charts in greys only (ChartStyle::monochrome).
void composeReport(report::Flow &flow, ComparisonDocument &document, SummaryModel &summary,
                   UseCaseModel &useCases, SizeCurveModel &sizes, const ReportMeta &meta,
                   bool blackAndWhite = false);

// The heading that starts the appendix (tests find where the appendix begins).
QString appendixHeading();

} // namespace llm::ui
