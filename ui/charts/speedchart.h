// SPDX-License-Identifier: MIT
#pragma once
// Chart 2: prompt and generation tokens/s per build, each on its own axis from
// 0 (prompt is 10-100x faster), with the generation threshold drawn as a line.

#include "chartstyle.h"

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace llm::ui {

class SummaryModel;
class ComparisonDocument;

QChart *createSpeedChart(SummaryModel *model, ComparisonDocument *document,
                         const ChartStyle &style);

} // namespace llm::ui
