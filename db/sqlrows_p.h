// SPDX-License-Identifier: MIT
#pragma once
// Internal to llmadvisor_db: SQL helpers of the catalogue database — typed
// binding of CSV cells, writing the shipped rows, reading rows back into
// CSV-shaped tables, and the checks run on every open.

#include "catalogue_p.h"
#include "sqlerror.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace llm::db::detail {

bool exec(QSqlQuery &q, const QString &sql, QString *error);
bool exec(const QSqlDatabase &db, const QString &sql, QString *error);

enum class Write {
    Insert, // a new file: plain INSERT
    Upsert, // a new release over an existing file: update shipped rows in place by key
};

// Writes one CSV table as origin = 'shipped' rows. keyColumns is the table's
// UNIQUE key without origin (used by Upsert).
bool writeShippedTable(const QSqlDatabase &db, QLatin1StringView table,
                       const QStringList &keyColumns, const CsvTable &csv, Write mode,
                       QString *error);
// Presets and their GPU groups (names resolved to shipped CPU / GPU rows).
bool insertShippedPresets(const QSqlDatabase &db, const CsvTable &csv, QString *error);
// A column value as the text a CSV cell would hold (NULL -> "", doubles round-trip exactly).
QString cellText(const QVariant &v);
// All columns but row_id / origin, values as text (NULL -> "").
CsvTable tableFromQuery(QSqlQuery &q, const QString &file);

enum class FileState {
    Ok,
    Empty,      // zero bytes / no schema at all: treated like damage
    Foreign,    // another program's file
    Newer,      // a later schema version
    Damaged,    // not a database, corrupt, or failed quick_check / foreign_key_check
    Busy,       // locked by another connection
    Unreadable, // any other error (I/O, permissions): nothing known about the file
};
struct FileCheck {
    FileState state = FileState::Ok;
    QString detail;
};
// Identity, version, quick_check and foreign_key_check; a user_version above
// currentVersion is Newer.
FileCheck checkFile(const QSqlDatabase &db, int currentVersion);

} // namespace llm::db::detail
