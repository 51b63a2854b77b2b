// SPDX-License-Identifier: MIT
#include "reportcontent.h"

#include "decision.h"
#include "decisiontext.h"

#include "advisor/whatifmodels.h"
#include "advisor/whatifwords.h"
#include "catalogue.h"
#include "charts/chartlegend.h"
#include "charts/chartspanel.h"
#include "charts/chartstyle.h"
#include "comparison/comparisondocument.h"
#include "comparison/format.h"
#include "mainwindow/glossary.h"
#include "overridekeys.h"
#include "report/htmltext.h"
#include "results/roles.h"
#include "results/sizecurvemodel.h"
#include "results/summarymodel.h"
#include "results/usecasemodel.h"

#include <QChart>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <memory>

namespace llm::ui {

using html::esc;
using report::Cell;
using report::Flow;
using report::Table;

namespace {

constexpr Qt::Alignment kLeft = Qt::AlignLeft;
constexpr Qt::Alignment kRight = Qt::AlignRight;
constexpr Qt::Alignment kCenter = Qt::AlignHCenter;

QString small(const QString &html) {
    return QStringLiteral("<span class=small>%1</span>").arg(html);
}

// Free text a user typed: escaped, line breaks kept.
QString userText(const std::string &s) {
    return esc(s).replace(u'\n', QStringLiteral("<br>"));
}

// One number format per column: decimals chosen once from the column's largest
// value, so "5.8" and "120.0" never sit in one column as "5.8" and "120".
int decimalsFor(const std::vector<double> &values, int belowTen, int belowHundred, int above) {
    double largest = 0;
    for (double v : values)
        largest = std::max(largest, std::abs(v));
    return largest < 10 ? belowTen : largest < 100 ? belowHundred : above;
}

QString num(double v, int decimals) {
    return QLocale().toString(v, 'f', decimals);
}

// A figure in running text: "10", "2.5", "0.3": no trailing zeros ("10.0 s", "3.00 s").
QString textNumber(double v, int decimals = 1) {
    QString n = num(v, decimals);
    const QChar point = QLocale().decimalPoint().front();
    if (n.contains(point)) {
        while (n.endsWith(u'0'))
            n.chop(1);
        if (n.endsWith(point))
            n.chop(1);
    }
    return n;
}

// "10 s", "5 min", "4 h"
QString duration(units::Seconds t) {
    const double s = units::inSeconds(t);
    if (s >= 2 * 3600)
        return UiText::tr("%1 h").arg(textNumber(s / 3600));
    if (s >= 120)
        return UiText::tr("%1 min").arg(textNumber(s / 60));
    return UiText::tr("%1 s").arg(textNumber(s));
}

QString tokensPerSecond(units::TokenRate r) {
    return UiText::tr("%1 tokens per second").arg(textNumber(units::inTokensPerSecond(r)));
}

// "43.9" with its range on a second line "(17–59)": the range never wraps mid-value.
QString withRange(double v, double low, double high, int decimals) {
    return num(v, decimals) + QStringLiteral("<br>") +
           small(QStringLiteral("(%1–%2)").arg(num(low, decimals), num(high, decimals)));
}

QString plainLabel(std::size_t i, const Build &b) {
    return QStringLiteral("%1 · %2").arg(buildTag(static_cast<int>(i)),
                                         QString::fromStdString(b.name));
}

QString buildLabel(std::size_t i, const Build &b) {
    // The window's tag (A, B, C…) and the full name: one label everywhere.
    return QStringLiteral("%1 · %2").arg(buildTag(static_cast<int>(i)), esc(b.name));
}

// "UC1, UC3 and UC4"
QString joinWords(QStringList parts) {
    if (parts.size() <= 1)
        return parts.join(QString());
    const QString last = parts.takeLast();
    return UiText::tr("%1 and %2").arg(parts.join(QStringLiteral(", ")), last);
}

// "A, B and E" for builds 1, 2 and 5: the tags the window and the charts use.
QString joinNumbers(const QList<int> &numbers) {
    QStringList parts;
    for (int n : numbers)
        parts << buildTag(n - 1);
    return joinWords(parts);
}

// The use case's own words ("Long document Q&A, RAG, …"): the need, not its code.
QString needName(const UseCase &u) {
    return u.description.empty() ? QString::fromStdString(u.id) : esc(u.description);
}

QString shortNeed(const UseCase &u) {
    // The seed's needs by what they are for ("Classify / extract"), as in the window.
    if (seedUseCaseTitle(u))
        return scenario::needTitle(u).toHtmlEscaped();
    const QString d = QString::fromStdString(u.description);
    const QString first = d.section(u',', 0, 0).trimmed();
    return first.isEmpty() ? QString() : first.toHtmlEscaped();
}

bool anyUserPart(const Build &b) {
    bool any = b.cpu.origin != DataOrigin::Shipped;
    for (const GpuGroup &g : b.gpus)
        any = any || g.gpu.origin != DataOrigin::Shipped;
    return any || (b.integratedGpu && b.integratedGpu->origin != DataOrigin::Shipped);
}

// The window's verdict words, short enough for a grid cell; the symbol stays
// for a black-and-white copy.
QString verdictCell(const UseCaseVerdict &v) {
    if (v.pass && v.borderline)
        return UiText::tr("~ could miss");
    return v.pass ? QStringLiteral("<b>%1</b>").arg(UiText::tr("✓ meets"))
                  : QStringLiteral("<b>%1</b>").arg(UiText::tr("✗ too slow"));
}

// The hardware class in plain words ("graphics card"), not its id ("gpu-nvidia-blackwell").
QString classWords(const std::string &cls) {
    const QString c = QString::fromStdString(cls);
    if (c.startsWith(QLatin1String("cpu")))
        return UiText::tr("processor only");
    if (c.startsWith(QLatin1String("unified")))
        return UiText::tr("built-in graphics sharing the system memory");
    if (c.startsWith(QLatin1String("gpu")))
        return UiText::tr("graphics card");
    if (c.startsWith(QLatin1String("hybrid")))
        return UiText::tr("graphics card and system memory together");
    return UiText::tr("other");
}

// ---- page 1 ---------------------------------------------------------------

void frontPage(Flow &flow, const ComparisonDocument &document, UseCaseModel &useCases,
               const ReportMeta &meta) {
    const ComparisonState &state = document.state();
    const auto &results = document.results();
    const QLocale locale;
    flow.heading(meta.title, 1);
    flow.paragraph(
        small(UiText::tr("%1 · catalogue as of %2 · model %3 at %4 · runtime %5 · LLM Procurement "
                         "Advisor %6. All figures are estimates, not measurements.")
                  .arg(locale.toString(meta.date.date(), QLocale::LongFormat).toHtmlEscaped(),
                       meta.catalogAsOf.isEmpty() ? UiText::tr("unknown")
                                                  : meta.catalogAsOf.toHtmlEscaped(),
                       esc(state.model.model.name), esc(state.model.quant.name),
                       esc(state.assumptions.runtime), meta.programVersion.toHtmlEscaped())),
        true);
    const MeetingNotes &m = state.meeting;
    const auto field = [&](const QString &label, const std::string &text) {
        if (!text.empty())
            flow.paragraph(QStringLiteral("<b>%1</b> %2").arg(label, userText(text)));
    };
    field(UiText::tr("Purpose:"), m.purpose);
    field(UiText::tr("Decision / notes:"), m.decision);
    field(UiText::tr("Attendees:"), m.attendees);

    // The answer first: core's decision summary (the same facts and sentence as
    // `llmadvisor-cli estimate --format table`): which build meets every need at
    // what price, the badges, the cheapest fix, and the options when none does.
    {
        const DecisionSummary decision = decisionOf(document, true);
        flow.heading(UiText::tr("The answer"), 2);
        for (const QString &line :
             scenario::decisionText(decision, QLocale(),
                                    WhatIfWords::fixWording(state.builds, state.model))
                 .split(u'\n', Qt::SkipEmptyParts))
            flow.paragraph(line.trimmed().toHtmlEscaped());
    }

    // The verdict grid: builds as rows (full names wrap, never cut), the named
    // needs as columns; price and notes beside the name.
    flow.heading(UiText::tr("The builds against the needs"), 2);
    QStringList needs;
    for (const UseCase &u : state.useCases)
        needs << UiText::tr("<b>%1</b> (%2): %3 (%4-token prompt, %5-token answer)")
                     .arg(seedUseCaseTitle(u) ? scenario::needTitle(u).toHtmlEscaped() : esc(u.id),
                          esc(u.id), needName(u),
                          locale.toString(units::inTokens(u.promptTokens), 'f', 0),
                          locale.toString(units::inTokens(u.generatedTokens), 'f', 0));
    flow.paragraph(UiText::tr("The needs: %1.").arg(needs.join(QStringLiteral("; "))), true, true);

    Table grid;
    grid.widths = {34, 11, 9};
    grid.header = {
        {UiText::tr("Build and notes")}, {UiText::tr("Price (EUR)")}, {UiText::tr("Needs met")}};
    for (const UseCase &u : state.useCases) {
        grid.widths << std::max<qreal>(9, 46.0 / std::max<std::size_t>(1, state.useCases.size()));
        const QString s = shortNeed(u);
        grid.header << Cell{esc(u.id) +
                            (s.isEmpty() ? QString() : QStringLiteral("<br>") + small(s))};
    }
    bool verdictOverridden = false;
    for (std::size_t i = 0; i < state.builds.size(); ++i) {
        const Build &b = state.builds[i];
        const BuildResult &r = results[i];
        QString name = QStringLiteral("<b>%1</b>").arg(buildLabel(i, b));
        if (!b.notes.empty())
            name += QStringLiteral("<br>") +
                    small(UiText::tr("<i>Note:</i> %1").arg(userText(b.notes)));
        QList<Cell> row{{name}};
        // A quote exactly as typed, with who quoted; an estimate rounded as in
        // the window and the CLI (core's roundEstimateEur), with its basis.
        const bool quoted =
            b.quotedPriceEur && r.cost.priceEur && *b.quotedPriceEur == *r.cost.priceEur;
        QString priceText = UiText::tr("unknown");
        QString source = anyUserPart(b) ? UiText::tr("estimate, your catalogue figures")
                                        : UiText::tr("estimate from list prices");
        if (quoted) {
            // Whole euros like every other price in the column; a quote with
            // cents keeps its exact amount on the line below.
            const bool whole = std::fabs(*r.cost.priceEur - std::round(*r.cost.priceEur)) < 1e-9;
            priceText = num(*r.cost.priceEur, 0);
            source = b.quoteSource.empty() ? UiText::tr("quote")
                                           : UiText::tr("quote: %1").arg(userText(b.quoteSource));
            if (!whole)
                source += QStringLiteral(", ") +
                          UiText::tr("%1 EUR exactly").arg(num(*r.cost.priceEur, 2));
        } else if (r.cost.priceEur) {
            priceText = UiText::tr("≈ %1").arg(num(roundEstimateEur(*r.cost.priceEur), 0));
        }
        row << Cell{priceText + QStringLiteral("<br>") + small(source), kRight};
        int met = 0;
        QList<Cell> verdicts;
        // A build the model does not fit in has no verdicts, only that fact.
        if (r.computed && !r.estimate.fits) {
            row << Cell{UiText::tr("<b>does not fit</b>"), kCenter};
            for (std::size_t c = 0; c < state.useCases.size(); ++c)
                verdicts << Cell{c == 0 ? small(fmt::doesNotFit(r.estimate).toHtmlEscaped())
                                        : QStringLiteral("—"),
                                 kCenter};
            row << verdicts;
            grid.rows << row;
            continue;
        }
        for (int c = 0; c < static_cast<int>(state.useCases.size()); ++c) {
            const QModelIndex idx = useCases.index(static_cast<int>(i), c);
            const bool over = idx.data(OverriddenRole).toBool();
            verdictOverridden = verdictOverridden || over;
            if (!r.computed || static_cast<std::size_t>(c) >= r.estimate.useCases.size()) {
                verdicts << Cell{UiText::tr("– not computed"), kCenter};
                continue;
            }
            const UseCaseVerdict &v = r.estimate.useCases[static_cast<std::size_t>(c)];
            met += v.pass ? 1 : 0;
            verdicts << Cell{verdictCell(v) + (over ? QStringLiteral(" *") : QString()), kCenter};
        }
        row << Cell{r.computed ? UiText::tr("%1 of %2").arg(met).arg(state.useCases.size())
                               : UiText::tr("not computed"),
                    kCenter};
        row << verdicts;
        grid.rows << row;
    }
    grid.keepRows = 3;
    flow.table(grid);
    const Thresholds &t = state.assumptions.thresholds;
    flow.paragraph(
        UiText::tr("A need is met (✓ meets) when the prompt is processed within %1 and the "
                   "answer comes at least at %2 (about reading speed). ~ could miss: met at the "
                   "estimate, but not if the real speed is at the low end of the range below "
                   "(ask the supplier for a benchmark). "
                   "Prices are estimates from US list prices at %3 EUR per USD, excluding "
                   "VAT, not quotes.")
            .arg(duration(t.maxPrefill), tokensPerSecond(t.minGeneration),
                 num(state.assumptions.eurPerUsd, 2)),
        true);
    if (verdictOverridden)
        flow.paragraph(
            UiText::tr("* This verdict uses an assumption the user overrode (efficiency "
                       "factors or thresholds; listed in the appendix under Assumptions)."),
            true);

    // Uncertainty, said once: per group of builds that share an error band.
    // Each group is named by its builds and their kinds of hardware in plain words.
    struct Group {
        QList<int> builds;
        QStringList kinds;
    };
    std::map<std::pair<int, int>, Group> byBand;
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (!results[i].computed)
            continue;
        const std::string cls = results[i].estimate.hardwareClass.str();
        const Band band = state.assumptions.generationBandFor(cls);
        Group &g = byBand[{static_cast<int>(std::lround((1.0 - band.low) * 100.0)),
                           static_cast<int>(std::lround((band.high - 1.0) * 100.0))}];
        g.builds << static_cast<int>(i + 1);
        if (const QString k = classWords(cls); !g.kinds.contains(k))
            g.kinds << k;
    }
    QStringList said;
    for (const auto &[band, group] : byBand) {
        const QString range = UiText::tr("up to %1 % lower or %2 % higher than shown")
                                  .arg(band.first)
                                  .arg(band.second);
        said << (byBand.size() == 1
                     ? UiText::tr("Real speeds may be %1.").arg(range)
                     : (group.builds.size() == 1
                            ? UiText::tr("For build %1 (%2), real speeds may be %3.")
                            : UiText::tr("For builds %1 (%2), real speeds may be %3."))
                           .arg(joinNumbers(group.builds), joinWords(group.kinds), range));
    }
    if (!said.isEmpty())
        flow.paragraph(
            QStringLiteral("<b>%1</b> %2 %3")
                .arg(UiText::tr("How sure:"), said.join(QLatin1Char(' ')),
                     UiText::tr("Builds marked ~ could miss may miss the target: ask the "
                                "supplier for a benchmark.")));
}

// ---- page 2: why ----------------------------------------------------------

// A speed or a time as people say it: "21", "6.7", "4,006".
QString plainNumber(double v) {
    return num(v, std::abs(v) < 10 ? 1 : 0);
}

QString whereItRuns(const Estimate &e, const Build &b) {
    int cards = 0;
    for (const GpuGroup &g : b.gpus)
        cards += g.count;
    switch (e.placement) {
    case Placement::CpuOnly:
        return UiText::tr("the processor and its system memory");
    case Placement::SingleGpu:
        return UiText::tr("its graphics card");
    case Placement::MultiGpuLayerSplit:
    case Placement::MultiGpuTensorParallel:
        return UiText::tr("its %1 graphics cards").arg(cards);
    case Placement::HybridLayers:
    case Placement::HybridMoeExperts:
        return UiText::tr("its graphics card and system memory together");
    case Placement::Unified:
        return UiText::tr("its built-in graphics (sharing the system memory)");
    }
    return {};
}

QString whatLimits(Bottleneck b) {
    switch (b) {
    case Bottleneck::RamSide:
    case Bottleneck::CpuFabric:
        return UiText::tr("the speed of its system memory");
    case Bottleneck::GpuMemory:
        return UiText::tr("the speed of the graphics card's memory");
    case Bottleneck::Pcie:
        return UiText::tr("the link between the graphics card and the rest of the computer");
    case Bottleneck::Compute:
        return UiText::tr("its processing power");
    case Bottleneck::Capacity:
        return UiText::tr("its memory size");
    case Bottleneck::Overhead:
        return UiText::tr("a fixed overhead per word");
    }
    return {};
}

QString needLabel(const UseCase &u) {
    const QString s = shortNeed(u);
    return s.isEmpty() ? esc(u.id) : QStringLiteral("%1 (%2)").arg(esc(u.id), s);
}

// One need the build misses or only just meets, in words (core's explain() names
// "the RAM side (89.6 GB/s)"; the minutes say what it means for the need).
QString needSentence(const UseCaseVerdict &v, const Thresholds &t) {
    const QString need = needLabel(*v.useCase);
    switch (v.failed) {
    case FailedLimit::Capacity:
        return UiText::tr("%1 is not met: the model does not fit.").arg(need);
    case FailedLimit::PrefillTime:
        return UiText::tr(
                   "%1 is not met: reading its %2-token prompt takes about %3 s (%4 is the limit); "
                   "the target is %5 s.")
            .arg(need, num(units::inTokens(v.useCase->promptTokens), 0),
                 plainNumber(units::inSeconds(v.prefillTime)), whatLimits(v.bottleneck),
                 plainNumber(units::inSeconds(t.maxPrefill)));
    case FailedLimit::GenerationRate:
        return UiText::tr(
                   "%1 is not met: it writes about %2 tokens per second (%3 is the limit); at "
                   "least %4 are needed.")
            .arg(need, plainNumber(units::inTokensPerSecond(v.generationRate)),
                 whatLimits(v.bottleneck), plainNumber(units::inTokensPerSecond(t.minGeneration)));
    case FailedLimit::None:
        break;
    }
    return {};
}

void whyPages(Flow &flow, const ComparisonState &state, const std::vector<BuildResult> &results) {
    flow.pageBreak();
    flow.heading(UiText::tr("Why, build by build"), 2);
    flow.paragraph(
        UiText::tr("Speeds are in tokens per second: a token is about three quarters of a "
                   "word, and 10 per second is about reading speed."),
        true, true);
    const Thresholds &t = state.assumptions.thresholds;
    for (std::size_t i = 0; i < state.builds.size(); ++i) {
        const Build &b = state.builds[i];
        const BuildResult &r = results[i];
        QString text = QStringLiteral("<b>%1</b> — ").arg(buildLabel(i, b));
        if (!r.computed) {
            text += UiText::tr("Not estimated: the build is not valid.");
            flow.paragraph(text);
            continue;
        }
        const Estimate &e = r.estimate;
        if (!e.fits) {
            text +=
                UiText::tr("The model does not fit: it needs %1 GB of memory, the build has %2 GB.")
                    .arg(
                        num(units::inGigabytes(e.memory.total), 0),
                        num(units::inGigabytes(e.memory.ramAvailable + e.memory.vramAvailable), 0));
            flow.paragraph(text);
            continue;
        }
        text += UiText::tr("Runs on %1 and writes about %2 tokens per second, paced by %3.")
                    .arg(whereItRuns(e, b), plainNumber(units::inTokensPerSecond(e.generationRate)),
                         whatLimits(e.generationBottleneck));
        // Several needs missed for writing too slowly: one sentence (the speed is said above).
        const bool groupSlow =
            std::count_if(e.useCases.begin(), e.useCases.end(), [](const UseCaseVerdict &v) {
                return !v.pass && v.failed == FailedLimit::GenerationRate;
            }) > 1;
        QStringList met, onlyJust, tooSlow, problems;
        for (const UseCaseVerdict &v : e.useCases) {
            if (v.pass && !v.borderline)
                met << esc(v.useCase->id);
            else if (v.pass)
                onlyJust << esc(v.useCase->id);
            else if (groupSlow && v.failed == FailedLimit::GenerationRate)
                tooSlow << needLabel(*v.useCase);
            else if (const QString s = needSentence(v, t); !s.isEmpty())
                problems << s;
        }
        if (!tooSlow.isEmpty())
            problems.prepend(
                UiText::tr("%1 are not met: it writes too slowly for them; at least %2 "
                           "tokens per second are needed.")
                    .arg(joinWords(tooSlow),
                         plainNumber(units::inTokensPerSecond(t.minGeneration))));
        if (!met.isEmpty())
            text += QLatin1Char(' ') + (met.size() == static_cast<int>(e.useCases.size())
                                            ? UiText::tr("Meets every need.")
                                            : UiText::tr("Meets %1.").arg(joinWords(met)));
        if (!onlyJust.isEmpty())
            text +=
                QLatin1Char(' ') +
                (onlyJust.size() == 1
                     ? UiText::tr("Meets %1 only just: if real speeds are at the low end of the "
                                  "range, it would miss the target.")
                     : UiText::tr("Meets %1 only just: if real speeds are at the low end of the "
                                  "range, they would miss the target."))
                    .arg(joinWords(onlyJust));
        if (!problems.isEmpty())
            text += QLatin1Char(' ') + problems.join(QLatin1Char(' '));
        flow.paragraph(text);
    }
}

// ---- charts ---------------------------------------------------------------

// Charts are laid out in scene pixels, like on screen, and scaled onto the
// page at this many points per pixel: their text comes out at about 7 pt.
constexpr qreal kChartPointsPerPixel = 0.6;

// Lines a build's name takes on a chart's axis (chartBuildLabel wraps at 30
// characters; a build the model does not fit in gets a line saying so).
int axisLines(std::size_t i, const Build &b, const BuildResult &r, bool fitNote) {
    const int lines =
        static_cast<int>(wrapWords(buildTag(static_cast<int>(i)) + QStringLiteral(" · ") +
                                       QString::fromStdString(b.name),
                                   30)
                             .size());
    return std::max(1, lines) + (fitNote && r.computed && !r.estimate.fits ? 1 : 0);
}

// The plot's height in scene pixels: every build's full name on the axis gets
// the room its lines need (never cut, never overlapping the next).
qreal plotHeight(ChartsPanel::Chart which, const ComparisonState &state,
                 const std::vector<BuildResult> &results) {
    if (which == ChartsPanel::Size)
        return 360;
    const qreal perLine = 15;
    const qreal least = which == ChartsPanel::UseCases ? 36 : 30;
    qreal h = which == ChartsPanel::UseCases ? 60 : 80; // title and the value axis
    for (std::size_t i = 0; i < state.builds.size() && i < results.size(); ++i)
        h += std::max(least,
                      axisLines(i, state.builds[i], results[i], which != ChartsPanel::UseCases) *
                              perLine +
                          8);
    return std::max<qreal>(which == ChartsPanel::UseCases ? 200 : 300, h);
}

// A chart made once, laid out at its final size in a scene of its own, and
// kept (with the scene) until the page is painted.
struct PrintedChart {
    std::shared_ptr<QGraphicsScene> scene;
    QSizeF size;
};

PrintedChart settle(QChart *chart, const ChartStyle &style, qreal width, qreal height) {
    PrintedChart printed{std::make_shared<QGraphicsScene>(), {}};
    printed.scene->addItem(chart); // the scene owns the chart from here on
    style.finish(chart);
    const auto layOut = [chart](const QSizeF &size) {
        chart->resize(size);
        if (chart->layout())
            chart->layout()->activate();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    };
    layOut(QSizeF(width, height));
    // The legend below the plot adds its own height (9 build names take
    // several lines): the chart grows by it rather than the legend falling off.
    const ChartLegend *legend = ChartLegend::of(chart);
    const qreal legendHeight = legend ? legend->boundingRect().height() + 8 : 0;
    layOut(QSizeF(width, height + legendHeight));
    // A chart cannot be smaller than its minimum: the scene shows all of it.
    printed.size = chart->size();
    printed.scene->setSceneRect(QRectF(QPointF(0, 0), printed.size));
    return printed;
}

void chartPages(Flow &flow, ComparisonDocument &document, SummaryModel &summary,
                UseCaseModel &useCases, SizeCurveModel &sizes, bool blackAndWhite,
                const QList<std::pair<ChartsPanel::Chart, QString>> &charts, const QString &title) {
    flow.heading(title, 2);
    ChartStyle print{ChartMode::Print};
    print.monochrome = blackAndWhite;
    const qreal pixel = flow.points(kChartPointsPerPixel); // device pixels per scene pixel
    const qreal width = flow.width() / pixel;
    for (const auto &[which, caption] : charts) {
        if (!caption.isEmpty())
            flow.paragraph(caption, true, true);
        const PrintedChart printed =
            settle(ChartsPanel::create(which, &document, &summary, &useCases, &sizes, print), print,
                   width, plotHeight(which, document.state(), document.results()));
        const std::shared_ptr<QGraphicsScene> scene = printed.scene;
        flow.drawing(
            [scene](QPainter *painter, const QRectF &target) {
                scene->render(painter, target, scene->sceneRect(), Qt::KeepAspectRatio);
            },
            // A chart taller than a page (twelve builds with 200-character names)
            // is drawn smaller, whole on one page, rather than running off it.
            std::min(printed.size.height() * pixel, flow.pageHeight()),
            ChartsPanel::describe(which, &summary, &useCases, &sizes));
    }
}

// ---- appendix -------------------------------------------------------------

// The appendix's wide tables put the builds in columns, as a product
// comparison does, rather than on landscape pages. With builds as rows a table
// needs one column per fact (the figures had eleven), and every one of them
// shares the page's 18 cm: names, processors and graphics cards wrapped into
// 2 cm columns. A landscape page gives 27 cm, still about 2.5 cm per fact, and
// turns the minutes sideways in the middle of the reading. Builds as columns
// keep every page upright, put each build's full name at the head of its
// column and each fact on a row with its unit once, in the row's label; at
// most four builds share a table (nine builds: three tables of three), so a
// build's column is at least 4 cm wide whatever the number of builds, every
// part has the same column widths, and the row labels are repeated in each.
constexpr int kBuildsPerTable = 4;

// One fact per row: its label (with the unit) and its cell for build i.
struct Fact {
    QString label;
    std::function<Cell(std::size_t)> cell;
};

void buildColumns(Flow &flow, const ComparisonState &state, const QList<Fact> &facts) {
    const int n = static_cast<int>(state.builds.size());
    if (n == 0 || facts.isEmpty())
        return;
    const int parts = (n + kBuildsPerTable - 1) / kBuildsPerTable;
    const int perPart = (n + parts - 1) / parts;
    const qreal labelWidth = 26;
    const qreal buildWidth = (100 - labelWidth) / perPart;
    for (int first = 0; first < n; first += perPart) {
        const int last = std::min(n, first + perPart);
        Table t;
        t.widthTotal = 100;
        t.spaceBefore = first == 0 ? 3 : 9; // the parts apart, not one long grid
        t.firstColumnBold = true;
        t.keepRows = 3;
        t.widths << labelWidth;
        t.header << Cell{QString()};
        for (int i = first; i < last; ++i) {
            t.widths << buildWidth;
            t.header << Cell{
                buildLabel(static_cast<std::size_t>(i), state.builds[static_cast<std::size_t>(i)])};
        }
        for (const Fact &f : facts) {
            QList<Cell> row{Cell{f.label}};
            for (int i = first; i < last; ++i)
                row << f.cell(static_cast<std::size_t>(i));
            t.rows << row;
        }
        flow.table(t);
    }
}

// "System memory speed<br>(GB/s)": a unit with a slash on a line of its own,
// so a narrow column never breaks it after the slash ("(GB/" … "s)").
QString withUnit(const QString &label, const QString &unit) {
    return label + (unit.contains(u'/') ? QStringLiteral("<br>") : QStringLiteral(" ")) +
           QStringLiteral("(%1)").arg(unit);
}

// A row label with its engineering name behind it, in small upright type.
QString labelWithDetail(const QString &plain, const QString &engineering) {
    return plain + QStringLiteral("<br>") +
           QStringLiteral("<span class=small style=\"font-weight:normal\"><i>%1</i> %2</span>")
               .arg(UiText::tr("For engineers:"), engineering);
}

// A cell's plain words with the engineering term behind them.
QString cellWithDetail(const QString &plain, const QString &engineering) {
    return plain + QStringLiteral("<br>") +
           small(QStringLiteral("<i>%1</i> %2")
                     .arg(UiText::tr("For engineers:"), engineering.toHtmlEscaped()));
}

void specifications(Flow &flow, const ComparisonState &state,
                    const std::vector<BuildResult> &results) {
    flow.heading(UiText::tr("A. Specifications"), 2);
    flow.paragraph(
        UiText::tr("What each build is made of, what it costs and how much power it draws "
                   "when it works at full speed."),
        true, true);
    bool userData = false;
    const auto mark = [&userData](const std::string &name, DataOrigin origin) -> QString {
        if (origin == DataOrigin::Shipped)
            return esc(name);
        userData = true;
        return esc(name) + (origin == DataOrigin::Overridden ? UiText::tr(" † (overridden)")
                                                             : UiText::tr(" † (your own row)"));
    };
    const auto &builds = state.builds;
    QList<Fact> facts;
    facts << Fact{UiText::tr("Processor"), [&](std::size_t i) {
                      return Cell{mark(builds[i].cpu.name, builds[i].cpu.origin)};
                  }};
    facts << Fact{UiText::tr("Memory (GB)"), [&](std::size_t i) {
                      return Cell{num(units::inGigabytes(builds[i].memory.capacity), 0), kRight};
                  }};
    facts << Fact{withUnit(UiText::tr("Memory channels × speed"), QStringLiteral("MT/s")),
                  [&](std::size_t i) {
                      return Cell{
                          QStringLiteral("%1 × %2")
                              .arg(builds[i].memory.channels)
                              .arg(num(units::inMegatransfersPerSecond(builds[i].memory.speed), 0)),
                          kRight};
                  }};
    facts << Fact{
        UiText::tr("Graphics cards"), [&](std::size_t i) {
            const Build &b = builds[i];
            QStringList gpus;
            for (const GpuGroup &g : b.gpus)
                gpus << QStringLiteral("%1 × %2").arg(g.count).arg(mark(g.gpu.name, g.gpu.origin));
            if (b.integratedGpu)
                gpus << UiText::tr("built-in %1")
                            .arg(mark(b.integratedGpu->name, b.integratedGpu->origin));
            return Cell{gpus.isEmpty() ? UiText::tr("none") : gpus.join(QStringLiteral("<br>"))};
        }};
    facts << Fact{
        UiText::tr("Price (EUR)"), [&](std::size_t i) {
            const CostSummary &c = results[i].cost;
            const Build &b = builds[i];
            if (!c.priceEur)
                return Cell{UiText::tr("unknown"), kRight};
            const bool quoted = b.quotedPriceEur && *b.quotedPriceEur == *c.priceEur;
            return Cell{num(*c.priceEur, 0) + QStringLiteral("<br>") +
                            small(quoted ? UiText::tr("quote") : UiText::tr("sum of list prices")),
                        kRight};
        }};
    facts << Fact{UiText::tr("Power at full load (W)"), [&](std::size_t i) {
                      return Cell{num(units::inWatts(results[i].cost.powerAtLoad), 0), kRight};
                  }};
    buildColumns(flow, state, facts);
    flow.paragraph(
        UiText::tr("Price: the sum of the parts' list prices converted to EUR, unrounded (page 1 "
                   "shows it rounded), or the quote in whole euros."),
        true);
    QStringList modelMarks;
    if (state.model.model.origin != DataOrigin::Shipped)
        modelMarks
            << UiText::tr("model %1").arg(mark(state.model.model.name, state.model.model.origin));
    if (state.model.quant.origin != DataOrigin::Shipped)
        modelMarks << UiText::tr("quantization %1")
                          .arg(mark(state.model.quant.name, state.model.quant.origin));
    if (!modelMarks.isEmpty())
        flow.paragraph(modelMarks.join(QStringLiteral(" · ")), true);
    if (userData)
        flow.paragraph(
            UiText::tr("† Marked parts use figures from your own catalogue (rows you added, "
                       "or shipped rows you overrode, e.g. a supplier's quote) rather than "
                       "the program's shipped data."),
            true);
}

// Where the model runs, as a table cell says it: "graphics card", "2 graphics cards".
QString runsOn(const Estimate &e, const Build &b) {
    int cards = 0;
    for (const GpuGroup &g : b.gpus)
        cards += g.count;
    switch (e.placement) {
    case Placement::CpuOnly:
        return UiText::tr("processor and system memory");
    case Placement::SingleGpu:
        return UiText::tr("graphics card");
    case Placement::MultiGpuLayerSplit:
    case Placement::MultiGpuTensorParallel:
        return UiText::tr("%1 graphics cards").arg(cards);
    case Placement::HybridLayers:
    case Placement::HybridMoeExperts:
        return UiText::tr("graphics card and system memory together");
    case Placement::Unified:
        return UiText::tr("built-in graphics, sharing the system memory");
    }
    return {};
}

// What sets the writing speed, as a table cell says it.
QString limitedBy(Bottleneck b) {
    switch (b) {
    case Bottleneck::RamSide:
    case Bottleneck::CpuFabric:
        return UiText::tr("speed of the system memory");
    case Bottleneck::GpuMemory:
        return UiText::tr("speed of the graphics card's memory");
    case Bottleneck::Pcie:
        return UiText::tr("link between graphics card and computer");
    case Bottleneck::Compute:
        return UiText::tr("processing power");
    case Bottleneck::Capacity:
        return UiText::tr("memory size");
    case Bottleneck::Overhead:
        return UiText::tr("a fixed overhead per word");
    }
    return {};
}

void figures(Flow &flow, const ComparisonState &state, const std::vector<BuildResult> &results,
             SummaryModel &summary) {
    flow.heading(UiText::tr("B. Every estimated figure"), 2);
    flow.paragraph(
        UiText::tr("How fast each build reads a prompt and writes the answer (in tokens per "
                   "second: a token is about three quarters of a word), the estimate with the "
                   "range 8 in 10 published measurements of the same kind of hardware fell in "
                   "on a second line; how much memory the model needs; what running it costs. "
                   "The rows marked “For engineers” give the technical names behind the "
                   "plain words."),
        true, true);
    std::vector<double> sys, gpu, pp, tg, need, avail;
    bool anyMeasured = false;
    for (const BuildResult &r : results) {
        const Estimate &e = r.estimate;
        sys.push_back(units::inGigabytesPerSecond(e.bandwidth.system));
        gpu.push_back(units::inGigabytesPerSecond(e.bandwidth.gpu));
        pp.push_back(units::inTokensPerSecond(e.promptRateHigh));
        tg.push_back(units::inTokensPerSecond(e.generationRateHigh));
        need.push_back(units::inGigabytes(e.memory.total));
        avail.push_back(units::inGigabytes(e.memory.ramAvailable + e.memory.vramAvailable));
        anyMeasured = anyMeasured || e.measuredGeneration.has_value();
    }
    // One number format per row (the builds' figures of one kind sit side by side).
    const int dSys = decimalsFor(sys, 1, 1, 0), dGpu = decimalsFor(gpu, 1, 1, 0);
    const int dPp = decimalsFor(pp, 1, 1, 0), dTg = decimalsFor(tg, 1, 1, 0);
    const int dMem = decimalsFor(need, 1, 1, 0), dAvail = decimalsFor(avail, 1, 1, 0);
    bool anyOverridden = false;
    const auto over = [&](std::size_t row, int column) {
        const bool o = summary.index(static_cast<int>(row), column).data(OverriddenRole).toBool();
        anyOverridden = anyOverridden || o;
        return o ? QStringLiteral(" *") : QString();
    };
    const auto computed = [&results](std::size_t i) { return results[i].computed; };
    const Cell notComputed{UiText::tr("not computed"), kRight};
    const auto &builds = state.builds;

    QList<Fact> facts;
    facts << Fact{UiText::tr("Writing speed (tokens per second)"), [&](std::size_t i) {
                      const Estimate &e = results[i].estimate;
                      if (!computed(i))
                          return notComputed;
                      if (!e.fits)
                          return Cell{UiText::tr("does not fit"), kRight};
                      return Cell{withRange(units::inTokensPerSecond(e.generationRate),
                                            units::inTokensPerSecond(e.generationRateLow), tg[i],
                                            dTg) +
                                      over(i, SummaryModel::GenerationRate),
                                  kRight};
                  }};
    if (anyMeasured)
        facts << Fact{UiText::tr("Measured writing speed (tokens per second)"), [&](std::size_t i) {
                          const Estimate &e = results[i].estimate;
                          return Cell{computed(i) && e.measuredGeneration
                                          ? num(e.measuredGeneration->medianTokS, dTg)
                                          : QStringLiteral("–"),
                                      kRight};
                      }};
    facts << Fact{UiText::tr("Prompt reading (tokens per second)"), [&](std::size_t i) {
                      const Estimate &e = results[i].estimate;
                      if (!computed(i))
                          return notComputed;
                      return Cell{withRange(units::inTokensPerSecond(e.promptRate),
                                            units::inTokensPerSecond(e.promptRateLow), pp[i], dPp) +
                                      over(i, SummaryModel::PromptRate),
                                  kRight};
                  }};
    facts << Fact{UiText::tr("Memory the model needs (GB)"), [&](std::size_t i) {
                      return computed(i) ? Cell{num(need[i], dMem), kRight} : notComputed;
                  }};
    facts << Fact{UiText::tr("Memory the build has (GB)"), [&](std::size_t i) {
                      return computed(i) ? Cell{num(avail[i], dAvail), kRight} : notComputed;
                  }};
    facts << Fact{UiText::tr("Where the model runs"), [&](std::size_t i) {
                      if (!computed(i))
                          return Cell{UiText::tr("not computed")};
                      const Estimate &e = results[i].estimate;
                      return Cell{
                          cellWithDetail(runsOn(e, builds[i]), fmt::placement(e.placement))};
                  }};
    facts << Fact{UiText::tr("What sets the writing speed"), [&](std::size_t i) {
                      if (!computed(i))
                          return Cell{UiText::tr("not computed")};
                      const Estimate &e = results[i].estimate;
                      return Cell{cellWithDetail(limitedBy(e.generationBottleneck),
                                                 fmt::bottleneck(e.generationBottleneck))};
                  }};
    facts << Fact{UiText::tr("Price per token per second of writing speed (EUR)"),
                  [&](std::size_t i) {
                      const auto &v = results[i].cost.eurPerTokenPerSecond;
                      return Cell{computed(i) && v ? num(*v, 0) : UiText::tr("unknown"), kRight};
                  }};
    // Cents: a million tokens cost tens of cents to a few euros, and whole
    // euros would print most of them as 0 or 1.
    facts << Fact{
        UiText::tr("Electricity per million tokens written (euro cents)"), [&](std::size_t i) {
            return computed(i)
                       ? Cell{num(results[i].cost.electricityEurPerMillionTokens * 100, 0), kRight}
                       : notComputed;
        }};
    facts << Fact{
        labelWithDetail(withUnit(UiText::tr("System memory speed"), QStringLiteral("GB/s")),
                        UiText::tr("memory bandwidth on the processor's side")),
        [&](std::size_t i) {
            return computed(i) ? Cell{num(sys[i], dSys), kRight} : notComputed;
        }};
    facts << Fact{
        labelWithDetail(withUnit(UiText::tr("Graphics card memory speed"), QStringLiteral("GB/s")),
                        UiText::tr("GPU memory bandwidth")),
        [&](std::size_t i) {
            if (!computed(i))
                return notComputed;
            return Cell{gpu[i] > 0 ? num(gpu[i], dGpu) : QStringLiteral("–"), kRight};
        }};
    buildColumns(flow, state, facts);
    if (anyMeasured)
        flow.paragraph(
            UiText::tr("“Measured” is the median of published short benchmark runs of the "
                       "same device, model, quantization and runtime."),
            true);
    if (anyOverridden)
        flow.paragraph(
            UiText::tr("* This figure uses an assumption the user overrode (listed under "
                       "Assumptions)."),
            true);
}

// Per build, in the words of the window's What if tab (WhatIfWords): each
// change that can be bought and priced as a sentence, most helpful for the least
// money first; the changes not offered with their reason; then how far the build
// stretches while it still meets the needs it meets now. No identifiers, no
// margins: the engineering detail stays in the window's tooltips.
void whatIfAndHeadroom(Flow &flow, const ComparisonDocument &document) {
    const ComparisonState &state = document.state();
    const std::vector<BuildResult> &results = document.results();
    const Catalog &catalog = document.catalog();
    flow.heading(UiText::tr("C. What one change would do, and room to spare"), 2);
    flow.paragraph(
        UiText::tr("For each build: every single change that can be bought, fits the computer "
                   "and has a price, the most helpful for the least money first, with what it "
                   "does to the needs; then how far the build stretches while it still meets "
                   "the needs it meets now. Prices are estimates from list prices, excluding "
                   "VAT."),
        true, true);
    if (state.useCases.empty()) {
        flow.paragraph(UiText::tr("No needs are chosen, so there is nothing to pass or fail."));
        return;
    }
    const PlatformRules *rulesPtr = document.platformRulesOrNull();
    const Workload workload{state.useCases, state.reservedContext};
    std::vector<std::string> ids;
    for (const UseCase &u : state.useCases)
        ids.push_back(u.id);
    const auto bullets = [](const QStringList &lines) {
        QStringList escaped;
        for (const QString &line : lines)
            escaped << QStringLiteral("• ") + line.toHtmlEscaped();
        return escaped.join(QStringLiteral("<br>"));
    };
    for (std::size_t i = 0; i < state.builds.size(); ++i) {
        const Build &b = state.builds[i];
        flow.heading(plainLabel(i, b), 3);
        if (i >= results.size() || !results[i].computed) {
            flow.paragraph(UiText::tr("Not estimated: the build is not valid."));
            continue;
        }
        std::vector<WhatIf> changes =
            whatIfs(b, state.model, workload, state.assumptions, catalog, rulesPtr);
        if (rulesPtr)
            dropInheritedProblems(changes, checkBuild(b, catalog, *rulesPtr, state.assumptions));
        WhatIfModel model;
        model.setWhatIfs(std::move(changes), ids,
                         WhatIfContext{b, state.model, results[i].estimate,
                                       shownPrice(b, state.assumptions),
                                       state.assumptions.thresholds});
        QStringList sentences;
        for (int r = 0; r < model.rowCount(); ++r)
            sentences << model.data(model.index(r, WhatIfModel::Change)).toString();
        flow.paragraph(QStringLiteral("<b>%1</b><br>%2")
                           .arg(UiText::tr("What one change would do:"),
                                sentences.isEmpty()
                                    ? UiText::tr("No single change can be bought and priced.")
                                    : bullets(sentences)),
                       false, true);
        // One build's changes and its room to spare are read together: kept on one page.
        if (!model.notOffered().isEmpty())
            flow.paragraph(
                small(QStringLiteral("<i>%1</i> %2")
                          .arg(UiText::tr("Not offered:"),
                               model.notOffered().join(QStringLiteral("; ")).toHtmlEscaped() +
                                   QLatin1Char('.'))),
                true, true);

        const Headroom room = headroom(b, state.model, workload, state.assumptions, catalog);
        WhatIfWords::HeadroomInput words;
        words.build = &b;
        words.model = &state.model;
        words.needs = &state.useCases;
        words.headroom = &room;
        words.assumptions = &state.assumptions;
        words.catalog = &catalog;
        words.fits = results[i].estimate.fits;
        flow.paragraph(
            QStringLiteral("<b>%1</b><br>%2")
                .arg(UiText::tr("Room to spare:"), bullets(WhatIfWords::headroomLines(words))));
    }
}

void assumptionsAndError(Flow &flow, const ComparisonState &state,
                         const std::vector<BuildResult> &results) {
    const Assumptions &a = state.assumptions;
    const Thresholds &t = a.thresholds;
    flow.heading(UiText::tr("D. Assumptions and efficiency factors"), 2);
    flow.paragraph(
        UiText::tr(
            "A need is met when its prompt is read within %1 and the answer comes at least at "
            "%2. A job is interactive when its prompt is read within %3, fine as a background "
            "job when all of it is done within %4, and fine off-line within %5. Electricity costs "
            "%6 per kWh; US prices are converted at %7 EUR per USD.")
            .arg(duration(t.maxPrefill), tokensPerSecond(t.minGeneration),
                 duration(t.interactivePrefill), duration(t.backgroundTotal),
                 duration(t.offlineTotal), UiText::tr("%1 EUR").arg(num(a.electricityEurPerKwh, 2)),
                 num(a.eurPerUsd, 2)),
        false, true);
    flow.paragraph(
        UiText::tr("No computer reaches the full memory speed and processing power its parts "
                   "are rated for. The estimates assume each kind of hardware reaches the "
                   "share below, fitted on published benchmark results."),
        false, true); // with the table it introduces
    // One row per kind of hardware (builds of one kind share their factors).
    struct Kind {
        std::string cls;
        const Estimate *estimate = nullptr;
        bool overridden = false;
        QList<int> builds;
    };
    std::vector<Kind> kinds;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const Estimate &e = results[i].estimate;
        if (!results[i].computed)
            continue;
        const bool over =
            scenario::isOverridden(a, scenario::efficiencyOverrideKey(e.hardwareClass));
        auto same = std::find_if(kinds.begin(), kinds.end(), [&](const Kind &k) {
            return k.cls == e.hardwareClass &&
                   k.estimate->factors.bandwidth == e.factors.bandwidth &&
                   k.estimate->factors.compute == e.factors.compute && k.overridden == over;
        });
        if (same == kinds.end())
            same = kinds.insert(kinds.end(), Kind{e.hardwareClass.str(), &e, over, {}});
        same->builds << static_cast<int>(i + 1);
    }
    std::sort(kinds.begin(), kinds.end(),
              [](const Kind &x, const Kind &y) { return x.builds.front() < y.builds.front(); });
    Table f;
    f.widths = {28, 14, 18, 18, 22};
    f.header = {{UiText::tr("Kind of hardware")},
                {UiText::tr("Builds")},
                {labelWithDetail(UiText::tr("Memory speed reached (%)"),
                                 UiText::tr("bandwidth efficiency"))},
                {labelWithDetail(UiText::tr("Processing power reached (%)"),
                                 UiText::tr("compute efficiency"))},
                {UiText::tr("Basis")}};
    for (const Kind &k : kinds) {
        const EfficiencyFactors &ef = k.estimate->factors;
        f.rows << QList<Cell>{
            {cellWithDetail(classWords(k.cls),
                            UiText::tr("class %1").arg(QString::fromStdString(k.cls)))},
            {joinNumbers(k.builds)},
            {num(ef.bandwidth * 100, 0), kRight},
            {num(ef.compute * 100, 0), kRight},
            {k.overridden
                 ? QStringLiteral("<b>%1</b>").arg(UiText::tr("changed by the user"))
                 : (ef.measurements > 0
                        ? UiText::tr("fitted on %1 published measurements").arg(ef.measurements)
                        : UiText::tr("a default guess: no measurements yet"))}};
    }
    flow.table(f);
    // GPUs counted below their rated tensor speed (boardPowerShare, docs/estimator.md item 11).
    QStringList powerLimited;
    for (std::size_t i = 0; i < results.size() && i < state.builds.size(); ++i) {
        const Build &build = state.builds[i];
        if (!results[i].computed || !boardPowerShareOf(build, results[i].estimate.placement))
            continue;
        std::vector<const Gpu *> used;
        if (results[i].estimate.placement == Placement::Unified)
            used.push_back(&*build.integratedGpu);
        else
            for (const GpuGroup &g : build.gpus)
                if (g.count > 0)
                    used.push_back(&g.gpu);
        for (const Gpu *gpu : used) {
            const double share = boardPowerShare(*gpu);
            const QString item =
                UiText::tr("%1 at %2&nbsp;%").arg(esc(gpu->name), num(share * 100, 0));
            if (share < 1.0 && !powerLimited.contains(item))
                powerLimited << item;
        }
    }
    if (!powerLimited.isEmpty())
        flow.paragraph(
            UiText::tr("Some graphics cards are rated for more processing power than their power "
                       "limit lets them keep up through a long prompt. Their prompt speed counts "
                       "that share of the rating: %1.")
                .arg(powerLimited.join(QStringLiteral(", "))));
    if (!a.overridden.empty()) {
        QStringList names;
        for (const std::string &n : a.overridden)
            names << esc(n);
        flow.paragraph(
            QStringLiteral("<b>%1</b> %2<br>%3")
                .arg(UiText::tr("Changed by the user:"),
                     UiText::tr("%n assumption(s) differ from the program's calibrated values.",
                                nullptr, static_cast<int>(a.overridden.size())),
                     small(QStringLiteral("<i>%1</i> %2")
                               .arg(UiText::tr("For engineers:"),
                                    names.join(QStringLiteral(", "))))));
    }

