// SPDX-License-Identifier: MIT
// The CSV reader: RFC 4180 quoting, embedded newlines, malformed input, typed cells.

#include "csvtable.h"

#include <QTest>

using namespace Qt::StringLiterals;
using llm::db::detail::CsvRecord;
using llm::db::detail::CsvTable;
using llm::db::detail::parseCsv;

class TstCsvTable final : public QObject {
    Q_OBJECT

private slots:
    void good_data();
    void good();
    void bad_data();
    void bad();
    void numbers_data();
    void numbers();
    void lineNumbersAfterEmbeddedNewline();
};

void TstCsvTable::good_data() {
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("lastCell");
    QTest::newRow("plain") << QByteArray("a,b\n1,2\n3,4\n") << 2 << u"4"_s;
    QTest::newRow("no final newline") << QByteArray("a,b\n1,2") << 1 << u"2"_s;
    QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n") << 1 << u"2"_s;
    QTest::newRow("quoted comma") << QByteArray("a,b\n1,\"x, y\"\n") << 1 << u"x, y"_s;
    QTest::newRow("doubled quote")
        << QByteArray("a,b\n1,\"say \"\"hi\"\"\"\n") << 1 << u"say \"hi\""_s;
    QTest::newRow("embedded newline")
        << QByteArray("a,b\n1,\"two\nlines\"\n") << 1 << u"two\nlines"_s;
    QTest::newRow("utf-8") << QByteArray("a,b\n1,\xc2\xb5s\n") << 1 << u"\u00b5s"_s;
    QTest::newRow("empty cells") << QByteArray("a,b\n,\n") << 1 << QString();
    QTest::newRow("header only") << QByteArray("a,b\n") << 0 << QString();
}

void TstCsvTable::good() {
    QFETCH(QByteArray, csv);
    QFETCH(int, rows);
    QFETCH(QString, lastCell);
    CsvTable t;
    QString error;
    QVERIFY2(parseCsv(csv, u"t.csv"_s, &t, &error), qPrintable(error));
    QCOMPARE(t.header, QStringList({u"a"_s, u"b"_s}));
    QCOMPARE(t.rows.size(), rows);
    if (rows > 0)
        QCOMPARE(t.rows.last().last(), lastCell);
}

void TstCsvTable::bad_data() {
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("mention");
    QTest::newRow("empty file") << QByteArray() << u"no header"_s;
    QTest::newRow("too few cells") << QByteArray("a,b\n1\n") << u"line 2"_s;
    QTest::newRow("too many cells") << QByteArray("a,b\n1,2\n1,2,3\n") << u"line 3"_s;
    QTest::newRow("unterminated quote") << QByteArray("a,b\n1,\"open\n") << u"t.csv"_s;
    QTest::newRow("quote inside field") << QByteArray("a,b\n1,x\"y\n") << u"t.csv"_s;
    QTest::newRow("duplicate header") << QByteArray("a,a\n1,2\n") << u"repeated"_s;
    QTest::newRow("empty header name") << QByteArray("a,\n1,2\n") << u"empty"_s;
}

void TstCsvTable::bad() {
    QFETCH(QByteArray, csv);
    QFETCH(QString, mention);
    CsvTable t;
    QString error;
    QVERIFY(!parseCsv(csv, u"t.csv"_s, &t, &error));
    QVERIFY2(error.contains(mention), qPrintable(error));
    QVERIFY(error.startsWith(u"t.csv"_s));
}

void TstCsvTable::numbers_data() {
    QTest::addColumn<QString>("cell");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("value");
    QTest::newRow("int") << u"42"_s << true << 42.0;
    QTest::newRow("decimal point") << u"4.8944"_s << true << 4.8944;
    QTest::newRow("exponent") << u"1.5e9"_s << true << 1.5e9;
    QTest::newRow("padded") << u" 7 "_s << true << 7.0;
    QTest::newRow("decimal comma") << u"4,5"_s << false << 0.0;
    QTest::newRow("text") << u"lots"_s << false << 0.0;
    QTest::newRow("tilde left in") << u"~1.8"_s << false << 0.0;
    QTest::newRow("nan") << u"nan"_s << false << 0.0;
    QTest::newRow("inf") << u"inf"_s << false << 0.0;
}

void TstCsvTable::numbers() {
    QFETCH(QString, cell);
    QFETCH(bool, ok);
    QFETCH(double, value);
    // A German locale must not change how numbers are read.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    CsvTable t;
    QString error;
    const QByteArray csv = "x\n\"" + cell.toUtf8() + "\"\n";
    QVERIFY2(parseCsv(csv, u"n.csv"_s, &t, &error), qPrintable(error));
    CsvRecord r(t, 0);
    const double got = r.number(u"x"_s, -1);
    QCOMPARE(r.ok(), ok);
    if (ok)
        QCOMPARE(got, value);
    else
        QVERIFY2(r.error().contains(u"n.csv line 2, column x"_s), qPrintable(r.error()));
    QLocale::setDefault(QLocale::c());
}

void TstCsvTable::lineNumbersAfterEmbeddedNewline() {
    CsvTable t;
    QString error;
    QVERIFY(parseCsv("a,b\n1,\"x\ny\"\n0,2\n", u"t.csv"_s, &t, &error));
    QCOMPARE(t.lines, QList<int>({2, 4}));
    CsvRecord r(t, 1);
    QCOMPARE(r.requiredPositive(u"a"_s), 0.0);
    QVERIFY2(r.error().contains(u"line 4"_s), qPrintable(r.error()));
    CsvRecord missing(t, 0);
    missing.requiredText(u"nope"_s);
    QVERIFY(missing.error().contains(u"column missing"_s));
}

QTEST_GUILESS_MAIN(TstCsvTable)
#include "tst_csvtable.moc"
