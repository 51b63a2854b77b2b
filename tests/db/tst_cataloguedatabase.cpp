// SPDX-License-Identifier: MIT
// The per-user catalogue database: creation, re-open, pragmas, constraints,
// and files that are damaged, foreign, newer or read-only (nothing deleted).

#include "catalogue.h"
#include "sqlitefile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace llm;
using db::CatalogueDatabase;
using db::OpenResult;

namespace {

// CPU rows of the shipped catalogue (db/catalogue/cpus.csv: 168 raw + 23 project-added).
constexpr size_t kShippedCpus = 191;

QByteArray fileHash(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QStringList damagedCopies(const QString &dir) {
    return QDir(dir).entryList({u"catalogue.sqlite.damaged-*"_s}, QDir::Files);
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A raw second connection for poking at a file the way another program would.
using RawDb = llm::testsupport::SqliteFile;

// The first row that differs between two catalogues, by table and name (empty
// when equal). Rows are compared whole, with the value types' defaulted
// operator==: a field the database forgets to store (or a new field nobody
// added to a list) makes its row differ.
template <class T, class Name>
QString firstDifference(const char *table, const std::vector<T> &a, const std::vector<T> &b,
                        Name name) {
    if (a.size() != b.size())
        return u"%1: %2 rows before, %3 after"_s.arg(QLatin1StringView(table))
            .arg(a.size())
            .arg(b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i]))
            return u"%1 row '%2' differs"_s.arg(QLatin1StringView(table),
                                                QString::fromStdString(name(a[i])));
    return {};
}

QString difference(const Catalog &a, const Catalog &b) {
    const QString diff[] = {
        firstDifference("cpus", a.cpus, b.cpus, [](const Cpu &x) { return x.name; }),
        firstDifference("gpus", a.gpus, b.gpus, [](const Gpu &x) { return x.name; }),
        firstDifference("models", a.models, b.models, [](const Model &x) { return x.name; }),
        firstDifference("quants", a.quants, b.quants, [](const Quantization &x) { return x.name; }),
        firstDifference("use cases", a.useCases, b.useCases, [](const UseCase &x) { return x.id; }),
        firstDifference("presets", a.presets, b.presets, [](const Preset &x) { return x.name; }),
        firstDifference("memory speeds", a.memorySpeeds, b.memorySpeeds,
                        [](const MemorySpeed &x) { return x.standard; }),
    };
    for (const QString &d : diff)
        if (!d.isEmpty())
            return d;
    if (!(a == b)) // the catalogue's own fields (asOf, and any added later)
        return u"catalogue fields differ"_s;
    return {};
}

} // namespace

class TstCatalogueDatabase final : public QObject {
    Q_OBJECT

private slots:
    void defaultPath();
    void firstRunCreatesFile();
    void reopenKeepsFile();
    void sqlLoadEqualsShipped();
    void pragmas();
    void constraints_data();
    void constraints();
    void userRowsOverrideShipped();
    void newReleaseReplacesShippedRowsOnly();
    void damagedFile_data();
    void damagedFile();
    void damagedTwiceKeepsBothCopies();
    void missingSchemaPartIsRepaired_data();
    void missingSchemaPartIsRepaired();
    void newerSchemaOpensReadOnly();
    void danglingLinkIsNamed();
    void foreignFilesAreRefused_data();
    void foreignFilesAreRefused();
    void readOnlyFile();
    void lockedFile();
    void readOnlyFolder();
    void damagedFileInReadOnlyFolder();
    void connectionsAreUniqueAndRemoved();
    void notOpenLoadsShipped();
};

