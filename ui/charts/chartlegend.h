// SPDX-License-Identifier: MIT
#pragma once
// The charts' own legend: drawn under the plot at the chart's full width, in as
// many columns as fit, each name wrapped (never cut), and each swatch drawn as
// the real thing (a filled box for bars, the line with its dash for lines, the
// marker shape for points), so it also reads on a black-and-white print.
// Qt Charts' legend cuts long names to the same "Ryzen 9 9950X + RT…".

#include "chartstyle.h"

#include <QBrush>
#include <QFont>
#include <QGraphicsObject>
#include <QPen>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace llm::ui {

class ChartLegend final : public QGraphicsObject {
    Q_OBJECT
public:
    enum class Swatch { Box, Line, Circle, Triangle, Square, Diamond };
    struct Entry {
        QString text;
        Swatch swatch = Swatch::Box;
        QPen pen;
        QBrush brush;
    };

    // Hides the chart's built-in legend and reserves room under the plot.
    ChartLegend(QChart *chart, const ChartStyle &style);

    void setEntries(const QList<Entry> &entries);
    const QList<Entry> &entries() const { return m_entries; }
    QStringList texts() const;
    void setFont(const QFont &font);
    QFont font() const { return m_font; }

    // The legend drawn in `chart`, or nullptr.
    static ChartLegend *of(const QChart *chart);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void relayout();

    QChart *m_chart;
    ChartStyle m_style;
    QFont m_font;
    QList<Entry> m_entries;
    QList<QRectF> m_textRects; // where each entry's text goes (item coordinates)
    QSizeF m_size;
};

} // namespace llm::ui
