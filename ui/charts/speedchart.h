// SPDX-License-Identifier: MIT
#pragma once
// What people feel, per build and need (use case), each target on its own chart:
//  * seconds until the answer starts (prompt processing), target line at the
//    prompt limit (10 s by default);
//  * writing speed (tokens per second), target line at the generation limit
//    (10 tok/s, about reading speed).
// Builds run top to bottom (A first); a value axis is cut a few times past its
// target so the region around it stays readable, and its title says so.

#include "chartstyle.h"

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace llm::ui {

class UseCaseModel;
class ComparisonDocument;

QChart *createAnswerStartChart(UseCaseModel *model, ComparisonDocument *document,
                               const ChartStyle &style);
QChart *createWritingSpeedChart(UseCaseModel *model, ComparisonDocument *document,
                                const ChartStyle &style);

// A need's legend name: "UC1 · Classification" (its description up to the first comma).
QString needName(ComparisonDocument *document, int useCase);

} // namespace llm::ui