void TstCatalogueDatabase::defaultPath() {
    const QString p = CatalogueDatabase::defaultPath();
    QVERIFY(p.endsWith(u"/catalogue.sqlite"_s));
    QVERIFY(p.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
}

void TstCatalogueDatabase::firstRunCreatesFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"new/sub/folder/catalogue.sqlite"_s);
    CatalogueDatabase db;
    QElapsedTimer timer;
    timer.start();
    const OpenResult r = db.open(path);
    qInfo("first-run creation: %lld ms", static_cast<long long>(timer.elapsed()));
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(!r.readOnly);
    QVERIFY(!r.recovered);
    QVERIFY2(r.message.isEmpty(), qPrintable(r.message));
    QVERIFY(db.isOpen());
    QVERIFY(!db.isReadOnly());
    QCOMPARE(db.path(), path);
    QVERIFY(QFile::exists(path));
    QVERIFY(!QFile::exists(path + u".creating"_s));
    QString error;
    const Catalog c = db.load(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(c.cpus.size(), kShippedCpus);
}

void TstCatalogueDatabase::reopenKeepsFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"catalogue.sqlite"_s);
    {
        CatalogueDatabase db;
        QVERIFY(db.open(path).ok);
        QSqlQuery q(QSqlDatabase::database(db.connectionName()));
        QVERIFY(q.exec(u"INSERT INTO meta (key, value) VALUES ('marker', 'kept')"_s));
    }
    // Closed cleanly: one self-contained file, no WAL side files.
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    CatalogueDatabase db;
    QElapsedTimer timer;
    timer.start();
    const OpenResult r = db.open(path);
    qInfo("re-open with checks: %lld ms", static_cast<long long>(timer.elapsed()));
    QVERIFY2(r.ok && !r.recovered && !r.readOnly && r.message.isEmpty(), qPrintable(r.message));
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    QVERIFY(q.exec(u"SELECT value FROM meta WHERE key = 'marker'"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"kept"_s);
    QVERIFY(damagedCopies(dir.path()).isEmpty());
}

void TstCatalogueDatabase::sqlLoadEqualsShipped() {
    QTemporaryDir dir;
    CatalogueDatabase db;
    QVERIFY(db.open(dir.filePath(u"catalogue.sqlite"_s)).ok);
    QString error;
    QElapsedTimer timer;
    timer.start();
    const Catalog fromSql = db.load(&error);
    qInfo("load from SQL: %lld ms", static_cast<long long>(timer.elapsed()));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const Catalog shipped = db::loadShippedCatalog();
    const QString diff = difference(shipped, fromSql);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    // The comparison itself can fail, on any field, including those the former
    // hand-written field list skipped (Gpu::architecture, the MLA head fields):
    const auto differs = [&](auto change) {
        Catalog changed = fromSql;
        change(changed);
        return !difference(shipped, changed).isEmpty();
    };
    QVERIFY(differs([](Catalog &c) { c.cpus[5].fabricLinksPerCcd = 2; }));
    QVERIFY(differs([](Catalog &c) { c.gpus[0].architecture += "x"; }));
    QVERIFY(differs([](Catalog &c) { c.models[0].qkRopeHeadDim += 1; }));
    QVERIFY(differs([](Catalog &c) { c.models[0].hiddenSize += 1; }));
    QVERIFY(differs([](Catalog &c) { c.presets[0].gpus.push_back({"x", 1}); }));
    QVERIFY(differs([](Catalog &c) { c.asOf += "x"; }));
}

