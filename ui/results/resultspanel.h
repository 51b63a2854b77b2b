// SPDX-License-Identifier: MIT
#pragma once
// The numbers as tables (what screen readers and projector audiences read):
// the per-build summary, the use-case matrix with the "why" sentences, and the
// generation-by-size table behind chart 4.

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QTableView;
class QTextBrowser;
QT_END_NAMESPACE

namespace llm::ui {

class ComparisonDocument;
class SummaryModel;
class UseCaseModel;
class SizeCurveModel;

class SummaryTable final : public QWidget {
    Q_OBJECT
public:
    SummaryTable(SummaryModel *model, QWidget *parent = nullptr);
    QTableView *view() const { return m_view; }

private:
    QTableView *m_view;
    QLabel *m_overrideLegend = nullptr;
};

class UseCasePanel final : public QWidget {
    Q_OBJECT
public:
    UseCasePanel(ComparisonDocument *document, UseCaseModel *model, QWidget *parent = nullptr);
    QTableView *view() const { return m_view; }
    QTextBrowser *why() const { return m_why; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateWhy();
    bool m_stale = false;

    ComparisonDocument *m_document;
    QTableView *m_view;
    QTextBrowser *m_why;
};

// Engineering detail: the bandwidth chart (made by ChartsPanel, which restyles it)
// above the engineering columns of the summary: bandwidths, bottleneck, memory
// available, energy, published measurements.
class EngineeringPanel final : public QWidget {
    Q_OBJECT
public:
    EngineeringPanel(SummaryModel *model, QWidget *bandwidthChart, QWidget *parent = nullptr);
    QTableView *view() const { return m_view; }

private:
    QTableView *m_view;
};

QTableView *createSizeTable(SizeCurveModel *model, QWidget *parent);

} // namespace llm::ui
