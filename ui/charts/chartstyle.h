// SPDX-License-Identifier: MIT
#pragma once
// How every chart looks: theme (Qt Charts ignores the widget palette, so dark
// mode is set explicitly), animations off, fixed colours per series from a
// colour-blind-safe palette, and a print mode that keeps the colours and adds
// hatching and dash styles, so series stay apart on a black-and-white printer.
// Print in black and white (`monochrome`) drops the colours altogether: greys
// only, the dash pattern, the hatching and the marker shape carry everything.

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
    // Small on-screen charts (smaller fonts); builds are always named in full.
    bool compact = false;
    // Print only: no colour at all (every pixel grey). Lines differ by dash
    // pattern and grey level, bars by hatching, verdicts by marker shape and fill.
    bool monochrome = false;

    bool print() const { return mode == ChartMode::Print; }
    bool greys() const { return mode == ChartMode::Print && monochrome; }

    void applyTo(QChart *chart) const; // theme, fonts, legend, no animation
    // After the chart is complete (axes added): in print, black and grey axes,
    // labels and grid instead of the theme's tinted ones.
    void finish(QChart *chart) const;
    // Fill and outline of the i-th series (bar set, build line).
    QBrush seriesBrush(int i) const;
    QPen seriesPen(int i, qreal width = 2.0) const;
    QColor seriesColor(int i) const;
    QPen thresholdPen() const; // the 10 tok/s line
    QColor textColor() const;
    QColor verdictColor(int verdict) const; // Verdict enum as int
    QColor verdictBorder(int verdict) const;
    QColor gridColor() const;
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

// The short tag of the build at `index` in the list: A, B, … Z, AA, AB, …
QString buildTag(int index);
// Words of `text` in lines of at most `width` characters (a longer word keeps its own line).
QStringList wrapWords(const QString &text, int width);
// "A · Mini PC: Ryzen AI Max+<br>PRO 395": tag and full name for a chart axis
// (Qt Charts draws axis labels as rich text), wrapped, never cut.
QString chartBuildLabel(const QString &tag, const QString &name, int width = 30);
// A number as people write it: "10", "2.5" (no ".0").
QString plainNumber(double value);
// An axis label as plain text (line breaks as spaces, entities decoded).
QString plainLabel(const QString &richText);

// The tag and the full name of each row of a per-build model (SummaryModel,
// UseCaseModel), from the vertical header's BuildTagRole and BuildNameRole.
QString buildTagOf(const QAbstractItemModel *model, int row);
QString buildNameOf(const QAbstractItemModel *model, int row);

// Keeps a category axis labelled with each row's tag and full name, build A at the
// top (Qt Charts draws category 0 at the bottom, so categories run in reverse).
void bindCategoryLabels(QBarCategoryAxis *axis, QAbstractItemModel *model);
// Row r's value goes to category rowCount-1-r (see bindCategoryLabels).
int categoryOfRow(int row, int rows);
// Keeps a value axis spanning 0 .. the largest value of `columns` (nice numbers).
void bindValueRange(QValueAxis *axis, QAbstractItemModel *model, QList<int> columns,
                    double minimumMax, double cap = 0);

} // namespace llm::ui
