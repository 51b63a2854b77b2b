// SPDX-License-Identifier: MIT
#include "catalogueio.h"

#include "csvtable.h"
#include "plaintext.h"
#include "safewrite.h"
#include "strictjson.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace llm::db {

namespace {

const QString kPackFormat = u"llmadvisor-catalogue-pack"_s;

QString mib(qint64 bytes) {
    return QString::number(bytes / (1024 * 1024)) + u" MiB"_s;
}

// The first line longer than the cap, or 0.
int overlongLine(const QByteArray &data) {
    qsizetype start = 0;
    int line = 1;
    while (start < data.size()) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size();
        if (end - start > kMaxImportLineBytes)
            return line;
        start = end + 1;
        ++line;
    }
    return 0;
}

// Marks duplicates (same name twice in one table of the file) on the later row.
void markDuplicates(QList<ImportRow> &rows, const QString &unit) {
    QHash<QString, int> first; // table/name -> line
    for (ImportRow &r : rows) {
        const QString name = r.values.value(u"name"_s).trimmed();
        if (name.isEmpty())
            continue;
        const QString key = tableName(r.table) + u'\x1f' + name;
        if (const auto it = first.constFind(key); it != first.cend())
            r.errors.append(QStringLiteral("%1 %2: name: '%3' appears twice (first on %1 %4)")
                                .arg(unit)
                                .arg(r.line)
                                .arg(name)
                                .arg(*it));
        else
            first.insert(key, r.line);
    }
}

void check(ImportRow &row, const QString &unit) {
    const QStringList problems = normaliseRow(row.table, &row.values);
    for (const QString &p : problems)
        row.errors.append(QStringLiteral("%1 %2: %3").arg(unit).arg(row.line).arg(p));
}

QString cellOf(const QJsonValue &v, bool *ok) {
    *ok = true;
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return v.toBool() ? u"1"_s : u"0"_s;
    case QJsonValue::Double:
        return formatNumber(v.toDouble());
    case QJsonValue::String:
        return v.toString();
    default:
        *ok = false;
        return {};
    }
}

bool isFlagColumn(CatalogueTable table, const QString &column) {
    for (const ColumnRule &r : columnRules(table)) {
        if (r.name == column)
            return r.kind == ColumnRule::Flag;
    }
    return false;
}

QString allowedIn(CatalogueTable table, const QString &column) {
    for (const ColumnRule &r : columnRules(table)) {
        if (r.name == column)
            return r.allowed();
    }
    return {};
}

// Parses a JSON import or pack: syntax, encoding and repeated keys, in the
// same words as a scenario file. Returns the fatal message, or empty.
QString readJsonFile(const QByteArray &data, QJsonDocument *doc) {
    const input::StrictJson json = input::readStrictJson(data);
    if (!json.ok())
        return json.field == u"json" ? json.message : json.field + u": "_s + json.message;
    *doc = json.document;
    return {};
}

// Rows of one table from a JSON array of objects.
// `defaults` fill the cells a row leaves out or empty (a pack's source and
// as-of date) before the row is checked, so they are validated like its own.
void jsonRows(CatalogueTable table, const QJsonArray &array, const QString &prefix,
              ImportPreview *out, const RowValues &defaults = {}) {
    int n = 0;
    for (const QJsonValue &item : array) {
        ImportRow row;
        row.table = table;
        row.line = ++n;
        const QString unit = prefix + u"row"_s;
        if (!item.isObject()) {
            row.errors.append(
                QStringLiteral("%1 %2: not an object of column values").arg(unit).arg(n));
            out->rows.append(row);
            continue;
        }
        const QJsonObject o = item.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            bool ok = false;
            const QString cell = cellOf(it.value(), &ok);
            if (!ok)
                row.errors.append(
                    QStringLiteral("%1 %2: %3: not a single value").arg(unit).arg(n).arg(it.key()));
            else if (it.value().isBool() && !isFlagColumn(table, it.key()))
                // true would be stored as 1 (GB, GB/s, ...): only 0/1 columns take it.
                row.errors.append(QStringLiteral("%1 %2: %3: true/false is not allowed here "
                                                 "(allowed: %4)")
                                      .arg(unit)
                                      .arg(n)
                                      .arg(it.key(), allowedIn(table, it.key())));
            row.values.insert(it.key(), cell);
        }
        for (auto it = defaults.cbegin(); it != defaults.cend(); ++it) {
            if (row.values.value(it.key()).trimmed().isEmpty())
                row.values.insert(it.key(), it.value());
        }
        if (row.errors.isEmpty())
            check(row, unit);
        out->rows.append(row);
    }
}

