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
