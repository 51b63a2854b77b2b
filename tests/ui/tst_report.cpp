// SPDX-License-Identifier: MIT
// The report as meeting minutes (issue 15), checked on the PDF itself with
// poppler's pdftotext and on the report's own layout data: the comparison's
// title and purpose, every build's full name, its notes and the named needs on
// page 1; "Page 1 of N"; the glossary in the appendix; no heading or table
// header left alone at the foot of a page; few pages before the appendix.
#include "../support/windowdata.h"
#include "catalogue.h"
#include "comparison/comparisonstate.h"
#include "comparison/format.h"
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

// The cells of a table row as the layout data gives them ("A | B | C"), each
// cell's lines apart (a <br> in a cell is a line separator).
QList<QStringList> cellsOf(const report::PlacedBox &b) {
    QList<QStringList> cells;
    static const QRegularExpression lineBreak(QStringLiteral("[\\n\\x{2028}\\x{2029}]"));
    for (const QString &cell : b.text.split(QStringLiteral(" | ")))
        cells << cell.split(lineBreak);
    return cells;
}

// One word of `pdftotext -bbox` with where it is on its page (points).
struct Word {
    QString text;
    QRectF box;
};

QList<Word> wordsOnPage(const QString &pdf, int page) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            {QStringLiteral("-bbox"), QStringLiteral("-f"), QString::number(page),
             QStringLiteral("-l"), QString::number(page), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return {};
    static const QRegularExpression word(
        QStringLiteral("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" "
                       "yMax=\"([\\d.]+)\">([^<]*)</word>"));
    QList<Word> words;
    const QString html = QString::fromUtf8(p.readAllStandardOutput());
    for (auto it = word.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        words << Word{m.captured(5).replace(QStringLiteral("&amp;"), QStringLiteral("&")),
                      QRectF(QPointF(m.captured(1).toDouble(), m.captured(2).toDouble()),
                             QPointF(m.captured(3).toDouble(), m.captured(4).toDouble()))};
    }
    return words;
}

// Where the words of `phrase` follow each other on the page (their union; the
// last such place with `last`), or an empty rect.
QRectF phraseBox(const QList<Word> &words, const QString &phrase, bool last = false) {
    const QStringList want = phrase.split(u' ');
    QRectF found;
    for (int i = 0; i + want.size() <= words.size(); ++i) {
        QRectF box;
        int k = 0;
        while (k < want.size() && words[i + k].text == want[k]) {
            box = box.isNull() ? words[i + k].box : box.united(words[i + k].box);
            ++k;
        }
        if (k == want.size()) {
            found = box;
            if (!last)
                break;
        }
    }
    return found;
}

#define QVERIFY_ON_PAGE(page, what)                                                                \
    QVERIFY2(squeezed(page).contains(squeezed(what)),                                              \
             qPrintable(QStringLiteral("\"%1\" not in: %2").arg(what, (page).left(1500))))

} // namespace

