// SPDX-License-Identifier: MIT
// llmadvisor-cli catalog import / export against a scratch database: exit 2
// with one line per bad row and nothing written; --skip-bad, --dry-run,
// export to a file, and a pack carried to a second database. The verbs that
// read the catalogue (estimate, recommend, catalog list, validate) read the
// user's catalogue, --database names another (which must exist), --builtin
// the built-in data only; a catalogue of an earlier llmadvisor-cli is moved once.

#include "process.h"
#include "profile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

using Run = llm::testsupport::ProcessRun;

// A profile of its own (XDG folders under `home`), so "your catalogue" is a fresh one.
using llm::testsupport::isolatedProfile;

Run cli(const QStringList &args, const QProcessEnvironment &env = {}) {
    return llm::testsupport::runCli(args, llm::testsupport::RunOptions().in(env).within(30000));
}

QString fixture(const QString &name) {
    return QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/db/import/") + name;
}

// Names in a `catalog list` JSON answer -> their "origin".
QMap<QString, QString> listed(const QByteArray &json) {
    QMap<QString, QString> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array())
        out.insert(v[u"name"_s].toString(), v[u"origin"_s].toString());
    return out;
}

// price_eur of each build of an `estimate` JSON answer, by build name.
QMap<QString, double> prices(const QByteArray &json) {
    QMap<QString, double> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array())
        out.insert(v[u"build"_s].toString(), v[u"price_eur"_s].toDouble(-1));
    return out;
}

} // namespace

