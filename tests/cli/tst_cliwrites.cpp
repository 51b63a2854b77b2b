// SPDX-License-Identifier: MIT
// llmadvisor-cli's writes, from the reliability review:
// * D5: every verb's output to a failing standard output (/dev/full, a closed
//   stdout, a file on a full disk) exits non-zero with one error line;
// * D1: calibrate --output and catalog export --output on a full disk (file size
//   limit; a real 64 KiB tmpfs as root) leave the old file byte for byte and exit 2;
// * D6: a pipe or a device node as --output is refused and left as it is;
// * D4: an export that cannot read the catalogue (locked by another program)
//   fails and leaves the old backup alone.
#include "fulldisk.h"
#include "process.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace llm::testsupport;

namespace {

using Run = ProcessRun;

enum class Stdout { Captured, DevFull, Closed, File };

// Runs the CLI; `limit` > 0 runs it with that file size limit.
Run cli(const QStringList &args, Stdout out = Stdout::Captured, const QString &file = {},
        rlim_t limit = 0) {
    return runCli(args, RunOptions().preparedBy([&](QProcess &p) {
        if (out == Stdout::DevFull)
            p.setStandardOutputFile(u"/dev/full"_s);
        else if (out == Stdout::File)
            p.setStandardOutputFile(file);
        if (out == Stdout::Closed)
            p.setChildProcessModifier([] { ::close(STDOUT_FILENO); });
        else if (limit > 0)
            limitChildFileSize(p, limit);
    }));
}

QString source(const QString &relative) {
    return QStringLiteral(LLMADVISOR_SOURCE_DIR "/") + relative;
}

// A few measurements: enough for calibrate to fit and write, quick to fit
// (these tests are about the writing; the whole published file takes seconds).
QString smallMeasurements() {
    return source(u"tests/calibration/data/small.csv"_s);
}

const QByteArray kOld = "an older file that must survive byte for byte\n";

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Exactly one error line, and it starts with `start`.
void checkOneErrorLine(const Run &r, const QString &start, const QString &contains) {
    QStringList errors = r.errLines();
    errors.removeIf([](const QString &l) { return l.startsWith(u"note: "_s); });
    QVERIFY2(errors.size() == 1, r.err.constData());
    QVERIFY2(errors.first().startsWith(start), r.err.constData());
    QVERIFY2(errors.first().contains(contains), r.err.constData());
}

} // namespace

