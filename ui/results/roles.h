// SPDX-License-Identifier: MIT
#pragma once
// Item-data roles shared by the result models, their delegates and the charts.
// DisplayRole of a numeric cell is the bare number (charts' model mappers read it);
// text with locale and unit comes from FormattedRole (delegate, accessibility, report).

#include <Qt>

namespace llm::ui {

enum ResultRole {
    FormattedRole = Qt::UserRole + 1, // QString: number with unit, locale-formatted
    UnitRole,                         // QString (header): unit of the column, e.g. "GB/s"
    ValidRole,                        // bool: false when the figure does not exist (n/a)
    VerdictRole,                      // int: Verdict below (use-case cells)
    WorkflowRole,                     // QString: workflow class (use-case cells)
    OverriddenRole,                   // bool: an assumption behind the figure was overridden
    MemoryFitRole,                    // QVariantList (memory cell): see MemoryFit in memoryfit.h
    BuildTagRole,       // QString (vertical header): the build's short tag, "A", "B", …
    BuildNameRole,      // QString (vertical header): the build's full name
    PrefillSecondsRole, // double (use-case cell): seconds until the answer starts
    GenerationRateRole, // double (use-case cell): writing speed, tok/s
    FitNoteRole, // QString (vertical header): "does not fit — needs …", empty when it fits
};

enum class Verdict { Fail = 0, Borderline = 1, Pass = 2, NotComputed = 3 };

} // namespace llm::ui
