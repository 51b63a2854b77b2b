// SPDX-License-Identifier: MIT
#include "catalogueeditor.h"

#include "catalogue_p.h"
#include "sqlrows_p.h"

#include <QLocale>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace llm::db {

namespace {

EditResult refused(const QString &message) {
    return {false, message};
}

QString effectiveSql(const QString &table) {
    // Only our own table names reach SQL text; values are bound.
    return QStringLiteral(
               "SELECT t.*, EXISTS (SELECT 1 FROM %1 AS s WHERE s.origin = 'shipped' AND "
               "s.name = t.name) AS has_shipped FROM %1 AS t WHERE t.origin = 'user' OR NOT EXISTS "
               "(SELECT 1 FROM %1 AS u WHERE u.origin = 'user' AND u.name = t.name) ORDER BY "
               "t.origin = 'user', t.row_id")
        .arg(table);
}

QVariant bound(const ColumnRule &rule, const QString &cell) {
    if (cell.isEmpty())
        return QVariant(QMetaType::fromType<QString>()); // NULL
    switch (rule.kind) {
    case ColumnRule::Integer:
    case ColumnRule::Flag:
        return static_cast<qlonglong>(QLocale::c().toDouble(cell));
    case ColumnRule::Real:
        return QLocale::c().toDouble(cell);
    default:
        return cell;
    }
}

RowValues valuesOf(const QSqlQuery &q, const QStringList &columns) {
    RowValues v;
    const QSqlRecord rec = q.record();
    for (const QString &c : columns) {
        const QVariant value = q.value(rec.indexOf(c));
        // Shortest round-trip form, as normaliseRow writes numbers ("3.7", not 3.70..02).
        v.insert(c, value.typeId() == QMetaType::Double && !value.isNull()
                        ? formatNumber(value.toDouble())
                        : detail::cellText(value));
    }
    return v;
}

// One short write transaction; BEGIN IMMEDIATE takes the write lock up front
// so a second writer waits (busy timeout) or fails here, not half-way.
class Transaction final {
public:
    explicit Transaction(const QSqlDatabase &db)
        : m_query(db) {
        m_ok = m_query.exec(u"BEGIN IMMEDIATE"_s);
        if (!m_ok)
            m_error = plainSqlError(m_query.lastError());
    }
    ~Transaction() {
        if (m_ok && !m_done)
            m_query.exec(u"ROLLBACK"_s);
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    bool begun() const { return m_ok; }
    const QString &error() const { return m_error; }
    bool commit() {
        m_done = m_query.exec(u"COMMIT"_s);
        if (!m_done)
            m_error = plainSqlError(m_query.lastError());
        return m_done;
    }

private:
    QSqlQuery m_query;
    bool m_ok = false;
    bool m_done = false;
    QString m_error;
};

struct Writer {
    QSqlDatabase db;

    std::optional<qlonglong> rowId(CatalogueTable t, const QString &name, const QString &origin,
                                   QString *error) const {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT row_id FROM %1 WHERE name = ? AND origin = ?")
                      .arg(tableName(t)));
        q.bindValue(0, name);
        q.bindValue(1, origin);
        if (!q.exec()) {
            *error = plainSqlError(q.lastError());
            return std::nullopt;
        }
        if (q.next())
            return q.value(0).toLongLong();
        return std::nullopt;
    }

    // Insert (rowId empty) or update one user row; values are normalised.
    bool put(CatalogueTable t, const RowValues &values, std::optional<qlonglong> id,
             QString *error) const {
        const QList<ColumnRule> rules = columnRules(t);
        QStringList names;
        for (const ColumnRule &r : rules)
            names.append(r.name);
        QString sql;
        if (id) {
            QStringList set;
            for (const QString &n : names)
                set.append(n + u" = ?"_s);
            sql = QStringLiteral("UPDATE %1 SET %2 WHERE row_id = ? AND origin = 'user'")
                      .arg(tableName(t), set.join(u", "_s));
        } else {
            sql = QStringLiteral("INSERT INTO %1 (origin, %2) VALUES ('user'%3)")
                      .arg(tableName(t), names.join(u", "_s), u", ?"_s.repeated(names.size()));
        }
        QSqlQuery q(db);
        if (!q.prepare(sql)) {
            *error = plainSqlError(q.lastError());
            return false;
        }
        for (int i = 0; i < rules.size(); ++i)
            q.bindValue(i, bound(rules[i], values.value(rules[i].name)));
        if (id)
            q.bindValue(static_cast<int>(rules.size()), *id);
        if (!q.exec()) {
            *error = plainSqlError(q.lastError());
            return false;
        }
        return true;
    }

