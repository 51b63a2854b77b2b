// SPDX-License-Identifier: MIT
// llmadvisor-cli measurements import FILE [--cpu NAME] [--gpu NAME] [--gpus N]
//     [--channels N] [--mts N] [--model NAME] [--quant Q] [--dry-run] [--create]
//     [--database PATH] [--format json|table]
// llmadvisor-cli measurements list [--database PATH] [--format json|table]
// llmadvisor-cli measurements remove ID [ID...] [--database PATH]
//
// The user's own llama-bench runs: read as llama-bench printed them, placed in
// the catalogue, kept in the user's catalogue database apart from the shipped
// measurements; estimate then calibrates with them (estimate.md / README).
#include "benchimport.h"
#include "catalogue.h"
#include "catalogueeditor.h"
#include "cli.h"
#include "texttable.h"
#include "usermeasurements.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace llm::cli {
namespace {

using namespace Qt::StringLiterals;
using db::CatalogueDatabase;
using db::OpenResult;

// llama-bench output is a few kilobytes; a file far larger is not one.
constexpr qint64 kMaxBenchBytes = 16 * 1024 * 1024;

std::optional<int> openDatabase(CatalogueDatabase &db, const QCommandLineParser &parser,
                                bool needWrite) {
    const std::optional<QString> path = databasePath(
        parser, parser.isSet(u"create"_s) ? MissingDatabase::Create : MissingDatabase::Refuse);
    if (!path)
        return kExitBadInput;
    const OpenResult r = db.open(*path);
    if (!r.ok || r.builtinOnly)
        return badInput(u"--database"_s, r.message);
    if (needWrite && r.readOnly)
        return badInput(u"--database"_s, r.message);
    if (!r.message.isEmpty() && (!r.readOnly || r.recovered || r.upgraded))
        printNote(r.message);
    return std::nullopt;
}

QJsonValue orNull(const std::optional<double> &v) {
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}
QJsonValue orNull(const std::optional<int> &v) {
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}
QJsonValue orNull(const QString &s) {
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonObject recordToJson(const db::UserMeasurementRecord &r) {
    const db::PlacedBenchRow &p = r.placed;
    const db::BenchRow &b = p.row;
    QJsonObject o{{u"id"_s, r.id > 0 ? QJsonValue(r.id) : QJsonValue(QJsonValue::Null)},
                  {u"source"_s, db::userMeasurementSource(QFileInfo(r.file).fileName(), p.runDate)},
                  {u"date"_s, p.runDate},
                  {u"hardware_kind"_s, p.hardwareKind},
                  {u"cpu"_s, orNull(p.cpu)},
                  {u"gpu"_s, orNull(p.gpu)},
                  {u"gpu_count"_s, p.gpuCount > 0 ? QJsonValue(p.gpuCount) : QJsonValue(0)},
                  {u"ram_channels"_s, orNull(p.channels)},
                  {u"ram_mts"_s, orNull(p.mts)},
                  {u"model"_s, p.model},
                  {u"quant"_s, p.quant},
                  {u"test"_s, b.test()},
                  {u"phase"_s, b.nPrompt > 0 ? u"prompt"_s : u"generation"_s},
                  {u"tok_s"_s, b.avgTs},
                  {u"stddev_tok_s"_s, orNull(b.stddevTs)},
                  {u"backend"_s, orNull(b.backends)},
                  {u"notes"_s, orNull(p.notes)}};
    if (!r.importedAt.isEmpty())
        o.insert(u"imported_at"_s, r.importedAt);
    return o;
}

QString hardwareText(const db::PlacedBenchRow &p) {
    if (p.hardwareKind == u"cpu"_s)
        return p.cpu;
    QString gpu = p.gpuCount > 1 ? u"%1 x %2"_s.arg(p.gpuCount).arg(p.gpu) : p.gpu;
    if (p.hardwareKind == u"hybrid"_s)
        gpu = p.cpu + u" + "_s + gpu;
    return gpu;
}

QString recordsTable(const QList<db::UserMeasurementRecord> &records, bool withIds) {
    QList<TextTable::Column> columns;
    if (withIds)
        columns.append({u"ID"_s, TextTable::Right});
    columns.append({{u"Date"_s},
                    {u"Hardware"_s},
                    {u"Model"_s},
                    {u"Quant"_s},
                    {u"Test"_s},
                    {u"tok/s"_s, TextTable::Right},
                    {u"File"_s}});
    TextTable t(columns);
    for (const db::UserMeasurementRecord &r : records) {
        const db::PlacedBenchRow &p = r.placed;
        QStringList row;
        if (withIds)
            row << (r.id > 0 ? QString::number(r.id) : u"-"_s);
        row << p.runDate << hardwareText(p) << p.model << p.quant << p.row.test()
            << readableNumber(p.row.avgTs) << QFileInfo(r.file).fileName();
        t.addRow(row);
        if (!p.notes.isEmpty())
            t.addNote(p.notes);
    }
    QString out = t.render();
    if (!out.endsWith(u'\n'))
        out += u'\n';
    return out;
}

std::optional<int> positiveInt(const QCommandLineParser &parser, const QString &name, int max,
                               std::optional<int> *out) {
    if (!parser.isSet(name))
        return std::nullopt;
    bool ok = false;
    const int v = parser.value(name).toInt(&ok);
    if (!ok || v < 1 || v > max)
        return badInput(
            optionText(name),
            u"\"%1\" is not a whole number from 1 to %2"_s.arg(parser.value(name)).arg(max));
    *out = v;
    return std::nullopt;
}

int runImport(const QCommandLineParser &parser, const QStringList &pos, Format format) {
    if (pos.size() != 2)
        return badInput(u"FILE"_s, u"name one llama-bench output file to import"_s);
    const QString path = pos.at(1);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return badInput(u"file"_s, u"cannot read \"%1\": %2"_s.arg(QDir::toNativeSeparators(path),
                                                                   file.errorString()));
    const QByteArray bytes = file.read(kMaxBenchBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return badInput(u"file"_s, u"cannot read \"%1\": %2"_s.arg(QDir::toNativeSeparators(path),
                                                                   file.errorString()));
    if (bytes.size() > kMaxBenchBytes)
        return badInput(u"file"_s,
                        u"\"%1\" is larger than 16 MiB, too large to be llama-bench "
                        u"output; it was not read"_s.arg(QDir::toNativeSeparators(path)));

    db::BenchOverrides o;
    o.cpu = parser.value(u"cpu"_s);
    o.gpu = parser.value(u"gpu"_s);
    o.model = parser.value(u"model"_s);
    o.quant = parser.value(u"quant"_s);
    for (const QString &name : {u"cpu"_s, u"gpu"_s, u"model"_s, u"quant"_s})
        if (parser.isSet(name) && parser.value(name).trimmed().isEmpty())
            return badInput(optionText(name), u"empty; give a catalogue name"_s);
    if (const auto exit = positiveInt(parser, u"gpus"_s, 64, &o.gpus))
        return *exit;
    if (const auto exit = positiveInt(parser, u"channels"_s, 24, &o.channels))
        return *exit;
    if (parser.isSet(u"mts"_s)) {
        bool ok = false;
        const double v = QLocale::c().toDouble(parser.value(u"mts"_s), &ok);
        if (!ok || !(v >= 100 && v <= 20000))
            return badInput(u"--mts"_s,
                            u"\"%1\" is not a memory speed in MT/s (such as 5600)"_s.arg(
                                parser.value(u"mts"_s)));
        o.mts = v;
    }

    db::BenchProblem problem;
    const std::optional<db::BenchFile> bench = db::parseLlamaBench(bytes, &problem);
    if (!bench)
        return badInput(problem.field, problem.message);

    CatalogueDatabase database;
    const bool dryRun = parser.isSet(u"dry-run"_s);
    if (const auto exit = openDatabase(database, parser, !dryRun))
        return *exit;
    QString loadError;
    const Catalog catalog = db::loadMarked(&database, &loadError);
    if (!loadError.isEmpty())
        return badInput(u"--database"_s, loadError);

    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const std::optional<db::PlacedBench> placed =
        db::placeBenchRows(*bench, catalog, o, today, &problem);
    if (!placed)
        return badInput(problem.field, problem.message);
    if (placed->rows.isEmpty())
        return badInput(u"file"_s, u"none of the %1 tests can be compared with the estimate (%2)"_s
                                       .arg(placed->skipped.size())
                                       .arg(placed->skipped.value(0).reason));
    QList<db::UserMeasurementRecord> records = db::recordsOf(
        *placed, QFileInfo(path).fileName(), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    // The rows must resolve as the estimator will read them back.
    const db::MeasurementSet check = db::measurementsOf(records, catalog);
    if (!check.skipped.empty())
        return badInput(u"file"_s,
                        u"a measurement cannot be estimated: "_s + check.skipped.front().reason);

    db::StoreResult stored;
    if (!dryRun) {
        stored = db::storeUserMeasurements(database, records);
        if (!stored.ok)
            return badInput(u"--database"_s, u"nothing was stored: "_s + stored.error);
        // The ids the rows got (0: the same row was stored before).
        for (qsizetype i = 0; i < records.size() && i < stored.ids.size(); ++i)
            records[i].id = stored.ids.at(i);
    }

    if (format == Format::Table) {
        QString out = recordsTable(records, !dryRun);
        out += dryRun ? u"%1 measurements would be stored (dry run, nothing written)"_s.arg(
                            records.size())
                      : u"%1 measurements stored"_s.arg(stored.stored);
        if (stored.alreadyStored > 0)
            out += u", %1 already stored"_s.arg(stored.alreadyStored);
        if (!placed->skipped.isEmpty())
            out += u", %1 tests skipped"_s.arg(placed->skipped.size());
        out += u".\n"_s;
        for (const db::SkippedBenchRow &s : placed->skipped)
            out += u"  skipped %1 (entry %2): %3\n"_s.arg(s.test).arg(s.number).arg(s.reason);
        writeStdout(out);
        return kExitOk;
    }
    QJsonArray rows, skipped;
    for (const db::UserMeasurementRecord &r : records)
        rows.append(recordToJson(r));
    for (const db::SkippedBenchRow &s : placed->skipped)
        skipped.append(
            QJsonObject{{u"entry"_s, s.number}, {u"test"_s, s.test}, {u"reason"_s, s.reason}});
    const QJsonObject out{{u"file"_s, QFileInfo(path).fileName()},
                          {u"format"_s, bench->format},
                          {u"dry_run"_s, dryRun},
                          {u"stored"_s, dryRun ? 0 : stored.stored},
                          {u"already_stored"_s, stored.alreadyStored},
                          {u"measurements"_s, rows},
                          {u"skipped"_s, skipped}};
    writeStdout(QJsonDocument(out).toJson(QJsonDocument::Indented));
    return kExitOk;
}

int runList(const QCommandLineParser &parser, const QStringList &pos, Format format) {
    if (pos.size() != 1)
        return badInput(u"arguments"_s, u"unexpected \"%1\"; measurements list takes no "
                                        u"argument"_s.arg(pos.at(1)));
    CatalogueDatabase database;
    if (const auto exit = openDatabase(database, parser, false))
        return *exit;
    QString error;
    const auto records = db::readUserMeasurements(database, &error);
    if (!records)
        return badInput(u"--database"_s, u"your measurements cannot be read: "_s + error);
    if (format == Format::Table) {
        if (records->isEmpty())
            writeStdout(u"No measurements of your own (llmadvisor-cli measurements import FILE "
                        u"adds llama-bench output).\n"_s);
        else
            writeStdout(recordsTable(*records, true));
        return kExitOk;
    }
    QJsonArray rows;
    for (const db::UserMeasurementRecord &r : *records)
        rows.append(recordToJson(r));
    writeStdout(QJsonDocument(rows).toJson(QJsonDocument::Indented));
    return kExitOk;
}

int runRemove(const QCommandLineParser &parser, const QStringList &pos) {
    if (pos.size() < 2)
        return badInput(u"ID"_s, u"name the measurement(s) to remove by the ID that "
                                 u"measurements list shows"_s);
    QList<qint64> ids;
    for (const QString &text : pos.mid(1)) {
        bool ok = false;
        QString t = text;
        if (t.startsWith(u'U') || t.startsWith(u'u'))
            t.remove(0, 1);
        const qint64 id = t.toLongLong(&ok);
        if (!ok || id < 1)
            return badInput(u"ID"_s,
                            u"\"%1\" is not a measurement ID (see measurements list)"_s.arg(text));
        if (!ids.contains(id))
            ids.append(id);
    }
    CatalogueDatabase database;
    if (const auto exit = openDatabase(database, parser, true))
        return *exit;
    QString error;
    if (!db::removeUserMeasurements(database, ids, &error))
        return badInput(u"ID"_s, error);
    writeStdout(
        u"%1 measurement%2 removed.\n"_s.arg(ids.size()).arg(ids.size() == 1 ? u""_s : u"s"_s));
    return kExitOk;
}

} // namespace

int runMeasurements(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Your own llama-bench measurements: import them (llama-bench -o json, jsonl, csv or\n"
        u"md, as printed), list them, remove them. estimate calibrates the hardware class\n"
        u"of your measurements with them and shows them beside the estimate for the same\n"
        u"hardware, model and quantization."_s);
    parser.addPositionalArgument(u"import|list|remove"_s, u"The action."_s);
    parser.addPositionalArgument(u"FILE|ID"_s,
                                 u"import: the llama-bench output file; remove: the ID(s) that "
                                 u"measurements list shows."_s);
    parser.addOptions({
        {u"cpu"_s,
         u"Import: the CPU (catalogue name), when cpu_info does not say it or says it "
         u"in other words."_s,
         u"NAME"_s},
        {u"gpu"_s,
         u"Import: the GPU (catalogue name), when gpu_info does not say it (a "
         u"markdown table never does)."_s,
         u"NAME"_s},
        {u"gpus"_s, u"Import: how many of the GPU the run used."_s, u"N"_s},
        {u"channels"_s, u"Import: memory channels populated (a CPU run cannot tell)."_s, u"N"_s},
        {u"mts"_s, u"Import: memory speed in MT/s (a CPU run cannot tell)."_s, u"N"_s},
        {u"model"_s, u"Import: the model (catalogue name), when the file name does not say it."_s,
         u"NAME"_s},
        {u"quant"_s,
         u"Import: the quantization, when the file name and model type do not say it."_s, u"Q"_s},
        {u"dry-run"_s, u"Import: show what would be stored, store nothing."_s},
        {u"create"_s, u"Import: make a new catalogue at the --database path if there is none."_s},
        {u"database"_s,
         u"The catalogue file (default: your own, which the window uses too: "_s +
             QDir::toNativeSeparators(CatalogueDatabase::defaultPath()) +
             u"). It must exist, unless --create is given."_s,
         u"PATH"_s},
    });
    parser.addOption(formatOption());
    if (const auto exit = parseVerbArguments(parser, arguments))
        return *exit;
    const auto format = readFormat(parser);
    if (!format)
        return kExitBadInput;
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.value(0);
    const QStringList importOnly{u"cpu"_s,   u"gpu"_s,   u"gpus"_s,    u"channels"_s, u"mts"_s,
                                 u"model"_s, u"quant"_s, u"dry-run"_s, u"create"_s};
    if (action == u"import"_s)
        return runImport(parser, pos, *format);
    if (action == u"list"_s || action == u"remove"_s) {
        if (const auto exit =
                refuseOptions(parser, importOnly, u"applies to measurements import only"_s))
            return *exit;
        if (action == u"remove"_s && parser.isSet(u"format"_s))
            return badInput(u"--format"_s, u"applies to import and list, not to remove"_s);
        return action == u"list"_s ? runList(parser, pos, *format) : runRemove(parser, pos);
    }
    if (action.isEmpty())
        return badInput(u"action"_s, u"missing; use import, list or remove"_s);
    return badInput(u"action"_s,
                    u"unknown action \"%1\"; use import, list or remove"_s.arg(action));
}

} // namespace llm::cli
