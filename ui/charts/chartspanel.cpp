// SPDX-License-Identifier: MIT
#include "chartspanel.h"

#include "bandwidthchart.h"
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

namespace llm::ui {

ChartsPanel::ChartsPanel(ComparisonDocument *document, SummaryModel *summary,
                         UseCaseModel *useCases, SizeCurveModel *sizes, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_summary(summary)
    , m_useCases(useCases)
    , m_sizes(sizes) {
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    static const char *names[] = {"bandwidthChartView", "speedChartView", "useCaseChartView",
                                  "sizeChartView"};
    const QStringList titles = {tr("Bandwidth chart"), tr("Speed chart"), tr("Use-case chart"),
                                tr("Model size chart")};
    for (int i = 0; i < ChartCount; ++i) {
        auto *view = new QChartView(this);
        view->setObjectName(QString::fromLatin1(names[i]));
        view->setRenderHint(QPainter::Antialiasing);
        view->setFocusPolicy(Qt::NoFocus); // not interactive: Tab goes to the next input
        view->setAccessibleName(titles[i]);
        view->setMinimumSize(280, 200);
        m_views[static_cast<std::size_t>(i)] = view;
        grid->addWidget(view, i / 2, i % 2);
    }
    m_style.compact = true;
    rebuildCharts();
    connect(summary, &QAbstractItemModel::dataChanged, this, &ChartsPanel::updateDescriptions);
    connect(summary, &QAbstractItemModel::modelReset, this, &ChartsPanel::updateDescriptions);
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
    case Speed:
        return createSpeedChart(summary, document, style);
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
            parts << tr("%1: RAM side %2, CPU fabric side %3, GPU %4.")
                         .arg(cell(summary, r, SummaryModel::Name),
                              cell(summary, r, SummaryModel::RamBandwidth),
                              cell(summary, r, SummaryModel::CpuBandwidth),
                              cell(summary, r, SummaryModel::GpuBandwidth));
        break;
    case Speed:
        parts << tr("Bar chart of prompt and generation speed per build.");
        for (int r = 0; r < rows; ++r)
            parts << tr("%1: prompt %2, generation %3.")
                         .arg(cell(summary, r, SummaryModel::Name),
                              cell(summary, r, SummaryModel::PromptRate),
                              cell(summary, r, SummaryModel::GenerationRate));
        break;
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
        parts << tr("Line chart of generation speed against model size.");
        for (int b = 0; b + 1 < sizes->columnCount(); ++b)
            parts << tr("%1: at least 10 tok/s up to %2 GB.")
                         .arg(sizes->headerData(b + 1, Qt::Horizontal)
                                  .toString()
                                  .section(QLatin1Char('\n'), 0, 0))
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
