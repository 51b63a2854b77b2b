// SPDX-License-Identifier: MIT
// The user's layer: validation before SQL (field and allowed range named),
// own rows, overrides and their reset, read-only refusal, SQLite's codes as
// sentences, and every edit saved at once (visible after reopening).

#include "catalogue.h"
#include "catalogueeditor.h"
#include "cataloguerows.h"
#include "sqlrows_p.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace llm;
using namespace llm::db;

namespace {

RowValues gpu(const QString &name, const QString &vram = u"24"_s) {
    return {{u"name"_s, name},           {u"vendor"_s, u"Acme"_s},
            {u"vram_gb"_s, vram},        {u"bandwidth_gbs"_s, u"900"_s},
            {u"price_usd"_s, u"1200"_s}, {u"source"_s, u"quote 2026-11"_s},
            {u"as_of"_s, u"2026-11"_s}};
}

int userRows(const CatalogueDatabase &db, const QString &table) {
    QSqlQuery q(QSqlDatabase::database(db.connectionName(), false));
    q.exec(u"SELECT count(*) FROM "_s + table + u" WHERE origin = 'user'"_s);
    return q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestCatalogueEditor final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(u"catalogue.sqlite"_s); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        CatalogueDatabase db;
        QVERIFY(db.open(path()).ok);
    }

    void validation_data() {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("zero channels")
            << u"cpus"_s << u"memory_channels"_s << u"0"_s
            << u"memory_channels: 0 is out of range (allowed: a whole number more than 0 up to 64)"_s;
        QTest::newRow("zero VRAM")
            << u"gpus"_s << u"vram_gb"_s << u"0"_s
            << u"vram_gb: 0 is out of range (allowed: a number more than 0 up "
               "to 65536 GB)"_s;
        QTest::newRow("negative VRAM")
            << u"gpus"_s << u"vram_gb"_s << u"-5"_s << u"vram_gb: -5 is out of range"_s;
        QTest::newRow("NaN") << u"gpus"_s << u"bandwidth_gbs"_s << u"NaN"_s
                             << u"bandwidth_gbs: 'NaN' is not a number"_s;
        QTest::newRow("inf") << u"gpus"_s << u"bandwidth_gbs"_s << u"inf"_s
                             << u"bandwidth_gbs: 'inf' is not a number"_s;
        QTest::newRow("1e309") << u"quants"_s << u"bits_per_weight"_s << u"1e309"_s
                               << u"bits_per_weight: '1e309' is out of range"_s;
        QTest::newRow("decimal comma") << u"gpus"_s << u"vram_gb"_s << u"24,0"_s
                                       << u"vram_gb: '24,0' is not a number (use a point"_s;
        QTest::newRow("no layers")
            << u"models"_s << u"layers"_s << u""_s << u"layers: empty, a value is required"_s;
        QTest::newRow("zero layers")
            << u"models"_s << u"layers"_s << u"0"_s << u"layers: 0 is out of range"_s;
        QTest::newRow("half a core")
            << u"cpus"_s << u"cores"_s << u"2.5"_s << u"cores: '2.5' is not a whole number"_s;
        QTest::newRow("unknown family") << u"cpus"_s << u"family"_s << u"laptop"_s
                                        << u"family: 'laptop' is not allowed (allowed: one of "
                                           "desktop, workstation, server, mobile, other)"_s;
        QTest::newRow("wrong unit") << u"gpus"_s << u"vram_gb"_s << u"24 GHz"_s
                                    << u"vram_gb: '24 GHz': unit GHz is not accepted here"_s;
        QTest::newRow("bad flag") << u"gpus"_s << u"nvlink"_s << u"2"_s
                                  << u"nvlink: '2' is not allowed (allowed: 0 or 1)"_s;
        QTest::newRow("bad date") << u"gpus"_s << u"as_of"_s << u"next week"_s
                                  << u"as_of: 'next week' is not allowed"_s;
        QTest::newRow("unknown column")
            << u"gpus"_s << u"colour"_s << u"red"_s << u"colour: not a column of gpus"_s;
    }