void TstCatalogueDatabase::pragmas() {
    QTemporaryDir dir;
    CatalogueDatabase db;
    QVERIFY(db.open(dir.filePath(u"catalogue.sqlite"_s)).ok);
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    auto pragma = [&](const QString &name) {
        return q.exec(u"PRAGMA "_s + name) && q.next() ? q.value(0).toString() : u"<error>"_s;
    };
    QCOMPARE(pragma(u"application_id"_s).toLongLong(), qint64(CatalogueDatabase::applicationId));
    QCOMPARE(pragma(u"user_version"_s), QString::number(CatalogueDatabase::schemaVersion));
    QCOMPARE(pragma(u"foreign_keys"_s), u"1"_s);
    QCOMPARE(pragma(u"journal_mode"_s), u"wal"_s);
    QCOMPARE(pragma(u"busy_timeout"_s), u"1500"_s);
    QVERIFY(q.exec(u"SELECT value FROM meta WHERE key = 'shipped_data_version'"_s) && q.next());
    QCOMPARE(q.value(0).toString(), db::shippedDataVersion());
    QVERIFY(q.exec(u"SELECT value FROM meta WHERE key = 'as_of'"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"2026-11-25"_s);
}

void TstCatalogueDatabase::constraints_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("code"); // SQLite extended result code
    const QString cpu = u"INSERT INTO cpus (origin, name, vendor, model, family, cores, "
                        u"memory_channels, memory_type, "
                        "max_mts, source, as_of) VALUES (%1)"_s;
    QTest::newRow("channels = 0")
        << cpu.arg(u"'user','X','AMD','X','desktop',8,0,'DDR5',5600,'me','2026-11-25'"_s) << 275;
    QTest::newRow("channels < 0")
        << cpu.arg(u"'user','X','AMD','X','desktop',8,-2,'DDR5',5600,'me','2026-11-25'"_s) << 275;
    QTest::newRow("unknown family")
        << cpu.arg(u"'user','X','AMD','X','gaming',8,2,'DDR5',5600,'me','2026-11-25'"_s) << 275;
    QTest::newRow("unknown origin")
        << cpu.arg(u"'mine','X','AMD','X','desktop',8,2,'DDR5',5600,'me','2026-11-25'"_s) << 275;
    QTest::newRow("text in INTEGER (STRICT)")
        << cpu.arg(u"'user','X','AMD','X','desktop','lots',2,'DDR5',5600,'me','2026-11-25'"_s)
        << 3091;
    QTest::newRow("no source (NOT NULL)")
        << cpu.arg(u"'user','X','AMD','X','desktop',8,2,'DDR5',5600,NULL,'2026-11-25'"_s) << 1299;
    QTest::newRow("same name twice for one origin")
        << cpu.arg(
               u"'shipped','AMD Ryzen 9 9950X','AMD','X','desktop',8,2,'DDR5',5600,'me','2026-11-25'"_s)
        << 2067;
    QTest::newRow("GPU bandwidth 0")
        << u"INSERT INTO gpus (name, vendor, model, vram_gb, bandwidth_gbs, source, "
           "as_of) VALUES ('G','X','G',16,0,'me','2026-11-25')"_s
        << 275;
    QTest::newRow("quant bpw 0") << u"INSERT INTO quants (name, bits_per_weight, source, as_of) "
                                    "VALUES ('Q0', 0, 'me', '2026-11-25')"_s
                                 << 275;
    QTest::newRow("preset GPU that does not exist")
        << u"INSERT INTO preset_gpus (preset_id, gpu_id, count) VALUES (1, 999999, 1)"_s << 787;
    QTest::newRow("delete a GPU a preset uses")
        << u"DELETE FROM gpus WHERE name = 'NVIDIA GeForce RTX 5090' AND origin = 'shipped'"_s
        << 1811; // ON DELETE RESTRICT reports SQLITE_CONSTRAINT_TRIGGER
}

void TstCatalogueDatabase::constraints() {
    QFETCH(QString, sql);
    QFETCH(int, code);
    QTemporaryDir dir;
    CatalogueDatabase db;
    QVERIFY(db.open(dir.filePath(u"catalogue.sqlite"_s)).ok);
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    QVERIFY2(!q.exec(sql), "the database accepted a row it must reject");
    QCOMPARE(q.lastError().nativeErrorCode().toInt(), code);
    QCOMPARE(q.lastError().nativeErrorCode().toInt() & 0xff, 19); // SQLITE_CONSTRAINT
}

