// SPDX-License-Identifier: MIT
#pragma once
// Item models of the What if tab and the report: core::whatIfs() as one row
// per change (price change, each use case's verdict before → after and margin
// change) and core::headroom() as one row per use case.

#include "decision.h"
#include "headroom.h"
#include "whatif.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace llm::ui {

// Drops from each change the platform problems (by field) the unchanged build
// already has, e.g. a soldered CPU with no socket rule: only new ones are marks.
void dropInheritedProblems(std::vector<WhatIf> &changes, const std::vector<Problem> &original);

// What the sentences of the What if list are measured against: the selected
// build as it is.
struct WhatIfContext {
    Build build;
    ModelChoice model;
    Estimate estimate; // of the build as it is
    ShownPrice price;  // of the build as it is
    Thresholds thresholds;
};

// One row per change offered to a buyer (offerProblem() None: the same rule as
// decide()'s cheapest fix), as a sentence, sorted by what helps most for the
// least money: most needs met first, then the lowest price, then the widest
// margin; the doubled workload (a question, not a purchase) last. Changes not
// offered are kept apart with their reason in plain words (notOffered()). The
// Change column holds the sentence; the price and per-use-case columns are the
// engineering detail behind it.
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
    void setWhatIfs(std::vector<WhatIf> items, std::vector<std::string> useCases,
                    WhatIfContext context = {});
    // The offered changes, in row order.
    const std::vector<WhatIf> &whatIfs() const { return m_items; }
    // The changes not offered, each "Kind: the reason in plain words".
    const QStringList &notOffered() const { return m_notOffered; }

    // The cells of the engineering columns (change, price, one per use case), and
    // the "In detail" of a row's tooltip.
    static QString changeText(const WhatIf &w);
    static QString priceText(const WhatIf &w);
    static QString deltaText(const UseCaseDelta &d);
    // "pass, +0.25×": the verdict after only (for an unchanged verdict).
    static QString compactDeltaText(const UseCaseDelta &d);

private:
    const UseCaseDelta *delta(const WhatIf &w, int column) const;

    std::vector<WhatIf> m_items;
    QStringList m_sentences; // per row
    QStringList m_notOffered;
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
