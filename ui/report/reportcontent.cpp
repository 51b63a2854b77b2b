// SPDX-License-Identifier: MIT
#include "reportcontent.h"

#include "decision.h"
#include "decisiontext.h"

#include "advisor/whatifmodels.h"
#include "advisor/whatifwords.h"
#include "catalogue.h"
#include "charts/chartspanel.h"
#include "charts/chartstyle.h"
#include "comparison/comparisondocument.h"
#include "comparison/format.h"
#include "mainwindow/glossary.h"
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
#include <map>

namespace llm::ui {

using html::esc;
using html::tr;
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
        return tr("%1 h").arg(textNumber(s / 3600));
    if (s >= 120)
        return tr("%1 min").arg(textNumber(s / 60));
    return tr("%1 s").arg(textNumber(s));
}

QString tokensPerSecond(units::TokenRate r) {
    return tr("%1 tokens per second").arg(textNumber(units::inTokensPerSecond(r)));
}

// "43.9" with its range on a second line "(17–59)": the range never wraps mid-value.
QString withRange(double v, double low, double high, int decimals) {
    return num(v, decimals) + QStringLiteral("<br>") +
           small(QStringLiteral("(%1–%2)").arg(num(low, decimals), num(high, decimals)));
}

QString plainLabel(std::size_t i, const Build &b) {
    return QStringLiteral("%1 · %2").arg(buildTag(static_cast<int>(i)), QString::fromStdString(b.name));
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
    return tr("%1 and %2").arg(parts.join(QStringLiteral(", ")), last);
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
        return tr("~ could miss");
    return v.pass ? QStringLiteral("<b>%1</b>").arg(tr("✓ meets"))
                  : QStringLiteral("<b>%1</b>").arg(tr("✗ too slow"));
}

// Paints a chart as vectors: it lives in a scene of its own, laid out at a
// screen-like size and scaled into the target rectangle.
void paintChart(QPainter *painter, QChart *chart, const QRectF &target, const QSizeF &logical) {
    QGraphicsScene scene;
    scene.addItem(chart); // the scene owns the chart from here on
    chart->resize(logical);
    if (chart->layout())
        chart->layout()->activate();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    scene.setSceneRect(QRectF(QPointF(0, 0), logical));
    scene.render(painter, target, scene.sceneRect(), Qt::KeepAspectRatio);
}

// The hardware class in plain words ("graphics card"), not its id ("gpu-nvidia-blackwell").
QString classWords(const std::string &cls) {
    const QString c = QString::fromStdString(cls);
    if (c.startsWith(QLatin1String("cpu")))
        return tr("CPU only");
    if (c.startsWith(QLatin1String("unified")))
        return tr("integrated GPU on shared memory");
    if (c.startsWith(QLatin1String("gpu")))
        return tr("graphics card");
    return tr("other");
}

// ---- page 1 ---------------------------------------------------------------

