// SPDX-License-Identifier: MIT
#include "usecasechart.h"

#include "chartlegend.h"
#include "results/roles.h"

#include <QAbstractItemModel>
#include <QCategoryAxis>
#include <QCursor>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QScatterSeries>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace llm::ui {

UseCaseChart::UseCaseChart(QAbstractItemModel *model, const ChartStyle &style)
    : m_model(model)
    , m_style(style) {
    style.applyTo(this);
    setTitle(tr("Needs met per build: met, could miss or not met"));

    struct Kind {
        Verdict verdict;
        QString name;
        QScatterSeries::MarkerShape shape;
        ChartLegend::Swatch swatch;
    };
    // Shape as well as colour: the matrix must read on a B/W print and for colour-blind
    // viewers; "not computed" is a hollow diamond, unlike any verdict.
    const QList<Kind> kinds = {
        {Verdict::Fail, tr("not met"), QScatterSeries::MarkerShapeRectangle,
         ChartLegend::Swatch::Square},
        {Verdict::Borderline, tr("could miss"), QScatterSeries::MarkerShapeTriangle,
         ChartLegend::Swatch::Triangle},
        {Verdict::Pass, tr("met"), QScatterSeries::MarkerShapeCircle, ChartLegend::Swatch::Circle},
        {Verdict::NotComputed, tr("not computed"), QScatterSeries::MarkerShapeRotatedRectangle,
         ChartLegend::Swatch::Diamond},
    };
    QList<ChartLegend::Entry> legendEntries;
    m_xAxis = new QCategoryAxis;
    m_yAxis = new QCategoryAxis;
    m_xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_yAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // Names wrap instead: never let Qt cut them to "…".
    m_yAxis->setTruncateLabels(false);
    m_yAxis->setReverse(true); // build A at the top, as in every chart and table
    m_xAxis->setGridLineVisible(false);
    m_yAxis->setGridLineVisible(false);
    addAxis(m_xAxis, Qt::AlignTop);
    addAxis(m_yAxis, Qt::AlignLeft);
    for (const Kind &k : kinds) {
        auto *s = new QScatterSeries;
        s->setName(k.name);
        s->setMarkerShape(k.shape);
        s->setMarkerSize(18);
        s->setColor(style.verdictColor(static_cast<int>(k.verdict)));
        const QColor border = style.verdictBorder(static_cast<int>(k.verdict));
        s->setBorderColor(border);
        legendEntries.push_back({k.name, k.swatch,
                                 QPen(border, k.verdict == Verdict::NotComputed ? 1.5 : 1.0),
                                 QBrush(s->color())});
        addSeries(s);
        s->attachAxis(m_xAxis);
        s->attachAxis(m_yAxis);
        connect(s, &QScatterSeries::hovered, this, &UseCaseChart::showTip);
        m_series.push_back(s);
    }
    // m_series is in `kinds` order; index it by verdict value below.
    QList<QScatterSeries *> byVerdict(4, nullptr);
    for (int i = 0; i < kinds.size(); ++i)
        byVerdict[static_cast<int>(kinds[i].verdict)] = m_series[i];
    m_series = byVerdict;
    (new ChartLegend(this, style))->setEntries(legendEntries);

    rebuild();
    connect(model, &QAbstractItemModel::modelReset, this, &UseCaseChart::rebuild);
    connect(model, &QAbstractItemModel::dataChanged, this, &UseCaseChart::rebuild);
    connect(this, &QChart::plotAreaChanged, this, &UseCaseChart::placeLabels);
}

QScatterSeries *UseCaseChart::seriesFor(int verdict) const {
    return verdict >= 0 && verdict < m_series.size() ? m_series[verdict] : nullptr;
}

