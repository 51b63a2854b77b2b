// SPDX-License-Identifier: MIT
// Salvage: the user's rows read back from a damaged catalogue file (opened
// read-only, never changed) into the fresh file made from the shipped data.
#include "salvage_p.h"

#include "cataloguedatabase_p.h"
#include "schema_p.h"

#include <QLocale>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace llm::db {

namespace detail {

namespace {

constexpr qlonglong kMaxProbedIds = 100000; // row ids tried one by one past a bad page
constexpr qlonglong kBlindProbe = 10000;    // ... when the highest id cannot be read either

QString countText(const QString &table, int n) {
    const QString number = QLocale().toString(n);
    struct Label {
        const char *table, *one, *many;
    };
    static const Label labels[] = {
        {"cpus", QT_TRANSLATE_NOOP("llm::db::CatalogueDatabase", "%1 CPU"),
         QT_TRANSLATE_NOOP("llm::db::CatalogueDatabase", "%1 CPUs")},
        {"gpus", QT_TRANSLATE_NOOP("llm::db::CatalogueDatabase", "%1 GPU"),
         QT_TRANSLATE_NOOP("llm::db::CatalogueDatabase", "%1 GPUs")},
        {"models", QT_TRANSLATE_NOOP("llm::db::CatalogueDatabase", "%1 model"),
         QT_TRANSLATE_NOOP("llm::db::CatalogueDatabase", "%1 models")},
        {"quants", QT_TRANSLATE_NOOP("llm::db::CatalogueDatabase", "%1 quantization"),
         QT_TRANSLATE_NOOP("llm::db::CatalogueDatabase", "%1 quantizations")},
        {"memory_speeds", QT_TRANSLATE_NOOP("llm::db::CatalogueDatabase", "%1 memory speed"),
         QT_TRANSLATE_NOOP("llm::db::CatalogueDatabase", "%1 memory speeds")},
        {"use_cases", QT_TRANSLATE_NOOP("llm::db::CatalogueDatabase", "%1 use case"),
         QT_TRANSLATE_NOOP("llm::db::CatalogueDatabase", "%1 use cases")},
        {"presets", QT_TRANSLATE_NOOP("llm::db::CatalogueDatabase", "%1 preset"),
         QT_TRANSLATE_NOOP("llm::db::CatalogueDatabase", "%1 presets")},
    };
    for (const Label &l : labels) {
        if (table == QLatin1StringView(l.table))
            return CatalogueDatabase::tr(n == 1 ? l.one : l.many).arg(number);
    }
    return number + u' ' + table;
}

// Reads the damaged file (read-only, never changed) table by table and row by
// row: a scan in row-id order until the first unreadable page, then the row
// ids past it one at a time, so one bad page costs only the rows on it. The
// table's UNIQUE index (a second copy of every key and row id) says which of
// the user's rows exist, so the rows lost can be counted.
class Salvager final {
public:
    Salvager(const QSqlDatabase &source, const QSqlDatabase &target)
        : m_src(source)
        , m_dst(target) {}

    SalvageReport run(const QStringList &tables) {
        SalvageReport report;
        report.sourceRead = !columnsOf(m_src, u"cpus"_s).isEmpty();
        QSqlQuery q(m_dst);
        if (!q.exec(u"BEGIN IMMEDIATE"_s))
            return report;
        for (const QString &table : tables)
            copyTable(table, &report);
        copyPresets(&report);
        if (!q.exec(u"COMMIT"_s)) {
            q.exec(u"ROLLBACK"_s);
            SalvageReport none;
            none.sourceRead = report.sourceRead;
            none.unreadable = report.recovered + report.unreadable;
            return none;
        }
        return report;
    }

private:
    struct Rows {
        QMap<qlonglong, QList<QVariant>> byId; // the user's rows read, values in column order
        int unreadable = 0;
        bool incomplete = false;
    };

    // Row ids of the user's rows from the table's first UNIQUE index, or
    // nothing when the index cannot be read to the end.
    std::optional<QList<qlonglong>> indexedUserIds(const QString &table) const {
        QSqlQuery q(m_src);
        q.setForwardOnly(true);
        QList<qlonglong> ids;
        if (!q.exec(QStringLiteral("SELECT row_id FROM %1 INDEXED BY sqlite_autoindex_%1_1 "
                                   "WHERE origin = 'user'")
                        .arg(table)))
            return std::nullopt;
        while (q.next())
            ids.append(q.value(0).toLongLong());
        if (q.lastError().isValid())
            return std::nullopt;
        return ids;
    }

