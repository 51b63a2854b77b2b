// SPDX-License-Identifier: MIT
#pragma once
// Internal to llmadvisor_db: the catalogue as a set of CSV-shaped tables, the
// one conversion from such tables to core values (used for both the embedded
// CSVs and rows read back from SQLite, so both paths give the same Catalog).

#include "catalog.h"
#include "csvtable.h"

#include <QString>

namespace llm::db::detail {

struct CatalogueTables {
    CsvTable meta; // key,value: as_of, data_version
    CsvTable cpus;
    CsvTable gpus;
    CsvTable models;
    CsvTable quants;
    CsvTable memorySpeeds;
    CsvTable presets; // one row per (preset, GPU group); a preset without GPUs has one row
    CsvTable useCases;
};

// ":/llmadvisor/catalogue/<file>"
QString shippedResource(const QString &file);

// Reads and parses the embedded CSVs.
bool readShippedTables(CatalogueTables *out, QString *error);

// Converts and checks; on failure *error names file, line and column.
bool catalogFromTables(const CatalogueTables &tables, Catalog *out, QString *error);

QString metaValue(const CsvTable &meta, const QString &key);

} // namespace llm::db::detail