ImportPreview fatal(const QString &why) {
    ImportPreview p;
    p.fatal = why;
    return p;
}

QJsonValue jsonCell(const ColumnRule &rule, const QString &cell) {
    if (cell.isEmpty())
        return QJsonValue::Null;
    if (rule.kind == ColumnRule::Integer || rule.kind == ColumnRule::Real ||
        rule.kind == ColumnRule::Flag) {
        bool ok = false;
        const double v = QLocale::c().toDouble(cell, &ok);
        if (ok)
            return v;
    }
    return cell;
}

QJsonArray jsonRowsOf(CatalogueTable table, const QList<RowValues> &rows) {
    const QList<ColumnRule> rules = columnRules(table);
    QJsonArray array;
    for (const RowValues &r : rows) {
        QJsonObject o;
        for (const ColumnRule &rule : rules)
            o.insert(rule.name, jsonCell(rule, r.value(rule.name)));
        array.append(o);
    }
    return array;
}

QByteArray csvField(const QString &cell) {
    QByteArray b = cell.toUtf8();
    if (b.contains(',') || b.contains('"') || b.contains('\n') || b.contains('\r') ||
        (!b.isEmpty() && (b.front() == ' ' || b.back() == ' '))) {
        b.replace("\"", "\"\"");
        b = '"' + b + '"';
    }
    return b;
}

} // namespace

int ImportPreview::badRows() const {
    int n = 0;
    for (const ImportRow &r : rows)
        n += r.errors.isEmpty() ? 0 : 1;
    return n;
}

int ImportPreview::badMeasurements() const {
    int n = 0;
    for (const ImportMeasurement &m : measurements)
        n += m.errors.isEmpty() ? 0 : 1;
    return n;
}

QStringList ImportPreview::errors() const {
    QStringList all;
    if (!fatal.isEmpty())
        all.append(fatal);
    for (const ImportRow &r : rows)
        all.append(r.errors);
    for (const ImportMeasurement &m : measurements)
        all.append(m.errors);
    return all;
}

bool readImportFile(const QString &path, QByteArray *out, QString *error) {
    QFile file;
    const bool opened = path == u"-"_s ? file.open(stdin, QIODevice::ReadOnly)
                                       : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        *error = QStringLiteral("%1: cannot be read (%2)").arg(path, file.errorString());
        return false;
    }
    if (!file.isSequential() && file.size() > kMaxImportFileBytes) {
        *error = QStringLiteral("%1: the file is larger than %2 and was not read")
                     .arg(path, mib(kMaxImportFileBytes));
        return false;
    }
    // Pipes have no size: read at most one byte past the cap.
    *out = file.read(kMaxImportFileBytes + 1);
    if (out->size() > kMaxImportFileBytes) {
        out->clear();
        *error = QStringLiteral("%1: the input is larger than %2 and was not read")
                     .arg(path, mib(kMaxImportFileBytes));
        return false;
    }
    return true;
}

ImportFormat detectFormat(const QByteArray &data) {
    QByteArray head = data.left(4096).trimmed();
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.mid(3).trimmed();
    if (head.startsWith('['))
        return ImportFormat::Json;
    if (head.startsWith('{'))
        return head.contains(kPackFormat.toUtf8()) ? ImportFormat::Pack : ImportFormat::Json;
    return ImportFormat::Csv;
}

