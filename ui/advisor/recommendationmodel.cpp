// SPDX-License-Identifier: MIT
// Table model of recommended builds (Find builds dialog).
#include "recommendationmodel.h"

#include "comparison/format.h"
#include "results/roles.h"

#include <cmath>

namespace llm::ui {

namespace {

QString memoryText(const Recommendation &r) {
    const BuildKey &k = r.key;
    const QString module = fmt::withUnit(units::inGigabytes(k.moduleSize), QStringLiteral("GB"), 0);
    // The memory type and speed as the product is named ("DDR5-5600"), no digit grouping.
    const QString type = QStringLiteral("%1-%2").arg(
        QString::fromStdString(r.build.cpu.memoryType),
        QString::number(std::lround(units::inMegatransfersPerSecond(k.speed))));
    const QString capacity =
        fmt::withUnit(units::inGigabytes(r.build.memory.capacity), QStringLiteral("GB"), 0);
    const QString channels = k.channels == 1
                                 ? RecommendationModel::tr("1 channel")
                                 : RecommendationModel::tr("%1 channels").arg(k.channels);
    if (k.dimmsPerChannel > 1)
        //: channels × modules per channel × module size, memory type (total capacity)
        return RecommendationModel::tr("%1 × %2 × %3, %4 (%5)")
            .arg(channels)
            .arg(k.dimmsPerChannel)
            .arg(module, type, capacity);
    //: channels × module size, memory type (total capacity)
    return RecommendationModel::tr("%1 × %2, %3 (%4)").arg(channels, module, type, capacity);
}

QString gpuText(const Recommendation &r) {
    if (r.build.gpus.empty())
        return r.build.integratedGpu ? RecommendationModel::tr("integrated %1")
                                           .arg(QString::fromStdString(r.build.integratedGpu->name))
                                     : RecommendationModel::tr("none");
    QStringList parts;
    for (const GpuGroup &g : r.build.gpus)
        parts << QStringLiteral("%1 × %2").arg(g.count).arg(QString::fromStdString(g.gpu.name));
    return parts.join(QStringLiteral(", "));
}

QString verdictsText(const Recommendation &r) {
    QStringList lines;
    for (const UseCaseVerdict &v : r.estimate.useCases)
        lines << RecommendationModel::tr("%1: %2 — prompt %3, output %4")
                     .arg(QString::fromStdString(v.useCase->id), fmt::verdict(v),
                          fmt::seconds(v.prefillTime), fmt::tokps(v.generationRate));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

RecommendationModel::RecommendationModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int RecommendationModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int RecommendationModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

void RecommendationModel::setRecommendations(std::vector<Recommendation> items) {
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

QVariant RecommendationModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Recommendation &r = at(index.row());
    const auto column = static_cast<Column>(index.column());
    const bool priced = r.cost.priceEur.has_value();
    switch (role) {
    case Qt::DisplayRole:
        // Numbers bare (sorting, tests); the delegate shows FormattedRole.
        switch (column) {
        case Price:
            // No number for a build without a price (never 0): its text, ValidRole false.
            return priced ? QVariant(*r.cost.priceEur) : QVariant(tr("no price"));
        case Margin:
            return r.margin;
        case GenerationRate:
            return units::inTokensPerSecond(r.estimate.generationRate);
        case PromptRate:
            return units::inTokensPerSecond(r.estimate.promptRate);
        case Power:
            return units::inWatts(r.cost.powerAtLoad);
        default:
            return data(index, FormattedRole);
        }
    case FormattedRole:
        switch (column) {
        case Price:
            return priced ? fmt::euros(*r.cost.priceEur) : tr("no price");
        case Margin:
            return QStringLiteral("%1×").arg(fmt::number(r.margin, 2));
        case Tightest:
            return QString::fromStdString(r.limitingUseCase);
        case GenerationRate:
            return fmt::tokps(r.estimate.generationRate);
        case PromptRate:
            return fmt::tokps(r.estimate.promptRate);
        case Cpu:
            return QString::fromStdString(r.build.cpu.name);
        case Memory:
            return memoryText(r);
        case Gpus:
            return gpuText(r);
        case Power:
            return fmt::watts(r.cost.powerAtLoad);
        case ColumnCount:
            break;
        }
        return {};
    case ValidRole:
        return column != Price || priced;
    case Qt::TextAlignmentRole:
        switch (column) {
        case Price:
        case Margin:
        case GenerationRate:
        case PromptRate:
        case Power:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2").arg(QString::fromStdString(r.build.name), verdictsText(r));
    case Qt::AccessibleTextRole:
        return data(index, FormattedRole);
    default:
        return {};
    }
}

QVariant RecommendationModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < rowCount())
            return section + 1;
        return {};
    }
    if (section < 0 || section >= ColumnCount)
        return {};
    const auto column = static_cast<Column>(section);
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Price:
            return tr("Price");
        case Margin:
            return tr("Margin");
        case Tightest:
            return tr("Tightest");
        case GenerationRate:
            return tr("Output");
        case PromptRate:
            return tr("Prompt");
        case Cpu:
            return tr("CPU");
        case Memory:
            return tr("Memory");
        case Gpus:
            return tr("GPUs");
        case Power:
            return tr("Power");
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Price:
            return tr("Total price of CPU, memory, GPUs and platform, in euros. Builds with a part "
                      "that has no price are listed apart, never priced at zero.");
        case Margin:
            return tr("How far the tightest limit is beaten: 1.00× just passes, 2.00× is twice as "
                      "fast as needed (prompt within the time limit, output at the minimum "
                      "rate).");
        case Tightest:
            return tr("The use case with the smallest margin: the first to fail if the load "
                      "grows.");
        case GenerationRate:
            return tr("Estimated output (generation) speed, in tokens per second.");
        case PromptRate:
            return tr("Estimated prompt-processing (prefill) speed, in tokens per second.");
        case Cpu:
            return tr("The processor.");
        case Memory:
            return tr("Memory channels populated × modules per channel × module size, the memory "
                      "type and speed, and the total capacity.");
        case Gpus:
            return tr("Discrete graphics cards (count × model), or none.");
        case Power:
            return tr("Power drawn at load: CPU, GPUs and the rest of the platform.");
        case ColumnCount:
            break;
        }
    }
    return {};
}

} // namespace llm::ui
