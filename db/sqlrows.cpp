// SPDX-License-Identifier: MIT
#include "sqlrows_p.h"

#include "catalogue.h"

#include <QLocale>
#include <QSqlRecord>
#include <QVariant>

#include <cmath>

using namespace Qt::StringLiterals;

namespace llm::db::detail {

namespace {

// Typed value for a CSV cell, by the column's declared (STRICT) type.
bool bindValue(const QString &cell, const QString &type, QVariant *out) {
    if (cell.isEmpty()) {
        *out = QVariant(QMetaType::fromType<QString>()); // NULL
        return true;
    }
    bool ok = false;
    if (type == u"INTEGER") {
        const double v = QLocale::c().toDouble(cell, &ok);
        ok = ok && v == std::floor(v) && std::fabs(v) < 9e15;
        *out = static_cast<qlonglong>(v);
    } else if (type == u"REAL") {
        const double v = QLocale::c().toDouble(cell, &ok);
        ok = ok && std::isfinite(v);
        *out = v;
    } else {
        *out = cell;
        ok = true;
    }
    return ok;
}

QHash<QString, QString> columnTypes(const QSqlDatabase &db, QLatin1StringView table) {
    QHash<QString, QString> types;
    QSqlQuery q(db);
    if (q.exec(u"PRAGMA table_info("_s + table + u')')) {
        while (q.next())
            types.insert(q.value(1).toString(), q.value(2).toString().toUpper());
    }
    return types;
}

} // namespace

QString cellText(const QVariant &v) {
    if (v.isNull())
        return {};
    if (v.typeId() == QMetaType::Double)
        return QString::number(v.toDouble(), 'g', 17);
    return v.toString();
}

bool exec(QSqlQuery &q, const QString &sql, QString *error) {
    if (q.exec(sql))
        return true;
    if (error)
        *error = describe(q.lastError()); // no SQL text in a message for users
    return false;
}

bool exec(const QSqlDatabase &db, const QString &sql, QString *error) {
    QSqlQuery q(db);
    return exec(q, sql, error);
}

bool writeShippedTable(const QSqlDatabase &db, QLatin1StringView table,
                       const QStringList &keyColumns, const CsvTable &csv, Write mode,
                       QString *error) {
    const QHash<QString, QString> types = columnTypes(db, table);
    for (const QString &col : csv.header) {
        if (!types.contains(col)) {
            *error =
                QStringLiteral("%1: column %2 is not in the database schema").arg(csv.file, col);
            return false;
        }
    }
    QString sql = QStringLiteral("INSERT INTO %1 (origin, %2) VALUES ('shipped'%3)")
                      .arg(table, csv.header.join(u", "_s), u", ?"_s.repeated(csv.header.size()));
    if (mode == Write::Upsert) {
        // Same key, same origin: update in place, so row ids (and references) survive.
        QStringList set;
        for (const QString &col : csv.header)
            set.append(QStringLiteral("%1 = excluded.%1").arg(col));
        sql += QStringLiteral(" ON CONFLICT (%1, origin) DO UPDATE SET %2")
                   .arg(keyColumns.join(u", "_s), set.join(u", "_s));
    }
    QSqlQuery q(db);
    if (!q.prepare(sql)) {
        *error = describe(q.lastError());
        return false;
    }
    for (qsizetype r = 0; r < csv.rows.size(); ++r) {
        for (qsizetype c = 0; c < csv.header.size(); ++c) {
            QVariant v;
            if (!bindValue(csv.rows[r][c], types.value(csv.header[c]), &v)) {
                *error = QStringLiteral("%1 line %2, column %3: '%4' does not fit the column type")
                             .arg(csv.file)
                             .arg(csv.lines.value(r))
                             .arg(csv.header[c], csv.rows[r][c]);
                return false;
            }
            q.bindValue(static_cast<int>(c), v);
        }
        if (!q.exec()) {
            *error = QStringLiteral("%1 line %2: %3")
                         .arg(csv.file)
                         .arg(csv.lines.value(r))
                         .arg(describe(q.lastError()));
            return false;
        }
    }
    return true;
}

bool insertShippedPresets(const QSqlDatabase &db, const CsvTable &csv, QString *error) {
    QSqlQuery cpu(db), gpu(db), preset(db), link(db);
    const bool prepared =
        cpu.prepare(u"SELECT row_id FROM cpus WHERE name = ? AND origin = 'shipped'"_s) &&
        gpu.prepare(u"SELECT row_id FROM gpus WHERE name = ? AND origin = 'shipped'"_s) &&
        preset.prepare(u"INSERT INTO presets (origin, name, cpu_id, memory_channels, memory_mts, "
                       "memory_capacity_gb, seed_row, note, source, as_of) "
                       "VALUES ('shipped', ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s) &&
        link.prepare(
            u"INSERT INTO preset_gpus (preset_id, gpu_id, count, position) VALUES (?, ?, ?, ?)"_s);
    if (!prepared) {
        *error = describe(cpu.lastError()) + describe(preset.lastError());
        return false;
    }
    QString lastName;
    QVariant presetId;
    int position = 0;
    for (qsizetype r = 0; r < csv.rows.size(); ++r) {
        CsvRecord rec(csv, r);
        const QString name = rec.text(u"name"_s);
        auto failRow = [&](const QString &what) {
            *error = QStringLiteral("presets.csv line %1: %2").arg(csv.lines.value(r)).arg(what);
            return false;
        };
        if (name != lastName) {
            cpu.bindValue(0, rec.text(u"cpu_name"_s));
            if (!cpu.exec() || !cpu.next())
                return failRow(u"unknown CPU "_s + rec.text(u"cpu_name"_s));
            const QStringList cols = {u"memory_channels"_s, u"memory_mts"_s,
                                      u"memory_capacity_gb"_s, u"seed_row"_s};
            const QStringList types = {u"INTEGER"_s, u"REAL"_s, u"REAL"_s, u"INTEGER"_s};
            preset.bindValue(0, name);
            preset.bindValue(1, cpu.value(0));
            for (int i = 0; i < cols.size(); ++i) {
                QVariant v;
                if (!bindValue(rec.text(cols[i]), types[i], &v))
                    return failRow(u"bad number in "_s + cols[i]);
                preset.bindValue(2 + i, v);
            }
            preset.bindValue(6, rec.text(u"note"_s));
            preset.bindValue(7, rec.text(u"source"_s));
            preset.bindValue(8, rec.text(u"as_of"_s));
            if (!preset.exec())
                return failRow(describe(preset.lastError()));
            presetId = preset.lastInsertId();
            lastName = name;
            position = 0;
        }
        const QString gpuName = rec.text(u"gpu_name"_s);
        if (gpuName.isEmpty())
            continue;
        gpu.bindValue(0, gpuName);
        if (!gpu.exec() || !gpu.next())
            return failRow(u"unknown GPU "_s + gpuName);
        link.bindValue(0, presetId);
        link.bindValue(1, gpu.value(0));
        link.bindValue(2, rec.integer(u"gpu_count"_s));
        link.bindValue(3, position++);
        if (!link.exec())
            return failRow(describe(link.lastError()));
    }
    return true;
}

// Reads a query's rows into a CSV-shaped table (all columns but row_id / origin).
CsvTable tableFromQuery(QSqlQuery &q, const QString &file) {
    CsvTable t;
    t.file = file;
    const QSqlRecord rec = q.record();
    QList<int> fields;
    for (int i = 0; i < rec.count(); ++i) {
        const QString n = rec.fieldName(i);
        if (n == u"row_id" || n == u"origin")
            continue;
        fields.append(i);
        t.index.insert(n, static_cast<int>(t.header.size()));
        t.header.append(n);
    }
    int row = 0;
    while (q.next()) {
        QStringList cells;
        cells.reserve(fields.size());
        for (int i : fields)
            cells.append(cellText(q.value(i)));
        t.rows.append(cells);
        t.lines.append(++row); // "line" = row number in messages about database rows
    }
    return t;
}

FileCheck checkFile(const QSqlDatabase &db, int currentVersion) {
    QSqlQuery q(db);
    // Only "not a database" and "corrupt" mean damage; a lock or an I/O error
    // says nothing about the file, which must then be left alone.
    auto failed = [&q]() -> FileCheck {
        const int code = q.lastError().nativeErrorCode().toInt() & 0xff;
        if (code == 26 || code == 11) // SQLITE_NOTADB, SQLITE_CORRUPT
            return {FileState::Damaged, describe(q.lastError())};
        if (code == 5 || code == 6) // SQLITE_BUSY, SQLITE_LOCKED
            return {FileState::Busy, describe(q.lastError())};
        return {FileState::Unreadable, describe(q.lastError())};
    };
    // open() succeeds on any file; the first real read tells garbage apart.
    auto scalar = [&](const QString &sql, bool *ok) {
        *ok = q.exec(sql) && q.next();
        return *ok ? q.value(0) : QVariant();
    };
    bool ok = false;
    const qint64 appId = scalar(u"PRAGMA application_id"_s, &ok).toLongLong();
    if (!ok)
        return failed();
    const int version = scalar(u"PRAGMA user_version"_s, &ok).toInt();
    if (!ok)
        return failed();
    const int objects = scalar(u"SELECT count(*) FROM sqlite_schema"_s, &ok).toInt();
    if (!ok)
        return failed();
    if (appId == 0 && version == 0 && objects == 0)
        return {FileState::Empty, u"the file is empty"_s};
    if (appId != CatalogueDatabase::applicationId)
        return {FileState::Foreign,
                QStringLiteral("application id 0x%1").arg(appId, 8, 16, QLatin1Char('0'))};
    if (version > currentVersion)
        return {FileState::Newer, QStringLiteral("schema version %1").arg(version)};
    if (version < 1)
        return {FileState::Damaged, u"its creation never finished"_s};
    if (!q.exec(u"PRAGMA quick_check"_s))
        return failed();
    QStringList problems;
    while (q.next()) {
        // One row may hold several lines, headed "*** in database main ***".
        for (const QString &line : q.value(0).toString().split(u'\n', Qt::SkipEmptyParts)) {
            if (!line.startsWith(u"*** "_s))
                problems.append(line.trimmed());
        }
    }
    if (problems != QStringList{u"ok"_s})
        return {FileState::Damaged,
                QStringLiteral("the integrity check found %1 damaged place(s) in the file")
                    .arg(problems.size())};
    if (!q.exec(u"PRAGMA foreign_key_check"_s))
        return failed();
    if (q.next())
        return {FileState::Damaged, u"broken references between tables (foreign_key_check)"_s};
    return {};
}
} // namespace llm::db::detail
