// SPDX-License-Identifier: MIT
// llmadvisor-cli catalog import / export against a scratch database: exit 2
// with one line per bad row and nothing written; --skip-bad, --dry-run,
// export to a file, and a pack carried to a second database.

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exit = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args) {
    QProcess p;
    p.start(QStringLiteral(LLMADVISOR_BINARY_DIR "/app/cli/llmadvisor-cli"), args);
    Run r;
    if (!p.waitForFinished(30000))
        return r;
    r.exit = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString fixture(const QString &name) {
    return QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/db/import/") + name;
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
        QCOMPARE(r.exit, 2);
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
        QCOMPARE(r.exit, 2);
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
                                 u"gpus"_s,    u"--database"_s, db};
        Run r = cli(import);
        QCOMPARE(r.exit, 2); // without --skip-bad: nothing written, the line named
        QVERIFY2(r.err.startsWith(badLine.toUtf8()), r.err.constData());
        r = cli(import + QStringList{u"--skip-bad"_s});
        QCOMPARE(r.exit, 0);
        QCOMPARE(r.out, QByteArray("1 rows imported, 1 skipped.\n"));
        QVERIFY2(r.err.startsWith(badLine.toUtf8()), r.err.constData());
        QFile::remove(db);
    }

    void skipBadDryRunExportAndPack() {
        const QString db = m_dir.filePath(u"a.sqlite"_s);
        const QStringList import{u"catalog"_s,    u"import"_s, fixture(u"supplier.csv"_s),
                                 u"--table"_s,    u"gpus"_s,   u"--skip-bad"_s,
                                 u"--database"_s, db};
        Run r = cli(import + QStringList{u"--dry-run"_s});
        QCOMPARE(r.exit, 0);
        QVERIFY(r.out.contains("3 rows would be imported, 2 skipped"));
        QVERIFY(!QFile::exists(db));
        r = cli(import);
        QCOMPARE(r.exit, 0);
        QCOMPARE(r.out, QByteArray("3 rows imported, 2 skipped.\n"));
        r = cli({u"catalog"_s, u"export"_s, u"gpus"_s, u"--format"_s, u"csv"_s, u"--user-only"_s,
                 u"--database"_s, db});
        QCOMPARE(r.exit, 0);
        QCOMPARE(r.out.count('\n'), 4); // header + 3 rows
        QVERIFY(r.out.contains("Supplier E,Acme"));
        const QString pack = m_dir.filePath(u"org.json"_s);
        r = cli({u"catalog"_s, u"export"_s, u"pack"_s, u"--output"_s, pack, u"--database"_s, db});
        QCOMPARE(r.exit, 0);
        const QString other = m_dir.filePath(u"b.sqlite"_s);
        r = cli({u"catalog"_s, u"import"_s, pack, u"--database"_s, other});
        QCOMPARE(r.exit, 0);
        QCOMPARE(r.out, QByteArray("3 rows imported, 0 skipped.\n"));
        r = cli({u"catalog"_s, u"export"_s, u"gpus"_s, u"--format"_s, u"json"_s, u"--user-only"_s,
                 u"--database"_s, other});
        QVERIFY(r.out.contains("\"Supplier C\""));
    }
};

QTEST_GUILESS_MAIN(TestCatalogCli)
#include "tst_catalogcli.moc"
