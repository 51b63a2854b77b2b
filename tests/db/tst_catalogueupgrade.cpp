// SPDX-License-Identifier: MIT
// Schema upgrades through CatalogueDatabase::open(): every older version is
// brought up step by step after a VACUUM INTO backup; a failing step is rolled
// back, the backup kept and the file opened read-only. The program's own step
// 1 -> 2 (GPU form factor, sold-new flags) is tested on a version-1 file; the
// longer chain adds synthetic steps on top of it: 2 -> 3 adds a price_quotes
// table filled from the user's prices, 3 -> 4 rebuilds it with a CHECK and a new
// column (the table-rebuild kind of step). Fixtures of versions 1 and 3:
// tests/data/db/user-rows-v1.sqlite, synthetic-v3.sqlite.

#include "catalogue.h"
#include "migrations.h"
#include "sqlitefile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace llm;
using db::CatalogueDatabase;
using db::MigrationStep;
using db::OpenResult;

namespace {

using llm::testsupport::bytesOf;
using llm::testsupport::copyDbFixture;
using llm::testsupport::dbFixture;

bool run(const QSqlDatabase &db, const QStringList &statements, QString *error) {
    QSqlQuery q(db);
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

// Same SQL as STEP_2_TO_3 in tests/data/db/make_fixtures.py (which made synthetic-v3).
const QStringList kStep2To3 = {
    u"CREATE TABLE price_quotes (row_id INTEGER PRIMARY KEY, part TEXT NOT NULL, "
    "price_usd REAL NOT NULL, quoted_on TEXT NOT NULL) STRICT"_s,
    u"INSERT INTO price_quotes (part, price_usd, quoted_on) "
    "SELECT name, price_usd, as_of FROM cpus WHERE origin = 'user' AND price_usd IS NOT NULL "
    "UNION ALL SELECT name, price_usd, as_of FROM gpus WHERE origin = 'user' AND price_usd IS NOT "
    "NULL"_s,
};
const QStringList kStep3To4 = {
    u"CREATE TABLE price_quotes_new (row_id INTEGER PRIMARY KEY, part TEXT NOT NULL, "
    "price_usd REAL NOT NULL CHECK (price_usd >= 0), quoted_on TEXT NOT NULL, "
    "supplier TEXT NOT NULL DEFAULT '') STRICT"_s,
    u"INSERT INTO price_quotes_new (row_id, part, price_usd, quoted_on) "
    "SELECT row_id, part, price_usd, quoted_on FROM price_quotes"_s,
    u"DROP TABLE price_quotes"_s,
    u"ALTER TABLE price_quotes_new RENAME TO price_quotes"_s,
};

enum class Fault { None, SecondStepFails, SecondStepMissing };

constexpr int kChainEnd = 4;

// The program's steps, then the synthetic ones.
QList<MigrationStep> chain(Fault fault) {
    QList<MigrationStep> steps = db::schemaUpgradeSteps();
    steps.append({2, u"price quotes table"_s, [](const QSqlDatabase &db, QString *error) {
                      return run(db, kStep2To3, error);
                  }});
    if (fault == Fault::SecondStepMissing)
        return steps;
    steps.append(
        {3, u"price quotes with supplier"_s, [fault](const QSqlDatabase &db, QString *error) {
             if (fault != Fault::SecondStepFails)
                 return run(db, kStep3To4, error);
             // Half the work done, then a failure: all of it must be undone.
             if (run(db, kStep3To4.mid(0, 3), error))
                 *error = u"simulated failure after changes"_s;
             return false;
         }});
    return steps;
}

// A second, plain connection for looking at a file as it is on disk.
struct Peek final : llm::testsupport::SqliteFile {
    explicit Peek(const QString &path)
        : SqliteFile(path, Mode::ReadOnly) {}
};

QStringList backups(const QString &dir) {
    return QDir(dir).entryList({u"catalogue.sqlite.before-upgrade-*"_s}, QDir::Files);
}

} // namespace

class TstCatalogueUpgrade final : public QObject {
    Q_OBJECT

private slots:
    void programStepsCoverEveryOlderVersion();
    void currentVersionIsNotTouched();
    void programUpgradesVersion1();
    void upgradeChain_data();
    void upgradeChain();
    void failingStepRollsBack();
    void stepBreakingReferencesRollsBack();
    void missingStepOpensReadOnly();
    void readOnlyOlderFileIsNotUpgraded();
    void fileOfTheLaterChainIsNewerForThisProgram();
};

void TstCatalogueUpgrade::programStepsCoverEveryOlderVersion() {
    // A release that bumps schemaVersion without a step for each older version
    // would leave its users' files read-only: caught here.
    const QList<MigrationStep> steps = db::schemaUpgradeSteps();
    for (int v = 1; v < CatalogueDatabase::schemaVersion; ++v) {
        const bool found = std::any_of(steps.begin(), steps.end(), [v](const MigrationStep &s) {
            return s.fromVersion == v && s.apply;
        });
        QVERIFY2(found, qPrintable(QStringLiteral("no upgrade step from version %1").arg(v)));
    }
}

void TstCatalogueUpgrade::currentVersionIsNotTouched() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"catalogue.sqlite"_s);
    {
        CatalogueDatabase made; // a file of this program's version
        QVERIFY(made.open(path).ok);
    }
    CatalogueDatabase db;
    const OpenResult r = db.open(path);
    QVERIFY2(r.ok && !r.readOnly && !r.upgraded && r.backupPath.isEmpty(), qPrintable(r.message));
    QVERIFY(backups(dir.path()).isEmpty());
    QCOMPARE(Peek(path).value(u"PRAGMA user_version"_s).toInt(), CatalogueDatabase::schemaVersion);
}

