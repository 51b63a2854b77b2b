// SPDX-License-Identifier: MIT
// Step-by-step schema upgrades after a VACUUM INTO backup: a good step moves
// user_version on; a failing step is rolled back (version and data as
// before) and the backup stays, readable and complete.

#include "catalogue.h"
#include "catalogueeditor.h"
#include "migrations.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace llm::db;

namespace {

QVariant scalar(const QSqlDatabase &db, const QString &sql) {
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0) : QVariant();
}

bool addColumn(const QSqlDatabase &db, QString *error) {
    QSqlQuery q(db);
    if (q.exec(u"ALTER TABLE gpus ADD COLUMN warranty_years INTEGER"_s))
        return true;
    *error = q.lastError().text();
    return false;
}

} // namespace

class TestMigrations final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    // A database at schema 1 with one user row, opened raw (as a migration would).
    QString makeDatabase() {
        const QString path = m_dir.filePath(QStringLiteral("m%1.sqlite").arg(++m_n));
        CatalogueDatabase db;
        if (!db.open(path).ok)
            return {};
        CatalogueEditor editor(&db);
        const EditResult r = editor.addRow(
            CatalogueTable::Quants, {{u"name"_s, u"MY_Q"_s}, {u"bits_per_weight"_s, u"4.5"_s}});
        return r.ok ? path : QString();
    }

