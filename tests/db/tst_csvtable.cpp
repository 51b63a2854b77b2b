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
    void keepBadRows_data();
    void keepBadRows();
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
    // D15: libcsv's "error parsing data while strict checking enabled" in plain words.
    QTest::newRow("stray quote, plain words")
        << QByteArray("a,b\n1,x\"y\n") << u"line 2: a double quote is out of place"_s;
    QTest::newRow("never closed, plain words")
        << QByteArray("a,b\n1,2\n3,\"open\n4,5\n") << u"line 3: a quoted cell is never closed"_s;
    // D12: text that is not UTF-8 is named, not mangled into U+FFFD.
    QTest::newRow("latin-1") << QByteArray("a,b\n1,Caf\xE9\n") << u"line 2 has the byte 0xE9"_s;
    QTest::newRow("windows-1252 quote") << QByteArray("a,b\n1,\x93x\x94\n") << u"not UTF-8"_s;
    // (Bytes as hex: moc misreads string literals with \xFF in them.)
    QTest::newRow("utf-16 LE with BOM")
        << QByteArray::fromHex("fffe61002c0062000a00") << u"UTF-16"_s;
    QTest::newRow("utf-16 BE with BOM")
        << QByteArray::fromHex("feff0061002c0062000a") << u"UTF-16"_s;
    QTest::newRow("utf-16 without BOM")
        << QByteArray::fromHex("61002c0062000a0031002c0032000a00") << u"UTF-16"_s;
    QTest::newRow("truncated utf-8") << QByteArray("a,b\n1,\xC3") << u"not UTF-8"_s;
    QTest::newRow("utf-8 surrogate") << QByteArray("a,b\n1,\xED\xA0\x80\n") << u"not UTF-8"_s;
}

void TstCsvTable::bad() {
    QFETCH(QByteArray, csv);
    QFETCH(QString, mention);
    CsvTable t;
    QString error;
    QVERIFY(!parseCsv(csv, u"t.csv"_s, &t, &error));
    QVERIFY2(error.contains(mention), qPrintable(error));
    QVERIFY(error.startsWith(u"t.csv"_s));
    QVERIFY2(!error.contains(u"strict checking"_s), qPrintable(error)); // libcsv's words
    QVERIFY2(!error.contains(u"error parsing"_s), qPrintable(error));
}

// D18: with keepBadRows a row with the wrong cell count or broken quoting is
// listed (by line) and the others are kept, instead of refusing the file.
void TstCsvTable::keepBadRows_data() {
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("firstCells"); // of the good rows
    QTest::addColumn<QList<int>>("goodLines");
    QTest::addColumn<QList<int>>("badLines");
    QTest::newRow("long row") << QByteArray("a,b\n1,2\n3,4,5\n6,7\n") << QStringList{u"1"_s, u"6"_s}
                              << QList<int>{2, 4} << QList<int>{3};
    QTest::newRow("short row") << QByteArray("a,b\n1\n6,7\n") << QStringList{u"6"_s}
                               << QList<int>{3} << QList<int>{2};
    QTest::newRow("stray quote") << QByteArray("a,b\n1,2\n3,x\"y\n6,7\n")
                                 << QStringList{u"1"_s, u"6"_s} << QList<int>{2, 4}
                                 << QList<int>{3};
    QTest::newRow("two stray quotes") << QByteArray("a,b\n1,x\"y\n\"q\"z,2\n6,7\r\n")
                                      << QStringList{u"6"_s} << QList<int>{4} << QList<int>{2, 3};
    QTest::newRow("unterminated last row") << QByteArray("a,b\n1,2\n3,\"open\n")
                                           << QStringList{u"1"_s} << QList<int>{2} << QList<int>{3};
    QTest::newRow("after an embedded newline")
        << QByteArray("a,b\n1,\"x\ny\"\n3,x\"y\n6,7\n") << QStringList{u"1"_s, u"6"_s}
        << QList<int>{2, 5} << QList<int>{4};
}

void TstCsvTable::keepBadRows() {
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, firstCells);
    QFETCH(QList<int>, goodLines);
    QFETCH(QList<int>, badLines);
    CsvTable t;
    QString error;
    QVERIFY2(parseCsv(csv, u"t.csv"_s, &t, &error, true), qPrintable(error));
    QStringList first;
    for (const QStringList &row : t.rows)
        first.append(row.value(0));
    QCOMPARE(first, firstCells);
    QCOMPARE(t.lines, goodLines);
    QList<int> bad;
    for (const auto &b : t.badRows) {
        bad.append(b.line);
        QVERIFY(!b.why.isEmpty());
        QVERIFY2(!b.why.contains(u"strict checking"_s), qPrintable(b.why));
    }
    QCOMPARE(bad, badLines);
    // Without keepBadRows the same file is refused, naming the first bad line.
    QVERIFY(!parseCsv(csv, u"t.csv"_s, &t, &error));
    QVERIFY2(error.contains(u"line %1"_s.arg(badLines.first())), qPrintable(error));
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
