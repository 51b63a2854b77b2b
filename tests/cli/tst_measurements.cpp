// SPDX-License-Identifier: MIT
// llmadvisor-cli measurements import / list / remove, driven as a process on
// llama-bench output in every format it writes (tests/data/measurements), and
// what the user's rows do to `estimate`: a measurement 20 % below today's
// estimate brings that hardware's estimate for the same model to within 5 % of
// it, moves another model on the same class the same way, and removing it
// restores today's figures. Bad input: exit 2, one line naming the field.
#include "process.h"
#include "profile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

using Run = llm::testsupport::ProcessRun;

QString fixture(const QString &name) {
    return QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/measurements/") + name;
}

QJsonObject scenarioFor(const QString &model) {
    return QJsonObject{
        {u"builds"_s,
         QJsonArray{QJsonObject{
             {u"name"_s, u"4090 box"_s},
             {u"cpu"_s, u"AMD Ryzen 9 7950X"_s},
             {u"memory"_s,
              QJsonObject{{u"channels"_s, 2}, {u"mts"_s, 5200}, {u"capacity_gb"_s, 64}}},
             {u"gpus"_s, QJsonArray{QJsonObject{{u"model"_s, u"NVIDIA GeForce RTX 4090"_s},
                                                {u"count"_s, 1}}}}}}},
        {u"model"_s, QJsonObject{{u"name"_s, model}, {u"quant"_s, u"Q4_K_M"_s}}},
        {u"use_cases"_s, QJsonArray{u"UC1"_s}}};
}

} // namespace

