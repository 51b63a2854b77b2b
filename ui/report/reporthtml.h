// SPDX-License-Identifier: MIT
#pragma once
// The report's text as HTML for QTextDocument: specifications, results, the
// use-case matrix (front part); the "why" sentences, assumptions and the
// estimator's error (back part). Charts are painted between them as vectors.

#include "comparison/comparisonstate.h"

#include <QDateTime>
#include <QString>

namespace llm::ui {

class SummaryModel;
class UseCaseModel;

struct ReportMeta {
    QString title;
    QDateTime date;
    QString catalogAsOf;
    QString programVersion;
};

QString reportFrontHtml(const ComparisonState &state, const std::vector<BuildResult> &results,
                        SummaryModel *summary, UseCaseModel *useCases, const ReportMeta &meta);
QString reportBackHtml(const ComparisonState &state, const std::vector<BuildResult> &results);

} // namespace llm::ui