    flow.heading(UiText::tr("E. Measured error of the estimates"), 2);
    flow.paragraph(
        UiText::tr("How far real writing speeds were from the estimate when the estimator was "
                   "checked against published benchmark results it had not been fitted on: 8 "
                   "in 10 results fell in the band below."),
        true, true);
    Table err;
    err.widths = {28, 14, 28, 30};
    err.header = {{UiText::tr("Kind of hardware")},
                  {UiText::tr("Builds")},
                  {UiText::tr("Real writing speed compared with the estimate")},
                  {UiText::tr("Basis")}};
    // One row per hardware class, in the order of its first build (as table D).
    std::vector<std::pair<std::string, QList<int>>> classes;
    for (const Kind &k : kinds) {
        auto same = std::find_if(classes.begin(), classes.end(),
                                 [&k](const auto &c) { return c.first == k.cls; });
        if (same == classes.end())
            same = classes.insert(classes.end(), {k.cls, {}});
        same->second << k.builds;
    }
    for (auto &[cls, builds] : classes) {
        std::sort(builds.begin(), builds.end());
        const Band band = a.generationBandFor(cls);
        const bool fitted =
            a.efficiencyByClass.count(cls) > 0 && a.efficiencyByClass.at(cls).measurements > 0;
        err.rows << QList<Cell>{
            {cellWithDetail(classWords(cls),
                            UiText::tr("class %1").arg(QString::fromStdString(cls)))},
            {joinNumbers(builds)},
            {UiText::tr("%1 % lower to %2 % higher")
                 .arg(num((1.0 - band.low) * 100.0, 0), num((band.high - 1.0) * 100.0, 0))},
            {fitted ? UiText::tr("checked against published results")
                    : UiText::tr("a default band: no measurements for this kind of hardware yet")}};
    }
    flow.table(err);
}

