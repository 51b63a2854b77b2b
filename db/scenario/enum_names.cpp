// SPDX-License-Identifier: MIT
#include "enum_names.h"

#include "estimate.h"

#include <array>
#include <utility>

namespace llm::scenario::detail {
namespace {

// One table per enum: both directions and the list of choices come from it.
template <class E, std::size_t N> using Table = std::array<std::pair<E, const char16_t *>, N>;

constexpr Table<CpuFamily, 5> kFamilies{{{CpuFamily::Desktop, u"desktop"},
                                         {CpuFamily::Workstation, u"workstation"},
                                         {CpuFamily::Server, u"server"},
                                         {CpuFamily::Mobile, u"mobile"},
                                         {CpuFamily::Other, u"other"}}};

constexpr Table<AttentionKind, 4> kAttention{{{AttentionKind::Gqa, u"gqa"},
                                              {AttentionKind::Mha, u"mha"},
                                              {AttentionKind::Mla, u"mla"},
                                              {AttentionKind::Sliding, u"sliding"}}};

constexpr Table<MultiGpuMode, 2> kMultiGpu{{{MultiGpuMode::LayerSplit, u"layer-split"},
                                            {MultiGpuMode::TensorParallel, u"tensor-parallel"}}};

constexpr std::array<Placement, 7> kPlacements{Placement::CpuOnly,
                                               Placement::SingleGpu,
                                               Placement::MultiGpuLayerSplit,
                                               Placement::MultiGpuTensorParallel,
                                               Placement::HybridLayers,
                                               Placement::HybridMoeExperts,
                                               Placement::Unified};

template <class E, std::size_t N> QString nameOf(const Table<E, N> &table, E value) {
    for (const auto &[e, name] : table)
        if (e == value)
            return QString::fromUtf16(name);
    return {};
}

template <class E, std::size_t N>
std::optional<E> valueOf(const Table<E, N> &table, const QString &name) {
    for (const auto &[e, n] : table)
        if (name.compare(QString::fromUtf16(n), Qt::CaseInsensitive) == 0)
            return e;
    return std::nullopt;
}

template <class E, std::size_t N> QStringList namesOf(const Table<E, N> &table) {
    QStringList out;
    for (const auto &entry : table)
        out << QString::fromUtf16(entry.second);
    return out;
}

} // namespace

QString familyName(CpuFamily family) {
    return nameOf(kFamilies, family);
}
std::optional<CpuFamily> familyFromName(const QString &name) {
    return valueOf(kFamilies, name);
}
QStringList familyNames() {
    return namesOf(kFamilies);
}

QString attentionName(AttentionKind kind) {
    return nameOf(kAttention, kind);
}
std::optional<AttentionKind> attentionFromName(const QString &name) {
    return valueOf(kAttention, name);
}
QStringList attentionNames() {
    return namesOf(kAttention);
}

QString multiGpuModeName(MultiGpuMode mode) {
    return nameOf(kMultiGpu, mode);
}
std::optional<MultiGpuMode> multiGpuModeFromName(const QString &name) {
    return valueOf(kMultiGpu, name);
}
QStringList multiGpuModeNames() {
    return namesOf(kMultiGpu);
}

std::optional<Placement> placementFromName(const QString &name) {
    for (Placement p : kPlacements)
        if (name.compare(QLatin1String(toString(p)), Qt::CaseInsensitive) == 0)
            return p;
    return std::nullopt;
}

QStringList placementNames() {
    QStringList out;
    for (Placement p : kPlacements)
        out << QLatin1String(toString(p));
    return out;
}

} // namespace llm::scenario::detail
