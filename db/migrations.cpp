// SPDX-License-Identifier: MIT
// Schema upgrades: VACUUM INTO backup, then one transaction per step.
#include "migrations.h"

#include "schema_p.h"
#include "sqlerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace llm::db {

namespace {
// The context of this file's messages (none of them belongs to a QObject).
struct Migrations {
    Q_DECLARE_TR_FUNCTIONS(llm::db::Migrations)
};
} // namespace

QList<MigrationStep> schemaUpgradeSteps() {
    // 1 -> 2: what the program may propose (form factor of a GPU, parts still sold
    // new). New columns are NULL (unknown) in existing rows: the user's rows stay
    // as they were, the shipped rows get their values when open() refreshes them.
    MigrationStep buyable;
    buyable.fromVersion = 1;
    buyable.description = Migrations::tr("add the GPU form factor and the sold-new flags");
    buyable.apply = [](const QSqlDatabase &db, QString *error) {
        struct Column {
            QString table, name, definition;
        };
        const Column columns[] = {
            {u"cpus"_s, u"sold_new"_s, u"INTEGER CHECK (sold_new IN (0, 1))"_s},
            {u"gpus"_s, u"form_factor"_s,
             u"TEXT CHECK (form_factor IN ('pcie', 'sxm', 'oam', 'integrated'))"_s},
            {u"gpus"_s, u"sold_new"_s, u"INTEGER CHECK (sold_new IN (0, 1))"_s},
        };
        QSqlQuery q(db);
        for (const Column &c : columns) {
            // Only our own table and column names are built into SQL.
            if (!q.exec(QStringLiteral("SELECT count(*) FROM pragma_table_info('%1') WHERE name "
                                       "= '%2'")
                            .arg(c.table, c.name)) ||
                !q.next()) {
                *error = plainSqlError(q.lastError());
                return false;
            }
            const bool there = q.value(0).toInt() > 0;
            q.finish();
            if (there)
                continue; // already added (a file from a development build): nothing to do
            if (!q.exec(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3")
                            .arg(c.table, c.name, c.definition))) {
                *error = plainSqlError(q.lastError());
                return false;
            }
        }
        return true;
    };
    // 2 -> 3: the user's own llama-bench measurements (measurements import).
    // A new table, made by the same statement as in a new file (schema.sql);
    // nothing else changes.
    MigrationStep ownMeasurements;
    ownMeasurements.fromVersion = 2;
    ownMeasurements.description = Migrations::tr("add the table of your own measurements");
    ownMeasurements.apply = [](const QSqlDatabase &db, QString *error) {
        QSqlQuery q(db);
        if (!q.exec(u"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = "
                    "'user_measurements'"_s) ||
            !q.next()) {
            *error = plainSqlError(q.lastError());
            return false;
        }
        const bool there = q.value(0).toInt() > 0;
        q.finish();
        if (there)
            return true; // a file from a development build: nothing to do
        QString statement;
        for (const QString &candidate : detail::embeddedSchemaStatements()) {
            if (candidate.startsWith(u"CREATE TABLE user_measurements"_s))
                statement = candidate;
        }
        if (statement.isEmpty()) {
            *error = Migrations::tr("the embedded schema has no table of your own measurements");
            return false;
        }
        if (!q.exec(statement)) {
            *error = plainSqlError(q.lastError());
            return false;
        }
        return true;
    };
    return {buyable, ownMeasurements};
}

bool backupDatabase(const QSqlDatabase &db, const QString &target, QString *error) {
    if (QFileInfo::exists(target)) {
        *error =
            Migrations::tr("the backup %1 already exists").arg(QDir::toNativeSeparators(target));
        return false;
    }
    QSqlQuery q(db);
    q.prepare(u"VACUUM INTO ?"_s);
    q.bindValue(0, target);
    if (!q.exec()) {
        *error =
            Migrations::tr("the backup could not be written: %1").arg(plainSqlError(q.lastError()));
        return false;
    }
    return true;
}

MigrationResult migrateDatabase(const QSqlDatabase &db, const QList<MigrationStep> &steps,
                                int targetVersion, const QString &backupPath) {
    MigrationResult r;
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next()) {
        r.message = Migrations::tr("The schema version cannot be read: %1.")
                        .arg(plainSqlError(q.lastError()));
        return r;
    }
    r.fromVersion = r.toVersion = q.value(0).toInt();
    q.finish(); // VACUUM refuses to run while a statement is still active
    if (r.fromVersion >= targetVersion) {
        r.ok = true;
        return r;
    }
    QString error;
    if (!backupDatabase(db, backupPath, &error)) {
        r.message = Migrations::tr("No upgrade was attempted: %1.").arg(error);
        return r;
    }
    r.backupPath = backupPath;
    // SQLite's procedure for schema changes: foreign keys off while a step
    // rebuilds tables (it cannot be changed inside a transaction), and a
    // foreign_key_check before each commit instead. On again afterwards.
    q.exec(u"PRAGMA foreign_keys = OFF"_s);
    struct Restore {
        QSqlQuery &q;
        ~Restore() { q.exec(u"PRAGMA foreign_keys = ON"_s); }
    } restore{q};
    for (int v = r.fromVersion; v < targetVersion; ++v) {
        const MigrationStep *step = nullptr;
        for (const MigrationStep &s : steps) {
            if (s.fromVersion == v)
                step = &s;
        }
        auto fail = [&](const QString &why) {
            q.exec(u"ROLLBACK"_s);
            r.message = Migrations::tr("The upgrade from schema version %1 to %2 failed (%3); "
                                       "the catalogue stays at version %1 and a copy made "
                                       "before the upgrade is kept as %4.")
                            .arg(v)
                            .arg(v + 1)
                            .arg(why, QDir::toNativeSeparators(backupPath));
            return r;
        };
        if (!step)
            return fail(Migrations::tr("no upgrade step is known"));
        if (!q.exec(u"BEGIN IMMEDIATE"_s))
            return fail(plainSqlError(q.lastError()));
        error.clear();
        if (!step->apply(db, &error))
            return fail(error.isEmpty() ? step->description : error);
        if (!q.exec(u"PRAGMA foreign_key_check"_s))
            return fail(plainSqlError(q.lastError()));
        if (q.next())
            return fail(
                Migrations::tr("the step left rows of %1 pointing at rows that do not exist")
                    .arg(q.value(0).toString()));
        q.finish();
        // PRAGMA takes no bound values; v is our own integer.
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1)))
            return fail(plainSqlError(q.lastError()));
        if (!q.exec(u"COMMIT"_s))
            return fail(plainSqlError(q.lastError()));
        r.toVersion = v + 1;
    }
    r.ok = true;
    return r;
}

} // namespace llm::db
