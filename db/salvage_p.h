// SPDX-License-Identifier: MIT
#pragma once
// Internal to llmadvisor_db: salvage, the user's rows read back from a damaged
// catalogue file into the fresh one made in its place (salvage.cpp).

#include <QList>
#include <QString>

#include <utility>

namespace llm::db::detail {

struct SalvageReport {
    QList<std::pair<QString, int>> perTable; // table, rows recovered (tables with any)
    int recovered = 0;
    int unreadable = 0;      // rows known to exist that could not be read or written back
    bool incomplete = false; // parts could not be read and how many rows they held is unknown
    bool sourceRead = false; // the damaged file's tables could be listed at all

    // "Recovered 3 of your rows (2 GPUs, 1 preset)." and the like.
    QString summary() const;
};

} // namespace llm::db::detail
