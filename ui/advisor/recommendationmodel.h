// SPDX-License-Identifier: MIT
#pragma once
// The Find builds results as a table: one row per recommended build (price,
// margin, tightest use case, speeds, CPU, memory, GPUs, power). One instance
// lists the priced Pareto front, another the passing builds without a price.

#include "recommend.h"

#include <QAbstractTableModel>

#include <vector>

namespace llm::ui {

class RecommendationModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Price,
        Margin,
        Tightest,
        GenerationRate,
        PromptRate,
        Cpu,
        Memory,
        Gpus,
        Power,
        ColumnCount
    };

    explicit RecommendationModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setRecommendations(std::vector<Recommendation> items);
    void clear() { setRecommendations({}); }
    const std::vector<Recommendation> &recommendations() const { return m_items; }
    const Recommendation &at(int row) const { return m_items[static_cast<std::size_t>(row)]; }

private:
    std::vector<Recommendation> m_items;
};

} // namespace llm::ui