ImportPreview previewCsv(CatalogueTable table, const QByteArray &input) {
    if (input.size() > kMaxImportFileBytes)
        return fatal(QStringLiteral("the file is larger than %1").arg(mib(kMaxImportFileBytes)));
    QByteArray data = input;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3); // UTF-8 byte order mark, as spreadsheet programs write it
    if (data.trimmed().isEmpty())
        return fatal(u"the file is empty"_s);
    if (const int line = overlongLine(data))
        return fatal(QStringLiteral("line %1: longer than %2; the file was not read")
                         .arg(line)
                         .arg(mib(kMaxImportLineBytes)));
    detail::CsvTable csv;
    QString error;
    // A row with the wrong number of cells or broken quoting is one bad row
    // (skipped with --skip-bad), not a reason to refuse the whole file.
    if (!detail::parseCsv(data, tableName(table) + u".csv"_s, &csv, &error, true))
        return fatal(error.section(u": "_s, 1)); // drop the file name: the user knows it
    const QList<ColumnRule> rules = columnRules(table);
    QStringList known;
    for (const ColumnRule &r : rules)
        known.append(r.name);
    QStringList header;
    for (const QString &h : csv.header) {
        const QString name = h.trimmed();
        if (!known.contains(name))
            return fatal(QStringLiteral("line 1: column '%1' is not a column of %2 (columns: %3)")
                             .arg(name, tableName(table), known.join(u", "_s)));
        header.append(name);
    }
    for (const ColumnRule &r : rules) {
        const bool defaulted = r.name == u"source" || r.name == u"as_of";
        if (r.required && !defaulted && !header.contains(r.name))
            return fatal(QStringLiteral("line 1: the required column '%1' is missing").arg(r.name));
    }
    if (csv.rows.isEmpty() && csv.badRows.isEmpty())
        return fatal(u"the file has a header but no rows"_s);
    ImportPreview p;
    for (qsizetype i = 0; i < csv.rows.size(); ++i) {
        ImportRow row;
        row.table = table;
        row.line = csv.lines.value(i);
        for (qsizetype c = 0; c < header.size(); ++c)
            row.values.insert(header[c], csv.rows[i][c]);
        check(row, u"line"_s);
        p.rows.append(row);
    }
    for (const detail::CsvBadRow &bad : csv.badRows) {
        ImportRow row;
        row.table = table;
        row.line = bad.line;
        row.errors.append(QStringLiteral("line %1: %2").arg(bad.line).arg(bad.why));
        p.rows.append(row);
    }
    std::stable_sort(p.rows.begin(), p.rows.end(),
                     [](const ImportRow &a, const ImportRow &b) { return a.line < b.line; });
    markDuplicates(p.rows, u"line"_s);
    return p;
}

ImportPreview previewJson(CatalogueTable table, const QByteArray &data) {
    if (data.size() > kMaxImportFileBytes)
        return fatal(QStringLiteral("the file is larger than %1").arg(mib(kMaxImportFileBytes)));
    QJsonDocument doc;
    if (const QString why = readJsonFile(data, &doc); !why.isEmpty())
        return fatal(why);
    QJsonArray array;
    if (doc.isArray()) {
        array = doc.array();
    } else {
        const QJsonObject o = doc.object();
        if (o.contains(u"table"_s) && o.value(u"table"_s).toString() != tableName(table))
            return fatal(QStringLiteral("the file holds %1, not %2")
                             .arg(o.value(u"table"_s).toString(), tableName(table)));
        if (!o.value(u"rows"_s).isArray())
            return fatal(u"expected an array of rows, or an object with \"rows\""_s);
        array = o.value(u"rows"_s).toArray();
    }
    if (array.isEmpty())
        return fatal(u"the file has no rows"_s);
    ImportPreview p;
    jsonRows(table, array, {}, &p);
    markDuplicates(p.rows, u"row"_s);
    return p;
}

