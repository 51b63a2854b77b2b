// SPDX-License-Identifier: MIT
#pragma once
// Internal to llmadvisor_db: CatalogueDatabase's private part, shared by the
// files that implement it, one job each:
//   cataloguedatabase.cpp  open() (check, repair, upgrade), the connection, load()
//   writerlock.cpp         one writer per file (a lock file beside it)
//   shippedrows.cpp        the shipped rows: a new file, and a new release's data
//   salvage.cpp            the user's rows read back from a damaged file
//   schema.cpp             the embedded schema.sql and what a file lacks of it

#include "catalogue.h"
#include "catalogue_p.h"
#include "migrations.h"

#include <QLatin1StringView>
#include <QList>
#include <QLockFile>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>

namespace llm::db {

namespace detail {

constexpr int kBusyTimeoutMs = 1500;

// Catalogue tables that map 1:1 onto a shipped CSV (presets are special).
struct TableSpec {
    QLatin1StringView table;
    QLatin1StringView
        key; // override key columns: a user row with the same key hides the shipped one
    CsvTable CatalogueTables::*member;
};

inline const std::array<TableSpec, 6> kTables = {{
    {QLatin1StringView("cpus"), QLatin1StringView("name"), &CatalogueTables::cpus},
    {QLatin1StringView("gpus"), QLatin1StringView("name"), &CatalogueTables::gpus},
    {QLatin1StringView("models"), QLatin1StringView("name"), &CatalogueTables::models},
    {QLatin1StringView("quants"), QLatin1StringView("name"), &CatalogueTables::quants},
    {QLatin1StringView("memory_speeds"), QLatin1StringView("standard,speed_mts"),
     &CatalogueTables::memorySpeeds},
    {QLatin1StringView("use_cases"), QLatin1StringView("id"), &CatalogueTables::useCases},
}};

inline QStringList keyColumns(const TableSpec &t) {
    return QString(t.key).split(u',');
}

struct SalvageReport; // salvage_p.h

} // namespace detail

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

    // writerlock.cpp
    enum class Lock { Taken, OtherCopy, Unavailable };
    Lock takeWriterLock(const QString &file, QString *holder);
    // salvage.cpp: the user's readable rows of damagedFile into this (new) file.
    detail::SalvageReport salvage(const QString &damagedFile);

    // cataloguedatabase.cpp
    QSqlDatabase db() const { return QSqlDatabase::database(connection, false); }
    bool openConnection(const QString &file, bool ro, QString *error);
    void close();
    OpenResult openInMemory(const QString &why);

    // shippedrows.cpp
    bool create(const QString &file, QString *error) const;
    bool fillShipped(const QSqlDatabase &db, QString *error) const;
    bool refreshShipped(QString *error) const;
    QString storedDataVersion() const;
};

} // namespace llm::db
