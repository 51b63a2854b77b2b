// SPDX-License-Identifier: MIT
#include "sizechart.h"

#include "chartlegend.h"
#include "comparison/comparisondocument.h"
#include "comparison/format.h"
#include "memory.h"
#include "results/roles.h"
#include "results/sizecurvemodel.h"

#include <QChart>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <memory>

namespace llm::ui {

namespace {
constexpr double kMinSize = 1;
constexpr double kMaxSize = 512;
} // namespace

QChart *createSizeChart(SizeCurveModel *model, ComparisonDocument *document,
                        const ChartStyle &style) {
    auto *chart = new QChart;
    style.applyTo(chart);
    chart->setTitle(QObject::tr("Writing speed by model size"));

    auto *xAxis = new QLogValueAxis;
    xAxis->setBase(4);
    xAxis->setRange(kMinSize, kMaxSize);
    xAxis->setMinorTickCount(0);
    xAxis->setLabelFormat(QStringLiteral("%.0f"));
    xAxis->setTitleText(
        QObject::tr("Model file size (GB, log scale; dense model, your quantization)"));
    xAxis->setTruncateLabels(false);
    chart->addAxis(xAxis, Qt::AlignBottom);

    auto *yAxis = new QValueAxis;
    yAxis->setObjectName(QStringLiteral("sizeRateAxis"));
    yAxis->setLabelFormat(QStringLiteral("%.0f"));
    yAxis->setTruncateLabels(false);
    chart->addAxis(yAxis, Qt::AlignLeft);

    auto *threshold = new QLineSeries;
    threshold->setObjectName(QStringLiteral("targetLine"));
    threshold->setPen(style.thresholdPen());
    chart->addSeries(threshold);
    threshold->attachAxis(xAxis);
    threshold->attachAxis(yAxis);

    // The chosen model: a vertical line at its file size.
    auto *chosen = new QLineSeries;
    chosen->setObjectName(QStringLiteral("chosenModelLine"));
    QPen chosenPen(style.textColor(), 1.5, Qt::DashDotLine);
    chosen->setPen(chosenPen);
    chart->addSeries(chosen);
    chosen->attachAxis(xAxis);
    chosen->attachAxis(yAxis);

    auto *legend = new ChartLegend(chart, style);

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
    // Cut a few times past the target: a GPU's 1,000 tok/s on a 1 GB model would
    // flatten the region around the target, which is what this chart is for.
    auto cap = [document] {
        return 5 * units::inTokensPerSecond(document->state().assumptions.thresholds.minGeneration);
    };
    auto lastKey = std::make_shared<QString>();
    // Target, chosen model and legend: cheap, but relayouts only when they changed.
    auto decorate = [=] {
        const ComparisonState &s = document->state();
        const double t = units::inTokensPerSecond(s.assumptions.thresholds.minGeneration);
        const double top = cap();
        const double gb = units::inGigabytes(weightBytes(s.model));
        const QString key = QStringLiteral("%1/%2/%3/%4")
                                .arg(t)
                                .arg(gb)
                                .arg(lines->size())
                                .arg(QString::fromStdString(s.model.model.name));
        QList<ChartLegend::Entry> entries;
        for (int b = 0; b < lines->size(); ++b)
            entries.push_back({(*lines)[b]->name(), ChartLegend::Swatch::Line,
                               style.seriesPen(b, 2.5), QBrush()});
        entries.push_back(
            {QObject::tr("target: %1 tokens/s (about reading speed)").arg(plainNumber(t)),
             ChartLegend::Swatch::Line, style.thresholdPen(), QBrush()});
        const bool shown = gb >= kMinSize && gb <= kMaxSize;
        if (shown)
            entries.push_back({QObject::tr("your model: %1, %2")
                                   .arg(QString::fromStdString(s.model.model.name),
                                        fmt::gigabytes(weightBytes(s.model))),
                               ChartLegend::Swatch::Line, chosenPen, QBrush()});
        legend->setEntries(entries);
        if (key == *lastKey)
            return;
        *lastKey = key;
        threshold->replace(QList<QPointF>{{kMinSize, t}, {kMaxSize, t}});
        yAxis->setRange(0, top * 1.05);
        yAxis->applyNiceNumbers();
        yAxis->setTitleText(QObject::tr("tokens/s (cut at %1)").arg(plainNumber(yAxis->max())));
        if (shown)
            chosen->replace(QList<QPointF>{{gb, 0}, {gb, top * 1.05}});
        else
            chosen->clear();
    };
    auto rebuild = [=] {
        drop();
        const ComparisonState &s = document->state();
        for (int b = 1; b < model->columnCount() && b <= static_cast<int>(s.builds.size()); ++b) {
            auto *series = new QLineSeries;
            series->setName(buildTag(b - 1) + QStringLiteral(" · ") +
                            QString::fromStdString(s.builds[static_cast<std::size_t>(b - 1)].name));
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
        lastKey->clear();
        decorate();
    };
    rebuild();
    QObject::connect(model, &QAbstractItemModel::modelAboutToBeReset, chart, drop);
    QObject::connect(model, &QAbstractItemModel::modelReset, chart, rebuild);
    QObject::connect(model, &SizeCurveModel::resultsUpdated, chart, decorate);
    return chart;
}

} // namespace llm::ui