void TstCatalogueDatabase::userRowsOverrideShipped() {
    QTemporaryDir dir;
    CatalogueDatabase db;
    QVERIFY(db.open(dir.filePath(u"catalogue.sqlite"_s)).ok);
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    const QString insert =
        u"INSERT INTO cpus (origin, name, vendor, model, family, cores, memory_channels, "
        "memory_type, max_mts, source, as_of) VALUES ('user', '%1', 'AMD', '%1', 'desktop', %2, "
        "2, 'DDR5', 6400, 'my measurement', '2026-11-25')"_s;
    QVERIFY(q.exec(insert.arg(u"AMD Ryzen 9 9950X"_s).arg(17)));
    QVERIFY(q.exec(insert.arg(u"My Lab CPU"_s).arg(4)));
    QString error;
    const Catalog c = db.load(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(c.cpus.size(), kShippedCpus + 1);
    const auto n = std::count_if(c.cpus.begin(), c.cpus.end(),
                                 [](const Cpu &x) { return x.name == "AMD Ryzen 9 9950X"; });
    QCOMPARE(n, 1);
    const auto it = std::find_if(c.cpus.begin(), c.cpus.end(),
                                 [](const Cpu &x) { return x.name == "AMD Ryzen 9 9950X"; });
    QCOMPARE(it->cores, 17);
    // The shipped row is still there, untouched, for a later "reset".
    QVERIFY(
        q.exec(
            u"SELECT cores FROM cpus WHERE name = 'AMD Ryzen 9 9950X' AND origin = 'shipped'"_s) &&
        q.next());
    QCOMPARE(q.value(0).toInt(), 16);
}

void TstCatalogueDatabase::newReleaseReplacesShippedRowsOnly() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"catalogue.sqlite"_s);
    const QStringList edits = {
        // What an older release would have shipped...
        u"UPDATE cpus SET cores = 1 WHERE name = 'AMD Ryzen 9 9950X' AND origin = 'shipped'"_s,
        u"UPDATE presets SET memory_channels = 1 WHERE origin = 'shipped'"_s,
        u"INSERT INTO cpus (origin, name, vendor, model, family, cores, memory_channels, "
        u"memory_type, max_mts, "
        "source, as_of) VALUES ('shipped', 'Old CPU', 'X', 'Old CPU', 'desktop', 4, 2, 'DDR4', "
        "3200, 'old', "
        "'2020-01-01')"_s,
        u"INSERT INTO gpus (origin, name, vendor, model, vram_gb, bandwidth_gbs, source, as_of) "
        "VALUES ('shipped', 'Old GPU', 'X', 'Old GPU', 8, 300, 'old', '2020-01-01')"_s,
        // ...and the user's own rows, one of which uses a GPU the new release drops.
        u"INSERT INTO cpus (origin, name, vendor, model, family, cores, memory_channels, "
        u"memory_type, max_mts, "
        "source, as_of) VALUES ('user', 'My CPU', 'X', 'My CPU', 'desktop', 4, 2, 'DDR5', 5600, "
        "'me', "
        "'2026-11-25')"_s,
        u"INSERT INTO presets (origin, name, cpu_id, memory_channels, memory_mts, "
        u"memory_capacity_gb, source, as_of) "
        "SELECT 'user', 'My box', row_id, 2, 5600, 64, 'me', '2026-11-25' FROM cpus WHERE name = 'My CPU'"_s,
        u"INSERT INTO preset_gpus (preset_id, gpu_id, count) SELECT p.row_id, g.row_id, 1 FROM "
        u"presets p, gpus g "
        "WHERE p.name = 'My box' AND g.name = 'Old GPU'"_s,
        u"UPDATE meta SET value = 'older-release' WHERE key = 'shipped_data_version'"_s,
    };
    {
        CatalogueDatabase db;
        QVERIFY(db.open(path).ok);
        QSqlQuery q(QSqlDatabase::database(db.connectionName()));
        for (const QString &sql : edits)
            QVERIFY2(q.exec(sql), qPrintable(sql + u": "_s + q.lastError().text()));
    }
    CatalogueDatabase db;
    const OpenResult r = db.open(path);
    QVERIFY2(r.ok && r.message.isEmpty(), qPrintable(r.message));
    QString error;
    const Catalog c = db.load(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    auto cpu = [&](const std::string &n) {
        auto it =
            std::find_if(c.cpus.begin(), c.cpus.end(), [&](const Cpu &x) { return x.name == n; });
        return it == c.cpus.end() ? nullptr : &*it;
    };
    QCOMPARE(cpu("AMD Ryzen 9 9950X")->cores, 16); // shipped row back to this release's value
    QVERIFY(!cpu("Old CPU"));                      // dropped by the release
    QVERIFY(cpu("My CPU"));                        // user rows untouched
    const auto gpu = std::find_if(c.gpus.begin(), c.gpus.end(),
                                  [](const Gpu &g) { return g.name == "Old GPU"; });
    QVERIFY2(gpu != c.gpus.end(), "a shipped GPU still used by a user preset must stay");
    QCOMPARE(c.presets.size(), size_t(10));
    QCOMPARE(c.presets.front().memory.channels, 4); // shipped presets rebuilt
    QCOMPARE(c.presets.back().name, std::string("My box"));
    QCOMPARE(c.presets.back().gpus.size(), size_t(1));
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    QVERIFY(q.exec(u"SELECT value FROM meta WHERE key = 'shipped_data_version'"_s) && q.next());
    QCOMPARE(q.value(0).toString(), db::shippedDataVersion());
    // Same release again: the shipped rows are not rewritten on every start.
    QVERIFY(q.exec(
        u"UPDATE cpus SET cores = 2 WHERE name = 'AMD Ryzen 9 9950X' AND origin = 'shipped'"_s));
    q = QSqlQuery();
    QVERIFY(db.open(path).ok);
    const Catalog again = db.load();
    QCOMPARE(std::find_if(again.cpus.begin(), again.cpus.end(),
                          [](const Cpu &x) { return x.name == "AMD Ryzen 9 9950X"; })
                 ->cores,
             2);
}

