// SPDX-License-Identifier: MIT
// The catalogue database against the committed fault fixtures (tests/data/db/,
// made by make_fixtures.py): damaged files are set aside and the user's
// readable rows salvaged into the fresh catalogue; newer and foreign files are
// left alone; a new release's data leaves the user's rows; a second running
// copy of the program (in this process or another) never becomes a writer.

#include "catalogue.h"
#include "sqlitefile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace llm;
using db::CatalogueDatabase;
using db::OpenResult;

namespace {

using llm::testsupport::bytesOf;
using llm::testsupport::copyDbFixture;
using llm::testsupport::dbFixture;

// The user's rows of every table as "table: key" strings, read through the
// instance's own connection.
QSet<QString> userRows(const CatalogueDatabase &db) {
    QSet<QString> rows;
    const QList<std::pair<QString, QString>> tables = {
        {u"cpus"_s, u"name"_s},
        {u"gpus"_s, u"name"_s},
        {u"models"_s, u"name"_s},
        {u"quants"_s, u"name"_s},
        {u"memory_speeds"_s, u"standard || ' ' || speed_mts"_s},
        {u"use_cases"_s, u"id"_s},
        {u"presets"_s, u"name"_s},
    };
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    for (const auto &[table, key] : tables) {
        if (!q.exec(QStringLiteral("SELECT %1 FROM %2 WHERE origin = 'user'").arg(key, table)))
            qFatal("%s", qPrintable(q.lastError().text()));
        while (q.next())
            rows.insert(table + u": "_s + q.value(0).toString());
    }
    return rows;
}

// The user's rows the intact fixture holds (25 CPUs with one override, 9 GPUs,
// 1 model, 2 quantizations, 1 memory speed, 1 use case, 1 preset).
QSet<QString> fixtureUserRows() {
    static const QSet<QString> rows = [] {
        QTemporaryDir dir;
        CatalogueDatabase db;
        db.open(copyDbFixture(dir, u"user-rows-v1.sqlite"_s));
        return userRows(db);
    }();
    return rows;
}

QStringList damagedCopies(const QString &dir) {
    return QDir(dir).entryList({u"catalogue.sqlite.damaged-*"_s}, QDir::Files);
}

size_t shippedCpuCount() {
    return db::loadShippedCatalog().cpus.size();
}

} // namespace

class TstCatalogueFaults final : public QObject {
    Q_OBJECT

private slots:
    void intactFixture();
    void damagedFixtures_data();
    void damagedFixtures();
    void badPageLosesOnlyItsRows();
    void salvageGetsWhatSqliteDumpGets_data();
    void salvageGetsWhatSqliteDumpGets();
    void salvagedRowsWork();
    void newerFixtureIsReadOnly();
    void foreignFixtureIsUntouched();
    void secondInstanceIsNotAWriter();
    void secondProcessIsNotAWriter();
    void emptyLockFileIsTakenOver();
};

