// SPDX-License-Identifier: MIT
#pragma once
// Error statistics of predictions against measurements, per hardware class and
// phase: count, median absolute percentage error, 80th percentile, bias.

#include "calibration.h"

#include <string>
#include <vector>

namespace llm {

struct ErrorSummary {
    std::string hardwareClass; // "all" for the overall rows
    MeasuredPhase phase = MeasuredPhase::Generation;
    int count = 0;
    double medianAbsErrorPct = 0;
    double p80AbsErrorPct = 0;
    double biasPct = 0; // median signed error: negative = the estimator is low
};

// Quantile with linear interpolation between order statistics (q in [0, 1]);
// 0 for an empty list.
double quantile(std::vector<double> values, double q);

ErrorSummary summarize(const std::vector<Residual> &residuals, const std::string &label,
                       MeasuredPhase phase);

// One summary per (class, phase) that has residuals, sorted by class then phase,
// followed by the overall "all" rows for prompt and generation.
std::vector<ErrorSummary> summarizeByClass(const std::vector<Residual> &residuals);

} // namespace llm
