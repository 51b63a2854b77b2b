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
