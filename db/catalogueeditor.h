// SPDX-License-Identifier: MIT
#pragma once
// Edits of the user's layer of the catalogue: own rows (add, update, delete)
// and overrides of shipped rows (a user row with the shipped row's name; reset
// = delete it). Every edit is validated first (normaliseRow: "field: why
// (allowed: ...)"), then written in one short transaction that is committed
// before the call returns; SQLite's own refusals are a backstop, mapped to
// plain sentences. Before each commit the table is read back through the same
// conversion load() uses, so an edit can never make the catalogue unreadable.

#include "catalogue.h"
#include "cataloguerows.h"
#include "sqlerror.h" // plainSqlError, for the editor's callers

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace llm::db {

enum class RowOrigin {
    Shipped,  // the program's data, unchanged
    Own,      // the user's own part
    Override, // the user's version of a shipped part
};
QString originLabel(RowOrigin origin); // "shipped", "user", "overridden"

struct CatalogueRow {
    RowOrigin origin = RowOrigin::Shipped;
    RowValues values;
};

struct EditResult {
    bool ok = false;
    QString message; // on failure: "field: why" or a plain sentence
};

class CatalogueEditor final {
public:
    // The database must outlive the editor; edits need it open and writable.
    explicit CatalogueEditor(CatalogueDatabase *database);

    // Effective rows (shipped, overridden, own) in load() order.
    QList<CatalogueRow> rows(CatalogueTable table, QString *error = nullptr) const;
    std::optional<CatalogueRow> row(CatalogueTable table, const QString &name) const;
    std::optional<RowValues> shippedRow(CatalogueTable table, const QString &name) const;
    // Name -> origin of every effective row that is not plain shipped (for marking rows).
    QMap<QString, RowOrigin> userLayer(CatalogueTable table) const;
    // Sets the origin of the catalogue's CPUs, GPUs, models and quantizations
    // from the user's layer, by name (load() reads every row as shipped).
    void markOrigins(Catalog *catalog) const;

    EditResult addRow(CatalogueTable table, RowValues values);
    // An own row (may be renamed) or an override (keeps the shipped name).
    EditResult updateRow(CatalogueTable table, const QString &name, RowValues values);
    // The shipped row with `changes` applied, stored as the user's override.
    EditResult overrideRow(CatalogueTable table, const QString &name, const RowValues &changes);
    EditResult resetOverride(CatalogueTable table, const QString &name);
    EditResult deleteRow(CatalogueTable table, const QString &name);

    // Rows already checked with normaliseRow, written into the user layer by
    // name (new, or replacing the user's row; a shipped name becomes an
    // override) — all tables in one transaction, all or nothing.
    using TableRows = std::pair<CatalogueTable, QList<RowValues>>;
    EditResult writeUserRows(const QList<TableRows> &tables);

    CatalogueDatabase *database() const { return m_db; }

private:
    CatalogueDatabase *m_db;
};

// db.load() with the rows from the user's layer marked (DataOrigin).
Catalog loadMarked(CatalogueDatabase *db, QString *error = nullptr);

} // namespace llm::db
