// SPDX-License-Identifier: MIT
// The per-user SQLite catalogue: created from the shipped data on first run,
// checked on every open, upgraded from older schemas after a backup, never
// deleted when damaged (set aside, recreated, the user's readable rows copied
// back), written by one running program at a time (a lock file beside it).
// One connection, used from the thread that opened it (the GUI thread).

#include "catalogue.h"
#include "catalogue_p.h"
#include "migrations.h"
#include "sqlrows_p.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLockFile>
#include <QMap>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QVariant>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace llm::db {

using namespace detail;

namespace {

constexpr int kBusyTimeoutMs = 1500;

QString tr(const char *text) {
    return QCoreApplication::translate("llm::db::CatalogueDatabase", text);
}

// Catalogue tables that map 1:1 onto a shipped CSV (presets are special).
struct TableSpec {
    QLatin1StringView table;
    QLatin1StringView
        key; // override key columns: a user row with the same key hides the shipped one
    detail::CsvTable detail::CatalogueTables::*member;
};

const std::array<TableSpec, 6> kTables = {{
    {"cpus"_L1, "name"_L1, &detail::CatalogueTables::cpus},
    {"gpus"_L1, "name"_L1, &detail::CatalogueTables::gpus},
    {"models"_L1, "name"_L1, &detail::CatalogueTables::models},
    {"quants"_L1, "name"_L1, &detail::CatalogueTables::quants},
    {"memory_speeds"_L1, "standard,speed_mts"_L1, &detail::CatalogueTables::memorySpeeds},
    {"use_cases"_L1, "id"_L1, &detail::CatalogueTables::useCases},
}};

QStringList keyColumns(const TableSpec &t) {
    return QString(t.key).split(u',');
}

// Only our own table and column names are built into SQL; no user text reaches it.
QString effectiveRows(const TableSpec &t) {
    QStringList same;
    for (const QString &column : keyColumns(t))
        same.append(QStringLiteral("u.%1 = t.%1").arg(column));
    return QStringLiteral("SELECT * FROM %1 AS t WHERE t.origin = 'user' OR NOT EXISTS "
                          "(SELECT 1 FROM %1 AS u WHERE u.origin = 'user' AND %2) ORDER BY "
                          "t.origin = 'user', t.row_id")
        .arg(t.table, same.join(u" AND "_s));
}

bool markedWritable(const QFileInfo &fi) {
    // The permission bits, not only access(2): a file or folder the user made
    // read-only stays untouched even when the program runs as root.
    return fi.isWritable() &&
           (fi.permissions() & (QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther));
}

QAtomicInteger<quint64> s_instances;

// base + "-yyyyMMdd-HHmmss", with "~N" added when that name is taken, so an
// earlier copy made in the same second is never overwritten.
QString timestampedName(const QString &base) {
    const QString stamped =
        base + u'-' + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    QString name = stamped;
    for (int n = 2; QFileInfo::exists(name) && n < 1000; ++n)
        name = stamped + u'~' + QString::number(n);
    return name;
}

// ---- Salvage: the user's rows read back from a damaged file ----------------

constexpr qlonglong kMaxProbedIds = 100000; // row ids tried one by one past a bad page
constexpr qlonglong kBlindProbe = 10000;    // ... when the highest id cannot be read either

QStringList columnsOf(const QSqlDatabase &db, const QString &table) {
    QSqlQuery q(db);
    QStringList columns;
    // Our own table names only.
    if (q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table))) {
        while (q.next())
            columns.append(q.value(1).toString());
    }
    if (q.lastError().isValid())
        return {};
    return columns;
}

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
            return tr(n == 1 ? l.one : l.many).arg(number);
    }
    return number + u' ' + table;
}

struct SalvageReport {
    QList<std::pair<QString, int>> perTable; // table, rows recovered (tables with any)
    int recovered = 0;
    int unreadable = 0;      // rows known to exist that could not be read or written back
    bool incomplete = false; // parts could not be read and how many rows they held is unknown
    bool sourceRead = false; // the damaged file's tables could be listed at all