// The program's step 1 -> 2 through open(): new columns, NULL (unknown) in the
// user's rows, filled in the shipped rows; their CHECKs in force.
void TstCatalogueUpgrade::programUpgradesVersion1() {
    QTemporaryDir dir;
    const QString path = copyDbFixture(dir, u"user-rows-v1.sqlite"_s);
    CatalogueDatabase db;
    const OpenResult r = db.open(path);
    QVERIFY2(r.ok && !r.readOnly && r.upgraded && !r.recovered, qPrintable(r.message));
    // Through every step of the program's chain: 1 -> 2 (columns), 2 -> 3 (the
    // table of the user's own measurements).
    QVERIFY2(r.message.contains(
                 u"upgraded from schema version 1 to %1"_s.arg(CatalogueDatabase::schemaVersion)),
             qPrintable(r.message));
    QCOMPARE(backups(dir.path()).size(), 1);
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), CatalogueDatabase::schemaVersion);
    QVERIFY(q.exec(u"SELECT count(*) FROM user_measurements"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 0); // the new table, empty
    QVERIFY(q.exec(u"SELECT count(*), count(sold_new) FROM cpus WHERE origin = 'user'"_s) &&
            q.next());
    QCOMPARE(q.value(0).toInt(), 25); // every row of the user kept...
    QCOMPARE(q.value(1).toInt(), 0);  // ... with the new flag unknown
    QVERIFY(q.exec(u"SELECT count(*), count(form_factor) FROM gpus WHERE origin = 'user'"_s) &&
            q.next());
    QCOMPARE(q.value(0).toInt(), 9);
    QCOMPARE(q.value(1).toInt(), 0);
    QVERIFY(q.exec(u"SELECT form_factor, sold_new FROM gpus WHERE origin = 'shipped' AND "
                   "name = 'NVIDIA H100 SXM5 80GB'"_s) &&
            q.next());
    QCOMPARE(q.value(0).toString(), u"sxm"_s);
    QCOMPARE(q.value(1).toInt(), 1);
    QVERIFY(q.exec(u"SELECT sold_new FROM cpus WHERE origin = 'shipped' AND "
                   "name = 'AMD Ryzen 5 3600'"_s) &&
            q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QVERIFY(!q.exec(u"UPDATE gpus SET form_factor = 'slot' WHERE origin = 'user'"_s));
    QVERIFY(!q.exec(u"UPDATE cpus SET sold_new = 2 WHERE origin = 'user'"_s));
    // Unknown reads as on sale: the user's parts are never hidden by the upgrade.
    QString error;
    const Catalog c = db.load(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const Gpu &g : c.gpus)
        if (g.origin != DataOrigin::Shipped)
            QVERIFY2(g.soldNew && g.formFactor.empty(), g.name.c_str());
    const auto h100 = findGpu(c, "NVIDIA H100 SXM5 80GB");
    QVERIFY(h100 && h100.match->formFactor == "sxm");
}

void TstCatalogueUpgrade::upgradeChain_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("from");
    QTest::newRow("version 1") << u"user-rows-v1.sqlite"_s << 1;
    QTest::newRow("version 3") << u"synthetic-v3.sqlite"_s << 3;
}