    bool remove(CatalogueTable t, qlonglong id, QString *error) const {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE row_id = ? AND origin = 'user'")
                      .arg(tableName(t)));
        q.bindValue(0, id);
        if (!q.exec()) {
            *error = plainSqlError(q.lastError());
            return false;
        }
        return true;
    }

    // The table as load() will read it, through the same conversion: a row the
    // estimator cannot use is refused here, inside the transaction.
    bool readable(CatalogueTable t, QString *error) const {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(effectiveSql(tableName(t)))) {
            *error = plainSqlError(q.lastError());
            return false;
        }
        detail::CatalogueTables tables;
        tables.meta.header = {u"key"_s, u"value"_s};
        tables.meta.index = {{u"key"_s, 0}, {u"value"_s, 1}};
        tables.meta.rows = {{u"as_of"_s, u"2000-01"_s}};
        tables.meta.lines = {1};
        detail::CsvTable rows = detail::tableFromQuery(q, tableName(t));
        const int extra = rows.column(u"has_shipped"_s);
        if (extra >= 0) {
            rows.header.removeAt(extra);
            rows.index.remove(u"has_shipped"_s);
            for (QStringList &r : rows.rows)
                r.removeAt(extra);
        }
        switch (t) {
        case CatalogueTable::Cpus:
            tables.cpus = rows;
            break;
        case CatalogueTable::Gpus:
            tables.gpus = rows;
            break;
        case CatalogueTable::Models:
            tables.models = rows;
            break;
        case CatalogueTable::Quants:
            tables.quants = rows;
            break;
        }
        Catalog c;
        QString why;
        if (!detail::catalogFromTables(tables, &c, &why)) {
            *error = u"the catalogue could not use this row: "_s + why;
            return false;
        }
        return true;
    }
};

} // namespace

QString originLabel(RowOrigin origin) {
    switch (origin) {
    case RowOrigin::Shipped:
        return u"shipped"_s;
    case RowOrigin::Own:
        return u"user"_s;
    case RowOrigin::Override:
        return u"overridden"_s;
    }
    return {};
}

CatalogueEditor::CatalogueEditor(CatalogueDatabase *database)
    : m_db(database) {}

QList<CatalogueRow> CatalogueEditor::rows(CatalogueTable table, QString *error) const {
    QList<CatalogueRow> out;
    if (!m_db->isOpen()) {
        if (error)
            *error = u"the catalogue is not open"_s;
        return out;
    }
    QSqlQuery q(QSqlDatabase::database(m_db->connectionName(), false));
    q.setForwardOnly(true);
    if (!q.exec(effectiveSql(tableName(table)))) {
        if (error)
            *error = plainSqlError(q.lastError());
        return out;
    }
    const QStringList columns = tableColumns(table);
    while (q.next()) {
        CatalogueRow r;
        r.values = valuesOf(q, columns);
        if (q.value(u"origin"_s).toString() == u"shipped")
            r.origin = RowOrigin::Shipped;
        else
            r.origin = q.value(u"has_shipped"_s).toBool() ? RowOrigin::Override : RowOrigin::Own;
        out.append(std::move(r));
    }
    if (error)
        error->clear();
    return out;
}

std::optional<CatalogueRow> CatalogueEditor::row(CatalogueTable table, const QString &name) const {
    for (CatalogueRow &r : rows(table)) {
        if (r.values.value(u"name"_s) == name)
            return std::move(r);
    }
    return std::nullopt;
}

