// SPDX-License-Identifier: MIT
// Table models of what-if changes and headroom (What if tab, PDF report).
#include "whatifmodels.h"

#include "comparison/format.h"
#include "results/roles.h"
#include "whatifwords.h"

#include <QFont>

#include <algorithm>
#include <limits>
#include <numeric>
#include <tuple>

namespace llm::ui {

namespace {
QString passText(bool pass) {
    return pass ? WhatIfModel::tr("pass") : WhatIfModel::tr("fail");
}
QString marginText(const UseCaseDelta &d) {
    return WhatIfModel::tr("%1: %2 → %3; margin %4× → %5×")
        .arg(QString::fromStdString(d.useCase), passText(d.passBefore), passText(d.passAfter),
             fmt::number(d.marginBefore, 2), fmt::number(d.marginAfter, 2));
}
QString signedNumber(double v, int decimals) {
    const QString n = fmt::number(std::abs(v), decimals);
    if (n == fmt::number(0.0, decimals))
        return QStringLiteral("±") + n;
    return (v > 0 ? QStringLiteral("+") : QStringLiteral("−")) + n;
}
} // namespace

void dropInheritedProblems(std::vector<WhatIf> &changes, const std::vector<Problem> &original) {
    for (WhatIf &w : changes)
        std::erase_if(w.platformProblems, [&](const Problem &p) {
            return std::any_of(original.begin(), original.end(),
                               [&](const Problem &o) { return o.field == p.field; });
        });
}

// ---------------------------------------------------------------- WhatIfModel

WhatIfModel::WhatIfModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int WhatIfModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int WhatIfModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : FirstUseCase + static_cast<int>(m_useCases.size());
}

void WhatIfModel::setWhatIfs(std::vector<WhatIf> items, std::vector<std::string> useCases,
                             WhatIfContext context) {
    // Sort key: the doubled workload last; then most needs met after the change,
    // lowest price (model changes cost nothing), widest smallest margin.
    const auto key = [](const WhatIf &w) {
        const int met = w.estimate.fits
                            ? static_cast<int>(std::count_if(
                                  w.estimate.useCases.begin(), w.estimate.useCases.end(),
                                  [](const UseCaseVerdict &v) { return v.pass; }))
                            : 0;
        double margin = std::numeric_limits<double>::infinity();
        for (const UseCaseDelta &d : w.useCases)
            margin = std::min(margin, d.marginAfter);
        const double cost = isHardwareChange(w.change) ? w.priceDeltaEur().value_or(0) : 0.0;
        return std::make_tuple(w.change == WhatIfChange::DoubleContext ? 1 : 0, -met, cost, -margin,
                               -units::inTokensPerSecond(w.estimate.generationRate));
    };
    std::vector<WhatIf> offered;
    QStringList notOffered;
    for (WhatIf &w : items) {
        const OfferProblem problem = offerProblem(w);
        if (problem == OfferProblem::None)
            offered.push_back(std::move(w));
        else
            notOffered << WhatIfWords::notOffered(w, problem, context.build, context.model,
                                                  context.price);
    }
    std::stable_sort(offered.begin(), offered.end(),
                     [&](const WhatIf &a, const WhatIf &b) { return key(a) < key(b); });
    QStringList sentences;
    for (const WhatIf &w : offered)
        sentences << WhatIfWords::sentence(w, context.build, context.model, context.price,
                                           context.estimate, context.thresholds);
    beginResetModel();
    m_items = std::move(offered);
    m_sentences = std::move(sentences);
    m_notOffered = std::move(notOffered);
    m_useCases = std::move(useCases);
    endResetModel();
}

const UseCaseDelta *WhatIfModel::delta(const WhatIf &w, int column) const {
    const std::size_t k = static_cast<std::size_t>(column - FirstUseCase);
    if (!w.available || k >= m_useCases.size())
        return nullptr;
    for (const UseCaseDelta &d : w.useCases)
        if (d.useCase == m_useCases[k])
            return &d;
    return nullptr;
}

