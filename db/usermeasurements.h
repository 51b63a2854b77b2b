// SPDX-License-Identifier: MIT
#pragma once
// The user's own llama-bench measurements in the catalogue database (table
// user_measurements, schema version 3), kept apart from the shipped ones, and
// turned into the same core Measurement records as the shipped rows.

#include "benchimport.h"
#include "catalogue.h"
#include "measurements.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace llm::db {

// One stored row: a placed llama-bench test and when and from where it came.
struct UserMeasurementRecord {
    qint64 id = 0;      // row_id, what `measurements remove` takes
    QString importedAt; // ISO date-time
    QString file;       // the file's name as given to import
    PlacedBenchRow placed;
};

// The records an import of `file` would store (ids 0 until stored).
QList<UserMeasurementRecord> recordsOf(const PlacedBench &placed, const QString &file,
                                       const QString &importedAt);

struct StoreResult {
    bool ok = false;
    int stored = 0;
    int alreadyStored = 0; // the same test with the same result was there already
    QList<qint64> ids;     // one per record: its row id, 0 when it was stored already
    QString error;
};

// Adds the records in one transaction: all or none. A record equal to one
// already stored (same hardware, model, quantization, test, date and speed)
// is not stored twice.
StoreResult storeUserMeasurements(const CatalogueDatabase &database,
                                  const QList<UserMeasurementRecord> &records);

// Every stored record, oldest first; nullopt and *error when it cannot be read.
std::optional<QList<UserMeasurementRecord>> readUserMeasurements(const CatalogueDatabase &database,
                                                                 QString *error);

// Removes the rows with these ids in one transaction; an id that is not
// there removes nothing and is named in *error.
bool removeUserMeasurements(const CatalogueDatabase &database, const QList<qint64> &ids,
                            QString *error);

// The records as core measurements, resolved against `catalog` exactly as the
// shipped measurements are; source "your measurement, <file>, <date>", id "U<row id>".
// A record the catalogue can no longer place (a part the user deleted) is in `skipped`.
MeasurementSet measurementsOf(const QList<UserMeasurementRecord> &records, const Catalog &catalog);

// Every stored record read and resolved against `catalog` (measurementsOf):
// nullopt and *error when the table cannot be read.
std::optional<MeasurementSet> readOwnMeasurements(const CatalogueDatabase &database,
                                                  const Catalog &catalog, QString *error);

// A record as one object of a catalogue pack's "measurements" array: the
// user_measurements columns by name, absent values as null; "test" is written
// for reading and checked against the token counts.
QJsonObject measurementToJson(const UserMeasurementRecord &record);
// The record in a pack's measurement object; every problem is appended to
// *problems as "field: why" (then the record must not be stored). Catalogue
// names are only checked for form here, not looked up.
UserMeasurementRecord measurementFromJson(const QJsonObject &object, QStringList *problems);

// "your measurement, <file>, <date>"
QString userMeasurementSource(const QString &file, const QString &date);

} // namespace llm::db
