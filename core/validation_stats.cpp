// SPDX-License-Identifier: MIT
#include "validation_stats.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace llm {

double quantile(std::vector<double> values, double q) {
    values.erase(
        std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
        values.end());
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    q = std::clamp(q, 0.0, 1.0);
    const double pos = q * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, values.size() - 1);
    const double frac = pos - static_cast<double>(lo);
    return values[lo] + frac * (values[hi] - values[lo]);
}

ErrorSummary summarize(const std::vector<Residual> &residuals, const std::string &label,
                       MeasuredPhase phase) {
    ErrorSummary s;
    s.hardwareClass = label;
    s.phase = phase;
    std::vector<double> abs, signedErr;
    for (const Residual &r : residuals) {
        if (r.phase != phase || !(r.measured > 0))
            continue;
        const double e = r.errorPct();
        abs.push_back(std::fabs(e));
        signedErr.push_back(e);
    }
    s.count = static_cast<int>(abs.size());
    s.medianAbsErrorPct = quantile(abs, 0.5);
    s.p80AbsErrorPct = quantile(abs, 0.8);
    s.biasPct = quantile(signedErr, 0.5);
    return s;
}

std::vector<ErrorSummary> summarizeByClass(const std::vector<Residual> &residuals) {
    std::map<std::string, std::vector<Residual>> byClass;
    for (const Residual &r : residuals)
        byClass[r.hardwareClass].push_back(r);
    std::vector<ErrorSummary> out;
    for (const auto &[cls, rs] : byClass)
        for (MeasuredPhase phase : {MeasuredPhase::Prompt, MeasuredPhase::Generation}) {
            ErrorSummary s = summarize(rs, cls, phase);
            if (s.count > 0)
                out.push_back(s);
        }
    for (MeasuredPhase phase : {MeasuredPhase::Prompt, MeasuredPhase::Generation}) {
        ErrorSummary s = summarize(residuals, "all", phase);
        if (s.count > 0)
            out.push_back(s);
    }
    return out;
}

} // namespace llm
