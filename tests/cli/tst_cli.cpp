// SPDX-License-Identifier: MIT
// Drives the built llmadvisor-cli with QProcess: golden outputs, every kind of
// bad input (exit 2, one error line naming the field, nothing on stdout), the
// catalogue listings, --help and --version.
#include "process.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

using Run = llm::testsupport::ProcessRun;

Run runCli(const QStringList &args, const QByteArray &stdinData = {}) {
    return llm::testsupport::runCli(
        args, llm::testsupport::RunOptions().withInput(stdinData).within(60000));
}

QString dataDir() {
    return QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/cli");
}

// Numbers may differ by a relative 1e-3 (they are written with four significant
// digits); everything else must be equal. Returns the first difference.
QString compareJson(const QJsonValue &actual, const QJsonValue &expected, const QString &path) {
    if (expected.isDouble() && actual.isDouble()) {
        const double a = actual.toDouble(), e = expected.toDouble();
        if (std::fabs(a - e) <= 1e-3 * std::max(std::fabs(a), std::fabs(e)) + 1e-9)
            return {};
        return path + u": "_s + QString::number(a) + u" != expected "_s + QString::number(e);
    }
    if (actual.type() != expected.type())
        return path + u": type differs"_s;
    if (expected.isObject()) {
        const QJsonObject a = actual.toObject(), e = expected.toObject();
        if (a.keys() != e.keys())
            return path + u": keys "_s + a.keys().join(u',') + u" != expected "_s +
                   e.keys().join(u',');
        for (const QString &k : e.keys())
            if (QString d = compareJson(a.value(k), e.value(k), path + u'.' + k); !d.isEmpty())
                return d;
        return {};
    }
    if (expected.isArray()) {
        const QJsonArray a = actual.toArray(), e = expected.toArray();
        if (a.size() != e.size())
            return path + u": length "_s + QString::number(a.size()) + u" != expected "_s +
                   QString::number(e.size());
        for (qsizetype i = 0; i < e.size(); ++i)
            if (QString d = compareJson(a.at(i), e.at(i), path + u'[' + QString::number(i) + u']');
                !d.isEmpty())
                return d;
        return {};
    }
    return actual == expected ? QString()
                              : path + u": "_s + actual.toVariant().toString() +
                                    u" != expected "_s + expected.toVariant().toString();
}

} // namespace

class TestCli final : public QObject {
    Q_OBJECT

private slots:
    void golden_data();
    void golden();
    void brokenInput_data();
    void brokenInput();
    void badArguments_data();
    void badArguments();
    void catalogList_data();
    void catalogList();
    void contractKeys();
    void stdinScenario();
    void tableFormat();
    void tableDoesNotFit();
    void shippedSeedComparison();
    void helpAndVersion_data();
    void helpAndVersion();
    void catalogActionsNamed_data();
    void catalogActionsNamed();
    void stdinTooLarge();
};

void TestCli::golden_data() {
    QTest::addColumn<QString>("caseDir");
    const QDir dir(dataDir());
    const QStringList cases = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(cases.size() >= 14, "the nine seed cases and the explicit-spec cases");
    for (const QString &c : cases)
        QTest::newRow(c.toUtf8().constData()) << dir.filePath(c);
}

