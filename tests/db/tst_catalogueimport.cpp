// SPDX-License-Identifier: MIT
// Import (CSV, JSON, pack) with per-row errors by line before anything is
// written, all-or-nothing or skip-bad commits, size caps, and exports that
// read back to the same rows. Fixtures: tests/data/db/import/.

#include "catalogue.h"
#include "catalogueeditor.h"
#include "catalogueio.h"
#include "usermeasurements.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace llm;
using namespace llm::db;

namespace {

QString fixture(const QString &name) {
    return QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/db/import/") + name;
}

QByteArray readFixture(const QString &name) {
    QFile f(fixture(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing fixture>");
}

int userRows(const CatalogueDatabase &db, const QString &table) {
    QSqlQuery q(QSqlDatabase::database(db.connectionName(), false));
    q.exec(u"SELECT count(*) FROM "_s + table + u" WHERE origin = 'user'"_s);
    return q.next() ? q.value(0).toInt() : -1;
}

int userMeasurements(const CatalogueDatabase &db) {
    QSqlQuery q(QSqlDatabase::database(db.connectionName(), false));
    q.exec(u"SELECT count(*) FROM user_measurements"_s);
    return q.next() ? q.value(0).toInt() : -1;
}

// A generation (or prompt) test on `gpu` as measurements import stores it.
UserMeasurementRecord gpuRun(const QString &gpu, int count, int prompt, int gen, double tokS) {
    UserMeasurementRecord r;
    r.importedAt = u"2026-12-01T10:00:00Z"_s;
    r.file = u"bench.json"_s;
    PlacedBenchRow &p = r.placed;
    p.runDate = u"2026-11-30"_s;
    p.hardwareKind = u"gpu"_s;
    p.cpu = u"AMD Ryzen 9 7950X"_s;
    p.gpu = gpu;
    p.gpuCount = count;
    p.model = u"Qwen2.5-7B-Instruct"_s;
    p.quant = u"Q4_K_M"_s;
    p.paramsB = 7.615616512;
    p.fileGb = 4.68;
    p.notes = u"host CPU named by the user"_s;
    p.row.nPrompt = prompt;
    p.row.nGen = gen;
    p.row.avgTs = tokS;
    p.row.stddevTs = 0.25;
    p.row.repetitions = 5;
    p.row.backends = u"CUDA"_s;
    p.row.buildCommit = u"b1ba5b8 (5210)"_s;
    p.row.nThreads = 16;
    p.row.nGpuLayers = 99;
    p.row.nBatch = 2048;
    p.row.nUbatch = 512;
    p.row.flashAttn = true;
    p.row.typeK = p.row.typeV = u"f16"_s;
    p.row.gpuInfo = gpu;
    p.row.modelFilename = u"qwen2.5-7b-instruct-q4_k_m.gguf"_s;
    p.row.modelType = u"qwen2 7B Q4_K - Medium"_s;
    return r;
}

// The pack with one field of measurement `index` set to `value`.
QByteArray withMeasurementField(const QByteArray &pack, int index, const QString &field,
                                const QJsonValue &value) {
    QJsonObject o = QJsonDocument::fromJson(pack).object();
    QJsonArray m = o.value(u"measurements"_s).toArray();
    QJsonObject one = m.at(index).toObject();
    one.insert(field, value);
    m.replace(index, one);
    o.insert(u"measurements"_s, m);
    return QJsonDocument(o).toJson();
}

} // namespace

class TestCatalogueImport final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    // A fresh database per use (copy of one made once: creation is the slow part).
    QString freshDb() {
        const QString p = m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_n));
        return QFile::copy(m_dir.filePath(u"template.sqlite"_s), p) ? p : QString();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        CatalogueDatabase db;
        QVERIFY(db.open(m_dir.filePath(u"template.sqlite"_s)).ok);
    }

    void csvPreview_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("fatal"); // "" = rows below
        QTest::addColumn<int>("rows");
        QTest::addColumn<QStringList>("errors");
        QTest::newRow("empty file")
            << u"empty.csv"_s << u"the file is empty"_s << 0 << QStringList();
        QTest::newRow("header only")
            << u"header_only.csv"_s << u"the file has a header but no rows"_s << 0 << QStringList();
        QTest::newRow("BOM and CRLF") << u"bom_crlf.csv"_s << QString() << 2 << QStringList();
        QTest::newRow("quoted commas and newlines")
            << u"quoted.csv"_s << QString() << 2 << QStringList();
        // D18: one row with broken quoting is one bad row (skipped with --skip-bad).
        QTest::newRow("unterminated quote")
            << u"unterminated.csv"_s << QString() << 1
            << QStringList{u"line 2: a quoted cell is never closed (a double quote is missing), "
                           "so the rest of the file would be one cell"_s};
        QTest::newRow("row with 22 cells") << u"longrow.csv"_s << QString() << 1
                                           << QStringList{u"line 2: 22 cells, the header has 20"_s};
        // D12: Latin-1 is named instead of stored as U+FFFD.
        QTest::newRow("latin-1") << u"latin1.csv"_s
                                 << u"the file is not UTF-8 text: line 2 has the byte 0xE9"_s << 0
                                 << QStringList();
        QTest::newRow("unknown column")
            << u"unknown_column.csv"_s << u"line 1: column 'colour' is not a column of gpus"_s << 0
            << QStringList();
        QTest::newRow("bad numbers")
            << u"bad_numbers.csv"_s << QString() << 5
            << QStringList{u"line 2: vram_gb: '24,0' is not a number (use a point as the decimal "
                           "separator and no thousands separator)"_s,
                           u"line 3: bandwidth_gbs: '1e309' is out of range"_s,
                           u"line 4: vram_gb: 'NaN' is not a number"_s,
                           u"line 5: price_usd: -5 is out of range (allowed: a number from 0 up "
                           "to 10000000 USD)"_s};
        QTest::newRow("duplicate rows")
            << u"duplicates.csv"_s << QString() << 3
            << QStringList{u"line 4: name: 'Acme Twice' appears twice (first on line 2)"_s};
        QTest::newRow("supplier with two bad rows")
            << u"supplier.csv"_s << QString() << 5
            << QStringList{u"line 3: vram_gb: 0 is out of range (allowed: a number more than 0 "
                           "up to 65536 GB)"_s,
                           u"line 5: bandwidth_gbs: empty, a value is required (a number more "
                           "than 0 up to 1000000 GB/s)"_s};
    }
    void csvPreview() {
        QFETCH(QString, file);
        QFETCH(QString, fatal);
        QFETCH(int, rows);
        QFETCH(QStringList, errors);
        const ImportPreview p = previewCsv(CatalogueTable::Gpus, readFixture(file));
        if (fatal.isEmpty())
            QVERIFY2(p.fatal.isEmpty(), qPrintable(p.fatal));
        else
            QVERIFY2(p.fatal.startsWith(fatal), qPrintable(p.fatal));
        QCOMPARE(p.rows.size(), rows);
        QCOMPARE(p.errors(), fatal.isEmpty() ? errors : QStringList{p.fatal});
    }

    void csvValuesKeptExactly() {
        const ImportPreview quoted = previewCsv(CatalogueTable::Gpus, readFixture(u"quoted.csv"_s));
        QCOMPARE(quoted.rows.value(0).values.value(u"name"_s), u"Acme, Quoted"_s);
        QCOMPARE(quoted.rows.value(1).values.value(u"source"_s),
                 u"line one\nline two \"quoted\""_s);
        QCOMPARE(quoted.rows.value(1).line, 3);
        const ImportPreview bom = previewCsv(CatalogueTable::Gpus, readFixture(u"bom_crlf.csv"_s));
        QCOMPARE(bom.rows.value(0).values.value(u"name"_s), u"Acme BOM 1"_s); // no BOM in the name
        QCOMPARE(bom.rows.value(1).values.value(u"as_of"_s), u"2026-11"_s);   // no CR left
        QCOMPARE(bom.rows.value(1).line, 3);
        const ImportPreview units =
            previewCsv(CatalogueTable::Gpus, readFixture(u"bad_numbers.csv"_s));
        QCOMPARE(units.rows.value(4).values.value(u"vram_gb"_s), u"25.769803776"_s); // 24 GiB
    }

    // Nothing written while any row is bad; with skip-bad the good rows go in.
    void allOrNothingAndSkipBad() {
        CatalogueDatabase db;
        QVERIFY(db.open(freshDb()).ok);
        CatalogueEditor editor(&db);
        const ImportPreview p = previewCsv(CatalogueTable::Gpus, readFixture(u"supplier.csv"_s));
        QCOMPARE(p.badRows(), 2);
        const ImportReport refused = applyImport(&editor, p, false);
        QVERIFY(!refused.ok);
        QCOMPARE(refused.errors.size(), 2);
        QCOMPARE(userRows(db, u"gpus"_s), 0);
        const ImportReport skipped = applyImport(&editor, p, true);
        QVERIFY2(skipped.ok, qPrintable(skipped.message));
        QCOMPARE(skipped.written, 3);
        QCOMPARE(skipped.skipped, 2);
        QCOMPARE(userRows(db, u"gpus"_s), 3);
        const Catalog c = db.load();
        QVERIFY(findGpu(c, "Supplier A") && findGpu(c, "Supplier E"));
        QVERIFY(!findGpu(c, "Supplier B"));
        // Importing again replaces the user's rows by name instead of adding copies.
        QVERIFY(applyImport(&editor, p, true).ok);
        QCOMPARE(userRows(db, u"gpus"_s), 3);
    }

    void sqlTextStoredLiterally() {
        CatalogueDatabase db;
        QVERIFY(db.open(freshDb()).ok);
        CatalogueEditor editor(&db);
        const ImportReport r = applyImport(
            &editor, previewCsv(CatalogueTable::Gpus, readFixture(u"sql_text.csv"_s)), false);
        QVERIFY2(r.ok, qPrintable(r.message));
        const auto row = editor.row(CatalogueTable::Gpus, u"Robert'); DROP TABLE gpus;--"_s);
        QVERIFY(row);
        QCOMPARE(row->values.value(u"source"_s), u"' OR 1=1 --"_s);
        QVERIFY(editor.rows(CatalogueTable::Gpus).size() > 10); // the table is still there
    }

    void jsonPreview() {
        const ImportPreview p = previewJson(CatalogueTable::Gpus, readFixture(u"gpus.json"_s));
        QVERIFY(p.fatal.isEmpty());
        QCOMPARE(p.rows.size(), 4);
        QCOMPARE(p.errors(),
                 (QStringList{u"row 3: vram_gb: 0 is out of range (allowed: a number more than 0 "
                              "up to 65536 GB)"_s,
                              u"row 4: vram_gb: not a single value"_s}));
        QCOMPARE(p.rows[0].values.value(u"nvlink"_s), u"0"_s);
        QCOMPARE(p.rows[0].values.value(u"price_usd"_s), u"999.5"_s);
        QCOMPARE(p.rows[1].values.value(u"vram_gb"_s), u"25.769803776"_s);
        QVERIFY(previewJson(CatalogueTable::Gpus, "{\"rows\": [")
                    .fatal.startsWith(u"not valid JSON"_s));
        QVERIFY(previewJson(CatalogueTable::Cpus, readFixture(u"gpus.json"_s))
                    .fatal.contains(u"holds gpus, not cpus"_s));
        QCOMPARE(previewJson(CatalogueTable::Gpus, "[]").fatal, u"the file has no rows"_s);
    }

    // Reliability review 2026-12: D12 (UTF-16), D14 (keys twice), D15 (pack
    // version as text), D16 (control characters in names), D17 (true as a number).
    void inputChecks_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("fatal");    // part of the fatal message, or ""
        QTest::addColumn<QString>("rowError"); // part of the first row error, or ""
        const QByteArray header = "name,vendor,vram_gb,bandwidth_gbs\n";
        const QByteArray pack = R"({"format":"llmadvisor-catalogue-pack","format_version":1,)";
        QTest::newRow("csv: good row") << header + "Acme A,Acme,24,900\n" << QString() << QString();
        QTest::newRow("csv: utf-16")
            << QByteArray::fromHex("fffe6e0061006d006500") << u"UTF-16"_s << QString();
        QTest::newRow("csv: ESC in a name")
            << header + "Acme\x1b[31mRed,Acme,24,900\n"
            << QString() << u"line 2: name: contains a control character (U+001B)"_s;
        QTest::newRow("csv: BEL in a vendor")
            << header + "Acme B,Acme\x07,24,900\n"
            << QString() << u"line 2: vendor: contains a control character (U+0007)"_s;
        QTest::newRow("csv: NUL in a name")
            << header + QByteArray("Acme\0Nul,Acme,24,900\n", 21) << QString()
            << u"line 2: name: contains a control character (U+0000)"_s;
        QTest::newRow("csv: line break in a quoted name")
            << header + "\"Acme\nTwo\",Acme,24,900\n"
            << QString() << u"line 2: name: contains a control character (U+000A)"_s;
        QTest::newRow("json: name twice")
            << QByteArray(
                   R"({"rows":[{"name":"Acme DK1","vendor":"Acme","vram_gb":24,"bandwidth_gbs":900,"name":"Acme DK2"}]})")
            << u"rows[0].name: this key appears twice"_s << QString();
        QTest::newRow("json array: key twice in the second row")
            << QByteArray(
                   R"([{"name":"A","vendor":"Acme","vram_gb":24,"bandwidth_gbs":900},)"
                   R"({"name":"B","vendor":"Acme","vram_gb":24,"vram_gb":48,"bandwidth_gbs":900}])")
            << u"[1].vram_gb: this key appears twice"_s << QString();
        QTest::newRow("json: vram_gb true")
            << QByteArray(R"([{"name":"A","vendor":"Acme","vram_gb":true,"bandwidth_gbs":900}])")
            << QString() << u"row 1: vram_gb: true/false is not allowed here"_s;
        QTest::newRow("json: nvlink true is fine")
            << QByteArray(
                   R"([{"name":"A","vendor":"Acme","vram_gb":24,"bandwidth_gbs":900,"nvlink":true}])")
            << QString() << QString();
        QTest::newRow("json: ESC in a name")
            << QByteArray("[{\"name\":\"A\\u001b[2J\",\"vendor\":\"Acme\",\"vram_gb\":24,"
                          "\"bandwidth_gbs\":900}]")
            << QString() << u"row 1: name: contains a control character (U+001B)"_s;
        QTest::newRow("pack: format_version as text")
            << QByteArray(
                   R"({"format":"llmadvisor-catalogue-pack","format_version":"1","tables":{}})")
            << u"format_version: must be a number"_s << QString();
        QTest::newRow("pack: key twice") << pack + R"("tables":{"gpus":[]},"tables":{"cpus":[]}})"
                                         << u"tables: this key appears twice"_s << QString();
    }
    void inputChecks() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, fatal);
        QFETCH(QString, rowError);
        const ImportPreview p = previewImport(bytes, CatalogueTable::Gpus);
        if (fatal.isEmpty()) {
            QVERIFY2(p.fatal.isEmpty(), qPrintable(p.fatal));
        } else {
            QVERIFY2(p.fatal.contains(fatal), qPrintable(p.fatal));
            return;
        }
        const QStringList errors = p.errors();
        if (rowError.isEmpty())
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u" | "_s)));
        else
            QVERIFY2(errors.value(0).startsWith(rowError), qPrintable(errors.join(u" | "_s)));
    }

    // Export a pack on one "machine", import it into another database.
    void packRoundTrip() {
        const ImportPreview pack = previewImport(readFixture(u"pack.json"_s), std::nullopt);
        QVERIFY2(pack.fatal.isEmpty(), qPrintable(pack.fatal));
        QCOMPARE(pack.rows.size(), 2);
        QCOMPARE(pack.asOf, u"2026-11"_s);
        QCOMPARE(pack.rows[0].values.value(u"source"_s), u"Example Org procurement list"_s);
        QCOMPARE(pack.rows[0].values.value(u"as_of"_s), u"2026-11"_s); // the pack's date

        QList<PackTable> tables;
        {
            CatalogueDatabase first;
            QVERIFY(first.open(freshDb()).ok);
            CatalogueEditor editor(&first);
            QVERIFY(applyImport(&editor, pack, false).ok);
            const QString shipped =
                editor.rows(CatalogueTable::Gpus).first().values.value(u"name"_s);
            QVERIFY(
                editor.overrideRow(CatalogueTable::Gpus, shipped, {{u"price_usd"_s, u"42"_s}}).ok);
            for (CatalogueTable t : editableTables()) {
                PackTable pt{t, {}};
                for (const CatalogueRow &r : editor.rows(t)) {
                    if (r.origin != RowOrigin::Shipped)
                        pt.rows.append(r.values);
                }
                if (!pt.rows.isEmpty())
                    tables.append(pt);
            }
        }
        QCOMPARE(tables.size(), 2);
        const QString file = m_dir.filePath(u"org.pack.json"_s);
        QString error;
        QVERIFY(writeFileAtomically(file, exportPack(tables, u"2026-11"_s, u"Org"_s), &error));
        QByteArray bytes;
        QVERIFY(readImportFile(file, &bytes, &error));
        CatalogueDatabase second;
        QVERIFY(second.open(freshDb()).ok);
        CatalogueEditor editor(&second);
        const ImportReport r = applyImport(&editor, previewImport(bytes, std::nullopt), false);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.written, 3);
        QCOMPARE(editor.userLayer(CatalogueTable::Gpus).size(), 2);
        QCOMPARE(editor.row(CatalogueTable::Gpus, tables[0].rows.value(0).value(u"name"_s))
                     ->values.value(u"price_usd"_s),
                 tables[0].rows.value(0).value(u"price_usd"_s));
        QVERIFY(findQuant(second.load(), "ORG_Q5"));
    }

    // Issue 17 item 3: the user's own measurements travel with a pack, are
    // stored once however often it is imported, and a bad one refuses it all.
    void packCarriesMeasurements() {
        // Database A: an own GPU row and two measurements (one on that GPU).
        const QList<PackTable> tables{{CatalogueTable::Gpus,
                                       {{{u"name"_s, u"Org GPU"_s},
                                         {u"vendor"_s, u"Acme"_s},
                                         {u"vram_gb"_s, u"32"_s},
                                         {u"bandwidth_gbs"_s, u"1000"_s}}}}};
        QList<UserMeasurementRecord> stored;
        {
            CatalogueDatabase a;
            QVERIFY(a.open(freshDb()).ok);
            const StoreResult s =
                storeUserMeasurements(a, {gpuRun(u"NVIDIA GeForce RTX 4090"_s, 1, 0, 128, 131.25),
                                          gpuRun(u"Org GPU"_s, 2, 512, 0, 9876.5)});
            QVERIFY2(s.ok, qPrintable(s.error));
            QString error;
            stored = readUserMeasurements(a, &error).value_or(QList<UserMeasurementRecord>{});
            QCOMPARE(stored.size(), 2);
        }
        const QByteArray pack = exportPack(tables, u"2026-12"_s, u"Org"_s, stored);
        const QJsonObject json = QJsonDocument::fromJson(pack).object();
        QCOMPARE(json.value(u"format_version"_s).toInt(), 2);
        QCOMPARE(json.value(u"measurements"_s).toArray().size(), 2);
        // Without measurements a pack stays version 1, which older programs read.
        QCOMPARE(QJsonDocument::fromJson(exportPack(tables, u"2026-12"_s, u"Org"_s))
                     .object()
                     .value(u"format_version"_s)
                     .toInt(),
                 1);

        const ImportPreview preview = previewPack(pack);
        QVERIFY2(preview.fatal.isEmpty(), qPrintable(preview.fatal));
        QCOMPARE(preview.rows.size(), 1);
        QCOMPARE(preview.measurements.size(), 2);
        QCOMPARE(preview.badMeasurements(), 0);

        CatalogueDatabase b;
        QVERIFY(b.open(freshDb()).ok);
        CatalogueEditor editor(&b);
        ImportReport r = applyImport(&editor, preview, false);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.written, 1);
        QCOMPARE(r.measurementsStored, 2);
        QVERIFY2(r.message.contains(u"2 of your measurements stored"_s), qPrintable(r.message));
        QString error;
        const auto back = readUserMeasurements(b, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->size(), 2);
        for (int i = 0; i < 2; ++i) // every stored field, as stored in A
            QCOMPARE(measurementToJson(back->at(i)), measurementToJson(stored.at(i)));
        // The estimate reads them as it reads imported llama-bench rows.
        const MeasurementSet own = measurementsOf(*back, b.load());
        QCOMPARE(own.rows.size(), size_t(2));

        // Importing it again stores nothing twice.
        r = applyImport(&editor, previewPack(pack), false);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.measurementsStored, 0);
        QCOMPARE(r.measurementsAlreadyStored, 2);
        QCOMPARE(userMeasurements(b), 2);
    }

    void badMeasurementRefusesThePack_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("negative speed") << 0 << u"tok_s"_s << QJsonValue(-3.5)
                                        << u"measurement 1: tok_s: -3.5 is not allowed"_s;
        QTest::newRow("speed as text") << 0 << u"tok_s"_s << QJsonValue(u"fast"_s)
                                       << u"measurement 1: tok_s: must be a number"_s;
        QTest::newRow("unknown GPU")
            << 1 << u"gpu"_s << QJsonValue(u"RTX 4099"_s)
            << u"measurement 2: gpu: 'RTX 4099' is not in the catalogue (gpus)"_s;
        QTest::newRow("unknown model")
            << 0 << u"model"_s << QJsonValue(u"Nonsense-1B"_s)
            << u"measurement 1: model: 'Nonsense-1B' is not in the catalogue"_s;
        QTest::newRow("bad date") << 0 << u"run_date"_s << QJsonValue(u"30.11.2026"_s)
                                  << u"measurement 1: run_date: '30.11.2026' is not a date"_s;
        QTest::newRow("no kind") << 1 << u"hardware_kind"_s << QJsonValue()
                                 << u"measurement 2: hardware_kind: missing"_s;
        QTest::newRow("fractional count") << 1 << u"gpu_count"_s << QJsonValue(1.5)
                                          << u"measurement 2: gpu_count: 1.5 is not a whole"_s;
        QTest::newRow("unknown field")
            << 0 << u"tok_per_s"_s << QJsonValue(3) << u"measurement 1: tok_per_s: not a field"_s;
        QTest::newRow("test not the tokens")
            << 0 << u"test"_s << QJsonValue(u"pp512"_s)
            << u"measurement 1: test: 'pp512' does not match the token counts (tg128)"_s;
    }
    void badMeasurementRefusesThePack() {
        QFETCH(int, index);
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        const QList<PackTable> tables{{CatalogueTable::Gpus,
                                       {{{u"name"_s, u"Org GPU"_s},
                                         {u"vendor"_s, u"Acme"_s},
                                         {u"vram_gb"_s, u"32"_s},
                                         {u"bandwidth_gbs"_s, u"1000"_s}}}}};
        const QByteArray good = exportPack(tables, u"2026-12"_s, u"Org"_s,
                                           {gpuRun(u"NVIDIA GeForce RTX 4090"_s, 1, 0, 128, 131.25),
                                            gpuRun(u"Org GPU"_s, 2, 512, 0, 9876.5)});
        const QByteArray bytes = withMeasurementField(good, index, field, value);
        CatalogueDatabase db;
        QVERIFY(db.open(freshDb()).ok);
        CatalogueEditor editor(&db);
        ImportPreview preview = previewPack(bytes);
        QVERIFY2(preview.fatal.isEmpty(), qPrintable(preview.fatal));
        checkMeasurementNames(editor, &preview);
        QCOMPARE(preview.badMeasurements(), 1);
        QVERIFY2(preview.errors().join(u'\n').contains(error),
                 qPrintable(preview.errors().join(u'\n')));
        // Nothing is written: neither the rows nor the good measurement
        // (applyImport checks the names itself: the unchecked preview is given).
        ImportReport r = applyImport(&editor, previewPack(bytes), false);
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(u"1 of 2 measurements"_s), qPrintable(r.message));
        QCOMPARE(userRows(db, u"gpus"_s), 0);
        QCOMPARE(userMeasurements(db), 0);
        // Skipping the bad one stores the rest.
        r = applyImport(&editor, previewPack(bytes), true);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.measurementsStored, 1);
        QCOMPARE(r.measurementsSkipped, 1);
        QCOMPARE(userMeasurements(db), 1);
        QCOMPARE(userRows(db, u"gpus"_s), 1);
    }

    // A version-1 pack (no measurements) is still read; a newer one is refused
    // by name, and so is a version-1 pack that claims measurements (programs
    // that read only version 1 would drop them without a word).
    void packVersions() {
        const ImportPreview old = previewImport(readFixture(u"pack.json"_s), std::nullopt);
        QVERIFY2(old.fatal.isEmpty(), qPrintable(old.fatal));
        QVERIFY(old.measurements.isEmpty());
        CatalogueDatabase db;
        QVERIFY(db.open(freshDb()).ok);
        CatalogueEditor editor(&db);
        const ImportReport r = applyImport(&editor, old, false);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.written, 2);
        QVERIFY2(!r.message.contains(u"measurements"_s), qPrintable(r.message));

        const QByteArray v2 = exportPack({}, u"2026-12"_s, u"Org"_s,
                                         {gpuRun(u"NVIDIA GeForce RTX 4090"_s, 1, 0, 128, 131.25)});
        QVERIFY2(previewPack(v2).fatal.isEmpty(), qPrintable(previewPack(v2).fatal));
        QByteArray v1 = v2;
        v1.replace("\"format_version\": 2", "\"format_version\": 1");
        QVERIFY(v1 != v2);
        QVERIFY2(previewPack(v1).fatal.startsWith(u"measurements: a version 1 pack carries no "
                                                  u"measurements"_s),
                 qPrintable(previewPack(v1).fatal));
        QByteArray v3 = v2;
        v3.replace("\"format_version\": 2", "\"format_version\": 3");
        QCOMPARE(previewPack(v3).fatal,
                 u"format_version: 3 is not supported (this program reads versions 1 and 2)"_s);
        QJsonObject o = QJsonDocument::fromJson(v2).object();
        o.insert(u"measurements"_s, QJsonObject{{u"x"_s, o.value(u"measurements"_s)}});
        const QByteArray notArray = QJsonDocument(o).toJson();
        QCOMPARE(previewPack(notArray).fatal, u"measurements: not an array of measurements"_s);
    }

    // O1: importing the built-in rows again (a full export, CSV or JSON)
    // creates no overrides; only a row whose values differ becomes the user's.
    void reimportedBuiltinRowsStayBuiltin_data() {
        QTest::addColumn<bool>("csv");
        QTest::newRow("csv") << true;
        QTest::newRow("json") << false;
    }
    void reimportedBuiltinRowsStayBuiltin() {
        QFETCH(bool, csv);
        CatalogueDatabase db;
        QVERIFY(db.open(freshDb()).ok);
        CatalogueEditor editor(&db);
        QList<RowValues> rows;
        for (const CatalogueRow &r : editor.rows(CatalogueTable::Gpus))
            rows.append(r.values);
        QVERIFY(rows.size() > 10);
        auto import = [&] {
            const QByteArray bytes = csv ? exportCsv(CatalogueTable::Gpus, rows)
                                         : exportJson(CatalogueTable::Gpus, rows);
            return applyImport(&editor, previewImport(bytes, CatalogueTable::Gpus), false);
        };
        ImportReport r = import();
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.written, 0);
        QVERIFY2(r.message.contains(
                     QStringLiteral("%1 were the same as the built-in rows").arg(rows.size())),
                 qPrintable(r.message));
        QVERIFY(editor.userLayer(CatalogueTable::Gpus).isEmpty());

        rows[3][u"price_usd"_s] = u"12345"_s;
        r = import();
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.written, 1);
        const QString name = rows[3].value(u"name"_s);
        QCOMPARE(editor.userLayer(CatalogueTable::Gpus).keys(), QStringList{name});
        QCOMPARE(editor.row(CatalogueTable::Gpus, name)->values.value(u"price_usd"_s), u"12345"_s);
        // An existing override is still replaced by the imported values.
        rows[3][u"price_usd"_s] = u"999"_s;
        QCOMPARE(import().written, 1);
        QCOMPARE(editor.row(CatalogueTable::Gpus, name)->values.value(u"price_usd"_s), u"999"_s);
    }

    void badPacks_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("fatal");
        QTest::newRow("newer version")
            << QByteArray(
                   R"({"format":"llmadvisor-catalogue-pack","format_version":3,"tables":{}})")
            << u"format_version: 3 is not supported"_s;
        QTest::newRow("unknown table")
            << QByteArray(
                   R"({"format":"llmadvisor-catalogue-pack","format_version":1,"tables":{"pets":[]}})")
            << u"tables: 'pets' is not a catalogue table"_s;
        QTest::newRow("no tables")
            << QByteArray(R"({"format":"llmadvisor-catalogue-pack","format_version":1})")
            << u"tables: the pack has no tables"_s;
    }
    void badPacks() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, fatal);
        QVERIFY2(previewPack(bytes).fatal.startsWith(fatal), qPrintable(previewPack(bytes).fatal));
    }

    // The pack's source and date fill the rows' cells before the rows are
    // checked (found by fuzz_jsonimport: a source ending in a newline was
    // copied in untrimmed, so the row no longer normalised to itself).
    void packDefaultsAreCheckedLikeCells() {
        const QByteArray head = R"({"format":"llmadvisor-catalogue-pack","format_version":1,)";
        const QByteArray rows =
            R"("tables":{"gpus":[{"name":"G","vendor":"Acme","vram_gb":32,"bandwidth_gbs":900},)"
            R"({"name":"H","vendor":"Acme","vram_gb":16,"bandwidth_gbs":500,"source":"own","as_of":"2025-01"}]}})";
        const ImportPreview p =
            previewPack(head + R"("source":"  Org list \n","as_of":"2026-11",)" + rows);
        QVERIFY2(p.fatal.isEmpty(), qPrintable(p.fatal));
        QCOMPARE(p.rows.size(), 2);
        QCOMPARE(p.rows[0].values.value(u"source"_s), u"Org list"_s);
        QCOMPARE(p.rows[0].values.value(u"as_of"_s), u"2026-11"_s);
        QCOMPARE(p.rows[1].values.value(u"source"_s), u"own"_s); // a row's own cells win
        QCOMPARE(p.rows[1].values.value(u"as_of"_s), u"2025-01"_s);
        for (const ImportRow &row : p.rows) {
            RowValues again = row.values;
            QVERIFY(normaliseRow(CatalogueTable::Gpus, &again).isEmpty());
            QCOMPARE(again, row.values);
        }
        const ImportPreview bad = previewPack(head + R"("as_of":"2026-13",)" + rows);
        QVERIFY2(bad.fatal.isEmpty(), qPrintable(bad.fatal));
        QCOMPARE(bad.rows[0].errors.size(), 1);
        QVERIFY2(bad.rows[0].errors[0].contains(u"as_of: '2026-13'"_s),
                 qPrintable(bad.rows[0].errors[0]));
        QVERIFY(bad.rows[1].errors.isEmpty());
    }

    void csvAndJsonExportsReadBack_data() {
        QTest::addColumn<bool>("json");
        QTest::newRow("csv") << false;
        QTest::newRow("json") << true;
    }
    void csvAndJsonExportsReadBack() {
        QFETCH(bool, json);
        CatalogueDatabase db;
        QVERIFY(db.open(freshDb()).ok);
        CatalogueEditor editor(&db);
        for (CatalogueTable t : editableTables()) {
            QList<RowValues> rows;
            for (const CatalogueRow &r : editor.rows(t))
                rows.append(r.values);
            const QByteArray bytes = json ? exportJson(t, rows) : exportCsv(t, rows);
            const ImportPreview back = previewImport(bytes, t);
            QVERIFY2(back.fatal.isEmpty(), qPrintable(back.fatal));
            QCOMPARE(back.badRows(), 0);
            QCOMPARE(back.rows.size(), rows.size());
            for (int i = 0; i < rows.size(); ++i)
                QCOMPARE(back.rows[i].values, rows[i]);
        }
    }

    // A 100 MB file (one line, no newline) is refused from its size, without
    // being read; a long line inside an allowed size is refused before parsing.
    void oversizedInputRefused() {
        const QString huge = m_dir.filePath(u"huge.csv"_s);
        {
            QFile f(huge);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(100LL * 1000 * 1000)); // sparse: no disk or memory used
        }
        QElapsedTimer timer;
        timer.start();
        QByteArray bytes;
        QString error;
        QVERIFY(!readImportFile(huge, &bytes, &error));
        QVERIFY(bytes.isEmpty());
        QVERIFY2(error.contains(u"larger than 16 MiB and was not read"_s), qPrintable(error));
        QVERIFY(timer.elapsed() < 1000);
        QFile::remove(huge);

        QByteArray longLine = "name,vendor,vram_gb,bandwidth_gbs\n";
        longLine += QByteArray(2 * 1024 * 1024, 'x') + ",Acme,24,900\n";
        QCOMPARE(previewCsv(CatalogueTable::Gpus, longLine).fatal,
                 u"line 2: longer than 1 MiB; the file was not read"_s);
    }

    void writeFileAtomicallyKeepsOldOnFailure() {
        QString error;
        QVERIFY(!writeFileAtomically(m_dir.filePath(u"no/such/folder/x.csv"_s), "a", &error));
        QVERIFY(error.contains(u"cannot be written"_s));
        const QString file = m_dir.filePath(u"out.csv"_s);
        QVERIFY(writeFileAtomically(file, "one", &error));
        QVERIFY(writeFileAtomically(file, "two", &error));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("two"));
    }
};

QTEST_GUILESS_MAIN(TestCatalogueImport)
#include "tst_catalogueimport.moc"