void TstCatalogueDatabase::damagedFile_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("zero bytes") << QByteArray();
    QTest::newRow("text") << QByteArray(4096, 'x');
    QByteArray noise(8192, '\0');
    auto *gen = QRandomGenerator::global();
    for (char &ch : noise)
        ch = static_cast<char>(gen->bounded(256));
    QTest::newRow("random bytes") << noise;
    // A real SQLite header followed by garbage pages.
    QByteArray header("SQLite format 3");
    header.append('\0');
    header.append(noise.left(8192 - header.size()));
    QTest::newRow("SQLite header, garbage body") << header;
    // A real catalogue with three pages in its middle overwritten.
    QTemporaryDir tmp;
    const QString good = tmp.filePath(u"good.sqlite"_s);
    QVERIFY(CatalogueDatabase().open(good).ok);
    QFile f(good);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    const qsizetype at = (bytes.size() / 2) / 4096 * 4096;
    QVERIFY(bytes.size() > at + 3 * 4096);
    bytes.replace(at, 3 * 4096, QByteArray(3 * 4096, '\xab'));
    QTest::newRow("catalogue with corrupt pages") << bytes;
}

void TstCatalogueDatabase::damagedFile() {
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"catalogue.sqlite"_s);
    QVERIFY(writeFile(path, content));
    CatalogueDatabase db;
    const OpenResult r = db.open(path);
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(r.recovered);
    QVERIFY(!r.readOnly);
    QVERIFY2(r.message.contains(u"damaged"_s), qPrintable(r.message));
    // Nothing deleted: the old bytes are kept beside the new file, named in the message.
    const QStringList aside = damagedCopies(dir.path());
    QCOMPARE(aside.size(), 1);
    QVERIFY(QRegularExpression(u"^catalogue\\.sqlite\\.damaged-\\d{8}-\\d{6}(~\\d+)?$"_s)
                .match(aside.first())
                .hasMatch());
    QVERIFY2(r.message.contains(aside.first()), qPrintable(r.message));
    QFile kept(dir.filePath(aside.first()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), content);
    // And the recreated catalogue works.
    QString error;
    QCOMPARE(db.load(&error).cpus.size(), kShippedCpus);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TstCatalogueDatabase::damagedTwiceKeepsBothCopies() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"catalogue.sqlite"_s);
    CatalogueDatabase db;
    QVERIFY(writeFile(path, "first garbage"));
    QVERIFY(db.open(path).recovered);
    db.open(QString()); // closes the file again
    QVERIFY(QFile::remove(path));
    QVERIFY(writeFile(path, "second garbage"));
    QVERIFY(db.open(path).recovered);
    const QStringList aside = damagedCopies(dir.path());
    QCOMPARE(aside.size(), 2);
    QSet<QByteArray> contents;
    for (const QString &name : aside) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        contents.insert(f.readAll());
    }
    QCOMPARE(contents, QSet<QByteArray>({"first garbage", "second garbage"}));
}

