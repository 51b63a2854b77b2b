// SPDX-License-Identifier: MIT
#include "reporthtml.h"

#include "charts/chartstyle.h"
#include "comparison/format.h"
#include "report/htmltext.h"
#include "results/roles.h"
#include "results/summarymodel.h"
#include "results/usecasemodel.h"
#include "results/whytext.h"

#include <QCoreApplication>
#include <QLocale>

#include <set>

namespace llm::ui {

using html::esc;
using html::tr;

namespace {

// A results cell as printed: the formatted figure, with "*" when one of the
// user's overrides stands behind it (noted under the table).
QString cellText(const QModelIndex &index, bool *anyOverridden) {
    QString text = index.data(FormattedRole).toString().toHtmlEscaped();
    if (index.data(OverriddenRole).toBool()) {
        *anyOverridden = true;
        text += QStringLiteral(" *");
    }
    return text;
}

// Black-and-white friendly tables: rules, no fills that a printer turns to mud.
const char *kStyle = "<style>"
                     "body { font-family: 'DejaVu Sans'; font-size: 8.5pt; color: black; }"
                     "h1 { font-size: 16pt; margin-bottom: 2pt; }"
                     "h2 { font-size: 12pt; margin-top: 12pt; margin-bottom: 4pt; }"
                     "table { border-collapse: collapse; }"
                     "th { background-color: #e0e0e0; font-weight: bold; }"
                     "td, th { border: 1px solid #808080; padding: 2pt; }"
                     ".small { font-size: 8pt; color: #333333; }"
                     "</style>";
} // namespace

QString reportFrontHtml(const ComparisonState &state, const std::vector<BuildResult> &results,
                        SummaryModel *summary, UseCaseModel *useCases, const ReportMeta &meta) {
    const QLocale locale;
    QString h = QString::fromLatin1(kStyle);
    h += QStringLiteral("<h1>%1</h1>").arg(meta.title.toHtmlEscaped());
    h +=
        QStringLiteral("<p class=small>%1</p>")
            .arg(tr("Made %1 by LLM Procurement Advisor %2 · catalogue as of %3 · model %4 at %5 · "
                    "runtime %6. All figures are estimates, not measurements.")
                     .arg(locale.toString(meta.date, QLocale::LongFormat).toHtmlEscaped(),
                          meta.programVersion.toHtmlEscaped(),
                          meta.catalogAsOf.isEmpty() ? tr("unknown")
                                                     : meta.catalogAsOf.toHtmlEscaped(),
                          esc(state.model.model.name), esc(state.model.quant.name),
                          esc(state.assumptions.runtime)));

    // One paragraph per build: full names never squeezed into a narrow column.
    h += QStringLiteral("<h2>%1</h2>").arg(tr("Builds"));
    bool userData = false; // a part from the user's catalogue layer: marked †, explained below
    auto mark = [&](QStringList *out, const QString &kind, const std::string &name,
                    DataOrigin origin) {
        if (origin == DataOrigin::Shipped)
            return;
        userData = true;
        *out << (origin == DataOrigin::Overridden ? tr("%1 %2: your figures (overridden)")
                                                  : tr("%1 %2: your own catalogue row"))
                    .arg(kind, esc(name));
    };
    for (std::size_t i = 0; i < state.builds.size(); ++i) {
        const Build &b = state.builds[i];
        QStringList gpus;
        for (const GpuGroup &g : b.gpus)
            gpus << QStringLiteral("%1 × %2").arg(g.count).arg(esc(g.gpu.name));
        if (b.integratedGpu)
            gpus << tr("integrated %1").arg(esc(b.integratedGpu->name));
        const CostSummary &c = results[i].cost;
        h +=
            QStringLiteral("<p style=\"margin-top:3pt; margin-bottom:0pt\"><b>%1. %2</b><br>%3</p>")
                .arg(i + 1)
                .arg(esc(b.name),
                     tr("CPU %1 · memory %2 channels × %3, %4 · GPUs: %5 · price %6 · power at "
                        "load %7")
                         .arg(esc(b.cpu.name))
                         .arg(b.memory.channels)
                         .arg(fmt::mts(b.memory.speed), fmt::gigabytes(b.memory.capacity),
                              gpus.isEmpty() ? tr("none") : gpus.join(QStringLiteral(", ")),
                              fmt::price(b, c.priceEur).toHtmlEscaped(),
                              fmt::watts(c.powerAtLoad)));
        QStringList marks;
        mark(&marks, tr("CPU"), b.cpu.name, b.cpu.origin);
        for (const GpuGroup &g : b.gpus)
            mark(&marks, tr("GPU"), g.gpu.name, g.gpu.origin);
        if (b.integratedGpu)
            mark(&marks, tr("GPU"), b.integratedGpu->name, b.integratedGpu->origin);
        if (!marks.isEmpty())
            h += QStringLiteral("<p class=small style=\"margin-top:0pt; margin-bottom:0pt\">"
                                "† %1</p>")
                     .arg(marks.join(QStringLiteral(" · ")));
    }
    QStringList modelMarks;
    mark(&modelMarks, tr("Model"), state.model.model.name, state.model.model.origin);
    mark(&modelMarks, tr("Quantization"), state.model.quant.name, state.model.quant.origin);
    if (!modelMarks.isEmpty())
        h += QStringLiteral("<p class=small>† %1</p>").arg(modelMarks.join(QStringLiteral(" · ")));
    if (userData)
        h += QStringLiteral("<p class=small>%1</p>")
                 .arg(tr("† Marked parts use figures from your own catalogue (rows you added, or "
                         "shipped rows you overrode, e.g. a supplier's quote) rather than the "
                         "program's shipped data."));

    h += QStringLiteral("<h2>%1</h2>").arg(tr("Results"));
    // Two tables rather than one of eleven narrow columns: speeds, then memory and value.
    bool anyOverridden = false;
    const auto resultsTable = [&](const QList<int> &columns) {
        h += QStringLiteral("<table width=100% cellspacing=0><tr>");
        for (int c : columns)
            h += QStringLiteral("<th>%1</th>")
                     .arg(summary->headerData(c, Qt::Horizontal).toString().toHtmlEscaped());
        h += QStringLiteral("</tr>");
        for (int r = 0; r < summary->rowCount(); ++r) {
            h += QStringLiteral("<tr>");
            for (int c : columns)
                h += QStringLiteral("<td%1>%2</td>")
                         .arg(c == SummaryModel::Name || c == SummaryModel::Placement ||
                                      c == SummaryModel::Bottleneck
                                  ? QString()
                                  : QStringLiteral(" align=right"),
                              c == SummaryModel::Name
                                  ? QStringLiteral("%1. %2").arg(r + 1).arg(
                                        shortBuildLabel(summary->index(r, c).data().toString())
                                            .toHtmlEscaped())
                                  : cellText(summary->index(r, c), &anyOverridden));
            h += QStringLiteral("</tr>");
        }
        h += QStringLiteral("</table>");
    };
    // The "Measured" column only when some build has a comparable published run.
    bool anyMeasured = false;
    for (int r = 0; r < summary->rowCount(); ++r)
        anyMeasured = anyMeasured ||
                      summary->index(r, SummaryModel::MeasuredGeneration).data(ValidRole).toBool();
    QList<int> speedColumns{SummaryModel::Name, SummaryModel::SystemBandwidth,
                            SummaryModel::GpuBandwidth, SummaryModel::PromptRate,
                            SummaryModel::GenerationRate};
    if (anyMeasured)
        speedColumns << SummaryModel::MeasuredGeneration;
    speedColumns << SummaryModel::Placement;
    resultsTable(speedColumns);
    h += QStringLiteral("<p></p>");
    resultsTable({SummaryModel::Name, SummaryModel::MemoryNeeded, SummaryModel::MemoryAvailable,
                  SummaryModel::Bottleneck, SummaryModel::Price, SummaryModel::EurPerTokenRate,
                  SummaryModel::PowerAtLoad, SummaryModel::CostPerMillion});
    h += QStringLiteral("<p class=small>%1</p>")
             .arg(tr("Speeds are the estimate with, in brackets, the range 8 in 10 published "
                     "measurements of the same hardware class fell in.") +
                  (anyMeasured
                       ? tr(" \u201cMeasured\u201d is the median of published short benchmark "
                            "runs (like the estimate) of the same device, model, quantization "
                            "and runtime.")
                       : QString()));
    if (anyOverridden)
        h += QStringLiteral("<p class=small>%1</p>")
                 .arg(tr("* This figure uses an assumption the user overrode (listed under "
                         "Assumptions)."));

    h += QStringLiteral("<h2>%1</h2>").arg(tr("Use cases"));
    h += QStringLiteral("<p class=small>%1</p>")
             .arg(tr("Pass: prompt processed within %1 and output at least %2. Borderline: passes "
                     "at the estimate but not at the low end of its error band.")
                      .arg(fmt::seconds(state.assumptions.thresholds.maxPrefill),
                           fmt::tokps(state.assumptions.thresholds.minGeneration)));
    h += QStringLiteral("<table width=100% cellspacing=0><tr><th>%1</th>").arg(tr("Build"));
    for (int c = 0; c < useCases->columnCount(); ++c) {
        const UseCase &u = state.useCases[static_cast<std::size_t>(c)];
        h += QStringLiteral("<th>%1<br><span class=small>%2 / %3 tok</span></th>")
                 .arg(esc(u.id), locale.toString(units::inTokens(u.promptTokens), 'f', 0),
                      locale.toString(units::inTokens(u.generatedTokens), 'f', 0));
    }
    h += QStringLiteral("</tr>");
    bool verdictOverridden = false;
    for (int r = 0; r < useCases->rowCount(); ++r) {
        h += QStringLiteral("<tr><td>%1</td>")
                 .arg(esc(state.builds[static_cast<std::size_t>(r)].name));
        for (int c = 0; c < useCases->columnCount(); ++c) {
            const QModelIndex idx = useCases->index(r, c);
            const auto v = static_cast<Verdict>(idx.data(VerdictRole).toInt());
            // Bold for pass, italic for fail: the verdict reads without colour.
            QString text = cellText(idx, &verdictOverridden);
            if (v == Verdict::Pass)
                text = QStringLiteral("<b>%1</b>").arg(text);
            else if (v == Verdict::Fail)
                text = QStringLiteral("<i>%1</i>").arg(text);
            h += QStringLiteral("<td align=center>%1</td>").arg(text);
        }
        h += QStringLiteral("</tr>");
    }
    h += QStringLiteral("</table>");
    if (verdictOverridden)
        h += QStringLiteral("<p class=small>%1</p>")
                 .arg(tr("* This verdict uses an assumption the user overrode (efficiency "
                         "factors or thresholds; listed under Assumptions)."));
    return h;
}

QString reportBackHtml(const ComparisonState &state, const std::vector<BuildResult> &results) {
    QString h = QString::fromLatin1(kStyle);
    const auto entries = whyEntries(state, results, true);
    h += QStringLiteral("<h2>%1</h2>").arg(tr("Why: failing and borderline use cases"));
    if (entries.isEmpty()) {
        h += QStringLiteral("<p>%1</p>").arg(tr("Every use case passes on every build."));
    } else {
        h += QStringLiteral("<ul>");
        for (const WhyEntry &e : entries)
            h += QStringLiteral("<li><b>%1</b> (%2): %3</li>")
                     .arg(e.build.toHtmlEscaped(), e.verdict, e.sentence.toHtmlEscaped());
        h += QStringLiteral("</ul>");
    }

    const Assumptions &a = state.assumptions;
    const Thresholds &t = a.thresholds;
    h += QStringLiteral("<h2>%1</h2>").arg(tr("Assumptions"));
    h +=
        QStringLiteral("<p>%1</p>")
            .arg(tr("Pass: prompt within %1 and generation at least %2. Interactive: prompt within "
                    "%3. Background: total within %4. Off-line: total within %5. Electricity %6 "
                    "per kWh; USD prices converted at %7 EUR per USD.")
                     .arg(fmt::seconds(t.maxPrefill), fmt::tokps(t.minGeneration),
                          fmt::seconds(t.interactivePrefill), fmt::seconds(t.backgroundTotal),
                          fmt::seconds(t.offlineTotal), fmt::euros(a.electricityEurPerKwh),
                          fmt::number(a.eurPerUsd, 2)));
    h += QStringLiteral("<table cellspacing=0><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th>"
                        "<th>%5</th><th>%6</th></tr>")
             .arg(tr("Build"), tr("Hardware class"), tr("Bandwidth efficiency"),
                  tr("Compute efficiency"), tr("Basis"), tr("Measured error (generation)"));
    for (std::size_t i = 0; i < results.size(); ++i) {
        const Estimate &e = results[i].estimate;
        const bool over =
            std::find(a.overridden.begin(), a.overridden.end(),
                      "assumptions.efficiency." + e.hardwareClass) != a.overridden.end();
        const Band band = a.generationBandFor(e.hardwareClass);
        h += QStringLiteral(
                 "<tr><td>%1</td><td>%2</td><td align=right>%3</td><td align=right>%4</td>"
                 "<td>%5</td><td>%6</td></tr>")
                 .arg(esc(state.builds[i].name), esc(e.hardwareClass),
                      fmt::number(e.factors.bandwidth, 2), fmt::number(e.factors.compute, 2),
                      over ? tr("<b>overridden by the user</b>")
                           : (e.factors.measurements > 0
                                  ? tr("fitted on %1 measurements").arg(e.factors.measurements)
                                  : tr("default guess")),
                      tr("%1 % to +%2 %")
                          .arg(fmt::number((band.low - 1.0) * 100.0, 0),
                               fmt::number((band.high - 1.0) * 100.0, 0)));
    }
    h += QStringLiteral("</table>");
    if (!a.overridden.empty()) {
        QStringList names;
        for (const std::string &n : a.overridden)
            names << QString::fromStdString(n);
        h += QStringLiteral("<p><b>%1</b> %2</p>")
                 .arg(tr("Overridden assumptions:"),
                      names.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    h += QStringLiteral("<p class=small>%1</p>")
             .arg(tr("The measured error is the band of the estimator's cross-validated residuals "
                     "against published benchmark results for each hardware class; a default band "
                     "applies where a class has no measurements yet."));
    return h;
}

} // namespace llm::ui
