// SPDX-License-Identifier: MIT
#include "speedchart.h"

#include "bandwidthchart.h"
#include "chartlegend.h"
#include "comparison/comparisondocument.h"
#include "comparison/format.h"
#include "results/roles.h"
#include "results/usecasemodel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <memory>

namespace llm::ui {

QString needName(ComparisonDocument *document, int useCase) {
    const auto &ucs = document->state().useCases;
    if (useCase < 0 || useCase >= static_cast<int>(ucs.size()))
        return {};
    return fmt::needName(ucs[static_cast<std::size_t>(useCase)]);
}

namespace {

struct Spec {
    const char *objectName;
    QString title;
    int role; // PrefillSecondsRole or GenerationRateRole
    double (*target)(const ComparisonState &);
    QString (*targetText)(double target);
    double capFactor; // the axis is cut at this many times the target
    QString unit;
};

// One bar set per need, one category per build; the target as a vertical line.
QChart *createNeedBars(const Spec &spec, UseCaseModel *model, ComparisonDocument *document,
                       const ChartStyle &style) {
    auto *chart = new QChart;
    style.applyTo(chart);
    chart->setTitle(spec.title);
    auto *series = new QHorizontalBarSeries;
    series->setObjectName(QString::fromLatin1(spec.objectName));
    series->setBarWidth(0.85);
    chart->addSeries(series);
    auto *legend = new ChartLegend(chart, style);

    auto *categories = new QBarCategoryAxis;
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    bindCategoryLabels(categories, model);

    auto *values = new QValueAxis;
    values->setObjectName(QString(QString::fromLatin1(spec.objectName) + QStringLiteral("Axis")));
    values->setLabelFormat(QStringLiteral("%.0f"));
    values->setTruncateLabels(false);
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);

    auto *target = new QLineSeries;
    target->setObjectName(QStringLiteral("targetLine"));
    target->setPen(style.thresholdPen());
    chart->addSeries(target);
    target->attachAxis(values);
    target->attachAxis(categories);

    const QPen outline(style.mode == ChartMode::Dark ? Qt::black : Qt::darkGray, 0.5);
    auto lastTop = std::make_shared<double>(-1);
    auto update = [=] {
        const int rows = model->rowCount();
        const int needs = model->columnCount();
        // One bar set per need: remade only when the needs changed.
        QList<QBarSet *> sets = series->barSets();
        bool renamed = sets.size() != needs;
        for (int c = 0; c < needs && !renamed; ++c)
            renamed = sets[c]->label() != needName(document, c);
        if (renamed) {
            series->clear();
            for (int c = 0; c < needs; ++c) {
                auto *set = new QBarSet(needName(document, c));
                set->setBrush(style.seriesBrush(c + 4));
                set->setPen(outline);
                series->append(set);
            }
            sets = series->barSets();
        }
        double top = 0;
        for (int c = 0; c < needs; ++c) {
            QList<double> v(rows, 0.0);
            for (int r = 0; r < rows; ++r) {
                const double x = model->index(r, c).data(spec.role).toDouble();
                v[categoryOfRow(r, rows)] = std::isfinite(x) ? x : 0.0;
                top = std::max(top, v[categoryOfRow(r, rows)]);
            }
            setBarValues(sets[c], v);
        }
        const double t = spec.target(document->state());
        const double cap = t * spec.capFactor;
        const bool cut = top > cap;
        top = std::clamp(top, t * 1.5, cap);
        if (top != *lastTop) {
            *lastTop = top;
            values->setRange(0, top * 1.05);
            values->applyNiceNumbers();
        }
        values->setTitleText(
            cut ? QObject::tr("%1 (bars cut at %2)").arg(spec.unit, plainNumber(values->max()))
                : spec.unit);
        const QList<QPointF> line{{t, -0.5}, {t, rows - 0.5}};
        if (target->points() != line)
            target->replace(line);
        QList<ChartLegend::Entry> entries;
        for (int c = 0; c < needs; ++c)
            entries.push_back({needName(document, c), ChartLegend::Swatch::Box, outline,
                               style.seriesBrush(c + 4)});
        entries.push_back(
            {spec.targetText(t), ChartLegend::Swatch::Line, style.thresholdPen(), QBrush()});
        legend->setEntries(entries);
    };
    update();
    QObject::connect(model, &QAbstractItemModel::modelReset, series, update);
    QObject::connect(model, &QAbstractItemModel::dataChanged, series, update);
    return chart;
}

} // namespace

QChart *createAnswerStartChart(UseCaseModel *model, ComparisonDocument *document,
                               const ChartStyle &style) {
    const Spec spec{
        "answerStartSeries",
        QObject::tr("Seconds until the answer starts (shorter is better)"),
        PrefillSecondsRole,
        [](const ComparisonState &s) {
            return units::inSeconds(s.assumptions.thresholds.maxPrefill);
        },
        [](double t) { return QObject::tr("target: within %1 s").arg(plainNumber(t)); },
        4.0,
        QObject::tr("seconds"),
    };
    return createNeedBars(spec, model, document, style);
}

QChart *createWritingSpeedChart(UseCaseModel *model, ComparisonDocument *document,
                                const ChartStyle &style) {
    const Spec spec{
        "writingSpeedSeries",
        QObject::tr("Writing speed (longer is better)"),
        GenerationRateRole,
        [](const ComparisonState &s) {
            return units::inTokensPerSecond(s.assumptions.thresholds.minGeneration);
        },
        [](double t) {
            return QObject::tr("target: %1 tokens/s (about reading speed)").arg(plainNumber(t));
        },
        10.0,
        QObject::tr("tok/s"),
    };
    return createNeedBars(spec, model, document, style);
}

} // namespace llm::ui