// D10: a table or column gone (user_version unchanged) is found at open, the
// file set aside and rebuilt, the user's rows still readable copied back, and
// the message says what is missing in plain words.
void TstCatalogueDatabase::missingSchemaPartIsRepaired_data() {
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("named");
    QTest::addColumn<bool>("userRowKept");
    QTest::newRow("table quants dropped")
        << u"DROP TABLE quants"_s << u"the table quants is missing"_s << true;
    QTest::newRow("table models dropped")
        << u"DROP TABLE models"_s << u"the table models is missing"_s << true;
    QTest::newRow("two tables dropped")
        << u"DROP TABLE use_cases; DROP TABLE memory_speeds"_s
        << u"the table memory_speeds is missing; the table use_cases is missing"_s << true;
    // An older schema version is upgraded first; a missing table is found before that
    // (the review's D10 file was of schema version 1: repaired only at the second open).
    QTest::newRow("older file, table dropped") << u"DROP TABLE quants; PRAGMA user_version = 1"_s
                                               << u"the table quants is missing"_s << true;
    QTest::newRow("column dropped") << u"ALTER TABLE quants DROP COLUMN notes"_s
                                    << u"the table quants lacks the column(s) notes"_s << true;
}

void TstCatalogueDatabase::missingSchemaPartIsRepaired() {
    QFETCH(QString, damage);
    QFETCH(QString, named);
    QFETCH(bool, userRowKept);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"catalogue.sqlite"_s);
    QVERIFY(CatalogueDatabase().open(path).ok);
    {
        RawDb raw(path);
        QVERIFY(raw.ok());
        QVERIFY(raw.exec(u"INSERT INTO gpus (origin, name, vendor, model, vram_gb, bandwidth_gbs, "
                         "source, as_of) VALUES ('user', 'Acme X', 'Acme', 'X', 24, 1000, 'test', "
                         "'2026-12')"_s));
        QVERIFY(raw.exec(u"PRAGMA foreign_keys = OFF"_s));
        for (const QString &statement : damage.split(u';'))
            QVERIFY(raw.exec(statement.trimmed()));
    }
    CatalogueDatabase db;
    const OpenResult r = db.open(path);
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(r.recovered);
    QVERIFY(!r.readOnly);
    QVERIFY2(r.message.contains(named), qPrintable(r.message));
    QVERIFY2(!r.message.contains(u"SQLite"_s), qPrintable(r.message));
    QCOMPARE(damagedCopies(dir.path()).size(), 1);
    QString error;
    const Catalog c = db.load(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!c.quants.empty());
    const bool kept =
        std::any_of(c.gpus.begin(), c.gpus.end(), [](const Gpu &g) { return g.name == "Acme X"; });
    QCOMPARE(kept, userRowKept);
    // Repaired for good: the next open finds nothing wrong.
    db.open(QString());
    const OpenResult again = db.open(path);
    QVERIFY(again.ok && !again.recovered);
    QVERIFY2(again.message.isEmpty(), qPrintable(again.message));
}