private slots:
    void steps_data() {
        QTest::addColumn<bool>("secondFails");
        QTest::addColumn<int>("finalVersion");
        QTest::newRow("all steps succeed") << false << 3;
        QTest::newRow("second step fails") << true << 2;
    }
    void steps() {
        QFETCH(bool, secondFails);
        QFETCH(int, finalVersion);
        const QString path = makeDatabase();
        QVERIFY(!path.isEmpty());
        const QString backup = path + u".before-upgrade"_s;
        const QString name = u"mig-"_s + QString::number(m_n);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            // A synthetic chain from 1, whatever version the program is at.
            QVERIFY(QSqlQuery(db).exec(u"PRAGMA user_version = 1"_s));
            const QList<MigrationStep> steps = {
                {1, u"1 -> 2: no change (example)"_s,
                 [](const QSqlDatabase &, QString *) { return true; }},
                {2, u"2 -> 3: warranty column, then a failure"_s,
                 [secondFails](const QSqlDatabase &d, QString *error) {
                     if (!addColumn(d, error))
                         return false;
                     QSqlQuery q(d);
                     q.exec(u"DELETE FROM quants WHERE origin = 'user'"_s);
                     if (secondFails)
                         *error = u"simulated failure after changes"_s;
                     return !secondFails;
                 }},
            };
            const MigrationResult r = migrateDatabase(db, steps, 3, backup);
            QCOMPARE(r.ok, !secondFails);
            QCOMPARE(r.fromVersion, 1);
            QCOMPARE(r.toVersion, finalVersion);
            QCOMPARE(r.backupPath, backup);
            QCOMPARE(scalar(db, u"PRAGMA user_version"_s).toInt(), finalVersion);
            // The failed step's changes are gone: the column and the user's row.
            const bool column = scalar(db, u"SELECT count(*) FROM pragma_table_info('gpus') WHERE "
                                           "name = 'warranty_years'"_s)
                                    .toInt() == 1;
            QCOMPARE(column, !secondFails);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM quants WHERE origin = 'user'"_s).toInt(),
                     secondFails ? 1 : 0);
            if (secondFails) {
                QVERIFY(r.message.contains(u"simulated failure after changes"_s));
                QVERIFY(r.message.contains(backup));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        // The backup is intact: schema 1, passes the checks, has the user's row.
        QVERIFY(QFile::exists(backup));
        {
            QSqlDatabase b = QSqlDatabase::addDatabase(u"QSQLITE"_s, name + u"-b"_s);
            b.setDatabaseName(backup);
            QVERIFY(b.open());
            QCOMPARE(scalar(b, u"PRAGMA user_version"_s).toInt(), 1);
            QCOMPARE(scalar(b, u"PRAGMA quick_check"_s).toString(), u"ok"_s);
            QCOMPARE(scalar(b, u"SELECT name FROM quants WHERE origin = 'user'"_s).toString(),
                     u"MY_Q"_s);
            b.close();
        }
        QSqlDatabase::removeDatabase(name + u"-b"_s);
    }

    // The program's step 1 -> 2 on a version-1 file (made here from a new one by
    // taking the step's columns away): the columns come back, NULL in old rows,
    // with their CHECKs; a column that is already there is left as it is.
    void programStepOneToTwo_data() {
        QTest::addColumn<bool>("alreadyThere");
        QTest::newRow("version-1 file") << false;
        QTest::newRow("columns already there") << true;
    }
    void programStepOneToTwo() {
        QFETCH(bool, alreadyThere);
        const QString path = makeDatabase();
        QVERIFY(!path.isEmpty());
        const QString name = u"prog-"_s + QString::number(m_n);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            if (!alreadyThere)
                for (const char *sql : {"ALTER TABLE cpus DROP COLUMN sold_new",
                                        "ALTER TABLE gpus DROP COLUMN form_factor",
                                        "ALTER TABLE gpus DROP COLUMN sold_new"})
                    QVERIFY2(q.exec(QString::fromLatin1(sql)), qPrintable(q.lastError().text()));
            QVERIFY(
                q.exec(u"INSERT INTO gpus (name, vendor, model, vram_gb, bandwidth_gbs, source, "
                       "as_of) VALUES ('My card', 'X', 'Y', 24, 900, 'me', '2026-12')"_s));
            QVERIFY(q.exec(u"PRAGMA user_version = 1"_s));
            const MigrationResult r =
                migrateDatabase(db, schemaUpgradeSteps(), 2, path + u".before"_s);
            QVERIFY2(r.ok, qPrintable(r.message));
            QCOMPARE(scalar(db, u"PRAGMA user_version"_s).toInt(), 2);
            {
                QCOMPARE(scalar(db, u"SELECT count(*) FROM pragma_table_info('gpus') WHERE name IN "
                                    "('form_factor', 'sold_new')"_s)
                             .toInt(),
                         2);
                QCOMPARE(scalar(db, u"SELECT count(*) FROM pragma_table_info('cpus') WHERE name = "
                                    "'sold_new'"_s)
                             .toInt(),
                         1);
                QVERIFY(
                    scalar(db, u"SELECT form_factor FROM gpus WHERE name = 'My card'"_s).isNull());
                QVERIFY(!q.exec(u"UPDATE gpus SET form_factor = 'slot' WHERE name = 'My card'"_s));
                QVERIFY(q.exec(u"UPDATE gpus SET form_factor = 'oam' WHERE name = 'My card'"_s));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    // The program's step 2 -> 3 on a version-2 file (made here from a new one by
    // dropping the table): the table of the user's own measurements comes back,
    // empty, with its CHECKs; the rest of the file is as it was.
    void programStepTwoToThree() {
        const QString path = makeDatabase();
        QVERIFY(!path.isEmpty());
        const QString name = u"prog23-"_s + QString::number(m_n);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"DROP TABLE user_measurements"_s));
            QVERIFY(q.exec(u"PRAGMA user_version = 2"_s));
            const int userCpus =
                scalar(db, u"SELECT count(*) FROM cpus WHERE origin = 'user'"_s).toInt();
            const MigrationResult r =
                migrateDatabase(db, schemaUpgradeSteps(), 3, path + u".before"_s);
            QVERIFY2(r.ok, qPrintable(r.message));
            QCOMPARE(scalar(db, u"PRAGMA user_version"_s).toInt(), 3);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM user_measurements"_s).toInt(), 0);
            QCOMPARE(scalar(db, u"SELECT count(*) FROM cpus WHERE origin = 'user'"_s).toInt(),
                     userCpus);
            // The CHECKs came with it: a speed of 0 is refused.
            QVERIFY(!q.exec(u"INSERT INTO user_measurements (imported_at, file, run_date, "
                            "hardware_kind, model, quant, test, prompt_tokens, gen_tokens, tok_s) "
                            "VALUES ('x', 'f', '2026-12-01', 'gpu', 'm', 'q', 'tg128', 0, 128, 0)"_s));
            QVERIFY(q.exec(u"INSERT INTO user_measurements (imported_at, file, run_date, "
                           "hardware_kind, model, quant, test, prompt_tokens, gen_tokens, tok_s) "
                           "VALUES ('x', 'f', '2026-12-01', 'gpu', 'm', 'q', 'tg128', 0, 128, 48.2)"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    void nothingToDoNoBackup() {
        const QString path = makeDatabase();
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"noop"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        const int current = CatalogueDatabase::schemaVersion;
        const MigrationResult r = migrateDatabase(db, {}, current, path + u".bak"_s);
        QVERIFY(r.ok);
        QVERIFY(r.backupPath.isEmpty());
        QVERIFY(!QFile::exists(path + u".bak"_s));
        // A missing step fails before any change, after the backup.
        const MigrationResult missing = migrateDatabase(db, {}, current + 1, path + u".bak"_s);
        QVERIFY(!missing.ok);
        QVERIFY(missing.message.contains(u"no upgrade step is known"_s));
        QCOMPARE(scalar(db, u"PRAGMA user_version"_s).toInt(), current);
        // The backup never overwrites an existing file.
        QString error;
        QVERIFY(!backupDatabase(db, path + u".bak"_s, &error));
        QVERIFY(error.contains(u"already exists"_s));
        db.close();
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
