// SPDX-License-Identifier: MIT
#pragma once
// Writing speed (tok/s) against model size (GB), one line per build, with the
// target line and the chosen model marked: which size of model each build can
// serve at reading speed. The speed axis is cut at 5x the target.

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
