// SPDX-License-Identifier: MIT
#include "chartspanel.h"

#include "bandwidthchart.h"
#include "chartlegend.h"
#include "comparison/format.h"
#include "results/roles.h"
#include "results/sizecurvemodel.h"
#include "results/summarymodel.h"
#include "results/usecasemodel.h"
#include "sizechart.h"
#include "speedchart.h"
#include "usecasechart.h"

#include <QAbstractAxis>
#include <QChartView>
#include <QGridLayout>
#include <QLegend>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace llm::ui {

ChartsPanel::ChartsPanel(ComparisonDocument *document, SummaryModel *summary,
                         UseCaseModel *useCases, SizeCurveModel *sizes, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_summary(summary)
    , m_useCases(useCases)
    , m_sizes(sizes) {
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("chartsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(scroll);
    m_grid = new QWidget(scroll);
    auto *grid = new QGridLayout(m_grid);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    static const char *names[] = {"answerStartChartView", "writingSpeedChartView",
                                  "useCaseChartView", "sizeChartView", "bandwidthChartView"};
    const QStringList titles = {tr("Seconds until the answer starts"), tr("Writing speed chart"),
                                tr("Needs met chart"), tr("Model size chart"),
                                tr("Bandwidth chart")};
    for (int i = 0; i < ChartCount; ++i) {
        auto *view = new QChartView(i < GridCount ? m_grid : this);
        view->setObjectName(QString::fromLatin1(names[i]));
        view->setRenderHint(QPainter::Antialiasing);
        view->setFocusPolicy(Qt::NoFocus); // not interactive: Tab goes to the next input
        view->setAccessibleName(titles[i]);
        view->setMinimumSize(280, 200);
        m_views[static_cast<std::size_t>(i)] = view;
        if (i < GridCount)
            grid->addWidget(view, i / 2, i % 2);
        else
            view->hide(); // the window puts it on the Engineering detail tab
    }
    scroll->setWidget(m_grid);
    m_style.compact = true;
    rebuildCharts();
    updateHeights();
    connect(summary, &QAbstractItemModel::dataChanged, this, &ChartsPanel::updateDescriptions);
    connect(summary, &QAbstractItemModel::modelReset, this, &ChartsPanel::updateDescriptions);
    connect(summary, &QAbstractItemModel::modelReset, this, &ChartsPanel::updateHeights);
    connect(useCases, &QAbstractItemModel::dataChanged, this, &ChartsPanel::updateHeights);
    connect(useCases, &QAbstractItemModel::modelReset, this, &ChartsPanel::updateHeights);
}

void ChartsPanel::updateHeights() {
    // Every build's name on every axis, wrapped on two lines: the charts get the height
    // that needs (the tab scrolls) rather than dropping every other label.
    const int rows = std::max(1, m_summary->rowCount());
    // A build the model does not fit in has a third line ("does not fit").
    int thirdLines = 0;
    for (int r = 0; r < m_useCases->rowCount(); ++r)
        thirdLines +=
            m_useCases->headerData(r, Qt::Vertical, FitNoteRole).toString().isEmpty() ? 0 : 1;
    const int chartHeight = std::max(230, 140 + 34 * rows + 16 * thirdLines);
    for (int i = 0; i < GridCount; ++i)
        m_views[static_cast<std::size_t>(i)]->setMinimumHeight(chartHeight);
    m_views[Bandwidth]->setMinimumHeight(chartHeight); // its tab scrolls too
}

QChart *ChartsPanel::chart(Chart c) const {
    return m_views[static_cast<std::size_t>(c)]->chart();
}

QChart *ChartsPanel::create(Chart chart, ComparisonDocument *document, SummaryModel *summary,
                            UseCaseModel *useCases, SizeCurveModel *sizes,
                            const ChartStyle &style) {
    switch (chart) {
    case Bandwidth:
        return createBandwidthChart(summary, style);
    case AnswerStart:
        return createAnswerStartChart(useCases, document, style);
    case WritingSpeed:
        return createWritingSpeedChart(useCases, document, style);
    case UseCases:
        return new UseCaseChart(useCases, style);
    case Size:
        return createSizeChart(sizes, document, style);
    case ChartCount:
        break;
    }
    return nullptr;
}

void ChartsPanel::setMode(ChartMode mode) {
    if (mode == m_style.mode)
        return;
    m_style.mode = mode;
    rebuildCharts();
}

void ChartsPanel::rebuildCharts() {
    for (int i = 0; i < ChartCount; ++i) {
        QChartView *view = m_views[static_cast<std::size_t>(i)];
        QChart *old = view->chart();
        view->setChart(
            create(static_cast<Chart>(i), m_document, m_summary, m_useCases, m_sizes, m_style));
        view->setBackgroundBrush(view->chart()->backgroundBrush());
        // Small charts: smaller axis labels, or Qt Charts elides them to "...".
        for (QAbstractAxis *axis : view->chart()->axes()) {
            QFont f = axis->labelsFont();
            f.setPointSizeF(7);
            axis->setLabelsFont(f);
            QFont t = axis->titleFont();
            t.setPointSizeF(7.5);
            axis->setTitleFont(t);
        }
        QFont title = view->chart()->titleFont();
        title.setPointSizeF(9.5);
        view->chart()->setTitleFont(title);
        QFont legend = view->chart()->legend()->font();
        legend.setPointSizeF(7.5);
        view->chart()->legend()->setFont(legend);
        if (ChartLegend *own = ChartLegend::of(view->chart()))
            own->setFont(legend);
        delete old; // setChart does not delete the previous chart
    }
    updateDescriptions();
}

QString ChartsPanel::describe(Chart chart, SummaryModel *summary, UseCaseModel *useCases,
                              SizeCurveModel *sizes) {
    QStringList parts;
    const int rows = summary->rowCount();
    auto cell = [](QAbstractItemModel *m, int r, int c) {
        return m->index(r, c).data(FormattedRole).toString();
    };
    switch (chart) {
    case Bandwidth:
        parts << tr("Bar chart of memory bandwidth per build.");
        for (int r = 0; r < rows; ++r)
            parts << tr("%1 %2: RAM side %3, CPU fabric side %4, GPU %5.")
                         .arg(buildTag(r), cell(summary, r, SummaryModel::Name),
                              cell(summary, r, SummaryModel::RamBandwidth),
                              cell(summary, r, SummaryModel::CpuBandwidth),
                              cell(summary, r, SummaryModel::GpuBandwidth));
        break;
    case AnswerStart:
    case WritingSpeed: {
        const bool start = chart == AnswerStart;
        parts << (start ? tr("Bar chart of the seconds until the answer starts, per build and "
                             "need.")
                        : tr("Bar chart of the writing speed in tokens per second, per build "
                             "and need."));
        for (int r = 0; r < useCases->rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < useCases->columnCount(); ++c) {
                const double v = useCases->index(r, c)
                                     .data(start ? PrefillSecondsRole : GenerationRateRole)
                                     .toDouble();
                cells << useCases->headerData(c, Qt::Horizontal).toString() + QStringLiteral(" ") +
                             (start ? tr("%1 s") : tr("%1 tok/s")).arg(fmt::number(v));
            }
            parts << useCases->headerData(r, Qt::Vertical).toString() + QStringLiteral(": ") +
                         cells.join(QStringLiteral(", ")) + QStringLiteral(".");
        }
        break;
    }
    case UseCases:
        parts << tr("Matrix of use-case verdicts.");
        for (int r = 0; r < useCases->rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < useCases->columnCount(); ++c)
                cells << useCases->headerData(c, Qt::Horizontal).toString() + QStringLiteral(" ") +
                             cell(useCases, r, c);
            parts << useCases->headerData(r, Qt::Vertical).toString() + QStringLiteral(": ") +
                         cells.join(QStringLiteral(", ")) + QStringLiteral(".");
        }
        break;
    case Size:
        parts << tr("Line chart of writing speed against model size.");
        for (int b = 0; b + 1 < sizes->columnCount(); ++b)
            parts << tr("%1 %2: at least 10 tok/s up to %3 GB.")
                         .arg(buildTag(b),
                              sizes->headerData(b + 1, Qt::Horizontal, BuildNameRole).toString())
                         .arg(sizes->largestInteractiveSize(b, 10.0));
        break;
    case ChartCount:
        break;
    }
    return parts.join(QLatin1Char(' '));
}

void ChartsPanel::updateDescriptions() {
    for (int i = 0; i < ChartCount; ++i)
        m_views[static_cast<std::size_t>(i)]->setAccessibleDescription(
            describe(static_cast<Chart>(i), m_summary, m_useCases, m_sizes));
}

} // namespace llm::ui
