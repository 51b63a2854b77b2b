// SPDX-License-Identifier: MIT
#pragma once
// The editable catalogue tables as rows of text cells (the shape of a CSV
// file), their column rules, and the one validation every way in uses: the
// editor, the importers and the CLI. Numbers are parsed with the C locale
// only, with an optional explicit unit ("24 GB", "24 GiB"); nothing depends
// on the user's locale.

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace llm::db {

enum class CatalogueTable { Cpus, Gpus, Models, Quants };

// "cpus", "gpus", "models", "quants"
QString tableName(CatalogueTable table);
std::optional<CatalogueTable> tableFromName(const QString &name);
QList<CatalogueTable> editableTables();

// Column name -> cell text as in a CSV file; "" means unknown (NULL).
using RowValues = QMap<QString, QString>;

// The table's columns in file order (the shipped CSV header, without
// row_id / origin). The key column is always "name".
QStringList tableColumns(CatalogueTable table);

// What a column holds and allows, for messages and editors.
struct ColumnRule {
    QString name;
    enum Kind { Text, Integer, Real, Flag, Choice, Date } kind = Text;
    bool required = false;
    double min = 0;            // numbers only
    bool minExclusive = false; // "> min" rather than ">= min"
    double max = 0;
    QString unit;            // "GB", "GHz", ... ("" = plain count)
    QStringList choices;     // Choice only
    QString allowed() const; // "more than 0 up to 4096 GB", "one of gqa, mha, mla, sliding"
};
QList<ColumnRule> columnRules(CatalogueTable table);

// Checks a row and rewrites it into its stored form: text trimmed, numbers
// in the column's unit written C-locale and shortest round-trip ("24 GiB" ->
// "25.769803776"), defaults filled in (model = name, flags 0, source and
// as_of when empty). Unknown columns are refused. Returns one "field: why"
// per problem, empty when the row is good.
QStringList normaliseRow(CatalogueTable table, RowValues *row);

// A number as stored in a cell: C locale, whole numbers in full, others the
// shortest text that reads back to the same double.
QString formatNumber(double v);

// One number as typed, for the column rule; nullopt and *why set when bad.
std::optional<double> parseQuantity(const ColumnRule &rule, const QString &text, QString *why);

} // namespace llm::db
