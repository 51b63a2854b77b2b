// SPDX-License-Identifier: MIT
// The shipped rows of the catalogue database: a new file made from the
// embedded CSVs and schema.sql, and a new release's data written over the
// shipped rows of an existing file (never over the user's).
#include "cataloguedatabase_p.h"
#include "schema_p.h"
#include "sqlrows_p.h"

#include <QDateTime>
#include <QFile>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace llm::db {

using namespace detail;

bool CatalogueDatabase::Private::fillShipped(const QSqlDatabase &db, QString *error) const {
    detail::CatalogueTables tables;
    if (!detail::readShippedTables(&tables, error))
        return false;
    const QStringList statements = embeddedSchemaStatements();
    if (statements.isEmpty()) {
        *error = u"the embedded database schema is missing"_s;
        return false;
    }
    QSqlQuery q(db);
    if (!exec(q, u"BEGIN IMMEDIATE"_s, error))
        return false;
    bool ok = true;
    for (const QString &statement : statements) {
        if (!(ok = exec(q, statement, error)))
            break;
    }
    for (const TableSpec &t : kTables) {
        if (ok)
            ok = writeShippedTable(db, t.table, keyColumns(t), tables.*(t.member), Write::Insert,
                                   error);
    }
    ok = ok && insertShippedPresets(db, tables.presets, error);
    if (ok) {
        QSqlQuery meta(db);
        ok = meta.prepare(u"INSERT INTO meta (key, value) VALUES (?, ?)"_s);
        const QList<std::pair<QString, QString>> rows = {
            {u"as_of"_s, detail::metaValue(tables.meta, u"as_of"_s)},
            {u"shipped_data_version"_s, detail::metaValue(tables.meta, u"data_version"_s)},
            {u"created_by"_s, u"LLM Procurement Advisor " LLMADVISOR_VERSION ""_s},
            {u"created_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        };
        for (const auto &[key, value] : rows) {
            meta.bindValue(0, key);
            meta.bindValue(1, value);
            if (ok && !meta.exec()) {
                *error = describe(meta.lastError());
                ok = false;
            }
        }
    }
    ok = ok &&
         exec(q, QStringLiteral("PRAGMA application_id = %1").arg(CatalogueDatabase::applicationId),
              error) &&
         exec(q, QStringLiteral("PRAGMA user_version = %1").arg(CatalogueDatabase::schemaVersion),
              error) &&
         exec(q, u"COMMIT"_s, error);
    if (!ok)
        q.exec(u"ROLLBACK"_s);
    return ok;
}

// A new release ships new data: replace the shipped rows, never the user's.
// Rows are updated in place by key (ids and references survive); shipped rows
// the release dropped go unless a user preset still uses them; shipped presets
// are rebuilt. One transaction: all or nothing.
bool CatalogueDatabase::Private::refreshShipped(QString *error) const {
    const QSqlDatabase database = db();
    CatalogueTables tables;
    if (!readShippedTables(&tables, error))
        return false;
    QSqlQuery q(database);
    if (!exec(q, u"BEGIN IMMEDIATE"_s, error))
        return false;
    // Cascades to their GPU groups; user presets are untouched.
    bool ok = exec(q, u"DELETE FROM presets WHERE origin = 'shipped'"_s, error);
    for (const TableSpec &t : kTables) {
        if (!ok)
            break;
        const CsvTable &csv = tables.*(t.member);
        ok = writeShippedTable(database, t.table, keyColumns(t), csv, Write::Upsert, error);
        QSet<QString> current;
        QList<int> keyIndex;
        for (const QString &k : keyColumns(t))
            keyIndex.append(csv.column(k));
        for (const QStringList &row : csv.rows) {
            QStringList key;
            for (int i : keyIndex)
                key.append(row.value(i));
            current.insert(key.join(u'\x1f'));
        }
        QSqlQuery rows(database);
        ok = ok && exec(rows,
                        QStringLiteral("SELECT row_id, %1 FROM %2 WHERE origin = 'shipped'")
                            .arg(keyColumns(t).join(u", "_s), t.table),
                        error);
        QList<qlonglong> dropped;
        while (ok && rows.next()) {
            QStringList key;
            for (int i = 1; i <= keyIndex.size(); ++i)
                key.append(cellText(rows.value(i)));
            if (!current.contains(key.join(u'\x1f')))
                dropped.append(rows.value(0).toLongLong());
        }
        QSqlQuery drop(database);
        drop.prepare(QStringLiteral("DELETE FROM %1 WHERE row_id = ?").arg(t.table));
        for (qlonglong id : dropped) {
            drop.bindValue(0, id);
            drop.exec(); // refused (kept) when a user preset still refers to it
        }
    }
    ok = ok && insertShippedPresets(database, tables.presets, error);
    QSqlQuery meta(database);
    ok = ok && meta.prepare(u"INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"_s);
    const QList<std::pair<QString, QString>> values = {
        {u"as_of"_s, metaValue(tables.meta, u"as_of"_s)},
        {u"shipped_data_version"_s, metaValue(tables.meta, u"data_version"_s)},
        {u"refreshed_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
    };
    for (const auto &[key, value] : values) {
        meta.bindValue(0, key);
        meta.bindValue(1, value);
        if (ok && !meta.exec()) {
            *error = describe(meta.lastError());
            ok = false;
        }
    }
    ok = ok && exec(q, u"COMMIT"_s, error);
    if (!ok)
        q.exec(u"ROLLBACK"_s);
    return ok;
}

QString CatalogueDatabase::Private::storedDataVersion() const {
    QSqlQuery q(db());
    if (q.exec(u"SELECT value FROM meta WHERE key = 'shipped_data_version'"_s) && q.next())
        return q.value(0).toString();
    return {};
}

// Builds the file under a temporary name and renames it into place, so a crash
// half-way never leaves a half-made catalogue under the real name.
bool CatalogueDatabase::Private::create(const QString &file, QString *error) const {
    const QString temp = file + u".creating"_s;
    QFile::remove(temp); // only ever our own leftover from an interrupted creation
    const QString name = connection + u"-create"_s;
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(temp);
        if (!db.open())
            *error = describe(db.lastError());
        else
            ok = fillShipped(db, error);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (ok && !QFile::rename(temp, file)) {
        *error = QStringLiteral("cannot rename %1 to %2").arg(temp, file);
        ok = false;
    }
    if (!ok)
        QFile::remove(temp);
    return ok;
}

} // namespace llm::db