class TestMeasurements : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    Run run(const QStringList &args) {
        // Never the user's own catalogue: a home of the test's own.
        return llm::testsupport::runCli(args, llm::testsupport::RunOptions().in(
                                                  llm::testsupport::isolatedProfile(m_dir.path())));
    }

    // A new, empty catalogue file (made by a dry run with --create).
    QString newDatabase() {
        const QString path = m_dir.filePath(u"catalogue-%1.sqlite"_s.arg(++m_n));
        const Run r = run({u"measurements"_s, u"import"_s, fixture(u"rtx4090-qwen2.5-7b.json"_s),
                           u"--dry-run"_s, u"--create"_s, u"--database"_s, path});
        if (r.exitCode != 0)
            qWarning("%s", r.err.constData());
        return path;
    }

    QString writeFile(const QString &name, const QByteArray &bytes) {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(bytes);
        return path;
    }

    // The first build's object of `estimate` on the given model.
    QJsonObject estimate(const QString &model, const QStringList &catalogue) {
        const QString scenario =
            writeFile(u"scenario-%1.json"_s.arg(model),
                      QJsonDocument(scenarioFor(model)).toJson(QJsonDocument::Compact));
        const Run r = run(QStringList{u"estimate"_s, u"--scenario"_s, scenario} + catalogue);
        if (r.exitCode != 0) {
            qWarning("%s", r.err.constData());
            return {};
        }
        return QJsonDocument::fromJson(r.out).array().at(0).toObject();
    }

    QJsonArray list(const QString &db) {
        const Run r = run({u"measurements"_s, u"list"_s, u"--database"_s, db});
        return QJsonDocument::fromJson(r.out).array();
    }

    // Exit 2, nothing on stdout, exactly one line on stderr starting "error: <field>:".
    void expectRefusal(const Run &r, const QString &field, const QStringList &mentions = {}) {
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        const QString err = QString::fromUtf8(r.err);
        QCOMPARE(err.count(u'\n'), 1);
        QVERIFY2(err.startsWith(u"error: "_s + field + u": "_s), qPrintable(err));
        for (const QString &m : mentions)
            QVERIFY2(err.contains(m), qPrintable(err + u" lacks "_s + m));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Every format llama-bench writes, as it writes it.
    void importsEveryFormat_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("gpus");
        QTest::newRow("json") << u"rtx4090-qwen2.5-7b.json"_s << QStringList{} << u"json"_s << 2
                              << u"gpu"_s << 1;
        QTest::newRow("jsonl") << u"rtx4090-qwen2.5-7b.jsonl"_s << QStringList{} << u"jsonl"_s << 2
                               << u"gpu"_s << 1;
        QTest::newRow("csv") << u"rtx4090-qwen2.5-7b.csv"_s << QStringList{} << u"csv"_s << 2
                             << u"gpu"_s << 1;
        // A markdown table names neither the GPU nor the model file: the options say them.
        QTest::newRow("md") << u"rtx4090-qwen2.5-7b.md"_s
                            << QStringList{u"--gpu"_s, u"RTX 4090"_s, u"--model"_s,
                                           u"Qwen2.5-7B-Instruct"_s}
                            << u"md"_s << 3 << u"gpu"_s << 1;
        QTest::newRow("two GPUs") << u"2x-rtx3090-llama3.3-70b.json"_s << QStringList{} << u"json"_s
                                  << 2 << u"gpu"_s << 2;
        QTest::newRow("CPU only") << u"ryzen9950x-cpu-llama3.1-8b.csv"_s
                                  << QStringList{u"--channels"_s, u"2"_s, u"--mts"_s, u"5600"_s}
                                  << u"csv"_s << 2 << u"cpu"_s << 0;
    }
    void importsEveryFormat() {
        QFETCH(QString, file);
        QFETCH(QStringList, options);
        QFETCH(QString, format);
        QFETCH(int, rows);
        QFETCH(QString, kind);
        QFETCH(int, gpus);
        const QString db = newDatabase();
        // A dry run shows the rows and stores nothing.
        Run r = run(QStringList{u"measurements"_s, u"import"_s, fixture(file), u"--dry-run"_s,
                                u"--database"_s, db} +
                    options);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"dry_run"_s).toBool(), true);
        QCOMPARE(o.value(u"measurements"_s).toArray().size(), rows);
        QCOMPARE(list(db).size(), 0);

        r = run(QStringList{u"measurements"_s, u"import"_s, fixture(file), u"--database"_s, db} +
                options);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"format"_s).toString(), format);
        QCOMPARE(o.value(u"stored"_s).toInt(), rows);
        const QJsonArray stored = list(db);
        QCOMPARE(stored.size(), rows);
        for (const QJsonValue &v : stored) {
            const QJsonObject m = v.toObject();
            QCOMPARE(m.value(u"hardware_kind"_s).toString(), kind);
            QCOMPARE(m.value(u"gpu_count"_s).toInt(), gpus);
            QVERIFY(m.value(u"tok_s"_s).toDouble() > 0);
            QVERIFY2(m.value(u"source"_s).toString().startsWith(u"your measurement, "_s + file),
                     qPrintable(m.value(u"source"_s).toString()));
        }
        if (kind == u"cpu"_s)
            QCOMPARE(stored.at(0).toObject().value(u"cpu"_s).toString(), u"AMD Ryzen 9 9950X"_s);
        if (format == u"md"_s)
            QCOMPARE(o.value(u"skipped"_s).toArray().size(), 1); // pp512 @ d4096
        // The same file again stores nothing twice.
        r = run(QStringList{u"measurements"_s, u"import"_s, fixture(file), u"--database"_s, db} +
                options);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"already_stored"_s).toInt(), rows);
        QCOMPARE(list(db).size(), rows);
    }

    void calibratesAndRemovalRestores() {
        const QString db = newDatabase();
        const QStringList catalogue{u"--database"_s, db};
        const QJsonObject before = estimate(u"Qwen2.5-7B-Instruct"_s, catalogue);
        const QJsonObject otherBefore = estimate(u"Llama-3.1-8B-Instruct"_s, catalogue);
        QVERIFY(!before.isEmpty() && !otherBefore.isEmpty());
        // Without measurements of the user's, the catalogue file changes nothing.
        const QJsonObject builtin = estimate(u"Qwen2.5-7B-Instruct"_s, {u"--builtin"_s});
        QCOMPARE(before.value(u"gen_tok_s"_s).toDouble(), builtin.value(u"gen_tok_s"_s).toDouble());
        QVERIFY(!before.value(u"assumptions"_s).toObject().contains(u"your_measurements"_s));
        QVERIFY(!before.contains(u"measured_on_your_machine"_s));

        // The user measured 20 % below today's estimate, both phases.
        const double gen = 0.8 * before.value(u"gen_tok_s"_s).toDouble();
        const double pp = 0.8 * before.value(u"prompt_tok_s"_s).toDouble();
        QFile f(fixture(u"rtx4090-qwen2.5-7b.json"_s));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonArray rows = QJsonDocument::fromJson(f.readAll()).array();
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QJsonObject row = rows.at(i).toObject();
            row.insert(u"avg_ts"_s, row.value(u"n_gen"_s).toInt() > 0 ? gen : pp);
            rows.replace(i, row);
        }
        const QString slow = writeFile(u"slow.json"_s, QJsonDocument(rows).toJson());
        Run r = run({u"measurements"_s, u"import"_s, slow, u"--database"_s, db});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        const QJsonObject after = estimate(u"Qwen2.5-7B-Instruct"_s, catalogue);
        const double genAfter = after.value(u"gen_tok_s"_s).toDouble();
        const double ppAfter = after.value(u"prompt_tok_s"_s).toDouble();
        QVERIFY2(std::fabs(genAfter - gen) / gen < 0.05,
                 qPrintable(u"generation %1, measured %2"_s.arg(genAfter).arg(gen)));
        QVERIFY2(std::fabs(ppAfter - pp) / pp < 0.05,
                 qPrintable(u"prompt %1, measured %2"_s.arg(ppAfter).arg(pp)));
        const QJsonObject a = after.value(u"assumptions"_s).toObject();
        QCOMPARE(a.value(u"your_measurements"_s).toInt(), 2);
        QCOMPARE(a.value(u"calibration_note"_s).toString(),
                 u"calibrated with 2 of your measurements"_s);
        const QJsonObject measured = after.value(u"measured_on_your_machine"_s).toObject();
        QCOMPARE(measured.value(u"generation"_s).toObject().value(u"tok_s"_s).toDouble(), gen);
        QVERIFY(measured.value(u"generation"_s)
                    .toObject()
                    .value(u"text"_s)
                    .toString()
                    .startsWith(u"measured on your machine: "_s));
        QCOMPARE(measured.value(u"generation"_s).toObject().value(u"date"_s).toString(),
                 u"2025-04-24"_s);

        // Another model on the same hardware class moves the same way, and shows
        // no measurement (none was made with it).
        const QJsonObject other = estimate(u"Llama-3.1-8B-Instruct"_s, catalogue);
        QVERIFY(other.value(u"gen_tok_s"_s).toDouble() <
                0.9 * otherBefore.value(u"gen_tok_s"_s).toDouble());
        QVERIFY(other.value(u"prompt_tok_s"_s).toDouble() <
                0.9 * otherBefore.value(u"prompt_tok_s"_s).toDouble());
        QVERIFY(!other.contains(u"measured_on_your_machine"_s));
        QCOMPARE(other.value(u"assumptions"_s).toObject().value(u"your_measurements"_s).toInt(), 2);

        // The table says it too.
        const QString scenario = m_dir.filePath(u"scenario-Qwen2.5-7B-Instruct.json"_s);
        r = run({u"estimate"_s, u"--scenario"_s, scenario, u"--format"_s, u"table"_s,
                 u"--database"_s, db});
        QVERIFY(r.out.contains("Calibrated with 2 of your measurements"));
        QVERIFY(r.out.contains("Generation measured on your machine: "));

        // Removing the rows restores today's figures exactly.
        QStringList remove{u"measurements"_s, u"remove"_s};
        for (const QJsonValue &v : list(db))
            remove << QString::number(v.toObject().value(u"id"_s).toInteger());
        QCOMPARE(remove.size(), 4);
        r = run(remove + QStringList{u"--database"_s, db});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(list(db).size(), 0);
        const QJsonObject restored = estimate(u"Qwen2.5-7B-Instruct"_s, catalogue);
        const QJsonObject otherRestored = estimate(u"Llama-3.1-8B-Instruct"_s, catalogue);
        for (const QString &key :
             {u"gen_tok_s"_s, u"prompt_tok_s"_s, u"gen_tok_s_low"_s, u"gen_tok_s_high"_s}) {
            QCOMPARE(restored.value(key).toDouble(), before.value(key).toDouble());
            QCOMPARE(otherRestored.value(key).toDouble(), otherBefore.value(key).toDouble());
        }
        QCOMPARE(restored.value(u"assumptions"_s), before.value(u"assumptions"_s));
    }

    // Issue 17 item 3: the user's measurements are exported and imported with
    // catalogue packs, and a second catalogue estimates with them as the first.
    void travelWithCataloguePacks() {
        const QString first = newDatabase();
        Run r = run({u"measurements"_s, u"import"_s, fixture(u"rtx4090-qwen2.5-7b.json"_s),
                     u"--database"_s, first});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray stored = list(first);
        QCOMPARE(stored.size(), 2);
        const QString pack = m_dir.filePath(u"with-measurements.pack.json"_s);
        r = run(
            {u"catalog"_s, u"export"_s, u"pack"_s, u"--output"_s, pack, u"--database"_s, first});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(pack);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(json.value(u"format_version"_s).toInt(), 2);
        QCOMPARE(json.value(u"measurements"_s).toArray().size(), 2);

        // A fresh catalogue: the same rows, however often the pack is imported.
        const QString second = newDatabase();
        QCOMPARE(list(second).size(), 0);
        r = run({u"catalog"_s, u"import"_s, pack, u"--database"_s, second});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("2 of your measurements stored"), r.out.constData());
        r = run({u"catalog"_s, u"import"_s, pack, u"--database"_s, second});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("0 of your measurements stored (2 were stored already)"),
                 r.out.constData());
        const QJsonArray carried = list(second);
        QCOMPARE(carried.size(), 2);
        for (qsizetype i = 0; i < 2; ++i) {
            QJsonObject a = stored.at(i).toObject(), b = carried.at(i).toObject();
            for (const QString &key :
                 {u"tok_s"_s, u"gpu"_s, u"gpu_count"_s, u"cpu"_s, u"model"_s, u"quant"_s, u"test"_s,
                  u"date"_s, u"source"_s, u"imported_at"_s, u"backend"_s})
                QCOMPARE(b.value(key), a.value(key));
        }
        QVERIFY(carried.at(0).toObject().value(u"tok_s"_s).toDouble() > 0);
        // The estimate reads them as after measurements import.
        const QJsonObject here = estimate(u"Qwen2.5-7B-Instruct"_s, {u"--database"_s, first});
        const QJsonObject there = estimate(u"Qwen2.5-7B-Instruct"_s, {u"--database"_s, second});
        QCOMPARE(there.value(u"assumptions"_s).toObject().value(u"calibration_note"_s).toString(),
                 u"calibrated with 2 of your measurements"_s);
        QCOMPARE(there.value(u"gen_tok_s"_s).toDouble(), here.value(u"gen_tok_s"_s).toDouble());
        QCOMPARE(there.value(u"measured_on_your_machine"_s),
                 here.value(u"measured_on_your_machine"_s));

        // A broken measurement refuses the pack, names it, and writes nothing.
        const auto broken = [&](const QString &name, const QString &field,
                                const QJsonValue &value) {
            QJsonObject o = json;
            QJsonArray m = o.value(u"measurements"_s).toArray();
            QJsonObject one = m.at(0).toObject();
            one.insert(field, value);
            m.replace(0, one);
            o.insert(u"measurements"_s, m);
            return writeFile(name, QJsonDocument(o).toJson());
        };
        const QString third = newDatabase();
        for (const auto &[file, error] :
             {std::pair{broken(u"slow.pack.json"_s, u"tok_s"_s, -1.0),
                        u"measurement 1: tok_s: -1 is not allowed (must be above 0)"_s},
              std::pair{broken(u"gpu.pack.json"_s, u"gpu"_s, u"RTX 4099"_s),
                        u"measurement 1: gpu: 'RTX 4099' is not in the catalogue"_s}}) {
            r = run({u"catalog"_s, u"import"_s, file, u"--database"_s, third});
            QCOMPARE(r.exitCode, 2);
            const QString err = QString::fromUtf8(r.err);
            QVERIFY2(err.startsWith(error), qPrintable(err));
            QVERIFY2(err.contains(u"1 of 2 measurements have errors; nothing was imported"_s),
                     qPrintable(err));
            QCOMPARE(list(third).size(), 0);
        }
        r = run({u"catalog"_s, u"import"_s, broken(u"dry.pack.json"_s, u"tok_s"_s, -1.0),
                 u"--dry-run"_s, u"--skip-bad"_s, u"--database"_s, third});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("1 of your measurements would be stored, 1 skipped"),
                 r.out.constData());
        QCOMPARE(list(third).size(), 0);

        // A pack from a newer program is refused by its version.
        QJsonObject newer = json;
        newer.insert(u"format_version"_s, 3);
        r = run({u"catalog"_s, u"import"_s,
                 writeFile(u"newer.pack.json"_s, QJsonDocument(newer).toJson()), u"--database"_s,
                 third});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("format_version: 3 is not supported (this program reads versions "
                                "1 and 2)"),
                 r.err.constData());
        QCOMPARE(list(third).size(), 0);
    }

    void refusesBadInput() {
        const QString db = newDatabase();
        const QStringList at{u"--database"_s, db};
        const QStringList import{u"measurements"_s, u"import"_s};
        // An unknown GPU: the field and the closest catalogue names.
        expectRefusal(run(import + QStringList{fixture(u"unknown-gpu.json"_s)} + at), u"gpu_info"_s,
                      {u"RTX 4099"_s, u"NVIDIA GeForce RTX 4090"_s, u"--gpu"_s});
        expectRefusal(run(import + QStringList{fixture(u"empty.json"_s)} + at), u"file"_s,
                      {u"empty"_s});
        expectRefusal(run(import + QStringList{fixture(u"malformed.json"_s)} + at), u"file"_s,
                      {u"JSON"_s});
        expectRefusal(run(import + QStringList{fixture(u"not-llama-bench.json"_s)} + at), u"file"_s,
                      {u"not llama-bench output"_s});
        // A markdown table without the names it cannot know.
        expectRefusal(run(import + QStringList{fixture(u"rtx4090-qwen2.5-7b.md"_s)} + at),
                      u"gpu_info"_s, {u"--gpu"_s});
        expectRefusal(
            run(import +
                QStringList{fixture(u"rtx4090-qwen2.5-7b.md"_s), u"--gpu"_s, u"RTX 4090"_s} + at),
            u"model_filename"_s, {u"--model"_s});
        // Options that name what the catalogue does not have.
        expectRefusal(
            run(import +
                QStringList{fixture(u"rtx4090-qwen2.5-7b.json"_s), u"--gpu"_s, u"RTX 4099"_s} + at),
            u"--gpu"_s, {u"NVIDIA GeForce RTX 4090"_s});
        expectRefusal(
            run(import +
                QStringList{fixture(u"rtx4090-qwen2.5-7b.json"_s), u"--quant"_s, u"Q9_K"_s} + at),
            u"--quant"_s);
        expectRefusal(
            run(import +
                QStringList{fixture(u"rtx4090-qwen2.5-7b.json"_s), u"--channels"_s, u"0"_s} + at),
            u"--channels"_s);
        expectRefusal(run(import + QStringList{u"/nonexistent/bench.json"_s} + at), u"file"_s);
        expectRefusal(run({u"measurements"_s, u"remove"_s, u"99"_s, u"--database"_s, db}), u"ID"_s,
                      {u"99"_s});
        expectRefusal(run({u"measurements"_s, u"list"_s, u"--gpu"_s, u"x"_s, u"--database"_s, db}),
                      u"--gpu"_s);
        // Nothing of it was stored.
        QCOMPARE(list(db).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMeasurements)
#include "tst_measurements.moc"
