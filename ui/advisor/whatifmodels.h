// SPDX-License-Identifier: MIT
#pragma once
// Item models of the What if tab and the report: core::whatIfs() as one row
// per change (price change, each use case's verdict before → after and margin
// change) and core::headroom() as one row per use case.

#include "headroom.h"
#include "whatif.h"

#include <QAbstractTableModel>

#include <vector>

namespace llm::ui {

// Drops from each change the platform problems (by field) the unchanged build
// already has, e.g. a soldered CPU with no socket rule: only new ones are marks.
void dropInheritedProblems(std::vector<WhatIf> &changes,
                           const std::vector<PlatformProblem> &original);

class WhatIfModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Change, PriceDelta, FirstUseCase };

    explicit WhatIfModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // `useCases`: the ids of the columns, in the workload's order.
    void setWhatIfs(std::vector<WhatIf> items, std::vector<std::string> useCases);
    const std::vector<WhatIf> &whatIfs() const { return m_items; }

    // Cell texts shared with the report.
    static QString changeText(const WhatIf &w);
    static QString priceText(const WhatIf &w);
    static QString deltaText(const UseCaseDelta &d);
    // "pass, +0.25×": the verdict after only (for an unchanged verdict).
    static QString compactDeltaText(const UseCaseDelta &d);

private:
    const UseCaseDelta *delta(const WhatIf &w, int column) const;

    std::vector<WhatIf> m_items;
    std::vector<std::string> m_useCases;
};

class HeadroomModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { UseCase, LargestModel, LargestParams, LongestContext, Users, ColumnCount };

    explicit HeadroomModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // `minRate`: the minimum generation rate per user (the threshold) for the header.
    void setHeadroom(Headroom headroom, units::TokenRate minRate);
    const Headroom &headroom() const { return m_headroom; }

    static QString cellText(const UseCaseHeadroom &h, int column);
    static QString headerText(int column, units::TokenRate minRate);

private:
    Headroom m_headroom;
    units::TokenRate m_minRate{};
};

} // namespace llm::ui
