// SPDX-License-Identifier: MIT
#pragma once
// Internal to llmadvisor_db: the embedded schema.sql (:/llmadvisor/schema.sql)
// as statements, and what a file lacks of it.

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace llm::db::detail {

// schema.sql as single statements (separated by ";" at a line end), comments dropped.
QStringList schemaStatements(const QByteArray &schemaSql);
// The embedded schema.sql's statements; empty when the resource is missing.
QStringList embeddedSchemaStatements();

// The columns of `table` (our own table names only); empty when it has none or
// cannot be read.
QStringList columnsOf(const QSqlDatabase &db, const QString &table);

// What the file lacks of the schema (a table dropped, a column missing), in
// plain words for the "damaged" message; empty when every table and column is
// there. user_version alone cannot tell: `DROP TABLE` leaves it as it was.
// With tablesOnly (a file of an older schema version, before its upgrade), only
// whole tables are looked for, and only those every version since 1 has had:
// the tables and columns added later are the upgrade's to add.
QString missingSchemaParts(const QSqlDatabase &db, bool tablesOnly = false);

} // namespace llm::db::detail