void glossarySection(Flow &flow) {
    flow.heading(UiText::tr("F. Glossary"), 2);
    const std::pair<const char *, Term> terms[] = {
        {QT_TRANSLATE_NOOP("llm::ui", "Memory bandwidth"), Term::Bandwidth},
        {QT_TRANSLATE_NOOP("llm::ui", "Memory channels"), Term::Channels},
        {QT_TRANSLATE_NOOP("llm::ui", "MT/s"), Term::MTs},
        {QT_TRANSLATE_NOOP("llm::ui", "CCD"), Term::Ccd},
        {QT_TRANSLATE_NOOP("llm::ui", "FCLK"), Term::Fclk},
        {QT_TRANSLATE_NOOP("llm::ui", "GPU"), Term::Gpu},
        {QT_TRANSLATE_NOOP("llm::ui", "Several GPUs"), Term::MultiGpu},
        {QT_TRANSLATE_NOOP("llm::ui", "Prompt reading (prefill)"), Term::Prefill},
        {QT_TRANSLATE_NOOP("llm::ui", "Tokens per second"), Term::TokensPerSecond},
        {QT_TRANSLATE_NOOP("llm::ui", "Quantization"), Term::Quantization},
        {QT_TRANSLATE_NOOP("llm::ui", "KV cache"), Term::KvCache},
        {QT_TRANSLATE_NOOP("llm::ui", "Use case (need)"), Term::UseCase},
        {QT_TRANSLATE_NOOP("llm::ui", "Thresholds"), Term::Thresholds},
        {QT_TRANSLATE_NOOP("llm::ui", "Efficiency factors"), Term::Efficiency},
        {QT_TRANSLATE_NOOP("llm::ui", "Electricity tariff"), Term::Tariff},
        {QT_TRANSLATE_NOOP("llm::ui", "Runtime"), Term::Runtime},
    };
    Table g;
    g.widths = {22, 78};
    g.firstColumnBold = true;
    g.header = {{UiText::tr("Term")}, {UiText::tr("Meaning")}};
    for (const auto &[name, which] : terms) {
        // The window's texts start with their term ("MT/s (megatransfers per
        // second): how fast …"); the table says the term once, in its own column.
        QString term = UiText::tr(name);
        QString meaning = glossary(which);
        const int colon = meaning.indexOf(QStringLiteral(": "));
        if (colon > 0 && colon < 40 && !meaning.left(colon).contains(u'.')) {
            const QString lead = meaning.left(colon);
            if (lead.contains(u'(') && !term.contains(u'('))
                term = lead;
            meaning = meaning.mid(colon + 2);
            // "bytes per second …" starts a sentence; "llama.cpp or …" keeps its spelling.
            const QString first = meaning.section(u' ', 0, 0);
            if (std::all_of(first.begin(), first.end(), [](QChar c) { return c.isLower(); }))
                meaning[0] = meaning[0].toUpper();
        }
        g.rows << QList<Cell>{{term.toHtmlEscaped()}, {meaning.toHtmlEscaped()}};
    }
    flow.table(g);
}

} // namespace

