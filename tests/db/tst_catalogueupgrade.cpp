// SPDX-License-Identifier: MIT
// Schema upgrades through CatalogueDatabase::open(): every older version is
// brought up step by step after a VACUUM INTO backup; a failing step is rolled
// back, the backup kept and the file opened read-only. The program's schema is
// at version 1 (the first), so the chain here is synthetic: 1 -> 2 adds a
// price_quotes table filled from the user's prices, 2 -> 3 rebuilds it with a
// CHECK and a new column (the table-rebuild kind of step). Fixtures of versions
// 1 and 2: tests/data/db/user-rows-v1.sqlite, synthetic-v2.sqlite.

#include "catalogue.h"
#include "migrations.h"

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

QString fixture(const QString &name) {
    return QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/db/") + name;
}

QByteArray bytesOf(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString copyFixture(const QTemporaryDir &dir, const QString &name) {
    const QString path = dir.filePath(u"catalogue.sqlite"_s);
    if (!QFile::copy(fixture(name), path))
        return {};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

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

// Same SQL as STEP_1_TO_2 in tests/data/db/make_fixtures.py (which made synthetic-v2).
const QStringList kStep1To2 = {
    u"CREATE TABLE price_quotes (row_id INTEGER PRIMARY KEY, part TEXT NOT NULL, "
    "price_usd REAL NOT NULL, quoted_on TEXT NOT NULL) STRICT"_s,
    u"INSERT INTO price_quotes (part, price_usd, quoted_on) "
    "SELECT name, price_usd, as_of FROM cpus WHERE origin = 'user' AND price_usd IS NOT NULL "
    "UNION ALL SELECT name, price_usd, as_of FROM gpus WHERE origin = 'user' AND price_usd IS NOT "
    "NULL"_s,
};
const QStringList kStep2To3 = {
    u"CREATE TABLE price_quotes_new (row_id INTEGER PRIMARY KEY, part TEXT NOT NULL, "
    "price_usd REAL NOT NULL CHECK (price_usd >= 0), quoted_on TEXT NOT NULL, "
    "supplier TEXT NOT NULL DEFAULT '') STRICT"_s,
    u"INSERT INTO price_quotes_new (row_id, part, price_usd, quoted_on) "
    "SELECT row_id, part, price_usd, quoted_on FROM price_quotes"_s,
    u"DROP TABLE price_quotes"_s,
    u"ALTER TABLE price_quotes_new RENAME TO price_quotes"_s,
};

enum class Fault { None, SecondStepFails, SecondStepMissing };

QList<MigrationStep> chain(Fault fault) {
    QList<MigrationStep> steps;
    steps.append({1, u"price quotes table"_s, [](const QSqlDatabase &db, QString *error) {
                      return run(db, kStep1To2, error);
                  }});
    if (fault == Fault::SecondStepMissing)
        return steps;
    steps.append(
        {2, u"price quotes with supplier"_s, [fault](const QSqlDatabase &db, QString *error) {
             if (fault != Fault::SecondStepFails)
                 return run(db, kStep2To3, error);
             // Half the work done, then a failure: all of it must be undone.
             if (run(db, kStep2To3.mid(0, 3), error))
                 *error = u"simulated failure after changes"_s;
             return false;
         }});
    return steps;
}

// A second, plain connection for looking at a file as it is on disk.
class Peek final {
public:
    explicit Peek(const QString &path)
        : m_name(u"peek-"_s + QString::number(++s_count)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        db.open();
    }
    ~Peek() {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    Peek(const Peek &) = delete;
    Peek &operator=(const Peek &) = delete;
    QVariant value(const QString &sql) const {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
    QStringList columns(const QString &table) const {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        QStringList names;
        if (q.exec(u"PRAGMA table_info("_s + table + u')'))
            while (q.next())
                names.append(q.value(1).toString());
        return names;
    }

private:
    QString m_name;
    static inline int s_count = 0;
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
    const QString path = copyFixture(dir, u"user-rows-v1.sqlite"_s);
    CatalogueDatabase db; // the program's own chain: version 1 is current
    const OpenResult r = db.open(path);
    QVERIFY2(r.ok && !r.readOnly && !r.upgraded && r.backupPath.isEmpty(), qPrintable(r.message));
    QVERIFY(backups(dir.path()).isEmpty());
}

void TstCatalogueUpgrade::upgradeChain_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("from");
    QTest::newRow("version 1") << u"user-rows-v1.sqlite"_s << 1;
    QTest::newRow("version 2") << u"synthetic-v2.sqlite"_s << 2;
}

void TstCatalogueUpgrade::upgradeChain() {
    QFETCH(QString, file);
    QFETCH(int, from);
    QTemporaryDir dir;
    const QString path = copyFixture(dir, file);
    {
        CatalogueDatabase db;
        db.setSchemaUpgrades(3, chain(Fault::None));
        const OpenResult r = db.open(path);
        QVERIFY2(r.ok && !r.readOnly && r.upgraded && !r.recovered, qPrintable(r.message));
        QVERIFY2(
            r.message.contains(QStringLiteral("upgraded from schema version %1 to 3").arg(from)),
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
        QCOMPARE(q.value(0).toInt(), 3);
        QVERIFY(q.exec(u"SELECT count(*), sum(price_usd) FROM price_quotes"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 34); // 24 own CPUs + the override + 9 GPUs
        QCOMPARE(q.value(1).toDouble(), (101 + 124) * 12.0 + 149 + (301 + 309) * 4.5);
        QVERIFY(!q.exec(u"INSERT INTO price_quotes (part, price_usd, quoted_on) VALUES ('x', -1, "
                        "'2026-11')"_s)); // step 2's CHECK is in force
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
    db.setSchemaUpgrades(3, chain(Fault::None));
    const OpenResult r = db.open(path);
    QVERIFY2(r.ok && !r.upgraded && r.message.isEmpty(), qPrintable(r.message));
    QCOMPARE(backups(dir.path()).size(), 1);
}

void TstCatalogueUpgrade::failingStepRollsBack() {
    QTemporaryDir dir;
    const QString path = copyFixture(dir, u"user-rows-v1.sqlite"_s);
    CatalogueDatabase db;
    db.setSchemaUpgrades(3, chain(Fault::SecondStepFails));
    const OpenResult r = db.open(path);
    QVERIFY2(r.ok && r.readOnly && !r.upgraded, qPrintable(r.message));
    QVERIFY2(r.message.contains(u"could not be upgraded"_s), qPrintable(r.message));
    QVERIFY2(r.message.contains(u"simulated failure after changes"_s), qPrintable(r.message));
    QVERIFY2(r.message.contains(u"from schema version 2 to 3"_s), qPrintable(r.message));
    QVERIFY(!r.backupPath.isEmpty());
    QVERIFY2(r.message.contains(r.backupPath), qPrintable(r.message));
    QVERIFY(db.isReadOnly());
    // Step 1 stays committed; step 2's half-done changes are gone.
    {
        Peek now(path);
        QCOMPARE(now.value(u"PRAGMA user_version"_s).toInt(), 2);
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
    const QString path = copyFixture(dir, u"user-rows-v1.sqlite"_s);
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
    const QString path = copyFixture(dir, u"synthetic-v2.sqlite"_s);
    CatalogueDatabase db;
    db.setSchemaUpgrades(3, chain(Fault::SecondStepMissing));
    const OpenResult r = db.open(path);
    QVERIFY2(r.ok && r.readOnly && !r.upgraded, qPrintable(r.message));
    QVERIFY2(r.message.contains(u"no upgrade step is known"_s), qPrintable(r.message));
    QCOMPARE(backups(dir.path()).size(), 1);
    Peek now(path);
    QCOMPARE(now.value(u"PRAGMA user_version"_s).toInt(), 2);
}

void TstCatalogueUpgrade::readOnlyOlderFileIsNotUpgraded() {
    QTemporaryDir dir;
    const QString path = copyFixture(dir, u"user-rows-v1.sqlite"_s);
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup));
    const QByteArray before = bytesOf(path);
    {
        CatalogueDatabase db;
        db.setSchemaUpgrades(3, chain(Fault::None));
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
    // The version-2 file opened by this program (version 1): read-only, untouched.
    QTemporaryDir dir;
    const QString path = copyFixture(dir, u"synthetic-v2.sqlite"_s);
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
