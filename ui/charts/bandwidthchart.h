// SPDX-License-Identifier: MIT
#pragma once
// Chart 1: memory bandwidth per build (RAM side, CPU fabric side, GPU memory),
// mapped from SummaryModel's bandwidth columns.

#include "chartstyle.h"

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace llm::ui {

class SummaryModel;

QChart *createBandwidthChart(SummaryModel *model, const ChartStyle &style);

} // namespace llm::ui
