// SPDX-License-Identifier: MIT
#pragma once
// How every chart looks: theme (Qt Charts ignores the widget palette, so dark
// mode is set explicitly), animations off, fixed colours per series, and a
// print mode whose series differ by grey level and hatching, not hue alone.

#include <QBrush>
#include <QColor>
#include <QPen>

QT_BEGIN_NAMESPACE
class QChart;
class QAbstractAxis;
QT_END_NAMESPACE

namespace llm::ui {

enum class ChartMode { Light, Dark, Print };

struct ChartStyle {
    ChartMode mode = ChartMode::Light;
    // Small on-screen charts: builds labelled by number (as in the build list), not by name.
    bool compact = false;

    void applyTo(QChart *chart) const; // theme, fonts, legend, no animation
    // Fill and outline of the i-th series (bar set, build line).
    QBrush seriesBrush(int i) const;
    QPen seriesPen(int i, qreal width = 2.0) const;
    QColor seriesColor(int i) const;
    QPen thresholdPen() const; // the 10 tok/s line
    QColor textColor() const;
    QColor verdictColor(int verdict) const; // Verdict enum as int
};

} // namespace llm::ui

#include <QString>
QT_BEGIN_NAMESPACE
class QAbstractItemModel;
class QBarCategoryAxis;
class QValueAxis;
QT_END_NAMESPACE

namespace llm::ui {

// A build's name as a chart label: without its "Family: " prefix, elided to fit.
QString shortBuildLabel(const QString &name);

// Keeps a category axis labelled with the model's `column` (one category per row),
// and a value axis spanning 0 .. the largest value of `columns` (nice numbers).
void bindCategoryLabels(QBarCategoryAxis *axis, QAbstractItemModel *model, int column,
                        bool compact = false);
void bindValueRange(QValueAxis *axis, QAbstractItemModel *model, QList<int> columns,
                    double minimumMax, double cap = 0);

} // namespace llm::ui
