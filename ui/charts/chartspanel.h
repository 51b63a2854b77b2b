// SPDX-License-Identifier: MIT
#pragma once
// The charts of what people feel in a 2 x 2 grid (answer starts, writing speed,
// needs met, model size), scrolling when many builds need the height; plus the
// bandwidth chart, which the window shows on its Engineering detail tab. All are
// rebuilt on a theme change, each with an accessible description of its numbers
// (charts are opaque to screen readers).

#include "chartstyle.h"

#include <QWidget>

#include <array>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace llm::ui {

class ComparisonDocument;
class SummaryModel;
class UseCaseModel;
class SizeCurveModel;

class ChartsPanel final : public QWidget {
    Q_OBJECT
public:
    // The first four are the grid (and the report's chart pages), in this order.
    enum Chart { AnswerStart, WritingSpeed, UseCases, Size, Bandwidth, ChartCount };
    static constexpr int GridCount = 4;

    ChartsPanel(ComparisonDocument *document, SummaryModel *summary, UseCaseModel *useCases,
                SizeCurveModel *sizes, QWidget *parent = nullptr);

    void setMode(ChartMode mode);
    ChartMode mode() const { return m_style.mode; }
    QChartView *view(Chart chart) const { return m_views[chart]; }
    QChart *chart(Chart chart) const;

    // Builds a chart of the given kind for other models (the PDF report).
    static QChart *create(Chart chart, ComparisonDocument *document, SummaryModel *summary,
                          UseCaseModel *useCases, SizeCurveModel *sizes, const ChartStyle &style);
    static QString describe(Chart chart, SummaryModel *summary, UseCaseModel *useCases,
                            SizeCurveModel *sizes);

private:
    void rebuildCharts();
    void updateDescriptions();
    void updateHeights();

    ComparisonDocument *m_document;
    SummaryModel *m_summary;
    UseCaseModel *m_useCases;
    SizeCurveModel *m_sizes;
    ChartStyle m_style;
    std::array<QChartView *, ChartCount> m_views{};
    QWidget *m_grid = nullptr;
};

} // namespace llm::ui