void frontPage(Flow &flow, const ComparisonDocument &document, UseCaseModel &useCases,
               const ReportMeta &meta) {
    const ComparisonState &state = document.state();
    const auto &results = document.results();
    const QLocale locale;
    flow.heading(meta.title, 1);
    flow.paragraph(
        small(
            tr("%1 · catalogue as of %2 · model %3 at %4 · runtime %5 · LLM Procurement "
               "Advisor %6. All figures are estimates, not measurements.")
                .arg(locale.toString(meta.date.date(), QLocale::LongFormat).toHtmlEscaped(),
                     meta.catalogAsOf.isEmpty() ? tr("unknown") : meta.catalogAsOf.toHtmlEscaped(),
                     esc(state.model.model.name), esc(state.model.quant.name),
                     esc(state.assumptions.runtime), meta.programVersion.toHtmlEscaped())),
        true);
    const MeetingNotes &m = state.meeting;
    const auto field = [&](const QString &label, const std::string &text) {
        if (!text.empty())
            flow.paragraph(QStringLiteral("<b>%1</b> %2").arg(label, userText(text)));
    };
    field(tr("Purpose:"), m.purpose);
    field(tr("Decision / notes:"), m.decision);
    field(tr("Attendees:"), m.attendees);

    // The answer first: core's decision summary (the same facts and sentence as
    // `llmadvisor-cli estimate --format table`): which build meets every need at
    // what price, the badges, the cheapest fix, and the options when none does.
    {
        const PlatformRules rules = db::loadShippedPlatformRules();
        const DecisionSummary decision =
            decisionOf(document, rules.rules.empty() ? nullptr : &rules, true);
        flow.heading(tr("The answer"), 2);
        for (const QString &line :
             scenario::decisionText(decision, QLocale(),
                                    WhatIfWords::fixWording(state.builds, state.model))
                 .split(u'\n', Qt::SkipEmptyParts))
            flow.paragraph(line.trimmed().toHtmlEscaped());
    }

    // The verdict grid: builds as rows (full names wrap, never cut), the named
    // needs as columns; price and notes beside the name.
    flow.heading(tr("The builds against the needs"), 2);
    QStringList needs;
    for (const UseCase &u : state.useCases)
        needs << tr("<b>%1</b> (%2): %3 (%4-token prompt, %5-token answer)")
                     .arg(seedUseCaseTitle(u) ? scenario::needTitle(u).toHtmlEscaped() : esc(u.id),
                          esc(u.id), needName(u),
                          locale.toString(units::inTokens(u.promptTokens), 'f', 0),
                          locale.toString(units::inTokens(u.generatedTokens), 'f', 0));
    flow.paragraph(tr("The needs: %1.").arg(needs.join(QStringLiteral("; "))), true, true);

    Table grid;
    grid.widths = {34, 11, 9};
    grid.header = {{tr("Build and notes")}, {tr("Price (EUR)")}, {tr("Needs met")}};
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
            name += QStringLiteral("<br>") + small(tr("<i>Note:</i> %1").arg(userText(b.notes)));
        QList<Cell> row{{name}};
        // A quote exactly as typed, with who quoted; an estimate rounded as in
        // the window and the CLI (core's roundEstimateEur), with its basis.
        const bool quoted =
            b.quotedPriceEur && r.cost.priceEur && *b.quotedPriceEur == *r.cost.priceEur;
        QString priceText = tr("unknown");
        QString source = anyUserPart(b) ? tr("estimate, your catalogue figures")
                                        : tr("estimate from list prices");
        if (quoted) {
            const bool whole = std::fabs(*r.cost.priceEur - std::round(*r.cost.priceEur)) < 1e-9;
            priceText = num(*r.cost.priceEur, whole ? 0 : 2);
            source =
                b.quoteSource.empty() ? tr("quote") : tr("quote: %1").arg(userText(b.quoteSource));
        } else if (r.cost.priceEur) {
            priceText = tr("≈ %1").arg(num(roundEstimateEur(*r.cost.priceEur), 0));
        }
        row << Cell{priceText + QStringLiteral("<br>") + small(source), kRight};
        int met = 0;
        QList<Cell> verdicts;
        // A build the model does not fit in has no verdicts, only that fact.
        if (r.computed && !r.estimate.fits) {
            row << Cell{tr("<b>does not fit</b>"), kCenter};
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
                verdicts << Cell{tr("– not computed"), kCenter};
                continue;
            }
            const UseCaseVerdict &v = r.estimate.useCases[static_cast<std::size_t>(c)];
            met += v.pass ? 1 : 0;
            verdicts << Cell{verdictCell(v) + (over ? QStringLiteral(" *") : QString()), kCenter};
        }
        row << Cell{r.computed ? tr("%1 of %2").arg(met).arg(state.useCases.size())
                               : tr("not computed"),
                    kCenter};
        row << verdicts;
        grid.rows << row;
    }
    grid.keepRows = 3;
    flow.table(grid);
    const Thresholds &t = state.assumptions.thresholds;
    flow.paragraph(tr("A need is met (✓ meets) when the prompt is processed within %1 and the "
                      "answer comes at least at %2 (about reading speed). ~ could miss: met at the "
                      "estimate, but not if the real speed is at the low end of the range below "
                      "(ask the supplier for a benchmark). "
                      "Prices are estimates from US list prices at %3 EUR per USD, excluding "
                      "VAT, not quotes.")
                       .arg(duration(t.maxPrefill), tokensPerSecond(t.minGeneration),
                            num(state.assumptions.eurPerUsd, 2)),
                   true);
    if (verdictOverridden)
        flow.paragraph(tr("* This verdict uses an assumption the user overrode (efficiency "
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
        const std::string &cls = results[i].estimate.hardwareClass;
        const Band band = state.assumptions.generationBandFor(cls);
        Group &g = byBand[{static_cast<int>(std::lround((1.0 - band.low) * 100.0)),
                           static_cast<int>(std::lround((band.high - 1.0) * 100.0))}];
        g.builds << static_cast<int>(i + 1);
        if (const QString k = classWords(cls); !g.kinds.contains(k))
            g.kinds << k;
    }
    QStringList said;
    for (const auto &[band, group] : byBand) {
        const QString range =
            tr("up to %1 % lower or %2 % higher than shown").arg(band.first).arg(band.second);
        said << (byBand.size() == 1
                     ? tr("Real speeds may be %1.").arg(range)
                     : (group.builds.size() == 1 ? tr("For build %1 (%2), real speeds may be %3.")
                                                 : tr("For builds %1 (%2), real speeds may be %3."))
                           .arg(joinNumbers(group.builds), joinWords(group.kinds), range));
    }
    if (!said.isEmpty())
        flow.paragraph(QStringLiteral("<b>%1</b> %2 %3")
                           .arg(tr("How sure:"), said.join(QLatin1Char(' ')),
                                tr("Builds marked ~ could miss may miss the target: ask the "
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
        return tr("the processor and its system memory");
    case Placement::SingleGpu:
        return tr("its graphics card");
    case Placement::MultiGpuLayerSplit:
    case Placement::MultiGpuTensorParallel:
        return tr("its %1 graphics cards").arg(cards);
    case Placement::HybridLayers:
    case Placement::HybridMoeExperts:
        return tr("its graphics card and system memory together");
    case Placement::Unified:
        return tr("its built-in graphics (sharing the system memory)");
    }
    return {};
}

QString whatLimits(Bottleneck b) {
    switch (b) {
    case Bottleneck::RamSide:
    case Bottleneck::CpuFabric:
        return tr("the speed of its system memory");
    case Bottleneck::GpuMemory:
        return tr("the speed of the graphics card's memory");
    case Bottleneck::Pcie:
        return tr("the link between the graphics card and the rest of the computer");
    case Bottleneck::Compute:
        return tr("its processing power");
    case Bottleneck::Capacity:
        return tr("its memory size");
    case Bottleneck::Overhead:
        return tr("a fixed overhead per word");
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
    const QString need = needLabel(v.useCase);
    switch (v.failed) {
    case FailedLimit::Capacity:
        return tr("%1 is not met: the model does not fit.").arg(need);
    case FailedLimit::PrefillTime:
        return tr("%1 is not met: reading its %2-token prompt takes about %3 s (%4 is the limit); "
                  "the target is %5 s.")
            .arg(need, num(units::inTokens(v.useCase.promptTokens), 0),
                 plainNumber(units::inSeconds(v.prefillTime)), whatLimits(v.bottleneck),
                 plainNumber(units::inSeconds(t.maxPrefill)));
    case FailedLimit::GenerationRate:
        return tr("%1 is not met: it writes about %2 tokens per second (%3 is the limit); at "
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
    flow.heading(tr("Why, build by build"), 2);
    flow.paragraph(tr("Speeds are in tokens per second: a token is about three quarters of a "
                      "word, and 10 per second is about reading speed."),
                   true, true);
    const Thresholds &t = state.assumptions.thresholds;
    for (std::size_t i = 0; i < state.builds.size(); ++i) {
        const Build &b = state.builds[i];
        const BuildResult &r = results[i];
        QString text = QStringLiteral("<b>%1</b> — ").arg(buildLabel(i, b));
        if (!r.computed) {
            text += tr("Not estimated: the build is not valid.");
            flow.paragraph(text);
            continue;
        }
        const Estimate &e = r.estimate;
        if (!e.fits) {
            text += tr("The model does not fit: it needs %1 GB of memory, the build has %2 GB.")
                        .arg(num(units::inGigabytes(e.memory.total), 0),
                             num(units::inGigabytes(e.memory.ramAvailable + e.memory.vramAvailable),
                                 0));
            flow.paragraph(text);
            continue;
        }
        text += tr("Runs on %1 and writes about %2 tokens per second, paced by %3.")
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
                met << esc(v.useCase.id);
            else if (v.pass)
                onlyJust << esc(v.useCase.id);
            else if (groupSlow && v.failed == FailedLimit::GenerationRate)
                tooSlow << needLabel(v.useCase);
            else if (const QString s = needSentence(v, t); !s.isEmpty())
                problems << s;
        }
        if (!tooSlow.isEmpty())
            problems.prepend(tr("%1 are not met: it writes too slowly for them; at least %2 "
                                "tokens per second are needed.")
                                 .arg(joinWords(tooSlow),
                                      plainNumber(units::inTokensPerSecond(t.minGeneration))));
        if (!met.isEmpty())
            text += QLatin1Char(' ') + (met.size() == static_cast<int>(e.useCases.size())
                                            ? tr("Meets every need.")
                                            : tr("Meets %1.").arg(joinWords(met)));
        if (!onlyJust.isEmpty())
            text += QLatin1Char(' ') +
                    (onlyJust.size() == 1
                         ? tr("Meets %1 only just: if real speeds are at the low end of the "
                              "range, it would miss the target.")
                         : tr("Meets %1 only just: if real speeds are at the low end of the "
                              "range, they would miss the target."))
                        .arg(joinWords(onlyJust));
        if (!problems.isEmpty())
            text += QLatin1Char(' ') + problems.join(QLatin1Char(' '));
        flow.paragraph(text);
    }
}

// ---- charts ---------------------------------------------------------------

void chartPages(Flow &flow, ComparisonDocument &document, SummaryModel &summary,
                UseCaseModel &useCases, SizeCurveModel &sizes, qreal height,
                const QList<ChartsPanel::Chart> &charts, const QString &title) {
    flow.heading(title, 2);
    const QSizeF logical(760, 430);
    for (ChartsPanel::Chart which : charts) {
        ComparisonDocument *doc = &document;
        SummaryModel *s = &summary;
        UseCaseModel *u = &useCases;
        SizeCurveModel *z = &sizes;
        flow.drawing(
            [=](QPainter *painter, const QRectF &target) {
                const ChartStyle print{ChartMode::Print};
                paintChart(painter, ChartsPanel::create(which, doc, s, u, z, print), target,
                           logical);
            },
            height, ChartsPanel::describe(which, s, u, z));
    }
}

// ---- appendix -------------------------------------------------------------

void specifications(Flow &flow, const ComparisonState &state,
                    const std::vector<BuildResult> &results) {
    flow.heading(tr("A. Specifications"), 2);
    Table t;
    // Units in the headers only: memory as two number columns, not "4 channels × 5,600 MT/s, 128
    // GB".
    t.widths = {24, 19, 9, 12, 18, 9, 9};
    t.header = {{tr("Build")},
                {tr("CPU")},
                {tr("Memory (GB)")},
                {tr("Channels × speed<br>(MT/s)")},
                {tr("GPUs")},
                {tr("Price (EUR)")},
                {tr("Power at load (W)")}};
    bool userData = false;
    const auto mark = [&](const std::string &name, DataOrigin origin) -> QString {
        if (origin == DataOrigin::Shipped)
            return esc(name);
        userData = true;
        return esc(name) +
               (origin == DataOrigin::Overridden ? tr(" † (overridden)") : tr(" † (your own row)"));
    };
    for (std::size_t i = 0; i < state.builds.size(); ++i) {
        const Build &b = state.builds[i];
        QStringList gpus;
        for (const GpuGroup &g : b.gpus)
            gpus << QStringLiteral("%1 × %2").arg(g.count).arg(mark(g.gpu.name, g.gpu.origin));
        if (b.integratedGpu)
            gpus << tr("integrated %1").arg(mark(b.integratedGpu->name, b.integratedGpu->origin));
        const CostSummary &c = results[i].cost;
        t.rows << QList<Cell>{{buildLabel(i, b)},
                              {mark(b.cpu.name, b.cpu.origin)},
                              {num(units::inGigabytes(b.memory.capacity), 0), kRight},
                              {QStringLiteral("%1 × %2")
                                   .arg(b.memory.channels)
                                   .arg(num(units::inMegatransfersPerSecond(b.memory.speed), 0)),
                               kRight},
                              {gpus.isEmpty() ? tr("none") : gpus.join(QStringLiteral("<br>"))},
                              {c.priceEur ? num(*c.priceEur, 0) : tr("unknown"), kRight},
                              {num(units::inWatts(c.powerAtLoad), 0), kRight}};
    }
    flow.table(t);
    flow.paragraph(tr("Price: the sum of the parts' list prices converted to EUR (page 1 shows it "
                      "rounded), or the quote as typed."),
                   true);
    QStringList modelMarks;
    if (state.model.model.origin != DataOrigin::Shipped)
        modelMarks << tr("model %1").arg(mark(state.model.model.name, state.model.model.origin));
    if (state.model.quant.origin != DataOrigin::Shipped)
        modelMarks
            << tr("quantization %1").arg(mark(state.model.quant.name, state.model.quant.origin));
    if (!modelMarks.isEmpty())
        flow.paragraph(modelMarks.join(QStringLiteral(" · ")), true);
    if (userData)
        flow.paragraph(tr("† Marked parts use figures from your own catalogue (rows you added, "
                          "or shipped rows you overrode, e.g. a supplier's quote) rather than "
                          "the program's shipped data."),
                       true);
}

void figures(Flow &flow, const ComparisonState &state, const std::vector<BuildResult> &results,
             SummaryModel &summary) {
    flow.heading(tr("B. Every estimated figure"), 2);
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
    const int dSys = decimalsFor(sys, 1, 1, 0), dGpu = decimalsFor(gpu, 1, 1, 0);
    const int dPp = decimalsFor(pp, 1, 1, 0), dTg = decimalsFor(tg, 1, 1, 0);
    const int dMem = decimalsFor(need, 1, 1, 0), dAvail = decimalsFor(avail, 1, 1, 0);
    bool anyOverridden = false;
    const auto over = [&](int row, int column) {
        const bool o = summary.index(row, column).data(OverriddenRole).toBool();
        anyOverridden = anyOverridden || o;
        return o ? QStringLiteral(" *") : QString();
    };

    Table speeds;
    speeds.widths = {27, 12, 12, 14, 14};
    speeds.header = {{tr("Build")},
                     {tr("System memory bandwidth (GB/s)")},
                     {tr("GPU memory bandwidth (GB/s)")},
                     {tr("Prompt reading (tok/s)")},
                     {tr("Writing speed (tok/s)")}};
    if (anyMeasured) {
        speeds.widths << 12;
        speeds.header << Cell{tr("Measured writing speed (tok/s)")};
    }
    speeds.widths << 14;
    speeds.header << Cell{tr("Runs on")};
    Table memory;
    memory.widths = {27, 12, 12, 17, 14, 14};
    memory.header = {{tr("Build")},
                     {tr("Memory needed (GB)")},
                     {tr("Memory available (GB)")},
                     {tr("Limited by")},
                     {tr("Price per tok/s of writing (EUR)")},
                     {tr("Electricity per 1M tokens written (EUR)")}};
    for (std::size_t i = 0; i < results.size(); ++i) {
        const Build &b = state.builds[i];
        const BuildResult &r = results[i];
        const Estimate &e = r.estimate;
        const int row = static_cast<int>(i);
        if (!r.computed) {
            speeds.rows << QList<Cell>{{buildLabel(i, b)}, {tr("not computed")}};
            memory.rows << QList<Cell>{{buildLabel(i, b)}, {tr("not computed")}};
            continue;
        }
        QList<Cell> s{
            {buildLabel(i, b)},
            {num(sys[i], dSys), kRight},
            {gpu[i] > 0 ? num(gpu[i], dGpu) : QStringLiteral("–"), kRight},
            {withRange(units::inTokensPerSecond(e.promptRate),
                       units::inTokensPerSecond(e.promptRateLow), pp[i], dPp) +
                 over(row, SummaryModel::PromptRate),
             kRight},
            {e.fits ? QString(withRange(units::inTokensPerSecond(e.generationRate),
                                        units::inTokensPerSecond(e.generationRateLow), tg[i], dTg) +
                              over(row, SummaryModel::GenerationRate))
                    : tr("does not fit"),
             kRight}};
        if (anyMeasured)
            s << Cell{e.measuredGeneration ? num(e.measuredGeneration->medianTokS, dTg)
                                           : QStringLiteral("–"),
                      kRight};
        s << Cell{fmt::placement(e.placement)};
        speeds.rows << s;
        memory.rows << QList<Cell>{
            {buildLabel(i, b)},
            {num(need[i], dMem), kRight},
            {num(avail[i], dAvail), kRight},
            {fmt::bottleneck(e.generationBottleneck)},
            {r.cost.eurPerTokenPerSecond ? num(*r.cost.eurPerTokenPerSecond, 0) : tr("unknown"),
             kRight},
            {num(r.cost.electricityEurPerMillionTokens, 2), kRight}};
    }
    flow.table(speeds);
    flow.paragraph(tr("Speeds: the estimate, with the range 8 in 10 published measurements of the "
                      "same hardware class fell in on a second line.") +
                       (anyMeasured ? tr(" “Measured” is the median of published short "
                                         "benchmark runs of the same device, model, "
                                         "quantization and runtime.")
                                    : QString()),
                   true);
    flow.table(memory);
    if (anyOverridden)
        flow.paragraph(tr("* This figure uses an assumption the user overrode (listed under "
                          "Assumptions)."),
                       true);
}

// Per build, in the words of the window's What if tab (WhatIfWords): each
// change that can be bought and priced as a sentence, most helpful for the least
// money first; the changes not offered with their reason; then how far the build
// stretches while it still meets the needs it meets now. No identifiers, no
// margins: the engineering detail stays in the window's tooltips.
void whatIfAndHeadroom(Flow &flow, const ComparisonState &state,
                       const std::vector<BuildResult> &results, const Catalog &catalog) {
    flow.heading(tr("C. What one change would do, and room to spare"), 2);
    flow.paragraph(tr("For each build: every single change that can be bought, fits the computer "
                      "and has a price, the most helpful for the least money first, with what it "
                      "does to the needs; then how far the build stretches while it still meets "
                      "the needs it meets now. Prices are estimates from list prices, excluding "
                      "VAT."),
                   true, true);
    if (state.useCases.empty()) {
        flow.paragraph(tr("No needs are chosen, so there is nothing to pass or fail."));
        return;
    }
    QString error;
    const PlatformRules rules = db::loadShippedPlatformRules(&error);
    const PlatformRules *rulesPtr = error.isEmpty() ? &rules : nullptr;
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
            flow.paragraph(tr("Not estimated: the build is not valid."));
            continue;
        }
        std::vector<WhatIf> changes =
            whatIfs(b, state.model, workload, state.assumptions, catalog, rulesPtr);
        if (rulesPtr)
            dropInheritedProblems(changes, checkBuild(b, catalog, rules, state.assumptions));
        WhatIfModel model;
        model.setWhatIfs(std::move(changes), ids,
                         WhatIfContext{b, state.model, results[i].estimate,
                                       shownPrice(b, state.assumptions),
                                       state.assumptions.thresholds});
        QStringList sentences;
        for (int r = 0; r < model.rowCount(); ++r)
            sentences << model.data(model.index(r, WhatIfModel::Change)).toString();
        flow.paragraph(QStringLiteral("<b>%1</b><br>%2")
                           .arg(tr("What one change would do:"),
                                sentences.isEmpty()
                                    ? tr("No single change can be bought and priced.")
                                    : bullets(sentences)),
                       false, true);
        // One build's changes and its room to spare are read together: kept on one page.
        if (!model.notOffered().isEmpty())
            flow.paragraph(
                small(QStringLiteral("<i>%1</i> %2")
                          .arg(tr("Not offered:"),
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
        flow.paragraph(QStringLiteral("<b>%1</b><br>%2")
                           .arg(tr("Room to spare:"), bullets(WhatIfWords::headroomLines(words))));
    }
}

void assumptionsAndError(Flow &flow, const ComparisonState &state,
                         const std::vector<BuildResult> &results) {
    const Assumptions &a = state.assumptions;
    const Thresholds &t = a.thresholds;
    flow.heading(tr("D. Assumptions and efficiency factors"), 2);
    flow.paragraph(
        tr("A need is met when its prompt is read within %1 and the answer comes at least at "
           "%2. Interactive: prompt within %3. Background: total within %4. Off-line: total "
           "within %5. Electricity %6 per kWh; USD prices converted at %7 EUR per USD.")
            .arg(duration(t.maxPrefill), tokensPerSecond(t.minGeneration),
                 duration(t.interactivePrefill), duration(t.backgroundTotal),
                 duration(t.offlineTotal), tr("%1 EUR").arg(num(a.electricityEurPerKwh, 2)),
                 num(a.eurPerUsd, 2)),
        false, true); // with the factors' table it introduces
    Table f;
    f.widths = {30, 20, 14, 14, 22};
    f.header = {{tr("Build")},
                {tr("Hardware class")},
                {tr("Bandwidth efficiency")},
                {tr("Compute efficiency")},
                {tr("Basis")}};
    std::map<std::string, QList<int>> classes;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const Estimate &e = results[i].estimate;
        if (!results[i].computed)
            continue;
        classes[e.hardwareClass] << static_cast<int>(i + 1);
        const bool over =
            std::find(a.overridden.begin(), a.overridden.end(),
                      "assumptions.efficiency." + e.hardwareClass) != a.overridden.end();
        f.rows << QList<Cell>{
            {buildLabel(i, state.builds[i])},
            {esc(e.hardwareClass) + QStringLiteral("<br>") + small(classWords(e.hardwareClass))},
            {num(e.factors.bandwidth, 2), kRight},
            {num(e.factors.compute, 2), kRight},
            {over ? QStringLiteral("<b>%1</b>").arg(tr("overridden by the user"))
                  : (e.factors.measurements > 0
                         ? tr("fitted on %1 measurements").arg(e.factors.measurements)
                         : tr("default guess"))}};
    }
    flow.table(f);
    if (!a.overridden.empty()) {
        QStringList names;
        for (const std::string &n : a.overridden)
            names << esc(n);
        flow.paragraph(QStringLiteral("<b>%1</b> %2")
                           .arg(tr("Overridden assumptions:"), names.join(QStringLiteral(", "))));
    }

    flow.heading(tr("E. Measured error of the estimates"), 2);
    Table err;
    err.widths = {24, 20, 28, 28};
    err.header = {{tr("Hardware class")},
                  {tr("Builds")},
                  {tr("Real writing speed compared with the estimate")},
                  {tr("Basis")}};
    for (const auto &[cls, builds] : classes) {
        const Band band = a.generationBandFor(cls);
        const bool fitted =
            a.efficiencyByClass.count(cls) > 0 && a.efficiencyByClass.at(cls).measurements > 0;
        err.rows << QList<Cell>{
            {esc(cls) + QStringLiteral("<br>") + small(classWords(cls))},
            {joinNumbers(builds)},
            {tr("%1 % lower to %2 % higher")
                 .arg(num((1.0 - band.low) * 100.0, 0), num((band.high - 1.0) * 100.0, 0))},
            {fitted ? tr("cross-validated against published results")
                    : tr("default band: no measurements for this class yet")}};
    }
    flow.table(err);
    flow.paragraph(tr("The band holds 8 in 10 of the estimator's cross-validated errors against "
                      "published benchmark results for each hardware class."),
                   true);
}

void glossarySection(Flow &flow) {
    flow.heading(tr("F. Glossary"), 2);
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
    g.header = {{tr("Term")}, {tr("Meaning")}};
    for (const auto &[name, term] : terms)
        g.rows << QList<Cell>{{tr(name)}, {glossary(term).toHtmlEscaped()}};
    flow.table(g);
}

} // namespace

QString appendixHeading() {
    return tr("Appendix: the details behind the figures");
}

ReportMeta reportMeta(const ComparisonState &state, const std::string &catalogAsOf,
                      const QDateTime &date) {
    ReportMeta meta;
    meta.title = state.meeting.title.empty()
                     ? tr("LLM hardware comparison: %1 at %2")
                           .arg(QString::fromStdString(state.model.model.name),
                                QString::fromStdString(state.model.quant.name))
                     : QString::fromStdString(state.meeting.title);
    meta.date = date;
    meta.catalogAsOf = QString::fromStdString(catalogAsOf);
    meta.programVersion = QStringLiteral(LLMADVISOR_VERSION);
    return meta;
}

void composeReport(Flow &flow, ComparisonDocument &document, SummaryModel &summary,
                   UseCaseModel &useCases, SizeCurveModel &sizes, const ReportMeta &meta) {
    const ComparisonState &state = document.state();
    const auto &results = document.results();
    frontPage(flow, document, useCases, meta);
    whyPages(flow, state, results);
    // The two charts of what people feel before the appendix (one page); the
    // needs chart repeats page 1's grid, and the model-size and bandwidth charts
    // are for the engineer: all three are in the appendix.
    const qreal chartHeight = flow.points(255);
    chartPages(flow, document, summary, useCases, sizes, chartHeight,
               {ChartsPanel::AnswerStart, ChartsPanel::WritingSpeed}, tr("Charts"));
    flow.pageBreak();
    flow.heading(appendixHeading(), 1);
    specifications(flow, state, results);
    figures(flow, state, results, summary);
    chartPages(flow, document, summary, useCases, sizes, chartHeight,
               {ChartsPanel::UseCases, ChartsPanel::Size, ChartsPanel::Bandwidth},
               tr("More charts: needs met, model sizes, memory bandwidth"));
    whatIfAndHeadroom(flow, state, results, document.catalog());
    assumptionsAndError(flow, state, results);
    glossarySection(flow);
}

} // namespace llm::ui