    // Every bad value is refused with the field and the allowed range, before
    // any SQL, and nothing is written.
    void validation() {
        QFETCH(QString, table);
        QFETCH(QString, column);
        QFETCH(QString, value);
        QFETCH(QString, message);
        const CatalogueTable t = *tableFromName(table);
        CatalogueDatabase db;
        QVERIFY(db.open(path()).ok);
        CatalogueEditor editor(&db);
        // A good row of the table to start from: the first shipped one, renamed.
        RowValues row = editor.rows(t).first().values;
        row.insert(u"name"_s, u"Validation test part"_s);
        QVERIFY2(normaliseRow(t, &row).isEmpty(), qPrintable(normaliseRow(t, &row).join(u'\n')));
        row.insert(column, value);
        const int before = userRows(db, table);
        const EditResult r = editor.addRow(t, row);
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(message), qPrintable(r.message));
        QCOMPARE(userRows(db, table), before);
    }

    void crossFieldRules() {
        RowValues m = {{u"name"_s, u"X"_s},
                       {u"params_total"_s, u"1e9"_s},
                       {u"params_active"_s, u"2e9"_s},
                       {u"layers"_s, u"10"_s},
                       {u"kv_heads"_s, u"8"_s},
                       {u"head_dim"_s, u"128"_s},
                       {u"attention"_s, u"gqa"_s},
                       {u"moe"_s, u"1"_s}};
        const QStringList problems = normaliseRow(CatalogueTable::Models, &m);
        QVERIFY(problems.join(u'\n').contains(u"params_active: more than params_total"_s));
        QVERIFY(
            problems.join(u'\n').contains(u"experts_total: a mixture-of-experts model needs"_s));
    }

    void explicitUnits_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("stored");
        QTest::newRow("plain") << u"24"_s << u"24"_s;
        QTest::newRow("GB") << u"24 GB"_s << u"24"_s;
        QTest::newRow("GiB") << u"24 GiB"_s << u"25.769803776"_s;
        QTest::newRow("TB") << u"1.5TB"_s << u"1500"_s;
        QTest::newRow("exponent") << u"2.4e1"_s << u"24"_s;
    }
    void explicitUnits() {
        QFETCH(QString, input);
        QFETCH(QString, stored);
        RowValues row = gpu(u"Units test"_s, input);
        QVERIFY(normaliseRow(CatalogueTable::Gpus, &row).isEmpty());
        QCOMPARE(row.value(u"vram_gb"_s), stored);
    }

    // Overriding needs every shipped row to pass the same validation.
    void shippedRowsPassValidation() {
        CatalogueDatabase db;
        QVERIFY(db.open(path()).ok);
        CatalogueEditor editor(&db);
        for (CatalogueTable t : editableTables()) {
            for (const CatalogueRow &r : editor.rows(t)) {
                RowValues v = r.values;
                const QStringList problems = normaliseRow(t, &v);
                QVERIFY2(problems.isEmpty(),
                         qPrintable(tableName(t) + u' ' + r.values.value(u"name"_s) + u": "_s +
                                    problems.join(u"; "_s)));
            }
        }
    }

    void ownRowLifecycle() {
        {
            CatalogueDatabase db;
            QVERIFY(db.open(path()).ok);
            CatalogueEditor editor(&db);
            const EditResult added = editor.addRow(CatalogueTable::Gpus, gpu(u"Acme X1"_s));
            QVERIFY2(added.ok, qPrintable(added.message));
            QCOMPARE(editor.addRow(CatalogueTable::Gpus, gpu(u"Acme X1"_s)).message,
                     u"name: 'Acme X1' already exists"_s);
        }
        // Saved immediately: a fresh connection sees it.
        CatalogueDatabase db;
        QVERIFY(db.open(path()).ok);
        CatalogueEditor editor(&db);
        const Catalog c = db.load();
        const auto found = findGpu(c, "Acme X1");
        QVERIFY(found);
        QCOMPARE(units::inGigabytes(found.match->vram), 24.0);
        QCOMPARE(editor.row(CatalogueTable::Gpus, u"Acme X1"_s)->origin, RowOrigin::Own);

        QVERIFY(
            editor.updateRow(CatalogueTable::Gpus, u"Acme X1"_s, gpu(u"Acme X2"_s, u"48"_s)).ok);
        QVERIFY(!editor.row(CatalogueTable::Gpus, u"Acme X1"_s));
        QCOMPARE(editor.row(CatalogueTable::Gpus, u"Acme X2"_s)->values.value(u"vram_gb"_s),
                 u"48"_s);
        QVERIFY(editor.deleteRow(CatalogueTable::Gpus, u"Acme X2"_s).ok);
        QVERIFY(!findGpu(db.load(), "Acme X2"));
        QVERIFY(!editor.deleteRow(CatalogueTable::Gpus, u"Acme X2"_s).ok);
    }

    void overrideAndReset() {
        CatalogueDatabase db;
        QVERIFY(db.open(path()).ok);
        CatalogueEditor editor(&db);
        const CatalogueRow first = editor.rows(CatalogueTable::Gpus).first();
        const QString name = first.values.value(u"name"_s);
        QCOMPARE(first.origin, RowOrigin::Shipped);
        const int count = static_cast<int>(editor.rows(CatalogueTable::Gpus).size());

        // Adding a shipped name is refused; deleting a shipped row is refused.
        QVERIFY(editor.addRow(CatalogueTable::Gpus, gpu(name)).message.contains(u"override"_s));
        QVERIFY(editor.deleteRow(CatalogueTable::Gpus, name).message.contains(u"built-in"_s));
        QVERIFY(!editor.resetOverride(CatalogueTable::Gpus, name).ok);

        const EditResult r =
            editor.overrideRow(CatalogueTable::Gpus, name, {{u"price_usd"_s, u"111"_s}});
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(editor.rows(CatalogueTable::Gpus).size(), count); // replaced, not added
        QCOMPARE(editor.row(CatalogueTable::Gpus, name)->origin, RowOrigin::Override);
        QCOMPARE(editor.userLayer(CatalogueTable::Gpus).value(name), RowOrigin::Override);
        QCOMPARE(*findGpu(db.load(), name.toStdString()).match->priceUsd, 111.0);
        // A bad override is refused and the previous one stays.
        QVERIFY(!editor.overrideRow(CatalogueTable::Gpus, name, {{u"vram_gb"_s, u"0"_s}}).ok);
        QVERIFY(!editor.overrideRow(CatalogueTable::Gpus, name, {{u"name"_s, u"Other"_s}}).ok);
        QCOMPARE(*findGpu(db.load(), name.toStdString()).match->priceUsd, 111.0);
        // Renaming an override is refused by updateRow as well.
        RowValues renamed = editor.row(CatalogueTable::Gpus, name)->values;
        renamed.insert(u"name"_s, u"Renamed override"_s);
        QVERIFY(!editor.updateRow(CatalogueTable::Gpus, name, renamed).ok);

        QVERIFY(editor.resetOverride(CatalogueTable::Gpus, name).ok);
        QCOMPARE(editor.row(CatalogueTable::Gpus, name)->origin, RowOrigin::Shipped);
        QCOMPARE(editor.row(CatalogueTable::Gpus, name)->values.value(u"price_usd"_s),
                 first.values.value(u"price_usd"_s));
        QVERIFY(!editor.userLayer(CatalogueTable::Gpus).contains(name));
    }

    void readOnlyRefuses() {
        const QString copy = m_dir.filePath(u"ro.sqlite"_s);
        QVERIFY(QFile::copy(path(), copy));
        QVERIFY(QFile::setPermissions(copy, QFile::ReadOwner | QFile::ReadGroup));
        CatalogueDatabase db;
        const OpenResult o = db.open(copy);
        QVERIFY(o.ok && o.readOnly);
        CatalogueEditor editor(&db);
        const EditResult r = editor.addRow(CatalogueTable::Gpus, gpu(u"Nope"_s));
        QVERIFY(!r.ok);
        QVERIFY(r.message.contains(u"read-only"_s));
    }

    void sqliteCodesInPlainWords_data() {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("unique") << u"2067"_s << u"already exists"_s;
        QTest::newRow("check") << u"275"_s << u"outside what the catalogue allows"_s;
        QTest::newRow("foreign key") << u"787"_s << u"used by a preset"_s;
        QTest::newRow("busy") << u"5"_s << u"in use by another program"_s;
        QTest::newRow("read-only") << u"8"_s << u"read-only"_s;
        QTest::newRow("full") << u"13"_s << u"disk is full"_s;
        QTest::newRow("corrupt") << u"11"_s << u"damaged"_s;
        QTest::newRow("other") << u"1"_s << u"SQLite error 1"_s;
    }
    void sqliteCodesInPlainWords() {
        QFETCH(QString, code);
        QFETCH(QString, message);
        const QSqlError e(u"driver"_s, u"database says no"_s, QSqlError::StatementError, code);
        QVERIFY2(plainSqlError(e).contains(message), qPrintable(plainSqlError(e)));
    }

    // Review D15: errors while reading the catalogue are in plain words too;
    // SQLite's own text ("btreeInitPage() returns error code 11") never shows.
    void readErrorsInPlainWords_data() {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("corrupt") << u"11"_s << u"the catalogue file is damaged"_s;
        QTest::newRow("not a database") << u"26"_s << u"the catalogue file is damaged"_s;
        QTest::newRow("busy") << u"5"_s << u"in use by another program"_s;
        QTest::newRow("cannot open") << u"14"_s << u"cannot be opened"_s;
        QTest::newRow("io error (extended code)") << u"266"_s << u"input/output error"_s;
        QTest::newRow("other") << u"1"_s << u"could not be read (details: SQLite error 1)"_s;
    }
    void readErrorsInPlainWords() {
        QFETCH(QString, code);
        QFETCH(QString, message);
        const QSqlError e(u"driver"_s, u"btreeInitPage() returns error code 11"_s,
                          QSqlError::StatementError, code);
        const QString text = detail::describe(e);
        QVERIFY2(text.contains(message), qPrintable(text));
        QVERIFY2(!text.contains(u"btreeInitPage"_s), qPrintable(text));
    }

    // The backstop: a row the validation lets through but SQLite refuses is
    // mapped to a sentence and nothing is written (uniqueness here, forced by
    // a raw row the editor does not know about).
    void sqliteBackstop() {
        CatalogueDatabase db;
        QVERIFY(db.open(path()).ok);
        QSqlQuery q(QSqlDatabase::database(db.connectionName(), false));
        QVERIFY(q.exec(u"CREATE TEMP TRIGGER no_acme BEFORE INSERT ON gpus WHEN NEW.vendor = "
                       "'Acme' BEGIN SELECT RAISE(ABORT, 'no Acme'); END"_s));
        CatalogueEditor editor(&db);
        const EditResult r = editor.addRow(CatalogueTable::Gpus, gpu(u"Acme Z"_s));
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(u"no Acme"_s), qPrintable(r.message));
        QVERIFY(!editor.row(CatalogueTable::Gpus, u"Acme Z"_s));
    }
};

QTEST_GUILESS_MAIN(TestCatalogueEditor)
#include "tst_catalogueeditor.moc"
