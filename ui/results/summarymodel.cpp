// SPDX-License-Identifier: MIT
#include "summarymodel.h"

#include "charts/chartstyle.h"
#include "comparison/comparisondocument.h"
#include "comparison/format.h"
#include "comparison/overrides.h"
#include "memoryfit.h"
#include "roles.h"

#include <QStringList>

#include <algorithm>

namespace llm::ui {

SummaryModel::SummaryModel(ComparisonDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_rows(document->buildCount()) {
    connect(document, &ComparisonDocument::structureChanged, this,
            &SummaryModel::onStructureChanged);
    connect(document, &ComparisonDocument::resultsChanged, this, &SummaryModel::onResultsChanged);
}

void SummaryModel::onStructureChanged() {
    beginResetModel();
    m_rows = m_document->buildCount();
    endResetModel();
}

void SummaryModel::onResultsChanged() {
    if (m_rows != m_document->buildCount()) {
        onStructureChanged();
        return;
    }
    if (m_rows > 0)
        emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
}

int SummaryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_rows;
}

int SummaryModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString SummaryModel::columnTitle(int column) {
    switch (column) {
    case Name:
        return tr("Build");
    case RamBandwidth:
        return tr("RAM side");
    case CpuBandwidth:
        return tr("CPU fabric side");
    case GpuBandwidth:
        return tr("GPU memory");
    case SystemBandwidth:
        return tr("System bandwidth");
    case PromptRate:
        return tr("Reading speed (input)");
    case Spacer:
        return {};
    case GenerationRate:
        return tr("Writing speed (output)");
    case Placement:
        return tr("Model runs on");
    case MemoryNeeded:
        return tr("Memory needed");
    case MemoryAvailable:
        return tr("Memory available");
    case Bottleneck:
        return tr("Bottleneck");
    case UseCasesPassed:
        return tr("Needs met");
    case Price:
        return tr("Price");
    case EurPerTokenRate:
        return tr("Price per writing speed");
    case PowerAtLoad:
        return tr("Power at load");
    case EnergyPerMillion:
        return tr("Energy per 1M tokens");
    case CostPerMillion:
        return tr("Electricity per 1M tokens");
    case MeasuredPrompt:
        return tr("Measured prompt");
    case MeasuredGeneration:
        return tr("Measured generation");
    case FitsInMemory:
        return tr("Fits in memory");
    }
    return {};
}

bool SummaryModel::isEngineeringColumn(int column) {
    switch (column) {
    case RamBandwidth:
    case CpuBandwidth:
    case GpuBandwidth:
    case SystemBandwidth:
    case Spacer:
    case Bottleneck:
    case MemoryAvailable:
    case EnergyPerMillion:
    case MeasuredPrompt:
    case MeasuredGeneration:
        return true;
    default:
        return false;
    }
}

QString SummaryModel::columnUnit(int column) {
    switch (column) {
    case RamBandwidth:
    case CpuBandwidth:
    case GpuBandwidth:
    case SystemBandwidth:
        return QStringLiteral("GB/s");
    case PromptRate:
    case GenerationRate:
    case MeasuredPrompt:
    case MeasuredGeneration:
        return QStringLiteral("tok/s");
    case MemoryNeeded:
    case MemoryAvailable:
        return QStringLiteral("GB");
    case Price:
    case CostPerMillion:
        return QStringLiteral("EUR");
    case EurPerTokenRate:
        return tr("EUR per tok/s");
    case PowerAtLoad:
        return QStringLiteral("W");
    case EnergyPerMillion:
        return QStringLiteral("kWh");
    }
    return {};
}

QString SummaryModel::columnHelp(int column) {
    switch (column) {
    case RamBandwidth:
        return tr("Memory bandwidth on the DIMM side: channels × 8 bytes × MT/s.");
    case CpuBandwidth:
        return tr("Bandwidth the CPU's chiplets (CCDs) can pull through the Infinity Fabric: "
                  "CCDs × 32 bytes × FCLK. Zero when the CPU has a single die (no fabric limit).");
    case GpuBandwidth:
        return tr("Bandwidth of one GPU's own memory (VRAM). Zero when there is no GPU.");
    case SystemBandwidth:
        return tr("What the CPU actually gets from RAM: the smaller of the RAM side and the "
                  "CPU fabric side.");
    case PromptRate:
        return tr("Reading speed: how many tokens (about ¾ of a word each) of your question "
                  "and documents the machine reads per second before it starts to answer. "
                  "Engineers call it prompt processing or prefill; it is limited by compute.");
    case GenerationRate:
        return tr("Writing speed: tokens (about ¾ of a word each) of answer written per "
                  "second. 10 tok/s is about reading speed. Engineers call it token "
                  "generation; it is limited by memory bandwidth.");
    case FitsInMemory:
        return tr("Whether the model and its working memory fit in the build's RAM and "
                  "graphics memory.");
    case Placement:
        return tr("Where the model's weights live: CPU (system RAM), GPU (VRAM), or split "
                  "between them (hybrid).");
    case MemoryNeeded:
        return tr("Weights + KV cache (the model's working memory for the context) + runtime "
                  "overhead.");
    case MemoryAvailable:
        return tr("RAM and VRAM the chosen placement may use.");
    case Bottleneck:
        return tr("The part that limits token generation.");
    case EurPerTokenRate:
        return tr("Total price divided by generation speed: lower is better value.");
    case PowerAtLoad:
        return tr("CPU and GPU TDPs plus the platform (board, drives, fans, PSU losses).");
    case EnergyPerMillion:
    case CostPerMillion:
        return tr("Energy and electricity cost to generate one million tokens at load (tariff "
                  "in Assumptions).");
    case MeasuredPrompt:
    case MeasuredGeneration:
        return tr("A published llama-bench-style run (short prompt, short answer, like the "
                  "estimate) of the same device (GPU, or CPU when the model runs there) with "
                  "the same model, quantization and runtime: the median of the results found. "
                  "Shown to check the estimate against; never used to make it.");
    }
    return {};
}

QVariant SummaryModel::value(int row, int column) const {
    const auto &results = m_document->results();
    const auto &builds = m_document->state().builds;
    if (row < 0 || row >= static_cast<int>(results.size()))
        return {};
    const BuildResult &r = results[static_cast<std::size_t>(row)];
    const Estimate &e = r.estimate;
    const Build &b = builds[static_cast<std::size_t>(row)];
    switch (column) {
    case Name:
        return QString::fromStdString(b.name);
    case RamBandwidth:
        return units::inGigabytesPerSecond(e.bandwidth.ramSide);
    case CpuBandwidth:
        return units::inGigabytesPerSecond(e.bandwidth.cpuSide);
    case GpuBandwidth:
        return units::inGigabytesPerSecond(e.bandwidth.gpu);
    case SystemBandwidth:
        return units::inGigabytesPerSecond(e.bandwidth.system);
    case PromptRate:
        return units::inTokensPerSecond(e.promptRate);
    case Spacer:
        return 0.0;
    case GenerationRate:
        return units::inTokensPerSecond(e.generationRate);
    case Placement:
        return fmt::placement(e.placement);
    case MemoryNeeded:
        return units::inGigabytes(e.memory.total);
    case MemoryAvailable:
        return units::inGigabytes(e.memory.ramAvailable + e.memory.vramAvailable);
    case Bottleneck:
        return e.fits ? fmt::bottleneck(e.generationBottleneck)
                      : fmt::bottleneck(Bottleneck::Capacity);
    case UseCasesPassed:
        return static_cast<int>(std::count_if(e.useCases.begin(), e.useCases.end(),
                                              [](const UseCaseVerdict &v) { return v.pass; }));
    case Price:
        return r.cost.priceEur ? QVariant(*r.cost.priceEur) : QVariant(0.0);
    case EurPerTokenRate:
        return r.cost.eurPerTokenPerSecond ? QVariant(*r.cost.eurPerTokenPerSecond) : QVariant(0.0);
    case PowerAtLoad:
        return units::inWatts(r.cost.powerAtLoad);
    case EnergyPerMillion:
        return units::inKilowattHours(r.cost.energyPerToken * units::tokens(1e6));
    case CostPerMillion:
        return r.cost.electricityEurPerMillionTokens;
    case MeasuredPrompt:
        return e.measuredPrompt ? e.measuredPrompt->medianTokS : 0.0;
    case MeasuredGeneration:
        return e.measuredGeneration ? e.measuredGeneration->medianTokS : 0.0;
    case FitsInMemory:
        return e.fits;
    }
    return {};
}

namespace {
// A figure from the user's own llama-bench run (measurements import), not a published one.
bool fromYourMachine(const MeasuredReference &m) {
    return m.source.rfind("your measurement", 0) == 0;
}
} // namespace

namespace {

// "(115–191)": the estimate's likely range, without the unit (it is beside the figure).
QString range(units::TokenRate low, units::TokenRate high) {
    const double lo = units::inTokensPerSecond(low);
    const double hi = units::inTokensPerSecond(high);
    if (!(hi > 0) || !(hi >= lo))
        return {};
    return QStringLiteral(" (%1–%2)").arg(fmt::number(lo), fmt::number(hi));
}

} // namespace

bool SummaryModel::overridden(int row, int column) const {
    const auto &results = m_document->results();
    if (row < 0 || row >= static_cast<int>(results.size()))
        return false;
    const OverrideFlags flags =
        overridesFor(results[static_cast<std::size_t>(row)].estimate,
                     m_document->state().assumptions, m_document->baseline());
    switch (column) {
    case PromptRate:
    case GenerationRate:
    case EurPerTokenRate:
    case EnergyPerMillion:
        return flags.speeds();
    case UseCasesPassed:
        return flags.verdicts();
    case CostPerMillion:
        return flags.electricity();
    default:
        return false;
    }
}

QString SummaryModel::toolTip(int row, int column) const {
    const BuildResult &r = m_document->results()[static_cast<std::size_t>(row)];
    const Estimate &e = r.estimate;
    if (column == Name) {
        const Build &b = m_document->state().builds[static_cast<std::size_t>(row)];
        QString text = QString::fromStdString(b.cpu.name);
        for (const GpuGroup &g : b.gpus)
            text +=
                QStringLiteral(" + %1× %2").arg(g.count).arg(QString::fromStdString(g.gpu.name));
        return text;
    }
    QStringList lines{formatted(row, column)};
    if (r.computed && (column == PromptRate || column == GenerationRate)) {
        lines << tr("The range in brackets is where 8 in 10 published measurements of %1 "
                    "hardware fell around the estimator's figure.")
                     .arg(QString::fromStdString(e.hardwareClass.str()));
        const auto &measured = column == PromptRate ? e.measuredPrompt : e.measuredGeneration;
        if (measured)
            lines << (fromYourMachine(*measured) ? tr("Measured on your machine: %1.")
                                                 : tr("Published measurement: %1."))
                         .arg(formatted(row, column == PromptRate ? MeasuredPrompt
                                                                  : MeasuredGeneration));
        if (e.factors.ownMeasurements > 0)
            lines << tr("Calibrated with %n of your measurements.", nullptr,
                        e.factors.ownMeasurements);
    }
    if (r.computed && (column == MeasuredPrompt || column == MeasuredGeneration)) {
        const auto &measured = column == MeasuredPrompt ? e.measuredPrompt : e.measuredGeneration;
        if (measured) {
            lines << tr("Range of the results: %1–%2 tok/s.")
                         .arg(fmt::number(measured->lowTokS), fmt::number(measured->highTokS));
            if (!measured->source.empty())
                lines << tr("Latest source: %1 %2")
                             .arg(QString::fromStdString(measured->source),
                                  QString::fromStdString(measured->date));
            if (measured->singleRun)
                lines << tr("Single runs only: treat with care.");
        }
    }
    if (column == MemoryNeeded && r.computed) {
        const MemoryBreakdown &m = e.memory;
        lines << tr("Weights %1 + KV cache %2 + overhead %3.")
                     .arg(fmt::gigabytes(m.weights), fmt::gigabytes(m.kvCache),
                          fmt::gigabytes(m.overhead));
        if (m.vramAvailable.value() > 0)
            lines << tr("In VRAM %1 of %2; in RAM %3 of %4.")
                         .arg(fmt::gigabytes(m.inVram), fmt::gigabytes(m.vramAvailable),
                              fmt::gigabytes(m.inRam), fmt::gigabytes(m.ramAvailable));
        else
            lines << tr("In RAM %1 of %2.")
                         .arg(fmt::gigabytes(m.inRam), fmt::gigabytes(m.ramAvailable));
    }
    if (overridden(row, column))
        lines << describeOverrides(
            overridesFor(e, m_document->state().assumptions, m_document->baseline()), e);
    const QString help = columnHelp(column);
    if (!help.isEmpty())
        lines << help;
    return lines.join(QLatin1Char('\n'));
}

QString SummaryModel::formatted(int row, int column) const {
    const auto &results = m_document->results();
    if (row < 0 || row >= static_cast<int>(results.size()))
        return {};
    const BuildResult &r = results[static_cast<std::size_t>(row)];
    const QVariant v = value(row, column);
    if (column != Name && !r.computed)
        return tr("n/a");
    // A model that does not fit has no speed, running cost or verdict to show.
    if (!r.estimate.fits &&
        (column == PromptRate || column == GenerationRate || column == EurPerTokenRate ||
         column == EnergyPerMillion || column == CostPerMillion || column == UseCasesPassed))
        return fmt::doesNotFit(r.estimate);
    switch (column) {
    case Name:
    case Placement:
    case Bottleneck:
        return v.toString();
    case CpuBandwidth:
        if (!r.estimate.bandwidth.fabricApplies)
            return tr("no fabric limit");
        break;
    case GpuBandwidth:
        if (r.estimate.bandwidth.gpu.value() <= 0)
            return tr("no GPU");
        break;
    case UseCasesPassed:
        return tr("%1 of %2").arg(v.toInt()).arg(r.estimate.useCases.size());
    case Price:
        return fmt::price(m_document->state().builds[static_cast<std::size_t>(row)],
                          r.cost.priceEur);
    case EurPerTokenRate:
        return r.cost.eurPerTokenPerSecond
                   ? tr("%1 per tok/s").arg(fmt::euros(*r.cost.eurPerTokenPerSecond))
                   : tr("n/a");
    case CostPerMillion:
        return fmt::euros(v.toDouble());
    case EnergyPerMillion:
        return fmt::withUnit(v.toDouble(), QStringLiteral("kWh"), 2);
    case PowerAtLoad:
        return fmt::withUnit(v.toDouble(), QStringLiteral("W"), 0);
    case MemoryNeeded:
        return fmt::withUnit(v.toDouble(), QStringLiteral("GB"), 1) +
               (r.estimate.fits ? QString() : tr(" (does not fit)"));
    case PromptRate:
        return fmt::withUnit(v.toDouble(), columnUnit(column)) +
               range(r.estimate.promptRateLow, r.estimate.promptRateHigh);
    case GenerationRate:
        return fmt::withUnit(v.toDouble(), columnUnit(column)) +
               range(r.estimate.generationRateLow, r.estimate.generationRateHigh);
    case MeasuredPrompt:
    case MeasuredGeneration: {
        const auto &measured =
            column == MeasuredPrompt ? r.estimate.measuredPrompt : r.estimate.measuredGeneration;
        if (!measured)
            return tr("none published");
        if (fromYourMachine(*measured))
            return fmt::withUnit(measured->medianTokS, columnUnit(column)) +
                   tr(" (your machine, %1)").arg(QString::fromStdString(measured->date));
        return fmt::withUnit(measured->medianTokS, columnUnit(column)) +
               (measured->count == 1 ? tr(" (1 result)")
                                     : tr(" (%1 results)").arg(measured->count));
    }
    case Spacer:
        return {};
    case FitsInMemory:
        return r.estimate.fits ? tr("yes")
                               : tr("no: needs %1, has %2")
                                     .arg(fmt::gigabytes(r.estimate.memory.total),
                                          fmt::gigabytes(r.estimate.memory.ramAvailable +
                                                         r.estimate.memory.vramAvailable));
    default:
        break;
    }
    const QString unit = columnUnit(column);
    return unit.isEmpty() ? fmt::number(v.toDouble()) : fmt::withUnit(v.toDouble(), unit);
}

QVariant SummaryModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return value(row, column);
    case FormattedRole:
        return formatted(row, column);
    case Qt::AccessibleTextRole:
        return overridden(row, column) ? formatted(row, column) + tr(" (overridden)")
                                       : formatted(row, column);
    case ValidRole: {
        const BuildResult &r = m_document->results()[static_cast<std::size_t>(row)];
        if (column == MeasuredPrompt)
            return r.computed && r.estimate.measuredPrompt.has_value();
        if (column == MeasuredGeneration)
            return r.computed && r.estimate.measuredGeneration.has_value();
        return r.computed;
    }
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case MemoryFitRole:
        if (column != MemoryNeeded)
            return {};
        return memoryFitToVariant(m_document->results()[static_cast<std::size_t>(row)]);
    case Qt::TextAlignmentRole:
        return column == Name || column == Placement || column == Bottleneck ||
                       column == FitsInMemory
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case OverriddenRole:
        return overridden(row, column);
    }
    return {};
}

QVariant SummaryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_rows)
            return {};
        // Rows are tagged A, B, C… like every chart's axis and legend.
        if (role == Qt::DisplayRole || role == BuildTagRole)
            return buildTag(section);
        if (role == BuildNameRole || role == Qt::ToolTipRole)
            return QString::fromStdString(
                m_document->state().builds[static_cast<std::size_t>(section)].name);
        return {};
    }
    if (section < 0 || section >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        const QString unit = columnUnit(section);
        return unit.isEmpty() || section == Price || section == CostPerMillion
                   ? columnTitle(section)
                   : columnTitle(section) + QStringLiteral(" (") + unit + QStringLiteral(")");
    }
    case UnitRole:
        return columnUnit(section);
    case Qt::ToolTipRole:
    case Qt::WhatsThisRole:
        return columnHelp(section);
    }
    return {};
}

Qt::ItemFlags SummaryModel::flags(const QModelIndex &index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Name)
        f |= Qt::ItemIsEditable;
    return f;
}

bool SummaryModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (role != Qt::EditRole || !index.isValid() || index.column() != Name)
        return false;
    // The document emits the change; views update from its signals.
    return m_document->renameBuild(index.row(), value.toString());
}

} // namespace llm::ui