QString WhatIfModel::changeText(const WhatIf &w) {
    if (!w.available)
        return tr("%1: not possible (%2)")
            .arg(WhatIfWords::kind(w.change), QString::fromStdString(w.reason));
    QString text = QString::fromStdString(w.description);
    if (!w.platformProblems.empty())
        text += QLatin1Char(' ') + tr("(⚠ not buildable as is)");
    return text;
}

QString WhatIfModel::priceText(const WhatIf &w) {
    if (!w.available)
        return QStringLiteral("–");
    if (const auto d = w.priceDeltaEur()) {
        const QString amount = fmt::euros(std::abs(*d));
        return *d > 0 ? QStringLiteral("+") + amount
                      : (*d < 0 ? QStringLiteral("−") + amount : QStringLiteral("±") + amount);
    }
    return tr("no price");
}

QString WhatIfModel::deltaText(const UseCaseDelta &d) {
    //: verdict before → after, then the change of the margin (×)
    return tr("%1 → %2, %3×")
        .arg(passText(d.passBefore), passText(d.passAfter), signedNumber(d.marginDelta(), 2));
}

QString WhatIfModel::compactDeltaText(const UseCaseDelta &d) {
    //: verdict after the change, then the change of the margin (×)
    return tr("%1, %2×").arg(passText(d.passAfter), signedNumber(d.marginDelta(), 2));
}

QVariant WhatIfModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const WhatIf &w = m_items[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    const UseCaseDelta *d = column >= FirstUseCase ? delta(w, column) : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        // The bare number where there is one; else the text (ValidRole false).
        if (column == PriceDelta) {
            const auto p = w.available ? w.priceDeltaEur() : std::nullopt;
            return p ? QVariant(*p) : QVariant(priceText(w));
        }
        if (column >= FirstUseCase)
            return d ? QVariant(d->marginDelta()) : QVariant(QStringLiteral("–"));
        return m_sentences.value(index.row());
    case FormattedRole:
        if (column == Change)
            return m_sentences.value(index.row());
        if (column == PriceDelta)
            return priceText(w);
        return d ? deltaText(*d) : QStringLiteral("–");
    case ValidRole:
        return column == Change ||
               (column == PriceDelta ? w.priceDeltaEur().has_value() && w.available : d != nullptr);
    case VerdictRole:
        if (!d)
            return {};
        return static_cast<int>(d->passAfter ? Verdict::Pass : Verdict::Fail);
    case Qt::FontRole:
        // A verdict that flips is bold: it reads without colour.
        if (d && d->passBefore != d->passAfter) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (column == Change && !w.available) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        return column == Change ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (d)
            return marginText(*d);
        if (column == Change) {
            // The engineering behind the sentence: the change as core names it and
            // each need's margin before → after (1.00× just passes).
            QString text = m_sentences.value(index.row()) + QStringLiteral("\n\n") +
                           tr("In detail: %1").arg(changeText(w));
            for (const UseCaseDelta &x : w.useCases)
                text += QLatin1Char('\n') + marginText(x);
            if (!w.platformProblems.empty()) {
                QStringList lines;
                for (const Problem &p : w.platformProblems)
                    lines << QString::fromStdString(p.message);
                text +=
                    QLatin1Char('\n') + tr("Estimated, but the platform cannot take it as is:\n%1")
                                            .arg(lines.join(QLatin1Char('\n')));
            }
            return text;
        }
        return {};
    case Qt::AccessibleTextRole:
        return data(index, FormattedRole);
    default:
        return {};
    }
}

