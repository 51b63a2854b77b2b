// SPDX-License-Identifier: MIT
#pragma once
// Schema upgrades, one step per user_version, each in its own transaction,
// after a VACUUM INTO copy of the whole database. A failing step is rolled
// back; the file stays at the last good version and the copy is kept.
// CatalogueDatabase::open() runs this on every writable file with an older
// user_version. Steps: 1 -> 2 adds gpus.form_factor and the sold_new flags of
// cpus and gpus (tests/db/tst_migrations.cpp upgrades a version-1 fixture);
// 2 -> 3 adds the table user_measurements (the user's own llama-bench runs); the
// chain, through open(), is tested with synthetic steps as well
// (tests/db/tst_catalogueupgrade.cpp).

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace llm::db {

struct MigrationStep {
    int fromVersion = 0; // upgrades fromVersion -> fromVersion + 1
    QString description;
    std::function<bool(const QSqlDatabase &db, QString *error)> apply;
};

struct MigrationResult {
    bool ok = false;
    int fromVersion = 0;
    int toVersion = 0;  // the version the file is at afterwards
    QString backupPath; // the copy made before the first step ("" when nothing to do)
    QString message;    // on failure: which step, why, and where the copy is (translated)
};

// The program's own steps, from every older user_version up to
// CatalogueDatabase::schemaVersion. A release that changes schema.sql bumps
// schemaVersion, adds its step here and commits a fixture of the old version.
QList<MigrationStep> schemaUpgradeSteps();

// A consistent copy of an open database (VACUUM INTO); the target must not exist.
bool backupDatabase(const QSqlDatabase &db, const QString &target, QString *error);

// Upgrades `db` (open, writable) from its user_version to targetVersion
// using `steps`. Backup goes to backupPath before any step runs.
MigrationResult migrateDatabase(const QSqlDatabase &db, const QList<MigrationStep> &steps,
                                int targetVersion, const QString &backupPath);

} // namespace llm::db
