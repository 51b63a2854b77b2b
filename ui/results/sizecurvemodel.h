// SPDX-License-Identifier: MIT
#pragma once
// Generation speed against model size: column 0 is the model size (GB), column
// 1 + b the estimated tok/s of build b for a dense model of that size (0 when it
// does not fit). The size chart maps one XY series per build onto it.

#include <QAbstractTableModel>

#include <vector>

namespace llm::ui {

class ComparisonDocument;

class SizeCurveModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit SizeCurveModel(ComparisonDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const std::vector<double> &sizes() const { return m_sizes; }
    // Largest size (GB) at which build b still reaches `minRate` tok/s, 0 if none.
    double largestInteractiveSize(int build, double minRate) const;

signals:
    // The results were recomputed (after the dataChanged of the curves that
    // moved, if any): what depends on the comparison but not on one curve —
    // the target line, the chosen model's marker — is redrawn on this.
    void resultsUpdated();

private:
    void recompute();
    void onStructureChanged();
    void onResultsChanged();

    ComparisonDocument *m_document;
    std::vector<double> m_sizes;
    std::vector<std::vector<double>> m_rates; // [build][size]
};

} // namespace llm::ui
