// SPDX-License-Identifier: MIT
#pragma once
// Chart 3: the use-case matrix. One marker per (build, use case): its shape and
// fill say pass / borderline / fail, a label gives the workflow class, and
// hovering shows the times. Fed by UseCaseModel, like the matrix table.

#include "chartstyle.h"

#include <QChart>
#include <QList>

QT_BEGIN_NAMESPACE
class QAbstractItemModel;
class QCategoryAxis;
class QGraphicsSimpleTextItem;
class QScatterSeries;
QT_END_NAMESPACE

namespace llm::ui {

class UseCaseChart final : public QChart {
    Q_OBJECT
public:
    UseCaseChart(QAbstractItemModel *model, const ChartStyle &style);

    // The series holding one verdict's markers (Verdict enum as int).
    QScatterSeries *seriesFor(int verdict) const;

private:
    void rebuild();
    void placeLabels();
    void showTip(const QPointF &point, bool state);

    QAbstractItemModel *m_model;
    ChartStyle m_style;
    QList<QScatterSeries *> m_series; // indexed by Verdict
    QCategoryAxis *m_xAxis = nullptr;
    QCategoryAxis *m_yAxis = nullptr;
    QList<QGraphicsSimpleTextItem *> m_labels;
};

} // namespace llm::ui
