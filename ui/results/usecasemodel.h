// SPDX-License-Identifier: MIT
#pragma once
// The use-case matrix: one row per build, one column per use case; each cell a
// verdict (pass / borderline / fail) with its workflow class and times.

#include <QAbstractTableModel>

namespace llm::ui {

class ComparisonDocument;

class UseCaseModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit UseCaseModel(ComparisonDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The estimator's sentence for one cell ("UC2 fails: ...").
    QString why(int row, int column) const;

private:
    bool fitsAt(int row) const; // the model fits in the build's memory
    void onStructureChanged();
    void onResultsChanged();

    ComparisonDocument *m_document;
    int m_rows = 0;
    int m_columns = 0;
};

} // namespace llm::ui