ImportPreview previewPack(const QByteArray &data) {
    if (data.size() > kMaxImportFileBytes)
        return fatal(QStringLiteral("the file is larger than %1").arg(mib(kMaxImportFileBytes)));
    QJsonDocument doc;
    if (const QString why = readJsonFile(data, &doc); !why.isEmpty())
        return fatal(why);
    if (!doc.isObject())
        return fatal(u"a catalogue pack is a JSON object"_s);
    const QJsonObject o = doc.object();
    if (o.value(u"format"_s).toString() != kPackFormat)
        return fatal(u"format: not a catalogue pack (expected \"llmadvisor-catalogue-pack\")"_s);
    const QJsonValue version = o.value(u"format_version"_s);
    if (version.isUndefined() || version.isNull())
        return fatal(u"format_version: missing; a catalogue pack says which version it is"_s);
    if (!version.isDouble())
        return fatal(u"format_version: must be a number (found text or another kind of "
                     u"value); write \"format_version\": 1"_s);
    const double v = version.toDouble();
    if (v != kPackFormatVersion && v != kPackFormatVersionWithoutMeasurements)
        return fatal(QStringLiteral("format_version: %1 is not supported (this program reads "
                                    "versions %2 and %3)")
                         .arg(version.toVariant().toString())
                         .arg(kPackFormatVersionWithoutMeasurements)
                         .arg(kPackFormatVersion));
    const QJsonValue measurements = o.value(u"measurements"_s);
    const bool hasMeasurements = !measurements.isUndefined() && !measurements.isNull();
    if (hasMeasurements && v == kPackFormatVersionWithoutMeasurements)
        return fatal(QStringLiteral("measurements: a version %1 pack carries no measurements "
                                    "(programs that read only version %1 would drop them); "
                                    "a pack with measurements is format_version %2")
                         .arg(kPackFormatVersionWithoutMeasurements)
                         .arg(kPackFormatVersion));
    if (hasMeasurements && !measurements.isArray())
        return fatal(u"measurements: not an array of measurements"_s);
    ImportPreview p;
    p.asOf = o.value(u"as_of"_s).toString().trimmed();
    p.source = o.value(u"source"_s).toString().trimmed();
    // Rows without their own source / as_of take the pack's.
    RowValues defaults;
    if (!p.source.isEmpty())
        defaults.insert(u"source"_s, p.source);
    if (!p.asOf.isEmpty())
        defaults.insert(u"as_of"_s, p.asOf);
    int n = 0;
    for (const QJsonValue &item : measurements.toArray()) {
        ImportMeasurement m;
        m.number = ++n;
        const QString unit = QStringLiteral("measurement %1: ").arg(n);
        QStringList problems;
        if (item.isObject())
            m.record = measurementFromJson(item.toObject(), &problems);
        else
            problems.append(u"not an object of measurement fields"_s);
        for (const QString &why : problems)
            m.errors.append(unit + why);
        p.measurements.append(m);
    }
    const QJsonValue tablesValue = o.value(u"tables"_s);
    if (!tablesValue.isUndefined() && !tablesValue.isNull() && !tablesValue.isObject())
        return fatal(u"tables: not an object of tables"_s);
    const QJsonObject tables = tablesValue.toObject();
    if (tables.isEmpty() && p.measurements.isEmpty())
        return fatal(u"tables: the pack has no tables"_s);
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        const auto table = tableFromName(it.key());
        if (!table)
            return fatal(QStringLiteral("tables: '%1' is not a catalogue table").arg(it.key()));
        if (!it.value().isArray())
            return fatal(QStringLiteral("tables: %1 is not an array of rows").arg(it.key()));
        jsonRows(*table, it.value().toArray(), it.key() + u' ', &p, defaults);
    }
    markDuplicates(p.rows, u"row"_s);
    return p;
}

ImportPreview previewImport(const QByteArray &data, std::optional<CatalogueTable> table) {
    const ImportFormat format = detectFormat(data);
    if (format == ImportFormat::Pack)
        return previewPack(data);
    if (!table)
        return fatal(u"table: name the table the rows are for (cpus, gpus, models, quants)"_s);
    return format == ImportFormat::Json ? previewJson(*table, data) : previewCsv(*table, data);
}