// Review D15: a link to nothing was "cannot rename …creating to …"; now the
// message names the link and its missing target, and nothing is created.
void TstCatalogueDatabase::danglingLinkIsNamed() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"catalogue.sqlite"_s);
    const QString target = dir.filePath(u"nowhere/x.sqlite"_s);
    QVERIFY(QFile::link(target, path));
    CatalogueDatabase db;
    const OpenResult r = db.open(path);
    QVERIFY(r.readOnly);
    QVERIFY2(r.message.contains(u"is a link to"_s) && r.message.contains(u"does not exist"_s),
             qPrintable(r.message));
    QVERIFY2(!r.message.contains(u"rename"_s), qPrintable(r.message));
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(!QFileInfo::exists(path + u".creating"_s));
}

void TstCatalogueDatabase::newerSchemaOpensReadOnly() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"catalogue.sqlite"_s);
    QVERIFY(CatalogueDatabase().open(path).ok);
    {
        RawDb raw(path);
        QVERIFY(raw.ok() && raw.exec(QStringLiteral("PRAGMA user_version = %1")
                                         .arg(CatalogueDatabase::schemaVersion + 1)));
    }
    const QByteArray before = fileHash(path);
    {
        CatalogueDatabase db;
        const OpenResult r = db.open(path);
        QVERIFY(r.ok);
        QVERIFY(r.readOnly);
        QVERIFY(!r.recovered);
        QVERIFY2(r.message.contains(u"newer"_s), qPrintable(r.message));
        QVERIFY(db.isReadOnly());
        QCOMPARE(db.load().cpus.size(), kShippedCpus);
        QSqlQuery q(QSqlDatabase::database(db.connectionName()));
        QVERIFY(!q.exec(u"DELETE FROM meta"_s)); // really read-only
    }
    QCOMPARE(fileHash(path), before);
    QVERIFY(damagedCopies(dir.path()).isEmpty());
}

void TstCatalogueDatabase::foreignFilesAreRefused_data() {
    QTest::addColumn<QString>("setup");
    QTest::newRow("other application id")
        << u"PRAGMA application_id = 305419896; CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('mine')"_s;
    QTest::newRow("plain SQLite file with tables")
        << u"CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x')"_s;
}

void TstCatalogueDatabase::foreignFilesAreRefused() {
    QFETCH(QString, setup);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"catalogue.sqlite"_s);
    {
        RawDb raw(path);
        QVERIFY(raw.ok());
        for (const QString &sql : setup.split(u"; "_s))
            QVERIFY2(raw.exec(sql), qPrintable(sql));
    }
    const QByteArray before = fileHash(path);
    CatalogueDatabase db;
    const OpenResult r = db.open(path);
    QVERIFY(!r.ok);
    QVERIFY(!r.recovered);
    QVERIFY(!db.isOpen());
    QVERIFY2(r.message.contains(u"not a catalogue"_s), qPrintable(r.message));
    QCOMPARE(fileHash(path), before);
    QVERIFY(damagedCopies(dir.path()).isEmpty());
    // load() still gives something usable: the built-in catalogue.
    QString error;
    QCOMPARE(db.load(&error).cpus.size(), kShippedCpus);
    QVERIFY(!error.isEmpty());
}

void TstCatalogueDatabase::readOnlyFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"catalogue.sqlite"_s);
    QVERIFY(CatalogueDatabase().open(path).ok);
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray before = fileHash(path);
    {
        CatalogueDatabase db;
        const OpenResult r = db.open(path);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(r.readOnly);
        QVERIFY(!r.recovered);
        QVERIFY2(r.message.contains(u"read-only"_s), qPrintable(r.message));
        QCOMPARE(db.load().cpus.size(), kShippedCpus);
    }
    QCOMPARE(fileHash(path), before);
    QVERIFY(damagedCopies(dir.path()).isEmpty());
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

