// SPDX-License-Identifier: MIT
#include "sizecurvemodel.h"

#include "charts/chartstyle.h"

#include "comparison/comparisondocument.h"
#include "comparison/format.h"
#include "roles.h"

namespace llm::ui {

// Model sizes from a 1B model at 4 bits to a 400B-class model: denser where
// desktop builds change from interactive to not.
static std::vector<double> sampleSizes() {
    return {1,  2,  4,  6,  8,  10,  12,  16,  20,  24,  32,
            40, 48, 64, 80, 96, 128, 160, 200, 256, 320, 400};
}

SizeCurveModel::SizeCurveModel(ComparisonDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_sizes(sampleSizes()) {
    recompute();
    connect(document, &ComparisonDocument::structureChanged, this,
            &SizeCurveModel::onStructureChanged);
    connect(document, &ComparisonDocument::resultsChanged, this, &SizeCurveModel::onResultsChanged);
}

void SizeCurveModel::recompute() {
    m_rates = generationRateBySize(m_document->state(), m_sizes);
}

void SizeCurveModel::onStructureChanged() {
    beginResetModel();
    recompute();
    endResetModel();
}

void SizeCurveModel::onResultsChanged() {
    if (m_rates.size() != static_cast<std::size_t>(m_document->buildCount())) {
        onStructureChanged();
        return;
    }
    // Only the builds whose curve moved are announced: the chart's model mapper
    // replaces every point of every announced series one by one, and an edit
    // usually changes one build (with nine builds, 9x the chart work otherwise).
    const std::vector<std::vector<double>> before = std::move(m_rates);
    recompute();
    int first = -1;
    for (std::size_t b = 0; b <= m_rates.size(); ++b) {
        const bool changed = b < m_rates.size() && m_rates[b] != before[b];
        if (changed && first < 0)
            first = static_cast<int>(b);
        if (!changed && first >= 0) {
            emit dataChanged(index(0, first + 1), index(rowCount() - 1, static_cast<int>(b)));
            first = -1;
        }
    }
    emit resultsUpdated();
}

int SizeCurveModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_sizes.size());
}

int SizeCurveModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : 1 + static_cast<int>(m_rates.size());
}

QVariant SizeCurveModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const double v = index.column() == 0
                         ? m_sizes[row]
                         : m_rates[static_cast<std::size_t>(index.column() - 1)][row];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return v;
    case FormattedRole:
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole:
        if (index.column() == 0)
            return fmt::withUnit(v, QStringLiteral("GB"), 0);
        return v > 0 ? fmt::withUnit(v, QStringLiteral("tok/s")) : tr("does not fit");
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant SizeCurveModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (role == Qt::DisplayRole) {
        if (section == 0)
            return tr("Model size\n(GB)");
        // Tag and full name, wrapped on short lines: the column stays narrow, nothing is cut.
        const QString name = QString::fromStdString(
            m_document->state().builds[static_cast<std::size_t>(section - 1)].name);
        const QString title = buildTag(section - 1) + QStringLiteral(" · ") + name;
        QString text = wrapWords(title, 18).join(QLatin1Char('\n'));
        text += tr("\n(tok/s)");
        return text;
    }
    if (role == BuildNameRole && section > 0)
        return QString::fromStdString(
            m_document->state().builds[static_cast<std::size_t>(section - 1)].name);
    if (role == BuildTagRole && section > 0)
        return buildTag(section - 1);
    if (role == UnitRole)
        return section == 0 ? QStringLiteral("GB") : QStringLiteral("tok/s");
    return {};
}

double SizeCurveModel::largestInteractiveSize(int build, double minRate) const {
    if (build < 0 || build >= static_cast<int>(m_rates.size()))
        return 0;
    double best = 0;
    const auto &rates = m_rates[static_cast<std::size_t>(build)];
    for (std::size_t i = 0; i < m_sizes.size(); ++i) {
        if (rates[i] >= minRate)
            best = m_sizes[i];
    }
    return best;
}

} // namespace llm::ui