    QString summary() const {
        if (recovered > 0) {
            QStringList parts;
            for (const auto &[table, n] : perTable)
                parts.append(countText(table, n));
            QString text = tr("Recovered %1 of your rows (%2)")
                               .arg(QLocale().toString(recovered), parts.join(u", "_s));
            if (unreadable > 0)
                return text + tr("; %1 could not be read.").arg(QLocale().toString(unreadable));
            if (incomplete)
                return text + tr("; parts of the file could not be read, so some of your rows "
                                 "may be missing.");
            return text + u'.';
        }
        if (unreadable > 0)
            return tr("None of your own rows could be recovered (%1 could not be read).")
                .arg(QLocale().toString(unreadable));
        if (!sourceRead || incomplete)
            return tr("Nothing of your own could be recovered from it.");
        return tr("It held no rows of your own.");
    }
};

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

// schema.sql as single statements (separated by ";" at a line end), comments dropped.
QStringList schemaStatements(const QByteArray &schemaSql) {
    QStringList statements;
    for (const QString &statement : QString::fromUtf8(schemaSql).split(u";\n"_s)) {
        QStringList lines = statement.split(u'\n');
        lines.removeIf([](const QString &l) {
            return l.trimmed().startsWith(u"--"_s) || l.trimmed().isEmpty();
        });
        if (!lines.isEmpty())
            statements.append(lines.join(u'\n'));
    }
    return statements;
}

// The tables and columns the embedded schema.sql makes, read back from a
// database built from it in memory (once per process), so the check below
// follows the schema file without a second list to keep in step.
const QList<std::pair<QString, QStringList>> &expectedTables() {
    static const QList<std::pair<QString, QStringList>> tables = [] {
        QList<std::pair<QString, QStringList>> out;
        const QString name = u"llmadvisor-expected-schema"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(u":memory:"_s);
            QFile schemaFile(u":/llmadvisor/schema.sql"_s);
            if (db.open() && schemaFile.open(QIODevice::ReadOnly)) {
                bool ok = true;
                for (const QString &statement : schemaStatements(schemaFile.readAll()))
                    ok = ok && exec(db, statement, nullptr);
                QSqlQuery q(db);
                if (ok && q.exec(u"SELECT name FROM sqlite_schema WHERE type = 'table' "
                                 "ORDER BY name"_s)) {
                    while (q.next())
                        out.append({q.value(0).toString(), {}});
                }
                for (auto &[table, columns] : out)
                    columns = columnsOf(db, table);
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return out;
    }();
    return tables;
}

// What the file lacks of the schema (a table dropped, a column missing), in
// plain words for the "damaged" message; empty when every table and column is
// there. user_version alone cannot tell: `DROP TABLE` leaves it as it was.
// With tablesOnly (a file of an older schema version, before its upgrade), only
// whole tables are looked for, and only those every version since 1 has had:
// the tables and columns added later are the upgrade's to add.
QString missingSchemaParts(const QSqlDatabase &db, bool tablesOnly = false) {
    // Tables an upgrade adds (and the version that added them).
    static const QStringList addedByUpgrades{u"user_measurements"_s /* 3 */};
    QStringList missing;
    for (const auto &[table, columns] : expectedTables()) {
        if (tablesOnly && addedByUpgrades.contains(table))
            continue;
        const QStringList present = columnsOf(db, table);
        if (present.isEmpty()) {
            missing.append(tr("the table %1 is missing").arg(table));
            continue;
        }
        if (tablesOnly)
            continue;
        QStringList lacking;
        for (const QString &c : columns) {
            if (!present.contains(c))
                lacking.append(c);
        }
        if (!lacking.isEmpty())
            missing.append(
                tr("the table %1 lacks the column(s) %2").arg(table, lacking.join(u", "_s)));
    }
    return missing.join(u"; "_s);
}

} // namespace

struct CatalogueDatabase::Private {
    QString connection;
    QString path;
    bool open = false;
    bool readOnly = false;
    bool wal = false; // this connection switched the file to WAL
    int targetVersion = CatalogueDatabase::schemaVersion;
    QList<MigrationStep> upgradeSteps = schemaUpgradeSteps();
    // Held while this instance may write the file: a second running copy of the
    // program finds it taken and opens the file read-only.
    std::unique_ptr<QLockFile> writerLock;

