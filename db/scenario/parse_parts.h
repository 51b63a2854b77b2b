// SPDX-License-Identifier: MIT
#pragma once
// Reading the parts of a scenario that are either a catalogue name or an
// explicit object: CPU, GPU, model (with quantization) and use case (internal).

#include "catalog.h"
#include "hardware.h"
#include "model.h"
#include "workload.h"

#include <QJsonValue>
#include <QString>

namespace llm::scenario::detail {

Cpu readCpu(const QJsonValue &value, const QString &path, const Catalog &catalog);
Gpu readGpu(const QJsonValue &value, const QString &path, const Catalog &catalog);
ModelChoice readModel(const QJsonValue &value, const QString &path, const Catalog &catalog);
UseCase readUseCase(const QJsonValue &value, const QString &path, const Catalog &catalog);

// Looks a CPU / GPU up by name or fails at `path` with the closest names.
const Cpu &resolveCpu(const Catalog &catalog, const QString &name, const QString &path);
const Gpu &resolveGpu(const Catalog &catalog, const QString &name, const QString &path);

} // namespace llm::scenario::detail
