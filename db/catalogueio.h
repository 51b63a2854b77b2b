// SPDX-License-Identifier: MIT
#pragma once
// Import and export of the editable catalogue tables: CSV (RFC 4180, parsed
// with libcsv; UTF-8 BOM and CRLF accepted), JSON, and the "catalogue pack"
// (one JSON file: rows of several tables + as-of date + source + format
// version) for sharing an organisation's catalogue, and the user's own
// llama-bench measurements with it (the pack's "measurements").
//
// Import is two steps: a preview (every row checked with normaliseRow, errors
// "line N: field: why", nothing written), then applyImport(): all rows in one
// transaction, or only the good rows when skipping is asked for. Files are
// capped in size (and lines in length) before they are read whole, so a
// 100 MB line is refused without filling memory.

#include "catalogueeditor.h"
#include "cataloguerows.h"
#include "usermeasurements.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace llm::db {

constexpr qint64 kMaxImportFileBytes = 16 * 1024 * 1024;
constexpr qint64 kMaxImportLineBytes = 1024 * 1024;

enum class ImportFormat { Csv, Json, Pack };

struct ImportRow {
    CatalogueTable table = CatalogueTable::Cpus;
    int line = 0;       // CSV: line the row starts on; JSON: 1-based row number
    RowValues values;   // normalised when errors is empty
    QStringList errors; // "line N: field: why" (JSON: "row N: ...")
};

// One of a pack's measurements (the user's own llama-bench results).
struct ImportMeasurement {
    int number = 0;               // 1-based position in the pack's "measurements"
    UserMeasurementRecord record; // complete when errors is empty
    QStringList errors;           // "measurement N: field: why"
};

struct ImportPreview {
    QString fatal; // the file as a whole cannot be used; then rows is empty
    QList<ImportRow> rows;
    QList<ImportMeasurement> measurements; // pack only
    QString asOf;                          // pack only
    QString source;                        // pack only
    int badRows() const;                   // rows only
    int badMeasurements() const;
    QStringList errors() const; // every row's errors, in file order, then the measurements'
};

// Reads a file for import: refuses (without reading it whole) a file over
// kMaxImportFileBytes; works for pipes and stdin ("-") too.
bool readImportFile(const QString &path, QByteArray *out, QString *error);
// Format from the content: a JSON object with "format": "llmadvisor-catalogue-pack"
// is a pack, '[' or '{' JSON, anything else CSV.
ImportFormat detectFormat(const QByteArray &data);

ImportPreview previewCsv(CatalogueTable table, const QByteArray &data);
ImportPreview previewJson(CatalogueTable table, const QByteArray &data);
ImportPreview previewPack(const QByteArray &data);
// By detected format; table is needed for CSV and JSON (a pack names its tables).
ImportPreview previewImport(const QByteArray &data, std::optional<CatalogueTable> table);

// Adds "measurement N: cpu: 'X' is not in the catalogue ..." to every
// measurement naming a CPU, GPU, model or quantization that is neither in the
// editor's catalogue nor a good row of the same import. applyImport() checks
// this itself; call it first to show the problems in a preview.
void checkMeasurementNames(const CatalogueEditor &editor, ImportPreview *preview);

struct ImportReport {
    bool ok = false;
    int written = 0;
    int skipped = 0;
    int measurementsStored = 0;
    int measurementsAlreadyStored = 0; // equal records were there already
    int measurementsSkipped = 0;
    QStringList errors; // the skipped (or refusing) rows' errors
    QString message;    // one sentence for the user
};
// Nothing is written when any row or measurement is bad and skipBad is false.
// The rows and the measurements (storeUserMeasurements: one already stored is
// not stored twice) are written together: when either fails, neither stays.
ImportReport applyImport(CatalogueEditor *editor, const ImportPreview &preview, bool skipBad);

// Exports. Rows are text cells as returned by CatalogueEditor::rows().
QByteArray exportCsv(CatalogueTable table, const QList<RowValues> &rows);
QByteArray exportJson(CatalogueTable table, const QList<RowValues> &rows);
struct PackTable {
    CatalogueTable table;
    QList<RowValues> rows;
};
// With measurements the pack is format_version 2 (a version-1 reader refuses
// it rather than drop them); without, version 1, which every reader reads.
QByteArray exportPack(const QList<PackTable> &tables, const QString &asOf, const QString &source,
                      const QList<UserMeasurementRecord> &measurements = {});
// Writes through writeFileSafely() (safewrite.h): the old file stays intact
// until the new one is complete; folders, devices and pipes are refused.
// *error: "<path>: cannot be written (<plain cause>)".
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error);

// The newest pack version read and written; version 1 (no measurements) is read too.
constexpr int kPackFormatVersion = 2;
constexpr int kPackFormatVersionWithoutMeasurements = 1;

} // namespace llm::db
