// SPDX-License-Identifier: MIT
#include "sizechart.h"

#include "chartlegend.h"
#include "comparison/comparisondocument.h"
#include "comparison/format.h"
#include "memory.h"
#include "results/roles.h"
#include "results/sizecurvemodel.h"

#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <memory>
#include <optional>

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
    // On paper each line also carries its build's letter (A, B, …), so a line can
    // be told from its neighbours without matching a colour or a dash pattern.
    auto tags = std::make_shared<QList<QGraphicsSimpleTextItem *>>();
    // Build b's line: model sizes (column 0) against its writing speeds (column b + 1).
    auto pointsOf = [model](int column) {
        QList<QPointF> points;
        points.reserve(model->rowCount());
        for (int r = 0; r < model->rowCount(); ++r)
            points.push_back(QPointF(model->index(r, 0).data().toDouble(),
                                     model->index(r, column).data().toDouble()));
        return points;
    };
    // Old lines go before the model resets, so they never point at missing columns.
    auto drop = [chart, lines, tags] {
        for (QLineSeries *s : *lines) {
            chart->removeSeries(s);
            delete s; // removeSeries hands ownership back
        }
        lines->clear();
        qDeleteAll(*tags);
        tags->clear();
    };
    // Each letter where its line last meets the target (the largest model the build
    // still writes fast enough for), or at its first point when it never does;
    // moved up when it would cover a letter already placed.
    auto placeTags = [chart, lines, tags, yAxis] {
        if (tags->size() != lines->size())
            return;
        const QRectF plot = chart->plotArea();
        QList<QRectF> taken;
        for (int b = 0; b < lines->size(); ++b) {
            QLineSeries *series = (*lines)[b];
            QGraphicsSimpleTextItem *tag = (*tags)[b];
            const QList<QPointF> points = series->points();
            const double top = yAxis->max();
            const double target = chart->property("targetRate").toDouble();
            std::optional<QPointF> at;
            for (const QPointF &p : points) {
                if (p.y() > top || p.x() < kMinSize || p.x() > kMaxSize)
                    continue;
                if (!at || p.y() >= target)
                    at = p;
            }
            tag->setVisible(at.has_value());
            if (!at)
                continue;
            const QRectF box = tag->boundingRect();
            QPointF pos = chart->mapToPosition(*at, series) + QPointF(3, -box.height() - 1);
            pos.setX(std::min(pos.x(), plot.right() - box.width()));
            QRectF r(pos, box.size());
            for (int tries = 0; tries < 8; ++tries) {
                const bool clash = std::any_of(taken.begin(), taken.end(),
                                               [&r](const QRectF &t) { return t.intersects(r); });
                if (!clash)
                    break;
                r.translate(0, -box.height());
            }
            if (r.top() < plot.top())
                r.moveTop(plot.top());
            taken << r;
            tag->setPos(r.topLeft());
        }
    };
    QObject::connect(chart, &QChart::plotAreaChanged, chart, placeTags);
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
        chart->setProperty("targetRate", t);
        if (key == *lastKey) {
            placeTags();
            return;
        }
        *lastKey = key;
        threshold->replace(QList<QPointF>{{kMinSize, t}, {kMaxSize, t}});
        yAxis->setRange(0, top * 1.05);
        yAxis->applyNiceNumbers();
        yAxis->setTitleText(QObject::tr("tokens/s (cut at %1)").arg(plainNumber(yAxis->max())));
        if (shown)
            chosen->replace(QList<QPointF>{{gb, 0}, {gb, top * 1.05}});
        else
            chosen->clear();
        placeTags();
    };
    auto rebuild = [=] {
        drop();
        const ComparisonState &s = document->state();
        for (int b = 1; b < model->columnCount() && b <= static_cast<int>(s.builds.size()); ++b) {
            auto *series = new QLineSeries;
            series->setName(buildTag(b - 1) + QStringLiteral(" · ") +
                            QString::fromStdString(s.builds[static_cast<std::size_t>(b - 1)].name));
            series->setPen(style.seriesPen(b - 1, 2.5));
            series->append(pointsOf(b));
            chart->addSeries(series);
            series->attachAxis(xAxis);
            series->attachAxis(yAxis);
            lines->push_back(series);
            if (style.print()) {
                auto *tag = new QGraphicsSimpleTextItem(buildTag(b - 1), chart);
                QFont f = tag->font();
                f.setBold(true);
                f.setPixelSize(13);
                tag->setFont(f);
                tag->setBrush(style.seriesColor(b - 1).darker(130));
                tag->setZValue(6);
                tags->push_back(tag);
            }
        }
        lastKey->clear();
        decorate();
    };
    rebuild();
    QObject::connect(model, &QAbstractItemModel::modelAboutToBeReset, chart, drop);
    // A moved curve is replaced in one go: a model mapper replaced its points one by one,
    // and the chart redrew the whole line for each of them.
    QObject::connect(model, &QAbstractItemModel::dataChanged, chart,
                     [lines, pointsOf](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                         for (int c = std::max(1, topLeft.column()); c <= bottomRight.column(); ++c)
                             if (c - 1 < lines->size())
                                 (*lines)[c - 1]->replace(pointsOf(c));
                     });
    QObject::connect(model, &QAbstractItemModel::modelReset, chart, rebuild);
    QObject::connect(model, &SizeCurveModel::resultsUpdated, chart, decorate);
    return chart;
}

} // namespace llm::ui