class TestReport final : public QObject {
    Q_OBJECT

private:
    Catalog m_catalog;
    db::ReferenceData m_data; // the catalogue with the shipped baseline, rules, measurements
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
        m_data = llm::testsupport::windowData(m_catalog);
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
        QVERIFY2(writeReportPdf(state, m_data, &file, &error, &pages), qPrintable(error));
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
        // Nothing cut anywhere, and euros spelt one way ("EUR", never "€").
        for (int p = 1; p <= pages; ++p) {
            const QString text = pageText(pdf, p);
            QVERIFY2(!text.contains(u'…'),
                     qPrintable(QStringLiteral("page %1: %2").arg(p).arg(text)));
            QVERIFY2(!text.contains(u'€'),
                     qPrintable(QStringLiteral("page %1: %2").arg(p).arg(text)));
        }
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
        // The glossary names each term once, in its own column.
        QVERIFY_ON_PAGE(tail, QStringLiteral("Memory channels Independent 64-bit paths between "
                                             "the CPU and its RAM"));
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
                 qPrintable(
                     QStringLiteral("%1 printed pages before the appendix").arg(appendixPage - 1)));
        // What if and headroom in plain words: no core shorthand ("Q4_K_M -> Q4_1"),
        // no margins ("+0.09×"), no change identifiers ("faster-memory").
        QVERIFY_ON_PAGE(appendix, QStringLiteral("What one change would do"));
        QVERIFY_ON_PAGE(appendix, QStringLiteral("Room to spare"));
        QVERIFY2(!appendix.contains(QStringLiteral("->")), qPrintable(appendix));
        static const QRegularExpression margin(QStringLiteral("[+−±]\\d+\\.\\d\\d×"));
        QVERIFY2(!appendix.contains(margin), qPrintable(margin.match(appendix).captured()));
        for (const char *id :
             {"faster-memory", "all-channels", "one-more-gpu", "larger-gpu", "smaller-gpu"})
            QVERIFY2(!appendix.contains(QLatin1String(id)), id);
    }

    // What the report's own layout data says about its pages.
    void pagination() {
        QFETCH(QString, which);
        QFETCH(int, maxPagesBeforeAppendix);
        const ComparisonState state = comparison(which);
        QString error;
        const ReportLayout layout = layoutReport(state, m_data, &error);
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
        const ReportLayout layout = layoutReport(state, m_data, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QString page1;
        for (const report::PlacedBox &b : layout.boxes)
            if (b.page == 0)
                page1 += b.text + u' ';
        QVERIFY_ON_PAGE(page1, QStringLiteral("For builds C, D, F, G and I (graphics card), real "
                                              "speeds may be up to 20 % lower or 10 % higher"));
        QVERIFY_ON_PAGE(page1, QStringLiteral("For builds A, B, E and H (built-in graphics "
                                              "sharing the system memory and processor only), "
                                              "real speeds may be"));
        QVERIFY2(!page1.contains(QStringLiteral("gpu-nvidia")), qPrintable(page1));
    }

    // The appendix's wide tables have the builds as columns: at most four builds
    // per table (nine: three tables of three), every build's full name at the head
    // of a column, the fact's unit only in the row's label, never in a cell.
    void appendixHasBuildsAsColumns() {
        QFETCH(QString, which);
        const ComparisonState state = comparison(which);
        QString error;
        const ReportLayout layout = layoutReport(state, m_data, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const int n = static_cast<int>(state.builds.size());
        const int parts = (n + 3) / 4;
        for (const QString &section :
             {QStringLiteral("A. Specifications"), QStringLiteral("B. Every estimated figure")}) {
            bool inside = false;
            int headers = 0;
            QString named;
            QString currentLabel;
            for (const report::PlacedBox &b : layout.boxes) {
                if (b.kind == report::BoxKind::Heading)
                    inside = b.text == section;
                if (!inside)
                    continue;
                const QList<QStringList> cells = cellsOf(b);
                if (b.kind == report::BoxKind::TableHeader) {
                    QVERIFY2(cells.size() - 1 <= 4, qPrintable(b.text));
                    QVERIFY2(cells.first().join(QString()).isEmpty(), qPrintable(b.text));
                    if (!b.repeatedHeader) {
                        ++headers;
                        named += b.text + u' ';
                    }
                }
                if (b.kind != report::BoxKind::TableRow)
                    continue;
                // A row of figures: the unit in its label, bare numbers in its cells.
                static const QRegularExpression unit(
                    QStringLiteral("\\((GB|GB/s|MT/s|W|EUR|tokens per second|euro cents)\\)"));
                if (!cells.first().join(u' ').contains(unit))
                    continue;
                static const QRegularExpression bare(
                    QStringLiteral("^(≈ )?[0-9][0-9,.× ]*( \\*)?$|^(–|unknown|not computed|does "
                                   "not fit)$"));
                for (int c = 1; c < cells.size(); ++c)
                    QVERIFY2(bare.match(cells[c].first().trimmed()).hasMatch(),
                             qPrintable(QStringLiteral("%1: \"%2\"")
                                            .arg(cells.first().join(u' '), cells[c].first())));
            }
            QCOMPARE(headers, parts);
            for (const Build &b : state.builds)
                QVERIFY_ON_PAGE(named, QString::fromStdString(b.name));
        }
    }
    void appendixHasBuildsAsColumns_data() { minutes_data(); }

    // Plain words first in the appendix's tables: a hardware class id
    // ("gpu-nvidia-blackwell"), a placement or a bottleneck as the estimator
    // names them stand only behind "For engineers:" in the same cell.
    void appendixSaysItInPlainWordsFirst() {
        QFETCH(QString, which);
        const ComparisonState state = comparison(which);
        QStringList engineering;
        for (const BuildResult &r : computeResults(state, m_data.catalog, m_data.rules)) {
            if (!r.computed)
                continue;
            engineering << QString::fromStdString(r.estimate.hardwareClass.str())
                        << fmt::bottleneck(r.estimate.generationBottleneck)
                        << fmt::placement(r.estimate.placement);
        }
        engineering.removeDuplicates();
        QString error;
        const ReportLayout layout = layoutReport(state, m_data, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        bool appendix = false;
        int checked = 0;
        for (const report::PlacedBox &b : layout.boxes) {
            if (b.kind == report::BoxKind::Heading && b.text == layout.appendixHeading)
                appendix = true;
            if (b.kind == report::BoxKind::Heading && b.text.startsWith(QLatin1String("F. ")))
                break; // the glossary explains terms by name
            if (!appendix ||
                (b.kind != report::BoxKind::TableRow && b.kind != report::BoxKind::TableHeader))
                continue;
            for (const QStringList &lines : cellsOf(b)) {
                const QString cell = lines.join(u' ');
                for (const QString &term : engineering) {
                    // Whole words only: "GPU" in "GPU memory" after the label is fine.
                    const QRegularExpression word(QStringLiteral("(^|[^\\w-])%1($|[^\\w-])")
                                                      .arg(QRegularExpression::escape(term)));
                    const auto m = word.match(cell);
                    if (!m.hasMatch())
                        continue;
                    ++checked;
                    const qsizetype label = cell.indexOf(QStringLiteral("For engineers:"));
                    QVERIFY2(label >= 0 && label < m.capturedStart(),
                             qPrintable(QStringLiteral("\"%1\" before any plain words in: %2")
                                            .arg(term, cell)));
                }
            }
        }
        QVERIFY2(checked >= 3, "no engineering term found in the appendix's tables at all");
    }
    void appendixSaysItInPlainWordsFirst_data() { minutes_data(); }

    // A card counted below its rated tensor speed (boardPowerShare) is named in
    // the assumptions with its share; a build whose cards hold their rating is not.
    void namesPowerLimitedCards() {
        ComparisonState state = comparison(QStringLiteral("seed"));
        QString error;
        const auto paragraphText = [&](const ComparisonState &st) {
            const ReportLayout layout = layoutReport(st, m_data, &error);
            QString all;
            for (const report::PlacedBox &b : layout.boxes)
                if (b.kind == report::BoxKind::Paragraph)
                    all += b.text + u'\n';
            return all;
        };
        const QString seed = paragraphText(state);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString pro6000 = QStringLiteral("NVIDIA RTX PRO 6000 Blackwell Workstation Edition");
        const Gpu *card = nullptr;
        for (const Build &b : state.builds)
            for (const GpuGroup &g : b.gpus)
                if (QString::fromStdString(g.gpu.name) == pro6000)
                    card = &g.gpu;
        QVERIFY(card);
        const double share = boardPowerShare(*card);
        QVERIFY(share < 1.0);
        const QString expected =
            QStringLiteral("%1 at %2").arg(pro6000, QLocale().toString(share * 100, 'f', 0));
        QVERIFY2(seed.contains(QStringLiteral("power limit")), qPrintable(seed));
        QVERIFY2(seed.contains(expected), qPrintable(seed));
        // Only the RTX 5080 and 5090 desktops: GeForce cards hold their rating.
        ComparisonState geforce = state;
        geforce.builds.erase(std::remove_if(geforce.builds.begin(), geforce.builds.end(),
                                            [&](const Build &b) {
                                                for (const GpuGroup &g : b.gpus)
                                                    if (boardPowerShare(g.gpu) < 1.0)
                                                        return true;
                                                return b.gpus.empty();
                                            }),
                             geforce.builds.end());
        QVERIFY(!geforce.builds.empty());
        const QString plain = paragraphText(geforce);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(!plain.contains(QStringLiteral("power limit")), qPrintable(plain));
    }

    // One number format per column: a quote with cents is shown in whole euros
    // like the estimates beside it, its exact amount on the line below.
    void quoteWithCentsInWholeEuros() {
        ComparisonState state = comparison(QStringLiteral("firm70b"));
        state.builds[0].quotedPriceEur = 2099.5;
        state.builds[0].quoteSource = "Supplier X";
        QString error;
        const ReportLayout layout = layoutReport(state, m_data, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QLocale locale;
        const QString whole = locale.toString(2100.0, 'f', 0);
        const QString exact = locale.toString(2099.5, 'f', 2);
        int gridRows = 0, specRows = 0;
        bool inSpecs = false;
        for (const report::PlacedBox &b : layout.boxes) {
            if (b.kind == report::BoxKind::Heading)
                inSpecs = b.text == QLatin1String("A. Specifications");
            if (b.kind != report::BoxKind::TableRow)
                continue;
            const QList<QStringList> cells = cellsOf(b);
            // Page 1's grid: "A · Mini PC …" | price | needs met | verdicts.
            if (b.page == 0 && cells.first().first().startsWith(QStringLiteral("A · "))) {
                ++gridRows;
                QCOMPARE(cells[1].first(), whole);
                QVERIFY2(cells[1].join(u' ').contains(exact + QStringLiteral(" EUR exactly")),
                         qPrintable(b.text));
            }
            // Every price of page 1's price column in whole euros.
            if (b.page == 0 && cells.size() > 2) {
                static const QRegularExpression wholeEuros(QStringLiteral("^(≈ )?[0-9,]+$"));
                if (cells.first().first().contains(QStringLiteral(" · ")))
                    QVERIFY2(wholeEuros.match(cells[1].first()).hasMatch(), qPrintable(b.text));
            }
            if (inSpecs && cells.first().first() == QLatin1String("Price (EUR)")) {
                ++specRows;
                QCOMPARE(cells[1].first(), whole);
                QVERIFY2(!b.text.contains(exact), qPrintable(b.text));
            }
        }
        QCOMPARE(gridRows, 1);
        QCOMPARE(specRows, 1);
    }

    // Every chart is printed whole: its legend lies inside the box the page gives
    // it (the model-size chart's legend of nine builds once fell off the page).
    void chartsKeepTheirLegends() {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const ComparisonState state = comparison(QStringLiteral("seed"));
        QString error;
        const ReportLayout layout = layoutReport(state, m_data, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString pdf = m_dir.filePath(QStringLiteral("legends.pdf"));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY2(writeReportPdf(state, m_data, &file, &error), qPrintable(error));
        file.close();
        struct Expect {
            const char *describedAs; // the chart box's text (ChartsPanel::describe)
            const char *title;
            const char *legend; // the last legend entry's first words
        };
        const Expect charts[] = {
            {"Bar chart of the seconds", "Seconds until the answer starts", "target: within"},
            {"Bar chart of the writing speed", "Writing speed (longer is better)",
             "target: 10 tokens/s"},
            {"Matrix of use-case verdicts", "Needs met per build:", "not computed"},
            {"Line chart of writing speed", "Writing speed by model size", "your model:"},
            {"Bar chart of memory bandwidth", "Memory bandwidth per build", "GPU memory"},
        };
        const qreal pointsPerPixel = 72.0 / 300.0; // the layout is in the PDF's 300 dpi pixels
        for (const Expect &e : charts) {
            const auto box = std::find_if(
                layout.boxes.begin(), layout.boxes.end(), [&e](const report::PlacedBox &b) {
                    return b.kind == report::BoxKind::Chart &&
                           b.text.startsWith(QLatin1String(e.describedAs));
                });
            QVERIFY2(box != layout.boxes.end(), e.describedAs);
            const QList<Word> words = wordsOnPage(pdf, box->page + 1);
            const QRectF title = phraseBox(words, QString::fromUtf8(e.title));
            const QRectF legend = phraseBox(words, QString::fromUtf8(e.legend), true);
            QVERIFY2(!title.isNull(), e.title);
            QVERIFY2(!legend.isNull(), qPrintable(QStringLiteral("legend \"%1\" not on page %2")
                                                      .arg(QString::fromUtf8(e.legend))
                                                      .arg(box->page + 1)));
            // From the chart's title at its top to the legend at its foot: inside the box.
            QVERIFY2(legend.bottom() - title.top() <= box->rect.height() * pointsPerPixel + 2,
                     qPrintable(QStringLiteral("%1: legend %2 pt below the title, box %3 pt")
                                    .arg(QString::fromUtf8(e.title))
                                    .arg(legend.bottom() - title.top())
                                    .arg(box->rect.height() * pointsPerPixel)));
        }
    }

    // The longest comparison a report takes (12 builds, names of 200 characters):
    // nothing cut to "…" anywhere, charts included (their axes and legends wrap
    // the names), every chart whole on one page.
    void longNamesAreNeverCut() {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        ComparisonState state = comparison(QStringLiteral("seed"));
        for (std::size_t i = 0; state.builds.size() < 12; ++i)
            state.builds.push_back(state.builds[i]);
        for (std::size_t i = 0; i < state.builds.size(); ++i) {
            std::string &name = state.builds[i].name;
            name += " for the legal department's contract review, with redundant storage, "
                    "a three-year on-site service agreement and spare parts kept on site "
                    "nr. " +
                    std::to_string(i + 1);
            name.resize(std::min<std::size_t>(name.size(), 200), ' ');
        }
        QString error;
        const ReportLayout layout = layoutReport(state, m_data, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(layout.bodyHeight > 0);
        int charts = 0;
        for (const report::PlacedBox &b : layout.boxes) {
            if (b.kind != report::BoxKind::Chart)
                continue;
            ++charts;
            QVERIFY2(b.rect.top() >= 0 && b.rect.bottom() <= layout.bodyHeight + 0.5,
                     qPrintable(b.text.left(60)));
        }
        QCOMPARE(charts, 5);
        const QString pdf = m_dir.filePath(QStringLiteral("long.pdf"));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::WriteOnly));
        int pages = 0;
        QVERIFY2(writeReportPdf(state, m_data, &file, &error, &pages), qPrintable(error));
        file.close();
        QString all;
        for (int p = 1; p <= pages; ++p) {
            const QString text = pageText(pdf, p);
            QVERIFY2(!text.contains(u'…'),
                     qPrintable(QStringLiteral("page %1: %2").arg(p).arg(text)));
            all += text + u' ';
        }
        for (const Build &b : state.builds)
            QVERIFY_ON_PAGE(all, QString::fromStdString(b.name));
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
        QVERIFY2(writeReportPdf(toScenario(state, m_catalog.asOf), m_data, &buffer, &error, &pages),
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
        QVERIFY2(writeReportPdf(defaultState(m_catalog), m_data, &buffer, &error, &pages,
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
        QVERIFY(
            !writeReportPdf(state, m_data, &buffer, &error, nullptr, [&calls](int) { ++calls; }));
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
        QVERIFY(!writeReportPdf(empty, m_data, &buffer, &error));
        QVERIFY(error.contains(QStringLiteral("no builds")));

        QBuffer closed; // not open for writing
        error.clear();
        QVERIFY(!writeReportPdf(defaultState(m_catalog), m_data, &closed, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
