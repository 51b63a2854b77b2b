// SPDX-License-Identifier: MIT
#include "bandwidthchart.h"

#include "chartlegend.h"
#include "results/summarymodel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QValueAxis>

namespace llm::ui {

void setBarValues(QBarSet *set, const QList<double> &values) {
    if (set->count() != values.size()) {
        set->remove(0, set->count());
        set->append(values);
        return;
    }
    for (int i = 0; i < values.size(); ++i) {
        if (set->at(i) != values[i])
            set->replace(i, values[i]);
    }
}

QChart *createBandwidthChart(SummaryModel *model, const ChartStyle &style) {
    auto *chart = new QChart;
    style.applyTo(chart);
    chart->setTitle(QObject::tr("Memory bandwidth per build (GB/s)"));

    auto *series = new QHorizontalBarSeries;
    series->setObjectName(QStringLiteral("bandwidthSeries"));
    QList<ChartLegend::Entry> entries;
    const QPen outline(style.mode == ChartMode::Dark ? Qt::black : Qt::darkGray, 0.5);
    for (int c = SummaryModel::RamBandwidth; c <= SummaryModel::GpuBandwidth; ++c) {
        const int i = c - SummaryModel::RamBandwidth;
        auto *set = new QBarSet(SummaryModel::columnTitle(c));
        set->setBrush(style.seriesBrush(i));
        set->setPen(outline);
        series->append(set);
        entries.push_back({SummaryModel::columnTitle(c), ChartLegend::Swatch::Box, outline,
                           style.seriesBrush(i)});
    }
    chart->addSeries(series);
    (new ChartLegend(chart, style))->setEntries(entries);

    auto *categories = new QBarCategoryAxis;
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    bindCategoryLabels(categories, model);

    // Row r goes to category rows-1-r: build A at the top.
    auto fill = [series, model] {
        const int rows = model->rowCount();
        const auto sets = series->barSets();
        for (int i = 0; i < sets.size(); ++i) {
            QList<double> values(rows, 0.0);
            for (int r = 0; r < rows; ++r)
                values[categoryOfRow(r, rows)] =
                    model->index(r, SummaryModel::RamBandwidth + i).data().toDouble();
            setBarValues(sets[i], values);
        }
    };
    fill();
    QObject::connect(model, &QAbstractItemModel::modelReset, series, fill);
    QObject::connect(model, &QAbstractItemModel::dataChanged, series, fill);

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