class TestCliWrites final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A catalogue with the user's rows, read-only on disk so that a child with
    // a tiny file size limit can still open it (it writes nothing to it).
    QString readOnlyCatalogue() {
        const QString db = m_dir.filePath(u"ro/catalogue.sqlite"_s);
        if (!QFile::exists(db)) {
            QDir().mkpath(m_dir.filePath(u"ro"_s));
            QFile::copy(QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/db/user-rows-v1.sqlite"), db);
            QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
            // Opened once while writable: the fixture's older schema is upgraded
            // now, so the read-only runs below print no upgrade note.
            cli({u"catalog"_s, u"list"_s, u"gpus"_s, u"--database"_s, db});
            QFile::setPermissions(db, QFile::ReadOwner | QFile::ReadGroup);
        }
        return db;
    }

    QStringList verb(const QString &which) {
        const QString seed = source(u"resources/scenarios/seed-comparison.json"_s);
        if (which == u"estimate json")
            return {u"estimate"_s, u"--scenario"_s, seed};
        if (which == u"estimate table")
            return {u"estimate"_s, u"--scenario"_s, seed, u"--format"_s, u"table"_s};
        if (which == u"catalog list")
            return {u"catalog"_s, u"list"_s, u"gpus"_s};
        if (which == u"catalog export") {
            // A catalogue of its own (an explicit --database must exist).
            const QString db = m_dir.filePath(u"stdout/catalogue.sqlite"_s);
            if (!QFile::exists(db)) {
                QDir().mkpath(m_dir.filePath(u"stdout"_s));
                QFile::copy(QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/db/user-rows-v1.sqlite"), db);
                QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
                cli({u"catalog"_s, u"list"_s, u"gpus"_s, u"--database"_s, db}); // upgraded once
            }
            return {u"catalog"_s, u"export"_s, u"gpus"_s, u"--database"_s, db};
        }
        if (which == u"recommend")
            return {u"recommend"_s,   u"--model"_s, u"Qwen2.5-14B-Instruct"_s,
                    u"--use-cases"_s, u"UC1,UC2"_s, u"--budget-eur"_s,
                    u"8000"_s};
        if (which == u"validate")
            return {u"validate"_s, u"--measured"_s, source(u"db/catalogue/measurements.csv"_s)};
        if (which == u"verb help")
            return {u"estimate"_s, u"--help"_s};
        return {u"--help"_s};
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // D5
    void failingStdoutExitsNonZero_data() {
        QTest::addColumn<QString>("which");
        QTest::addColumn<int>("how");
        for (const char *v : {"estimate json", "estimate table", "catalog list", "catalog export",
                              "recommend", "validate", "help", "verb help"}) {
            QTest::addRow("%s > /dev/full", v) << QString::fromLatin1(v) << int(Stdout::DevFull);
            QTest::addRow("%s >&-", v) << QString::fromLatin1(v) << int(Stdout::Closed);
        }
        QTest::addRow("estimate json > full tmpfs") << u"estimate json"_s << int(Stdout::File);
        QTest::addRow("catalog export > full tmpfs") << u"catalog export"_s << int(Stdout::File);
    }
    void failingStdoutExitsNonZero() {
        QFETCH(QString, which);
        QFETCH(int, how);
        const QStringList args = verb(which);
        // The same command with a working stdout succeeds and prints something.
        const Run good = cli(args);
        QVERIFY2(good.exitCode == 0, good.err.constData());
        QVERIFY(!good.out.isEmpty());

        SmallDisk disk;
        QString file;
        if (Stdout(how) == Stdout::File) {
            if (!disk.mounted())
                QSKIP("mounting a tmpfs needs root");
            file = disk.filePath(u"out.txt"_s);
            QVERIFY(disk.fill());
        }
        const Run r = cli(args, Stdout(how), file);
        QCOMPARE(r.exitCode, 1);
        const QString cause =
            Stdout(how) == Stdout::Closed ? u"(it is closed)"_s : u"(the disk is full)"_s;
        checkOneErrorLine(r, u"error: stdout: the output could not be written"_s, cause);
    }

    // D1: a full disk, the old file kept byte for byte.
    void fullDiskKeepsTheOldFile_data() {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("how");
        for (const char *v : {"calibrate", "export csv", "export pack"}) {
            QTest::addRow("%s, file size limit", v) << QString::fromLatin1(v) << u"rlimit"_s;
            QTest::addRow("%s, 64 KiB tmpfs", v) << QString::fromLatin1(v) << u"tmpfs"_s;
        }
    }
    void fullDiskKeepsTheOldFile() {
        QFETCH(QString, which);
        QFETCH(QString, how);
        SmallDisk disk;
        QTemporaryDir scratch;
        QString folder = scratch.path();
        if (how == u"tmpfs") {
            if (!disk.mounted())
                QSKIP("mounting a tmpfs needs root");
            folder = disk.path();
        }
        const QString out = folder + u"/out.file"_s;
        QVERIFY(writeFile(out, kOld));
        QStringList args;
        if (which == u"calibrate")
            args = {u"calibrate"_s, u"--measured"_s, smallMeasurements(), u"--output"_s, out};
        else if (which == u"export csv")
            args = {u"catalog"_s,  u"export"_s, u"quants"_s,     u"--format"_s,      u"csv"_s,
                    u"--output"_s, out,         u"--database"_s, readOnlyCatalogue()};
        else
            args = {u"catalog"_s, u"export"_s,     u"pack"_s,          u"--output"_s,
                    out,          u"--database"_s, readOnlyCatalogue()};
        Run r;
        if (how == u"tmpfs") {
            QVERIFY(disk.fill());
            r = cli(args);
        } else {
            r = cli(args, Stdout::Captured, {}, 10);
        }
        QCOMPARE(r.exitCode, 2);
        checkOneErrorLine(r, u"error: --output: "_s,
                          how == u"tmpfs" ? u"the disk is full"_s
                                          : u"the file would be larger than the system allows"_s);
        QVERIFY(!r.out.contains("Wrote"));
        QCOMPARE(readAll(out), kOld);
        QStringList left = entries(folder);
        left.removeAll(u"filler"_s);
        QCOMPARE(left, QStringList{u"out.file"_s}); // no temporary file left
    }

    // The output is checked before the measurements are read and fitted (a fit
    // of the published file takes seconds): with both wrong, --output is named.
    void calibrateChecksTheOutputFirst() {
        QTemporaryDir scratch;
        const QString fifo = scratch.filePath(u"pipe"_s);
        QVERIFY(makeFifo(fifo));
        const Run r = cli({u"calibrate"_s, u"--measured"_s, scratch.filePath(u"missing.csv"_s),
                           u"--output"_s, fifo});
        QCOMPARE(r.exitCode, 2);
        checkOneErrorLine(r, u"error: --output: "_s, u"is a pipe (FIFO), not a file"_s);
        const Run folder = cli({u"calibrate"_s, u"--measured"_s, smallMeasurements(), u"--output"_s,
                                scratch.filePath(u"no/such/folder/out.csv"_s)});
        QCOMPARE(folder.exitCode, 2);
        checkOneErrorLine(folder, u"error: --output: "_s, u"does not exist"_s);
        QCOMPARE(entries(scratch.path()), QStringList{u"pipe"_s});
    }

    // D6: what is not a regular file is refused and left as it is.
    void nonRegularOutputRefused_data() {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("kind");
        for (const char *v : {"calibrate", "export"}) {
            QTest::addRow("%s to a fifo", v) << QString::fromLatin1(v) << u"fifo"_s;
            QTest::addRow("%s to a device node", v) << QString::fromLatin1(v) << u"device"_s;
        }
    }
    void nonRegularOutputRefused() {
        QFETCH(QString, which);
        QFETCH(QString, kind);
        QTemporaryDir scratch;
        const QString target = scratch.filePath(u"target"_s);
        if (kind == u"fifo")
            QVERIFY(makeFifo(target));
        else if (!isRoot())
            QSKIP("making a device node needs root");
        else
            QVERIFY(makeNullDevice(target));
        const mode_t before = fileType(target);
        const Run r = which == u"calibrate"
                          ? cli({u"calibrate"_s, u"--measured"_s,
                                 source(u"db/catalogue/measurements.csv"_s), u"--output"_s, target})
                          : cli({u"catalog"_s, u"export"_s, u"gpus"_s, u"--output"_s, target,
                                 u"--database"_s, readOnlyCatalogue()});
        QCOMPARE(r.exitCode, 2);
        checkOneErrorLine(r, u"error: --output: "_s,
                          kind == u"fifo" ? u"is a pipe (FIFO), not a file"_s
                                          : u"is a device, not a file"_s);
        QCOMPARE(fileType(target), before);
        QCOMPARE(entries(scratch.path()), QStringList{u"target"_s});
    }

    // D4: another program holds the catalogue locked; the old backup stays.
    void exportOfAnUnreadableCatalogueFails() {
        const QString db = m_dir.filePath(u"locked/catalogue.sqlite"_s);
        QVERIFY(QDir().mkpath(m_dir.filePath(u"locked"_s)));
        QVERIFY(
            QFile::copy(QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/db/user-rows-v1.sqlite"), db));
        QVERIFY(QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner));
        const QString backup = m_dir.filePath(u"locked/backup.json"_s);
        const Run first =
            cli({u"catalog"_s, u"export"_s, u"pack"_s, u"--output"_s, backup, u"--database"_s, db});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const QByteArray good = readAll(backup);
        QVERIFY(good.count("\"name\"") >= 2); // the user's rows are in it

        {
            QSqlDatabase holder = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"holder"_s);
            holder.setDatabaseName(db);
            QVERIFY(holder.open());
            QSqlQuery q(holder);
            QVERIFY(q.exec(u"BEGIN EXCLUSIVE"_s));
            QVERIFY(q.exec(u"UPDATE meta SET value = value WHERE key = 'as_of'"_s));

            const Run r = cli(
                {u"catalog"_s, u"export"_s, u"pack"_s, u"--output"_s, backup, u"--database"_s, db});
            QCOMPARE(r.exitCode, 2);
            checkOneErrorLine(r, u"error: --database: "_s,
                              u"the catalogue could not be read, so nothing was exported and "
                              "the file was left as it is"_s);
            QVERIFY2(!r.err.contains("built-in catalogue is used"), r.err.constData());
            QCOMPARE(readAll(backup), good);
            // To stdout: nothing printed, the same error.
            const Run toStdout =
                cli({u"catalog"_s, u"export"_s, u"gpus"_s, u"--user-only"_s, u"--database"_s, db});
            QCOMPARE(toStdout.exitCode, 2);
            QVERIFY(toStdout.out.isEmpty());
            QVERIFY(q.exec(u"ROLLBACK"_s));
            holder.close();
        }
        QSqlDatabase::removeDatabase(u"holder"_s);
        // Free again: the export works and gives the same rows.
        const Run again =
            cli({u"catalog"_s, u"export"_s, u"pack"_s, u"--output"_s, backup, u"--database"_s, db});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(readAll(backup).count("\"name\""), good.count("\"name\""));
    }
};

QTEST_GUILESS_MAIN(TestCliWrites)
#include "tst_cliwrites.moc"
