// SPDX-License-Identifier: MIT
// The report as meeting minutes (issue 15), checked on the PDF itself with
// poppler's pdftotext and on the report's own layout data: the comparison's
// title and purpose, every build's full name, its notes and the named needs on
// page 1; "Page 1 of N"; the glossary in the appendix; no heading or table
// header left alone at the foot of a page; few pages before the appendix.
#include "catalogue.h"
#include "comparison/comparisonstate.h"
#include "comparison/scenarioconvert.h"
#include "measurements.h"
#include "report/reportpdf.h"
#include "scenario.h"

#include <QBuffer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace llm;
using namespace llm::ui;

namespace {

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// pdftotext's text of one page (1-based), whitespace runs made one space so a
// name wrapped inside its cell still reads as one string.
QString pageText(const QString &pdf, int page) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
             QString::number(page), QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf,
             QStringLiteral("-")});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return QString();
    return QString::fromUtf8(p.readAllStandardOutput()).simplified();
}

// Blanks and hyphens out: a name or a need wrapped at a blank or after a hyphen
// inside its table cell still matches (pdftotext drops a line-end hyphen).
QString squeezed(QString s) {
    return s.remove(u' ').remove(u'-');
}

#define QVERIFY_ON_PAGE(page, what)                                                                \
    QVERIFY2(squeezed(page).contains(squeezed(what)),                                              \
             qPrintable(QStringLiteral("\"%1\" not in: %2").arg(what, (page).left(1500))))

} // namespace

class TestReport final : public QObject {
    Q_OBJECT

private:
    Catalog m_catalog;
    QTemporaryDir m_dir;

    ComparisonState load(const QString &path) {
        const auto parsed = scenario::parseScenario(
            readFile(path), m_catalog, db::loadShippedPlatformRules(), db::shippedAssumptions());
        if (!parsed.ok())
            qWarning("%s", qPrintable(parsed.error.toLine()));
        return parsed.ok() ? fromScenario(*parsed.scenario) : ComparisonState{};
    }

    // The 3-build comparison with quotes as notes and the meeting's fields, and
    // the seed's 9 builds with a purpose and a note added.
    ComparisonState comparison(const QString &which) {
        if (which == QLatin1String("firm70b"))
            return load(QStringLiteral(LLMADVISOR_TEST_DATA_DIR "/report/firm70b-meeting.json"));
        ComparisonState s =
            load(QStringLiteral(LLMADVISOR_SOURCE_DIR "/resources/scenarios/seed-comparison.json"));
        s.meeting.purpose = "Which of the seed document's nine builds to order for the lab";
        if (s.builds.size() > 6)
            s.builds[6].notes = "Two cards need a 1,600 W power supply; quote pending.";
        return s;
    }

private slots:
    void initTestCase() {
        m_catalog = db::loadShippedCatalog();
        QVERIFY(!m_catalog.presets.empty());
        QVERIFY(m_dir.isValid());
    }

    void minutes_data() {
        QTest::addColumn<QString>("which");
        QTest::addColumn<int>("builds");
        QTest::addColumn<int>("maxPagesBeforeAppendix");
        QTest::newRow("3 builds (firm70b)") << QStringLiteral("firm70b") << 3 << 3;
        QTest::newRow("9 builds (seed)") << QStringLiteral("seed") << 9 << 4;
    }

    // What pdftotext reads from the printed file.
    void minutes() {
        QFETCH(QString, which);
        QFETCH(int, builds);
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const ComparisonState state = comparison(which);
        QCOMPARE(static_cast<int>(state.builds.size()), builds);
        QVERIFY(!state.meeting.title.empty());
        QVERIFY(!state.meeting.purpose.empty());

        const QString pdf = m_dir.filePath(which + QStringLiteral(".pdf"));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QString error;
        int pages = 0;
        QVERIFY2(writeReportPdf(state, m_catalog, &file, &error, &pages), qPrintable(error));
        file.close();

        const QString page1 = pageText(pdf, 1);
        QVERIFY2(!page1.isEmpty(), "pdftotext read nothing");
        QVERIFY_ON_PAGE(page1, QString::fromStdString(state.meeting.title));
        QVERIFY_ON_PAGE(page1, QString::fromStdString(state.meeting.purpose));
        if (!state.meeting.decision.empty())
            QVERIFY_ON_PAGE(page1, QString::fromStdString(state.meeting.decision));
        if (!state.meeting.attendees.empty())
            QVERIFY_ON_PAGE(page1, QString::fromStdString(state.meeting.attendees));
        QVERIFY2(page1.contains(QStringLiteral("Page 1 of %1").arg(pages)), qPrintable(page1));
        QVERIFY2(!page1.contains(u'…'), qPrintable(page1));
        // The answer first: core's decision summary, as the CLI words it.
        QVERIFY_ON_PAGE(page1, QStringLiteral("The answer"));
        QVERIFY_ON_PAGE(page1, QStringLiteral("For %1 %2")
                                   .arg(QString::fromStdString(state.model.model.name),
                                        QString::fromStdString(state.model.quant.name)));
        QVERIFY_ON_PAGE(page1, QStringLiteral("Cheapest that meets every need:"));
        for (const Build &b : state.builds) {
            QVERIFY_ON_PAGE(page1, QString::fromStdString(b.name));
            if (!b.notes.empty())
                QVERIFY_ON_PAGE(page1, QString::fromStdString(b.notes));
        }
        // The needs by name, not only by code.
        for (const UseCase &u : state.useCases)
            QVERIFY_ON_PAGE(page1, QString::fromStdString(u.description));
        // The glossary is in the appendix, on the last pages.
        QString tail;
        for (int p = std::max(1, pages - 2); p <= pages; ++p)
            tail += pageText(pdf, p) + u' ';
        QVERIFY_ON_PAGE(tail, QStringLiteral("Glossary"));
        QVERIFY_ON_PAGE(tail, QStringLiteral("Memory channels: independent 64-bit paths"));
        QVERIFY(pageText(pdf, pages).contains(QStringLiteral("Page %1 of %1").arg(pages)));

        // The page budget as printed: the appendix heading's page, read back from the PDF.
        QFETCH(int, maxPagesBeforeAppendix);
        int appendixPage = 0;
        QString appendix;
        for (int p = 1; p <= pages; ++p) {
            const QString text = pageText(pdf, p);
            if (appendixPage == 0 && text.contains(QStringLiteral("Appendix: the details")))
                appendixPage = p;
            if (appendixPage > 0)
                appendix += text + u' ';
        }
        QVERIFY2(appendixPage > 1, "no appendix heading in the PDF");
        QVERIFY2(appendixPage - 1 <= maxPagesBeforeAppendix,
                 qPrintable(QStringLiteral("%1 printed pages before the appendix")
                                .arg(appendixPage - 1)));
        // What if and headroom in plain words: no core shorthand ("Q4_K_M -> Q4_1"),
        // no margins ("+0.09×"), no change identifiers ("faster-memory").
        QVERIFY_ON_PAGE(appendix, QStringLiteral("What one change would do"));
        QVERIFY_ON_PAGE(appendix, QStringLiteral("Room to spare"));
        QVERIFY2(!appendix.contains(QStringLiteral("->")), qPrintable(appendix));
        static const QRegularExpression margin(QStringLiteral("[+−±]\\d+\\.\\d\\d×"));
        QVERIFY2(!appendix.contains(margin), qPrintable(margin.match(appendix).captured()));
        for (const char *id : {"faster-memory", "all-channels", "one-more-gpu", "larger-gpu",
                               "smaller-gpu"})
            QVERIFY2(!appendix.contains(QLatin1String(id)), id);
    }