void TstCatalogueUpgrade::upgradeChain() {
    QFETCH(QString, file);
    QFETCH(int, from);
    QTemporaryDir dir;
    const QString path = copyDbFixture(dir, file);
    {
        CatalogueDatabase db;
        db.setSchemaUpgrades(kChainEnd, chain(Fault::None));
        const OpenResult r = db.open(path);
        QVERIFY2(r.ok && !r.readOnly && r.upgraded && !r.recovered, qPrintable(r.message));
        QVERIFY2(
            r.message.contains(QStringLiteral("upgraded from schema version %1 to 4").arg(from)),
            qPrintable(r.message));
        // The backup: beside the file, named with the old version and a timestamp.
        const QStringList copies = backups(dir.path());
        QCOMPARE(copies.size(), 1);
        QVERIFY(
            QRegularExpression(
                QStringLiteral("^catalogue\\.sqlite\\.before-upgrade-v%1-\\d{8}-\\d{6}$").arg(from))
                .match(copies.first())
                .hasMatch());
        QCOMPARE(QFileInfo(r.backupPath).fileName(), copies.first());
        QVERIFY2(r.message.contains(copies.first()), qPrintable(r.message));
        // Upgraded in place; the user's rows are all there and the catalogue loads.
        QSqlQuery q(QSqlDatabase::database(db.connectionName()));
        QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), kChainEnd);
        QVERIFY(q.exec(u"SELECT count(*), sum(price_usd) FROM price_quotes"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 34); // 24 own CPUs + the override + 9 GPUs
        QCOMPARE(q.value(1).toDouble(), (101 + 124) * 12.0 + 149 + (301 + 309) * 4.5);
        QVERIFY(!q.exec(u"INSERT INTO price_quotes (part, price_usd, quoted_on) VALUES ('x', -1, "
                        "'2026-11')"_s)); // step 3's CHECK is in force
        QVERIFY(q.exec(u"SELECT count(*) FROM cpus WHERE origin = 'user'"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 25);
        QString error;
        QVERIFY(!db.load(&error).cpus.empty());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The backup is the file as it was: the old version, the same rows.
        Peek backup(r.backupPath);
        QCOMPARE(backup.value(u"PRAGMA user_version"_s).toInt(), from);
        QCOMPARE(backup.value(u"PRAGMA quick_check"_s).toString(), u"ok"_s);
        QCOMPARE(backup.value(u"SELECT count(*) FROM cpus WHERE origin = 'user'"_s).toInt(), 25);
        QCOMPARE(backup.columns(u"price_quotes"_s).contains(u"supplier"_s), false);
    }
    // Opening again: nothing to do, no second backup.
    CatalogueDatabase db;
    db.setSchemaUpgrades(kChainEnd, chain(Fault::None));
    const OpenResult r = db.open(path);
    QVERIFY2(r.ok && !r.upgraded && r.message.isEmpty(), qPrintable(r.message));
    QCOMPARE(backups(dir.path()).size(), 1);
}

void TstCatalogueUpgrade::failingStepRollsBack() {
    QTemporaryDir dir;
    const QString path = copyDbFixture(dir, u"user-rows-v1.sqlite"_s);
    CatalogueDatabase db;
    db.setSchemaUpgrades(kChainEnd, chain(Fault::SecondStepFails));
    const OpenResult r = db.open(path);
    QVERIFY2(r.ok && r.readOnly && !r.upgraded, qPrintable(r.message));
    QVERIFY2(r.message.contains(u"could not be upgraded"_s), qPrintable(r.message));
    QVERIFY2(r.message.contains(u"simulated failure after changes"_s), qPrintable(r.message));
    QVERIFY2(r.message.contains(u"from schema version 3 to 4"_s), qPrintable(r.message));
    QVERIFY(!r.backupPath.isEmpty());
    QVERIFY2(r.message.contains(r.backupPath), qPrintable(r.message));
    QVERIFY(db.isReadOnly());
    // Steps 1 and 2 stay committed; step 3's half-done changes are gone.
    {
        Peek now(path);
        QCOMPARE(now.value(u"PRAGMA user_version"_s).toInt(), 3);
        QVERIFY(!now.columns(u"price_quotes"_s).contains(u"supplier"_s));
        QVERIFY(now.columns(u"price_quotes_new"_s).isEmpty());
        QCOMPARE(now.value(u"SELECT count(*) FROM price_quotes"_s).toInt(), 34);
        QCOMPARE(now.value(u"SELECT count(*) FROM cpus WHERE origin = 'user'"_s).toInt(), 25);
    }
    // The backup is intact: version 1, every row of the user.
    {
        Peek backup(r.backupPath);
        QCOMPARE(backup.value(u"PRAGMA user_version"_s).toInt(), 1);
        QCOMPARE(backup.value(u"PRAGMA quick_check"_s).toString(), u"ok"_s);
        QCOMPARE(backup.value(u"SELECT count(*) FROM cpus WHERE origin = 'user'"_s).toInt(), 25);
        QVERIFY(backup.columns(u"price_quotes"_s).isEmpty());
    }
    // Read-only means read-only: nothing can be written through this instance.
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    QVERIFY(!q.exec(u"DELETE FROM cpus WHERE origin = 'user'"_s));
    QCOMPARE(db.load().cpus.empty(), false);
}

