// SPDX-License-Identifier: MIT
#pragma once
// Chart 4: generation tok/s against model size (GB), one line per build, with
// the threshold line: which size of model each build can serve interactively.

#include "chartstyle.h"

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace llm::ui {

class SizeCurveModel;
class ComparisonDocument;

QChart *createSizeChart(SizeCurveModel *model, ComparisonDocument *document,
                        const ChartStyle &style);

} // namespace llm::ui