void TstCatalogueFaults::intactFixture() {
    // Made by an "older release": its shipped rows are replaced on open, the
    // user's rows (own rows, an override, a preset) are kept as they were.
    QTemporaryDir dir;
    const QString path = copyDbFixture(dir, u"user-rows-v1.sqlite"_s);
    CatalogueDatabase db;
    const OpenResult r = db.open(path);
    // The fixture is at schema version 1: upgraded on the way (tst_catalogueupgrade).
    QVERIFY2(r.ok && !r.readOnly && !r.recovered && r.upgraded, qPrintable(r.message));
    QVERIFY2(r.message.contains(u"upgraded from schema version 1"_s), qPrintable(r.message));
    QCOMPARE(fixtureUserRows().size(), 40);
    QCOMPARE(userRows(db), fixtureUserRows());
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    QVERIFY(q.exec(u"SELECT value FROM meta WHERE key = 'shipped_data_version'"_s) && q.next());
    QCOMPARE(q.value(0).toString(), db::shippedDataVersion());
    QVERIFY(q.exec(u"SELECT price_usd, source FROM cpus WHERE name = 'AMD Ryzen 5 7400F' AND "
                   "origin = 'user'"_s) &&
            q.next());
    QCOMPARE(q.value(0).toDouble(), 149.0);
    QCOMPARE(q.value(1).toString(), u"our quote"_s);
    QString error;
    const Catalog c = db.load(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(c.cpus.size(), shippedCpuCount() + 24); // the override hides its shipped row
    const auto box = std::find_if(c.presets.begin(), c.presets.end(),
                                  [](const Preset &p) { return p.name == "Fixture box"; });
    QVERIFY(box != c.presets.end());
    QCOMPARE(box->cpuName, std::string("Fixture CPU 03"));
    QCOMPARE(box->gpus.size(), size_t(2));
}

void TstCatalogueFaults::damagedFixtures_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("recovered");    // -1: whatever is readable
    QTest::addColumn<bool>("indexIntact"); // recovered + unreadable = all 40 rows
    QTest::newRow("zero bytes") << u"zero-bytes.sqlite"_s << 0 << false;
    QTest::newRow("random bytes") << u"random-bytes.sqlite"_s << 0 << false;
    QTest::newRow("first page zeroed") << u"first-page-zeroed.sqlite"_s << 0 << false;
    QTest::newRow("truncated at half") << u"truncated-half.sqlite"_s << -1 << false;
    QTest::newRow("flipped byte") << u"flipped-byte.sqlite"_s << -1 << true;
    QTest::newRow("one bad page") << u"user-rows-bad-page.sqlite"_s << 36 << true;
    QTest::newRow("creation never finished (v0)") << u"unfinished-v0.sqlite"_s << 40 << true;
}

void TstCatalogueFaults::damagedFixtures() {
    QFETCH(QString, file);
    QFETCH(int, recovered);
    QFETCH(bool, indexIntact);
    QTemporaryDir dir;
    const QString path = copyDbFixture(dir, file);
    QVERIFY(!path.isEmpty());
    const QByteArray original = bytesOf(dbFixture(file));
    CatalogueDatabase db;
    const OpenResult r = db.open(path);
    qInfo("%s", qPrintable(r.message));
    QVERIFY2(r.ok && r.recovered && !r.readOnly, qPrintable(r.message));
    QVERIFY2(r.message.contains(u"damaged"_s), qPrintable(r.message));
    // Never deleted: the damaged bytes are kept beside the new file, unchanged.
    const QStringList aside = damagedCopies(dir.path());
    QCOMPARE(aside.size(), 1);
    QVERIFY2(r.message.contains(aside.first()), qPrintable(r.message));
    QCOMPARE(bytesOf(dir.filePath(aside.first())), original);
    // The shipped catalogue is back, whatever was lost.
    QString error;
    QCOMPARE(db.load(&error).cpus.size() >= shippedCpuCount(), true);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Only the user's real rows come back (nothing invented from garbage), and
    // the counts told match what is in the file.
    const QSet<QString> now = userRows(db);
    QVERIFY(fixtureUserRows().contains(now));
    QCOMPARE(r.salvagedRows, int(now.size()));
    if (recovered >= 0)
        QCOMPARE(r.salvagedRows, recovered);
    if (indexIntact)
        QCOMPARE(r.salvagedRows + r.unreadableRows, 40);
    if (r.salvagedRows > 0) {
        QVERIFY2(
            r.message.contains(QStringLiteral("Recovered %1 of your rows (").arg(r.salvagedRows)),
            qPrintable(r.message));
    } else {
        QVERIFY2(r.message.contains(u"Nothing of your own could be recovered"_s) ||
                     r.message.contains(u"None of your own rows could be recovered"_s),
                 qPrintable(r.message));
    }
    if (r.unreadableRows > 0)
        QVERIFY2(
            r.message.contains(QStringLiteral("; %1 could not be read.").arg(r.unreadableRows)),
            qPrintable(r.message));
    // And the new file is a sound catalogue that reopens without complaint.
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    QVERIFY(q.exec(u"PRAGMA quick_check"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"ok"_s);
    q = QSqlQuery();
    const OpenResult again = db.open(path);
    QVERIFY2(again.ok && !again.recovered && again.message.isEmpty(), qPrintable(again.message));
    QCOMPARE(userRows(db), now);
}

void TstCatalogueFaults::badPageLosesOnlyItsRows() {
    // The fixture's generator lists the four CPUs that were on the overwritten page.
    QStringList lost = QString::fromUtf8(bytesOf(dbFixture(u"user-rows-bad-page.lost"_s)))
                           .split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lost.size(), 4);
    QTemporaryDir dir;
    CatalogueDatabase db;
    const OpenResult r = db.open(copyDbFixture(dir, u"user-rows-bad-page.sqlite"_s));
    QVERIFY2(r.ok && r.recovered, qPrintable(r.message));
    QSet<QString> expected = fixtureUserRows();
    for (const QString &name : lost)
        expected.remove(u"cpus: "_s + name);
    QCOMPARE(userRows(db), expected);
    QCOMPARE(r.unreadableRows, 4);
    QVERIFY2(r.message.contains(u"Recovered 36 of your rows (21 CPUs, 9 GPUs, 1 model, "
                                "2 quantizations, 1 memory speed, 1 use case, 1 preset); "
                                "4 could not be read."_s),
             qPrintable(r.message));
}