void TestCli::golden() {
    QFETCH(QString, caseDir);
    const Run r = runCli({u"estimate"_s, u"--scenario"_s, caseDir + u"/scenario.json"_s});
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument actual = QJsonDocument::fromJson(r.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(actual.isArray());

    const QString expectedPath = caseDir + u"/expected.json"_s;
    // The estimator will be recalibrated: LLMADVISOR_UPDATE_GOLDEN=1 rewrites
    // the expected outputs (review the diff before committing it).
    if (qEnvironmentVariableIntValue("LLMADVISOR_UPDATE_GOLDEN") == 1) {
        QSaveFile f(expectedPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(r.out);
        QVERIFY(f.commit());
        qWarning("rewrote %s", qPrintable(expectedPath));
        return;
    }
    QFile f(expectedPath);
    QVERIFY2(f.open(QIODevice::ReadOnly),
             qPrintable(expectedPath + u" is missing; run with "
                                       u"LLMADVISOR_UPDATE_GOLDEN=1"_s));
    const QJsonDocument expected = QJsonDocument::fromJson(f.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QString diff = compareJson(actual.array(), expected.array(), u"$"_s);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestCli::brokenInput_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("field");
    const auto row = [](const char *file, const char *field) {
        QTest::newRow(file) << QString::fromLatin1(file) << QString::fromLatin1(field);
    };
    row("broken-malformed.json", "json");
    row("broken-empty-key.json",
        "\"\""); // found by fuzz_scenario: an empty key still names a field
    row("broken-empty.json", "json");
    row("broken-not-object.json", "json");
    row("broken-nan.json", "json");
    row("broken-infinite.json", "json");
    row("broken-channels-zero.json", "builds[0].memory.channels");
    row("broken-channels-negative.json", "builds[0].memory.channels");
    row("broken-channels-too-many.json", "builds[0].memory.channels");
    row("broken-channels-fraction.json", "builds[0].memory.channels");
    row("broken-channels-wrong-type.json", "builds[0].memory.channels");
    row("broken-speed-above-rated.json", "builds[0].memory.mts");
    row("broken-speed-not-a-grade.json", "builds[0].memory.mts");
    row("broken-capacity-zero.json", "builds[0].memory.capacity_gb");
    row("broken-capacity-negative.json", "builds[0].memory.capacity_gb");
    row("broken-capacity-above-max.json", "builds[0].memory.capacity_gb");
    row("broken-memory-missing.json", "builds[0].memory");
    row("broken-unknown-cpu.json", "builds[0].cpu");
    row("broken-ambiguous-cpu.json", "builds[0].cpu");
    row("broken-unknown-gpu.json", "builds[1].gpus[0].model");
    row("broken-unknown-model.json", "model");
    row("broken-unknown-quant.json", "model.quant");
    row("broken-unknown-use-case.json", "use_cases[1]");
    row("broken-unknown-preset.json", "builds[0].preset");
    row("broken-unknown-runtime.json", "runtime");
    row("broken-unknown-field.json", "builds[0].memory.chanels");
    row("broken-builds-wrong-type.json", "builds");
    row("broken-no-builds.json", "builds");
    row("broken-model-missing.json", "model");
    row("broken-cpu-missing-field.json", "builds[0].cpu.fclk_ghz");
    row("broken-cpu-wrong-type.json", "builds[0].cpu.avx512");
    row("broken-gpu-missing-field.json", "builds[0].gpus[0].model.bandwidth_gbs");
    row("broken-gpu-count-zero.json", "builds[0].gpus[0].count");
    row("broken-too-many-gpus.json", "builds[0].gpus[0].count");
    row("broken-model-missing-field.json", "model.n_layers");
    row("broken-moe-without-experts.json", "model.experts_total");
    row("broken-use-case-tokens.json", "use_cases[0].prompt_tokens");
    row("broken-threshold-negative.json", "thresholds.max_prefill_s");
    row("broken-newer-format.json", "format_version");
    // Reliability review 2026-12 (D14, D15, D16, D20).
    row("broken-duplicate-key.json", "builds[0].memory.channels");
    row("broken-null.json", "json");
    row("broken-bandwidth-huge.json", "builds[0].gpus[0].model.bandwidth_gbs");
    row("broken-bandwidth-absurd.json", "builds[0].gpus[0].model.bandwidth_gbs");
    row("broken-escape-in-name.json", "builds[0].cpu");
    // A NUL in a key is shown as \u0000: it used to end the line there.
    row("broken-nul-in-key.json", "builds[0].x\\u0000y");
}

void TestCli::brokenInput() {
    QFETCH(QString, file);
    QFETCH(QString, field);
    const QString path = dataDir() + u'/' + file;
    QVERIFY2(QFile::exists(path), qPrintable(path));
    const Run r = runCli({u"estimate"_s, u"--scenario"_s, path, u"--format"_s, u"table"_s});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QByteArray());
    const QString err = QString::fromUtf8(r.err);
    QCOMPARE(err.count(u'\n'), 1);
    QVERIFY2(err.endsWith(u'\n'), qPrintable(err));
    QVERIFY2(err.startsWith(u"error: "_s + field + u": "_s), qPrintable(err));
    QVERIFY2(err.size() > field.size() + 12, "the message says what is wrong");
    // No control character from the file reaches the terminal raw.
    for (const char c : r.err)
        QVERIFY2(c == '\n' || static_cast<unsigned char>(c) >= 0x20, qPrintable(err));
    QVERIFY2(!err.contains(u"must be positive"_s), qPrintable(err)); // 1e300 is not "not positive"
}

void TestCli::badArguments_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("field");
    QTest::newRow("no verb") << QStringList{} << u"verb"_s;
    QTest::newRow("unknown verb") << QStringList{u"frobnicate"_s} << u"verb"_s;
    QTest::newRow("unknown global option") << QStringList{u"--frob"_s} << u"--frob"_s;
    QTest::newRow("unknown option") << QStringList{u"estimate"_s, u"--frob"_s} << u"--frob"_s;
    QTest::newRow("no scenario") << QStringList{u"estimate"_s} << u"--scenario"_s;
    QTest::newRow("missing file") << QStringList{u"estimate"_s, u"--scenario"_s,
                                                 u"/nonexistent/x.json"_s}
                                  << u"--scenario"_s;
    QTest::newRow("bad format") << QStringList{u"catalog"_s, u"list"_s, u"cpus"_s, u"--format"_s,
                                               u"xml"_s}
                                << u"--format"_s;
    QTest::newRow("unknown table")
        << QStringList{u"catalog"_s, u"list"_s, u"boats"_s} << u"table"_s;
    QTest::newRow("no table") << QStringList{u"catalog"_s, u"list"_s} << u"table"_s;
    QTest::newRow("unknown action")
        << QStringList{u"catalog"_s, u"show"_s, u"cpus"_s} << u"action"_s;
    // D17: a repeated option used to silently take the last value.
    const QString seed = dataDir() + u"/seed-2-9950x/scenario.json"_s;
    QTest::newRow("--format twice")
        << QStringList{u"estimate"_s, u"--scenario"_s, seed,     u"--format"_s,
                       u"table"_s,    u"--format"_s,   u"json"_s}
        << u"--format"_s;
    QTest::newRow("--scenario twice")
        << QStringList{u"estimate"_s, u"--scenario"_s, seed, u"--scenario"_s, seed}
        << u"--scenario"_s;
    QTest::newRow("--format=x twice")
        << QStringList{u"catalog"_s, u"list"_s, u"cpus"_s, u"--format=table"_s, u"--format=json"_s}
        << u"--format"_s;
    QTest::newRow("--table twice")
        << QStringList{u"catalog"_s, u"import"_s,  u"x.csv"_s, u"--table"_s,
                       u"cpus"_s,    u"--table"_s, u"gpus"_s}
        << u"--table"_s;
    // D17: options that do not apply to the action were silently ignored.
    QTest::newRow("import --format")
        << QStringList{u"catalog"_s, u"import"_s,   u"x.csv"_s, u"--table"_s,
                       u"gpus"_s,    u"--format"_s, u"xml"_s}
        << u"--format"_s;
    QTest::newRow("import --output")
        << QStringList{u"catalog"_s, u"import"_s, u"x.csv"_s, u"--output"_s, u"y.json"_s}
        << u"--output"_s;
    QTest::newRow("import --source")
        << QStringList{u"catalog"_s, u"import"_s, u"x.csv"_s, u"--source"_s, u"hi"_s}
        << u"--source"_s;
    QTest::newRow("export --skip-bad")
        << QStringList{u"catalog"_s, u"export"_s, u"gpus"_s, u"--skip-bad"_s} << u"--skip-bad"_s;
    QTest::newRow("export --dry-run")
        << QStringList{u"catalog"_s, u"export"_s, u"gpus"_s, u"--dry-run"_s} << u"--dry-run"_s;
    QTest::newRow("export table --source")
        << QStringList{u"catalog"_s, u"export"_s, u"gpus"_s, u"--source"_s, u"Acme"_s}
        << u"--source"_s;
}

void TestCli::badArguments() {
    QFETCH(QStringList, args);
    QFETCH(QString, field);
    const Run r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QByteArray());
    const QString err = QString::fromUtf8(r.err);
    QCOMPARE(err.count(u'\n'), 1);
    QVERIFY2(err.startsWith(u"error: "_s + field + u": "_s), qPrintable(err));
}

