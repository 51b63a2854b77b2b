// SPDX-License-Identifier: MIT
#include "usecasemodel.h"

#include "charts/chartstyle.h"
#include "comparison/comparisondocument.h"
#include "comparison/format.h"
#include "comparison/overrides.h"
#include "roles.h"

#include <QColor>

namespace llm::ui {

UseCaseModel::UseCaseModel(ComparisonDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_rows(document->buildCount())
    , m_columns(static_cast<int>(document->state().useCases.size())) {
    connect(document, &ComparisonDocument::structureChanged, this,
            &UseCaseModel::onStructureChanged);
    connect(document, &ComparisonDocument::resultsChanged, this, &UseCaseModel::onResultsChanged);
}

void UseCaseModel::onStructureChanged() {
    beginResetModel();
    m_rows = m_document->buildCount();
    m_columns = static_cast<int>(m_document->state().useCases.size());
    endResetModel();
}

void UseCaseModel::onResultsChanged() {
    if (m_rows != m_document->buildCount() ||
        m_columns != static_cast<int>(m_document->state().useCases.size())) {
        onStructureChanged();
        return;
    }
    if (m_rows > 0 && m_columns > 0)
        emit dataChanged(index(0, 0), index(m_rows - 1, m_columns - 1));
    if (m_columns > 0)
        emit headerDataChanged(Qt::Horizontal, 0, m_columns - 1);
}

int UseCaseModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_rows;
}

int UseCaseModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_columns;
}

static const UseCaseVerdict *verdictAt(const ComparisonDocument *doc, int row, int column) {
    const auto &results = doc->results();
    if (row < 0 || row >= static_cast<int>(results.size()))
        return nullptr;
    const auto &r = results[static_cast<std::size_t>(row)];
    if (!r.computed || column < 0 || column >= static_cast<int>(r.estimate.useCases.size()))
        return nullptr;
    return &r.estimate.useCases[static_cast<std::size_t>(column)];
}

QString UseCaseModel::why(int row, int column) const {
    const UseCaseVerdict *v = verdictAt(m_document, row, column);
    if (!v)
        return tr("Not computed.");
    const auto &r = m_document->results()[static_cast<std::size_t>(row)];
    return QString::fromStdString(
        explain(*v, r.estimate, m_document->state().assumptions.thresholds));
}

bool UseCaseModel::fitsAt(int row) const {
    const auto &results = m_document->results();
    return row >= 0 && row < static_cast<int>(results.size()) &&
           results[static_cast<std::size_t>(row)].estimate.fits;
}

QVariant UseCaseModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UseCaseVerdict *v = verdictAt(m_document, index.row(), index.column());
    const Verdict verdict =
        !v ? Verdict::NotComputed
           : (v->pass ? (v->borderline ? Verdict::Borderline : Verdict::Pass) : Verdict::Fail);
    switch (role) {
    case Qt::DisplayRole:
    case FormattedRole:
    case Qt::AccessibleTextRole:
        if (!v)
            return tr("n/a");
        if (const Estimate &e =
                m_document->results()[static_cast<std::size_t>(index.row())].estimate;
            !e.fits)
            return fmt::doesNotFit(e);
        // Text, not colour alone: the verdict must survive a projector and a B/W print.
        return QString(fmt::verdict(*v) + QLatin1Char('\n') +
                       fmt::workflowWords(v->workflow, m_document->state().assumptions.thresholds));
    case VerdictRole:
        return static_cast<int>(verdict);
    // A build the model does not fit in has no speeds: "does not fit" instead.
    case PrefillSecondsRole:
        return v && fitsAt(index.row()) ? QVariant(units::inSeconds(v->prefillTime)) : QVariant();
    case GenerationRateRole:
        return v && fitsAt(index.row()) ? QVariant(units::inTokensPerSecond(v->generationRate))
                                        : QVariant();
    case WorkflowRole:
        return !v ? QString() : fitsAt(index.row()) ? fmt::workflow(v->workflow) : tr("too big");
    case Qt::ToolTipRole: {
        if (!v)
            return tr("Not computed.");
        const Estimate &e = m_document->results()[static_cast<std::size_t>(index.row())].estimate;
        QString text = tr("Prompt: %1 at %2\nGeneration: %3 (%4)\nTotal: %5\n%6")
                           .arg(fmt::seconds(v->prefillTime), fmt::tokps(v->prefillRate),
                                fmt::tokps(v->generationRate), fmt::seconds(v->generationTime),
                                fmt::seconds(v->totalTime), why(index.row(), index.column()));
        const OverrideFlags flags =
            overridesFor(e, m_document->state().assumptions, m_document->baseline());
        if (flags.verdicts())
            text += QLatin1Char('\n') + describeOverrides(flags, e);
        return text;
    }
    case Qt::BackgroundRole:
        switch (verdict) {
        case Verdict::Pass:
            return QColor(0x2e, 0x9d, 0x5b, 70);
        case Verdict::Borderline:
            return QColor(0xe0, 0xa1, 0x00, 80);
        case Verdict::Fail:
            return QColor(0xd0, 0x3b, 0x3b, 70);
        case Verdict::NotComputed:
            return {};
        }
        return {};
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignCenter);
    case OverriddenRole:
        return v &&
               overridesFor(m_document->results()[static_cast<std::size_t>(index.row())].estimate,
                            m_document->state().assumptions, m_document->baseline())
                   .verdicts();
    }
    return {};
}

QVariant UseCaseModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_rows)
            return {};
        const QString name = QString::fromStdString(
            m_document->state().builds[static_cast<std::size_t>(section)].name);
        switch (role) {
        case Qt::DisplayRole: {
            QString text = buildTag(section);
            text += QStringLiteral(" · ");
            text += name;
            return text;
        }
        case BuildTagRole:
            return buildTag(section);
        case BuildNameRole:
            return name;
        case FitNoteRole: {
            const auto &results = m_document->results();
            const auto row = static_cast<std::size_t>(section);
            return row < results.size() && results[row].computed && !results[row].estimate.fits
                       ? fmt::doesNotFit(results[row].estimate)
                       : QString();
        }
        }
        return {};
    }
    if (section < 0 || section >= m_columns)
        return {};
    const UseCase &uc = m_document->state().useCases[static_cast<std::size_t>(section)];
    switch (role) {
    case Qt::DisplayRole:
        return fmt::needName(uc); // what the need is for, not its code
    case Qt::ToolTipRole:
    case Qt::WhatsThisRole:
        return tr("%1 (%2)\n%3 prompt tokens, %4 generated tokens")
            .arg(QString::fromStdString(uc.description), QString::fromStdString(uc.id))
            .arg(QLocale().toString(units::inTokens(uc.promptTokens), 'f', 0))
            .arg(QLocale().toString(units::inTokens(uc.generatedTokens), 'f', 0));
    }
    return {};
}

} // namespace llm::ui