    Rows readUserRows(const QString &table, const QStringList &columns) const {
        Rows rows;
        const QString select =
            QStringLiteral("SELECT row_id, origin, %1 FROM %2").arg(columns.join(u", "_s), table);
        auto take = [&](const QSqlQuery &q) {
            if (q.value(1).toString() != u"user")
                return;
            QList<QVariant> values;
            for (int i = 0; i < columns.size(); ++i)
                values.append(q.value(i + 2));
            rows.byId.insert(q.value(0).toLongLong(), values);
        };
        const std::optional<QList<qlonglong>> known = indexedUserIds(table);
        qlonglong last = 0;
        bool scanned = false;
        {
            QSqlQuery q(m_src);
            q.setForwardOnly(true);
            if (q.exec(select + u" NOT INDEXED ORDER BY row_id"_s)) {
                while (q.next()) {
                    last = q.value(0).toLongLong();
                    take(q);
                }
                scanned = !q.lastError().isValid();
            }
        }
        if (!scanned) {
            // Past the bad page: up to the highest id the index or the table knows.
            qlonglong upper = last;
            bool upperKnown = false;
            if (known && !known->isEmpty()) {
                upper = std::max(upper, *std::max_element(known->cbegin(), known->cend()));
                upperKnown = true;
            }
            QSqlQuery max(m_src);
            if (max.exec(QStringLiteral("SELECT max(row_id) FROM %1").arg(table)) && max.next() &&
                !max.value(0).isNull()) {
                upper = std::max(upper, max.value(0).toLongLong());
                upperKnown = true;
            }
            if (!upperKnown)
                upper = last + kBlindProbe;
            upper = std::min(upper, last + kMaxProbedIds);
            QSqlQuery one(m_src);
            one.setForwardOnly(true);
            one.prepare(select + u" WHERE row_id = ?"_s);
            QList<qlonglong> ids;
            for (qlonglong id = last + 1; id <= upper; ++id)
                ids.append(id);
            if (known) {
                for (qlonglong id : *known) {
                    if (id <= last && !rows.byId.contains(id))
                        ids.append(id);
                }
            }
            for (qlonglong id : ids) {
                one.bindValue(0, id);
                if (one.exec() && one.next())
                    take(one);
                one.finish();
            }
            rows.incomplete = !known; // without the index, what the bad pages held is unknown
        }
        if (known) {
            for (qlonglong id : *known) {
                if (!rows.byId.contains(id))
                    ++rows.unreadable;
            }
        }
        return rows;
    }

    // Columns both files have (an older file may lack newer ones), without row_id / origin.
    QStringList sharedColumns(const QString &table) const {
        const QStringList source = columnsOf(m_src, table);
        QStringList shared;
        for (const QString &c : columnsOf(m_dst, table)) {
            if (c != u"row_id" && c != u"origin" && source.contains(c))
                shared.append(c);
        }
        return shared;
    }

    QString insertSql(const QString &table, const QStringList &columns) const {
        return QStringLiteral("INSERT INTO %1 (origin, %2) VALUES ('user'%3)")
            .arg(table, columns.join(u", "_s), QStringLiteral(", ?").repeated(columns.size()));
    }

    void copyTable(const QString &table, SalvageReport *report) {
        const QStringList columns = sharedColumns(table);
        if (columns.isEmpty()) {
            report->incomplete = true;
            return;
        }
        const Rows rows = readUserRows(table, columns);
        report->unreadable += rows.unreadable;
        report->incomplete = report->incomplete || rows.incomplete;
        QSqlQuery insert(m_dst);
        insert.prepare(insertSql(table, columns));
        int written = 0;
        for (auto it = rows.byId.cbegin(); it != rows.byId.cend(); ++it) {
            for (int i = 0; i < columns.size(); ++i)
                insert.bindValue(i, it.value().at(i));
            // A row whose values were garbled fails the schema's checks: not copied.
            if (insert.exec()) {
                ++written;
                m_newIds[table].insert(it.key(), insert.lastInsertId().toLongLong());
            } else {
                ++report->unreadable;
            }
        }
        if (written > 0)
            report->perTable.append({table, written});
        report->recovered += written;
    }

    // The id in the new file of the row `oldId` of `table` in the damaged one:
    // a copied user row, or the shipped row of the same name.
    std::optional<qlonglong> newId(const QString &table, qlonglong oldId) const {
        if (const auto it = m_newIds.constFind(table); it != m_newIds.cend() && it->contains(oldId))
            return it->value(oldId);
        QSqlQuery old(m_src);
        old.prepare(QStringLiteral("SELECT name, origin FROM %1 WHERE row_id = ?").arg(table));
        old.bindValue(0, oldId);
        if (!old.exec() || !old.next() || old.value(1).toString() != u"shipped")
            return std::nullopt;
        QSqlQuery now(m_dst);
        now.prepare(QStringLiteral("SELECT row_id FROM %1 WHERE name = ? AND origin = 'shipped'")
                        .arg(table));
        now.bindValue(0, old.value(0));
        if (!now.exec() || !now.next())
            return std::nullopt;
        return now.value(0).toLongLong();
    }

