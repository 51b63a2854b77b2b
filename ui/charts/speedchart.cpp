// SPDX-License-Identifier: MIT
#include "speedchart.h"

#include "comparison/comparisondocument.h"
#include "results/summarymodel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QVBarModelMapper>
#include <QValueAxis>

namespace llm::ui {

// Two series share each category slot: prompt uses columns [Prompt, Spacer],
// generation [Spacer, Generation]; the always-zero spacer keeps the bars apart.
static QHorizontalBarSeries *mappedSeries(QChart *chart, SummaryModel *model, int first, int last,
                                          int styleIndex, const ChartStyle &style) {
    auto *series = new QHorizontalBarSeries;
    auto *mapper = new QVBarModelMapper(chart);
    mapper->setFirstBarSetColumn(first);
    mapper->setLastBarSetColumn(last);
    mapper->setSeries(series);
    mapper->setModel(model);
    chart->addSeries(series);
    const int realColumn = first == SummaryModel::Spacer ? 1 : 0;
    auto restyle = [chart, series, style, styleIndex, realColumn] {
        const auto sets = series->barSets();
        for (int i = 0; i < sets.size(); ++i) {
            sets[i]->setBrush(style.seriesBrush(styleIndex));
            sets[i]->setPen(QPen(Qt::darkGray, 0.5));
            if (i != realColumn) {
                for (QLegendMarker *m : chart->legend()->markers(series)) {
                    if (m->label().isEmpty())
                        m->setVisible(false);
                }
            }
        }
    };
    restyle();
    QObject::connect(series, &QAbstractBarSeries::barsetsAdded, chart, restyle);
    return series;
}

QChart *createSpeedChart(SummaryModel *model, ComparisonDocument *document,
                         const ChartStyle &style) {
    auto *chart = new QChart;
    style.applyTo(chart);
    chart->setTitle(QObject::tr("Speed per build: prompt and generation (tok/s)"));

    auto *prompt =
        mappedSeries(chart, model, SummaryModel::PromptRate, SummaryModel::Spacer, 4, style);
    prompt->setObjectName(QStringLiteral("promptSeries"));
    auto *generation =
        mappedSeries(chart, model, SummaryModel::Spacer, SummaryModel::GenerationRate, 0, style);
    generation->setObjectName(QStringLiteral("generationSeries"));

    auto *categories = new QBarCategoryAxis;
    chart->addAxis(categories, Qt::AlignLeft);
    prompt->attachAxis(categories);
    generation->attachAxis(categories);
    bindCategoryLabels(categories, model, SummaryModel::Name, style.compact);

    auto *genAxis = new QValueAxis;
    genAxis->setObjectName(QStringLiteral("generationAxis"));
    genAxis->setTitleText(QObject::tr("Generation (tok/s)"));
    genAxis->setLabelFormat(QStringLiteral("%.0f"));
    genAxis->setLinePen(style.seriesPen(0));
    chart->addAxis(genAxis, Qt::AlignBottom);
    generation->attachAxis(genAxis);
    bindValueRange(genAxis, model, {SummaryModel::GenerationRate}, 20.0);

    auto *promptAxis = new QValueAxis;
    promptAxis->setTitleText(QObject::tr("Prompt (tok/s)"));
    promptAxis->setLabelFormat(QStringLiteral("%.0f"));
    promptAxis->setLinePen(style.seriesPen(4));
    promptAxis->setGridLineVisible(false);
    chart->addAxis(promptAxis, Qt::AlignTop);
    prompt->attachAxis(promptAxis);
    bindValueRange(promptAxis, model, {SummaryModel::PromptRate}, 100.0);
    // Two value axes leave little height at 1280×720: Qt would elide the tick
    // numbers to "…"; they are short and spaced apart, so draw them whole.
    genAxis->setTruncateLabels(false);
    promptAxis->setTruncateLabels(false);

    // The generation threshold (10 tok/s by default), across all categories.
    auto *threshold = new QLineSeries;
    threshold->setObjectName(QStringLiteral("thresholdLine"));
    threshold->setPen(style.thresholdPen());
    chart->addSeries(threshold);
    threshold->attachAxis(genAxis);
    threshold->attachAxis(categories);
    auto updateThreshold = [threshold, document, model] {
        const double t =
            units::inTokensPerSecond(document->state().assumptions.thresholds.minGeneration);
        const double n = model->rowCount();
        // Horizontal bars: x is the value axis, y the category index.
        threshold->replace(QList<QPointF>{{t, -0.5}, {t, n - 0.5}});
        threshold->setName(QObject::tr("limit %1 tok/s").arg(QLocale().toString(t, 'f', 0)));
    };
    updateThreshold();
    QObject::connect(model, &QAbstractItemModel::modelReset, threshold, updateThreshold);
    QObject::connect(model, &QAbstractItemModel::dataChanged, threshold, updateThreshold);
    return chart;
}

} // namespace llm::ui