class TestCatalogCli final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void badRowsRefused_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("errors");
        QTest::newRow("supplier")
            << u"supplier.csv"_s
            << QStringList{u"line 3: vram_gb: 0 is out of range (allowed: a number more than 0 up "
                           "to 65536 GB)"_s,
                           u"line 5: bandwidth_gbs: empty, a value is required (a number more "
                           "than 0 up to 1000000 GB/s)"_s};
        QTest::newRow("duplicates")
            << u"duplicates.csv"_s
            << QStringList{u"line 4: name: 'Acme Twice' appears twice (first on line 2)"_s};
    }
    void badRowsRefused() {
        QFETCH(QString, file);
        QFETCH(QStringList, errors);
        const QString db = m_dir.filePath(file + u".sqlite"_s);
        const Run r = cli({u"catalog"_s, u"import"_s, fixture(file), u"--table"_s, u"gpus"_s,
                           u"--database"_s, db});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QStringList lines = QString::fromUtf8(r.err).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(lines.size() == errors.size() + 1);
        QVERIFY(lines.takeLast().startsWith(u"error: "_s));
        QCOMPARE(lines, errors);
        QVERIFY(!QFile::exists(db)); // nothing written, not even a new database
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown table")
            << QStringList{u"import"_s, fixture(u"supplier.csv"_s), u"--table"_s, u"pets"_s}
            << u"error: --table: unknown table"_s;
        QTest::newRow("no table for CSV")
            << QStringList{u"import"_s, fixture(u"supplier.csv"_s)} << u"error: "_s;
        QTest::newRow("missing file")
            << QStringList{u"import"_s, m_dir.filePath(u"none.csv"_s), u"--table"_s, u"gpus"_s}
            << u"error: FILE: "_s;
        QTest::newRow("empty file")
            << QStringList{u"import"_s, fixture(u"empty.csv"_s), u"--table"_s, u"gpus"_s}
            << u"error: "_s;
        QTest::newRow("export format")
            << QStringList{u"export"_s, u"gpus"_s, u"--format"_s, u"xml"_s}
            << u"error: --format: unknown format"_s;
        // D17: a pack names its own tables; --table was silently ignored.
        QTest::newRow("pack with --table")
            << QStringList{u"import"_s, fixture(u"pack.json"_s), u"--table"_s, u"cpus"_s}
            << u"error: --table: a catalogue pack names its own tables"_s;
        QTest::newRow("--table twice") << QStringList{u"import"_s,  fixture(u"supplier.csv"_s),
                                                      u"--table"_s, u"cpus"_s,
                                                      u"--table"_s, u"gpus"_s}
                                       << u"error: --table: given more than once"_s;
        QTest::newRow("import --format") << QStringList{u"import"_s,   fixture(u"supplier.csv"_s),
                                                        u"--table"_s,  u"gpus"_s,
                                                        u"--format"_s, u"xml"_s}
                                         << u"error: --format: applies to catalog export"_s;
        QTest::newRow("export --dry-run") << QStringList{u"export"_s, u"gpus"_s, u"--dry-run"_s}
                                          << u"error: --dry-run: applies to catalog import"_s;
    }
    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        const Run r = cli(QStringList{u"catalog"_s} + args +
                          QStringList{u"--database"_s, m_dir.filePath(u"usage.sqlite"_s)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(error.toUtf8()), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }

    // D18: --skip-bad skipped rows with bad values but refused the whole file
    // for one row with the wrong number of cells or broken quoting.
    void skipBadSkipsMalformedRows_data() {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("badLine");
        const QByteArray header = "name,vendor,vram_gb,bandwidth_gbs\n";
        QTest::newRow("22 cells") << header + "Acme A,Acme,24,900\nAcme L,Acme,24,900,x,y\n"
                                  << u"line 3: 6 cells, the header has 4"_s;
        QTest::newRow("short row") << header + "Acme A,Acme,24,900\nAcme S,Acme\n"
                                   << u"line 3: 2 cells, the header has 4"_s;
        QTest::newRow("unterminated quote") << header + "Acme A,Acme,24,900\n\"Acme U,Acme,24,900\n"
                                            << u"line 3: a quoted cell is never closed"_s;
        QTest::newRow("stray quote") << header + "Acme A,Acme,24,900\nAcme \"Q\",Acme,24,900\n"
                                     << u"line 3: a double quote is out of place"_s;
    }
    void skipBadSkipsMalformedRows() {
        QFETCH(QByteArray, csv);
        QFETCH(QString, badLine);
        const QString file = m_dir.filePath(u"malformed.csv"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(csv);
        f.close();
        const QString db = m_dir.filePath(u"malformed.sqlite"_s);
        const QStringList import{u"catalog"_s, u"import"_s,     file, u"--table"_s,
                                 u"gpus"_s,    u"--database"_s, db,   u"--create"_s};
        Run r = cli(import);
        QCOMPARE(r.exitCode, 2); // without --skip-bad: nothing written, the line named
        QVERIFY2(r.err.startsWith(badLine.toUtf8()), r.err.constData());
        r = cli(import + QStringList{u"--skip-bad"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("1 rows imported, 1 skipped.\n"));
        QVERIFY2(r.err.startsWith(badLine.toUtf8()), r.err.constData());
        QFile::remove(db);
    }

    void skipBadDryRunExportAndPack() {
        const QString db = m_dir.filePath(u"a.sqlite"_s);
        const QStringList import{u"catalog"_s,  u"import"_s,     fixture(u"supplier.csv"_s),
                                 u"--table"_s,  u"gpus"_s,       u"--skip-bad"_s,
                                 u"--create"_s, u"--database"_s, db};
        Run r = cli(import + QStringList{u"--dry-run"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("3 rows would be imported, 2 skipped"));
        QVERIFY(!QFile::exists(db));
        r = cli(import);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("3 rows imported, 2 skipped.\n"));
        r = cli({u"catalog"_s, u"export"_s, u"gpus"_s, u"--format"_s, u"csv"_s, u"--user-only"_s,
                 u"--database"_s, db});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count('\n'), 4); // header + 3 rows
        QVERIFY(r.out.contains("Supplier E,Acme"));
        const QString pack = m_dir.filePath(u"org.json"_s);
        r = cli({u"catalog"_s, u"export"_s, u"pack"_s, u"--output"_s, pack, u"--database"_s, db});
        QCOMPARE(r.exitCode, 0);
        const QString other = m_dir.filePath(u"b.sqlite"_s);
        r = cli({u"catalog"_s, u"import"_s, pack, u"--create"_s, u"--database"_s, other});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("3 rows imported, 0 skipped.\n"));
        r = cli({u"catalog"_s, u"export"_s, u"gpus"_s, u"--format"_s, u"json"_s, u"--user-only"_s,
                 u"--database"_s, other});
        QVERIFY(r.out.contains("\"Supplier C\""));
    }

    // D11: a --database path that does not exist is refused by every verb, in
    // one line naming it; neither the file nor its folders are made.
    void mistypedDatabaseIsRefused_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("export") << QStringList{u"catalog"_s,     u"export"_s,   u"pack"_s,
                                               u"--user-only"_s, u"--output"_s, u"OUT"_s};
        QTest::newRow("import") << QStringList{u"catalog"_s, u"import"_s,
                                               fixture(u"acme_and_override.csv"_s), u"--table"_s,
                                               u"gpus"_s};
        QTest::newRow("list") << QStringList{u"catalog"_s, u"list"_s, u"gpus"_s};
        QTest::newRow("path") << QStringList{u"catalog"_s, u"path"_s};
        QTest::newRow("estimate") << QStringList{u"estimate"_s, u"--scenario"_s,
                                                 fixture(u"acme_scenario.json"_s)};
        QTest::newRow("recommend")
            << QStringList{u"recommend"_s, u"--model"_s, u"Qwen2.5-14B-Instruct"_s};
        QTest::newRow("validate") << QStringList{
            u"validate"_s, u"--measured"_s,
            QStringLiteral(LLMADVISOR_SOURCE_DIR "/tests/calibration/data/small.csv")};
    }
    void mistypedDatabaseIsRefused() {
        QFETCH(QStringList, args);
        QTemporaryDir home;
        const QString typo = home.filePath(u"typo/catalogue.sqlite"_s);
        args.replaceInStrings(u"OUT"_s, home.filePath(u"backup.json"_s));
        const Run r = cli(args + QStringList{u"--database"_s, typo}, isolatedProfile(home.path()));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.startsWith("error: --database: "), r.err.constData());
        QVERIFY2(r.err.contains(QDir::toNativeSeparators(typo).toUtf8()), r.err.constData());
        QVERIFY(!QFileInfo::exists(home.filePath(u"typo"_s)));
        QVERIFY(!QFileInfo::exists(home.filePath(u"backup.json"_s)));
        QVERIFY(!QFileInfo::exists(home.filePath(u"data"_s))); // nor the default catalogue
    }

    // D3: a GPU imported with `catalog import` (and a shipped GPU's price
    // overridden) reaches catalog list, estimate and recommend through the
    // user's catalogue; --builtin leaves them out; --database reads another file.
    void importedPartsReachEveryVerb() {
        QTemporaryDir home;
        const QProcessEnvironment env = isolatedProfile(home.path());
        Run r = cli({u"catalog"_s, u"path"_s}, env);
        QCOMPARE(r.exitCode, 0);
        const QString path = QString::fromUtf8(r.out).trimmed();
        QCOMPARE(path, QDir::toNativeSeparators(
                           home.filePath(u"data/LlmAdvisor/LlmAdvisor/catalogue.sqlite"_s)));
        r = cli({u"catalog"_s, u"import"_s, fixture(u"acme_and_override.csv"_s), u"--table"_s,
                 u"gpus"_s},
                env);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("2 rows imported, 0 skipped.\n"));
        QVERIFY(QFile::exists(path));

        r = cli({u"catalog"_s, u"list"_s, u"gpus"_s}, env);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QByteArray());
        const QMap<QString, QString> origins = listed(r.out);
        QCOMPARE(origins.value(u"Acme Supplier 5090 Turbo"_s), u"user"_s);
        QCOMPARE(origins.value(u"NVIDIA GeForce RTX 5090"_s), u"overridden"_s);
        QCOMPARE(origins.value(u"NVIDIA GeForce RTX 3090"_s), u"shipped"_s);
        r = cli({u"catalog"_s, u"list"_s, u"gpus"_s, u"--format"_s, u"table"_s}, env);
        QVERIFY(r.out.contains("Acme Supplier 5090 Turbo"));
        r = cli({u"catalog"_s, u"list"_s, u"gpus"_s, u"--builtin"_s}, env);
        QVERIFY(!listed(r.out).contains(u"Acme Supplier 5090 Turbo"_s));

        const QString scenario = fixture(u"acme_scenario.json"_s);
        r = cli({u"estimate"_s, u"--scenario"_s, scenario}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.err, QByteArray());
        const QMap<QString, double> user = prices(r.out);
        const double acme = user.value(u"Acme box"_s), rtx = user.value(u"RTX 5090 box"_s);
        // Same platform; the GPUs cost 99 USD and (overridden) 100,000 USD.
        QVERIFY2(rtx - acme > 50000, qPrintable(QString::number(rtx - acme)));
        r = cli({u"estimate"_s, u"--scenario"_s, scenario, u"--builtin"_s}, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("error: builds[0].gpus[0].model: unknown GPU"),
                 r.err.constData());
        // With the built-in 1,999 USD: (100,000 - 99) / (1,999 - 99) of the built-in difference.
        QTemporaryDir other;
        const QString builtinScenario = other.filePath(u"rtx.json"_s);
        {
            QFile in(scenario), out(builtinScenario);
            QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
            out.write(in.readAll().replace("Acme Supplier 5090 Turbo", "NVIDIA GeForce RTX 3090"));
        }
        r = cli({u"estimate"_s, u"--scenario"_s, builtinScenario, u"--builtin"_s}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const double builtinRtx = prices(r.out).value(u"RTX 5090 box"_s);
        QVERIFY(builtinRtx > 0 && builtinRtx < rtx);
        QVERIFY2(std::fabs((rtx - acme) / (builtinRtx - acme) - 99901.0 / 1900.0) < 1e-3,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(acme).arg(rtx).arg(builtinRtx)));

        // recommend may propose the imported card (same speed as an RTX 5090, 99 USD).
        const QStringList recommend{u"recommend"_s,   u"--model"_s, u"Qwen2.5-14B-Instruct"_s,
                                    u"--use-cases"_s, u"UC1,UC2"_s, u"--budget-eur"_s,
                                    u"8000"_s,        u"--top"_s,   u"0"_s};
        r = cli(recommend, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("\"Acme Supplier 5090 Turbo\""));
        r = cli(recommend + QStringList{u"--builtin"_s}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.contains("Acme Supplier 5090 Turbo"));

        // --database: another catalogue file (here a copy of the user's).
        const QString copy = other.filePath(u"copy.sqlite"_s);
        QVERIFY(QFile::copy(path, copy));
        r = cli({u"estimate"_s, u"--scenario"_s, scenario, u"--database"_s, copy},
                isolatedProfile(other.path()));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(prices(r.out), user);
        r = cli({u"estimate"_s, u"--scenario"_s, scenario, u"--database"_s, copy, u"--builtin"_s},
                env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("error: --builtin: "), r.err.constData());
    }

    // A default catalogue that cannot be used: the verbs go on with the
    // built-in data and say so in one note; the same file named with
    // --database is an error (nothing is used in its place).
    void unusableCatalogueIsNeverSilent() {
        QTemporaryDir home;
        const QProcessEnvironment env = isolatedProfile(home.path());
        const QString path = home.filePath(u"data/LlmAdvisor/LlmAdvisor/catalogue.sqlite"_s);
        QVERIFY(QDir().mkpath(path)); // a folder where the file should be
        const QString scenario =
            QStringLiteral(LLMADVISOR_SOURCE_DIR "/resources/scenarios/seed-comparison.json");
        Run r = cli({u"estimate"_s, u"--scenario"_s, scenario}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.startsWith("note: ") && r.err.contains("is a folder") &&
                     r.err.contains("The built-in catalogue is used."),
                 r.err.constData());
        r = cli({u"estimate"_s, u"--scenario"_s, scenario, u"--database"_s, path}, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.startsWith("error: --database: ") && r.err.contains("is a folder"),
                 r.err.constData());
        r = cli({u"estimate"_s, u"--scenario"_s, scenario, u"--builtin"_s}, env);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QByteArray()); // the built-in data asked for: nothing to say
    }

    // O1: importing a full export again changes nothing: rows equal to the
    // built-in ones do not become overrides; only a row that differs does.
    void reimportOfAFullExportKeepsBuiltinRows() {
        QTemporaryDir home;
        const QProcessEnvironment env = isolatedProfile(home.path());
        const QString full = home.filePath(u"gpus.csv"_s);
        Run r = cli(
            {u"catalog"_s, u"export"_s, u"gpus"_s, u"--format"_s, u"csv"_s, u"--output"_s, full},
            env);
        QCOMPARE(r.exitCode, 0);
        const QStringList userOnly{u"catalog"_s,  u"export"_s, u"gpus"_s,
                                   u"--format"_s, u"csv"_s,    u"--user-only"_s};
        r = cli({u"catalog"_s, u"import"_s, full, u"--table"_s, u"gpus"_s}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("0 rows imported, 0 skipped; ") &&
                     r.out.contains("were the same as the built-in rows"),
                 r.out.constData());
        r = cli(userOnly, env);
        QCOMPARE(r.out.count('\n'), 1); // the header only: no overrides
        r = cli({u"catalog"_s, u"list"_s, u"gpus"_s}, env);
        QVERIFY(!listed(r.out).values().contains(u"overridden"_s));

        // One changed price: that row, and only that row, becomes the user's.
        QFile f(full);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = f.readAll().split('\n');
        f.close();
        int changed = 0;
        for (QByteArray &line : lines) {
            if (line.startsWith("NVIDIA GeForce RTX 5090,") && line.contains(",1999,")) {
                line.replace(",1999,", ",2499,");
                ++changed;
            }
        }
        QCOMPARE(changed, 1);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(lines.join('\n'));
        f.close();
        r = cli({u"catalog"_s, u"import"_s, full, u"--table"_s, u"gpus"_s}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("1 rows imported, 0 skipped; "), r.out.constData());
        r = cli(userOnly, env);
        QCOMPARE(r.out.count('\n'), 2);
        QVERIFY(r.out.contains("NVIDIA GeForce RTX 5090,"));
    }

    // D2: the catalogue of an earlier llmadvisor-cli (another identity, another
    // folder) is moved once to the shared place, with a note saying where.
    void earlierCatalogueIsMovedOnce() {
        QTemporaryDir home;
        const QProcessEnvironment env = isolatedProfile(home.path());
        const QString old =
            home.filePath(u"data/LLM Procurement Advisor/llmadvisor/catalogue.sqlite"_s);
        Run r = cli({u"catalog"_s, u"import"_s, fixture(u"acme_and_override.csv"_s), u"--table"_s,
                     u"gpus"_s, u"--create"_s, u"--database"_s, old},
                    env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli({u"catalog"_s, u"list"_s, u"gpus"_s}, env);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.startsWith("note: Your catalogue was moved from "), r.err.constData());
        QVERIFY2(r.err.contains(QDir::toNativeSeparators(old).toUtf8()), r.err.constData());
        QCOMPARE(listed(r.out).value(u"Acme Supplier 5090 Turbo"_s), u"user"_s);
        QVERIFY(!QFile::exists(old));
        QVERIFY(QFile::exists(home.filePath(u"data/LlmAdvisor/LlmAdvisor/catalogue.sqlite"_s)));
        r = cli({u"catalog"_s, u"list"_s, u"gpus"_s}, env);
        QCOMPARE(r.err, QByteArray()); // once
        QCOMPARE(listed(r.out).value(u"Acme Supplier 5090 Turbo"_s), u"user"_s);
    }

    // D10: a catalogue missing a table is found, set aside and rebuilt; the
    // user's rows come back; the note says so in plain words, once.
    void missingTableIsRepaired() {
        QTemporaryDir home;
        const QProcessEnvironment env = isolatedProfile(home.path());
        Run r = cli({u"catalog"_s, u"import"_s, fixture(u"acme_and_override.csv"_s), u"--table"_s,
                     u"gpus"_s},
                    env);
        QCOMPARE(r.exitCode, 0);
        const QString folder = home.filePath(u"data/LlmAdvisor/LlmAdvisor"_s);
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
            raw.setDatabaseName(folder + u"/catalogue.sqlite"_s);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(u"PRAGMA foreign_keys = OFF"_s));
            QVERIFY(q.exec(u"DROP TABLE quants"_s));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(u"raw"_s);
        r = cli({u"catalog"_s, u"list"_s, u"quants"_s}, env);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.startsWith("note: ") && r.err.contains("the table quants is missing"),
                 r.err.constData());
        QVERIFY2(!r.err.contains("SQLite"), r.err.constData());
        QVERIFY(r.out.contains("\"Q4_K_M\""));
        QCOMPARE(QDir(folder).entryList({u"catalogue.sqlite.damaged-*"_s}, QDir::Files).size(), 1);
        r = cli({u"catalog"_s, u"list"_s, u"gpus"_s}, env);
        QCOMPARE(r.err, QByteArray());
        QCOMPARE(listed(r.out).value(u"Acme Supplier 5090 Turbo"_s), u"user"_s);
    }
};

QTEST_GUILESS_MAIN(TestCatalogCli)
#include "tst_catalogcli.moc"
