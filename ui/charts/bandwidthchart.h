// SPDX-License-Identifier: MIT
#pragma once
// Engineering detail: memory bandwidth per build (RAM side, CPU fabric side,
// GPU memory) from SummaryModel's bandwidth columns, build A at the top.

#include "chartstyle.h"

QT_BEGIN_NAMESPACE
class QChart;
class QBarSet;
QT_END_NAMESPACE

namespace llm::ui {

class SummaryModel;

QChart *createBandwidthChart(SummaryModel *model, const ChartStyle &style);

// Sets a bar set's values, touching only the ones that changed (each change relayouts).
void setBarValues(QBarSet *set, const QList<double> &values);

} // namespace llm::ui