std::optional<RowValues> CatalogueEditor::shippedRow(CatalogueTable table,
                                                     const QString &name) const {
    QSqlQuery q(QSqlDatabase::database(m_db->connectionName(), false));
    q.prepare(QStringLiteral("SELECT * FROM %1 WHERE origin = 'shipped' AND name = ?")
                  .arg(tableName(table)));
    q.bindValue(0, name);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return valuesOf(q, tableColumns(table));
}

QMap<QString, RowOrigin> CatalogueEditor::userLayer(CatalogueTable table) const {
    QMap<QString, RowOrigin> out;
    for (const CatalogueRow &r : rows(table)) {
        if (r.origin != RowOrigin::Shipped)
            out.insert(r.values.value(u"name"_s), r.origin);
    }
    return out;
}

namespace {
template <class Row> void markRows(std::vector<Row> *rows, const QMap<QString, RowOrigin> &layer) {
    for (Row &r : *rows) {
        const auto it = layer.constFind(QString::fromStdString(r.name));
        if (it == layer.cend())
            r.origin = DataOrigin::Shipped;
        else
            r.origin = *it == RowOrigin::Override ? DataOrigin::Overridden : DataOrigin::UserRow;
    }
}
} // namespace

void CatalogueEditor::markOrigins(Catalog *catalog) const {
    if (!m_db->isOpen())
        return;
    markRows(&catalog->cpus, userLayer(CatalogueTable::Cpus));
    markRows(&catalog->gpus, userLayer(CatalogueTable::Gpus));
    markRows(&catalog->models, userLayer(CatalogueTable::Models));
    markRows(&catalog->quants, userLayer(CatalogueTable::Quants));
}

Catalog loadMarked(CatalogueDatabase *db, QString *error) {
    QString why;
    Catalog c = db->load(&why);
    if (why.isEmpty())
        CatalogueEditor(db).markOrigins(&c);
    if (error)
        *error = why;
    else if (!why.isEmpty())
        qWarning("%s", qUtf8Printable(why));
    return c;
}

namespace {
QString notWritable(const CatalogueDatabase *db) {
    if (!db->isOpen())
        return u"The catalogue is not open; nothing can be saved."_s;
    if (db->isReadOnly())
        return u"The catalogue is open read-only; changes cannot be saved."_s;
    return {};
}

bool refuse(QString *error, const QString &why) {
    *error = why;
    return false;
}

// One edit in its own short transaction: `edit(writer, &error)` returns false
// with the reason in `error` to refuse; otherwise the table must still read
// back before the commit. Nothing is written when any step fails.
template <class Edit>
EditResult editInTransaction(const CatalogueDatabase *db, CatalogueTable table, Edit edit) {
    if (const QString why = notWritable(db); !why.isEmpty())
        return refused(why);
    Writer w{QSqlDatabase::database(db->connectionName(), false)};
    Transaction tx(w.db);
    if (!tx.begun())
        return refused(tx.error());
    QString error;
    if (!edit(w, &error) || !w.readable(table, &error) || !tx.commit())
        return refused(error.isEmpty() ? tx.error() : error);
    return {true, {}};
}

bool normalised(CatalogueTable table, RowValues *values, QString *error) {
    if (const QStringList problems = normaliseRow(table, values); !problems.isEmpty())
        return refuse(error, problems.join(u"; "_s));
    return true;
}
} // namespace

EditResult CatalogueEditor::addRow(CatalogueTable table, RowValues values) {
    return editInTransaction(m_db, table, [&](Writer &w, QString *error) {
        if (!normalised(table, &values, error))
            return false;
        const QString name = values.value(u"name"_s);
        if (w.rowId(table, name, u"shipped"_s, error))
            return refuse(error, QStringLiteral("name: '%1' is a built-in part; override it "
                                                "instead of adding it again")
                                     .arg(name));
        if (w.rowId(table, name, u"user"_s, error))
            return refuse(error, QStringLiteral("name: '%1' already exists").arg(name));
        return error->isEmpty() && w.put(table, values, std::nullopt, error);
    });
}