void TstCatalogueUpgrade::stepBreakingReferencesRollsBack() {
    // Foreign keys are off while steps run (tables can be rebuilt); a step that
    // leaves a preset without its CPU is caught by foreign_key_check and undone.
    QTemporaryDir dir;
    const QString path = copyDbFixture(dir, u"user-rows-v1.sqlite"_s);
    CatalogueDatabase db;
    db.setSchemaUpgrades(
        2, {{1, u"drops a CPU a preset uses"_s, [](const QSqlDatabase &d, QString *error) {
                 return run(d, {u"DELETE FROM cpus WHERE name = 'Fixture CPU 03'"_s}, error);
             }}});
    const OpenResult r = db.open(path);
    QVERIFY2(r.ok && r.readOnly && !r.upgraded, qPrintable(r.message));
    QVERIFY2(r.message.contains(u"pointing at rows that do not exist"_s), qPrintable(r.message));
    Peek now(path);
    QCOMPARE(now.value(u"PRAGMA user_version"_s).toInt(), 1);
    QCOMPARE(now.value(u"SELECT count(*) FROM cpus WHERE name = 'Fixture CPU 03'"_s).toInt(), 1);
    // ... and foreign keys are enforced again on the connection afterwards.
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    QVERIFY(q.exec(u"PRAGMA foreign_keys"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TstCatalogueUpgrade::missingStepOpensReadOnly() {
    QTemporaryDir dir;
    const QString path = copyDbFixture(dir, u"synthetic-v3.sqlite"_s);
    CatalogueDatabase db;
    db.setSchemaUpgrades(kChainEnd, chain(Fault::SecondStepMissing));
    const OpenResult r = db.open(path);
    QVERIFY2(r.ok && r.readOnly && !r.upgraded, qPrintable(r.message));
    QVERIFY2(r.message.contains(u"no upgrade step is known"_s), qPrintable(r.message));
    QCOMPARE(backups(dir.path()).size(), 1);
    Peek now(path);
    QCOMPARE(now.value(u"PRAGMA user_version"_s).toInt(), 3);
}

void TstCatalogueUpgrade::readOnlyOlderFileIsNotUpgraded() {
    QTemporaryDir dir;
    const QString path = copyDbFixture(dir, u"user-rows-v1.sqlite"_s);
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup));
    const QByteArray before = bytesOf(path);
    {
        CatalogueDatabase db;
        db.setSchemaUpgrades(kChainEnd, chain(Fault::None));
        const OpenResult r = db.open(path);
        QVERIFY2(r.ok && r.readOnly && !r.upgraded, qPrintable(r.message));
        QVERIFY2(r.message.contains(u"older version"_s) &&
                     r.message.contains(u"cannot be upgraded while it is read-only"_s),
                 qPrintable(r.message));
    }
    QCOMPARE(bytesOf(path), before);
    QVERIFY(backups(dir.path()).isEmpty());
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

void TstCatalogueUpgrade::fileOfTheLaterChainIsNewerForThisProgram() {
    // A file of the synthetic later chain opened by this program: read-only,
    // untouched. The program itself reached version 3 (the user's measurements),
    // so the fixture is marked one version past the program's first.
    QTemporaryDir dir;
    const QString path = copyDbFixture(dir, u"synthetic-v3.sqlite"_s);
    {
        const QString name = u"mark-newer"_s;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = %1")
                               .arg(CatalogueDatabase::schemaVersion + 1)));
            raw.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    const QByteArray before = bytesOf(path);
    {
        CatalogueDatabase db;
        const OpenResult r = db.open(path);
        QVERIFY2(r.ok && r.readOnly && !r.upgraded, qPrintable(r.message));
        QVERIFY2(r.message.contains(u"newer version"_s), qPrintable(r.message));
    }
    QCOMPARE(bytesOf(path), before);
}

QTEST_GUILESS_MAIN(TstCatalogueUpgrade)
#include "tst_catalogueupgrade.moc"