void UseCaseChart::rebuild() {
    const int rows = m_model->rowCount();
    const int columns = m_model->columnCount();
    QList<QList<QPointF>> points(m_series.size());
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const int v = m_model->index(r, c).data(VerdictRole).toInt();
            if (v >= 0 && v < points.size())
                points[v].push_back(QPointF(c, r));
        }
    }
    // Replacing redraws every marker of the series: only when a verdict moved.
    for (int i = 0; i < m_series.size(); ++i)
        if (m_series[i]->points() != points[i])
            m_series[i]->replace(points[i]);

    QStringList xLabels, yLabels;
    for (int c = 0; c < columns; ++c)
        xLabels << m_model->headerData(c, Qt::Horizontal).toString();
    for (int r = 0; r < rows; ++r) {
        // Category labels must be unique: the tag keeps two equal names apart.
        yLabels << chartBuildLabel(buildTagOf(m_model, r), buildNameOf(m_model, r));
    }
    // Relabelling relayouts the chart: only when builds or use cases changed.
    if (xLabels != m_xAxis->categoriesLabels() || yLabels != m_yAxis->categoriesLabels()) {
        for (const QString &l : m_xAxis->categoriesLabels())
            m_xAxis->remove(l);
        for (const QString &l : m_yAxis->categoriesLabels())
            m_yAxis->remove(l);
        for (int c = 0; c < columns; ++c)
            m_xAxis->append(xLabels[c], c);
        for (int r = 0; r < rows; ++r)
            m_yAxis->append(yLabels[r], r);
        m_xAxis->setRange(-0.5, std::max(0, columns - 1) + 0.5);
        m_yAxis->setRange(-0.5, std::max(0, rows - 1) + 0.5);
        m_xAxis->setStartValue(-0.5);
        m_yAxis->setStartValue(-0.5);
    }

    // One text item per cell with the workflow class, under the marker.
    while (m_labels.size() > rows * columns)
        delete m_labels.takeLast();
    while (m_labels.size() < rows * columns) {
        auto *item = new QGraphicsSimpleTextItem(this);
        QFont f = item->font();
        f.setPointSizeF(7.5);
        item->setFont(f);
        item->setBrush(m_style.textColor());
        m_labels.push_back(item);
    }
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c)
            m_labels[r * columns + c]->setText(m_model->index(r, c).data(WorkflowRole).toString());
    }
    placeLabels();
}

void UseCaseChart::placeLabels() {
    const int columns = m_model->columnCount();
    if (columns == 0 || m_series.isEmpty())
        return;
    // Cell height in pixels decides whether the workflow text fits under the marker.
    const qreal cellHeight = std::abs(mapToPosition(QPointF(0, 1), m_series.front()).y() -
                                      mapToPosition(QPointF(0, 0), m_series.front()).y());
    const bool roomy = cellHeight >= 34;
    const qreal marker = std::clamp(cellHeight * (roomy ? 0.45 : 0.7), 8.0, 18.0);
    for (QScatterSeries *s : m_series)
        s->setMarkerSize(marker);
    for (int i = 0; i < m_labels.size(); ++i) {
        m_labels[i]->setVisible(roomy);
        const QPointF cell(i % columns, i / columns);
        const QPointF pos = mapToPosition(cell, m_series.front());
        QGraphicsSimpleTextItem *item = m_labels[i];
        const QRectF box = item->boundingRect();
        item->setPos(pos.x() - box.width() / 2, pos.y() + marker / 2);
    }
}

void UseCaseChart::showTip(const QPointF &point, bool state) {
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const int c = static_cast<int>(std::lround(point.x()));
    const int r = static_cast<int>(std::lround(point.y()));
    const QModelIndex index = m_model->index(r, c);
    if (!index.isValid())
        return;
    QToolTip::showText(QCursor::pos(),
                       m_model->headerData(r, Qt::Vertical).toString() + QStringLiteral(" · ") +
                           m_model->headerData(c, Qt::Horizontal).toString() +
                           QStringLiteral("\n") + index.data(Qt::ToolTipRole).toString());
}

} // namespace llm::ui
