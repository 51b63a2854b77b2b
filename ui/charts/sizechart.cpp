// SPDX-License-Identifier: MIT
#include "sizechart.h"

#include "comparison/comparisondocument.h"
#include "results/sizecurvemodel.h"

#include <QChart>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <memory>

namespace llm::ui {

QChart *createSizeChart(SizeCurveModel *model, ComparisonDocument *document,
                        const ChartStyle &style) {
    auto *chart = new QChart;
    style.applyTo(chart);
    chart->setTitle(
        QObject::tr("Generation speed by model size (dense model, chosen quantization)"));

    auto *xAxis = new QLogValueAxis;
    xAxis->setBase(4);
    xAxis->setRange(1, 512);
    xAxis->setMinorTickCount(0);
    xAxis->setLabelFormat(QStringLiteral("%.0f"));
    xAxis->setTitleText(QObject::tr("Model size (GB, log scale)"));
    chart->addAxis(xAxis, Qt::AlignBottom);

    auto *yAxis = new QValueAxis;
    yAxis->setObjectName(QStringLiteral("sizeRateAxis"));
    yAxis->setTitleText(QObject::tr("Generation (tok/s)"));
    yAxis->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(yAxis, Qt::AlignLeft);
    // Capped: a GPU's 1,000 tok/s on a 1 GB model would flatten the region around
    // the threshold, which is what this chart is for.
    QList<int> rateColumns;

    auto *threshold = new QLineSeries;
    threshold->setPen(style.thresholdPen());
    chart->addSeries(threshold);
    threshold->attachAxis(xAxis);
    threshold->attachAxis(yAxis);

    // One line per build; rebuilt when builds are added or removed.
    auto lines = std::make_shared<QList<QLineSeries *>>();
    // Old lines go before the model resets, so their mappers never see missing columns.
    auto drop = [chart, lines] {
        for (QLineSeries *s : *lines) {
            chart->removeSeries(s);
            delete s; // removeSeries hands ownership back; the mapper is the series' child
        }
        lines->clear();
    };
    auto rebuild = [chart, model, document, xAxis, yAxis, threshold, lines, style, drop] {
        drop();
        for (int b = 1; b < model->columnCount(); ++b) {
            auto *series = new QLineSeries;
            series->setName(
                QStringLiteral("%1 %2").arg(b).arg(shortBuildLabel(QString::fromStdString(
                    document->state().builds[static_cast<std::size_t>(b - 1)].name))));
            series->setPen(style.seriesPen(b - 1, 2.5));
            auto *mapper = new QVXYModelMapper(series);
            mapper->setXColumn(0);
            mapper->setYColumn(b);
            mapper->setSeries(series);
            mapper->setModel(model);
            chart->addSeries(series);
            series->attachAxis(xAxis);
            series->attachAxis(yAxis);
            lines->push_back(series);
        }
        const double t =
            units::inTokensPerSecond(document->state().assumptions.thresholds.minGeneration);
        threshold->replace(QList<QPointF>{{1, t}, {512, t}});
        threshold->setName(QObject::tr("limit %1 tok/s").arg(QLocale().toString(t, 'f', 0)));
    };
    rebuild();
    QObject::connect(model, &QAbstractItemModel::modelAboutToBeReset, chart, drop);
    QObject::connect(model, &QAbstractItemModel::modelReset, chart, rebuild);
    chart->legend()->setAlignment(Qt::AlignRight); // one line per build: names stay readable
    QObject::connect(model, &QAbstractItemModel::dataChanged, threshold, [document, threshold] {
        const double t =
            units::inTokensPerSecond(document->state().assumptions.thresholds.minGeneration);
        if (threshold->count() == 2 && threshold->at(0).y() != t)
            threshold->replace(QList<QPointF>{{1, t}, {512, t}});
    });
    for (int c = 1; c < 64; ++c)
        rateColumns << c;
    bindValueRange(yAxis, model, rateColumns, 20.0, 120.0);
    return chart;
}

} // namespace llm::ui