// The reliability review's D7 cases, made small (make_fixtures.py, rich_db():
// 1 user CPU and 300 user GPUs). The expected counts are what
// `sqlite3 FILE .dump | grep -c "^INSERT INTO .*'user'"` gets back from the
// same file (checked by hand; make_fixtures.py prints them): the salvage must
// get every row SQLite can still read, and say so.
void TstCatalogueFaults::salvageGetsWhatSqliteDumpGets_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("cpus");
    QTest::addColumn<int>("gpus");
    QTest::addColumn<int>("lost"); // told as "N could not be read"; -1: cannot be counted
    // The header counts more pages than the file has: SQLite refuses the whole
    // file unless told to read what is there. .dump: 1 CPU + 76 GPUs. The
    // index is gone with the second half, so how many were lost is unknown.
    QTest::newRow("truncated at half") << u"rich-truncated-half.sqlite"_s << 1 << 76 << -1;
    // 20 random 8-byte writes; one garbles the sqlite_schema entry of "models",
    // and the whole schema then fails to load. .dump: 1 CPU + 299 GPUs, but
    // three of those (Rich GPU 0058, 0174, 0239) hold numbers the random bytes
    // garbled (bandwidth -7655, -92, -4760 GB/s): the schema's checks refuse
    // them, and they are counted as lost, not copied.
    QTest::newRow("random writes, schema page hit") << u"rich-sprinkled.sqlite"_s << 1 << 296 << 3;
}

void TstCatalogueFaults::salvageGetsWhatSqliteDumpGets() {
    QFETCH(QString, file);
    QFETCH(int, cpus);
    QFETCH(int, gpus);
    QFETCH(int, lost);
    QTemporaryDir dir;
    CatalogueDatabase db;
    const OpenResult r = db.open(copyDbFixture(dir, file));
    qInfo("%s", qPrintable(r.message));
    QVERIFY2(r.ok && r.recovered && !r.readOnly, qPrintable(r.message));
    const QSet<QString> now = userRows(db);
    int cpuRows = 0;
    int gpuRows = 0;
    for (const QString &row : now) {
        if (row == u"cpus: Rich CPU")
            ++cpuRows;
        else if (row.startsWith(u"gpus: Rich GPU "_s))
            ++gpuRows;
        else
            QFAIL(qPrintable(u"a row that was never in the file: "_s + row));
    }
    QCOMPARE(cpuRows, cpus);
    QCOMPARE(gpuRows, gpus);
    QCOMPARE(r.salvagedRows, cpus + gpus);
    QVERIFY2(r.message.contains(QStringLiteral("Recovered %1 of your rows (").arg(cpus + gpus)),
             qPrintable(r.message));
    QVERIFY2(!r.message.contains(u"Nothing of your own could be recovered"_s),
             qPrintable(r.message));
    if (lost >= 0) {
        QCOMPARE(r.unreadableRows, lost);
        QVERIFY2(r.message.contains(QStringLiteral("; %1 could not be read.").arg(lost)),
                 qPrintable(r.message));
    } else {
        QVERIFY2(r.message.contains(u"some of your rows may be missing"_s), qPrintable(r.message));
    }
}

