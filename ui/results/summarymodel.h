// SPDX-License-Identifier: MIT
#pragma once
// One row per build: bandwidths, speeds, placement, memory, value figures.
// Adapts ComparisonDocument's results; the table and three charts share it.

#include <QAbstractTableModel>

namespace llm::ui {

class ComparisonDocument;

class SummaryModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    // Contiguous groups matter: the charts map column ranges.
    enum Column {
        Name,
        RamBandwidth, // bandwidth chart: RamBandwidth..GpuBandwidth
        CpuBandwidth,
        GpuBandwidth,
        SystemBandwidth,
        PromptRate, // speed chart: PromptRate..Spacer (right axis), Spacer..GenerationRate
        Spacer,     // always 0: keeps prompt and generation bars side by side on two axes
        GenerationRate,
        Placement,
        MemoryNeeded,
        MemoryAvailable,
        Bottleneck,
        UseCasesPassed,
        Price,
        EurPerTokenRate,
        PowerAtLoad,
        EnergyPerMillion,
        CostPerMillion,
        MeasuredPrompt, // published measurements of the same device and model, if any
        MeasuredGeneration,
        FitsInMemory, // "yes" / "no: needs 251 GB, has 128 GB"
        ColumnCount
    };

    explicit SummaryModel(ComparisonDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    static QString columnTitle(int column);
    static QString columnUnit(int column);
    static QString columnHelp(int column);
    // Columns for engineers: shown on the Engineering detail tab, not in the plain table.
    static bool isEngineeringColumn(int column);

private:
    void onStructureChanged();
    void onResultsChanged();
    QVariant value(int row, int column) const; // bare number or text
    QString formatted(int row, int column) const;
    QString toolTip(int row, int column) const;
    bool overridden(int row, int column) const;

    ComparisonDocument *m_document;
    int m_rows = 0;
};

} // namespace llm::ui
