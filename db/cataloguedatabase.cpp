// SPDX-License-Identifier: MIT
// The per-user SQLite catalogue: created from the shipped data on first run,
// checked on every open, upgraded from older schemas after a backup, never
// deleted when damaged (set aside, recreated, the user's readable rows copied
// back), written by one running program at a time (a lock file beside it).
// One connection, used from the thread that opened it (the GUI thread).
// This file: open() (check, repair, upgrade), the connection and load(); the
// other jobs are named in cataloguedatabase_p.h.

#include "cataloguedatabase_p.h"
#include "salvage_p.h"
#include "schema_p.h"
#include "sqlrows_p.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace llm::db {

using namespace detail;

namespace {

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

} // namespace

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
    : d(std::make_unique<Private>()) {
    d->connection =
        QStringLiteral("llmadvisor-catalogue-%1").arg(s_instances.fetchAndAddRelaxed(1));
}

CatalogueDatabase::~CatalogueDatabase() {
    d->close();
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
