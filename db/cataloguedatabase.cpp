// SPDX-License-Identifier: MIT
// The per-user SQLite catalogue: created from the shipped data on first run,
// checked on every open, never deleted when damaged (set aside and recreated).
// One connection, used from the thread that opened it (the GUI thread).

#include "catalogue.h"
#include "catalogue_p.h"
#include "sqlrows_p.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QVariant>

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace llm::db {

using namespace detail;

namespace {

constexpr int kBusyTimeoutMs = 1500;

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

} // namespace

struct CatalogueDatabase::Private {
    QString connection;
    QString path;
    bool open = false;
    bool readOnly = false;
    bool wal = false; // this connection switched the file to WAL

    QSqlDatabase db() const { return QSqlDatabase::database(connection, false); }
    bool openConnection(const QString &file, bool ro, QString *error);
    void close();
    bool create(const QString &file, QString *error) const;
    bool fillShipped(const QSqlDatabase &db, QString *error) const;
    bool refreshShipped(QString *error) const;
    QString storedDataVersion() const;
    OpenResult openInMemory(const QString &why);
};

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
    const QString schema = QString::fromUtf8(schemaFile.readAll());
    QSqlQuery q(db);
    if (!exec(q, u"BEGIN IMMEDIATE"_s, error))
        return false;
    bool ok = true;
    for (const QString &statement : schema.split(u";\n"_s)) {
        QStringList lines = statement.split(u'\n');
        lines.removeIf([](const QString &l) {
            return l.trimmed().startsWith(u"--"_s) || l.trimmed().isEmpty();
        });
        if (!lines.isEmpty() && !(ok = exec(q, lines.join(u'\n'), error)))
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
    r.message = why + u" The built-in catalogue is used; changes cannot be saved."_s;
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
    QString error;

    if (path.isEmpty()) {
        r.message = u"No catalogue file name was given."_s;
        return r;
    }
    if (info.isDir()) {
        r.message = QStringLiteral("%1 is a folder, not a catalogue file.").arg(shown);
        return r;
    }
    if (!info.exists()) {
        if (!QDir().mkpath(info.absolutePath()) || !markedWritable(QFileInfo(info.absolutePath())))
            return d->openInMemory(QStringLiteral("The folder %1 cannot be written to.")
                                       .arg(QDir::toNativeSeparators(info.absolutePath())));
        if (!d->create(path, &error))
            return d->openInMemory(
                QStringLiteral("The catalogue %1 could not be created: %2.").arg(shown, error));
    }

    const bool writable =
        markedWritable(QFileInfo(path)) && markedWritable(QFileInfo(info.absolutePath()));
    if (!d->openConnection(path, !writable, &error)) {
        d->close();
        r.message = QStringLiteral("The catalogue %1 cannot be opened: %2.").arg(shown, error);
        return r;
    }

    const FileCheck check = checkFile(d->db());
    switch (check.state) {
    case FileState::Ok:
        break;
    case FileState::Foreign:
        d->close();
        r.message =
            QStringLiteral("%1 is not a catalogue of this program (%2); it was left untouched.")
                .arg(shown, check.detail);
        return r;
    case FileState::Busy:
        d->close();
        return d->openInMemory(QStringLiteral("The catalogue %1 is in use by another program (%2).")
                                   .arg(shown, check.detail));
    case FileState::Unreadable:
        d->close();
        r.message = QStringLiteral("The catalogue %1 cannot be read (%2); it was left untouched.")
                        .arg(shown, check.detail);
        return r;
    case FileState::Newer:
        d->close();
        if (!d->openConnection(path, true, &error)) {
            r.message = QStringLiteral("The catalogue %1 cannot be opened: %2.").arg(shown, error);
            return r;
        }
        r.ok = true;
        r.readOnly = true;
        r.message =
            QStringLiteral("The catalogue %1 was saved by a newer version of this program (%2). "
                           "It is opened read-only so that nothing in it is lost.")
                .arg(shown, check.detail);
        return r;
    case FileState::Empty:
    case FileState::Damaged: {
        d->close();
        QString aside =
            path + u".damaged-"_s + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
        // Never overwrite an earlier copy set aside in the same second.
        for (int n = 2; QFileInfo::exists(aside) && n < 100; ++n)
            aside = aside.section(u'~', 0, 0) + u'~' + QString::number(n);
        if (!writable || !QFile::rename(path, aside))
            return d->openInMemory(
                QStringLiteral("The catalogue %1 is damaged (%2) and could not be set aside.")
                    .arg(shown, check.detail));
        for (const char *side : {"-wal", "-shm", "-journal"}) {
            if (QFile::exists(path + QLatin1StringView(side)))
                QFile::rename(path + QLatin1StringView(side), aside + QLatin1StringView(side));
        }
        if (!d->create(path, &error) || !d->openConnection(path, false, &error))
            return d->openInMemory(
                QStringLiteral("The catalogue %1 was damaged (%2) and could not be recreated: %3.")
                    .arg(shown, check.detail, error));
        r.recovered = true;
        r.message =
            QStringLiteral(
                "The catalogue %1 was damaged (%2). It was kept as %3 and a fresh catalogue "
                "was made from the built-in data; your own entries in it are not in the new one.")
                .arg(shown, check.detail, QFileInfo(aside).fileName());
        break;
    }
    }

    if (d->readOnly) {
        r.readOnly = true;
        r.message = QStringLiteral(
                        "The catalogue %1 (or its folder) is read-only: it is opened for reading "
                        "and changes cannot be saved.")
                        .arg(shown);
    } else {
        QSqlQuery q(d->db());
        // WAL: fewer fsyncs and readers never block the writer; one connection only.
        if (!exec(q, u"PRAGMA journal_mode = WAL"_s, &error) ||
            !exec(q, u"PRAGMA synchronous = NORMAL"_s, &error)) {
            r.message =
                QStringLiteral(
                    "The catalogue %1 is locked or cannot be written (%2); opened read-only.")
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
            r.message =
                QStringLiteral("The built-in part of the catalogue %1 could not be updated to this "
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
        return fallback(u"The catalogue database is not open; the built-in catalogue is used."_s);
    const QSqlDatabase db = d->db();
    detail::CatalogueTables tables;
    QString why;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(u"SELECT key, value FROM meta"_s))
            return fallback(u"Cannot read the catalogue: "_s + describe(q.lastError()));
        tables.meta = tableFromQuery(q, u"meta"_s);
        // tableFromQuery skips only row_id / origin, so meta keeps key and value.
    }
    for (const TableSpec &t : kTables) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(effectiveRows(t)))
            return fallback(u"Cannot read the catalogue: "_s + describe(q.lastError()));
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
            return fallback(u"Cannot read the catalogue: "_s + describe(q.lastError()));
        tables.presets = tableFromQuery(q, u"presets"_s);
    }
    Catalog c;
    if (!detail::catalogFromTables(tables, &c, &why))
        return fallback(u"The catalogue database has a bad row: "_s + why);
    if (error)
        error->clear();
    return c;
}

} // namespace llm::db
