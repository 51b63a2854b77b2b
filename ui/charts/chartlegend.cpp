// SPDX-License-Identifier: MIT
#include "chartlegend.h"

#include <QChart>
#include <QFontMetricsF>
#include <QLegend>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace llm::ui {

namespace {
constexpr qreal kSwatch = 26; // room for a swatch left of each text
// On paper the line swatches are longer, so a dash pattern shows two or three
// times over and "long dashes" cannot be taken for "solid".
constexpr qreal kPrintSwatch = 44;
constexpr qreal kGap = 14; // between columns
constexpr qreal kSide = 6; // left and right margin of the legend

// In pixels of the scene: a point size would be scaled by the paint device's
// resolution (a 300 dpi PDF drew the text three times too big for its layout).
QFont sceneFont(QFont font) {
    if (font.pointSizeF() > 0)
        font.setPixelSize(qRound(font.pointSizeF() * 96.0 / 72.0));
    return font;
}
} // namespace

ChartLegend::ChartLegend(QChart *chart, const ChartStyle &style)
    : QGraphicsObject(chart)
    , m_chart(chart)
    , m_style(style)
    , m_font(sceneFont(chart->legend()->font())) {
    setObjectName(QStringLiteral("chartLegend"));
    chart->legend()->hide();
    setZValue(10);
    connect(chart, &QGraphicsWidget::geometryChanged, this, &ChartLegend::relayout);
}

ChartLegend *ChartLegend::of(const QChart *chart) {
    if (!chart)
        return nullptr;
    for (QGraphicsItem *item : chart->childItems()) {
        if (auto *legend = dynamic_cast<ChartLegend *>(item))
            return legend;
    }
    return nullptr;
}

QStringList ChartLegend::texts() const {
    QStringList out;
    for (const Entry &e : m_entries)
        out << e.text;
    return out;
}

void ChartLegend::setEntries(const QList<Entry> &entries) {
    const bool same = entries.size() == m_entries.size() &&
                      std::equal(entries.begin(), entries.end(), m_entries.begin(),
                                 [](const Entry &a, const Entry &b) {
                                     return a.text == b.text && a.swatch == b.swatch &&
                                            a.pen == b.pen && a.brush == b.brush;
                                 });
    if (same)
        return;
    m_entries = entries;
    relayout();
}

void ChartLegend::setFont(const QFont &font) {
    m_font = sceneFont(font);
    relayout();
}

void ChartLegend::relayout() {
    const qreal width = std::max<qreal>(120, m_chart->size().width() - 2 * kSide);
    const QFontMetricsF fm(m_font);
    qreal widest = 0;
    for (const Entry &e : m_entries)
        widest = std::max(widest, fm.horizontalAdvance(e.text));
    const qreal swatch = m_style.print() ? kPrintSwatch : kSwatch;
    const qreal cell = swatch + widest + kGap;
    const int count = static_cast<int>(m_entries.size());
    const int columns = std::clamp(static_cast<int>((width + kGap) / cell), 1, std::max(1, count));
    const qreal columnWidth = (width + kGap) / columns - kGap;
    const qreal textWidth = std::max<qreal>(40, columnWidth - swatch);

    prepareGeometryChange();
    m_textRects.clear();
    qreal y = 0;
    for (int first = 0; first < count; first += columns) {
        qreal rowHeight = fm.height();
        for (int i = first; i < std::min(count, first + columns); ++i) {
            const QRectF r = fm.boundingRect(QRectF(0, 0, textWidth, 1000),
                                             Qt::TextWordWrap | Qt::AlignLeft, m_entries[i].text);
            rowHeight = std::max(rowHeight, r.height());
        }
        for (int i = first; i < std::min(count, first + columns); ++i) {
            const int column = i - first;
            m_textRects.push_back(
                QRectF(column * (columnWidth + kGap) + swatch, y, textWidth, rowHeight));
        }
        y += rowHeight + 3;
    }
    m_size = QSizeF(width, count ? y : 0);
    setPos(kSide, m_chart->size().height() - m_size.height() - 4);
    // Room under the axes for the legend (the chart lays the plot out above it).
    const int bottom = static_cast<int>(std::ceil(m_size.height())) + 8;
    QMargins margins = m_chart->margins();
    if (margins.bottom() != bottom) {
        margins.setBottom(bottom);
        m_chart->setMargins(margins);
    }
    update();
}

QRectF ChartLegend::boundingRect() const {
    return QRectF(QPointF(0, 0), m_size);
}

void ChartLegend::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(m_font);
    const QFontMetricsF fm(m_font);
    for (int i = 0; i < m_entries.size() && i < m_textRects.size(); ++i) {
        const Entry &e = m_entries[i];
        const QRectF text = m_textRects[i];
        // The swatch sits beside the text's first line.
        const qreal swatch = m_style.print() ? kPrintSwatch : kSwatch;
        const QPointF c(text.left() - swatch / 2 - 2, text.top() + fm.height() / 2);
        const qreal halfLine = swatch / 2 - 2;
        QPen pen = e.pen;
        switch (e.swatch) {
        case Swatch::Box:
            painter->setPen(pen);
            painter->setBrush(e.brush);
            painter->drawRect(QRectF(c.x() - 8, c.y() - 5, 16, 10));
            break;
        case Swatch::Line:
            pen.setWidthF(std::min<qreal>(pen.widthF(), 2.5));
            pen.setCapStyle(Qt::FlatCap);
            painter->setPen(pen);
            painter->drawLine(QPointF(c.x() - halfLine, c.y()), QPointF(c.x() + halfLine, c.y()));
            break;
        case Swatch::Circle:
        case Swatch::Triangle:
        case Swatch::Square:
        case Swatch::Diamond: {
            painter->setPen(pen);
            painter->setBrush(e.brush);
            const qreal r = 5.5;
            QPainterPath path;
            if (e.swatch == Swatch::Circle) {
                path.addEllipse(c, r, r);
            } else if (e.swatch == Swatch::Square) {
                path.addRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r));
            } else if (e.swatch == Swatch::Triangle) {
                path.moveTo(c.x(), c.y() - r);
                path.lineTo(c.x() + r, c.y() + r);
                path.lineTo(c.x() - r, c.y() + r);
                path.closeSubpath();
            } else {
                path.moveTo(c.x(), c.y() - r);
                path.lineTo(c.x() + r, c.y());
                path.lineTo(c.x(), c.y() + r);
                path.lineTo(c.x() - r, c.y());
                path.closeSubpath();
            }
            painter->drawPath(path);
            break;
        }
        }
        painter->setPen(m_style.textColor());
        painter->drawText(text, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, e.text);
    }
    painter->restore();
}

} // namespace llm::ui