QString appendixHeading() {
    return UiText::tr("Appendix: the details behind the figures");
}

ReportMeta reportMeta(const ComparisonState &state, const std::string &catalogAsOf,
                      const QDateTime &date) {
    ReportMeta meta;
    meta.title = state.meeting.title.empty()
                     ? UiText::tr("LLM hardware comparison: %1 at %2")
                           .arg(QString::fromStdString(state.model.model.name),
                                QString::fromStdString(state.model.quant.name))
                     : QString::fromStdString(state.meeting.title);
    meta.date = date;
    meta.catalogAsOf = QString::fromStdString(catalogAsOf);
    meta.programVersion = QStringLiteral(LLMADVISOR_VERSION);
    return meta;
}

void composeReport(Flow &flow, ComparisonDocument &document, SummaryModel &summary,
                   UseCaseModel &useCases, SizeCurveModel &sizes, const ReportMeta &meta,
                   bool blackAndWhite) {
    const ComparisonState &state = document.state();
    const auto &results = document.results();
    frontPage(flow, document, useCases, meta);
    whyPages(flow, state, results);
    // The two charts of what people feel before the appendix (one page); the
    // needs chart repeats page 1's grid, and the model-size and bandwidth charts
    // are for the engineer: all three are in the appendix.
    chartPages(flow, document, summary, useCases, sizes, blackAndWhite,
               {{ChartsPanel::AnswerStart, QString()}, {ChartsPanel::WritingSpeed, QString()}},
               UiText::tr("Charts"));
    flow.pageBreak();
    flow.heading(appendixHeading(), 1);
    specifications(flow, state, results);
    figures(flow, state, results, summary);
    chartPages(
        flow, document, summary, useCases, sizes, blackAndWhite,
        {{ChartsPanel::UseCases,
          UiText::tr(
              "Each need for each build: met (circle), could miss (triangle) or not met (square); "
              "under each mark, how the job could run (interactive, as a background job, or "
              "off-line).")},
         {ChartsPanel::Size,
          UiText::tr(
              "How fast each build would write with a larger or smaller model of the same kind "
              "(each line carries its build's letter where it last meets the target): the larger "
              "the model a build still writes fast enough for, the more room it leaves.")},
         {ChartsPanel::Bandwidth,
          UiText::tr(
              "How fast each build can read its memory, which sets how fast it writes. "
              "<i>For engineers:</i> memory bandwidth of the system memory (RAM side: channels × "
              "MT/s × 8 bytes), of the processor's links to it (CPU fabric side) and of the "
              "graphics card's memory.")}},
        UiText::tr("More charts: needs met, model sizes, memory speed"));
    whatIfAndHeadroom(flow, document);
    assumptionsAndError(flow, state, results);
    glossarySection(flow);
}

} // namespace llm::ui