void TstCatalogueFaults::salvagedRowsWork() {
    // Recovered rows are ordinary user rows: the override still overrides, the
    // preset still has its CPU and both GPU groups, and they can be edited.
    QTemporaryDir dir;
    CatalogueDatabase db;
    QVERIFY(db.open(copyDbFixture(dir, u"unfinished-v0.sqlite"_s)).recovered);
    QString error;
    const Catalog c = db.load(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(c.cpus.size(), shippedCpuCount() + 24);
    const auto cpu = std::find_if(c.cpus.begin(), c.cpus.end(),
                                  [](const Cpu &x) { return x.name == "AMD Ryzen 5 7400F"; });
    QVERIFY(cpu != c.cpus.end() && cpu->priceUsd);
    QCOMPARE(*cpu->priceUsd, 149.0);
    const auto box = std::find_if(c.presets.begin(), c.presets.end(),
                                  [](const Preset &p) { return p.name == "Fixture box"; });
    QVERIFY(box != c.presets.end());
    QCOMPARE(box->cpuName, std::string("Fixture CPU 03"));
    QCOMPARE(box->gpus.size(), size_t(2));
    QCOMPARE(box->gpus[0].gpuName, std::string("Fixture GPU 2"));
    QCOMPARE(box->gpus[0].count, 2);
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    QVERIFY(q.exec(u"UPDATE cpus SET price_usd = 99 WHERE name = 'Fixture CPU 01'"_s));
    QCOMPARE(q.numRowsAffected(), 1);
}

void TstCatalogueFaults::newerFixtureIsReadOnly() {
    QTemporaryDir dir;
    const QString path = copyDbFixture(dir, u"newer-version.sqlite"_s);
    const QByteArray before = bytesOf(path);
    {
        CatalogueDatabase db;
        const OpenResult r = db.open(path);
        QVERIFY2(r.ok && r.readOnly && !r.recovered, qPrintable(r.message));
        QVERIFY2(r.message.contains(u"newer version"_s), qPrintable(r.message));
        QCOMPARE(userRows(db), fixtureUserRows());
        QSqlQuery q(QSqlDatabase::database(db.connectionName()));
        QVERIFY(!q.exec(u"DELETE FROM cpus WHERE origin = 'user'"_s));
    }
    QCOMPARE(bytesOf(path), before);
    QVERIFY(damagedCopies(dir.path()).isEmpty());
}

void TstCatalogueFaults::foreignFixtureIsUntouched() {
    QTemporaryDir dir;
    const QString path = copyDbFixture(dir, u"foreign-app-id.sqlite"_s);
    const QByteArray before = bytesOf(path);
    {
        CatalogueDatabase db;
        const OpenResult r = db.open(path);
        QVERIFY(!r.ok && !r.recovered);
        QVERIFY2(r.message.contains(u"not a catalogue of this program"_s), qPrintable(r.message));
        QVERIFY2(r.message.contains(u"0x12345678"_s), qPrintable(r.message));
    }
    QCOMPARE(bytesOf(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"catalogue.sqlite"_s});
}

void TstCatalogueFaults::secondInstanceIsNotAWriter() {
    QTemporaryDir dir;
    const QString path = copyDbFixture(dir, u"user-rows-v1.sqlite"_s);
    CatalogueDatabase first;
    QVERIFY(first.open(path).ok && !first.isReadOnly());
    QVERIFY(QFile::exists(path + u".lock"_s));
    {
        CatalogueDatabase second;
        QElapsedTimer timer;
        timer.start();
        const OpenResult r = second.open(path);
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY2(r.ok && r.readOnly && second.isReadOnly(), qPrintable(r.message));
        QVERIFY2(r.message.contains(u"another running copy"_s), qPrintable(r.message));
        QCOMPARE(userRows(second), fixtureUserRows()); // it reads the same data
        QSqlQuery q(QSqlDatabase::database(second.connectionName()));
        QVERIFY(!q.exec(u"DELETE FROM cpus WHERE origin = 'user'"_s));
    }
    // The writer is unaffected, and once it closes the next one may write.
    QSqlQuery q(QSqlDatabase::database(first.connectionName()));
    QVERIFY(q.exec(u"UPDATE cpus SET cores = 7 WHERE name = 'Fixture CPU 01'"_s));
    q = QSqlQuery();
    first.open(QString()); // closes
    QVERIFY(!QFile::exists(path + u".lock"_s));
    CatalogueDatabase third;
    const OpenResult r = third.open(path);
    QVERIFY2(r.ok && !r.readOnly, qPrintable(r.message));
}

void TstCatalogueFaults::secondProcessIsNotAWriter() {
    QTemporaryDir dir;
    const QString path = copyDbFixture(dir, u"user-rows-v1.sqlite"_s);
    QProcess child;
    child.start(QStringLiteral(LLMADVISOR_CRASH_CHILD), {path, u"--hold"_s});
    QVERIFY(child.waitForStarted());
    QVERIFY(child.waitForReadyRead(30000));
    QCOMPARE(child.readLine().trimmed(), QByteArray("open"));
    {
        CatalogueDatabase db;
        QElapsedTimer timer;
        timer.start();
        const OpenResult r = db.open(path);
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY2(r.ok && r.readOnly, qPrintable(r.message));
        QVERIFY2(r.message.contains(u"another running copy"_s), qPrintable(r.message));
        QVERIFY2(r.message.contains(QString::number(child.processId())), qPrintable(r.message));
        QCOMPARE(userRows(db), fixtureUserRows());
    }
    // A writer killed without closing leaves its lock file behind; the next
    // program sees that process is gone and becomes the writer.
    child.kill();
    QVERIFY(child.waitForFinished());
    QVERIFY(QFile::exists(path + u".lock"_s));
    CatalogueDatabase db;
    const OpenResult r = db.open(path);
    QVERIFY2(r.ok && !r.readOnly && r.message.isEmpty(), qPrintable(r.message));
    QCOMPARE(userRows(db), fixtureUserRows());
}

void TstCatalogueFaults::emptyLockFileIsTakenOver() {
    // A writer killed between creating its lock file and writing its process id
    // leaves an empty file (seen in tst_cataloguecrash under ASan): no process
    // holds it, so the next program must become the writer, not stay read-only.
    QTemporaryDir dir;
    const QString path = copyDbFixture(dir, u"user-rows-v1.sqlite"_s);
    QFile lock(path + u".lock"_s);
    QVERIFY(lock.open(QIODevice::WriteOnly));
    lock.close();
    CatalogueDatabase db;
    const OpenResult r = db.open(path);
    // (The version-1 fixture is upgraded on the way; that is its only message.)
    QVERIFY2(r.ok && !r.readOnly && !r.message.contains(u"another"_s), qPrintable(r.message));
}

QTEST_GUILESS_MAIN(TstCatalogueFaults)
#include "tst_cataloguefaults.moc"