    // User presets: their CPU and GPUs are matched to the new file's rows; a
    // preset whose GPU list cannot be read is not copied (it would be wrong).
    void copyPresets(SalvageReport *report) {
        const QString table = u"presets"_s;
        QStringList columns = sharedColumns(table);
        if (!columns.contains(u"cpu_id"_s)) {
            report->incomplete = true;
            return;
        }
        const Rows rows = readUserRows(table, columns);
        report->unreadable += rows.unreadable;
        report->incomplete = report->incomplete || rows.incomplete;
        const qsizetype cpuColumn = columns.indexOf(u"cpu_id"_s);
        QSqlQuery insert(m_dst);
        insert.prepare(insertSql(table, columns));
        QSqlQuery groups(m_src);
        groups.prepare(u"SELECT gpu_id, count, position FROM preset_gpus WHERE preset_id = ?"_s);
        QSqlQuery addGroup(m_dst);
        addGroup.prepare(
            u"INSERT INTO preset_gpus (preset_id, gpu_id, count, position) VALUES (?, ?, ?, ?)"_s);
        QSqlQuery q(m_dst);
        int written = 0;
        for (auto it = rows.byId.cbegin(); it != rows.byId.cend(); ++it) {
            QList<QVariant> values = it.value();
            const std::optional<qlonglong> cpu =
                newId(u"cpus"_s, values.at(cpuColumn).toLongLong());
            groups.bindValue(0, it.key());
            QList<QList<QVariant>> gpus;
            bool ok = cpu.has_value() && groups.exec();
            while (ok && groups.next()) {
                const std::optional<qlonglong> gpu = newId(u"gpus"_s, groups.value(0).toLongLong());
                ok = gpu.has_value();
                if (ok)
                    gpus.append({*gpu, groups.value(1), groups.value(2)});
            }
            ok = ok && !groups.lastError().isValid();
            groups.finish();
            if (ok) {
                values[cpuColumn] = *cpu;
                ok = q.exec(u"SAVEPOINT preset"_s);
                for (int i = 0; ok && i < columns.size(); ++i)
                    insert.bindValue(i, values.at(i));
                ok = ok && insert.exec();
                const QVariant presetId = insert.lastInsertId();
                for (const QList<QVariant> &g : gpus) {
                    addGroup.bindValue(0, presetId);
                    for (int i = 0; i < 3; ++i)
                        addGroup.bindValue(i + 1, g.at(i));
                    ok = ok && addGroup.exec();
                }
                q.exec(ok ? u"RELEASE preset"_s : u"ROLLBACK TO preset"_s);
                if (!ok)
                    q.exec(u"RELEASE preset"_s);
            }
            if (ok)
                ++written;
            else
                ++report->unreadable;
        }
        if (written > 0)
            report->perTable.append({table, written});
        report->recovered += written;
    }

    QSqlDatabase m_src;
    QSqlDatabase m_dst;
    QMap<QString, QMap<qlonglong, qlonglong>> m_newIds; // table -> old row id -> new row id
};

} // namespace

QString SalvageReport::summary() const {
    if (recovered > 0) {
        QStringList parts;
        for (const auto &[table, n] : perTable)
            parts.append(countText(table, n));
        QString text = CatalogueDatabase::tr("Recovered %1 of your rows (%2)")
                           .arg(QLocale().toString(recovered), parts.join(u", "_s));
        if (unreadable > 0)
            return text + CatalogueDatabase::tr("; %1 could not be read.")
                              .arg(QLocale().toString(unreadable));
        if (incomplete)
            return text + CatalogueDatabase::tr(
                              "; parts of the file could not be read, so some of your rows "
                              "may be missing.");
        return text + u'.';
    }
    if (unreadable > 0)
        return CatalogueDatabase::tr(
                   "None of your own rows could be recovered (%1 could not be read).")
            .arg(QLocale().toString(unreadable));
    if (!sourceRead || incomplete)
        return CatalogueDatabase::tr("Nothing of your own could be recovered from it.");
    return CatalogueDatabase::tr("It held no rows of your own.");
}

} // namespace detail

using namespace detail;

detail::SalvageReport CatalogueDatabase::Private::salvage(const QString &damagedFile) {
    const QString name = connection + u"-salvage"_s;
    SalvageReport report;
    {
        QSqlDatabase source = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        source.setDatabaseName(damagedFile);
        source.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        if (source.open()) {
            // As sqlite3's .dump does: with writable_schema, SQLite opens a file
            // shorter than its header says (truncated) and skips a garbled
            // sqlite_schema entry instead of refusing every table. The
            // connection is read-only, so nothing can be written through it.
            QSqlQuery(source).exec(u"PRAGMA writable_schema = ON"_s);
            QStringList tables;
            for (const TableSpec &t : kTables)
                tables.append(QString(t.table));
            report = Salvager(source, db()).run(tables);
        }
        source.close();
    }
    QSqlDatabase::removeDatabase(name);
    return report;
}

} // namespace llm::db
