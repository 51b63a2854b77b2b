// SPDX-License-Identifier: MIT
#include "bandwidthchart.h"

#include "results/summarymodel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QVBarModelMapper>
#include <QValueAxis>

namespace llm::ui {

QChart *createBandwidthChart(SummaryModel *model, const ChartStyle &style) {
    auto *chart = new QChart;
    style.applyTo(chart);
    chart->setTitle(QObject::tr("Memory bandwidth per build (GB/s)"));

    auto *series = new QHorizontalBarSeries;
    series->setObjectName(QStringLiteral("bandwidthSeries"));
    auto *mapper = new QVBarModelMapper(chart);
    mapper->setFirstBarSetColumn(SummaryModel::RamBandwidth);
    mapper->setLastBarSetColumn(SummaryModel::GpuBandwidth);
    mapper->setSeries(series);
    mapper->setModel(model);
    chart->addSeries(series);

    // Bar sets are (re)created by the mapper on every model reset: restyle them then.
    auto restyle = [series, style] {
        const auto sets = series->barSets();
        for (int i = 0; i < sets.size(); ++i) {
            sets[i]->setBrush(style.seriesBrush(i));
            sets[i]->setPen(QPen(style.mode == ChartMode::Dark ? Qt::black : Qt::darkGray, 0.5));
            sets[i]->setLabelColor(style.textColor());
        }
    };
    restyle();
    QObject::connect(series, &QAbstractBarSeries::barsetsAdded, chart, restyle);

    auto *categories = new QBarCategoryAxis;
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    bindCategoryLabels(categories, model, SummaryModel::Name, style.compact);

    auto *values = new QValueAxis;
    values->setTitleText(QStringLiteral("GB/s"));
    values->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    bindValueRange(
        values, model,
        {SummaryModel::RamBandwidth, SummaryModel::CpuBandwidth, SummaryModel::GpuBandwidth}, 50.0);
    return chart;
}

} // namespace llm::ui