void TestCli::catalogList_data() {
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("knownName");
    QTest::addColumn<QString>("numberKey");
    QTest::newRow("cpus") << u"cpus"_s << u"AMD Ryzen 9 9950X"_s << u"memory_channels"_s;
    QTest::newRow("gpus") << u"gpus"_s << u"NVIDIA GeForce RTX 5090"_s << u"bandwidth_gbs"_s;
    QTest::newRow("models") << u"models"_s << u"Qwen2.5-14B-Instruct"_s << u"params_b"_s;
    QTest::newRow("quants") << u"quants"_s << u"Q4_K_M"_s << u"bits_per_weight"_s;
}

void TestCli::catalogList() {
    QFETCH(QString, table);
    QFETCH(QString, knownName);
    QFETCH(QString, numberKey);
    const Run json = runCli({u"catalog"_s, u"list"_s, table});
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(json.err, QByteArray());
    const QJsonDocument doc = QJsonDocument::fromJson(json.out);
    QVERIFY(doc.isArray());
    QVERIFY(doc.array().size() > 3);
    bool found = false;
    for (const QJsonValue &v : doc.array()) {
        QVERIFY(v.toObject().value(numberKey).isDouble());
        found = found || v.toObject().value(u"name"_s).toString() == knownName;
    }
    QVERIFY2(found, qPrintable(knownName));

    const Run text = runCli({u"catalog"_s, u"list"_s, table, u"--format"_s, u"table"_s});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(knownName.toUtf8()));
    QCOMPARE(text.out.count('\n'), doc.array().size() + 2); // title and rule
}

