// SPDX-License-Identifier: MIT
#pragma once
// The catalogue database: shipped reference data (embedded in the program)
// copied on first run into a per-user SQLite file, and read back as core values.

#include "catalog.h"
#include "platform.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <string>

namespace llm::db {

struct MigrationStep;

struct OpenResult {
    bool ok = false;
    bool readOnly = false;  // newer schema, read-only file or folder, locked, another copy
                            // of the program writing it, or a failed schema upgrade
    bool recovered = false; // a damaged file was set aside and the shipped data restored
    int salvagedRows = 0;   // recovered: the user's rows read back from the damaged file
    int unreadableRows = 0; // recovered: the user's rows known to exist but not readable
    bool upgraded = false;  // the schema was upgraded from an older version
    QString backupPath;     // upgraded (or upgrade failed): the copy made before the upgrade
    QString message;        // plain-language text for the user (empty when all is well)
    // The file could not be used: the built-in data is served from memory
    // (readOnly too), so load() has none of the user's rows.
    bool builtinOnly = false;
};

// The shipped catalogue straight from the embedded resources (no file written).
// Used by the CLI by default, by tests, and to (re)create the user's database.
// Parsed once per process, later calls copy the cached result.
// If the embedded data is broken this returns an empty Catalog and logs a warning;
// use the overload below to get the reason for the user.
Catalog loadShippedCatalog();
// Same; *error is empty on success, else a one-line reason (catalog then empty).
Catalog loadShippedCatalog(QString *error);
// Version tag of the shipped data (changes whenever the CSVs change).
QString shippedDataVersion();

// A real GGUF file size from the shipped data (catalogue/gguf_file_sizes.csv),
// by exact catalogue model and quantization names, e.g. ("Qwen2.5-14B-Instruct",
// "Q4_K_M") -> 8.99 GB. Empty when no file size is known; it then comes from
// parameters x bits per weight. For ModelChoice::fileSize.
std::optional<units::Bytes> shippedFileSize(const std::string &model, const std::string &quant);

// Platform feasibility rules (platforms.csv, db/platforms.cpp): the shipped ones,
// parsed once; *error is empty on success, else a one-line reason (rules then empty).
PlatformRules loadShippedPlatformRules(QString *error = nullptr);
// Parses platforms.csv bytes; on failure returns no rules and names file, line and column.
PlatformRules parsePlatformRules(const QByteArray &csv, QString *error);

class CatalogueDatabase final {
    Q_DECLARE_TR_FUNCTIONS(llm::db::CatalogueDatabase)

public:
    CatalogueDatabase();
    ~CatalogueDatabase();
    CatalogueDatabase(const CatalogueDatabase &) = delete;
    CatalogueDatabase &operator=(const CatalogueDatabase &) = delete;

    // <AppDataLocation>/catalogue.sqlite
    static QString defaultPath();

    // Opens (creating from the shipped data on first run) and checks the file.
    // A damaged file is set aside (never deleted), the shipped catalogue is
    // restored and the user's rows that can still be read are copied back; an
    // older schema is upgraded step by step after a backup; only one program
    // writes a file at a time (a lock file beside it; other copies read only).
    OpenResult open(const QString &path = defaultPath());
    bool isOpen() const;
    bool isReadOnly() const;
    QString path() const;

    // The whole catalogue (shipped rows with the user's overrides and own rows).
    // When no file is open, or its rows cannot be read, this is the shipped
    // catalogue (the overload says why).
    Catalog load() const;
    Catalog load(QString *error) const;

    // Qt SQL connection name of this instance (unique; valid while open).
    QString connectionName() const;

    // The schema version open() upgrades files to, and the steps it uses
    // (default: schemaVersion and schemaUpgradeSteps()). For tests of the
    // upgrade chain through open(); call before open().
    void setSchemaUpgrades(int targetVersion, const QList<MigrationStep> &steps);

    static constexpr qint32 applicationId = 0x4C4C4D41; // 'LLMA' in PRAGMA application_id
    static constexpr int schemaVersion = 3;             // PRAGMA user_version

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace llm::db