EditResult CatalogueEditor::updateRow(CatalogueTable table, const QString &name, RowValues values) {
    return editInTransaction(m_db, table, [&](Writer &w, QString *error) {
        if (!normalised(table, &values, error))
            return false;
        const auto id = w.rowId(table, name, u"user"_s, error);
        const bool shipped = w.rowId(table, name, u"shipped"_s, error).has_value();
        const QString newName = values.value(u"name"_s);
        if (!id) {
            if (shipped)
                return refuse(
                    error, QStringLiteral("name: '%1' is a built-in part; override it to change it")
                               .arg(name));
            return refuse(error,
                          error->isEmpty()
                              ? QStringLiteral("name: '%1' is not in the catalogue").arg(name)
                              : *error);
        }
        if (newName != name) {
            if (shipped)
                return refuse(
                    error,
                    QStringLiteral("name: an override keeps the built-in name '%1'").arg(name));
            if (w.rowId(table, newName, u"shipped"_s, error) ||
                w.rowId(table, newName, u"user"_s, error))
                return refuse(error, QStringLiteral("name: '%1' already exists").arg(newName));
        }
        return w.put(table, values, id, error);
    });
}

EditResult CatalogueEditor::overrideRow(CatalogueTable table, const QString &name,
                                        const RowValues &changes) {
    return editInTransaction(m_db, table, [&](Writer &w, QString *error) {
        const auto base = shippedRow(table, name);
        if (!base)
            return refuse(error, QStringLiteral("name: '%1' is not a built-in part").arg(name));
        RowValues values = *base;
        for (auto it = changes.cbegin(); it != changes.cend(); ++it)
            values.insert(it.key(), it.value());
        if (values.value(u"name"_s).trimmed() != name)
            return refuse(
                error, QStringLiteral("name: an override keeps the built-in name '%1'").arg(name));
        if (!normalised(table, &values, error))
            return false;
        const auto id = w.rowId(table, name, u"user"_s, error);
        return error->isEmpty() && w.put(table, values, id, error);
    });
}

EditResult CatalogueEditor::resetOverride(CatalogueTable table, const QString &name) {
    return editInTransaction(m_db, table, [&](Writer &w, QString *error) {
        const auto id = w.rowId(table, name, u"user"_s, error);
        if (!w.rowId(table, name, u"shipped"_s, error) || !id)
            return refuse(error,
                          error->isEmpty()
                              ? QStringLiteral("name: '%1' has no override to reset").arg(name)
                              : *error);
        return w.remove(table, *id, error);
    });
}

EditResult CatalogueEditor::deleteRow(CatalogueTable table, const QString &name) {
    return editInTransaction(m_db, table, [&](Writer &w, QString *error) {
        if (w.rowId(table, name, u"shipped"_s, error))
            return refuse(error,
                          QStringLiteral("name: '%1' is a built-in part and cannot be deleted%2")
                              .arg(name, w.rowId(table, name, u"user"_s, error)
                                             ? u"; reset the override instead"_s
                                             : QString()));
        const auto id = w.rowId(table, name, u"user"_s, error);
        if (!id)
            return refuse(error,
                          error->isEmpty()
                              ? QStringLiteral("name: '%1' is not in the catalogue").arg(name)
                              : *error);
        return w.remove(table, *id, error);
    });
}

EditResult CatalogueEditor::writeUserRows(const QList<TableRows> &tables) {
    if (const QString why = notWritable(m_db); !why.isEmpty())
        return refused(why);
    Writer w{QSqlDatabase::database(m_db->connectionName(), false)};
    Transaction tx(w.db);
    if (!tx.begun())
        return refused(tx.error());
    QString error;
    for (const auto &[table, rows] : tables) {
        for (const RowValues &values : rows) {
            const auto id = w.rowId(table, values.value(u"name"_s), u"user"_s, &error);
            if (!error.isEmpty() || !w.put(table, values, id, &error))
                return refused(QStringLiteral("%1 '%2': %3")
                                   .arg(tableName(table), values.value(u"name"_s), error));
        }
        if (!w.readable(table, &error))
            return refused(error);
    }
    if (!tx.commit())
        return refused(tx.error());
    return {true, {}};
}

} // namespace llm::db