QVariant WhatIfModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical || section < 0 || section >= columnCount())
        return {};
    if (role == Qt::DisplayRole) {
        if (section == Change)
            return tr("Change and what it does");
        if (section == PriceDelta)
            return tr("Price change");
        return QString::fromStdString(m_useCases[static_cast<std::size_t>(section - FirstUseCase)]);
    }
    if (role == Qt::ToolTipRole) {
        if (section == Change)
            return tr("One change to the selected build or the model: what it costs and how many "
                      "needs the build meets afterwards. Hover for the engineering detail.");
        if (section == PriceDelta)
            return tr("What the change adds to (+) or saves from (−) the build's price.");
        return tr("Verdict before → after the change, and how the margin moves (1.00× just "
                  "passes). Bold: the verdict flips.");
    }
    return {};
}

// -------------------------------------------------------------- HeadroomModel

HeadroomModel::HeadroomModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int HeadroomModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_headroom.useCases.size());
}

int HeadroomModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

void HeadroomModel::setHeadroom(Headroom headroom, units::TokenRate minRate) {
    beginResetModel();
    m_headroom = std::move(headroom);
    m_minRate = minRate;
    endResetModel();
    emit headerDataChanged(Qt::Horizontal, Users, Users);
}

QString HeadroomModel::cellText(const UseCaseHeadroom &h, int column) {
    switch (column) {
    case UseCase:
        return QString::fromStdString(h.useCase);
    case LargestModel:
        return h.largestCatalogueModel.empty()
                   ? tr("none passes")
                   : tr("%1 (%2 B)")
                         .arg(QString::fromStdString(h.largestCatalogueModel),
                              fmt::number(h.largestCatalogueParams / 1e9));
    case LargestParams:
        if (h.largestParams <= 0)
            return tr("none passes");
        return (h.paramsAtSearchLimit ? QStringLiteral("≥ ") : QString()) +
               fmt::withUnit(h.largestParams / 1e9, tr("B parameters"));
    case LongestContext:
        if (units::inTokens(h.longestContext) <= 0)
            return tr("none passes");
        return fmt::withUnit(units::inTokens(h.longestContext), tr("tokens"), 0) +
               (h.contextAtModelLimit ? QLatin1Char(' ') + tr("(model's maximum)") : QString());
    case Users:
        // A need the build fails serves nobody, whatever the writing speed alone allows.
        if (!h.meetsNow)
            return tr("none: need not met");
        return (h.usersAtSearchLimit ? QStringLiteral("≥ ") : QString()) +
               QLocale().toString(h.concurrentUsers);
    default:
        return {};
    }
}

QString HeadroomModel::headerText(int column, units::TokenRate minRate) {
    switch (column) {
    case UseCase:
        return tr("Use case");
    case LargestModel:
        return tr("Largest catalogue model");
    case LargestParams:
        return tr("Largest size");
    case LongestContext:
        return tr("Longest context");
    case Users:
        return tr("Users at ≥ %1").arg(fmt::tokps(minRate));
    default:
        return {};
    }
}

QVariant HeadroomModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UseCaseHeadroom &h = m_headroom.useCases[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LargestParams:
            return h.largestParams;
        case LongestContext:
            return units::inTokens(h.longestContext);
        case Users:
            return h.meetsNow ? h.concurrentUsers : 0;
        default:
            return cellText(h, index.column());
        }
    case FormattedRole:
    case Qt::AccessibleTextRole:
        return cellText(h, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == UseCase || index.column() == LargestModel
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant HeadroomModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole)
        return headerText(section, m_minRate);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case UseCase:
            return tr("The use case the limits are for.");
        case LargestModel:
            return tr("The largest model in the catalogue (same quantization) that still passes "
                      "this use case on the build.");
        case LargestParams:
            return tr("The largest parameter count a model shaped like the chosen one could have "
                      "and still pass (B = billion).");
        case LongestContext:
            return tr("The longest context (prompt plus output) that still fits in memory and "
                      "passes.");
        case Users:
            return tr("How many people can use the build at once, each getting at least the "
                      "minimum output rate (batched generation).");
        default:
            return {};
        }
    }
    return {};
}

} // namespace llm::ui