namespace {

// Leaves out the rows equal to the built-in row of the same name where the
// user has no row of that name yet: stored as overrides they would change
// nothing now and hide later corrections of the built-in data (re-importing a
// full export must not turn every built-in row into the user's). Returns how
// many were left out.
int dropUnchangedShippedRows(const CatalogueEditor &editor,
                             QList<CatalogueEditor::TableRows> *tables) {
    int unchanged = 0;
    for (auto &[table, rows] : *tables) {
        QHash<QString, RowValues> shipped; // plain built-in rows: no user row of that name
        for (const CatalogueRow &r : editor.rows(table)) {
            if (r.origin == RowOrigin::Shipped)
                shipped.insert(r.values.value(u"name"_s), r.values);
        }
        const QStringList columns = tableColumns(table);
        const qsizetype before = rows.size();
        rows.removeIf([&](const RowValues &row) {
            const auto it = shipped.constFind(row.value(u"name"_s));
            if (it == shipped.cend())
                return false;
            for (const QString &c : columns) {
                if (row.value(c) != it->value(c))
                    return false;
            }
            return true;
        });
        unchanged += static_cast<int>(before - rows.size());
    }
    return unchanged;
}

} // namespace

void checkMeasurementNames(const CatalogueEditor &editor, ImportPreview *preview) {
    if (preview->measurements.isEmpty())
        return;
    // The names the catalogue will have: its rows now and the import's good rows.
    QHash<CatalogueTable, QSet<QString>> names;
    for (CatalogueTable t : editableTables()) {
        for (const CatalogueRow &r : editor.rows(t))
            names[t].insert(r.values.value(u"name"_s));
    }
    for (const ImportRow &r : preview->rows) {
        if (r.errors.isEmpty())
            names[r.table].insert(r.values.value(u"name"_s).trimmed());
    }
    for (ImportMeasurement &m : preview->measurements) {
        if (!m.errors.isEmpty())
            continue;
        const PlacedBenchRow &p = m.record.placed;
        const std::pair<QString, CatalogueTable> named[] = {{p.cpu, CatalogueTable::Cpus},
                                                            {p.gpu, CatalogueTable::Gpus},
                                                            {p.model, CatalogueTable::Models},
                                                            {p.quant, CatalogueTable::Quants}};
        const QString fields[] = {u"cpu"_s, u"gpu"_s, u"model"_s, u"quant"_s};
        for (int i = 0; i < 4; ++i) {
            const QString &name = named[i].first;
            if (!name.isEmpty() && !names.value(named[i].second).contains(name))
                m.errors.append(QStringLiteral("measurement %1: %2: '%3' is not in the catalogue "
                                               "(%4) nor among the pack's rows")
                                    .arg(m.number)
                                    .arg(fields[i], name, tableName(named[i].second)));
        }
    }
}

