// SPDX-License-Identifier: MIT
// llmadvisor-cli catalog import FILE [--table cpus|gpus|models|quants] [--dry-run] [--skip-bad]
// llmadvisor-cli catalog export TABLE|pack [--format csv|json] [--output FILE] [--user-only]
// A pack carries the user's own measurements (measurements import) as well.
// Both work on the user's catalogue database (--database PATH, default the
// program's own). An import with any bad row and no --skip-bad writes nothing,
// prints one "line N: field: why" line per bad row on stderr and exits 2.
#include "catalogue.h"
#include "catalogueeditor.h"
#include "catalogueio.h"
#include "cli.h"
#include "usermeasurements.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>

#include <cstdio>

namespace llm::cli {
namespace {

using namespace Qt::StringLiterals;
using namespace llm::db;

void writeStderrLine(const QString &line) {
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
}

// Opens the database (--database, else the user's own); on failure prints the
// error line and returns the exit code. An explicit --database must exist,
// unless an import asks for a new catalogue with --create. With `opened`, the
// result is handed back and a note is left to the caller.
std::optional<int> openDatabase(CatalogueDatabase &db, const QCommandLineParser &parser,
                                bool needWrite, OpenResult *opened = nullptr) {
    const std::optional<QString> path = databasePath(
        parser, parser.isSet(u"create"_s) ? MissingDatabase::Create : MissingDatabase::Refuse);
    if (!path)
        return kExitBadInput;
    const OpenResult r = db.open(*path);
    if (opened)
        *opened = r;
    if (!r.ok)
        return badInput(u"--database"_s, r.message);
    if (needWrite && r.readOnly)
        return badInput(u"--database"_s, r.message);
    if (!r.message.isEmpty() && !opened)
        writeStderrLine(u"note: "_s + r.message);
    return std::nullopt;
}

// Why the catalogue file's rows cannot be exported, or empty. open() falls
// back to the built-in data in memory when the file cannot be read (locked by
// another program, a folder without access); a note is not enough for an export.
QString unreadCatalogue(const CatalogueDatabase &db, const QString &openMessage) {
    if (!db.isOpen())
        return u"it is not open"_s;
    const QSqlDatabase connection = QSqlDatabase::database(db.connectionName(), false);
    if (connection.databaseName() != u":memory:"_s)
        return {};
    // open()'s note ends by saying the built-in data is used: not so for an export.
    const QString builtIn = QCoreApplication::translate(
        "llm::db::CatalogueDatabase", "The built-in catalogue is used; changes cannot be saved.");
    QString why = openMessage;
    why.remove(builtIn);
    return why.trimmed();
}

int runImport(const QCommandLineParser &parser, const QStringList &pos) {
    if (pos.size() != 2)
        return badInput(u"FILE"_s, pos.size() < 2 ? u"missing; use: catalog import FILE --table T"_s
                                                  : u"only one file at a time"_s);
    std::optional<CatalogueTable> table;
    if (parser.isSet(u"table"_s)) {
        table = tableFromName(parser.value(u"table"_s));
        if (!table)
            return badInput(u"--table"_s, u"unknown table \""_s + parser.value(u"table"_s) +
                                              u"\"; use cpus, gpus, models or quants"_s);
    }
    QByteArray bytes;
    QString error;
    if (!readImportFile(pos.at(1), &bytes, &error))
        return badInput(u"FILE"_s, error);
    if (table && detectFormat(bytes) == ImportFormat::Pack)
        return badInput(u"--table"_s,
                        u"a catalogue pack names its own tables; leave --table out"_s);
    const ImportPreview preview = previewImport(bytes, table);
    if (!preview.fatal.isEmpty())
        return badInput(pos.at(1), preview.fatal);
    const bool skipBad = parser.isSet(u"skip-bad"_s);
    const bool dryRun = parser.isSet(u"dry-run"_s);
    // A pack's measurements name catalogue parts: those are looked up in the
    // catalogue, so it is opened first (rows alone are checked without it).
    CatalogueDatabase db;
    std::optional<CatalogueEditor> editor;
    ImportPreview checked = preview;
    if (!preview.measurements.isEmpty()) {
        if (const auto exit = openDatabase(db, parser, !dryRun))
            return *exit;
        editor.emplace(&db);
        checkMeasurementNames(*editor, &checked);
    }
    const int bad = checked.badRows();
    const int badMeasurements = checked.badMeasurements();
    if (bad > 0 || badMeasurements > 0) {
        for (const ImportRow &r : checked.rows) {
            if (!r.errors.isEmpty())
                writeStderrLine(r.errors.join(u"; "_s));
        }
        for (const ImportMeasurement &m : checked.measurements) {
            if (!m.errors.isEmpty())
                writeStderrLine(m.errors.join(u"; "_s));
        }
        if (!skipBad) {
            QStringList what;
            if (bad > 0)
                what << QStringLiteral("%1 of %2 rows").arg(bad).arg(checked.rows.size());
            if (badMeasurements > 0)
                what << QStringLiteral("%1 of %2 measurements")
                            .arg(badMeasurements)
                            .arg(checked.measurements.size());
            writeStderrLine(QStringLiteral("error: %1: %2 have errors; nothing was imported (use "
                                           "--skip-bad to import the others)")
                                .arg(pos.at(1), what.join(u" and "_s)));
            return kExitBadInput;
        }
    }
    if (dryRun) {
        QString text = QStringLiteral("%1 rows would be imported, %2 skipped")
                           .arg(checked.rows.size() - bad)
                           .arg(bad);
        if (!checked.measurements.isEmpty())
            text += QStringLiteral("; %1 of your measurements would be stored, %2 skipped")
                        .arg(checked.measurements.size() - badMeasurements)
                        .arg(badMeasurements);
        writeStdout(text + u" (dry run, nothing written).\n"_s);
        return kExitOk;
    }
    if (!editor) {
        if (const auto exit = openDatabase(db, parser, true))
            return *exit;
        editor.emplace(&db);
    }
    const ImportReport report = applyImport(&*editor, checked, skipBad);
    if (!report.ok)
        return badInput(u"--database"_s, report.message);
    writeStdout(report.message + u'\n');
    return kExitOk;
}

int runExport(const QCommandLineParser &parser, const QStringList &pos) {
    if (pos.size() != 2)
        return badInput(u"TABLE"_s, u"name one table (cpus, gpus, models, quants) or pack"_s);
    const bool pack = pos.at(1) == u"pack"_s;
    const auto table = tableFromName(pos.at(1));
    if (!pack && !table)
        return badInput(u"TABLE"_s, u"unknown table \""_s + pos.at(1) +
                                        u"\"; use cpus, gpus, models, quants or pack"_s);
    const QString format = parser.value(u"format"_s);
    if (format != u"csv"_s && format != u"json"_s)
        return badInput(u"--format"_s,
                        u"unknown format \""_s + format + u"\"; use \"csv\" or \"json\""_s);
    if (pack && format == u"csv"_s)
        return badInput(u"--format"_s, u"a catalogue pack is JSON"_s);
    CatalogueDatabase db;
    OpenResult opened;
    if (const auto exit = openDatabase(db, parser, false, &opened))
        return *exit;
    // An export that could not read the catalogue must not write the built-in
    // data (or an empty pack) over a good backup: it fails, and writes nothing.
    const QString unread =
        u"the catalogue could not be read, so nothing was exported"_s +
        (parser.isSet(u"output"_s) ? u" and the file was left as it is"_s : QString()) + u": "_s;
    if (const QString why = unreadCatalogue(db, opened.message); !why.isEmpty())
        return badInput(u"--database"_s, unread + why);
    if (!opened.message.isEmpty())
        writeStderrLine(u"note: "_s + opened.message);
    CatalogueEditor editor(&db);
    const bool userOnly = parser.isSet(u"user-only"_s) || pack;
    QString readError;
    auto rowsOf = [&](CatalogueTable t) {
        QList<RowValues> rows;
        QString error;
        for (const CatalogueRow &r : editor.rows(t, &error)) {
            if (!userOnly || r.origin != RowOrigin::Shipped)
                rows.append(r.values);
        }
        if (!error.isEmpty() && readError.isEmpty())
            readError = error;
        return rows;
    };
    QByteArray bytes;
    if (pack) {
        QList<PackTable> tables;
        for (CatalogueTable t : editableTables()) {
            const QList<RowValues> rows = rowsOf(t);
            if (!rows.isEmpty())
                tables.append({t, rows});
        }
        // The user's own measurements travel with the pack, all of them.
        QString error;
        const auto measurements = readUserMeasurements(db, &error);
        if (!measurements && readError.isEmpty())
            readError = u"your measurements: "_s + error;
        bytes = exportPack(tables, QDate::currentDate().toString(Qt::ISODate),
                           parser.value(u"source"_s),
                           measurements.value_or(QList<UserMeasurementRecord>{}));
    } else {
        bytes = format == u"csv"_s ? exportCsv(*table, rowsOf(*table))
                                   : exportJson(*table, rowsOf(*table));
    }
    if (!readError.isEmpty())
        return badInput(u"--database"_s, unread + readError);
    if (!parser.isSet(u"output"_s)) {
        writeStdout(bytes);
        return kExitOk;
    }
    QString error;
    if (!writeFileAtomically(parser.value(u"output"_s), bytes, &error))
        return badInput(u"--output"_s, error);
    return kExitOk;
}

} // namespace

int runCatalogIo(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Imports rows into, or exports them from, the user's catalogue database."_s);
    parser.addPositionalArgument(u"import|export"_s, u"The action."_s);
    parser.addPositionalArgument(u"FILE|TABLE"_s,
                                 u"import: a CSV, JSON or catalogue pack file (- = stdin); "
                                 "export: cpus, gpus, models, quants or pack."_s);
    parser.addOptions({
        {u"table"_s, u"Import: the table the rows are for (not needed for a pack)."_s,
         u"cpus|gpus|models|quants"_s},
        {u"dry-run"_s, u"Import: check every row, write nothing."_s},
        {u"skip-bad"_s, u"Import: write the good rows and report the bad ones."_s},
        {u"format"_s, u"Export: csv or json (default)."_s, u"csv|json"_s, u"json"_s},
        {u"output"_s, u"Export: write to FILE (atomically) instead of stdout."_s, u"FILE"_s},
        {u"user-only"_s, u"Export: only the user's own rows and overrides."_s},
        {u"source"_s, u"Export pack: who the pack comes from."_s, u"TEXT"_s, u"user catalogue"_s},
        {u"database"_s,
         u"The catalogue file (default: your own, which the window uses too: "_s +
             QDir::toNativeSeparators(CatalogueDatabase::defaultPath()) +
             u"). It must exist, unless --create is given."_s,
         u"PATH"_s},
        {u"create"_s, u"Import: make a new catalogue at the --database path if there is none."_s},
    });
    if (const auto exit = parseVerbArguments(parser, arguments))
        return *exit;
    const QStringList pos = parser.positionalArguments();
    // An option that does not apply would be silently ignored: refuse it.
    const bool importing = pos.value(0) == u"import"_s;
    if (const auto exit =
            importing
                ? refuseOptions(parser, {u"format"_s, u"output"_s, u"source"_s, u"user-only"_s},
                                u"applies to catalog export, not to import"_s)
                : refuseOptions(parser, {u"table"_s, u"dry-run"_s, u"skip-bad"_s},
                                u"applies to catalog import, not to export"_s))
        return *exit;
    if (!importing && parser.isSet(u"source"_s) && pos.value(1) != u"pack"_s)
        return badInput(u"--source"_s, u"applies to an export of a pack only"_s);
    return importing ? runImport(parser, pos) : runExport(parser, pos);
}

} // namespace llm::cli