void TestCli::contractKeys() {
    const Run r =
        runCli({u"estimate"_s, u"--scenario"_s, dataDir() + u"/contract-example/scenario.json"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray builds = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(builds.size(), 2);
    for (const QJsonValue &b : builds) {
        const QJsonObject o = b.toObject();
        for (const char *key : {"build", "bandwidth", "placement", "fits", "memory_needed_gb",
                                "bottleneck", "prompt_tok_s", "gen_tok_s", "use_cases"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        for (const char *key : {"ram_gbs", "cpu_fabric_gbs", "system_gbs", "gpu_gbs"})
            QVERIFY2(o.value(u"bandwidth"_s).toObject().value(QLatin1String(key)).isDouble(), key);
        QCOMPARE(o.value(u"use_cases"_s).toArray().size(), 3);
        for (const QJsonValue &uc : o.value(u"use_cases"_s).toArray())
            for (const char *key : {"name", "prefill_s", "prefill_tok_s", "gen_tok_s", "total_s",
                                    "pass", "workflow", "why"})
                QVERIFY2(uc.toObject().contains(QLatin1String(key)), key);
    }
    // The seed's formula on the contract's first build: 4 ch x 8 B x 5200 MT/s.
    QCOMPARE(
        builds.at(0).toObject().value(u"bandwidth"_s).toObject().value(u"ram_gbs"_s).toDouble(),
        166.4);
    // estimate runs on the shipped, calibrated factors, not the bare defaults.
    const QJsonObject used = builds.at(0).toObject().value(u"assumptions"_s).toObject();
    QVERIFY(used.value(u"measurements"_s).toInt() > 0);
    QVERIFY(!used.value(u"fitted_on"_s).toString().isEmpty());
    QCOMPARE(builds.at(1).toObject().value(u"build"_s).toString(), u"custom box"_s);
    QCOMPARE(
        builds.at(1).toObject().value(u"bandwidth"_s).toObject().value(u"gpu_gbs"_s).toDouble(),
        1792.0);
}

void TestCli::stdinScenario() {
    QFile f(dataDir() + u"/seed-2-9950x/scenario.json"_s);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray scenario = f.readAll();
    const Run fromStdin = runCli({u"estimate"_s, u"--scenario"_s, u"-"_s}, scenario);
    QCOMPARE(fromStdin.exitCode, 0);
    const Run fromFile = runCli({u"estimate"_s, u"--scenario"_s, f.fileName()});
    QCOMPARE(fromStdin.out, fromFile.out);
    const Run broken = runCli({u"estimate"_s, u"--scenario"_s, u"-"_s}, "{\"builds\": [");
    QCOMPARE(broken.exitCode, 2);
    QVERIFY(broken.err.startsWith("error: json: "));
}

void TestCli::tableFormat() {
    const Run r = runCli({u"estimate"_s, u"--scenario"_s,
                          dataDir() + u"/seed-2-9950x/scenario.json"_s, u"--format"_s, u"table"_s});
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY(out.contains(u"Desktop: Ryzen 9 9950X"_s));
    QVERIFY(out.contains(u"89.6"_s)); // 2 ch x 8 B x 5600 MT/s
    for (const QString &h : {u"Build"_s, u"System GB/s"_s, u"Placement"_s, u"pp tok/s"_s,
                             u"tg tok/s"_s, u"UC1"_s, u"UC4"_s})
        QVERIFY2(out.contains(h), qPrintable(h));
    // A failing use case is explained under its build.
    QVERIFY(out.contains(u"FAIL"_s));
    QVERIFY(out.contains(u"UC2 fails: a 4,096-token prompt takes"_s));
}

void TestCli::tableDoesNotFit() {
    const Run r = runCli({u"estimate"_s, u"--scenario"_s, dataDir() + u"/mixed-fit/scenario.json"_s,
                          u"--format"_s, u"table"_s});
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY(out.contains(u"cpu (does not fit)"_s));
    // One line for the use cases that fail for the same reason.
    QVERIFY2(out.contains(u"UC1, UC2, UC3, UC4 fail: the model needs"_s), qPrintable(out));
}

void TestCli::shippedSeedComparison() {
    // What packaging/run.sh prints without a display.
    const Run r =
        runCli({u"estimate"_s, u"--scenario"_s,
                QStringLiteral(LLMADVISOR_SOURCE_DIR "/resources/scenarios/seed-comparison.json"),
                u"--format"_s, u"table"_s});
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    for (const char *name : {"Mini PC: Ryzen AI Max+ PRO 395", "Desktop: Ryzen 9 9950X + RTX 5090",
                             "Workstation: Threadripper 7970X + 2x RTX PRO 6000",
                             "Server: EPYC 9554P + 4x RTX PRO 6000"})
        QVERIFY2(r.out.contains(name), name);
    const Run json =
        runCli({u"estimate"_s, u"--scenario"_s,
                QStringLiteral(LLMADVISOR_SOURCE_DIR "/resources/scenarios/seed-comparison.json")});
    QCOMPARE(QJsonDocument::fromJson(json.out).array().size(), 9);
}

void TestCli::helpAndVersion_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--version") << QStringList{u"--version"_s} << u"llmadvisor-cli 0."_s;
    QTest::newRow("--help") << QStringList{u"--help"_s} << u"catalog list"_s;
    QTest::newRow("-h") << QStringList{u"-h"_s} << u"estimate --scenario"_s;
    QTest::newRow("estimate --help") << QStringList{u"estimate"_s, u"--help"_s} << u"--scenario"_s;
    QTest::newRow("catalog --help") << QStringList{u"catalog"_s, u"--help"_s} << u"--format"_s;
    // D19: the help hid catalog import and export.
    QTest::newRow("--help names import") << QStringList{u"--help"_s} << u"catalog import FILE"_s;
    QTest::newRow("--help names export") << QStringList{u"--help"_s} << u"catalog export"_s;
    QTest::newRow("catalog --help names import")
        << QStringList{u"catalog"_s, u"--help"_s} << u"import FILE"_s;
    QTest::newRow("catalog list --help names export")
        << QStringList{u"catalog"_s, u"list"_s, u"--help"_s} << u"export TABLE|pack"_s;
    QTest::newRow("catalog import --help")
        << QStringList{u"catalog"_s, u"import"_s, u"--help"_s} << u"--skip-bad"_s;
}

void TestCli::helpAndVersion() {
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const Run r = runCli(args);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QByteArray());
    QVERIFY2(QString::fromUtf8(r.out).contains(expected), r.out.constData());
}

// D19: "catalog frob" answered 'use "list"', bare "catalog" 'catalog list <table>'.
void TestCli::catalogActionsNamed_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no action") << QStringList{u"catalog"_s};
    QTest::newRow("unknown action") << QStringList{u"catalog"_s, u"frob"_s};
}

void TestCli::catalogActionsNamed() {
    QFETCH(QStringList, args);
    const Run r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    for (const char *action : {"list", "import", "export"})
        QVERIFY2(r.err.contains(action), r.err.constData());
}

// D8: "estimate --scenario - < /dev/zero" grew to gigabytes; it must stop at
// the size limit, quickly, with the one error line.
void TestCli::stdinTooLarge() {
    QProcess p;
    p.setStandardInputFile(u"/dev/zero"_s);
    QElapsedTimer timer;
    timer.start();
    p.start(llm::testsupport::cliProgram(), {u"estimate"_s, u"--scenario"_s, u"-"_s});
    QVERIFY(p.waitForStarted());
    if (!p.waitForFinished(20000)) {
        p.kill();
        p.waitForFinished();
        QFAIL("still reading /dev/zero after 20 s");
    }
    QCOMPARE(p.exitCode(), 2);
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(err.startsWith("error: --scenario: "), err.constData());
    QVERIFY2(err.contains("too large"), err.constData());
    QCOMPARE(err.count('\n'), 1);
    QVERIFY2(timer.elapsed() < 20000, "refused quickly");
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