void TstCatalogueDatabase::lockedFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"catalogue.sqlite"_s);
    QVERIFY(CatalogueDatabase().open(path).ok);
    const QByteArray before = fileHash(path);
    RawDb other(path);
    QVERIFY(other.ok() && other.exec(u"BEGIN EXCLUSIVE"_s));
    {
        CatalogueDatabase db;
        QElapsedTimer timer;
        timer.start();
        const OpenResult r = db.open(path);
        qInfo("open of a locked file gave up after %lld ms",
              static_cast<long long>(timer.elapsed()));
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(r.readOnly);
        QVERIFY(!r.recovered);
        QVERIFY2(r.message.contains(u"in use"_s), qPrintable(r.message));
        QCOMPARE(db.load().cpus.size(), kShippedCpus);
    }
    QVERIFY(other.exec(u"ROLLBACK"_s));
    QCOMPARE(fileHash(path), before);
    QVERIFY(damagedCopies(dir.path()).isEmpty());
}

void TstCatalogueDatabase::readOnlyFolder() {
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"locked"_s);
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    const QString path = folder + u"/catalogue.sqlite"_s;
    {
        CatalogueDatabase db;
        const OpenResult r = db.open(path);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(r.readOnly);
        QVERIFY2(r.message.contains(u"cannot be written"_s), qPrintable(r.message));
        QCOMPARE(db.load().cpus.size(), kShippedCpus);
    }
    QVERIFY(!QFile::exists(path));
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TstCatalogueDatabase::damagedFileInReadOnlyFolder() {
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"locked"_s);
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + u"/catalogue.sqlite"_s;
    QVERIFY(writeFile(path, QByteArray(4096, 'x')));
    QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    {
        CatalogueDatabase db;
        const OpenResult r = db.open(path);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(r.readOnly);
        QVERIFY(!r.recovered);
        QVERIFY2(r.message.contains(u"could not be set aside"_s), qPrintable(r.message));
        QCOMPARE(db.load().cpus.size(), kShippedCpus);
    }
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray(4096, 'x'));
    QVERIFY(damagedCopies(folder).isEmpty());
}

void TstCatalogueDatabase::connectionsAreUniqueAndRemoved() {
    QTemporaryDir dir;
    QString first, second;
    {
        CatalogueDatabase a, b;
        QVERIFY(a.open(dir.filePath(u"a.sqlite"_s)).ok);
        QVERIFY(b.open(dir.filePath(u"b.sqlite"_s)).ok);
        first = a.connectionName();
        second = b.connectionName();
        QVERIFY(first != second);
        QVERIFY(QSqlDatabase::contains(first) && QSqlDatabase::contains(second));
        // Re-opening the same instance replaces its connection cleanly.
        QVERIFY(a.open(dir.filePath(u"c.sqlite"_s)).ok);
        QVERIFY(QSqlDatabase::contains(first));
    }
    QVERIFY(!QSqlDatabase::contains(first));
    QVERIFY(!QSqlDatabase::contains(second));
}

void TstCatalogueDatabase::notOpenLoadsShipped() {
    CatalogueDatabase db;
    QVERIFY(!db.isOpen());
    QString error;
    QCOMPARE(db.load(&error).cpus.size(), kShippedCpus);
    QVERIFY(error.contains(u"not open"_s));
    const OpenResult r = db.open(QString());
    QVERIFY(!r.ok);
    QVERIFY(!r.message.isEmpty());
    QTemporaryDir dir;
    const OpenResult folder = db.open(dir.path());
    QVERIFY(!folder.ok);
    QVERIFY(folder.message.contains(u"folder"_s));
}

QTEST_GUILESS_MAIN(TstCatalogueDatabase)
#include "tst_cataloguedatabase.moc"