ImportReport applyImport(CatalogueEditor *editor, const ImportPreview &preview, bool skipBad) {
    ImportReport report;
    if (!preview.fatal.isEmpty()) {
        report.errors.append(preview.fatal);
        report.message = u"Nothing was imported: "_s + preview.fatal;
        return report;
    }
    QList<CatalogueEditor::TableRows> good;
    for (const ImportRow &r : preview.rows) {
        if (!r.errors.isEmpty()) {
            report.errors.append(r.errors);
            ++report.skipped;
            continue;
        }
        if (good.isEmpty() || good.back().first != r.table)
            good.append({r.table, {}});
        good.back().second.append(r.values);
    }
    ImportPreview checked = preview;
    checkMeasurementNames(*editor, &checked);
    QList<UserMeasurementRecord> records;
    for (const ImportMeasurement &m : std::as_const(checked.measurements)) {
        if (!m.errors.isEmpty()) {
            report.errors.append(m.errors);
            ++report.measurementsSkipped;
        } else {
            records.append(m.record);
        }
    }
    if ((report.skipped > 0 || report.measurementsSkipped > 0) && !skipBad) {
        QStringList bad;
        if (report.skipped > 0)
            bad << QStringLiteral("%1 of %2 rows").arg(report.skipped).arg(preview.rows.size());
        if (report.measurementsSkipped > 0)
            bad << QStringLiteral("%1 of %2 measurements")
                       .arg(report.measurementsSkipped)
                       .arg(preview.measurements.size());
        report.message =
            QStringLiteral("Nothing was imported: %1 have errors.").arg(bad.join(u" and "_s));
        report.skipped = report.measurementsSkipped = 0;
        return report;
    }
    // The measurements first: their store is one transaction, and it is undone
    // when the rows cannot be written, so that neither stays without the other.
    StoreResult stored;
    if (!records.isEmpty()) {
        CatalogueDatabase *database = editor->database();
        stored = database ? storeUserMeasurements(*database, records) : StoreResult{};
        if (!stored.ok) {
            const QString why = database ? stored.error : u"the catalogue is not open"_s;
            report.message = u"Nothing was imported: your measurements cannot be stored: "_s + why;
            report.errors.append(why);
            return report;
        }
    }
    const int unchanged = dropUnchangedShippedRows(*editor, &good);
    const EditResult written = editor->writeUserRows(good);
    if (!written.ok) {
        QList<qint64> ids = stored.ids;
        ids.removeAll(0);
        QString undoError;
        if (!ids.isEmpty() && !removeUserMeasurements(*editor->database(), ids, &undoError))
            report.errors.append(u"the measurements stored could not be removed again: "_s +
                                 undoError);
        report.message = u"Nothing was imported: "_s + written.message;
        report.errors.prepend(written.message);
        return report;
    }
    report.ok = true;
    report.written = static_cast<int>(preview.rows.size()) - report.skipped - unchanged;
    report.measurementsStored = stored.stored;
    report.measurementsAlreadyStored = stored.alreadyStored;
    report.message =
        QStringLiteral("%1 rows imported, %2 skipped").arg(report.written).arg(report.skipped);
    if (unchanged > 0)
        report.message += QStringLiteral("; %1 were the same as the built-in rows and were left "
                                         "as they are")
                              .arg(unchanged);
    if (!preview.measurements.isEmpty()) {
        report.message += QStringLiteral("; %1 of your measurements stored").arg(stored.stored);
        if (stored.alreadyStored > 0)
            report.message += QStringLiteral(" (%1 were stored already)").arg(stored.alreadyStored);
        if (report.measurementsSkipped > 0)
            report.message += QStringLiteral(", %1 skipped").arg(report.measurementsSkipped);
    }
    report.message += u'.';
    return report;
}

QByteArray exportCsv(CatalogueTable table, const QList<RowValues> &rows) {
    const QStringList columns = tableColumns(table);
    QByteArray out = columns.join(u',').toUtf8() + "\r\n"; // RFC 4180 line ends
    for (const RowValues &r : rows) {
        QByteArrayList cells;
        for (const QString &c : columns)
            cells.append(csvField(r.value(c)));
        out += cells.join(',') + "\r\n";
    }
    return out;
}

QByteArray exportJson(CatalogueTable table, const QList<RowValues> &rows) {
    QJsonObject o;
    o.insert(u"table"_s, tableName(table));
    o.insert(u"rows"_s, jsonRowsOf(table, rows));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QByteArray exportPack(const QList<PackTable> &tables, const QString &asOf, const QString &source,
                      const QList<UserMeasurementRecord> &measurements) {
    QJsonObject o;
    o.insert(u"format"_s, kPackFormat);
    o.insert(u"format_version"_s,
             measurements.isEmpty() ? kPackFormatVersionWithoutMeasurements : kPackFormatVersion);
    o.insert(u"as_of"_s, asOf);
    o.insert(u"source"_s, source);
    QJsonObject t;
    for (const PackTable &p : tables)
        t.insert(tableName(p.table), jsonRowsOf(p.table, p.rows));
    o.insert(u"tables"_s, t);
    if (!measurements.isEmpty()) {
        QJsonArray m;
        for (const UserMeasurementRecord &r : measurements)
            m.append(measurementToJson(r));
        o.insert(u"measurements"_s, m);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error) {
    const SafeWriteResult r = writeFileSafely(path, bytes);
    if (!r.ok && error)
        *error = QStringLiteral("%1: cannot be written (%2)").arg(path, r.cause);
    return r.ok;
}

} // namespace llm::db