    enum class Lock { Taken, OtherCopy, Unavailable };
    Lock takeWriterLock(const QString &file, QString *holder);
    SalvageReport salvage(const QString &damagedFile);

    QSqlDatabase db() const { return QSqlDatabase::database(connection, false); }
    bool openConnection(const QString &file, bool ro, QString *error);
    void close();
    bool create(const QString &file, QString *error) const;
    bool fillShipped(const QSqlDatabase &db, QString *error) const;
    bool refreshShipped(QString *error) const;
    QString storedDataVersion() const;
    OpenResult openInMemory(const QString &why);
};

CatalogueDatabase::Private::Lock CatalogueDatabase::Private::takeWriterLock(const QString &file,
                                                                            QString *holder) {
    auto lock = std::make_unique<QLockFile>(file + u".lock"_s);
    // Only a lock whose process is gone is stale, however old it is: a window
    // left open for days keeps its claim.
    lock->setStaleLockTime(0);
    if (lock->tryLock(0)) {
        writerLock = std::move(lock);
        return Lock::Taken;
    }
    if (lock->error() != QLockFile::LockFailedError)
        return Lock::Unavailable;
    // A writer killed while creating its lock file leaves it empty, and Qt then
    // never calls it stale. removeStaleLockFile() deletes it only when no live
    // process holds its native (flock) lock, which a running writer always does.
    if (lock->removeStaleLockFile() && lock->tryLock(0)) {
        writerLock = std::move(lock);
        return Lock::Taken;
    }
    qint64 pid = 0;
    QString host, app;
    if (lock->getLockInfo(&pid, &host, &app))
        *holder = tr("process %1 on %2").arg(pid).arg(host);
    else
        *holder = tr("another process");
    return Lock::OtherCopy;
}

SalvageReport CatalogueDatabase::Private::salvage(const QString &damagedFile) {
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

bool CatalogueDatabase::Private::openConnection(const QString &file, bool ro, QString *error) {
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
    db.setDatabaseName(file);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs);
    if (ro)
        options += u";QSQLITE_OPEN_READONLY"_s;
    db.setConnectOptions(options);
    if (!db.open()) {
        *error = describe(db.lastError());
        return false;
    }
    // foreign_keys is off by default in SQLite: turn it on for every connection.
    if (!exec(db, u"PRAGMA foreign_keys = ON"_s, error))
        return false;
    open = true;
    readOnly = ro;
    return true;
}

