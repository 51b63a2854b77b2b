// SPDX-License-Identifier: MIT
#pragma once
// JSON identifiers of the core enums that scenario files spell out (internal).
// Placement ids come from core's toString() so the two can never disagree.

#include "assumptions.h"
#include "hardware.h"
#include "model.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace llm::scenario::detail {

QString familyName(CpuFamily family);
std::optional<CpuFamily> familyFromName(const QString &name);
QStringList familyNames();

QString attentionName(AttentionKind kind);
std::optional<AttentionKind> attentionFromName(const QString &name);
QStringList attentionNames();

QString multiGpuModeName(MultiGpuMode mode);
std::optional<MultiGpuMode> multiGpuModeFromName(const QString &name);
QStringList multiGpuModeNames();

std::optional<Placement> placementFromName(const QString &name);
QStringList placementNames();

} // namespace llm::scenario::detail