    // What the report's own layout data says about its pages.
    void pagination() {
        QFETCH(QString, which);
        QFETCH(int, maxPagesBeforeAppendix);
        const ComparisonState state = comparison(which);
        QString error;
        const ReportLayout layout = layoutReport(state, m_catalog, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(layout.pages > 1);
        QVERIFY(!layout.boxes.empty());

        int appendixPage = -1;
        for (std::size_t i = 0; i < layout.boxes.size(); ++i) {
            const report::PlacedBox &b = layout.boxes[i];
            if (b.kind == report::BoxKind::Heading && b.text == layout.appendixHeading)
                appendixPage = b.page;
            const bool lastOnPage =
                i + 1 == layout.boxes.size() || layout.boxes[i + 1].page != b.page;
            // Nothing a reader needs the next page to understand sits last on a page.
            if (lastOnPage && i + 1 < layout.boxes.size()) {
                QVERIFY2(b.kind != report::BoxKind::TableHeader,
                         qPrintable(QStringLiteral("table header last on page %1: %2")
                                        .arg(b.page + 1)
                                        .arg(b.text)));
                QVERIFY2(
                    b.kind != report::BoxKind::Heading,
                    qPrintable(
                        QStringLiteral("heading last on page %1: %2").arg(b.page + 1).arg(b.text)));
            }
            // A table continued on a new page starts with its header again.
            if (b.kind == report::BoxKind::TableRow && i > 0 && layout.boxes[i - 1].page != b.page)
                QFAIL(qPrintable(QStringLiteral("row without header at the top of page %1: %2")
                                     .arg(b.page + 1)
                                     .arg(b.text)));
        }
        QVERIFY(appendixPage > 0);
        QVERIFY2(appendixPage <= maxPagesBeforeAppendix,
                 qPrintable(QStringLiteral("%1 pages before the appendix").arg(appendixPage)));
        // Every box of page 1 is on page 1 in full: page 1 holds the verdict grid.
        int gridRows = 0;
        for (const report::PlacedBox &b : layout.boxes)
            if (b.page == 0 && b.kind == report::BoxKind::TableRow)
                ++gridRows;
        QVERIFY2(gridRows >= static_cast<int>(state.builds.size()),
                 qPrintable(QStringLiteral("%1 verdict rows on page 1").arg(gridRows)));
    }

    void pagination_data() { minutes_data(); }

    // Uncertainty said once per group of builds sharing an error band, named by
    // their kind of hardware in plain words, never by the class id.
    void uncertaintyPerKindOfHardware() {
        ComparisonState state = comparison(QStringLiteral("seed"));
        QVERIFY(!state.assumptions.generationBandByClass.empty());
        for (auto &[cls, band] : state.assumptions.generationBandByClass)
            if (QString::fromStdString(cls).startsWith(QLatin1String("gpu")))
                band = Band{0.8, 1.1};
        QString error;
        const ReportLayout layout = layoutReport(state, m_catalog, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QString page1;
        for (const report::PlacedBox &b : layout.boxes)
            if (b.page == 0)
                page1 += b.text + u' ';
        QVERIFY_ON_PAGE(page1, QStringLiteral("For builds C, D, F, G and I (graphics card), real "
                                              "speeds may be up to 20 % lower or 10 % higher"));
        QVERIFY_ON_PAGE(page1, QStringLiteral("For builds A, B, E and H (integrated GPU on shared "
                                              "memory and CPU only), real speeds may be"));
        QVERIFY2(!page1.contains(QStringLiteral("gpu-nvidia")), qPrintable(page1));
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