void CatalogueDatabase::Private::close() {
    if (QSqlDatabase::contains(connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(connection, false);
            if (db.isOpen() && wal) {
                // Leave one self-contained file behind (no -wal / -shm), so it can be
                // copied, and opened read-only later without creating side files.
                QSqlQuery q(db);
                q.exec(u"PRAGMA journal_mode = DELETE"_s);
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
    }
    open = false;
    readOnly = false;
    wal = false;
    writerLock.reset(); // unlocks and removes the lock file
}

bool CatalogueDatabase::Private::fillShipped(const QSqlDatabase &db, QString *error) const {
    detail::CatalogueTables tables;
    if (!detail::readShippedTables(&tables, error))
        return false;
    QFile schemaFile(u":/llmadvisor/schema.sql"_s);
    if (!schemaFile.open(QIODevice::ReadOnly)) {
        *error = u"the embedded database schema is missing"_s;
        return false;
    }
    QSqlQuery q(db);
    if (!exec(q, u"BEGIN IMMEDIATE"_s, error))
        return false;
    bool ok = true;
    for (const QString &statement : schemaStatements(schemaFile.readAll())) {
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

// Builds the file under a temporary name and renames it into place, so a crash
// half-way never leaves a half-made catalogue under the real name.
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

OpenResult CatalogueDatabase::Private::openInMemory(const QString &why) {
    close();
    OpenResult r;
    QString error;
    r.ok = openConnection(u":memory:"_s, false, &error) && fillShipped(db(), &error);
    readOnly = true; // nothing the user changes here can be saved
    r.readOnly = true;
    r.builtinOnly = true;
    r.message = why + u' ' + tr("The built-in catalogue is used; changes cannot be saved.");
    if (!r.ok) {
        r.message += u" ("_s + error + u')';
        close();
    }
    return r;
}

CatalogueDatabase::CatalogueDatabase()
    : d(new Private) {
    d->connection =
        QStringLiteral("llmadvisor-catalogue-%1").arg(s_instances.fetchAndAddRelaxed(1));
}

CatalogueDatabase::~CatalogueDatabase() {
    d->close();
    delete d;
}

QString CatalogueDatabase::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           u"/catalogue.sqlite"_s;
}

OpenResult CatalogueDatabase::open(const QString &path) {
    d->close();
    d->path = path;
    OpenResult r;
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(info.absoluteFilePath());
    const QString folder = info.absolutePath();
    QString error;

    if (path.isEmpty()) {
        r.message = tr("No catalogue file name was given.");
        return r;
    }
    if (info.isDir()) {
        r.message = tr("%1 is a folder, not a catalogue file.").arg(shown);
        return r;
    }
    if (info.isSymLink() && !info.exists())
        return d->openInMemory(
            tr("%1 is a link to %2, which does not exist; remove the link or point it to your "
               "catalogue.")
                .arg(shown, QDir::toNativeSeparators(info.symLinkTarget())));
    const bool existed = info.exists();
    // Says what is wrong with a folder the catalogue cannot be made in.
    const auto folderProblem = [&folder] {
        const QFileInfo f(folder);
        const QString shownFolder = QDir::toNativeSeparators(folder);
        if (f.exists() && !f.isReadable())
            return tr("The folder %1 cannot be read or written (check its permissions).")
                .arg(shownFolder);
        return tr("The folder %1 cannot be written to.").arg(shownFolder);
    };
    if (!existed && !QDir().mkpath(folder))
        return d->openInMemory(folderProblem());
    const bool folderWritable = markedWritable(QFileInfo(folder));

    // One writer: the lock is taken before the file is created, checked,
    // repaired or upgraded, and held until close().
    QString otherWriter;
    const Private::Lock lock =
        folderWritable ? d->takeWriterLock(path, &otherWriter) : Private::Lock::Unavailable;
    if (!existed) {
        if (!folderWritable)
            return d->openInMemory(folderProblem());
        if (lock == Private::Lock::OtherCopy)
            return d->openInMemory(
                tr("The catalogue %1 is being created by another running copy of this "
                   "program (%2).")
                    .arg(shown, otherWriter));
        if (!d->create(path, &error))
            return d->openInMemory(
                tr("The catalogue %1 could not be created: %2.").arg(shown, error));
    }

    const bool writable =
        lock == Private::Lock::Taken && markedWritable(QFileInfo(path)) && folderWritable;
    if (!writable)
        d->writerLock.reset(); // a reader does not keep another copy from writing
    if (!d->openConnection(path, !writable, &error)) {
        d->close();
        r.message = tr("The catalogue %1 cannot be opened: %2.").arg(shown, error);
        return r;
    }

    // Closes the writable connection and opens the file again read-only,
    // telling why; used when writing would lose something.
    const auto reopenReadOnly = [&](const QString &why) {
        d->close();
        if (!d->openConnection(path, true, &error)) {
            r.message = tr("The catalogue %1 cannot be opened: %2.").arg(shown, error);
            return r;
        }
        r.ok = true;
        r.readOnly = true;
        r.message = why;
        return r;
    };

    FileCheck check = checkFile(d->db(), d->targetVersion);
    if (check.state == FileState::Ok) {
        // A file of the embedded schema's version must have all of its tables
        // and columns; one without is treated like damage (set aside, rebuilt,
        // the user's readable rows copied back). Older files are upgraded first.
        QSqlQuery q(d->db());
        if (q.exec(u"PRAGMA user_version"_s) && q.next()) {
            const int version = q.value(0).toInt();
            // Only the program's own chain is checked column by column; a test's
            // synthetic chain (another target version) is checked for whole tables.
            const bool current = version == CatalogueDatabase::schemaVersion &&
                                 d->targetVersion == CatalogueDatabase::schemaVersion;
            if (const QString missing = missingSchemaParts(d->db(), !current); !missing.isEmpty())
                check = {FileState::Damaged, missing};
        }
    }
    switch (check.state) {
    case FileState::Ok:
        break;
    case FileState::Foreign:
        d->close();
        r.message = tr("%1 is not a catalogue of this program (%2); it was left untouched.")
                        .arg(shown, check.detail);
        return r;
    case FileState::Busy:
        d->close();
        return d->openInMemory(
            tr("The catalogue %1 is in use by another program (%2).").arg(shown, check.detail));
    case FileState::Unreadable:
        d->close();
        r.message = tr("The catalogue %1 cannot be read (%2); it was left untouched.")
                        .arg(shown, check.detail);
        return r;
    case FileState::Newer:
        return reopenReadOnly(
            tr("The catalogue %1 was saved by a newer version of this program (%2). "
               "It is opened read-only so that nothing in it is lost.")
                .arg(shown, check.detail));
    case FileState::Empty:
    case FileState::Damaged: {
        std::unique_ptr<QLockFile> keep = std::move(d->writerLock); // kept for the repair
        d->close();
        d->writerLock = std::move(keep);
        const QString aside = timestampedName(path + u".damaged"_s);
        if (!writable || !QFile::rename(path, aside))
            return d->openInMemory(
                tr("The catalogue %1 is damaged (%2) and could not be set aside.")
                    .arg(shown, check.detail));
        for (const char *side : {"-wal", "-shm", "-journal"}) {
            if (QFile::exists(path + QLatin1StringView(side)))
                QFile::rename(path + QLatin1StringView(side), aside + QLatin1StringView(side));
        }
        if (!d->create(path, &error) || !d->openConnection(path, false, &error))
            return d->openInMemory(
                tr("The catalogue %1 was damaged (%2) and could not be recreated: %3.")
                    .arg(shown, check.detail, error));
        const SalvageReport salvage = d->salvage(aside);
        r.recovered = true;
        r.salvagedRows = salvage.recovered;
        r.unreadableRows = salvage.unreadable;
        r.message = tr("The catalogue %1 was damaged (%2). It was kept as %3 and a fresh catalogue "
                       "was made from the built-in data.")
                        .arg(shown, check.detail, QFileInfo(aside).fileName()) +
                    u' ' + salvage.summary();
        break;
    }
    }

    // An older schema: upgraded step by step after a copy of the whole file.
    int version = d->targetVersion;
    if (check.state == FileState::Ok) {
        QSqlQuery q(d->db());
        if (q.exec(u"PRAGMA user_version"_s) && q.next())
            version = q.value(0).toInt();
    }
    const bool older = version < d->targetVersion;
    if (older && !d->readOnly) {
        const QString backup =
            timestampedName(path + QStringLiteral(".before-upgrade-v%1").arg(version));
        const MigrationResult m =
            migrateDatabase(d->db(), d->upgradeSteps, d->targetVersion, backup);
        r.backupPath = m.backupPath;
        if (!m.ok) {
            // Whatever the steps did is rolled back; nothing more is written.
            return reopenReadOnly(
                tr("The catalogue %1 could not be upgraded to this version of the "
                   "program; it is opened read-only so that nothing in it is lost. %2")
                    .arg(shown, m.message));
        }
        r.upgraded = true;
        r.message = tr("The catalogue %1 was upgraded from schema version %2 to %3; the file as "
                       "it was is kept as %4.")
                        .arg(shown)
                        .arg(m.fromVersion)
                        .arg(m.toVersion)
                        .arg(QFileInfo(m.backupPath).fileName());
    }

    if (d->readOnly) {
        r.readOnly = true;
        if (lock == Private::Lock::OtherCopy)
            r.message = tr("The catalogue %1 is open for writing in another running copy of this "
                           "program (%2): it is opened read-only here, and changes cannot be "
                           "saved until that copy is closed.")
                            .arg(shown, otherWriter);
        else
            r.message =
                tr("The catalogue %1 (or its folder) is read-only: it is opened for reading "
                   "and changes cannot be saved.")
                    .arg(shown);
        if (older)
            r.message += u' ' + tr("It was saved by an older version of this program (schema "
                                   "version %1) and cannot be upgraded while it is read-only.")
                                    .arg(version);
    } else {
        QSqlQuery q(d->db());
        // WAL: fewer fsyncs and readers never block the writer; one connection only.
        if (!exec(q, u"PRAGMA journal_mode = WAL"_s, &error) ||
            !exec(q, u"PRAGMA synchronous = NORMAL"_s, &error)) {
            r.message =
                tr("The catalogue %1 is locked or cannot be written (%2); opened read-only.")
                    .arg(shown, error);
            d->readOnly = true;
            r.readOnly = true;
        } else {
            d->wal = true;
        }
    }
    if (!d->readOnly && d->storedDataVersion() != shippedDataVersion() &&
        !shippedDataVersion().isEmpty()) {
        if (!d->refreshShipped(&error))
            r.message = tr("The built-in part of the catalogue %1 could not be updated to this "
                           "version's data (%2); the previous data is used.")
                            .arg(shown, error);
    }
    r.ok = true;
    return r;
}

bool CatalogueDatabase::isOpen() const {
    return d->open;
}
bool CatalogueDatabase::isReadOnly() const {
    return d->readOnly;
}
QString CatalogueDatabase::path() const {
    return d->path;
}
QString CatalogueDatabase::connectionName() const {
    return d->connection;
}

void CatalogueDatabase::setSchemaUpgrades(int targetVersion, const QList<MigrationStep> &steps) {
    d->targetVersion = targetVersion;
    d->upgradeSteps = steps;
}

Catalog CatalogueDatabase::load() const {
    QString error;
    Catalog c = load(&error);
    if (!error.isEmpty())
        qWarning("%s", qUtf8Printable(error));
    return c;
}

Catalog CatalogueDatabase::load(QString *error) const {
    auto fallback = [&](const QString &why) {
        QString shippedError;
        Catalog c = loadShippedCatalog(&shippedError);
        if (error)
            *error = why + (shippedError.isEmpty() ? QString() : u" "_s + shippedError);
        return c;
    };
    if (!d->open)
        return fallback(tr("The catalogue database is not open; the built-in catalogue is used."));
    const QSqlDatabase db = d->db();
    detail::CatalogueTables tables;
    QString why;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(u"SELECT key, value FROM meta"_s))
            return fallback(tr("Cannot read the catalogue: %1").arg(describe(q.lastError())));
        tables.meta = tableFromQuery(q, u"meta"_s);
        // tableFromQuery skips only row_id / origin, so meta keeps key and value.
    }
    for (const TableSpec &t : kTables) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(effectiveRows(t)))
            return fallback(tr("Cannot read the catalogue: %1").arg(describe(q.lastError())));
        tables.*(t.member) = tableFromQuery(q, QString(t.table));
    }
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        const QString sql =
            u"SELECT p.name, c.name AS cpu_name, p.memory_channels, p.memory_mts, "
            u"p.memory_capacity_gb, "
            "g.name AS gpu_name, COALESCE(pg.count, 0) AS gpu_count, p.seed_row, p.note, p.source, "
            "p.as_of "
            "FROM presets AS p JOIN cpus AS c ON c.row_id = p.cpu_id "
            "LEFT JOIN preset_gpus AS pg ON pg.preset_id = p.row_id LEFT JOIN gpus AS g ON "
            "g.row_id = pg.gpu_id "
            "WHERE p.origin = 'user' OR NOT EXISTS "
            "(SELECT 1 FROM presets AS u WHERE u.origin = 'user' AND u.name = p.name) "
            "ORDER BY p.origin = 'user', p.row_id, pg.position"_s;
        if (!q.exec(sql))
            return fallback(tr("Cannot read the catalogue: %1").arg(describe(q.lastError())));
        tables.presets = tableFromQuery(q, u"presets"_s);
    }
    Catalog c;
    if (!detail::catalogFromTables(tables, &c, &why))
        return fallback(tr("The catalogue database has a bad row: %1").arg(why));
    if (error)
        error->clear();
    return c;
}

} // namespace llm::db
