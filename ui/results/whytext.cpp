// SPDX-License-Identifier: MIT
#include "whytext.h"

#include "comparison/format.h"

#include "uitext.h"

namespace llm::ui {

QList<WhyEntry> whyEntries(const ComparisonState &state, const std::vector<BuildResult> &results,
                           bool onlyProblems) {
    QList<WhyEntry> out;
    for (std::size_t b = 0; b < results.size() && b < state.builds.size(); ++b) {
        const BuildResult &r = results[b];
        if (!r.computed)
            continue;
        for (const UseCaseVerdict &v : r.estimate.useCases) {
            if (onlyProblems && v.pass && !v.borderline)
                continue;
            out.push_back(WhyEntry{
                QString::fromStdString(state.builds[b].name), QString::fromStdString(v.useCase->id),
                fmt::verdict(v),
                QString::fromStdString(explain(v, r.estimate, state.assumptions.thresholds))});
        }
    }
    return out;
}

QString headline(const Build &build, const BuildResult &result) {
    Q_UNUSED(build);
    if (!result.computed)
        return UiText::tr("Not computed.");
    const Estimate &e = result.estimate;
    if (!e.fits)
        return UiText::tr("The model does not fit: it needs %1, the build has %2.")
            .arg(fmt::gigabytes(e.memory.total),
                 fmt::gigabytes(e.memory.ramAvailable + e.memory.vramAvailable));
    return UiText::tr("Runs on %1 at %2 (prompt %3); limited by %4.")
        .arg(fmt::placement(e.placement), fmt::tokps(e.generationRate), fmt::tokps(e.promptRate),
             fmt::bottleneck(e.generationBottleneck));
}

} // namespace llm::ui
