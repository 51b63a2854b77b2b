// SPDX-License-Identifier: MIT
// The headless report function the CLI's `report` verb calls.
#include "catalogue.h"
#include "comparison/comparisonstate.h"
#include "comparison/scenarioconvert.h"
#include "report/reportpdf.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QTest>

using namespace llm;
using namespace llm::ui;

class TestReport final : public QObject {
    Q_OBJECT

private:
    Catalog m_catalog;

private slots:
    void initTestCase() {
        m_catalog = db::loadShippedCatalog();
        QVERIFY(!m_catalog.presets.empty());
    }

    void writesPdf_data() {
        QTest::addColumn<int>("builds");
        QTest::newRow("one build") << 1;
        QTest::newRow("three builds") << 3;
        QTest::newRow("all presets") << 99;
    }

    void writesPdf() {
        QFETCH(int, builds);
        ComparisonState state = defaultState(m_catalog);
        if (static_cast<int>(state.builds.size()) > builds)
            state.builds.resize(static_cast<std::size_t>(builds));
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QString error;
        int pages = 0;
        QVERIFY2(
            writeReportPdf(toScenario(state, m_catalog.asOf), m_catalog, &buffer, &error, &pages),
            qPrintable(error));
        QVERIFY(error.isEmpty());
        QVERIFY(buffer.data().startsWith("%PDF-"));
        QVERIFY(buffer.data().trimmed().endsWith("%%EOF"));
        QVERIFY(pages >= 4);
        // Pages in the file match what the function says it wrote.
        const QString pdf = QString::fromLatin1(buffer.data());
        QCOMPARE(pdf.count(QRegularExpression(QStringLiteral("/Type\\s*/Page(?!s)"))), pages);
    }

    // The window's progress hook sees every page, in order, once.
    void reportsProgressPerPage() {
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QString error;
        int pages = 0;
        QList<int> seen;
        QVERIFY2(writeReportPdf(defaultState(m_catalog), m_catalog, &buffer, &error, &pages,
                                [&seen](int page) { seen << page; }),
                 qPrintable(error));
        QCOMPARE(seen.size(), pages);
        for (int i = 0; i < seen.size(); ++i)
            QCOMPARE(seen.at(i), i + 1);
    }

    // D9: more builds or longer names than one comparison holds are refused
    // before any page is drawn (a 1,000-build report took 26 s, 582 pages).
    void refusesAComparisonTooLarge_data() {
        QTest::addColumn<int>("builds");
        QTest::addColumn<int>("nameLength");
        QTest::addColumn<QString>("expected");
        QTest::newRow("13 builds") << 13 << 0 << QStringLiteral("at most 12");
        QTest::newRow("1,000 builds") << 1000 << 0 << QStringLiteral("1,000 builds");
        QTest::newRow("name of 201") << 1 << 201 << QStringLiteral("builds[0].name");
        QTest::newRow("name of 10,000,000") << 1 << 10'000'000 << QStringLiteral("at most 200");
    }
    void refusesAComparisonTooLarge() {
        QFETCH(int, builds);
        QFETCH(int, nameLength);
        QFETCH(QString, expected);
        ComparisonState state = defaultState(m_catalog);
        const Build first = state.builds.front();
        state.builds.clear();
        for (int i = 0; i < builds; ++i) {
            state.builds.push_back(first);
            state.builds.back().name = "Build " + std::to_string(i);
        }
        if (nameLength > 0)
            state.builds.front().name = std::string(static_cast<std::size_t>(nameLength), 'n');
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QString error;
        int calls = 0;
        QVERIFY(!writeReportPdf(state, m_catalog, &buffer, &error, nullptr,
                                [&calls](int) { ++calls; }));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QCOMPARE(calls, 0);
        QVERIFY(buffer.data().isEmpty());
    }

    void refusesBadInput() {
        QString error;
        ComparisonState empty = defaultState(m_catalog);
        empty.builds.clear();
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(!writeReportPdf(empty, m_catalog, &buffer, &error));
        QVERIFY(error.contains(QStringLiteral("no builds")));

        QBuffer closed; // not open for writing
        error.clear();
        QVERIFY(!writeReportPdf(defaultState(m_catalog), m_catalog, &closed, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
